"""A second bare answer label under the same question — "Frage: Was fehlt?", "Ergebnis 1:"
and its answers, then "Ergebnis 2:" and more answers — gave the answers below it
"Ergebnis" as their question in Word and LibreOffice protocols, and in a plain text
without a blank line above it the label was glued to the answer above ("Ein Café am
Markt Ergebnis 2:"). The label is no statement now and the answers below it are the same
question's; a label with text of its own and a second question's label stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_word_answer_heads import WRITERS
from workbench.ingest import parse_file

ASKED = "Was fehlt im Quartier?"
FIRST = ["Ein Arzt im Viertel", "Ein Café am Markt"]
SECOND = ["Mehr Licht am Bahnhof", "Ein Jugendtreff"]
LABELS = [("Ergebnis:", "Ergebnis:"), ("Ergebnis 1:", "Ergebnis 2:"), ("Antwort:", "Antwort:")]


def _read(path: Path) -> list[tuple[str | None, str]]:
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("asked", [f"Frage: {ASKED}", ASKED])
@pytest.mark.parametrize(("first", "second"), LABELS)
def test_word_answers_below_a_second_label_keep_the_question(
    tmp_path: Path, suffix: str, asked: str, first: str, second: str
) -> None:
    blocks = [("p", asked), ("p", first), ("list", FIRST, False)]
    blocks += [("p", second), ("list", SECOND, False)]
    path = WRITERS[suffix](tmp_path / f"runde.{suffix}", blocks)
    assert _read(path) == [(ASKED, answer) for answer in FIRST + SECOND]


@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize(("first", "second"), LABELS)
def test_text_answers_below_a_second_label_keep_the_question(
    tmp_path: Path, blank: str, first: str, second: str
) -> None:
    lines = [f"Frage: {ASKED}", first, *(f"- {a}" for a in FIRST), f"{blank}{second}"]
    path = tmp_path / "runde.txt"
    path.write_text("\n".join([*lines, *(f"- {a}" for a in SECOND)]) + "\n", encoding="utf-8")
    assert _read(path) == [(ASKED, answer) for answer in FIRST + SECOND]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_second_question_and_a_result_of_its_own_stay_as_they_were(
    tmp_path: Path, suffix: str
) -> None:
    blocks = [("p", f"Frage: {ASKED}"), ("p", "Ergebnis:"), ("list", FIRST, False)]
    blocks += [("p", "Ergebnis: Die Gruppe will im Mai weiter sprechen.")]
    blocks += [("p", "Frage: Was läuft gut?"), ("p", "Ergebnis:"), ("list", ["Der Treff"], False)]
    path = WRITERS[suffix](tmp_path / f"runde.{suffix}", blocks)
    assert _read(path) == [
        *((ASKED, answer) for answer in FIRST),
        (ASKED, "Ergebnis: Die Gruppe will im Mai weiter sprechen."),
        ("Was läuft gut?", "Der Treff"),
    ]
