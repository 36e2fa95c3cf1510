"""Meeting files and vendor projects of a review sweep (chats, captions, REFI-QDA).

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest import parse_file

# WebVTT lets "-->" stand without blanks or with several (parsers skip whitespace there);
# webvtt-py reads both, and browsers play such files.
ARROWS_VTT = """\
WEBVTT

00:01.000-->00:04.000
<v Helga Brandt>Es gibt zu wenig Grün am Rhein.</v>

00:04.500   -->	00:08.000 align:start
<v Kerem Özdemir>Und zu wenig Bänke.</v>
"""


def test_webvtt_arrow_without_or_with_odd_blanks_is_read(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "pfeile.vtt", ARROWS_VTT))
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Helga Brandt", "Es gibt zu wenig Grün am Rhein."),
        ("Kerem Özdemir", "Und zu wenig Bänke."),
    ]
    assert [(s.attributes["start_time"], s.attributes["end_time"]) for s in doc.segments] == [
        ("00:00:01.000", "00:00:04.000"),
        ("00:00:04.500", "00:00:08.000"),
    ]
    assert _import(project, tmp_path / "pfeile.vtt") == 0
    stored = stored_text(project)
    for word in ("Brandt", "Özdemir"):
        assert word not in stored, word


# A chat saved in the meeting by the English Zoom client: a reaction, the same reaction
# taken back, and a reaction to a message from before this file began.
WITHDRAWN_CHAT = """\
18:02:11 From Helga Brandt to Everyone:
\tMehr Bänke am Marktplatz wären toll.
18:03:40 From Kerem Özdemir to Everyone:
\tReacted to "Mehr Bänke am Marktpl..." with 👍
18:04:02 From Kerem Özdemir to Everyone:
\tRemoved a 👍 reaction from "Mehr Bänke am Marktpl..."
18:04:30 From Jana Wolff to Everyone:
\tReacted to "Mehr Bänke am Marktpl..." with ❤️
18:05:00 From Jana Wolff to Everyone:
\tReacted to "Wer hat den Schlüssel f..." with 😂
"""


def test_a_zoom_reaction_taken_back_is_subtracted_and_the_import_says_what_it_counted(
    project: Project, tmp_path: Path, capsys
) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", WITHDRAWN_CHAT))
    assert [s.text for s in doc.segments] == ["Mehr Bänke am Marktplatz wären toll."]
    attributes = doc.segments[0].attributes
    assert attributes["reactions"] == 1 and attributes["reaction_emoji"] == "❤️"
    assert _import(project, tmp_path / "chat.txt") == 0
    out = capsys.readouterr().out
    assert "Reaktionen: 2 an der jeweiligen Nachricht gezählt" in out
    assert "1 davon zurückgenommen" in out
    assert "Reaktionen: 1 auf Nachrichten, die nicht in dieser Datei stehen" in out


# A chat saved in the meeting names the person who saved it "Me" (German client: "Mir",
# "Mich"): in the old one-line layout as well as in the current one.
SAVED_BY_ME = """\
18:02:11 From Helga Brandt to Everyone:
\tWillkommen! Me too, sagte sie. Wie geht es euch?
18:04:30 From Kerem Özdemir to Me (Direct Message):
\tKann ich später noch etwas schicken?
18:05:30 From Me to Kerem Özdemir (Direct Message):
\tJa klar, mir geht es gut.
18:06:30\t From  Me : Noch Fragen zum Park?
"""
SAVED_BY_MIR = """\
18:02:11 Von Helga Brandt an Alle:
\tWillkommen! Wie geht es euch?
18:04:30 Von Kerem Özdemir an Mich (Direktnachricht):
\tKann ich später noch etwas schicken?
18:05:30 Von Mir an Alle:
\tJa klar. Mir geht es gut, mich freut das.
"""


def test_me_in_a_saved_zoom_chat_is_the_saving_person_not_a_name(
    project: Project, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, "chat_me.txt", SAVED_BY_ME), direct_messages=True)
    assert "Me" not in doc.names
    assert [(s.speaker_role, s.attributes.get("speaker")) for s in doc.segments] == [
        (None, "Helga Brandt"),
        (None, "Kerem Özdemir"),
        ("speichernde Person", None),
        ("speichernde Person", None),
    ]
    to_me, from_me = doc.segments[1].attributes, doc.segments[2].attributes
    assert to_me["direct_message"] and to_me["recipient_role"] == "speichernde Person"
    assert "recipient" not in to_me
    assert from_me["direct_message"] and from_me["recipient"] == "Kerem Özdemir"
    command = ["--project", str(project.path), "import", "--district", "Manfort"]
    assert main([*command, "--include-direct-messages", str(tmp_path / "chat_me.txt")]) == 0
    texts = list(project.segments()["text"])
    assert texts[0] == "Willkommen! Me too, sagte sie. Wie geht es euch?"
    assert texts[2] == "Ja klar, mir geht es gut."
    document = parse_file(_file(tmp_path, "chat_mir.txt", SAVED_BY_MIR), direct_messages=True)
    assert not {"Mir", "Mich"} & set(document.names)
    assert document.segments[1].attributes["recipient_role"] == "speichernde Person"
    assert _import(project, tmp_path / "chat_mir.txt") == 0
    assert "Mir geht es gut, mich freut das." in stored_text(project)


def _qdpx(path: Path, body: str, files: dict[str, str] | None = None) -> Path:
    import zipfile

    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" '
        f'name="Vorlage" origin="MAXQDA 2022">{body}</Project>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml)
        for name, text in (files or {}).items():
            archive.writestr(name, text)
    return path


CODE_SYSTEM = (
    "<CodeBook><Codes>"
    '<Code guid="0A3C5E2B-1D4F-4A6B-8C9D-0E1F2A3B4C5D" name="Treffpunkte" isCodable="true"/>'
    '<Code guid="1B4D6F3C-2E5A-4B7C-9D0E-1F2A3B4C5D6E" name="Verkehr" isCodable="true"/>'
    "</Codes></CodeBook>"
)


def test_a_project_with_only_a_code_system_says_it_added_codes_not_already_imported(
    project: Project, tmp_path: Path, capsys
) -> None:
    path = _qdpx(tmp_path / "codesystem.qdpx", CODE_SYSTEM)
    args = ["--project", str(project.path), "import", str(path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "bereits importiert" not in out
    assert "2 Codes" in out
    assert sorted(project.codes()["name"]) == ["Treffpunkte", "Verkehr"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "bereits importiert" not in out
    assert "nichts übernommen – keine Textquelle mit Text" in out


# MAXQDA writes document variables as an unnamed case with one source; "Teilnehmende"
# is a number variable there: how many took part in the workshop.
COUNT_VARIABLE = (
    '<Variables><Variable guid="2C5E7A4D-3F6B-4C8D-8E1F-2A3B4C5D6E7F" name="Teilnehmende" '
    'typeOfVariable="Integer"/></Variables>'
    '<Cases><Case guid="3D6F8B5E-4A7C-4D9E-9F2A-3B4C5D6E7F80">'
    '<VariableValue><VariableRef targetGUID="2C5E7A4D-3F6B-4C8D-8E1F-2A3B4C5D6E7F"/>'
    "<IntegerValue>14</IntegerValue></VariableValue>"
    '<SourceRef targetGUID="4E7A9C6F-5B8D-4EAF-8A3B-4C5D6E7F8091"/></Case></Cases>'
    '<Sources><TextSource guid="4E7A9C6F-5B8D-4EAF-8A3B-4C5D6E7F8091" name="Workshop Manfort" '
    'plainTextPath="internal://4E7A9C6F-5B8D-4EAF-8A3B-4C5D6E7F8091.txt"/></Sources>'
)


def test_a_number_variable_teilnehmende_is_a_count_not_the_speaker_of_every_statement(
    project: Project, tmp_path: Path, capsys
) -> None:
    path = _qdpx(
        tmp_path / "workshop.qdpx",
        COUNT_VARIABLE,
        {
            "sources/4E7A9C6F-5B8D-4EAF-8A3B-4C5D6E7F8091.txt": (
                "Mehr Bänke am Marktplatz.\nEin Café für Ältere fehlt.\n"
            )
        },
    )
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "pseudonyme Person" not in capsys.readouterr().out
    attributes = list(project.segments()["attributes"])
    assert len(attributes) == 2
    for stored in attributes:
        assert stored["Teilnehmende"] == 14
        assert "speaker" not in stored


# A caption file that names its speakers in brackets, as SubRip files do; the names are
# rare, so only the speaker reading keeps them out of the store.
BRACKETED_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:04.000
[Dzifa Kwarteng-Brühl] Wir brauchen mehr Bänke am Rhein.

00:00:04.500 --> 00:00:08.000
[Moderation] Wo genau?

00:00:08.500 --> 00:00:10.000
[Dzifa Kwarteng-Brühl] An der Promenade.
"""


