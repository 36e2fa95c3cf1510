"""A second reading of the meeting importers: e-mail heads, speaker codes, chat names.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

# An e-mail read out as Outlook writes its head: "An:" and "Cc:" follow "Gesendet:".
OUTLOOK_MAIL_IN_TURN = """\
Anna Schmidt: Ich lese die Mail vom Amt vor.
Von: Grünflächenamt
Gesendet: Montag, 3. März 2026 10:14
An: Quartiersbüro Manfort
Cc: Stadtteilbüro
Betreff: Bänke im Park
Die Bänke werden im April aufgestellt.
Ben Berg: Danke, von mir aus gern. Gesendet wird sie an alle.
Anna Schmidt: Gut.
"""


def test_an_e_mails_recipient_line_stays_in_its_turn(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "runde.txt", OUTLOOK_MAIL_IN_TURN)) == 0
    texts = list(project.segments().sort_values("source_id")["text"])
    assert texts == [
        "Ich lese die Mail vom Amt vor.\nVon: Grünflächenamt\nGesendet: Montag, 3. März 2026 "
        "10:14\nAn: Quartiersbüro Manfort\nCc: Stadtteilbüro\nBetreff: Bänke im Park\n"
        "Die Bänke werden im April aufgestellt.",
        "Danke, von mir aus gern. Gesendet wird sie an alle.",
        "Gut.",
    ]


# A round transcribed with the speakers' initials: "CC" is a person's code, not the field
# "Cc:" of an e-mail.
INITIALS = """\
AS: Willkommen zur Runde im Quartier.
CC: Mir fehlt ein Treffpunkt für Jugendliche.
AS: Danke. Und sonst?
CC: Die Straßenbeleuchtung ist schlecht.
BB: Das sehe ich auch so.
"""


def test_a_speaker_coded_cc_keeps_her_turns(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "runde.txt", INITIALS))
    assert [(s.speaker_role, s.text) for s in doc.segments] == [
        ("AS", "Willkommen zur Runde im Quartier."),
        ("CC", "Mir fehlt ein Treffpunkt für Jugendliche."),
        ("AS", "Danke. Und sonst?"),
        ("CC", "Die Straßenbeleuchtung ist schlecht."),
        ("BB", "Das sehe ich auch so."),
    ]


# Zoom's cloud chat: "(privat)" after a display name marks a private account; with "an"
# in the surname that is no direct message "Petra an der Heiden (Privat)".
CLOUD_PRIVAT = (
    "18:05:11\tPetra an der Heiden (privat):\tDer Spielplatz ist kaputt.\r\n"
    "18:06:00\tBen Berg:\tStimmt, die Schaukel fehlt.\r\n"
    "18:06:30\tBen Berg an Anna Schmidt (Privat):\tGEHEIM: ich gehe gleich\r\n"
    "18:07:00\tPetra an der Heiden (privat):\tUnd es gibt keine Bänke.\r\n"
)


def test_a_display_name_with_privat_and_an_is_no_direct_message(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", CLOUD_PRIVAT))
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Petra an der Heiden", "Der Spielplatz ist kaputt."),
        ("Ben Berg", "Stimmt, die Schaukel fehlt."),
        ("Petra an der Heiden", "Und es gibt keine Bänke."),
    ]
    assert doc.options["direct_messages_left_out"] == 1
    assert sorted(doc.names) == ["Anna Schmidt", "Ben Berg", "Petra an der Heiden"]


# "(Privat)" after "Ben Kramer an Anna Schmidt" is a direct message even where neither
# writes anything else in the chat: someone who only whispers to the host.
CLOUD_LONE_DIRECT = (
    "00:01:12\tJonas Becker:\tHerzlich willkommen zum Stadtteilforum!\r\n"
    "00:02:30\tMaria Kaya:\tDer Spielplatz am Markt ist kaputt.\r\n"
    "00:03:05\tBen Kramer an Anna Schmidt (Privat):\tRuf mich an, mir geht es schlecht.\r\n"
    "00:04:10\tJonas Becker:\tDanke, wir sammeln alles.\r\n"
)


def test_a_lone_private_message_stays_out(project: Project, tmp_path: Path) -> None:
    path = _file(tmp_path, "chat.txt", CLOUD_LONE_DIRECT)
    doc = parse_file(path)
    assert [s.text for s in doc.segments] == [
        "Herzlich willkommen zum Stadtteilforum!",
        "Der Spielplatz am Markt ist kaputt.",
        "Danke, wir sammeln alles.",
    ]
    assert doc.options["direct_messages_left_out"] == 1
    assert {"Ben Kramer", "Anna Schmidt"} <= set(doc.names)
    assert import_into(project, path) == 0
    texts = list(project.segments()["text"])
    assert not any("schlecht" in text for text in texts)


# Council minutes name speakers by surname; "Link" is one, not the field "Link: https://…".
SURNAMES = """\
Müller: Ich eröffne die Sitzung des Stadtteilbeirats.
Link: Der Spielplatz an der Bahnstraße ist seit Monaten gesperrt.
Müller: Danke, das nehmen wir auf. Die Einwahl für Abwesende:
Link: https://zoom.us/j/123
Brandt: Dem schließe ich mich an.
"""


def test_a_speaker_named_link_is_a_person(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "sitzung.txt", SURNAMES)) == 0
    segments = project.segments().sort_values("source_id")
    texts = list(segments["text"])
    assert texts[1] == "Der Spielplatz an der Bahnstraße ist seit Monaten gesperrt."
    assert len(texts) == 4 and texts[2].endswith(": https://zoom.us/j/123")  # Müller's link
    assert not any("Link" in t for t in texts)  # a name: in no text in clear
    speakers = [a["speaker"] for a in segments["attributes"]]
    assert speakers[1] not in (speakers[0], speakers[3])


# A message to the organisers' team: "Moderationsteam" is a group word, no person.
TO_THE_TEAM = """\
18:05:11 Von Ben Berg an Alle:
\tDer Park ist dunkel.
18:06:00 Von Anna Schmidt an Moderationsteam:
\tKönnen wir um eine Pause bitten?
18:06:30 Von Anna Schmidt an Moderatorenteam:
\tUnd um Licht im Saal?
18:07:00 Von Ben Berg an Alle:
\tDas Moderationsteam macht das gut.
"""


def test_a_message_to_the_moderation_team_is_public(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "chat.txt", TO_THE_TEAM)) == 0
    texts = list(project.segments().sort_values("source_id")["text"])
    assert texts == [
        "Der Park ist dunkel.",
        "Können wir um eine Pause bitten?",
        "Und um Licht im Saal?",
        "Das Moderationsteam macht das gut.",
    ]


# A guest without an account named only after the phone: no name, "iPhone" stays a word.
DEVICE_GUEST = """\
18:05:11 Von iPhone an Alle:
\tIch bin nur per Telefon da, der Park ist dunkel.
18:06:00 Von Ben Berg an Alle:
\tMein iPhone zeigt die Karte nicht an.
18:06:30 Von Ben Berg an iPad (2):
\tGEHEIM: hörst du mich?
18:07:00 Von Ben Berg an Alle:
\tAm iPad geht es.
"""


def test_a_guest_named_iphone_leaves_iphone_in_the_texts(project: Project, tmp_path: Path) -> None:
    assert import_into(project, _file(tmp_path, "chat.txt", DEVICE_GUEST)) == 0
    segments = project.segments().sort_values("source_id")
    assert list(segments["text"]) == [
        "Ich bin nur per Telefon da, der Park ist dunkel.",
        "Mein iPhone zeigt die Karte nicht an.",
        "Am iPad geht es.",
    ]
    assert segments["speaker_role"].iloc[0] == "iPhone"


# Zoom's cloud export and copied chats write a reply on one line: the quoted start of the
# message answered, a colon, the reply. The quote is no part of the statement.
ONE_LINE_REPLIES = (
    "00:01:12\tHelga Brandt:\tDer Spielplatz am Rhein ist seit Monaten gesperrt.\r\n"
    "00:02:00\tKerem Özdemir:\tAntwort auf „Der Spielplatz am Rhein ist...“: Ja, und die "
    "Bänke fehlen auch.\r\n"
    '00:02:30\tJana Wolff:\tReplying to "Der Spielplatz am Rhein...": Stimmt, leider.\r\n'
    "00:03:00\tHelga Brandt:\tKennt ihr „Der Spielplatz am Rhein“ als Lied? Schön.\r\n"
)


def test_a_one_line_reply_loses_its_quote(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", ONE_LINE_REPLIES))
    assert [(s.text, s.attributes.get("reply_to")) for s in doc.segments] == [
        ("Der Spielplatz am Rhein ist seit Monaten gesperrt.", None),
        ("Ja, und die Bänke fehlen auch.", "1"),
        ("Stimmt, leider.", "1"),
        ("Kennt ihr „Der Spielplatz am Rhein“ als Lied? Schön.", None),
    ]


# BigBlueButton's saved public chat begins with the room's welcome message: BBB 3.0 under
# "system:", BBB 2.x with its HTML on one line or stamped like a message.
BBB_WELCOMES = {
    "3.0": "system: \n Willkommen bei Stadtteilforum Manfort! \n\n\n Dieser Server verwendet "
    "BigBlueButton.\n \n  \n",
    "html": "Willkommen bei <b>Stadtteilforum Manfort</b>!<br><br>Um an der Konferenz "
    "per Telefon teilzunehmen, klicken Sie auf das Telefonsymbol.\n",
    "stamped": "[18:00] Willkommen bei Stadtteilforum Manfort! Um an der Konferenz "
    "teilzunehmen, klicken Sie auf das Telefonsymbol.\n",
}
BBB_MESSAGES = (
    "[18:01] Schmidt, Anna : Hallo zusammen, schön dass ihr da seid.\n"
    "[18:02] \n"
    "[18:02] Berg, Ben : Der Spielplatz am Markt ist kaputt.\n"
    "[18:03] Schmidt, Anna : Danke, notiert.\n"
    "[18:04] Clara Kaya : Es fehlen Bänke.\n"
)


@pytest.mark.parametrize("version", sorted(BBB_WELCOMES))
def test_a_bigbluebutton_welcome_is_no_title_and_no_statement(tmp_path: Path, version: str) -> None:
    doc = parse_file(_file(tmp_path, "public-chat.txt", BBB_WELCOMES[version] + BBB_MESSAGES))
    assert doc.title is None
    assert [(s.attributes["speaker"], s.attributes["time"], s.text) for s in doc.segments] == [
        ("Anna Schmidt", "18:01", "Hallo zusammen, schön dass ihr da seid."),
        ("Ben Berg", "18:02", "Der Spielplatz am Markt ist kaputt."),
        ("Anna Schmidt", "18:03", "Danke, notiert."),
        ("Clara Kaya", "18:04", "Es fehlen Bänke."),
    ]


# An interview typed in Markdown under its title, without times: turns of roles.
MARKDOWN_INTERVIEW = """\
# Interview 7

