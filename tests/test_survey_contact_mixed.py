"""A survey column whose head asks for comments and for contact data ("Haben Sie
Anmerkungen? Dann bitte E-Mail angeben") is decided by its answers: comments are imported
as statements under that question, their e-mail addresses and phone numbers replaced;
answers that are mostly contact data are dropped as before. A pure contact head or a
request to invite or inform stays dropped whatever its answers.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.contact_questions import (
    asks_freely,
    contact_by_answers,
    is_contact_answer,
)

NEED = "Was fehlt Ihnen im Stadtteil?"
NEEDS = [
    "Ein Treffpunkt für Jugendliche am Abend fehlt.",
    "Mehr Bänke am Marktplatz wären schön.",
    "Die Bushaltestelle braucht ein Dach.",
    "Ein Bolzplatz wäre gut.",
]
COMMENTS = [
    "Der Spielplatz braucht mehr Schatten, Rückmeldung gerne an anna.b@example.org",
    "Die Ampel an der Hauptstraße ist zu kurz grün.",
    "Die Sprechstunde im Stadtteilbüro ist zu selten, erreichbar unter 0171 2345678",
    "Ein Café für Ältere fehlt.",
]
CONTACTS = [
    "erika.muster@example.org",
    "0171 2345678",
    "Anna Brandt, anna.brandt@example.org",
    "Die Ampel an der Hauptstraße ist zu kurz grün.",
]
SECRETS = ("anna.b", "erika.muster", "2345678", "Brandt")
MIXED = [
    "Haben Sie Anmerkungen? Dann bitte E-Mail angeben",
    "Ihre Anregungen – gerne mit Telefonnummer für Rückfragen",
    "Haben Sie Kritik oder Verbesserungsvorschläge? Bitte Telefonnummer angeben",
    "Your comments? Please provide your email",
]
NOT_MIXED = [
    "E-Mail-Adresse (freiwillig)",
    "Kontaktdaten (freiwillig)",
    "Möchten Sie zur Abschlussveranstaltung eingeladen werden? Dann bitte E-Mail angeben",
    "Wünschen Sie weitere Informationen? Dann bitte E-Mail angeben",
    "Möchten Sie unseren Newsletter erhalten? Dann bitte Ihre E-Mail-Adresse eintragen",
]


def _import(project: Project, tmp_path: Path, asked: str, answers: list[str]) -> None:
    rows = [[f"2026/11/02 10:0{i}:00", NEEDS[i], a] for i, a in enumerate(answers)]
    path = tmp_path / "umfrage.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Zeitstempel", NEED, asked], *rows])
    assert main(["--project", str(project.path), "import", str(path)]) == 0


@pytest.mark.parametrize("asked", MIXED)
def test_a_question_asking_for_comments_and_contact_keeps_its_comments(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Before: the column was dropped as contact data, the comments lost."""
    _import(project, tmp_path, asked, COMMENTS)
    out = capsys.readouterr().out
    segments = project.segments()
    answers = segments[segments["question"] == asked]["text"].tolist()
    assert len(answers) == len(COMMENTS)
    assert "Die Ampel an der Hauptstraße ist zu kurz grün." in answers
    assert any("[E-Mail]" in a for a in answers) and any("[Telefon]" in a for a in answers)
    assert f"{asked}: Kontaktdaten, nicht übernommen" not in out
    assert f"Spalte(n) {asked}: Frage mit Bitte um Kontaktdaten" in out
    assert not [s for s in SECRETS if s in out or s in stored_text(project)]


@pytest.mark.parametrize("asked", MIXED[:2])
def test_a_mixed_question_answered_with_contact_data_is_dropped(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Three of four answers give only an address, a number or a name with an address."""
    _import(project, tmp_path, asked, CONTACTS)
    out = capsys.readouterr().out
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in out
    assert "Frage mit Bitte um Kontaktdaten" not in out
    assert set(project.segments()["question"]) == {NEED}
    assert not [s for s in SECRETS if s in out or s in stored_text(project)]


@pytest.mark.parametrize("asked", NOT_MIXED)
def test_a_contact_or_invitation_head_stays_dropped_whatever_its_answers(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    _import(project, tmp_path, asked, COMMENTS)
    out = capsys.readouterr().out
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in out
    assert set(project.segments()["question"]) == {NEED}
    assert not [s for s in SECRETS if s in stored_text(project)]


def test_a_question_mentioning_e_mail_stays_a_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = "Wie erreichen Sie die Verwaltung: Telefon, E-Mail, persönlich?"
    _import(project, tmp_path, asked, ["Meist per Telefon, das dauert.", *COMMENTS[1:]])
    assert "Kontaktdaten" not in capsys.readouterr().out
    assert (project.segments()["question"] == asked).sum() == len(COMMENTS)


def test_the_answers_decide_only_under_a_mixed_head() -> None:
    assert asks_freely(MIXED[0]) and not asks_freely(NOT_MIXED[2])
    assert [contact_by_answers(h, COMMENTS) for h in (MIXED[0], NOT_MIXED[0], NEED)] == [
        False,
        None,
        None,
    ]
    assert contact_by_answers(MIXED[0], CONTACTS) is True
    assert contact_by_answers(MIXED[0], ["", " "]) is True  # nothing answered: its head says
    assert is_contact_answer("Tel. 0214 / 40 66 12") and is_contact_answer("Anna Brandt")
    assert not is_contact_answer("Per E-Mail")  # a channel named, no address
    assert not is_contact_answer("Mehr Licht im Park")
