"""Areas of one district joined into its outline: the borders between them removed.

A planning team often has a layer of 60 Ortsteile for five Sozialräume and maps several
Ortsteile to each. Drawn as they are, every Ortsteil keeps its border on the map: the
Sozialräume disappear in a grid of small areas, and a name fits in none of them. Areas
cut from one layer share their borders vertex by vertex; each shared stretch is an edge
that one area runs forwards and its neighbour backwards. Dropping those pairs leaves the
outline; it is chained into rings again (counter-clockwise outer rings, clockwise holes)
and each hole given to the outer ring around it. Where the areas do not fit so cleanly
(a shared border with vertices only on one side, overlapping areas) nothing is joined
and the areas are kept as they came: the map shows the inner borders, as before.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from workbench.synthesis.geo_crs import Polygon, Position, Ring

Edge = tuple[Position, Position]


def signed_area(ring: Sequence[Position]) -> float:
    """Twice the signed area of a closed ring: positive when counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def _edges(polygons: Sequence[Polygon]) -> list[Edge]:
    """All edges, outer rings counter-clockwise and holes clockwise."""
    edges: list[Edge] = []
    for polygon in polygons:
        for n, ring in enumerate(polygon):
            points = list(ring)
            if (signed_area(points) > 0) != (n == 0):
                points.reverse()
            edges.extend((a, b) for a, b in itertools.pairwise(points) if a != b)
    return edges


def _chain(edges: Sequence[Edge]) -> list[Ring] | None:
    """The rings the edges form, or None if they form no simple closed rings."""
    starts: dict[Position, list[Position]] = defaultdict(list)
    for a, b in edges:
        starts[a].append(b)
    if any(len(ends) != 1 for ends in starts.values()):
        return None  # rings touching in a vertex: no unique way through, keep the areas
    rings: list[Ring] = []
    seen: set[Position] = set()
    for first in starts:
        if first in seen:
            continue
        ring = [first]
        seen.add(first)
        point = starts[first][0]
        while point != first:
            if point in seen or point not in starts:
                return None
            ring.append(point)
            seen.add(point)
            point = starts[point][0]
        ring.append(first)
        if len(ring) < 4:
            return None
        rings.append(tuple(ring))
    return rings


def _inside(point: Position, ring: Ring) -> bool:
    """Whether a point lies inside a closed ring (ray casting)."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def dissolve(polygons: Sequence[Polygon]) -> tuple[Polygon, ...]:
    """The polygons joined along the borders they share; unchanged if they do not fit.

    >>> left = (((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)),)
    >>> right = (((1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 0.0)),)
    >>> [len(ring) - 1 for polygon in dissolve([left, right]) for ring in polygon]
    [6]
    """
    if len(polygons) < 2:
        return tuple(polygons)
    edges = _edges(polygons)
    count = Counter(edges)
    if any(n > 1 for n in count.values()):
        return tuple(polygons)  # the same stretch twice in one direction: overlapping areas
    kept = [e for e in edges if (e[1], e[0]) not in count]
    if len(kept) == len(edges):
        return tuple(polygons)  # nothing shared: separate parts stay as they are
    rings = _chain(kept)
    if rings is None:
        return tuple(polygons)
    outers = [r for r in rings if signed_area(r) > 0]
    holes = [r for r in rings if signed_area(r) < 0]
    joined: list[list[Ring]] = [[r] for r in outers]
    for hole in holes:
        around = [p for p in joined if all(_inside(v, p[0]) for v in hole[:3])]
        if not around:
            return tuple(polygons)
        # the innermost outer ring around it (an island in a lake in an area)
        min(around, key=lambda p: abs(signed_area(p[0]))).append(hole)
    return tuple(tuple(p) for p in joined)


def inner_point(polygon: Polygon) -> Position | None:
    """A point inside a polygon (not in a hole): the middle of the widest stretch of a
    horizontal line through it, or None for a polygon without area."""
    ys = [y for _, y in polygon[0]]
    y = min(ys) + (max(ys) - min(ys)) * 0.5123  # off the middle: rarely through a vertex
    xs = sorted(
        x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        for ring in polygon
        for (x0, y0), (x1, y1) in itertools.pairwise(ring)
        if (y0 > y) != (y1 > y)
    )
    stretches = [(b - a, (a + b) / 2) for a, b in zip(xs[::2], xs[1::2], strict=False)]
    return (max(stretches)[1], y) if stretches and max(stretches)[0] > 0 else None


def _covers(polygon: Polygon, point: Position) -> bool:
    return _inside(point, polygon[0]) and not any(_inside(point, h) for h in polygon[1:])


def overlap(polygons: Sequence[Polygon], owners: Sequence[str]) -> tuple[int, int] | None:
    """Two polygons of different owners of which one lies (partly) on the other, if any.

    >>> big = (((0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)),)
    >>> part = (((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)),)
    >>> beside = (((4.0, 0.0), (5.0, 0.0), (5.0, 1.0), (4.0, 1.0), (4.0, 0.0)),)
    >>> overlap([big, beside], ["a", "b"]), overlap([big, beside, part], ["a", "b", "c"])
    (None, (0, 2))
    """
    boxes = []
    for polygon in polygons:
        xs, ys = [x for x, _ in polygon[0]], [y for _, y in polygon[0]]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    points = [inner_point(p) for p in polygons]
    for i, j in itertools.permutations(range(len(polygons)), 2):
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes[i], boxes[j]
        if owners[i] == owners[j] or ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0:
            continue
        point = points[j]
        if point is not None and _covers(polygons[i], point):
            return (min(i, j), max(i, j))
    return None
