"""Who a ``forget --speaker`` means: the key's entries of a name, and where else the person is.

Split from :mod:`workbench.store.erasure`: matching a typed name against the pseudonym key
("Ayse Yilmaz" is the "Ayşe Yılmaz" of the key; "Peter Schmidt" not the Anna Schmidt of the
key "schmidt"), and the notes on a person who spoke nowhere or shared another's placeholder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import person_key
from workbench.store.schema import ListedName, Pseudonym, PseudonymSpan, Segment

PERSON = re.compile(r"\[Person (\d+)\]")


def speaker_placeholders(session: Session, speaker: str) -> set[str]:
    """The placeholders a ``--speaker`` names: itself, or the key's entries of that name."""
    placeholders = {speaker.strip()}
    given, surname = name_parts(speaker)
    keys = list(session.scalars(select(Pseudonym).where(Pseudonym.kind == "person")))
    # the first names each person of the key was met with ("Anna" of "schmidt")
    met: dict[str, set[str]] = {}
    for key in keys:
        full = " " in key.normalised and not key.normalised.endswith(" ?")  # "anna schmidt"
        named = key.normalised.rsplit(" ", 1)[0] if full else None
        met.setdefault(key.placeholder, set()).add(
            plain(named) if named else name_parts(key.original)[0] or ""
        )
    for key in keys:
        # One person is one key (the surname): "Jürgen Wieczorek" finds the person
        # first met as "Herr Wieczorek", and "Ayse Yilmaz" (typed on a German
        # keyboard) the one imported as "Ayşe Yılmaz" — but "Peter Schmidt" not the
        # Anna Schmidt of the key "schmidt" (a second Schmidt has a key of their own).
        normalised = plain(key.normalised)
        other = given is not None and bool(met[key.placeholder] - {"", given})
        if plain(key.original.strip()) == plain(speaker.strip()) or (
            surname
            and (normalised == f"{given} {surname}" or (normalised == surname and not other))
        ):
            placeholders.add(key.placeholder)
    word = plain(speaker.strip())
    if given is None and " " not in word and len(placeholders) == 1:
        # "Anna" of the key's "Anna Müller", first met as "Anna:" (the key writes her full
        # name since): only if one person of the key was met with that first name
        firsts = {p for p, names in met.items() if word in names}
        placeholders |= firsts if len(firsts) == 1 else set()
    return placeholders


def not_speaking(session: Session, speaker: str, placeholders: set[str]) -> str:
    """Why ``speaker`` has no statements to forget, and where the key's person is named
    instead (a protocol's "Anna Schmidt: …" is text, not a speaker field)."""
    people = sorted(p for p in placeholders if PERSON.fullmatch(p))
    named = [
        segment_id
        for segment_id, text in session.execute(
            select(Segment.id, Segment.text).order_by(Segment.id)
        )
        if any(p in text for p in people)
    ]
    message = f"Keine Aussage der sprechenden Person {speaker}."
    if people:  # she has the right to erasure though she never spoke
        message += (
            " Eine Person, die nur genannt wird (in Aussagen anderer, im Dateinamen), "
            "löscht workbench forget --person NAME aus dem Pseudonymschlüssel."
        )
    if not named:
        return message
    ids = " ".join(map(str, named[:20])) + (" …" if len(named) > 20 else "")
    return (
        f"{message} Der Schlüssel kennt sie als {', '.join(people)}; genannt wird sie "
        f"(nicht als Sprecher*in vermerkt) in {len(named)} Aussage(n): ID {ids}. Diese "
        "prüfen und gegebenenfalls mit --statement ID … löschen."
    )


