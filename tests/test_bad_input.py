"""Bad input stops with one clear message naming file and row, exit code ≠ 0, no
traceback, and leaves the project exactly as before."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main


def _snapshot(project: Project) -> tuple:
    """Everything an import could change."""
    return (
        project.status(),
        project.segments().drop(columns=["attributes"]).to_dict("records"),
        project.workshops().to_dict("records"),
        project.pseudonym_key().to_dict("records"),
    )


GOOD_CSV = "ID;Text;Sozialraum\nK1;Kein WLAN in der Unterkunft;Manfort\n"


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "gut.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    return path


def _truncated_docx(tmp_path: Path) -> Path:
    full = tmp_path / "voll.docx"
    d = docx.Document()
    d.add_heading("Herausforderungen und Bedarfe", level=1)
    d.add_paragraph("Aussage")
    d.save(full)
    data = full.read_bytes()
    path = tmp_path / "abgeschnitten.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _truncated_xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "abgeschnitten.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")  # cut off mid-file
    return path


CASES = {
    # name: (file builder, extra CLI args, expected text in the message)
    "leere CSV": (lambda t: _write(t / "leer.csv", b""), [], r"leer\.csv: Die Datei ist leer"),
    "leeres Protokoll": (lambda t: _write(t / "leer.md", b"\n\n"), [], r"leer\.md: .*leer"),
    "abgeschnittene CSV": (
        lambda t: _write(t / "kaputt.csv", b'ID;Text\nK1;"offenes Anf\xc3\xbchrungszeichen\n'),
        ["--text-column", "Text"],
        r"kaputt\.csv, Zeile \d+: CSV-Datei ist fehlerhaft oder abgeschnitten \(ein "
        r"Anführungszeichen \" wird bis zum Ende der Datei nicht geschlossen\)\.$",
    ),
    "Anführungszeichen mitten im Feld": (  # the csv module said "';' expected after '\"'"
        lambda t: _write(t / "zitat.csv", b'ID;Text\nK1;"Der Bus "f\xc3\xa4hrt" selten"\n'),
        ["--text-column", "Text"],
        r"zitat\.csv, Zeile 2: CSV-Datei ist fehlerhaft oder abgeschnitten \(nach einem "
        r"schließenden Anführungszeichen muss ; folgen; ein \" im Text wird verdoppelt: \"\"\)",
    ),
    "zu wenige Felder": (  # no line end after the short last row: cut off
        lambda t: _write(t / "kurz.csv", b"ID;Text;Sozialraum\nK1;gut;Manfort\nK2;halb"),
        ["--text-column", "Text", "--district-column", "Sozialraum"],
        r"kurz\.csv, Zeile 3: Datensatz hat 2 statt 3 Felder",
    ),
    "fehlende Spalte": (
        # Other rows than gut.csv: the same bytes again would be "bereits importiert" unread.
        lambda t: _write(t / "spalten.csv", b"ID;Text;Sozialraum\nK2;Mehr B\xc3\xa4nke;Manfort\n"),
        ["--text-column", "Aussage"],
        r"spalten\.csv, Zeile 1: Spalte 'Aussage' \(--text-column\) fehlt. Vorhandene "
        r"Spalten: ID, Text, Sozialraum",
    ),
    "unbekannter Sozialraum": (
        lambda t: _write(t / "ort.csv", b"ID;Text;Sozialraum\nK1;a;Manfort\nK2;b;Schlebusch\n"),
        ["--text-column", "Text", "--district-column", "Sozialraum"],
        r"ort\.csv, Zeile 3: Unbekannte Sozialräume \(Spalte Sozialraum\): Schlebusch\. "
        r"Gültig sind: Alkenrath, Gesamtstadt, Manfort.*beim Import --add-districts",
    ),
    "Sozialraum mit Zusatz": (
        lambda t: _write(
            t / "orte.csv",
            b"ID;Text;Stadtteil\nK1;a;Leverkusen-Manfort\nK2;b;Schlebusch\n",
        ),
        ["--text-column", "Text", "--district-column", "Stadtteil"],
        r"orte\.csv: Unbekannte Sozialräume \(Spalte Stadtteil\): Leverkusen-Manfort \(Zeile 2\) "
        r"\(gemeint: Manfort\?\), Schlebusch \(Zeile 3\)\. Gültig sind",
    ),
    "nicht lesbare Bytes": (
        lambda t: _write(t / "bytes.csv", b"ID;Text\nK1;gut\nK2;\x81\x8d kaputt\n"),
        ["--text-column", "Text"],
        r"bytes\.csv, Zeile 3: Zeichen nicht lesbar \(Byte 0x81\)",
    ),
    "kaputte DOCX": (_truncated_docx, [], r"abgeschnitten\.docx: Keine lesbare DOCX-Datei"),
    "kaputte XLSX": (_truncated_xlsx, ["--text-column", "Text"], r"Keine lesbare XLSX-Datei"),
    "Binärdatei als CSV": (
        lambda t: _write(t / "bild.csv", b"\x89PNG\r\n\x1a\n\x00\x00"),
        [],
        r"bild\.csv, Zeile 3: .*Nullbytes",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_leaves_project_unchanged(
    case: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, extra, expected = CASES[case]
    # A good file first, so "unchanged" means more than "still empty".
    assert (
        main(
            [
                "--project",
                str(project.path),
                "import",
                str(_good(tmp_path)),
                "--text-column",
                "Text",
                "--id-column",
                "ID",
                "--district-column",
                "Sozialraum",
            ]
        )
        == 0
    )
    before = _snapshot(project)
    bad = build(tmp_path)
    # The bad file comes second in one call: the good one before it must not land either.
    other = tmp_path / "anderes.md"
    other.write_text("---\nworkshop: W\ndistrict: Opladen\n---\n## X\n- Aussage\n", "utf-8")
    capsys.readouterr()
    code = main(["--project", str(project.path), "import", str(other), str(bad), *extra])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("Fehler: ")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1

    assert re.search(expected, err), err
    assert _snapshot(project) == before


def test_cli_bad_input_in_a_real_process_has_no_traceback(project: Project, tmp_path: Path) -> None:
    bad = _write(tmp_path / "leer.csv", b"")
    out = subprocess.run(
        [sys.executable, "-m", "workbench", "--project", str(project.path), "import", str(bad)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert out.stderr == "Fehler: Datei leer.csv: Die Datei ist leer.\n"
    assert out.stdout == ""


def test_missing_project_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["--project", str(tmp_path / "nichts"), "status"]) == 2
    assert "kein Werkbank-Projekt" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("seite.html", b"<html><body><p>Mehr B\xc3\xa4nke</p></body></html>", "Eine Webseite: "),
        ("alt.doc", b"\xd0\xcf\x11\xe0", "Altes Word-Format: "),
        ("alt.xls", b"\xd0\xcf\x11\xe0", "Altes Excel-Format: "),
        ("pad.etherpad", b"{}", "Ein Etherpad im eigenen Format: "),
    ],
)
def test_refused_file_type_hint_is_a_sentence(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    hint: str,
) -> None:
    """The hint after the list of file types starts a sentence: a capital after the stop."""
    path = _write(tmp_path / name, data)
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"). {hint}" in err and err.rstrip().endswith("."), err
