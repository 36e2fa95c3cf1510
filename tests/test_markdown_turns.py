"""Markdown files of people's turns without times: a transcript, as the same text in .txt.

"Anna Schmidt: …" paragraphs in a ``.md`` (a conversation typed into a pad) were read as
a protocol: one statement per paragraph with the speaker's name in the text.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from tests.transcript_files import import_into, write_file
from workbench import Project
from workbench.ingest import parse_file

TURNS = (
    "Helga Brandt: Guten Abend, wir starten mit dem Spielplatz.\n\n"
    "Kerem Özdemir: Der Spielplatz am Markt ist seit Monaten gesperrt.\n\n"
    "Jolanta Brzeska: Und es fehlen Bänke für Ältere.\n\n"
    "Helga Brandt: Danke, dann zum nächsten Punkt.\n"
)


def test_untimed_turns_of_people_in_markdown_are_a_transcript(
    project: Project, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "runde.md", TURNS)
    said = [(s.attributes.get("speaker"), s.text) for s in parse_file(path).segments]
    assert said == [
        ("Helga Brandt", "Guten Abend, wir starten mit dem Spielplatz."),
        ("Kerem Özdemir", "Der Spielplatz am Markt ist seit Monaten gesperrt."),
        ("Jolanta Brzeska", "Und es fehlen Bänke für Ältere."),
        ("Helga Brandt", "Danke, dann zum nächsten Punkt."),
    ]
    assert import_into(project, path) == 0
    segments = project.segments().sort_values("position")
    speakers = list(segments["attributes"].map(lambda a: a.get("speaker")))
    assert speakers[0] == speakers[3] and len(set(speakers)) == 3
    assert all(s.startswith("[Person ") for s in speakers)
    assert not segments["text"].str.contains(":").any()
    assert "Brandt" not in stored_text(project)


def test_a_records_lead_ins_in_markdown_stay_a_protocol(tmp_path: Path) -> None:
    """A guard: labels only ("Ergebnis:", "Fazit:") are no people; headings make sections."""
    record = "Ergebnis: Ein Treffpunkt fehlt.\n\nFazit: Das Café reicht nicht.\n\n" * 2
    headed = "# Runde\n\n## Spielplatz\n\n" + TURNS
    for name, text in (("notiz.md", record), ("runde.md", headed)):
        document = parse_file(write_file(tmp_path, name, text))
        assert document.importer == "markdown", name
