"""Blind set: three frames a name stayed in clear in (session 46).

1. "Wie Müller sagt, …": "wie" opening a clause (at a sentence's start or after a comma)
   with a surname of the gazetteer as its subject and a speech verb in the singular that
   ends the clause, perhaps after where she belongs ("Wie Müller vom Nabu sagt, …") or an
   adverb ("Wie Müller gestern sagte, …"). The surnames are drawn (seeded) from faker's
   German surnames that the finder takes for surnames and no word; a second group the
   surnames that are also nouns ("Wie Fischer meint, …") with a verb only a person does.
   must-stay: plural verbs ("Wie Kinder sagen"), questions ("Wie geht es?", "Wie Bauer sagt
   man dazu?"), places, institutions, brands and nouns ("Wie Berlin zeigt", "Wie Caritas
   sagt", "Wie Rewe meldet", "Wie Post erklärt").
2. A title or "Frau"/"Herr" + a first name + a surname of no list that ends like a place
   ("Dr. Ommo Brinkhaus", "Frau Hilke Kötterhaus"): the surname must not stay beside the
   placeholder. The surnames are made here (seeded) from Westphalian first parts and the
   heads "-haus", "-hof"; one that a noun lexicon, place list or gazetteer knows is dropped.
   must-stay: an office after a full name ("Dr. Anna Becker Stadtteilbüro Manfort") and
   a facility after a title and a first name ("Herr Ommo Jugendhaus Manfort"): the office
   words stay in clear.
3. A hyphenated surname of no list under a sign-off whose first part is a compound with a
   surname's head or ends in "-ing" ("LG\\nOcka Holtkötter-Wiechers",
   "LG\\nTjade Nolting-Wiechers"). must-stay: hyphenated offices and districts under a
   sign-off ("LG\\nStadtteilbüro Rheindorf-Nord").

A leak is the surname (or, for 2, any part of the name) in clear in the output.
Run: PYTHONPATH=CODE .venv/bin/python benchmarks/comparative_titled_blind.py [--show]
(the code under test first on PYTHONPATH; seeded: the same cases every run).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

import faker.providers.person.de_DE as de_DE

from workbench.ingest.name_context import NameContext
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_tokens import tokens
from workbench.ingest.names import PersonFinder
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pseudonymise import Pseudonymiser

SHOW = "--show" in sys.argv

# -- 1: "Wie Müller sagt, …" ---------------------------------------------------------------
SAYS = "sagt|meint|betont|fragt|ergänzt|erzählt|sagte|meinte|betonte|fragte".split("|")
WRITES = "erklärt|berichtet|schreibt|erklärte|berichtete".split("|")
AS_FRAMES = [
    "Wie {N} {V}, ist der Weg gesperrt.",
    "Der Platz ist dunkel. Wie {N} {V}, fehlt Licht.",
    "Der Weg ist gesperrt, wie {N} {V}.",
    "Es fehlen Bänke, wie {N} {V}, und der Bus kommt zu spät.",
    "Wie {N} gestern {V}, kommt der Bus zu spät.",
    "Wie {N} vom Nabu {V}, ist der Teich leer.",
    "Wie {N} aus der Nachbarschaft {V}: Es fehlt Licht.",
]
NOUN_SURNAMES = "Fischer Koch Bauer Schneider Jäger Vogel Wolf Kaiser Fuchs Zimmermann".split()
AS_STAY = [
    "Wie Kinder sagen, fehlt hier Licht.",
    "Wie Studien zeigen, hilft das.",
    "Wie Berlin zeigt, geht das.",
    "Wie Caritas sagt, fehlt Geld.",
    "Wie Rewe meldet, schließt die Filiale.",
    "Wie geht es?",
    "Wie Bauer sagt man dazu?",
    "Wie Fischer sagt man dazu?",
    "Wie Koch sagt man das?",
    "Wie Post erklärt, kommt der Brief später.",
    "Wie Spiegel berichtet, steigen die Mieten.",
    "Wie Bild schreibt, steigen die Mieten.",
    "Wie Leverkusen meldet, ist die Straße gesperrt.",
    "Wie Opladen zeigt, geht das.",
    "Wie Nachbarn erzählen, ist es laut.",
    "Wie Lehrer sagen, fehlen Räume.",
    "Wie Zeitung berichtet, kommt der Bus nicht.",
    "Wie Winter zeigt, ist das Dach undicht.",
    "Wie Kinder meinen, ist der Platz zu klein.",
    "Wie viele sagen, ist es zu laut.",
    "Wie immer sagt keiner was.",
    "Wie Wupsi meldet, fährt der Bus nicht.",
    "Der Platz ist so groß wie Berlin, sagt man.",
    "Wie Awo betont, fehlen Plätze.",
    "Wie Nabu meint, ist der Teich leer.",
    "Wie Stadt und Land sagen, fehlt Geld.",
]

# -- 2: title + first name + surname of no list that ends like a place -------------------
TITLES = ["Dr.", "Prof.", "Prof. Dr.", "Frau", "Herr", "Frau Dr.", "Herrn"]
RARE_FIRST = "Ommo Hilke Ocka Tjade Habbo Wubbo Thalke Rixa Sjard Hiske Tetje Menno".split()
COMMON_FIRST = "Anna Jonas Maria Peter".split()
PARTS = (
    "Brink Kötter Holt Nie Wester Oster Bülter Ever Lüt Ossen Hül Tepel Bred Ahl Hem "
    "Vossel Röwe Nölle Ebbing Stroh Kemper Wöste Schür Hölter Wenning Terbek"
).split()
HEADS = ["haus", "hof"]
TITLED_FRAMES = [
    "{T} {F} {S} kam gestern zum Treffen.",
    "{T} {F} {S} sagt, es fehlt Licht.",
    "Gestern rief {T} {F} {S} an.",
    "Wir haben mit {T} {F} {S} gesprochen.",
    "Das Protokoll schrieb {T} {F} {S}.",
    "Kontakt: {T} {F} {S}, Quartiersbüro Manfort",
]
OFFICES = [
    "Stadtteilbüro Manfort",
    "Quartiersbüro Rheindorf",
    "Jugendhaus Opladen",
    "Bürgerhaus Wiesdorf",
    "Gemeindehaus Schlebusch",
    "Kinderhaus Quettingen",
    "Seniorenhaus Bürrig",
    "Schulhof Manfort",
]
OFFICE_FRAMES = [
    "{T} {F} Becker {O}",
    "{T} {F} Schulz {O} hat angerufen.",
    "{T} {F} {O} hat angerufen.",
    "Ansprechpartner: {T} {F} {O}",
]

# -- 3: hyphenated surnames under a sign-off ---------------------------------------------
SIGNOFFS = ["LG", "Viele Grüße", "Mit freundlichen Grüßen", "Beste Grüße", "Gruß"]
FIRST_PARTS = (
    "Holtkötter Nolting Brinkhaus Kassing Westerbrink Hessling Ossenkötter Terbusch Wenning "
    "Ahlbrink Lütkemeier Bültering"
).split()
SECOND_PARTS = "Wiechers Tepelmann Kettelhack Hölscher Overbeck Brüning Niemöller".split()
SIGN_STAY = [
    "Stadtteilbüro Rheindorf-Nord",
    "Team Open-Air",
    "Kita Sonnenschein-Gruppe",
    "Förderverein Bürgerhaus-Küppersteg",
    "Bezirk Opladen-Quettingen",
    "Jugendhaus Lützenkirchen-Quettingen",
    "Awo Ortsverein-Manfort",
    "Quartiersmanagement Rheindorf-Süd",
    "Caritas Sozialstation-Opladen",
    "Sozialdienst Wiesdorf-West",
]


def _finder() -> PersonFinder:
    """A finder without a project's key."""
    return PersonFinder(NameContext(known={}))


