"""Meetings, a second reading of session 41's changes (each test failed on the code before):

- in a PDF, the moderation's own question with "wir" ("Wir fragen: Was fehlt?", "Im
  Anschluss fragen wir: …", "Dazu wollten wir von Ihnen wissen: …") or after "Und" ("Und
  was sagen Sie zum Verkehr?") was taken for a question someone asked, told: a statement,
  its answers under no question; "meinen" after a preposition is a possessive;
- timed minutes whose points open with an answer word ("18:05 Ja: Radweg wird gebaut" /
  "18:10 Nein: …") were read as a chat: "Ja" and "Nein" on the key as persons, the words
  cut from the points.

Checked and kept: a stamped agenda's line above a recording's turns is stored as written
("A: [10:00:00] Begrüßung durch …"), the moderator named in it pseudonymised.
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

HEAD = ["Stadtteilrunde Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
ANSWERS = ["- Ein Arzt im Viertel", "- Ein Café am Markt"]


def _pdf_said(tmp_path: Path, line: str) -> list[tuple[str | None, str]]:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*HEAD, line, "Ergebnis:", *ANSWERS]]))
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize(
    "asking",
    [
        "Wir fragen: Was fehlt im Quartier?",
        "Wir wollen wissen: Wo halten Sie sich gern auf?",
        "Im Anschluss fragen wir: Was fehlt im Quartier?",
        "Zum Abschluss fragten wir: Was nehmen Sie mit?",
        "Dazu wollten wir von Ihnen wissen: Wie kommen Sie zum Markt?",
        "Und was sagen Sie zum Verkehr am Markt?",
        "Und was meinen Sie: Wo fehlt Licht?",
        "In meinen Augen die Frage: Was fehlt?",
    ],
)
def test_the_moderations_own_question_heads_its_answers(tmp_path: Path, asking: str) -> None:
    said = _pdf_said(tmp_path, asking)
    assert said == [(asking, "Ein Arzt im Viertel"), (asking, "Ein Café am Markt")]


@pytest.mark.parametrize(
    "asked",
    [
        "Wir Eltern fragen uns: Wo sollen die Kinder spielen?",
        "Viele fragen uns: Wann kommt der Radweg?",
        "Die Kinder sagen: Wo sollen wir spielen?",
        "Einige meinen: Wozu brauchen wir noch einen Parkplatz?",
    ],
)
def test_a_question_others_ask_stays_a_statement(tmp_path: Path, asked: str) -> None:
    said = _pdf_said(tmp_path, asked)
    assert said[0] == (None, asked)
    assert all(question != asked for question, _ in said)


POINTS = [
    ("Ja", "Radweg wird gebaut"),
    ("Nein", "kein neuer Spielplatz"),
    ("Genau", "der Treff bleibt offen"),
    ("Danke", "an alle Helfenden"),
    ("Ja", "Bänke kommen im Mai"),
]


@pytest.mark.parametrize("stamp", ["{}", "[{}]"])
@pytest.mark.parametrize("count", [4, 5])
def test_timed_minutes_opening_with_answer_words_stay_a_protocol(
    project: Project, tmp_path: Path, stamp: str, count: int
) -> None:
    points = [
        f"{stamp.format(f'18:{5 * k + 5:02d}')} {word}: {text}"
        for k, (word, text) in enumerate(POINTS[:count])
    ]
    text = "\n".join(["Protokoll Stadtteilrunde Manfort", "", *points]) + "\n"
    assert import_into(project, _file(tmp_path, "protokoll.txt", text)) == 0
    stored = list(project.segments().sort_values("position")["text"])
    assert stored[-count:] == points  # as written: "Nein" is the point
    assert list(project.pseudonym_key()["original"]) == []


def test_a_named_moderator_in_a_stamped_agenda_is_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    agenda = ["A: [10:00:00] Begrüßung durch Petra Lange", "B: [10:30:00] Rückblick"]
    turns = [
        "Anna Schmidt: [00:01:05] Wir brauchen mehr Bänke am Markt.",
        "Ben Berg: [00:01:40] Und der Spielplatz ist seit Monaten gesperrt.",
        "Anna Schmidt: [00:02:10] Die Beleuchtung im Park fehlt.",
    ]
    text = "\n".join(["Quartiersworkshop Manfort", "", *agenda, "", *turns]) + "\n"
    assert import_into(project, _file(tmp_path, "workshop.txt", text)) == 0
    stored = list(project.segments().sort_values("position")["text"])
    assert stored[0].startswith("A: [10:00:00] Begrüßung durch [Person ")
    assert stored[1] == "B: [10:30:00] Rückblick"
    assert "Petra Lange" in set(project.pseudonym_key()["original"])
    assert "Lange" not in stored_text(project)
