"""Deleted codes (decision 026, Nachtrag Runde 49) and tables with a code column: a table
names codes only by path, and the workbench's GUID of a code is ``uuid5`` of the path it
was made with; a table coded before the delete (``import F.csv --code-column``) brought
the deleted code back under a new GUID, with its codings. Now its statements are imported
and only that code's codings are left out and named, ``--restore-deleted-codes`` takes it
back (old GUID, the delete forgotten; also onto a table imported before), and a code made
again after the delete (``codebook add``) is that path's code, never refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coding_data import cards_project
from workbench import Project
from workbench.cli.main import main
from workbench.core.errors import InputError
from workbench.store.coding_tables import DELETED_CODES_KEY

# A colleague's coded table, from before the delete: two rows coded "Leerstelle" (one with
# a subcode under it too), one "Bedarf" only.
CODED = (
    "Nr;Text;Codes\n"
    "1;Kein Treffpunkt für Ältere am Abend;Leerstelle | Bedarf\n"
    "2;Der Bus fährt nur stündlich;Leerstelle/Abends\n"
    "3;Mehr Bänke an der Promenade;Bedarf\n"
)


def _table(tmp_path: Path, name: str = "kodiert.csv", text: str = CODED) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(project: Project, table: Path, *more: str) -> list[str]:
    return ["--project", str(project.path), "import", str(table), "--text-column", "Text",
            "--id-column", "Nr", "--code-column", "Codes", "--coder", "Eve", *more]  # fmt: skip


def _codings(project: Project) -> list[tuple[str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["code"], strict=True))


def _deleted(project: Project) -> str:
    with project.session() as s:
        from workbench.store import Meta

        meta = s.get(Meta, DELETED_CODES_KEY)
        return meta.value if meta is not None else "{}"


def _deleted_leerstelle(project: Project, tmp_path: Path) -> str:
    """The cards project with 'Leerstelle/Abends' made, used and deleted; its GUID."""
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.add_code("Leerstelle/Abends")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    guid = project.code_guids()["Leerstelle"]
    project.remove_code("Leerstelle", force=True)
    return guid


@pytest.mark.backends
def test_a_coded_table_from_before_the_delete_keeps_the_code_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guid = _deleted_leerstelle(project, tmp_path)
    capsys.readouterr()
    assert main(_import(project, _table(tmp_path))) == 0
    out = " ".join(capsys.readouterr().out.split())
    paths = set(project.codes()["path"])
    assert "Leerstelle" not in paths and "Leerstelle/Abends" not in paths
    assert guid not in set(project.code_guids().values())
    # the statements are all there, only the codings of the deleted code are left out
    assert set(project.segments()["source_id"]) >= {"1", "2", "3"}
    assert [c for c in _codings(project) if c[0] in ("1", "2", "3")] == [
        ("1", "Bedarf"),
        ("3", "Bedarf"),
    ]
    assert "kodiert.csv: 3 Aussagen importiert, 2 Kodierungen" in out
    assert (
        "Hier gelöscht (workbench codebook delete), nicht übernommen: 1 Code der Codespalte "
        "mit dem Pfad eines hier gelöschten Codes"
    ) in out
    assert "'Leerstelle' (gelöscht am 20" in out
    assert "2 Kodierungen in 2 Zeilen, 1 Untercode)" in out
    assert "Die Aussagen sind importiert, nur die Kodierungen dieses Codes nicht." in out
    assert (
        "Zurückholen: die Tabelle noch einmal importieren (workbench import, dieselbe "
        "Codespalte) mit --restore-deleted-codes."
    ) in out
    assert guid in _deleted(project)  # still remembered


@pytest.mark.backends
def test_restore_brings_the_codings_onto_the_table_imported_before(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The way back the notice names: the same table again, with the option."""
    guid = _deleted_leerstelle(project, tmp_path)
    table = _table(tmp_path)
    assert main(_import(project, table)) == 0
    before = len(project.segments())
    capsys.readouterr()
    assert main(_import(project, table, "--restore-deleted-codes")) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "kodiert.csv: bereits importiert (gleicher Inhalt), 2 Kodierungen zurückgeholt" in out
    assert "Zurückgeholt (--restore-deleted-codes): 2 Codes der Datei" in out
    assert "wirken nur auf Dateien" not in out  # it did act on this file
    assert len(project.segments()) == before  # no statement twice
    assert project.code_guids()["Leerstelle"] == guid  # its old GUID
    assert [c for c in _codings(project) if c[0] in ("1", "2", "3")] == [
        ("1", "Bedarf"),
        ("1", "Leerstelle"),
        ("2", "Leerstelle/Abends"),
        ("3", "Bedarf"),
    ]
    assert guid not in _deleted(project)  # the delete is forgotten
    capsys.readouterr()
    assert main(_import(project, _table(tmp_path, "zweite.csv", CODED + "4;Neu;Leerstelle\n"))) == 0
    out = capsys.readouterr().out
    assert "gelöscht" not in out
    assert ("4", "Leerstelle") in _codings(project)


