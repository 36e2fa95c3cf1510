"""Placeholders of another project in an imported file: people of their own here.

A pseudonymised export of project A (REFI-QDA, CSV, XLSX) names its people ``[Person 1]``,
``[Person 2]`` in A's numbering; in project B they are other people than B's
``[Person 1]`` (decision 002, Nachtrag Sitzung 24). A number is **this project's** when
this project's document or statement names it whose text a part of the file has (a
REFI-QDA source, a table row: the project's own export);
every other number is a person of the file's origin with its own key entry (keyed by the
origin and the number: a re-import finds the same person), renumbered in ascending order
into this project's numbering. :func:`renumber_rows` does it for table-like imports;
:mod:`workbench.exchange.foreign` for REFI-QDA files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.core.formatting import plural
from workbench.ingest.offsets import OffsetMap
from workbench.ingest.pseudonymise import PERSON_PLACEHOLDER as PLACEHOLDER
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.store import Document, Segment


def person_numbers(texts: Iterable[Any]) -> set[int]:
    """The person numbers of the placeholders in ``texts`` (non-strings are skipped)."""
    return {int(m.group(1)) for t in texts if isinstance(t, str) for m in PLACEHOLDER.finditer(t)}


def swap_placeholders(text: str, mapping: dict[int, str]) -> tuple[str, OffsetMap]:
    """``text`` with the mapped ``[Person N]`` replaced, and old → new positions."""
    out: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    cursor = new = 0
    for m in PLACEHOLDER.finditer(text):
        placeholder = mapping.get(int(m.group(1)))
        if placeholder is None:
            continue
        out.append(text[cursor : m.start()])
        new += m.start() - cursor
        edits.append((m.start(), m.end(), new, new + len(placeholder)))
        out.append(placeholder)
        new += len(placeholder)
        cursor = m.end()
    out.append(text[cursor:])
    return "".join(out), OffsetMap(edits)


def foreign_people(
    pseudonymiser: Pseudonymiser, found: set[int], ours: set[int], origin: str
) -> dict[int, str]:
    """Key entries for the numbers in ``found`` that are not ``ours``; returns the ones
    whose placeholder changes (a new project keeps the file's numbers as they are)."""
    foreign = sorted(found - ours)
    if not foreign:
        return {}
    # a number of this project's texts (maybe imported before it had a key entry) is taken
    pseudonymiser.person_floor = max([pseudonymiser.person_floor, *ours])
    mapping = {
        n: pseudonymiser.person(f"[person {n}] {origin.casefold()}", f"[Person {n}] aus {origin}")
        for n in foreign
    }
    return {n: p for n, p in mapping.items() if p != f"[Person {n}]"}


def renumbered_notice(changed: dict[int, str], where: str) -> str:
    """What the import says about the people it renumbered (``where``: from what)."""
    shown = ", ".join(f"[Person {n}] → {p}" for n, p in list(changed.items())[:3])
    more = " …" if len(changed) > 3 else ""
    return (
        f"{plural(len(changed), 'Person', 'Personen')} aus {where} neu nummeriert "
        f"({shown}{more}): ihre Platzhalter meinen dort andere Personen als hier; jede ist "
        "hier eine eigene Person."
    )


def stored_statements(session: Session) -> Callable[[str], set[int] | None]:
    """For a text that is a statement of the project, the person numbers its stored
    statements name (text, role, attributes such as the speaker); else ``None``."""
    people: dict[str, set[int]] | None = None

    def stored(text: str) -> set[int] | None:
        nonlocal people
        if people is None:
            people = {}
            rows = session.execute(select(Segment.text, Segment.speaker_role, Segment.attributes))
            for said, role, attributes in rows:
                found = person_numbers([said, role, *(attributes or {}).values()])
                people.setdefault(said, set()).update(found)
        return people.get(text)

    return stored


def document_people(session: Session, document: Document) -> set[int]:
    """The person numbers a stored document's text and its statements name."""
    rows = session.execute(
        select(Segment.speaker_role, Segment.attributes).where(Segment.document_id == document.id)
    )
    return person_numbers(
        [document.text, *(v for role, attrs in rows for v in (role, *(attrs or {}).values()))]
    )


def _segment_texts(seg: ParsedSegment) -> list[Any]:
    return [seg.text, seg.question, seg.speaker_role, seg.workshop, *seg.attributes.values()]


def renumber_rows(
    document: ParsedDocument,
    pseudonymiser: Pseudonymiser,
    stored: Callable[[str], set[int] | None],
) -> tuple[ParsedDocument, str | None]:
    """A laid-out document (table, protocol) with another origin's people renumbered
    (rule above; the origin is the file's name), and the notice saying so."""
    if document.text is not None:  # a REFI-QDA source: renumbered before parsing
        return document, None
    found = person_numbers(t for s in document.segments for t in _segment_texts(s))
    found |= person_numbers([document.title, document.workshop])
    if not found:
        return document, None
    ours = {n for s in document.segments for n in stored(s.text) or ()}
    origin = Path(document.filename).name
    changed = foreign_people(pseudonymiser, found, ours, origin)
    if not changed:
        return document, None

    def swap(value: Any) -> Any:
        return swap_placeholders(value, changed)[0] if isinstance(value, str) else value

    segments = tuple(
        replace(
            s,
            text=swap(s.text),
            question=swap(s.question),
            speaker_role=swap(s.speaker_role),
            workshop=swap(s.workshop),
            attributes={k: swap(v) for k, v in s.attributes.items()},
        )
        for s in document.segments
    )
    renumbered = replace(
        document, segments=segments, title=swap(document.title), workshop=swap(document.workshop)
    )
    return renumbered, renumbered_notice(changed, f"„{origin}“")
