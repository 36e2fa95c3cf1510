"""A name by its cue (a rule of :class:`workbench.ingest.names.PersonFinder`, which passes
itself as ``finder``): a capitalised word after "laut", "sagt", "Kontakt:", "…, so", before
a speech verb ("Kowalski meint"), or before a role in brackets ("Jansen (Pfarrer)")."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest import name_pairs as pairs
from workbench.ingest import unlisted_words as words
from workbench.ingest.english_genitive import shop_owned
from workbench.ingest.name_affiliation import (
    noble_end,
    noble_word,
    said_of,
    says_after,
    says_compared,
)
from workbench.ingest.name_cues import (
    cue_before,
    introduced,
    past_aside,
    perfect_speaker,
    said_perfect,
    sentence_particles,
    signed_off,
    signed_pair,
    speaks,
    subject_before,
)
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_openers import (
    common_noun,
    contracted_verb,
    opens_before_name,
    opens_clause,
    opens_comparison,
    speaks_in_clause,
)
from workbench.ingest.name_pairs import FEMININE_ROLES
from workbench.ingest.name_tokens import Tok, last_char
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_place_name,
    is_place_phrase,
)
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.signoff_pairs import association, signer_pair
from workbench.ingest.surname_heads import surname_compound
from workbench.ingest.venue_names import VENUE_WORDS, opens_venue


class PersonFinder(pairs.PersonFinder, Protocol):
    """What this rule uses of :class:`workbench.ingest.names.PersonFinder`."""

    confirmed: frozenset[str]

    def _described(self, text: str, toks: list[Tok], i: int) -> bool:
        """Whether ``toks[i]`` describes the person whose full name follows it."""


def cued(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A capitalised word after a cue ("laut Krämer") or before a speech verb."""
    tok = toks[i]
    if tok.text.endswith(("'s", "’s")) and not contracted_verb(tok):
        stem = tok.text[:-2]
        owner = replace(tok, end=tok.end - 2, text=stem, folded=fold(stem), lower=stem.lower())
        if not (finder._sure_name(owner) or owner.lower in finder.known) or shop_owned(text, tok):
            return None  # "laut Rewe's Prospekt", "laut McDonald's Filiale": english_genitive's
    strong, weak = cue_before(text, toks, i)
    signer = False
    if not (strong or weak) and signed_off(text, toks, i):
        # "Viele Grüße\n\nKaya": a surname alone under the sign-off, no place or noun
        # ("Viele Grüße\n\nOpladen", "…\n\nVorstand")
        strong = not is_place_name(tok.folded) and (
            finder.is_surname(tok)
            or finder.is_foreign(tok)
            or words.unlisted_word(finder, tok, heads=True)  # "…\n\nTerhorst"
        )
    elif not (strong or weak) and signed_pair(text, toks, i):
        # "LG\nTjorven Kettelhack": a first name and a surname of no list as the line
        # under the sign-off; no office or place ("LG\nCaritas Sozialstation")
        signer = signer_pair(finder, text, toks, i)
        listed = not association(tok) and _listed_after(finder, text, tok, toks[i + 1])
        strong = signer or listed
    if strong and _reaction(finder, text, toks, i):
        return None  # "Moderation: Prima": what the moderator said
    if strong and not finder._sure_name(tok):  # "Frau Demirtaş betont Ältere": an object
        strong = not subject_before(text, toks, i - 1, finder._sure_name)
    if not finder.name_like(tok) and not (
        strong
        and (
            (tok.folded in lists.NOT_FIRST and finder.is_first(tok))
            or pairs.surname_first(finder, text, toks, i)  # "Kontakt: Schlebusch Hanna"
        )
    ):
        return None
    last, surname = finder._chain(text, toks, i, loose=False)
    nxt = toks[i + 1] if last == i and i + 1 < len(toks) else None
    if (
        nxt
        and not finder._sure_name(tok)
        and tok.folded.endswith(FEMININE_ROLES)
        and finder._adjacent(text, tok, nxt)
        and finder.is_first(nxt)
        and not introduced(text, toks, i)
    ):
        return None  # "sagt Mieterin Fatma Arslan": who she is, then her name
    if nxt and finder._described(text, toks, i):
        return None  # "sagt Mieter Fatma Arslan": no surname before a full name
    if nxt and pairs.surname_first(finder, text, toks, i):
        last = i + 1  # "Kontakt: Terhorst Anna": the surname, then her first name
    if (  # "ich heiße Okke Tjaden": the surname after an unknown first name
        nxt
        and introduced(text, toks, i)
        and finder._adjacent(text, tok, nxt)
        and finder.name_like(nxt, loose=True, named=True)
    ):
        last = surname = i + 1
    unlisted = last == i and nxt is not None and words.unlisted_surname(finder, text, toks, i)
    # "laut Ysolde Möhring": a first name of no list, then a surname of the gazetteer
    unlisted = unlisted or (last == i and nxt is not None and _listed_after(finder, text, tok, nxt))
    unlisted = unlisted or (last == i and signer)  # "LG\nOcka Nolting"
    if unlisted:
        last = surname = i + 1  # "laut Quirin Zabelberg": no list knows the surname
    if finder._institution_after(text, toks, last):
        return None
    if last == i and nxt is not None and _named_pair(finder, text, tok, nxt):
        return None  # "laut Deutsche Bahn", "laut Open Air Kino", "laut Addis Abeba"
    venue = tok.folded in VENUE_WORDS or not finder._sure_name(tok)  # "Casa" is a surname too
    if last == i and venue and opens_venue(text, toks, i):
        return None  # "laut Hotel de la Paz", "laut Club of Rome", "laut Rotes Kreuz"
    noble = _noble(finder, text, toks, i, last)
    if noble is not None:
        last = noble  # "Müller von Hohenstein sagt, …": her name goes on after "von"
    span = toks[i : last + 1]
    sure = any(finder.is_surname(t) or finder.is_foreign(t) for t in span)
    # "Schmitz (AWO) sagt", "Jansen (Pfarrer) bietet …": the word after the name's aside
    k, role = past_aside(text, toks, last, finder.is_role)
    after = toks[k] if k < len(toks) else None
    # the word right after the verb, in one clause with it ("Später sagte sie"); after
    # a colon, comma or quote it begins what was said ("Schulz sagte: „Wir …“")
    inverted = [t for t in toks[k + 1 : k + 2] if after and text[after.end : t.start] == " "]
    # "Als Senat das sagte", "Weil Chef sagte, …": a noun without its article, no person
    clause = not (last == i and common_noun(finder, tok))
    speaking = (
        after is not None
        and after.folded in lists.SPEECH_VERBS
        # after an aside only a name of the gazetteer: "Sprungbrett (Träger) berichtet"
        and (text[toks[last].end : after.start] == " " or (k > last + 1 and (sure or role)))
        and (
            tok.sentence_start
            or last_char(text, tok.start) == ","
            # "Weil Becker sagte, …": the verb ends the clause the conjunction opens
            or (clause and not inverted and opens_clause(text, toks, i))
        )
        and not any(t.folded in lists.SUBJECTS for t in inverted)
        # "Später sagte Krämer": the name after the verb speaks, not the adverb
        and (sure or not any(finder._sure_name(t) for t in inverted))
    )
    lead = sentence_particles(text, toks, i)  # "Von Weizsäcker sagte", "Da Silva meint"
    speaking = speaking or (lead is not None and speaks(text, toks, last, after, inverted))
    # "Becker hat's gesagt", "Becker hat uns erzählt, …": only a name of a list that is no
    # word of the language ("Sommer hat's gezeigt", "Koch hat's gesagt", "Später hat's …")
    plain = finder._sure_name(tok) and not ordinary_word(tok.text) and not is_place_name(tok.folded)
    speaking = speaking or (plain and tok.sentence_start and said_perfect(text, toks, last))
    speaking = speaking or perfect_speaker(
        text, toks, i, last, finder._sure_name
    )  # "Das hat Gülcan gesagt"
    # "Weil Becker gestern sagte, …", "Als Hartkopf das sagte, …": a word or two between
    speaking = speaking or (clause and speaks_in_clause(text, toks, i, last))
    speaking = speaking or _belongs_and_says(finder, text, toks, i, last, sure)
    speaking = speaking or _compared_says(finder, text, toks, i, last, sure)
    according = i > 0 and toks[i - 1].folded == "laut" and weak  # "laut Terhorst"
    if strong or speaking or role:
        confidence = 0.85 if sure else 0.6
    elif according:
        confidence = 0.85 if sure else 0.55
    elif weak and sure:
        confidence = 0.75
    else:
        return None
    if tok.folded in lists.NOT_FIRST:
        confidence = min(confidence, 0.6)
    if last > i and opens_before_name(finder, tok):
        # "Obwohl Hartkopf sagte, …", "Sobald Becker meint, …": the conjunction or verb
        # opening the clause is no first name of the speaker (a closed list)
        i, tok = i + 1, toks[i + 1]
    word = "" if confidence >= 0.8 else toks[last].text if unlisted else tok.text
    start = toks[lead].start if lead is not None and speaking else tok.start
    return finder._hit(text, toks, start, i, last, surname, confidence, word)