def _surnames(rng: random.Random, n: int) -> list[str]:
    """``n`` German surnames of faker that the finder takes for surnames and no word."""
    finder = _finder()
    names = [
        s
        for s in sorted(de_DE.Provider.last_names)
        if s.isalpha() and not ordinary_word(s) and finder.is_surname(tokens(s)[0])
    ]
    return rng.sample(names, n)


def _unknown(word: str) -> bool:
    """Whether no gazetteer, noun lexicon or place list knows ``word``."""
    finder, f = _finder(), fold(word)
    listed = finder.names.has_last(word) or finder.names.has_first(word)
    return not (listed or is_german_noun(f) or is_place_name(f))


def _clear(out: str, word: str) -> bool:
    """Whether ``word`` stands in ``out`` as a word."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", out) is not None


def _pseudonymised(text: str) -> str:
    """The text after a fresh pseudonymiser."""
    return Pseudonymiser().pseudonymise(text)[0]


def _change(label: str, cases: list[tuple[str, list[str]]]) -> None:
    """Pseudonymise must-change cases (text, words that must go); print the leaks."""
    leaked = 0
    for text, gone in cases:
        out = _pseudonymised(text)
        if any(_clear(out, w) for w in gone):
            leaked += 1
            if SHOW:
                print(f"  LEAK {text!r} -> {out!r}")
    print(f"must-change {label:44} {len(cases):4}  leaked   {leaked:4}")


def _stay(label: str, cases: list[tuple[str, list[str]]]) -> None:
    """Must-stay cases (text, words that must stay in clear; none: the text unchanged)."""
    changed = 0
    for text, kept in cases:
        out = _pseudonymised(text)
        bad = not all(_clear(out, w) for w in kept) if kept else out != text
        if bad:
            changed += 1
            if SHOW:
                print(f"  CHANGED {text!r} -> {out!r}")
    print(f"must-stay   {label:44} {len(cases):4}  changed  {changed:4}")


def main() -> None:
    """Build the three sets, pseudonymise them, print the counts."""
    rng = random.Random(4611)
    people = _surnames(rng, 40)
    _change(
        "'wie' + surname + speech verb",
        [
            (rng.choice(AS_FRAMES).format(N=s, V=rng.choice(SAYS + WRITES)), [s])
            for s in people
            for _ in range(4)
        ],
    )
    _change(
        "'wie' + noun surname + sagt/meint",
        [
            (rng.choice(AS_FRAMES).format(N=s, V=rng.choice(SAYS)), [s])
            for s in NOUN_SURNAMES
            for _ in range(4)
        ],
    )
    _stay("'wie' + plural, question, place, body, noun", [(t, []) for t in AS_STAY])

    made = sorted({p + h for p in PARTS for h in HEADS if _unknown(p + h)})
    titled = []
    for s in rng.sample(made, 30):
        for first in (rng.choice(RARE_FIRST), rng.choice(COMMON_FIRST)):
            frame = rng.choice(TITLED_FRAMES)
            titled.append((frame.format(T=rng.choice(TITLES), F=first, S=s), [first, s]))
    _change("title + first name + '-haus'/'-hof' surname", titled)
    alone = [(f"Gestern kam {rng.choice(TITLES)} {s} vorbei.", [s]) for s in made[:20]]
    _change("title + '-haus'/'-hof' surname alone", alone)
    offices = []
    for office in OFFICES:
        for frame in OFFICE_FRAMES:
            first = rng.choice(RARE_FIRST + COMMON_FIRST)
            text = frame.format(T=rng.choice(TITLES), F=first, O=office)
            offices.append((text, office.split()))
    _stay("title + first name (+ surname) + office", offices)

    signed = []
    for a in FIRST_PARTS:
        for _ in range(2):
            b, first = rng.choice(SECOND_PARTS), rng.choice(RARE_FIRST)
            greeting = rng.choice(SIGNOFFS)
            text = f"Der Spielplatz braucht mehr Licht.\n\n{greeting}\n{first} {a}-{b}"
            signed.append((text, [f"{a}-{b}", a, b]))
    _change("sign-off + first name + hyphenated surname", signed)
    _stay(
        "sign-off + hyphenated office/district",
        [(f"Der Spielplatz braucht mehr Licht.\n\nLG\n{line}", []) for line in SIGN_STAY],
    )


if __name__ == "__main__":
    main()
