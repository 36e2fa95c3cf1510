"""Blind set: what rounds before left in clear beside a name — "von" and a nobility word
after a form of address ("Herr Müller von Hohenstein sagt, …"), "von" and a district
("Müller von Opladen sagt, …"), "von" and an idiom ("Becker von Anfang an sagt, …"), an
association in capitals ("AWO Mensah sagt, …"), a second surname of a house ("Herr Ommo
Brinkhaus Niehaus kam") and a form of address in lower case ("frau anna schmidt kam").

- must-change (a leak is a word of the person in clear: her surname, her nobility word,
  her second surname, the form of address in lower case; "over" counts the outputs where
  a word that must stay — the district, the idiom's words, the association — was
  replaced); the family named by its surname in the plural ("Die Müllers von nebenan
  sagen": the Müllers are persons, "von nebenan" stays).
- must-stay (the text unchanged): the same words without a person — "von Opladen nach
  Manfort", "Von Anfang an war klar", "Das kommt von Herzen", "Die AWO Manfort sagt",
  "frau und mann", "ein herr von welt", occupations and plurals with an article ("Der
  Müller von nebenan sagt"), a word surname with a
  verb letters use too ("Post von Opladen erklärt"), the two house words as things.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/von_idioms_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import change_kept, counters, listed_surnames, unlisted

from workbench.ingest.name_gazetteer import gazetteer

ADDRESS = ("Herr", "Frau", "Herr Dr.", "Frau Dr.", "Frau Prof.")
SURNAMES = "Müller Meier Schmidt Becker Wagner Kowalski Yilmaz Hoffmann Schulze Krüger".split()
GHANAIAN = "Mensah Boateng Owusu Appiah Ofori Asante".split()
NOBILITY = "Hohenstein Falkenhorst Lilienfeld Rosenau Bredow Treskow Dohna Eichendorff".split()
DISTRICTS = "Manfort Alkenrath Wiesdorf Opladen Steinbüchel Schlebusch Rheindorf".split()
SPEECH = ("sagt", "meint", "betont", "erzählt")
# "von" and what follows in idioms of the manner or the time, no place and no name
IDIOMS = (
    "von Anfang an", "von Herzen", "von Beruf", "von Hause aus", "von klein auf",
    "von nebenan", "von gegenüber", "von Amts wegen", "von Natur aus", "von jeher",
)  # fmt: skip
RARE_FIRST = "Ommo Thalke Hilke Okke Wübbo Eilert Fokko Ubbo Tamme Talea Onno Tjade".split()
LISTED_FIRST = "Imke Frauke Wiebke Heiko Enno Sönke Anna Jens Karin".split()
HOUSE = "Brinkhaus Kötterhaus Holthaus Niehaus Vosshaus Kamphof Brinkhof Kötterhof".split()
LOWER_FIRST = "anna thomas sabine jürgen klaus petra michael andrea stefan claudia".split()
LOWER_LAST = "schmidt müller weber wagner becker schulz hoffmann krüger yilmaz kowalski".split()


_stay, _change = counters(lambda name: name.split(), 50)


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(4747)
    surnames, noble = listed_surnames(SURNAMES), unlisted(NOBILITY)
    rare, house = unlisted(RARE_FIRST), [w for w in HOUSE if not gazetteer().has_first(w)]
    tails = ("dass es reicht.", "das sei zu wenig.", "man müsse warten.")

    # must-change ------------------------------------------------------------------
    cases = []
    for _ in range(50):
        sur, word = rng.choice(surnames), rng.choice(noble)
        text = f"{rng.choice(ADDRESS)} {sur} von {word} {rng.choice(SPEECH)}, {rng.choice(tails)}"
        cases.append((text, [sur, word], []))
    change_kept(_change, "address + surname + von + nobility + speech", cases)
    cases = []
    for _ in range(50):
        sur, place = rng.choice(surnames), rng.choice(DISTRICTS)
        opener = rng.choice(("", "Im Gespräch: ", "Ehrlich gesagt: "))
        text = f"{opener}{sur} von {place} {rng.choice(SPEECH)}, {rng.choice(tails)}"
        cases.append((text, [sur], [place]))
    change_kept(_change, "surname + von + district + speech verb", cases)
    cases = []
    for _ in range(60):
        sur, idiom = rng.choice(surnames), rng.choice(IDIOMS)
        frame = rng.choice(("{} {} {}, ", "Wie {} {} {}, ", "Im Plenum: {} {} {}, "))
        text = frame.format(sur, idiom, rng.choice(SPEECH)) + rng.choice(tails)
        cases.append((text, [sur], [w for w in idiom.split() if w != "von"]))
    change_kept(_change, "surname + von + idiom + speech verb", cases)
    cases = []
    frames = ("{} {} sagt, dass es reicht.", "{} {} meint, das reicht.", "Dazu: {} {} betont es.")
    for body in ("AWO", "NABU", "ADFC", "VdK"):
        for frame in frames:
            for sur in listed_surnames(GHANAIAN) + surnames[:4]:
                cases.append((frame.format(body, sur), [sur], [body]))
    change_kept(_change, "association in capitals + surname + speech", cases)
    cases = []
    for _ in range(40):
        first = rng.choice(rare + LISTED_FIRST)
        one, two = rng.sample(house, 2)
        verb = rng.choice(("kam heute.", "sagt, dass es reicht.", "hilft.", "hat angerufen."))
        cases.append((f"{rng.choice(ADDRESS)} {first} {one} {two} {verb}", [first, one, two], []))
    change_kept(_change, "address + first + two -haus/-hof surnames", cases)
    cases = []
    frames = (
        "{} kam heute", "hab mit {} gesprochen", "{} hat angerufen", "laut {} fällt es aus",
        "danke an {} für die fotos", "{} kommt später",
    )  # fmt: skip
    for _ in range(50):
        title = rng.choice(("frau", "herr", "herrn"))
        first, last = rng.choice(LOWER_FIRST), rng.choice(LOWER_LAST)
        text = rng.choice(frames).format(f"{title} {first} {last}")
        cases.append((text, [title, first, last], []))
    change_kept(_change, "lower-case address + first + surname", cases)

    # must-stay --------------------------------------------------------------------
    stays = []
    for a in DISTRICTS:
        for b in DISTRICTS:
            if a != b:
                stays.append((f"Wir fahren von {a} nach {b}.", a))
        stays += [
            (f"Die AWO {a} sagt, dass es reicht.", "AWO"),
            (f"AWO {a} sagt, dass es reicht.", "AWO"),
            (f"Die Kinder von {a} sagen, dass es reicht.", "Kinder"),
            (f"Post von {a} erklärt, dass es reicht.", "Post"),
            (f"Die Stadt von {a} sagt nichts.", "Stadt"),
        ]
    _stay("von + district", stays)
    stays = []
    for idiom in IDIOMS:
        cap = idiom[:1].upper() + idiom[1:]
        stays += [
            (f"{cap} war klar, dass es reicht.", idiom),
            (f"Das kommt {idiom}, sagt sie.", idiom),
            (f"Die Leute {idiom} sagen, dass es reicht.", idiom),
            (f"Der Müller {idiom} sagt, dass es reicht.", "Müller"),
        ]
    _stay("von + idiom", stays)
    cases = [
        (f"Die {sur}s {idiom} sagen, dass es reicht.", [f"{sur}s"], idiom.split())
        for idiom in IDIOMS
        for sur in ("Müller", "Becker")
    ]
    change_kept(_change, "the family (plural surname) + von + idiom", cases)
    stays = [
        ("frau und mann kamen zusammen", "frau"),
        ("ein herr von welt sagt nichts", "herr"),
        ("eine frau von welt", "frau"),
        ("meine frau und ich kommen", "frau"),
        ("der herr der ringe läuft heute", "herr"),
        ("frau holle schüttelt die betten", "frau"),
        ("die frau vom amt kam heute", "frau"),
        ("herr und frau kommen später", "herr"),
        ("frau oder mann, egal", "frau"),
        ("eine frau anfang 40 kam heute", "frau"),
        ("Ein Herr von Welt sagt nichts.", "Herr"),
        ("Die AWO sagt, dass es reicht.", "AWO"),
        ("Der NABU sagt, dass es reicht.", "NABU"),
        ("AWO und NABU sagen, dass es reicht.", "AWO"),
        ("AWO Ortsverein sagt, dass es reicht.", "AWO"),
        ("AWO Leverkusen sagt, dass es reicht.", "AWO"),
    ]
    _stay("lower-case address, association, house words", stays)
    cases = []
    for _ in range(30):
        sur, place = rng.choice(surnames), rng.choice([*DISTRICTS, "Köln", "der Stadt", "Caritas"])
        text = f"{rng.choice(ADDRESS)} {sur} von {place} {rng.choice(SPEECH)}, {rng.choice(tails)}"
        cases.append((text, [sur], [place.split()[-1]]))
    change_kept(_change, "address + surname + von + place (stays)", cases)
    cases = []
    for _ in range(20):
        first, sur = rng.choice(rare), rng.choice(house)
        fac = rng.choice(("Jugendhaus Manfort", "Rathaus Opladen", "Schule", "Kita"))
        text = f"{rng.choice(ADDRESS)} {first} {sur} {fac} kam heute."
        cases.append((text, [first, sur], fac.split()))
    change_kept(_change, "address + first + -haus surname + facility", cases)


if __name__ == "__main__":
    main()
