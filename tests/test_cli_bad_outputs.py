"""Outputs and files the CLI cannot use: a German message, exit 2, and the project as it was."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from tests.need_run_data import need_run_project
from workbench import Project
from workbench.cli.common import database_reason
from workbench.cli.main import main

CARDS = (
    "Text;Sozialraum\nKein Treffpunkt für Jugendliche;Manfort\nBus fährt abends selten;Manfort\n"
    "Spielplatz am Markt ist kaputt;Manfort\nÄrztin fehlt im Viertel;Manfort\n"
)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A project with two cards."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    assert main(["--project", str(folder), "import", str(cards)]) == 0
    return folder


def _counts(folder: Path) -> tuple[int, int]:
    """(access codes, need runs) stored in the project."""
    with Project.open(folder) as project:
        tokens = project.engine.connect().exec_driver_sql("SELECT count(*) FROM feedback_tokens")
        runs = project.engine.connect().exec_driver_sql("SELECT count(*) FROM need_runs")
        return tokens.scalar(), runs.scalar()


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["tokens", "--n", "2", "--out", "{tmp}"], "ist ein Ordner, keine Datei"),
        (["tokens", "--n", "2", "--out", "{tmp}/fehlt/codes.csv"], "der Ordner"),
        (["needs", "--backend", "tfidf", "--out", "{tmp}"], "ist ein Ordner, keine Datei"),
    ],
)
def test_an_output_that_cannot_be_written_stops_before_the_project_changes(
    small: Path, tmp_path: Path, command: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _counts(small)
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--project", str(small), *args]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert _counts(small) == before  # no access code lost, no run without its table


def test_access_codes_whose_list_cannot_be_written_are_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A list that passed the checks but could not be written (a full disk) lost its codes:
    they were stored first, the file not written, and the feedback counted codes nobody
    had. The list is written before the codes are stored; if it fails, none is."""
    rows = [("Bänke fehlen", "M", 0), ("Mehr Bänke", "O", 0), ("Kein Jugendtreff", "W", 1)]
    small = need_run_project(tmp_path, rows)  # needs to rate
    write_bytes = Path.write_bytes

    def full_disk(path: Path, data: bytes) -> int:
        if "codes.csv" in path.name:  # the list or its temporary file beside it
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    out = tmp_path / "codes.csv"
    args = ["--project", str(small), "tokens", "--n", "2", "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "codes.csv lässt sich nicht schreiben: kein Platz mehr" in err
    assert "Traceback" not in err
    assert _counts(small)[0] == 0 and not out.exists()
    monkeypatch.undo()  # room again: the codes are stored and written
    assert main(args) == 0
    assert _counts(small)[0] == 2 and len(out.read_text(encoding="utf-8-sig").splitlines()) == 3


def test_access_codes_whose_commit_fails_leave_no_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The list was written before the codes were stored; when the commit then failed (a
    disk error, the server gone), the file held codes the project never stored, over the
    list of earlier codes. The list now takes its name only after the commit."""
    from contextlib import contextmanager

    from workbench.store.project_store import ProjectStore

    rows = [("Bänke fehlen", "M", 0), ("Mehr Bänke", "O", 0), ("Kein Jugendtreff", "W", 1)]
    small = need_run_project(tmp_path, rows)
    out = tmp_path / "codes.csv"
    args = ["--project", str(small), "tokens", "--n", "2", "--out", str(out)]
    assert main(args) == 0
    earlier = out.read_bytes()  # the only copy of the two codes issued first
    transaction = ProjectStore.transaction

    @contextmanager
    def commit_fails(self: ProjectStore, exclusive: bool = False):  # type: ignore[no-untyped-def]
        with transaction(self, exclusive) as session:
            yield session
            if exclusive:  # issuing codes: the work is done, the commit fails
                raise OperationalError("COMMIT", None, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(ProjectStore, "transaction", commit_fails)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and "Traceback" not in err
    assert _counts(small)[0] == 2  # the new codes were not stored …
    assert out.read_bytes() == earlier  # … and the list of the stored ones is still there
    assert [p.name for p in tmp_path.iterdir() if "codes.csv" in p.name] == ["codes.csv"]


def test_a_backup_never_overwrites_a_file_that_is_no_backup(small: Path, tmp_path: Path) -> None:
    cards = tmp_path / "karten.csv"
    assert main(["--project", str(small), "backup", str(cards)]) == 2
    assert cards.read_text(encoding="utf-8") == CARDS
    again = tmp_path / "sicherung.zip"
    assert main(["--project", str(small), "backup", str(again)]) == 0
    # a backup may replace a backup
    assert main(["--project", str(small), "backup", str(again)]) == 0
    assert "manifest.json" in zipfile.ZipFile(again).namelist()


def test_a_folder_where_a_file_belongs_is_named_in_german(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "codebuch.yaml"
    folder.mkdir()
    assert main(["--project", str(small), "codebook", "import", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"{folder}: ist ein Ordner, keine Datei." in err and "Traceback" not in err


def test_a_cut_off_rtf_stops_with_its_name(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rtf = tmp_path / "protokoll.rtf"
    rtf.write_text(r"{\rtf1\ansi {\b Was fehlt?}\par Ein Treffpunkt\par", encoding="ascii")
    assert main(["--project", str(small), "import", str(rtf)]) == 2
    assert "unvollständig" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [["needs", "--seed", "-1"], ["topics", "--n-topics", "1"], ["needs", "--n-clusters", "0"]],
)
def test_numbers_out_of_range_are_refused_by_the_parser(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert "ist keine ganze Zahl ab" in capsys.readouterr().err


def test_database_errors_a_user_meets_are_german_and_others_stay_bugs() -> None:
    def error(text: str) -> OperationalError:
        return OperationalError("INSERT …", {}, sqlite3.OperationalError(text))

    assert "gesperrt" in database_reason(error("database is locked"))
    assert "schreibgeschützt" in database_reason(error("attempt to write a readonly database"))
    assert database_reason(error("no such column: x")) is None


def test_a_memo_on_a_cluster_that_does_not_exist_is_refused(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = ["--project", str(small), "memo", "--author", "A", "--cluster"]
    assert main([*memo, "3", "Heterogen"]) == 2
    assert "Noch keine Bedarfscluster" in capsys.readouterr().err
    assert (
        main(
            [
                "--project",
                str(small),
                "needs",
                "--segments",
                "all",
                "--backend",
                "tfidf",
                "--n-clusters",
                "1",
            ]
        )
        == 0
    )
    assert main([*memo, "7", "Heterogen"]) == 2
    assert "Bedarfscluster 7 gibt es im maßgeblichen Bedarfslauf nicht" in capsys.readouterr().err
    assert main([*memo, "0", "Heterogen"]) == 0
    with Project.open(small) as project:
        assert project.memos()["target_id"].tolist() == [0]


ENGLISH = (
    "while parsing", "expected", "unclosed token", "Expecting", "zip file", "Error", "codec",
    "BadZip", "Exception", "KeyError",
)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "command", "said"),
    [
        (
            "protokoll.md",
            "---\nworkshop: Test\nparticipants: [Anna, Ben\n---\n# T\n## Was fehlt?\n- Bänke\n",
            ["import"],
            "Zeile 3: YAML-Kopf ist fehlerhaft: Spalte 25: Aufbau fehlerhaft",
        ),
        ("codes.yaml", "codes:\n  - name: [Bedarf\n", ["codebook", "import"], "Zeile 3, Spalte 1"),
        ("codes.qdc", "<CodeBook", ["codebook", "import"], "kein vollständiges XML"),
        ("projekt.qdpx", "PK kaputt", ["import"], "kein gültiges ZIP-Archiv"),
        ("umfrage.xlsx", "PK kaputt", ["import"], "(beschädigt oder abgeschnitten)."),
        ("umfrage.ods", "PK kaputt", ["import"], "(beschädigt oder abgeschnitten)."),
        ("protokoll.docx", "PK kaputt", ["import"], "(beschädigt oder abgeschnitten)."),
        ("protokoll.pdf", "%PDF-1.4 kaputt", ["import"], "(beschädigt oder abgeschnitten)."),
    ],
)
def test_broken_files_are_described_in_german_without_the_parsers_english(
    small: Path,
    tmp_path: Path,
    name: str,
    content: str,
    command: list[str],
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["--project", str(small), *command, str(path)]) == 2
    err = capsys.readouterr().err
    assert said in err
    assert not [word for word in ENGLISH if word in err], err


def test_a_latin1_codebook_is_read_like_a_latin1_table(small: Path, tmp_path: Path) -> None:
    codebook = tmp_path / "codes.yaml"
    codebook.write_bytes("codes:\n  - name: Bedürfnis\n".encode("cp1252"))
    assert main(["--project", str(small), "codebook", "import", str(codebook)]) == 0
    with Project.open(small) as project:
        assert list(project.codes()["path"]) == ["Bedürfnis"]


def test_a_broken_project_file_or_database_is_described_in_german(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = Path(shutil.copytree(small, tmp_path / "kopie"))  # no engine of this process on it
    for leftover in small.glob("werkbank.sqlite-*"):  # the write-ahead log, if any
        leftover.unlink()
    (small / "werkbank.sqlite").write_bytes(b"keine Datenbank, sondern Text " * 200)
    assert main(["--project", str(small), "status"]) == 2
    assert "beschädigt oder keine SQLite-Datenbank" in capsys.readouterr().err
    (small / "project.json").write_text("{kaputt", encoding="utf-8")
    assert main(["--project", str(small), "status"]) == 2
    err = capsys.readouterr().err
    assert "project.json ist kein gültiges JSON: Zeile 1, Spalte 2" in err
    assert not [word for word in ENGLISH if word in err], err


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--clusterer", "hdbscan"], "HDBSCAN braucht mehr Aussagen"),
        (["--reducer", "umap"], "UMAP braucht mehr als 16 Aussagen"),
    ],
)
def test_classic_topic_components_on_a_few_statements_are_refused_in_german(
    small: Path, option: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(small), "topics", "--backend", "tfidf", *option]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert main(["--project", str(small), "topics", "--backend", "tfidf"]) == 0  # the default


def test_an_embedding_backend_that_is_not_installed_is_named(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from importlib.util import find_spec

    if find_spec("sentence_transformers") is not None:
        pytest.skip("sentence-transformers is installed here")
    model = "sentence-transformers:kein/modell"
    assert main(["--project", str(small), "embed", "--backend", model]) == 2
    assert "ist nicht installiert" in capsys.readouterr().err


def test_forget_with_a_document_but_no_source_says_what_is_missing(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(small), "forget", "--document", "karten.csv"]) == 2
    assert "--document gilt nur zusammen mit --source" in capsys.readouterr().err


def test_a_project_folder_without_its_database_is_not_given_an_empty_one(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = Path(shutil.copytree(small, tmp_path / "kopie"))
    for database in small.glob("werkbank.sqlite*"):
        database.unlink()
    assert main(["--project", str(small), "status"]) == 2
    assert "die Datenbank werkbank.sqlite fehlt" in capsys.readouterr().err
    assert sorted(p.name for p in small.iterdir() if p.is_file()) == ["project.json"]


def test_a_report_named_for_another_format_and_a_base_url_that_is_none_are_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "bericht.html"
    assert main(["--project", str(small), "report", "--format", "xlsx", str(report)]) == 2
    assert "die Endung .html passt nicht zum Format xlsx" in capsys.readouterr().err
    assert not report.exists()
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(small), "tokens", "--n", "1", "--base-url", "keine adresse"])
    assert stop.value.code == 2
    assert "ist keine Adresse wie https://" in capsys.readouterr().err
    assert _counts(small)[0] == 0


@pytest.mark.parametrize(
    ("fmt", "name"), [("html", "bericht.pdf"), ("docx", "bericht.odt"), ("xlsx", "bericht.ods")]
)
def test_a_report_named_for_an_office_format_it_is_not_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    """HTML written as bericht.pdf opened in no PDF viewer; the planner learns the fitting
    ending (and how to get a PDF) before anything is written."""
    out = tmp_path / name
    assert main(["--project", str(small), "report", "--format", fmt, str(out)]) == 2
    err = capsys.readouterr().err
    suffix = name.rsplit(".", 1)[1]
    assert f"die Endung .{suffix} passt nicht zum Format {fmt}" in err
    assert f"endet auf .{fmt}" in err
    assert ("als PDF speichern" in err) == (suffix == "pdf")
    assert not out.exists()
    dated = tmp_path / f"bericht_14.10.2025.{fmt}"  # a date in the name, then the ending
    assert main(["--project", str(small), "report", "--format", fmt, str(dated)]) == 0
    assert dated.stat().st_size > 0


@pytest.mark.parametrize(
    ("fmt", "name"), [("xlsx", "weitergabe.csv"), ("csv", "weitergabe.xlsx"), ("qdpx", "a.xlsx")]
)
def test_an_export_named_for_another_format_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    """An XLSX zip named .csv (or CSV text named .xlsx) would not open in Excel."""
    out = tmp_path / name
    assert main(["--project", str(small), "export", "--format", fmt, str(out)]) == 2
    suffix = name.rsplit(".", 1)[1]
    assert f"die Endung .{suffix} passt nicht zum Format {fmt}" in capsys.readouterr().err
    assert not out.exists()
    fitting = tmp_path / f"weitergabe.{fmt}"  # the name with its format's ending is written
    assert main(["--project", str(small), "export", "--format", fmt, str(fitting)]) == 0
    assert fitting.stat().st_size > 0


@pytest.mark.parametrize(
    ("fmt", "name"), [("qdc", "codebuch.yaml"), ("yaml", "codebuch.qdc"), ("qdc", "c.yml")]
)
def test_a_codebook_export_named_for_the_other_format_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    """REFI-QDA XML named .yaml (or YAML named .qdc) was written, and importing it back
    failed as "kein gültiges YAML" (XML): the file would be refused by every program."""
    codebook = ["--project", str(small), "codebook"]
    assert main([*codebook, "add", "Bedarf"]) == 0
    out = tmp_path / name
    out.write_text("alter Stand", encoding="utf-8")
    assert main([*codebook, "export", "--format", fmt, str(out)]) == 2
    suffix = name.rsplit(".", 1)[1]
    assert f"die Endung .{suffix} passt nicht zum Format {fmt}" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "alter Stand"
    fitting = tmp_path / f"codebuch.{fmt}"
    assert main([*codebook, "export", "--format", fmt, str(fitting)]) == 0
    assert main([*codebook, "import", str(fitting)]) == 0


def test_export_to_standard_output_and_an_edit_without_changes(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--project", str(small), "export", "--format", "csv", "-"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("segment_id,") and "Bus fährt abends selten" in out
    assert "Aussagen nach der Standardausgabe exportiert (pseudonymisiert)" in err
    for fmt in ("xlsx", "qdpx"):
        assert main(["--project", str(small), "export", "--format", fmt, "-"]) == 2
        assert "nur --format csv" in capsys.readouterr().err
    assert not (tmp_path / "-").exists()
    recommend = ["--project", str(small), "recommend"]
    assert main([*recommend, "add", "Ein Treffpunkt für Jugendliche", "--scope", "Manfort"]) == 0
    assert main([*recommend, "edit", "1"]) == 2
    assert "Nichts zu ändern" in capsys.readouterr().err


def test_a_failed_init_leaves_no_folder_and_another_programs_project_json_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "neu"
    nowhere = "postgresql+psycopg://werkbank@127.0.0.1:1/keine"  # port 1: refused at once
    assert main(["init", str(target), "--db", nowhere]) == 2
    assert "nicht erreichbar" in capsys.readouterr().err
    assert not target.exists()
    other = tmp_path / "anders"
    other.mkdir()
    (other / "project.json").write_text('{"format": "anderes-programm"}', encoding="utf-8")
    assert main(["--project", str(other), "status"]) == 2
    assert 'erwartet: "format": "sozialraum-workbench"' in capsys.readouterr().err


def test_a_sheet_asked_of_files_without_sheets_is_said(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "mehr.csv"
    cards.write_text("Text\nNoch eine Karte zum Park\n", encoding="utf-8")
    assert main(["--project", str(small), "import", str(cards), "--sheet", "Karten"]) == 2
    assert "--sheet wählt ein Tabellenblatt" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "csv"],
        ["codebook", "export", "--format", "yaml"],
        ["indicators", "--out"],
    ],
)
def test_an_output_file_written_as_a_missing_folder_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """``--out ergebnisse/`` (a folder not made yet) became a file "ergebnisse" without an
    ending, in which the next ``ergebnisse/…`` could not be written."""
    target = f"{tmp_path / 'ergebnisse'}/"
    assert main(["--project", str(small), *command, target]) == 2
    err = capsys.readouterr().err
    assert "endet auf „/“, meint also einen Ordner, den es nicht gibt" in err
    assert not (tmp_path / "ergebnisse").exists()
    (tmp_path / "ergebnisse").mkdir()  # the folder made: a file name is still asked for
    assert main(["--project", str(small), *command, target]) == 2
    assert "ist ein Ordner, keine Datei" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "name", "ending"),
    [(["backup"], "sicherung.txt", ".zip"), (["backup"], "sicherung", ".zip"),
     (["recommend", "export"], "ketten.csv", ".json")],
)  # fmt: skip
def test_a_backup_or_chain_named_for_another_format_is_refused(
    small: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    name: str,
    ending: str,
) -> None:
    """``backup x.txt`` wrote a ZIP named .txt, ``recommend export rec.csv`` JSON named .csv:
    neither opened in the program its name promised."""
    out = tmp_path / name
    assert main(["--project", str(small), *command, str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{name}: " in err and "passt nicht zum Format" in err and ending in err
    assert not out.exists()
    fitting = tmp_path / f"ausgabe{ending}"
    assert main(["--project", str(small), *command, str(fitting)]) == 0
    assert fitting.stat().st_size > 0
    assert main(["--project", str(small), *command, str(tmp_path)]) == (
        0 if command == ["backup"] else 2  # a backup goes into a folder under a free name
    )


@pytest.mark.parametrize(
    "command", [["publish", "--out"], ["backup"]], ids=["publish", "backup"]
)  # fmt: skip
def test_an_output_folder_in_a_missing_folder_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """``publish --out /tippfehler/seite`` created the whole missing path; every other
    output refuses a missing folder. The folder itself is still made when its parent exists."""
    missing = tmp_path / "tippfehler"
    assert main(["--project", str(small), *command, f"{missing / 'ausgabe'}/"]) == 2
    err = capsys.readouterr().err
    assert f"lässt sich nicht anlegen: der Ordner {missing} fehlt" in err
    assert not missing.exists()
    made = tmp_path / "ausgabe"
    assert main(["--project", str(small), *command, f"{made}/"]) == 0
    assert any(made.iterdir())


def test_more_need_clusters_than_statements_are_refused(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``needs --n-clusters 100000`` on a few statements silently made one "need" of each."""
    needs = ["--project", str(small), "needs", "--segments", "all", "--backend", "tfidf"]
    assert main([*needs, "--n-clusters", "100000"]) == 2
    err = capsys.readouterr().err
    assert "--n-clusters 100000 ist zu groß für 4 Aussagen" in err and "höchstens 3" in err
    assert main([*needs, "--n-clusters", "4"]) == 2
    assert _counts(small)[1] == 0  # no run stored
    assert main([*needs, "--n-clusters", "3"]) == 0
    assert _counts(small)[1] == 1
