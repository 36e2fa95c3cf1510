"""`codebook merge A B`: a team finds two codes are one; A's codings, memos and resolutions
go to B, a coding both had stays once, and an export from before the merge brings A back as
B — never as a second code with A's codings doubled."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import delete, select

from tests.coding_data import cards_project
from tests.qdpx_data import Q, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.store import Code, CodingActionItem


def _codings(project: Project) -> list[tuple[str, str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["code"], table["coder"], strict=True))


@pytest.mark.backends
def test_merge_moves_codings_memos_and_resolutions_once(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    project.code_segment(ids["K5"], "Herausforderung", "B")
    project.code_segment(ids["K4"], "Leerstelle", "A")  # A had both here: stays once
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Herausforderung", "B")
    project.resolve_disagreement(ids["K5"], "Leerstelle", "Lea", "fehlt ganz")
    project.add_memo("Fehlt etwas ganz?", "Lea", code="Leerstelle")
    base = ["--project", str(project.path), "codebook"]

    # rename onto the other's name: refused, and the message names the way
    assert main([*base, "rename", "Leerstelle", "Herausforderung"]) == 2
    err = capsys.readouterr().err
    assert "workbench codebook merge Leerstelle Herausforderung" in err

    assert main([*base, "merge", "Leerstelle", "Herausforderung"]) == 0
    out = capsys.readouterr().out
    assert "1 Kodierung, 1 Memo und 1 Klärung übernommen" in out
    assert "1 Kodierung hatte beide Codes" in out
    assert "Leerstelle" not in {spec.path for spec in project.codebook()}
    assert _codings(project) == [
        ("K4", "Herausforderung", "A"),
        ("K4", "Herausforderung", "B"),
        ("K5", "Herausforderung", "A"),
        ("K5", "Herausforderung", "B"),
    ]
    memos = project.memos()
    on_code = memos[memos["target_type"] == "code"]
    assert on_code["target_id"].tolist() == [project.codes().set_index("path").loc[
        "Herausforderung", "code_id"]]  # fmt: skip
    assert len(project.disagreements()) == 0

    # A's last step was coding K4 with Herausforderung itself: undoing it leaves the K4
    # coding that Leerstelle held before (as before the merge); the older step removes it
    assert project.undo_steps("A", 5) == [
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) bleibt (zusammengeführt)",
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) entfernt",
        f"Aussage {ids['K5']}: 'Herausforderung' [0, 26) entfernt",
    ]


def test_merge_refuses_itself_and_a_code_into_its_subcode(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards_project(project, tmp_path)
    base = ["--project", str(project.path), "codebook", "merge"]
    before = project.codebook()
    assert main([*base, "Bedarf", "Bedarf"]) == 2
    assert "nicht mit sich selbst" in capsys.readouterr().err
    assert main([*base, "Themen", "Themen/Wohnen"]) == 2
    err = capsys.readouterr().err
    assert "mit seinem Untercode 'Themen/Wohnen'" in err
    assert "workbench codebook merge Themen/Wohnen Themen" in err
    assert main([*base, "Gibtsnicht", "Bedarf"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert project.codebook() == before


def test_merge_refuses_to_put_codings_on_a_category(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A category (codable: false, from MAXQDA/NVivo) only groups codes, and `code` refuses
    it; `codebook merge Leerstelle Gruppe` moved Leerstelle's codings onto it all the same
    (exit 0), and QualCoder drops codings on a category."""
    ids = cards_project(project, tmp_path)
    book = tmp_path / "kategorie.yaml"
    book.write_text("codes:\n- name: Gruppe\n  codable: false\n  children:\n  - name: Orte\n")
    base = ["--project", str(project.path), "codebook"]
    assert main([*base, "import", str(book)]) == 0
    project.add_code("Leerstelle")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    capsys.readouterr()
    assert main([*base, "merge", "Leerstelle", "Gruppe"]) == 2
    err = capsys.readouterr().err
    assert "'Gruppe' ist eine Kategorie und nicht kodierbar" in err
    assert "1 Kodierung von 'Leerstelle' käme auf sie" in err
    assert "workbench codebook move --under Gruppe Leerstelle" in err
    assert "Traceback" not in err
    assert ("K5", "Leerstelle", "A") in _codings(project)
    assert main([*base, "merge", "Leerstelle", "Gruppe/Orte"]) == 0  # a subcode is codable
    assert ("K5", "Gruppe/Orte", "A") in _codings(project)


