"""Meetings from programs the import had not seen: titles, speakers and agendas as they write them.

Every test here failed on the code before the fix it covers; a "guard" keeps the fix from
going too far.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project

TITLED_VTT = """\
WEBVTT - Stadtteilrunde Nord

1
00:00:01.000 --> 00:00:04.000
<v Anna Schmidt>Guten Morgen zusammen.</v>

2
00:00:05.000 --> 00:00:08.000
<v Karl Weber>Der Spielplatz am Markt ist zu klein.</v>
"""


def test_the_title_in_a_webvtt_header_names_the_workshop(project: Project, tmp_path: Path) -> None:
    """ "WEBVTT - Titel": the text after WEBVTT is the meeting's title, as a protocol's."""
    assert import_into(project, _file(tmp_path, "aufnahme_0412.vtt", TITLED_VTT)) == 0
    segments = project.segments()
    assert set(segments["workshop"]) == {"Stadtteilrunde Nord"}
    assert list(segments["text"]) == [
        "Guten Morgen zusammen.",
        "Der Spielplatz am Markt ist zu klein.",
    ]
    # Only "WEBVTT" (or the old "WEBVTT FILE"): the workshop is named after the file
    old = TITLED_VTT.replace("WEBVTT - Stadtteilrunde Nord", "WEBVTT FILE")
    assert import_into(project, _file(tmp_path, "runde_sued.vtt", old)) == 0
    assert set(project.segments()["workshop"]) == {"Stadtteilrunde Nord", "runde_sued"}


AGENDA_TURNS = """\
Protokoll Stadtteilrunde Nord

{first}

Anna Müller: Ich begrüße alle zur Stadtteilrunde.

Peter Braun: Danke für die Einladung, der Spielplatz ist ein Thema.

Anna Müller: Dann fangen wir mit dem Verkehr an.

{second}

Karl Weber: Wir brauchen eine Ampel an der Schule.

Peter Braun: Die Kreuzung am Markt ist gefährlich für Kinder.

Karl Weber: Und die Busse fahren abends zu selten.
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [("1. Begrüßung", "2. Verkehr"), ("Top 1 – Begrüßung", "Top 2 – Verkehr")],
)
def test_agenda_items_of_a_typed_transcript_are_the_questions_of_the_turns_below(
    project: Project, tmp_path: Path, first: str, second: str
) -> None:
    """ "1. Begrüßung" or "Top 1 – Verkehr" between the turns heads them, as "TOP 1: …" does:
    no agenda line in a turn's text, the title above them names the workshop."""
    text = AGENDA_TURNS.format(first=first, second=second)
    assert import_into(project, _file(tmp_path, "runde.txt", text)) == 0
    segments = project.segments()
    assert list(segments["question"]) == [first] * 3 + [second] * 3
    assert not segments["text"].str.contains("Verkehr$|Begrüßung").any()
    assert set(segments["workshop"]) == {"Stadtteilrunde Nord"}
    assert segments["speaker"].notna().all()


def test_a_numbered_list_in_a_chat_message_stays_its_text(project: Project, tmp_path: Path) -> None:
    """Guard: numbered lines in one turn ("1. Mehr Bänke" below "Vorschläge:") are its text."""
    text = (
        "Anna Müller: Vorschläge aus der Runde:\n\n1. Mehr Bänke\n\n"
        "2. Busse am Abend\n\nKarl Weber: Gute Liste.\n\nAnna Müller: Danke.\n\n"
        "Karl Weber: Bis nächste Woche.\n"
    )
    assert import_into(project, _file(tmp_path, "chat.txt", text)) == 0
    segments = project.segments()
    assert segments["question"].isna().all()
    assert "2. Busse am Abend" in segments["text"].iloc[0]


def _turns_docx(path: Path, heads: dict[str, list[tuple[str, str]]], styled: str = "all") -> Path:
    """A Word protocol: title, a date, agenda items, "Name: text" paragraphs; ``styled``:
    title and items as headings ("all"), only the title ("title"), or none ("none")."""
    document = docx.Document()
    if styled in ("all", "title"):
        document.add_heading("Protokoll Stadtteilrunde Nord", 1)
    else:
        document.add_paragraph("Protokoll Stadtteilrunde Nord")
    document.add_paragraph("Datum: 12.03.2026")
    for head, turns in heads.items():
        if styled == "all":
            document.add_heading(head, 2)
        else:
            document.add_paragraph(head)
        for who, said in turns:
            document.add_paragraph(f"{who}: {said}")
    document.save(path)
    return path


TURNS = {
    "TOP 1: Begrüßung": [
        ("Anna Müller", "Ich begrüße alle zur Stadtteilrunde."),
        ("Peter Braun", "Danke, der Spielplatz ist ein Thema."),
        ("Anna Müller", "Dann fangen wir mit dem Verkehr an."),
    ],
    "TOP 2: Verkehr": [
        ("Karl Weber", "Wir brauchen eine Ampel an der Schule."),
        ("Peter Braun", "Die Kreuzung am Markt ist gefährlich für Kinder."),
        ("Karl Weber", "Und die Busse fahren abends zu selten."),
    ],
}


