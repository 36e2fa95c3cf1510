"""Choropleth maps of the districts as inline SVG: no tiles, no network, no plotly.

The layout — projection, tile grid, classes, colours, legend and the texts around a map —
comes from :mod:`workbench.synthesis.map_layout` (shared with the PNG of
:mod:`workbench.synthesis.map_png`); this module writes it as SVG. Every map stands in a
``<figure class="wb-map">`` with its legend and a text alternative: a sentence and a
table with the same numbers. Everything from the data is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from workbench.core.formatting import format_number
from workbench.synthesis.geo import Shape
from workbench.synthesis.map_layout import (
    CASING,
    CASING_WIDTH,
    INDEX_SCALE,
    INK,
    LEGEND_BOX,
    LINE_HEIGHT,
    NAME_SIZE,
    PAD,
    STROKE,
    WIDTH,
    MapLayout,
    NameTag,
    Point,
    Scale,
    alt_text,
    layout_map,
    map_caption,
    map_rows,
    map_scale,
    map_sentence,
    project,
    share_scale,
    text_colour,
    value_text,
)

if TYPE_CHECKING:
    from workbench.synthesis.profiles import Profiles

HALO_WIDTH = 2.4  # around a name, half of it outside the letters
NAME_FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

__all__ = [
    "INDEX_SCALE",
    "MapData",
    "Scale",
    "indicator_maps",
    "map_figure",
    "map_rows",
    "map_svg",
    "need_share_maps",
    "profile_maps",
    "project_paths",
    "share_scale",
    "table_region",
    "text_colour",
    "value_text",
]


def _ring_d(ring: Sequence[Point]) -> str:
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z"


def project_paths(shapes: Mapping[str, Shape]) -> tuple[dict[str, str], float]:
    """SVG path data per district and the drawing's height (width :data:`WIDTH`)."""
    projected, height = project(shapes)
    paths = {
        d: "".join(_ring_d(ring) for poly in polygons for ring in poly)
        for d, polygons in projected.items()
    }
    return paths, height


def _name_tag(tag: NameTag, fill: str) -> str:
    """A district's name on its area, black or white with a halo of the other colour."""
    colour = text_colour(fill)
    halo = "#000000" if colour == "#ffffff" else "#ffffff"
    x, y = tag.at
    size = "" if tag.size == NAME_SIZE else f' font-size="{tag.size:g}"'
    step = tag.size * LINE_HEIGHT
    first = y - step * (len(tag.lines) - 1) / 2 + tag.size * 0.35  # baseline of line one
    lines = "".join(
        f'<tspan x="{x:.1f}" y="{first + n * step:.1f}">{html.escape(line)}</tspan>'
        for n, line in enumerate(tag.lines)
    )
    return f'<text fill="{colour}" stroke="{halo}"{size}>{lines}</text>'


def _legend(layout: MapLayout) -> str:
    esc = html.escape
    box_w, box_h = LEGEND_BOX
    return "".join(
        f'<rect x="{PAD}" y="{item.top:.1f}" width="{box_w:g}" height="{box_h:g}" '
        f'fill="{item.colour}" stroke="{STROKE}" stroke-width="0.8"/><text x="{PAD + 26}" '
        f'y="{item.top + 11:.1f}" font-size="12" fill="{INK}">{esc(item.label)}</text>'
        for item in layout.legend
    )


