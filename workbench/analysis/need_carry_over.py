"""Researchers' edits of need clusters (rename, merge, split) carried over to a new run by
containment: :func:`carry_over` finds the cluster an edit's members are in now,
:func:`apply_edits` replays the edit log on a new clustering (the rule in
:mod:`workbench.analysis.needs`'s module documentation)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import numpy as np

from workbench.analysis.need_clusters import MATCH_SHARE, jaccard, match_cluster


def _groups(labels: np.ndarray, ids: np.ndarray) -> dict[int, set[int]]:
    return {int(c): set(ids[labels == c].tolist()) for c in np.unique(labels)}


def _renumber(labels: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Number clusters 0, 1, … by size (largest first), ties by smallest segment id."""
    groups = _groups(labels, ids)
    order = sorted(groups, key=lambda c: (-len(groups[c]), min(groups[c])))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping[int(c)] for c in labels], dtype=int)


class CarryOver(NamedTuple):
    """Where an edit's members are now: the cluster (None if none), overlap and reason."""

    cluster: int | None
    overlap: int  # how many of the members are in ``cluster`` (or the best candidate)
    reason: str  # German, why there is no cluster; "" when there is one


def carry_over(members: Iterable[int], groups: Mapping[int, set[int]]) -> CarryOver:
    """The cluster an edit made on ``members`` applies to now (containment, see module doc).

    >>> carry_over([1, 2, 3], {0: {1, 2, 3, *range(10, 30)}, 1: {4, 5}})
    CarryOver(cluster=0, overlap=3, reason='')
    >>> carry_over([1, 2, 3, 4, 5], {0: {1, 2, 9}, 1: {3, 4, 8}, 2: {5}}).reason[:30]
    'höchstens 2 von 5 Aussagen lie'
    """
    wanted = set(members)
    if not wanted:
        return CarryOver(None, 0, "die Änderung nennt keine Aussagen")
    best, _, overlap = match_cluster(wanted, groups)
    if best is not None:
        return CarryOver(best, overlap, "")
    if not overlap:
        reason = f"keine der {len(wanted)} Aussagen ist im neuen Lauf"
    else:
        reason = (
            f"höchstens {overlap} von {len(wanted)} Aussagen liegen noch in einem gemeinsamen "
            "Cluster (nötig: mindestens die Hälfte)"
        )
    return CarryOver(None, overlap, reason)


def _same_cluster(a: set[int], b: set[int]) -> bool:
    """Whether two member sets stand for the same cluster (one holds half the other's)."""
    inside = len(a & b)
    return bool(inside) and inside >= MATCH_SHARE * min(len(a), len(b))


def apply_edits(
    labels: np.ndarray,
    ids: np.ndarray,
    vectors: np.ndarray,
    edits: list[dict[str, Any]],
    seed: int,
    named: Mapping[frozenset[int], str] | None = None,
) -> tuple[np.ndarray, dict[int, str], list[dict[str, Any]]]:
    """Replay edits on a clustering: (labels, label overrides, skipped edits with reasons).

    ``named``: member sets that already carry a researcher's name (a run's clusters that
    the edits are applied to); they follow their members like the names of ``edits``.
    """
    labels = labels.copy()
    names: dict[frozenset[int], str] = dict(named or {})
    # cluster number → the naming edit: id, label, its members, how many of them are inside
    claims: dict[int, dict[str, Any]] = {}
    skipped: list[dict[str, Any]] = []

    def name(target: int, edit: dict[str, Any], label: str, members: set[int], inside: int):
        held = claims.get(target)
        if held and not _same_cluster(held["members"], members):
            loser, winner = (held, edit) if inside > held["inside"] else (edit, held)
            winner_label = label if winner is edit else held["label"]
            skipped.append(
                {
                    "id": loser["id"],
                    "reason": f"die Aussagen liegen jetzt im selben Cluster wie die der "
                    f"Änderung {winner['id']} („{winner_label}“), die dort mehr Aussagen hat",
                }
            )
            if loser is edit:
                return
            names.pop(held["key"], None)
        key = frozenset(_groups(labels, ids)[target])
        claims[target] = {"id": edit["id"], "label": label, "members": members}
        claims[target].update(inside=inside, key=key)
        names[key] = label

    for edit in edits:
        groups = _groups(labels, ids)
        payload = edit["payload"]
        if edit["op"] == "rename":
            found = carry_over(payload["members"], groups)
            if found.cluster is None:
                skipped.append({"id": edit["id"], "reason": found.reason})
                continue
            name(found.cluster, edit, payload["label"], set(payload["members"]), found.overlap)
        elif edit["op"] == "merge":
            found = [carry_over(m, groups) for m in payload["groups"]]
            missing = [f.reason for f in found if f.cluster is None]
            if missing:
                skipped.append({"id": edit["id"], "reason": "; ".join(missing)})
                continue
            targets = list(dict.fromkeys(f.cluster for f in found))
            keep = targets[0]
            for t in targets[1:]:  # one target only: the groups already sit together
                labels[labels == t] = keep
                claims.pop(t, None)
            if payload.get("label"):
                members = {int(s) for m in payload["groups"] for s in m}
                inside = sum(f.overlap for f in found)
                name(keep, edit, payload["label"], members, inside)
        elif edit["op"] == "split":
            found = carry_over(payload["members"], groups)
            if found.cluster is None or len(groups[found.cluster]) < 2:
                reason = found.reason or "der Cluster hat nur noch eine Aussage"
                skipped.append({"id": edit["id"], "reason": reason})
                continue
            inside = np.flatnonzero(labels == found.cluster)
            from sklearn.cluster import KMeans

            parts = KMeans(2, n_init=4, random_state=seed).fit_predict(vectors[inside])
            labels[inside[parts == 1]] = labels.max() + 1
    # Label overrides travel with their member sets through the renumbering.
    renumbered = _renumber(labels, ids)
    overrides: dict[int, str] = {}
    for cluster, members in _groups(renumbered, ids).items():
        for named, label in names.items():
            if jaccard(named, members) >= MATCH_SHARE:
                overrides[cluster] = label
    skipped.sort(key=lambda s: s["id"])
    return renumbered, overrides, skipped
