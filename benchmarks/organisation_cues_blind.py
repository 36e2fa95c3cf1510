"""Blind set: associations written as a word and firms named after a surname, after the
cues that make a word a person's ("laut Nabu", "bei Dekra", "laut Müller KG").

- must-stay: an association or body written as a word ("Nabu", "Bund", "Adfc", "Kvb",
  "Tüv", also with its place: "Nabu Leverkusen") after "laut", "bei", "mit", "von",
  "sagt", "meint", "berichtet" and in capitals; a surname with the form of a legal person
  ("Müller GmbH", "Schulz mbH", "Meyer SE", "Krüger KGaA", "Becker UG
  (haftungsbeschränkt)", "Schröder eG", "Krause e.V.", "Lange Stiftung", "Otto Group",
  "Otto Konzern", "Weber Holding", "Fischer GmbH & Co. KG"): counted are outputs with
  any word replaced, and of those the half-done ones (a part replaced, a part in clear).
- must-change: people after the same cues; a surname or a full name with a form of a
  business whose owner is liable with her own name ("Wagner e.K.", "Meyer OHG", "Müller
  KG", "Becker GbR", "Schmidt & Co. KG", "Schulz & Partner", "Malermeister Klaus Schmidt
  e.K."), a person beside a firm word ("Frau Schmidt, GmbH-Beraterin"), a form of address
  before an association's word ("Frau Bund", "Herr Verdi"), a person in capitals after
  a club's word ("LAUT FORTUNA SCHMIDT"); a leak is any word of the name in clear.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/organisation_cues_blind.py [--show]
(seeded: same cases every run).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first


from _blind import counters

BODIES = (
    "Nabu Bund Verdi Awo Caritas Diakonie Dehoga Adfc Vdk Dgb Ihk Hwk Kvb Wupsi Tüv Dekra Adac "
    "Sovd Dlrg Thw Cvjm Drk Asb Vhs Lvr Dfb Gew Bdkj Vcd"
).split()
PLACES = "Leverkusen Opladen Köln Düsseldorf Manfort".split()
CUES = [
    "Laut {} ist der Teich gefährdet.",
    "laut {} fehlt ein sicherer Radweg.",
    "Das sagt {} seit Jahren.",
    "{} meint, die Rampe ist zu steil.",
    "Wie {} berichtet, fährt der Bus nicht.",
    "Wir waren gestern bei {} zur Beratung.",
    "Mit {} haben wir lange geredet.",
    "Von {} kam niemand zum Treffen.",
    "Nach Angaben von {} fehlen Plätze.",
]
SURNAMES = (
    "Müller Schulz Meyer Becker Wagner Fischer Hoffmann Weber Lange Krause Krüger Otto".split()
)
CAPITAL_FORMS = (
    "GmbH|mbH|gGmbH|AG|SE|KGaA|eG|e.V.|e. V.|Stiftung|Holding|Konzern|Group|"
    "UG (haftungsbeschränkt)|GmbH & Co. KG|AG & Co. KG"
).split("|")
PERSONAL_FORMS = "e.K.|e. K.|e.Kfm.|OHG|KG|GbR|& Co. KG|& Co.|& Partner|& Söhne".split("|")
FIRM_TEXTS = [
    "Laut {} ist das Angebot zu teuer.",
    "Die {} baut den Spielplatz.",
    "Wir haben bei {} angefragt.",
    "Das sagt {} seit Jahren.",
    "Den Auftrag bekam die {}.",
]
PEOPLE = (
    "Anna Schmidt|Frau Kaya|Herrn Becker|Peter Hoffmann|Fatma Yilmaz|Jens Richter|"
    "Frau Bund|Herrn Verdi|Frau Tüv-Schmidt|Herrn Dr. Nabu-Lange|ANNA SCHMIDT|PETER HOFFMANN"
).split("|")
CAPS_PEOPLE = "FORTUNA SCHMIDT|VIKTORIA SCHULZE|FORTUNA YILMAZ|HERTHA MÜLLER".split("|")
FIRST = "Klaus Petra Anna Jens Fatma Olga Dirk Sabine".split()
TRADES = "Malermeister|Bäckerei|Elektro|Dachdeckermeister|Friseursalon|Inh.".split("|")
BESIDE = [
    "Frau {}, GmbH-Beraterin, sagt das.",
    "Laut Frau {} von der Stiftung fehlt Geld.",
    "Herr {} (AG Verkehr) meint, das reicht.",
    "{} von der Kvb sagt, der Bus kommt.",
    "Laut {} vom Nabu ist der Teich gefährdet.",
]


def _words(name: str) -> list[str]:
    """The words of a name that must stay out of the output (no forms of address)."""
    parts = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    return [w for w in parts if w not in ("Frau", "Herrn", "Dr.", "Dr")]


_stay, _change = counters(_words, 30)


def main() -> None:
    """Build the sets, pseudonymise them, print the counts."""
    rng = random.Random(46)
    _stay("body as a word after cues", [(c.format(b), b) for b in BODIES for c in CUES])
    placed = [f"{b} {rng.choice(PLACES)}" for b in BODIES]
    _stay("body + place after cues", [(c.format(p), p) for p in placed for c in CUES[:5]])
    caps = [(c.format(b.upper()).upper(), b.upper()) for b in BODIES for c in CUES[:4]]
    _stay("body in capitals", caps)
    firms = [
        (t.format(f"{s} {f}"), f"{s} {f}")
        for s in SURNAMES
        for f in CAPITAL_FORMS
        for t in FIRM_TEXTS
    ]
    _stay("surname + legal person's form", rng.sample(firms, 300))
    people = [(c.format(n), _words(n)) for n in PEOPLE for c in rng.sample(CUES, 6)]
    _change("people after the same cues", people)
    caps_people = [(c.format(n).upper(), n.split()[1:]) for n in CAPS_PEOPLE for c in CUES]
    _change("club word + surname, capitals", caps_people)
    owned = [
        (t.format(f"{s} {f}"), [s])
        for s in SURNAMES
        if s != "Otto"
        for f in PERSONAL_FORMS
        for t in FIRM_TEXTS
    ]
    _change("surname + owner-liable form", rng.sample(owned, 200))
    traded = [
        (
            rng.choice(FIRM_TEXTS).format(
                f"{t} {rng.choice(FIRST)} {s} {rng.choice(PERSONAL_FORMS)}"
            ),
            [s],
        )
        for t in TRADES
        for s in SURNAMES
        if s != "Otto"
    ]
    _change("trade + full name + form", traded)
    beside = [(b.format(s), [s]) for s in SURNAMES if s != "Otto" for b in BESIDE]
    _change("person beside a firm word", beside)


if __name__ == "__main__":
    main()
