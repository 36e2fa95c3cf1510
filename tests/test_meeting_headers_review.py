"""Second reading of typed meeting files: lines of a protocol that look like "Name: Text"
are no one's turns, and what a participant says above the turns stays a statement."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.text import P

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

FIELDS = (
    "Ziel: mehr Bänke im Park",
    "Problem: Lärm nachts am Marktplatz",
    "Wunsch: ein Trinkbrunnen",
    "Problem: Müll an der Haltestelle",
    "Ziel: mehr Grün",
)
TURNS = (
    "Anna: Wir brauchen mehr Bänke im Park.\n"
    "Bernd: Der Spielplatz ist zu klein.\n"
    "Anna: Und die Beleuchtung fehlt.\n"
)
CARDS = (
    "Kartenabfrage Quartier",
    "Herausforderungen: Lärm, Müll",
    "Herausforderungen: zu wenig Grün",
    "Herausforderungen: kaum Parkplätze",
)


def _word(path: Path, lines: tuple[str, ...]) -> Path:
    if path.suffix == ".odt":
        document = OpenDocumentText()
        for line in lines:
            paragraph = P()
            teletype.addTextToElement(paragraph, line)
            document.text.addElement(paragraph)
        document.save(str(path))
    else:
        word = docx.Document()
        for line in lines:
            word.add_paragraph(line)
        word.save(path)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
@pytest.mark.parametrize("lines", [FIELDS, CARDS], ids=["fields", "cards"])
def test_word_protocol_of_keyed_lines_makes_no_word_a_person(
    tmp_path: Path, project: Project, capsys: pytest.CaptureFixture[str], suffix: str, lines
) -> None:
    """A Word/ODT protocol without headings whose paragraphs are "Ziel: …", "Problem: …"
    or a card list "Herausforderungen: …" is no transcript: the keys never become
    speakers pseudonymised wherever the word stands; the file is refused with the
    German message asking for headings, exit 2, nothing stored."""
    path = _word(tmp_path / f"protokoll{suffix}", lines)
    code = main(["--project", str(project.path), "import", str(path), "--district", "Opladen"])
    assert code == 2
    assert "keine Überschriften" in capsys.readouterr().err
    assert project.segments().empty


@pytest.mark.parametrize(
    "said", ["3 Sachen fallen mir ein", "2 Kinder habe ich", "30 Jahre wohne ich hier schon"]
)
def test_a_number_said_without_full_stop_above_the_turns_stays_said(
    tmp_path: Path, said: str
) -> None:
    """A participant's "Teilnehmer: 3 Sachen fallen mir ein" (typed without a full stop)
    above the turns is said, not a count of participants: every turn stays a statement
    of its speaker, none is merged into one text with the speakers' names in it."""
    path = tmp_path / "runde.txt"
    path.write_text(
        f"Stadtteilrunde Manfort\nTeilnehmer: {said}\nAnna: Wir brauchen mehr Bänke.\n"
        "Teilnehmer: Und mehr Licht\nBernd: Der Spielplatz ist zu klein.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.speaker_role, s.text) for s in parsed.segments] == [
        ("Teilnehmer", said),
        (None, "Wir brauchen mehr Bänke."),
        ("Teilnehmer", "Und mehr Licht"),
        (None, "Der Spielplatz ist zu klein."),
    ]
    assert set(parsed.names) == {"Anna", "Bernd"}


@pytest.mark.parametrize(
    "said",
    [
        "Format: leider nur digital, viele Ältere konnten nicht teilnehmen.",
        "Sozialraum: Opladen ist zu laut geworden, finde ich.",
        "Workshop: Ich fand den Workshop toll, danke!",
    ],
)
def test_a_sentence_after_an_event_key_above_the_turns_is_kept(tmp_path: Path, said: str) -> None:
    """A sentence after "Format:", "Sozialraum:" or "Workshop:" above the turns is what
    someone said (as in a protocol): it stays a statement and names no workshop or
    district; "Workshop: Quartiersworkshop" / "Sozialraum: Opladen" still name them."""
    path = tmp_path / "runde.txt"
    path.write_text(f"Stadtteilrunde Manfort\n{said}\n{TURNS}", encoding="utf-8")
    parsed = parse_file(path)
    texts = [s.text for s in parsed.segments]
    assert texts[0] == said.partition(": ")[2] and len(texts) == 4
    assert parsed.district is None and parsed.workshop is None
    path.write_text(
        f"Workshop: Zukunft Manfort – wie wollen wir leben?\nSozialraum: Opladen\n{TURNS}",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert (parsed.workshop, parsed.district, len(parsed.segments)) == (
        "Zukunft Manfort – wie wollen wir leben?",
        "Opladen",
        3,
    )


def test_agenda_listed_in_a_message_stays_its_text(tmp_path: Path) -> None:
    """A chat message listing the agenda ("Vorschlag für die Tagesordnung:" / "TOP 1
    Spielplatz" / "TOP 2 Verkehr") keeps its lines; the items head no later message."""
    path = tmp_path / "chat.txt"
    path.write_text(
        "[18:00] Anna: Vorschlag für die Tagesordnung:\nTOP 1 Spielplatz\nTOP 2 Verkehr\n"
        "[18:01] Bernd: Passt.\n[18:02] Anna: Gut.\n[18:03] Bernd: Bis dann.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Vorschlag für die Tagesordnung:\nTOP 1 Spielplatz\nTOP 2 Verkehr",
        "Passt.",
        "Gut.",
        "Bis dann.",
    ]
    assert [s.question for s in parsed.segments] == [None] * 4


def test_start_time_above_the_turns_is_no_speaker(tmp_path: Path, project: Project) -> None:
    """ "Beginn: 18 Uhr" / "Ende: 20.30 Uhr" under the title is when the meeting ran: no
    statement, and "Beginn" is no person whose word is replaced in what was said."""
    path = tmp_path / "runde.txt"
    path.write_text(
        "Stadtteilrunde Manfort\nBeginn: 18 Uhr\nEnde: 20.30 Uhr\n"
        "Anna: Der Beginn war zu früh für Berufstätige.\nBernd: Der Spielplatz ist zu klein.\n"
        "Anna: Und das Ende kam zu schnell.\n",
        encoding="utf-8",
    )
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    assert code == 0
    assert list(project.segments()["text"]) == [
        "Der Beginn war zu früh für Berufstätige.",
        "Der Spielplatz ist zu klein.",
        "Und das Ende kam zu schnell.",
    ]


def test_moderator_named_above_a_short_transcript_keeps_its_turns(tmp_path: Path) -> None:
    """ "Moderation: Laura" above three turns names the moderator who speaks once below:
    the file stays turns (each speaker's text alone, names on the list), not one
    statement per line with "Anna:" and "Bernd:" in the text."""
    path = tmp_path / "runde.txt"
    path.write_text(
        "Stadtteilrunde Manfort\nModeration: Laura\nAnna: Wir brauchen mehr Bänke.\n"
        "Moderation: Danke.\nBernd: Der Spielplatz ist zu klein.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.speaker_role, s.text) for s in parsed.segments] == [
        (None, "Wir brauchen mehr Bänke."),
        ("Moderation", "Danke."),
        (None, "Der Spielplatz ist zu klein."),
    ]
    assert set(parsed.names) == {"Anna", "Bernd", "Laura"}
