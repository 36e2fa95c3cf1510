"""PDF protocols with a question's head over its answers — "Frage: Was fehlt?" (or the
question alone, also wrapped over two lines), then a line "Ergebnis:" ("Antwort:",
"Ergebnisse:", "Antworten:"), then a list — gave the answers "Ergebnis" as their question
and kept "Frage: …" as a statement; a second "Ergebnis:" between the answers of the same
question did the same. The answers are statements under the question now, as in Word
and plain-text protocols (:func:`workbench.ingest.answer_lines.label_heads`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file

ANSWERS = ["Ein Arzt im Viertel", "Ein Café am Markt", "Mehr Bänke im Park"]
WRAPPED = [  # one question sentence over two lines
    "Welche Angebote fehlen aus Ihrer Sicht für Familien mit kleinen Kindern und",
    "für ältere Menschen im Quartier?",
]
ASKED = " ".join(WRAPPED)
HEAD = ["Stadtteilrunde Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
AFTER = ["Was läuft gut?", "Der Nachbarschaftstreff ist an zwei Abenden in der Woche geöffnet."]


def _read(tmp_path: Path, pages: list[list[str]]) -> list[tuple[str | None, str]]:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes(pages))
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("label", ["Ergebnis:", "Antwort:", "Ergebnisse:", "Antworten:"])
@pytest.mark.parametrize(
    ("asking", "question"),
    [(["Frage: Was fehlt im Quartier?"], "Was fehlt im Quartier?"), (WRAPPED, ASKED)],
)
@pytest.mark.parametrize("page_break", [None, "label", "list"])
def test_answers_below_a_question_and_its_label_are_under_that_question(
    tmp_path: Path, label: str, asking: list[str], question: str, page_break: str | None
) -> None:
    body = [*asking, label, *(f"{n}. {a}" for n, a in enumerate(ANSWERS, start=1)), *AFTER]
    at = {None: len(body), "label": len(asking), "list": len(asking) + 1}[page_break]
    pages = [[*HEAD, *body[:at]], body[at:]] if page_break else [[*HEAD, *body]]
    assert _read(tmp_path, pages) == [
        *((question, answer) for answer in ANSWERS),
        (AFTER[0], AFTER[1]),
    ]


@pytest.mark.parametrize("labels", [("Ergebnis:", "Ergebnis:"), ("Ergebnis 1:", "Ergebnis 2:")])
def test_a_second_label_between_answers_of_the_same_question_is_no_question(
    tmp_path: Path, labels: tuple[str, str]
) -> None:
    first, second = labels
    lines = [*HEAD, "Frage: Was fehlt im Quartier?", first, "- Ein Arzt", "- Ein Café"]
    lines += [second, "- Mehr Licht am Bahnhof", "- Ein Jugendtreff"]
    assert _read(tmp_path, [lines]) == [
        ("Was fehlt im Quartier?", answer)
        for answer in ["Ein Arzt", "Ein Café", "Mehr Licht am Bahnhof", "Ein Jugendtreff"]
    ]


def test_a_statement_above_a_label_and_a_result_of_its_own_stay_as_they_were(
    tmp_path: Path,
) -> None:
    said = "Wir haben in drei Gruppen gesammelt und die Karten an die Wand gehängt."
    lines = [*HEAD, "Was fehlt im Quartier?", said, "Ergebnis:", "- Ein Arzt im Viertel"]
    lines += ["Was läuft gut?", "Ergebnis: Der Treff ist gut besucht."]
    assert _read(tmp_path, [lines]) == [
        ("Was fehlt im Quartier?", said),
        ("Ergebnis", "Ein Arzt im Viertel"),
        ("Was läuft gut?", "Ergebnis: Der Treff ist gut besucht."),
    ]
