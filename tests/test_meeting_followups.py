"""Meeting files as the programs write them: captions, short transcripts, WebVTT markup.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

# Zoom saves a caption every few seconds: one speaker's sentence runs over several, in
# both layouts ("[Name] time" above the words, or "[Name] time: words" on one line).
CAPTIONS = """\
[Dzifa Kwarteng-Brühl] 18:02:11
Wir brauchen mehr Bänke
[Dzifa Kwarteng-Brühl] 18:02:15
am Marktplatz, vor allem
[Dzifa Kwarteng-Brühl] 18:02:19
für ältere Menschen.
[Erik Newhard] 18:02:20
Ja, und Schatten.
[Dzifa Kwarteng-Brühl] 18:02:31
Genau.
"""


def test_consecutive_zoom_captions_of_one_speaker_are_one_turn(
    project: Project, tmp_path: Path
) -> None:
    lines = CAPTIONS.splitlines()
    one_line = "".join(f"{head}: {words}\n" for head, words in zip(*[iter(lines)] * 2, strict=True))
    for name, text in (("captions.txt", CAPTIONS), ("captions_line.txt", one_line)):
        doc = parse_file(_file(tmp_path, name, text))
        assert [(s.attributes["speaker"], s.attributes["time"], s.text) for s in doc.segments] == [
            (
                "Dzifa Kwarteng-Brühl",
                "18:02:11",
                "Wir brauchen mehr Bänke am Marktplatz, vor allem für ältere Menschen.",
            ),
            ("Erik Newhard", "18:02:20", "Ja, und Schatten."),
            ("Dzifa Kwarteng-Brühl", "18:02:31", "Genau."),
        ], name
        assert [s.attributes["cues"] for s in doc.segments] == [3, 1, 1], name
        assert [s.source_id for s in doc.segments] == ["1", "2", "3"], name
    assert import_into(project, tmp_path / "captions.txt") == 0
    assert "Kwarteng" not in stored_text(project)


# BigBlueButton saves its public chat with HTML entities: "&nbsp;" between words.
BBB_CHAT = """\
[10:02] Anna Schmidt : Mehr&nbsp;Bänke am&nbsp;Markt &amp; Spielplatz
[10:03] Ben Berg : Ja&nbsp;gut, sagt auch Herr&nbsp;Berg
[10:04] Anna Schmidt : Danke&#160;dir
"""


def test_nbsp_in_a_chat_of_speaker_lines_is_a_blank(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "public_chat.txt", BBB_CHAT))
    assert [s.text for s in doc.segments] == [
        "Mehr Bänke am Markt & Spielplatz",
        "Ja gut, sagt auch Herr Berg",
        "Danke dir",
    ]
    assert import_into(project, tmp_path / "public_chat.txt") == 0
    texts = list(project.segments()["text"])
    assert texts[0] == "Mehr Bänke am Markt & Spielplatz"
    assert not any("\xa0" in text for text in texts)
    assert "Berg" not in stored_text(project)


# A short recording (a voice message, a minute of a meeting) in Whisper's .txt: a segment
# per line, one cut mid-sentence.
SHORT_WHISPER = """\
Herzlich willkommen zur Stadtteilkonferenz in Manfort.
Wir sprechen heute über den Marktplatz und die Bänke dort.
Viele ältere Menschen finden keinen Platz zum Ausruhen
und wünschen sich mehr Schatten.
Außerdem fehlt ein Treffpunkt für Jugendliche am Abend.
"""
# A short typed paragraph, wrapped by the editor: one statement, as before.
SHORT_WRAPPED = """\
Die Teilnehmenden berichten, dass der Spielplatz an der Hauptstraße seit
Monaten gesperrt ist. Die Kinder spielen deshalb auf dem Parkplatz, und
die Eltern wünschen sich, dass die Stadt wenigstens einen Zeitplan nennt.
"""


def test_a_short_whisper_text_is_read_sentence_by_sentence(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "sprachnachricht.txt", SHORT_WHISPER))
    assert [s.text for s in doc.segments] == [
        "Herzlich willkommen zur Stadtteilkonferenz in Manfort.",
        "Wir sprechen heute über den Marktplatz und die Bänke dort.",
        "Viele ältere Menschen finden keinen Platz zum Ausruhen und wünschen sich mehr Schatten.",
        "Außerdem fehlt ein Treffpunkt für Jugendliche am Abend.",
    ]
    assert [s.row for s in doc.segments] == [1, 2, 3, 5]
    two = parse_file(
        _file(tmp_path, "zwei.txt", "Guten Abend.\nWir brauchen mehr Licht im Park.\n")
    )
    assert len(two.segments) == 2
    wrapped = parse_file(_file(tmp_path, "notiz.txt", SHORT_WRAPPED))
    assert [s.text for s in wrapped.segments] == [" ".join(SHORT_WRAPPED.split())]
    titled = "Stadtteilkonferenz Manfort\nWir brauchen mehr Licht im Park.\n"
    assert len(parse_file(_file(tmp_path, "titel.txt", titled)).segments) == 1


# Subtitles saved or renamed as .txt (an editor's "Speichern unter", a download that
# lost its suffix); Google Meet's chat has the SubViewer shape ("Name : text").
SUBTITLES_AS_TEXT = {
    "webvtt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nDzifa Kwarteng-Brühl: Mehr Bänke.\n\n"
    "00:00:05.000 --> 00:00:08.000\nErik Newhard: Und Schatten.\n",
    "subrip": "1\n00:00:01,000 --> 00:00:04,000\nDzifa Kwarteng-Brühl: Mehr Bänke.\n\n"
    "2\n00:00:05,000 --> 00:00:08,000\nErik Newhard: Und Schatten.\n",
    "subviewer": "0:00:01.000,0:00:04.000\nDzifa Kwarteng-Brühl : Mehr Bänke.\n\n"
    "0:00:05.000,0:00:08.000\nErik Newhard : Und Schatten.\n",
}


def test_subtitles_saved_as_text_are_a_transcript(project: Project, tmp_path: Path) -> None:
    for importer, text in SUBTITLES_AS_TEXT.items():
        doc = parse_file(_file(tmp_path, f"{importer}.txt", "\ufeff" + text))
        assert doc.importer == importer
        assert [
            (s.attributes["speaker"], s.attributes["start_time"], s.text) for s in doc.segments
        ] == [
            ("Dzifa Kwarteng-Brühl", "00:00:01.000", "Mehr Bänke."),
            ("Erik Newhard", "00:00:05.000", "Und Schatten."),
        ], importer
        assert import_into(project, tmp_path / f"{importer}.txt") == 0
    stored = stored_text(project)
    for word in ("Kwarteng", "Newhard", "-->"):
        assert word not in stored, word
    agenda = "1\nBegrüßung 18:00 --> Abschluss 20:00\n2\nRunde\n"
    assert parse_file(_file(tmp_path, "ablauf.txt", agenda)).importer == "markdown"


# A short note wrapped after an abbreviation or a day's number: the line ends in a full
# stop, but the sentence goes on in the next line.
WRAPPED_AFTER_STOP = {
    "tag.txt": "Wir treffen uns am 12.\nMärz wieder im Bürgerhaus.\n",
    "zb.txt": "Es fehlen Sitzgelegenheiten, z. B.\nam Marktplatz und im Park.\n",
    "ca.txt": "Die Sitzung dauerte ca.\n2 Stunden, danach gab es Kaffee.\n",
    "str.txt": "Treffpunkt ist die Kita in der Hauptstr.\n12 in Manfort.\n",
}


def test_a_short_note_wrapped_after_an_abbreviation_is_not_cut(tmp_path: Path) -> None:
    for name, text in WRAPPED_AFTER_STOP.items():
        doc = parse_file(_file(tmp_path, name, text))
        assert [s.text for s in doc.segments] == [" ".join(text.split())], name
    spoken = (
        "Bei der Begehung waren wir mit den Kindern aus der Kita am 12.\n"
        "März im Park an der Dhünn und haben uns alles angesehen.\n"
        "Dort fehlen vor allem Bänke für die Eltern und ein Sonnenschutz.\n"
    )
    doc = parse_file(_file(tmp_path, "sprachnachricht.txt", spoken))
    assert [s.text for s in doc.segments] == [
        "Bei der Begehung waren wir mit den Kindern aus der Kita am 12. März im Park an der "
        "Dhünn und haben uns alles angesehen.",
        "Dort fehlen vor allem Bänke für die Eltern und ein Sonnenschutz.",
    ]


# Seven minutes between two captions (or cues) of one speaker: nobody spoke in between
# (a break, work in small groups), and what comes after is a new statement.
PAUSED = {
    "meeting_saved_closed_caption.txt": (
        "[Anna Schmidt] 18:02:13\nDer Park ist abends dunkel.\n"
        "[Anna Schmidt] 18:02:20\nWir brauchen Licht.\n"
        "[Anna Schmidt] 18:09:40\nZum zweiten Punkt: die Bücherei.\n"
    ),
    "aufzeichnung.vtt": (
        "WEBVTT\n\n1\n00:02:13.000 --> 00:02:18.000\nAnna Schmidt: Der Park ist abends dunkel.\n\n"
        "2\n00:02:19.000 --> 00:02:22.000\nAnna Schmidt: Wir brauchen Licht.\n\n"
        "3\n00:09:40.000 --> 00:09:45.000\nAnna Schmidt: Zum zweiten Punkt: die Bücherei.\n"
    ),
}


def test_one_speaker_after_a_long_pause_is_a_new_statement(tmp_path: Path) -> None:
    for name, text in PAUSED.items():
        doc = parse_file(_file(tmp_path, name, text))
        assert [s.text for s in doc.segments] == [
            "Der Park ist abends dunkel. Wir brauchen Licht.",
            "Zum zweiten Punkt: die Bücherei.",
        ], name
        assert [s.attributes["cues"] for s in doc.segments] == [2, 1], name


# A note typed into a turn, its fields on lines of their own: part of the turn, and
# "E-Mail" or "Betreff" are no speakers (their words would become person placeholders).
NOTE_IN_TURN = """\
[10:02] Anna Schmidt : Wer Fragen hat, schreibt mir:
E-Mail: quartier@example.org
Betreff: Spielplatz
[10:03] Ben Berg : Danke, ich schreibe eine E-Mail mit Betreff Bänke.
[10:04] Anna Schmidt : Gern.
"""


def test_a_note_with_fields_stays_in_its_turn(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "chat_bbb.txt", NOTE_IN_TURN)) == 0
    texts = list(project.segments().sort_values("source_id")["text"])
    assert texts == [
        "Wer Fragen hat, schreibt mir:\nE-Mail: [E-Mail]\nBetreff: Spielplatz",
        "Danke, ich schreibe eine E-Mail mit Betreff Bänke.",
        "Gern.",
    ]


TITLED_TRANSCRIPT = """\
# Stadtteilforum Manfort

