"""Choropleth maps of the districts as PNG (Pillow), for documents that cannot hold SVG (DOCX).

Draws the same layout as the SVG (:mod:`workbench.synthesis.map_layout`: projection, tile
grid, classes, colours, legend, the "schematisch" note, the names inside the areas where
they fit). Anti-aliased by supersampling: drawn :data:`SUPERSAMPLE` times larger, then
reduced with a box filter, so the inside of an area keeps its exact class colour. Text
uses DejaVu Sans or Liberation Sans where installed (Debian: fonts-dejavu-core), else
Pillow's built-in font with umlauts spelt out. The same input gives the same bytes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.word_caches import fixed_cache
from workbench.synthesis.geo import Shape
from workbench.synthesis.map_layout import (
    CASING,
    CASING_WIDTH,
    FONT_SIZE,
    INK,
    LEGEND_BOX,
    LINE_HEIGHT,
    MIN_NAME_SIZE,
    PAD,
    STROKE,
    WIDTH,
    Area,
    MapLayout,
    Point,
    layout_map,
    map_scale,
    text_colour,
    value_text,
)

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

SCALE = 2.0  # image pixels per drawing unit: the 480-unit map becomes 960 pixels wide
SUPERSAMPLE = 3  # drawn this many times larger, then reduced (anti-aliasing)
DPI = 192  # 96 × SCALE: at its natural size the image is as wide as the SVG in a browser
FONT_FILES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf")
# Pillow's built-in font has no umlauts, German quotes or dashes: spelt out instead.
_PLAIN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
     "„": '"', "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."}
)  # fmt: skip


@fixed_cache("a font file")
@functools.cache
def _font_path() -> str | None:
    """The first of :data:`FONT_FILES` that Pillow finds (system font folders), if any."""
    from PIL import ImageFont

    for name in FONT_FILES:
        try:
            return str(ImageFont.truetype(name, 10).path)
        except OSError:
            continue
    return None


@fixed_cache("fonts by size")
@functools.cache
def _font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    path = _font_path()
    return ImageFont.truetype(path, pixels) if path else ImageFont.load_default(pixels)


def _text(text: str) -> str:
    """``text`` as the font can draw it (umlauts spelt out for Pillow's built-in font)."""
    return text if _font_path() else text.translate(_PLAIN)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _fill_area(image: Image.Image, area: Area, f: float) -> None:
    """Fill the area's rings even-odd (holes stay open, as SVG's ``fill-rule="evenodd"``)."""
    from PIL import Image, ImageChops, ImageDraw

    points = [(x * f, y * f) for ring in area.rings for x, y in ring]
    left = max(0, int(min(x for x, _ in points)) - 1)
    top = max(0, int(min(y for _, y in points)) - 1)
    right = min(image.width, int(max(x for x, _ in points)) + 2)
    bottom = min(image.height, int(max(y for _, y in points)) + 2)
    if right <= left or bottom <= top:
        return
    mask = Image.new("1", (right - left, bottom - top), 0)
    for ring in area.rings:
        one = Image.new("1", mask.size, 0)
        ImageDraw.Draw(one).polygon([(x * f - left, y * f - top) for x, y in ring], fill=1)
        mask = ImageChops.logical_xor(mask, one)
    image.paste(_rgb(area.fill), (left, top, right, bottom), mask)


def _outline(
    draw: ImageDraw.ImageDraw,
    ring: Sequence[Point],
    f: float,
    colour: str = STROKE,
    width: float = 1,
) -> None:
    points = [(x * f, y * f) for x, y in ring]
    if len(points) > 1:  # one more point closes the first corner round as well
        draw.line([*points, points[1]], fill=colour, width=max(1, round(width * f)), joint="curve")


def _fitted(
    draw: ImageDraw.ImageDraw, name: str, room: float, size: float, f: float
) -> tuple[Any, str]:
    """The font and text of a name, made smaller and then shortened (…) to fit ``room``."""
    text = _text(name)
    while True:
        font = _font(max(1, round(size * f)))
        if draw.textlength(text, font=font) <= room * f or size <= MIN_NAME_SIZE:
            break
        size -= 1
    cut = len(name)
    while draw.textlength(text, font=font) > room * f and cut > 3:
        cut -= 1
        text = _text(name[: cut - 1] + "…")
    return font, text


def _name(draw: ImageDraw.ImageDraw, area: Area, f: float) -> None:
    on_tile = area.tile is not None
    if area.tag is not None:  # where the SVG writes it: inside the area, clear of borders
        tag, colour = area.tag, text_colour(area.fill)
        font = _font(round(tag.size * f))
        x, first = tag.at[0], tag.at[1] - tag.size * LINE_HEIGHT * (len(tag.lines) - 1) / 2
        for n, line in enumerate(tag.lines):
            at = (x * f, (first + n * tag.size * LINE_HEIGHT) * f)
            halo = {"stroke_width": round(f), "stroke_fill": area.fill}
            draw.text(at, _text(line), fill=colour, font=font, anchor="mm", **halo)
        return
    if not on_tile:  # a name that fits nowhere in its area is left off, as in the SVG: cut
        return  # short and laid over the borders it ran into a neighbour's area in print
    font, text = _fitted(draw, area.name, area.room, FONT_SIZE, f)
    x, y = area.name_at
    draw.text((x * f, y * f), text, fill=text_colour(area.fill), font=font, anchor="mm")


@fixed_cache("map layouts: districts and pseudonymised labels, no raw text")
@functools.lru_cache(maxsize=16)  # a report drawn again (another format, a re-export)
def render_png(layout: MapLayout, scale: float = SCALE, supersample: int = SUPERSAMPLE) -> bytes:
    """The laid-out map as PNG bytes, ``scale`` pixels per drawing unit."""
    from PIL import Image, ImageDraw

    size = (round(WIDTH * scale), round(layout.height * scale))
    f = scale * supersample
    image = Image.new("RGB", (size[0] * supersample, size[1] * supersample), "#ffffff")
    draw = ImageDraw.Draw(image)
    for area in layout.areas:  # in order, each area's light casing over its fill, as in the SVG
        _fill_area(image, area, f)
        for ring in area.rings:
            if area.tile is None:
                _outline(draw, ring, f, CASING, CASING_WIDTH)
            else:
                _outline(draw, ring, f)
    for area in layout.areas:  # then the dark borders over all casings
        for ring in area.rings if area.tile is None else ():
            _outline(draw, ring, f)
    for area in layout.areas:
        _name(draw, area, f)
    font = _font(round(FONT_SIZE * f))
    if layout.note is not None:
        text, baseline = layout.note
        draw.text(((WIDTH - PAD) * f, baseline * f), _text(text), fill=INK, font=font, anchor="rs")
    box_w, box_h = LEGEND_BOX
    for item in layout.legend:
        box = (PAD * f, item.top * f, (PAD + box_w) * f, (item.top + box_h) * f)
        draw.rectangle(box, fill=item.colour, outline=STROKE, width=max(1, round(0.8 * f)))
        at = ((PAD + 26) * f, (item.top + 11) * f)
        draw.text(at, _text(item.label), fill=INK, font=font, anchor="ls")
    small = image.resize(size, Image.Resampling.BOX)
    out = io.BytesIO()
    small.save(out, format="PNG", dpi=(DPI, DPI), compress_level=3)  # fast, a bit larger
    return out.getvalue()


def map_png(
    values: Mapping[str, float | None],
    shapes: Mapping[str, Shape] | None,
    percent: bool = False,
    scale: float = SCALE,
) -> bytes:
    """The map of ``values`` as PNG: the same areas, colours and legend as its SVG.

    ``percent``: values are shares (0–1, sequential scale); else an index against the
    city (Gesamtstadt = 100, diverging scale). Without a boundary for any district of
    ``values`` the map is the schematic tile grid, with its "Schematische Darstellung" note.
    """
    layout = layout_map(values, shapes, map_scale(values, percent), value_text(percent))
    return render_png(layout, scale)
