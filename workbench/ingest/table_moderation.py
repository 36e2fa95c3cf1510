"""Contributions a platform's moderation removed: not statements unless asked for.

Pol.is exports every comment with its moderation status (``moderated``: -1 rejected, 0 not
yet moderated, 1 accepted); in the Austrian Klimarat's conversations half of them were
rejected (duplicates, off-topic, several ideas at once, abuse). Participants never saw
them, the platform's own report leaves them out, and a needs analysis that clusters them
describes what the moderation filtered, not what people discussed. Other tools write the
same as "Moderationsstatus: abgelehnt" or "moderation: hidden".

A column is read as the moderation's decision only when its header says moderation
(``moderated``, ``Moderation``, ``Moderationsstatus``, …; not a plain "Status", which on a
participatory budget is the council's answer to a proposal) and every value in it is a
known decision — so a column "Moderation" holding the moderators' names or their reply
stays what it was. Rows the moderation rejected are counted and left out
(``include_rejected`` keeps them); the column stays an attribute of the others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.ingest.common import cell_at, cell_text
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.personal_columns import header_key

HEADERS = frozenset(
    "moderated moderation moderationstatus moderationsstatus moderationstate moderiert "
    "moderationsergebnis moderationresult moderationdecision moderationsentscheidung".split()
)
REJECTED = frozenset(
    "-1 rejected abgelehnt hidden ausgeblendet versteckt gesperrt blocked removed entfernt "
    "geloscht deleted spam".split()
)
# Every other decision a moderation column may hold (accepted, waiting, not yet looked at).
KEPT = frozenset(
    "0 1 accepted approved angenommen freigegeben freigeschaltet zugelassen pending "
    "unmoderated offen ungepruft ausstehend wartend visible sichtbar published "
    "veroffentlicht ok".split()
)


def _decision(cell: Any) -> str:
    """A moderation cell as a word to look up: folded text, "-1.0" as "-1"."""
    text = fold(cell_text(cell) or "")
    try:
        number = float(text)
    except ValueError:
        return text.replace(" ", "")
    return str(int(number)) if number.is_integer() else text


@dataclass(frozen=True)
class Moderation:
    """The moderation column of a table, if it has one."""

    column: str | None = None
    index: int | None = None

    def rejects(self, fields: Sequence[Any]) -> bool:
        """Whether the moderation rejected this row."""
        return _decision(cell_at(fields, self.index)) in REJECTED


def find_moderation(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], taken: Collection[str]
) -> Moderation:
    """The column holding the moderation's decision: a moderation header, every value a
    known decision, at least one a rejection; else none."""
    for i, column in enumerate(header):
        if column in taken or header_key(column) not in HEADERS:
            continue
        values = {_decision(cell_at(cells, i)) for _, cells in records} - {""}
        if values & REJECTED and values <= REJECTED | KEPT:
            return Moderation(column, i)
    return Moderation()


def moderation_notices(options: Mapping[str, Any]) -> list[str]:
    """What the import did with the rows the moderation rejected."""
    if not options.get("moderation_rejected"):
        return []
    column, rows = options["moderation_rejected"]
    counted = f"{rows} Zeile{'' if rows == 1 else 'n'}"
    if options.get("include_rejected"):
        return [
            f"{counted} von der Moderation abgelehnt (Spalte '{column}'): mit übernommen "
            "(--include-rejected); die Spalte bleibt Attribut."
        ]
    return [
        f"{counted} von der Moderation abgelehnt (Spalte '{column}'): nicht übernommen. "
        "Wer sie mit auswerten will, importiert die Datei mit --include-rejected."
    ]