def test_merge_moves_the_subcodes_under_the_target(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code with subcodes was refused ('erst verschieben'); MAXQDA moves them along."""
    ids = cards_project(project, tmp_path)
    project.add_code("Themen/Wohnen/Miete")
    project.add_code("Bedarf/Wohnen")
    project.code_segment(ids["K2"], "Themen/Wohnen/Miete", "A")
    project.code_segment(ids["K3"], "Themen/Digitale Teilhabe", "A")
    guid = project.code_guids()["Themen/Digitale Teilhabe"]
    base = ["--project", str(project.path), "codebook", "merge"]
    before = project.codebook()

    # the target has a subcode of the same name: say which to merge first, change nothing
    assert main([*base, "Themen", "Bedarf"]) == 2
    err = capsys.readouterr().err
    assert "'Bedarf' hat schon 1 Untercode mit dem Namen eines Untercodes von 'Themen'" in err
    assert "workbench codebook merge Themen/Wohnen Bedarf/Wohnen" in err
    assert project.codebook() == before

    assert main([*base, "Themen/Wohnen", "Bedarf/Wohnen"]) == 0
    assert "Untercodes liegen jetzt unter 'Bedarf/Wohnen': Bedarf/Wohnen/Miete" in (
        capsys.readouterr().out
    )
    assert main([*base, "Themen", "Bedarf"]) == 0
    out = capsys.readouterr().out
    assert "Untercodes liegen jetzt unter 'Bedarf': Bedarf/Digitale Teilhabe." in out
    specs = {spec.path: spec for spec in project.codebook()}
    assert sorted(specs) == [
        "Bedarf",
        "Bedarf/Digitale Teilhabe",
        "Bedarf/Wohnen",
        "Bedarf/Wohnen/Miete",
        "Herausforderung",
        "Ressource",
    ]
    assert specs["Bedarf/Digitale Teilhabe"].colour == "#457b9d"  # the code itself moved
    assert project.code_guids()["Bedarf/Digitale Teilhabe"] == guid
    with project.session() as session:  # the stored parent follows the path
        parents = {c.path: c.parent_id for c in session.scalars(select(Code))}
        ids_by_path = {c.path: c.id for c in session.scalars(select(Code))}
    assert parents["Bedarf/Wohnen/Miete"] == ids_by_path["Bedarf/Wohnen"]
    assert parents["Bedarf/Digitale Teilhabe"] == ids_by_path["Bedarf"]
    assert _codings(project) == [
        ("K2", "Bedarf/Wohnen/Miete", "A"),
        ("K3", "Bedarf/Digitale Teilhabe", "A"),
    ]


def test_an_export_from_before_the_merge_brings_the_merged_code_back_to_its_target(
    project: Project, tmp_path: Path
) -> None:
    """The colleague got the export before the merge and coded one more statement with
    'Leerstelle' in MAXQDA: read back, the file's 'Leerstelle' is 'Herausforderung' — the
    old codings are not doubled under a revived 'Leerstelle', the new one lands once."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    project.merge_code("Leerstelle", "Herausforderung")
    project.add_code("Leerstelle")  # a new code by the old name is another code

    root = qde_root(exported)
    code = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "Leerstelle")
    user = next(root.iter(f"{Q}User")).get("guid")
    k1 = next(
        s for s in root.iter(f"{Q}PlainTextSelection") if "Quelle-ID: K1" in "".join(s.itertext())
    )
    coding = etree.SubElement(
        k1, f"{Q}Coding", guid="9E000000-0000-4000-8000-00000000000A", creatingUser=user
    )
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code.get("guid"))
    result = import_qdpx(project, rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root)))

    assert _codings(project) == [
        ("K1", "Herausforderung", "A"),
        ("K4", "Herausforderung", "A"),
        ("K5", "Herausforderung", "A"),
    ]
    assert sorted(spec.path for spec in project.codebook()).count("Leerstelle") == 1
    assert any("mit 'Herausforderung' zusammengeführt" in n for n in result.notices)


