"""PDF protocols whose guiding questions are typed as numbered items — "1) Was fehlt im
Quartier?" over its answers, then "2) Was läuft gut?" over its own — read them as the
guiding questions, as Word, ODT and plain-text protocols do
(:func:`workbench.ingest.answer_lines.numbered_asks`). Before, "1) Was fehlt?" was a
statement and its answers had no question, and over short answers ("Ein Arzt im
Viertel") "1. Was fehlt?" was a statement too. Numbered items under a real question,
agenda items ("1. Begrüßung"), a run of numbered questions and dates stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file

ASKED = ["Was fehlt im Quartier?", "Was läuft gut?"]
HEADS = {"ohne": [], "titel-und-datum": ["Stadtteilrunde Manfort", "Datum: 12.03.2021", ""]}
STYLES = {
    "striche": (lambda a: f"- {a}", [["Ein Arzt im Viertel", "Ein Café"], ["Der Treff"]]),
    "absaetze": (
        lambda a: a,
        [["Ein Arzt fehlt im Viertel, sagen viele Eltern."], ["Der Treff läuft gut."]],
    ),
}


def _read(tmp_path: Path, lines: list[str]) -> list[tuple[str | None, str]]:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([lines]))
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("head", sorted(HEADS))
@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("mark", [".", ")"])
def test_numbered_questions_over_their_answers_are_the_guiding_questions(
    tmp_path: Path, head: str, style: str, mark: str
) -> None:
    shown, answers = STYLES[style]
    lines = list(HEADS[head])
    for number, (asked, said) in enumerate(zip(ASKED, answers, strict=True), start=1):
        lines += [f"{number}{mark} {asked}", *map(shown, said)]
    assert _read(tmp_path, lines) == [
        (asked, answer) for asked, said in zip(ASKED, answers, strict=True) for answer in said
    ]


def test_short_answers_below_a_numbered_question_are_its_answers(tmp_path: Path) -> None:
    lines = [*HEADS["titel-und-datum"], "1. Was fehlt im Quartier?", "Ein Arzt", ""]
    lines += ["2. Was läuft gut?", "Der Treff", "", "3. Was zuerst?", "Licht im Park"]
    assert _read(tmp_path, lines) == [
        ("Was fehlt im Quartier?", "Ein Arzt"),
        ("Was läuft gut?", "Der Treff"),
        ("Was zuerst?", "Licht im Park"),
    ]


def test_a_date_below_a_numbered_question_is_an_answer_not_the_next_number(
    tmp_path: Path,
) -> None:
    lines = ["1) Was fehlt im Quartier?", "- Ein Arzt", "2) Was läuft gut?"]
    lines += ["3. Oktober: das Fest war gut besucht."]
    assert _read(tmp_path, lines) == [
        ("Was fehlt im Quartier?", "Ein Arzt"),
        ("Was läuft gut?", "3. Oktober: das Fest war gut besucht."),
    ]


ASKING = ["1) Warum gibt es keinen Treff?", "2) Wieso fährt der Bus so selten?"]
KEPT = {
    "unter-einer-frage": (
        ["Was fehlt im Quartier?", ASKING[0], "Das fragen viele.", ASKING[1], "Die Älteren."],
        ["Was fehlt im Quartier?"] * 4,
    ),
    "tagesordnung": (
        ["1) Begrüßung", "- Vorstellungsrunde", "2) Was fehlt im Quartier?", "- Ein Arzt"],
        [None] * 4,
    ),
    "eine-reihe": ([*HEADS["titel-und-datum"], *ASKING, "Das klären wir später."], [None] * 3),
    "nicht-alle-fragen": (
        ["1) Was fehlt im Quartier?", "- Ein Arzt", "2) Mehr Bänke am Markt.", "- Am Rhein"],
        [None] * 4,
    ),
    "unter-einem-label": (
        ["Ideen:", "1) Was fehlt im Quartier?", "- Ein Arzt", "2) Was läuft gut?", "- Treff"],
        ["Ideen"] * 4,
    ),
}


@pytest.mark.parametrize("case", sorted(KEPT))
def test_numbered_items_that_are_no_guiding_questions_stay_as_they_were(
    tmp_path: Path, case: str
) -> None:
    lines, questions = KEPT[case]
    assert [asked for asked, _ in _read(tmp_path, lines)] == questions


SAID = (
    "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und Sofa am",
    "Marktplatz, nicht weit vom Jugendzentrum entfernt, sagen die Eltern.",
)


@pytest.mark.parametrize("mark", [".", ")"])
def test_a_numbered_question_wrapped_at_the_margin_is_one_question(
    tmp_path: Path, mark: str
) -> None:
    asked = "Welche Angebote für Kinder, Jugendliche und ältere Nachbarinnen und Nachbarn fehlen"
    lines = [f"1{mark} {asked} Ihnen im", "Quartier?", *SAID, f"2{mark} Was läuft gut?", "- Treff"]
    assert _read(tmp_path, lines) == [
        (f"{asked} Ihnen im Quartier?", " ".join(SAID)),
        ("Was läuft gut?", "Treff"),
    ]
    # a long item at full width stays apart from the question below it
    lines = ["Was fehlt im Quartier?", f"1{mark} {SAID[0]} Rhein", "Was läuft gut?", *SAID]
    assert _read(tmp_path, lines) == [
        ("Was fehlt im Quartier?", f"{SAID[0]} Rhein"),
        ("Was läuft gut?", " ".join(SAID)),
    ]
