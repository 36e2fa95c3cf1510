"""Blind set: names beside a facility word, a district, a nobility particle or an
association's word ("Herr Ommo Brinkhaus Schule …", "Müller von Hohenstein sagt, …",
"Müller vom Nabu sagt man nach, …", "Awo Mensah sagt").

- must-change (a leak is a word of the name in clear; "over" counts outputs where a word
  that must stay — the facility, the district, the association — was replaced): a form of
  address, a rare first name of no list (Frisian and old German, dropped at generation if
  any list knows it) and a surname ending in "-haus"/"-hof" before a facility word ("Herr
  Ommo Brinkhaus Schule"), also after a listed first name ("Frau Imke Kötterhaus Kita");
  a "-hof" word before a verb ("Frau Hilke Pfarrhof kam"); a surname and a facility word
  before a district ("Frau Dr. Thalke Schulhof Manfort"); Low German surnames of a
  compass word ("Dr. Ommo Osterhaus", "Westerhaus"); a surname of the gazetteer and where
  she belongs before "sagt man nach"; a surname of the gazetteer and "von" with a
  nobility word before a speech verb ("Müller von Hohenstein sagt"); "Awo" and a surname
  of the gazetteer ("Awo Mensah sagt").
- must-stay (the text unchanged): facility and office phrases that look alike ("Schule am
  Pfarrhof", "Kita Schulhof Manfort", "Jugendhaus Opladen", "Rathaus Wiesdorf"), "von"
  between two places ("von Hohenstein nach Manfort"), an occupation with its article
  ("Der Müller vom Markt sagt"), the association with its district ("die Awo Manfort
  sagt") and an association said of ("Nabu sagt man nach").

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/facility_nobility_blind.py [--show]
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

# Frisian and old German first names; kept where no list knows them
RARE_FIRST = (
    "Ommo Thalke Hilke Okke Wübbo Eilert Fokko Ubbo Tamme Talea Eske Onno Ewert Moiken "
    "Geeske Habbo Hayo Tomke Ocka Rixa Tjade Sweer Heero Wiard Gerriet Hiske Tetje Ebeltje "
    "Trientje Alheid Wendula Wiltraud Reinmar Radegund Wunibald"
).split()
LISTED_FIRST = "Imke Frauke Wiebke Heiko Enno Sönke Peter Anna Jens Karin".split()
# surnames of a house or a farm (Westphalian, Low German); no list knows most of them
HOUSE = "Brinkhaus Kötterhaus Holthaus Niehaus Vosshaus Kamphof Brinkhof Kötterhof".split()
COMPASS = "Osterhaus Westerhaus Osterhof Westerhof Norderhaus Süderhaus Osterkamp".split()
HOF_WORDS = "Pfarrhof Schulhof Kirchhof Bauhof Gutshof".split()
FACILITIES = "Schule Grundschule Kita Jugendhaus Stadtteilbüro Familienzentrum".split()
DISTRICTS = "Manfort Alkenrath Wiesdorf Opladen Steinbüchel".split()
ADDRESS = ("Herr", "Frau", "Herr Dr.", "Frau Dr.", "Frau Prof.")
# surnames of the gazetteer, some also words of the language ("Müller")
SURNAMES = "Müller Meier Schmidt Becker Wagner Kowalski Yilmaz Hoffmann Schulze Krüger".split()
GHANAIAN = "Mensah Boateng Owusu Appiah Ofori Asante".split()
NOBILITY = "Hohenstein Falkenhorst Lilienfeld Rosenau Bredow Treskow Dohna Eichendorff".split()
BODIES_VOM = "Nabu Adfc Bund Sportverein Jugendamt Seniorenbeirat".split()
BODIES_DER = "Awo Caritas Kvb Diakonie Tafel Stadtverwaltung".split()
SPEECH = ("sagt", "meint", "betont", "erzählt")


_stay, _change = counters(lambda name: name.split(), 50)


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(47)
    rare = unlisted(RARE_FIRST)
    house = [w for w in HOUSE if not gazetteer().has_first(w)]
    print(f"rare first names kept: {len(rare)} of {len(RARE_FIRST)}")

    # must-change ------------------------------------------------------------------
    after = ("ist heute nicht da.", "hat angerufen.", "kommt später.", "…")
    cases = []
    for _ in range(60):
        first, sur, fac = rng.choice(rare), rng.choice(house), rng.choice(FACILITIES)
        text = f"{rng.choice(ADDRESS)} {first} {sur} {fac} {rng.choice(after)}"
        cases.append((text, [first, sur], [fac]))
    change_kept(_change, "address + rare first + -haus/-hof + facility", cases)
    cases = []
    for _ in range(40):
        first, sur, fac = rng.choice(LISTED_FIRST), rng.choice(house), rng.choice(FACILITIES)
        text = f"{rng.choice(ADDRESS)} {first} {sur} {fac} {rng.choice(after)}"
        cases.append((text, [first, sur], [fac]))
    change_kept(_change, "address + listed first + -haus/-hof + facility", cases)
    cases = []
    for _ in range(40):
        first, sur = rng.choice(rare), rng.choice(HOF_WORDS)
        text = f"{rng.choice(ADDRESS)} {first} {sur} {rng.choice(('kam', 'sagt', 'hilft'))} heute."
        cases.append((text, [first, sur], []))
    change_kept(_change, "address + rare first + -hof word + verb", cases)
    cases = []
    for _ in range(40):
        first, sur, place = rng.choice(rare), rng.choice(HOF_WORDS), rng.choice(DISTRICTS)
        text = f"{rng.choice(ADDRESS)} {first} {sur} {place} {rng.choice(after)}"
        cases.append((text, [first, sur], [place]))
    change_kept(_change, "address + rare first + -hof word + district", cases)
    cases = []
    for _ in range(50):
        first, sur = rng.choice(rare), rng.choice(COMPASS)
        text = (
            f"{rng.choice(('Dr.', 'Herr', 'Frau', 'Frau Dr.'))} {first} {sur} {rng.choice(after)}"
        )
        cases.append((text, [first, sur], []))
    change_kept(_change, "address + rare first + compass surname", cases)
    cases = []
    for _ in range(50):
        sur = rng.choice(listed_surnames(SURNAMES))
        body = rng.choice(BODIES_VOM + BODIES_DER)
        where = f"vom {body}" if body in BODIES_VOM else f"von der {body}"
        opener = rng.choice(("", "Dem Vernehmen nach: ", "Ehrlich gesagt: "))
        text = f"{opener}{sur} {where} sagt man nach, dass er streng ist."
        cases.append((text, [sur], [body]))
    change_kept(_change, "surname + belonging + 'sagt man nach'", cases)
    cases = []
    for _ in range(50):
        sur, noble = rng.choice(listed_surnames(SURNAMES)), rng.choice(unlisted(NOBILITY))
        text = f"{sur} von {noble} {rng.choice(SPEECH)}, dass es reicht."
        cases.append((text, [sur, noble], []))
    change_kept(_change, "surname + von + nobility word + speech verb", cases)
    cases = []
    frames = (
        "Awo {} sagt, dass es reicht.", "Heute sagt Awo {}, dass es reicht.",
        "Laut Awo {} reicht es.", "Frau Awo {} sagt es.", "Awo {} meint, das reicht.",
    )  # fmt: skip
    for frame in frames:
        for sur in listed_surnames(GHANAIAN):
            cases.append((frame.format(sur), [sur], []))
    change_kept(_change, "'Awo' + surname of the gazetteer", cases)

    # must-stay --------------------------------------------------------------------
    stays = []
    for d in DISTRICTS:
        stays += [
            (f"Die Schule am Pfarrhof in {d} ist gut.", "Pfarrhof"),
            (f"Die Kita Schulhof {d} ist voll.", "Schulhof"),
            (f"Das Jugendhaus {d} hilft sehr.", "Jugendhaus"),
            (f"Im Rathaus {d} war es voll.", "Rathaus"),
            (f"Der Pfarrhof {d} lädt ein.", "Pfarrhof"),
            (f"Die Awo {d} sagt, dass es reicht.", "Awo"),
            (f"Awo {d} sagt, dass es reicht.", "Awo"),
        ]
    _stay("facility + district", stays)
    stays = []
    for noble in unlisted(NOBILITY):
        for d in DISTRICTS:
            stays.append((f"Wir fuhren von {noble} nach {d}.", noble))
    _stay("von + place nach + district", stays)
    stays = [
        (f"{art} {occ} vom {place} {verb}, dass es reicht.", occ)
        for art in ("Der",)
        for occ in ("Müller", "Bäcker", "Metzger", "Schmied")
        for place in ("Markt", "Dorf", "Hof")
        for verb in SPEECH
    ]
    _stay("article + occupation + vom + place", stays)
    stays = [
        (f"{lead}{body} sagt man nach, dass er streng ist.", body)
        for lead in ("", "Dem ", "Der ")
        for body in ("Nabu", "Adfc", "Awo", "Kvb", "Caritas", "Bund")
    ]
    stays += [("Termine vom Amt sagt man ab.", "Termine"), ("Hilfe vom Amt sagt man zu.", "Hilfe")]
    stays += [
        (f"{noun} vom {body} sagt man nach, dass sie streng sind.", noun)
        for noun in ("Kindern", "Ehrenamtlichen", "Leuten", "Eltern")
        for body in ("Nabu", "Adfc", "Sportverein")
    ]
    _stay("association + 'sagt man nach'", stays)
    stays = [
        (frame.format(body, place), body)
        for body in ("Awo", "Penny", "AWO")
        for place in [*DISTRICTS, "Leverkusen", "Markt", "Ortsverein"]
        for frame in ("{} {} sagt, dass es reicht.", "Bei {} {} gibt es Hilfe.")
    ]
    _stay("body word + place or noun", stays)
    stays = [
        (f"Im {word} steht die Krippe.", word) for word in ("Gemeindehaus", "Pfarrhof", "Bauhof")
    ] + [(f"Das Osterhaus der Kita {d} ist bunt.", "Osterhaus") for d in DISTRICTS]
    _stay("house words as things", stays)
    cases = []
    for _ in range(30):
        first, d = rng.choice(rare), rng.choice(DISTRICTS)
        fac = rng.choice(("Jugendhaus", "Rathaus", "Gemeindehaus", "Pfarrhof"))
        text = f"{rng.choice(('Herr', 'Frau'))} {first} vom {fac} {d} kam heute."
        cases.append((text, [first], [fac, d]))
    change_kept(_change, "address + rare first + vom facility + district", cases)


if __name__ == "__main__":
    main()
