"""A survey's open questions as the text of a table without a text column (pure).

A form tool's export (Google Forms, Microsoft Forms, LimeSurvey with question texts as
headers) has no column called "Text": each open question is a column headed by the
question itself ("Was fehlt Ihnen im Stadtteil?"), beside closed ones (the district, the
age group, a scale) and the tool's own columns (time, ID, e-mail). Such a table is read
without ``--text-column`` when its open questions are unmistakable (:func:`open_questions`
with ``strict``): every answer of each becomes a statement with its question, as with
``--text-column`` for each; the import names the columns it took. Where none is
unmistakable, the error names the likely ones (not strict) or the columns written in
sentences for the user to choose.

A question is a header ending in "?" or inviting a free answer (:func:`invites`: "Bitte
beschreiben Sie …", "Sonstige Anmerkungen"). Beside a column found by its name as the text
("Kommentar"), a form's questions ending in "?" are read too (:func:`questions_beside`);
a question typed above a table of one column is its rows' (:func:`question_above`).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.ingest.contact_questions import contact_by_answers
from workbench.ingest.html_text import plain_text
from workbench.ingest.personal_columns import (
    header_words,
    is_contact_column,
    is_location,
    is_other_person_column,
    is_person_column,
    is_role_column,
)
from workbench.ingest.table_columns import (
    find_group_columns,
    is_checkbox_question,
    no_text_column,
)
from workbench.ingest.table_districts import find_district_column
from workbench.ingest.table_missing import adds_nothing

QUESTION_LENGTH = 300  # segments.question holds 300 characters


def question_text(header: str) -> str:
    """A header as a question: plain text (a survey tool's HTML). Not cut here: a question
    over 300 characters is cut as every importer's is (``long_names.fitted_labels``).

    >>> question_text("<p><strong>Was fehlt?</strong>&nbsp;</p>")
    'Was fehlt?'
    """
    return plain_text(header).strip()


# The words of a rating scale's answers ("Stimme eher nicht zu", "Sehr zufrieden",
# "Weiß nicht"): a column answered only in them is a closed question, however long.
_SCALE = re.compile(
    r"^(?:(?:stimme|stimmt|trifft|voll|völlig|ganz|und|eher|überhaupt|gar|sehr|nicht|zu|"
    r"wenig|kaum|teils|teilweise|weder|noch|weiß|keine|angabe|zufrieden|unzufrieden|"
    r"wichtig|unwichtig|gut|schlecht|mittel|ja|nein|manchmal|oft|häufig|selten|nie|immer|"
    r"agree|disagree|strongly|somewhat|neither|nor|satisfied|dissatisfied|very|not|"
    r"yes|no|don't|know)\b[\s,/–-]*)+$",
    re.IGNORECASE,
)


_PERSONAL = (is_person_column, is_contact_column, is_location)  # by the header alone
_AFTERWORD = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")  # "(freiwillig)", "[optional]"


def asks(header: str) -> bool:
    """Whether a header asks a question: it ends in "?", also before a remark in brackets
    as forms add them.

    >>> asks("Was fehlt Ihnen? (Mehrfachnennung möglich)"), asks("Anmerkungen (optional)")
    (True, False)
    """
    return _AFTERWORD.sub("", header).rstrip().endswith("?")


# A form's open question written without "?": a request ("Bitte beschreiben Sie …",
# "Nennen Sie …", "Please describe …"), a question word ahead of two more words ("Was Ihnen
# im Stadtteil fehlt"), or a lead-in ending in ":" ("Das wünsche ich mir:").
REQUEST = re.compile(
    r"\bbitte\b|^(?:nennen|beschreiben|schildern|erläutern|erklären|begründen|teilen|"
    r"sagen|schreiben|notieren|ergänzen|geben|benennen|skizzieren)\s+sie\b"
    r"|^(?:please|describe|tell|explain|share)\b"
    r"|^(?:was|wie|wo|wann|warum|weshalb|wieso|welche[mnrs]?|wer|wen|wem|wofür|womit|"
    r"wodurch|worauf|woran|wozu|inwiefern|what|how|why|which|where|when)\s+\S+\s+\S+"
    r"|^\S+\s+\S+\s+.*:$",
    re.IGNORECASE,
)
# … or the name of a free answer ("Sonstige Anmerkungen", "Ihre Ideen",
# "Verbesserungsvorschläge"), as part of a header's (folded) word
_FREE_ANSWER = re.compile(
    r"anmerkung|anregung|bemerkung|kommentar|hinweis|idee|vorschlag|wunsch|feedback|"
    r"erganzung|begrundung|kritik|meinung|comment|remark|suggestion|idea"
)
# … but not one the staff writes ("Kommentar der Moderation", "Hinweis Verwaltung")
_STAFF_WORDS = frozenset("moderation verwaltung redaktion intern internal admin".split())


def invites(header: str) -> bool:
    """Whether a header invites a free answer: it asks a question (:func:`asks`), makes a
    request, or names a free answer — not the staff's remarks.

    >>> invites("Bitte beschreiben Sie, was Ihnen fehlt."), invites("Sonstige Anmerkungen")
    (True, True)
    >>> invites("Zeitstempel"), invites("Kommentar der Moderation"), invites("Notiz")
    (False, False, False)
    """
    if asks(header):
        return True
    words = header_words(header)
    if _STAFF_WORDS.intersection(words) or is_role_column(header):
        return False
    text = _AFTERWORD.sub("", header).strip()
    return bool(REQUEST.search(text)) or any(_FREE_ANSWER.search(w) for w in words)


def without_remark(question: str) -> str:
    """A question (:func:`invites`) without the remark in brackets a form adds after it.

    >>> without_remark("Was fehlt Ihnen? (freiwillig)"), without_remark("Alter (Jahre)")
    ('Was fehlt Ihnen?', 'Alter (Jahre)')
    >>> without_remark("Sonstige Anmerkungen (optional)")
    'Sonstige Anmerkungen'
    """
    return _AFTERWORD.sub("", question).rstrip() if invites(question) else question


def question_above(first: str, records: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether the first cell of a table of one column is the question of the cells below
    ("Was fehlt im Stadtteil?" typed above the cards of a card query): it asks, and at
    most a quarter of the cells below ask too (a list of questions has none above it).

    >>> question_above("Was fehlt?", [(2, ["Bänke"]), (3, ["Licht"])])
    True
    >>> question_above("Wer räumt auf?", [(2, ["Wann kommt der Bus?"]), (3, ["Bänke"])])
    False
    >>> question_above("Was fehlt?", [])  # nothing below: the question is all there is
    False
    """
    below = [str(c[0]).strip() for _, c in records if c and c[0] is not None and str(c[0]).strip()]
    short = asks(first) and len(first) <= QUESTION_LENGTH
    return short and bool(below) and sum(map(asks, below)) <= len(below) / 4


def _answers(records: Sequence[tuple[int, Sequence[Any]]], place: int) -> list[str]:
    """A column's answers with a letter in them (not "18-29", "3")."""
    cells = (str(f[place]).strip() for _, f in records if place < len(f) and f[place])
    return [a for a in cells if any(c.isalpha() for c in a)]


# A question about the respondent, answered in a word or two ("Wo wohnen Sie?", "Wie alt
# sind Sie?", "Geschlecht?"): closed, unless some answer is a sentence.
_ABOUT_RESPONDENT = re.compile(
    r"^\s*(?:wo|woher|wie alt|in welche[mnrs]?|aus welche[mnrs]?)\b"
    r"|\b(?:geschlecht|alter|wohnort|postleitzahl|plz|jahrgang|geburtsjahr)\b",
    re.IGNORECASE,
)


def is_open(answers: Sequence[str], strict: bool = False, question: str = "") -> bool:
    """Whether answers are an open question's: in sentences, or nearly all different, and
    not a checkbox question's lists of options. ``strict`` (read without being asked):
    also not options that repeat (a choice, a scale: five answers or more, at most half of
    them different), nor a rating scale's words only, and a ``question`` about the
    respondent (place, age, gender) only if some answer is a sentence.

    >>> is_open(["Ein Café am Markt", "Mehr Bänke"]), is_open(["Ja", "Nein", "Ja"])
    (True, False)
    >>> is_open(["Stimme eher nicht zu", "Stimme voll zu"], strict=True)
    False
    >>> is_open(["Leichlingen", "Burscheid"], True, "Wo wohnen Sie?")
    False
    """
    if not answers or is_checkbox_question(answers):
        return False
    distinct = len({a.casefold() for a in answers})
    sentences = any(len(a.split()) >= 3 for a in answers)
    if not (sentences or distinct > 0.8 * len(answers)):
        return False
    if not strict:
        return True
    repeated = len(answers) >= 5 and distinct <= 0.5 * len(answers)
    if repeated or all(_SCALE.match(a) for a in answers):
        return False
    return sentences or not _ABOUT_RESPONDENT.search(question)


def open_questions(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    labels: Mapping[str, str] | None = None,
    closed: Iterable[str] = (),
    strict: bool = False,
) -> list[str]:
    """The columns of a survey's open questions: headed (or labelled, by a survey tool's
    second header row) by a question ending in "?" or another invitation to answer freely
    (:func:`invites`; then answers that were written), answered as an open question
    (:func:`is_open`; answers with nothing to add left aside), not one of ``closed`` (the
    district question) nor asking for a name, a contact or a place ("Wie heißen Sie?":
    personal data, never a statement; a question that also asks for contact data is
    decided by its answers, :mod:`workbench.ingest.contact_questions`)."""
    labels, closed = labels or {}, set(closed)
    found = []
    for i, h in enumerate(header):
        asked = labels.get(h) or h
        if h in closed or not invites(asked) or _personal(h, asked, _cells(records, i)):
            continue
        # "Nein", "keine" under "Anmerkungen?" say nothing: the few remarks decide
        answers = [a for a in _answers(records, i) if not adds_nothing(asked, a)]
        if asks(asked) or _written(answers):
            found += [h] if is_open(answers, strict, asked) else []
    return found


def _personal(column: str, asked: str, cells: Sequence[str] = ()) -> bool:
    """Whether a column (or its question) asks for a name, a contact or a place; a question
    that also asks for contact data ("Haben Sie Anmerkungen? Dann bitte E-Mail angeben")
    only if its ``cells`` are mostly contact data (:func:`contact_by_answers`)."""
    heads = (column, asked)
    if any(f(c) for f in (is_person_column, is_location) for c in heads):
        return True
    return any(
        is_contact_column(c) if (v := contact_by_answers(c, cells)) is None else v for c in heads
    )


def _cells(records: Sequence[tuple[int, Sequence[Any]]], place: int) -> list[str]:
    """A column's non-empty cells, with no letter too ("0171 2345678")."""
    cells = (str(f[place]).strip() for _, f in records if place < len(f) and f[place])
    return [c for c in cells if c]


def _written(answers: Sequence[str]) -> bool:
    """Whether answers were written, not ticked: one of three words or more, and more than
    half of them different (not a consent's "Gelesen und akzeptiert" in every row)."""
    distinct = len({a.casefold() for a in answers})
    return distinct > len(answers) / 2 and any(len(a.split()) >= 3 for a in answers)


def statement_question(given: str | None, column: str, survey: bool, labels: dict) -> str | None:
    """A statement's question: the question column's, else a survey's column header, a
    column's label (a survey tool's second header row) or a header asking a question
    ("Was fehlt Ihnen?": a form's one open question)."""
    if given:
        return question_text(given)
    asked = survey or labels or asks(question_text(column))
    return without_remark(question_text(column)) if asked else None


def survey_text_columns(
    filename: str,
    header: list[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    labels: Mapping[str, str],
    districts: Sequence[str],
    table: tuple[str | None, list[str], str | None, bool, int],
) -> list[str]:
    """The open questions to read as text of a table without a text column, or the
    error of :func:`~workbench.ingest.table_columns.no_text_column` naming the likely ones.

    ``table`` is (sheet, sheets, a repeated "Frage" column, one column only, the header's
    row): a table of one column, or one whose "Frage" column repeats (a guiding
    question), is no survey. The error does not suggest a guiding question's, a
    workshop's or a role's column (:func:`find_group_columns`) as the text.
    """
    sheet, sheets, repeated, single, header_row = table
    asked = _place_questions(header, records, labels, districts)
    if not (single or repeated):
        found = open_questions(header, records, labels, asked, strict=True)
        if found:
            return found
    asked |= set(find_group_columns(header, records, asked, {}).values())
    likely = open_questions(header, records, labels, asked)
    written = [  # else the columns written in sentences ("Notiz", LimeSurvey's "G01Q02")
        h
        for i, h in enumerate(header)
        if not likely and h not in asked and not _personal(h, labels.get(h) or h)
        and not is_other_person_column(h)  # staff's names (Consul's "Administrator")
        and _written(answers := _answers(records, i)) and is_open(answers)
    ]  # fmt: skip
    found_in = (sheet, sheets, repeated, single, header_row)
    error = no_text_column(filename, header, found_in, likely, written)
    if _indicator_like(header, records, asked):
        error.message += (
            ". Die Tabelle sieht nach Indikatoren aus (ein Sozialraum und Zahlen je Zeile): "
            f"Indikatoren importiert workbench indicators --import {shlex.quote(filename)}, "
            "nicht workbench import (in einem Ordner mit Protokollen: die Datei aus dem "
            "Ordner nehmen)"
        )
    raise error


def _indicator_like(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], asked: set[str]
) -> bool:
    """Whether a table without text is a table of indicators: a column asks for the place
    and every other column holds numbers ("14,2", "1.234", "8 %") in every row."""
    others = [i for i, h in enumerate(header) if h not in asked]
    cells = [[str(f[i]).strip() for _, f in records if i < len(f) and f[i]] for i in others]
    if not asked or not others or not all(cells):
        return False
    return all(_NUMBER.match(cell) for column in cells for cell in column)


_NUMBER = re.compile(r"^[-–]?\d[\d.,]*\s*%?$")  # "14,2", "1.234", "8 %"


def _place_questions(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    labels: Mapping[str, str],
    districts: Sequence[str],
) -> set[str]:
    """The columns asking for the place: the district question (also one naming places
    outside the project in a few words), never an open question."""
    guess = find_district_column(header, records, districts, set(), labels)
    asked = {guess.column, *guess.ambiguous} - {None}
    for column in guess.unknown or {}:
        if all(len(a.split()) <= 3 for a in _answers(records, header.index(column))):
            asked.add(column)
    return asked


def questions_beside(
    text_column: str,
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    labels: Mapping[str, str],
    districts: Sequence[str],
) -> list[str]:
    """A form's open questions ending in "?" beside a column found by its name as the text
    ("Kommentar" after "Was fehlt Ihnen?" and "Was gefällt Ihnen?"): they and the text
    column, in the table's order — else none (a card wall's further columns stay
    attributes; a column only inviting an answer, "Anmerkungen", may be the moderation's)."""
    closed = _place_questions(header, records, labels, districts) | {text_column}
    found = open_questions(header, records, labels, closed, strict=True)
    asked = {h for h in found if asks(labels.get(h) or h)}
    return [h for h in header if h in asked or h == text_column] if asked else []
