"""The layout of a district map, shared by the SVG (:mod:`.map_svg`) and the PNG (:mod:`.map_png`).

Boundaries (lon/lat, from :mod:`workbench.synthesis.geo`) are drawn with a simple
equirectangular projection, x scaled by the cosine of the mean latitude, into a drawing
:data:`WIDTH` units wide; without boundaries each district is one square of a grid,
labelled "schematisch". :func:`layout_map` places every area (rings, fill, label, where its
name goes), the legend and the schematic note in drawing units; the renderers only draw
it. The texts around a map come from here too: its caption, a sentence with the extremes
and the numbers as rows (the text alternative). Shares use a sequential blue scale, an
indicator against the city value a diverging one (purple below, orange above the city =
100, as in the profile app).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from workbench.core.formatting import format_number, format_percent
from workbench.synthesis.geo import Shape

WIDTH = 480.0
PAD = 8.0
MISSING_FILL = "#d9d9d9"
MISSING_LABEL = "keine Angabe"
# Borders: a dark line (contrast ≥ 3:1 against every fill but the darkest of each scale,
# #08519c and #5e3c99: 1.9:1) cased in white on both sides, so that the border between two
# areas of the darkest class reads as well (white against them: ≥ 7:1).
STROKE = "#1d2935"
CASING = "#ffffff"
CASING_WIDTH = 2.6  # the casing's full width: 0.8 units of white each side of the line
INK = "#1d2935"  # legend and note text
SCHEMATIC = "schematisch"
SCHEMATIC_NOTE = "Schematische Darstellung: keine Grenzen hinterlegt"
FONT_SIZE = 12.0  # legend, note and tile names, in drawing units
NAME_SIZE = 11.0  # district names on boundaries, in drawing units
MIN_NAME_SIZE = 8.0  # names are made smaller down to this size, then left off (PNG: cut)
# An SVG cannot measure its text: a name is taken as this many font sizes wide per letter
# (DejaVu Sans and Arial average 0.5–0.55), its line as 1.2 font sizes high.
LETTER_WIDTH = 0.6
LINE_HEIGHT = 1.2
LEGEND_BOX = (18.0, 14.0)  # width, height of a legend swatch
LEGEND_STEP = 20.0  # from one legend row to the next
TOLERANCE = 0.3  # boundary points closer than this to the line of their neighbours go
# ColorBrewer Blues (5) and PuOr (5): distinguishable in print and for colour-blind readers.
SHARE_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
INDEX_COLOURS = ("#5e3c99", "#b2abd2", "#f7f7f7", "#fdb863", "#e66101")
INDEX_BREAKS = (80.0, 95.0, 105.0, 120.0)  # Gesamtstadt = 100
INDEX_LABELS = (
    "unter 80",
    "80 bis unter 95",
    "95 bis unter 105 (etwa wie Gesamtstadt)",
    "105 bis unter 120",
    "120 und mehr",
)

Point = tuple[float, float]
Rings = tuple[tuple[Point, ...], ...]  # a polygon: outer ring, then holes (drawing units)


def is_missing(value: float | None) -> bool:
    """Whether a map value is absent (None or NaN).

    >>> is_missing(None), is_missing(float("nan")), is_missing(0.0)
    (True, True, False)
    """
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class Scale:
    """Classes of a map: upper bounds, colours and their legend labels."""

    colours: tuple[str, ...]
    labels: tuple[str, ...]
    breaks: tuple[float, ...]  # len(colours) - 1 upper bounds

    def colour(self, value: float | None) -> str:
        """The fill of ``value`` (grey when missing)."""
        return MISSING_FILL if is_missing(value) else self.colours[self.klass(value)]

    def label(self, value: float | None) -> str:
        """The legend label of ``value``'s class."""
        return MISSING_LABEL if is_missing(value) else self.labels[self.klass(value)]

    def klass(self, value: float) -> int:
        """The class index of a present value."""
        for n, upper in enumerate(self.breaks):
            if value < upper:
                return n
        return len(self.breaks)


