"""The author of a researchers' record (a recommendation, a need cluster's edit) when she
is a participant.

A recommendation's author is a researchers' field: a colleague's name stays as typed. In
a participatory process a participant can formulate one ("Gisela Brandhorst", who spoke
in the workshop): her name, which the project's key or a name list holds in full, was
stored in clear beside the pseudonymised text, shown by ``recommend list`` and left by
``forget --person``. It is stored as her placeholder, as a name in the text would be; so
is the author of a rename, merge or split of need clusters (``cluster … --author``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.ingest.pseudonymise import listed_names, pseudonymised_texts
from workbench.store import Coding, CodingAction, CodingResolution, Memo, Pseudonym
from workbench.store.erasure_names import by_full_name, full_name_forms, key_people, plain


def participant_author(session: Session, author: str) -> str:
    """``author`` as stored: the placeholder of a person the key or a name list knows by
    this full name, else the name as typed (a first name alone may be a colleague's)."""
    if not is_participant(session, author):
        return author
    return pseudonymised_texts(session, " ".join(author.split()))[0] or author


def is_participant(session: Session, author: str, known: frozenset[str] | None = None) -> bool:
    """Whether the key or a name list knows ``author`` as a person by this full name
    (compared without case, diacritics and extra blanks); ``known``: the
    :func:`participant_names` of ``session``, read once for many authors."""
    name = " ".join(author.split())
    if " " not in name:
        return False
    return plain(name) in (participant_names(session) if known is None else known)


def participant_names(session: Session) -> frozenset[str]:
    """The full-name forms (plain) of the persons the key and the name lists know."""
    originals = session.scalars(select(Pseudonym.original).where(Pseudonym.kind == "person"))
    return frozenset(f for o in [*originals, *listed_names(session)] for f in full_name_forms(o))


def known_people(session: Session) -> dict[str, str]:
    """The key's persons by their full name (plain, as written and without forms of address:
    "Dr. Anna Schmidt" codes as "Anna Schmidt") → placeholder: an author or
    coder a pseudonymised export names by placeholder ("Gisela Brandhorst", a participant
    who codes or writes a memo); a first name alone may be a colleague's and stays.

    A coder or author stored under that placeholder as her name ("[Person 1]", typed so,
    or from an older release's import) beside the participant was the same user of the
    export (``<Users>``): her codings merged with the participant's, as one coder. She is
    shown as "[Person 1] (eingetragener Name)" then, and read back as herself."""
    people = key_people(session)  # also without "Dr."
    stored: set[str] = set()
    for column in (Coding.coder, CodingAction.coder, CodingResolution.coder, Memo.author):
        stored |= set(session.scalars(select(column).distinct()))
    shown_as = {name: shown_name(people, name) for name in stored if name}
    taken = set(shown_as.values())
    participants = {shown for name, shown in shown_as.items() if shown != name}
    for name in sorted(n for n, shown in shown_as.items() if n == shown and n in participants):
        shown, number = f"{name} ({_TYPED})", 1
        while shown in taken:  # that, too, typed as a name
            number += 1
            shown = f"{name} ({_TYPED} {number})"
        people[plain(" ".join(name.split()))] = shown
        taken.add(shown)
    return people


_TYPED = "eingetragener Name"


def shown_name(people: dict[str, str], name: str) -> str:
    """``name`` as a pseudonymised export shows it (see :func:`known_people`)."""
    return by_full_name(people, name) or name
