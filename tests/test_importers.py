"""Importers: Markdown, DOCX and table parsing, encodings and delimiters."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest

from workbench.core.domain import GUIDING_QUESTIONS, InputError
from workbench.ingest import TableMapping, parse_docx, parse_file, parse_markdown, parse_table

PROTOCOL = """---
workshop: Quartiersworkshop Manfort
district: Manfort
date: 18.11.2020
format: digital
participants:
  - Anna Schmidt
---

# Protokoll Manfort

## Herausforderungen und Bedarfe

- **Schulsozialarbeit:** Viele Kinder hatten kein Endgerät
  und kein WLAN.
- JuZ seit März zu

Ein Absatz als eigene Aussage,
über zwei Zeilen.

### Kleingruppe 2
1. Tafel überlastet

## Ressourcen und Möglichkeiten
* Nachbarschaftshilfe trägt
"""


def test_markdown_protocol_structure(tmp_path: Path) -> None:
    path = tmp_path / "manfort.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    doc = parse_markdown(path)
    assert (doc.workshop, doc.district, doc.date, doc.format) == (
        "Quartiersworkshop Manfort",
        "Manfort",
        "2020-11-18",
        "digital",
    )
    assert doc.title == "Protokoll Manfort"
    assert doc.names == ("Anna Schmidt",)
    texts = [s.text for s in doc.segments]
    assert texts == [
        "Viele Kinder hatten kein Endgerät und kein WLAN.",
        "JuZ seit März zu",
        "Ein Absatz als eigene Aussage, über zwei Zeilen.",
        "Tafel überlastet",
        "Nachbarschaftshilfe trägt",
    ]
    assert [s.source_id for s in doc.segments] == ["1", "2", "3", "4", "5"]
    assert doc.segments[0].speaker_role == "Schulsozialarbeit"
    assert [s.question for s in doc.segments] == [GUIDING_QUESTIONS[0]] * 4 + [GUIDING_QUESTIONS[1]]
    assert doc.segments[3].row == 22  # line of "1. Tafel überlastet" in the file


def test_markdown_without_front_matter_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notizen.txt"
    path.write_text("Erste Aussage.\n\nZweite Aussage.\n", encoding="utf-8")
    doc = parse_file(path)
    assert [s.text for s in doc.segments] == ["Erste Aussage.", "Zweite Aussage."]
    assert doc.workshop is None


def test_markdown_unclosed_front_matter_names_file(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.md"
    path.write_text("---\nworkshop: X\n\n- Aussage\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"kaputt\.md.*nie geschlossen"):
        parse_markdown(path)


def _docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Protokoll Alkenrath", style="Title")
    d.add_paragraph("Workshop: Quartiersworkshop Alkenrath")
    d.add_paragraph("Sozialraum: Alkenrath")
    d.add_paragraph("Datum: 25.11.2020")
    d.add_paragraph("Teilnehmende: Anna Schmidt, Jürgen Becker")
    d.add_heading("Herausforderungen und Bedarfe", level=1)
    p = d.add_paragraph(style="List Bullet")
    p.add_run("Seniorenarbeit:").bold = True
    p.add_run(" Ältere sind seit März isoliert.")
    d.add_heading("Kleingruppe A", level=2)
    d.add_paragraph("Kein Treffpunkt im Quartier.")
    d.add_heading("Ressourcen und Möglichkeiten", level=1)
    d.add_paragraph("Kirchengemeinde telefoniert mit Älteren", style="List Bullet")
    d.save(path)
    return path


def test_docx_protocol_structure(tmp_path: Path) -> None:
    doc = parse_docx(_docx(tmp_path / "alkenrath.docx"))
    assert (doc.workshop, doc.district, doc.date) == (
        "Quartiersworkshop Alkenrath",
        "Alkenrath",
        "2020-11-25",
    )
    assert doc.names == ("Anna Schmidt", "Jürgen Becker")
    assert [(s.source_id, s.speaker_role, s.text, s.question) for s in doc.segments] == [
        ("1", "Seniorenarbeit", "Ältere sind seit März isoliert.", GUIDING_QUESTIONS[0]),
        ("2", None, "Kein Treffpunkt im Quartier.", GUIDING_QUESTIONS[0]),
        ("3", None, "Kirchengemeinde telefoniert mit Älteren", GUIDING_QUESTIONS[1]),
    ]


def test_docx_from_file_object(tmp_path: Path) -> None:
    data = _docx(tmp_path / "a.docx").read_bytes()
    doc = parse_docx(io.BytesIO(data), name="upload.docx")
    assert doc.filename == "upload.docx" and len(doc.segments) == 3


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "utf-8-sig"), (",", "utf-8"), ("\t", "utf-8"), (";", "cp1252"), (",", "latin-1")],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, delimiter: str, encoding: str) -> None:
    rows = [
        ["ID", "Text", "Sozialraum", "Farbe"],
        ["K1", "Größere Räume für Jugendliche", "Wiesdorf", "gelb"],
        ["K2", f"Mehrzeilig:\nÄltere{delimiter} allein", "Opladen", "grün"],
    ]
    lines = []
    for row in rows:
        cells = [f'"{c}"' if ("\n" in c or delimiter in c) else c for c in row]
        lines.append(delimiter.join(cells))
    path = tmp_path / "karten.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    doc = parse_table(
        path, TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    )
    assert [s.text for s in doc.segments] == [
        "Größere Räume für Jugendliche",
        f"Mehrzeilig:\nÄltere{delimiter} allein",
    ]
    assert [s.district for s in doc.segments] == ["Wiesdorf", "Opladen"]
    assert doc.segments[1].attributes == {"Farbe": "grün"}
    assert [s.row for s in doc.segments] == [2, 3]


def test_table_codes_and_attributes(tmp_path: Path) -> None:
    path = tmp_path / "umfrage.csv"
    path.write_text(
        "nr,antwort,codes,alter,plz\n1,Mehr Bänke,Bedarf; Themen/Öffentlicher Raum,67,051\n",
        encoding="utf-8",
    )
    doc = parse_table(
        path, TableMapping(text_column="antwort", id_column="nr", code_column="codes", coder="X")
    )
    seg = doc.segments[0]
    assert seg.codes == ("Bedarf", "Themen/Öffentlicher Raum")
    # numbers become numbers, but an id-like "051" keeps its leading zero
    assert seg.attributes == {"alter": 67, "plz": "051"}


def test_xlsx_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Karte", "Text", "Leitfrage"])
    sheet.append(["A1", "Spielplatz gesperrt", GUIDING_QUESTIONS[0]])
    sheet.append([None, None, None])
    sheet.append(["A2", "Sportverein bietet Online-Training", GUIDING_QUESTIONS[1]])
    path = tmp_path / "karten.xlsx"
    book.save(path)
    doc = parse_file(
        path, TableMapping(text_column="Text", id_column="Karte", question_column="Leitfrage")
    )
    assert doc.importer == "xlsx"
    assert [(s.source_id, s.row, s.question) for s in doc.segments] == [
        ("A1", 2, GUIDING_QUESTIONS[0]),
        ("A2", 4, GUIDING_QUESTIONS[1]),
    ]


def test_duplicate_ids_in_one_file_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("id,text\n1,a\n1,b\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"d\.csv, Zeile 3: ID '1' kommt doppelt"):
        parse_table(path, TableMapping(id_column="id"))


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "x.pages"
    path.write_bytes(b"PK")
    with pytest.raises(InputError, match=r"nicht unterstützt.*Pages: als \.docx exportieren"):
        parse_file(path)
