"""Code analysis: frequencies by district, co-occurrence, quotes with sources.

Counts are of *segments* (a segment with two spans of one code counts once). Without
``coder`` a segment has a code when any coder applied it; with ``coder`` only that
coder's codings count. Texts are the stored, pseudonymised ones — the
re-identification key is never read here. All output is sorted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.coding.codebook import SEPARATOR, meant_code, path_key
from workbench.coding.records import stored_path
from workbench.core.domain import InputError, frame

if TYPE_CHECKING:
    from workbench.store import ProjectStore


def _codings(project: ProjectStore, coder: str | None) -> pd.DataFrame:
    codings = project.codings()
    if coder is None:
        return codings
    if coder not in set(codings["coder"]):
        known = ", ".join(sorted(set(codings["coder"]))) or "(niemand)"
        raise InputError(f"Keine Kodierungen von '{coder}'. Kodiert haben: {known}.")
    return codings[codings["coder"] == coder]


def _district_order(project: ProjectStore, segments: pd.DataFrame) -> list[str]:
    """Districts that have segments, the city-wide scope first (as :meth:`districts`)."""
    present = set(segments["district"])
    return [d for d in project.districts()["district"] if d in present]


def code_frequencies(project: ProjectStore, coder: str | None = None) -> pd.DataFrame:
    """Segments per code and district (every code × every district with segments).

    ``share`` is the code's segments divided by all segments of the district.
    """
    segments = project.segments()
    codings = _codings(project, coder).merge(
        segments[["segment_id", "district"]], on="segment_id", how="inner"
    )
    counts = codings.groupby(["code", "district"])["segment_id"].nunique().to_dict()
    totals = segments.groupby("district")["segment_id"].nunique().to_dict()
    codes = sorted(project.codes()["path"], key=path_key)
    rows = []
    for code in codes:
        for district in _district_order(project, segments):
            n = int(counts.get((code, district), 0))
            rows.append(
                {
                    "code": code,
                    "district": district,
                    "segments": n,
                    "district_segments": int(totals[district]),
                    "share": n / totals[district],
                }
            )
    return frame("code_frequencies", rows)


def co_occurrence(project: ProjectStore, coder: str | None = None) -> pd.DataFrame:
    """Codes × codes: segments on which both codes are applied (diagonal: the code alone).

    Rows and columns are the codes applied at least once, in codebook order.
    """
    codings = _codings(project, coder)[["segment_id", "code"]].drop_duplicates()
    codes = sorted(set(codings["code"]), key=path_key)
    segments = sorted(set(codings["segment_id"]))
    incidence = np.zeros((len(segments), len(codes)), dtype=np.int64)
    row = {s: i for i, s in enumerate(segments)}
    col = {c: j for j, c in enumerate(codes)}
    incidence[[row[s] for s in codings["segment_id"]], [col[c] for c in codings["code"]]] = 1
    matrix = incidence.T @ incidence
    index = pd.Index(codes, name="code", dtype="string")
    return pd.DataFrame(matrix, index=index, columns=index.rename("code_2"))


def quotes(
    project: ProjectStore, code: str | None = None, coder: str | None = None, subcodes: bool = True
) -> pd.DataFrame:
    """Coded passages of ``code`` (and its subcodes; None: all codes) as quotes with source.

    One row per segment, code and span; ``coders`` lists who coded it. The quote is the
    coded span of the pseudonymised segment text.
    """
    codings = _codings(project, coder)
    if code is not None:
        paths = set(project.codes()["path"])
        code = stored_path(code, paths) or code  # an older version's spelling too
        if code not in paths:
            raise InputError(f"Code '{code}' steht nicht im Codebuch.{meant_code(code, paths)}")
        wanted = codings["code"] == code
        if subcodes:
            wanted |= codings["code"].str.startswith(code + SEPARATOR)
        codings = codings[wanted]
    # who coded each passage (segment, code, span); plain Python over the columns: a
    # groupby with a Python function and a `.loc` per passage took seconds for 10,000
    coders: dict[tuple[int, str, int, int], set[str]] = {}
    columns = (codings[c].tolist() for c in ("segment_id", "code", "start", "end", "coder"))
    for segment_id, path, start, end, who in zip(*columns, strict=True):
        coders.setdefault((int(segment_id), path, int(start), int(end)), set()).add(who)
    segments = project.segments()
    by_id = {int(seg.segment_id): seg for seg in segments.itertuples(index=False)}
    rows = []
    for (segment_id, path, start, end), who in sorted(coders.items()):
        seg = by_id[segment_id]
        rows.append(
            {
                "code": path,
                "quote": seg.text[start:end],
                "coders": ", ".join(sorted(who)),
                "district": seg.district,
                "workshop": seg.workshop,
                "document": seg.document,
                "source_id": seg.source_id,
                "segment_id": segment_id,
                "start": start,
                "end": end,
                "_order": (
                    seg.district,
                    seg.workshop,
                    int(seg.document_id),
                    int(seg.position),
                    start,
                    path_key(path),
                ),
            }
        )
    rows.sort(key=lambda r: r["_order"])
    return frame("quotes", [{k: v for k, v in r.items() if k != "_order"} for r in rows])
