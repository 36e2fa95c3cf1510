"""What a ``forget --speaker`` leaves of the person, said as a note (placeholders, ids, counts).

The key entry of a person forgotten as speaker stays while another text still names them
(a statement of someone else, "[Person 3] hat recht"; a participant's comment; a code's
description): those texts keep their placeholder, and the key keeps the name behind it.
Without a note the researcher answering the erasure request believed the name gone.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.participation_tables import FeedbackAnswer
from workbench.store.schema import Code, Pseudonym, Segment


def still_named(session: Session, erased: set[str]) -> list[str]:
    """Notes on the placeholders of ``erased`` the key still holds, and where they stand."""
    kept = sorted(
        set(session.scalars(select(Pseudonym.placeholder).where(Pseudonym.kind == "person")))
        & {p for p in erased if re.fullmatch(r"\[Person \d+\]", p)}
    )
    notes = []
    for placeholder in kept:
        statements = session.execute(select(Segment.id, Segment.text).order_by(Segment.id))
        ids = [i for i, text in statements if placeholder in text]
        comments = sum(placeholder in c for c in session.scalars(select(FeedbackAnswer.comment)))
        codes = sum(
            placeholder in f"{d or ''} {e or ''}"
            for d, e in session.execute(select(Code.description, Code.example))
        )
        where = []
        if ids:
            shown = " ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
            where.append(f"{len(ids)} Aussage(n) anderer (ID {shown})")
        if comments:
            where.append(f"{comments} Kommentar(e) von Beteiligten")
        if codes:
            where.append(f"{codes} Code-Beschreibung(en)")
        if where:
            notes.append(
                f"Hinweis: {placeholder} bleibt mit Namen im Pseudonymschlüssel, weil "
                f"{', '.join(where)} die Person noch nennen. Diese prüfen und gegebenenfalls "
                "löschen (Aussagen: --statement ID …, Kommentare: --token CODE, Codes: "
                "codebook); erst dann verlässt der Name den Schlüssel."
            )
    return notes
