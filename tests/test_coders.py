"""`workbench coders`: a typo'd coder ("Aa" for A) becomes the coder meant, and all codings
of one name (a coded table imported with the wrong --coder) go at once, undoably — before,
only one `uncode` at a time or a backup helped."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.coding_data import cards_project
from workbench import Project
from workbench.analysis.suggest import accept_suggestion
from workbench.cli.main import main
from workbench.ingest import TableMapping
from workbench.store import Coding, CodingActionItem


def _codings(project: Project) -> list[tuple[str, str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["code"], table["coder"], strict=True))


@pytest.mark.backends
def test_a_typo_coder_is_merged_into_the_coder_meant(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Herausforderung", "B")
    project.code_segment(ids["K5"], "Bedarf", "Aa")  # the typo: A meant
    project.code_segment(ids["K5"], "Herausforderung", "B")
    project.code_segment(ids["K4"], "Herausforderung", "Aa")  # A had it already
    project.resolve_disagreement(ids["K5"], "Bedarf", "Lea", "ist ein Bedarf")
    project.add_memo("Bedarf oder Herausforderung?", "Aa", segment=ids["K5"])
    project.add_memo("Aa ist unsicher", "B", segment=ids["K4"])  # B's memo stays B's
    assert len(project.disagreements(["Aa", "B"])) == 2
    base = ["--project", str(project.path), "coders"]

    assert main([*base, "rename", "aa", "A"]) == 0  # "aa": the only such coder, Aa
    out = capsys.readouterr().out
    assert (
        "Kodierer*in 'Aa' heißt jetzt 'A' (zusammengeführt): 1 Kodierung, 1 Memo übernommen" in out
    )
    memos = project.memos()
    assert sorted(zip(memos["author"], memos["text"], strict=True)) == [
        ("A", "Bedarf oder Herausforderung?"),
        ("B", "Aa ist unsicher"),
        ("Lea", "Abgleich „Bedarf“: ist ein Bedarf"),
    ]
    assert "1 Kodierung hatte A schon (dieselbe Stelle), sie bleibt einmal" in out
    assert _codings(project) == [
        ("K4", "Herausforderung", "A"),
        ("K4", "Herausforderung", "B"),
        ("K5", "Bedarf", "A"),
        ("K5", "Herausforderung", "B"),
    ]
    table = project.disagreements()  # the resolution followed the coder: still settled
    assert table[table["code"] == "Bedarf"]["resolved"].tolist() == [True]
    assert main([*base]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "A: 2 Kodierungen, 3 Kodierschritte",
        "B: 2 Kodierungen, 2 Kodierschritte",
    ]
    # the typo's steps are A's now; the one on the coding A had changes nothing
    assert project.undo_steps("A", 2) == [
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) bleibt (zusammengeführt)",
        f"Aussage {ids['K5']}: 'Bedarf' [0, 26) entfernt",
    ]

    assert main([*base, "rename", "Niemand", "A"]) == 2
    assert "Von 'Niemand' gibt es keine Kodierungen (kodiert haben: A, B)" in (
        capsys.readouterr().err
    )


def test_all_codings_of_a_wrongly_imported_coder_go_at_once_and_come_back_with_undo(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards_project(project, tmp_path)
    coded = tmp_path / "kodiert.csv"
    coded.write_text(
        "ID;Text;Code\nN1;Mehr Bänke im Park;Bedarf\nN2;Der Bus fährt selten;Herausforderung\n"
        "N3;Das Café hilft;Ressource\n",
        encoding="utf-8",
    )
    mapping = TableMapping(text_column="Text", id_column="ID", code_column="Code", coder="Falsch")
    project.import_files([coded], mapping=mapping, district="Manfort")
    project.code_segment(int(project.segments()["segment_id"].iloc[0]), "Bedarf", "A")
    before = _codings(project)
    base = ["--project", str(project.path), "coders", "remove", "Falsch"]

    assert main(base) == 2  # first the count, nothing removed
    err = capsys.readouterr().err
    assert "'Falsch' hat 3 Kodierungen in 1 Dokument. Alle entfernen: mit --force" in err
    assert _codings(project) == before
    assert main([*base, "--force"]) == 0
    assert "3 Kodierungen von 'Falsch' entfernt" in capsys.readouterr().out
    assert [c for _, _, c in _codings(project)] == ["A"]
    assert main(["--project", str(project.path), "undo", "--coder", "Falsch"]) == 0
    assert _codings(project) == before


@pytest.mark.backends
def test_the_codings_one_wrongly_imported_file_brought_go_and_her_others_stay(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "Lea")  # her own work: stays
    coded = tmp_path / "kodiert_falsch.csv"
    coded.write_text(
        "ID;Text;Code\nN1;Mehr Bänke im Park;Bedarf\nN2;Der Bus fährt selten;Herausforderung\n",
        encoding="utf-8",
    )
    mapping = TableMapping(text_column="Text", id_column="ID", code_column="Code", coder="Lea")
    project.import_files([coded], mapping=mapping, district="Manfort")
    before = _codings(project)
    base = ["--project", str(project.path), "coders", "remove", "Lea"]

    assert main([*base, "--document", "kodiert_falsch.csv"]) == 2  # first the count
    err = capsys.readouterr().err
    assert "'Lea' hat 2 Kodierungen in 'kodiert_falsch.csv'. Alle entfernen: mit --force" in err
    assert _codings(project) == before
    assert main([*base, "--document", "kodiert_falsch.csv", "--force"]) == 0
    assert "2 Kodierungen von 'Lea' in 'kodiert_falsch.csv' entfernt" in capsys.readouterr().out
    assert _codings(project) == [("K4", "Herausforderung", "Lea")]
    assert main(["--project", str(project.path), "undo", "--coder", "Lea"]) == 0
    assert _codings(project) == before
    assert main([*base, "--document", "anderes.csv", "--force"]) == 2
    assert "'Lea' hat keine Kodierungen in 'anderes.csv' (kodiert in: " in capsys.readouterr().err
    assert _codings(project) == before


def test_a_coder_is_respelt_and_konsens_is_no_person(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "lea" → "Lea" was refused ("heißt schon so": the new name matched her without case);
    a person renamed to "konsens" made her codings the team's agreed ones without a word."""
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "lea")
    project.code_segment(ids["K5"], "Bedarf", "B")
    base = ["--project", str(project.path), "coders", "rename"]
    assert main([*base, "lea", "Lea"]) == 0
    assert "Kodierer*in 'lea' heißt jetzt 'Lea'" in capsys.readouterr().out
    assert sorted(set(project.codings()["coder"])) == ["B", "Lea"]
    assert main([*base, "B", "Konsens"]) == 2
    assert "keine Person" in capsys.readouterr().err
    assert sorted(set(project.codings()["coder"])) == ["B", "Lea"]


