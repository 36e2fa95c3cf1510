"""Intercoder agreement: percent agreement, Cohen's kappa, Krippendorff's alpha (nominal).

Units and values
----------------
*Coders* are the chosen ones (default: every coder with codings except the consensus
coder ``konsens``). A segment counts as *coded by* a coder when that coder applied at
least one code to it (the whole segment or a span). Only segments coded by at least
two of the chosen coders enter the comparison; a coder who did not code a segment is
*missing* there, not "no".

- **Per code** (level ``Code``): each counted segment is a unit; every coder who coded
  it has the binary value 1 (applied this code, to the whole segment or any span of it)
  or 0 (did not).
- **Overall** (level ``Gesamt``): the per-code data of all codes *in use* (applied by a
  chosen coder to at least one counted segment) pooled into one binary variable: every
  (segment, code) pair is a unit. Percent agreement, kappa and alpha are computed on
  this pooled data, not averaged over codes.
- **Per group** (level ``Gruppe``, e.g. the analytic dimensions Ressource,
  Herausforderung, Leerstelle, Begründung, Bedarf): one nominal variable whose
  categories are the group's codes. A coder's value on a segment is the category whose
  code (or a subcode of it) the coder applied, if there is exactly one; with none or
  several it is missing. Units are the segments where at least two coders have a value.

Measures, on a coders × units matrix with NaN for missing values:

- *percent agreement*: the mean over units of the share of agreeing coder pairs (for two
  coders simply the share of units with the same value);
- *Cohen's kappa*: for exactly two coders, on the units where both have a value
  (NaN for more coders);
- *Krippendorff's alpha*, nominal, from the coincidence matrix over units with at least
  two values — any number of coders, missing values allowed.

Where a measure is undefined (only one value ever occurs, no units) it is NaN.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from sqlalchemy import select

from workbench.coding.codebook import SEPARATOR, path_key
from workbench.coding.records import CONSENSUS_CODER, known_coder
from workbench.core.domain import InputError, frame
from workbench.store import Code, code_guid

if TYPE_CHECKING:
    from workbench.store import ProjectStore

DIMENSIONS = ("Ressource", "Herausforderung", "Leerstelle", "Begründung", "Bedarf")
DIMENSION_GROUP = "Dimension"
POOLED = "Alle Codes (gepoolt)"
LEVELS = ("Gesamt", "Gruppe", "Code")


# -- the measures ------------------------------------------------------------------------
def _category_counts(data: np.ndarray) -> np.ndarray:
    """Units × categories: how many coders gave each category in each unit."""
    data = np.asarray(data, dtype=float)
    categories = np.unique(data[~np.isnan(data)])
    return (data[:, :, None] == categories[None, None, :]).sum(axis=0)


def percent_agreement(data: np.ndarray) -> float:
    """Mean share of agreeing coder pairs per unit (coders × units, NaN = missing).

    >>> percent_agreement(np.array([[1, 0, 1, 0], [1, 1, 1, np.nan]]))
    0.6666666666666666
    """
    counts = _category_counts(data)
    pairable = counts.sum(axis=1) >= 2
    if not pairable.any():
        return float("nan")
    counts = counts[pairable]
    m = counts.sum(axis=1)
    return float(np.mean((counts * (counts - 1)).sum(axis=1) / (m * (m - 1))))


def cohen_kappa(a: Sequence[float], b: Sequence[float]) -> float:
    """Cohen's kappa of two coders' values on the same units (no missing values).

    >>> round(cohen_kappa([0, 1, 0, 1], [0, 1, 1, 1]), 4)
    0.5
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError("a und b brauchen gleich viele Werte.")
    if len(a) == 0:
        return float("nan")
    categories = np.union1d(a, b)
    observed = float(np.mean(a == b))
    pa = (a[:, None] == categories).mean(axis=0)
    pb = (b[:, None] == categories).mean(axis=0)
    expected = float(pa @ pb)
    if expected == 1.0:
        return float("nan")
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(data: np.ndarray) -> float:
    """Krippendorff's alpha for nominal data (coders × units, NaN = missing).

    >>> round(krippendorff_alpha(np.array([[1, 0, 1, 0], [1, 1, 1, np.nan]])), 4)
    0.0
    """
    counts = _category_counts(data)
    m = counts.sum(axis=1)
    counts, m = counts[m >= 2], m[m >= 2]
    if len(m) == 0:
        return float("nan")
    # Coincidence matrix: o[c, k] = Σ_u (n_uc · n_uk − [c = k] · n_uc) / (m_u − 1).
    weights = 1.0 / (m - 1)
    o = np.einsum("u,uc,uk->ck", weights, counts, counts) - np.diag(weights @ counts)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    expected = n * n - float(n_c @ n_c)
    if expected == 0:
        return float("nan")
    disagreement = o.sum() - np.trace(o)
    return float(1.0 - (n - 1) * disagreement / expected)