def test_undo_after_a_merge_keeps_a_coding_the_other_code_held(
    project: Project, tmp_path: Path
) -> None:
    """A coded K4 with Leerstelle, then K5, then K4 with Herausforderung. Before the merge,
    undoing the last step left K4 coded (Leerstelle); only undoing the first as well took
    it away. The merge kept the newer step and dropped the older: the first undo after
    the merge took K4's only coding; then it dropped the newer, and the first undo took
    K5, which the coder had not asked to undo. Now each undo does what it did before the
    merge: the newer K4 step changes nothing, then K5, then K4 goes."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K4"], "Leerstelle", "A")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.merge_code("Leerstelle", "Herausforderung")
    assert project.undo_steps("A", 1) == [
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) bleibt (zusammengeführt)"
    ]
    assert _codings(project) == [("K4", "Herausforderung", "A"), ("K5", "Herausforderung", "A")]
    assert project.undo_steps("A", 1) == [
        f"Aussage {ids['K5']}: 'Herausforderung' [0, 26) entfernt"
    ]
    assert _codings(project) == [("K4", "Herausforderung", "A")]
    assert project.undo_steps("A", 1) == [
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) entfernt"
    ]
    assert _codings(project) == []


def test_undo_after_a_merge_keeps_a_coding_imported_for_the_merged_code(
    project: Project, tmp_path: Path
) -> None:
    """A coding the merged code had without a step of its own (imported) stayed through
    every undo before the merge; the target's step on the same passage no longer takes
    it away after the merge."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K4"], "Leerstelle", "A")
    with project.transaction() as s:  # as an import leaves it: a coding without a step
        s.execute(delete(CodingActionItem))
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K5"], "Herausforderung", "A")
    project.merge_code("Leerstelle", "Herausforderung")
    assert project.undo_steps("A", 5) == [
        f"Aussage {ids['K5']}: 'Herausforderung' [0, 26) entfernt",
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) bleibt (zusammengeführt)",
    ]
    assert _codings(project) == [("K4", "Herausforderung", "A")]


def test_undo_after_a_merge_keeps_a_coding_restored_by_undoing_its_removal(
    project: Project, tmp_path: Path
) -> None:
    """A coded K4 with Herausforderung, then with Leerstelle, then took Herausforderung
    off. Before the merge, undoing twice brought Herausforderung back and took only
    Leerstelle away. After it, the first undo found the coding there, and the second
    took K4's only coding away."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Leerstelle", "A")
    project.uncode_segment(ids["K4"], "Herausforderung", "A")
    project.merge_code("Leerstelle", "Herausforderung")
    project.undo_steps("A", 1)
    assert _codings(project) == [("K4", "Herausforderung", "A")]
    assert project.undo_steps("A", 1) == [
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) bleibt (zusammengeführt)"
    ]
    assert _codings(project) == [("K4", "Herausforderung", "A")]
    assert project.undo_steps("A", 1) == [
        f"Aussage {ids['K4']}: 'Herausforderung' [0, 29) entfernt"
    ]
    assert _codings(project) == []


def test_undo_after_a_merge_keeps_a_coding_restored_by_undoing_the_merged_codes_removal(
    project: Project, tmp_path: Path
) -> None:
    """The same the other way round: A coded K4 with Herausforderung, then with
    Leerstelle, then took Leerstelle off; undoing the removal and then the
    Herausforderung step left K4 coded (Leerstelle) before the merge."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Leerstelle", "A")
    project.uncode_segment(ids["K4"], "Leerstelle", "A")
    project.merge_code("Leerstelle", "Herausforderung")
    project.undo_steps("A", 1)
    assert _codings(project) == [("K4", "Herausforderung", "A")]
    project.undo_steps("A", 1)
    assert _codings(project) == [("K4", "Herausforderung", "A")]
    project.undo_steps("A", 1)
    assert _codings(project) == []


def test_undo_after_a_merge_keeps_a_coding_imported_for_the_target(
    project: Project, tmp_path: Path
) -> None:
    """K4 imported with Herausforderung (no step); A coded it with Leerstelle and took that
    off again. Before the merge, undoing both steps left the imported coding; after it,
    the second undo took K4's only coding away."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    with project.transaction() as s:  # as an import leaves it: a coding without a step
        s.execute(delete(CodingActionItem))
    project.code_segment(ids["K4"], "Leerstelle", "A")
    project.uncode_segment(ids["K4"], "Leerstelle", "A")
    project.merge_code("Leerstelle", "Herausforderung")
    project.undo_steps("A", 2)
    assert _codings(project) == [("K4", "Herausforderung", "A")]
