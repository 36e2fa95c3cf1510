"""ODS sheets (LibreOffice): read in one pass, the cells as LibreOffice shows them."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P, S

from workbench import InputError, Project
from workbench.cli.main import main
from workbench.core.textio import RawFile
from workbench.ingest.ods import read_ods
from workbench.ingest.table_rows import read_sheet
from workbench.synthesis.indicators import comparison, import_indicators, indicators


def _cell(kind: str | None = None, text: str | list[str] | None = None, **attrs: Any) -> Any:
    cell = TableCell(**({"valuetype": kind} if kind else {}), **attrs)
    for paragraph in [text] if isinstance(text, str) else text or []:
        cell.addElement(P(text=paragraph))
    return cell


def _row(*cells: Any, **attrs: Any) -> Any:
    row = TableRow(**attrs)
    for cell in cells:
        row.addElement(cell)
    return row


def _indicator_ods(path: Path) -> Path:
    """An indicator table as LibreOffice saves it: a title, the city's value as a
    percentage cell, "Manfort" merged over two rows, a sheet that ends in a million
    empty rows of 1,024 empty cells."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Indikatoren")
    table.addElement(_row(_cell("string", "Sozialindikatoren 2022")))
    table.addElement(_row(_cell(numbercolumnsrepeated=1024)))
    table.addElement(
        _row(
            *(
                _cell("string", h)
                for h in ("Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle")
            )
        )
    )
    table.addElement(
        _row(
            _cell("string", "Gesamtstadt"),
            _cell("string", "SGB-II-Quote"),
            _cell("float", "2022", value="2022"),
            _cell("percentage", "10,9 %", value="0.109"),
            _cell(),
            _cell("string", "BA"),
        )
    )
    table.addElement(
        _row(
            _cell("string", "Manfort", numberrowsspanned=2),
            _cell("string", "SGB-II-Quote"),
            _cell("float", "2022", value="2022"),
            _cell("float", "13,9", value="13.9"),
            _cell("string", "%"),
            _cell("string", "BA"),
        )
    )
    table.addElement(
        _row(
            CoveredTableCell(),
            _cell("string", "Einwohner"),
            _cell("float", "2022", value="2022"),
            _cell("float", "12.034", value="12034"),
            _cell("string", "Personen"),
            _cell("string", "IT.NRW"),
        )
    )
    table.addElement(_row(_cell(numbercolumnsrepeated=1024), numberrowsrepeated=1048570))
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_an_ods_indicator_table_is_read_in_one_pass(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pandas' ODS reader built a DOM of the whole file (5 s for 6,000 values, four times
    the XLSX), and the percent and merged cells parsed it twice more: content.xml is now
    read once, and the values are the same."""
    path = _indicator_ods(tmp_path / "werte.ods")
    reads = []
    original = zipfile.ZipFile.open

    def read(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        reads.append(getattr(name, "filename", name))
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", read)  # members are unpacked step by step
    result = import_indicators(project, path)
    assert reads.count("content.xml") == 2  # checked for a zip bomb, then read once
    assert result.added == 3
    table = comparison(project).set_index(["district", "indicator"])
    manfort = table.loc[("Manfort", "SGB-II-Quote")]
    assert (manfort["value"], manfort["city_value"], manfort["index"]) == (13.9, 10.9, 127.52)
    assert table.loc[("Manfort", "Einwohner"), "value"] == 12034  # merged "Manfort"


def test_cells_read_as_libreoffice_shows_them(tmp_path: Path) -> None:
    """Paragraphs as lines, ``text:s`` as spaces, whole numbers as int, dates; text
    such as "NA" stays text as in XLSX and CSV (pandas' reader made it empty)."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Karten")
    table.addElement(_row(_cell("string", "Text"), _cell("string", "Datum"), _cell("string", "n")))
    spaced = _cell("string")
    paragraph = P(text="Mehr")
    paragraph.addElement(S(c=2))
    paragraph.addText("Bänke")
    spaced.addElement(paragraph)
    table.addElement(
        _row(
            spaced,
            _cell("date", "31.12.2022", datevalue="2022-12-31"),
            _cell("float", "3", value="3"),
        )
    )
    table.addElement(_row(_cell("string", ["Zeile eins", "Zeile zwei"]), _cell("string", "NA")))
    table.addElement(_row(_cell(numbercolumnsrepeated=3), numberrowsrepeated=2))
    table.addElement(_row(_cell("string", "#N/A"), _cell(), _cell("float", "1,5", value="1.5")))
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "karten.ods"))
    raw = RawFile("karten.ods", (tmp_path / "karten.ods").read_bytes())
    header, rows, title, names = read_sheet(raw)
    assert (header, title, names) == (["Text", "Datum", "n"], "Karten", ["Karten"])
    assert rows == [
        (2, ["Mehr  Bänke", datetime(2022, 12, 31), 3]),
        (3, ["Zeile eins\nZeile zwei", "NA", None]),
        (4, [None, None, None]),
        (5, [None, None, None]),
        (6, [None, None, 1.5]),
    ]
    assert isinstance(rows[0][1][2], int)