def _belongs_and_says(
    finder: PersonFinder, text: str, toks: list[Tok], i: int, last: int, sure: bool
) -> bool:
    """Whether the name from ``toks[i]`` to ``toks[last]``, a surname of the gazetteer,
    opens its sentence or clause and says something after where it belongs ("Müller von
    der Kvb sagt, …", "Wie Fischer vom Angelverein meint, …"; not "Der Bäcker vom Markt
    sagt", "Post vom Jugendamt erklärt", "Müller vom Nabu sagt man dazu"); "Müller vom
    Nabu sagt man nach, …" is said of her (:func:`said_of`)."""
    if not (sure or finder.names.has_last(toks[last].text)):
        return False
    verb = says_after(text, toks, last, sure, finder.protected)
    if verb is None:
        return False
    tok = toks[i]
    opening = tok.sentence_start or last_char(text, tok.start) == "," or opens_clause(text, toks, i)
    after = toks[verb + 1] if verb + 1 < len(toks) else None
    subject = after is not None and text[toks[verb].end : after.start] == " "
    # "Müller vom Nabu sagt man nach, …": said of her; "… sagt man dazu" stays
    said = subject and after.folded in lists.SUBJECTS and not said_of(text, toks, verb)
    return opening and not said


def _noble(finder: PersonFinder, text: str, toks: list[Tok], i: int, last: int) -> int | None:
    """The index of the word of nobility after "von" after the surname of the gazetteer
    ``toks[i]`` (alone) that opens its sentence or clause and speaks after it ("Müller von
    Hohenstein sagt, …"; not "von Opladen", "von Montag", "von Stadt", "von Caritas")."""
    tok = toks[i]
    if last != i or not finder.names.has_last(tok.text) or tok.folded in finder.protected:
        return None
    if not (tok.sentence_start or last_char(text, tok.start) == "," or opens_clause(text, toks, i)):
        return None
    sure = finder.is_surname(tok) or finder.is_foreign(tok)
    return noble_end(text, toks, last, sure, lambda t: noble_word(finder, t))


