"""Reading the coded quotes of a large study (:func:`workbench.coding.code_analysis.quotes`,
used by the profile app, the reports and the site) beside the way it was read before (the
baseline: a groupby with a Python function for the coders and a ``.loc`` per passage).

The study is written here (no data ship): ``--statements`` statements in two districts and
``--codings`` codings by two coders, as the store returns them. Times are the median of
``--repeat`` runs in one run of this script, so the machine's load hits both alike; both
give the same rows.

Run: .venv/bin/python benchmarks/quotes.py [--statements 5000] [--codings 12000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from _timing import median_seconds  # noqa: E402

from workbench.coding.code_analysis import quotes  # noqa: E402
from workbench.core.domain import TABLES  # noqa: E402


class Study:
    """Statements and codings as the store returns them (what ``quotes`` reads)."""

    def __init__(self, statements: int, codings: int) -> None:
        n = statements
        self._segments = pd.DataFrame(
            {
                "segment_id": range(1, n + 1),
                "document_id": [1 + i // 1000 for i in range(n)],
                "document": [f"d{1 + i // 1000}.csv" for i in range(n)],
                "source_id": [str(i) for i in range(n)],
                "position": range(n),
                "workshop": "Workshop",
                "district": [("Manfort", "Opladen")[i % 2] for i in range(n)],
                "question": "Was fehlt?",
                "speaker_role": pd.NA,
                "speaker": pd.NA,
                "text": [f"Aussage {i} über den Bus" for i in range(n)],
                "start": 0,
                "end": 24,
                "attributes": [{} for _ in range(n)],
            }
        ).astype({k: v for k, v in TABLES["segments"].items() if k != "attributes"})
        rows = [(1 + i % n, ("Bedarf", "Ressource", "Themen/Bus")[i % 3], "AB"[i % 2])
                for i in range(codings)]  # fmt: skip
        self._codings = pd.DataFrame(rows, columns=["segment_id", "code", "coder"]).assign(
            start=0, end=7
        )

    def codings(self) -> pd.DataFrame:
        """The codings."""
        return self._codings

    def segments(self) -> pd.DataFrame:
        """The statements."""
        return self._segments


def quotes_before(study: Study) -> list[tuple[int, str, str, str]]:
    """The baseline: coders by a groupby with a Python function, a ``.loc`` per passage."""
    grouped = (
        study.codings()
        .groupby(["segment_id", "code", "start", "end"])["coder"]
        .agg(lambda c: ", ".join(sorted(set(c))))
        .reset_index(name="coders")
    )
    segments = study.segments().set_index("segment_id")
    rows = []
    for r in grouped.itertuples(index=False):
        seg = segments.loc[r.segment_id]
        rows.append((int(r.segment_id), r.code, seg["text"][r.start : r.end], r.coders))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Build the study, check both give the same rows, time them, print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--codings", type=int, default=12000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    study = Study(args.statements, args.codings)
    table = quotes(study)  # type: ignore[arg-type]
    columns = (table[c] for c in ("segment_id", "code", "quote", "coders"))
    now = sorted(zip(*columns, strict=True))
    assert now == sorted(quotes_before(study)), "quotes() und die Grundlinie weichen ab"
    runs = {
        "vorher (groupby, .loc)": lambda: quotes_before(study),
        "quotes()": lambda: quotes(study),  # type: ignore[arg-type]
    }
    print(f"{args.statements} Aussagen, {len(table)} kodierte Stellen, Median aus {args.repeat}:")
    for name, run in runs.items():
        print(f"  {name:<24}{median_seconds(run, args.repeat):7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
