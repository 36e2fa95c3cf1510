"""A table row's district from its map pin, when the table names none.

Participation platforms and data collection forms give a contribution a point on a map
(DIPAS, Consul, Decidim, KoBoToolbox, ODK, Qualtrics, Ushahidi) but often no district. With
the project's district boundaries (``workbench map --import``), the district of such a row
is the one whose area holds its point (holes are no part of it): a point on no district's
area, or on two of them, is no district (stored city-wide, as a row with an empty district
cell). Nothing is guessed: the order of latitude and longitude comes from the headers
("lat", "LocationLongitude", "_standort_latitude") or from the format's convention (an
ODK/KoBoToolbox geopoint "51.03 6.98 52 4.5" is latitude first; WKT ``POINT(6.98 51.03)``
and GeoJSON's ``coordinates`` longitude first); a value that is no number of degrees is no
district. Only cells the import drops as exact coordinates
(:func:`workbench.ingest.personal_columns.is_location`) are read: the coordinates are never
stored, only the district.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workbench.core.domain import InputError
from workbench.ingest.common import cell_at
from workbench.ingest.personal_columns import (
    GEOJSON_POINT,
    header_key,
    header_words,
    is_location,
)
from workbench.store.district_spelling import boundary_names

Position = tuple[float, float]  # (longitude, latitude), as in GeoJSON
Shape = tuple[tuple[tuple[Position, ...], ...], ...]  # polygons of rings (outer, holes)
Areas = tuple[tuple[str, Shape], ...]  # district → its area, in lon/lat (WGS84)

_LAT = frozenset({"lat", "latitude", "breitengrad"})
_LON = frozenset({"lon", "lng", "longitude", "laengengrad", "langengrad"})
_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_NUMBER = re.compile(rf"^{_NUM}$")
_FORMATS = {  # a cell with one point: its pattern (the two numbers are groups)
    "wkt": re.compile(
        rf"^(?:SRID=(?:4326|CRS84);\s*)?POINT\s*(?:ZM|Z|M)?\s*\(\s*({_NUM})\s+({_NUM})"
        rf"(?:\s+{_NUM}){{0,2}}\s*\)$",
        re.IGNORECASE,
    ),
    "geopoint": re.compile(rf"^({_NUM})\s+({_NUM})(?:\s+{_NUM}){{0,2}}$"),
    "list": re.compile(rf"^({_NUM})\s*[;,]\s*({_NUM})(?:\s*[;,]\s*{_NUM}){{0,2}}$"),
    "geojson": GEOJSON_POINT,  # adhocracy4's "Point": {"type": "Feature", "geometry": …}
}
LAT_FIRST = "Breite, Länge"
LON_FIRST = "Länge, Breite"


# -- the project's boundaries ------------------------------------------------------------
def stored_areas(path: Path, known: Sequence[str]) -> Areas:
    """The district boundaries ``workbench map --import`` stored (a GeoJSON file in lon/lat,
    see :func:`workbench.synthesis.geo.to_geojson`), of the districts in ``known``, each
    under its stored name (a file from before migration 0010 may name it with invisible
    characters or another case: decision 025); ``()`` without the file."""
    if not path.is_file():
        return ()
    found = dict[str, list]()
    try:
        features = json.loads(path.read_bytes())["features"]
        names = boundary_names([str(f["properties"]["district"]) for f in features], known)
        for feature in features:
            written, geometry = str(feature["properties"]["district"]), feature["geometry"]
            name = names.get(written)
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            elif geometry["type"] != "MultiPolygon":
                raise ValueError(geometry["type"])
            shape = [[[(float(p[0]), float(p[1])) for p in ring] for ring in pg] for pg in polygons]
            if name is not None:
                found.setdefault(name, []).extend(shape)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        raise InputError(
            "Die Grenzen der Sozialräume sind nicht lesbar (beschädigt oder unvollständig); "
            "neu importieren mit: workbench map --import DATEI",
            file=str(path),
        ) from None
    return tuple(
        (name, tuple(tuple(tuple(ring) for ring in pg) for pg in found[name]))
        for name in sorted(found)
    )


@dataclass(frozen=True)
class _Area:
    """A district's polygons, each as its bounding box and rings (n×2 arrays, closed)."""

    name: str
    polygons: tuple[tuple[tuple[float, float, float, float], tuple[np.ndarray, ...]], ...]

    @classmethod
    def of(cls, name: str, shape: Sequence[Sequence[Sequence[Sequence[float]]]]) -> _Area:
        """A district's area from its polygons (rings closed, rings of < 3 points left out)."""
        polygons = []
        for polygon in shape:
            rings = []
            for ring in polygon:
                points = np.asarray(ring, dtype=float).reshape(-1, 2)
                if len(points) and not np.array_equal(points[0], points[-1]):
                    points = np.vstack([points, points[:1]])
                rings.append(points)
            if rings and len(rings[0]) >= 4:
                x, y = rings[0][:, 0], rings[0][:, 1]
                box = (float(x.min()), float(y.min()), float(x.max()), float(y.max()))
                polygons.append((box, tuple(rings)))
        return cls(name, tuple(polygons))

    def contains(self, lon: float, lat: float) -> bool:
        """Whether a point is in one of the polygons and in none of its holes."""
        for (west, south, east, north), (outer, *holes) in self.polygons:
            if not (west <= lon <= east and south <= lat <= north):
                continue
            if _inside(outer, lon, lat) and not any(_inside(h, lon, lat) for h in holes):
                return True
        return False