def _compared_says(
    finder: PersonFinder, text: str, toks: list[Tok], i: int, last: int, sure: bool
) -> bool:
    """Whether the surname of the gazetteer ``toks[i]`` (alone) is the subject of a clause
    "wie" opens and a speech verb in the singular ends ("Wie Müller sagt, …", "…, wie
    Fischer vom Angelverein meint."; not "Wie Kinder sagen", "Wie Berlin zeigt", "Wie Bauer
    sagt man dazu?", "Wie Caritas sagt": no surname)."""
    tok = toks[i]
    if last != i or not opens_comparison(text, toks, i):
        return False
    if not (sure or finder.names.has_last(tok.text)) or tok.folded in finder.protected:
        return False
    # a surname that is also a word or a place only with a verb of a person ("Wie Wolf
    # meint, …"; "Wie Post erklärt, …", "Wie Hagen berichtet, …" stay)
    plain = sure and not ordinary_word(tok.text) and not is_place_name(tok.folded)
    return says_compared(text, toks, last, plain, finder.protected)


def _reaction(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is a reaction alone after a label ("Moderation: Prima", also
    "Moderation: Super!"), no surname: nothing but a sentence mark follows in its line."""
    tok = toks[i]
    if tok.folded not in lists.REACTIONS or finder.is_surname(tok):
        return False
    if toks[i - 1].folded not in lists.LABEL_CUES:
        return False
    rest = text[tok.end : toks[i + 1].start] if i + 1 < len(toks) else text[tok.end :]
    return i + 1 == len(toks) or "\n" in rest or rest.strip(" \u00a0")[:1] in tuple(".!?…")


def _named_pair(finder: PersonFinder, text: str, tok: Tok, nxt: Tok) -> bool:
    """Whether ``tok``, no name of any list, opens a name of two capitalised words that is
    no person's: a place of two words ("Addis Abeba"), a firm or an event whose first word
    is a German noun or adjective or an English word ("Deutsche Bahn", "Open Air Kino")."""
    if text[tok.end : nxt.start] != " " or not nxt.text[:1].isupper():
        return False
    if finder._sure_name(tok) or tok.folded in finder.confirmed or tok.lower in finder.known:
        return False
    return (
        is_place_phrase(f"{tok.folded} {nxt.folded}")
        or is_german_noun(tok.folded)
        or tok.folded in words.english_words()
    )


def _listed_after(finder: PersonFinder, text: str, tok: Tok, nxt: Tok) -> bool:
    """Whether ``nxt``, one blank after the word of no list ``tok`` that a cue made a name,
    is its surname: a surname of the gazetteer or a word written like a name that is no
    noun, compound, place or English word, whatever its ending ("laut Ysolde Möhring",
    "laut Okke Harmsen", "laut Okke Terhorst": :mod:`surname_heads`; not "laut Nabu
    Leverkusen", "laut Okke Stein", "laut Caritas Sozialstation")."""
    if text[tok.end : nxt.start] != " " or not words.unlisted_word(finder, tok):
        return False
    if is_place_phrase(f"{tok.folded} {nxt.folded}"):
        return False  # "laut Addis Abeba"
    if finder.is_surname(nxt) or finder.names.has_last(nxt.text):
        return not (is_german_noun(nxt.folded) or is_place_name(nxt.folded))
    f = nxt.folded
    return words.no_listed_word(finder, nxt) and not (
        compound_noun(f) and not surname_compound(f, finder.names)  # "Terhorst"
    )
