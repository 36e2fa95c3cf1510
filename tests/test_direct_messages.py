"""Direct messages of meeting chats (Zoom, Webex) are private: left out unless asked for.

A message to one person ("(Direct Message)", "(Privately)", "(Direktnachricht)", an
older client's bare "to Name", a message to "Me") is no contribution to the workshop.
The import leaves it out and counts it, never naming anyone; its recipient still goes
onto the name list. ``--include-direct-messages`` imports it, marked as before.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from tests.transcript_files import write_file
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

CHAT = """\
18:00:05 From Helga Brandt to Everyone:
\tWir brauchen mehr Bänke am Marktplatz, sagt Sayuri.
18:01:10 From Kerem Özdemir to Sayuri Kwarteng (Direct Message):
\tGEHEIM-EINS: ich finde die Moderation anstrengend
18:02:00 From Jana Wolff to Kerem Özdemir (Privately):
\tGEHEIM-ZWEI: mir geht es heute nicht gut
18:03:00 From Tom Berg to Me (Direct Message):
\tGEHEIM-DREI: kann ich früher gehen?
18:04:00 From Kerem Özdemir to Everyone:
\tReplying to «GEHEIM-ZWEI: mir geht es...»:
\tDer Spielplatz am Rhein ist zu klein.
18:05:00 From Jana Wolff to Everyone:
\tReacted to "GEHEIM-EINS: ich finde..." with 👍
"""
GERMAN = """\
18:00:05 Von Helga Brandt an Alle:
\tMehr Licht im Park.
18:01:10 Von Kerem Özdemir an Jolanta Brzeska (Direktnachricht):
\tGEHEIM-VIER: bis gleich
"""
WEBEX = """\
from Helga Brandt to Everyone:    4:23  PM
Mehr Grün am Bahnhof.
from Kerem Özdemir to Jolanta Brzeska (privately):    4:24  PM
GEHEIM-FÜNF: ruf mich an
"""
SECRETS = ("GEHEIM", "Moderation anstrengend", "nicht gut", "früher gehen")


def _cli(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def test_direct_messages_are_left_out_and_counted_by_default(
    project: Project, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    doc = parse_file(write_file(folder, "chat.txt", CHAT))
    assert [s.text for s in doc.segments] == [
        "Wir brauchen mehr Bänke am Marktplatz, sagt Sayuri.",
        "Der Spielplatz am Rhein ist zu klein.",  # the quoted direct message is gone
    ]
    assert [s.source_id for s in doc.segments] == ["1", "2"]
    assert "reply_to" not in doc.segments[1].attributes
    assert doc.segments[0].attributes["reactions"] == 0  # the reaction to a left-out one
    assert not any("direct_message" in s.attributes for s in doc.segments)
    assert {"Sayuri Kwarteng", "Tom Berg", "Jana Wolff"} <= set(doc.names)
    assert doc.options["direct_messages_left_out"] == 3
    for name, text in (("de.txt", GERMAN), ("webex.txt", WEBEX)):
        other = parse_file(write_file(folder, name, text))
        assert len(other.segments) == 1 and "GEHEIM" not in other.segments[0].text
        assert other.options["direct_messages_left_out"] == 1

    assert _cli(project.path, "import", str(folder), "--district", "Manfort") == 0
    out = capsys.readouterr().out
    assert "3 Direktnachrichten (an eine Person, nicht an alle) nicht importiert" in out
    assert "1 Direktnachricht (an eine Person" in out and "wird sie übernommen" in out
    assert "--include-direct-messages" in out
    for name in ("Sayuri", "Kwarteng", "Özdemir", "Wolff", "Berg", "Brzeska"):
        assert name not in out, name
    stored = stored_text(project)
    assert "Sayuri" not in stored  # the recipient's name is pseudonymised elsewhere
    for secret in SECRETS:
        assert secret not in stored, secret
    csv, report = tmp_path / "alle.csv", tmp_path / "bericht.html"
    assert _cli(project.path, "export", "--format", "csv", str(csv)) == 0
    assert _cli(project.path, "report", "--format", "html", str(report)) == 0
    for written in (csv, report):
        text = written.read_text(encoding="utf-8-sig")
        assert "Spielplatz am Rhein" in text or written == report
        for secret in SECRETS:
            assert secret not in text, (written.name, secret)


def test_include_direct_messages_imports_them_marked(
    project: Project, tmp_path: Path, capsys
) -> None:
    doc = parse_file(write_file(tmp_path, "chat.txt", CHAT), direct_messages=True)
    assert len(doc.segments) == 5
    direct = [s.attributes for s in doc.segments[1:4]]
    assert [a["direct_message"] for a in direct] == [True, True, True]
    assert direct[0]["recipient"] == "Sayuri Kwarteng"
    assert direct[2]["recipient_role"] == "speichernde Person"
    assert doc.segments[4].attributes["reply_to"] == "3"
    assert doc.segments[1].attributes["reactions"] == 1
    assert doc.options["direct_messages_left_out"] == 0
    args = [
        "import",
        str(tmp_path / "chat.txt"),
        "--district",
        "Manfort",
        "--include-direct-messages",
    ]
    assert _cli(project.path, *args) == 0
    assert "Direktnachricht" not in capsys.readouterr().out
    segments = project.segments()
    assert len(segments) == 5
    attributes = list(segments["attributes"])
    assert attributes[1]["recipient"].startswith("[Person ")
    assert "Sayuri" not in stored_text(project)


def test_a_chat_of_direct_messages_only_says_so(project: Project, tmp_path: Path, capsys) -> None:
    path = write_file(tmp_path, "privat.txt", CHAT.split("18:04:00")[0].split("\n", 2)[2])
    assert _cli(project.path, "import", str(path), "--district", "Manfort") == 2
    err = capsys.readouterr().err
    assert "nur Direktnachrichten (3, an eine Person)" in err
    assert "--include-direct-messages" in err and "Traceback" not in err
    assert "Özdemir" not in err and "GEHEIM" not in err
    assert len(project.segments()) == 0
    args = ["import", str(path), "--district", "Manfort", "--include-direct-messages"]
    assert _cli(project.path, *args) == 0
    assert len(project.segments()) == 3


# A direct message and the heart its recipient gives it in the private thread.
PRIVATE_REACTION = """\
18:00:05 From Helga Brandt to Everyone:
\tMehr Bänke am Marktplatz.
18:01:10 From Tom Berg to Jana Wolff (Direct Message):
\tGEHEIM-SECHS: danke dir nochmal für die Hilfe heute
18:02:00 From Jana Wolff to Tom Berg (Direct Message):
\tReacted to "GEHEIM-SECHS: danke dir..." with ❤️
18:03:00 From Kerem Özdemir to Everyone:
\tUnd mehr Licht im Park.
"""


def test_a_reaction_in_a_private_thread_is_no_direct_message_counted(
    project: Project, tmp_path: Path, capsys
) -> None:
    path = write_file(tmp_path, "chat.txt", PRIVATE_REACTION)
    doc = parse_file(path)
    assert [s.text for s in doc.segments] == [
        "Mehr Bänke am Marktplatz.",
        "Und mehr Licht im Park.",
    ]
    assert doc.options["direct_messages_left_out"] == 1
    assert _cli(project.path, "import", str(path), "--district", "Manfort") == 0
    out = capsys.readouterr().out
    assert "1 Direktnachricht (an eine Person, nicht an alle) nicht importiert" in out
    assert "GEHEIM" not in stored_text(project)
    included = parse_file(path, direct_messages=True)  # with the option: counted on it
    assert [s.attributes["reactions"] for s in included.segments] == [0, 1, 0]


# A public "Danke", then a direct message that begins with the same word, then a public
# reply quoting the whole "Danke" (Zoom cuts only quotes longer than 20 characters).
REPLY_AFTER_PRIVATE = """\
18:02:00 From Jana Wolff to Everyone:
\tDanke
18:04:00 From Tom Berg to Jana Wolff (Direct Message):
\tDanke dir auch nochmal für alles
18:05:00 From Kerem Özdemir to Everyone:
\tReplying to «Danke»:
\tJa, danke für den Abend.
"""


def test_a_reply_quoting_a_whole_public_message_is_linked_to_it(tmp_path: Path) -> None:
    doc = parse_file(write_file(tmp_path, "chat.txt", REPLY_AFTER_PRIVATE))
    assert [s.text for s in doc.segments] == ["Danke", "Ja, danke für den Abend."]
    assert doc.segments[1].attributes["reply_to"] == "1"
    included = parse_file(tmp_path / "chat.txt", direct_messages=True)
    assert included.segments[2].attributes["reply_to"] == "1"  # not the direct message


# Webex's app aligns the time of its headers with blanks; a participant's line typed like a
# header ("from Monday to Friday: 9:00 AM", one blank) is part of the message.
WEBEX_OPENING_HOURS = """\
from Helga Brandt to Everyone:    6:01 PM
Die Bibliothek am Marktplatz hat geöffnet
from Monday to Friday: 9:00 AM
und samstags bis mittags.
from Kerem Özdemir to Everyone:    6:02 PM
Danke!
"""


def test_a_webex_message_line_typed_like_a_header_is_not_left_out(tmp_path: Path) -> None:
    doc = parse_file(write_file(tmp_path, "webex.txt", WEBEX_OPENING_HOURS))
    assert [s.text for s in doc.segments] == [
        "Die Bibliothek am Marktplatz hat geöffnet\nfrom Monday to Friday: 9:00 AM\n"
        "und samstags bis mittags.",
        "Danke!",
    ]
    assert doc.options["direct_messages_left_out"] == 0
    assert not {"Monday", "Friday"} & set(doc.names)


def test_include_direct_messages_on_a_chat_imported_before_says_why_nothing_changes(
    project: Project, tmp_path: Path, capsys
) -> None:
    path = write_file(tmp_path, "chat.txt", CHAT)
    assert _cli(project.path, "import", str(path), "--district", "Manfort") == 0
    capsys.readouterr()
    args = ["import", str(path), "--district", "Manfort", "--include-direct-messages"]
    assert _cli(project.path, *args) == 0
    out = capsys.readouterr().out
    assert "bereits importiert" in out
    assert "Ihre 3 Direktnachrichten wurden beim ersten Import ausgelassen" in out
    assert "zum ersten Mal importiert" in out
    assert "GEHEIM" not in out and "Özdemir" not in out
    assert len(project.segments()) == 2
    assert _cli(project.path, "import", str(path), "--district", "Manfort") == 0
    assert "Direktnachricht" not in capsys.readouterr().out  # without the option: no word


# An older client writes a direct message as a bare "to Name": a participant whose name
# begins like a group word ("Allegra", "Hostettler"), is numbered ("Teilnehmer 3") or is
# called like one ("Host", writing in the chat) is still one person.
NAMED_LIKE_GROUPS = """\
18:00:00 From Teilnehmer 3 to Everyone:
\tHallo zusammen
18:00:30 From Host to Everyone:
\tWillkommen
18:01:00 From Ben Berg to Allegra Weber:
\tGEHEIM-A: ich finde die Moderation schlecht
18:02:00 From Ben Berg to Teilnehmer 3:
\tGEHEIM-B: wohnst du neben mir?
18:03:00 From Ben Berg to Host:
\tGEHEIM-C: ich muss früher gehen
18:04:00 Von Ben Berg an Jens Hostettler:
\tGEHEIM-D: ruf mich an
18:05:00 From Ben Berg to Everyone:
\tMehr Bänke am Markt
"""


def test_a_participant_named_like_a_group_gets_direct_messages(tmp_path: Path) -> None:
    doc = parse_file(write_file(tmp_path, "chat.txt", NAMED_LIKE_GROUPS))
    assert [s.text for s in doc.segments] == ["Hallo zusammen", "Willkommen", "Mehr Bänke am Markt"]
    assert doc.options["direct_messages_left_out"] == 4
    kept = parse_file(write_file(tmp_path, "chat.txt", NAMED_LIKE_GROUPS), direct_messages=True)
    to = [
        s.attributes.get("recipient") or s.attributes.get("recipient_role")
        for s in kept.segments
        if s.attributes.get("direct_message")
    ]
    assert to == ["Allegra Weber", "Teilnehmer 3", "Host", "Jens Hostettler"]


def test_a_direct_message_in_the_cloud_export_is_private(tmp_path: Path) -> None:
    cloud = (
        "10:05:32\tAnna Schmidt:\tHallo zusammen\r\n"
        "10:06:00\tBen Berg to Anna Schmidt (Direct Message):\tGEHEIM-E: ich gehe gleich\r\n"
        "10:06:10\tBen Berg an Anna Schmidt (Direktnachricht):\tGEHEIM-F: bis morgen\r\n"
        "10:06:30\tBen Berg to Everyone:\tDer Park ist dunkel\r\n"
    )
    doc = parse_file(write_file(tmp_path, "chat.txt", cloud))
    assert [s.text for s in doc.segments] == ["Hallo zusammen", "Der Park ist dunkel"]
    assert [s.attributes["speaker"] for s in doc.segments] == ["Anna Schmidt", "Ben Berg"]
    assert doc.options["direct_messages_left_out"] == 2
    assert sorted(doc.names) == ["Anna Schmidt", "Ben Berg"]


# A chat an older workbench imported with a direct message read as public ("Ben an Anna
# (Privat)" from someone who wrote nothing else): imported again, the file names it.
CLOUD_LONE_DIRECT = (
    "00:01:12\tJonas Becker:\tHerzlich willkommen zum Stadtteilforum!\r\n"
    "00:02:30\tMaria Kaya:\tDer Spielplatz am Markt ist kaputt.\r\n"
    "00:03:05\tBen Kramer an Anna Schmidt (Privat):\tGEHEIM-FÜNF: ruf mich an\r\n"
    "00:04:10\tJonas Becker:\tDanke, wir sammeln alles.\r\n"
)


def _as_display_names(messages: list) -> list:
    """How older code read every "X an Y (Privat)" name field: one display name."""
    for message in messages:
        if message.written:
            message.speaker, message.recipient = message.written, None
    return messages


def test_reimport_names_direct_messages_an_older_import_kept(
    project: Project, tmp_path: Path, monkeypatch, capsys
) -> None:
    path = write_file(tmp_path, "chat.txt", CLOUD_LONE_DIRECT)
    with monkeypatch.context() as older:
        older.setattr("workbench.ingest.zoom_chat._names_with_privat", _as_display_names)
        assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    leaked = segments[segments["text"].str.contains("GEHEIM-FÜNF")]
    assert len(leaked) == 1
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    key = int(leaked["segment_id"].iloc[0])
    assert f"workbench forget --statement {key}" in out
    assert "GEHEIM" not in out and "Kramer" not in out and "Schmidt" not in out
    assert len(project.segments()) == 4  # the notice removes nothing itself
