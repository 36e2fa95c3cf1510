"""A protocol's details under a heading of their own ("Rahmendaten", "Eckdaten") before
the first statement are its details, as above the first heading (and as the PDF reads
them): before, "Datum: 12.03.2021" and "Teilnehmende: Okke Wübbenhorst, Jonas Becker" were
stored as statements under the question "Rahmendaten", the protocol had no date and the
names, in clear, were not on the name list. What a moderator says under a heading
("Moderation: Herzlich willkommen, …") stays a statement."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from workbench import Project
from workbench.ingest import parse_file

SECTIONS = [
    ("Rahmendaten", ["Datum: 12.03.2021", "Sozialraum: Manfort", "Ort: Bürgerhaus"]),
    ("Teilnehmende: Okke Wübbenhorst, Jonas Becker", []),
    ("Begrüßung", ["Moderation: Herzlich willkommen, wir beginnen mit einer Vorstellungsrunde."]),
    ("Was fehlt im Quartier?", ["Wübbenhorst schlägt einen Treffpunkt am Markt vor, Becker auch."]),
]


def _write(path: Path) -> Path:
    # the line of participants right under the details (no heading of its own)
    sections = [(SECTIONS[0][0], [*SECTIONS[0][1], SECTIONS[1][0]]), *SECTIONS[2:]]
    return _protocol(path, sections, lines_apart="\n")


@pytest.mark.parametrize("suffix", [".docx", ".md", ".pdf"])
def test_details_under_a_heading_of_their_own_are_the_protocols_details(
    tmp_path: Path, suffix: str
) -> None:
    path = _write(tmp_path / f"protokoll{suffix}")
    parsed = parse_file(path)
    assert (str(parsed.date), parsed.district) == ("2021-03-12", "Manfort")
    assert parsed.names == ("Okke Wübbenhorst", "Jonas Becker")
    assert [(s.question, s.text) for s in parsed.segments] == [
        ("Begrüßung", SECTIONS[2][1][0]),
        ("Was fehlt im Quartier?", SECTIONS[3][1][0]),
    ]
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert "Wübbenhorst" not in stored
    assert "Becker" not in stored


def _protocol(path: Path, sections: list[tuple[str, list[str]]], lines_apart: str = "\n\n") -> Path:
    """A protocol of ``sections`` (heading, lines) as DOCX, Markdown or PDF; in Markdown a
    section's lines joined by ``lines_apart`` (one paragraph or one each)."""
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
        for heading, lines in sections:
            document.add_paragraph(heading, style="Heading 1")
            for line in lines:
                document.add_paragraph(line)
        document.save(path)
    elif path.suffix == ".md":
        body = "\n\n".join(f"## {h}\n\n" + lines_apart.join(lines) for h, lines in sections)
        path.write_text(f"# Stadtteilworkshop Manfort\n\n{body}\n", encoding="utf-8")
    else:
        lines = ["Stadtteilworkshop Manfort"]
        lines += [x for heading, ls in sections for x in ["", heading, *ls]]
        path.write_bytes(pdf_bytes([lines]))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".md", ".pdf"])
def test_a_sentence_after_ort_or_zeit_under_a_heading_stays_a_statement(
    tmp_path: Path, suffix: str
) -> None:
    # "Ort:" and "Zeit:" are details not kept: read as such, these statements were lost
    said = [
        "Ort: Das Bürgerhaus ist zu klein für große Feste.",
        "Zeit: haben die Ehrenamtlichen zu wenig.",
        "Der Sportverein ist aktiv.",
    ]
    details = ["Datum: 12.03.2021", "Ort: Bürgerhaus Manfort, großer Saal", "Zeit: 18 bis 20 Uhr"]
    sections = [("Rahmendaten", details)]
    path = _protocol(tmp_path / f"protokoll{suffix}", [*sections, ("Ressourcen", said)])
    parsed = parse_file(path)
    assert [(s.question, s.text) for s in parsed.segments] == [("Ressourcen", t) for t in said]


@pytest.mark.parametrize("suffix", [".docx", ".md", ".pdf"])
def test_a_sentence_after_format_or_sozialraum_under_a_heading_stays_a_statement(
    tmp_path: Path, suffix: str
) -> None:
    # read as details, the first was lost and the second named a district "Manfort ist …"
    said = [
        "Format: leider nur digital, viele Ältere konnten nicht teilnehmen.",
        "Sozialraum: Manfort ist vergessen worden, sagen viele.",
        "Der Sportverein ist aktiv.",
    ]
    sections = [("Rahmendaten", ["Datum: 12.03.2021", "Ort: Bürgerhaus"])]
    path = _protocol(tmp_path / f"protokoll{suffix}", [*sections, ("Ressourcen", said)])
    parsed = parse_file(path)
    assert parsed.district is None
    assert [(s.question, s.text) for s in parsed.segments] == [("Ressourcen", t) for t in said]


def test_a_pdf_protocol_naming_its_format_is_imported(tmp_path: Path) -> None:
    # "Format: digital (Zoom)" stopped the PDF's import with a TypeError traceback
    details = ["Datum: 12.03.2021", "Format: digital (Zoom)"]
    said = ["Der Sportverein ist aktiv."]
    path = _protocol(tmp_path / "protokoll.pdf", [("Rahmendaten", details), ("Ressourcen", said)])
    parsed = parse_file(path)
    assert (parsed.format, str(parsed.date)) == ("digital (Zoom)", "2021-03-12")
    assert [(s.question, s.text) for s in parsed.segments] == [("Ressourcen", said[0])]
