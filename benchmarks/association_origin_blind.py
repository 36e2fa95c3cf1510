"""Blind set: an association in capitals before a surname after a cue ("Danke für AWO
Mensah."), a German city after "von" after a form of address and a surname that is a
first name too ("Frau Yilmaz von Köln hat angerufen."), a surname with "vom" after a form
of address ("Frau vom Stein kam.") and surnames on "-mühle", "-hammer", "-mann" after one
("Frau Obermühle kam.").

- must-change (a leak is a word of the person in clear; "over" counts the outputs where a
  word that must stay — the association, the city — was replaced).
- must-stay (the text unchanged): the same words without a person — "Danke für AWO
  Manfort.", "Frau vom Amt kam heute.", "Der Müller vom Markt sagt, …", "Die Frau vom
  Stein kam.", a mill or a hammer as a place ("Wir treffen uns an der Obermühle.").

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/association_origin_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import change_kept, counters, listed_surnames

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import is_place_name

ADDRESS = ("Herr", "Frau", "Herr Dr.", "Frau Dr.", "Frau Prof.")
# German cities of more than 100,000 inhabitants (written for this set), no district of
# the demo study; those the package's place lexicon lacks are left out below
CITIES = """
Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Bremen Dresden
Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Mannheim Karlsruhe Augsburg
Wiesbaden Mönchengladbach Gelsenkirchen Aachen Braunschweig Chemnitz Magdeburg Freiburg
Krefeld Mainz Lübeck Erfurt Oberhausen Rostock Kassel Potsdam Saarbrücken Ludwigshafen
Oldenburg Osnabrück Leverkusen Darmstadt Heidelberg Solingen Herne Neuss Regensburg
Paderborn Ingolstadt Würzburg Ulm Heilbronn Pforzheim Wolfsburg Göttingen Bottrop
Reutlingen Koblenz Recklinghausen Erlangen Remscheid Jena Trier Salzgitter Moers Siegen
Hildesheim Cottbus Gütersloh
""".split()
NOBILITY = "Falkenhorst Hohenstein Treskow Eichendorff Rosenau Bredow".split()
# surnames the gazetteer knows as first names too, and surnames only
BOTH = "Yilmaz Nguyen Werner Otto Günther Herrmann Ernst Ludwig Albrecht Lorenz".split()
ONLY = "Müller Schmidt Becker Mensah Kowalski Özdemir".split()
GHANAIAN = "Mensah Boateng Owusu Appiah Ofori Asante".split()
VOM = "Stein Berg Hagen Dahl Bach Rath Hofe Brocke".split()
MILLS = """
Obermühle Steinmühle Neumühle Walkmühle Kupferhammer Eisenhammer Schmiedhammer Kuhlmann
Obermann Brinkmann
""".split()
CUES = ("Danke für {}.", "Danke an {}!", "Gespräch mit {} heute.", "Laut {} fällt es aus.",
        "Grüße an {} und das Team.", "Termin mit {} am Montag.")  # fmt: skip
TAILS = ("hat angerufen.", "kam heute.", "sagt, dass es reicht.", "war da.", "wohnt dort.")


_stay, _change = counters(lambda name: name.split(), 50)


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(4848)
    names = gazetteer()
    cities = [c for c in CITIES if is_place_name(fold(c))]
    both = [w for w in BOTH if names.has_first(w) and names.has_last(w)]
    only = [w for w in listed_surnames(ONLY) if not names.has_first(w)]

    # must-change ------------------------------------------------------------------
    cases = [
        (cue.format(f"AWO {sur}"), [sur], ["AWO"])
        for cue in CUES
        for sur in listed_surnames(GHANAIAN) + only[:3]
    ]
    change_kept(_change, "cue + AWO + surname", cases)
    cases = [
        (cue.format(f"{body} {sur}"), [sur], [body])
        for cue in CUES
        for body in ("NABU", "ADFC", "VdK")
        for sur in listed_surnames(GHANAIAN)[:2] + only[:2]
    ]
    change_kept(_change, "cue + NABU/ADFC/VdK + surname", cases)
    cases = [(cue.format(f"Awo {sur}"), ["Awo", sur], []) for cue in CUES for sur in GHANAIAN[:3]]
    cases += [(f"Awo {sur} sagt, dass es reicht.", ["Awo", sur], []) for sur in GHANAIAN]
    change_kept(_change, "Awo (a first name) + surname", cases)
    cases = []
    for _ in range(60):
        sur, city = rng.choice(both + only), rng.choice(cities)
        text = f"{rng.choice(ADDRESS)} {sur} von {city} {rng.choice(TAILS)}"
        cases.append((text, [sur], [city]))
    change_kept(_change, "address + surname + von + city", cases)
    cases = []
    for _ in range(40):
        sur, city = rng.choice(both), rng.choice(cities)
        frame = rng.choice(("Wir danken {}.", "Grüße an {}!", "Gespräch mit {} heute."))
        cases.append((frame.format(f"{rng.choice(ADDRESS)} {sur} von {city}"), [sur], [city]))
    change_kept(_change, "address + first-name surname + von + city, cue", cases)
    cases = []
    for _ in range(30):
        sur, noble = rng.choice(both + only), rng.choice(NOBILITY)
        text = f"{rng.choice(ADDRESS)} {sur} von {noble} {rng.choice(TAILS)}"
        cases.append((text, [sur, noble], []))
    change_kept(_change, "address + surname + von + nobility", cases)
    cases = []
    for word in VOM:
        for tail in TAILS:
            cases.append((f"{rng.choice(('Frau', 'Herr'))} vom {word} {tail}", [word], []))
    change_kept(_change, "address + vom + surname", cases)
    cases = []
    for word in MILLS:
        for frame in ("{} kam heute.", "Gespräch mit {} heute.", "Laut {} fällt es aus."):
            title = rng.choice(("Frau", "Herrn" if frame != "{} kam heute." else "Herr"))
            cases.append((frame.format(f"{title} {word}"), [word], []))
    change_kept(_change, "address + surname on -mühle/-hammer/-mann", cases)

    # must-stay --------------------------------------------------------------------
    stays = []
    for cue in CUES:
        for body in ("AWO Manfort", "AWO Leverkusen", "AWO Ortsverein", "die AWO", "AWO"):
            stays.append((cue.format(body), "AWO"))
    stays += [
        # "Mit der AWO Mensah." is hers since round 49 (benchmarks/article_bodies_blind.py)
        ("Das ist der AWO Ortsverein.", "AWO"),
        ("Die AWO Opladen sagt, dass es reicht.", "AWO"),
        ("AWO und NABU laden ein.", "AWO"),
    ]
    _stay("association in capitals", stays)
    stays = []
    for a in cities[:20]:
        stays += [
            (f"Wir fahren von {a} nach Opladen.", a),
            (f"Die Frau von {a} kam nicht.", a),
            (f"Grüße von {a} nach Manfort!", a),
        ]
    _stay("von + city", stays)
    stays = [
        ("Frau vom Amt kam heute.", "Amt"),
        ("Die Frau vom Amt kam heute.", "Amt"),
        ("Die Frau vom Stein kam heute.", "Stein"),
        ("Der Müller vom Markt sagt, dass es reicht.", "Müller"),
        ("Frau vom Fach sagt, dass es reicht.", "Fach"),
        ("Herr vom Dienst kam heute.", "Dienst"),
        ("Frau vom Jugendamt kam heute.", "Jugendamt"),
        ("Herr vom Kiosk kam heute.", "Kiosk"),
        ("Frau vom Grill kam heute.", "Grill"),
        ("Die Frau vom Lande kam heute.", "Lande"),
        ("Eine Frau vom Berg kam heute.", "Berg"),
        ("Der Herr vom Bach wohnt dort.", "Bach"),
        ("Frau vom Bahnhof hat angerufen.", "Bahnhof"),
    ]
    _stay("vom + noun", stays)
    stays = []
    for word in MILLS[:7]:
        stays += [
            (f"Wir treffen uns an der {word}.", word),
            (f"Die {word} ist ein Denkmal.", word),
        ]
    _stay("mill and hammer as places", stays)


if __name__ == "__main__":
    main()