def shared_before(session: Session, speaker: str, placeholders: set[str]) -> list[str]:
    """Where an earlier workbench stored ``speaker`` under the placeholder of another
    person of the same surname (before 2026-12 "Peter Schmidt" got the "[Person 1]" of
    an "Anna Schmidt" met before him): the statements to check, as a note; else none.

    Evidence is a replaced name that was this person ("Peter Schmidt bietet an …" shown
    as another placeholder) or a workshop listing the person in which the placeholder of
    the surname's first person appears but none of the person's own.
    """
    given, surname = name_parts(speaker)
    if given is None or not surname:
        return []
    own = {p for p in placeholders if PERSON.fullmatch(p)}
    shared: set[str] = set()
    workshops: set[int] = set()
    spans = select(PseudonymSpan.original, PseudonymSpan.start, PseudonymSpan.end, Segment)
    for original, start, end, segment in session.execute(spans.join(Segment)):
        shown = segment.text[start:end]
        theirs = name_parts(original) == (given, surname)
        if theirs and PERSON.fullmatch(shown) and shown not in own:
            shared.add(shown)
            workshops.add(segment.workshop_id)
    first = {  # the person a surname alone was keyed to: "schmidt" → Anna's placeholder
        key.placeholder
        for key in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
        if plain(key.normalised) == surname and key.placeholder not in own
    }
    segments = list(session.scalars(select(Segment).order_by(Segment.id)))
    for workshop_id, name in session.execute(select(ListedName.workshop_id, ListedName.name)):
        if name_parts(name) != (given, surname):
            continue
        used = {p for s in segments if s.workshop_id == workshop_id for p in people_in(s)}
        if used & first and not used & own:
            shared |= used & first
            workshops.add(workshop_id)
    ids = [s.id for s in segments if s.workshop_id in workshops and set(people_in(s)) & shared]
    if not ids:
        return []
    shown = " ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
    return [
        f"Hinweis: Eine frühere Version der Werkbank gab Personen gleichen Nachnamens einen "
        f"Platzhalter; {speaker.strip()} kann in früher importierten Aussagen auch "
        f"{', '.join(sorted(shared))} sein (gesprochen oder genannt): ID {shown}. Diese "
        "prüfen (workbench export --originals) und gegebenenfalls mit --statement ID … "
        "löschen."
    ]


def people_in(segment: Segment) -> list[str]:
    """The person placeholders of a statement: its speaker and those in its text."""
    fields = [segment.text, segment.speaker_role or "", (segment.attributes or {}).get("speaker")]
    return [m.group() for f in fields if isinstance(f, str) for m in PERSON.finditer(f)]


TITLES = frozenset("frau herr herrn fr. hr. dr. prof. familie".split())
# Particles of a surname, written in lower case: "Herr de Vries" names no first name "de"
PARTICLES = frozenset("von van zu de der den di da del della dos du la le ter ten".split())


def name_parts(name: str) -> tuple[str | None, str]:
    """First name (or None) and surname of a name, without case and diacritics ("Frau
    Anna Schmidt", "Schmidt, Anna" → ("anna", "schmidt"); "Frau Schmidt" → (None, …))."""
    if name.count(",") == 1:
        surname, first = name.split(",")
        name = f"{first} {surname}"
    words = [w for w in name.split() if w.casefold() not in TITLES and w not in PARTICLES]
    surname = plain(person_key(" ".join(words))) if words else ""
    return (plain(words[0]) if len(words) >= 2 else None), surname


_PLAIN_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d"})


def plain(name: str) -> str:
    """A name without case and diacritics, as typed on any keyboard ("Yılmaz" → "yilmaz")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_PLAIN_EXTRA)


def full_name_forms(original: str) -> list[str]:
    """The key's name as an author or coder may type it (plain): as written and without its
    forms of address ("Dr. Anna Schmidt" is also "anna schmidt"); a first or surname alone
    ("Frau Koch" without "Frau") may be a colleague's and is none.

    >>> full_name_forms("Dr.  Anna Schmidt"), full_name_forms("Frau Koch")
    (['dr. anna schmidt', 'anna schmidt'], ['frau koch'])
    """
    words = original.split()
    forms = [" ".join(words), " ".join(w for w in words if w.casefold() not in TITLES)]
    found = [plain(form) for form in forms if " " in form]
    return list(dict.fromkeys(found))


def people_by_full_name(people: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The key's persons (original, placeholder) by each of their :func:`full_name_forms`
    → placeholder; a name as the key writes it goes before another's without its forms of
    address ("Anna Schmidt" is hers, not "Dr. Anna Schmidt"'s).

    >>> people_by_full_name([("Dr. Anna Schmidt", "[P1]"), ("Anna Schmidt", "[P2]")])
    {'dr. anna schmidt': '[P1]', 'anna schmidt': '[P2]'}
    """
    forms = [(full_name_forms(original), placeholder) for original, placeholder in people]
    found: dict[str, str] = {}
    for depth in (0, 1):
        for names, placeholder in forms:
            if len(names) > depth:
                found.setdefault(names[depth], placeholder)
    return found


def key_people(session: Session) -> dict[str, str]:
    """The key's persons by their full names (:func:`people_by_full_name`, also without a
    form of address: "Dr. Anna Schmidt" as "anna schmidt") → placeholder, first met first."""
    people = select(Pseudonym.original, Pseudonym.placeholder).where(Pseudonym.kind == "person")
    return people_by_full_name(session.execute(people.order_by(Pseudonym.id)).tuples())


def by_full_name(people: dict[str, str], name: str) -> str | None:
    """The placeholder of the person of ``people`` (:func:`key_people`) whose full name
    ``name`` is, compared without case, diacritics and extra blanks; None if nobody's."""
    return people.get(plain(" ".join(name.split())))
