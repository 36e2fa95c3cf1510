"""Coordinate reference systems of boundary files: read, recognise, reproject to WGS84.

City geoportals publish boundaries in ETRS89/UTM (EPSG:25832, 25833), Gauß-Krüger
(EPSG:31466…31469) or Web Mercator (EPSG:3857); maps need WGS84 longitude/latitude. The
CRS comes from the file (GeoJSON ``crs`` member, Shapefile ``.prj``) or from the user
(``--crs``); it is never guessed: for a file without one whose coordinates are no
longitude/latitude the error names the likely systems. PROJ (through pyproj) runs
offline: its network access (grids from a CDN) is switched off, so a transformation that
would need a grid falls back to the published Helmert parameters — enough for a map.
Axis order is always x = east/longitude, y = north/latitude (``always_xy``).

pyproj is imported on first use: reading the stored WGS84 boundaries never needs it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from workbench.core.domain import InputError

if TYPE_CHECKING:
    from pyproj import CRS

Position = tuple[float, float]
Ring = tuple[Position, ...]
Polygon = tuple[Ring, ...]  # outer ring, then holes
Shape = tuple[Polygon, ...]  # a MultiPolygon

# Systems German cities publish boundaries in, in the order they are suggested. A file
# without a CRS whose coordinates land in Germany under one of them names it in the error.
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("EPSG:25832", "UTM Zone 32 (ETRS89, Meter; West- und Süddeutschland)"),
    ("EPSG:25833", "UTM Zone 33 (ETRS89, Meter; Ostdeutschland)"),
    ("EPSG:4647", "UTM Zone 32 mit vorangestellter Zonennummer (ETRS89, Meter)"),
    ("EPSG:5650", "UTM Zone 33 mit vorangestellter Zonennummer (ETRS89, Meter)"),
    ("EPSG:31466", "Gauß-Krüger Zone 2 (DHDN, Meter)"),
    ("EPSG:31467", "Gauß-Krüger Zone 3 (DHDN, Meter)"),
    ("EPSG:31468", "Gauß-Krüger Zone 4 (DHDN, Meter)"),
    ("EPSG:31469", "Gauß-Krüger Zone 5 (DHDN, Meter)"),
    ("EPSG:3857", "Web Mercator (Pseudo-Mercator, Meter)"),
)
GERMANY = (5.5, 47.0, 15.5, 55.2)  # lon/lat box (with a margin) the suggestions must land in


def _pyproj() -> ModuleType:
    """pyproj with PROJ's network access switched off (no grid downloads, ever)."""
    import pyproj
    import pyproj.network

    pyproj.network.set_network_enabled(active=False)
    return pyproj


def parse_crs(text: str, filename: str | None, origin: str) -> CRS:
    """A CRS from an EPSG code, URN, OGC URL or WKT; German error naming ``origin`` if unknown.

    >>> parse_crs("urn:ogc:def:crs:EPSG::25832", None, "crs").to_epsg()
    25832
    >>> parse_crs("http://www.opengis.net/def/crs/EPSG/0/3857", None, "crs").to_epsg()
    3857
    """
    pyproj = _pyproj()
    value = text.strip()
    try:
        if value.upper().startswith(("PROJCS", "GEOGCS", "PROJCRS", "GEOGCRS", "COMPD")):
            return pyproj.CRS.from_wkt(value)
        return pyproj.CRS.from_user_input(value)
    except pyproj.exceptions.CRSError:
        shown = value if len(value) <= 80 else value[:77] + "…"
        # a .prj of binary bytes: control characters would garble the terminal
        shown = "".join(c if c.isprintable() else "�" for c in shown)
        raise InputError(
            f"{origin}: unbekanntes oder ungültiges Koordinatensystem „{shown}“. "
            "Erwartet z. B. EPSG:25832, urn:ogc:def:crs:EPSG::25832 oder den WKT-Text "
            "einer .prj-Datei.",
            file=filename,
        ) from None


def label(crs: CRS) -> str:
    """A CRS for messages: ``EPSG:25832 (ETRS89 / UTM zone 32N)``."""
    code = crs.to_authority(min_confidence=70)
    return f"{code[0]}:{code[1]} ({crs.name})" if code else crs.name


def is_wgs84(crs: CRS) -> bool:
    """Whether coordinates in ``crs`` are already WGS84 longitude/latitude (any axis order)."""
    return crs.equals(_pyproj().CRS("OGC:CRS84"), ignore_axis_order=True)


def same_crs(one: CRS, other: CRS) -> bool:
    """Whether two CRS are the same (axis order aside, as x/y is always east/north here)."""
    return one.equals(other, ignore_axis_order=True)


def positions(shapes: Iterable[Shape]) -> list[Position]:
    """All positions of some shapes, in order."""
    return [p for shape in shapes for polygon in shape for ring in polygon for p in ring]


def is_lonlat(x: float, y: float) -> bool:
    """Whether a position lies within longitude/latitude ranges."""
    return -180 <= x <= 180 and -90 <= y <= 90


def swapped_position(points: Sequence[Position]) -> Position | None:
    """A position, if every one is a German latitude/longitude pair in that (wrong) order.

    WFS 2.0 servers write ``urn:ogc:def:crs:EPSG::4326`` in its axis order (latitude
    first); read as GeoJSON (longitude first) such a file lies off the Horn of Africa.

    >>> swapped_position([(51.43, 6.75), (51.44, 6.76)]), swapped_position([(6.75, 51.43)])
    ((51.43, 6.75), None)
    """
    west, south, east, north = GERMANY
    if all(south <= x <= north and west <= y <= east for x, y in points):
        return points[0]
    return None


