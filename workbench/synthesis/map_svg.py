"""Choropleth maps of the districts as inline SVG: no tiles, no network, no plotly.

Boundaries (lon/lat, from :mod:`workbench.synthesis.geo`) are drawn with a simple
equirectangular projection, x scaled by the cosine of the mean latitude; without
boundaries each district is one square of a grid, labelled "schematisch". Every map
stands in a ``<figure class="wb-map">`` with its legend and a text alternative: a
sentence and a table with the same numbers. Shares use a sequential blue scale, an
indicator against the city value a diverging one (purple below, orange above the city =
100, as in the profile app). Everything from the data is escaped.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from workbench.core.formatting import format_number, format_percent
from workbench.synthesis.geo import Shape

if TYPE_CHECKING:
    from workbench.synthesis.profiles import Profiles

WIDTH = 480.0
PAD = 8.0
MISSING_FILL = "#d9d9d9"
MISSING_LABEL = "keine Angabe"
STROKE = "#1d2935"  # borders: dark against every fill (contrast ≥ 3:1)
SCHEMATIC = "schematisch"
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


@dataclass(frozen=True)
class Scale:
    """Classes of a map: upper bounds, colours and their legend labels."""

    colours: tuple[str, ...]
    labels: tuple[str, ...]
    breaks: tuple[float, ...]  # len(colours) - 1 upper bounds

    def colour(self, value: float | None) -> str:
        """The fill of ``value`` (grey when missing)."""
        return MISSING_FILL if _missing(value) else self.colours[self.klass(value)]

    def label(self, value: float | None) -> str:
        """The legend label of ``value``'s class."""
        return MISSING_LABEL if _missing(value) else self.labels[self.klass(value)]

    def klass(self, value: float) -> int:
        """The class index of a present value."""
        for n, upper in enumerate(self.breaks):
            if value < upper:
                return n
        return len(self.breaks)


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def share_scale(values: Sequence[float | None]) -> Scale:
    """Five equal classes from 0 to the largest share (rounded up to whole percent)."""
    present = [v for v in values if not _missing(v)]
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


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (relative luminance).

    >>> text_colour("#08519c"), text_colour("#eff3ff")
    ('#ffffff', '#000000')
    """
    channels = [int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#ffffff" if luminance < 0.18 else "#000000"


# -- geometry ------------------------------------------------------------------------------
def project_paths(shapes: Mapping[str, Shape]) -> tuple[dict[str, str], float]:
    """SVG path data per district and the drawing's height (width :data:`WIDTH`)."""
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

    def ring_d(ring: Sequence[tuple[float, float]]) -> str:
        xy = [f"{PAD + (x - x0) * k * scale:.1f},{PAD + (y0 - y) * scale:.1f}" for x, y in ring]
        return "M" + "L".join(xy) + "Z"

    paths = {
        d: "".join(ring_d(ring) for poly in shape for ring in poly) for d, shape in shapes.items()
    }
    return paths, round(height, 1)


def _legend(scale: Scale, top: float, has_missing: bool) -> tuple[str, float]:
    esc = html.escape
    items = list(zip(scale.colours, scale.labels, strict=True))
    if has_missing:
        items.append((MISSING_FILL, MISSING_LABEL))
    parts = []
    for n, (colour, label) in enumerate(items):
        y = top + n * 20
        parts.append(
            f'<rect x="{PAD}" y="{y:.1f}" width="18" height="14" fill="{colour}" '
            f'stroke="{STROKE}" stroke-width="0.8"/><text x="{PAD + 26}" y="{y + 11:.1f}" '
            f'font-size="12" fill="#1d2935">{esc(label)}</text>'
        )
    return "".join(parts), top + len(items) * 20


