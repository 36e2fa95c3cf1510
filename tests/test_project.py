"""Project store: creation, schema version, WAL, transactions, duplicates, tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text

from workbench import Project, WorkbenchError
from workbench.core.domain import TABLES
from workbench.store import SCHEMA_VERSION

CARDS = (
    "Karte;Text;Sozialraum;Workshop;Code\nK1;Tafel überlastet;Wiesdorf;WS Wiesdorf;Bedarf\n"
    "K2;Kirchengemeinde hilft;Wiesdorf;WS Wiesdorf;Ressource| Themen/Ehrenamt\n"
)


def test_create_open_and_schema_version(tmp_path: Path) -> None:
    p = Project.create(tmp_path / "p")
    assert (tmp_path / "p" / "werkbank.sqlite").exists()
    with p.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("SELECT value FROM meta").scalar() == str(SCHEMA_VERSION)
    p.close()
    assert Project.open(tmp_path / "p").districts()["district"].tolist() == ["Gesamtstadt"]
    with pytest.raises(WorkbenchError, match="schon ein Projekt"):
        Project.create(tmp_path / "p")


def test_other_schema_version_is_refused(tmp_path: Path) -> None:
    Project.create(tmp_path / "p").close()
    with sqlite3.connect(tmp_path / "p" / "werkbank.sqlite") as c:
        c.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(WorkbenchError, match="Schemaversion 99"):
        Project.open(tmp_path / "p")


def test_any_sqlalchemy_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'anderswo.db'}"
    p = Project.create(tmp_path / "p", db_url=url)
    p.close()
    assert (tmp_path / "anderswo.db").exists()
    assert not (tmp_path / "p" / "werkbank.sqlite").exists()
    assert Project.open(tmp_path / "p").db_url == url


@pytest.mark.backends
def test_import_with_codes_and_same_file_twice(project: Project, tmp_path: Path) -> None:
    from workbench.ingest import TableMapping

    path = tmp_path / "karten.csv"
    path.write_text(CARDS, encoding="utf-8")
    mapping = TableMapping(
        text_column="Text",
        id_column="Karte",
        district_column="Sozialraum",
        workshop_column="Workshop",
        code_column="Code",
        coder="MAXQDA-A",
    )
    [first] = project.import_files([path], mapping=mapping)
    assert (first.status, first.segments, first.codings) == ("importiert", 2, 3)
    before = project.status()
    [again] = project.import_files([path], mapping=mapping)
    assert again.status == "bereits vorhanden"
    assert project.status() == before
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("K1", "Bedarf"),
        ("K2", "Ressource"),
        ("K2", "Themen/Ehrenamt"),
    ]
    assert set(codings["coder"]) == {"MAXQDA-A"}
    assert "Themen" in project.codes()["path"].tolist()  # parent created for the nested code
    docs = project.documents()
    assert docs.loc[0, "sha256"] and docs.loc[0, "importer"] == "csv"
    assert docs.loc[0, "filename"] == "karten.csv"


@pytest.mark.backends
def test_segment_offsets_point_into_document_text(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(
        "---\nworkshop: W\ndistrict: Opladen\n---\n## Ressourcen und Möglichkeiten\n"
        "- Sportverein\n- Frau Schmidt hilft\n",
        encoding="utf-8",
    )
    project.import_files([path])
    with project.engine.connect() as c:
        doc = c.execute(text("SELECT text FROM documents")).scalar()
    for row in project.segments().itertuples():
        assert doc[row.start : row.end] == row.text


def test_tables_have_declared_columns(demo_project: Project) -> None:
    for name, columns in TABLES.items():
        df = getattr(demo_project, name)()
        assert name == "memos" or not df.empty, name
        assert {c: str(t) for c, t in df.dtypes.items()} == columns, name


def test_segments_name_who_said_it_as_the_export_does(project: Project, tmp_path: Path) -> None:
    """README "In Python": researchers group statements by speaker in a notebook; the
    pseudonym was only in the export and hidden in ``attributes`` of ``segments()``."""
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "00:01:02\tAnna Schmidt:\tDer Bus fährt zu selten.\n"
        "00:02:10\tBernd Keller:\tEs fehlt ein Treffpunkt.\n"
        "00:03:00\tAnna Schmidt:\tUnd das WLAN im Jugendzentrum.\n",
        encoding="utf-8",
    )
    project.import_files([chat], district="Manfort")
    segments = project.segments()
    assert segments["speaker"].tolist() == ["[Person 1]", "[Person 2]", "[Person 1]"]
    assert (
        list(segments.columns).index("speaker") == list(segments.columns).index("speaker_role") + 1
    )
    out = tmp_path / "aussagen.csv"
    project.export_table(out, "csv")
    exported = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert exported["speaker"].tolist() == segments["speaker"].tolist()
    assert "Schmidt" not in segments.drop(columns=["attributes"]).to_csv()


def test_import_options_are_named_not_counted(project: Project, tmp_path: Path) -> None:
    """import_files took eleven options by position: ``import_files(files, None, "Opladen")``
    read as district, one place further as workshop, and a slip set the other silently.
    After ``mapping`` every option goes by its name; nothing is imported by a call by place."""
    path = tmp_path / "p.md"
    path.write_text("---\nworkshop: W\n---\n## Ressourcen\n- Sportverein\n", encoding="utf-8")
    with pytest.raises(TypeError, match="positional"):
        project.import_files([path], None, "Opladen")  # type: ignore[misc]
    assert project.segments().empty
    [result] = project.import_files([path], None, district="Opladen")
    assert result.segments == 1
    assert project.segments()["district"].tolist() == ["Opladen"]
