"""A survey question whose later sentence asks for an e-mail address or a phone number
("Möchten Sie zur Abschlussveranstaltung eingeladen werden? Dann bitte E-Mail angeben")
is a contact column: dropped with the usual notice naming the column, never its values.
A question that asks for a place's address or for a choice of channel stays a question.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

NEED = "Was fehlt Ihnen im Stadtteil?"
NEEDS = [
    "Ein Treffpunkt für Jugendliche am Abend fehlt.",
    "Mehr Bänke am Marktplatz wären schön.",
    "Die Bushaltestelle braucht ein Dach.",
]
CONTACTS = ["erika.muster@example.org", "0171 2345678", "j.krause@example.net"]


def _import(project: Project, tmp_path: Path, asked: str, answers: list[str]) -> str:
    header = ["Zeitstempel", NEED, asked]
    rows = [["2026/11/02 10:01:02", NEEDS[i], answers[i]] for i in range(3)]
    path = tmp_path / "umfrage.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "asked",
    [
        "Möchten Sie zur Abschlussveranstaltung eingeladen werden? Dann bitte E-Mail angeben",
        "Sollen wir Ihnen den Bericht schicken? Falls ja: E-Mail-Adresse oder Telefonnummer",
        "Do you want to receive the results? Then please provide email or phone number.",
    ],
)
def test_a_question_asking_for_an_email_in_its_second_sentence_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Before (and in session 35): the answers became statements "[E-Mail]", "0171 …"
    under that question."""
    _import(project, tmp_path, asked, CONTACTS)
    out = capsys.readouterr().out
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in out
    assert not [c for c in CONTACTS if c in out]
    segments = project.segments()
    assert sorted(segments["text"]) == sorted(NEEDS)
    assert set(segments["question"]) == {NEED}
    stored = stored_text(project)
    assert not [c for c in ("erika.muster", "2345678", "j.krause") if c in stored]


@pytest.mark.parametrize(
    "asked",
    [
        "Wo ist es nachts zu dunkel? Bitte Adresse angeben.",
        "Wie möchten Sie informiert werden? Bitte geben Sie an: E-Mail, Telefon oder Brief.",
        "Kennen Sie die Beratungsstelle? Dann bitte deren Telefonnummer angeben, falls bekannt.",
    ],
)
def test_a_question_asking_for_a_place_or_a_channel_stays_a_question(
    project: Project, tmp_path: Path, asked: str
) -> None:
    """A place's address, a choice of channel, someone else's number: answers of the study."""
    answers = ["Am Bahnhof hinter der Unterführung.", "Lieber per Brief.", "Weiß ich nicht."]
    _import(project, tmp_path, asked, answers)
    segments = project.segments()
    assert set(segments["question"]) == {NEED, asked}
    assert sorted(segments["text"]) == sorted(NEEDS + answers)