def test_webvtt_speakers_in_brackets_become_pseudonyms(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "klammern.vtt", BRACKETED_VTT))
    assert [(s.attributes.get("speaker"), s.speaker_role, s.text) for s in doc.segments] == [
        ("Dzifa Kwarteng-Brühl", None, "Wir brauchen mehr Bänke am Rhein."),
        (None, "Moderation", "Wo genau?"),
        ("Dzifa Kwarteng-Brühl", None, "An der Promenade."),
    ]
    assert _import(project, tmp_path / "klammern.vtt") == 0
    assert "Kwarteng" not in stored_text(project)


# Zoom clients of 2020/21 wrote a direct message to a person without "(Privately)" when the
# person who saved the chat sent it; a group ("Hosts and panelists") is no one person.
BARE_RECIPIENT_CHAT = """\
17:59:50\t From  Erik Newhard  to  Everyone : Hallo zusammen
17:59:57\t From  Erik Newhard  to  Sayuri Kwarteng : Sayuri, geht es dir besser?
18:00:15\t From  Erik Newhard  to  Julia Saxena(Privately) : Das hat geklappt
18:01:00\t From  Tom Berg  to  Hosts and panelists : Frage an die Moderation
18:02:00 From Me to Julia Saxena:
\tGute Besserung
"""


