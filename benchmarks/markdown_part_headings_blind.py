"""Blind set: Markdown protocols whose headings are several ``#`` and none deeper.

Builds Markdown files of two or three parts ("# Block 1", "# Teil A", "# Was fehlt?"),
with or without a title "#" above details ("Datum: …") and imports each with
``parse_file``.

- must-change: each part's paragraphs are voices' turns ("Sprecher 1:", "SPEAKER_00:",
  "TN 2:", "P1:", "Teilnehmerin 1:", with "Moderation:" asking; plain or **bold**) or
  plain statements: every statement's guiding question is its part's heading, a voice's
  label its speaker role and not in its text. A file counts as missed if any differs.
- must-stay: a "#" title over "##" guiding questions (turns or statements), and parts whose
  paragraphs open with lead-ins that are no voice ("Ziel:", "Thema 1:", "Ergebnis:"): a
  lead-in never becomes a speaker role nor leaves its statement's text; with ``--out`` the
  outputs are written for a line-by-line comparison of two runs.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/markdown_part_headings_blind.py [--out F]
(the code under test comes first on PYTHONPATH; seeded: the same cases each run).
"""

from __future__ import annotations

import random

from _markdown_cases import VOICES, run_cases

PARTS = [["Block 1", "Block 2", "Block 3"], ["Teil A", "Teil B", "Teil C"],
         ["Was fehlt?", "Was gibt es schon?", "Was wünschen Sie sich?"]]  # fmt: skip
SAID = [
    "Der Spielplatz ist zu klein.",
    "Abends fehlt Licht am Weg zur Haltestelle.",
    "Das Stadtteilbüro berät gut.",
    "Es gibt zu wenige Bänke am Markt.",
    "Der Bus fährt abends nur stündlich.",
    "Die Jugendlichen brauchen einen Treffpunkt.",
]
LEADS = ["Ziel", "Thema 1", "Ergebnis", "Problem", "Idee", "Hinweis"]


def _case(rng: random.Random, kind: str) -> tuple[str, list[tuple[str | None, str | None, str]]]:
    """A file's text and its expected (question, role, text) per statement."""
    parts = rng.choice(PARTS)[: rng.choice([2, 3])]
    voice = rng.choice(VOICES)
    bold = rng.random() < 0.3
    titled = rng.random() < 0.5
    lines = ["# Protokoll Stadtteilrunde", "", "Datum: 12.03.2021", ""] if titled else []
    deeper = kind == "stay-sub"
    if deeper and not titled:
        lines = ["# Protokoll Stadtteilrunde", ""]
    expected = []
    for part in parts:
        lines += [f"{'##' if deeper else '#'} {part}", ""]
        if (kind == "stay-sub" or kind.endswith("voices")) and rng.random() < 0.4:
            lines += ["Moderation: Was sagen Sie dazu?", ""]
            expected.append((part, "Moderation", "Was sagen Sie dazu?"))
        for _ in range(rng.choice([1, 2, 3])):
            said = rng.choice(SAID)
            if kind == "change-plain":
                lines += [said, ""]
                expected.append((part, None, said))
            elif kind == "stay-leads":
                lead = rng.choice(LEADS)
                lines += [f"{lead}: {said}", ""]
                expected.append((None, None, f"{lead}: {said}"))  # question not checked
            else:
                label = voice(rng.randrange(3))
                lines += [f"**{label}:** {said}" if bold else f"{label}: {said}", ""]
                expected.append((part, label, said))
    return "\n".join(lines), expected


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    return run_cases(_case, ["change-voices", "change-plain", "stay-sub", "stay-leads"], seed=48)


if __name__ == "__main__":
    raise SystemExit(main())
