"""Pseudonymisation at import: personal data becomes stable placeholders.

Detected: e-mail addresses, phone numbers, street addresses with a house number, and
person names — from a per-workshop name list and from German forms of address
("Frau Schmidt", "Herrn Dr. Yilmaz"). The same person gets the same ``[Person N]``
throughout the project; the key (placeholder → original) is returned separately and
stored apart from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

EMAIL = "[E-Mail]"
PHONE = "[Telefon]"
ADDRESS = "[Adresse]"

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# German and international numbers: a leading 0 or +49/0049, then digit groups
# separated by blanks, slashes or hyphens; at least 6 digits in all (checked below).
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{2}|00\d{2}|\(0\d{2,5}\)|0\d{2,5})(?:[ /-]?\(?\d[\d]*\)?){1,5}(?![\w])"
)
_STREET_WORD = (
    r"(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|pfad|markt|chaussee|"
    r"promenade|hof|steig|berg|feld|siedlung|wall)"
)
_NUMBER = r" ?\d{1,4}(?: ?[a-hA-H]\b)?(?:\s?[-–/]\s?\d{1,4})?(?!\d)"
# "Hauptstraße 12a", "Kölner Straße 5", "Kölner Str. 5 a", "Opladener Platz 23-25"
_STREET = re.compile(
    rf"\b(?:[A-ZÄÖÜ][a-zäöüß]+er[ -])?(?:[A-ZÄÖÜ][a-zäöüß-]*{_STREET_WORD}|"
    r"(?<=er[ -])(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer))" + _NUMBER
)
# "Am Stadtpark 3", "Im Bruch 4a": a preposition, a name and a short house number;
# words that make ordinary phrases ("Im Jahr 2020", "Zum Beispiel 3 …") are left alone.
_NOT_PLACES = frozenset(
    """
    jahr jahre monat woche wochenende tag beispiel ende anfang moment schnitt
    durchschnitt teil vergleich sommer winter herbst frühjahr frühling lockdown abend
    morgen mittag montag dienstag mittwoch donnerstag freitag samstag sonntag januar
    februar märz april mai juni juli august september oktober november dezember
    zeitpunkt rahmen schluss prinzip gegenteil grunde allgemeinen moment
    """.split()
)
_PLACE = re.compile(
    r"\b(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur) "
    r"(?P<place>[A-ZÄÖÜ][a-zäöüß]+) ?\d{1,3}(?: ?[a-hA-H]\b)?(?![\d.,:])"
)

# Role nouns that follow "Frau"/"Herr" without being a name.
_NOT_NAMES = frozenset(
    """
    bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin pfarrer
    pfarrerin kollege kollegin direktor direktorin professor professorin doktor minister
    ministerin vorsitzende vorsitzender leiter leiterin nachbar nachbarin lehrer
    lehrerin dezernent dezernentin beigeordnete beigeordneter
    """.split()
)
# An article or preposition right before a listed name marks an ordinary noun.
_ARTICLE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:im|am|um|vom|zum|zur|beim|ins|ans|der|die|das|den|dem|des|ein|eine|einen|"
    r"einem|eines|jeden|jedem|diesen|diesem|letzten|nächsten|kommenden|bis|über|nach)\s+$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"\b(?P<title>Frau|Herrn?|Fr\.|Hr\.)\s+(?P<academic>(?:(?:Dr|Prof)\.\s*)*)"
    r"(?P<name>[A-ZÄÖÜ][\w'’äöüß-]+(?:\s+(?:von|van|de|zu)\s+[A-ZÄÖÜ][\w'’äöüß-]+)?)"
)


@dataclass(frozen=True)
class Replacement:
    """One replaced piece: where in the new text, what it was, and its kind."""

    start: int
    end: int
    original: str
    placeholder: str
    kind: str  # person | email | phone | address


@dataclass
class Pseudonymiser:
    """Stateful across one project: the same person always gets the same number.

    ``known`` maps (kind, normalised original) to its placeholder and is loaded from the
    store before an import, so numbering stays stable across imports.
    """

    known: dict[tuple[str, str], str] = field(default_factory=dict)
    new: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def _person_count(self) -> int:
        return sum(1 for kind, _ in self.known if kind == "person")

    def person(self, key: str, original: str) -> str:
        """Placeholder for the person identified by ``key`` (a normalised surname)."""
        ident = ("person", key)
        if ident not in self.known:
            placeholder = f"[Person {self._person_count() + 1}]"
            self.known[ident] = placeholder
            self.new[ident] = (original, placeholder)
        return self.known[ident]

    def fixed(self, kind: str, original: str, placeholder: str) -> str:
        """Record an unnumbered placeholder (e-mail, phone, address) in the key."""
        ident = (kind, original.strip().lower())
        if ident not in self.known:
            self.known[ident] = placeholder
            self.new[ident] = (original, placeholder)
        return placeholder

    def pseudonymise(self, text: str, names: Iterable[str] = ()) -> tuple[str, list[Replacement]]:
        """Return ``text`` with personal data replaced, and the replacements made."""
        found = list(self._find(text, tuple(names)))
        # Earliest first; on overlap the longer match wins.
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, str, str]] = []
        for match in found:
            if chosen and match[0] < chosen[-1][1]:
                continue
            chosen.append(match)
        out: list[str] = []
        replacements: list[Replacement] = []
        cursor = 0
        length = 0
        for start, end, kind, key in chosen:
            out.append(text[cursor:start])
            length += start - cursor
            original = text[start:end]
            if kind == "person":
                placeholder = self.person(key, original)
            else:
                placeholder = self.fixed(
                    kind, original, {"email": EMAIL, "phone": PHONE, "address": ADDRESS}[kind]
                )
            out.append(placeholder)
            replacements.append(
                Replacement(length, length + len(placeholder), original, placeholder, kind)
            )
            length += len(placeholder)
            cursor = end
        out.append(text[cursor:])
        return "".join(out), replacements

    def _find(self, text: str, names: tuple[str, ...]) -> Iterable[tuple[int, int, str, str]]:
        """Yield (start, end, kind, key) of every candidate, overlaps included."""
        for m in _EMAIL.finditer(text):
            yield m.start(), m.end(), "email", ""
        for m in _PHONE.finditer(text):
            if sum(ch.isdigit() for ch in m.group()) >= 6:
                yield m.start(), m.end(), "phone", ""
        for m in _STREET.finditer(text):
            yield m.start(), m.end(), "address", ""
        for m in _PLACE.finditer(text):
            if m.group("place").lower() not in _NOT_PLACES:
                yield m.start(), m.end(), "address", ""
        listed = _name_index(names)
        for m in _TITLE.finditer(text):
            tokens = m.group("name").split()
            key = _key(tokens[-1])
            if key in _NOT_NAMES:
                continue
            # "Frau Anna Schmidt": take the surname too when the first token is listed.
            rest = text[m.end() :]
            follow = re.match(r"\s+([A-ZÄÖÜ][\w'’äöüß-]+)", rest)
            end = m.end()
            if follow and _key(follow.group(1)) in listed and _key(tokens[-1]) in listed:
                key = listed[_key(follow.group(1))]
                end += follow.end()
            else:
                key = listed.get(key, key)
            yield m.start(), end, "person", key
        for variant, key in sorted(_variants(names), key=lambda v: -len(v[0])):
            for m in re.finditer(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text):
                # A lone name that is also a word ("im Sommer", "der Koch") stays.
                if " " not in variant and _ARTICLE_BEFORE.search(text, 0, m.start()):
                    continue
                yield m.start(), m.end(), "person", key


def _key(token: str) -> str:
    """Normalised form of a name token for matching."""
    return token.strip(".,;:!?'’").lower()


def _variants(names: Iterable[str]) -> list[tuple[str, str]]:
    """Full name, surname and first name of each listed person, with its key."""
    out = []
    for name in names:
        tokens = name.split()
        if not tokens:
            continue
        key = _key(tokens[-1])
        out.append((name.strip(), key))
        out.extend((token, key) for token in tokens if len(token) > 2)
    return out


def _name_index(names: Iterable[str]) -> dict[str, str]:
    """Map every listed name token (normalised) to its person key."""
    return {_key(variant): key for variant, key in _variants(names)}
