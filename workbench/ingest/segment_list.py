"""A QDA program's list of coded segments or quotations (MAXQDA, ATLAS.ti, NVivo): its
text, place, coder and code columns, and its codes' paths.

Headers are compared by :func:`workbench.ingest.personal_columns.header_key` (no case,
accents, punctuation or bracketed remark); the other columns are found by
:mod:`workbench.ingest.table_columns`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from workbench.coding.codebook import stored_code_name
from workbench.core.domain import SEPARATOR, InputError, ParsedSegment
from workbench.ingest.common import cell_at
from workbench.ingest.person_headers import header_key
from workbench.ingest.table_columns import detect_column, only_column, text_column_of

# A QDA program's list of coded segments or quotations: its text column, and the columns
# naming who made or changed a coding (the coder, given by --coder, not the speaker).
SEGMENT_TEXT_HEADERS = frozenset(
    """segment codiertessegment codiertertext kodiertertext codedtext zitat zitatinhalt
    quotation quotationcontent""".split()
)


CODER_HEADERS = frozenset(
    """autor autorin author erstelltvon createdby ersteller erstellerin creator geandertvon
    modifiedby bearbeitetvon editedby kodierer kodiererin codierer codiererin coder
    codiertvon kodiertvon codedby codiertvoninitialen kodiertvoninitialen codedbyinitials
    """.split()
)


# A coded segment's size in MAXQDA's list ("Area"/"Fläche": characters, "Coverage %"):
# a number, not the place of the speaker ("Area" would otherwise ask for the district).
SEGMENT_MEASURE_HEADERS = frozenset(("area", "flache", "coverage", "abdeckung"))


# A quotation's name in a segment list (ATLAS.ti: "Name", "Quotation Name"): content, not
# a person's column; kept as the prose attribute QUOTATION_NAME (pseudonymised like a
# statement: a quotation may be named after someone).
QUOTATION_NAME_HEADERS = frozenset(("name", "quotationname", "zitatname"))


QUOTATION_NAME = "Titel des Zitats"


# The root of NVivo's code paths ("Codes\\Bedarfe\\Treffpunkte"): not a level of its own.
_CODE_ROOTS = frozenset(("codes", "nodes", "knoten"))


_BACKSLASHES = re.compile(r"\\+")


# Where a QDA program's list of coded segments places a segment (MAXQDA: "Dokumentname",
# "Anfang", "Ende"; English "Document name", "Beginning", "End"): one segment coded
# twice is two rows at the same place.
_POSITION_HEADERS = (
    ("dokumentname", "documentname", "dokument", "document"),
    ("anfang", "beginning", "begin", "start"),
    ("ende", "end"),
)


def segment_place(header: list[str], named: set[str]) -> list[int] | None:
    """Columns (document, beginning, end) that place a coded segment, if all three exist."""
    found = [detect_column(header, keys, named) for keys in _POSITION_HEADERS]
    if any(column is None for column in found):
        return None
    return [header.index(column) for column in found if column is not None]


# A segment list's document column without beginning and end (NVivo: "Datei").
DOCUMENT_HEADERS = (*_POSITION_HEADERS[0], "datei", "file", "quelle", "source")


def coder_columns(
    header: Sequence[str], text_column: str, place: bool, exclude: set[str]
) -> list[str]:
    """The columns of a QDA segment list naming who made or changed a coding (the coder).

    A table is such a list when its segments have a place (document, beginning, end) or
    its text column is a segment's or quotation's.
    """
    if not is_segment_list(text_column, place):
        return []
    return [h for h in header if header_key(h) in CODER_HEADERS and h not in exclude]


def merge_repeated_rows(
    segments: list[tuple[int, ParsedSegment]],
    repeats: Mapping[int, Sequence[tuple[tuple[str, ...], Mapping[str, Any]]]],
) -> set[str]:
    """Give each statement of a long table (one row per statement and code, MAXQDA's
    coded segments) the attributes of all its rows, in place; return the columns whose
    values differed.

    ``repeats`` holds, per statement in ``segments``, each of its rows' codes and
    attributes. A value all rows share stays as it is; where they differ (MAXQDA's
    ``Kommentar``, ``Gewicht``, ``Erstellt am`` belong to one coding), every row's value
    is kept with its codes: "unsicher (Herausforderung)"; "0 (Bedarf); 50 (Wohnen)".
    """
    differing: set[str] = set()
    for at, rows in repeats.items():
        attributes: dict[str, Any] = {}
        for column in dict.fromkeys(k for _, values in rows for k in values):
            found = [(codes, values.get(column)) for codes, values in rows]
            if all(value == found[0][1] for _, value in found):
                attributes[column] = found[0][1]
                continue
            differing.add(column)
            attributes[column] = "; ".join(
                f"{value} ({', '.join(codes) or 'ohne Code'})"
                for codes, value in found
                if value is not None
            )
        number, segment = segments[at]
        segments[at] = (number, replace(segment, attributes=attributes))
    return differing


def is_segment_list(text_column: str, place: bool) -> bool:
    """Whether a table is a QDA program's list of coded segments or quotations: its
    segments have a place (document, beginning, end) or its text column is a segment's."""
    return place or header_key(text_column) in SEGMENT_TEXT_HEADERS


