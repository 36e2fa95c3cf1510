"""Speakers of real meetings that are no person: a hybrid workshop's room microphone
("Saal", "Raum 1", "Konferenzraum") and a voice the tool could not name, however the
tool writes it ("Unknown speaker", "Sprecher unbekannt").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file
from workbench.ingest.speaker_labels import is_role
from workbench.ingest.speakers import read_roles

HYBRID_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
<v Schmidt, Anna (Stadt Leverkusen)>Guten Abend, willkommen im Saal und online.</v>

00:00:06.000 --> 00:00:12.000
<v Saal>Hinten im Saal ist es schwer zu verstehen.</v>

00:00:13.000 --> 00:00:20.000
<v Kaya, Mehmet>Online hört man den Konferenzraum gut.</v>

00:00:21.000 --> 00:00:25.000
<v Konferenzraum>Wir wünschen uns mehr Bänke im Park.</v>

00:00:26.000 --> 00:00:30.000
<v Raum 1>Im Raum 1 sitzen zwölf Leute, wir sprechen über den Spielplatz.</v>
"""


def test_a_room_microphone_is_a_role_and_its_word_stays_in_the_text(
    project: Project, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, "hybrid.vtt", HYBRID_VTT))
    assert [s.speaker_role for s in doc.segments] == [
        None,
        "Saal",
        None,
        "Konferenzraum",
        "Raum 1",
    ]
    assert doc.names == ("Anna Schmidt", "Mehmet Kaya")
    assert all("speaker" not in s.attributes for s in doc.segments if s.speaker_role)
    assert _import(project, tmp_path / "hybrid.vtt") == 0
    stored = stored_text(project)
    assert "Im Raum 1 sitzen zwölf Leute" in stored  # not "Im [Person 1] sitzen"
    assert "Online hört man den Konferenzraum gut." in stored
    assert "Kaya" not in stored and "Schmidt" not in stored


UNKNOWN_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
<v Unknown speaker>Ich finde den Spielplatz zu klein.</v>

00:00:06.000 --> 00:00:12.000
<v Helga Brandt>Der Bus fährt abends zu selten.</v>

00:00:13.000 --> 00:00:20.000
<v Unknown Speaker 2>Bitte mehr Licht am Bahnhof.</v>

00:00:21.000 --> 00:00:25.000
<v Sprecher unbekannt>Wie lange dauert das noch?</v>

00:00:26.000 --> 00:00:30.000
<v Unbekannter Sprecher>Der Markt ist gut.</v>
"""


def test_unknown_speakers_in_any_wording_are_roles(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "unbekannt.vtt", UNKNOWN_VTT))
    assert [s.speaker_role for s in doc.segments] == [
        "Unknown speaker",
        None,
        "Unknown Speaker 2",
        "Sprecher unbekannt",
        "Unbekannter Sprecher",
    ]
    assert doc.names == ("Helga Brandt",)
    assert _import(project, tmp_path / "unbekannt.vtt") == 0
    stored = stored_text(project)
    # a label on the name list turned the other labels into "[Person 2] 2"
    assert "Unknown Speaker 2" in stored and "Unbekannter Sprecher" in stored


ZOOM_UNNAMED_VTT = """\
WEBVTT

1
00:00:01.000 --> 00:00:04.000
Anna Schmidt: Guten Abend zusammen.

2
00:00:04.500 --> 00:00:08.000
Wir fangen gleich an mit der Runde.

3
00:00:09.000 --> 00:00:12.000
Schmidt, Ben: Der Spielplatz ist kaputt.

4
00:00:12.500 --> 00:00:15.000
Ja, genau: das sehe ich auch so.

