"""Whether a workshop was held, from what its files are: a protocol, a video conference's
chat or a transcript records a meeting; a table, only its name tells (workshop_names)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import workbench.synthesis.workshop_names as workshop_names
from tests.monitoring_data import EARLIER, LATER, two_waves
from tests.test_report_sources import CARDS, _import, _report_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import (
    transcript_json,
    transcript_sbv,
    transcript_segments,
    transcript_srt,
    transcript_vtt,
    zoom_chat,
)
from workbench.ingest.common import PROTOCOL_IMPORTERS

PROTOCOL = """# {title}
Datum: 2021-03-04

## Herausforderungen und Bedarfe
- Es fehlen Treffpunkte für Jugendliche in der ganzen Stadt.
- Die Busverbindungen am Abend sind schlecht.
"""
ZOOM_CHAT = (
    "10:01:02\tAnna Berg:\tGuten Morgen zusammen\n"
    "10:02:03\tKai Lenz:\tDer Jugendtreff fehlt abends\n"
    "10:03:04\tAnna Berg:\tDer Bus fährt zu selten\n"
)


def test_doctests() -> None:
    assert doctest.testmod(workshop_names).failed == 0


def test_meeting_importers_are_the_importers_names() -> None:
    """The names are spelled out (reading the store loads no importer): they must stay
    those the importers store."""
    modules = (zoom_chat, transcript_vtt, transcript_srt, transcript_sbv, transcript_json)
    stored = {*PROTOCOL_IMPORTERS, transcript_segments.IMPORTER, *(m.IMPORTER for m in modules)}
    assert stored == workshop_names.MEETING_IMPORTERS


@pytest.mark.parametrize("title", ["Bürgerforum", "Stadtkonferenz 2021"])
def test_a_city_wide_workshop_with_a_protocol_counts_as_a_workshop(
    tmp_path: Path, title: str
) -> None:
    """A city-wide workshop's protocol named "Bürgerforum" read "1 Quelle" and an overview
    headed "Quelle": only names with "Auftakt" or "Gesamtstadt" counted. A protocol
    records a meeting that was held."""
    path = tmp_path / "protokoll.md"
    path.write_text(PROTOCOL.format(title=title), encoding="utf-8")
    project = Project.create(tmp_path / "projekt")
    project.import_files([path])
    assert set(project.workshops()["workshop"]) == {title}
    text = _report_text(project)
    assert "Projekt projekt: 1 Workshop, 2 Aussagen." in text
    assert "Überblick Workshop Sozialraum Datum Format Aussagen" in text
    assert "Aussagen: Protokolle und Kartenwände der Workshops, beim Import" in text


def test_a_named_zoom_meeting_counts_as_a_workshop_a_table_does_not(tmp_path: Path) -> None:
    """A Zoom chat imported as workshop "Sitzung 13. Juli" is a meeting; a table imported
    beside it under a name without "Workshop" stays a source (as before)."""
    chat = tmp_path / "chat.txt"
    chat.write_text(ZOOM_CHAT, encoding="utf-8")
    project = Project.create(tmp_path / "projekt")
    project.import_files([chat], workshop="Sitzung 13. Juli")
    _import(project, tmp_path, "comments.csv", CARDS, workshop="Energie")
    text = _report_text(project)
    assert "Projekt projekt: 1 Workshop und eine weitere Quelle, 6 Aussagen." in text
    assert "Anna Berg" not in text and "Kai Lenz" not in text


def test_waves_count_sources_as_the_report_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench waves` said "2 Workshops" for a workshop and a survey file, and "1
    Workshop" for a wave of a card wall alone."""
    protocol = tmp_path / "protokoll.md"
    protocol.write_text(PROTOCOL.format(title="Quartiersworkshop Manfort"), encoding="utf-8")
    project = Project.create(tmp_path / "projekt", districts=["Manfort"])
    project.import_files([protocol], district="Manfort")
    _import(project, tmp_path, "umfrage.csv", CARDS[:1])
    _import(project, tmp_path, "karten.csv", CARDS, wave="Folgebefragung 2022")
    capsys.readouterr()
    assert main(["--project", str(project.path), "waves"]) == 0
    said = capsys.readouterr().out
    assert "Welle 1: 1 Workshop und eine weitere Quelle, 3 Aussagen" in said
    assert "Folgebefragung 2022: 1 Quelle, 3 Aussagen" in said


def test_monitoring_counts_sources_as_the_opening_line(tmp_path: Path) -> None:
    """The monitoring chapter said "2020/21: 1 Workshop" for a wave of one card wall
    ("welle_a.csv", imported without a workshop) that the opening line counts as a source."""
    project = two_waves(tmp_path)
    text = _report_text(project)
    assert f"{EARLIER}: 1 Quelle, " in text and f"{LATER}: 1 Quelle, " in text
    assert "Projekt projekt: 2 Quellen, " in text
    assert not re.search(r"\d Workshops?\b", text), re.search(r".{40}\d Workshops?.{20}", text)
