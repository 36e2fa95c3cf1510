"""A survey's or a meeting's word inside a compound: the head (the last part) decides, and
of several words the first that says either ("Forumsumfrage" and "Umfrage
Fahrradwerkstatt" are surveys, "Umfragewerkstatt" a workshop; workshop_names.name_kind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_report_sources import _report_text
from tests.test_survey_sources import _answers, _project
from workbench.cli.main import main
from workbench.synthesis.workshop_names import is_held, project_held

SURVEYS = [
    "Forumsumfrage.csv",
    "Workshopumfrage 2021.csv",
    "Bürgerforum-Befragung Wiesdorf.csv",
    "Umfrage Fahrradwerkstatt.csv",
    "Kick-off-Umfrage.csv",
    "Fragebögen Opladen.csv",
    "Frageboegen Opladen.csv",
    "Kinder- und Jugendbefragung.csv",
]
MEETINGS = [
    "Umfragewerkstatt.csv",
    "Befragungsforum.csv",
    "Umfrage-Workshop.csv",
    "Workshop zur Umfrage Opladen.csv",
    "Kick-off Befragung.csv",
    "Befragungs- und Planungsworkshop.csv",
    "Umfrage- und Diskussionsforum Wiesdorf.csv",
    "Zukunftswerkstaetten Opladen.csv",
]


@pytest.mark.parametrize("name", SURVEYS)
def test_a_survey_whose_name_holds_a_meeting_word_is_a_source(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Forumsumfrage.csv" with a district column read "1 Workshop" in the report's
    opening line and in `workbench waves`: the forum was only its compound's first part."""
    project = _project(tmp_path)
    project.import_files([_answers(tmp_path, name)])
    assert set(project_held(project).values()) == {False}
    assert "Projekt projekt: 1 Quelle, 2 Aussagen." in _report_text(project)
    capsys.readouterr()
    assert main(["--project", str(project.path), "waves"]) == 0
    assert "Welle 1: 1 Quelle, 2 Aussagen" in capsys.readouterr().out


@pytest.mark.parametrize("name", MEETINGS)
def test_a_meeting_named_after_a_survey_stays_a_workshop(tmp_path: Path, name: str) -> None:
    """A workshop whose compound ends in a meeting's word, or whose name begins with one,
    stays held."""
    project = _project(tmp_path)
    project.import_files([_answers(tmp_path, name)])
    assert set(project_held(project).values()) == {True}
    assert "Projekt projekt: 1 Workshop, 2 Aussagen." in _report_text(project)


@pytest.mark.parametrize(
    ("name", "held"),
    [
        ("Umfrage Werkstattgespräch Opladen", False),
        ("Befragung der Versammlungsteilnehmer", False),
        ("Werkstatt Befragung Opladen", True),
        ("Forum Umfrageergebnisse", True),
        ("Umfrageergebnisse Opladen", False),
        ("Surveyor Treffen", True),
    ],
)
def test_the_first_word_that_says_survey_or_meeting_decides(name: str, held: bool) -> None:
    """Of several words the first naming a kind is the head, the rest its topic."""
    assert is_held(name, ["Opladen"], False) is held
