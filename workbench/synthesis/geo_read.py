"""Boundary files read into areas in WGS84: GeoJSON, Shapefile, GeoPackage, KML/KMZ.

Accepted: a GeoJSON FeatureCollection, a Feature, a GeometryCollection or a bare Polygon
or MultiPolygon; ESRI Shapefiles (zipped, or a ``.shp`` with its siblings; see
:mod:`workbench.synthesis.geo_shapefile`); GeoPackages (one layer of areas, see
:mod:`workbench.synthesis.geo_gpkg`) and KML/KMZ (Google My Maps, Google Earth, geoportal
downloads; see :mod:`workbench.synthesis.geo_kml`). Positions with a third or fourth value
(height, measure) are cut to two. Coordinates in another CRS than WGS84 — named in the
GeoJSON ``crs`` member, the shapefile's ``.prj``, the GeoPackage's spatial reference or,
for files without one, by the user (``crs="EPSG:25832"``, ``--crs``) — are reprojected to
WGS84 longitude/latitude (see :mod:`workbench.synthesis.geo_crs`). Formats that need GDAL
(GML, TopoJSON, FlatGeobuf, …) are refused by name with the way out.
"""

from __future__ import annotations

import json
import math
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from workbench.core.archives import BROKEN_ZIP, unpack_member
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import os_reason
from workbench.core.textio import RawFile, decode
from workbench.synthesis import geo_crs, geo_gpkg, geo_kml, geo_shapefile
from workbench.synthesis.geo_crs import Polygon, Position, Ring, Shape

if TYPE_CHECKING:
    from pyproj import CRS

SUFFIXES = (".json", ".geojson", ".shp", ".zip", ".gpkg", ".kml", ".kmz")  # read in a folder
ZIPPED = (".geojson", ".json", ".gpkg", ".kml")  # read from a ZIP archive without a .shp
# Formats a geoportal offers that need GDAL to read (decision 011): refused by name.
OTHER_FORMATS = {
    ".gml": "GML", ".xsd": "XML-Schema (ein Teil einer GML-Lieferung)", ".topojson": "TopoJSON",
    ".csv": "CSV (etwa mit WKT-Geometrien)", ".wkt": "WKT", ".dxf": "DXF", ".gpx": "GPX",
    ".tab": "MapInfo TAB", ".mif": "MapInfo MIF", ".fgb": "FlatGeobuf", ".xlsx": "Excel",
    ".dbf": "dBASE (nur die Attribute eines Shapefiles)", ".shx": "Shapefile-Index",
    ".prj": "Projektionsdatei eines Shapefiles", ".sqlite": "SpatiaLite",
}  # fmt: skip


@dataclass(frozen=True)
class Feature:
    """One area read from a file: its source, properties and polygons."""

    filename: str
    index: int  # position in the file (0 for a file with one area)
    properties: dict[str, Any]
    shape: Shape
    source: str = ""  # where the properties were read, for messages: "Eintrag 'a/x.dbf'"


def _crs_name(data: Mapping[str, Any]) -> str | None:
    """The CRS a GeoJSON ``crs`` member names (``name``, old ``EPSG`` code or ``link``)."""
    crs = data.get("crs")
    if not isinstance(crs, Mapping):
        return None
    props = crs.get("properties")
    if isinstance(props, Mapping):
        if crs.get("type") == "EPSG" and props.get("code") is not None:
            return f"EPSG:{props['code']}"
        for key in ("name", "href", "code"):
            if props.get(key) is not None:
                value = str(props[key])
                link = re.search(r"spatialreference\.org/ref/epsg/([0-9]+)", value, re.I)
                return f"EPSG:{link.group(1)}" if link else value
    return json.dumps(crs, ensure_ascii=False)[:80]


def _file_crs(declared: str | None, given: CRS | None, filename: str, origin: str) -> CRS | None:
    """The CRS of a file: the one it names, else the one given; both must agree."""
    if declared is None:
        return given
    crs = geo_crs.parse_crs(declared, filename, origin)
    if given is not None and not geo_crs.same_crs(crs, given):
        raise InputError(
            f"Die Datei nennt das Koordinatensystem {geo_crs.label(crs)}, angegeben ist "
            f"{geo_crs.label(given)}. Bitte --crs weglassen oder die Datei prüfen.",
            file=filename,
        )
    return crs