5
00:00:16.000 --> 00:00:19.000
Anna Schmidt: Danke Ben.
"""


def test_a_zoom_cue_without_speaker_keeps_its_words_before_a_colon(tmp_path: Path) -> None:
    """Zoom leaves the speaker out where it could not tell who spoke; "Ja, genau:" then
    opened the cue and became a person named "Ja, genau" whose words were cut off."""
    doc = parse_file(_file(tmp_path, "zoom.vtt", ZOOM_UNNAMED_VTT))
    assert [s.attributes.get("speaker") for s in doc.segments] == [
        "Anna Schmidt",
        None,
        "Ben Schmidt",
        None,
        "Anna Schmidt",
    ]
    assert doc.segments[3].text == "Ja, genau: das sehe ich auch so."
    assert doc.names == ("Anna Schmidt", "Ben Schmidt")


TEAMS_CHAT_ONCE = """\
[17:02] Schmidt, Anna
Willkommen zum Stadtteilforum! Bitte stellt eure Fragen hier im Chat.
[17:05] Kaya, Mehmet (Gast)
Wann wird der Spielplatz an der Schulstraße repariert?
👍 2
[17:07] Becker, Jana
Der Bus 203 fährt abends nur stündlich.
[17:09] Nowak, Piotr (Extern)
Gibt es schon einen Termin für die nächste Begehung?
"""


def test_a_copied_teams_chat_where_nobody_speaks_twice_is_a_chat(
    project: Project, tmp_path: Path
) -> None:
    """A forum's question chat: everyone writes once. It was read as one protocol
    paragraph with the surnames ("[17:05] Kaya, [Person 2] (Gast) …") left in clear."""
    doc = parse_file(_file(tmp_path, "fragen.txt", TEAMS_CHAT_ONCE))
    assert [s.attributes.get("speaker") for s in doc.segments] == [
        "Anna Schmidt",
        "Mehmet Kaya",
        "Jana Becker",
        "Piotr Nowak",
    ]
    assert [s.attributes.get("time") for s in doc.segments] == ["17:02", "17:05", "17:07", "17:09"]
    assert doc.segments[1].text == "Wann wird der Spielplatz an der Schulstraße repariert?"
    assert _import(project, tmp_path / "fragen.txt") == 0
    stored = stored_text(project)
    for name in ("Schmidt", "Kaya", "Becker", "Nowak", "Mehmet", "Piotr"):
        assert name not in stored, name


def test_a_timed_agenda_with_a_speaker_named_once_stays_a_protocol(tmp_path: Path) -> None:
    agenda = "10:00 Begrüßung, Anna\nText.\n10:20 Vortrag, Mehmet\nBericht.\n11:00 Pause\nKaffee.\n"
    assert parse_file(_file(tmp_path, "ablauf.txt", agenda)).importer != "speaker-turns"


BBB_NOTES = """\
Stadtteilrunde Manfort – geteilte Notizen

Was fehlt im Stadtteil?
- Ein Treffpunkt für Jugendliche
- Mehr Bänke am Rhein

Was ist gut?
- Der Wochenmarkt
"""


def test_shared_notes_title_without_date_below_is_the_title_not_a_statement(
    tmp_path: Path,
) -> None:
    """BigBlueButton's shared notes: a title, then questions over lists. Without a
    "Datum:" line below it, the title was the first statement (with no question)."""
    doc = parse_file(_file(tmp_path, "notizen.txt", BBB_NOTES))
    assert doc.title == "Stadtteilrunde Manfort – geteilte Notizen"
    assert [(s.question, s.text) for s in doc.segments] == [
        ("Was fehlt im Stadtteil?", "Ein Treffpunkt für Jugendliche"),
        ("Was fehlt im Stadtteil?", "Mehr Bänke am Rhein"),
        ("Was ist gut?", "Der Wochenmarkt"),
    ]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_transcript_in_utf16_without_byte_order_mark_is_read(
    encoding: str, project: Project, tmp_path: Path
) -> None:
    """Some Windows tools save UTF-16 without BOM; the import said the file was damaged
    ("enthält Nullbytes") although it is text."""
    path = _file(tmp_path, "hybrid.vtt", HYBRID_VTT, encoding=encoding)
    doc = parse_file(path)
    assert doc.segments[1].text == "Hinten im Saal ist es schwer zu verstehen."
    assert doc.names == ("Anna Schmidt", "Mehmet Kaya")
    assert _import(project, path) == 0


SAME_FIRST_NAME_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
<v Anna Schmidt>Guten Abend, ich moderiere heute.</v>

00:00:06.000 --> 00:00:12.000
<v Becker, Anna (Gast)>Ich wohne seit 30 Jahren in Manfort.</v>

00:00:13.000 --> 00:00:20.000
<v Mehmet Kaya>Danke Anna. Der Spielplatz ist kaputt.</v>

00:00:21.000 --> 00:00:25.000
<v Jana Nowak>Anna Becker hat recht.</v>
"""


