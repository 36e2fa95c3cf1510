"""`codebook delete` of a code, then an older REFI-QDA file of the project (an export made
before the delete, coded further in MAXQDA): the file brought the code back silently with
its GUID and codings. Now the delete is remembered by GUID and day (no name), the import
leaves the code out with its subcodes, codings and memos and names it, and
``--restore-deleted-codes`` takes it back (decision 026)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tests.coding_data import cards_project
from tests.qdpx_data import Q, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.store import Meta

DELETED_CODES_KEY = "deleted_code_guids"  # meta: {GUID: day of the delete}


def _deleted(project: Project) -> dict[str, str]:
    """The deleted codes' GUIDs as the project stores them (with the day)."""
    with project.session() as s:
        meta = s.get(Meta, DELETED_CODES_KEY)
        assert meta is None or "Leerstelle" not in meta.value  # the GUID and day, no name
        return json.loads(meta.value) if meta is not None else {}


def _codings(project: Project) -> list[tuple[str, str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["code"], table["coder"], strict=True))


def _coded_further(team: Path, tmp_path: Path, guid: str, card: str = "K1") -> Path:
    """The team's export as MAXQDA gives it back: ``card`` coded with the code ``guid``."""
    root = qde_root(team)
    user = next(root.iter(f"{Q}User")).get("guid")
    selection = next(
        s
        for s in root.iter(f"{Q}PlainTextSelection")
        if f"Quelle-ID: {card}" in "".join(s.itertext())
    )
    coding = etree.SubElement(
        selection, f"{Q}Coding", guid="9E000000-0000-4000-8000-00000000000B", creatingUser=user
    )
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=guid)
    return rezip(team, tmp_path / "maxqda.qdpx", etree.tostring(root))


@pytest.mark.backends
def test_an_older_export_does_not_bring_a_deleted_code_back_unasked(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    guid = project.code_guids()["Leerstelle"]
    team = tmp_path / "team.qdpx"
    project.add_memo("Zu wenig Orte für Ältere", "A", code="Leerstelle")
    export_qdpx(project, team)  # the colleague's copy, from before the delete
    delete = ["--project", str(project.path), "codebook", "delete", "Leerstelle", "--force"]
    assert main(delete) == 0
    assert list(_deleted(project)) == [guid]

    capsys.readouterr()
    maxqda = _coded_further(team, tmp_path, guid)  # and coded K1 with it there
    assert main(["--project", str(project.path), "import", str(maxqda)]) == 0
    out = capsys.readouterr().out
    assert "Leerstelle" not in set(project.codes()["path"])
    assert _codings(project) == [("K4", "Herausforderung", "A")]
    assert not [m for m in project.memos().itertuples() if m.target_type == "code"]
    assert "Hier gelöscht (workbench codebook delete), nicht übernommen: 1 Code der Datei" in out
    assert "'Leerstelle' (gelöscht am 20" in out
    assert "2 Kodierungen und 1 Memo)" in out
    assert "--restore-deleted-codes" in out

    # asked for: back with its GUID and what the file holds on it; the delete forgotten
    restore = ["--project", str(project.path), "import", str(maxqda), "--restore-deleted-codes"]
    assert main(restore) == 0
    out = capsys.readouterr().out
    assert "Zurückgeholt (--restore-deleted-codes): 1 Code der Datei" in out
    assert project.code_guids()["Leerstelle"] == guid
    assert ("K1", "Leerstelle", "A") in _codings(project)
    assert ("K5", "Leerstelle", "A") in _codings(project)
    assert _deleted(project) == {}


@pytest.mark.backends
def test_subcodes_a_code_made_again_and_a_later_export(project: Project, tmp_path: Path) -> None:
    """Subcodes go with a deleted code (also one added in MAXQDA under it); a code made
    again under the old name is a new code with a new GUID and takes nothing of the old
    file; an export made after the delete is imported as always."""
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Themen/Wohnen", "A")
    project.code_segment(ids["K6"], "Ressource", "A")
    old = project.code_guids()
    team = tmp_path / "team.qdpx"
    export_qdpx(project, team)
    root = qde_root(team)  # in MAXQDA: a new subcode under Themen
    themen = next(c for c in root.iter(f"{Q}Code") if c.get("guid") == old["Themen"])
    etree.SubElement(
        themen,
        f"{Q}Code",
        guid="9E000000-0000-4000-8000-0000000000C1",
        name="Neu",
        isCodable="true",
    )
    team = rezip(team, tmp_path / "team2.qdpx", etree.tostring(root))
    project.remove_code("Themen", force=True)
    project.add_code("Themen")  # made again: another code
    assert project.code_guids()["Themen"] != old["Themen"]

    result = import_qdpx(project, team)
    assert set(project.codes()["path"]) == {"Ressource", "Herausforderung", "Bedarf", "Themen"}
    assert _codings(project) == [("K6", "Ressource", "A")]
    [notice] = [n for n in result.notices if n.startswith("Hier gelöscht")]
    assert "'Themen' (gelöscht am " in notice and "1 Kodierung, 3 Untercodes" in notice
    assert "der Code 'Themen' hier ist ein neuer, nach dem Löschen angelegt" in notice

    project.code_segment(ids["K2"], "Themen", "A")
    later = tmp_path / "later.qdpx"
    export_qdpx(project, later)  # after the delete: nothing in it was deleted
    fresh = Project.create(tmp_path / "fresh")
    try:
        result = import_qdpx(fresh, later, add_districts=True)
        assert not [n for n in result.notices if "gelöscht" in n]
        assert ("K2", "Themen", "A") in _codings(fresh)
    finally:
        fresh.close()
    again = import_qdpx(project, later)  # and into the project itself: nothing new
    assert not [n for n in again.notices if "gelöscht" in n]


def test_restore_option_only_for_refi_qda(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "karten.csv"
    path.write_text("Text\nKein Treffpunkt\n", encoding="utf-8")
    code = main(["--project", str(project.path), "import", str(path), "--restore-deleted-codes"])
    assert code == 2
    assert "--restore-deleted-codes gilt nur für REFI-QDA-Projekte" in capsys.readouterr().err
    assert project.segments().empty


def test_an_older_qdc_codebook_does_not_bring_a_deleted_code_back_unasked(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards_project(project, tmp_path)
    guid = project.code_guids()["Themen/Wohnen"]
    book = tmp_path / "codebuch.qdc"
    project.export_codebook(book, "qdc")
    project.remove_code("Themen/Wohnen")
    base = ["--project", str(project.path), "codebook", "import", str(book)]
    capsys.readouterr()
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "Themen/Wohnen" not in set(project.codes()["path"])
    assert "nicht übernommen: 1 Code der Datei mit derselben GUID, 'Themen/Wohnen'" in out
    assert main([*base, "--restore-deleted-codes"]) == 0
    assert project.code_guids()["Themen/Wohnen"] == guid
