"""Element (Matrix) chats saved as plain text: one statement per message, names pseudonymised.

Every test here failed on the code before the importer (the export became a protocol of
merged lines with the senders' names in the text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into, write_file
from workbench import Project
from workbench.ingest import parse_file
from workbench.ingest.element_chat import is_element_chat

ENGLISH = (
    "Thu, Dec 5 2026 18:00:40 - Helga Brandt joined the room\n"
    "Thu, Dec 5 2026 18:01:12 - Helga Brandt: Guten Abend zusammen\n"
    "Thu, Dec 5 2026 18:02:03 - Kerem Özdemir: Der Spielplatz am Markt ist gesperrt.\n"
    "Die Kinder spielen auf dem Parkplatz.\n"
    'Thu, Dec 5 2026 18:02:40 - Jolanta Brzeska: <Kerem Özdemir "Der Spielplatz am '
    'Markt ist ge..."> Und Bänke fehlen.\n'
    "Thu, Dec 5 2026 18:03:10 - @sayuri.kwarteng:matrix.org: Danke euch.\n"
)
GERMAN = (
    "Do., 5. Dez. 2026, 18:00:40 - Helga Brandt hat den Raum betreten\n"
    "Do., 5. Dez. 2026, 18:01:12 - Helga Brandt: Guten Abend zusammen\n"
    "Do., 5. Dez. 2026, 18:02:03 - Kerem Özdemir: Der Spielplatz am Markt ist gesperrt.\n"
    "Die Kinder spielen auf dem Parkplatz.\n"
    'Do., 5. Dez. 2026, 18:02:40 - Jolanta Brzeska: <Kerem Özdemir "Der Spielplatz am '
    'Markt ist ge..."> Und Bänke fehlen.\n'
    "Do., 5. Dez. 2026, 18:03:10 - @sayuri.kwarteng:matrix.org: Danke euch.\n"
)


@pytest.mark.parametrize("text", [ENGLISH, GERMAN], ids=["en", "de"])
def test_an_element_export_is_one_statement_per_message(tmp_path: Path, text: str) -> None:
    doc = parse_file(write_file(tmp_path, "element.txt", text))
    assert doc.date == "2026-12-05"
    assert [(s.attributes["speaker"], s.attributes["time"], s.text) for s in doc.segments] == [
        ("Helga Brandt", "18:01:12", "Guten Abend zusammen"),
        (
            "Kerem Özdemir",
            "18:02:03",
            "Der Spielplatz am Markt ist gesperrt. Die Kinder spielen auf dem Parkplatz.",
        ),
        ("Jolanta Brzeska", "18:02:40", "Und Bänke fehlen."),
        ("sayuri.kwarteng", "18:03:10", "Danke euch."),
    ]
    assert [s.row for s in doc.segments] == [2, 3, 5, 6]  # lines of the file, for messages


def test_an_element_export_stores_no_name(project: Project, tmp_path: Path) -> None:
    assert import_into(project, write_file(tmp_path, "element.txt", GERMAN)) == 0
    segments = project.segments()
    assert len(segments) == 4
    assert segments["speaker"].str.startswith("[Person").all()
    stored = stored_text(project)
    for word in ("Helga", "Brandt", "Kerem", "Özdemir", "Brzeska", "sayuri", "Kwarteng"):
        assert word.casefold() not in stored.casefold()


def _without_seconds(text: str) -> str:
    """The export as Element writes it in locales whose times have no seconds."""
    return re.sub(r"(\d{2}:\d{2}):\d{2}", r"\1", text)


@pytest.mark.parametrize("text", [ENGLISH, GERMAN], ids=["en", "de"])
def test_an_element_export_without_seconds_is_one_statement_per_message(
    project: Project, tmp_path: Path, text: str
) -> None:
    path = write_file(tmp_path, "element.txt", _without_seconds(text))
    doc = parse_file(path)
    assert doc.date == "2026-12-05"
    assert [(s.attributes["speaker"], s.attributes["time"]) for s in doc.segments] == [
        ("Helga Brandt", "18:01"),
        ("Kerem Özdemir", "18:02"),
        ("Jolanta Brzeska", "18:02"),
        ("sayuri.kwarteng", "18:03"),
    ]
    assert doc.segments[2].text == "Und Bänke fehlen."
    assert import_into(project, path) == 0
    stored = stored_text(project)
    assert "Brandt" not in stored and "18:01 -" not in stored


def test_typed_notes_with_a_weekday_and_time_stay_a_protocol() -> None:
    """A guard, not a defect: without seconds only Element's own date is its."""
    notes = (
        "Mo., 6. Dezember 2021, 10:15 - Spielplatz Wiesdorf: Müll liegt herum.\n"
        "Mo., 6. Dezember 2021, 10:40 - Bushaltestelle Markt: keine Bank, kein Dach.\n"
    )
    assert not is_element_chat(notes)
