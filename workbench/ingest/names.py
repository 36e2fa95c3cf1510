"""Person names in German text, beyond any list.

A name is recognised by what stands around it, each with a confidence:

- a form of address ("Frau Schmidt", "Herrn Prof. Dr. Becker-Lang", "Familie Yilmaz"),
- a role ("Pfarrerin Schulte-Brinkmann", "Hausmeister Kowalski", "Stadtteilmutter Ayşe"),
- a first name from the gazetteer, with the surname after it ("Olga Petrenko",
  "Anna-Lena von der Heide", "Maria del Carmen Ruiz", "Jens B."), or a surname before it
  ("Becker, Jens"; opening a speaker line any name word: "Berg, Ben: …"),
- a surname from the gazetteer after an unknown first name ("Zlatan Kovačević"),
- a cue ("sagt Krämer", "laut Petrenko", "Kontakt: …", "…, so Yilmaz", "Kowalski meint",
  "Schmitz (AWO) sagt"), a role in brackets after it ("Jansen (Pfarrer)"),
- a person already known to the project's key — also written in lower case, as people
  type in chats ("waltraud, schön dass du da bist"), unless the word is a German word of
  the name lists (:func:`~workbench.ingest.name_lists.lower_case_name_ok`).

After a form of address or a first name the word's form does not count: "Herr Jung",
"Frau Eberlein", "Frau Meier-Renz", "Sabine Jung" are names although they end like
nouns, "Stefan Richter" although "Richter" is a role (a surname of the gazetteer);
"Frau Bürgermeisterin" stays a role. "jede Frau", "eine Frau Anfang 40" are no names —
only a determiner right before the form of address says so ("für Ältere, Frau Iwanowa"
is a name), and not before a name of the gazetteer ("die ältere Frau Schmidt").

Places, institutions and ordinary words stay: first names that are also words ("Rose",
"Mai", "Handy") count only in such a context, a name chain followed by "Schule", "Platz",
… is an institution or a street ("Anne Frank Schule", "Alma Wartenberg Platz") — but a place
word right after a form of address (and a first name), or after a first name before a verb
("Herr Park sagt", "Frau Eva Garten hilft", "Anton Brunnen hilft"), is the surname — and the
project's protected words (districts, codes) are never a name; Leverkusen's districts and
quarters and organisations such as "Kolping" (``LOCAL_NAMES``) are one only after a form of
address or a first name ("Ophoven erklärt", but "Frau Schlebusch"). Unknown capitalised words
after a cue get a low confidence: :mod:`workbench.ingest.pseudonymise` replaces them only
above its threshold, and the review queue shows them to a researcher.
"""

from __future__ import annotations

import re

from workbench.ingest import name_lists as lists
from workbench.ingest import name_pairs as pairs
from workbench.ingest.body_first_names import body_first_name, body_member
from workbench.ingest.club_names import club_end
from workbench.ingest.english_genitive import apostrophe_owner, possessive_cut
from workbench.ingest.facility_words import facility_compound
from workbench.ingest.firm_forms import firm_form, firm_owner
from workbench.ingest.known_nouns import known_noun
from workbench.ingest.listed_elsewhere import name_surname
from workbench.ingest.listed_modals import english_modal
from workbench.ingest.name_acronyms import acronym_plural
from workbench.ingest.name_affiliation import idiom_end, origin_after
from workbench.ingest.name_classes import TokenClasses
from workbench.ingest.name_context import NameContext as NameContext
from workbench.ingest.name_cued import cued
from workbench.ingest.name_cues import names_language, sentence_particles, speaks
from workbench.ingest.name_known import (
    addressed_lower,
    genitive,
    known_in_text,
    known_lower,
    known_word,
    names_place,
    owner_stem,
    patronage,
    place_surname,
    place_word,
    quantified,
)
from workbench.ingest.name_roles import FAMILY, after_role, after_title
from workbench.ingest.name_tokens import (
    PLACE_END,
    Tok,
    fragment,
    saint,
    tokens,
)
from workbench.ingest.noun_surname import noun_surname
from workbench.ingest.object_nouns import object_noun
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.place_phrases import place_phrase_end
from workbench.ingest.self_introductions import self_introduced
from workbench.ingest.venue_names import in_venue
from workbench.ingest.word_first_names import word_first_name

