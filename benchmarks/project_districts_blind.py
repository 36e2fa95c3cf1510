"""Blind set: "von" after a name where the project adds the word — a district the
project declares (not on the package's list: "Müller von Brückfeld sagt, …"), a name of
nobility after a form of address without a speech verb ("Frau Müller von Hohenstein war
da."), and a firm no list knows after "Herr Müller von …" (the trade-off: measured, not
decided by a list).

- must-change (a leak is a word of the person in clear: her surname, her nobility word;
  "over" counts the outputs where a word that must stay — the project's district — was
  replaced).
- must-stay (the text unchanged or the word kept): the project's districts without a
  person ("Wir fahren von Brückfeld nach Sonnenhügel", "Die Kinder von Brückfeld sagen",
  "Post von Brückfeld erklärt", "Der Müller von Brückfeld sagt"); after a form of address
  and a name without a speech verb "von" and a district, a place, the city, a known
  association or firm, an idiom, a month, a first name or "Herrn" (the word kept).
- measured (no verdict): unknown firms after "Herr Müller von …" — how many keep the firm.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/project_districts_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import clear, unlisted

from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.pseudonymise import Pseudonymiser

ADDRESS = ("Herr", "Frau", "Herr Dr.", "Frau Dr.")
SURNAMES = "Müller Meier Schmidt Becker Wagner Kowalski Yilmaz Hoffmann Schulze Krüger".split()
NOBILITY = "Hohenstein Falkenhorst Lilienfeld Rosenau Bredow Treskow Dohna Eichendorff".split()
# districts a project may declare that no list of the package knows (invented)
PROJECT = "Brückfeld Sonnenhügel Kalkberg Eulenbruch Wiesengrund Lindenhöhe Mühlenkamp".split()
SPEECH = ("sagt", "meint", "betont", "erzählt")
TAILS = ("dass es reicht.", "das sei zu wenig.", "man müsse warten.")
# where a name after a form of address ends without a speech verb
ENDS = (
    "{} war da.", "{} hat angerufen.", "{} ist krank.", "Wir danken {}.", "Gestern kam {}.",
    "{}, die Leiterin, kam.", "{} und Herr Becker kamen.", "Das Protokoll schrieb {}.",
)  # fmt: skip
# words after "von" that are no nobility: places, the city, districts, bodies, idioms, …
KEPT = (
    "Opladen", "Manfort", "Köln", "Leverkusen", "Caritas", "Lanxess", "Bayer", "Nabu",
    "Montag", "nebenan", "Anna", "Herrn Meier",
)  # fmt: skip
# firms no list of the package knows (some are surnames too: no shape tells them apart)
FIRMS = "Ford Tedi Aral Shell Deichmann Rossmann Obi Hornbach Bosch Miele Haribo Würth".split()


def _run(text: str) -> str:
    """``text`` pseudonymised by a project that declares the districts of ``PROJECT``."""
    pseudonymiser = Pseudonymiser()
    pseudonymiser.protect(PROJECT)
    return pseudonymiser.pseudonymise(text)[0]


def _change(label: str, cases: list[tuple[str, list[str], list[str]]]) -> None:
    """Print the leaks (a word of the person in clear) and the outputs where a word that
    must stay was replaced."""
    leaked = over = 0
    for text, gone, kept in cases:
        out = _run(text)
        leak, lost = clear(out, gone), [w for w in kept if not clear(out, [w])]
        leaked, over = leaked + leak, over + bool(lost)
        if (leak or lost) and "--show" in sys.argv:
            print(f"  {'leak' if leak else 'over'}: {text!r} -> {out!r}")
    print(f"must-change {label:54} {len(cases):4}  leaked {leaked:4}  over {over:4}")


def _kept(label: str, cases: list[tuple[str, str]], word: str = "must-stay ") -> None:
    """Print in how many outputs the word that must stay was replaced."""
    lost = 0
    for text, kept in cases:
        out = _run(text)
        if not clear(out, kept.split()):
            lost += 1
            if "--show" in sys.argv:
                print(f"  lost: {text!r} -> {out!r}")
    print(f"{word}  {label:54} {len(cases):4}  lost   {lost:4}")


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(4748)
    surnames = [w for w in SURNAMES if gazetteer().has_last(w)]
    noble, project = unlisted(NOBILITY, person_names=False), unlisted(PROJECT, person_names=False)

    # must-change ------------------------------------------------------------------
    cases = []
    for _ in range(60):
        sur, place = rng.choice(surnames), rng.choice(project)
        frame = rng.choice(("{} von {} {}, ", "Im Gespräch: {} von {} {}, ", "Wie {} von {} {}, "))
        text = frame.format(sur, place, rng.choice(SPEECH)) + rng.choice(TAILS)
        cases.append((text, [sur], [place]))
    _change("surname + von + project district + speech verb", cases)
    cases = []
    for _ in range(30):
        sur, place = rng.choice(surnames), rng.choice(project)
        text = f"{rng.choice(ADDRESS)} {sur} von {place} {rng.choice(SPEECH)}, {rng.choice(TAILS)}"
        cases.append((text, [sur], [place]))
    _change("address + surname + von + project district + speech", cases)
    cases = []
    for _ in range(60):
        sur, word = rng.choice(surnames), rng.choice(noble)
        text = rng.choice(ENDS).format(f"{rng.choice(ADDRESS)} {sur} von {word}")
        cases.append((text, [sur, word], []))
    _change("address + surname + von + nobility, no speech verb", cases)
    cases = []
    for _ in range(40):
        sur, place = rng.choice(surnames), rng.choice(project)
        text = rng.choice(ENDS).format(f"{rng.choice(ADDRESS)} {sur} von {place}")
        cases.append((text, [sur], [place]))
    _change("address + surname + von + project district, no speech", cases)

    # must-stay --------------------------------------------------------------------
    stays = []
    for a in project:
        for b in project:
            if a != b:
                stays.append((f"Wir fahren von {a} nach {b}.", f"{a} {b}"))
        stays += [
            (f"Die Kinder von {a} sagen, dass es reicht.", f"Kinder {a}"),
            (f"Post von {a} erklärt, dass es reicht.", f"Post {a}"),
            (f"Der Müller von {a} sagt, dass es reicht.", f"Müller {a}"),
            (f"Die Stadt von {a} sagt nichts.", f"Stadt {a}"),
            (f"Von {a} sagt keiner etwas.", a),
            (f"Das Fest von {a} war schön.", a),
        ]
    _kept("project district without a person", stays)
    stays = []
    for _ in range(80):
        sur, word = rng.choice(surnames), rng.choice(KEPT)
        text = rng.choice(ENDS).format(f"{rng.choice(ADDRESS)} {sur} von {word}")
        stays.append((text, "von" if word in ("Anna", "Herrn Meier") else word))
    _kept("address + surname + von + place/body/idiom/first", stays)

    # measured: unknown firms --------------------------------------------------------
    firms = []
    for firm in FIRMS:
        sur = rng.choice(surnames)
        firms.append((f"Herr {sur} von {firm} sagt, dass es reicht.", firm))
        firms.append((rng.choice(ENDS).format(f"Frau {sur} von {firm}"), firm))
    _kept("address + surname + von + unknown firm (trade-off)", firms, "measured  ")


if __name__ == "__main__":
    main()
