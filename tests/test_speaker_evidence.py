"""Speaker evidence: a word is a name only where it is written as one (the gazetteer also
lists "an", "die", "nur", "es", "gut" as names), and an agenda whose topic comes back is
still an agenda (:mod:`workbench.ingest.few_turns`)."""

from __future__ import annotations

import pytest

from workbench.ingest.few_turns import full_name, person_like
from workbench.ingest.speaker_turns import is_speaker_turns

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