@pytest.mark.backends
def test_undoing_the_newer_of_two_merged_codings_keeps_the_older(
    project: Project, tmp_path: Path
) -> None:
    """The typo "Aa" coded K4 first, A coded it again later; after the merge, A's undo of
    her newer step took the coding away that Aa had made before (both were gone), and
    first a fix that dropped the newer step undid K5 instead, which she had not asked."""
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "Aa")  # older
    project.code_segment(ids["K5"], "Bedarf", "A")
    project.code_segment(ids["K4"], "Herausforderung", "A")  # newer, the same passage
    project.rename_coder("Aa", "A")
    assert _codings(project) == [("K4", "Herausforderung", "A"), ("K5", "Bedarf", "A")]
    project.undo("A", 1)  # the newer K4 step: the coding Aa made stays, and so does K5
    assert _codings(project) == [("K4", "Herausforderung", "A"), ("K5", "Bedarf", "A")]
    project.undo("A", 2)  # the older step, now A's, takes the passage's last coding away
    assert _codings(project) == []


def test_undo_after_a_coder_merge_keeps_a_coding_restored_by_undoing_its_removal(
    project: Project, tmp_path: Path
) -> None:
    """A and the typo Aa coded K5, then A took hers off. Before the merge, undoing A's
    removal and then Aa's coding left K5 coded (A's, restored). After the merge, the
    first undo found the coding there and the second took K5's only coding away."""
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K5"], "Bedarf", "A")
    project.code_segment(ids["K5"], "Bedarf", "Aa")
    project.uncode_segment(ids["K5"], "Bedarf", "A")
    project.rename_coder("Aa", "A")
    project.undo_steps("A", 1)
    assert _codings(project) == [("K5", "Bedarf", "A")]
    assert project.undo_steps("A", 1) == [
        f"Aussage {ids['K5']}: 'Bedarf' [0, 26) bleibt (zusammengeführt)"
    ]
    assert _codings(project) == [("K5", "Bedarf", "A")]
    assert project.undo_steps("A", 1) == [f"Aussage {ids['K5']}: 'Bedarf' [0, 26) entfernt"]
    assert _codings(project) == []


def test_coding_again_says_nothing_changed_so_undo_is_not_taken_for_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`code` on a statement the coder had coded so printed "kodiert" as for a new coding;
    the next `undo`, meant for it, removed an earlier coding of another statement."""
    ids = cards_project(project, tmp_path)
    p = ["--project", str(project.path)]
    assert main([*p, "code", str(ids["K4"]), "Bedarf", "--coder", "A"]) == 0
    assert main([*p, "code", str(ids["K5"]), "Bedarf", "--coder", "A"]) == 0
    assert capsys.readouterr().out.count(") kodiert.") == 2
    assert main([*p, "code", str(ids["K4"]), "Bedarf", "--coder", "A"]) == 0
    out = capsys.readouterr().out
    assert "war schon so kodiert; nichts geändert" in out and ") kodiert." not in out
    assert _codings(project) == [("K4", "Bedarf", "A"), ("K5", "Bedarf", "A")]
    assert main([*p, "code", str(ids["K4"]), "Bedarf", "--coder", "B"]) == 0  # B: new
    assert ") kodiert." in capsys.readouterr().out


@pytest.mark.backends
def test_rename_gives_the_suggestions_a_coder_accepted_to_the_new_name(
    project: Project, tmp_path: Path
) -> None:
    """`coders rename "Gisela Brandhorst" "[Person 1]"` (what `forget --person` advises for a
    participant coding under two spellings) left her name as the one who accepted a
    suggestion (app `kodieren`), in the coding and in its step."""
    ids = cards_project(project, tmp_path)
    accept_suggestion(project, ids["K4"], "Bedarf", "Gisela Brandhorst")
    project.code_segment(ids["K5"], "Bedarf", "[Person 1]")
    assert (
        main(
            ["--project", str(project.path), "coders", "rename", "Gisela Brandhorst", "[Person 1]"]
        )
        == 0
    )
    with project.session() as session:
        assert set(session.scalars(select(Coding.accepted_by))) == {"[Person 1]", None}
        assert set(session.scalars(select(CodingActionItem.accepted_by))) == {"[Person 1]", None}