# Endings of abstract nouns: after a first name such a word is a surname only if listed.
_ABSTRACT = re.compile(r"(?:ung|ungen|heit|keit|schaft|tion|sion|ismus|tat|nis)$")


# Abbreviations inside a name, before the next word of it ("Dr. Becker", "St. Maria").
_ABBREVIATIONS = frozenset(
    {w for w in lists.TITLES | lists.ACADEMIC if w.endswith(".")} | {"st.", "hl.", "pfr.", "pfrin."}
)

# What follows a day or month that names a time, not a surname ("Anna Montag 18 Uhr")
_TIME_AFTER = re.compile(
    r"[ \u00a0,]*(?:\d|(?:um|ab|bis|früh|abends?|morgens?|mittags?|nachmittags?|vormittags?"
    r"|nachts?|Abend|Morgen|Mittag|Nachmittag|Vormittag|Nacht)\b)"
)
# Verbs of a person right after a first name that is also a word ("Rosa hat", "Frank kommt")
_ACTS = frozenset(
    "hat hatte kummert kommt kam wohnt arbeitet leitet organisiert bringt ubernimmt mochte will "
    "kann".split()
)
# An age, a date of birth or a phone number right after a first name: hers, not the
# number of an abbreviation ("Anna 12 Jahre", "Anna 03.04.1961", "Anna 0171 2345678";
# "Max 10 Personen", "Max. 10 Jahre" stay)
_PERSONAL_NUMBER = re.compile(
    r"[ \u00a0]+(?:\d{1,3}[ \u00a0-]*(?:Jahre\b|J\.|jährig)|\d{1,2}\.\d{1,2}\.\d{2,4}\b"
    r"|0\d{2,5}[ /\u00a0-]*\d{4,9}\b)"
)
# Prepositions fused with an article: before a word they name a time or a place.
_CONTRACTIONS = frozenset("im am vom zum zur beim ins ans".split())


def _timed(text: str, tok: Tok) -> bool:
    """Whether a time follows the day or month ``tok`` ("Freitag um 10", "Montag 18 Uhr")."""
    return _TIME_AFTER.match(text, tok.end) is not None