def _tiles(districts: Sequence[str]) -> tuple[dict[str, tuple[float, float]], float]:
    columns = max(1, math.ceil(math.sqrt(len(districts))))
    size = (WIDTH - 2 * PAD) / columns
    spots = {d: (PAD + (n % columns) * size, PAD + (n // columns) * size)
             for n, d in enumerate(districts)}  # fmt: skip
    rows = math.ceil(len(districts) / columns) if districts else 1
    return spots, rows * size + 2 * PAD


def _short(name: str, size: float) -> str:
    limit = max(3, int(size / 8))
    return name if len(name) <= limit else name[: limit - 1] + "…"


# -- the figure ----------------------------------------------------------------------------
def map_svg(
    title: str,
    values: Mapping[str, float | None],
    shapes: Mapping[str, Shape] | None,
    scale: Scale,
    fmt: Callable[[float | None], str] = format_number,
) -> str:
    """The map as one ``<svg>``: one path (or, schematic, one square) per district."""
    esc = html.escape
    drawn = {d: shapes[d] for d in values if shapes and d in shapes}
    schematic = not drawn
    body = []
    if schematic:
        spots, height = _tiles(list(values))
        size = (WIDTH - 2 * PAD) / max(1, math.ceil(math.sqrt(len(values))))
        for d, (x, y) in spots.items():
            fill, v = scale.colour(values[d]), values[d]
            label = f"{d}: {fmt(v) if not _missing(v) else MISSING_LABEL}"
            body.append(
                f'<g class="wb-map-area" data-district="{esc(d)}" aria-label="{esc(label)}">'
                f"<title>{esc(label)}</title>"
                f'<path d="M{x + 2:.1f},{y + 2:.1f}h{size - 4:.1f}v{size - 4:.1f}'
                f'h{4 - size:.1f}Z" fill="{fill}" stroke="{STROKE}" stroke-width="1"/>'
                f'<text x="{x + size / 2:.1f}" y="{y + size / 2 + 4:.1f}" font-size="12" '
                f'text-anchor="middle" fill="{text_colour(fill)}">'
                f"{esc(_short(d, size))}</text></g>"
            )
        body.append(
            f'<text x="{WIDTH - PAD}" y="{height + 12:.1f}" font-size="12" text-anchor="end" '
            f'fill="#1d2935">Schematische Darstellung: keine Grenzen hinterlegt</text>'
        )
        height += 16
    else:
        paths, height = project_paths(drawn)
        for d, path in paths.items():
            v = values[d]
            label = f"{d}: {fmt(v) if not _missing(v) else MISSING_LABEL}"
            body.append(
                f'<path class="wb-map-area" data-district="{esc(d)}" aria-label="{esc(label)}" '
                f'd="{path}" fill="{scale.colour(v)}" fill-rule="evenodd" stroke="{STROKE}" '
                f'stroke-width="1" stroke-linejoin="round"><title>{esc(label)}</title></path>'
            )
    missing = any(_missing(v) for v in values.values())
    legend, bottom = _legend(scale, height + 8, missing)
    kind = f"{SCHEMATIC}e Karte" if schematic else "Karte"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {bottom + PAD:.1f}" '
        f'role="img" aria-label="{esc(kind)}: {esc(title)}. Die Zahlen stehen in der Tabelle." '
        f'style="max-width:{WIDTH:.0f}px;width:100%;height:auto" '
        f'data-schematic="{str(schematic).lower()}">' + "".join(body) + legend + "</svg>"
    )


def value_text(percent: bool) -> Callable[[float | None], str]:
    """How a map's values are written: shares as percent, an index as a whole number."""

    def fmt(v: float | None) -> str:
        if _missing(v):
            return format_number(None)
        return format_percent(v) if percent else format_number(round(v))

    return fmt


def map_rows(values: Mapping[str, float | None], percent: bool) -> list[tuple[str, str, str]]:
    """The map's numbers as rows (district, value, legend class): its text alternative."""
    scale = share_scale(list(values.values())) if percent else INDEX_SCALE
    fmt = value_text(percent)
    return [(d, fmt(v), scale.label(v)) for d, v in values.items()]


def map_figure(
    key: str,
    title: str,
    values: Mapping[str, float | None],
    shapes: Mapping[str, Shape] | None,
    percent: bool = False,
    value_label: str = "Wert",
) -> str:
    """A map in its ``<figure>`` with caption, a sentence and the numbers as a table.

    ``percent``: values are shares (0–1, sequential scale); else an index against the
    city (Gesamtstadt = 100, diverging scale).
    """
    esc = html.escape
    scale = share_scale(list(values.values())) if percent else INDEX_SCALE
    fmt = value_text(percent)

    schematic = not (shapes and any(d in shapes for d in values))
    caption = f"{title} ({SCHEMATIC})" if schematic else title
    present = sorted(((v, d) for d, v in values.items() if not _missing(v)), reverse=True)
    sentence = []
    if present:
        top, low = present[0], present[-1]
        sentence.append(
            f"Höchster Wert: {esc(top[1])} ({fmt(top[0])}); niedrigster: "
            f"{esc(low[1])} ({fmt(low[0])})."
        )
    else:
        sentence.append("Für keinen Sozialraum liegt ein Wert vor.")
    if schematic:
        sentence.append(
            "Schematische Darstellung: ein Quadrat je Sozialraum, nicht ihre Lage "
            "(Grenzen mit „workbench map --import DATEI“)."
        )
    elif without := [d for d in values if d not in (shapes or {})]:
        sentence.append(f"Ohne hinterlegte Grenze: {esc(', '.join(without))}.")
    rows = "".join(
        f"<tr><td>{esc(d)}</td><td class='num'>{esc(v)}</td><td>{esc(level)}</td></tr>"
        for d, v, level in map_rows(values, percent)
    )
    table = (
        f"<table class='wb-table wb-map-table'><thead><tr><th>Sozialraum</th>"
        f"<th>{esc(value_label)}</th><th>Stufe</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return (
        f'<figure class="wb-map" id="wb-map-{esc(key)}" data-map="{esc(key)}">'
        f"<figcaption>{esc(caption)}</figcaption>"
        + map_svg(caption, values, shapes, scale, fmt)
        + f"<p class='wb-map-text'>{' '.join(sentence)}</p>"
        f"<details><summary>Zahlen der Karte</summary>{table}</details></figure>"
    )


# -- what the maps show (pure, from the profiles) ------------------------------------------
@dataclass(frozen=True)
class MapData:
    """One map's content: key, title, a value per district and how to read it."""

    key: str
    title: str
    values: dict[str, float | None]
    percent: bool
    value_label: str


def indicator_maps(table: pd.DataFrame, districts: Sequence[str]) -> list[MapData]:
    """Per indicator its latest comparable year: each district's index (Gesamtstadt = 100)."""
    maps = []
    comparable = table[table["index"].notna()] if not table.empty else table
    for indicator in sorted(set(comparable["indicator"])):
        own = comparable[comparable["indicator"] == indicator]
        year = int(own["year"].max())
        rows = {r.district: float(r.index) for r in own[own["year"] == year].itertuples()}
        maps.append(
            MapData(
                key=f"indikator-{len(maps) + 1}",
                title=f"{indicator} ({year}) im Verhältnis zur Gesamtstadt (= 100)",
                values={d: rows.get(d) for d in districts},
                percent=False,
                value_label="Index (Gesamtstadt = 100)",
            )
        )
    return maps


def need_share_maps(profiles: Profiles, limit: int = 1) -> list[MapData]:
    """For the first ``limit`` needs of the matrix: each district's share of its statements."""
    matrix, maps = profiles.need_matrix, []
    for row in matrix.head(limit).itertuples(index=False):
        record = row._asdict()
        values: dict[str, float | None] = {}
        for p in profiles.districts:
            count = matrix.loc[matrix["cluster"] == record["cluster"], p.district]
            values[p.district] = float(count.iloc[0]) / p.segments if p.segments else None
        maps.append(
            MapData(
                key=f"bedarf-{int(record['cluster'])}",
                title=f"Anteil der Aussagen zum Bedarf „{record['label']}“",
                values=values,
                percent=True,
                value_label="Anteil der Aussagen des Sozialraums",
            )
        )
    return maps


def profile_maps(profiles: Profiles) -> list[MapData]:
    """The maps of the city-wide overview: the first need's shares, then every indicator."""
    return [*need_share_maps(profiles), *indicator_maps(profiles.indicators, profiles.names)]
