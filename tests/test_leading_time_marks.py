"""A transcript whose time marks stand at the start of each turn — f4's "#00:00:05-1# I: …"
or MAXQDA's "(00:00:05) I: …" — was no transcript: the first turn became the guiding
question of a protocol and every other line a statement with its mark and label in the
text (a text file opening with "#" was taken for a Markdown heading). The mark is the
turn's start now (``time``), the label its role, in text, Markdown, Word and RTF."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.transcript_files import import_into
from workbench import Project

TURNS = [
    ("00:00:05", "I", "Wie lange wohnen Sie hier?"),
    ("00:00:09", "B", "Seit 1998, damals war hier noch ein Bäcker."),
    ("00:00:15", "I", "Was fehlt Ihnen heute?"),
    ("00:00:19", "B", "Ein Treffpunkt für Ältere."),
]


def _write(path: Path, lines: list[str]) -> Path:
    if path.suffix == ".docx":
        document = Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(path)
    elif path.suffix == ".rtf":
        body = "".join(
            line.replace("ä", "\\'e4").replace("Ä", "\\'c4") + "\\par\n" for line in lines
        )
        path.write_text(
            "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\n" + body + "}", "latin-1"
        )
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("mark", ["#{}-3#", "({})"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".rtf"])
def test_a_mark_at_a_turns_start_is_its_time(
    project: Project, tmp_path: Path, suffix: str, mark: str
) -> None:
    lines = [f"{mark.format(time)} {who}: {said}" for time, who, said in TURNS]
    assert import_into(project, _write(tmp_path / f"interview{suffix}", lines)) == 0
    stored = project.segments().sort_values("position")
    got = [
        (a.get("time"), role, text, question)
        for a, role, text, question in zip(
            stored["attributes"],
            stored["speaker_role"],
            stored["text"],
            stored["question"],
            strict=True,
        )
    ]
    assert [g[:3] for g in got] == TURNS
    assert all(not isinstance(g[3], str) for g in got)  # no turn made a guiding question


AGENDA = [
    "Stadtteilrunde Manfort 12.03.2025",
    "(18:00) Begrüßung: Frau Müller eröffnet die Runde.",
    "(18:15) Verkehr: Tempo 30 vor der Schule gefordert.",
    "(18:45) Grün: Mehr Bäume an der Hauptstraße.",
    "(19:15) Abschluss: Nächstes Treffen im Mai.",
]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".rtf"])
def test_an_agendas_clock_time_in_parentheses_is_no_turn(
    project: Project, tmp_path: Path, suffix: str
) -> None:
    """A protocol's "(18:15) Verkehr: …" is an agenda item, no speaker "Verkehr" at 18:15:
    only a recording's time with seconds, "(00:00:05)", opens a turn."""
    assert import_into(project, _write(tmp_path / f"runde{suffix}", AGENDA)) == 0
    stored = project.segments()
    persons = set(project.pseudonym_key().query("kind == 'person'")["original"])
    assert not persons & {"Verkehr", "Grün", "Abschluss", "Begrüßung"}
    assert not any("speaker" in a for a in stored["attributes"])
    for topic in ("Verkehr: Tempo 30", "Grün: Mehr Bäume", "Abschluss: Nächstes Treffen"):
        assert sum(topic in text for text in stored["text"]) == 1
