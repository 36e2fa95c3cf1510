"""Second reading of the online-meeting importers: files read correctly before stay so."""

from __future__ import annotations

from pathlib import Path

from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

# Zoom's cloud export; a message of two lines, the second built like Webex's header.
CLOUD_CHAT = (
    "18:01:02\tAnna Schmidt:\tOpening hours of the library\n"
    "from Monday to Friday: 9:00 AM\n"
    "18:02:10\tBernd Meyer:\tOn Monday we could meet there.\n"
    "18:03:10\tCarla Roth:\tFriday is better for me.\n"
)
# The German client's saved chat, a message line "von … an …: 9:00" not indented.
SAVED_CHAT = (
    "18:01:02 Von Anna Schmidt an Alle:\n"
    "\tDie Bücherei hat offen\n"
    "von Montag an Freitag: 9:00\n"
    "18:02:10 Von Bernd Meyer an Alle:\n"
    "\tAm Montag wäre gut.\n"
)


def test_a_chat_line_like_a_webex_header_stays_in_its_message(
    project: Project, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", CLOUD_CHAT))
    assert [s.text for s in doc.segments] == [
        "Opening hours of the library\nfrom Monday to Friday: 9:00 AM",
        "On Monday we could meet there.",
        "Friday is better for me.",
    ]
    assert "Monday" not in doc.names and "Friday" not in doc.names
    assert _import(project, tmp_path / "chat.txt") == 0
    texts = list(project.segments()["text"])
    assert texts[1:] == ["On Monday we could meet there.", "Friday is better for me."]


def test_a_saved_chat_with_such_a_line_is_still_a_chat(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "chat_gespeichert.txt", SAVED_CHAT))
    assert doc.importer == "zoom-chat"
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Anna Schmidt", "Die Bücherei hat offen\nvon Montag an Freitag: 9:00"),
        ("Bernd Meyer", "Am Montag wäre gut."),
    ]


def test_an_agenda_of_items_from_one_thing_to_another_stays_a_protocol(tmp_path: Path) -> None:
    # Two items built like Webex's header ("from … to …:    4:23 PM"), to no one present.
    text = (
        "From idea to project: 18:00\nWir sammeln, was im Quartier fehlt.\n\n"
        "From plan to action: 18:45\nWer kümmert sich um die Bänke?\n"
    )
    doc = parse_file(_file(tmp_path, "agenda.txt", text))
    assert doc.importer == "markdown"
    assert not doc.names


def test_a_time_stamp_in_brackets_names_no_speaker(tmp_path: Path) -> None:
    # A cue that begins with its time written out, as some tools do: no one speaks there.
    text = (
        "WEBVTT\n\n00:00:05.000 --> 00:00:08.000\n[00:00:05] Wir brauchen mehr Licht.\n\n"
        "00:00:09.000 --> 00:00:12.000\n[00:00:09] Und Bänke am Marktplatz.\n"
    )
    doc = parse_file(_file(tmp_path, "stempel.vtt", text))
    assert not doc.names
    assert all("speaker" not in s.attributes for s in doc.segments)
    assert "Wir brauchen mehr Licht." in doc.segments[0].text


def test_a_message_that_begins_like_the_apps_placeholder_is_kept(tmp_path: Path) -> None:
    # WhatsApp's placeholder for a message not decrypted ends its first words with ".".
    text = (
        "12.03.21, 18:02 - Anna Schmidt: Warten auf diese Nachricht. Dies kann etwas dauern.\n"
        "13.03.21, 09:00 - Carla Roth: Warten auf diese Nachricht von der Stadt seit Wochen!\n"
        "13.03.21, 09:05 - Bernd Meyer: Waiting for this message to get an answer\n"
    )
    doc = parse_file(_file(tmp_path, "gruppe.txt", text))
    assert [s.text for s in doc.segments] == [
        "Warten auf diese Nachricht von der Stadt seit Wochen!",
        "Waiting for this message to get an answer",
    ]


def test_a_note_in_brackets_does_not_replace_the_speaker_webex_names(tmp_path: Path) -> None:
    # Webex names the speaker in the cue's identifier; the bracket is the transcriber's note.
    text = (
        'WEBVTT\n\n1 "Anna Schmidt" (3108273152)\n00:00:01.000 --> 00:00:04.000\n'
        "[zeigt auf Karte] Hier fehlt ein Zebrastreifen.\n\n"
        '2 "Bernd Meyer" (3108273153)\n00:00:05.000 --> 00:00:08.000\nJa, genau.\n'
    )
    doc = parse_file(_file(tmp_path, "webex.vtt", text))
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Anna Schmidt", "[zeigt auf Karte] Hier fehlt ein Zebrastreifen."),
        ("Bernd Meyer", "Ja, genau."),
    ]
    assert sorted(doc.names) == ["Anna Schmidt", "Bernd Meyer"]
