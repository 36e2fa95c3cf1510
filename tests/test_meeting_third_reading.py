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


def _word_transcript(path: Path, heading: str, lines: list[str]) -> Path:
    """A Word file: one heading, then one paragraph per line."""
    from docx import Document

    document = Document()
    document.add_heading(heading, level=1)
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_heading_that_asks_is_the_guiding_question_of_a_transcript(
    project: Project, tmp_path: Path
) -> None:
    question = "Was fehlt im Quartier?"
    word = _word_transcript(
        tmp_path / "runde.docx",
        question,
        [
            "18:05 Dzifa Kwarteng-Brühl: Mehr Bänke am Markt.",
            "18:06 Erik Newhard: Und Schatten für ältere Leute.",
            "18:07 Dzifa Kwarteng-Brühl: Ein Treffpunkt für Jugendliche.",
        ],
    )
    text = _file(
        tmp_path,
        "runde.txt",
        f"{question}\n\nDzifa Kwarteng-Brühl 18:30\nMehr Bänke am Markt.\n\n"
        "Erik Newhard 18:31\nUnd Schatten.\n\nDzifa Kwarteng-Brühl 18:32\nEin Treffpunkt.\n",
    )
    for path in (word, text):
        doc = parse_file(path)
        assert doc.importer == "speaker-turns", path.name
        assert [s.question for s in doc.segments] == [question] * 3, path.name
        assert import_into(project, path) == 0
    assert set(project.segments()["question"]) == {question}
    # A title that does not ask is no question.
    titled = parse_file(
        _word_transcript(
            tmp_path / "titel.docx",
            "Stadtteilkonferenz Manfort",
            ["18:05 Anna Schmidt: Mehr Bänke.", "18:06 Ben Berg: Ja.", "18:07 Anna Schmidt: Gut."],
        )
    )
    assert titled.title == "Stadtteilkonferenz Manfort"
    assert [s.question for s in titled.segments] == [None] * 3


# Whisper's console output as users save it ("whisper runde.mp3 | tee runde.txt").
WHISPER_CONSOLE = """\
Detecting language using up to the first 30 seconds. Use `--language` to specify the language
Detected language: German
[00:00.000 --> 00:05.000]  Herzlich willkommen zur Stadtteilkonferenz.
[00:05.000 --> 00:09.480]  Wir brauchen mehr Bänke am Markt.
[00:09.480 --> 00:12.000]  Und Schatten für ältere Leute.
"""


def test_whisper_console_header_lines_are_dropped(project: Project, tmp_path: Path) -> None:
    expected = [
        ("Herzlich willkommen zur Stadtteilkonferenz.", "00:00:00.000", 3),
        ("Wir brauchen mehr Bänke am Markt.", "00:00:05.000", 4),
        ("Und Schatten für ältere Leute.", "00:00:09.480", 5),
    ]
    only_detected = WHISPER_CONSOLE.split("\n", 1)[1]
    faster = "Detected language 'de' with probability 0.97\n" + only_detected.split("\n", 1)[1]
    for name, text in (("whisper.txt", WHISPER_CONSOLE), ("kurz.txt", only_detected)):
        doc = parse_file(_file(tmp_path, name, text))
        assert doc.importer == "timed-segments", name
        rows = expected if name == "whisper.txt" else [(t, s, r - 1) for t, s, r in expected]
        assert [(s.text, s.attributes["start_time"], s.row) for s in doc.segments] == rows
    assert parse_file(_file(tmp_path, "faster.txt", faster)).importer == "timed-segments"
    assert import_into(project, tmp_path / "whisper.txt") == 0
    stored = stored_text(project)
    assert "Detect" not in stored and "-->" not in stored


def test_whisper_console_header_above_one_or_two_segments(project: Project, tmp_path: Path) -> None:
    """A short recording saved from Whisper's console: its header does not become a
    statement ("Detected language: German" made "German" a person of the key)."""
    header = "Detected language: German\n"
    one = "[00:00.000 --> 00:04.000]  Wir brauchen mehr Bänke am Markt.\n"
    two = one + "[00:05.000 --> 00:08.000]  Und Schatten für ältere Leute.\n"
    for name, text, count in (("eins.txt", header + one, 1), ("zwei.txt", header + two, 2)):
        doc = parse_file(_file(tmp_path, name, text))
        assert doc.importer == "timed-segments", name
        assert len(doc.segments) == count
        assert doc.segments[0].text == "Wir brauchen mehr Bänke am Markt."
    assert import_into(project, tmp_path / "zwei.txt") == 0
    stored = stored_text(project)
    assert "Detected" not in stored and "-->" not in stored
    assert "German" not in set(project.pseudonym_key()["original"])