def _center(points: Sequence[Position]) -> Position:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def suggestions(points: Sequence[Position]) -> list[tuple[str, str]]:
    """The usual German systems under which these coordinates land in Germany (best first)."""
    pyproj = _pyproj()
    x, y = _center(points)
    found = []
    for code, name in CANDIDATES:
        transformer = pyproj.Transformer.from_crs(code, "OGC:CRS84", always_xy=True)
        lon, lat = transformer.transform(x, y, errcheck=False)
        west, south, east, north = GERMANY
        if west <= lon <= east and south <= lat <= north:  # False for inf and nan
            found.append((code, name))
    return found


def missing_crs_error(points: Sequence[Position], filename: str) -> InputError:
    """The refusal for projected-looking coordinates in a file that names no CRS."""
    x, y = next(p for p in points if not is_lonlat(*p))
    found = suggestions(points)
    if found:
        likely = "; ".join(f"{name}: {code}" for code, name in found)
        advice = (
            f"Die Werte passen zu {likely}. Bitte angeben, welches gilt, z. B. "
            f'mit --crs {found[0][0]} (in Python: crs="{found[0][0]}")'
        )
    else:
        advice = (
            "Die Werte passen zu keinem in Deutschland üblichen System (UTM, Gauß-Krüger, "
            "Web Mercator). Bitte angeben, welches gilt: mit --crs EPSG:NNNN"
        )
    return InputError(
        f"Koordinate ({x:.10g}, {y:.10g}) ist kein Längen-/Breitengrad (WGS84), und die "
        "Datei nennt kein Koordinatensystem – sie ist wohl in einem projizierten "
        f"Koordinatensystem. {advice}; es steht meist in der Beschreibung des Datensatzes "
        "im Geoportal. Die Werkbank rät es nicht.",
        file=filename,
    )


def to_wgs84(shapes: Sequence[Shape], crs: CRS | None, filename: str) -> list[Shape]:
    """The shapes in WGS84 lon/lat: reprojected from ``crs``, or checked if it is None/WGS84.

    Without a CRS (or with WGS84) every position must be a longitude/latitude; otherwise
    the error names the likely systems. With another CRS the result must land on the
    globe, and coordinates that already look like lon/lat are refused as a CRS mix-up.
    """
    points = positions(shapes)
    if not points:
        return list(shapes)
    if crs is None or is_wgs84(crs):
        if all(is_lonlat(*p) for p in points):
            if swapped := swapped_position(points):
                raise InputError(
                    f"Koordinate ({swapped[0]:.10g}, {swapped[1]:.10g}) hat Breite und Länge "
                    "vertauscht: so gelesen läge die Fläche am Horn von Afrika, umgekehrt in "
                    "Deutschland. GeoJSON schreibt die Länge zuerst (RFC 7946); bitte die "
                    "Datei so exportieren (Geoportal/WFS: GeoJSON nach RFC 7946 oder "
                    "EPSG:25832; QGIS: „Exportieren“ als GeoJSON). Die Werkbank tauscht "
                    "nicht selbst.",
                    file=filename,
                )
            return list(shapes)
        if crs is None:
            raise missing_crs_error(points, filename)
        x, y = next(p for p in points if not is_lonlat(*p))
        raise InputError(
            f"Die Datei nennt WGS84 ({label(crs)}), aber Koordinate ({x:.10g}, {y:.10g}) ist kein "
            "Längen-/Breitengrad. Stimmt die Angabe des Koordinatensystems?",
            file=filename,
        )
    if crs.is_projected and all(is_lonlat(*p) for p in points):
        raise InputError(
            f"Als Koordinatensystem ist {label(crs)} angegeben (Meter), die Koordinaten "
            f"sehen aber wie Längen-/Breitengrade aus, z. B. ({points[0][0]:.10g}, "
            f"{points[0][1]:.10g}). Stimmt die Angabe? Für WGS84 ist keine nötig.",
            file=filename,
        )
    pyproj = _pyproj()
    try:
        transformer = pyproj.Transformer.from_crs(crs, "OGC:CRS84", always_xy=True)
    except pyproj.exceptions.ProjError:
        raise InputError(
            f"Für {label(crs)} ist keine Umrechnung nach WGS84 bekannt.", file=filename
        ) from None
    lons, lats = transformer.transform(
        [p[0] for p in points], [p[1] for p in points], errcheck=False
    )
    for (x, y), lon, lat in zip(points, lons, lats, strict=True):
        if not (math.isfinite(lon) and math.isfinite(lat) and is_lonlat(lon, lat)):
            raise InputError(
                f"Koordinate ({x:.10g}, {y:.10g}) lässt sich aus {label(crs)} nicht nach WGS84 "
                "umrechnen. Stimmt das Koordinatensystem?",
                file=filename,
            )
    out: list[Shape] = []
    i = 0
    for shape in shapes:
        polygons = []
        for polygon in shape:
            rings = []
            for ring in polygon:
                n = len(ring)
                rings.append(tuple(zip(map(float, lons[i : i + n]), map(float, lats[i : i + n]),
                                       strict=True)))  # fmt: skip
                i += n
            polygons.append(tuple(rings))
        out.append(tuple(polygons))
    return out