def test_a_first_name_two_speakers_share_is_neither_of_them(
    project: Project, tmp_path: Path
) -> None:
    """Two Annas in one Teams meeting: "Danke Anna" became the placeholder of whichever
    Anna sorted first (Anna Becker), linking the text to a person it may not mean."""
    assert _import(project, _file(tmp_path, "annas.vtt", SAME_FIRST_NAME_VTT)) == 0
    segments = project.segments()
    speakers = [a["speaker"] for a in segments["attributes"]]
    schmidt, becker = speakers[0], speakers[1]
    assert schmidt != becker
    thanks = segments["text"].iloc[2]
    assert segments["text"].iloc[3] == f"{becker} hat recht."
    alone = thanks.removeprefix("Danke ").split(".")[0]
    assert alone.startswith("[Person ") and alone not in (schmidt, becker)
    assert "Anna" not in stored_text(project)


TEAMS_COLONS = """\
Schmidt, Anna   0:03
Guten Abend zusammen.
Kaya, Mehmet   0:15
Mir ist eins wichtig: der Spielplatz ist kaputt.
Zum Beispiel: die Schaukel hängt schief.
Schmidt, Anna   1:02
Danke Mehmet.
Becker, Jana   1:30
Drei Punkte: Bus, Licht, Bänke.
Kaya, Mehmet   2:00
Ergänzung: auch die Toiletten.
"""


def test_a_teams_transcript_whose_speakers_say_label_colon_text_is_a_transcript(
    project: Project, tmp_path: Path
) -> None:
    """People say "Zum Beispiel: …". Under Teams' speaker lines such a line was taken
    for a turn of a speaker "Zum Beispiel", the speaker lines above lost their text, and
    the file became one protocol paragraph (as Word file: refused for lack of headings)."""
    doc = parse_file(_file(tmp_path, "teams.txt", TEAMS_COLONS))
    assert [(s.attributes["speaker"], s.attributes["time"]) for s in doc.segments] == [
        ("Anna Schmidt", "0:03"),
        ("Mehmet Kaya", "0:15"),
        ("Anna Schmidt", "1:02"),
        ("Jana Becker", "1:30"),
        ("Mehmet Kaya", "2:00"),
    ]
    assert doc.segments[1].text == (
        "Mir ist eins wichtig: der Spielplatz ist kaputt.\nZum Beispiel: die Schaukel hängt schief."
    )
    assert doc.names == ("Anna Schmidt", "Jana Becker", "Mehmet Kaya")
    assert _import(project, tmp_path / "teams.txt") == 0
    assert len(project.segments()) == 5


TEAMS_ENGLISH = """\
Neighbourhood forum Manfort
March 12, 2024, 6:02PM
1h 2m 15s
Anna Schmidt started transcription
Anna Schmidt   0:03
Good evening everyone.
Mehmet Kaya (Guest)   0:15
Thanks Anna, the playground is broken.
Anna Schmidt   1:02
Thanks Mehmet.
Anna Schmidt stopped transcription
"""


def test_an_english_teams_transcript_keeps_its_date(tmp_path: Path) -> None:
    """Teams with an English interface writes "March 12, 2024, 6:02PM" below the title:
    the date was dropped (only German and ISO dates were read)."""
    doc = parse_file(_file(tmp_path, "forum.txt", TEAMS_ENGLISH))
    assert (doc.title, doc.date) == ("Neighbourhood forum Manfort", "2024-03-12")
    assert [s.attributes["speaker"] for s in doc.segments] == [
        "Anna Schmidt",
        "Mehmet Kaya",
        "Anna Schmidt",
    ]


