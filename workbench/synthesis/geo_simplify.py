"""Boundaries thinned at import to what no map and no point assignment can tell apart.

A geoportal's survey-grade file has a vertex every metre or closer (50 MB for a city);
stored as it came, every map of every report, site page and profile app re-read and
re-simplified all of it (a report with seven maps took a minute). Vertices closer than
:data:`TOLERANCE_M` to the line through the vertices kept around them are dropped
(Douglas–Peucker, with numpy, in metres on a local plane): half a metre is below the
0.1 mm a map of a city shows it as, and far below the accuracy of a point from a survey
tool's location field. Kept vertices are the file's own, unmoved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from workbench.synthesis.geo_crs import Ring, Shape

TOLERANCE_M = 0.5
M_PER_DEGREE = 111_320.0
WORK_PER_POINT = 64  # points looked at per point of a chain, at most


def _keep(xy: np.ndarray, tolerance: float) -> np.ndarray:
    """Which points of an open chain Douglas–Peucker keeps (first and last always).

    A chain whose every split falls next to an end (a sawtooth of 200,000 teeth) costs
    n² steps: hours. Past :data:`WORK_PER_POINT` steps per point (a real boundary needs
    about log₂ n) the ranges not yet looked at are kept whole: the map shows more
    vertices, never fewer."""
    keep = np.zeros(len(xy), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(xy) - 1)]
    budget = WORK_PER_POINT * len(xy)
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        budget -= last - first
        if budget < 0:
            for start, end in [(first, last), *stack]:
                keep[start:end] = True
            break
        a, b = xy[first], xy[last]
        inner = xy[first + 1 : last]
        ab = b - a
        length = float(ab @ ab)
        if length == 0.0:
            distance = np.hypot(*(inner - a).T)
        else:
            t = np.clip((inner - a) @ ab / length, 0.0, 1.0)
            distance = np.hypot(*(inner - a - t[:, None] * ab).T)
        index = int(np.argmax(distance))
        if distance[index] > tolerance:
            keep[first + 1 + index] = True
            stack.extend(((first, first + 1 + index), (first + 1 + index, last)))
    return keep


def thin_ring(ring: Ring, tolerance: float = TOLERANCE_M) -> Ring:
    """A closed lon/lat ring without the vertices within ``tolerance`` metres of the line.

    >>> thin_ring(((7.0, 51.0), (7.0005, 51.000001), (7.001, 51.0), (7.001, 51.001),
    ...            (7.0, 51.001), (7.0, 51.0)))
    ((7.0, 51.0), (7.001, 51.0), (7.001, 51.001), (7.0, 51.001), (7.0, 51.0))
    """
    if len(ring) < 6:
        return ring
    lat0 = math.radians(ring[0][1])
    xy = np.array(ring, dtype=float) * [M_PER_DEGREE * math.cos(lat0), M_PER_DEGREE]
    # a closed ring has no line from first to last point: split at the farthest point
    far = int(np.argmax(np.hypot(*(xy - xy[0]).T)))
    if far == 0:
        return ring
    keep = np.concatenate([_keep(xy[: far + 1], tolerance)[:-1], _keep(xy[far:], tolerance)])
    if keep.sum() < 4:  # smaller than the tolerance: keep it as it came
        return ring
    return tuple(p for p, kept in zip(ring, keep, strict=True) if kept)


def thin(shapes: Mapping[str, Shape], tolerance: float = TOLERANCE_M) -> dict[str, Shape]:
    """Every ring of every district thinned (see :func:`thin_ring`)."""
    return {
        d: tuple(tuple(thin_ring(r, tolerance) for r in polygon) for polygon in shape)
        for d, shape in shapes.items()
    }