def _has_area(ring: Ring) -> bool:
    """Whether a ring encloses an area: not all its points on one line or one spot (a
    self-intersecting ring, whose signed area may be zero, does)."""
    (x0, y0) = ring[0]
    x1, y1 = max(ring, key=lambda p: (p[0] - x0) ** 2 + (p[1] - y0) ** 2)
    dx, dy = x1 - x0, y1 - y0
    if dx == dy == 0:
        return False
    return any(abs(dx * (y - y0) - dy * (x - x0)) > 1e-9 * (dx * dx + dy * dy) for x, y in ring)


def _in_wgs84(features: list[Feature], crs: CRS | None, filename: str) -> list[Feature]:
    """The features with their shapes in WGS84 (reprojected from ``crs`` where needed).

    Parts without area (collapsed in an export) are left out: a district of only such
    parts would be reported with a boundary and drawn as nothing or a line.
    """
    shapes = geo_crs.to_wgs84([f.shape for f in features], crs, filename)
    out = []
    for f, shape in zip(features, shapes, strict=True):
        kept = tuple(
            (p[0], *(hole for hole in p[1:] if _has_area(hole))) for p in shape if _has_area(p[0])
        )
        if kept:
            out.append(Feature(f.filename, f.index, f.properties, kept, f.source))
    if not out:
        raise _no_areas(filename, {"Flächen ohne Ausdehnung (alle Punkte auf einer Linie)"})
    return out


def _position(value: Any, filename: str, where: str) -> Position:
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise InputError(f"{where}: eine Koordinate braucht mindestens zwei Zahlen.", file=filename)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2]):
        raise InputError(f"{where}: Koordinate {value[:2]!r} ist keine Zahl.", file=filename)
    try:  # an integer of hundreds of digits is no float
        lon, lat = float(value[0]), float(value[1])
    except OverflowError:
        lon = lat = math.inf
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise InputError(f"{where}: Koordinate ist nicht endlich.", file=filename)
    return (lon, lat)


def _ring(value: Any, filename: str, where: str) -> Ring:
    if not isinstance(value, list | tuple):
        raise InputError(f"{where}: ein Ring ist keine Liste von Koordinaten.", file=filename)
    ring = [_position(p, filename, where) for p in value]
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    if len(ring) < 4:
        raise InputError(f"{where}: ein Ring braucht mindestens drei Punkte.", file=filename)
    return tuple(ring)


def _polygon(value: Any, filename: str, where: str) -> Polygon:
    if not isinstance(value, list | tuple) or not value:
        raise InputError(f"{where}: ein Polygon ohne Ringe.", file=filename)
    return tuple(_ring(r, filename, where) for r in value)


def _geometry(geometry: Any, filename: str, where: str, skipped: set[str] | None = None) -> Shape:
    """The polygons of a geometry; points and lines (in a collection) are left out. Nested
    collections are walked without recursion: however deep, no RecursionError."""
    polygons: list[Polygon] = []
    pending = [geometry]
    while pending:
        item = pending.pop()
        if not isinstance(item, Mapping):
            raise InputError(f"{where}: Geometrie fehlt.", file=filename)
        kind = item.get("type")
        coordinates = item.get("coordinates")
        if kind == "Polygon":
            polygons.append(_polygon(coordinates, filename, where))
        elif kind == "MultiPolygon":
            if not isinstance(coordinates, list | tuple):
                raise InputError(f"{where}: MultiPolygon ohne Koordinaten.", file=filename)
            polygons.extend(_polygon(p, filename, where) for p in coordinates)
        elif kind == "GeometryCollection":
            parts = item.get("geometries")
            if not isinstance(parts, list):
                raise InputError(f"{where}: GeometryCollection ohne „geometries“.", file=filename)
            pending.extend(reversed(parts))  # in the file's order
        elif kind in ("Point", "MultiPoint", "LineString", "MultiLineString"):
            if skipped is not None:
                skipped.add("Linien" if "Line" in kind else "Punkte")
        else:
            raise InputError(f"{where}: unbekannter Geometrietyp {kind!r}.", file=filename)
    return tuple(polygons)


