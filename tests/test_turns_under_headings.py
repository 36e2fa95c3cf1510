"""Timed speaker turns under several guiding questions (Word, Markdown, text).

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

SECTIONS = {
    "Was fehlt im Quartier?": [
        "18:05 Dzifa Kwarteng-Brühl: Mehr Bänke am Markt.",
        "18:06 Erik Newhard: Und Schatten für ältere Leute.",
        "18:07 Dzifa Kwarteng-Brühl: Ein Treffpunkt für Jugendliche.",
    ],
    "Was gibt es schon?": [
        "18:20 Erik Newhard: Den Bücherschrank.",
        "18:21 Dzifa Kwarteng-Brühl: Das Stadtteilfest.",
    ],
}
TEXTS = [
    "Mehr Bänke am Markt.",
    "Und Schatten für ältere Leute.",
    "Ein Treffpunkt für Jugendliche.",
    "Den Bücherschrank.",
    "Das Stadtteilfest.",
]
QUESTIONS = ["Was fehlt im Quartier?"] * 3 + ["Was gibt es schon?"] * 2


def _word(path: Path, sections: dict[str, list[str]]) -> Path:
    """A Word file: a heading per question, a paragraph per line below it."""
    from docx import Document

    document = Document()
    for heading, lines in sections.items():
        document.add_heading(heading, level=1)
        for line in lines:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def _markdown(sections: dict[str, list[str]]) -> str:
    """The sections as "## Frage?" over their lines."""
    return "".join(f"## {q}\n\n" + "\n".join(lines) + "\n\n" for q, lines in sections.items())


def test_timed_speaker_lines_under_questions_are_turns(project: Project, tmp_path: Path) -> None:
    files = [
        _word(tmp_path / "runde.docx", SECTIONS),
        _file(tmp_path, "runde.md", _markdown(SECTIONS)),
        _file(tmp_path, "runde.txt", "# Stadtteilrunde Manfort\n\n" + _markdown(SECTIONS)),
    ]
    for path in files:
        doc = parse_file(path)
        assert doc.importer == "speaker-turns", path.name
        assert [s.text for s in doc.segments] == TEXTS, path.name
        assert [s.question for s in doc.segments] == QUESTIONS, path.name
        assert [s.attributes["time"] for s in doc.segments][3] == "18:20", path.name
        assert sorted(doc.names) == ["Dzifa Kwarteng-Brühl", "Erik Newhard"], path.name
        speakers = {s.attributes["speaker"] for s in doc.segments}
        assert speakers == {"Dzifa Kwarteng-Brühl", "Erik Newhard"}, path.name
        assert import_into(project, path) == 0
    assert parse_file(files[1]).segments[0].row == 3  # the file's line, headings counted
    assert parse_file(files[2]).title == "Stadtteilrunde Manfort"
    stored = stored_text(project)
    assert "Kwarteng" not in stored and "Newhard" not in stored and "Dzifa" not in stored
    assert set(project.segments()["question"]) == set(QUESTIONS)


def test_protocols_under_questions_stay_protocols(tmp_path: Path) -> None:
    # Statements without speakers, and a section's own text above its turns: protocols.
    plain = {q: [line.split(": ", 1)[1] for line in lines] for q, lines in SECTIONS.items()}
    introduced = {q: ["Die Gruppe sammelte an der Pinnwand.", *ls] for q, ls in SECTIONS.items()}
    for name, sections in (("plain", plain), ("intro", introduced)):
        for path in (_word(tmp_path / f"{name}.docx", sections),
                     _file(tmp_path, f"{name}.md", _markdown(sections))):  # fmt: skip
            doc = parse_file(path)
            assert doc.importer != "speaker-turns", path.name
            assert {s.question for s in doc.segments} == set(SECTIONS), path.name


def test_a_sole_markdown_title_that_asks_is_the_question(project: Project, tmp_path: Path) -> None:
    path = _file(tmp_path, "karten.md", "# Was fehlt im Quartier?\n\n- Mehr Bänke\n- Schatten\n")
    doc = parse_file(path)
    assert doc.title == "Was fehlt im Quartier?"
    assert [s.question for s in doc.segments] == ["Was fehlt im Quartier?"] * 2
    assert import_into(project, path) == 0
    assert set(project.segments()["question"]) == {"Was fehlt im Quartier?"}
    # A title that asks nothing, or one above questions of its own, is no question.
    titled = _file(tmp_path, "titel.md", "# Runde Manfort\n\n- Mehr Bänke\n")
    assert [s.question for s in parse_file(titled).segments] == [None]
    above = "# Was tun?\n\n## Was fehlt?\n\n- Mehr Bänke\n"
    assert [s.question for s in parse_file(_file(tmp_path, "q.md", above)).segments] == [
        "Was fehlt?"
    ]
