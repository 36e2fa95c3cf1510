"""Element (Matrix) chats saved as plain text: one statement per message, names pseudonymised.

Every test here failed on the code before the importer (the export became a protocol of
merged lines with the senders' names in the text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into, write_file
from workbench import Project
from workbench.ingest import parse_file

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
