"""Blind set: sports clubs and brands after a cue ("Laut Fortuna Düsseldorf …").

- must-stay: a club of a city ("Fortuna Düsseldorf", "Arminia Bielefeld", "Hertha BSC",
  "Viktoria Köln") or a brand ("Netflix", "Deutsche Bahn") after a cue ("laut", "sagt",
  "meint", "wie … berichtet") and without one; a club's word alone that is no name of the
  gazetteer ("laut Union", "bei Eintracht"), its genitive ("Laut Arminias Trainer"), a club
  in capitals ("LAUT FORTUNA DÜSSELDORF"), a plural club word before a city that is a first
  name too ("Sportfreunde Lotte"), a surname-brand with a legal form ("Bosch GmbH", "Otto
  Group"); counted: outputs with any word of it replaced, and of those the half-done ones
  (a part replaced, a part in clear).
- must-change: a person after the same cues, also one whose first name is a club's word
  ("laut Viktoria Schulze", "laut Fortuna Schmidt", also in capitals), a club's word that
  is a first name alone ("laut Hertha"), a person's genitive ("Laut Annas Trainer"),
  people after a plural club word ("meine Sportfreunde Lotte und Ben"); a leak is any word
  of the name in clear.
- a surname-brand alone after a cue ("laut Bosch", "bei Otto bestellt") is a person's
  surname too: printed apart, replaced on purpose (the safe side).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/club_cues_blind.py (seeded: same cases).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from _blind import counters

from workbench.ingest.pseudonymise import Pseudonymiser

CLUBS = (
    "Fortuna Düsseldorf|Fortuna Köln|Arminia Bielefeld|Alemannia Aachen|Kickers Offenbach|"
    "Rot-Weiss Essen|Rot-Weiß Oberhausen|Hertha BSC|Viktoria Köln|Viktoria Berlin|"
    "Borussia Dortmund|Borussia Mönchengladbach|Eintracht Frankfurt|Werder Bremen|Union Berlin|"
    "Hansa Rostock|Holstein Kiel|Energie Cottbus|Dynamo Dresden|Preußen Münster|Wacker Burghausen|"
    "Westfalia Herne|Tasmania Berlin|Germania Windeck|Concordia Hamburg|Teutonia Ottensen|"
    "Sportfreunde Lotte|Bayer 04 Leverkusen|Schalke 04|Hannover 96|Stiftung Warentest|"
    "Deutsche Bahn|Rewe|Netflix|Spotify|Amazon|Vodafone|Zalando|Tchibo|Lufthansa|Ryanair"
).split("|")
# club words that no list knows as a name, alone
LONE = "Fortuna Union Eintracht Arminia Borussia Hansa Kickers Werder Dynamo Alemannia".split()
CAPITALS = "FORTUNA DÜSSELDORF|ARMINIA BIELEFELD|HERTHA BSC|UNION BERLIN|BORUSSIA DORTMUND"
PLURAL_CITY = "Sportfreunde Lotte|Sportfreunde Siegen|Kickers Emden|Sportfreunde Dorfmerkingen"
SURNAME_BRANDS = "Bosch Otto Siemens Henkel Porsche Miele Haribo Oetker Würth Bahlsen".split()
# the forms of a legal person (an OHG names its liable owner: replaced, decision 021)
LEGAL = "GmbH|AG|SE|Group|Konzern|Holding|KGaA|UG|GmbH & Co. KG|eG".split("|")
PEOPLE = (
    "Anna Schmidt|Frau Kaya|Herrn Becker|Viktoria Schulze|Hertha Müller|Victoria Weber|"
    "Olympia Kowalczyk|Peter Hoffmann|Frau Fortuna|Fatma Yilmaz|Jens Richter|Frau Viktoria Lehmann|"
    "Fortuna Schmidt|Fortuna Yilmaz|Fortuna Becker|Hertha|Viktoria|ANNA SCHMIDT|FORTUNA SCHMIDT|"
    "VIKTORIA SCHULZE|PETER HOFFMANN|OLGA BECKER"
).split("|")
CUED = [
    "Laut {} ist das Training am Samstag abgesagt.",
    "laut {} fehlt am Stadion abends Licht.",
    "Das sagt {} seit Jahren.",
    "{} meint, der Platz ist zu klein.",
    "Wie {} berichtet, fährt der Bus nicht.",
    "Im Workshop hieß es, laut {} sei die Halle zu teuer.",
    "Nach dem Spiel bei {} war der Bus voll.",
]
PLAIN = ["Die Fans von {} treffen sich im Park.", "{} spielt am Sonntag im Stadion."]
GENITIVE = [
    "Laut {}s Trainer fällt das Training aus.",
    "{}s Fans treffen sich im Park.",
    "Das sagt {}s Vorstand seit Jahren.",
    "Wie {}s Pressestelle berichtet, fährt der Bus nicht.",
]
PEOPLE_GENITIVE = "Anna Hertha Viktoria Jens Fatma Peter".split()
PLURAL_PEOPLE = [
    "Meine Sportfreunde {} und {} kommen am Samstag.",
    "Laut der Kickers {} und {} fehlt Licht.",
    "Die Sportfreunde {}, {} und Ben helfen mit.",
]
FIRST = "Lotte Anna Jens Fatma Peter Maria Lena Karl Aylin Olga Dirk".split()


def _words(name: str) -> list[str]:
    """The words of a name that must not stay in clear (no forms of address, no numbers)."""
    parts = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    return [w for w in parts if w not in ("Frau", "Herrn", "&", "Co.")]


_stay, _change = counters(_words, 26)


def main() -> None:
    """Build the sets, pseudonymise them, print the counts."""
    rng = random.Random(45)
    cued = CUED + PLAIN
    _stay("clubs/brands of a city", [(p.format(c), c) for c in CLUBS for p in cued])
    _stay("club word alone", [(p.format(c), c) for c in LONE for p in cued + cued[:2]])
    _stay(
        "club genitive",
        [
            (p.format(c), c)
            for c in [w for w in LONE if w != "Kickers"] + LONE[:4] + ["Schalke"] * 2
            for p in GENITIVE * 2
        ],
    )
    caps = CAPITALS.split("|")
    _stay("clubs in capitals", [(p.format(c).upper(), c) for c in caps for p in cued + cued])
    plural = PLURAL_CITY.split("|")
    _stay("plural club + first name", [(p.format(c), c) for c in plural for p in cued * 3])
    legal = [f"{b} {f}" for b in SURNAME_BRANDS for f in LEGAL]
    _stay("surname-brand + legal form", [(rng.choice(cued).format(c), c) for c in legal])
    people = [(p.format(n), _words(n)) for n in PEOPLE for p in rng.sample(CUED, 5)]
    _change("people after cues", people)
    genitive = [(p.format(n), [n]) for n in PEOPLE_GENITIVE for p in GENITIVE * 5]
    _change("people's genitive", genitive)
    pairs = [(a, b) for a in FIRST for b in FIRST if a != b]
    plural_people = [(rng.choice(PLURAL_PEOPLE).format(a, b), [a, b]) for a, b in pairs[:100]]
    _change("people after plural club", plural_people)
    alone = [
        (p.format(b), [b]) for b in SURNAME_BRANDS for p in [*CUED, "Ich habe bei {} bestellt."]
    ]
    replaced = sum(Pseudonymiser().pseudonymise(t)[0] != t for t, _ in alone)
    print(f"surname-brand alone (replaced on purpose) {len(alone):4}  replaced {replaced:4}")


if __name__ == "__main__":
    main()
