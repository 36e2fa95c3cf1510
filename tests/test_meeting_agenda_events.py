"""Meetings and protocols, findings of session 39 (each test failed on the code before):

- an agenda of five or more stamped lines ("A: [10:00:00] Begrüßung" … "E: [14:00:00] …")
  made the protocol a transcript of speakers "A" to "E" (two to four lines stayed a protocol);
- in a PDF, a question someone asked, told in a paragraph ("Eine Anwohnerin fragte: Wann
  kommt der Radweg?"), over "Ergebnis:" and a list became the list's question and was lost;
- a message's later line opening with an answer word ("Ja: mehr Licht am Spielplatz", also
  "Nein:", "Genau:", "Stimmt:", "Danke:") started a turn of a person "Ja" on the key;
- Teams' events naming someone in six or more words ("Dr. Maria Luisa von der Heide (Stadt
  Leverkusen) hat die Besprechung verlassen.", "von der Heide, Maria Luisa …") or by an
  e-mail address stayed in the message above them, the surname in clear.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

TOPICS = ["Begrüßung", "Vorstellungsrunde", "Mittagessen", "Rundgang", "Arbeitsgruppen"]
TOPICS += ["Kaffeepause", "Ergebnisse", "Abschluss"]
DISCUSSION = [
    "Anna Schmidt: Wir brauchen mehr Bänke am Markt.",
    "Ben Berg: Und der Spielplatz ist seit Monaten gesperrt.",
    "Anna Schmidt: Die Beleuchtung im Park fehlt.",
]


def _agenda(count: int) -> list[str]:
    return [f"{chr(65 + k)}: [{10 + k}:00:00] {TOPICS[k]}" for k in range(count)]


@pytest.mark.parametrize("count", [5, 6, 8])
@pytest.mark.parametrize("markdown", [False, True])
def test_an_agenda_of_stamped_lines_keeps_the_protocol_a_protocol(
    project: Project, tmp_path: Path, count: int, markdown: bool
) -> None:
    if markdown:
        text = ["# Quartiersworkshop Manfort", "", "## Tagesordnung", "", *_agenda(count)]
        text += ["", "## Diskussion", "", *DISCUSSION]
    else:
        text = ["Quartiersworkshop Manfort", "", *_agenda(count), "", "Diskussion", *DISCUSSION]
    path = _file(tmp_path, "protokoll.md" if markdown else "protokoll.txt", "\n".join(text) + "\n")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    agenda = [t for t in stored["text"] if any(t.endswith(topic) for topic in TOPICS)]
    assert agenda == _agenda(count)  # the agenda's lines as written, no one's turns
    assert not any(role in {"A", "B", "C", "D", "E"} for role in stored["speaker_role"].dropna())
    assert all("speaker" not in a for a in stored["attributes"])
    assert "Schmidt" not in stored_text(project) and "Berg" not in stored_text(project)


HEAD = ["Stadtteilrunde Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
ANSWERS = ["- Ein Arzt im Viertel", "- Ein Café am Markt"]


@pytest.mark.parametrize(
    "asked",
    [
        "Eine Anwohnerin fragte: Wann kommt der Radweg?",
        "Frau Kaya fragte: Was passiert mit dem Treff?",
        "Eine Teilnehmerin wollte wissen: Wann öffnet die Bücherei wieder?",
        "Ein Vertreter der Stadt erkundigte sich: Wie viele Plätze gibt es?",
        "Eine Mutter fragte, wann der Spielplatz wieder öffnet?",
    ],
)
def test_a_question_told_in_a_pdf_protocol_is_a_statement(tmp_path: Path, asked: str) -> None:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*HEAD, asked, "Ergebnis:", *ANSWERS]]))
    said = [(s.question, s.text) for s in parse_file(path).segments]
    assert said[0] == (None, asked)
    assert all(question != asked for question, _ in said)


@pytest.mark.parametrize(
    ("asking", "question"),
    [
        ("Was fehlt im Quartier?", "Was fehlt im Quartier?"),
        ("Frage: Wann kommt der Radweg?", "Wann kommt der Radweg?"),
        ("Was fragen Sie sich: Wo fehlt etwas?", "Was fragen Sie sich: Wo fehlt etwas?"),
    ],
)
def test_a_question_standing_alone_still_heads_its_answers(
    tmp_path: Path, asking: str, question: str
) -> None:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*HEAD, asking, "Ergebnis:", *ANSWERS]]))
    said = [(s.question, s.text) for s in parse_file(path).segments]
    assert said == [(question, "Ein Arzt im Viertel"), (question, "Ein Café am Markt")]


@pytest.mark.parametrize("word", ["Ja", "Nein", "Genau", "Stimmt", "Danke"])
def test_an_answer_word_opening_a_messages_line_is_no_person(
    project: Project, tmp_path: Path, word: str
) -> None:
    chat = (
        "[18:01] Anna Schmidt : Hallo zusammen, schön dass ihr da seid.\n"
        f"[18:02] Ben Berg : Zwei Punkte von mir.\n{word}: mehr Licht am Spielplatz\n"
        "[18:04] Ben Berg : Danke, notiert.\n"
        "[18:05] Clara Kaya : Es fehlen Bänke am Markt.\n"
    )
    path = _file(tmp_path, "public_chat.txt", chat)
    said = [(s.attributes.get("speaker"), s.text) for s in parse_file(path).segments]
    assert said[1] == ("Ben Berg", f"Zwei Punkte von mir.\n{word}: mehr Licht am Spielplatz")
    assert import_into(project, path) == 0
    assert sorted(project.pseudonym_key()["original"]) == ["Anna Schmidt", "Ben Berg", "Clara Kaya"]


def _teams_chat(event: str) -> str:
    return (
        "Schmidt, Anna\n18:02\nWillkommen zur Stadtteilrunde!\n\n"
        f"Becker, Jonas\n18:03\nIch wohne seit 5 Jahren in Manfort.\n\n{event}\n\n"
        "Schmidt, Anna\n18:05\nHallo Frau Heide, Frau Schulz, schön dass Sie da sind.\n\n"
        "Becker, Jonas\n18:06\nWir brauchen mehr Bänke am Markt.\n"
    )


@pytest.mark.parametrize(
    "event",
    [
        "Dr. Maria Luisa von der Heide (Stadt Leverkusen) hat die Besprechung verlassen.",
        "von der Heide, Maria Luisa (Stadt Leverkusen) ist der Besprechung beigetreten.",
        "Anna Schmidt added Dr. Maria Luisa von der Heide (Stadt Leverkusen) to the meeting.",
        "maria.schulz@example.org (Gast) ist der Besprechung beigetreten.",
        "m.schulz@stadt-leverkusen.de left the meeting.",
    ],
)
def test_a_teams_event_with_a_long_name_or_an_address_is_no_message_text(
    project: Project, tmp_path: Path, event: str
) -> None:
    path = _file(tmp_path, "chat.txt", _teams_chat(event))
    said = [s.text for s in parse_file(path).segments]
    assert said[1] == "Ich wohne seit 5 Jahren in Manfort."
    assert import_into(project, path) == 0
    stored = stored_text(project)
    for clear in ("Heide", "Luisa", "schulz@", "Besprechung", "meeting"):
        assert clear not in stored


def test_the_name_an_events_address_spells_is_listed(project: Project, tmp_path: Path) -> None:
    event = "maria.schulz@example.org (Gast) ist der Besprechung beigetreten."
    assert parse_file(_file(tmp_path, "chat.txt", _teams_chat(event))).names[-1] == "Maria Schulz"
