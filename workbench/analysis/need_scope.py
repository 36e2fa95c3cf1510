"""District-specific or cross-district: the stated rule that decides a need cluster's scope.

Only statements from a district count (the city-wide workshop belongs to none). For a
cluster with m such statements, x of them from district d, the question is whether d is
over-represented against the other districts: under "no association", x follows the
hypergeometric distribution of drawing m statements from all N district statements of
which K are from d. The one-sided p-value P(X ≥ x) is computed for every district of
the cluster and adjusted by Holm's method over those districts: each cluster's decision
is one family of tests, wrong with probability at most :data:`FOCUS_ALPHA`.

A district is a cluster's **focus** if it has at least :data:`FOCUS_MIN` of the
cluster's statements and an adjusted p-value ≤ :data:`FOCUS_ALPHA`. A cluster is

- **district-specific** if it has a focus district, or if it was raised in fewer than
  ``cross_cutting_min`` districts;
- **cross-district** otherwise: raised in enough districts, concentrated in none.

A cluster none of whose statements names a district (a corpus without districts, or only
city-wide statements) has no scope to decide: :mod:`workbench.analysis.needs` calls it
"ohne Sozialraum" rather than claim it is district-specific.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

FOCUS_ALPHA = 0.05
FOCUS_MIN = 3
CROSS_CUTTING_MIN = 3  # districts a cluster needs to be cross-district (the default)


def rule_text(
    cross_cutting_min: int = CROSS_CUTTING_MIN,
    readers: bool = False,
    uncounted: str = "Aussagen des gesamtstädtischen Workshops zählen dabei nicht.",
) -> str:
    """The rule in words, for apps and reports; for ``readers`` of the public site without
    the name of the test; ``uncounted`` says which statements do not count (those without
    a Sozialraum, as the study calls them: :mod:`workbench.synthesis.citywide`).

    >>> "hypergeometrisch" in rule_text(readers=True), "hypergeometrisch" in rule_text()
    (False, True)
    """
    alpha = f"{FOCUS_ALPHA:g}".replace(".", ",")
    focus = (
        f"mindestens {FOCUS_MIN} Aussagen von dort und deutlich mehr, als sein Anteil an "
        "allen Aussagen erwarten ließe"
        if readers
        else f"mindestens {FOCUS_MIN} Aussagen und überzufällig viele gegenüber den übrigen "
        f"Sozialräumen, einseitiger hypergeometrischer Test, Holm-korrigiert, α = {alpha}"
    )
    return (
        f"„Sozialraumspezifisch“ heißt: in einem Sozialraum gehäuft genannt (Schwerpunkt: {focus}) "
        f"oder in weniger als {cross_cutting_min} Sozialräumen genannt; „übergreifend“: in "
        f"mindestens {cross_cutting_min} Sozialräumen genannt und in keinem gehäuft. {uncounted}"
    )


def no_comparison_text(districts: Sequence[str]) -> str:
    """Why a run of statements from fewer than two ``districts`` has no scope: with one
    district every need would be "sozialraumspezifisch", which says nothing.

    >>> no_comparison_text(["Ottensen"])[-55:]
    'hier stammen alle Aussagen mit Sozialraum aus Ottensen.'
    """
    where = (
        f"stammen alle Aussagen mit Sozialraum aus {districts[0]}."
        if districts
        else "nennt keine der Aussagen einen Sozialraum."
    )
    return (
        "Ob ein Bedarf sozialraumspezifisch oder übergreifend ist, lässt sich nur im "
        f"Vergleich von mindestens zwei Sozialräumen sagen; hier {where}"
    )


def focus_text(focus: Sequence[str]) -> str:
    """A cluster's focus districts in words, for apps and reports ("" without one; only a
    district-specific cluster has one).

    >>> focus_text(["Alkenrath"]), focus_text([])
    ('Schwerpunkt: Alkenrath', '')
    """
    return f"Schwerpunkt: {', '.join(focus)}" if focus else ""


@dataclass(frozen=True)
class ClusterScope:
    """Districts of a cluster, the over-represented ones and the decision."""

    districts: list[str]  # every district with at least one statement, sorted
    focus: list[str]  # over-represented districts, strongest first
    focus_p: float | None  # adjusted p-value of the strongest focus (None: no focus)
    specific: bool  # district-specific (True) or cross-district (False)


def holm(p: np.ndarray) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (same order as ``p``).

    >>> holm(np.array([0.01, 0.04, 0.03])).round(3).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p, dtype=float)
    if p.size == 0:
        return p
    order = np.argsort(p, kind="stable")
    ranked = p[order] * (p.size - np.arange(p.size))
    out = np.empty_like(p)
    out[order] = np.minimum(np.maximum.accumulate(ranked), 1.0)
    return out


def cluster_scopes(
    labels: np.ndarray, districts: Sequence[str | None], located: Sequence[bool], cross_min: int
) -> dict[int, ClusterScope]:
    """Scope of every cluster in ``labels`` (``located``: the statement has a district)."""
    from scipy.stats import hypergeom  # seconds to import: only when a run decides scopes

    labels = np.asarray(labels)
    located = np.asarray(located, dtype=bool)
    names = sorted({d for d, ok in zip(districts, located, strict=True) if ok and d})
    column = {d: j for j, d in enumerate(names)}
    clusters, row = np.unique(labels, return_inverse=True)
    counts = np.zeros((len(clusters), len(names)), dtype=int)
    for i, d, ok in zip(row.ravel(), districts, located, strict=True):
        if ok and d:
            counts[i, column[d]] += 1
    total, per_district, per_cluster = counts.sum(), counts.sum(axis=0), counts.sum(axis=1)
    raw = np.ones_like(counts, dtype=float)
    for i in range(len(clusters)):
        for j in range(len(names)):
            if counts[i, j] > 0:
                raw[i, j] = hypergeom.sf(counts[i, j] - 1, total, per_district[j], per_cluster[i])
    adjusted = np.vstack([holm(row) for row in raw]) if raw.size else raw
    result = {}
    for i, cluster in enumerate(clusters.tolist()):
        present = [names[j] for j in range(len(names)) if counts[i, j] > 0]
        hits = [
            j
            for j in range(len(names))
            if counts[i, j] >= FOCUS_MIN and adjusted[i, j] <= FOCUS_ALPHA
        ]
        hits.sort(key=lambda j: (adjusted[i, j], -counts[i, j], names[j]))
        result[int(cluster)] = ClusterScope(
            districts=present,
            focus=[names[j] for j in hits],
            focus_p=float(adjusted[i, hits[0]]) if hits else None,
            specific=bool(hits) or len(present) < cross_min,
        )
    return result
