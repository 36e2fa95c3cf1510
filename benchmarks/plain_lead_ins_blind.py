"""Blind set: a protocol's lead-ins among plain (unbulleted) turns of voices or roles.

Builds ``.txt`` and ``.md`` files without headings (a plain title, maybe "Datum: …") of
turns typed without times ("Moderation: …", "Sprecher 1: …", "TN 2: …", "Anwohnerin: …",
"Quartiersmanagerin: …"), lines maybe apart by blank lines, and imports each with
``parse_file``:

- change: one or two lead-ins among the turns ("Ziel:", "Problem:", "Ergebnis:", "Fazit:",
  "Hinweis:", "Idee:"): each a statement without speaker role that keeps its label in its
  text; every voice's turn its label as role, its text without it.
- stay-voices: the same turns without lead-ins (each its voice's role).
- stay-leads: lead-ins only, maybe below "Teilnehmende: Anwohnerin, Quartiersmanagerin":
  no role, each label in its text.
- stay-fields: a key/value protocol ("Ort: …", "Moderation: Frau Koch", "Protokoll: …")
  with lead-ins: no statement has a role or speaker, each lead-in's label in its text.

A file counts as missed (change) or changed (stay) if a statement differs. Run:
PYTHONPATH=CODE .venv/bin/python benchmarks/plain_lead_ins_blind.py [--n 40] [--out F]
(the code under test first on PYTHONPATH; seeded: the same cases each run).
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

CASTS = [
    lambda i: f"Sprecher {i + 1}",
    lambda i: f"TN {i + 1}",
    lambda i: f"Teilnehmerin {i + 1}",
    lambda i: ["Anwohnerin", "Quartiersmanagerin", "Vertreter Jugendamt"][i],
    lambda i: ["Anwohner", "Sozialarbeiterin", "Mitarbeiter Stadtteilbüro"][i],
]
SAID = [
    "Der Spielplatz ist zu klein.",
    "Abends fehlt Licht am Weg zur Haltestelle.",
    "Das Stadtteilbüro berät gut.",
    "Es gibt zu wenige Bänke am Markt.",
    "Die Jugendlichen brauchen einen Treffpunkt.",
]
LEADS = ["Ziel", "Problem", "Ergebnis", "Fazit", "Hinweis", "Idee"]
NOTED = ["Bänke werden geprüft.", "Mehr Spielgeräte.", "Licht am Weg prüfen.", "Parken."]
FIELDS = [("Ort", "Stadtteilbüro Nord"), ("Moderation", "Frau Koch"), ("Protokoll", "Herr Lang")]


def _case(rng: random.Random, kind: str) -> tuple[str, list[tuple[str | None, str]]]:
    """A file's text and its expected (role, text) per statement."""
    lines = ["Protokoll Stadtteilrunde", ""]
    if rng.random() < 0.5:
        lines += ["Datum: 12.03.2024", ""]
    turns: list[tuple[str, str]] = []
    if kind in ("change", "stay-voices"):
        voice = rng.choice(CASTS)
        if rng.random() < 0.5:
            turns.append(("Moderation", "Was fehlt im Quartier?"))
        count = rng.randint(3, 5)
        turns += [
            (voice(i % 2 if i < 2 else rng.randrange(3)), rng.choice(SAID)) for i in range(count)
        ]
        if kind == "change":
            for _ in range(rng.choice([1, 2])):
                turns.insert(rng.randint(1, len(turns)), (rng.choice(LEADS), rng.choice(NOTED)))
    elif kind == "stay-leads":
        if rng.random() < 0.5:
            lines += ["Teilnehmende: Anwohnerin, Quartiersmanagerin", ""]
        turns = [(rng.choice(LEADS), rng.choice(NOTED)) for _ in range(rng.randint(2, 4))]
    else:  # stay-fields
        lines += [f"{key}: {value}" for key, value in rng.sample(FIELDS, rng.randint(2, 3))]
        lines.append("")
        turns = [(rng.choice(LEADS), rng.choice(NOTED)) for _ in range(rng.randint(2, 3))]
    apart = rng.random() < 0.5
    for label, said in turns:
        lines += [f"{label}: {said}", ""] if apart else [f"{label}: {said}"]
    expected = [
        (None, f"{label}: {said}") if label in LEADS else (label, said) for label, said in turns
    ]
    return "\n".join(lines) + "\n", expected


def _ok(kind: str, got: list[tuple[str | None, str, bool]], expected: list) -> bool:
    """Whether a file's statements are the expected reading (see the module's docstring)."""
    if kind != "stay-fields":
        return [(r, t) for r, t, _ in got] == expected
    texts = [t for _, t, _ in got]
    return all(r is None and not person for r, _, person in got) and all(
        t in texts for _, t in expected
    )


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--out")
    args = parser.parse_args()
    rng = random.Random(4910)
    kinds = ["change", "stay-voices", "stay-leads", "stay-fields"]
    missed = dict.fromkeys(kinds, 0)
    outputs = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.n):
            for kind in kinds:
                text, expected = _case(rng, kind)
                suffix, document = parsed_case(folder, f"{kind}-{number}", text, rng)
                if isinstance(document, str):
                    got = [("FEHLER", document, False)]
                else:
                    segments = document.segments
                    got = [(s.speaker_role, s.text, "speaker" in s.attributes) for s in segments]
                got = [g for g in got if g[1] != "Protokoll Stadtteilrunde"]  # the title line
                outputs.append(json.dumps([kind, number, suffix, got], ensure_ascii=False))
                missed[kind] += not _ok(kind, got, expected)
    for kind in kinds:
        verb = "missed" if kind == "change" else "changed"
        print(f"{kind}: {missed[kind]} of {args.n} {verb} (differ from the expected reading)")
    if args.out:
        Path(args.out).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
