"""A live Q&A's export (Slido, frag.jetzt): the audience's questions are the statements.

Such an export has the audience's questions ("Frage", "Question"), their votes and the
moderation's answer beside them ("Antwort", "Reply"; many left empty). The answer column
is found first by its header (:data:`workbench.ingest.table_columns.TEXT_HEADERS`), which
made the few answers the statements and skipped the unanswered questions as empty rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workbench.ingest.common import cell_at
from workbench.ingest.personal_columns import header_key
from workbench.ingest.table_columns import QUESTION_HEADERS, column_language

_ANSWER_HEADERS = frozenset("antwort antworten answer answers reply replies".split())
_VOTE_HEADERS = frozenset(
    "votes vote upvotes likes stimmen bewertung bewertungen score punkte".split()
)


def audience_questions(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], text_column: str
) -> str | None:
    """The column of a Q&A's questions if ``text_column`` (found by its header) is the
    moderation's answer to them: a column "Frage"/"Question" asked anew in every row and
    a column of votes beside (an interview's "Frage | Antwort" has no votes).

    >>> rows = [(2, ["Wann kommt der Bus?", "", "3"]), (3, ["Wer hilft?", "Das Amt.", "1"])]
    >>> audience_questions(["Frage", "Antwort", "Bewertung"], rows, "Antwort")
    'Frage'
    """
    if header_key(column_language(text_column)[0]) not in _ANSWER_HEADERS:
        return None
    if not any(header_key(h) in _VOTE_HEADERS for h in header):
        return None
    for i, column in enumerate(header):
        if header_key(column) in QUESTION_HEADERS:
            asked = [cell_at(cells, i) for _, cells in records]
            return column if all(asked) and len(set(asked)) == len(asked) else None
    return None
