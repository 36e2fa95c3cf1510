"""Lists with nothing in them say in German what to do next, as `recommend check` does.

Before: `recommend list` showed "0 Bedarfe" under a recommendation without a word on how
to link it, `recommend check` called the chains of a project without recommendations
"vollständig", `codebook list` of an empty codebook printed nothing, `memos list` said
"Keine Memos." and `coders` "Noch hat niemand kodiert." without the command that adds one.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.analysis import needs as needs_
from workbench.cli.main import main
from workbench.synthesis import recommendations as rec


def said(project: Project, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run ``workbench --project PROJECT ARGV``: its exit code and standard output."""
    capsys.readouterr()
    code = main(["--project", str(project.path), *argv])
    return code, capsys.readouterr().out


def listed_hints(out: str, number: int) -> list[str]:
    """The "Hinweis:" lines `recommend list` shows under recommendation ``number``."""
    block = re.search(rf"^ *{number}  \[.*?(?=^ *\d+  \[|\Z)", out, re.M | re.S)
    assert block is not None
    return re.findall(r"^ +Hinweis: (.*)$", block.group(0), re.M)


@pytest.fixture
def analysed(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Project:
    project = demo_copy(tmp_path_factory, tmp_path / "p")
    yield project
    project.close()


@pytest.fixture
def plain(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Project:
    project = demo_copy(tmp_path_factory, tmp_path / "p", analysed=False)
    yield project
    project.close()


def test_list_says_under_0_bedarfe_what_check_says_with_its_command(
    analysed: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    held = needs_.assignments(analysed)
    first = sorted(held["cluster"].unique())[0]
    in_cluster = [int(i) for i in held.loc[held["cluster"] == first, "segment_id"].head(2)]
    clustered = rec.add_recommendation(analysed, "Mehr Bänke im Park")
    rec.link_evidence(analysed, clustered, in_cluster)
    bare = rec.add_recommendation(analysed, "Noch ohne alles")

    _, out = said(analysed, capsys, "recommend", "list")
    assert "0 Bedarfe, 2 Belege" in out and "0 Bedarfe, 0 Belege" in out
    code, checked = said(analysed, capsys, "recommend", "check")
    assert code == 1
    for number in (clustered, bare):  # the same sentences, word for word
        check_lines = re.findall(rf"^Empfehlung {number}: (.*)$", checked, re.M)
        assert listed_hints(out, number) == check_lines != []

    (hint,) = listed_hints(out, clustered)
    command = re.search(r"verknüpfen: workbench (.*)\)$", hint).group(1)
    assert said(analysed, capsys, *shlex.split(command))[0] == 0  # pasted, it links
    assert rec.need_links(analysed).query(f"recommendation_id == {clustered}").shape[0] == 1
    _, out = said(analysed, capsys, "recommend", "list")
    assert listed_hints(out, clustered) == []  # linked: nothing left to say

    bare_hints = listed_hints(out, bare)
    run = rec.chain(analysed)["need_run"]
    assert f"hat keine Belege (workbench recommend link {bare} --segment DOK:ID)" in bare_hints
    assert (
        f"mit keinem Bedarfscluster verknüpft (verknüpfen: workbench recommend link {bare} "
        f"--run {run} --cluster N)" in bare_hints
    )


def test_without_a_need_run_the_hint_says_to_cluster_first(
    plain: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    number = rec.add_recommendation(plain, "Mehr Bänke im Park")
    rec.link_evidence(plain, number, [int(plain.segments()["segment_id"].iloc[0])])
    _, out = said(plain, capsys, "recommend", "list")
    expected = (
        "mit keinem Bedarfscluster verknüpft (noch keine Bedarfscluster: workbench needs, "
        f"dann workbench recommend link {number} --cluster N)"
    )
    assert listed_hints(out, number) == [expected]
    assert said(plain, capsys, "recommend", "check")[1] == f"Empfehlung {number}: {expected}\n"


def test_a_project_without_recommendations_is_not_called_complete(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    nothing = "Noch keine Empfehlungen (workbench recommend add TEXT).\n"
    assert said(project, capsys, "recommend", "check") == (0, nothing)
    assert said(project, capsys, "recommend", "list") == (0, nothing)
    number = rec.add_recommendation(project, "Mehr Bänke im Park")
    code, out = said(project, capsys, "recommend", "check")
    assert code == 1 and f"Empfehlung {number}: hat keine Belege" in out


def test_empty_codebook_memos_and_coders_name_the_command_that_fills_them(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = {
        ("codebook", "list"): "workbench codebook import DATEI oder workbench codebook add PFAD",
        ("memos", "list"): "workbench memo TEXT --author NAME",
        ("coders",): "workbench code NR CODE --coder NAME",
    }
    for argv, command in expected.items():
        code, out = said(project, capsys, *argv)
        assert code == 0 and out.startswith("Noch ") and f"({command}" in out, argv
    project.add_code("Bedarf")
    assert said(project, capsys, "codebook", "list")[1] == "Bedarf\n"  # a list: no hint