def _no_areas(filename: str, skipped: set[str]) -> InputError:
    found = f" – nur {' und '.join(sorted(skipped))}" if skipped else ""
    return InputError(
        f"enthält keine Flächen (Polygon oder MultiPolygon){found}: Grenzen von Sozialräumen "
        "müssen Flächen sein.",
        file=filename,
    )


def read_geojson(data: bytes | str, filename: str, crs: str | None = None) -> list[Feature]:
    """The areas (features with polygons) in one GeoJSON text, in WGS84 (pure).

    ``crs`` (e.g. ``"EPSG:25832"``) says in which system a file without ``crs`` member is.
    """
    given = geo_crs.parse_crs(crs, None, "--crs") if crs is not None else None
    return _read_geojson(data, filename, given)


def _read_geojson(data: bytes | str, filename: str, given: CRS | None) -> list[Feature]:
    if not data.strip():
        raise InputError("Die Datei ist leer.", file=filename)
    # UTF-8 as RFC 7946 asks; older exports in Windows-1252 ("Köln-Mülheim") are read too
    text = decode(RawFile(filename, data)) if isinstance(data, bytes) else data
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if re.match(r"<(!doctype html|html)", head, re.IGNORECASE):
        raise InputError(
            "ist eine Webseite (HTML), keine Grenzdatei – wohl die Seite des Geoportals statt "
            "des Downloads. Bitte die Datei selbst herunterladen (GeoJSON, Shapefile, "
            "GeoPackage oder KML).",
            file=filename,
        )
    if head.startswith("<"):  # a WFS answer saved as .json
        raise _other_format("GML" if "opengis.net/gml" in head or "<gml:" in head else "XML",
                            filename)  # fmt: skip
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"kein gültiges GeoJSON (JSON-Fehler in Zeile {err.lineno}, Spalte {err.colno}).",
            file=filename,
        ) from None
    except RecursionError:  # Python's parser stops at about 1,000 levels
        raise InputError(
            "kein gültiges GeoJSON: Listen oder Objekte sind zu tief ineinander verschachtelt.",
            file=filename,
        ) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise InputError(
            "kein gültiges GeoJSON: eine Zahl hat mehr Stellen, als sich lesen lassen.",
            file=filename,
        ) from None
    if isinstance(parsed, Mapping) and parsed.get("type") == "Topology":
        raise _other_format("TopoJSON", filename)
    if isinstance(parsed, Mapping) and "type" not in parsed and "spatialReference" in parsed:
        raise _other_format("Esri-JSON (ArcGIS REST)", filename)
    if not isinstance(parsed, Mapping) or "type" not in parsed:
        raise InputError("kein GeoJSON-Objekt (es fehlt „type“).", file=filename)
    declared = _crs_name(parsed)
    crs = _file_crs(declared, given, filename, "„crs“ der Datei")
    kind = parsed["type"]
    if kind == "FeatureCollection":
        items = parsed.get("features")
        if not isinstance(items, list):
            raise InputError("FeatureCollection ohne „features“.", file=filename)
    elif kind == "Feature":
        items = [parsed]
    else:
        items = [{"type": "Feature", "properties": {}, "geometry": parsed}]
    features = []
    skipped: set[str] = set()
    for n, item in enumerate(items):
        where = f"Objekt {n + 1}"
        if not isinstance(item, Mapping) or item.get("type") != "Feature":
            raise InputError(f"{where} ist kein Feature.", file=filename)
        props = item.get("properties") or {}
        if not isinstance(props, Mapping):
            raise InputError(f"{where}: „properties“ ist kein Objekt.", file=filename)
        if item.get("geometry") is None:  # allowed by RFC 7946: an area without a place
            skipped.add("Objekte ohne Geometrie")
            continue
        shape = _geometry(item.get("geometry"), filename, where, skipped)
        if shape:
            features.append(Feature(filename, n, dict(props), shape))
    if not features:
        raise _no_areas(filename, skipped)
    return _in_wgs84(features, crs, filename)


