"""A forgotten person as author: of memos, recommendations and need clusters' edits.

A participant can write a memo, formulate a recommendation or rename a need cluster. A
memo keeps its author as typed (a pseudonymised export names her by her placeholder
while the key knows her full name), and earlier releases stored the author of a
recommendation or an edit as typed too. ``forget --person`` (and ``--speaker``) deleted
her key entry but left her name there: ``recommend list``, ``workbench needs`` and
``memos list`` showed it, and the next pseudonymised REFI-QDA export named her in clear
(``<Users>``). :func:`forget_authors` stores her placeholder instead. As on storing
(:mod:`workbench.ingest.author_names`), only her full name as the key writes it counts:
a first name alone may be a colleague's.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.analysis_tables import NeedEdit
from workbench.store.erasure_names import plain
from workbench.store.schema import Memo, Pseudonym
from workbench.store.synthesis_tables import Recommendation


def forget_authors(session: Session, erased: set[str]) -> tuple[set[int], int]:
    """Replace the author of every memo, recommendation and need edit whose name is the
    full name of one of the key's persons ``erased`` by their placeholder; return the ids
    of the memos and how many recommendations and edits changed."""
    names: dict[str, str] = {}  # full name (plain) → placeholder
    people = select(Pseudonym.original, Pseudonym.placeholder).where(Pseudonym.kind == "person")
    for original, placeholder in session.execute(people):
        name = plain(" ".join(original.split()))
        if placeholder in erased and " " in name:
            names.setdefault(name, placeholder)
    memos: set[int] = set()
    others = 0
    for model in (Memo, Recommendation, NeedEdit) if names else ():
        for record in session.scalars(select(model).order_by(model.id)):
            placeholder = names.get(plain(" ".join((record.author or "").split())))
            if placeholder is not None:
                record.author = placeholder
                if model is Memo:
                    memos.add(record.id)
                else:
                    others += 1
    session.flush()
    return memos, others
