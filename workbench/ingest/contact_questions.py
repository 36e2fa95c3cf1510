"""Survey columns whose head asks a free question and for contact data at once.

"Haben Sie Anmerkungen? Dann bitte E-Mail angeben" or "Ihre Anregungen – gerne mit
Telefonnummer für Rückfragen" asks for comments and for an e-mail address or a phone
number: its header alone (:func:`~workbench.ingest.personal_columns.is_contact_column`)
cannot say whether the answers are comments or contact data. Its answers decide
(:func:`contact_by_answers`): mostly e-mail addresses, phone numbers or names only — contact
data, not stored; otherwise the column is an open question, its contact data replaced at
import as in every text ([E-Mail], [Telefon]). Beside a text column named with
``--text-column`` the answers decide the same way (:func:`contact_answer_columns`): comments
stay an attribute, as any other open answer there. A head that asks for contact data to invite
or inform ("Möchten Sie eingeladen werden? Dann bitte E-Mail angeben", "Wünschen Sie
Informationen?", "Newsletter") or names contact only ("E-Mail", "Kontaktdaten") stays a
contact column whatever its answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.personal_columns import header_key, is_contact_column
from workbench.ingest.pii_emails import email_spans

# The name of a free answer as part of a header's (folded) word ("Anmerkungen",
# "Verbesserungsvorschläge", "Your comments"); "Rückfragen" is the contact's purpose
_FREE_ANSWER = re.compile(
    r"anmerkung|anregung|bemerkung|kommentar|hinweis|idee|vorschlag|wunsch|feedback|"
    r"erganzung|kritik|meinung|fragen|comment|remark|suggestion|idea"
)
_NOT_FREE = frozenset("ruckfragen rueckfragen".split())
# Words of a request to invite, inform or send something: the contact data is the point
# ("Wünschen Sie weitere Informationen?", "Möchten Sie den Newsletter erhalten?")
_INVITING = re.compile(
    r"einlad|eingeladen|informiert|informier|information|infos?$|newsletter|benachrichtig|"
    r"verteiler|mailingliste|verlosung|gewinnspiel|laufenden|ergebnisse?$|zusend|zugeschickt|"
    r"schicken|ruckmeldung|invit|inform|results?$|updates?$|receive|erhalten|teilnehm"
)
# A question word opening a sentence that asks freely ("Was fehlt Ihnen im Viertel?"),
# not how or where we reach the respondent
_W_WORDS = frozenset("was welche welcher welchen wo warum wie what which why how".split())
_REACHING = frozenset("erreichen erreichbar kontaktieren reach contact".split())
_CONTACT_WORDS = frozenset(
    "email emailadresse mailadresse emailaddress mail telefon telefonnummer telnr tel "
    "handynummer mobilnummer phone phonenumber kontakt kontaktdaten contact".split()
)

# Looser than pii_patterns' phone numbers, which ask for a cue or a number's shape in a
# sentence ("Tel.", "0214 …"): here a cell that holds only digits, blanks and dashes beside
# at most a few words of contact ("0171 2345678", "2345678") is a number given to be reached
# by, and a cell that says more is no contact answer anyway (is_contact_answer).
_PHONE = re.compile(r"(?<!\w)\+?\(?\d[\d\s/().-]{4,}\d(?!\w)")
_WORD = re.compile(r"[^\W\d_]+")
# Words of a request beside a contact word: "gerne mit E-Mail für Rückfragen"
_REQUEST = frozenset(
    "bitte gerne gern angeben angabe eintragen fur ruckfragen rueckfragen nachfragen please "
    "provide optional freiwillig".split()
)
# Words beside an address or a number in an answer that gives only contact data ("ja,
# gerne: anna@…", "Tel. 0214 …", "per Mail an …")
_BESIDE = frozenset(
    "ja gerne bitte gern tel telefon telefonnummer fon handy mobil mobilnummer email mail "
    "emailadresse e per an unter oder und bzw nr privat dienstlich phone yes please or and "
    "at via mailto".split()
)


def _sentences(header: str) -> list[list[str]]:
    """A header's sentences (split after "?", "!", ".", ":" and a dash) as folded words."""
    parts = re.split(r"(?<=[?!.:])\s+|\s[–—-]\s|[(\[]|[)\]]", header)
    return [[k for w in _WORD.findall(p) if (k := header_key(w))] for p in parts if p.strip()]


