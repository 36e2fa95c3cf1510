"""``workbench forget`` of many statements of one survey beside the way it cut them before
(the baseline: one statement after the other, each moving every later statement of its
document with an UPDATE that SQLAlchemy checked against every loaded statement).

The survey is written here (no data ship): ``--statements`` short cards in one CSV, of
which ``--forget`` spread over the whole file are erased with one request. Each run erases
from a fresh copy of the same project (SQLite), so both ways start alike; both leave the
same document text and offsets (checked). Times are the median of ``--repeat`` runs.

Run: .venv/bin/python benchmarks/erasure.py [--statements 3000] [--forget 1000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from workbench import Project  # noqa: E402
from workbench.ingest.table_mapping import TableMapping  # noqa: E402
from workbench.store import Document, Segment, erasure, text_edits  # noqa: E402


def cut_before(session: Session, segments: Sequence[Segment]) -> None:
    """The baseline: cut one statement after the other, flushing after each."""
    for segment in sorted(segments, key=lambda s: (s.document_id, -s.start)):
        text_edits._replace_in_document(session, segment, None)
        session.flush()


def build(folder: Path, statements: int) -> list[int]:
    """A project with one survey of ``statements`` cards; return the statement ids."""
    words = "Bus Spielplatz Treffpunkt Jugend Bank Park Licht Schule Kita Markt".split()
    rows = [
        f"Karte {i}: Wir brauchen mehr {words[i % 10]} und {words[i * 7 % 10]} im Viertel."
        for i in range(statements)
    ]
    source = folder.parent / "umfrage.csv"
    pd.DataFrame({"ID": range(statements), "Text": rows}).to_csv(source, sep=";", index=False)
    with Project.create(folder, districts=["Manfort"]) as project:
        mapping = TableMapping(text_column="Text", id_column="ID")
        project.import_files([source], mapping=mapping, district="Manfort")
        return project.segments()["segment_id"].tolist()


def erase(template: Path, ids: list[int], cut: object) -> tuple[float, tuple]:
    """Seconds of one ``forget`` on a copy of ``template`` with ``cut``; and what it left."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "projekt"
        shutil.copytree(template, folder)
        saved = erasure.cut_segments
        erasure.cut_segments = cut  # type: ignore[assignment]
        try:
            with Project.open(folder) as project:
                start = time.perf_counter()
                erasure.forget(project, statements=tuple(ids), actor="Benchmark")
                seconds = time.perf_counter() - start
                with project.session() as session:
                    left = (
                        tuple(session.scalars(select(Document.text))),
                        tuple(session.execute(select(Segment.id, Segment.start, Segment.end))),
                    )
        finally:
            erasure.cut_segments = saved
    return seconds, left


def main(argv: list[str] | None = None) -> int:
    """Build the survey, erase with both ways, check they agree, print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=3000)
    parser.add_argument("--forget", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "vorlage" / "projekt"
        template.parent.mkdir()
        ids = build(template, args.statements)
        step = max(1, len(ids) // args.forget)
        chosen = ids[::step][: args.forget]
        runs = {"vorher (einzeln)": cut_before, "cut_segments()": text_edits.cut_segments}
        times: dict[str, list[float]] = {name: [] for name in runs}
        results = set()
        for _ in range(args.repeat):
            for name, cut in runs.items():
                seconds, left = erase(template, chosen, cut)
                times[name].append(seconds)
                results.add(left)
        assert len(results) == 1, "cut_segments() und die Grundlinie hinterlassen Verschiedenes"
    print(f"forget von {len(chosen)} der {len(ids)} Aussagen, Median aus {args.repeat}:")
    for name, values in times.items():
        print(f"  {name:<20}{sorted(values)[len(values) // 2]:8.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
