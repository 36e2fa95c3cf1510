"""Blind set: surnames that read as compounds or ordinary nouns, and the phrases like them.

- must-change (a leak is the surname left in clear in the output):
  - compound-like surnames of no name list ("Terhorst", "Kleinheide", "Wiesmeier",
    generated from first parts and heads) after a rare or a listed first name in a
    person's frame ("Das sagt auch Okke Terhorst.", "Laut Quirin Brockbusch fehlt …")
    and alone or with a first name under a sign-off ("Viele Grüße\\n\\nTerhorst");
  - "vom Stein", "vom Bruch", "zum Winkel" after "Frau"/"Herr";
  - a compound place word after a first name ending like a genitive before a person's
    predicate ("Jonas Baumgarten ist krank").
- must-stay (the text unchanged, or the word judged kept): offices, teams, compounds and
  districts under a sign-off ("Viele Grüße\\n\\nSozialstation", "…\\n\\nKarlshorst"),
  an organisation and such a word in the same frames ("Das sagt auch Caritas
  Sozialstation."), services after "Frau vom" ("Frau vom Amt hat angerufen"), what a
  first name owns ("Markus Gartenhaus ist offen").

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/compound_surnames_blind.py [--show]
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pseudonymise import Pseudonymiser

FIRST_PARTS = (
    "Ter Brock Ahler Kleine Holt Ober Wies Kalten Brand Hinter Ellen Wester Oster Lammer "
    "Hollen Uhlen Möllen Kort Grote Hüls Bött Nien Heit Schür Vorn Twel Spiek Bülten "
    "Enger Lohr Diek Roggen Haver Esch Mers Kütt Overn Wibbel Hilge"
).split()
# heads of surnames: nouns of five letters or more (the lexicon reads the surname as a
# compound) and, as a control, shorter ones
HEADS = (
    "horst brink busch stein winkel heide meier bauer meister reiter knecht müller mühle "
    "linde hammer kötter kamp dorf feld mann beck"
).split()
RARE_FIRST = "Okke Quirin Ysolde Jorinde Tjalf Wiebold Eilert Hilke".split()
LISTED_FIRST = "Anna Jens Karin Mehmet Sabine Thomas".split()
PERSON_FRAMES = (
    "Das sagt auch {F} {S}.",
    "Ich habe mit {F} {S} gesprochen.",
    "{F} {S} hat angerufen.",
    "Laut {F} {S} fehlt Licht am Spielplatz.",
    "Gestern kam {F} {S} zum Treffen.",
)
SIGN_OFFS = ("Viele Grüße", "Mit freundlichen Grüßen", "LG", "Gruß,")
LETTER = "Der Weg zur Schule ist abends dunkel.\n\n{O}{G}{N}"

# offices, teams, compounds and districts that stand alone under a sign-off
SIGNERS = (
    "Sozialstation Stadtteilbüro Quartiersbüro Familienzentrum Bürgerverein Seniorenbeirat "
    "Jugendhilfe Nachbarschaftsheim Quartiersmeister Vereinsmeister Hausmeister "
    "Stadtteilmanagement Quartiersmanagement Kinderschutzbund Ortsbeirat Elternbeirat "
    "Bürgerstiftung Hospizverein Mieterbeirat Stadtteilkonferenz Gemeinwesenarbeit "
    "Seniorenbüro Karlshorst Wilhelmshorst Delmenhorst Königstein Falkenstein Rheindorf "
    "Wiesdorf Opladen Schlebusch Lüneburg Stadtteilbauer Quartiersbauer Heimatverein "
    "Kleingartenverein Schulförderverein Sportverein Förderverein Jugendwerk"
).split()
ORGS = "Caritas Nabu Kolping Awo Diakonie Johanniter".split()
ORG_WORDS = (
    "Sozialstation Karlshorst Königstein Delmenhorst Wiesdorf Stadtteilbüro Leverkusen "
    "Familienzentrum Jugendhilfe Quartiersmeister Seniorenbüro"
).split()
VOM_NAMES = (
    "Frau vom Stein hat angerufen.",
    "Herr vom Bruch sagt, der Bus fährt zu selten.",
    "Frau zum Winkel hat das Fest organisiert.",
    "Wir danken Frau vom Stein für die Hilfe.",
    "Laut Herrn vom Bruch fehlt Licht.",
    "Gestern kam Herr zum Winkel zum Treffen.",
    "Frau vom Berg hat angerufen.",
    "Herr vom Busch hat geholfen.",
)
VOM_STAY = (
    "Frau vom Amt hat angerufen.",
    "Die Frau vom Jugendamt kam vorbei.",
    "Frau vom Lande hat geholfen.",
    "Herr vom Ordnungsamt hat angerufen.",
    "Frau vom Stand nebenan hat gefragt.",
    "Frau vom Fach hat das erklärt.",
    "Herr vom Dienst hat aufgeschlossen.",
    "Herr vom Bäcker hat Brötchen gebracht.",
    "Frau vom Kiosk hat angerufen.",
    "Herr vom Fischer hat angerufen.",
    "Frau vom Verein hat angerufen.",
    "Herr vom Bau hat das gesagt.",
    "Frau vom Markt hat angerufen.",
    "Herr vom Hof hat angerufen.",
    "Frau vom Sozialamt hat angerufen.",
    "Herr vom Stadtteilbüro kam vorbei.",
)
OWNERS = "Jonas Lukas Markus Felix Klaus Max".split()
PLACE_SURNAMES = "Baumgarten Steinhaus Rosengarten Neuhaus Lindenhof".split()
PERSON_PREDICATES = (
    "ist krank.",
    "ist heute nicht da.",
    "ist Vorsitzender des Vereins.",
    "war lange Sprecher der Initiative.",
    "ist dafür zuständig.",
    "ist telefonisch erreichbar.",
    "ist leider verhindert.",
    "ist seit Jahren Mitglied.",
)
OWNED = "Gartenhaus Spielhaus Baumhaus Gartenhof Hinterhof".split()
PLACE_PREDICATES = (
    "ist offen.",
    "ist geschlossen.",
    "ist renoviert.",
    "war kaputt.",
    "ist wieder sauber.",
    "bleibt zu.",
    "ist zu klein.",
    "ist neu.",
)


def _surnames(rng: random.Random, count: int) -> list[str]:
    """Generated compound-like surnames, no name of the gazetteer, no noun or place."""
    names = gazetteer()
    found: set[str] = set()
    while len(found) < count:
        word = rng.choice(FIRST_PARTS) + rng.choice(HEADS)
        word = word[0] + word[1:].lower()
        folded = fold(word)
        if names.has_last(word) or names.has_first(word) or is_german_noun(folded):
            continue
        if is_place_name(folded):
            continue
        found.add(word)
    return sorted(found)


def cases(seed: int = 45) -> list[tuple[str, str, str, str]]:
    """(group, text, expectation, word): "change" where the surname ``word`` must leave
    the text, "stay" where the text must come out unchanged, "keep" where ``word`` must
    stay in it (the organisation before "Sozialstation" or the first name before
    "Gartenhaus" is another rule's)."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str, str]] = []
    for surname in _surnames(rng, 90):
        first = rng.choice(RARE_FIRST + LISTED_FIRST)
        frame = rng.choice(PERSON_FRAMES)
        group = "rare first" if first in RARE_FIRST else "listed first"
        out.append((f"pair, {group}", frame.format(F=first, S=surname), "change", surname))
        gap = rng.choice(("\n\n", "\n"))
        letter = LETTER.format(O=rng.choice(SIGN_OFFS), G=gap, N=surname)
        out.append(("sign-off, surname", letter, "change", surname))
        name = f"{rng.choice(RARE_FIRST + LISTED_FIRST)} {surname}"
        letter = LETTER.format(O=rng.choice(SIGN_OFFS), G=gap, N=name)
        out.append(("sign-off, full name", letter, "change", surname))
    for signer in SIGNERS:
        for sign_off in SIGN_OFFS[:2]:
            letter = LETTER.format(O=sign_off, G="\n\n", N=signer)
            out.append(("sign-off, office/place", letter, "stay", ""))
    for org in ORGS:
        for word in ORG_WORDS:
            for frame in PERSON_FRAMES:
                text = frame.format(F=org, S=word)
                out.append(("organisation + word", text, "keep", word))
    for text in VOM_NAMES:
        # the word after the first particle ("Herr zum Winkel zum Treffen": "Winkel")
        surname = re.search(r"\b(?:vom|zum) (\w+)", text).group(1)
        out.append(("vom/zum surname", text, "change", surname))
    out.extend(("vom/zum service", text, "stay", "") for text in VOM_STAY)
    for owner in OWNERS:
        for surname in PLACE_SURNAMES:
            predicate = rng.choice(PERSON_PREDICATES)
            out.append(
                ("owner-like first, person", f"{owner} {surname} {predicate}", "change", surname)
            )
        for owned in OWNED:
            predicate = rng.choice(PLACE_PREDICATES)
            text = f"{owner} {owned} {predicate}"
            out.append(("owner-like first, place", text, "keep", f"{owned} {predicate}"))
    return out


def main() -> None:
    """Pseudonymise every case alone and print the passes by group."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the failing cases")
    args = parser.parse_args()
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for group, text, expect, surname in cases():  # surname: the word judged
        out = Pseudonymiser().pseudonymise(text)[0]
        ok = out == text if expect == "stay" else (surname in out) == (expect == "keep")
        total[group] += 1
        passed[group] += ok
        if args.show and not ok:
            print(f"FAIL {group}: {text!r} -> {out!r}")
    for group in total:
        print(f"{group}: {passed[group]}/{total[group]}")
    change = [g for g in total if any(c[0] == g and c[2] == "change" for c in cases())]
    print(
        "must-change:", sum(passed[g] for g in change), "/", sum(total[g] for g in change),
        " must-stay:", sum(passed[g] for g in total if g not in change), "/",
        sum(total[g] for g in total if g not in change),
    )  # fmt: skip


if __name__ == "__main__":
    main()
