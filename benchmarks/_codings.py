"""The codings a benchmark project gets: a coding table (document, source_id, coder,
code) written for the imported statements, ready for ``Project.import_codings``."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd


def write_codings(
    path: Path, segments: pd.DataFrame, codings: Callable[[int], Iterable[tuple[str, str]]]
) -> Path:
    """Write the coding table: for the ``i``-th statement one row per (coder, code) of
    ``codings(i)``; return ``path``."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["document", "source_id", "coder", "code"])
        for i, (document, source) in enumerate(
            zip(segments["document"], segments["source_id"], strict=True)
        ):
            writer.writerows([document, source, coder, code] for coder, code in codings(i))
    return path
