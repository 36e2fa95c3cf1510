"""Blind set: a surname, where she belongs, then a speech verb ("Müller von der Kvb sagt, …",
"Schulz vom Nabu meint, …", "Becker aus Manfort erklärt, …").

- must-change (a leak is the surname in clear): a surname opening the sentence (or a
  clause after "Wie"/"Weil") before "von der"/"vom"/"von dem"/"aus"/"aus der" + a body, an
  office, an association or a place (one or two capitalised words: "von der Awo Opladen")
  and a speech verb. The surnames are drawn (seeded) from faker's German surnames that the
  name finder takes for surnames and no word of the language; a second group takes the
  surnames that are also nouns ("Fischer vom Angelverein sagt", "Koch von der Awo meint")
  with a verb only a person does (sagt, meint, betont, fragt, ergänzt, erzählt).
- shown, not counted: those noun surnames before "erklärt", "berichtet", "schreibt" (a
  letter explains too: "Post vom Jugendamt erklärt …").
- must-stay (the text unchanged): things and roles before the same phrases ("Post vom
  Jugendamt kam", "Ein Bus von der Wupsi fährt", "Der Bäcker vom Markt sagt", "Ein Brief von
  der Awo erklärt", "Die Leiterin vom Jugendamt meint"), and the same surnames as nouns
  with an article or a verb no one speaks with ("Der Fischer vom Angelverein sagt").

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/affiliated_speakers_blind.py [--show]
(seeded: same cases every run).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

import faker.providers.person.de_DE as de_DE

from workbench.ingest.name_context import NameContext
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_tokens import tokens
from workbench.ingest.names import PersonFinder
from workbench.ingest.pseudonymise import Pseudonymiser

BODIES = (
    "von der Kvb|vom Nabu|von der Awo|von der Caritas|vom Jugendamt|vom Sportverein|"
    "von der Stadt Leverkusen|vom Bürgerverein Opladen|von der Awo Manfort|vom Adfc|"
    "von der Diakonie|vom Quartiersbüro|von dem Seniorenbeirat|aus Manfort|aus Opladen|"
    "aus der Nachbarschaft|von der Freiwilligen Feuerwehr|vom Tüv|von der Wupsi|"
    "von der Verbraucherzentrale|vom Mieterverein|von der Kita Sonnenschein"
).split("|")
SAYS = "sagt|meint|betont|fragt|ergänzt|erzählt|sagte|meinte|betonte|fragte".split("|")
WRITES = "erklärt|berichtet|schreibt|erklärte|berichtete".split("|")
FRAMES = [
    "{N} {B} {V}, der Bus kommt zu spät.",
    "Zum Spielplatz: {N} {B} {V}, es fehlt Licht.",
    "Der Treff ist zu klein. {N} {B} {V}, dass Räume fehlen.",
    "Wie {N} {B} {V}, ist der Weg gesperrt.",
    "{N} {B} {V}: Wir brauchen mehr Bänke.",
]
NOUN_SURNAMES = (
    "Fischer Koch Bauer Schneider Jäger Vogel Winter Wolf Kaiser Hahn Fuchs Meister "
    "Zimmermann Schäfer Richter König Graf Klein Kurz"
).split()
THINGS = [
    "Post vom Jugendamt kam gestern.",
    "Ein Bus von der Wupsi fährt nicht mehr.",
    "Briefe von der Awo kamen zu spät.",
    "Hilfe von der Caritas kommt selten an.",
    "Essen vom Tafelladen gibt es montags.",
    "Die Stadt von der Kvb hört nichts.",
    "Der Bäcker vom Markt sagt, es ist zu teuer.",
    "Der Fischer vom Angelverein sagt, der Teich ist leer.",
    "Die Leiterin vom Jugendamt meint, es fehlen Plätze.",
    "Ein Brief von der Awo erklärt die neuen Regeln.",
    "Der Bericht vom Nabu betont die Lage am Teich.",
    "Post vom Jugendamt erklärt die Frist nicht.",
    "Werbung von der Kvb verspricht mehr Busse.",
    "Strom aus der Steckdose ist teuer.",
    "Wasser aus dem Brunnen schmeckt gut.",
    "Kritik vom Nabu kam sofort.",
    "Lob von der Stadt gab es keins.",
    "Geld vom Land fehlt.",
    "Unterstützung von der Diakonie fehlt.",
    "Die Antwort vom Amt sagt nichts.",
    "Unser Koch vom Jugendtreff sagt, das Essen reicht.",
    "Ein Vogel vom Teich sitzt auf der Bank.",
    "Der Winter vom letzten Jahr war hart.",
    "Lange von der Stadt vertröstet, kamen wir nicht weiter.",
    "Klein von der Fläche her ist der Platz.",
    "Der Meister vom Bauhof erklärt die Arbeiten.",
    "Die Kinder von der Kita Sonnenschein fragen nach Schaukeln.",
    "Die Leute aus Manfort sagen, der Platz ist dunkel.",
]


def _surnames(rng: random.Random, n: int) -> list[str]:
    """``n`` German surnames of faker that the finder takes for surnames and no word."""
    finder = PersonFinder(NameContext(known={}))
    names = [
        s
        for s in sorted(de_DE.Provider.last_names)
        if s.isalpha() and not ordinary_word(s) and finder.is_surname(tokens(s)[0])
    ]
    return rng.sample(names, n)


def _clear(out: str, word: str) -> bool:
    """Whether ``word`` stands in ``out`` as a word."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out) is not None


def _change(label: str, cases: list[tuple[str, str]], count: bool = True) -> int:
    """Pseudonymise must-change cases (text, surname) and print the leaks."""
    leaked = 0
    for text, name in cases:
        out = Pseudonymiser().pseudonymise(text)[0]
        if _clear(out, name):
            leaked += 1
            if "--show" in sys.argv:
                print(f"  {text!r} -> {out!r}")
    kind = "must-change" if count else "shown      "
    print(f"{kind} {label:40} {len(cases):4}  leaked   {leaked:4}")
    return leaked


def main() -> None:
    """Build the sets, pseudonymise them, print the counts."""
    rng = random.Random(4606)
    people = _surnames(rng, 60)
    plain = [
        (rng.choice(FRAMES).format(N=s, B=rng.choice(BODIES), V=rng.choice(SAYS + WRITES)), s)
        for s in people
        for _ in range(4)
    ]
    _change("surname + where from + speech verb", plain)
    nouns = [
        (rng.choice(FRAMES).format(N=s, B=rng.choice(BODIES), V=rng.choice(SAYS)), s)
        for s in NOUN_SURNAMES
        for _ in range(4)
    ]
    _change("noun surname + where from + sagt/meint", nouns)
    written = [
        (rng.choice(FRAMES).format(N=s, B=rng.choice(BODIES), V=rng.choice(WRITES)), s)
        for s in NOUN_SURNAMES
    ]
    _change("noun surname + where from + erklärt", written, count=False)
    changed = 0
    for text in THINGS:
        out = Pseudonymiser().pseudonymise(text)[0]
        if out != text:
            changed += 1
            if "--show" in sys.argv:
                print(f"  {text!r} -> {out!r}")
    label = "things and roles before where from"
    print(f"must-stay   {label:40} {len(THINGS):4}  changed  {changed:4}")


if __name__ == "__main__":
    main()
