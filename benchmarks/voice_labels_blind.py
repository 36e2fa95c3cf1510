"""Blind set: protocols typed with anonymous or numbered speaker labels.

Builds TXT, Markdown and Word files whose paragraphs open with a voice's label as
transcription tools and anonymised transcripts write them ("Sprecher 1:", "Sprecherin 2:",
"Speaker 1:", "SPEAKER_00:", "TN 3:", "Teilnehmerin 4:", "P1:", "B2:", with "Moderation:"
or "I:" asking), each voice once or more often, with or without blank lines and a
heading, and imports each with ``parse_file``.

- must-change: every paragraph one statement, its label the statement's speaker role
  (never a person to pseudonymise: no ``speaker`` attribute), its text without the label;
  a file counts as missed if any statement differs.
- must-stay: protocols whose paragraphs open with a lead-in that is no voice ("Ziel:",
  "Thema 1:", "Gruppe 2:", "Tisch 3:", "TOP 2:", "S1:" a train line, "A3:" a motorway,
  "Station 2:", "Phase 1:", "Variante 2:", "Frau 1:"); a file counts if any lead-in became a
  speaker role or left its statement's text. Outputs go to ``--out`` for a comparison of
  two runs line by line.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/voice_labels_blind.py [--n 120] [--out F]
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
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

VOICES = {
    "word": lambda i: f"Sprecher {i + 1}",
    "word-f": lambda i: f"Sprecherin {i + 1}",
    "otter": lambda i: f"Speaker {i + 1}",
    "whisperx": lambda i: f"SPEAKER_{i:02d}",
    "tn": lambda i: f"TN {i + 1}",
    "tn-f": lambda i: f"Teilnehmerin {i + 1}",
    "p": lambda i: f"P{i + 1}",
    "b": lambda i: f"B{i + 1}",
}
ASKERS = ["Moderation", "I", "Interviewerin"]
SAID = [
    "Mein Vorschlag ist ein Treffpunkt für Jugendliche am Markt.",
    "Im Winter ist der Weg zur Schule dunkel.",
    "Wir brauchen mehr Bänke im Schatten, gerade für Ältere.",
    "Die Linie 5 fährt nach acht Uhr nur noch stündlich.",
    "Am Brunnen fehlt abends die Beleuchtung.",
    "Ja, das sehe ich genauso, vor allem am Wochenende.",
    "Der Spielplatz an der Schulstraße ist seit Monaten gesperrt.",
    "Es gibt zu wenig Angebote für Familien mit kleinen Kindern.",
]
ASKED = ["Was fehlt Ihnen im Quartier?", "Wie erleben Sie den Platz abends?", "Und sonst?"]
LEADS = [
    "Ziel",
    "Thema 1",
    "Gruppe 2",
    "Tisch 3",
    "TOP 2",
    "S1",
    "S6",
    "A3",
    "Station 2",
    "Phase 1",
    "Variante 2",
    "Frau 1",
    "Ergebnis",
    "Punkt 4",
]
HEADINGS = ["Protokoll Stadtteilrunde Manfort", "Transkript 12.03.2024", "Interview 7"]


def _write(folder: Path, name: str, suffix: str, paragraphs: list[str], blank: bool) -> Path:
    path = folder / f"{name}{suffix}"
    if suffix == ".docx":
        from docx import Document

        doc = Document()
        for line in paragraphs:
            doc.add_paragraph(line)
        doc.save(path)
    else:
        path.write_text(("\n\n" if blank else "\n").join(paragraphs) + "\n", encoding="utf-8")
    return path


def _turns(r: random.Random) -> tuple[list[str], list[tuple[str, str]], str]:
    """A file's paragraphs and its truth: (label, text) of each turn."""
    family = r.choice(sorted(VOICES))
    voices = [VOICES[family](i) for i in range(r.randint(2, 4))]
    asker = r.choice(ASKERS) if r.random() < 0.35 else None
    truth: list[tuple[str, str]] = []
    order = voices if r.random() < 0.5 else [r.choice(voices) for _ in range(r.randint(3, 6))]
    for voice in order:
        if asker:
            truth.append((asker, r.choice(ASKED)))
        truth.append((voice, r.choice(SAID)))
    return [f"{who}: {said}" for who, said in truth], truth, family


def _stays(r: random.Random) -> list[str]:
    leads = r.sample(LEADS, r.randint(2, 4))
    return [f"{lead}: {r.choice(SAID)}" for lead in leads]


def main() -> int:
    """Build the cases, import them, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    r = random.Random(48)
    missed: dict[str, list[int]] = {}
    stayed = [0, 0]
    refused = [0]
    outputs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.n):
            suffix = r.choice([".txt", ".txt", ".md", ".docx"])
            blank, heading = r.random() < 0.5, r.random() < 0.3
            change = i % 3 != 0
            if change:
                paragraphs, truth, family = _turns(r)
            else:
                paragraphs, truth, family = _stays(r), [], "protocol"
            if heading:
                paragraphs = [r.choice(HEADINGS), *paragraphs]
            path = _write(Path(tmp), f"f{i}", suffix, paragraphs, blank)
            try:
                segments = parse_file(path).segments
            except InputError:  # refused: a miss of either kind
                segments, refused[0] = [], refused[0] + 1
            got = [
                (s.speaker_role, s.text, "speaker" in s.attributes)
                for s in segments
                if not (heading and s.text == paragraphs[0])
            ]
            outputs.append([i, suffix, [list(g) for g in got]])
            key = f"{family}{suffix}"
            if change:
                ok = [(w, t, False) for w, t in truth] == got
                missed.setdefault(key, [0, 0])[0] += 1
                missed[key][1] += not ok
            else:
                leads = [p.split(":")[0] for p in paragraphs if ":" in p]
                wrong = any(role in leads for role, _, _ in got) or any(
                    not any(t.startswith(f"{lead}:") for _, t, _ in got) for lead in leads
                )
                wrong = wrong and bool(segments)  # a refusal is counted apart
                stayed[0] += 1
                stayed[1] += wrong
                ok = not wrong
            if not ok and args.show:
                print(f"  {i} {key}: {paragraphs} -> {got}")
    for key in sorted(missed):
        print(f"must-change {key:16} {missed[key][0]:4}  missed {missed[key][1]:4}")
    print(
        f"must-change {'all':16} {sum(v[0] for v in missed.values()):4}  missed "
        f"{sum(v[1] for v in missed.values()):4}"
    )
    print(f"must-stay   {'lead-ins':16} {stayed[0]:4}  changed {stayed[1]:4}")
    print(f"refused (either kind): {refused[0]}")
    if args.out:
        args.out.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