Interviewerin: Wie erleben Sie die Nachbarschaft seit der Pandemie?
Befragte: Viele Ältere sind allein geblieben, der Treff war lange zu.

Interviewerin: Was würde Ihnen helfen?
Befragte: Ein offener Treffpunkt am Nachmittag.
"""
MARKDOWN_RESULTS = """\
# Runde am Markt

Ergebnis: Mehr Bänke am Markt.
Fazit: Der Markt braucht Schatten.

Ergebnis: Die Jugend braucht einen Raum.
Fazit: Ein Treffpunkt fehlt.
"""


def test_an_interview_under_a_markdown_title_is_turns(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "interview7.md", MARKDOWN_INTERVIEW))
    assert doc.title == "Interview 7"
    assert [(s.speaker_role, s.question, s.text) for s in doc.segments] == [
        ("Interviewerin", None, "Wie erleben Sie die Nachbarschaft seit der Pandemie?"),
        ("Befragte", None, "Viele Ältere sind allein geblieben, der Treff war lange zu."),
        ("Interviewerin", None, "Was würde Ihnen helfen?"),
        ("Befragte", None, "Ein offener Treffpunkt am Nachmittag."),
    ]
    protocol = parse_file(_file(tmp_path, "runde.md", MARKDOWN_RESULTS))
    assert protocol.importer == "markdown"


# Zoom saves every meeting's chat as "meeting_saved_chat.txt" in a folder named after the
# meeting's start and topic: two meetings are two workshops, with their date and place.
ZOOM_CHAT = (
    "18:00:05 Von Helga Brandt an Alle:\n\tDer Spielplatz am Rhein ist gesperrt.\n"
    "18:01:10 Von Kerem Özdemir an Alle:\n\tUnd die Bänke fehlen auch.\n"
)


def test_zoom_recording_folders_name_their_meetings(project: Project, tmp_path: Path) -> None:
    paths = []
    for folder in ("2026-03-05 18.00.12 Stadtteilforum Manfort", "2026-03-12 18.00.05 Runde"):
        (tmp_path / folder).mkdir()
        text = ZOOM_CHAT if "Manfort" in folder else ZOOM_CHAT.replace("Rhein", "Markt")
        paths.append(str(_file(tmp_path / folder, "meeting_saved_chat.txt", text)))
    assert main(["--project", str(project.path), "import", *paths]) == 0
    workshops = project.workshops().sort_values("workshop")
    columns = (workshops["workshop"], workshops["district"], workshops["date"])
    assert list(zip(*columns, strict=True)) == [
        ("Runde", "Gesamtstadt", "2026-03-12"),
        ("Stadtteilforum Manfort", "Manfort", "2026-03-05"),
    ]


# A Zoom recording folder holds the recordings next to the chat: they are named, with what
# to do, instead of being passed over without a word; alone they stop the import (exit 2).
def test_recordings_are_named_with_what_to_do(project: Project, tmp_path: Path, capsys) -> None:
    (tmp_path / "mit").mkdir()
    (tmp_path / "ohne").mkdir()
    for folder in ("mit", "ohne"):
        (tmp_path / folder / "audio1234567890.m4a").write_bytes(b"\0")
        (tmp_path / folder / "video1234567890.mp4").write_bytes(b"\0")
    _file(tmp_path / "mit", "meeting_saved_chat.txt", ZOOM_CHAT)
    assert main(["--project", str(project.path), "import", str(tmp_path / "mit")]) == 0
    out = capsys.readouterr().out
    assert "Aufnahmen nicht gelesen: audio1234567890.m4a, video1234567890.mp4" in out
    assert "zuerst transkribieren" in out
    assert main(["--project", str(project.path), "import", str(tmp_path / "ohne")]) == 2
    assert "zuerst transkribieren" in capsys.readouterr().err
    path = tmp_path / "ohne" / "audio1234567890.m4a"
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    assert "Eine Aufnahme — die Werkbank liest Transkripte" in capsys.readouterr().err


# Zoom's cloud recording names chat and transcript of one meeting after its start (GMT):
# they are one workshop, not two named after the files.
def test_zoom_cloud_files_of_one_meeting_are_one_workshop(project: Project, tmp_path: Path) -> None:
    transcript = (
        "WEBVTT\n\n1\n00:00:03.120 --> 00:00:07.480\nHelga Brandt: Guten Abend.\n\n"
        "2\n00:00:08.000 --> 00:00:12.300\nKerem Özdemir: Der Spielplatz ist gesperrt.\n"
    )
    _file(tmp_path, "GMT20260305-170012_Recording.transcript.vtt", transcript)
    _file(tmp_path, "GMT20260305-170012_RecordingnewChat.txt", ZOOM_CHAT)
    assert main(["--project", str(project.path), "import", str(tmp_path)]) == 0
    workshops = project.workshops()
    assert list(workshops["workshop"]) == ["Zoom-Meeting 05.03.2026 17:00 GMT"]
    assert list(workshops["date"]) == ["2026-03-05"]
    assert len(project.segments()) == 4