@pytest.mark.backends
def test_restore_on_a_first_import_takes_the_code_with_its_guid(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guid = _deleted_leerstelle(project, tmp_path)
    capsys.readouterr()
    assert main(_import(project, _table(tmp_path), "--restore-deleted-codes")) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "kodiert.csv: 3 Aussagen importiert, 4 Kodierungen" in out
    assert "Zurückgeholt (--restore-deleted-codes)" in out
    assert project.code_guids()["Leerstelle"] == guid
    assert ("2", "Leerstelle/Abends") in _codings(project)
    assert guid not in _deleted(project)


def test_restore_is_still_refused_for_a_protocol(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    protocol = tmp_path / "protokoll.md"
    protocol.write_text("# Workshop\n\nWir brauchen mehr Bänke.\n", encoding="utf-8")
    base = ["--project", str(project.path), "import", str(protocol)]
    assert main([*base, "--restore-deleted-codes"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--restore-deleted-codes gilt nur für REFI-QDA-Projekte" in err
    assert "Tabellen mit Codespalte" in err
    assert len(project.documents()) == 0


@pytest.mark.backends
def test_a_code_made_again_after_the_delete_is_coded_from_a_table(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Guard: ``codebook add`` after the delete gives a new GUID (not the path's); a table
    naming the path codes that new code; only the deleted subcode no code has now is left
    out (as from a YAML codebook)."""
    guid = _deleted_leerstelle(project, tmp_path)
    project.add_code("Leerstelle")
    new = project.code_guids()["Leerstelle"]
    assert new != guid
    capsys.readouterr()
    assert main(_import(project, _table(tmp_path))) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "'Leerstelle' (gelöscht" not in out
    assert ("1", "Leerstelle") in _codings(project)
    assert project.code_guids()["Leerstelle"] == new
    # its subcode was deleted with the old code and no code has its path: left out
    assert "'Leerstelle/Abends' (gelöscht am 20" in out and "1 Kodierung in 1 Zeile)" in out
    assert "Leerstelle/Abends" not in set(project.codes()["path"])


@pytest.mark.backends
def test_a_coding_table_naming_a_deleted_code_says_it_was_deleted(
    project: Project, tmp_path: Path
) -> None:
    """A coding table (document,source_id,coder,code) refuses an unknown code, nothing
    written; for a code deleted here it says so, with the day, and how it comes back."""
    _deleted_leerstelle(project, tmp_path)
    before = _codings(project)
    codings = tmp_path / "kodierungen.csv"
    codings.write_text(
        "document,source_id,coder,code\nkarten.csv,K2,A,Bedarf\nkarten.csv,K5,A,Leerstelle\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="'Leerstelle' steht nicht im Codebuch") as raised:
        project.import_codings(codings)
    assert raised.value.row == 3
    message = str(raised.value)
    assert "Ein Code dieses Pfads wurde hier am 20" in message
    assert "gelöscht (workbench codebook delete)" in message
    assert "den Code neu anlegen (workbench codebook add)" in message
    assert _codings(project) == before  # nothing half-written
    project.add_code("Leerstelle")  # the way the message names
    assert project.import_codings(codings) == 2
    assert ("K5", "Leerstelle") in _codings(project)


def test_restore_is_refused_for_a_table_without_code_column(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _table(tmp_path, "ohne.csv", "Text\nKein Treffpunkt\n")
    base = ["--project", str(project.path), "import", str(table), "--restore-deleted-codes"]
    assert main(base) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Tabellen mit Codespalte (--code-column" in err
    assert "Keine der Dateien hat eine Codespalte." in err
    assert project.segments().empty