# -- from codings to reliability data -----------------------------------------------------
def choose_coders(codings: pd.DataFrame, coders: Sequence[str] | None = None) -> list[str]:
    """The coders to compare: the given ones (checked) or all except ``konsens``."""
    known = sorted(set(codings["coder"]))
    if coders is None:
        chosen = [c for c in known if c != CONSENSUS_CODER]
    else:
        chosen = sorted({known_coder(c, known) for c in coders if c.strip()})
        unknown = [c for c in chosen if c not in known]
        if unknown:
            raise InputError(
                f"Keine Kodierungen von {', '.join(unknown)}. "
                + (
                    f"Kodiert haben: {', '.join(known)}."
                    if known
                    else "Bisher hat niemand kodiert."
                )
            )
    if len(chosen) < 2:
        raise InputError(
            "Für die Übereinstimmung braucht es mindestens zwei Kodierende; "
            + (f"gefunden: {', '.join(chosen)}." if chosen else "bisher hat niemand kodiert.")
        )
    return chosen


def dimension_codes(paths: Iterable[str], guids: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each analytic dimension (Ressource, …) and the path of the code that stands for it.

    A code named like a dimension stands for it (the shallowest one: a subcode may reuse a
    name). A code renamed here or in another program ("Leerstelle" → "Lücke") keeps the
    GUID it was created with (``guids``: path → stored GUID), which names its dimension
    unless a code now carries the dimension's name: ``codebook rename`` must not take a
    dimension out of the comparison and change the numbers without a word.
    """
    guids = guids or {}
    found: list[tuple[int, int, int, str, str]] = []  # (renamed, depth, order, dim, path)
    for path in paths:
        parent, _, name = path.rpartition(SEPARATOR)
        dimension, renamed = (name, 0) if name in DIMENSIONS else (None, 1)
        if dimension is None and path in guids:
            prefix = parent + SEPARATOR if parent else ""
            created = {code_guid(d): d for d in DIMENSIONS} | {
                code_guid(prefix + d): d for d in DIMENSIONS
            }
            dimension = created.get(guids[path])
        if dimension is not None:
            order = DIMENSIONS.index(dimension)
            found.append((renamed, path.count(SEPARATOR), order, dimension, path))
    dimensions: dict[str, str] = {}
    for *_, dimension, path in sorted(found):
        dimensions.setdefault(dimension, path)
    return {d: dimensions[d] for d in DIMENSIONS if d in dimensions}


def default_groups(
    paths: Iterable[str], guids: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """The dimension codes (Ressource, Herausforderung, …) as one group, if ≥ 2 exist."""
    dimensions = dimension_codes(paths, guids)
    order = sorted(dimensions, key=lambda d: (dimensions[d].count(SEPARATOR), DIMENSIONS.index(d)))
    return {DIMENSION_GROUP: [dimensions[d] for d in order]} if len(dimensions) >= 2 else {}


class _Reliability:
    """Codings of the chosen coders on the segments that at least two of them coded."""

    def __init__(self, codings: pd.DataFrame, coders: Sequence[str]):
        rows = codings[codings["coder"].isin(coders)][["segment_id", "code", "coder"]]
        coded_by = rows.groupby("segment_id")["coder"].nunique()
        self.coders = list(coders)
        self.units = sorted(int(s) for s in coded_by[coded_by >= 2].index)
        rows = rows[rows["segment_id"].isin(self.units)].drop_duplicates()
        self.rows = rows
        self._coder = {c: i for i, c in enumerate(self.coders)}
        self._unit = {u: j for j, u in enumerate(self.units)}
        self.coded = np.zeros((len(self.coders), len(self.units)), dtype=bool)
        self.coded[self._index(rows)] = True
        self.codes = sorted(set(rows["code"]), key=path_key)

    def _index(self, rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        i = np.array([self._coder[c] for c in rows["coder"]], dtype=int)
        j = np.array([self._unit[int(s)] for s in rows["segment_id"]], dtype=int)
        return i, j

    def binary(self, code: str) -> np.ndarray:
        """Coders × units: 1 applied, 0 coded the segment without this code, NaN missing."""
        applied = np.zeros_like(self.coded)
        applied[self._index(self.rows[self.rows["code"] == code])] = True
        return np.where(self.coded, applied.astype(float), np.nan)

    def nominal(self, categories: Sequence[str]) -> np.ndarray:
        """Coders × units: index of the one category applied, NaN for none or several."""
        values = np.full(self.coded.shape, np.nan)
        hits = np.zeros((len(categories), *self.coded.shape), dtype=bool)
        for k, category in enumerate(categories):
            codes = self.rows["code"]
            mask = (codes == category) | codes.str.startswith(category + SEPARATOR)
            hits[k][self._index(self.rows[mask])] = True
        single = hits.sum(axis=0) == 1
        values[single] = hits.argmax(axis=0)[single]
        return values


def _measures(level: str, name: str, data: np.ndarray) -> dict:
    units = int((np.sum(~np.isnan(data), axis=0) >= 2).sum())
    kappa = float("nan")
    if data.shape[0] == 2:
        both = ~np.isnan(data).any(axis=0)
        kappa = cohen_kappa(data[0, both], data[1, both])
    return {
        "level": level,
        "name": name,
        "units": units,
        "percent_agreement": percent_agreement(data),
        "cohen_kappa": kappa,
        "krippendorff_alpha": krippendorff_alpha(data),
    }


def agreement_table(
    codings: pd.DataFrame,
    coders: Sequence[str] | None = None,
    groups: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Agreement overall, per group and per code (see the module docstring for units)."""
    chosen = choose_coders(codings, coders)
    data = _Reliability(codings, chosen)
    per_code = {code: data.binary(code) for code in data.codes}
    pooled = (
        np.concatenate(list(per_code.values()), axis=1) if per_code else np.empty((len(chosen), 0))
    )
    rows = [_measures("Gesamt", POOLED, pooled)]
    for name in sorted(groups or {}):
        rows.append(_measures("Gruppe", name, data.nominal(list(groups[name]))))
    rows.extend(_measures("Code", code, values) for code, values in per_code.items())
    return frame("agreement", rows)


def _who(coders: Sequence[str], values: np.ndarray, value: int) -> str:
    return ", ".join(c for c, v in zip(coders, values, strict=True) if v == value)


def _settled(
    states: list[Mapping[str, int] | None], coders: Sequence[str], column: np.ndarray
) -> bool:
    """Whether a resolution covers the coders' decisions as they are now (``column``): every
    coder with a decision had the same one when it was resolved (no state: always)."""
    now = {c: int(v) for c, v in zip(coders, column, strict=True) if not np.isnan(v)}
    return any(state is None or all(state.get(c) == v for c, v in now.items()) for state in states)


def disagreement_table(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    coders: Sequence[str] | None = None,
    resolved: Iterable[tuple[int, str] | tuple[int, str, Mapping[str, int] | None]] = (),
) -> pd.DataFrame:
    """Every (segment, code) where the chosen coders differ: who applied it, who not.

    ``resolved`` are resolutions as (segment_id, code) or (segment_id, code, state), the
    state being each coder's decision when it was resolved: a disagreement whose coders
    decide differently now (one changed their mind, a new coder joined) is unresolved.
    """
    chosen = choose_coders(codings, coders)
    data = _Reliability(codings, chosen)
    done: dict[tuple[int, str], list[Mapping[str, int] | None]] = {}
    for segment_id, code, *state in resolved:
        done.setdefault((segment_id, code), []).append(state[0] if state else None)
    info = segments.set_index("segment_id")
    rows = []
    for code in data.codes:
        values = data.binary(code)
        for j, segment_id in enumerate(data.units):
            column = values[:, j]
            if np.nanmin(column) == np.nanmax(column):
                continue
            seg = info.loc[segment_id]
            rows.append(
                {
                    "segment_id": segment_id,
                    "document": seg["document"],
                    "source_id": seg["source_id"],
                    "district": seg["district"],
                    "code": code,
                    "applied_by": _who(chosen, column, 1),
                    "not_applied_by": _who(chosen, column, 0),
                    "text": seg["text"],
                    "resolved": _settled(done.get((segment_id, code), []), chosen, column),
                    "_order": (seg["document_id"], seg["position"], path_key(code)),
                }
            )
    rows.sort(key=lambda r: r["_order"])
    return frame("disagreements", [{k: v for k, v in r.items() if k != "_order"} for r in rows])


# -- on a project ------------------------------------------------------------------------
def agreement(
    project: ProjectStore,
    coders: Sequence[str] | None = None,
    groups: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Agreement table of a project; ``groups=None`` uses the dimension codes as a group."""
    if groups is None:
        with project.session() as s:  # a renamed dimension code: its GUID says which
            guids = {path: guid for path, guid in s.execute(select(Code.path, Code.guid))}
        groups = default_groups(guids, guids)
    return agreement_table(project.codings(), coders, groups)


def disagreements(
    project: ProjectStore, coders: Sequence[str] | None = None, unresolved_only: bool = False
) -> pd.DataFrame:
    """The disagreements of a project to resolve (``resolved``: a resolution's memo covers
    the coders' decisions as they are now)."""
    table = disagreement_table(
        project.codings(), project.segments(), coders, resolved=project.resolution_states()
    )
    if unresolved_only:
        table = table[~table["resolved"]].reset_index(drop=True)
    return table
