"""Short meetings: a tool's transcript with one or two turns is read as turns, not a protocol.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import write_file
from workbench.ingest import parse_file

TITLES = ("", "Stadtteilrunde Manfort\n", "Was fehlt im Quartier?\n")
FRAMES = (
    "Teilnehmer\nAnna Schmidt, Ben Berg\nTranskript\n",  # Google Meet's document
    "Teilnehmer\nAnna Schmidt, Ben Berg\n",
    "Transkript\n",
    "Anna Schmidt hat die Transkription gestartet\n",  # Teams' notice
    "",
)
TURNS = (
    ("Anna Schmidt", "Ben Berg"),
    ("Schmidt, Anna", "Berg, Ben"),
    ("Moderation", "Teilnehmerin"),
)


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("who", TURNS)
@pytest.mark.parametrize("count", [1, 2])
def test_a_short_meet_transcript_keeps_its_turns_and_speakers(
    tmp_path: Path, title: str, frame: str, who: tuple[str, str], count: int
) -> None:
    """Meet writes a time line above the turns: one or two turns are statements with their
    speakers, and title, "Teilnehmer", "Transkript" and "00:00:00" are none."""
    said = ["Was fehlt euch hier im Viertel?", "Ein Spielplatz und mehr Bänke."][:count]
    body = "".join(f"{w}: {s}\n" for w, s in zip(who, said, strict=False))
    doc = parse_file(write_file(tmp_path, "runde.txt", title + frame + "00:00:00\n" + body))
    assert [s.text for s in doc.segments] == said
    assert all(s.attributes.get("speaker") or s.speaker_role for s in doc.segments)
    assert all("Teilnehmer" not in s.text and "00:00" not in s.text for s in doc.segments)


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize(
    "frame",
    [
        "",
        "Teilnehmende: Anna Schmidt, Ben Berg\n",
        "Teilnehmer\nAnna Schmidt, Ben Berg\n",
        "18:00\n",
        "Teilnehmer\nAnna Schmidt, Ben Berg\n18:00\n",
    ],
)
@pytest.mark.parametrize(
    "who", [("Verkehr", "Grün"), ("Anna", "Ben"), ("Nächste Schritte", "Sonstiges")]
)
def test_a_protocol_with_two_labelled_lines_stays_a_protocol(
    tmp_path: Path, title: str, frame: str, who: tuple[str, str]
) -> None:
    """Two "Label: text" lines of a protocol — topics, or first names without a tool's
    frame — stay its statements with their labels."""
    lines = [f"{who[0]}: Zu viele Autos in der Hauptstraße.", f"{who[1]}: Mehr Bänke am Platz."]
    doc = parse_file(write_file(tmp_path, "runde.txt", title + frame + "\n".join(lines) + "\n"))
    texts = [s.text for s in doc.segments]
    assert all(any(line in t for t in texts) for line in lines)


def test_two_speakers_without_any_frame_stay_a_protocol(tmp_path: Path) -> None:
    """Without a tool's frame two "Anna Schmidt: …" lines are a protocol's, as before."""
    text = "Anna Schmidt: Berichtet vom Spielplatz.\nBen Berg: Fragt nach Bänken.\n"
    doc = parse_file(write_file(tmp_path, "notiz.txt", text))
    assert [s.text for s in doc.segments] == text.splitlines()


@pytest.mark.parametrize(
    "title", ["", "Protokoll Stadtteilrunde\n", "Teilnehmende: Anna Schmidt\n"]
)
@pytest.mark.parametrize(
    "lines",
    [
        ("TOP 1: Zu viele Autos in der Hauptstraße.", "TOP 2: Mehr Bänke am Platz."),
        ("Wichtig: Zu viele Autos in der Hauptstraße.", "Fazit: Mehr Bänke am Platz."),
    ],
)
def test_a_protocol_under_its_clock_time_keeps_every_line(
    tmp_path: Path, title: str, lines: tuple[str, str]
) -> None:
    """A protocol's "18:00" above two labelled lines is no tool's frame: both lines stay
    statements as written, none is dropped as a title ("Wichtig: …") or split into a
    speaker "TOP 1"."""
    doc = parse_file(write_file(tmp_path, "runde.txt", title + "18:00\n" + "\n".join(lines) + "\n"))
    texts = [s.text for s in doc.segments]
    assert all(line in texts for line in lines)
    assert not any(s.speaker_role for s in doc.segments)


@pytest.mark.parametrize(
    "title", ["", "Protokoll Stadtteilrunde\n", "Teilnehmende: Anna Schmidt\n"]
)
def test_a_question_and_its_answer_under_a_clock_time_are_an_interview(
    tmp_path: Path, title: str
) -> None:
    """ "Frage: …?" / "Antwort: …" under "18:00" ask and answer as "I:"/"B:" do: both
    lines stay statements, their labels the roles (none dropped as a title)."""
    lines = "Frage: Was fehlt im Viertel?\nAntwort: Ein Spielplatz und mehr Bänke.\n"
    doc = parse_file(write_file(tmp_path, "runde.txt", title + "18:00\n" + lines))
    assert [(s.speaker_role, s.text) for s in doc.segments] == [
        ("Frage", "Was fehlt im Viertel?"),
        ("Antwort", "Ein Spielplatz und mehr Bänke."),
    ]
