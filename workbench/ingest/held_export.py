"""The workbench's own table export imported again: left out when the project holds it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from workbench.core.domain import ParsedDocument
from workbench.core.formatting import format_number, plural


class Stored(Protocol):
    """A stored document as compared (:class:`workbench.ingest.same_content.Stored`)."""

    name: str
    statements: Callable[[], list[tuple[int, str]]]


def held_export(document: ParsedDocument, stored: Sequence[Stored]) -> str | None:
    """Why the workbench's own table export is left out when the project holds each of its
    statements (exported from this project, imported again), or at least half of them (a
    later export of the project it came from, a few statements added): they would count
    twice. Its rows span documents, so no one stored document holds them (:func:`_same_as`)."""
    if document.options.get("own_export") is None or not stored:
        return None
    mine = [s.text.strip() for s in document.segments]
    texts = set(mine)
    held: dict[str, None] = {}  # the documents holding them, in the project's order
    for other in stored:
        found = texts & {text.strip() for _, text in other.statements()}
        if found:
            held[other.name] = None
            texts -= found
        if not texts:
            break
    new = sum(text in texts for text in mine)
    if 2 * (len(mine) - new) < len(mine) or not held:
        return None
    names = ", ".join(f"'{n}'" for n in list(held)[:3]) + (" …" if len(held) > 3 else "")
    codes = (
        " Kodierungen der Spalte 'codes', die das Projekt noch nicht hat, sind damit "
        "nicht übernommen." * any(s.codes for s in document.segments)
    )
    if new:
        kept, total = format_number(len(mine) - new), format_number(len(mine))
        return (
            f"nicht importiert: ein Tabellenexport der Werkbank, und {kept} seiner {total} "
            f"Aussagen {'steht' if len(mine) - new == 1 else 'stehen'} schon im "
            f"Projekt ({names}), {plural(new, 'ist', 'sind')} neu — importiert "
            f"zählten diese {kept} doppelt.{codes} Nur die neuen übernehmen: die "
            "anderen Zeilen aus der Datei löschen und sie erneut importieren; "
            "--allow-duplicates importiert alle."
        )
    return (
        "nicht importiert: ein Tabellenexport der Werkbank, und seine "
        f"{plural(len(mine), 'Aussage steht', 'Aussagen stehen')} schon im "
        f"Projekt ({names}) — ein zweites Mal zählten sie doppelt.{codes} Mit "
        "--allow-duplicates wird er trotzdem importiert."
    )
