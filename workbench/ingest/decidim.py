"""Decidim's exports of proposals and of their comments, read together.

Decidim names a proposal and a comment by a bare ``id`` (the number in its address on the
platform, "…/proposals/101"); its other columns (``commentable_id``, ``component/id``,
``participatory_space/id``) say the table is such an export, and then ``id`` is the
statements' ID. The comments export names the proposal a comment belongs to by its address,
``root_commentable_url`` (a reply too: its ``commentable_id`` is the comment it answers), and
the proposals export gives each proposal's address as ``url``: a comment without a district
of its own is in its proposal's, when the proposal is in the project or comes with the same
import. Without ``root_commentable_url`` (older versions), ``commentable_type`` and
``commentable_id`` name the proposal by its ID (a reply: its parent comment), unique within
one Decidim; an ID that proposals of several components have is left unmatched.

Consul Democracy's comments export (``id``, ``commentable_type``, ``commentable_id``, ``body``)
names the commented resource by its Consul type (``Proposal``, ``Budget::Investment``: a
spending proposal; a reply keeps its proposal) and ID: the statement with that ID (the
proposals export imported with its ``id`` column as ID; a table without titles, a survey's,
is none) gives its district; a debate's, a poll's or a legislation's comment keeps none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import ParsedDocument
from workbench.ingest.common import unique_ids
from workbench.ingest.table_columns import TITLE_HEADERS, detect_column
from workbench.store import District, Document, Segment

ID_COLUMN = "id"
PARENT_URL = "root_commentable_url"  # a comment's: the address of its proposal
OWN_URL = "url"  # a proposal's own address
PARENT_TYPE = "commentable_type"  # a comment's: what it comments on …
PARENT_ID = "commentable_id"  # … and that one's Decidim ID
PROPOSAL_TYPE = "Decidim::Proposals::Proposal"
COMMENT_TYPE = "Decidim::Comments::Comment"  # a reply: its parent is a comment
COMPONENT = "component/id"
# Consul's types of what a comment is on that are proposals (a spending proposal too)
CONSUL_PROPOSAL_TYPES = frozenset({"Proposal", "Budget::Investment"})
_COUNTS = (
    "proposal_districts", "proposal_ids", "proposal_missing", "proposal_unclear",
    "consul_ids", "consul_missing", "consul_unclear",
)  # fmt: skip
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
    return ID_COLUMN if unique_ids(records, list(header).index(ID_COLUMN)) else None


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


def _proposal_id(source_id: Any, attributes: Mapping[str, Any] | None) -> str | None:
    """A Decidim proposal's ID (its statement ID), when its address (``…/proposals/101``) or
    reference (``LEV-PROP-2021-03-101``) says it is that proposal; else None.

    >>> _proposal_id("101", {"url": "https://x.org/processes/a/f/7/proposals/101/"})
    '101'
    >>> _proposal_id("101", {"url": "https://x.org/processes/a/f/8/debates/101"}) is None
    True
    """
    attributes = attributes or {}
    sid = str(source_id).strip()
    if not sid or PARENT_TYPE in attributes:
        return None
    url = _address(attributes.get(OWN_URL)) or ""
    reference = str(attributes.get("reference") or "").strip()
    own = re.escape(sid)
    return (
        sid
        if re.search(rf"/proposals/{own}$", url) or re.search(rf"-PROP-.*-{own}$", reference)
        else None
    )


def _root_proposal(
    attributes: Mapping[str, Any], comments: Mapping[str, Mapping[str, Any]]
) -> tuple[str, str] | None:
    """(platform, ID) of the proposal a comment belongs to by ``commentable_type``/
    ``commentable_id``: ``("decidim", …)`` (a reply by its root comment's) or ``("consul", …)``;
    None for a debate's, a result's or an unknown root.

    >>> _root_proposal({"commentable_type": "Proposal", "commentable_id": "7"}, {})
    ('consul', '7')
    >>> _root_proposal({"commentable_type": "Debate", "commentable_id": "7"}, {}) is None
    True
    """
    seen: set[str] = set()
    current: Mapping[str, Any] | None = attributes
    while current is not None:
        kind = str(current.get(PARENT_TYPE) or "").strip()
        parent = str(current.get(PARENT_ID) or "").strip()
        if kind == PROPOSAL_TYPE:
            return ("decidim", parent) if parent else None
        if kind in CONSUL_PROPOSAL_TYPES:
            return ("consul", parent) if parent else None
        if kind != COMMENT_TYPE or parent in seen:
            return None
        seen.add(parent)
        current = comments.get(parent)
    return None


def _by_id(options: Mapping[str, Any] | None) -> bool:
    """Whether a table may be Consul's proposals: imported with its ``id`` column as the
    statements' ID, and titled as every proposal is (a title column, one left out with
    ``--no-title``, or the title as the text). A survey's or a card wall's "id" is no
    proposal's: its row 7 would give a comment on proposal 7 its district.

    >>> _by_id({"id_column": "id", "title_column": "title"})
    True
    >>> _by_id({"id_column": "ID", "text_column": "Titel"})
    True
    >>> _by_id({"id_column": "id", "text_column": "Antwort"})
    False
    """
    options = options or {}
    if str(options.get("id_column") or "").strip().casefold() != ID_COLUMN:
        return False
    text = str(options.get("text_column") or "")
    return bool(
        options.get("title_column")
        or options.get("no_title")
        or (text and detect_column([text], TITLE_HEADERS, set()))
    )


def with_proposal_districts(
    session: Session, parsed: Sequence[tuple[Path, ParsedDocument]]
) -> list[tuple[Path, ParsedDocument]]:
    """``parsed`` with each comment that has no district in the district of its proposal:
    the one its ``root_commentable_url`` names, or — without that column — the Decidim
    proposal whose ID its ``commentable_id`` is (``commentable_type`` a proposal; a reply
    follows its root comment), one in the project or in ``parsed``. The document records
    how many moved (``proposal_districts``, ``proposal_ids``), how many name a proposal found
    nowhere (``proposal_missing``) and how many name an ID of proposals of several Decidim
    components (``proposal_unclear``: left city-wide)."""

    def open_comment(s: Any, d: ParsedDocument) -> bool:
        return not (s.district or d.district) and (
            parent_address(s.attributes) is not None or PARENT_TYPE in (s.attributes or {})
        )

    if not any(open_comment(s, d) for _, d in parsed for s in d.segments):
        return list(parsed)
    stored = list(
        session.execute(
            select(
                Segment.source_id,
                Segment.attributes,
                District.name,
                District.is_citywide,
                Document.options,
            )
            .join(District, Segment.district_id == District.id)
            .join(Document, Segment.document_id == Document.id)
        )
    )
    given = [
        (s.source_id, s.attributes, s.district or d.district, _by_id(d.options))
        for _, d in parsed
        for s in d.segments
    ]
    rows = [
        *((i, a, None if citywide else n, _by_id(o)) for i, a, n, citywide, o in stored),
        *given,
    ]
    known = addressed((a, n) for _, a, n, _ in rows)
    seen = {own for _, a, _, _ in rows if (own := _address((a or {}).get(OWN_URL)))}
    proposals: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    comments: dict[str, Mapping[str, Any]] = {}
    for sid, attributes, district, by_id_column in reversed(rows):  # this import's first
        if PARENT_TYPE in (attributes or {}):
            comments.setdefault(str(sid).strip(), attributes)
            continue
        if (pid := _proposal_id(sid, attributes)) is not None:
            component = str((attributes or {}).get(COMPONENT) or "")
            proposals.setdefault(("decidim", pid), set()).add((component, district))
        if by_id_column and str(sid).strip():  # Consul's proposals: their "id" is the ID
            proposals.setdefault(("consul", str(sid).strip()), set()).add(("", district))
    result = []
    for path, document in parsed:
        segments, counts = list(document.segments), dict.fromkeys(_COUNTS, 0)
        by_id: dict[int, tuple[str, str | None, bool]] = {}  # → (component, district, Consul)
        for i, segment in enumerate(segments):
            if not open_comment(segment, document):
                continue
            if (address := parent_address(segment.attributes)) is not None:
                counts["proposal_missing"] += address not in seen
                if address in known:
                    segments[i] = replace(segment, district=known[address])
                    counts["proposal_districts"] += 1
            elif (root := _root_proposal(segment.attributes, comments)) is not None:
                found = proposals.get(root, set())
                consul = root[0] == "consul"
                if not found:
                    counts["consul_missing" if consul else "proposal_missing"] += 1
                elif len(found) > 1:
                    counts["consul_unclear" if consul else "proposal_unclear"] += 1
                else:
                    by_id[i] = (*next(iter(found)), consul)
        if len({component for component, _, _ in by_id.values()}) > 1:  # one export, one
            counts["proposal_unclear"] += len(by_id)  # component
            by_id = {}
        for i, (_, district, consul) in by_id.items():
            if district:
                segments[i] = replace(segments[i], district=district)
                counts["consul_ids" if consul else "proposal_ids"] += 1
        if any(counts.values()):
            options = {**document.options, **{k: v for k, v in counts.items() if v}}
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
    platforms = {
        "proposal_ids": "Decidim; Antworten gehören zum Vorschlag ihres ersten Kommentars",
        "consul_ids": "Consul",
    }
    for key, platform in platforms.items():
        if moved := options.get(key):
            notices.append(
                f"{moved} Kommentar{'' if moved == 1 else 'e'} ohne eigenen Sozialraum im "
                f"Sozialraum ihres Vorschlags gespeichert (Spalte '{PARENT_ID}' nennt die ID "
                f"des Vorschlags in {platform})."
            )
    if unclear := options.get("consul_unclear"):
        notices.append(
            f"{unclear} Kommentar{'' if unclear == 1 else 'e'} ohne Sozialraum gespeichert: "
            f"die ID in Spalte '{PARENT_ID}' haben mehrere Aussagen in verschiedenen "
            "Sozialräumen, der Vorschlag ist nicht sicher. Mit --district den Sozialraum der "
            "Datei angeben."
        )
    if missing := options.get("consul_missing"):
        notices.append(
            f"{missing} Kommentar{'' if missing == 1 else 'e'} zu Consul-Vorschlägen, die weder "
            "im Projekt noch in diesem Import sind: ohne Sozialraum gespeichert. Damit "
            "Kommentare den Sozialraum ihres Vorschlags bekommen, den Export der Vorschläge "
            "vorher oder zusammen mit ihnen importieren, mit seiner ID-Spalte als ID "
            "(--id-column id)."
        )
    if unclear := options.get("proposal_unclear"):
        notices.append(
            f"{unclear} Kommentar{'' if unclear == 1 else 'e'} ohne Sozialraum gespeichert: "
            f"die ID in Spalte '{PARENT_ID}' passt zu Vorschlägen mehrerer Decidim-Komponenten "
            "(Spalte 'component/id'), der Vorschlag ist nicht sicher. Mit --district den "
            "Sozialraum der Datei angeben oder den Kommentar-Export mit Spalte "
            f"'{PARENT_URL}' importieren."
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
