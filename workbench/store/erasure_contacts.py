"""A forgotten person's own e-mail addresses, profiles and profile links leave the key too.

``forget --person "Ilka Dörrenhaus"`` took her name out of the pseudonym key, but another
person's statement ("… schreibt [Person 5] ([E-Mail])") kept the ``[E-Mail]`` placeholder,
so the key (and every backup of it) still held "ilka.doerrenhaus@t-online.de". A contact
entry whose name part is evidently hers — it holds her surname and her first name or its
initial, as written on a keyboard ("ilka.doerrenhaus", "i_doerrenhaus", "doerrenhaus-ilka",
"idoerrenhaus") — goes with her name: the placeholder stays in the text, as for her name,
and the spans that replaced it go (an export with originals would put it back). Addresses
not evidently hers ("info@verein.de", "doerrenhaus@…" without her first name) stay, and so
does one that fits a person who stays as well ("a.schmidt@…" when Alex Schmidt stays).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.erasure_names import TITLES
from workbench.store.schema import Pseudonym, PseudonymSpan

# The kinds of key entries that can carry a person's name in what they replaced.
CONTACT_KINDS = ("email", "handle", "url")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[._\-+0-9]+")


def _spellings(word: str) -> set[str]:
    """A name word as typed in an address: "dörrenhaus" → "doerrenhaus", "dorrenhaus"."""
    word = unicodedata.normalize("NFC", word.casefold())
    bare = unicodedata.normalize("NFKD", word.replace("ß", "ss"))
    return {word.translate(_UMLAUTS), "".join(c for c in bare if not unicodedata.combining(c))}


def _name_pairs(names: list[str]) -> list[tuple[set[str], set[str]]]:
    """(first names, surnames) spellings of each name with a first name and a surname."""
    pairs = []
    for name in names:
        words = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in TITLES]
        if len(words) >= 2:
            pairs.append((_spellings(words[0]), _spellings(words[-1])))
    return pairs


def _name_part(kind: str, value: str) -> str:
    """The part of a contact that can hold a name: an e-mail's local part, a profile's
    name, a profile link's last path segment."""
    value = value.strip().casefold()
    if kind == "email":
        return value.split("@", 1)[0]
    if kind == "url":
        return value.rstrip("/").rsplit("/", 1)[-1]
    return value.lstrip("@")


def evidently_hers(kind: str, value: str, names: list[str]) -> bool:
    """Whether a contact's name part holds one of ``names``: the surname together with the
    first name or its initial ("ilka.doerrenhaus", "i.doerrenhaus", "ilkadoerrenhaus")."""
    part = _name_part(kind, value)
    tokens = {t for t in _SEPARATORS.split(part) if t}
    joined = "".join(tokens)
    for firsts, surnames in _name_pairs(names):
        initials = {f[:1] for f in firsts}
        for surname in surnames:
            if surname in tokens and tokens & (firsts | initials):
                return True
            together = {f + surname for f in firsts | initials} | {surname + f for f in firsts}
            if joined in together:
                return True
    return False


def forget_person_contacts(session: Session, erased: set[str], counts: dict[str, int]) -> int:
    """Delete the contact entries of the key that are evidently those of the persons
    ``erased`` (their placeholders, before their name entries go) and the spans that
    replaced them; return how many entries went (also counted in ``counts``)."""
    names: list[str] = []
    others: list[str] = []  # the names of the persons who stay
    for placeholder, original, normalised in session.execute(
        select(Pseudonym.placeholder, Pseudonym.original, Pseudonym.normalised).where(
            Pseudonym.kind == "person"
        )
    ):
        (names if placeholder in erased else others).extend(
            (original, normalised.removesuffix(" ?"))
        )
    if not names:
        return 0
    entries = session.scalars(select(Pseudonym).where(Pseudonym.kind.in_(CONTACT_KINDS)))
    hers = [k for k in entries if evidently_hers(k.kind, k.original, names)]
    # "a.schmidt@" of Anna fits Alex Schmidt too: his stays in the key, to be checked
    gone = [k for k in hers if not evidently_hers(k.kind, k.original, others)]
    counts["contact_entries_shared"] = counts.get("contact_entries_shared", 0) + len(hers)
    counts["contact_entries_shared"] -= len(gone)
    values = {k.original.strip().casefold() for k in gone} | {k.normalised for k in gone}
    for key in gone:
        session.delete(key)
    for span in list(session.scalars(select(PseudonymSpan))):
        if span.original.strip().casefold() in values:
            session.delete(span)
            counts["key_spans"] = counts.get("key_spans", 0) + 1
    counts["contact_entries"] = counts.get("contact_entries", 0) + len(gone)
    session.flush()
    return len(gone)
