"""Blind set: bulleted speaker turns and turns under role words, in Markdown and plain text.

Builds ``.md`` and ``.txt`` files (seeded) and imports each with ``parse_file``:

- bullet-change: turns written as list items ("- Sprecher 1: …", "* Moderation: …",
  "• TN 2: …", "1. SPEAKER_00: …"), under ``##`` guiding questions or below a plain title;
  a lead-in among them ("- Ergebnis: …") stays a statement without speaker, its label in
  its text. Expected: every voice's turn its label as role, its text without it.
- role-change: turns under role words ("Anwohnerin: …", "Quartiersmanagerin: …", "Vertreter
  Jugendamt: …", "Mitarbeiter Stadtteilbüro: …"; also "Anwohnerin Frau Schulz: …"), plain
  or bulleted, a label coming back or two distinct ones. Expected: the role word is the
  role, the text without it; a name in the label is on the file's name list (to be
  pseudonymised) and in no statement's role or text.
- bullet-stay: lists of points under questions ("- Ziel: mehr Grün", "- Problem: Parken",
  "- Ort: Spielplatz"): no role, each label in its text.
- role-stay: lead-in lines only ("Ergebnis: …", "Fazit: …", "Hinweis: …", "Ziel: …",
  "Problem: …"), also below a "Teilnehmende: Anwohnerin, Quartiersmanagerin" line: no
  role, each label in its text.

A file counts as missed (change) or changed (stay) if any statement differs from the
expected reading. Run: PYTHONPATH=CODE .venv/bin/python benchmarks/role_turns_blind.py
[--n 40] [--out F] (the code under test first on PYTHONPATH).
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

VOICES = [
    lambda i: f"Sprecher {i + 1}",
    lambda i: f"SPEAKER_{i:02d}",
    lambda i: f"TN {i + 1}",
    lambda i: f"Teilnehmerin {i + 1}",
]
ROLES = [
    "Anwohnerin",
    "Anwohner",
    "Quartiersmanagerin",
    "Vertreter Jugendamt",
    "Mitarbeiter Stadtteilbüro",
    "Sozialarbeiterin",
    "Bewohnerin",
    "Vertreterin Wohnungsbaugesellschaft",
]
NAMED = [
    ("Anwohnerin Frau Schulz", "Anwohnerin", "Schulz"),
    ("Anwohner Herr Becker", "Anwohner", "Becker"),
]
MARKS = ["-", "*", "•"]
QUESTIONS = ["Was fehlt im Quartier?", "Was gibt es schon?", "Was wünschen Sie sich?"]
SAID = [
    "Der Spielplatz ist zu klein.",
    "Abends fehlt Licht am Weg zur Haltestelle.",
    "Das Stadtteilbüro berät gut.",
    "Es gibt zu wenige Bänke am Markt.",
    "Die Jugendlichen brauchen einen Treffpunkt.",
]
LEADS = ["Ergebnis", "Fazit", "Hinweis", "Ziel", "Problem"]
POINTS = [("Ziel", "mehr Grün"), ("Problem", "Parken"), ("Ort", "Spielplatz"), ("Wunsch", "Bänke")]
NOTED = ["Bänke werden geprüft.", "Das Amt lädt zur nächsten Runde ein.", "Licht am Weg prüfen."]

Expected = list[tuple[str | None, str]]


def _layout(
    rng: random.Random, turns: list[list[tuple[str, str]]], bullet: bool
) -> tuple[str, bool]:
    """A file's text of turns per section (under ``##`` questions if more than one) and
    whether it has headings."""
    headed = len(turns) > 1
    lines = ["# Protokoll Stadtteilrunde" if headed else "Protokoll Stadtteilrunde", ""]
    numbered = bullet and rng.random() < 0.2
    mark = rng.choice(MARKS)
    for question, section in zip(QUESTIONS, turns, strict=False):
        if headed:
            lines += [f"## {question}", ""]
        for number, (label, said) in enumerate(section, start=1):
            head = (f"{number}." if numbered else mark) + " " if bullet else ""
            lines.append(f"{head}{label}: {said}")
        lines.append("")
    return "\n".join(lines), headed


def _case(rng: random.Random, kind: str) -> tuple[str, Expected, list[str]]:
    """A file's text, its expected (role, text) per statement and names that must be listed."""
    sections = rng.choice([1, 2, 3])
    turns: list[list[tuple[str, str]]] = []
    expected: Expected = []
    names: list[str] = []
    if kind == "bullet-change":
        voice = rng.choice(VOICES)
        for _ in range(sections):
            section = [("Moderation", "Was sagen Sie dazu?")] if rng.random() < 0.5 else []
            section += [
                (voice(rng.randrange(3)), rng.choice(SAID)) for _ in range(rng.randint(2, 3))
            ]
            if rng.random() < 0.3:
                section.insert(rng.randint(1, len(section)), (rng.choice(LEADS), rng.choice(NOTED)))
            turns.append(section)
    elif kind == "role-change":
        cast = rng.sample(ROLES, 2)
        named = rng.random() < 0.3
        if named:
            label, role, name = rng.choice(NAMED)
            cast[0] = label
            names.append(name)
        for _ in range(sections):
            turns.append([(rng.choice(cast), rng.choice(SAID)) for _ in range(rng.randint(2, 3))])
        turns[0][:2] = [(cast[0], turns[0][0][1]), (cast[1], turns[0][1][1])]
    elif kind == "bullet-stay":
        for _ in range(max(2, sections)):
            turns.append([f for f in rng.sample(POINTS, rng.randint(2, 3))])
    else:  # role-stay
        for _ in range(sections):
            turns.append([(rng.choice(LEADS), rng.choice(NOTED)) for _ in range(rng.randint(2, 3))])
    bullet = kind.startswith("bullet") or (kind == "role-change" and rng.random() < 0.4)
    text, _ = _layout(rng, turns, bullet)
    if kind == "role-stay" and rng.random() < 0.5:
        text = text.replace("\n\n", "\n\nTeilnehmende: Anwohnerin, Quartiersmanagerin\n\n", 1)
    for section in turns:
        for label, said in section:
            if kind.endswith("stay") or label in LEADS:
                expected.append((None, f"{label}: {said}"))
            else:
                role = next((r for lab, r, _ in NAMED if lab == label), label)
                expected.append((role, said))
    return text, expected, names


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--out")
    args = parser.parse_args()
    rng = random.Random(4902)
    kinds = ["bullet-change", "role-change", "bullet-stay", "role-stay"]
    missed = {kind: 0 for kind in kinds}
    leaked = 0
    outputs = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.n):
            for kind in kinds:
                text, expected, names = _case(rng, kind)
                suffix, document = parsed_case(folder, f"{kind}-{number}", text, rng)
                if isinstance(document, str):
                    got, listed = [("FEHLER", document)], ""
                else:
                    got = [(s.speaker_role, s.text) for s in document.segments]
                    listed = " ".join(document.names)
                got = [g for g in got if g[1] != "Protokoll Stadtteilrunde"]  # the title line
                outputs.append(json.dumps([kind, number, suffix, got], ensure_ascii=False))
                missed[kind] += got != expected
                for name in names:  # the name in a label: listed, in no role or text
                    leaked += name not in listed or any(name in f"{r} {t}" for r, t in got)
    for kind in kinds:
        verb = "missed" if kind.endswith("change") else "changed"
        print(f"{kind}: {missed[kind]} of {args.n} {verb} (differ from the expected reading)")
    print(f"names in labels not listed or in clear: {leaked}")
    if args.out:
        Path(args.out).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