def asks_freely(header: str) -> bool:
    """Whether a header asks a free question — comments, ideas, wishes, a question of the
    study — in a sentence that is no request to invite or inform and names no contact data.

    >>> asks_freely("Haben Sie Anmerkungen? Dann bitte E-Mail angeben")
    True
    >>> asks_freely("Wünschen Sie weitere Informationen? Dann bitte E-Mail angeben")
    False
    >>> asks_freely("Möchten Sie eingeladen werden? Dann bitte E-Mail angeben")
    False
    """
    for words in _sentences(header):
        if any(_INVITING.search(w) for w in words):
            continue
        if any(_FREE_ANSWER.search(w) and w not in _NOT_FREE for w in words):
            return True  # "Haben Sie Anmerkungen?", "Kommentar / E-Mail"
        opens = words[:1] and words[0] in _W_WORDS
        if opens and not set(words) & (_REACHING | _CONTACT_WORDS) and len(words) >= 3:
            return True  # "Was fehlt Ihnen im Viertel?"
    return False


def asks_for_contact(header: str) -> bool:
    """Whether a sentence of a header, or its bracket, asks for an e-mail address or a phone
    number beside the question: a contact word with a request ("gerne mit E-Mail für
    Rückfragen", "Für Rückfragen bitte Telefon"), not a question about contact ("Wie
    erreichen Sie die Verwaltung: Telefon, E-Mail?").

    >>> asks_for_contact("Anmerkungen (gerne mit E-Mail für Rückfragen)")
    True
    >>> asks_for_contact("Was halten Sie von der Telefon-Hotline?")
    False
    """
    return any(
        set(words) & _CONTACT_WORDS and set(words) & _REQUEST and words[0] not in _W_WORDS
        for words in _sentences(header)
        if words
    )


def is_mixed_contact_question(header: str) -> bool:
    """Whether a head asks a free question and for contact data, by its words or aside
    ("Anmerkungen (gerne mit E-Mail für Rückfragen)"): its answers decide."""
    return asks_freely(header) and (is_contact_column(header) or asks_for_contact(header))


def is_contact_answer(answer: str) -> bool:
    """Whether an answer gives only contact data: e-mail addresses, phone numbers, a name
    beside them or alone ("Anna Brandt, anna@example.org", "Tel. 0214 40 66 12").

    >>> is_contact_answer("ja, gerne: erika.muster@example.org"), is_contact_answer("Mehr Bänke")
    (True, False)
    >>> is_contact_answer("Der Park ist dunkel, Rückmeldung an anna@example.org")
    False
    """
    spans = sorted(email_spans(answer))  # the project's rule: "anna at web punkt de" too
    mailless = "".join(
        answer[start:end] if keep else " " for start, end, keep in _pieces(len(answer), spans)
    )
    data = bool(spans or _PHONE.search(answer))
    rest = _PHONE.sub(" ", mailless)
    words = [w for w in _WORD.findall(rest) if fold(w) not in _BESIDE]
    if not words:
        return data
    if len(words) > 4 or not all(w[:1].isupper() for w in words):
        return False
    names = gazetteer()
    return names.has_first(words[0]) and all(names.has_first(w) or names.has_last(w) for w in words)


def _pieces(size: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """A text of ``size`` characters cut at ``spans``: (start, end, outside a span)."""
    out, at = [], 0
    for start, end in spans:
        if start >= at:
            out += [(at, start, True), (start, end, False)]
            at = end
    return [*out, (at, size, True)]


def contact_by_answers(header: str, answers: Iterable[str]) -> bool | None:
    """Whether a mixed column (:func:`is_mixed_contact_question`) holds contact data: more
    than half of its non-empty answers give only contact data (none: contact, as its head
    says). None for any other header: its header decides."""
    if not is_mixed_contact_question(header):
        return None
    given = [a.strip() for a in answers if a and a.strip()]
    return not given or sum(map(is_contact_answer, given)) > len(given) / 2


def mixed_contact_columns(columns: Iterable[str], labels: Mapping[str, str]) -> list[str]:
    """The columns among ``columns`` (read as open questions) whose head, or label, also
    asks for contact data: kept for their answers, their contact data replaced."""
    return [c for c in columns if any(map(is_mixed_contact_question, (c, labels.get(c) or c)))]


def contact_answer_columns(
    columns: Iterable[tuple[str, int]],
    labels: Mapping[str, str],
    records: Sequence[tuple[int, Sequence[Any]]],
) -> list[str]:
    """The attribute columns (header, place) of a table whose head, or label, asks for
    comments and contact data and whose answers (``records``) are mostly contact data: not
    stored, as a survey's such column is not read as a question. One whose answers are
    comments stays an attribute, its contact data replaced, as any other open answer beside
    a named text column."""
    found = []
    for header, place in columns:
        cells = [str(f[place]) for _, f in records if place < len(f) and f[place] is not None]
        heads = (header, labels.get(header) or header)
        if any(contact_by_answers(head, cells) for head in heads):
            found.append(header)
    return found
