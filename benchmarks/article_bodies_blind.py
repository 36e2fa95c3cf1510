"""Blind set: a surname after an association's word after a cue and the body's article
("Danke an die AWO Mensah.", "Wir haben mit dem NABU Becker gesprochen."), the same
sentences written in capitals ("DANKE FÜR AWO MENSAH."), and a surname of a street's or
an end's word after a bare form of address before a verb she does ("Herr vom Graben
sagt", "Frau zur Brücke hat angerufen", "Herr vom Ende kam").

- must-change (a leak is the surname left in clear; "over" counts the outputs where the
  association's word was replaced with it).
- must-change also: a name in capitals before the dot that ends its sentence ("DANKE AN
  FRAU KAYA.", "GESPRÄCH MIT ANNA SCHMIDT.").
- must-stay (the text unchanged): the body with a place or a unit after it ("mit der AWO
  Leverkusen", "der AWO Ortsverein", "bei der AWO Kita", "mit dem NABU Kreisverband"),
  headings and acronyms in capitals ("AWO UND NABU LADEN EIN", "TOP 3: VERKEHR"), the
  street's words as places ("Die Frau vom Graben gegenüber kam.", "Er wohnt zur Brücke
  hin.", "Zum Ende sagt sie nichts.", "Frau vom Amt kam.").

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/article_bodies_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import change_kept, counters, listed_surnames

# The body's article after a cue: accusative after "an", "für", dative after "mit", "laut"
BODIES = {"AWO": ("die", "der"), "NABU": ("den", "dem"), "ADFC": ("den", "dem"),
          "VdK": ("den", "dem")}  # fmt: skip
FRAMES = (("Danke an {acc}.", 0), ("Danke für {acc}!", 0), ("Mit {dat}.", 1),
          ("Wir haben mit {dat} gesprochen.", 1), ("Gespräch mit {dat} heute.", 1),
          ("Laut {dat} fällt es aus.", 1), ("Termin mit {dat} am Montag.", 1))  # fmt: skip
SURNAMES = "Mensah Boateng Owusu Müller Schmidt Becker Kowalski".split()
# Places and units of a body after its word: no surname
UNITS = """
Leverkusen Manfort Opladen Ortsverein Kita Kreisverband Ortsgruppe Jugendwerk
Bundesverband Seniorenzentrum Landesverband Familienzentrum Beratungsstelle
""".split()
STREET_NAMES = ("vom Graben", "zur Brücke", "vom Ende", "zum Graben")
TAILS = ("sagt, dass es reicht.", "hat angerufen.", "kam heute.", "meint, das reicht.",
         "hat uns geholfen.", "wohnt dort.", "fragt nach dem Termin.")  # fmt: skip
CAPS_STAYS = (
    "AWO UND NABU LADEN EIN", "TOP 3: VERKEHR", "DANKE FÜR AWO LEVERKUSEN.",
    "MIT DER AWO KITA.", "EINLADUNG DER AWO ORTSVEREIN", "DANKE AN DEN NABU KREISVERBAND!",
    "GESPRÄCH MIT DEM ADFC OPLADEN.", "WIR DANKEN DER AWO.", "DANKE FÜR AWO UND NABU.",
    "HILFE FÜR DIE AWO KITA", "TOP 4: AWO BERICHTET", "NABU BERICHT 2024",
    "BITTE UM RÜCKMELDUNG BZW. ANMELDUNG.", "WIR BRAUCHEN MEHR BÄNKE.", "DANKE AN ALLE HELFER.",
    "TOP 3: VERKEHR.", "TREFFPUNKT: MARKTPLATZ.", "GRÜSSE AN DIE NACHBARN.",
)  # fmt: skip


_stay, _change = counters(lambda name: name.split(), 50)


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(4949)
    surnames = listed_surnames(SURNAMES)

    # must-change ------------------------------------------------------------------
    cases = []
    for body, arts in BODIES.items():
        for frame, case in FRAMES:
            sur = rng.choice(surnames)
            art = f"{arts[case]} {body} {sur}"
            cases.append((frame.format(acc=art, dat=art), [sur], [body]))
    change_kept(_change, "cue + article + body + surname", cases)
    caps = []
    for body, arts in BODIES.items():
        for frame, case in FRAMES:
            sur = rng.choice(surnames)
            bare = f"{body} {sur}"
            text = frame.format(acc=bare, dat=bare).upper().replace("VDK", "VdK")
            caps.append((text, [sur.upper()], [body]))
            art = f"{arts[case]} {body} {sur}"
            text = frame.format(acc=art, dat=art).upper().replace("VDK", "VdK")
            caps.append((text, [sur.upper()], [body]))
    change_kept(_change, "the same in capitals (with, without article)", caps)
    cases = []
    for frame in ("DANKE AN {}.", "GESPRÄCH MIT {}.", "WIR DANKEN {}.", "{} HAT GEHOLFEN.\nDANKE."):
        for name in ("FRAU KAYA", "HERR BECKER", "ANNA SCHMIDT", "FRAU DR. OWUSU"):
            cases.append((frame.format(name), [name.split()[-1]], []))
    change_kept(_change, "a name in capitals before the sentence's dot", cases)
    cases = []
    for name in STREET_NAMES:
        for tail in TAILS:
            cases.append((f"{rng.choice(('Frau', 'Herr'))} {name} {tail}", [name.split()[1]], []))
    change_kept(_change, "address + vom Graben/zur Brücke/vom Ende + verb", cases)

    # must-stay --------------------------------------------------------------------
    stays = []
    for body, arts in BODIES.items():
        for frame, case in FRAMES:
            art = f"{arts[case]} {body} {rng.choice(UNITS)}"
            stays.append((frame.format(acc=art, dat=art), body))
    stays += [
        ("Das ist der AWO Ortsverein.", "AWO"),
        ("Die Kinder sind bei der AWO Kita.", "AWO"),
        ("Wir sprachen mit der AWO Leverkusen.", "AWO"),
        ("Wir haben mit dem NABU Kreisverband gesprochen.", "NABU"),
    ]
    _stay("cue + article + body + place/unit", stays)
    _stay("headings and acronyms in capitals", [(t, "AWO") for t in CAPS_STAYS])
    stays = [
        ("Die Frau vom Graben gegenüber kam heute.", "Graben"),
        ("Frau vom Graben gegenüber kam heute.", "Graben"),
        ("Er wohnt zur Brücke hin.", "Brücke"),
        ("Zum Ende sagt sie nichts.", "Ende"),
        ("Frau vom Amt kam heute.", "Amt"),
        ("Herr vom Kiosk kam heute.", "Kiosk"),
        ("Frau vom Ende der Straße kam heute.", "Ende"),
        ("Die Frau zur Brücke hat angerufen.", "Brücke"),
        ("Eine Frau vom Graben hat angerufen.", "Graben"),
        ("Herr vom Hof kam heute.", "Hof"),
        ("Frau zum Ende hin sagt nichts mehr.", "Ende"),
        ("Der Herr vom Ende sagt, dass es reicht.", "Ende"),
        ("Frau zur Brücke hin, bitte.", "Brücke"),
        ("Herr vom Graben weg ist es weit.", "Graben"),
        ("Vom Ende her betrachtet sagt er nichts.", "Ende"),
        ("Frau vom Graben?", "Graben"),
    ]
    _stay("street words as places", stays)
    cases = [(f"Herr {s} wohnt zur Brücke hin.", [s], ["Brücke"]) for s in surnames[:4]]
    cases += [(f"Frau {s} kam vom Graben her.", [s], ["Graben"]) for s in surnames[:4]]
    cases += [(f"Herr {s} sagt zum Ende nichts.", [s], ["Ende"]) for s in surnames[:4]]
    change_kept(_change, "surname + street word as place", cases)


if __name__ == "__main__":
    main()