# -- the figure ----------------------------------------------------------------------------
def map_svg(
    title: str,
    values: Mapping[str, float | None],
    shapes: Mapping[str, Shape] | None,
    scale: Scale,
    fmt: Callable[[float | None], str] = format_number,
    links: Mapping[str, str] | None = None,
) -> str:
    """The map as one ``<svg>``: one path (or, schematic, one square) per district.

    ``links`` (district → relative URL): each district's area is a link to that page
    (the site's overview); the drawing is then a labelled group of links, not one image.
    """
    esc = html.escape
    layout = layout_map(values, shapes, scale, fmt)
    links = links or {}
    body: list[str] = []
    borders: list[str] = []
    names: list[str] = []

    def linked(district: str, label: str, element: str) -> str:
        """``element`` inside a link to the district's page, named by its label."""
        if district not in links:
            return element
        return (
            f'<a class="wb-map-link" href="{esc(links[district])}" aria-label="{label}">'
            f"{element}</a>"
        )

    for area in layout.areas:
        d, label, fill = esc(area.district), esc(area.label), area.fill
        if area.tile is not None:
            x, y, size = area.tile
            cx, cy = area.name_at
            body.append(
                linked(
                    area.district,
                    label,
                    f'<g class="wb-map-area" data-district="{d}" aria-label="{label}">'
                    f"<title>{label}</title>"
                    f'<path d="M{x + 2:.1f},{y + 2:.1f}h{size - 4:.1f}v{size - 4:.1f}'
                    f'h{4 - size:.1f}Z" fill="{fill}" stroke="{STROKE}" stroke-width="1"/>'
                    f'<text x="{cx:.1f}" y="{cy + 4:.1f}" font-size="12" '
                    f'text-anchor="middle" fill="{text_colour(fill)}">'
                    f"{esc(area.name)}</text></g>",
                )
            )
        else:
            # the area's own stroke is the light casing of the border drawn over all areas
            path = "".join(_ring_d(ring) for ring in area.rings)
            borders.append(path)
            body.append(
                linked(
                    area.district,
                    label,
                    f'<path class="wb-map-area" data-district="{d}" aria-label="{label}" '
                    f'd="{path}" fill="{fill}" fill-rule="evenodd" stroke="{CASING}" '
                    f'stroke-width="{CASING_WIDTH:g}" stroke-linejoin="round">'
                    f"<title>{label}</title></path>",
                )
            )
            if area.tag is not None:
                names.append(_name_tag(area.tag, fill))
    if borders:  # one dark line over the casings: readable between two dark areas too
        body.append(
            f'<path class="wb-map-borders" d="{"".join(borders)}" fill="none" '
            f'stroke="{STROKE}" stroke-width="1" stroke-linejoin="round" '
            f'pointer-events="none" aria-hidden="true"/>'
        )
    if names:  # over everything; hovering a name still shows its area's title
        body.append(
            f'<g class="wb-map-names" font-size="{NAME_SIZE:g}" text-anchor="middle" '
            f'font-family="{NAME_FONT}" stroke-width="{HALO_WIDTH:g}" stroke-linejoin="round" '
            f'paint-order="stroke" pointer-events="none" aria-hidden="true">'
            + "".join(names)
            + "</g>"
        )
    if layout.note is not None:
        text, baseline = layout.note
        body.append(
            f'<text x="{WIDTH - PAD}" y="{baseline:.1f}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{esc(text)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {layout.height:.1f}" '
        f'role="{"group" if links else "img"}" '
        f'aria-label="{esc(alt_text(title, layout.schematic))}" '
        f'style="max-width:{WIDTH:.0f}px;width:100%;height:auto" '
        f'data-schematic="{str(layout.schematic).lower()}">'
        + "".join(body)
        + _legend(layout)
        + "</svg>"
    )


def table_region(table: str, label: str) -> str:
    """A wide table in its own box that scrolls sideways on a phone instead of the page: a
    named region a keyboard reaches (and scrolls with the arrow keys).

    >>> table_region("<table></table>", "Daten: <Bedarfe>")[-70:]
    'tabindex="0" aria-label="Daten: &lt;Bedarfe&gt;"><table></table></div>'
    """
    name = html.escape(label)
    return f'<div class="wb-scroll" role="region" tabindex="0" aria-label="{name}">{table}</div>'


def map_figure(
    key: str,
    title: str,
    values: Mapping[str, float | None],
    shapes: Mapping[str, Shape] | None,
    percent: bool = False,
    value_label: str = "Wert",
    links: Mapping[str, str] | None = None,
) -> str:
    """A map in its ``<figure>`` with caption, a sentence and the numbers as a table.

    ``percent``: values are shares (0–1, sequential scale); else an index against the
    city (Gesamtstadt = 100, diverging scale). ``links``: see :func:`map_svg`.
    """
    esc = html.escape
    caption = map_caption(title, values, shapes)
    rows = "".join(
        f"<tr><th scope='row'>{esc(d)}</th><td class='num'>{esc(v)}</td><td>{esc(level)}</td></tr>"
        for d, v, level in map_rows(values, percent)
    )
    table = (
        f"<table class='wb-table wb-map-table'><thead><tr><th scope='col'>Sozialraum</th>"
        f"<th scope='col'>{esc(value_label)}</th><th scope='col'>Stufe</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    scale, fmt = map_scale(values, percent), value_text(percent)
    svg = map_svg(caption, values, shapes, scale, fmt, links)
    return (
        f'<figure class="wb-map" id="wb-map-{esc(key)}" data-map="{esc(key)}">'
        f"<figcaption>{esc(caption)}</figcaption>"
        + svg
        + f"<p class='wb-map-text'>{esc(map_sentence(values, shapes, percent))}</p>"
        "<details><summary>Zahlen der Karte</summary>"
        + table_region(table, f"Zahlen der Karte: {caption}")
        + "</details></figure>"
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