def test_a_zoom_message_to_one_person_is_a_direct_message_also_without_the_mark(
    project: Project, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", BARE_RECIPIENT_CHAT), direct_messages=True)
    direct = [(s.text, s.attributes.get("recipient")) for s in doc.segments]
    assert [s.attributes.get("direct_message", False) for s in doc.segments] == [
        False,
        True,
        True,
        False,
        True,
    ]
    assert direct[1] == ("Sayuri, geht es dir besser?", "Sayuri Kwarteng")
    assert direct[4] == ("Gute Besserung", "Julia Saxena")
    assert "Sayuri Kwarteng" in doc.names
    assert _import(project, tmp_path / "chat.txt") == 0
    assert "Sayuri" not in stored_text(project)


# The chat as the Webex desktop app saves it: the time behind the header, the text below.
WEBEX_SAVED_CHAT = """\
from Dzifa Kwarteng-Brühl (Stadt Leverkusen) to Everyone:    4:23  PM
Wir brauchen mehr Bänke am Marktplatz.
from Erik Newhard to Everyone:    4:25  PM
Ja, und Schatten.
Vor allem am Spielplatz.
from Erik Newhard to Dzifa Kwarteng-Brühl (privately):    4:26  PM
Ruf mich an.
von Sayuri Berg an Alle:    16:30
Genau.
"""


def test_a_chat_saved_by_webex_gives_one_statement_per_message(
    project: Project, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, "webex.txt", WEBEX_SAVED_CHAT), direct_messages=True)
    assert doc.importer == "zoom-chat"
    assert [
        (s.attributes["speaker"], s.attributes["time"], s.attributes.get("recipient"), s.text)
        for s in doc.segments
    ] == [
        ("Dzifa Kwarteng-Brühl", "16:23", None, "Wir brauchen mehr Bänke am Marktplatz."),
        ("Erik Newhard", "16:25", None, "Ja, und Schatten.\nVor allem am Spielplatz."),
        ("Erik Newhard", "16:26", "Dzifa Kwarteng-Brühl", "Ruf mich an."),
        ("Sayuri Berg", "16:30", None, "Genau."),
    ]
    assert _import(project, tmp_path / "webex.txt") == 0
    stored = stored_text(project)
    for word in ("Kwarteng", "Newhard", "Sayuri"):
        assert word not in stored, word