def _inside(ring: np.ndarray, x: float, y: float) -> bool:
    """Ray casting: whether (x, y) is inside a closed ring (edges crossed to the right)."""
    x1, y1, x2, y2 = ring[:-1, 0], ring[:-1, 1], ring[1:, 0], ring[1:, 1]
    crossing = (y1 > y) != (y2 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    return bool(np.count_nonzero(crossing & (x < at)) % 2)


def contains(shape: Sequence[Sequence[Sequence[Sequence[float]]]], lon: float, lat: float) -> bool:
    """Whether a shape (polygons: outer ring, then holes; lon/lat) holds a point.

    >>> square = [[[(0, 0), (4, 0), (4, 4), (0, 4)], [(1, 1), (2, 1), (2, 2), (1, 2)]]]
    >>> contains(square, 3, 3), contains(square, 1.5, 1.5), contains(square, 5, 1)
    (True, False, False)
    """
    return _Area.of("", shape).contains(lon, lat)


# -- a table's coordinate columns ------------------------------------------------------------
@dataclass(frozen=True)
class PointSource:
    """Where a row's point is: a latitude and a longitude column (``kind`` "pair") or one
    column with both ("wkt", "geopoint", "list") in ``order`` (:data:`LAT_FIRST` or
    :data:`LON_FIRST`)."""

    columns: tuple[str, ...]
    indices: tuple[int, ...]
    kind: str = "pair"
    order: str = LAT_FIRST

    def given(self, fields: Sequence[Any]) -> bool:
        """Whether a row has a value in the source's column(s)."""
        return any(cell_at(fields, i) for i in self.indices)

    def numbers(self, fields: Sequence[Any]) -> Position | None:
        """(x, y) as the row's cells give them (in any unit), None if they are no numbers."""
        cells = [fields[i] if i < len(fields) else None for i in self.indices]
        if self.kind == "pair":
            lat, lon = _degrees(cells[0]), _degrees(cells[1])
        else:
            match = _FORMATS[self.kind].match(str(cells[0]).strip())
            if match is None or not is_location(self.columns[0], cells[0]):
                return None  # only cells the import drops are read
            first, second = float(match.group(1)), float(match.group(2))
            lat, lon = (first, second) if self.order == LAT_FIRST else (second, first)
        if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        return lon, lat

    def point(self, fields: Sequence[Any]) -> Position | None:
        """(lon, lat) of a row, None if its cells are no point in degrees."""
        found = self.numbers(fields)
        return found if found and abs(found[1]) <= 90 and abs(found[0]) <= 180 else None

    def in_metres(self, fields: Sequence[Any]) -> bool:
        """Whether a row's numbers are metres of a projected system (UTM: 356000 5655000),
        not degrees: both far beyond any longitude or latitude."""
        found = self.numbers(fields)
        return found is not None and min(abs(found[0]), abs(found[1])) > 1000


@dataclass(frozen=True)
class PointColumns:
    """A table's points: ``sources`` that agree (the first with a value is a row's; KoBo's
    geopoint, its latitude and longitude and ``_geolocation`` are one point), ``others``:
    coordinate columns that disagree (none is used), ``unclear``: columns of number
    pairs in no known order."""

    sources: tuple[PointSource, ...] = ()
    others: tuple[str, ...] = ()
    unclear: tuple[str, ...] = ()

    def all(self) -> set[str]:
        """Every coordinate column found (none of them is a district column)."""
        return {*(c for s in self.sources for c in s.columns), *self.others, *self.unclear}


def _axis(header: str) -> tuple[str, str] | None:
    """("lat" or "lon", the header's other words) of a latitude or longitude column."""
    words = header_words(header)
    inner = [header_key(b) for b in re.findall(r"[(\[]([^()\[\]]*)[)\]]", header)]
    if inner and inner[-1] in _LAT | _LON:  # adhocracy4's "Location (Longitude)"
        words = [*words, inner[-1]]
    if not words or not is_location(header):
        return None
    axis = "lat" if words[-1] in _LAT else "lon" if words[-1] in _LON else None
    return None if axis is None else (axis, " ".join(words[:-1]))


def _order(header: str, kind: str) -> str | None:
    """The order of a point column's two numbers: its header's ("latlng", "lon_lat"), the
    format's (a geopoint: latitude first; WKT and GeoJSON's ``coordinates``: longitude
    first; KoBoToolbox's ``_geolocation``: latitude first), else None (not guessed): a
    list of two numbers is GeoJSON's only as a GeoJSON geometry's (``geometry/coordinates``
    of a JSON export)."""
    key, path = header_key(header), header.strip().casefold()
    if any(w in key for w in ("lonlat", "lnglat", "longlat", "laengebreite", "langebreite")):
        return LON_FIRST
    if any(w in key for w in ("latlon", "latlng", "latlong", "breitelaenge", "breitelange")):
        return LAT_FIRST
    if kind in ("wkt", "geojson") or (kind == "list" and path.endswith("geometry/coordinates")):
        return LON_FIRST
    if kind == "geopoint" or (kind == "list" and key.endswith("geolocation")):
        return LAT_FIRST
    return None


def _cell_kind(header: str, cell: Any) -> str | None:
    """The format of a cell holding one point (that the import drops as a coordinate)."""
    if not isinstance(cell, str):
        return None
    kind = next((k for k, p in _FORMATS.items() if p.match(cell.strip())), None)
    return kind if kind is not None and is_location(header, cell) else None


def _agree(sources: Sequence[PointSource], records: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether the sources give the same point (to about a metre) in every row."""
    for _, fields in records:
        points = [p for s in sources if (p := s.point(fields)) is not None]
        if any(max(abs(a - b) for a, b in zip(p, points[0], strict=True)) > 1e-5 for p in points):
            return False
    return True


def find_points(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], taken: set[str]
) -> PointColumns:
    """A table's coordinate columns: latitude and longitude columns paired by their
    headers, columns whose cells are points (WKT, a geopoint, a list of two numbers in a
    known order). Used only if they agree in every row (else nothing is guessed)."""
    axes = {i: a for i, h in enumerate(header) if h not in taken and (a := _axis(h))}
    lats = [i for i, (axis, _) in axes.items() if axis == "lat"]
    lons = [i for i, (axis, _) in axes.items() if axis == "lon"]
    pairs = [(a, o) for a in lats for o in lons if axes[a][1] == axes[o][1]]
    if len(lats) == len(lons) == 1:
        pairs = [(lats[0], lons[0])]
    sources = [PointSource((header[a], header[o]), (a, o)) for a, o in pairs]
    unclear = []
    for i, column in enumerate(header):
        if column in taken or i in axes:
            continue
        kinds = Counter(
            k for _, cells in records if i < len(cells) and (k := _cell_kind(column, cells[i]))
        )
        if kinds:
            kind = kinds.most_common(1)[0][0]
            order = _order(column, kind)
            if order is None:
                unclear.append(column)
            else:
                sources.append(PointSource((column,), (i,), kind, order))
    if sources and _agree(sources, records):
        return PointColumns(tuple(sources), unclear=tuple(unclear))
    others = (*(header[i] for i in axes), *(s.columns[0] for s in sources if s.kind != "pair"))
    return PointColumns(others=tuple(others), unclear=tuple(unclear))


def _degrees(cell: Any) -> float | None:
    """A number of a cell (a decimal comma too), or None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = "" if cell is None else str(cell).strip()
    text = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    return float(text) if _NUMBER.match(text) else None


# -- each row's district ---------------------------------------------------------------------
@dataclass
class PointCells:
    """Reads a row's district from its point (when ``areas``) and counts what it read."""

    found: PointColumns
    areas: tuple[_Area, ...] = ()
    wanted: bool = False  # no district column (or empty cells in it), none for the whole file
    hint: bool = False  # coordinates, but the project has no boundaries
    blank_column: str | None = None  # the district column whose empty cells a point fills
    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(
        cls,
        found: PointColumns,
        areas: Areas | None,
        known: Sequence[str] | None,
        wanted: bool,
        blank_column: str | None = None,
    ) -> PointCells:
        """The point reader of a table; active when ``wanted`` (no district column, none
        for the whole file; or ``blank_column``, a district column with empty cells, read
        only where it is empty) and the project has boundaries of its districts."""
        names = set(known or ())
        usable = tuple(_Area.of(n, s) for n, s in areas or () if n in names)
        hint = wanted and areas is not None and not usable and bool(found.sources) and names
        return cls(
            found, usable, wanted, bool(hint) and not blank_column, blank_column=blank_column
        )

    @property
    def active(self) -> bool:
        """Whether rows get their district from their point."""
        return self.wanted and bool(self.areas) and bool(self.found.sources)

    def read(self, fields: Sequence[Any]) -> str | None:
        """A row's district: the one area holding its point, else None (counted)."""
        if not self.active:
            return None
        source = next((s for s in self.found.sources if s.given(fields)), None)
        point = None if source is None else source.point(fields)
        if point is None:
            why = (
                "missing" if source is None else "metres" if source.in_metres(fields) else "invalid"
            )
            self.counts[why] += 1
            return None
        hits = [a.name for a in self.areas if a.contains(*point)]
        self.counts["located" if len(hits) == 1 else "overlap" if hits else "outside"] += 1
        return hits[0] if len(hits) == 1 else None

    def options(self) -> dict[str, Any]:
        """What the document's options record of it (see :func:`point_notices`)."""
        found = self.found
        sources = [[list(s.columns), s.kind, s.order] for s in found.sources]
        if self.hint:
            return {"points_without_boundaries": [c for s in sources for c in s[0]]}
        read = sum(self.counts[k] for k in self.counts if k != "missing")
        if self.active and (read or not self.blank_column):
            counts = {k: self.counts[k] for k in ("located", *_LEFT) if self.counts[k]}
            rows = {"located": 0, **counts}
            blank = {"blank_column": self.blank_column} if self.blank_column else {}
            return {"district_from_points": {"sources": sources, "rows": rows, **blank}}
        if self.wanted and not self.blank_column and self.areas and (found.others or found.unclear):
            return {"points_unused": {"others": list(found.others), "unclear": list(found.unclear)}}
        return {}


_LEFT = {  # rows without a district from their point: why
    "outside": "außerhalb aller Sozialräume",
    "overlap": "in mehreren Sozialräumen zugleich (Grenzen überlappen)",
    "invalid": "mit ungültigen Koordinaten",
    "metres": "mit Koordinaten in Metern statt Grad",
    "missing": "ohne Koordinaten",
}
_KINDS = {
    "wkt": "WKT POINT",
    "geopoint": "Geopunkt",
    "list": "Koordinatenliste",
    "geojson": "GeoJSON-Punkt",
}


def _rows(count: int) -> str:
    return f"{count} Zeile{'' if count == 1 else 'n'}"


def _columns(columns: Sequence[str]) -> str:
    listed = ", ".join(f"'{c}'" for c in columns)
    return f"Spalte{'n' if len(columns) > 1 else ''} {listed}"


def _source(columns: Sequence[str], kind: str, order: str) -> str:
    """A source for the notice: "Spalten 'lat', 'lon'", "Spalte 'ort': WKT POINT, Länge,
    Breite"."""
    return _columns(columns) + ("" if kind == "pair" else f": {_KINDS[kind]}, {order}")


def noticed_columns(options: Mapping[str, Any]) -> set[str]:
    """The coordinate columns :func:`point_notices` speaks of (no second notice for them)."""
    found = options.get("district_from_points") or {}
    unused = options.get("points_unused") or {}
    return {
        *(c for columns, *_ in found.get("sources", ()) for c in columns),
        *options.get("points_without_boundaries", ()),
        *unused.get("others", ()),
        *unused.get("unclear", ()),
    }


def point_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What the import did with a table's coordinates (for the import's output)."""
    notices = []
    if found := options.get("district_from_points"):
        rows = found["rows"]
        sources = "; ".join(_source(*s) for s in found["sources"])
        left = "".join(f"; {_rows(rows[k])} {why}" for k, why in _LEFT.items() if rows.get(k))
        where = (
            f", wo Spalte '{found['blank_column']}' leer ist" if found.get("blank_column") else ""
        )
        notices.append(
            f"Sozialraum aus den Koordinaten bestimmt{where} ({sources}): {_rows(rows['located'])}"
            f"{left}{' (ohne Sozialraum)' if left else ''}. Die Koordinaten werden nicht "
            "gespeichert."
            + (
                " Meter statt Grad: ein projiziertes Koordinatensystem wie UTM (EPSG:25832); "
                "mit Länge und Breite in WGS84 (EPSG:4326) exportiert, ergibt sich der "
                "Sozialraum."
                if rows.get("metres")
                else ""
            )
        )
    if columns := options.get("points_without_boundaries"):
        notices.append(
            f"{_columns(columns)}: Koordinaten, nicht gespeichert. Mit Grenzen der "
            "Sozialräume (vor dem Import: workbench map --import DATEI) ergäbe sich daraus "
            "der Sozialraum jeder Zeile."
        )
    if unused := options.get("points_unused"):
        if unused["others"]:
            notices.append(
                f"{_columns(unused['others'])}: Koordinaten, die einander widersprechen "
                "oder unvollständig sind; kein Sozialraum daraus bestimmt."
            )
        if unused["unclear"]:
            notices.append(
                f"{_columns(unused['unclear'])}: Zahlenpaare ohne erkennbare Reihenfolge "
                "(Breite und Länge?); kein Sozialraum daraus bestimmt."
            )
    return tuple(notices)
