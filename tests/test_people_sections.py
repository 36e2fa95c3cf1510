"""A protocol's section of participants under a heading of its own ("Teilnehmende",
"Anwesende", at the top or the end) lists people: its lines go onto the name list and
are no statements. Before, "Okke Wübbenhorst (Jugendzentrum)" was stored as a statement
under the question "Teilnehmende", in clear, and the names were not on the list, so a
statement mentioning "Wübbenhorst" kept it too (DOCX, ODT, Markdown/text, PDF)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from workbench import Project
from workbench.ingest import parse_file

HEAD = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
PEOPLE = ["Okke Wübbenhorst (Jugendzentrum)", "Jonas Becker (Kita Regenbogen)"]
QUESTION = "Was fehlt im Quartier?"
STATEMENT = "Wübbenhorst schlägt einen Treffpunkt am Markt vor, Becker auch."


def _sections(heading: str, at_end: bool) -> list[tuple[str, list[str]]]:
    sections = [(QUESTION, [STATEMENT]), (heading, PEOPLE)]
    return sections if at_end else sections[::-1]


def _write(path: Path, heading: str, at_end: bool) -> Path:
    sections = _sections(heading, at_end)
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(HEAD[0], style="Title")
        for line in HEAD[1:]:
            document.add_paragraph(line)
        for title, lines in sections:
            document.add_paragraph(title, style="Heading 1")
            for line in lines:
                document.add_paragraph(line, style="List Bullet" if line in PEOPLE else None)
        document.save(path)
    elif path.suffix == ".md":
        body = [
            f"## {t}\n\n" + "\n".join(f"- {x}" if x in PEOPLE else x for x in ls)
            for t, ls in sections
        ]
        path.write_text(f"# {HEAD[0]}\n" + "\n".join(HEAD[1:]) + "\n\n" + "\n\n".join(body) + "\n")
    else:
        lines = HEAD + [x for t, ls in sections for x in ["", t, *ls]]
        path.write_bytes(pdf_bytes([lines]))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".md", ".pdf"])
@pytest.mark.parametrize("heading", ["Teilnehmende", "Anwesende:"])
@pytest.mark.parametrize("at_end", [False, True], ids=["oben", "am-ende"])
def test_a_section_of_participants_lists_names_no_statements(
    tmp_path: Path, suffix: str, heading: str, at_end: bool
) -> None:
    path = _write(tmp_path / f"protokoll{suffix}", heading, at_end)
    parsed = parse_file(path)
    assert [(s.question, s.text) for s in parsed.segments] == [(QUESTION, STATEMENT)]
    assert set(parsed.names) >= {"Okke Wübbenhorst", "Jonas Becker"}
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert "Wübbenhorst" not in stored
    assert "Becker" not in stored
