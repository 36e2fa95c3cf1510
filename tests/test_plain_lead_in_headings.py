"""Headings of a card wall or a protocol that open two statements ("Kurz notiert: …",
"Lindenhof Schlebusch: …" written with capitals) are no speakers: since an unknown first
name repeated in plain lead-ins counts as a speaker, such headings became persons and
their words were replaced in every text of the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.lead_in_names import plain_lead_ins

HEADINGS = [
    "Kurz Notiert",
    "Gemeinsam Vereinbart",
    "Neu Beschlossen",
    "Zusätzlich Gewünscht",
    "Spontan Abgestimmt",
    "Intern Übernommen",
    "Lindenhof Schlebusch",
    "Sonnenhof Opladen",
    "Waldhof Manfort",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_repeated_heading_is_no_speaker(heading: str) -> None:
    twice = [f"{heading}: Mehr Bänke.", f"{heading}: Ein Treffpunkt fehlt."]
    assert plain_lead_ins(twice) == []


@pytest.mark.parametrize("name", ["Okke Wübbenhorst", "Ubbo Tjardes", "Hark Olufs", "Bjarke Lund"])
def test_a_repeated_unknown_first_name_is_still_a_speaker(name: str) -> None:
    twice = [f"{name}: Mehr Bänke.", f"{name}: Ein Treffpunkt fehlt."]
    assert plain_lead_ins(twice) == [name]


def test_a_heading_of_a_protocol_stays_in_every_statement(project: Project, tmp_path: Path) -> None:
    text = (
        "Kurz Notiert: Der Bus fährt zu selten.\n\n"
        "Kurz Notiert: Mehr Bänke am Spielplatz.\n\n"
        "Wir haben das kurz notiert.\n"
    )
    path = tmp_path / "forum.md"
    path.write_text(text, encoding="utf-8")
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Forum"]) == 0
    assert project.segments()["text"].tolist() == [t.strip() for t in text.split("\n\n")]
    assert project.pseudonym_key().empty