def share_scale(values: Sequence[float | None]) -> Scale:
    """Five equal classes from 0 to the largest share (rounded up to whole percent)."""
    present = [v for v in values if not is_missing(v)]
    top = max(present, default=0.0)
    step = max(math.ceil(top * 100 / 5), 1) / 100
    breaks = tuple(round(step * n, 4) for n in range(1, 5))
    bounds = (0.0, *breaks, step * 5)
    labels = [
        f"{format_percent(lo, 0)} bis unter {format_percent(hi, 0)}"
        for lo, hi in itertools.pairwise(bounds[:5])
    ]
    labels.append(f"{format_percent(bounds[4], 0)} und mehr")
    return Scale(SHARE_COLOURS, tuple(labels), breaks)


INDEX_SCALE = Scale(INDEX_COLOURS, INDEX_LABELS, INDEX_BREAKS)


def map_scale(values: Mapping[str, float | None], percent: bool) -> Scale:
    """A map's scale: shares (``percent``) in five equal classes, else the index classes."""
    return share_scale(list(values.values())) if percent else INDEX_SCALE


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (relative luminance).

    >>> text_colour("#08519c"), text_colour("#eff3ff")
    ('#ffffff', '#000000')
    """
    channels = [int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#ffffff" if luminance < 0.18 else "#000000"


def value_text(percent: bool) -> Callable[[float | None], str]:
    """How a map's values are written: shares as percent, an index as a whole number."""

    def fmt(v: float | None) -> str:
        if is_missing(v):
            return format_number(None)
        return format_percent(v) if percent else format_number(round(v))

    return fmt


def map_rows(values: Mapping[str, float | None], percent: bool) -> list[tuple[str, str, str]]:
    """The map's numbers as rows (district, value, legend class): its text alternative."""
    scale = map_scale(values, percent)
    fmt = value_text(percent)
    return [(d, fmt(v), scale.label(v)) for d, v in values.items()]


# -- the texts around a map ----------------------------------------------------------------
def is_schematic(values: Mapping[str, float | None], shapes: Mapping[str, Shape] | None) -> bool:
    """Whether the map is a tile grid: no district of ``values`` has a boundary."""
    return not (shapes and any(d in shapes for d in values))


def map_caption(
    title: str, values: Mapping[str, float | None], shapes: Mapping[str, Shape] | None
) -> str:
    """The map's caption: its title, marked "(schematisch)" for a tile map."""
    return f"{title} ({SCHEMATIC})" if is_schematic(values, shapes) else title


def alt_text(caption: str, schematic: bool) -> str:
    """The short text alternative of the drawing itself (the numbers stand beside it)."""
    kind = f"{SCHEMATIC.capitalize()}e Karte" if schematic else "Karte"
    return f"{kind}: {caption}. Die Zahlen stehen in der Tabelle."


def map_sentence(
    values: Mapping[str, float | None], shapes: Mapping[str, Shape] | None, percent: bool
) -> str:
    """The map in words: highest and lowest district, what is schematic or without boundary.

    >>> map_sentence({"Manfort": 0.25, "Opladen": None}, {"Manfort": ()}, percent=True)
    'Wert nur für Manfort (25,0 %). Ohne hinterlegte Grenze: Opladen.'
    """
    fmt = value_text(percent)
    present = sorted(((v, d) for d, v in values.items() if not is_missing(v)), reverse=True)
    sentence = []
    if len(present) == 1:  # one district (a neighbourhood study): no highest and lowest
        sentence.append(f"Wert nur für {present[0][1]} ({fmt(present[0][0])}).")
    elif present:
        top, low = present[0], present[-1]
        sentence.append(
            f"Höchster Wert: {top[1]} ({fmt(top[0])}); niedrigster: {low[1]} ({fmt(low[0])})."
        )
    else:
        sentence.append("Für keinen Sozialraum liegt ein Wert vor.")
    if is_schematic(values, shapes):
        # readers' text (app, site, alt text): how to import borders is the team's
        # business (README, the report's map section), no command here
        sentence.append("Schematische Darstellung: ein Quadrat je Sozialraum, nicht ihre Lage.")
    elif without := [d for d in values if d not in (shapes or {})]:
        sentence.append(f"Ohne hinterlegte Grenze: {', '.join(without)}.")
    return " ".join(sentence)