CHAT = """\
18:03:10 From Dzifa Kwarteng-Brühl to Everyone:
\tMehr Bänke am Markt
18:03:20 From Dzifa Kwarteng-Brühl to Erik Newhard (Direct Message):
\tIch muss früher gehen
18:04:00 From Erik Newhard to Everyone:
\tUnd Schatten bitte
"""


def test_reimport_with_other_options_says_they_were_not_applied(
    project: Project, tmp_path: Path, capsys
) -> None:
    from workbench.cli.main import main

    chat = _file(tmp_path, "chat.txt", CHAT)
    assert import_into(project, chat) == 0
    first = capsys.readouterr().out
    assert "nur beim ersten Import" in first
    command = ["--project", str(project.path), "import", str(chat)]
    assert main([*command, "--include-direct-messages"]) == 0
    out = capsys.readouterr().out
    assert "chat.txt: bereits importiert (gleicher Inhalt), nichts geändert" in out
    assert "beim ersten Import ausgelassen" in out and "neues Projekt" in out
    assert out.count("Hinweis:") == 1  # the direct messages' own notice, said once
    assert len(project.segments()) == 2  # the direct message is still left out
    assert (
        main(
            [
                *command,
                "--roles",
                str(_file(tmp_path, "rollen.csv", "Name,Rolle\nErik Newhard,Verwaltung\n")),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Die Optionen dieses Aufrufs (--roles) wirken nur auf Dateien, die zum ersten" in out
    assert "für die schon importierte Datei gilt der erste Import" in out
    # Without options nothing is said beyond "nichts geändert".
    assert main(command) == 0
    assert "Hinweis" not in capsys.readouterr().out


def test_reimport_with_the_same_district_and_workshop_says_nothing_was_unapplied(
    project: Project, tmp_path: Path, capsys
) -> None:
    """A folder imported again with the --district and --workshop of its first import (a
    new file added): no notice that these options were not applied; another district is
    still named."""
    from workbench.cli.main import main

    first = _file(tmp_path, "chat.txt", CHAT)
    command = ["--project", str(project.path), "import", "--district", "Manfort"]
    assert main([*command, "--workshop", "Chat Manfort", str(first)]) == 0
    capsys.readouterr()
    added = _file(tmp_path, "chat2.txt", CHAT.replace("Bänke", "Bäume"))
    assert main([*command, "--workshop", "Chat Manfort", str(first), str(added)]) == 0
    out = capsys.readouterr().out
    assert "chat.txt: bereits importiert (gleicher Inhalt), nichts geändert" in out
    assert "chat2.txt: 2 Aussagen importiert" in out
    assert "Hinweis: Die Optionen" not in out
    other = ["--project", str(project.path), "import", "--district", "Wiesdorf", str(first)]
    assert main(other) == 0
    assert "Die Optionen dieses Aufrufs (--district) wirken nur" in capsys.readouterr().out


# A transcriber's notes in brackets at a cue's start, in lower case as typed; one
# speaker typed in lower case too.
NOTES = [
    "[auf Türkisch] Wir brauchen mehr Bänke.",
    "[zeigt auf Karte] Hier ist der Spielplatz.",
    "[Name entfernt] hat das gesagt.",
    "[dzifa kwarteng-brühl] Und Schatten bitte.",
    "[dzifa kwarteng-brühl] Genau.",
]


def test_notes_in_brackets_are_no_speakers(project: Project, tmp_path: Path) -> None:
    vtt = "WEBVTT\n\n" + "".join(
        f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{line}\n\n"
        for i, line in enumerate(NOTES)
    )
    srt = "".join(
        f"{i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},000\n{line}\n\n"
        for i, line in enumerate(NOTES)
    )
    for name, text in (("notizen.vtt", vtt), ("notizen.srt", srt)):
        doc = parse_file(_file(tmp_path, name, text))
        assert [(s.text, s.attributes.get("speaker")) for s in doc.segments] == [
            ("[auf Türkisch] Wir brauchen mehr Bänke.", None),
            ("[zeigt auf Karte] Hier ist der Spielplatz.", None),
            ("[Name entfernt] hat das gesagt.", None),
            ("Und Schatten bitte. Genau.", "dzifa kwarteng-brühl"),
        ], name
        assert doc.names == ("dzifa kwarteng-brühl",), name
        assert import_into(project, tmp_path / name) == 0
    stored = stored_text(project).casefold()
    assert "kwarteng" not in stored and "dzifa" not in stored
    assert "zeigt auf karte" in stored


def test_a_transcript_under_a_markdown_title_is_a_transcript(
    project: Project, tmp_path: Path
) -> None:
    body = (
        "Dzifa Kwarteng-Brühl 18:30\nMehr Bänke am Markt.\n\nErik Newhard 18:31\n"
        "Und Schatten.\n\nDzifa Kwarteng-Brühl 18:32\nEin Treffpunkt.\n"
    )
    for name in ("runde.md", "runde.txt"):
        doc = parse_file(_file(tmp_path, name, "# Was fehlt im Quartier?\n\n" + body))
        assert doc.importer == "speaker-turns", name
        assert doc.title == "Was fehlt im Quartier?"
        assert [(s.attributes["speaker"], s.question, s.text) for s in doc.segments][1] == (
            "Erik Newhard",
            "Was fehlt im Quartier?",
            "Und Schatten.",
        )
    assert import_into(project, tmp_path / "runde.md") == 0
    assert "Kwarteng" not in stored_text(project)
    # Sections under headings, or speakers without times, stay a protocol.
    sections = "# Runde\n\n## Verkehr\n\n" + body
    assert parse_file(_file(tmp_path, "teile.md", sections)).importer == "markdown"
    untimed = "# Runde\n\nAnna: Bänke.\nBen: Schatten.\nAnna: Ja.\nBen: Gut.\n"
    assert parse_file(_file(tmp_path, "ohne.md", untimed)).importer == "markdown"


def test_a_question_above_a_transcript_loses_its_label_and_number(tmp_path: Path) -> None:
    body = (
        "Dzifa Kwarteng-Brühl 18:30\nMehr Bänke.\n\nErik Newhard 18:31\nUnd Schatten.\n\n"
        "Dzifa Kwarteng-Brühl 18:32\nGenau.\n"
    )
    for head in (
        "Leitfrage: Was fehlt im Quartier?",
        "Frage: Was fehlt im Quartier?",
        "1. Was fehlt im Quartier?",
    ):
        doc = parse_file(_file(tmp_path, "runde.txt", f"{head}\n\n{body}"))
        assert {s.question for s in doc.segments} == {"Was fehlt im Quartier?"}, head


def test_a_rare_capitalised_note_in_brackets_stays_text(tmp_path: Path) -> None:
    lines = [
        "Wir brauchen mehr Bänke.",
        "[Übersetzung] Hier ist der Spielplatz.",
        "Und Schatten bitte.",
        "Genau so.",
        "[Erik Newhard] Ja.",
    ]
    vtt = "WEBVTT\n\n" + "".join(
        f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{line}\n\n"
        for i, line in enumerate(lines)
    )
    doc = parse_file(_file(tmp_path, "wenige.vtt", vtt))
    assert [(s.text, s.attributes.get("speaker")) for s in doc.segments][1:] == [
        ("[Übersetzung] Hier ist der Spielplatz.", None),
        ("Und Schatten bitte.", None),
        ("Genau so.", None),
        ("Ja.", "Erik Newhard"),
    ]
    assert doc.names == ("Erik Newhard",)


def test_a_direct_message_to_the_host_by_name_is_to_a_person(tmp_path: Path) -> None:
    for recipient in ("Erik Newhard (Host) (Direct Message)", "Erik Newhard (Co-Host)(Privately)"):
        chat = f"18:03:10 From Carla Roth to {recipient}:\n\tGeheim\n"
        chat += "18:04:00 From Ben Berg to Everyone:\n\tDanke, Erik Newhard\n"
        kept = parse_file(_file(tmp_path, "host.txt", chat), direct_messages=True)
        first = kept.segments[0].attributes
        assert first["direct_message"] and "recipient_role" not in first, recipient
        assert "Erik Newhard" in kept.names, recipient
