"""Names of things — a document's file name and title, a workshop's name, a document-name
column, a code's description — pseudonymised like statements (pure).

A tester names files and workshops after people: "Interview mit Anna Schmidt",
"Protokoll_Frau_Kowalski.docx", "Gespräch Herr Yilmaz". The writer pseudonymises such a
name with the project's key and the file's name list, after the file's texts, so the
same person gets the same placeholder as in the texts (the key is by surname, and a
person the texts named is known to the key: "Interview Demirtaş"). As for a REFI-QDA
source name (:class:`workbench.exchange.people.NameGuard`), listed names go first
("Interview Demirtaş" keeps its first word when "Demirtaş" is listed), then the name is
read like a sentence. Underscores separate words in a file name ("Protokoll_Frau_Kowalski"
→ "Protokoll_[Person 2]"), and a name all in lower case is read with capitals
("interview_sabine_krueger.txt" → "interview_[Person 3].txt"); what is not a name stays
as written ("Workshop Manfort 2021", "beteiligung_rheindorf.xlsx"), and a placeholder in
a name stays (the writer may see a name an exchange import already pseudonymised).

A table column that names the document a row comes from ("Dokumentname", "Dateiname",
"Document", "Quelldatei", …: :func:`is_document_name_column`) holds such a name too: its
values get the same treatment (:func:`document_name_attributes`), before the column rules
of :mod:`workbench.ingest.personal_columns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from workbench.coding.codebook import CodeSpec
from workbench.core.domain import ParsedDocument
from workbench.core.progress import statement_bar
from workbench.core.typed_text import file_label
from workbench.ingest.comment_authors import is_comment_column, replace_comment_authors
from workbench.ingest.contact_questions import is_mixed_contact_question
from workbench.ingest.field_memo import FieldMemo
from workbench.ingest.key_growth import learned_words, shows
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import ARTICLES, CALENDAR
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.personal_columns import header_key, safe_attributes
from workbench.ingest.pseudonymise import PLACEHOLDERS, Pseudonymiser

# Headers (header_key form) of a column naming the document, file or source of a row.
DOCUMENT_NAME_HEADERS = frozenset(
    """
    dokument dokumentname dokumentnamen dokumenttitel dokumentenname datei dateiname
    dateinamen dateititel document documentname documenttitle docname filename filetitle
    quellenname quelldatei sourcename sourcefile transkriptname protokollname
    protokolltitel interviewname interviewtitel
    """.split()
)


_WORD = re.compile(r"[^\W\d_]+")
# Words of a file's make, copy or state that are also first names somewhere ("Sys", "Edit",
# "Bak"): in a name of a file ("zoom_sys.vtt", "edit_alt.docx") they are no person
_FILE_LABELS = frozenset(
    """
    sys tmp temp bak backup log cfg conf dev prod test final neu neue alt alte kopie copy
    export import transcript transkript chat meeting rec recording audio video teams zoom
    webex jitsi entwurf draft version fertig old new aktuell korr korrigiert bearbeitet
    edit edited roh raw orig original clean anon mitschrift notiz notizen auto sync part
    untertitel captions aufnahme
    """.split()
)
_EXTENSION = re.compile(r"\.\w{1,5}$")  # ".csv", ".xlsx"


def _replace_names(
    pseudonymiser: Pseudonymiser, text: str, names: Sequence[str], prose: bool
) -> str:
    """``text`` with the hits found where underscores are spaces, replaced in place."""
    spaced = text.replace("_", " ")  # same length: the hits' offsets hold for ``text``
    lower = not any(ch.isupper() for ch in text)
    # one word in lower case is a file's label ("sep.csv", "mark.xlsx"), not a first name;
    # a person the key knows from the texts still is ("tom.docx" after "Tom sagt …")
    label = prose and lower and len(_WORD.findall(_EXTENSION.sub("", text))) == 1
    if lower:
        # "interview_sabine_krueger.txt": a name written all in lower case is read with
        # capitals, as it would be written in a sentence
        capitalised = _WORD.sub(lambda m: m.group()[:1].upper() + m.group()[1:], spaced)
        if len(capitalised) == len(spaced):
            spaced = capitalised
    hits = pseudonymiser.detect(spaced, names, prose)
    if not prose:
        # a listed "Hans-Peter" (of Hans-Peter Müller-Lüdenscheidt) opening a longer name
        # ("Werkstatt_Hans-Peter_Müller.md") is that whole name: "Müller" must not stay
        wider = {h.start: h for h in pseudonymiser.detect(spaced, names) if h.kind == "person"}
        hits = [
            wider[h.start] if h.kind == "person" and h.end < wider.get(h.start, h).end else h
            for h in hits
        ]
    out: list[str] = []
    cursor = 0
    for hit in hits:
        if (
            hit.kind == "person"
            and ("person", hit.key) not in pseudonymiser.known
            and (label or _only_file_labels(spaced[hit.start : hit.end]))
        ):
            continue
        if hit.start < cursor:
            continue  # inside the wider name before it
        out.append(text[cursor : hit.start])
        original = spaced[hit.start : hit.end]
        if hit.kind == "person":
            out.append(pseudonymiser.person(hit.key, original))
        else:
            out.append(pseudonymiser.fixed(hit.kind, original, PLACEHOLDERS[hit.kind]))
        cursor = hit.end
    out.append(text[cursor:])
    return "".join(out)


def _only_file_labels(found: str) -> bool:
    """Whether a name found in a thing's name is only words of a file's make or state."""
    return all(fold(w) in _FILE_LABELS for w in _WORD.findall(found))


def pseudonymise_name(pseudonymiser: Pseudonymiser, text: str, names: Sequence[str]) -> str:
    """A name of a thing pseudonymised: listed names first, then read like a sentence."""
    if not text or not text.strip():
        return text
    listed = _replace_names(pseudonymiser, text, names, prose=False)
    return _known_people(pseudonymiser, _replace_names(pseudonymiser, listed, names, prose=True))


def stored_file_name(pseudonymiser: Pseudonymiser, name: str, names: Sequence[str]) -> str:
    """A document's file name as the project stores it: on one line without control
    characters (:func:`~workbench.core.typed_text.file_label`), then pseudonymised as a name
    of a thing; also how a name given before import is looked up (decision 019)."""
    return pseudonymise_name(pseudonymiser, file_label(name), names)


_NAME_WORD = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*")


def _known_people(pseudonymiser: Pseudonymiser, text: str) -> str:
    """``text`` with every word the key holds as a person replaced by that person's
    placeholder ("Protokoll_Kleinhempel.md" after "Herr Thomas Kleinhempel sagt …"): the
    name rules find a key's surname alone only if a name list knows it."""
    known = pseudonymiser.known

    def person(m: re.Match[str]) -> str:
        word = m.group()
        if _a_thing(text, m):
            return word
        found = known.get(("person", word.lower()))  # "Öztürk-Weber", else each part
        return found or "-".join(known.get(("person", w.lower()), w) for w in word.split("-"))

    return _NAME_WORD.sub(person, text)