# -- geometry ------------------------------------------------------------------------------
def project(shapes: Mapping[str, Shape]) -> tuple[dict[str, tuple[Rings, ...]], float]:
    """Each district's polygons in drawing units (width :data:`WIDTH`) and the map's height."""
    points = [p for s in shapes.values() for poly in s for ring in poly for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * k, 1e-9)
    span_y = max(max(lats) - min(lats), 1e-9)
    scale = (WIDTH - 2 * PAD) / span_x
    height = span_y * scale + 2 * PAD
    if height > WIDTH * 1.4:  # a tall area: fit the height instead
        scale = (WIDTH * 1.4 - 2 * PAD) / span_y
        height = WIDTH * 1.4
    x0, y0 = min(lons), max(lats)

    def raw_xy(ring: Sequence[tuple[float, float]]) -> tuple[Point, ...]:
        return tuple((PAD + (x - x0) * k * scale, PAD + (y0 - y) * scale) for x, y in ring)

    def ring_xy(ring: Sequence[tuple[float, float]]) -> tuple[Point, ...]:
        return simplify(raw_xy(ring))

    projected = {}
    for d, shape in shapes.items():
        polygons = []
        for poly in shape:
            rings = [ring_xy(ring) for ring in poly]
            if len(rings[0]) >= 4:  # an islet smaller than the tolerance is left out
                polygons.append((rings[0], *(hole for hole in rings[1:] if len(hole) >= 4)))
        # a district smaller than the tolerance keeps its points, not nothing
        projected[d] = tuple(polygons) or tuple(tuple(map(raw_xy, poly)) for poly in shape)
    return projected, round(height, 1)


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    """The distance of ``p`` from the segment ``a``–``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    )
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def simplify(ring: Sequence[Point], tolerance: float = TOLERANCE) -> tuple[Point, ...]:
    """A closed ring with the points a reader cannot see left out (Douglas–Peucker).

    Boundaries from a geoportal have a point every metre; at map scale hundreds fall on
    one pixel and made each map on a page as large as the file. Points closer than
    ``tolerance`` drawing units to the line through their neighbours go; the ring stays
    closed (first point = last point).

    >>> simplify([(0, 0), (5, 0.1), (10, 0), (10, 10), (0, 10), (0, 0)])
    ((0, 0), (10, 0), (10, 10), (0, 10), (0, 0))
    """
    if len(ring) < 5:
        return tuple(ring)
    near = [ring[0]]  # first, in one pass: points within the tolerance of the last kept one
    for point in ring[1:-1]:
        if math.dist(point, near[-1]) > tolerance:
            near.append(point)
    ring = [*near, ring[-1]]
    if len(ring) < 5:
        return tuple(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    # a closed ring has no line from first to last point: split at the farthest point
    far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        index, distance = first, 0.0
        for i in range(first + 1, last):
            d = _segment_distance(ring[i], ring[first], ring[last])
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return tuple(p for p, kept in zip(ring, keep, strict=True) if kept)


def _ring_area(ring: Sequence[Point]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2


def _crossings(ring: Sequence[Point], y: float) -> list[float]:
    """Where the horizontal line at ``y`` crosses the ring (half-open edges: no doubles)."""
    xs = []
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 <= y < y1) or (y1 <= y < y0):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return xs


def label_point(polygons: Sequence[Rings]) -> tuple[Point, float]:
    """Where a district's name goes (inside its largest polygon) and the width of room there.

    Horizontal lines through the polygon, from the middle outwards; the widest stretch
    inside (holes left out), slightly preferring central lines, gives the point.

    >>> label_point([(((0, 0), (10, 0), (10, 4), (0, 4), (0, 0)),)])
    ((5.0, 2.0), 10.0)
    """
    polygon = max(polygons, key=lambda p: _ring_area(p[0]) - sum(_ring_area(h) for h in p[1:]))
    xs, ys = [x for x, _ in polygon[0]], [y for _, y in polygon[0]]
    best = (((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2), 0.0)
    score = 0.0
    for f in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        y = min(ys) + (max(ys) - min(ys)) * f
        cuts = sorted(x for ring in polygon for x in _crossings(ring, y))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            if (b - a) * (1 - abs(f - 0.5)) > score:
                score = (b - a) * (1 - abs(f - 0.5))
                best = (((a + b) / 2, y), b - a)
    return best


def _hits_box(a: Point, b: Point, box: tuple[float, float, float, float]) -> bool:
    """Whether the segment ``a``–``b`` touches the box (left, top, right, bottom)."""
    left, top, right, bottom = box
    if max(a[0], b[0]) < left or min(a[0], b[0]) > right:
        return False
    if max(a[1], b[1]) < top or min(a[1], b[1]) > bottom:
        return False
    t0, t1 = 0.0, 1.0  # Liang–Barsky: clip the segment's parameter range to the box
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            t0 = max(t0, q / p)
        else:
            t1 = min(t1, q / p)
        if t0 > t1:
            return False
    return True


@dataclass(frozen=True)
class NameTag:
    """A district's name drawn inside its area: the lines, their centre and font size."""

    lines: tuple[str, ...]
    at: Point
    size: float


