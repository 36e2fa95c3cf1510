"""Blind set: surnames with "vom", "zum", "zur" whose word is an ordinary noun, after a
bare form of address ("Herr vom Bruch sagt", "Frau zum Winkel kam", "Frau zur Linde."),
and the phrases like them that name an office, a workplace or an idiom.

- must-change (a leak is the surname's word left in clear): surnames of the landscape
  ("vom Bruch", "vom Berg", "zum Winkel", "zur Linde", "zur Heide", …) and, as a control,
  such surnames that are no noun ("vom Brocke", "zur Nedden"), after "Frau", "Herr",
  "Herrn" where the name ends (a verb, a comma, a colon, the sentence's end).
- must-stay (the text unchanged): the same frames with an office, a service, a shop, a
  trade, a body or a place one comes from ("Frau vom Amt hat angerufen.", "Herr vom
  Kiosk sagt, …", "Frau vom Dorf kam später dazu."), idioms ("Frau zum Beispiel sagt,
  …", "Herr zur Sache: …", "vom Feinsten"), and the landscape words after an article or
  a possessive ("Die Frau vom Berg kam.", "Ich hole meine Frau vom Bahnhof ab.").

The words of the must-stay groups were written for this set, most of them in no list of
the package (a rule that read any noun at the name's end as the surname would replace
them): the group "workplace" counts them.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/contracted_surnames_blind.py [--show]
(the code under test comes first on PYTHONPATH; seeded: same cases every run).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))

from _blind import counters

# Attested surnames with a contracted particle whose word is a German noun, and (control)
# some whose word is none
NOUN_SURNAMES = (
    "vom Bruch", "vom Berg", "vom Stein", "vom Busch", "vom Hagen", "vom Bach", "vom Holz",
    "vom Brink", "vom Feld", "zum Winkel", "zum Busch", "zum Hagen", "zum Berge",
    "zum Felde", "zur Linde", "zur Heide", "zur Mühlen", "zur Horst", "zum Brink",
    "vom Baum", "vom Graben", "zur Brücke", "vom Sand", "zum Sande",
)  # fmt: skip
OTHER_SURNAMES = ("vom Brocke", "vom Hövel", "vom Scheidt", "zur Nedden", "zur Nieden", "vom Rath")
# (nominative form of address, dative/accusative form)
ADDRESS = (("Frau", "Frau"), ("Herr", "Herrn"))
FRAMES = (
    "{A} {N} sagt, der Bus fährt zu selten.",
    "{A} {N} hat angerufen.",
    "{A} {N} kam später dazu.",
    "{A} {N} meint, das reicht nicht.",
    "Wir danken {D} {N} für die Hilfe.",
    "Laut {D} {N} fehlt Licht am Spielplatz.",
    "Gestern sprach ich mit {D} {N}.",
    "{A} {N}: Das geht so nicht.",
    "Danke an {D} {N}!",
    "{A} {N}, die Sprecherin der Initiative, war da.",
)
# Offices, services, shops, trades, bodies and places one comes from
WORKPLACES = (
    "vom Amt", "vom Ordnungsamt", "vom Jugendamt", "vom Sozialamt", "vom Wohnungsamt",
    "vom Quartiersbüro", "vom Stadtteilbüro", "vom Verein", "vom Sportverein", "vom Markt",
    "vom Wochenmarkt", "vom Hof", "vom Bau", "vom Kiosk", "vom Bäcker", "vom Fischer",
    "vom Fach", "vom Dienst", "vom Land", "vom Dorf", "vom Empfang", "vom Imbiss",
    "vom Friseur", "vom Laden", "vom Getränkemarkt", "vom Pflegedienst",
    "vom Hausmeisterdienst", "vom Bezirk", "vom Kreis", "vom Gericht", "vom Zoll",
    "vom Radio", "vom Vorstand", "vom Ausschuss", "vom Beirat", "vom Mieterbund",
    "vom Bauhof", "vom Friedhof", "vom Bahnhof", "vom Finanzamt", "vom Gesundheitsamt",
    "vom Kirchenvorstand", "vom Spielplatz", "vom Sender", "vom Büdchen", "vom Späti",
    "vom Tresen", "vom Schalter", "vom Jobcenter", "vom Theater", "vom Gymnasium",
    "vom Kindergarten", "vom Krankenhaus", "vom Rathaus", "vom Stadtrat", "vom Bürgeramt",
    "vom Wachdienst", "vom Sicherheitsdienst", "vom Vermieter", "vom Campingplatz",
    "zum Empfang", "zur Aushilfe", "zur Miete", "zur Untermiete",
)  # fmt: skip
IDIOMS = (
    "zum Beispiel", "zum Glück", "zum Teil", "zur Zeit", "zum Schluss", "vom Feinsten",
    "zur Sache", "zum Abschluss", "zum Thema", "zur Info", "zur Not", "zum Dank",
    "zum Abschied", "zur Sicherheit", "zum Spaß", "zur Begrüßung", "zum Wohl",
    "zur Kenntnis", "vom Hörensagen", "zum Ende",
)  # fmt: skip
# The landscape words of the surnames after an article or a possessive: anyone
OWNED = (
    "Die Frau vom Berg kam später dazu.", "Der Herr vom Busch hat angerufen.",
    "Die Frau zur Linde sagt, der Bus fährt zu selten.", "Eine Frau vom Bruch hat angerufen.",
    "Ich hole meine Frau vom Bahnhof ab.", "Er bringt seine Frau zum Arzt.",
    "Ich fahre meine Frau zur Arbeit.", "Der Herr vom Winkel meint, das reicht nicht.",
    "Die Frau vom Stein kam.", "Jede Frau zur Heide hat angerufen.",
    "Wie die Frau vom Hagen sagt, fehlt Licht.", "Er holte seine Frau vom Feld.",
)  # fmt: skip


def _framed(rng: random.Random, phrases: tuple[str, ...], frames: int) -> list[tuple[str, str]]:
    """(text, phrase): ``frames`` seeded frames with each phrase after "Frau" and "Herr"."""
    out = []
    for phrase in phrases:
        for nominative, dative in ADDRESS:
            for frame in rng.sample(FRAMES, frames):
                out.append((frame.format(A=nominative, D=dative, N=phrase), phrase))
    return out


def main() -> None:
    """Pseudonymise every case alone and print leaks and replaced must-stay texts."""
    rng = random.Random(48)
    stay, change = counters(lambda phrase: phrase.split()[-1:], 38)
    for label, names in (("landscape noun", NOUN_SURNAMES), ("no noun", OTHER_SURNAMES)):
        cases = _framed(rng, names, 4)
        change(f"surname, {label}", [(t, name.split()[-1:]) for t, name in cases])
    stay("workplace, service, shop", _framed(rng, WORKPLACES, 3))
    stay("idiom", _framed(rng, IDIOMS, 3))
    stay("landscape word after an article", [(t, t.split()[3]) for t in OWNED])


if __name__ == "__main__":
    main()
