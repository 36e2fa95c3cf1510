"""Hits of listed names beyond their variants as whole words (a name joined to a noun by a
hyphen), and where they meet the rules' hits: a particle a rule read before one, a hit
inside another (:class:`workbench.ingest.pseudonymise.Pseudonymiser`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.core.word_caches import register
from workbench.ingest.listed_words import word_surname
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import INSTITUTION_NOUNS, PARTICLES
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pii_patterns import Hit


def particle_before_listed(text: str, hit: Hit, inner: list[Hit], names: tuple[str, ...]) -> bool:
    """Whether ``hit`` is a listed name with a word before it that a rule read as the
    particle of a surname ("Da Silva sagt", "Von Weizsäcker meint"), though the list names
    the person without it: "Da Hartkopf sagte, …" (the conjunction) of a Gregor Hartkopf,
    "Von Da Silva sagte, …" of a Maria Da Silva ("Von"); not where a listed name has it."""
    if not inner or hit.kind != "person":
        return False
    listed = max(inner, key=lambda h: h.end - h.start)
    if listed.end != hit.end or listed.start <= hit.start:
        return False
    before = text[hit.start : listed.start]
    if not before.endswith(" ") or not all(w.lower() in PARTICLES for w in before.split()):
        return False
    surname = text[listed.start : listed.end].lower()
    words = [name.lower().split() for name in names]
    listed_words = {word for name in words if surname in name for word in name}
    return not any(word.lower() in listed_words for word in before.split())


def inside_any(hit: Hit, others: list[Hit]) -> bool:
    """Whether ``hit`` lies inside one of ``others``."""
    return any(o.start <= hit.start and hit.end <= o.end for o in others)


# Words joined by hyphens, the last one capitalised ("Kowalski-Fest", "Anna-Schmidt-Initiative")
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*-[A-ZÄÖÜ][^\W\d_]*(?![\w-])")
# A part after a name that makes it a place ("Manfort-Nord")
_PLACE_PARTS = frozenset(("nord", "sud", "ost", "west", "mitte"))


def compound_hits(text: str, variants: Iterable[tuple[str, str, int, bool | None]]) -> list[Hit]:
    """Listed surnames and full names joined to a German noun by a hyphen ("das Kowalski-Fest",
    "die Anna-Schmidt-Initiative"): the person, the noun kept ("das [Person 1]-Fest").

    ``variants`` are the Pseudonymiser's (variant, key, flags, lower case too). A double
    surname ("Müller-Lüdenscheidt": no noun after), a place ("Manfort-Nord"), an
    institution named after someone ("Kowalski-Schule", "Bayer-Werk") and a surname that
    is a German word ("Sommer-Fest" of a listed Anna Sommer) are none.
    """
    compounds = list(_COMPOUND.finditer(text))
    if not compounds:
        return []
    names = _compound_names(variants)
    hits = []
    for m in compounds:
        parts = m.group().split("-")
        starts = [m.start() + sum(len(p) + 1 for p in parts[:k]) for k in range(len(parts))]
        for j in range(1, len(parts)):
            if not _noun_part(parts[j]):
                continue
            chain = _listed_chain(parts, j, names)
            if chain:
                hits += [Hit(starts[k], starts[e] - 1, "person", key, 1.0) for k, e, key in chain]
                break
    return hits


def _listed_chain(
    parts: list[str], end: int, names: dict[str, tuple[str, bool]]
) -> list[tuple[int, int, str]]:
    """The listed names that end before ``parts[end]``, one after another back to the first
    that is none ("Schmidt-Kowalski-Treffen": both), as (first part, end, key)."""
    chain = []
    while end > 0:
        k = next((k for k in range(end) if _listed_as(parts[k:end], names)), None)
        if k is None:
            break
        chain.append((k, end, names[" ".join(parts[k:end]).lower()][0]))
        end = k
    return chain


def _listed_as(words: list[str], names: dict[str, tuple[str, bool]]) -> bool:
    """Whether ``words`` are a listed name as written: capitalised, also all in capitals
    ("KOWALSKI-Fest"), or all lower case where the list allows it ("kowalski-Fest")."""
    listed = names.get(" ".join(words).lower())
    if listed is None:
        return False
    return all(w[:1].isupper() for w in words) or (listed[1] and all(w.islower() for w in words))


# The names of the last variants asked about: the Pseudonymiser keeps its variant list while
# the list of names stays the same, and reading thousands of variants for every text with a
# hyphen cost seconds per thousand texts.
_NAMES: list[tuple[object, dict[str, tuple[str, bool]]]] = []
register(f"{__name__}._NAMES", _NAMES)


def _compound_names(
    variants: Iterable[tuple[str, str, int, bool | None]],
) -> dict[str, tuple[str, bool]]:
    """The listed full names and surnames of ``variants`` (lower case, hyphens as spaces) →
    their keys and whether the list takes them in lower case too."""
    cached = _NAMES[0] if _NAMES else None
    if cached is not None and cached[0] is variants:
        return cached[1]
    names = {  # "Zabelberg-Quast", "Anna-Lena Schmidt" as their parts
        variant.replace("-", " ").lower(): (key, lower_too is True)
        for variant, key, _, lower_too in variants
        if " " in key and variant[:1].isupper() and _surname_or_full(variant, key)
    }
    _NAMES[:] = [(variants, names)]
    return names


def _surname_or_full(variant: str, key: str) -> bool:
    """A listed full name, or the surname of one that is no German word or place."""
    if " " in variant:
        return True
    surname = key.rsplit(" ", 1)[-1] == variant.lower()
    return surname and not word_surname(variant, key) and not is_place_name(fold(variant))


def _noun_part(part: str) -> bool:
    """A capitalised German noun after a hyphen, no institution's, place's or name's part."""
    folded = fold(part)
    if not part[:1].isupper() or _institution(folded) or folded in _PLACE_PARTS:
        return False
    if gazetteer().has_last(part) or gazetteer().has_first(part):
        return False  # "Schmidt-Lüdenscheidt", "Anna-Lena": a name's second part
    stems = (folded, folded[:-1] if folded.endswith(("s", "n")) else "", folded[:-2])
    return any(stem and is_german_noun(stem) for stem in stems)  # "Vorschlags", "Festes"


def _institution(folded: str) -> bool:
    """An institution's noun, in the plural and genitive too ("Werke", "Schulen", "Werkes")."""
    stems = [folded] + [
        folded[: -len(end)] for end in ("es", "en", "e", "n", "s") if folded.endswith(end)
    ]
    if folded.endswith("en") and folded[:-2] in _PLURAL_S:
        stems.remove(folded[:-2])  # "Treffen", no form of the "Treff" ("Treffs")
    return any(stem in INSTITUTION_NOUNS for stem in stems)


# Institutions' nouns with a plural in "-s" whose "-en" form is a noun of its own
_PLURAL_S = frozenset(("treff", "park"))
