"""XLSX cells with OOXML escapes ("_x001B_", "_x000A_") are read as Excel shows them, and
the import's rules for control characters then apply as to the same CSV file.

openpyxl left the escapes as letters: "Kind_x001B_[31mAnna Schmidt" was stored so, with
the name in clear text; the CSV cell with a real ESC had it pseudonymised and its workshop
label on one line. The blind set is generated (escapes that must be decoded; texts with
"_x" that must stay, among them Excel's escaped underscore "_x005F_x001B_"), written by
openpyxl (inline strings) and as Excel writes them (shared strings).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from workbench import Project
from workbench.core.textio import RawFile
from workbench.ingest import TableMapping
from workbench.ingest.table_rows import read_rows

# (escaped as in the file, as Excel shows it): must change
CHANGES = [
    ("Kind_x001B_[31m", "Kind\x1b[31m"),
    ("Zeile_x000A_zwei", "Zeile\nzwei"),
    ("Tab_x0009_Stopp", "Tab\tStopp"),
    ("Gl_x00E4_ser", "Gläser"),
    ("gut _xD83D__xDE00_", "gut 😀"),
    ("Ton_x0007_", "Ton\x07"),
    ("_x001b_]0;Titel_x0007_Rest", "\x1b]0;Titel\x07Rest"),
]
# texts with "_x" that are no escape, or Excel's escaped underscore: must stay (as shown)
STAYS = [
    ("Zone_x3_ Nord", "Zone_x3_ Nord"),
    ("var_x_name", "var_x_name"),
    ("a_x00G1_b", "a_x00G1_b"),
    ("Straße_x", "Straße_x"),
    ("Kita [31 Plätze]", "Kita [31 Plätze]"),
    ("_x005F_x001B_ wörtlich", "_x001B_ wörtlich"),
    ("_x12345_", "_x12345_"),
    ("max_x_min_", "max_x_min_"),
]


def _sheet(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _shared(src: Path, dst: Path) -> Path:
    """``src`` (openpyxl's inline strings) with its texts in a shared string table, as Excel
    writes a workbook."""
    strings: list[str] = []

    def shared(m: re.Match[str]) -> str:
        strings.append(m.group(2))
        return f'<c r="{m.group(1)}" t="s"><v>{len(strings) - 1}</v></c>'

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item).decode("utf-8")
            if item.filename == "xl/worksheets/sheet1.xml":
                cell = r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>'
                data = re.sub(cell, shared, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    "</Types>",
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/sharedStrings" '
                    'Target="sharedStrings.xml"/></Relationships>',
                )
            zout.writestr(item, data)
        table = "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in strings)
        zout.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
            f'org/spreadsheetml/2006/main" count="{len(strings)}">{table}</sst>',
        )
    return dst


@pytest.mark.parametrize("written", ["openpyxl", "excel"])
def test_the_blind_set_of_escaped_cells_reads_as_excel_shows_it(
    tmp_path: Path, written: str
) -> None:
    cases = CHANGES + STAYS
    path = _sheet(tmp_path / "blind.xlsx", [["Text"], *[[c] for c, _ in cases]])
    if written == "excel":
        path = _shared(path, tmp_path / "excel.xlsx")
    _, rows = read_rows(RawFile(path.name, path.read_bytes()))
    read = [cells[0] for _, cells in rows]
    stays = read[len(CHANGES) :]
    assert [r for r, (_, want) in zip(stays, STAYS, strict=True) if r != want] == []
    assert read[: len(CHANGES)] == [want for _, want in CHANGES]  # must change


def test_an_escaped_cell_imports_as_the_same_csv_cell(tmp_path: Path) -> None:
    """The statement keeps its escape sequence as a CSV's does and the name after it is
    pseudonymised; the workshop label is on one line, as from the CSV."""
    text = "Im Treff_x001B_[31mAnna Schmidt sagt: kein WLAN"
    workshop = "WS_x000A_Manfort"
    rows = [["Text", "Sozialraum", "Workshop"], [text, "Manfort", workshop]]
    xlsx = _shared(_sheet(tmp_path / "roh.xlsx", rows), tmp_path / "karten.xlsx")
    csv = tmp_path / "karten.csv"
    csv.write_text(
        "Text;Sozialraum;Workshop\n"
        f'"{text.replace("_x001B_", chr(27))}";Manfort;"{workshop.replace("_x000A_", chr(10))}"\n',
        encoding="utf-8",
    )
    mapping = TableMapping(
        text_column="Text", district_column="Sozialraum", workshop_column="Workshop"
    )
    seen = []
    for source in (csv, xlsx):
        with Project.create(tmp_path / source.suffix[1:], districts=["Manfort"]) as project:
            project.import_files([source], mapping=mapping, names=["Anna Schmidt"])
            segments = project.segments()
            seen.append((list(segments["text"]), sorted(project.workshops()["workshop"])))
    assert seen[0] == seen[1]
    assert "Anna Schmidt" not in seen[1][0][0] and "\x1b[31m" in seen[1][0][0]
    assert seen[1][1] == ["WS Manfort"]
