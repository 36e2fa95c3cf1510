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
  role, as the Markdown reader documents); "stay-fields" (Runde 50): lead-ins beside a
  protocol's field lines under the headings ("Ort: Stadtteilbüro Nord", "Moderation: Frau
  Koch", "Protokoll: Herr Lang", two roles among them): no statement a role or a speaker,
  every lead-in's text as written (drawn from a generator of its own, so the files of the
  other kinds are those of Runde 49).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/lead_in_among_voices_blind.py [--out F]
(the code under test comes first on PYTHONPATH; seeded: the same cases each run).
"""

from __future__ import annotations

import random

from _markdown_cases import VOICES, run_cases

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
FIELDS = [
    ("Ort", "Stadtteilbüro Nord"),
    ("Moderation", "Frau Koch"),
    ("Protokoll", "Herr Lang"),
    ("Moderation", "Anna Schmidt"),
    ("Protokoll", "Jonas Weber"),
]
_FIELDS_RNG = random.Random(5049)  # "stay-fields" files: the other kinds' files stay Runde 49's


def _case(rng: random.Random, kind: str) -> tuple[str, list[tuple[str, str | None, str]]]:
    """A file's text and its expected (question, role, text) per statement."""
    if kind == "stay-fields":
        return _fields_case(_FIELDS_RNG)
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


def _fields_case(rng: random.Random) -> tuple[str, list[tuple[str | None, str | None, str]]]:
    """A protocol's lead-ins beside field lines under its headings; expected: every
    statement without role (the field lines are details or text, not checked)."""
    lines = ["# Protokoll Stadtteilrunde", ""]
    expected = []
    for question in QUESTIONS[: rng.choice([2, 3])]:
        lines += [f"## {question}", ""]
        rows = [(rng.choice(LEADS), rng.choice(NOTED)) for _ in range(rng.randint(1, 2))]
        rows += rng.sample(FIELDS, rng.randint(2, 3))
        rng.shuffle(rows)
        for label, said in rows:
            lines += [f"{label}: {said}", ""]
            if label in LEADS:
                expected.append((question, None, f"{label}: {said}"))
    return "\n".join(lines), expected


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    return run_cases(_case, ["change", "stay-voices", "stay-leads", "stay-fields"], seed=49)


if __name__ == "__main__":
    raise SystemExit(main())
