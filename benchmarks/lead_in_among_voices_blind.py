"""Blind set: a protocol's lead-ins among voices' turns under Markdown headings.

Builds Markdown files with a ``#`` title (with or without "Datum: …") over two or three
``##`` guiding questions, each with voices' turns ("Sprecher 1:", "TN 2:", "SPEAKER_00:",
"P1:", with "Moderation:" asking; plain or **bold**) and imports each with ``parse_file``.

- must-change: one or two lead-ins among the turns ("Ergebnis:", "Fazit:", "Hinweis:",
  "Idee:", "Notiz:"): the note-taker's record, a statement without a speaker role that
  keeps its label in its text ("Ergebnis: Bänke werden geprüft."); every voice's turn its
  label as role and its text without it. A file counts as missed if any statement differs
  (a file whose turns are then not read at all stays a protocol: missed too).
- must-stay: the same files without lead-ins (every turn its voice's role), and files of
  plain lead-ins only (no role, each label in its text; a bold "**Fazit:**" gives the
  role, as the Markdown reader documents).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/lead_in_among_voices_blind.py [--out F]
(the code under test comes first on PYTHONPATH; seeded: the same cases each run).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.core.domain import InputError
from workbench.ingest import parse_file

VOICES = [
    lambda i: f"Sprecher {i + 1}",
    lambda i: f"SPEAKER_{i:02d}",
    lambda i: f"TN {i + 1}",
    lambda i: f"P{i + 1}",
    lambda i: f"Teilnehmerin {i + 1}",
]
QUESTIONS = ["Was fehlt im Quartier?", "Was gibt es schon?", "Was wünschen Sie sich?"]
SAID = [
    "Der Spielplatz ist zu klein.",
    "Abends fehlt Licht am Weg zur Haltestelle.",
    "Das Stadtteilbüro berät gut.",
    "Es gibt zu wenige Bänke am Markt.",
    "Die Jugendlichen brauchen einen Treffpunkt.",
]
LEADS = ["Ergebnis", "Fazit", "Hinweis", "Idee", "Notiz"]
NOTED = ["Bänke werden geprüft.", "Das Amt lädt zur nächsten Runde ein.", "Licht am Weg prüfen."]


def _case(rng: random.Random, kind: str) -> tuple[str, list[tuple[str, str | None, str]]]:
    """A file's text and its expected (question, role, text) per statement."""
    voice = rng.choice(VOICES)
    bold = kind != "stay-leads" and rng.random() < 0.3  # "**Fazit:**" gives a role (doc)
    lines = ["# Protokoll Stadtteilrunde", ""]
    if rng.random() < 0.5:
        lines += ["Datum: 12.03.2024", ""]
    expected = []
    for question in QUESTIONS[: rng.choice([2, 3])]:
        lines += [f"## {question}", ""]
        turns: list[tuple[str | None, str]] = []
        if kind == "stay-leads":
            turns = [(rng.choice(LEADS), rng.choice(NOTED)) for _ in range(rng.randint(2, 3))]
        else:
            if rng.random() < 0.5:
                turns.append(("Moderation", "Was sagen Sie dazu?"))
            turns += [(voice(rng.randrange(3)), rng.choice(SAID)) for _ in range(rng.randint(1, 3))]
            if kind == "change":
                at = rng.randint(1, len(turns))
                turns.insert(at, (rng.choice(LEADS), rng.choice(NOTED)))
        for label, said in turns:
            lines += [f"**{label}:** {said}" if bold else f"{label}: {said}", ""]
            lead = label in LEADS
            expected.append(
                (question, None if lead else label, f"{label}: {said}" if lead else said)
            )
    return "\n".join(lines), expected


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--out")
    args = parser.parse_args()
    rng = random.Random(49)
    kinds = ["change", "stay-voices", "stay-leads"]
    missed = {kind: 0 for kind in kinds}
    outputs = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.n):
            for kind in kinds:
                text, expected = _case(rng, kind)
                path = Path(folder) / f"{kind}-{number}.md"
                path.write_text(text, encoding="utf-8")
                try:
                    got = [(s.question, s.speaker_role, s.text) for s in parse_file(path).segments]
                except InputError as err:
                    got = [("FEHLER", None, err.message)]
                outputs.append(json.dumps([kind, number, got], ensure_ascii=False))
                if kind == "stay-leads":  # the question is not checked
                    missed[kind] += [(r, t) for _, r, t in got] != [(r, t) for _, r, t in expected]
                else:
                    missed[kind] += got != expected
    for kind in kinds:
        print(f"{kind}: {missed[kind]} of {args.n} differ from the expected reading")
    if args.out:
        Path(args.out).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
