"""Blind set: places of other languages (and German ones) of several words with a first
name inside ("São Paulo", "San Francisco", "Santa Monica", "Port Elizabeth", "Maria
Laach"), and people of the same first names ("Paulo Santos sagt", "Frau Monica Weber").

- must-stay (the text unchanged): each place in ordinary sentences ("Ich komme aus São
  Paulo.", "Die Partnerstadt San Francisco liegt weit weg."). The places are written for
  this set, not taken from the package's place list; "in lexicon" counts those the
  Wiktionary list of the package holds.
- must-change (a leak is a word of the person in clear; "over" counts the outputs where a
  word of the place beside the person was replaced): the people alone and beside a place
  ("Paulo Santos aus São Paulo sagt, …").
- Runde 50 (appended; the families above are unchanged): German places of a first name and
  a place word after "nach", "in", "aus" ("nach Maria Laach", "in Anna Kassel" written for
  this set from places of the lexicon, no name list's name), and "Fort" places; people
  after the same prepositions ("nach Maria Schmidt gefragt", "in Anna Beckers Garten",
  "aus Sicht von Paul Meier") must change.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/foreign_places_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import change_kept, counters

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.noun_lexicon import is_place_phrase

PLACES = (
    """
São Paulo|São Tomé|San Francisco|San Diego|San José|San Antonio|San Marino|San Sebastián
Santa Monica|Santa Cruz|Santa Barbara|Santa Clara|Santa Fe|Saint Louis|Saint Paul
Saint Lucia|Port Elizabeth|Port Louis|Los Angeles|Costa Rica|Puerto Rico|El Salvador
Sierra Leone|La Paz|Rio de Janeiro|Santo Domingo|Maria Laach|Maria Enzersdorf
Sankt Augustin|Virginia Beach|West Virginia|North Carolina|South Carolina|Cabo Verde
Le Mans|Beverly Hills|Fort William|Santiago de Chile|Buenos Aires|Abu Dhabi|Las Vegas
San Salvador|Sankt Georgen|Bad Homburg|Frankfurt am Main|Den Haag
""".replace("\n", "|")
    .strip("|")
    .split("|")
)
SENTENCES = ("Ich komme aus {}.", "Die Partnerstadt {} liegt weit weg.",
             "Wir fahren im Sommer nach {}.", "In {} gibt es das auch.",
             "Sie hat lange in {} gewohnt.", "{} ist schön.")  # fmt: skip
PEOPLE = (
    """
Paulo Santos|Monica Weber|Louis Becker|Francisco Silva|Diego Fernández|José Martins
Antonio Rossi|Barbara Schmidt|Clara Wagner|Paul Meier|Elizabeth Brown|Salvador Ramos
Virginia Lopez|Carolina Weber|Maria Hofmann|Augustin Keller|Lucia Romano|Marino Costa
""".replace("\n", "|")
    .strip("|")
    .split("|")
)
FRAMES = ("{} sagt, das reicht.", "Frau {} hat angerufen.", "Danke an {}!",
          "Gespräch mit {} am Montag.", "Laut {} fällt es aus.")  # fmt: skip
BESIDE = ("{} aus {} sagt, das reicht.", "Danke an {} aus {}!", "{} kommt aus {}.")


# A first name and a word of the lexicon's places no name list knows, as a German place of
# two words would be written (only "Maria Laach" is real; the set asks the form, not the list)
SAINT_PLACES = ["Maria Laach", "Maria Kassel", "Anna Wesel", "Paul Werne", "Peter Moers",
                "Jakob Goch", "Johann Selm", "Maria Rhede", "Georg Lahr",
                "Anna Paderborn"]  # fmt: skip
AFTER = ("Wir fahren nach {}.", "In {} gibt es das auch.", "Ich komme aus {}.",
         "Sie hat lange in {} gewohnt.")  # fmt: skip
FORTS = ["Fort William", "Fort Worth", "Fort Lauderdale", "Fort Knox", "Fort Augustus"]
PEOPLE_AFTER = ("Wir haben nach {} gefragt.", "Das steht in {}{} Bericht.",
                "Ich komme aus Sicht von {} nicht weiter.", "Wir haben nach {} Ausschau gehalten.",
                "Die Mail kam in {}{} Namen.")  # fmt: skip
# People whose surname is a place of the lexicon no name list knows, after "nach"
PLACE_SURNAMED = ["Anna Kassel", "Paul Werne", "Maria Moers", "Jens Wesel", "Eva Lahr"]
ASKED = ("Wir haben nach {} gefragt.", "Alle suchen nach {}.", "Ich habe mich nach {} erkundigt.",
         "Er hat sich in {} verliebt.")  # fmt: skip

_stay, _change = counters(lambda name: name.split(), 40)


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(4949)
    known = [p for p in PLACES if is_place_phrase(fold(p))]
    print(f"places {len(PLACES)}, in lexicon {len(known)}")
    stay = [(s.format(p), p) for p in PLACES for s in rng.sample(SENTENCES, 3)]
    _stay("place in a sentence", stay)
    listed = [(s.format(p), p) for p in known for s in rng.sample(SENTENCES, 3)]
    _stay("place in a sentence (in lexicon)", listed)
    people = [
        (f.format(p).replace("Frau Paulo", "Herr Paulo"), p.split())
        for p in PEOPLE
        for f in rng.sample(FRAMES, 3)
    ]
    _change("person", people)
    beside = [
        (b.format(person, place), person.split(), place.split())
        for person in PEOPLE
        for place, b in zip(rng.sample(PLACES, 2), rng.sample(BESIDE, 2), strict=True)
    ]
    change_kept(_change, "person beside a place", beside)
    print("Runde 50:")
    saint = [(a.format(p), p) for p in SAINT_PLACES for a in rng.sample(AFTER, 2)]
    _stay("first name + place word after nach/in/aus", saint)
    forts = [(s.format(p), p) for p in FORTS for s in rng.sample(SENTENCES, 3)]
    _stay("Fort + a name", forts)
    after = [
        (f.format(p, "'" if p[-1] in "sxzß" else "s"), p.split())
        for p in PEOPLE
        for f in rng.sample(PEOPLE_AFTER, 2)
    ]
    _change("person after nach/in/aus/von", after)
    surnamed = [(a.format(p), p.split()) for p in PLACE_SURNAMED for a in ASKED]
    _change("person, surname a place, after nach/in", surnamed)


if __name__ == "__main__":
    main()
