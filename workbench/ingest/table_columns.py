"""Which column of a table is what: text, title, language, id and group columns (a QDA
program's list of coded segments: :mod:`workbench.ingest.segment_list`).

Headers are compared by :func:`workbench.ingest.personal_columns.header_key` (no case,
accents, punctuation or bracketed remark).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.core.domain import InputError
from workbench.ingest.common import cell_at, cell_text
from workbench.ingest.person_headers import (
    AUTHOR,
    LANGUAGE_SUFFIXES,
    PROSE_PREFIXES,
    header_key,
    is_person_column,
    person_role,
)
from workbench.ingest.personal_columns import PERSON_ATTRIBUTES, is_contact_column
from workbench.ingest.speaker_labels import is_label

# Headers (see personal_columns.header_key) of the text, in order of preference, and of a
# contribution's title, as participation platforms and survey tools export them.
TEXT_HEADERS = (
    "text beitrag aussage inhalt content kartentext body segment codiertessegment "
    "codiertertext kodiertertext codedtext zitat zitatinhalt quotation quotationcontent "
    "beschreibung description kommentar comment commentbody antwort answer nachricht "
    "message frage question texte beitrage aussagen inhalte kartentexte beschreibungen "
    "kommentare comments antworten answers nachrichten messages"
).split()  # plurals: a sheet of answers headed "Antworten" (one per question);
# "Segment": MAXQDA's coded segments; "Zitat", "Quotation Content": ATLAS.ti;
# "Codierter Text", "Coded Text": NVivo's coding summary; "Question": Slido's questions of
# the audience. A question column is the text only when no other text column exists and
# its values differ from row to row (a survey's column "Frage" repeating the guiding
# question is not the text: table.parse_table checks).
QUESTION_HEADERS = frozenset(("frage", "question"))
# (header_key folds "Ü" to "u"; an ASCII "Ueberschrift" keeps its "ue")
TITLE_HEADERS = ("titel", "title", "uberschrift", "ueberschrift", "betreff", "subject")


# A column's language: "title/de", "body_en", "Titel DE" or "Title (de-DE)", "Text [tr]".
_SUFFIX_LANGUAGE = re.compile(r"[/_.\s-]([A-Za-z]{2})$")
_BRACKET_LANGUAGE = re.compile(r"\s*[(\[]\s*([A-Za-z]{2})(?:[-_][A-Za-z]{2,4})?\s*[)\]]\s*$")
PREFERRED_LANGUAGE = "de"


def column_language(column: str) -> tuple[str, str | None]:
    """A column's header (see ``header_key``) without its language, and the language.

    >>> column_language("title/de"), column_language("Title (de-DE)"), column_language("Text")
    (('title', 'de'), ('title', 'de'), ('text', None))
    """
    text = str(column).strip()
    for pattern in (_BRACKET_LANGUAGE, _SUFFIX_LANGUAGE):
        found = pattern.search(text)
        if found and found.group(1).lower() in LANGUAGE_SUFFIXES:
            return header_key(text[: found.start()]), found.group(1).lower()
    return header_key(text), None


def _language_rank(language: str | None) -> int:
    """German first, then a column without language, then the others."""
    return 0 if language == PREFERRED_LANGUAGE else 1 if language is None else 2


def _matches(header: Sequence[str], keys: Sequence[str], exclude: set[str]) -> list[tuple]:
    """(key's preference, language's, place, column) of the columns whose header is a key."""
    found = []
    for place, column in enumerate(header):
        if not column or column in exclude:
            continue
        base, language = column_language(column)
        key = header_key(column)
        for rank, wanted in enumerate(keys):
            if base == wanted or key == wanted:
                found.append((rank, _language_rank(language if base == wanted else None), place))
                break
    return sorted((*f, header[f[2]]) for f in found)


def detect_column(header: list[str], keys: Sequence[str], exclude: set[str]) -> str | None:
    """The first column (by preference of ``keys``) whose header is one of ``keys``.

    A language as in ``title/de``, ``body_en`` or ``Title (de-DE)`` counts as the header
    itself; of one header in several languages the German one is taken (then one without
    language, then the first); :func:`language_columns` gives the others.
    """
    found = _matches(header, keys, exclude)
    return found[0][3] if found else None


def text_column_of(
    header: list[str], records: Sequence[tuple[int, Sequence[Any]]], exclude: set[str]
) -> str | None:
    """The text column by its header (:data:`TEXT_HEADERS`), passing over one that is empty
    in every row: an export with an unused "Text" beside its "Beschreibung" has its
    statements in the latter (else its titles alone would be the statements).

    >>> text_column_of(["Titel", "Text", "Beschreibung"], [(2, ["Bank", "", "Mehr Bänke"])], set())
    'Beschreibung'
    """
    blank = {
        column
        for i, column in enumerate(header)
        if not any(i < len(cells) and cell_text(cells[i]) for _, cells in records)
    }
    return detect_column(header, TEXT_HEADERS, exclude | blank) or detect_column(
        header, TEXT_HEADERS, exclude
    )


def language_columns(header: Sequence[str], column: str, exclude: set[str]) -> list[str]:
    """``column`` and the same header in other languages (German first, then in the
    table's order): a multilingual export (Decidim, Go Vocal) has a contribution's text in
    the language it was written in, the other columns of the row empty.

    >>> language_columns(["title/en", "title/tr", "title/de", "body/de"], "title/en", set())
    ['title/en', 'title/de', 'title/tr']
    """
    base, language = column_language(column)
    if not base:
        return [column]
    others = []
    for place, other in enumerate(header):
        other_base, other_language = column_language(other)
        languages = other_language is not None or language is not None
        if other != column and other not in exclude and other_base == base and languages:
            others.append((_language_rank(other_language), place, other))
    return [column, *(other for *_, other in sorted(others))]


def number_repeated(header: Sequence[str]) -> tuple[list[str], list[str]]:
    """``header`` with a repeated header numbered ("Anmerkungen", "Anmerkungen (2)"), so
    that no column is lost, and the numbered headers.

    >>> number_repeated(["A", "B", "A", "", ""])
    (['A', 'B', 'A (2)', '', ''], ['A (2)'])
    """
    out: list[str] = []
    renamed = []
    for column in header:
        name, number = column, 1
        while column and name in out:
            number += 1
            name = f"{column} ({number})"
        out.append(name)
        if name != column:
            renamed.append(name)
    return out, renamed


def name_unnamed(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]]
) -> tuple[list[str], list[str]]:
    """``header`` with a name for each column that has values but no header cell ("Spalte
    3", by its place), so its values are kept, and those names. A table whose only
    header is missing is left alone (it has no header row: :func:`headerless`).

    >>> name_unnamed(["Text", "", ""], [(2, ["Bus", "wichtig", ""])])
    (['Text', 'Spalte 2', ''], ['Spalte 2'])
    """
    out, named = list(header), []
    if not any(header):
        return out, named
    for i, column in enumerate(header):
        name = f"Spalte {i + 1}"
        filled = any(i < len(cells) and cell_text(cells[i]) for _, cells in records)
        if not column and filled and name not in header:
            out[i] = name
            named.append(name)
    return out, named


_OPTION = re.compile(r"^[^\W\d_][\w'’./()-]*(?: [\w'’./()-]+){0,2}$")  # one to three words


def is_checkbox_question(answers: Sequence[str]) -> bool:
    """Whether the answers of a question are lists of options (a checkbox question, as
    Google Forms joins them with ", ", Microsoft Forms with ";" and one at the end): an
    answer lists several, each of one to three words, and one option recurs in another.

    >>> is_checkbox_question(["Bibliothek, Jugendzentrum", "Sportverein", "Bibliothek"])
    True
    >>> is_checkbox_question(["Park;Bibliothek;", "Park;", "Markt;Sporthalle;"])
    True
    >>> is_checkbox_question(["Mehr Bänke im Park, bitte", "Ein Café", "Ein Café"])
    False
    """
    lists = [[o.strip() for o in re.split(r",\s+|;\s*", a.strip().rstrip(";"))] for a in answers]
    if not any(len(options) > 1 for options in lists):
        return False
    if not all(_OPTION.match(o) for options in lists for o in options):
        return False
    seen = Counter(o for options in lists for o in set(options))
    return any(count > 1 for count in seen.values())


# A survey tool's code for a question instead of its text: "G01Q02", "Q3", "F12_a", "v_7"
_QUESTION_CODE = re.compile(r"^[A-Za-z]{1,4}_?\d+(?:[A-Za-z_]*\d*)*(?:\[[^\]]*\])?$")


def no_text_column(
    filename: str,
    header: list[str],
    table: tuple[str | None, list[str], str | None, bool, int],
    likely: Sequence[str] = (),
    written: Sequence[str] = (),
) -> InputError:
    """The error for a table without a text column: its columns, other sheets to choose, a
    survey's ``likely`` open questions (``table_survey.open_questions``) to name one by one,
    else the columns ``written`` in sentences (and whether their headers are codes).
    ``table`` is (sheet, sheets, a repeated "Frage" column, one column only, the row of
    the header: below a title block, the error names that row, not the first)."""
    sheet, sheets, repeated, single, header_row = table
    columns = column_list(header)
    if single and not repeated and len(sheets) < 2:
        return InputError(
            f"Die Tabelle hat nur die Spalte '{columns}', keine bekannte Textspalte. Ist "
            f"'{columns}' die Kopfzeile der Texte: mit --text-column '{columns}' importieren. "
            "Ist es schon der erste Beitrag: eine Kopfzeile 'Text' darüber schreiben.",
            file=filename,
            row=header_row,
        )
    why = (
        f" ('{repeated}' wiederholt dieselben Einträge: eine Leitfrage? Dann mit "
        f"--question-column '{repeated}' und den Antworten als --text-column)"
        if repeated
        else ""
    )
    if len(sheets) > 1 and sheet == sheets[0]:
        others = ", ".join(f"'{n}'" for n in sheets[1:])
        return InputError(
            f"Keine Textspalte im ersten Tabellenblatt '{sheet}' (Spalten: {columns}){why}. "
            f"Weitere Tabellenblätter: {others} – eines mit --sheet NAME wählen (jedes Blatt "
            "ist ein eigener Import) oder die Textspalte mit --text-column angeben.",
            file=filename,
        )

    if likely and not repeated:
        flags = " ".join(f"--text-column '{q}'" for q in likely[:3])
        why = (
            ". Eine Umfrage mit offenen Fragen: jede offene Frage als --text-column angeben "
            f"(mehrfach möglich), z. B. {flags}"
        )
    elif written and not repeated:
        flags = " ".join(f"--text-column '{q}'" for q in written[:3])
        named = ", ".join(f"'{w}'" for w in written)
        why = f". Sätze stehen in {named}: z. B. {flags}"
        if all(_QUESTION_CODE.match(w) for w in written):  # LimeSurvey's "G01Q02"
            why += (
                ". Die Spaltenköpfe sind Fragecodes: beim Export der Umfrage die Fragetexte "
                "als Überschriften wählen, dann liest die Werkbank die offenen Fragen mit "
                "ihrem Wortlaut ohne weitere Angabe"
            )
    return InputError(
        f"Keine Textspalte angegeben (--text-column). Vorhandene Spalten: {columns}{why}",
        file=filename,
        row=header_row,
    )


def column_list(header: Sequence[str], most: int = 30) -> str:
    """A table's columns for a message: the first ``most``, then how many more (a
    Qualtrics export or a vote matrix has hundreds).

    >>> column_list(["Text", "ID"]), column_list([str(i) for i in range(5)], most=3)
    ('Text, ID', '0, 1, 2 … und 2 weitere')
    """
    named = [h for h in header if h]
    more = f" … und {len(named) - most} weitere" if len(named) > most else ""
    return ", ".join(named[:most]) + more


# Headers (header_key) of a column that identifies a contribution or a survey's response
# ("Antwort-ID", "ResponseId": a row a re-download keeps): the statements' ID when unique.
# Not a respondent's or user's ID (a person's), not a bare "id" (KoBo's submission).
ID_HEADERS = frozenset(
    "documentid commentid beitragsid beitragid beitragsnummer kartenid karteid kartennummer "
    "contributionid proposalid vorschlagsid vorschlagid ideaid ideeid postid cardid notizid "
    "aussageid aussagenid antwortid responseid".split()
)


def only_column(
    header: Sequence[str], taken: set[str], headers: Iterable[str]
) -> tuple[int, str] | None:
    """(index, header) of the one column besides ``taken`` whose header_key is one of
    ``headers``; None if there is none or more than one."""
    found = [
        (i, h) for i, h in enumerate(header) if h and h not in taken and header_key(h) in headers
    ]
    return found[0] if len(found) == 1 else None


def find_id_column(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], taken: Iterable[str]
) -> str | None:
    """The one column whose header names a contribution's ID (:data:`ID_HEADERS`) and
    whose values are all there and all different; else None."""
    found = only_column(header, set(taken), ID_HEADERS)
    if found is None:
        return None
    i, column = found
    rows = [cells for _, cells in records if any(map(cell_text, cells))]
    values = [cell_at(cells, i) for cells in rows]
    return column if values and all(values) and len(set(values)) == len(values) else None


# Columns that group contributions, by their header (header_key), as a TableMapping field,
# the name the import's notice gives them, and the rule their values must meet: a card
# wall's "Leitfrage", Padlet's "Section" ("Abschnitt": the wall's columns, one per
# question) and a Miro board's "Frame" hold short labels; a bare "Frage"/"Question" is a
# guiding question only when its values repeat (else it may be the contribution: Slido's
# audience questions); a
# "Workshop"'s values are short labels, a card's "Rolle" short labels without a sentence's
# end ("Jugendhilfe", "Quartiersbüro"; "Ich wohne hier seit 1980." is none).
_LABEL, _REPEATED, _ROLE = "label", "repeated", "role"
GROUP_COLUMNS = {
    "question_column": (
        "Leitfrage",
        {
            **dict.fromkeys(
                "leitfrage leitfragen fragestellung impulsfrage guidingquestion section "
                "abschnitt frame".split(),
                _LABEL,
            ),
            "frage": _REPEATED,
            "question": _REPEATED,
        },
    ),
    "workshop_column": (
        "Workshop",
        dict.fromkeys("workshop veranstaltung werkstatt".split(), _LABEL),
    ),
    "role_column": ("Rolle", dict.fromkeys("rolle role funktion akteursgruppe".split(), _ROLE)),
}


def _fits(rule: str, values: Sequence[str]) -> bool:
    """Whether the values present in a column meet a rule of :data:`GROUP_COLUMNS`."""
    if not values:
        return False
    if rule == _REPEATED:
        return len(set(values)) <= len(values) / 2
    most = 6 if rule == _ROLE else 25  # words: a role, a guiding question or a workshop's name
    ends = re.compile(r"[.!]$" if rule == _LABEL else r"[.!?]$")
    return all(len(v.split()) <= most and not ends.search(v) for v in values)


def _speaks(header: str) -> bool:
    """Whether a column names who spoke or wrote: ``speaker`` (a transcript's, as stored
    by the workbench too) or an author column ("Sprecher", "Name")."""
    return header_key(header) in PERSON_ATTRIBUTES[:1] or person_role(header) == AUTHOR


def find_group_columns(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    taken: Iterable[str],
    given: Mapping[str, str | None],
) -> dict[str, str]:
    """For each field of :data:`GROUP_COLUMNS` not ``given``: the one column besides
    ``taken`` whose header names it, if there is exactly one and its values meet the
    header's rule. Without such a role column, the one author column whose every value
    is a speaker label ("SPEAKER_00", "Speaker 2") is the role."""
    taken, found = set(taken), {}
    for field, (_, headers) in GROUP_COLUMNS.items():
        if given.get(field):
            continue
        found_column = only_column(header, taken, headers)
        if found_column is None:
            continue
        i, column = found_column
        values = [v for _, cells in records if (v := cell_at(cells, i))]
        if _fits(headers[header_key(column)], values):
            found[field] = column
            taken.add(column)
    if not given.get("role_column") and "role_column" not in found:
        # A transcription tool's speaker column ("speaker": "SPEAKER_00" of WhisperX and
        # pyannote, "Speaker 2", "Sprecher 1") names voices, not people: it is the role,
        # as the same label is in a transcript (speaker_labels), not a [Person N].
        speakers = [i for i, h in enumerate(header) if h not in taken and _speaks(h)]
        values = [v for _, cells in records for i in speakers[:1] if (v := cell_at(cells, i))]
        if len(speakers) == 1 and values and all(map(is_label, values)):
            found["role_column"] = header[speakers[0]]
    return found


def single_column(header: list[str], records: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a table has one column (with a header cell) and nothing beside it."""
    if not header or not header[0] or any(header[1:]):
        return False
    return not any(c is not None and str(c).strip() for _, cells in records for c in cells[1:])


def headerless(first: str) -> bool:
    """Whether the header of a table of one column is its first statement: no header a
    table has (a text's, title's, person's or contact's) and it reads like a statement
    (two words or more, or a sentence's end: "Mehr Spielplätze"). A one-word header is
    left to the user (``no_text_column`` explains both ways)."""
    known = (*TEXT_HEADERS, *TITLE_HEADERS, *PROSE_PREFIXES)
    if header_key(first) in known or is_person_column(first) or is_contact_column(first):
        return False
    return len(first.split()) > 1 or first.endswith((".", "!", "?"))
