"""Blind set: sports clubs and brands after a cue ("Laut Fortuna Düsseldorf …").

- must-stay: a club of a city ("Fortuna Düsseldorf", "Arminia Bielefeld", "Hertha BSC",
  "Viktoria Köln") or a brand ("Netflix", "Deutsche Bahn") after a cue ("laut", "sagt",
  "meint", "wie … berichtet") and without one; counted: outputs with any word of it
  replaced, and of those the half-done ones (a part replaced, a part in clear).
- must-change: a person after the same cues, also one whose first name is a club's word
  ("laut Viktoria Schulze", "laut Hertha Müller"); a leak is any word of the name in clear.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/club_cues_blind.py (seeded: same cases).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

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
PEOPLE = (
    "Anna Schmidt|Frau Kaya|Herrn Becker|Viktoria Schulze|Hertha Müller|Victoria Weber|"
    "Olympia Kowalczyk|Peter Hoffmann|Frau Fortuna|Fatma Yilmaz|Jens Richter|Frau Viktoria Lehmann"
).split("|")
CUED = [
    "Laut {} ist das Training am Samstag abgesagt.",
    "laut {} fehlt am Stadion abends Licht.",
    "Das sagt {} seit Jahren.",
    "{} meint, der Platz ist zu klein.",
    "Wie {} berichtet, fährt der Bus nicht.",
    "Im Workshop hieß es, laut {} sei die Halle zu teuer.",
]
PLAIN = ["Die Fans von {} treffen sich im Park.", "{} spielt am Sonntag im Stadion."]


def main() -> None:
    """Build the set, pseudonymise it, print the counts."""
    rng = random.Random(45)
    stay = changed = half = 0
    people = leaked = 0
    for club in CLUBS:
        for pattern in CUED + PLAIN:
            text = pattern.format(club)
            out = Pseudonymiser().pseudonymise(text)[0]
            stay += 1
            if out != text:
                changed += 1
                words = [w for w in re.split(r"[\s-]+", club) if w[:1].isalpha()]
                half += any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out) for w in words)
    for person in PEOPLE:
        for pattern in rng.sample(CUED, 4):
            out = Pseudonymiser().pseudonymise(pattern.format(person))[0]
            people += 1
            words = [w for w in person.split() if w not in ("Frau", "Herrn")]
            leaked += any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out) for w in words)
    print(f"must-stay clubs/brands {stay:4}  replaced {changed:4}  of them half-done {half:4}")
    print(f"must-change people     {people:4}  leaked {leaked:4}")


if __name__ == "__main__":
    main()