@pytest.mark.parametrize(
    "room", ["Konferenzraum Rathaus", "Sitzungssaal 3.OG", "LEV-Rathaus-R214 (Teams Room)"]
)
def test_a_teams_room_named_by_its_place_is_a_role(room: str, tmp_path: Path) -> None:
    """A Teams Room device carries the room's name: "Konferenzraum Rathaus" was a person
    and "Rathaus" on the name list, to be replaced in every text of the workshop."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna Schmidt>Willkommen.</v>\n\n"
        f"00:00:05.000 --> 00:00:08.000\n<v {room}>Wir hören Sie gut im Rathaus.</v>\n"
    )
    doc = parse_file(_file(tmp_path, "raum.vtt", vtt))
    assert doc.segments[1].speaker_role == room
    assert "speaker" not in doc.segments[1].attributes
    assert doc.names == ("Anna Schmidt",)


def test_a_room_word_in_a_protocol_label_with_words_after_it_is_no_role() -> None:
    assert not is_role("Raum für Begegnung")
    assert not is_role("Anna Raumberger")


GUESTS_BY_ADDRESS = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
<v anna.schmidt@gmx.de (Gast)>Guten Abend, schreibt mir an anna.schmidt@gmx.de.</v>

00:00:06.000 --> 00:00:12.000
<v m.kaya@web.de>Hallo Anna, der Spielplatz ist kaputt.</v>

00:00:13.000 --> 00:00:20.000
<v anna.schmidt@gmx.de (Gast)>Danke.</v>
"""


def test_guests_named_by_e_mail_address_are_two_people_not_one(
    project: Project, tmp_path: Path
) -> None:
    """Guests who joined with their address as display name were all the speaker
    "[E-Mail]": one person in every count of who said what."""
    assert _import(project, _file(tmp_path, "gaeste.vtt", GUESTS_BY_ADDRESS)) == 0
    segments = project.segments()
    speakers = [a["speaker"] for a in segments["attributes"]]
    assert speakers[0] == speakers[2] != speakers[1]
    assert all(s.startswith("[Person ") for s in speakers)
    assert segments["text"].iloc[0] == "Guten Abend, schreibt mir an [E-Mail]."
    assert segments["text"].iloc[1] == f"Hallo {speakers[0]}, der Spielplatz ist kaputt."
    stored = stored_text(project)
    assert "schmidt" not in stored.lower() and "kaya" not in stored.lower()


MEET_WITH_CONTACTS = """\
Stadtteilrunde Manfort - Transkript
Teilnehmer
Anna Schmidt, Mehmet Kaya (Gast), jana.becker@web.de, +49 171 ***-**-78

Transkript
00:00:00

Anna Schmidt: Guten Abend.
Mehmet Kaya: Hallo Anna.
Anna Schmidt: Wer fehlt noch?
Mehmet Kaya: Jana kommt gleich.
"""


def test_a_meet_transcript_whose_participants_include_a_dial_in_or_address_is_read(
    project: Project, tmp_path: Path
) -> None:
    """A phone dial-in or a guest's address in Google Meet's list of participants made the
    list no list of names: the header grew too long and the whole transcript became three
    protocol paragraphs ("Anna Schmidt: Guten Abend. Mehmet Kaya: …" as one statement)."""
    doc = parse_file(_file(tmp_path, "meet.txt", MEET_WITH_CONTACTS))
    assert doc.title == "Stadtteilrunde Manfort - Transkript"
    assert [s.attributes["speaker"] for s in doc.segments] == [
        "Anna Schmidt",
        "Mehmet Kaya",
        "Anna Schmidt",
        "Mehmet Kaya",
    ]
    assert _import(project, tmp_path / "meet.txt") == 0
    stored = stored_text(project)
    for word in ("Jana", "jana", "becker", "Schmidt", "Kaya", "171"):
        assert word not in stored, word


OTTER_SRT = """\
1
00:00:01,000 --> 00:00:03,000
Speaker 1: Guten Abend, ich moderiere.

2
00:00:03,000 --> 00:00:05,000
Speaker 2: Der Spielplatz ist kaputt.

3
00:00:05,000 --> 00:00:07,000
Saal: Und die Bänke auch.
"""


