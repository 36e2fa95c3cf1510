"""Review decisions in an export with originals: a fresh project knows them as this one.

A word a researcher confirmed as a name (``workbench pseudonyms confirm``) stood as its
placeholder in the first project; imported from the file with originals into a fresh
project it came back in clear (and a rejected word became a person again). The export with
originals writes the decisions under the project's description (the block
``Werkbank-Namensentscheidungen``: ``Name`` and ``Kein Name`` as JSON lists); the import
stores those the project has not decided itself and pseudonymises with them. A
pseudonymised export never carries them (the words are names).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.formatting import plural
from workbench.exchange.qdxml import format_block, parse_block, unix_lines, word_list
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.store import PseudonymDecision
from workbench.store.privacy_tables import MAX_WORD

MARKER = "Werkbank-Namensentscheidungen"
FIELDS = {"confirm": "Name", "reject": "Kein Name"}


def decisions_of(session: Session) -> tuple[tuple[str, str], ...]:
    """The project's review decisions as (word, ``confirm``/``reject``), sorted."""
    rows = session.execute(select(PseudonymDecision.original, PseudonymDecision.decision))
    return tuple(sorted((word, decision) for word, decision in rows))


def decisions_block(decisions: Iterable[tuple[str, str]]) -> str | None:
    """The description block of ``decisions`` (None when there are none)."""
    words: dict[str, list[str]] = {kind: [] for kind in FIELDS}
    for word, decision in decisions:
        words.setdefault(decision, []).append(word)
    if not any(words.values()):
        return None
    fields = [(FIELDS[k], json.dumps(words[k], ensure_ascii=False)) for k in FIELDS if words[k]]
    return format_block(MARKER, fields)


def read_decisions(description: str | None, location: str) -> list[tuple[str, str]]:
    """The decisions a project description carries; a block that is not readable stops the
    import in German."""
    for block in unix_lines(description or "").split("\n\n"):
        fields = parse_block(MARKER, block)
        if fields is None:
            continue
        where = f"Projektbeschreibung, {MARKER}"
        return [
            (word, decision)
            for decision, key in FIELDS.items()
            for word in word_list(
                fields.get(key), where, location, field=f"„{key}“", expected="Wörtern"
            )
            if len(word) <= MAX_WORD
        ]
    return []


def adopt_decisions(
    session: Session, pseudonymiser: Pseudonymiser, decisions: Iterable[tuple[str, str]]
) -> tuple[int, int]:
    """Store and apply the decisions the project has not made itself; return (taken,
    differing): a word the project decided otherwise keeps the project's decision."""
    known = {row.word: row.decision for row in session.scalars(select(PseudonymDecision))}
    taken = differing = 0
    for word, decision in decisions:
        key = fold(word)
        if key in known:
            differing += known[key] != decision
            continue
        session.add(PseudonymDecision(word=key, original=word, decision=decision))
        known[key] = decision
        taken += 1
        if decision == "confirm":
            pseudonymiser.confirmed[key] = word
        else:
            pseudonymiser.rejected = pseudonymiser.rejected | {key}
    session.flush()
    return taken, differing


def decisions_notice(taken: int, differing: int) -> tuple[str, ...]:
    """What the import says about the review decisions a file brought (counts only: the
    words are names)."""
    notices = []
    if taken:
        notices.append(
            f"{plural(taken, 'Namensentscheidung', 'Namensentscheidungen')} aus der Datei "
            "übernommen (workbench pseudonyms review zeigt offene Kandidaten)."
        )
    if differing:
        notices.append(
            f"{plural(differing, 'Namensentscheidung', 'Namensentscheidungen')} der Datei "
            f"{'weicht' if differing == 1 else 'weichen'} von denen dieses Projekts ab: "
            "hier gilt die des Projekts."
        )
    return tuple(notices)