# The column of a segment list holding a segment's codes (MAXQDA "Code", ATLAS.ti "Codes",
# NVivo's coding summary "Hierarchischer Name"/"Hierarchical Name": "Codes\\Bedarfe").
CODE_HEADERS = frozenset(
    ("code", "codes", "kode", "kodes", "hierarchischername", "hierarchicalname")
)


def segment_code_column(
    filename: str, header: list[str], records: Sequence[tuple[int, Sequence[Any]]], mapping: Any
) -> str | None:
    """The one column of codes of a QDA program's list of coded segments or quotations
    (:func:`is_segment_list`; MAXQDA "Code", ATLAS.ti "Codes", NVivo "Hierarchischer Name")
    when ``mapping`` (the import's ``TableMapping``) names none: without it, a segment coded
    twice would be two statements and its codes an attribute. Codes need a coder: without
    ``--coder`` the import stops here, before anything is stored.

    >>> from workbench.ingest.table import TableMapping
    >>> head, mapping = ["Dokumentname", "Code", "Segment"], TableMapping(coder="A")
    >>> segment_code_column("s.csv", head, [(2, ["a.docx", "Bedarf", "Mehr Bänke"])], mapping)
    'Code'
    >>> segment_code_column("s.csv", head, [(2, ["a.docx", "", "Mehr Bänke"])], mapping) is None
    True
    >>> segment_code_column("k.csv", ["Code", "Text"], [], mapping) is None  # a card's code
    True
    """
    taken = {*mapping.mapped(), *(mapping.attribute_columns or ())}
    text = mapping.text_column or text_column_of(header, records, taken)
    if mapping.code_column or text is None:
        return None
    if not is_segment_list(text, segment_place(header, taken) is not None):
        return None
    found = only_column(header, taken | {text}, CODE_HEADERS)
    if found and not any(
        found[0] < len(values) and str(values[found[0]] or "").strip() for _, values in records
    ):
        return None  # no segment coded (the Werkbank's own export of uncoded statements)
    if found and not mapping.coder:
        raise InputError(
            "Liste codierter Segmente (MAXQDA, ATLAS.ti, NVivo) mit Codes in Spalte "
            f"'{found[1]}': mit --coder NAME angeben, wer kodiert hat. Die Codes werden "
            "dann übernommen, die Zeilen eines Segments werden eine Aussage (wie mit "
            f"--code-column '{found[1]}' --coder NAME).",
            file=filename,
        )
    return found[1] if found else None


def code_path(code: str, separator: str) -> str:
    r"""A code's path with ``separator`` between its levels: MAXQDA writes backslashes,
    NVivo doubled ones and its root ("Codes", "Nodes", "Knoten") first.

    Where the levels are separated by backslashes, a ``separator`` inside a level is part
    of the name ("ÖPNV (Bus/Bahn)") and kept as a look-alike (:func:`stored_code_name`).

    >>> code_path("Codes\\\\Bedarfe\\\\Treffpunkte", "/"), code_path("Themen\\Jugend", "/")
    ('Bedarfe/Treffpunkte', 'Themen/Jugend')
    >>> code_path("Mobilität\\ÖPNV (Bus/Bahn)", "/")
    'Mobilität/ÖPNV (Bus∕Bahn)'

    ATLAS.ti names the levels in the code's name ("Bedarf::Wohnen"), as in its .qdpx.

    >>> code_path("Bedarf::Wohnen", "/"), code_path("::Wohnen", "/")
    ('Bedarf/Wohnen', '::Wohnen')
    """
    pieces = _BACKSLASHES.split(code)
    atlas = [level.strip() for level in code.split("::")]
    named = len(pieces) > 1 or (len(atlas) > 1 and all(atlas))
    if len(pieces) == 1 and named:
        pieces = atlas
    levels = [level.strip() for level in pieces if level.strip()]
    if len(levels) > 1 and levels[0].casefold() in _CODE_ROOTS:
        levels = levels[1:]
    if named and separator == SEPARATOR:
        levels = [stored_code_name(level) for level in levels]
    return separator.join(levels)


_QUOTATION_ID = re.compile(r"^\d+:\d+$")


def quotation_ids(header: list[str], records: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a segment list has ATLAS.ti's quotation IDs ("1:1", "2:14"), each once: a
    column "ID" that is then the statements' ID (without --id-column)."""
    if "ID" not in header:
        return False
    i = header.index("ID")
    ids = [v for _, c in records if (v := cell_at(c, i))]
    return bool(ids) and len(set(ids)) == len(ids) and all(map(_QUOTATION_ID.match, ids))
