"""A column whose head asks for comments and contact data ("Haben Sie Anmerkungen? Dann
bitte E-Mail angeben") beside a text column named with --text-column: without the option
its answers decide (tests/test_survey_contact_mixed.py); with it the column was dropped
by its head, the comments lost. Its answers decide on both paths: comments stay an
attribute of each statement, as any other open answer beside a named text column, their
contact data replaced; answers that are mostly contact data are dropped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_survey_contact_mixed import COMMENTS, CONTACTS, MIXED, NEED, NEEDS, NOT_MIXED
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.contact_questions import contact_by_answers, is_contact_answer

SECRETS = ("anna.b", "erika.muster", "2345678", "Brandt")


def _import(project: Project, tmp_path: Path, asked: str, answers: list[str]) -> str:
    """Import a survey of NEED (named as text column) and ``asked``; the import's output."""
    rows = [[f"2026/11/02 10:0{i}:00", NEEDS[i], a] for i, a in enumerate(answers)]
    path = tmp_path / "umfrage.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Zeitstempel", NEED, asked], *rows])
    return str(main(["--project", str(project.path), "import", str(path), "--text-column", NEED]))


def _answers(project: Project, asked: str) -> list[str]:
    """The stored attribute ``asked`` of each statement, in order."""
    segments = project.segments().sort_values("segment_id")
    return [a[asked] for a in segments["attributes"] if asked in a]


@pytest.mark.parametrize("asked", MIXED)
def test_comments_under_a_mixed_head_beside_a_named_text_column_are_kept(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Before: "Kontaktdaten, nicht übernommen", the four comments lost."""
    assert _import(project, tmp_path, asked, COMMENTS) == "0"
    out = capsys.readouterr().out
    kept = _answers(project, asked)
    assert len(kept) == len(COMMENTS) and COMMENTS[1] in kept
    assert "[E-Mail]" in kept[0] and "[Telefon]" in kept[2]
    assert f"Spalte(n) {asked}: Frage mit Bitte um Kontaktdaten" in out
    assert f"{asked}: Kontaktdaten, nicht übernommen" not in out
    assert set(project.segments()["question"]) == {NEED}  # the named column only
    assert not [s for s in SECRETS if s in out or s in stored_text(project)]


@pytest.mark.parametrize("asked", MIXED[:2])
def test_contact_data_under_a_mixed_head_beside_a_named_text_column_is_dropped(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    assert _import(project, tmp_path, asked, CONTACTS) == "0"
    out = capsys.readouterr().out
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in out
    assert _answers(project, asked) == []
    assert not [s for s in SECRETS if s in out or s in stored_text(project)]


@pytest.mark.parametrize("asked", NOT_MIXED)
def test_a_contact_or_invitation_head_beside_a_named_text_column_stays_dropped(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    assert _import(project, tmp_path, asked, COMMENTS) == "0"
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in capsys.readouterr().out
    assert _answers(project, asked) == []
    assert not [s for s in SECRETS if s in stored_text(project)]


def test_an_address_spelled_out_is_contact_data() -> None:
    """The project's e-mail rule decides, not one of its own: "anna at web punkt de",
    typed against spam bots, was a word answer and counted as a comment."""
    assert is_contact_answer("anna at web punkt de")
    assert is_contact_answer("ja gerne, anna(at)web(punkt)de")
    assert contact_by_answers(MIXED[0], ["anna at web punkt de", "kai at gmx punkt de"])
    assert not is_contact_answer("Treffpunkt ist at home, mehr Bänke bitte")


ASIDE = [
    "Anmerkungen (gerne mit E-Mail für Rückfragen)",
    "Weitere Ideen? Für Rückfragen bitte E-Mail oder Telefon",
    "Sonstige Hinweise [gerne mit Telefonnummer für Rückfragen]",
]


@pytest.mark.parametrize("named", [False, True])
@pytest.mark.parametrize("asked", ASIDE)
def test_a_contact_request_aside_in_a_head_lets_the_answers_decide(
    project: Project, tmp_path: Path, asked: str, named: bool
) -> None:
    """The request in brackets or a second sentence was not read as one: answers that were
    only addresses and numbers became statements "[E-Mail]", "[Telefon]" (replaced, but no
    statements). Now they are dropped as contact data; comments stay (next test)."""
    rows = [[NEEDS[i], a] for i, a in enumerate(CONTACTS)]
    path = tmp_path / "umfrage.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([[NEED, asked], *rows])
    given = ["--text-column", NEED] if named else []
    assert main(["--project", str(project.path), "import", str(path), *given]) == 0
    segments = project.segments()
    assert set(segments["question"]) == {NEED} and _answers(project, asked) == []
    assert not [s for s in SECRETS if s in stored_text(project)]


@pytest.mark.parametrize("asked", ASIDE)
def test_comments_under_a_contact_request_aside_are_kept(
    project: Project, tmp_path: Path, asked: str
) -> None:
    assert _import(project, tmp_path, asked, COMMENTS) == "0"
    kept = _answers(project, asked)
    assert len(kept) == len(COMMENTS) and "[E-Mail]" in kept[0]
    assert not [s for s in SECRETS if s in stored_text(project)]
