"""Speaker evidence: a word is a name only where it is written as one (the gazetteer also
lists "an", "die", "nur", "es", "gut" as names), and an agenda whose topic comes back is
still an agenda (:mod:`workbench.ingest.few_turns`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest import parse_file
from workbench.ingest.few_turns import agenda_topics, full_name, person_like
from workbench.ingest.speaker_turns import is_speaker_turns
from workbench.ingest.turn_lines import read_turns

SAID = [
    "Herzlich willkommen zur Stadtteilrunde.",
    "Im Winter ist der Weg zur Schule dunkel.",
    "Wir brauchen mehr Bänke im Schatten, gerade für Ältere.",
    "Ja, das sehe ich genauso.",
    "Die Linie 5 fährt nach acht Uhr nur noch stündlich.",
]


@pytest.mark.parametrize(
    "topic",
    [
        "Der Spielplatz an der Schulstraße",
        "Es gibt zu wenig Bänke",
        "Nur noch wenige Plätze frei",
        "Schon wieder die Baustelle",
        "Gut besucht",
        "Man sieht die Ampel kaum",
        "NUR NOCH WENIGE PLÄTZE FREI",
        "es gibt zu wenig bänke",
    ],
)
def test_function_words_in_a_topic_are_no_names(topic):
    assert not person_like(topic)
    assert not full_name(topic)


@pytest.mark.parametrize(
    ("who", "full"),
    [
        ("An Nguyen", True),
        ("AN NGUYEN", True),
        ("Ida Becker (Moderation)", True),
        ("anna schmidt", True),
        ("Maria von der Linde", True),
        ("An", False),
        ("Nur", False),  # a Turkish and Arabic first name
        ("Li", False),
        ("Bo", False),
        ("Jo", False),
        ("lea", False),
        ("lea K.", False),
        ("Herr Koch", False),
        ("Koch vom Jugendamt", False),
        ("Gut Anna", False),  # "Gut" is a surname, "Anna" a first name: "Nachname Vorname"
    ],
)
def test_names_as_speakers_write_them_stay_people(who, full):
    assert person_like(who)
    assert full_name(who) is full


def _protocol(topics: list[str], hour: int = 18) -> str:
    lines: list[str] = []
    for i, topic in enumerate(topics):
        lines += [f"{hour:02d}:{15 * i:02d} {topic}", SAID[i % len(SAID)], ""]
    return "\n".join(lines)


def test_topic_headings_with_function_words_over_paragraphs_are_no_turns():
    topics = ["Der Spielplatz an der Schulstraße", "Nur noch wenige Plätze frei", "Gut besucht"]
    assert not is_speaker_turns(_protocol([*topics, *topics[:2]]))


def test_short_names_over_what_they_say_are_turns():
    people = ["An Nguyen", "Nur", "Ida"]
    lines: list[str] = []
    for i in range(6):
        lines += [f"00:00:{7 * i + 3:02d} {people[i % 3]}", SAID[i % len(SAID)], ""]
    assert is_speaker_turns("\n".join(lines))


AGENDA = [
    "[15:00] Begrüßung und Ankommen",
    "[15:30] Spielplatz Schulstraße: Stand der Planung",
    "[16:00] Verkehr: Parkplätze am Markt",
    "[16:45] Spielplatz Schulstraße: Stand der Planung",
]


@pytest.mark.parametrize("seconds", ["", ":00"])
@pytest.mark.parametrize("head", [["Programm 12.03.2024", ""], []])
def test_an_agenda_whose_topic_returns_keeps_its_times(tmp_path: Path, seconds, head):
    lines = [*head, *(line.replace("] ", f"{seconds}] ", 1) for line in AGENDA)]
    path = tmp_path / "programm.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = parse_file(path)
    texts = " ".join(s.text for s in document.segments)
    assert all(line in texts for line in lines[len(head) :])
    assert not any(s.speaker_role or "speaker" in s.attributes for s in document.segments)


def test_a_topic_returns_at_any_minute_only_under_an_agenda_head():
    minutes = ["15:31", "16:07", "16:44"]  # "Spielplatz", "Verkehr", "Spielplatz"
    lines = [line.replace(line[1:6], m, 1) for line, m in zip(AGENDA[1:], minutes, strict=True)]
    parse = read_turns("\n".join(lines))
    assert not agenda_topics(parse.turns)  # "Mutter:"/"Vater:" alternate at any minute
    assert agenda_topics(parse.turns, ["Ablauf"])