class PersonFinder(TokenClasses):
    """Finds person names in one text; see the module docstring for the rules."""

    # -- the search -------------------------------------------------------------------
    def find(self, text: str) -> list[Hit]:
        """Person hits in ``text`` (offsets into it), overlapping ones included."""
        toks = tokens(text)
        hits: list[Hit] = []
        used = -1  # tokens up to this index belong to a hit already
        # the surnames of the sure hits so far → their keys; read again once the key has
        # learned a name of the text, those of the whole text ("Licht hat recht. Frau
        # Anna Licht kommt.": "Licht" where no noun can stand, as after the full name)
        seen: dict[str, str] = {key: key for key in self.context.in_text}
        for i, tok in enumerate(toks):
            if i <= used or saint(toks, i):
                continue
            if fragment(text, tok) and not self._numbered_first(text, tok):
                continue
            place = place_phrase_end(text, toks, i)
            if place is not None:  # "aus São Paulo", "nach Santa Monica": no "Paulo"
                used = place
                continue
            if not tok.text[0].isupper():
                found = (
                    known_lower(self, toks, i)
                    or addressed_lower(self, text, toks, i)
                    or self._lower_title(text, toks, i)  # "frau Anna Schmidt kam"
                    or self_introduced(self, text, toks, i)
                )
                if found is not None:
                    hits.append(found[0])
                    used = found[1]
                continue
            club = club_end(self, text, toks, i)
            if club is not None:  # "Laut Fortuna Düsseldorf", "Hertha BSC spielt": no person
                used = club
                continue
            found = (
                word_first_name(self, text, toks, i)  # "Frau Nur Kaya", "Danke an Nur Kaya"
                or after_title(self, text, toks, i)
                or after_role(self, text, toks, i)
                or self._first_name(text, toks, i)
                or pairs.initial(self, text, toks, i)
                or pairs.surname_pair(self, text, toks, i)
                or cued(self, text, toks, i)
                or pairs.unlisted_pair(self, text, toks, i, hits[-1] if hits else None)
                or known_word(self, text, toks, i)
                or known_noun(self, text, toks, i)
                or known_in_text(self, text, toks, i, seen)
                or pairs.enumerated(self, text, toks, i, hits[-1] if hits else None)
                or genitive(self, text, toks, i)
                or firm_owner(self, text, toks, i)  # "Die Müller KG baut"
                or body_first_name(self, text, toks, i)  # "Awo Mensah sagt"
                or body_member(self, text, toks, i)  # "AWO Mensah sagt": the body stays
                or self_introduced(self, text, toks, i)
            )
            if found is None:
                continue
            hit, last = possessive_cut(*found, toks, i)  # "[Person 1]'s Meinung"
            hits.append(hit)
            used = last
            if hit.confidence >= 0.8 and " " not in hit.key and not hit.key.startswith("["):
                seen.setdefault(hit.key, hit.key)
        return hits

    def _lower_title(self, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
        """A form of address typed in lower case before a name written as one ("frau Anna
        Schmidt", "herr Dr. Becker"): taken with it, as "Frau Anna Schmidt"."""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if toks[i].text not in ("frau", "herr", "herrn") or nxt is None:
            return None
        named = self._sure_name(nxt) or (nxt.lower + ".") in lists.ACADEMIC
        return after_title(self, text, toks, i) if named and nxt.text[:1].isupper() else None

    def find_addressed(self, text: str) -> list[Hit]:
        """Only the names after a form of address ("Herr Thomas Berger", "Frau Dr. Kaya").

        For short values that are no sentences (a category, a title, an attribute): a
        form of address before a capitalised name is a person in any text, while the
        other rules (a first name alone, a cue) would take category words for names.
        "Familie", "Ehepaar", … count only before a name of the gazetteer or one spelled
        like a name ("Familie Yilmaz", not "Familie Sonnenschein"). What stays: "Frau und
        Familie", "Herr der Ringe" (no capitalised name after the form of address); a rare
        false hit ("Frau Holle") costs readability, a miss would leak a name.
        """
        toks = tokens(text)
        hits: list[Hit] = []
        used = -1
        for i, tok in enumerate(toks):
            if i <= used or not tok.text[0].isupper():
                continue
            found = after_title(self, text, toks, i)
            if found is None:
                continue
            hit, last = found
            named = toks[i + 1 : last + 1]
            if tok.folded in FAMILY and not any(
                self.is_first(t) or self.is_surname(t) or self.is_foreign(t) for t in named
            ):
                continue
            hits.append(hit)
            used = last
        return hits

    def _adjacent(self, text: str, a: Tok, b: Tok) -> bool:
        """Whether ``b`` follows ``a`` inside one name: a blank, or ". " after an initial
        ("A. Schmidt") or an abbreviation ("Dr. Becker") — not after any other word, where
        the full stop ends a sentence ("Danke an Herrn Yılmaz. Mehmet, …"). As typed in
        haste, the blank after the full stop may be missing before a capital ("Fr.Schmidt",
        "M.Becker")."""
        gap = text[a.end : b.start]
        if gap in (" ", "\u00a0"):
            return True
        abbreviated = (len(a.text) == 1 and a.text.isupper()) or f"{a.lower}." in _ABBREVIATIONS
        typed = gap == "." and b.text[0].isupper()
        return a.dot and abbreviated and (gap in (". ", ".\u00a0") or typed)

    def _chain(
        self, text: str, toks: list[Tok], i: int, loose: bool = True
    ) -> tuple[int, int | None]:
        """Extend a name from token ``i``: more first names, particles, one surname.

        Returns (index of the last token, index of the surname token or None)."""
        last, surname = i, None if self.is_first(toks[i]) else i
        j = i + 1
        while j < len(toks) and surname is None and self._adjacent(text, toks[j - 1], toks[j]):
            tok = toks[j]
            if PLACE_END.search(tok.folded) or (tok.folded in lists.CALENDAR and _timed(text, tok)):
                break  # "Anna Freitag um 10": a day, not her surname
            if idiom_end(text, toks, j - 1) is not None:
                break  # "Yilmaz von Hause aus sagt": an idiom, no "von der Leyen"
            if origin_after(text, toks, j, self.names.has_last(toks[j - 1].text), self.protected):
                break  # "Frau Yilmaz von Köln": where she is from, no "von Bredow"
            if tok.lower in lists.LEADING_PARTICLES and j + 1 < len(toks):
                k = j
                while k < len(toks) and toks[k].lower in lists.PARTICLES:
                    k += 1
                if (
                    k < len(toks)
                    and self._adjacent(text, toks[k - 1], toks[k])
                    and self.name_like(toks[k], loose=True)
                ):
                    last = surname = self._particle_tail(text, toks, k)
                break
            if len(tok.text) == 1 and tok.text.isupper() and tok.dot:
                last = j  # an initial: "Jens B."
                break
            if j == i + 1 and self.is_first(toks[i]) and object_noun(self, text, toks, i):
                break  # "Gestern hatte Anna Geburtstag.": the noun stays
            if self.is_first(toks[j - 1]) and self._facility(tok):
                break  # "Lea Stadtteilbüro", "Finn Skatepark": where she or he is from
            if not self.name_like(tok, loose=loose, named=self._after_first(toks[j - 1], tok)):
                break
            last = j
            if not self.is_first(tok) or j - i >= 2:
                surname = j
            j += 1
        if surname is None and last > i:
            surname = last  # "Sevgi Karataş", "Hans Peter": the last name is the key
        return last, surname

    def _facility(self, tok: Tok) -> bool:
        """Whether ``tok`` after a first name is a compound for a facility or a group
        ("Stadtteilbüro", "Jugendzentrum") that no list and no key knows as a surname."""
        listed = self.names.has_last(tok.text) or self.is_foreign(tok)
        known = tok.folded in self.confirmed or tok.lower in self.known
        return facility_compound(tok.folded) and not (listed or known)

    def _particle_tail(self, text: str, toks: list[Tok], k: int) -> int:
        """The last word of a surname after particles that goes on after ``toks[k]``: a
        second surname ("Maria del Carmen Ruiz", "José de la Cruz García") or more particles
        and a name ("Ana María de los Santos"); the surname the gazetteer knows or is spelled
        like a name, else the name ends at ``toks[k]``."""
        last = m = k
        while m + 1 < len(toks) and self._adjacent(text, toks[m], toks[m + 1]):
            n = m + 1
            while n < len(toks) and toks[n].text.islower() and toks[n].lower in lists.PARTICLES:
                n += 1
            if n >= len(toks) or (n > m + 1 and not self._adjacent(text, toks[n - 1], toks[n])):
                break
            nxt = toks[n]
            sure = (
                self.is_surname(nxt)
                or self.is_foreign(nxt)
                or (n > m + 1 and self.is_first(nxt))
                # "Anna de la Fuente Bauer": a second surname the gazetteer knows, also a word
                or (n == m + 1 and self.names.has_last(nxt.text) and not place_word(nxt))
            )
            if not sure or not self.name_like(nxt, named=True):
                break
            last = m = n
        return last

    def _after_first(self, prev: Tok, tok: Tok) -> bool:
        """Whether ``tok`` follows a first name as a surname whatever its form ("Sabine
        Eberlein", "Stefan Richter"); an abstract noun only if the gazetteer knows it as a
        surname ("Sabine Jung", not "Kevin Entwicklung")."""
        if not self.is_first(prev):
            return False
        return not _ABSTRACT.search(tok.folded) or self.names.has_last(tok.text.split("-")[-1])

    def _institution_after(
        self, text: str, toks: list[Tok], last: int, streets_only: bool = False
    ) -> bool:
        """Whether the name is followed by "Schule", "Platz", … (then it names a place), not
        as what it owns ("Anna Schmidts Garten", "Pfarrerin Schultes Gemeinde")."""
        # "Müller KG" is hers, "Müller SE" a firm's; after a first name only the forms
        # below ("Anna Schmidt UG" may be her floor, "Klaus Schmidt GmbH" stays the firm)
        form = firm_form(text, toks[last].end)
        prev = toks[last - 1] if last else None
        full = prev is not None and self.is_first(prev) and self._adjacent(text, prev, toks[last])
        if form is False or (form and not full):
            return bool(form) and not streets_only
        if last + 1 >= len(toks) or not self._adjacent(text, toks[last], toks[last + 1]):
            return False
        if owner_stem(self, text, toks[last], loose=True) is not None:
            return False
        if apostrophe_owner(toks[last]):
            return False  # "Anna Schmidt's Bericht", "Tom Becker's Garten": what they own
        nxt = toks[last + 1].folded
        if re.search(r"(?:strasse|str|platz|allee|schule|gymnasium|kirche)(?:es|s)?$", nxt):
            return True  # also in lower case, or genitive: "Alma Wartenberg platz", "… Platzes"
        if streets_only:
            return False
        noun = toks[last + 1].text[0].isupper()  # not a verb: "Thomas Becker laden ein", "weg"
        return noun and (nxt in lists.INSTITUTION_NOUNS or nxt.endswith(("weg", "haus")))

    def _hit(
        self, text: str, toks: list[Tok], start: int, i: int, last: int, surname: int | None,
        confidence: float, word: str = "",
    ) -> tuple[Hit, int] | None:  # fmt: skip
        end = toks[last].end + (1 if toks[last].dot and len(toks[last].text) == 1 else 0)
        key_tok = toks[surname] if surname is not None else toks[i]
        if key_tok is toks[last]:  # "Frau Schmidts Garten": Schmidt's
            key_tok = owner_stem(self, text, key_tok) or self._owner(text, toks, i, last)
        span = toks[i : last + 1]
        named = len(span) > 1 or start < toks[i].start  # a first name or form of address
        if any(t.folded in self.rejected and not (named and self.held(t)) for t in span):
            return None
        if key_tok.folded in self.confirmed:
            confidence = 1.0
        return Hit(start, end, "person", key_tok.lower, confidence, word), last

    def _owner(self, text: str, toks: list[Tok], i: int, last: int) -> Tok:
        """The surname of a full name before a genitive "s" when the name with it is a
        surname too ("Jonas Beckers Haus" is Jonas Becker's): the key of the person."""
        stem = owner_stem(self, text, toks[last], loose=True) if last > i else None
        if stem is None or not self.is_first(toks[i]) or self.is_first(stem):
            return toks[last]
        return stem if self.is_surname(stem) or stem.lower in self.known else toks[last]

    def _blocked_first(self, toks: list[Tok], i: int, after_context: bool = False) -> bool:
        """A first name that is also a word, where nothing says it is a name."""
        tok = toks[i]
        if tok.folded in self.confirmed:
            return False
        if tok.folded in lists.NOT_FIRST and not after_context:
            return True
        return tok.folded in lists.LOWER_FIRST and tok.sentence_start and not after_context

    def _listed_surname(self, tok: Tok) -> bool:
        """A surname of the text's name list or of the key that is no word ("Hartkopf")."""
        known = tok.lower in self.known and name_surname(tok.text)
        return tok.lower in self.context.listed or known

    def _noun_pair(self, first: Tok, surname: Tok) -> bool:
        """Whether a first name that is also a noun ("Tara", "Mercedes") stands right before
        a surname of the gazetteer that is a word too ("Busch", "Bauer"): two such nouns in a
        row are a person ("Tara Busch", "Mercedes Fink"), not flowers and bushes."""
        return (
            first.folded in lists.NOUN_FIRST_NAMES
            and surname.folded not in lists.COMMON_NOUNS
            and self.names.has_last(surname.text)
        )

    def _described(self, text: str, toks: list[Tok], i: int) -> bool:
        """Whether ``toks[i]``, a word no list knows as a name, describes the person whose
        first name and surname follow it ("Mieter", "Anwohner", "Kunde")."""
        tok = toks[i]
        if i + 2 >= len(toks) or self._sure_name(tok) or self.names.has_last(tok.text):
            return False
        first, last = toks[i + 1], toks[i + 2]
        return (
            self._adjacent(text, tok, first)
            and self._adjacent(text, first, last)
            and self.is_first(first)
            and self.name_like(last, named=self._after_first(first, last))
        )

    def _numbered_first(self, text: str, tok: Tok) -> bool:
        """Whether the first name ``tok`` stands before her age, birth date or phone number
        ("Anna 12 Jahre", "Anna 03.04.1961"), not an abbreviation before a number."""
        number = _PERSONAL_NUMBER.match(text, tok.end)
        if number is None or tok.dot or not self.is_first(tok):
            return False
        # "bis Max 12 Jahre", "Max 5 Jahre Garantie": "maximal" before a number of years
        years = re.search(r"Jahre|J\.|jährig", number.group()) is not None
        return not (years and tok.folded == "max")

    def _particle_lead(self, text: str, toks: list[Tok], i: int) -> int | None:
        """The first name before the particles before ``toks[i]`` ("José" of "José de la
        Cruz"), if any."""
        j = i - 1
        while j >= 0 and toks[j].text.islower() and toks[j].folded in lists.PARTICLES:
            if text[toks[j].end : toks[j + 1].start] != " ":
                return None
            j -= 1
        if j == i - 1 or j < 0 or text[toks[j].end : toks[j + 1].start] != " ":
            return None
        return j if toks[j].text[:1].isupper() and self.is_first(toks[j]) else None

    def _first_name(self, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
        tok = toks[i]
        if not self.is_first(tok) or self.blocked(tok) or acronym_plural(text, tok):
            return None
        prev = toks[i - 1] if i else None
        last, surname = self._chain(text, toks, i)
        # "Finn Skatepark", "Lea Volkshochschule": her first name, then where she is from
        # (not inside a longer name: "Anne Frank Jugendzentrum" stays the centre's name)
        inside = prev is not None and prev.text[0].isupper() and text[prev.end : tok.start] == " "
        facility = not inside and i + 1 < len(toks) and self._facility(toks[i + 1])
        if (
            last == i
            and not facility
            and firm_form(text, tok.end) is None  # "Otto GmbH", "Otto Konzern": no surname
            and (place_surname(self, text, toks, i) or noun_surname(self, text, toks, i))
        ):
            last = surname = i + 1  # "Anton Brunnen hilft", "Anna Bahn kam": her surname
        lead = self._particle_lead(text, toks, i) if last == i else None
        fronted = lead and toks[lead - 1].lower in lists.ARTICLES | _CONTRACTIONS
        if fronted and self._institution_after(text, toks, last):  # "Der José de la Cruz Garten"
            return None
        # "Markus Haus", "Jonas Garten": his, the apostrophe left out ("Markus' Haus"); an
        # article before makes it the building's name ("das Markus Haus der Gemeinde")
        owns = last == i and tok.text.endswith(("s", "x", "z", "ß"))
        owns = owns and not (prev is not None and prev.lower in lists.ARTICLES)
        if not facility and self._institution_after(text, toks, last, streets_only=owns):
            return None
        if last == i and not (owns or facility) and names_place(self, text, toks, i):
            return None  # "dem Kemal ALtun Platz": the square, its surname mistyped
        if patronage(self, text, toks, i):
            return None  # "Die Kirche Maria Himmelfahrt": the church
        if in_venue(text, toks, i, lambda t: self._sure_name(t) or self.is_role(t)):
            return None  # "im Cafe del Sol", "Plaza de la Cruz": the venue
        if last == i and english_modal(text, tok.start, tok.end):
            return None  # "Can you share the slides?": the verb, no Can
        if last == i and quantified(text, toks, i):
            return None  # "Mehr Luke im Park": a hatch
        weak = self._blocked_first(toks, i) or (
            prev is not None and prev.lower in lists.ARTICLES and tok.folded in lists.NOT_FIRST
        )
        after_article = prev is not None and prev.lower in lists.ARTICLES
        start = tok.start
        if surname == i + 1 == last and (lead := self._particle_lead(text, toks, i)) is not None:
            start = toks[lead].start  # "José de la Cruz Garten hilft": all of her name
        if surname is None:
            before = pairs.surname_before(self, text, toks, i, last)
            if before is None:  # "Terhorst Anna sagt", "Hinweis von Terhorst Anna"
                before = pairs.surname_before_first(self, text, toks, i, last)
            if before is not None:
                start, surname = toks[before].start, before
            lead = sentence_particles(text, toks, i) if self.names.has_last(tok.text) else None
            after = toks[last + 1] if last + 1 < len(toks) else None
            inverted = [
                t for t in toks[last + 2 : last + 3] if text[toks[last + 1].end : t.start] == " "
            ]
            if lead is not None and speaks(text, toks, last, after, inverted):
                start, surname = toks[lead].start, i  # "Da Silva sagt": a surname, all of it
        if tok.folded in lists.LANGUAGE_WORDS and surname is None and names_language(toks, i):
            return None  # "not only German", "German, English": a language, not a person
        if weak:
            cue = prev is not None and prev.folded in lists.STRONG_CUES
            # "Rosa hat die Liste", "Frank kümmert sich": a word such as "rosa" does not act
            nxt = (
                toks[i + 1]
                if i + 1 < len(toks) and text[tok.end : toks[i + 1].start] == " "
                else None
            )
            cue = cue or (
                (tok.folded in lists.LOWER_FIRST or tok.folded in lists.NOUN_FIRST_NAMES)
                and nxt is not None
                and nxt.folded in _ACTS
            )
            sure_surname = surname is not None and (
                self.is_surname(toks[surname])
                or self.is_foreign(toks[surname])
                or self._noun_pair(tok, toks[surname])
                # "Lasse Hartkopf kommt." of a listed or key-known Gregor Hartkopf
                or (not after_article and self._listed_surname(toks[surname]))
            )
            if not (sure_surname or cue):
                return None
            return self._hit(text, toks, start, i, last, surname, 0.7, tok.text)
        if after_article:
            sure = surname is not None and (
                self.is_surname(toks[surname]) or self.is_foreign(toks[surname])
            )
            if prev.lower in _CONTRACTIONS and not sure:
                return None  # "im Ramadan", "am Montag", "beim Karneval": a time or place
            if surname is None:  # "der Peter": a first name alone, worth a look
                return self._hit(text, toks, start, i, last, surname, 0.55, tok.text)
        return self._hit(text, toks, start, i, last, surname, 0.95 if surname else 0.9)
