"""The workbench's own XLSX files hold every text as Excel (and the import) shows it.

An XLSX cell's text is OOXML text: "_x001B_" in it is ESC. A statement with a literal
"_x001B_" came back from ``export --format xlsx`` as ESC, a real ESC or BEL came back
dropped, and U+FFFF stopped the export with a ValueError. The CLI has two XLSX exports:
``export --format xlsx`` (the statements; control characters escaped as Excel writes them,
so the file reads back as the CSV export does) and ``report --format xlsx`` (the findings;
control characters dropped as in the DOCX report, a literal "_x…" shown as written).
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.ooxml_escapes import cell_value, shared_strings

TEXTS = [
    "Literal _x001B_ im Text",
    "Unterstrich _x005F_ hier",
    "Zwei _x0041__x0042_ und _x0041_x0042_",
    "Mit\x1b[31mFarbe im Treff",
    "Ton \x1b allein",
    "Glocke\x07 laut",
    "Zeichen \uffff am Ende",
    "=1+1 bleibt Text",
    "Kita [31 Plätze] bleibt",
]


def _project(tmp_path: Path, texts: list[str]) -> Path:
    """A project holding ``texts`` as statements of one card table."""
    project = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(project)]) == 0
    cards = tmp_path / "karten.csv"
    rows = "".join(f'"{t}"\n' for t in texts)
    cards.write_text("Text\n" + rows, encoding="utf-8")
    assert main(["--project", str(project), "import", str(cards), "--district", "Manfort"]) == 0
    return project


def _texts_after_round_trip(tmp_path: Path, project: Path, fmt: str) -> list[str]:
    """The statements of ``project`` exported as ``fmt`` and imported into a new project."""
    out = tmp_path / f"export.{fmt}"
    assert main(["--project", str(project), "export", "--format", fmt, str(out)]) == 0
    again = tmp_path / f"wieder_{fmt}"
    assert main(["init", "--districts", "Manfort", str(again)]) == 0
    assert main(["--project", str(again), "import", str(out)]) == 0
    with Project.open(again) as back:
        return list(back.segments()["text"])


def test_the_xlsx_export_reads_back_as_the_csv_export(tmp_path: Path) -> None:
    project = _project(tmp_path, TEXTS)
    with Project.open(project) as stored:
        assert list(stored.segments()["text"]) == TEXTS  # the CSV import kept every character
    csv = _texts_after_round_trip(tmp_path, project, "csv")
    xlsx = _texts_after_round_trip(tmp_path, project, "xlsx")
    assert csv == TEXTS
    assert [(want, got) for want, got in zip(csv, xlsx, strict=True) if want != got] == []


def test_the_xlsx_export_escapes_as_excel_does(tmp_path: Path) -> None:
    """In the file: a literal escape with its underscore escaped, ESC as "_x001B_" (what
    Excel writes), no character XML cannot hold."""
    project = _project(tmp_path, TEXTS[:6])
    out = tmp_path / "aussagen.xlsx"
    assert main(["--project", str(project), "export", "--format", "xlsx", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    stored = [row[header.index("text")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert stored[0] == "Literal _x005F_x001B_ im Text"
    assert stored[1] == "Unterstrich _x005F_x005F_ hier"
    assert stored[3] == "Mit_x001B_[31mFarbe im Treff"
    assert stored[5] == "Glocke_x0007_ laut"


def _report_cells(path: Path, sheet: str) -> list[object]:
    """Every cell of ``sheet`` in the report at ``path``, read as the import reads XLSX."""
    data = path.read_bytes()
    shared = shared_strings(data, path.name)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = book[sheet].iter_rows(values_only=True)
    return [cell_value(v, shared) for row in rows for v in row]


def test_the_xlsx_report_shows_literal_escapes_and_drops_control_characters(
    tmp_path: Path,
) -> None:
    """The recommendation's title, text and Sozialraum as written; ESC, BEL and U+FFFF
    dropped as in the DOCX report, and the report is written (no ValueError)."""
    project = tmp_path / "projekt"
    district = "_x004D_anfort"
    assert main(["init", "--districts", district, str(project)]) == 0
    where = ["--project", str(project)]
    text = "Treff _x001B_ öffnen\x1b, Ton\x07 und \uffff weg"
    title = "_x0041_ Titel"
    assert main([*where, "recommend", "add", text, "--title", title, "--scope", district]) == 0
    out = tmp_path / "bericht.xlsx"
    assert main([*where, "report", "--format", "xlsx", str(out)]) == 0
    cells = _report_cells(out, "Empfehlungen")
    assert title in cells and district in cells
    assert "Treff _x001B_ öffnen, Ton und  weg" in cells
    names = openpyxl.load_workbook(out).sheetnames
    everything = [c for name in names for c in _report_cells(out, name) if isinstance(c, str)]
    assert not [c for c in everything if "\x1b" in c or "\x07" in c or "\uffff" in c]


LINE_ENDS = ["Zeile eins\r\nZeile zwei", "Treff am Markt\rzweite Zeile", "Ende\r", "Nur\nLF"]


def test_a_carriage_return_comes_back_from_both_exports(tmp_path: Path) -> None:
    """CRLF and a lone CR inside a statement come back from the XLSX export (CR stored as
    "_x000D_", as Excel writes it) and from the CSV export, which wrote a lone CR unquoted:
    the import ended the row there and lost "zweite Zeile" without a word."""
    project = _project(tmp_path, LINE_ENDS)
    with Project.open(project) as stored:
        kept = list(stored.segments()["text"])
    csv = _texts_after_round_trip(tmp_path, project, "csv")
    xlsx = _texts_after_round_trip(tmp_path, project, "xlsx")
    assert xlsx == kept
    assert csv == kept