def test_a_broken_or_missing_sheet_is_named(tmp_path: Path) -> None:
    """A truncated file and an unknown sheet stop the import with the file's name."""
    path = _indicator_ods(tmp_path / "werte.ods")
    data = path.read_bytes()
    with pytest.raises(InputError, match=r"Datei kaputt\.ods: Keine lesbare ODS-Datei"):
        read_ods(data[: len(data) // 2], "kaputt.ods", None)
    with pytest.raises(InputError, match="Tabellenblatt 'Werte' fehlt; vorhanden: Indikatoren"):
        read_ods(data, "werte.ods", "Werte")


def test_a_true_cell_of_german_libreoffice_is_true(project: Project, tmp_path: Path) -> None:
    """German LibreOffice shows a boolean cell as "WAHR"/"FALSCH"; the reader took the
    word for the value and read "WAHR" as False: illustrative figures became official."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Werte")
    names = ("Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle", "illustrativ")
    table.addElement(_row(*(_cell("string", h) for h in names)))
    for district, value, flag in (("Gesamtstadt", "10.9", "true"), ("Manfort", "13.9", "false")):
        shown = "WAHR" if flag == "true" else "FALSCH"
        table.addElement(
            _row(
                _cell("string", district),
                _cell("string", "SGB-II-Quote"),
                _cell("float", "2022", value="2022"),
                _cell("float", value, value=value),
                _cell("string", "%"),
                _cell("string", "Demo"),
                _cell("boolean", shown, booleanvalue=flag),
            )
        )
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "werte.ods"))
    import_indicators(project, tmp_path / "werte.ods")
    flags = indicators(project).set_index("district")["illustrative"]
    assert flags.to_dict() == {"Gesamtstadt": True, "Manfort": False}
    assert comparison(project)["illustrative"].tolist() == [True]  # the city's flag counts


def test_na_in_an_ods_indicator_table_is_a_missing_value(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ODS table with "NA" and "n/a" for missing values (as R and SPSS write them):
    pandas' reader made them empty, the ODS reader keeps the text, and the import
    stopped with "Wert 'NA' ist keine Zahl". They are "n. v." now, in every format."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Werte")
    names = ("Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle")
    table.addElement(_row(*(_cell("string", h) for h in names)))
    for district, value in (("Gesamtstadt", "10.9"), ("Manfort", "NA"), ("Wiesdorf", "n/a")):
        shown = _cell("float", value, value=value) if value[0].isdigit() else _cell("string", value)
        table.addElement(
            _row(
                _cell("string", district),
                _cell("string", "SGB-II-Quote"),
                _cell("float", "2022", value="2022"),
                shown,
                _cell("string", "%"),
                _cell("string", "BA"),
            )
        )
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "werte.ods"))
    argv = ["--project", str(project.path), "indicators", "--import", str(tmp_path / "werte.ods")]
    assert main(argv) == 0
    assert "Zeilen 3, 4 („n. v.“: nicht verfügbar" in capsys.readouterr().out
    assert indicators(project)["district"].tolist() == ["Gesamtstadt"]


def test_na_answers_of_an_ods_survey_are_no_statements(project: Project, tmp_path: Path) -> None:
    """A survey exported from R as ODS marks a missing answer "NA": pandas' reader made it
    empty, the ODS reader keeps the text, and every "NA" became a statement."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Umfrage")
    table.addElement(_row(_cell("string", "Zeitstempel"), _cell("string", "Antwort")))
    for minute, answer in enumerate(["NA", "Mehr Licht am Bahnhof.", "na"]):
        table.addElement(_row(_cell("string", f"15.03.2021 10:0{minute}"), _cell("string", answer)))
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "umfrage.ods"))
    argv = ["--project", str(project.path), "import", str(tmp_path / "umfrage.ods")]
    assert main(argv) == 0
    assert project.segments()["text"].tolist() == ["Mehr Licht am Bahnhof."]