_WORD_BEFORE = re.compile(r"(?:^|[^\w])([^\W\d_]+\.?)[\s_]+$")
_YEAR_AFTER = re.compile(r"[\s_-]*(?:19|20)\d\d(?!\d)")
# Words of a time before a year ("Sommer_2024.md", "Mai 2023"); "Koch_2", "Sommer_1" number a
# person's interview.
_TIME_WORDS = CALENDAR | frozenset("sommer winter herbst fruhling fruhjahr".split())


def _a_thing(text: str, m: re.Match[str]) -> bool:
    """Whether a word the key holds as a person names a thing here, as in a statement: a
    German noun after an article or a contracted preposition ("Was fehlt im Sommer?", "Im
    Sommer"; not "der Becker"), or a season or month before a year ("Sommer_2024.md",
    "Winter 2023"; not "Interview_Koch_1.docx", "Interview_Sommer_1.docx")."""
    word = fold(m.group())
    before = _WORD_BEFORE.search(text, 0, m.start())
    if before and (before[1].lower() in ARTICLES or fold(before[1]) in ARTICLES):
        return is_german_noun(word)
    return bool(_YEAR_AFTER.match(text, m.end())) and word in _TIME_WORDS


def is_document_name_column(header: str) -> bool:
    """Whether a column names the document, file or source a row comes from."""
    return header_key(header) in DOCUMENT_NAME_HEADERS