@pytest.mark.parametrize("suffix", [".docx", ".md", "typed.docx", "title.docx"])
def test_name_prefixed_paragraphs_under_agenda_headings_are_turns(
    project: Project, tmp_path: Path, suffix: str
) -> None:
    """ "Anna Müller: …" under "TOP 1: Begrüßung" (a heading, or in Word a paragraph of its
    own): the name is the turn's speaker (on the name list), not "[Person 1]: …" at the
    start of the statement's text."""
    if suffix.endswith(".docx"):
        styled = {".docx": "all", "typed.docx": "none", "title.docx": "title"}[suffix]
        path = _turns_docx(tmp_path / "runde.docx", TURNS, styled=styled)
    else:
        lines = ["# Protokoll Stadtteilrunde Nord", "", "Datum: 12.03.2026", ""]
        for head, turns in TURNS.items():
            lines += [f"## {head}", "", *(f"{who}: {said}\n" for who, said in turns)]
        path = _file(tmp_path, "runde.md", "\n".join(lines))
    assert import_into(project, path) == 0
    segments = project.segments()
    assert list(segments["text"]) == [said for turns in TURNS.values() for _, said in turns]
    assert list(segments["question"]) == ["TOP 1: Begrüßung"] * 3 + ["TOP 2: Verkehr"] * 3
    assert list(segments["speaker"]) == [f"[Person {n}]" for n in (1, 2, 1, 3, 2, 3)]
    key = project.pseudonym_key()
    assert set(key.loc[key["kind"] == "person", "original"]) == {
        "Anna Müller",
        "Peter Braun",
        "Karl Weber",
    }


def test_agenda_items_typed_under_a_title_in_heading_1_are_the_questions(
    project: Project, tmp_path: Path
) -> None:
    """The title is the only heading (‚Überschrift 1‘), "TOP 1: Spielplatz" is typed as a
    paragraph: the agenda items are the questions, not statements under the title; a
    lone heading that opens turns of people is their title, not their question."""
    heads = {"TOP 1: Spielplatz": ["Die Schaukel ist kaputt."], "TOP 2: Verkehr": ["Zu laut."]}
    document = docx.Document()
    document.add_heading("Protokoll Stadtteilrunde Nord", 1)
    document.add_paragraph("Datum: 12.03.2026")
    for head, said in heads.items():
        document.add_paragraph(head)
        for text in said:
            document.add_paragraph(text)
    document.save(tmp_path / "runde.docx")
    assert import_into(project, tmp_path / "runde.docx") == 0
    segments = project.segments()
    assert list(segments["text"]) == ["Die Schaukel ist kaputt.", "Zu laut."]
    assert list(segments["question"]) == list(heads)
    turns = {"": [(who, said) for turns in TURNS.values() for who, said in turns]}
    path = _turns_docx(tmp_path / "gespraech.docx", turns, styled="title")
    assert import_into(project, path) == 0
    segments = project.segments()
    said = segments[segments["document"] != segments["document"].iloc[0]]
    assert list(said["text"]) == [text for _, text in turns[""]]
    assert said["speaker"].str.startswith("[Person ").all()


def test_a_single_heading_over_plain_statements_stays_their_question(
    project: Project, tmp_path: Path
) -> None:
    """Guard: one heading over plain statements (no agenda, no turns) asks their question."""
    document = docx.Document()
    document.add_heading("Was fehlt im Stadtteil", 1)
    document.add_paragraph("Eine Bank am Markt.")
    document.add_paragraph("Mehr Licht im Park.")
    document.save(tmp_path / "fragen.docx")
    assert import_into(project, tmp_path / "fragen.docx") == 0
    assert list(project.segments()["question"]) == ["Was fehlt im Stadtteil"] * 2


def test_a_protocol_with_lists_under_its_headings_stays_a_protocol(
    project: Project, tmp_path: Path
) -> None:
    """Guard: bullet lists among the "Name: …" lines under the headings are a protocol's."""
    text = (
        "# Protokoll Stadtteilrunde Nord\n\n## Was fehlt?\n\nAnna Müller: Bänke.\n\n"
        "Peter Braun: Ja.\n\nAnna Müller: Und Licht.\n\n- Trinkbrunnen\n\n## Was gibt es?\n\n"
        "Peter Braun: Den Park.\n\nAnna Müller: Die Bücherei.\n\nPeter Braun: Gut.\n"
    )
    assert import_into(project, _file(tmp_path, "runde.md", text)) == 0
    assert "Trinkbrunnen" in set(project.segments()["text"])


MEET = """\
Stadtteilrunde Nord (2026-03-05 {at} 17:00 GMT+1) – {transcript}
{people}
Anna Schmidt, Karl Weber
{transcript}
00:00:00

Anna Schmidt: Guten Abend, die Aufzeichnung läuft.
Karl Weber: Mir fehlt eine Ampel an der Schule.
00:05:00

Anna Schmidt: Danke, das nehmen wir auf.
Karl Weber: Und der Bus fährt abends zu selten.
{ended}
"""