# A short transcript: two turns, each under a speaker line with its time (Teams' Word
# export, Otter's text); an agenda of two timed headings stays a protocol.
SHORT_TRANSCRIPT = """\
Schmidt, Anna (Stadt Leverkusen)   0:03
Wir brauchen mehr Bänke am Marktplatz.

Dzifa Kwarteng-Brühl   0:10
Ja, und Schatten am Spielplatz.
"""
TWO_HEADINGS = """\
Runde mit Anna (18:15)
Wir sammeln Wünsche.

Verkehr (18:45)
Zu viele Autos.
"""


def test_a_transcript_of_two_turns_is_read_as_one(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "kurz.txt", SHORT_TRANSCRIPT))
    assert [(s.attributes["speaker"], s.attributes["time"]) for s in doc.segments] == [
        ("Anna Schmidt", "0:03"),
        ("Dzifa Kwarteng-Brühl", "0:10"),
    ]
    assert parse_file(_file(tmp_path, "agenda.txt", TWO_HEADINGS)).importer == "markdown"
    assert _import(project, tmp_path / "kurz.txt") == 0
    assert "Kwarteng" not in stored_text(project)


# Zoom's current saved chat (meeting_saved_new_chat.txt) writes the day before the time.
DATED_ZOOM_CHAT = """\
2026-09-23 18:02:11 From Dzifa Kwarteng-Brühl to Everyone:
\tMehr Bänke am Marktplatz wären gut.
2026-09-23 18:04:00 From Erik Newhard to Dzifa Kwarteng-Brühl:
\tRuf mich an
\tnach der Sitzung
"""


def test_a_zoom_chat_with_the_day_before_the_time_is_a_chat(
    project: Project, tmp_path: Path
) -> None:
    chat = _file(tmp_path, "meeting_saved_new_chat.txt", DATED_ZOOM_CHAT)
    doc = parse_file(chat, direct_messages=True)
    assert doc.importer == "zoom-chat" and doc.date == "2026-09-23"
    assert [(s.attributes["date"], s.attributes["time"], s.text) for s in doc.segments] == [
        ("2026-09-23", "18:02:11", "Mehr Bänke am Marktplatz wären gut."),
        ("2026-09-23", "18:04:00", "Ruf mich an\nnach der Sitzung"),
    ]
    assert doc.segments[1].attributes["recipient"] == "Dzifa Kwarteng-Brühl"
    broken = DATED_ZOOM_CHAT.replace("2026-09-23 18:04", "2026-02-31 18:04")
    with pytest.raises(InputError, match=r"Zeile 3: Datum '2026-02-31' ist ungültig"):
        parse_file(_file(tmp_path, "kaputt.txt", broken))
    assert _import(project, tmp_path / "meeting_saved_new_chat.txt") == 0
    assert "Kwarteng" not in stored_text(project)


# The saved chat writes a reply with guillemets and a colon, the text on the next line.
SAVED_REPLY_CHAT = """\
18:02:11 From Helga Brandt to Everyone:
\tMehr Bänke am Marktplatz wären gut, vor allem im Schatten.
18:03:00 From Kerem Özdemir to Everyone:
\tReplying to «Mehr Bänke am Marktplatz wären gut, vor allem...»:
\tJa, unbedingt!
"""


