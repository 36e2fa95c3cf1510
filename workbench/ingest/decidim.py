"""Decidim's exports of proposals and of their comments, read together.

Decidim names a proposal and a comment by a bare ``id`` (the number in its address on the
platform, "…/proposals/101"); its other columns (``commentable_id``, ``component/id``,
``participatory_space/id``) say the table is such an export, and then ``id`` is the
statements' ID. The comments export names the proposal a comment belongs to by its address,
``root_commentable_url`` (a reply too: its ``commentable_id`` is the comment it answers), and
the proposals export gives each proposal's address as ``url``: a comment without a district
of its own is in its proposal's, when the proposal is in the project or comes with the same
import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import ParsedDocument
from workbench.ingest.common import cell_at, cell_text
from workbench.store import District, Segment

ID_COLUMN = "id"
PARENT_URL = "root_commentable_url"  # a comment's: the address of its proposal
OWN_URL = "url"  # a proposal's own address
# Columns only Decidim's exports have (the comments', the proposals' and other resources')
_MARKS = frozenset(
    "commentable_id commentable_type root_commentable_url participatory_space/id "
    "participatory_space/url component/id".split()
)


def is_decidim_export(header: Sequence[str]) -> bool:
    """Whether a table's header is one of Decidim's exports.

    >>> is_decidim_export(["id", "body/de", "commentable_id", "commentable_type"])
    True
    >>> is_decidim_export(["id", "Text"])
    False
    """
    return ID_COLUMN in header and any(h.strip().casefold() in _MARKS for h in header)


def decidim_id_column(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]]
) -> str | None:
    """``id`` in a Decidim export when every row has one and none repeats; else None."""
    if not is_decidim_export(header):
        return None
    i = list(header).index(ID_COLUMN)
    rows = [cells for _, cells in records if any(map(cell_text, cells))]
    values = [cell_at(cells, i) for cells in rows]
    return ID_COLUMN if values and all(values) and len(set(values)) == len(values) else None


def _address(value: Any) -> str | None:
    """An address as compared: without spaces and a trailing slash."""
    text = str(value).strip().rstrip("/") if value is not None else ""
    return text or None


def parent_address(attributes: Mapping[str, Any]) -> str | None:
    """The address of the proposal a comment's attributes name (``root_commentable_url``)."""
    return _address(attributes.get(PARENT_URL))


def addressed(rows: Iterable[tuple[Mapping[str, Any], str | None]]) -> dict[str, str]:
    """Address → district of the contributions among ``rows`` (attributes, district) that
    have their own address (``url``) and a district; an address with two districts is
    left out."""
    found: dict[str, set[str]] = {}
    for attributes, district in rows:
        if district and (own := _address((attributes or {}).get(OWN_URL))):
            found.setdefault(own, set()).add(district)
    return {address: next(iter(d)) for address, d in found.items() if len(d) == 1}


def with_proposal_districts(
    session: Session, parsed: Sequence[tuple[Path, ParsedDocument]]
) -> list[tuple[Path, ParsedDocument]]:
    """``parsed`` with each comment that has no district in the district of the proposal its
    ``root_commentable_url`` names: one in the project or in ``parsed``; the document
    records how many (``proposal_districts``), and how many name a proposal found nowhere
    (``proposal_missing``)."""
    if not any(
        parent_address(s.attributes) and not (s.district or d.district)
        for _, d in parsed
        for s in d.segments
    ):
        return list(parsed)
    stored = session.execute(
        select(Segment.attributes, District.name, District.is_citywide).join(
            District, Segment.district_id == District.id
        )
    )
    given = [(s.attributes, s.district or d.district) for _, d in parsed for s in d.segments]
    rows = [*((a, None if citywide else n) for a, n, citywide in stored), *given]
    known = addressed(rows)
    seen = {own for a, _ in rows if (own := _address((a or {}).get(OWN_URL)))}
    result = []
    for path, document in parsed:
        segments, moved, missing = [], 0, 0
        for segment in document.segments:
            address = parent_address(segment.attributes)
            if address and not (segment.district or document.district):
                missing += address not in seen
                if address in known:
                    segment, moved = replace(segment, district=known[address]), moved + 1
            segments.append(segment)
        found = {"proposal_districts": moved, "proposal_missing": missing}
        if moved or missing:
            options = {**document.options, **{k: v for k, v in found.items() if v}}
            document = replace(document, segments=tuple(segments), options=options)
        result.append((path, document))
    return result


def decidim_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What the import did with comments on proposals (:func:`with_proposal_districts`)."""
    notices = []
    if moved := options.get("proposal_districts"):
        notices.append(
            f"{moved} Kommentar{'' if moved == 1 else 'e'} ohne eigenen Sozialraum im "
            f"Sozialraum ihres Vorschlags gespeichert (Spalte '{PARENT_URL}' nennt die Adresse "
            f"des Vorschlags, dessen Spalte '{OWN_URL}')."
        )
    if missing := options.get("proposal_missing"):
        notices.append(
            f"{missing} Kommentar{'' if missing == 1 else 'e'} zu Vorschlägen, die weder im "
            "Projekt noch in diesem Import sind: ohne Sozialraum gespeichert. Damit Kommentare "
            "den Sozialraum ihres Vorschlags bekommen, den Export der Vorschläge vorher oder "
            "zusammen mit ihnen importieren (ein späterer zweiter Import derselben Datei "
            "ändert nichts)."
        )
    return tuple(notices)