@pytest.mark.parametrize(
    ("at", "transcript", "people", "ended"),
    [
        ("um", "Transkript", "Teilnehmer", "Die Transkription wurde nach 00:07:12 beendet"),
        ("at", "Transcript", "Attendees", "Transcription ended after 00:07:12"),
    ],
)
def test_google_meet_s_closing_line_is_no_one_s_words(
    project: Project, tmp_path: Path, at: str, transcript: str, people: str, ended: str
) -> None:
    """Meet ends a transcript stopped early with "Die Transkription wurde nach … beendet":
    a notice of the tool, not the last speaker's words."""
    text = MEET.format(at=at, transcript=transcript, people=people, ended=ended)
    assert import_into(project, _file(tmp_path, "meet.txt", text)) == 0
    assert list(project.segments()["text"]) == [
        "Guten Abend, die Aufzeichnung läuft.",
        "Mir fehlt eine Ampel an der Schule.",
        "Danke, das nehmen wir auf.",
        "Und der Bus fährt abends zu selten.",
    ]


def _typed_docx(path: Path, paragraphs: list[str]) -> Path:
    """A Word file of plain paragraphs (no heading styles)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_a_numbered_agenda_between_typed_turns_in_word_heads_them(
    project: Project, tmp_path: Path
) -> None:
    """ "1. Begrüßung" / "2. Verkehr" as Word paragraphs between "Name: …" turns: the items
    are the questions, not text glued to the turn above (Word has no blank lines)."""
    path = _typed_docx(
        tmp_path / "runde.docx",
        [
            "Protokoll Stadtteilrunde Nord",
            "Datum: 12.03.2026",
            "1. Begrüßung",
            "Anna Müller: Herzlich willkommen allen.",
            "2. Verkehr",
            "Jonas Becker: Die Autos fahren zu schnell.",
            "Anna Müller: Wir brauchen eine Ampel.",
        ],
    )
    assert import_into(project, path) == 0
    segments = project.segments()
    assert list(segments["text"]) == [
        "Herzlich willkommen allen.",
        "Die Autos fahren zu schnell.",
        "Wir brauchen eine Ampel.",
    ]
    assert list(segments["question"]) == ["1. Begrüßung", "2. Verkehr", "2. Verkehr"]


def test_a_numbered_list_in_a_typed_turn_in_word_stays_its_text(
    project: Project, tmp_path: Path
) -> None:
    """Guard: "1. Ampel an der Schule" / "2. Busse am Abend" under a turn are its text."""
    path = _typed_docx(
        tmp_path / "runde.docx",
        [
            "Protokoll Stadtteilrunde Nord",
            "Datum: 12.03.2026",
            "Anna Müller: Herzlich willkommen.",
            "Jonas Becker: Ich habe zwei Wünsche",
            "1. Ampel an der Schule",
            "2. Busse am Abend",
            "Anna Müller: Danke.",
            "Jonas Becker: Gern.",
        ],
    )
    assert import_into(project, path) == 0
    texts = list(project.segments()["text"])
    assert texts[1] == "Ich habe zwei Wünsche\n1. Ampel an der Schule\n2. Busse am Abend"


@pytest.mark.parametrize("top", ["Top", "TOP"])
def test_two_typed_turns_under_an_agenda_line_in_a_protocol_stay_two_statements(
    project: Project, tmp_path: Path, top: str
) -> None:
    """A plain-text protocol (mostly prose) with two "Name: …" lines under "Top 2 – …":
    each line is its own statement under that agenda item, not one glued statement."""
    text = (
        "Protokoll Bürgerversammlung\n\n"
        f"{top} 1 – Begrüßung\nDie Bürgermeisterin eröffnet die Versammlung.\n\n"
        f"{top} 2 – Spielplatz\nAnna Müller: Die Schaukel ist seit Monaten kaputt.\n"
        "Peter Schulz: Es gibt keinen Schatten.\n\n"
        f"{top} 3 – Sonstiges\nKeine Wortmeldungen.\n"
    )
    assert import_into(project, _file(tmp_path, "protokoll.txt", text)) == 0
    segments = project.segments()
    under = segments[segments["question"] == f"{top} 2 – Spielplatz"]
    assert len(under) == 2
    assert under["text"].str.endswith("Die Schaukel ist seit Monaten kaputt.").sum() == 1
    assert under["text"].str.endswith("Es gibt keinen Schatten.").sum() == 1
    assert not segments["text"].str.contains("Müller|Schulz").any()
    # Guard: a paragraph wrapped over two lines (the second no turn) stays one statement
    wrapped = "Protokoll\n\nAnna Müller: Die Schaukel ist seit\nMonaten kaputt, sagt sie.\n"
    assert import_into(project, _file(tmp_path, "zwei.txt", wrapped)) == 0
    texts = list(project.segments()["text"])
    assert sum("Monaten kaputt, sagt sie." in t and "Schaukel" in t for t in texts) == 1
