"""Meetings, a second reading of session 41's changes (each test failed on the code before):

- in a PDF, the moderation's own question with "wir" ("Wir fragen: Was fehlt?") or after
  "Und" was taken for a told question (its cases are in ``test_meeting_leftovers.py``);
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
from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project

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
