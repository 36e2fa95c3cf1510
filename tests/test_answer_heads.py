"""Answers listed below a question's head — "Frage: Was fehlt?" / "Antwort:" over "1. …",
"2. …", or a bare "Ergebnis:" between the question and its answers — made the head one
statement ("Frage: Was fehlt? Antwort:") and left the answers without their question;
"Ergebnis:" was not even read as an answer label (the pattern wanted "Ergebniss"). The
answers are statements under their question now, the head none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project

ANSWERS = ["Ein Arzt im Viertel", "Ein Café am Markt", "Mehr Bänke im Park"]
LAYOUTS = {
    "numbered": [
        "Frage: Was fehlt im Quartier?",
        "Antwort:",
        *(f"{i}. {a}" for i, a in enumerate(ANSWERS, 1)),
    ],
    "bracketed": [
        "Frage 2: Was fehlt im Quartier?",
        "Antworten:",
        *(f"{i}) {a}" for i, a in enumerate(ANSWERS, 1)),
    ],
    "dashed": ["Was fehlt im Quartier?", "Ergebnisse:", *(f"- {a}" for a in ANSWERS)],
    "result": ["Frage: Was fehlt im Quartier?", "Ergebnis:", *ANSWERS],
    "heading": [
        "# Stadtteilrunde",
        "",
        "## Was fehlt im Quartier?",
        "",
        "Ergebnisse:",
        *(f"{i}. {a}" for i, a in enumerate(ANSWERS, 1)),
    ],
}


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_answers_listed_below_a_head_are_statements_under_its_question(
    project: Project, tmp_path: Path, layout: str, suffix: str
) -> None:
    path = tmp_path / f"runde{suffix}"
    path.write_text("\n".join(LAYOUTS[layout]) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(zip(stored["text"], stored["question"], strict=True)) == [
        (answer, "Was fehlt im Quartier?") for answer in ANSWERS
    ]


def test_a_result_of_its_own_stays_a_statement(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "runde.txt"
    lines = ["Stadtteilrunde Manfort", "", "Ergebnis: Die Runde wünscht sich mehr Bänke."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    assert "Ergebnis: Die Runde wünscht sich mehr Bänke." in list(project.segments()["text"])


SPACED = {
    "result": ["Was fehlt im Quartier?", "", "Ergebnis:", *(f"- {a}" for a in ANSWERS)],
    "labelled": [
        "Frage: Was fehlt im Quartier?",
        "",
        "Antworten:",
        "",
        *(f"{i}. {a}" for i, a in enumerate(ANSWERS, 1)),
    ],
    "titled": [
        "Stadtteilrunde Manfort",
        "",
        "Was fehlt im Quartier?",
        "",
        "Ergebnisse:",
        *(f"* {a}" for a in ANSWERS),
    ],
}


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("layout", sorted(SPACED))
def test_a_question_a_blank_line_above_its_answer_label_is_their_question(
    project: Project, tmp_path: Path, layout: str, suffix: str
) -> None:
    """ "Was fehlt?", a blank line, "Ergebnis:" over the list: the answers took "Ergebnis" as
    their question and the question stood as a statement of its own."""
    path = tmp_path / f"runde{suffix}"
    path.write_text("\n".join(SPACED[layout]) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(zip(stored["text"], stored["question"], strict=True)) == [
        (answer, "Was fehlt im Quartier?") for answer in ANSWERS
    ]


def test_a_statement_above_an_answer_label_stays_a_statement(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "runde.txt"
    said = "Viele fragen sich, warum es keine Bänke gibt. Das ärgert sie."
    path.write_text("\n".join([said, "", "Ergebnis:", "- Mehr Bänke"]) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["text"]) == [said, "Mehr Bänke"]
    assert stored["question"].isna().iloc[0]


HEADED = {
    "title": ["# Stadtteilrunde", ""],
    "section": ["# Stadtteilrunde", "", "## Bedarfe", ""],
    "underlined": ["Stadtteilrunde", "==============", "", "Bedarfe", "-------", ""],
}


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("head", sorted(HEADED))
@pytest.mark.parametrize("asked", ["Frage: Was fehlt im Quartier?", "Was fehlt im Quartier?"])
def test_under_headings_a_question_a_blank_line_above_its_label_is_their_question(
    project: Project, tmp_path: Path, head: str, asked: str, suffix: str
) -> None:
    """Under a heading, "Frage: Was fehlt?", a blank line, "Ergebnis:" over the list: the
    question stood as a statement and the answers went without it (under the title: none)."""
    path = tmp_path / f"runde{suffix}"
    lines = [*HEADED[head], asked, "", "Ergebnis:", *(f"- {a}" for a in ANSWERS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(zip(stored["text"], stored["question"], strict=True)) == [
        (answer, "Was fehlt im Quartier?") for answer in ANSWERS
    ]


def test_under_a_heading_that_asks_its_label_takes_no_question_of_its_own(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "runde.md"
    lines = ["# Stadtteilrunde", "", "## Was fehlt?", "", "Ergebnisse:", "- Ein Arzt"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments()
    assert list(zip(stored["text"], stored["question"], strict=True)) == [
        ("Ein Arzt", "Was fehlt?")
    ]


STATED = {
    "sentence": ["Die Runde hat lange über den Platz gesprochen."],
    "two_lines": ["Die Runde hat lange über den Platz gesprochen", "und viele Ideen gesammelt."],
    "rhetorical": ["Warum gibt es hier keine Bänke? Das fragen sich viele."],
}


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("label", ["Ergebnis:", "Antworten:"])
@pytest.mark.parametrize("layout", sorted(STATED))
def test_without_headings_a_label_below_a_statement_asks_nothing(
    project: Project, tmp_path: Path, layout: str, label: str, suffix: str
) -> None:
    """A statement, a blank line, a bare "Ergebnis:" over a list in a text without headings:
    the answers took "Ergebnis" as their question; as under headings they have none."""
    path = tmp_path / f"runde{suffix}"
    lines = [*STATED[layout], "", label, *(f"- {a}" for a in ANSWERS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["text"]) == [" ".join(STATED[layout]), *ANSWERS]
    assert stored["question"].isna().all()