def test_a_reply_in_the_saved_zoom_chat_is_linked_without_the_quote(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", SAVED_REPLY_CHAT))
    reply = doc.segments[1]
    assert (reply.text, reply.attributes.get("reply_to")) == ("Ja, unbedingt!", "1")


# Zoom's saved closed captions (meeting_saved_closed_caption.txt): the speaker in brackets
# and the time on a line of their own, the words below; some versions: "…] 18:02:11: text".
CAPTIONS_BELOW = """\
[Dzifa Kwarteng-Brühl] 18:02:11
Wir brauchen mehr Bänke
am Marktplatz.
[Erik Newhard] 18:02:20
Ja, und Schatten.
[Dzifa Kwarteng-Brühl] 18:02:31
Genau.
"""
CAPTIONS_COLON = """\
[Dzifa Kwarteng-Brühl] 18:02:11: Wir brauchen mehr Bänke am Marktplatz.
[Erik Newhard] 18:02:20: Ja, und Schatten.
[Dzifa Kwarteng-Brühl] 18:02:31: Genau.
"""


def test_zoom_saved_closed_captions_are_speaker_turns(project: Project, tmp_path: Path) -> None:
    for name, text in (("unten.txt", CAPTIONS_BELOW), ("doppelpunkt.txt", CAPTIONS_COLON)):
        doc = parse_file(_file(tmp_path, name, text))
        assert [(s.attributes["speaker"], s.attributes["time"]) for s in doc.segments] == [
            ("Dzifa Kwarteng-Brühl", "18:02:11"),
            ("Erik Newhard", "18:02:20"),
            ("Dzifa Kwarteng-Brühl", "18:02:31"),
        ], name
        assert doc.segments[1].text == "Ja, und Schatten.", name
    assert _import(project, tmp_path / "unten.txt") == 0
    assert "Kwarteng" not in stored_text(project)


def test_google_meet_transcript_document_with_frame_headings_is_a_transcript(
    project: Project, tmp_path: Path
) -> None:
    # Google Meet's transcript (a Google Doc downloaded as .docx): the title, "Teilnehmer"
    # and "Transkript" as headings, a time every five minutes, "Name: text" below.
    import docx

    document = docx.Document()
    document.add_heading("Stadtteilkonferenz (2021-04-03 18:00 GMT+2) – Transkript", 1)
    document.add_heading("Teilnehmer", 2)
    document.add_paragraph("Anna Schmidt, Dzifa Kwarteng-Brühl, Erik Newhard")
    document.add_heading("Transkript", 2)
    for line in (
        "00:00:00",
        "Anna Schmidt: Wir brauchen mehr Bänke am Marktplatz.",
        "Dzifa Kwarteng-Brühl: Ja, und Schatten.",
        "00:05:00",
        "Erik Newhard: Genau, Dzifa.",
        "Das Meeting wurde nach 00:07:12 beendet 👋",
    ):
        document.add_paragraph(line)
    path = tmp_path / "meet.docx"
    document.save(path)
    doc = parse_file(path)
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Anna Schmidt", "Wir brauchen mehr Bänke am Marktplatz."),
        ("Dzifa Kwarteng-Brühl", "Ja, und Schatten."),
        ("Erik Newhard", "Genau, Dzifa."),
    ]
    assert _import(project, path) == 0
    assert "Kwarteng" not in stored_text(project)


# Whisper's console output saved as text (openai-whisper without hours, whisper.cpp with):
# a segment per line with start and end; a segment may stop mid-sentence.
WHISPER_CONSOLE = """\
[00:00.000 --> 00:04.000]  Herzlich willkommen zur Stadtteilkonferenz in
[00:04.000 --> 00:07.500]  Manfort.
[00:07.500 --> 00:10.000]  Der Spielplatz ist abends dunkel.
[01:00:10.000 --> 01:00:12.000]  [Musik]
"""


def test_whisper_console_lines_are_sentences_with_their_times(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "whisper.txt", WHISPER_CONSOLE))
    assert [
        (s.text, s.attributes["start_time"], s.attributes["end_time"]) for s in doc.segments
    ] == [
        ("Herzlich willkommen zur Stadtteilkonferenz in Manfort.", "00:00:00.000", "00:00:07.500"),
        ("Der Spielplatz ist abends dunkel.", "00:00:07.500", "00:00:10.000"),
    ]
    backwards = WHISPER_CONSOLE.replace("[00:07.500 --> 00:10.000]", "[00:07.500 --> 00:06.000]")
    with pytest.raises(InputError, match=r"Zeile 3: Zeitangabe .* endet vor ihrem Beginn"):
        parse_file(_file(tmp_path, "rueckwaerts.txt", backwards))


def test_a_protocol_heading_ending_in_a_time_is_no_webex_chat(tmp_path: Path) -> None:
    # Built like Webex's header ("from … to …:    4:23 PM") but one line, to no one present.
    text = "From idea to project: 18:00\nWir haben gesammelt, was fehlt.\n\nBänke am Marktplatz.\n"
    assert parse_file(_file(tmp_path, "agenda.txt", text)).importer == "markdown"


def test_a_dated_agenda_is_no_zoom_chat(tmp_path: Path) -> None:
    # An agenda with day and time before each item: "Pause" is no chat header.
    text = (
        "2024-03-12 18:00 From idea to project: Begrüßung\n"
        "2024-03-12 18:30 Pause\n"
        "2024-03-12 18:45 Bänke am Markt\n"
    )
    assert parse_file(_file(tmp_path, "agenda.txt", text)).importer == "markdown"