**Anna Schmidt:** [00:00:12] Guten Abend.

**Ben Berg:** [00:00:20] Der Park ist abends dunkel.

**Anna Schmidt:** [00:00:31] Danke, das nehmen wir auf.
"""


def test_a_transcripts_title_names_its_workshop(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "aufnahme_0412.md", TITLED_TRANSCRIPT)) == 0
    assert list(project.workshops()["workshop"]) == ["Stadtteilforum Manfort"]
    assert len(project.segments()) == 3


def test_a_google_meet_title_names_the_workshop_without_the_tools_additions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet = (
        "Stadtteilforum Manfort (2026-03-12 18:00 GMT+01:00) – Transkript\nTeilnehmer\n"
        "Anna Schmidt, Ben Berg\nTranskript\n00:00:00\n\n"
        "Anna Schmidt: Guten Abend.\nBen Berg: Der Park ist dunkel.\nAnna Schmidt: Danke.\n"
    )
    assert import_into(project, _file(tmp_path, "meet.txt", meet)) == 0
    assert list(project.workshops()["workshop"]) == ["Stadtteilforum Manfort"]
    assert list(project.workshops()["date"]) == ["2026-03-12"]
    assert "Workshop nach dem Titel des Transkripts benannt" in capsys.readouterr().out


def test_a_teams_title_names_the_workshop_without_the_tools_additions(
    project: Project, tmp_path: Path
) -> None:
    teams = (
        "Stadtteilforum Manfort-20260312_180212-Besprechungstranskript\n"
        "12. März 2026, 06:02PM\n1 Std. 2 Min. 15 Sek.\n\n"
        "Schmidt, Anna   0:03\nGuten Abend zusammen.\n\nYilmaz, Mehmet   0:10\n"
        "Im Park fehlt Licht.\n\nSchmidt, Anna   0:25\nDanke.\n"
    )
    assert import_into(project, _file(tmp_path, "teams.txt", teams)) == 0
    assert list(project.workshops()["workshop"]) == ["Stadtteilforum Manfort"]


def test_a_chats_welcome_text_names_no_workshop(project: Project, tmp_path: Path) -> None:
    chat = (
        "Willkommen bei Stadtteilforum Manfort!\n"
        "Um teilzunehmen, klicken Sie auf das Telefonsymbol.\n"
        "[18:01] Anna Schmidt : Guten Abend zusammen\n[18:02] Ben Berg : Der Park ist dunkel.\n"
        "[18:03] Carla Roth : Ja!\n[18:04] Anna Schmidt : Danke, Ben.\n"
    )
    assert import_into(project, _file(tmp_path, "chat_bbb.txt", chat)) == 0
    assert list(project.workshops()["workshop"]) == ["chat_bbb"]


# Google Meet saves a meeting's chat as .sbv, every message a cue without duration.
MEET_CHAT = """\
0:05:12.345,0:05:12.345
Anna Schmidt: Hallo zusammen

