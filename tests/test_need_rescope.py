"""After ``workbench forget`` a need's scope is decided again from the statements it still
has (workbench/analysis/need_rescope.py, called by the command)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.need_run_data import need_run_project
from workbench import Project
from workbench.analysis import needs
from workbench.cli.main import main
from workbench.participation.feedback import feedback_status

# cluster 0: the bus, twice in each of three districts (cross-district); cluster 1: others
ROWS = [
    *[(f"Der Bus fährt zu selten, Nummer {i}.", d, 0) for d in ("M", "O", "W") for i in (1, 2)],
    *[(f"Mehr Bänke am Platz, Nummer {i}.", d, 1) for d in ("M", "O", "W") for i in (1, 2, 3)],
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project of ROWS with a stored need run of their clusters."""
    return need_run_project(tmp_path, ROWS)


def test_a_cross_district_need_raised_in_two_districts_after_forget_is_district_specific(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forgetting the bus statements of Wiesdorf left "Genannt in: Manfort, Opladen" but
    "übergreifend" (raised in three districts) in profiles, reports and the ballot."""
    with Project.open(folder) as project:
        before = needs.clusters(project).set_index("cluster")
        segments = project.segments()
    assert before.loc[0, "scope"] == needs.CROSS_CUTTING
    wiesdorf_bus = segments[
        (segments["district"] == "Wiesdorf") & segments["text"].str.startswith("Der Bus")
    ]["segment_id"].tolist()
    capsys.readouterr()
    command = ["--project", str(folder), "forget", "--statement", *map(str, wiesdorf_bus)]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "Bedarf 0 (Bedarfslauf 1): jetzt sozialraumspezifisch statt übergreifend" in out
    assert "Der Bus" not in out  # by number, never a statement's words
    with Project.open(folder) as project:
        after = needs.clusters(project).set_index("cluster")
        assigned = needs.assignments(project)
    assert list(after.loc[0, "districts"]) == ["Manfort", "Opladen"]
    assert after.loc[0, "scope"] == needs.DISTRICT_SPECIFIC
    assert after.loc[1, "scope"] == before.loc[1, "scope"]  # the other need as it was
    assert set(assigned.loc[assigned["cluster"] == 0, "scope"]) == {needs.DISTRICT_SPECIFIC}


def test_a_rating_card_says_the_scope_the_need_has_after_forget(folder: Path) -> None:
    """The ballot's card showed "Genannt in: Manfort, Opladen" and "übergreifend"."""
    from workbench.participation import feedback

    with Project.open(folder) as project:
        [token] = feedback.issue_tokens(project, 1)
        segments = project.segments()
        items = feedback.open_ballot(project, token).items
    assert [i.scope for i in items] == [needs.CROSS_CUTTING] * 2
    erased = segments[
        (segments["district"] == "Wiesdorf") & segments["text"].str.startswith("Der Bus")
    ]["segment_id"].tolist()
    assert main(["--project", str(folder), "forget", "--statement", *map(str, erased)]) == 0
    with Project.open(folder) as project:
        items = feedback.open_ballot(project, token).items
    scopes = {i.districts: i.scope for i in items}
    assert scopes == {
        ("Manfort", "Opladen"): needs.DISTRICT_SPECIFIC,  # the bus, without Wiesdorf
        ("Manfort", "Opladen", "Wiesdorf"): needs.CROSS_CUTTING,
    }


def test_a_dry_run_decides_nothing_again(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(folder) as project:
        erased = project.segments()["segment_id"].tolist()[4:6]
    capsys.readouterr()
    command = ["--project", str(folder), "forget", "--dry-run", "--statement", *map(str, erased)]
    assert main(command) == 0
    assert "neu entschieden" not in capsys.readouterr().out
    with Project.open(folder) as project:
        assert needs.clusters(project).set_index("cluster").loc[0, "scope"] == needs.CROSS_CUTTING


def test_a_run_made_before_a_merge_keeps_its_scopes_and_says_why(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After Opladen was merged into Manfort, forgetting one bench statement made both
    needs "sozialraumspezifisch" beside "Manfort, Opladen, Wiesdorf": the merged district's
    statements were counted as Manfort's although the run names Opladen apart."""
    command = ["--project", str(folder), "districts", "--merge", "Opladen", "--into", "Manfort"]
    assert main(command) == 0
    with Project.open(folder) as project:
        segments = project.segments()
    bench = segments[segments["text"].str.startswith("Mehr Bänke")]["segment_id"].iloc[0]
    capsys.readouterr()
    assert main(["--project", str(folder), "forget", "--statement", str(bench)]) == 0
    out = capsys.readouterr().out
    assert "neu entschieden: keine geändert" in out
    assert "Bedarfslauf 1: nicht neu entschieden" in out and "Opladen in Manfort" in out
    with Project.open(folder) as project:
        after = needs.clusters(project).set_index("cluster")
    assert list(after.loc[0, "districts"]) == ["Manfort", "Wiesdorf"]  # Opladen is in Manfort
    assert list(after["scope"]) == [needs.CROSS_CUTTING] * 2


def test_after_forget_a_need_counts_only_its_remaining_statements_and_an_empty_one_goes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The run kept "6 Aussagen" for the bus after one was forgotten, and the benches,
    all forgotten, stayed "übergreifend" with 9 statements and no district."""
    with Project.open(folder) as project:
        segments = project.segments()
    bus = segments[segments["text"].str.startswith("Der Bus")]["segment_id"].tolist()
    benches = segments[segments["text"].str.startswith("Mehr Bänke")]["segment_id"].tolist()
    assert main(["--project", str(folder), "forget", "--statement", str(bus[0])]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "forget", "--statement", *map(str, benches)]) == 0
    said = "     1  Bedarfe und Themen ohne übrige Aussage (aus ihrem Lauf entfernt)"
    assert said in capsys.readouterr().out.splitlines()
    with Project.open(folder) as project:
        after = needs.clusters(project)
    assert after["cluster"].tolist() == [0]  # the benches' need has nothing left to show
    assert after.loc[0, "size"] == len(bus) - 1


def test_codes_can_be_issued_after_forget_emptied_every_need(folder: Path) -> None:
    """With every statement of the run forgotten and a draft recommendation left,
    workbench tokens stopped with a KeyError 'need_run' (the round took its run from the
    first item, now a draft): the codes open a ballot with the draft only."""
    from workbench.participation import feedback

    with Project.open(folder) as project:
        everything = project.segments()["segment_id"].tolist()
    base = ["--project", str(folder)]
    assert main([*base, "recommend", "add", "Mehr Busse", "--title", "Busse"]) == 0
    assert main([*base, "forget", "--statement", *map(str, everything)]) == 0
    assert main([*base, "tokens", "--n", "1"]) == 0
    with Project.open(folder) as project:
        [token] = feedback.issue_tokens(project, 1)
        items = feedback.open_ballot(project, token).items
    assert [(i.kind_label, i.label) for i in items] == [("Empfehlungsentwurf", "Busse")]


def test_no_codes_for_an_empty_ballot(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With every need of the run forgotten and no draft, workbench tokens issued codes
    that opened a ballot with nothing to rate: it refuses, exit 2, and writes no file."""
    with Project.open(folder) as project:
        everything = project.segments()["segment_id"].tolist()
    base = ["--project", str(folder)]
    assert main([*base, "forget", "--statement", *map(str, everything)]) == 0
    capsys.readouterr()
    out = tmp_path / "codes.csv"
    assert main([*base, "tokens", "--n", "2", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "nichts zu bewerten" in err and "Keine Zugangscodes ausgegeben" in err
    assert not out.exists()
    with Project.open(folder) as project:
        assert feedback_status(project)["tokens"] == 0


def test_linking_a_need_of_a_run_whose_needs_were_all_forgotten_says_why(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """recommend link said "Cluster 0 gibt es in Lauf 1 nicht (nur )." after forget."""
    with Project.open(folder) as project:
        everything = project.segments()["segment_id"].tolist()
    base = ["--project", str(folder)]
    assert main([*base, "recommend", "add", "Mehr Busse"]) == 0
    assert main([*base, "forget", "--statement", *map(str, everything)]) == 0
    capsys.readouterr()
    assert main([*base, "recommend", "link", "1", "--cluster", "0"]) == 2
    err = capsys.readouterr().err
    assert "(nur )" not in err
    assert "Cluster 0 gibt es in Lauf 1 nicht (er hat keinen mehr" in err