def test_a_roles_file_that_gives_labels_a_role_puts_no_label_on_the_name_list(
    project: Project, tmp_path: Path
) -> None:
    """``--roles`` with "Speaker 1,Moderation": the label went onto the name list as a
    person, and the role of the next label was stored as "[Person 1] 2"."""
    roles = _file(tmp_path, "rollen.csv", "Sprecher,Rolle\nSpeaker 1,Moderation\nSaal,Publikum\n")
    srt = _file(tmp_path, "otter.srt", OTTER_SRT)
    args = ["--project", str(project.path), "import", str(srt), "--roles", str(roles)]
    assert main(args) == 0
    segments = project.segments()
    assert list(segments["speaker_role"]) == ["Moderation", "Speaker 2", "Publikum"]
    assert "[Person" not in stored_text(project)


def test_a_roles_file_with_teams_names_unquoted_gives_the_person_the_role(
    tmp_path: Path,
) -> None:
    """Teams names "Schmidt, Anna" typed into a comma-separated roles file without quotes:
    the row was read as person "Schmidt" with role "Anna", silently."""
    text = "Person,Rolle\nSchmidt, Anna,Moderation\nBen Berg,Bürger\n"
    roles = _file(tmp_path, "rollen.csv", text)
    assert read_roles(roles) == {"Schmidt, Anna": "Moderation", "Ben Berg": "Bürger"}
    noted = "Person,Rolle,Notiz\nBen Berg,Bürger,kam später\n"  # a third column stays a note
    assert read_roles(_file(tmp_path, "notiz.csv", noted)) == {"Ben Berg": "Bürger"}


TEAMS_CHAT_ENGLISH = """\
[5:02 PM] Schmidt, Anna
Welcome everyone!
[5:05 PM] Kaya, Mehmet
When will the playground be fixed?
[5:07 PM] Schmidt, Anna
Next month.
[5:09 PM] Kaya, Mehmet
Thanks.
"""


def test_a_teams_chat_copied_from_an_english_interface_is_a_chat(tmp_path: Path) -> None:
    """English Teams writes "[5:02 PM]": the chat was one protocol paragraph."""
    doc = parse_file(_file(tmp_path, "chat.txt", TEAMS_CHAT_ENGLISH))
    assert [(s.attributes["time"], s.attributes["speaker"]) for s in doc.segments] == [
        ("5:02 PM", "Anna Schmidt"),
        ("5:05 PM", "Mehmet Kaya"),
        ("5:07 PM", "Anna Schmidt"),
        ("5:09 PM", "Mehmet Kaya"),
    ]
    assert doc.segments[1].text == "When will the playground be fixed?"


# A guest on a phone without an account is named after the device and its owner.
DEVICE_CHAT = """\
18:01:30 From iPhone von Mareike to Everyone:
\tNur Ton heute, mein iPhone hat wenig Akku
18:02:00 From Ben Berg’s iPad to Everyone:
\tMareike hat recht, und am iPad sieht man die Karte nicht
"""


def test_a_guest_named_after_a_device_is_its_owner(project: Project, tmp_path: Path) -> None:
    assert _import(project, _file(tmp_path, "chat.txt", DEVICE_CHAT)) == 0
    first, second = project.segments().sort_values("source_id").to_dict("records")
    assert first["text"] == "Nur Ton heute, mein iPhone hat wenig Akku"
    mareike = first["attributes"]["speaker"]
    assert second["text"] == f"{mareike} hat recht, und am iPad sieht man die Karte nicht"
    assert second["attributes"]["speaker"] not in (mareike, None)
    stored = stored_text(project)
    assert "Mareike" not in stored and "Berg" not in stored


INTERPRETED_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
[Frage] Was fehlt im Quartier?

00:00:06.000 --> 00:00:12.000
[Dolmetscherin] Herr Yilmaz sagt, im Park fehlen Bänke.

00:00:13.000 --> 00:00:20.000
[Anna Schmidt] Danke an die Dolmetscherin, das nehmen wir auf.
"""


def test_an_interpreter_in_brackets_is_a_role(project: Project, tmp_path: Path) -> None:
    assert _import(project, _file(tmp_path, "runde.vtt", INTERPRETED_VTT)) == 0
    rows = project.segments().sort_values("source_id").to_dict("records")
    assert [r["speaker_role"] for r in rows[:2]] == ["Frage", "Dolmetscherin"]
    assert "speaker" not in rows[1]["attributes"]
    assert rows[2]["text"] == "Danke an die Dolmetscherin, das nehmen wir auf."
    assert "Yilmaz" not in stored_text(project)
