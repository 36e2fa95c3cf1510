"""Comment saves per second: one answer with a comment after another, as the form server
stores them (prints a table).

A project of a few hundred statements naming people (the key knows them) and a ballot of
three needs; N participants each save one answer with a comment of one to three
sentences (every third names someone: "Frau Kaya", an e-mail, a phone number …) through
:func:`workbench.participation.feedback.save_answer`, in one process that keeps the
project open (the first save, which builds the comments' pseudonymiser, is not timed).
Every save ends an operation that forgets the words (``re``'s cache included), so this
also measures what the next save pays for that.

``--old DIR`` measures the same saves with the code in DIR (``PYTHONPATH=DIR``) as the
baseline of the same run.

Run: .venv/bin/python benchmarks/comment_saves.py [--saves 300] [--old build/old44]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from long_texts import best_seconds  # noqa: E402

# In a process of its own with the code on PYTHONPATH; prints the CPU seconds of the saves.
_TIMED = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from short_statements import statements
from workbench import Project
from workbench.analysis.needs import DISTRICT_SPECIFIC
from workbench.participation import feedback
from workbench.store import NeedAssignment, NeedRun

folder = Path(tempfile.mkdtemp())
project = Project.create(folder / "projekt", districts=["Manfort", "Opladen"])
lines = statements(300, seed=7)
protocol = folder / "Manfort.md"
protocol.write_text(
    "---\\nworkshop: Quartiersworkshop Manfort\\ndistrict: Manfort\\n---\\n"
    "## Herausforderungen und Bedarfe\\n" + "\\n".join("- " + t for t in lines) + "\\n",
    encoding="utf-8",
)
project.import_files([protocol])
ids = project.segments()["segment_id"].astype(int).tolist()
with project.transaction() as session:
    clusters = [
        dict(cluster=n, label=label, keywords=[label], size=10, districts=["Manfort"],
             n_districts=1, scope=DISTRICT_SPECIFIC, quotes=[], quote_segment_ids=[])
        for n, label in enumerate(["Lernräume", "Treffpunkte", "Beratung"])
    ]
    run = NeedRun(params={{}}, corpus_hash="x", versions={{}}, clusters=clusters)
    session.add(run)
    session.flush()
    session.add_all(
        NeedAssignment(run_id=run.id, segment_id=s, cluster=i % 3) for i, s in enumerate(ids)
    )
tokens = feedback.issue_tokens(project, {saves} + 1, district="Manfort")
comments = statements({saves} + 1, seed=11)
item = feedback.open_ballot(project, tokens[0]).items[0].item_id
feedback.save_answer(project, tokens[0], item, "agree", 0, comments[0])  # builds its cache
start = time.process_time()
for token, comment in zip(tokens[1:], comments[1:]):
    feedback.save_answer(project, token, item, "agree", 0, comment)
print(time.process_time() - start)
"""


def measure(saves: int, code: str, repeat: int = 2) -> float:
    """Comment saves per second with the code in ``code`` (the best of ``repeat``)."""
    script = _TIMED.format(bench=str(ROOT / "benchmarks"), saves=saves)
    return saves / max(best_seconds(script, code, repeat), 1e-6)


def main() -> int:
    """Measure this code (and the old one if asked) and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    args = parser.parse_args()
    new = measure(args.saves, str(ROOT))
    print(f"{'Code':<40}{'Speicherungen/s':>16}{'ms/Speicherung':>16}")
    if args.old:
        old = measure(args.saves, args.old)
        print(f"{'Alter Code (' + args.old + ')':<40}{old:>16.1f}{1000 / old:>16.2f}")
    print(f"{'Dieser Code':<40}{new:>16.1f}{1000 / new:>16.2f}")
    if args.old:
        print(f"{new / old:.2f}-mal so schnell")
    return 0


if __name__ == "__main__":
    sys.exit(main())
