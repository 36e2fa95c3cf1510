"""What the Markdown blind sets share: the voices' labels and the run over generated files.

Each set builds cases with its own ``case(rng, kind)`` (the file's text and the expected
``(question, speaker_role, text)`` of each statement), imports each file with
``parse_file`` and counts the files that differ from the expected reading; for the kind
"stay-leads" the question is not checked, for "stay-fields" only that no statement has a
role or a speaker and the expected ones are among them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.core.domain import InputError, ParsedDocument
from workbench.ingest import parse_file

VOICES = [
    lambda i: f"Sprecher {i + 1}",
    lambda i: f"SPEAKER_{i:02d}",
    lambda i: f"TN {i + 1}",
    lambda i: f"P{i + 1}",
    lambda i: f"Teilnehmerin {i + 1}",
]

Expected = list[tuple[str | None, str | None, str]]


def run_cases(
    case: Callable[[random.Random, str], tuple[str, Expected]], kinds: list[str], seed: int
) -> int:
    """Build ``--n`` files of each kind, import them, print the counts (``--out``: outputs)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--out")
    args = parser.parse_args()
    rng = random.Random(seed)
    missed = {kind: 0 for kind in kinds}
    outputs = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.n):
            for kind in kinds:
                text, expected = case(rng, kind)
                path = Path(folder) / f"{kind}-{number}.md"
                path.write_text(text, encoding="utf-8")
                spoken = False  # a statement given a person as its speaker
                try:
                    segments = parse_file(path).segments
                    got = [(s.question, s.speaker_role, s.text) for s in segments]
                    spoken = any("speaker" in s.attributes for s in segments)
                except InputError as err:
                    got = [("FEHLER", None, err.message)]
                outputs.append(json.dumps([kind, number, got], ensure_ascii=False))
                if kind == "stay-leads":  # the question is not checked
                    ok = [(r, t) for _, r, t in got] == [(r, t) for _, r, t in expected]
                elif kind == "stay-fields":  # no one speaks; the expected among the statements
                    ok = not spoken and all(r is None for _, r, _ in got)
                    ok = ok and all(e in got for e in expected)
                else:
                    ok = got == expected
                missed[kind] += not ok
    for kind in kinds:
        print(f"{kind}: {missed[kind]} of {args.n} differ from the expected reading")
    if args.out:
        Path(args.out).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    return 0


def parsed_case(
    folder: str, stem: str, text: str, rng: random.Random
) -> tuple[str, ParsedDocument | str]:
    """Write ``text`` to ``stem`` with a suffix ``rng`` chooses (.md or .txt) and import it:
    the suffix and the document, or the message the import stopped with."""
    suffix = rng.choice([".md", ".txt"])
    path = Path(folder) / f"{stem}{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        return suffix, parse_file(path)
    except InputError as err:
        return suffix, err.message
