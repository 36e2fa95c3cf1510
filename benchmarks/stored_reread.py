"""An import that learns a name read against the stored statements that still show it,
beside the way it edited them before (the baseline: one statement after the other, each
shifting every later statement of its document and rewriting the whole document text).

The project is written here (no data ship): one survey of ``--statements`` short cards,
of which ``--hits`` say "Krause hat recht …" and as many "Der Koch …" (a noun: nothing to
replace); then a protocol is imported that learns "Herr Jens Krause" and "Herr Koch".
Each run imports into a fresh copy of the same project (SQLite), so both ways start alike;
both leave the same statements, offsets, document texts and key spans (checked). Times are
the median of ``--repeat`` runs.

Run: .venv/bin/python benchmarks/stored_reread.py [--statements 20000] [--hits 2000]
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
from workbench.ingest import stored_growth  # noqa: E402
from workbench.ingest.table_mapping import TableMapping  # noqa: E402
from workbench.store import Document, PseudonymSpan, Segment, text_edits  # noqa: E402
from workbench.store.label_names import replace_in_labels  # noqa: E402

LEARNS = """---
workshop: Forum Nord
district: Manfort
---

# Protokoll

## Herausforderungen

- Herr Jens Krause kommt zum nächsten Treffen.
- Herr Koch bringt den Schlüssel.
"""


def edit_before(session: Session, changes: Sequence[tuple[Segment, Sequence]]) -> list[str]:
    """The baseline: edit one statement after the other, flushing after each."""
    old = []
    for segment, edits in changes:
        codings = list(
            session.scalars(
                select(text_edits.Coding).where(text_edits.Coding.segment_id == segment.id)
            )
        )
        items = list(
            session.scalars(
                select(text_edits.CodingActionItem).where(
                    text_edits.CodingActionItem.segment_id == segment.id
                )
            )
        )
        spans = list(
            session.scalars(select(PseudonymSpan).where(PseudonymSpan.segment_id == segment.id))
        )
        text = text_edits._apply(session, segment, edits, [*codings, *items], spans)
        old.append(segment.text)
        text_edits._replace_in_document(session, segment, text)
        text_edits._replace_copies(session, {old[-1]: text})
        replace_in_labels(session, segment.id, {e.original: e.new for e in edits if e.original})
        session.flush()
    return old


def build(folder: Path, statements: int, hits: int) -> None:
    """A project with one survey of ``statements`` cards, ``hits`` of them naming Krause
    and as many a cook."""
    words = "Bus Spielplatz Treffpunkt Jugend Bank Park Licht Schule Kita Markt".split()
    step = max(1, statements // max(1, 2 * hits))
    rows = []
    for i in range(statements):
        if i % step == 0 and i // step < 2 * hits:
            first = "Krause hat recht" if (i // step) % 2 == 0 else "Der Koch sagt es"
            rows.append(f"Karte {i}: {first}, wir brauchen mehr {words[i % 10]}.")
        else:
            rows.append(f"Karte {i}: Wir brauchen mehr {words[i % 10]} im Viertel.")
    source = folder.parent / "umfrage.csv"
    pd.DataFrame({"ID": range(statements), "Text": rows}).to_csv(source, sep=";", index=False)
    with Project.create(folder, districts=["Manfort"]) as project:
        mapping = TableMapping(text_column="Text", id_column="ID")
        project.import_files([source], mapping=mapping, district="Manfort")


def learn(template: Path, edit: object) -> tuple[float, tuple]:
    """Seconds of the import that learns the names on a copy of ``template`` with ``edit``;
    and what it left."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "projekt"
        shutil.copytree(template, folder)
        protocol = Path(tmp) / "forum.md"
        protocol.write_text(LEARNS, encoding="utf-8")
        saved = stored_growth.edit_segments
        stored_growth.edit_segments = edit  # type: ignore[assignment]
        try:
            with Project.open(folder) as project:
                start = time.perf_counter()
                project.import_files([protocol])
                seconds = time.perf_counter() - start
                with project.session() as session:
                    left = (
                        tuple(session.scalars(select(Document.text).order_by(Document.id))),
                        tuple(
                            session.execute(
                                select(Segment.id, Segment.start, Segment.end, Segment.text)
                            )
                        ),
                        tuple(
                            session.execute(
                                select(
                                    PseudonymSpan.segment_id,
                                    PseudonymSpan.start,
                                    PseudonymSpan.end,
                                    PseudonymSpan.original,
                                ).order_by(PseudonymSpan.segment_id, PseudonymSpan.start)
                            )
                        ),
                    )
        finally:
            stored_growth.edit_segments = saved
    return seconds, left


def main(argv: list[str] | None = None) -> int:
    """Build the project, learn the names with both ways, check they agree, print times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--hits", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "vorlage" / "projekt"
        template.parent.mkdir()
        build(template, args.statements, args.hits)
        runs = {"vorher (einzeln)": edit_before, "edit_segments()": text_edits.edit_segments}
        times: dict[str, list[float]] = {name: [] for name in runs}
        results = set()
        for _ in range(args.repeat):
            for name, edit in runs.items():
                seconds, left = learn(template, edit)
                times[name].append(seconds)
                results.add(left)
        assert len(results) == 1, "edit_segments() und die Grundlinie hinterlassen Verschiedenes"
    print(
        f"Import, der 'Herr Jens Krause' lernt: {args.hits} von {args.statements} Aussagen "
        f"nennen Krause, {args.hits} einen Koch; Median aus {args.repeat}:"
    )
    for name, values in times.items():
        print(f"  {name:<20}{sorted(values)[len(values) // 2]:8.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
