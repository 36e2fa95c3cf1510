"""Blind set: first names that are German function words ("Nur", a Turkish and Arabic first
name; "An" Vietnamese; "Man"; "Allen", "Anders", "Davor", "Darin", "Einer", "Solange") and
months ("August", "Juli"), before a surname ("Danke an Nur Kaya.", "Frau An Nguyen kam.").

- must-change (a leak is a word of the name in clear): the full name after a form of
  address, after a cue or a verb inside a sentence (the function word written with a
  capital there is a name), and at a sentence's start before a speech verb with a comma or
  colon ("Nur Yılmaz sagt, …"; "Nur" only before a foreign-looking surname; other first
  names also before "kam", "wohnt", "hat angerufen": "Davor Horvat kam." — a German adverb
  there would take the verb second).
- must-stay: sentences that open with these words ("Nur Mut!", "Nur wenige kamen", "Nur
  Kinder dürfen", "An der Ecke", …); "kept" beside a name:
  the function word stays where it is one ("Nur Anna kam." → "Nur [Person 1] kam.", "Nur
  Kaya wusste Bescheid." — "nur" before the surname alone, no speech verb: the word stays,
  the surname goes; "im Juli Nguyen getroffen" — the month stays; "Solange Becker sagt,
  dass …" opens a clause).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/word_first_names_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import change_kept, counters

FIRST = ["Nur", "An", "Man", "Allen", "Anders", "Davor", "Darin", "Einer", "Solange"]
MONTHS = ["August", "Juli", "Juni", "April"]
SURNAMES = ["Kaya", "Yılmaz", "Öztürk", "Demir", "Nguyen", "Horvat", "Jensen", "Schmidt",
            "Becker", "Çelik", "Tran", "Kovač"]  # fmt: skip
TITLED = ("Frau {} kam.", "Herr {} hat angerufen.", "Wir danken Frau {} für die Hilfe.",
          "Grüße an Herrn {}!")  # fmt: skip
CUED = ("Danke an {}.", "Gespräch mit {} am Montag.", "Laut {} fällt es aus.",
        "Wir haben {} gefragt.", "Das hat {} gesagt.", "Kontakt über {} im Büro.")  # fmt: skip
SPOKEN = ("{} sagt, das reicht.", "{} meint: Wir brauchen mehr Bänke.",
          "{} erklärt, wie es geht.")  # fmt: skip
ACTS = ("{} kam zu spät.", "{} wohnt hier seit 1990.", "{} hat angerufen.")
MONTH_CUED = ("Danke an {}.", "Gespräch mit {} am Montag.", "Laut {} fällt es aus.")
STAY = """
Nur Mut!|Nur wenige kamen.|Nur Kinder dürfen hier spielen.|Nur noch zwei Plätze frei.
Nur Gutes!|Nur so geht es.|Nur Anwohner dürfen parken.|Nur Bus und Bahn fahren dort.
Nur Bänke fehlen.|Nur Geduld, das wird.|Nur Mieter wissen das.|Nur Fahrräder sind erlaubt.
An der Ecke steht eine Bank.|An Sonntagen ist es ruhig.|An Beidem fehlt es.
Man sagt, es reicht.|Man Kann Es Nicht Allen Recht Machen.|Allen Beteiligten danke!
Anders als gedacht kam keiner.|Anders geht es nicht.|Davor war es ruhig.
Davor Angst zu haben, ist normal.|Darin steht nichts.|Darin Liegt Die Chance.
Einer kam zu spät.|Einer Studie zufolge reicht es.|Solange es regnet, bleiben wir.
Nur Gesetze helfen.|Nur Kostendeckung reicht nicht.|Im August Kaffee und Kuchen!
Anders Als Die Anderen|Nur Mut Und Geduld|Im Juli Urlaub.|Ab April Neubau.
""".replace("\n", "|").strip("|").split("|")  # fmt: skip
# (text, words that must go, words that must stay)
KEPT = (("Nur Anna kam.", ["Anna"], ["Nur"]), ("Nur Kaya wusste Bescheid.", ["Kaya"], ["Nur"]),
        ("Nur Schmidt war dagegen.", ["Schmidt"], ["Nur"]),
        ("Wir haben im Juli Nguyen getroffen.", ["Nguyen"], ["Juli"]),
        ("Nur Nguyen und Anna Schmidt kamen.", ["Nguyen", "Anna"], ["Nur"]),
        ("An Frau Kaya schreiben wir.", ["Kaya"], ["An"]),
        ("Davor hat Frau Kaya angerufen.", ["Kaya"], ["Davor"]),
        ("Anders als Nguyen sagt, reicht es.", ["Nguyen"], ["Anders"]),
        ("Im August Frau Demir gefragt.", ["Demir"], ["August"]),
        ("Nur Schmidt sagt das.", ["Schmidt"], ["Nur"]),
        ("Nur Anna sagt, das reicht.", ["Anna"], ["Nur"]),
        ("Solange Nguyen sagt, dass es reicht.", ["Nguyen"], ["Solange"]),
        ("Solange Becker sagt, dass es reicht, machen wir.", ["Becker"], ["Solange"]))  # fmt: skip


_stay, _change = counters(lambda name: name.split(), 44)


def main() -> None:
    """Print the counts of each family (seeded)."""
    rng = random.Random(5050)

    def names(firsts: list[str], k: int) -> list[tuple[str, str]]:
        return [(f, s) for f in firsts for s in rng.sample(SURNAMES, k)]

    def cases(frames: tuple[str, ...], pairs: list[tuple[str, str]]) -> list:
        out = []
        for f, s in pairs:
            frame = rng.choice(frames)
            out.append((frame.format(f"{f} {s}"), [f, s]))
        return out

    _change("after a form of address", cases(TITLED, names(FIRST, 4)))
    _change("after a cue or a verb", cases(CUED, names(FIRST, 4)))
    _change("sentence start, speech verb", cases(SPOKEN, names(FIRST[:-1], 3)))
    _change("sentence start, a person's verb", cases(ACTS, names(FIRST[1:-1], 3)))
    _change("month as first name after a cue", cases(MONTH_CUED, names(MONTHS, 3)))
    _stay("sentences opening with the words", [(t, "") for t in STAY])
    change_kept(_change, "the word kept beside a name", list(KEPT))


if __name__ == "__main__":
    main()
