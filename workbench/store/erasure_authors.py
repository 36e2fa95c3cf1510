"""A forgotten person as author: of memos, recommendations and need clusters' edits.

A participant can write a memo, formulate a recommendation or rename a need cluster. A
memo keeps its author as typed (a pseudonymised export names her by her placeholder
while the key knows her full name), and earlier releases stored the author of a
recommendation or an edit as typed too. ``forget --person`` (and ``--speaker``) deleted
her key entry but left her name there: ``recommend list``, ``workbench needs`` and
``memos list`` showed it, and the next pseudonymised REFI-QDA export named her in clear
(``<Users>``). :func:`forget_authors` stores her placeholder instead, and
:func:`forget_coder_names` for her codings (a participant who codes as Ko-Forschende). As
on storing (:mod:`workbench.ingest.author_names`), only her full name as the key writes it
(with or without its forms of address, "Dr.") counts: a first name alone may be a colleague's.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.store.analysis_tables import NeedEdit
from workbench.store.coding_tables import (
    CodingAction,
    CodingActionItem,
    CodingResolution,
    coder_names,
)
from workbench.store.erasure_names import by_full_name, key_people
from workbench.store.schema import Coding, Memo
from workbench.store.synthesis_tables import Recommendation


def forget_authors(
    session: Session, erased: set[str], recommendations: set[int] | None = None
) -> tuple[set[int], int]:
    """Replace the author of every memo, recommendation and need edit whose name is the
    full name of one of the key's persons ``erased`` by their placeholder; return the ids
    of the memos and how many recommendations and edits changed (the recommendations'
    ids go into ``recommendations``)."""
    names = _full_names(session, erased)
    memos: set[int] = set()
    others = 0
    for model in (Memo, Recommendation, NeedEdit) if names else ():
        for record in session.scalars(select(model).order_by(model.id)):
            placeholder = by_full_name(names, record.author or "")
            if placeholder is not None:
                record.author = placeholder
                if model is Memo:
                    memos.add(record.id)
                else:
                    if model is Recommendation and recommendations is not None:
                        recommendations.add(record.id)
                    others += 1
    session.flush()
    return memos, others


def forget_coder_names(
    session: Session, erased: set[str], statements: set[int] | None = None
) -> tuple[int, list[str]]:
    """Give the codings (also as the one who accepted a suggestion), coding steps and
    resolutions of a coder whose name is the full name of one of the key's persons
    ``erased`` to their placeholder; return how many coders were renamed, and notes
    (without names) on those left: the placeholder codes already, or two spellings of her
    name code — `coders rename` merges them. The ids of the statements whose codings
    changed go into ``statements`` (an open coding panel shows them)."""
    names = _full_names(session, erased)
    coders = coder_names(session)
    meant: dict[str, list[str]] = {}  # placeholder → the coders her name is written as
    for coder in sorted(coders):
        placeholder = by_full_name(names, coder)
        if placeholder is not None:
            meant.setdefault(placeholder, []).append(coder)
    renamed, notes = 0, []
    for placeholder, (old, *others) in meant.items():
        if others or placeholder in coders:
            notes.append(
                f"Hinweis: Die Kodierungen von {placeholder} stehen unter mehreren Namen und "
                "tragen weiter ihren Namen: workbench coders zeigt sie, workbench coders "
                f'rename NAME "{placeholder}" führt sie unter dem Platzhalter zusammen.'
            )
            continue
        if statements is not None:
            coded = select(Coding.segment_id).where(
                (Coding.coder == old) | (Coding.accepted_by == old)
            )
            statements.update(session.scalars(coded))
        session.execute(update(Coding).where(Coding.coder == old).values(coder=placeholder))
        session.execute(
            update(CodingAction).where(CodingAction.coder == old).values(coder=placeholder)
        )
        for model in (Coding, CodingActionItem):  # she accepted a suggestion (app kodieren)
            accepted = update(model).where(model.accepted_by == old)
            session.execute(accepted.values(accepted_by=placeholder))
        for resolution in session.scalars(select(CodingResolution)):
            if resolution.coder == old:
                resolution.coder = placeholder
            if old in (resolution.state or {}):
                state = dict(resolution.state)
                state[placeholder] = state.pop(old)
                resolution.state = state
        renamed += 1
    session.flush()
    return renamed, notes


def coder_placeholder(session: Session, coder: str) -> str | None:
    """The placeholder of the key's person whose full name the coder ``coder`` is (as
    :func:`forget_coder_names` takes it); None if she is nobody's of the key."""
    return by_full_name(key_people(session), coder)


def coder_forgotten(session: Session, coder: str, placeholder: str | None) -> bool:
    """Whether a person's erasure took the coder ``coder`` away, who was the key's person
    ``placeholder`` (:func:`coder_placeholder`) when she began coding: her key entry is
    gone (or her name now another's), or her codings stand under the placeholder
    (:func:`forget_coder_names`; ``--speaker`` keeps an entry others' texts still use).
    Names are only compared here; nothing is logged (decision 020, Nachtrag Runde 48)."""
    if placeholder is None:
        return False
    if coder_placeholder(session, coder) != placeholder:
        return True
    coders = coder_names(session)
    return placeholder in coders and coder not in coders


def _full_names(session: Session, erased: set[str]) -> dict[str, str]:
    """The full names (plain) of the key's persons ``erased`` → their placeholder."""
    everyone = key_people(session)  # also without "Dr."
    return {name: placeholder for name, placeholder in everyone.items() if placeholder in erased}