0:05:20.000,0:05:20.000
Ben Berg: Der Park ist dunkel

0:05:25.000,0:05:25.000
Ben Berg: Noch was zur Bücherei
"""


def test_chat_messages_saved_as_sbv_stay_apart(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "chat.sbv", MEET_CHAT))
    assert [s.text for s in doc.segments] == [
        "Hallo zusammen",
        "Der Park ist dunkel",
        "Noch was zur Bücherei",
    ]


# An e-mail read out in a meeting, its head on lines of its own: no speakers "Von" and
# "Gesendet" (whose words would become person placeholders in every text).
MAIL_IN_TURN = """\
Anna Schmidt: Ich lese die Mail vom Amt vor.
Von: Grünflächenamt
Gesendet: Montag, 3. März 2026
Betreff: Bänke im Park
Ben Berg: Danke, von mir aus gern. Gesendet wird sie an alle.
Anna Schmidt: Gut.
"""


def test_an_e_mails_head_stays_in_its_turn(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "runde.txt", MAIL_IN_TURN)) == 0
    texts = list(project.segments().sort_values("source_id")["text"])
    assert len(texts) == 3
    assert texts[0].endswith(
        "Von: Grünflächenamt\nGesendet: Montag, 3. März 2026\nBetreff: Bänke im Park"
    )
    assert texts[1] == "Danke, von mir aus gern. Gesendet wird sie an alle."