def read_shapefile(path: str | Path, crs: str | None = None) -> list[Feature]:
    """The areas in a shapefile (``.shp`` with siblings, or ``.zip``), in WGS84.

    ``crs`` (e.g. ``"EPSG:25832"``) says in which system a shapefile without ``.prj`` is.
    """
    given = geo_crs.parse_crs(crs, None, "--crs") if crs is not None else None
    return _read_shapefile(Path(path), given)


def _read_shapefile(path: Path, given: CRS | None, layer: str | None = None) -> list[Feature]:
    if path.stat().st_size == 0:
        raise InputError("Die Datei ist leer.", file=path.name)
    read = geo_shapefile.read_shapefile(path, layer)
    if not read.records:
        raise _no_areas(read.filename, set())
    crs = _file_crs(read.prj, given, read.filename, read.prj_name)
    features = [
        Feature(read.filename, n, props, shape, read.dbf_name) for n, props, shape in read.records
    ]
    return _in_wgs84(features, crs, read.filename)


def _areas(
    records: Iterable[tuple[int, dict[str, Any], Iterable[Any]]], filename: str, where: str
) -> list[Feature]:
    """Features from read polygons, their rings checked and closed as GeoJSON's are."""
    return [
        Feature(filename, n, props, tuple(_polygon(p, filename, f"{where} {n + 1}") for p in found))
        for n, props, found in records
    ]


def _read_geopackage(
    source: Path | bytes, filename: str, given: CRS | None, layer: str | None, wal: bytes = b""
) -> list[Feature]:
    if not source or (isinstance(source, Path) and source.stat().st_size == 0):
        raise InputError("Die Datei ist leer.", file=filename)
    read = geo_gpkg.read_geopackage(source, filename, layer, wal)
    features = _areas(read.records, filename, f"Ebene „{read.name}“, Objekt")
    if not features:
        raise _no_areas(f"{filename} (Ebene „{read.name}“)", set(read.skipped))
    crs = _file_crs(read.crs, given, filename, f"Ebene „{read.name}“")
    return _in_wgs84(features, crs, filename)


def _zipped(path: Path) -> tuple[str, bytes, bytes] | None:
    """The one GeoJSON, GeoPackage or KML file in a ZIP archive without a shapefile
    (a portal's zipped download), by its suffix and content, with a GeoPackage's
    write-ahead log beside it (``….gpkg-wal``: QGIS had it open; else b""); None for a
    shapefile ZIP."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.infolist()
                if not m.is_dir()
                and "__MACOSX" not in PurePosixPath(m.filename).parts
                and not PurePosixPath(m.filename).name.startswith("._")
            ]
            suffixes = [PurePosixPath(m.filename).suffix.lower() for m in members]
            found = [m for m, x in zip(members, suffixes, strict=True) if x in ZIPPED]
            if len(found) > 1:  # a metadata.json beside the .geojson is not a boundary file
                found = [m for m in found if not m.filename.lower().endswith(".json")]
            if ".shp" in suffixes or len(found) != 1:
                return None  # the shapefile reader reads it, or says what is in it
            logs = [m for m in members if m.filename == f"{found[0].filename}-wal"]
            if sum(m.file_size for m in (found[0], *logs)) > geo_shapefile.MAX_BYTES:
                raise InputError("Die Datei darin ist entpackt größer als 512 MB.", file=path.name)
            member = found[0]
            try:  # each holding what it declares
                data = unpack_member(archive, member, path.name)
                member = logs[0] if logs else member
                wal = unpack_member(archive, member, path.name) if logs else b""
            except (*BROKEN_ZIP, RuntimeError) as err:  # damaged, encrypted: named here
                problem = f"{geo_shapefile.unzip_problem(err)}: Eintrag '{member.filename}'"
                raise InputError(
                    f"Die ZIP-Datei lässt sich nicht entpacken ({problem}).", file=path.name
                ) from None
            return PurePosixPath(found[0].filename).suffix.lower(), data, wal
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError):
        return None  # no ZIP archive: the shapefile reader names what is wrong with it


def _read_kml(data: bytes, filename: str) -> list[Feature]:
    if not data.strip():
        raise InputError("Die Datei ist leer.", file=filename)
    records, skipped = geo_kml.read_kml(data, filename)
    features = _areas(records, filename, "Placemark")
    if not features:
        raise _no_areas(filename, skipped)
    # KML is WGS84 by definition (a --crs is for the other files given with it); its
    # coordinates are checked as longitude/latitude all the same
    return _in_wgs84(features, None, filename)


def _other_format(kind: str, filename: str) -> InputError:
    """The refusal of a format the workbench does not read, with the way out."""
    hint = ""
    if kind.startswith(("GML", "XML")):
        hint = " (ein WFS liefert meist auch GeoJSON: outputFormat=application/json)"
    elif kind.startswith("Esri"):
        hint = " (ein ArcGIS-Dienst liefert GeoJSON mit f=geojson)"
    return InputError(
        f"{kind} liest die Werkbank nicht. Grenzen gehen als GeoJSON (.geojson, .json), "
        "Shapefile (.zip, .shp mit .shx/.dbf/.prj daneben), GeoPackage (.gpkg) oder "
        f"KML/KMZ; bitte in einem davon aus dem Geoportal laden{hint}, sonst in QGIS "
        "„Exportieren → Objekte speichern als … GeoJSON“ oder ogr2ogr -f GeoJSON.",
        file=filename,
    )


def _refuse_format(path: Path) -> None:
    """Refuse, by its name, a format the workbench does not read."""
    kind = OTHER_FORMATS.get(path.suffix.lower())
    if kind is not None:
        raise _other_format(kind, path.name)


def _is_kml(data: bytes) -> bool:
    """Whether a file given as GeoJSON is a KML document (a download saved as .xml/.json)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"<kml" in head.lower()


