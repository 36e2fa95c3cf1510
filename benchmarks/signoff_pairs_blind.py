"""Blind set: a rare first name and a surname of no list as a line under a sign-off.

- must-change (a leak is the first name or the surname left in clear in the output):
  "LG\\nTjorven Kettelhack", also with a title ("Dr. Tjorven Kettelhack"), an initial
  ("T. Kettelhack"), a hyphenated surname ("Tjorven Kettelhack-Öztürk") and with a role or
  a contact line after it ("…\\nQuartiersmanagerin"). The first names and surnames are this
  file's own lists (no gazetteer, faker locale or rule of the package knows them; a name a
  list knows is dropped at generation).
- must-stay (the text unchanged): two-word lines under a sign-off that name no person —
  offices, services, teams and organisations with a district or a noun ("Caritas
  Sozialstation", "Quartiersbüro Manfort", "AG Wohnen"), roles ("Die Vorsitzende",
  "Quartiersmanagerin Süd"), places and dates ("Leverkusen, 12.03."), greeting tails
  ("und Grüße", "bis bald") and wishes ("Schönes Wochenende").

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/signoff_pairs_blind.py [--show]
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.pseudonymise import Pseudonymiser

# rare first names (Frisian, old German, Low German): kept where no list knows them
FIRST = (
    "Tjorven Ommo Sjard Ihno Onno Wubbo Ubbe Okko Frerk Reinmar Radegund Marzella Benedikta "
    "Crescentia Leberecht Wunibald Ruprecht Habbo Ubbo Hayo Tomke Ocka Rixa Thalke Tjade "
    "Eike Rieke Aurelius Sweer Menno Heero Edzard Wiard Gerriet Hiske Tetje Ebeltje Enna "
    "Gesine Trientje Alheid Wendula Gunda Kuno Adelbert Otmar Wiltraud Hedi"
).split()
# surnames of Westphalia and Frisia; kept where no list knows them
LAST = (
    "Kettelhack Oltmanns Wübbena Dreesen Tiemann Hüsing Ostendorf Wiechers Lüpkes Ubben "
    "Hölscher Tebbe Siebels Ennen Popken Bohlken Meinders Uphoff Vosskamp Brüggemann "
    "Kortmann Tappehorn Wienholt Brinkhaus Pöppelmann Heitkamp Rosendahl Tenbrink "
    "Holtkötter Kleinebekel Hessling Vennemann Schwietering Brockhoff Uhlenbrock Overkamp "
    "Sundermann Hülsmann Twellmann Spiekermann Möllenbeck Bültmann Engbers Lohmöller "
    "Roggenkamp Haverkamp Westerhoff Hilgenberg Rüschkamp Grotendorst Bomkamp Kassing "
    "Nolting Hemmerde Ruhwinkel Lemmermann Fockenbrock Stuckenbrock Ohlendorf Brockmann"
).split()
SIGN_OFFS = (
    "LG", "VG", "Viele Grüße", "Liebe Grüße", "Mit freundlichen Grüßen", "Beste Grüße",
    "Herzliche Grüße", "Gruß", "Viele Grüße,", "MfG",
)  # fmt: skip
LETTER = "Der Spielplatz an der Kirche braucht mehr Licht.\n\n{O}{G}{N}"
ROLES = (
    "Quartiersmanagerin", "Stadtteilbüro Opladen", "Vorsitzende des Bürgervereins",
    "Caritas Sozialstation", "Tel. 0214 406 1234", "Leverkusen",
)  # fmt: skip
SECOND = ("Öztürk", "Kaya", "Wiechers", "Schulte")

# two-word lines that name no person
STAY_LINES = (
    "Caritas Sozialstation", "Quartiersbüro Manfort", "Stadtteilbüro Opladen",
    "Diakonie Leverkusen", "Team Jugendhilfe", "Ihr Seniorenbeirat", "AG Wohnen",
    "Kita Sonnenschein", "Familienzentrum Regenbogen", "Netzwerk Alkenrath",
    "Bürgerverein Steinbüchel", "Stadt Leverkusen", "Fachbereich Soziales",
    "Die Vorsitzende", "Quartiersmanagerin Süd", "Leverkusen, 12.03.", "und Grüße",
    "bis bald", "Ihr Orgateam", "Euer Vorstand", "Das Quartiersteam", "Kita Pusteblume",
    "Jugendtreff Quettingen", "Awo Wiesdorf", "Kolping Opladen", "Nabu Leverkusen",
    "Malteser Hilfsdienst", "Johanniter Unfallhilfe", "Mieterverein Leverkusen",
    "Sozialdienst Katholischer", "Schönes Wochenende", "Frohe Ostern", "Bleibt gesund",
    "Gute Besserung", "Schöne Feiertage", "Ihre Stadtteilmanagerin", "Der Vorstand",
    "Haus Regenbogen", "Villa Kunterbunt", "Treffpunkt Rheindorf", "Quartiersmanagement West",
    "Seniorenbüro Schlebusch", "Stadtteilkonferenz Manfort", "Elterncafé Alkenrath",
    "Sprungbrett Wiesdorf", "Runder Tisch", "Jobcenter Leverkusen", "Sozialamt Leverkusen",
    "Opladen, 3.5.", "Leverkusen, im März", "und tschüss", "bis Montag", "aus Manfort",
    "Gemeinde Sankt", "Pfarrei St. Remigius", "Ev. Kirchengemeinde", "Team Quartier",
    "Arbeitskreis Wohnen", "Initiative Spielplatz", "Verein Lichtblick", "Tafel Opladen",
)  # fmt: skip


def _unlisted(words: list[str], first: bool) -> list[str]:
    """The words of no list of the gazetteer (neither a first name nor a surname)."""
    names = gazetteer()
    return [w for w in words if not (names.has_first(w) or names.has_last(w))]


def cases(seed: int = 46) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(group, text, expectation, words): "change" where none of ``words`` may stay in the
    output, "stay" where the text must come out unchanged."""
    rng = random.Random(seed)
    firsts, lasts = _unlisted(list(FIRST), True), _unlisted(list(LAST), False)
    out: list[tuple[str, str, str, tuple[str, ...]]] = []
    for _ in range(90):
        first, last = rng.choice(firsts), rng.choice(lasts)
        sign_off, gap = rng.choice(SIGN_OFFS), rng.choice(("\n", "\n\n"))
        letter = LETTER.format(O=sign_off, G=gap, N=f"{first} {last}")
        out.append(("pair", letter, "change", (first, last)))
        role = rng.choice(ROLES)
        out.append(("pair + role line", f"{letter}\n{role}", "change", (first, last)))
        title = rng.choice(("Dr.", "Prof. Dr.", "Dr. med."))
        letter = LETTER.format(O=sign_off, G=gap, N=f"{title} {first} {last}")
        out.append(("title", letter, "change", (first, last)))
        letter = LETTER.format(O=sign_off, G=gap, N=f"{first[0]}. {last}")
        out.append(("initial", letter, "change", (last,)))
        double = f"{last}-{rng.choice(SECOND)}"
        letter = LETTER.format(O=sign_off, G=gap, N=f"{first} {double}")
        out.append(("hyphenated", letter, "change", (first, last)))
    for line in STAY_LINES:
        for sign_off in rng.sample(SIGN_OFFS, 3):
            letter = LETTER.format(O=sign_off, G=rng.choice(("\n", "\n\n")), N=line)
            out.append(("stay: organisation/role/place/tail", letter, "stay", ()))
    return out


def main() -> None:
    """Pseudonymise every case alone and print the passes by group."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the failing cases")
    args = parser.parse_args()
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    all_cases = cases()
    for group, text, expect, words in all_cases:
        out = Pseudonymiser().pseudonymise(text)[0]
        tail = out.split("\n\n", 1)[-1]
        ok = out == text if expect == "stay" else not any(w in tail for w in words)
        total[group] += 1
        passed[group] += ok
        if args.show and not ok:
            print(f"FAIL {group}: {text!r} -> {out!r}")
    for group in total:
        print(f"{group}: {passed[group]}/{total[group]}")
    change = {c[0] for c in all_cases if c[2] == "change"}
    print(
        "must-change:", sum(passed[g] for g in change), "/", sum(total[g] for g in change),
        " must-stay:", sum(passed[g] for g in total if g not in change), "/",
        sum(total[g] for g in total if g not in change),
    )  # fmt: skip


if __name__ == "__main__":
    main()