def _name_lines(name: str) -> list[tuple[str, ...]]:
    """The name on one line, then split in two after a hyphen or at a space near its middle."""
    options = [(name,)]
    cuts = [i + 1 for i, c in enumerate(name) if c == "-"] + [
        i for i, c in enumerate(name) if c == " "
    ]
    if cuts := [i for i in cuts if 0 < i < len(name)]:
        cut = min(cuts, key=lambda i: abs(len(name) / 2 - i))
        options.append((name[:cut].strip(), name[cut:].strip()))
    return options


def fit_name(rings: Rings, name: str) -> NameTag | None:
    """Where the name fits inside the area (even-odd rings), largest size first; else None.

    Candidates are the middles of the stretches inside the area along horizontal lines,
    central and wide ones first; a candidate is taken when no border crosses the box the
    name needs (:data:`LETTER_WIDTH`, :data:`LINE_HEIGHT`). A name that fits nowhere, not
    even at :data:`MIN_NAME_SIZE` or on two lines, is left off: hover and table name it.

    >>> fit_name((((0, 0), (100, 0), (100, 30), (0, 30), (0, 0)),), "Manfort")
    NameTag(lines=('Manfort',), at=(50.0, 15.0), size=11.0)
    >>> fit_name((((0, 0), (20, 0), (20, 30), (0, 30), (0, 0)),), "Manfort") is None
    True
    """
    xs, ys = [x for r in rings for x, _ in r], [y for r in rings for _, y in r]
    if not xs:
        return None
    candidates = []
    for n in range(1, 40):
        f = n / 40
        y = min(ys) + (max(ys) - min(ys)) * f
        cuts = sorted(x for ring in rings for x in _crossings(ring, y))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            candidates.append(((b - a) * (1 - abs(f - 0.5)), b - a, ((a + b) / 2, y)))
    candidates.sort(key=lambda c: -c[0])
    edges = [e for ring in rings for e in itertools.pairwise(ring)]
    size = NAME_SIZE
    while size >= MIN_NAME_SIZE:
        for lines in _name_lines(name):
            half_w = max(len(line) for line in lines) * size * LETTER_WIDTH / 2
            half_h = len(lines) * size * LINE_HEIGHT / 2
            for _, stretch, (x, y) in candidates:
                if stretch < 2 * half_w:  # narrower than the name: a border crosses it
                    continue
                box = (x - half_w, y - half_h, x + half_w, y + half_h)
                if not any(_hits_box(a, b, box) for a, b in edges):
                    return NameTag(lines, (round(x, 1), round(y, 1)), size)
        size -= 1
    return None