def read_files(
    paths: Iterable[str | Path], crs: str | None = None, layer: str | None = None
) -> list[Feature]:
    """The areas of GeoJSON, Shapefile, GeoPackage and KML/KMZ files, in WGS84; a folder
    stands for its files.

    ``crs`` (e.g. ``"EPSG:25832"``) is the system of files that name none (no GeoJSON
    ``crs`` member, no ``.prj``); a file that names one must agree with it. ``layer`` names
    the layer of a GeoPackage with several layers of areas.
    """
    given = geo_crs.parse_crs(crs, None, "--crs") if crs is not None else None
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
            if not found:
                raise WorkbenchError(
                    f"Im Ordner {path} liegt keine Grenzdatei (GeoJSON, Shapefile, GeoPackage, "
                    "KML/KMZ)."
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise WorkbenchError(f"Datei {path} gibt es nicht.")
    for path in files:
        _refuse_format(path)
    if layer is not None and not any(p.suffix.lower() in (".gpkg", ".zip") for p in files):
        raise WorkbenchError(
            "--layer wählt die Ebene eines GeoPackage (.gpkg) oder ein Shapefile in einer "
            "ZIP-Datei; keine solche Datei angegeben."
        )
    features: list[Feature] = []
    for path in files:
        suffix = path.suffix.lower()
        try:
            zipped = _zipped(path) if suffix == ".zip" else None
            if zipped is not None:  # a GeoJSON, GeoPackage or KML zipped for download
                suffix, raw, wal = zipped
                if suffix == ".gpkg":
                    features.extend(_read_geopackage(raw, path.name, given, layer, wal))
                    continue
            elif suffix in (".shp", ".zip"):
                features.extend(_read_shapefile(path, given, layer))
                continue
            elif suffix == ".gpkg":
                features.extend(_read_geopackage(path, path.name, given, layer))
                continue
            else:
                raw = geo_kml.kmz_document(path) if suffix == ".kmz" else path.read_bytes()
        except OSError as err:
            raise WorkbenchError(f"{path} lässt sich nicht lesen: {os_reason(err)}.") from None
        if suffix in (".kml", ".kmz") or _is_kml(raw):
            features.extend(_read_kml(raw, path.name))
        else:
            features.extend(_read_geojson(raw, path.name, given))
    return features
