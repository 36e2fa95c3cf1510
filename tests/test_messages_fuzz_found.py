"""What fuzzing the imports found in session 45 (old45 → now): a sheet name, column header or
command word with a terminal's control characters reached the terminal (in a notice on
stdout, in argparse's error on stderr), a Word file without the relationships of its main
part was read as a protocol "ohne Überschriften", and a ``.dbf`` whose field names were
damaged was refused without naming the part."""

from __future__ import annotations

import doctest
import io
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.test_geo_sweep import ring, write_shapefile, zip_parts
from workbench import Project
from workbench.cli.main import main
from workbench.core import errors
from workbench.synthesis import geo

ESC = "\x1b[2J\x1b[31m"


def _control(text: str) -> list[str]:
    """The control characters of ``text`` besides its line ends."""
    return [c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp") and c != "\n"]


def _import(project: Project, path: Path, *extra: str) -> list[str]:
    return ["--project", str(project.path), "import", str(path), "--district", "Manfort", *extra]


def test_doctests() -> None:
    assert doctest.testmod(errors).failed == 0


@pytest.mark.parametrize("header", ["Work\x07shop", "Work\x7fshop", "Work\x1bshop"])
def test_a_column_header_in_a_notice_is_shown_without_control_characters(
    header: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Spalte 'Work␇shop' als Workshop erkannt": the header was printed as read."""
    path = tmp_path / "karten.csv"
    path.write_text(f"Text,{header}\nMehr Bänke am Markt,Werkstatt A\n", "utf-8")
    assert main(_import(project, path)) == 0
    out = capsys.readouterr().out
    assert "als Workshop erkannt" in out and "Work�" in out
    assert _control(out) == []


@pytest.mark.parametrize("sheet", ["Zw\u009b2Jei", "Zw\u0085ei", "Zw\u2028ei", "Zw&#9;ei"])
def test_a_sheet_name_in_a_notice_is_shown_without_control_characters(
    sheet: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second sheet named with a C1 escape (CSI), a tab or a line separator: the notice
    "Tabellenblatt '…' (eines von 2)" printed it as it was."""
    book = openpyxl.Workbook()
    book.active.append(["Text"])
    book.active.append(["Mehr Bänke am Markt"])
    second = book.create_sheet("Zwei")
    second.append(["Text"])
    second.append(["Ein Spielplatz fehlt"])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "tabelle.xlsx"
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/workbook.xml":
                body = body.replace(b'name="Zwei"', f'name="{sheet}"'.encode())
            target.writestr(info.filename, body)
    assert main(_import(project, path)) == 0
    out = capsys.readouterr().out
    assert "Tabellenblatt 'Zw" in out
    assert _control(out) == []


@pytest.mark.parametrize("argv", [["status", f"--{ESC}"], ["status", f"x{ESC}y"]])
def test_argparse_errors_on_stderr_show_no_control_characters(
    argv: list[str], project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """An argument argparse does not know, with ESC: repeated on stderr as typed
    ("unbekannte Angaben: x␛[2J…", one line but with its escape codes)."""
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(project.path), *argv])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "�[2J" in err
    assert _control(err) == []


def test_every_line_the_command_writes_to_stderr_is_shown(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a command prints to stderr (here a database error worded with ESC and a
    tab) keeps its line ends and loses its control characters: one place, not per reader."""
    from workbench.cli import main as cli_main

    def failing(args: object) -> int:
        import sys

        print(f"Warnung: Blatt{ESC}\tEins\nzweite Zeile", file=sys.stderr)
        raise errors.InputError(f"Spalte 'a{ESC}'", file="t\x00.csv")

    parser = cli_main.build_parser()
    args = parser.parse_args(["--project", str(project.path), "status"])
    monkeypatch.setattr(args, "func", failing)
    monkeypatch.setattr(cli_main, "build_parser", lambda: _Fixed(args))
    assert cli_main.main([]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "Warnung: Blatt�[2J�[31m�Eins",
        "zweite Zeile",
        "Fehler: Datei t�.csv: Spalte 'a�[2J�[31m'",
    ]


def test_a_progress_bar_on_stderr_keeps_its_carriage_returns(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A progress bar redraws its line with ``\\r`` (tqdm on a terminal): stderr's filter
    keeps it, or every redraw would stand as ⏎ on one ever longer line."""
    from workbench.cli import main as cli_main

    def drawing(args: object) -> int:
        import sys

        sys.stderr.write("\rPseudonymisieren:  50%|█████     |")
        sys.stderr.write(f"\rPseudonymisieren: 100%|██████████|{ESC}\n")
        return 0

    parser = cli_main.build_parser()
    args = parser.parse_args(["--project", str(project.path), "status"])
    monkeypatch.setattr(args, "func", drawing)
    monkeypatch.setattr(cli_main, "build_parser", lambda: _Fixed(args))
    assert cli_main.main([]) == 0
    assert capsys.readouterr().err == (
        "\rPseudonymisieren:  50%|█████     |\rPseudonymisieren: 100%|██████████|�[2J�[31m\n"
    )


class _Fixed:
    """A parser that hands back parsed arguments."""

    def __init__(self, args: object):
        self.args = args

    def parse_args(self, argv: object) -> object:
        return self.args


def _docx_without_relationships() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Workshop Nord", 1)
    document.add_heading("Was fehlt im Viertel?", 2)
    document.add_paragraph("Moderation: Wir brauchen mehr Bänke im Park.")
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != "word/_rels/document.xml.rels":
                target.writestr(info, source.read(info))
    return out.getvalue()


def test_a_word_file_without_the_relationships_of_its_main_part_names_the_member(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """python-docx opens it (and adds default styles), so the import said the document
    has no headings: the package is damaged, and the member is named."""
    path = tmp_path / "protokoll.docx"
    path.write_bytes(_docx_without_relationships())
    assert main(_import(project, path)) == 2
    err = capsys.readouterr().err
    assert "Datei protokoll.docx" in err
    assert "Eintrag 'word/_rels/document.xml.rels' fehlt" in err
    assert "Überschrift" not in err
    assert project.documents().empty


AREAS = [
    ({"NAME": "Manfort"}, [ring(7.00, 51.04, clockwise=True)]),
    ({"NAME": "Alkenrath"}, [ring(7.02, 51.04, clockwise=True)]),
]


def _flipped_dbf(tmp_path: Path, offset: int, flip: int = 0xFF) -> Path:
    """A zipped shapefile whose .dbf has one byte of its first field name flipped."""
    (tmp_path / "src").mkdir()
    shp = write_shapefile(tmp_path / "src" / "grenzen", AREAS)
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[32 + offset] ^= flip
    dbf.write_bytes(bytes(data))
    return zip_parts(shp, tmp_path / "grenzen.zip")


def _map(project: Project, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--project", str(project.path), "map", "--import", str(path),
                 "--name-property", "NAME"])  # fmt: skip
    return code, capsys.readouterr().err


@pytest.mark.parametrize("offset", [5, 9])
def test_a_field_name_with_bytes_after_its_end_is_a_damaged_dbf_header(
    offset: int, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "NAME\\0\\0ÿ": the message said only that no object has the property NAME."""
    code, err = _map(project, _flipped_dbf(tmp_path, offset), capsys)
    assert code == 2
    assert "Eintrag 'Stadtteile/grenzen.dbf' (Eigenschaften, .dbf) ist beschädigt" in err
    assert not geo.boundaries_path(project.path).exists()


def test_a_property_missing_from_a_shapefile_names_its_dbf(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "±AME" instead of "NAME" may be a field name as written: the .dbf is named."""
    code, err = _map(project, _flipped_dbf(tmp_path, 0), capsys)
    assert code == 2
    assert "keine Eigenschaft „NAME“ (Eigenschaften aus Eintrag 'Stadtteile/grenzen.dbf')" in err


def test_a_flipped_eleventh_byte_of_a_field_name_is_read_as_before(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Guard: the 11th byte of a name (always NUL) is not read, the areas are."""
    code, err = _map(project, _flipped_dbf(tmp_path, 10), capsys)
    assert code == 0, err
    assert geo.boundaries_path(project.path).exists()
