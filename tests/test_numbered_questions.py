"""A question typed as a numbered item — "1. Was fehlt im Quartier?" over its answers
(bullets or paragraphs), then "2. Was läuft gut?" over its own — stopped the import of a
Word or LibreOffice protocol without headings ("Text vor der ersten Leitfrage …"), or
kept the number in the question ("2) Was läuft gut?"). Such numbered questions are the
guiding questions now; numbered items under a real question ("Was fehlt?" over "1. Warum
gibt es keinen Treff?"), a run of numbered items and agenda items stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_word_answer_heads import WRITERS
from workbench.ingest import parse_file
from workbench.ingest.word_head import Paragraph, numbered_questions

ASKED = ["Was fehlt im Quartier?", "Was läuft gut?"]
ANSWERS = [["Ein Arzt im Viertel", "Ein Café am Markt"], ["Der Treff", "Die Bibliothek"]]
HEADS = {
    "ohne": [],
    "titel-und-datum": [("p", "Stadtteilrunde Manfort"), ("p", "Datum: 12.03.2021")],
    "titel-formatiert": [("title", "Stadtteilrunde Manfort")],
}
STYLES = {
    "aufzaehlung": lambda answers: [("list", answers, False)],
    "getippt": lambda answers: [("p", f"- {answer}") for answer in answers],
    "absaetze": lambda answers: [("p", answer) for answer in answers],
}


def _read(tmp_path: Path, suffix: str, blocks: list[tuple]) -> list[tuple[str | None, str]]:
    path = WRITERS[suffix](tmp_path / f"runde.{suffix}", blocks)
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("head", sorted(HEADS))
@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("mark", [".", ")"])
def test_numbered_questions_over_their_answers_are_the_guiding_questions(
    tmp_path: Path, suffix: str, head: str, style: str, mark: str
) -> None:
    blocks = list(HEADS[head])
    for number, (asked, answers) in enumerate(zip(ASKED, ANSWERS, strict=True), start=1):
        blocks += [("p", f"{number}{mark} {asked}"), *STYLES[style](answers)]
    assert _read(tmp_path, suffix, blocks) == [
        (asked, answer) for asked, answers in zip(ASKED, ANSWERS, strict=True) for answer in answers
    ]


ASKING = [
    "1. Warum gibt es keinen Treff?",
    "2. Wieso fährt der Bus so selten?",
    "3. Mehr Bänke am Markt.",
]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_numbered_questions_under_a_question_are_its_answers(tmp_path: Path, suffix: str) -> None:
    blocks = [("p", "Was fehlt im Quartier?"), *(("p", item) for item in ASKING)]
    assert _read(tmp_path, suffix, blocks) == [
        ("Was fehlt im Quartier?", item[3:]) for item in ASKING
    ]
    blocks = [("p", "Was fehlt im Quartier?"), ("p", ASKING[0]), ("p", "Das fragen viele.")]
    blocks += [("p", ASKING[1]), ("p", "Das fragen die Älteren.")]
    assert [asked for asked, _ in _read(tmp_path, suffix, blocks)] == ["Was fehlt im Quartier?"] * 4


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_run_of_numbered_questions_below_answers_stays_answers(
    tmp_path: Path, suffix: str
) -> None:
    blocks = [("p", "Stadtteilrunde"), ("p", "Datum: 12.03.2021"), ("p", "Offene Fragen:")]
    blocks += [("p", "1. Wer zahlt den Umbau?"), ("p", "2. Wann geht es los?")]
    assert _read(tmp_path, suffix, blocks) == [
        ("Offene Fragen", "Wer zahlt den Umbau?"),
        ("Offene Fragen", "Wann geht es los?"),
    ]


def test_agenda_items_and_numbered_statements_stay_text() -> None:
    agenda = ["Stadtteilrunde", "Datum: 12.03.2021", "1. Begrüßung", "Alle stellen sich vor."]
    agenda += ["2. Was fehlt im Quartier?", "Ein Arzt im Viertel."]
    statements = ["1. Mehr Bänke.", "Am Markt.", "2. Ein Café?", "Oder ein Treff."]
    for texts in (agenda, statements):
        paragraphs = [Paragraph(text) for text in texts]
        assert numbered_questions(paragraphs) == paragraphs


TEXT_HEADS = {"ohne": "", "titel": "Stadtteilrunde Manfort\nDatum: 12.03.2021\n\n"}
TEXT_HEADS["markdown-titel"] = "# Stadtteilrunde Manfort\n\nDatum: 12.03.2021\n\n"


def _read_text(tmp_path: Path, suffix: str, text: str) -> list[tuple[str | None, str]]:
    path = tmp_path / f"runde.{suffix}"
    path.write_text(text, encoding="utf-8")
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("suffix", ["txt", "md"])
@pytest.mark.parametrize("head", sorted(TEXT_HEADS))
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("mark", [".", ")"])
def test_text_numbered_questions_over_their_answers_are_the_guiding_questions(
    tmp_path: Path, suffix: str, head: str, gap: str, mark: str
) -> None:
    text = TEXT_HEADS[head]
    for number, (asked, answers) in enumerate(zip(ASKED, ANSWERS, strict=True), start=1):
        text += f"{number}{mark} {asked}{gap}" + gap.join(f"- {a}" for a in answers) + "\n\n"
    assert _read_text(tmp_path, suffix, text) == [
        (asked, answer) for asked, answers in zip(ASKED, ANSWERS, strict=True) for answer in answers
    ]
    text = TEXT_HEADS[head] + f"1{mark} {ASKED[0]}\n\nEin Arzt fehlt.\n\n2{mark} {ASKED[1]}\n\n"
    text += "Der Treff läuft gut.\n"
    assert _read_text(tmp_path, suffix, text) == [
        (ASKED[0], "Ein Arzt fehlt."),
        (ASKED[1], "Der Treff läuft gut."),
    ]


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_text_numbered_items_under_a_question_or_an_agenda_stay_as_they_were(
    tmp_path: Path, suffix: str
) -> None:
    under = "Was fehlt im Quartier?\n" + "\n".join(ASKING) + "\n"
    assert _read_text(tmp_path, suffix, under) == [
        ("Was fehlt im Quartier?", item[3:]) for item in ASKING
    ]
    answered = (
        f"Was fehlt im Quartier?\n{ASKING[0]}\n- seit 2019 zu\n{ASKING[1]}\n- nur stündlich\n"
    )
    assert {asked for asked, _ in _read_text(tmp_path, suffix, answered)} == {
        "Was fehlt im Quartier?"
    }
    agenda = "Stadtteilrunde\nDatum: 12.03.2021\n\n1. Begrüßung\n- Vorstellungsrunde\n"
    agenda += "2. Was fehlt im Quartier?\n- Ein Arzt\n"
    assert {asked for asked, _ in _read_text(tmp_path, suffix, agenda)} == {None}
