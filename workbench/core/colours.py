"""Colour contrast as WCAG 2.1 defines it: text that reads on any coloured background.

The apps and the published site shade table cells and fill code buttons with colours;
:func:`readable_text` picks black or white text for such a background so that the
contrast is at least 4.5:1 (WCAG 1.4.3, level AA). One of the two always reaches 4.58:1.
"""

from __future__ import annotations

RGB = tuple[float, float, float]
BLACK, WHITE = "#000000", "#ffffff"
MIN_CONTRAST = 4.5  # WCAG 1.4.3 for normal text
MIN_OUTLINE = 3.0  # WCAG 1.4.11: the boundary of a control against what is around it


def _channel(value: float) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: RGB) -> float:
    """WCAG's relative luminance of an sRGB colour (0 black … 1 white)."""
    r, g, b = (_channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as a triple.

    >>> rgb("#1f4e8c")
    (31, 78, 140)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def blend(colour: RGB, alpha: float) -> RGB:
    """``colour`` with opacity ``alpha`` over white, as the browser paints it."""
    r, g, b = (255 * (1 - alpha) + c * alpha for c in colour)
    return r, g, b


def contrast_ratio(one: RGB, other: RGB) -> float:
    """WCAG's contrast ratio of two colours (1 … 21).

    >>> round(contrast_ratio(rgb("#777777"), rgb("#ffffff")), 2)
    4.48
    """
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_text(background: RGB) -> str:
    """Black or white, whichever has the higher contrast on ``background``.

    >>> readable_text(rgb("#b08968")), readable_text(rgb("#1d3557"))
    ('#000000', '#ffffff')
    """
    on_black = contrast_ratio(background, (0, 0, 0))
    on_white = contrast_ratio(background, (255, 255, 255))
    return BLACK if on_black >= on_white else WHITE


def outline(colour: str) -> str:
    """``colour`` as the outline of a control on white: itself if it stands out at least
    3:1 (WCAG 1.4.11), else darkened (mixed with black) just enough that it does; a
    yellow or white code colour would leave its button without a visible edge.

    >>> outline("#1d3557"), outline("#ffff00"), outline("#ffffff")
    ('#1d3557', '#999900', '#949494')
    """
    red, green, blue = rgb(colour)
    for step in range(101):
        keep = 1 - step / 100
        mixed = (round(red * keep), round(green * keep), round(blue * keep))
        if contrast_ratio(mixed, (255, 255, 255)) >= MIN_OUTLINE:
            return "#{:02x}{:02x}{:02x}".format(*mixed)
    return BLACK  # not reached: black stands out 21:1
