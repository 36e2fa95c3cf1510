"""A question with its answers below a bare label — "Frage: Was fehlt?" / "Antwort:" / one
answer per line — became one statement of everything, labels and all, with no guiding
question. Each answer line is a statement now, under its question without the label, as
the cards of an unlabelled list under a question are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project

TWO_QUESTIONS = [
    "Frage: Was läuft gut?",
    "Antwort:",
    "Die Nachbarschaftshilfe",
    "Das Stadtteilfest",
    "Frage 2: Was fehlt im Quartier?",
    "Antworten:",
    "Ein Arzt im Viertel",
    "Ein Café am Markt",
    "Mehr Bänke im Park",
]


def _stored(project: Project, path: Path, lines: list[str]) -> list[tuple[str, str]]:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    return list(zip(stored["text"], stored["question"], strict=True))


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_each_answer_below_a_label_is_a_statement_under_its_question(
    project: Project, tmp_path: Path, suffix: str
) -> None:
    assert _stored(project, tmp_path / f"runde{suffix}", TWO_QUESTIONS) == [
        ("Die Nachbarschaftshilfe", "Was läuft gut?"),
        ("Das Stadtteilfest", "Was läuft gut?"),
        ("Ein Arzt im Viertel", "Was fehlt im Quartier?"),
        ("Ein Café am Markt", "Was fehlt im Quartier?"),
        ("Mehr Bänke im Park", "Was fehlt im Quartier?"),
    ]


def test_an_unlabelled_list_under_a_labelled_question_has_the_question_alone(
    project: Project, tmp_path: Path
) -> None:
    lines = ["Frage: Was fehlt?", "Ein Treffpunkt", "Mehr Bänke"]
    assert _stored(project, tmp_path / "runde.txt", lines) == [
        ("Ein Treffpunkt", "Was fehlt?"),
        ("Mehr Bänke", "Was fehlt?"),
    ]


def test_an_answer_of_wrapped_prose_stays_one_statement(project: Project, tmp_path: Path) -> None:
    lines = [
        "Frage: Was fehlt?",
        "Antwort:",
        "Es fehlt vor allem ein Ort, an dem sich die Jugendlichen treffen können, weil",
        "der alte Treff geschlossen wurde.",
    ]
    texts = [text for text, _ in _stored(project, tmp_path / "runde.txt", lines)]
    assert sum("der alte Treff geschlossen wurde" in text for text in texts) == 1
    assert not any(text.startswith("der alte Treff") for text in texts)
