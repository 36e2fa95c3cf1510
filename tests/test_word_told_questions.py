"""Told questions in Word, LibreOffice and Markdown protocols (session 41; each test of the
first kind failed on the code before): a question someone asked, told in a paragraph
above a bare answer label ("Eine Anwohnerin fragte: Wann kommt der Radweg?" / "Ergebnis:"
/ a list), became the list's question and was lost as a statement. It is a statement now,
as in a PDF (:func:`workbench.ingest.answer_lines.reported`); the moderation's question
told the same way ("Die Moderatorin fragte: Was fehlt?") still heads the answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_word_answer_heads import _docx, _odt
from workbench.core.domain import InputError
from workbench.ingest import parse_file
from workbench.ingest.answer_lines import reported

ANSWERS = ["Ein Arzt im Viertel", "Ein Café am Markt"]
FIRST = ("Was läuft gut?", ["Der Wochenmarkt", "Die Stadtbücherei"])
HEAD = [("p", "Stadtteilrunde Manfort"), ("p", "Datum: 12.03.2021")]
TOLD = [
    "Eine Anwohnerin fragte: Wann kommt der Radweg?",
    "Die Jugendlichen fragen: Wo können wir uns treffen?",
    "Ein Teilnehmer wollte von der Moderation wissen: Wer entscheidet das?",
    "Eine Anwohnerin fragte die Moderatorin: Wer ist zuständig?",
    "Wir Eltern fragen: Wo sollen die Kinder spielen?",
]
GUIDING = [
    "Die Moderatorin fragte: Was fehlt im Quartier?",
    "Zum Schluss fragte die Moderatorin: Was wünschen Sie sich?",
    "Im Anschluss fragen wir: Was läuft gut?",
    "Wo fühlen Sie sich wohl?",
]


def _markdown(path: Path, blocks: list[tuple]) -> Path:
    lines = []
    for kind, text, *_ in blocks:
        if kind == "list":
            lines += [f"- {item}" for item in text]
        else:
            lines.append(f"## {text}" if kind == "h1" else text)
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


WRITERS = {"docx": _docx, "odt": _odt, "md": _markdown}


def _blocks(headed: bool, asked: str) -> list[tuple]:
    """A protocol with ``asked`` above "Ergebnis:" over a list: under a heading, or (no
    headings) after a first question with its own list, as in a protocol's middle."""
    above = (
        [("h1", "Bedarfe im Quartier")] if headed else [("p", FIRST[0]), ("list", FIRST[1], False)]
    )
    return [*HEAD, *above, ("p", asked), ("p", "Ergebnis:"), ("list", ANSWERS, False)]


def _read(tmp_path: Path, suffix: str, blocks: list[tuple]) -> list[tuple[str | None, str]]:
    path = WRITERS[suffix](tmp_path / f"runde.{suffix}", blocks)
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("headed", [False, True])
@pytest.mark.parametrize("told", TOLD)
def test_a_question_told_above_an_answer_label_is_a_statement(
    tmp_path: Path, suffix: str, headed: bool, told: str
) -> None:
    said = _read(tmp_path, suffix, _blocks(headed, told))
    before = "Bedarfe im Quartier" if headed else FIRST[0]
    assert (before, told) in said  # kept as what was said, under the question above it
    answers = [question for question, text in said if text in ANSWERS]
    assert len(answers) == 2 and told not in answers  # the list is not its answers


# Guiding questions that ask the round themselves, read as told by session 41's first
# version of this rule (a verb "sagen"/"wissen" without "wir" before it): they lost the
# answers below them, and as the first question of a document without headings they
# stopped its import. Each case failed on that code.
ADDRESSING = [
    "Können Sie sagen, wo Ihnen etwas fehlt?",
    "Würden Sie sagen, dass der Park sicher ist?",
    "Könnt ihr sagen, was euch fehlt?",
    "Möchten Sie noch etwas sagen?",
    "Bitte sagen Sie uns: Was fehlt im Quartier?",
    "Die Teilnehmenden sollten sagen: Was fehlt ihnen?",
]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("headed", [False, True])
@pytest.mark.parametrize("asked", GUIDING + ADDRESSING)
def test_the_moderations_question_above_an_answer_label_still_heads_the_answers(
    tmp_path: Path, suffix: str, headed: bool, asked: str
) -> None:
    said = _read(tmp_path, suffix, _blocks(headed, asked))
    assert [(q, t) for q, t in said if t in ANSWERS] == [(asked, a) for a in ANSWERS]
    assert all(text != asked for _, text in said)


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_told_question_before_any_guiding_question_stops_as_other_text_there(
    tmp_path: Path, suffix: str
) -> None:
    """Without headings the first label over a list is the first guiding question; text
    above it that is no title or detail stops the import with the paragraph's number, as
    a statement there does (it was the answers' question before)."""
    path = WRITERS[suffix](tmp_path / f"runde.{suffix}", [*HEAD, *_blocks(True, TOLD[0])[3:]])
    with pytest.raises(InputError, match="Absatz 3: Das Dokument hat keine Überschriften"):
        parse_file(path)


@pytest.mark.parametrize("suffix", ["docx", "odt"])
@pytest.mark.parametrize("asked", ADDRESSING)
def test_a_question_asking_the_round_first_in_a_document_without_headings_imports(
    tmp_path: Path, suffix: str, asked: str
) -> None:
    """Title, date, the question, "Ergebnis:" and a list: the question is the first guiding
    question, no text before one that stops the import."""
    blocks = [*HEAD, ("p", asked), ("p", "Ergebnis:"), ("list", ANSWERS, False)]
    said = _read(tmp_path, suffix, blocks)
    assert said == [(asked, a) for a in ANSWERS]


@pytest.mark.parametrize(
    "told",
    [*TOLD, "Ein Vater meinte: Wer zahlt das?", "Die Eltern wollten wissen: Wann öffnet er?"],
)
def test_told_questions_stay_told_beside_the_rounds_own(told: str) -> None:
    """The readers' and the round's own questions are no told ones; those told stay told."""
    assert reported(told)
    assert not any(reported(asked) for asked in ADDRESSING)