def document_name_attributes(
    pseudonymiser: Pseudonymiser, attributes: Mapping[str, Any], names: Sequence[str]
) -> dict[str, Any]:
    """``attributes`` with the values of document-name columns pseudonymised as names."""
    return {
        key: pseudonymise_name(pseudonymiser, value, names)
        if isinstance(value, str) and is_document_name_column(key)
        else value
        for key, value in attributes.items()
    }


def row_attributes(
    pseudonymiser: Pseudonymiser,
    attributes: Mapping[str, Any],
    names: Sequence[str],
    fields: FieldMemo | None = None,
) -> dict[str, Any]:
    """A row's attributes safe to store: document names as names, the user names opening
    joined comments as placeholders (:mod:`workbench.ingest.comment_authors`), then the
    column rules (:func:`~workbench.ingest.personal_columns.safe_attributes`)."""
    named = document_name_attributes(pseudonymiser, attributes, names)
    for key, value in named.items():
        if isinstance(value, str) and is_comment_column(key):
            named[key] = replace_comment_authors(pseudonymiser, value, names)
    # "Anmerkungen? Dann bitte E-Mail angeben": the table's reader dropped the column if its
    # answers are mostly contact data; else they are comments, pseudonymised as prose
    asked = {k for k, v in named.items() if isinstance(v, str) and is_mixed_contact_question(k)}
    rest = {k: v for k, v in named.items() if k not in asked}
    out = safe_attributes(pseudonymiser, rest, names, fields)
    memo = fields or FieldMemo(pseudonymiser)
    return out | {k: memo.pseudonymise(named[k], names, True) for k in asked}


def rows_attributes(
    pseudonymiser: Pseudonymiser,
    rows: Sequence[tuple[Mapping[str, Any], Sequence[str]]],
    fields: FieldMemo | None = None,
) -> list[dict[str, Any]]:
    """Each row's attributes (with its names) safe to store, by :func:`row_attributes`.

    A person first met in a later row or column ("Frau Schneider" in a comment) is known
    only from there on: the rows before it that name the person ("Interview Schneider"
    in a document-name column) are read again with the grown key.
    """
    before = len(pseudonymiser.known)
    people, last = [], -1  # last: the row in which the key last grew
    for number, (attributes, names) in enumerate(statement_bar(rows, "Merkmale pseudonymisieren")):
        size = len(pseudonymiser.known)
        people.append(row_attributes(pseudonymiser, attributes, names, fields))
        if len(pseudonymiser.known) != size:
            last = number
    learned = learned_words(pseudonymiser.known, pseudonymiser.originals, before)
    if learned is None:
        return people
    for number, (attributes, names) in enumerate(rows[: last + 1]):
        if shows(learned, attributes.values()):
            people[number] = row_attributes(pseudonymiser, attributes, names, fields)
    return people


def stored_names(
    pseudonymiser: Pseudonymiser, document: ParsedDocument, names: Mapping[str, Sequence[str]]
) -> tuple[dict[str, str], str, str | None]:
    """The workshop names (by the name in the file), the file name and the title of a
    document as stored: pseudonymised with each workshop's names (the file name and title
    with all of them), the file name on one line without control characters (a name
    "Protokoll⏎Anna Schmidt.md" is read as "Protokoll Anna Schmidt.md"; decision 019).
    Called after the texts, so the key knows the people they name."""
    workshops = {w: pseudonymise_name(pseudonymiser, w, listed) for w, listed in names.items()}
    union = sorted(set().union(*names.values()))
    filename = stored_file_name(pseudonymiser, document.filename, union)
    title = pseudonymise_name(pseudonymiser, document.title, union) if document.title else None
    return workshops, filename, title or document.title


def pseudonymise_codes(
    pseudonymiser: Pseudonymiser, specs: Iterable[CodeSpec], names: Sequence[str] = ()
) -> list[CodeSpec]:
    """Codes with their description and example pseudonymised like statements.

    The codes' own names are protected first: a code "Bank" or "Rose" is no person in
    its siblings' descriptions.
    """
    specs = list(specs)
    pseudonymiser.protect(spec.name for spec in specs)
    return [
        replace(
            spec,
            description=pseudonymiser.pseudonymise(spec.description, names)[0],
            example=pseudonymiser.pseudonymise(spec.example, names)[0],
        )
        for spec in specs
    ]
