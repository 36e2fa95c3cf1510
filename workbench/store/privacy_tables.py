"""Tables of privacy: researchers' decisions on name candidates, and the erasure log.

Both belong to the re-identification key's side of the store: a decision names the word
it is about (a possible name), so only researchers read it. The erasure log records that
something was forgotten, by whom and how much — never what.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from workbench.store.schema import MAX_CODER, Base, Meta, Pseudonym, utcnow

# Meta key of the highest person number ever given: numbers of forgotten persons are
# never given again (an old export's "[Person 7]" must not become someone else).
PERSON_NUMBER_KEY = "pseudonym_person_max"
MAX_WORD = 200  # longest word a pseudonym decision holds


def keep_person_numbers(session: Session) -> None:
    """Remember the highest ``[Person N]`` of the key before entries are deleted."""
    highest = 0
    for placeholder in session.scalars(select(Pseudonym.placeholder)):
        number = re.fullmatch(r"\[Person (\d+)\]", placeholder)
        if number:
            highest = max(highest, int(number.group(1)))
    meta = session.get(Meta, PERSON_NUMBER_KEY)
    if meta is None:
        session.add(Meta(key=PERSON_NUMBER_KEY, value=str(highest)))
    elif int(meta.value) < highest:
        meta.value = str(highest)


class PseudonymDecision(Base):
    """A researcher's decision on a name candidate: ``confirm`` (a name) or ``reject``.

    ``word`` is the folded form (lower case, no diacritics) the detector compares with;
    ``original`` the word as first seen. Later imports apply the decision.
    """

    __tablename__ = "pseudonym_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(String(MAX_WORD))
    original: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    decision: Mapped[str] = mapped_column(String(10))  # confirm | reject
    decided_by: Mapped[str] = mapped_column(String(MAX_CODER), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (UniqueConstraint("word", name="uq_pseudonym_decision_word"),)


class ErasureEntry(Base):
    """One ``forget``: what was asked for (by kind), by whom, and the counts removed.

    ``selector`` holds the kind of the request (statement, source, speaker, token) and a
    reference that is no content: statement ids, a source id, a placeholder, or the first
    characters of the token's hash; ``need_labels`` the ``[run, cluster]`` pairs whose
    need name the request rewrote (open topic maps reload for them); for a person or
    speaker, ``rewritten`` the statements kept whose memos or codings now carry the
    placeholder instead of the name and ``recommendations`` the recommendations rewritten
    so (ids only; not to be erased again after a restore, unlike ``statements``).
    """

    __tablename__ = "erasure_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(MAX_CODER), default="")
    selector: Mapped[dict] = mapped_column(JSON, default=dict)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
