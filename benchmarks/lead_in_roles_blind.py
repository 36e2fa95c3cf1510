"""Blind set: a protocol's lead-ins ("Ergebnis:", "Idee:", "Thema 1:") are no speaker roles.

Builds protocols in five forms — Markdown under several ``#`` headings, Markdown under a
``#`` title with ``##`` parts, plain text without headings, Word (python-docx) with
heading styles and Word without — whose paragraphs open with repeated lead-ins of a
record ("Ergebnis", "Idee", "Hinweis", "Thema 1", "Fazit", "Vorschlag", "Notiz", "Frage"
…), and the same forms with people's or voices' turns ("Moderation:", "Sprecher 1:",
"SPEAKER_00:", "Anna Schmidt:").

- must-change (lead-ins): a file counts as wrong if any statement's speaker role is a
  lead-in or a lead-in left its statement's text; a Word file without headings that is
  refused with the importer's message counts apart ("refused").
- must-stay (voices): a file counts as wrong if any label stays in its statement's text
  or a role differs from its label; old and new code should read them alike.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/lead_in_roles_blind.py [--n N] [--out F]
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

from docx import Document

from workbench.core.domain import InputError
from workbench.ingest import parse_file

LEADS = ["Ergebnis", "Idee", "Hinweis", "Thema 1", "Thema 2", "Fazit", "Vorschlag", "Notiz",
         "Anmerkung", "Beschluss", "Idee 2", "Frage"]  # fmt: skip
VOICES = [
    ["Moderation", "Sprecher 1", "Sprecher 2"],
    ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"],
    ["Moderation", "TN 1", "TN 2"],
    ["Anna Schmidt", "Jonas Becker", "Moderation"],
]
SAID = [
    "Der Spielplatz ist zu klein.",
    "Abends fehlt Licht am Weg zur Haltestelle.",
    "Das Stadtteilbüro berät gut.",
    "Es gibt zu wenige Bänke am Markt.",
    "Der Bus fährt abends nur stündlich.",
    "Die Jugendlichen brauchen einen Treffpunkt.",
]
FORMS = ["md-parts", "md-sub", "txt", "docx-headed", "docx-plain"]
PARTS = ["Verkehr", "Grünflächen", "Treffpunkte"]


def _parts(rng: random.Random, labels: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Two or three parts, each of two to four labelled paragraphs."""
    return [
        (part, [(rng.choice(labels), rng.choice(SAID)) for _ in range(rng.randint(2, 4))])
        for part in PARTS[: rng.choice([2, 3])]
    ]


def _write(folder: Path, name: str, form: str, parts: list) -> Path:
    """The file of one case in its form."""
    if form.startswith("docx"):
        doc = Document()
        doc.add_heading("Protokoll Stadtteilrunde", level=0)
        for part, lines in parts:
            if form == "docx-headed":
                doc.add_heading(part, level=1)
            for label, said in lines:
                doc.add_paragraph(f"{label}: {said}")
        path = folder / f"{name}.docx"
        doc.save(str(path))
        return path
    out = ["# Protokoll Stadtteilrunde", ""] if form == "md-sub" else []
    for part, lines in parts:
        if form != "txt":
            out += [f"{'##' if form == 'md-sub' else '#'} {part}", ""]
        for label, said in lines:
            out += [f"{label}: {said}", ""]
    path = folder / f"{name}.{'txt' if form == 'txt' else 'md'}"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def main() -> int:
    """Build the cases, import them, print the counts (and write outputs to ``--out``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--out")
    args = parser.parse_args()
    rng = random.Random(4815)
    counts = {(g, f): [0, 0] for g in ("leads", "voices") for f in FORMS}  # wrong, refused
    outputs = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(args.n):
            for form in FORMS:
                for group in ("leads", "voices"):
                    labels = LEADS if group == "leads" else rng.choice(VOICES)
                    parts = _parts(rng, labels)
                    path = _write(Path(tmp), f"{group}-{form}-{number}", form, parts)
                    try:
                        got = [(s.speaker_role, s.text) for s in parse_file(path).segments]
                    except InputError:
                        counts[group, form][1] += 1
                        outputs.append(json.dumps([group, form, number, "refused"]))
                        continue
                    outputs.append(json.dumps([group, form, number, got], ensure_ascii=False))
                    said = [(label, text) for _, lines in parts for label, text in lines]
                    if group == "leads":
                        wrong = any(r in LEADS for r, _ in got) or any(
                            not any(t.startswith(f"{lab}: {s}") for _, t in got) for lab, s in said
                        )
                    else:
                        kept = [(r, t) for r, t in got if t in [s for _, s in said]]
                        wrong = len(kept) != len(said) or any(
                            r is not None and r != lab
                            for (r, _), (lab, _) in zip(kept, said, strict=True)
                        )
                    counts[group, form][0] += wrong
    for (group, form), (wrong, refused) in counts.items():
        kind = "must-change" if group == "leads" else "must-stay"
        print(f"{kind:11} {group:6} {form:11} wrong {wrong:3} of {args.n}  refused {refused}")
    if args.out:
        Path(args.out).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
