"""Meeting files, third reading: recipients that are rooms or roles, headings that ask,
Whisper's console header, re-imports with other options, notes in brackets.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

# A chat to a breakout room, the host, the moderation and the waiting room: rooms and
# roles, no people, so neither direct messages nor names to replace in the texts.
TO_ROLES = {
    "From": ("Breakout Room 1", "Host", "Co-Host", "Waiting Room Participants"),
    "Von": ("Breakout-Raum 2", "Gastgeber", "Moderator", "Co-Host", "alle im Warteraum"),
}


def test_chat_recipients_that_are_rooms_or_roles_are_no_people(
    project: Project, tmp_path: Path
) -> None:
    for cue, recipients in TO_ROLES.items():
        to = "to" if cue == "From" else "an"
        lines = [
            f"18:03:1{i} {cue} Carla Roth {to} {recipient}:\n\tGleich im breakout room, Raum 2\n"
            for i, recipient in enumerate(recipients)
        ]
        lines.append(f"18:04:00 {cue} Ben Berg {to} Everyone:\n\tDer Moderator hat recht\n")
        doc = parse_file(_file(tmp_path, f"chat_{cue}.txt", "".join(lines)))
        assert len(doc.segments) == len(recipients) + 1, cue
        assert not any(s.attributes.get("direct_message") for s in doc.segments), cue
        assert doc.options["direct_messages_left_out"] == 0, cue
        assert sorted(doc.names) == ["Ben Berg", "Carla Roth"], cue
        assert import_into(project, tmp_path / f"chat_{cue}.txt") == 0
    texts = list(project.segments()["text"])
    assert "Gleich im breakout room, Raum 2" in texts
    assert "Der Moderator hat recht" in texts
    # Marked private to the host: a direct message (left out), the host no person.
    private = "18:03:10 Von Carla Roth an Gastgeber (Privat):\n\tIch muss früher gehen\n"
    private += "18:04:00 Von Ben Berg an Alle:\n\tDanke an den Gastgeber\n"
    doc = parse_file(_file(tmp_path, "privat.txt", private))
    assert [s.text for s in doc.segments] == ["Danke an den Gastgeber"]
    assert doc.options["direct_messages_left_out"] == 1
    assert "Gastgeber" not in doc.names
    kept = parse_file(_file(tmp_path, "privat.txt", private), direct_messages=True)
    assert kept.segments[0].attributes["recipient_role"] == "Gastgeber"
    assert "recipient" not in kept.segments[0].attributes
    assert "Roth" not in stored_text(project)
