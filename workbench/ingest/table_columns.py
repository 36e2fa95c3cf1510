"""Which column of a table is what: text, title, and a QDA program's segment list.

Headers are compared by :func:`workbench.ingest.personal_columns.header_key` (no case,
accents, punctuation or bracketed remark).
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.ingest.personal_columns import LANGUAGE_SUFFIXES, header_key

# Headers (see personal_columns.header_key) of the text, in order of preference, and of a
# contribution's title, as participation platforms and survey tools export them.
TEXT_HEADERS = (
    "text beitrag aussage inhalt content kartentext body segment codiertessegment zitat "
    "zitatinhalt quotation quotationcontent beschreibung description kommentar comment "
    "commentbody antwort answer nachricht message"
).split()  # "Segment": MAXQDA's coded segments; "Zitat", "Quotation Content": ATLAS.ti
# (header_key folds "Ü" to "u"; an ASCII "Ueberschrift" keeps its "ue")
TITLE_HEADERS = ("titel", "title", "uberschrift", "ueberschrift", "betreff", "subject")
# A QDA program's list of coded segments or quotations: its text column, and the columns
# naming who made or changed a coding (the coder, given by --coder, not the speaker).
SEGMENT_TEXT_HEADERS = frozenset(
    "segment codiertessegment zitat zitatinhalt quotation quotationcontent".split()
)
CODER_HEADERS = frozenset(
    """autor autorin author erstelltvon createdby ersteller erstellerin creator geandertvon
    modifiedby bearbeitetvon editedby kodierer kodiererin codierer codiererin coder""".split()
)
# Where a QDA program's list of coded segments places a segment (MAXQDA: "Dokumentname",
# "Anfang", "Ende"; English "Document name", "Beginning", "End"): one segment coded
# twice is two rows at the same place.
_POSITION_HEADERS = (
    ("dokumentname", "documentname", "dokument", "document"),
    ("anfang", "beginning", "begin", "start"),
    ("ende", "end"),
)


def detect_column(header: list[str], keys: Sequence[str], exclude: set[str]) -> str | None:
    """The first column (by preference of ``keys``) whose header is one of ``keys``;
    a language suffix as in ``title/de`` or ``body_en`` counts as the header itself."""
    found: dict[tuple[str, bool], str] = {}
    for column in header:
        key = header_key(column)
        if column in exclude:
            continue
        for wanted in keys:
            if key == wanted or (
                key.startswith(wanted) and key[len(wanted) :] in LANGUAGE_SUFFIXES
            ):
                found.setdefault((wanted, key != wanted), column)
    ranked = [(k, suffixed) for k in keys for suffixed in (False, True)]
    return next((found[r] for r in ranked if r in found), None)


def segment_place(header: list[str], named: set[str]) -> list[int] | None:
    """Columns (document, beginning, end) that place a coded segment, if all three exist."""
    found = [detect_column(header, keys, named) for keys in _POSITION_HEADERS]
    if any(column is None for column in found):
        return None
    return [header.index(column) for column in found if column is not None]


def coder_columns(
    header: Sequence[str], text_column: str, place: bool, exclude: set[str]
) -> list[str]:
    """The columns of a QDA segment list naming who made or changed a coding (the coder).

    A table is such a list when its segments have a place (document, beginning, end) or
    its text column is a segment's or quotation's.
    """
    if not place and header_key(text_column) not in SEGMENT_TEXT_HEADERS:
        return []
    return [h for h in header if header_key(h) in CODER_HEADERS and h not in exclude]
