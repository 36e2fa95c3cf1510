"""A sheet of questions one below the other (Mentimeter's results): a title row, then a
block per question — the question, its answers one per row, an empty row.

Such a sheet has no header row of columns: :func:`question_blocks` reads it as a table
of two columns, :data:`QUESTION` and :data:`ANSWER`, one row per answer (with its row in
the sheet), which the table import then reads with every rule of a table. A block's
rows with more than one cell (a multiple-choice option and its votes) are results, not
answers; a row naming the kind of question ("Open Ended", "Word Cloud") is neither. In a
block of a kind answered in words (a word cloud, open ended, Q&A), a row of a text and a
number is an answer and how often it was given (or its votes): :data:`COUNT`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.ingest.common import cell_text
from workbench.ingest.personal_columns import header_key

QUESTION = "Frage"
ANSWER = "Antwort"
COUNT = "Anzahl"
# Kinds of question a block may name below its question (header_key): not an answer.
_KINDS = frozenset(
    """openended openendedquestion wordcloud multiplechoice scales scale ranking qa qanda
    quiz quizcompetition typeanswer pinonimage numberquestion offen offenefrage
    offeneantwort offeneantworten wortwolke mehrfachauswahl skala skalen rangfolge""".split()
)
_WORDS = frozenset(  # kinds answered in words
    """openended openendedquestion wordcloud qa qanda typeanswer offen offenefrage
    offeneantwort offeneantworten wortwolke""".split()
)


@dataclass(frozen=True)
class Blocks:
    """A sheet of question blocks as a table: its header, rows and results left out."""

    header: list[str]
    rows: list[tuple[int, list[Any]]]
    results: int  # rows of closed questions' results (an option and its votes)


def _cells(cells: Sequence[Any]) -> list[str]:
    return [text for cell in cells if (text := cell_text(cell))]


def question_blocks(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]]
) -> Blocks | None:
    """The answers of a sheet of question blocks, or None if it is none: its first row
    is one cell (the title), and blocks after an empty row ask questions ("…?") answered
    in rows of their own: two such blocks, or one naming its kind ("Open Ended").

    >>> rows = [(2, []), (3, ["Was fehlt?"]), (4, ["Open Ended"]), (5, ["Ein Café"])]
    >>> question_blocks(["Forum Wiesdorf"], rows).rows
    [(5, ['Was fehlt?', 'Ein Café'])]
    """
    if len(_cells(header)) != 1:
        return None
    rows: list[tuple[int, list[Any]]] = []
    question: str | None = None
    asked = results = kinds = 0
    after_empty = worded = False
    for row, cells in records:
        values = _cells(cells)
        if not values:
            question, after_empty, worded = None, True, False
        elif question is None:  # a block's first row: its question
            question = values[0]
            asked += after_empty and question.endswith("?")
        elif worded and len(values) == 2 and values[1].isdigit():  # a word and its count
            rows.append((row, [question, values[0], int(values[1])]))
        elif len(values) > 1:
            results += 1
        elif header_key(values[0]) in _KINDS:
            kinds += 1
            worded = header_key(values[0]) in _WORDS
        else:
            rows.append((row, [question, values[0], None]))
    # one question with the kind of it named, or two: not a column of notes with a gap
    if not rows or not (asked > 1 or (asked and kinds)):
        return None
    if all(cells[2] is None for _, cells in rows):
        return Blocks([QUESTION, ANSWER], [(row, cells[:2]) for row, cells in rows], results)
    return Blocks([QUESTION, ANSWER, COUNT], rows, results)
