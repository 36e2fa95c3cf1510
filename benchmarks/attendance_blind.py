"""Blind set: an attendance list among bulleted turns ("Wer war da?" over "- Anwohnerin: Koch").

Builds ``.txt`` and ``.md`` files (seeded) of a plain title, a question and a bulleted list,
a second question and bulleted turns of role words ("- Anwohnerin: …", "- Quartiersmanagerin:
…", a role coming back), and imports each with ``parse_file``:

- change: the first list is who was there ("- Anwohnerin: Frau Koch", "- Vertreter
  Jugendamt: Herr Lang", "- Moderation: Anna Schmidt"). Expected: no statement is a name
  (the names are on the file's name list, to be pseudonymised), every turn of the second
  list its role and text, under its own question.
- stay: the first list is short answers ("- Anwohnerin: Mehr Bänke.", "- Quartiersmanagerin:
  Licht am Weg."): every item of both lists a turn, its role and its text.

A file counts as missed (change) or changed (stay) if it differs; also counted: files where
an expected turn is not a statement with its role (only the text's first line compared:
up to Runde 49 the question line between the lists joined the turn above it; since Runde
50 it is the question of the list below, so "stay" compares the questions too). Run:
PYTHONPATH=CODE .venv/bin/python benchmarks/attendance_blind.py [--n 40] [--out F]
(the code under test first on PYTHONPATH).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first


from _markdown_cases import parsed_case

ROLES = ["Anwohnerin", "Quartiersmanagerin", "Vertreter Jugendamt", "Sozialarbeiterin"]
PEOPLE = ["Frau Koch", "Frau Yilmaz", "Herr Lang", "Herr Becker", "Anna Schmidt", "Jonas Weber"]
SHORT = ["Mehr Bänke.", "Licht am Weg.", "Ein Treffpunkt.", "Mehr Grün.", "Ja, gern."]
SAID = [
    "Der Spielplatz ist zu klein.",
    "Abends fehlt Licht am Weg zur Haltestelle.",
    "Es gibt zu wenige Bänke am Markt.",
    "Die Jugendlichen brauchen einen Treffpunkt.",
]
FIRST = ["Wer war da?", "Wer war dabei?"]


def _case(rng: random.Random, kind: str) -> tuple[str, list, list[str]]:
    """A file's text, its expected (question, role, text) per statement and its names."""
    mark = rng.choice(["-", "*", "•"])
    cast = rng.sample(ROLES, 3)
    first = FIRST[0] if kind == "change" else "Was gibt es schon?"
    lines = ["Stadtteilrunde Nord", "", first]
    expected, names = [], []
    for role in cast[: rng.choice([2, 3])]:
        said = rng.choice(PEOPLE) if kind == "change" else rng.choice(SHORT)
        lines.append(f"{mark} {role}: {said}")
        if kind == "change":
            names.append(said.split()[-1])
        else:
            expected.append((first, role, said))
    lines += ["", "Was fehlt?"]
    for number in range(rng.randint(3, 4)):
        role, said = cast[number % 2], rng.choice(SAID)
        lines.append(f"{mark} {role}: {said}")
        expected.append(("Was fehlt?", role, said))
    return "\n".join(lines) + "\n", expected, names


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--out")
    args = parser.parse_args()
    rng = random.Random(4911)
    missed = {"change": 0, "stay": 0}
    named = lost = 0
    outputs = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.n):
            for kind in missed:
                text, expected, names = _case(rng, kind)
                suffix, document = parsed_case(folder, f"{kind}-{number}", text, rng)
                if isinstance(document, str):
                    got, listed = [("FEHLER", None, document)], ""
                else:
                    got = [(s.question, s.speaker_role, s.text) for s in document.segments]
                    listed = " ".join(document.names)
                outputs.append(json.dumps([kind, number, suffix, got], ensure_ascii=False))
                said = " ".join(f"{r} {t}" for _, r, t in got)
                named += any(name in said for name in names)  # a name as what was said
                missed[kind] += got != expected or any(name not in listed for name in names)
                turns = [(r, t.split("\n")[0]) for _, r, t in got]  # a question line may join
                lost += any((r, t) not in turns for _, r, t in expected)
    for kind, count in missed.items():
        verb = "missed" if kind == "change" else "changed"
        print(f"{kind}: {count} of {args.n} {verb} (differ from the expected reading)")
    print(f"files with a name as a statement's text or role: {named}")
    print(f"files with an item not read as its role's turn (first line of its text): {lost}")
    if args.out:
        Path(args.out).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