def tiles(districts: Sequence[str]) -> tuple[dict[str, tuple[float, float]], float, float]:
    """The schematic grid: each district's square (top left), the squares' side, the height."""
    columns = max(1, math.ceil(math.sqrt(len(districts))))
    size = (WIDTH - 2 * PAD) / columns
    spots = {d: (PAD + (n % columns) * size, PAD + (n // columns) * size)
             for n, d in enumerate(districts)}  # fmt: skip
    rows = math.ceil(len(districts) / columns) if districts else 1
    return spots, size, rows * size + 2 * PAD


def short_name(name: str, size: float) -> str:
    """A district's name cut to fit a square of side ``size`` (with "…").

    >>> short_name("Steinbüchel", 40.0)
    'Stei…'
    """
    limit = max(3, int(size / 8))
    return name if len(name) <= limit else name[: limit - 1] + "…"


# -- the whole map -------------------------------------------------------------------------
@dataclass(frozen=True)
class Area:
    """One district on the map: rings (even-odd fill), fill, label and where its name goes."""

    district: str
    fill: str
    label: str  # "Manfort: 130": tooltip and screen-reader label
    rings: Rings  # every ring of every polygon, in drawing units
    name: str  # the name drawn on the area (shortened on a tile)
    name_at: Point  # the name's centre
    room: float  # the width available for the name
    tile: tuple[float, float, float] | None = None  # a schematic square: x, y, side
    tag: NameTag | None = None  # the name inside a boundary, where it fits (SVG and PNG)


@dataclass(frozen=True)
class LegendItem:
    """One legend row: swatch colour, label and the row's top (x is :data:`PAD`)."""

    colour: str
    label: str
    top: float


@dataclass(frozen=True)
class MapLayout:
    """A whole map in drawing units, :data:`WIDTH` wide."""

    areas: tuple[Area, ...]
    schematic: bool
    legend: tuple[LegendItem, ...]
    note: tuple[str, float] | None  # the schematic note, right-aligned, and its baseline
    height: float  # of the whole drawing, legend included


def _legend(scale: Scale, top: float, has_missing: bool) -> tuple[tuple[LegendItem, ...], float]:
    items = list(zip(scale.colours, scale.labels, strict=True))
    if has_missing:
        items.append((MISSING_FILL, MISSING_LABEL))
    rows = tuple(LegendItem(c, label, top + n * LEGEND_STEP) for n, (c, label) in enumerate(items))
    return rows, top + len(items) * LEGEND_STEP


def layout_map(
    values: Mapping[str, float | None],
    shapes: Mapping[str, Shape] | None,
    scale: Scale,
    fmt: Callable[[float | None], str] = format_number,
) -> MapLayout:
    """Place the map: one area per district with a boundary, else one square per district."""
    drawn = {d: shapes[d] for d in values if shapes and d in shapes}
    areas: list[Area] = []
    note = None

    def label(d: str) -> str:
        v = values[d]
        return f"{d}: {fmt(v) if not is_missing(v) else MISSING_LABEL}"

    if not drawn:
        spots, size, height = tiles(list(values))
        for d, (x, y) in spots.items():
            square = ((x + 2, y + 2), (x + size - 2, y + 2), (x + size - 2, y + size - 2),
                      (x + 2, y + size - 2), (x + 2, y + 2))  # fmt: skip
            centre = (x + size / 2, y + size / 2)
            fill = scale.colour(values[d])
            tile = (x, y, size)
            name = short_name(d, size)
            areas.append(Area(d, fill, label(d), (square,), name, centre, size - 4, tile))
        note = (SCHEMATIC_NOTE, height + 12)
        height += 16
    else:
        projected, height = project(drawn)
        for d, polygons in projected.items():
            at, room = label_point(polygons)
            rings = tuple(ring for poly in polygons for ring in poly)
            tag = fit_name(rings, d)
            areas.append(Area(d, scale.colour(values[d]), label(d), rings, d, at, room, tag=tag))
    # "keine Angabe" only for a grey area on the map, not for a district without boundary
    missing = any(is_missing(values[a.district]) for a in areas)
    legend, bottom = _legend(scale, height + 8, missing)
    return MapLayout(tuple(areas), not drawn, legend, note, bottom + PAD)
