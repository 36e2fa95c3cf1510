"""District boundaries: read GeoJSON, match its features to the project's districts, store them.

Accepted: a FeatureCollection, a Feature, a GeometryCollection or a bare Polygon or
MultiPolygon, in WGS84 longitude/latitude (as GeoJSON prescribes). Positions with a third
or fourth value (height, measure) are cut to two. A file that names another CRS in its
``crs`` member, or whose coordinates lie outside longitude/latitude ranges, is refused
with a German message naming the CRS: the workbench does not reproject.

A feature is matched to a district by the value of a property (``name_property``), by a
mapping (file or property value → district), or — for files without properties, such as
the Duisburg OpenStreetMap files — by the file name (``508_hochfeld.json`` → Hochfeld:
leading numbers dropped, umlauts and case ignored). The matched boundaries are stored,
normalised and rounded, in ``geo/districts.geojson`` in the project folder.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import write_atomic
from workbench.store import CITYWIDE

if TYPE_CHECKING:
    from workbench.project import Project

GEO_FOLDER = "geo"
BOUNDARIES_FILE = "districts.geojson"
DECIMALS = 6  # about 0.1 m: enough for a map, small files
WGS84_NAMES = ("crs84", "epsg:4326", "epsg::4326", "wgs84", "wgs 84")

Position = tuple[float, float]
Ring = tuple[Position, ...]
Polygon = tuple[Ring, ...]  # outer ring, then holes
Shape = tuple[Polygon, ...]  # a MultiPolygon


@dataclass(frozen=True)
class Feature:
    """One area read from a file: its source, properties and polygons."""

    filename: str
    index: int  # position in the file (0 for a file with one area)
    properties: dict[str, Any]
    shape: Shape


@dataclass(frozen=True)
class BoundaryImport:
    """What an import matched: districts with a boundary, features left over, districts left."""

    shapes: dict[str, Shape]
    unmatched: tuple[str, ...] = ()  # features that fit no district (by their identifier)
    missing: tuple[str, ...] = ()  # declared districts without a boundary
    sources: tuple[str, ...] = field(default=())


# -- reading -------------------------------------------------------------------------------
def _crs_name(data: Mapping[str, Any]) -> str | None:
    crs = data.get("crs")
    if not isinstance(crs, Mapping):
        return None
    props = crs.get("properties")
    if isinstance(props, Mapping):
        for key in ("name", "href", "code"):
            if props.get(key) is not None:
                return str(props[key])
    return json.dumps(crs, ensure_ascii=False)[:80]


def _check_crs(data: Mapping[str, Any], filename: str) -> None:
    name = _crs_name(data)
    if name is None:
        return
    key = name.lower().replace("urn:ogc:def:crs:", "").replace("ogc:1.3:", "").replace(" ", "")
    if any(w.replace(" ", "") in key for w in WGS84_NAMES):
        return
    raise InputError(
        f"Die Datei ist im Koordinatensystem {name}, nicht in WGS84 (Längen-/Breitengrad). "
        "Bitte vorher nach WGS84 (EPSG:4326) umrechnen, z. B. mit QGIS oder "
        "„ogr2ogr -t_srs EPSG:4326 aus.geojson ein.geojson“.",
        file=filename,
    )


def _position(value: Any, filename: str, where: str) -> Position:
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise InputError(f"{where}: eine Koordinate braucht mindestens zwei Zahlen.", file=filename)
    lon, lat = value[0], value[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        raise InputError(f"{where}: Koordinate {value[:2]!r} ist keine Zahl.", file=filename)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise InputError(f"{where}: Koordinate ist nicht endlich.", file=filename)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise InputError(
            f"{where}: Koordinate ({lon:g}, {lat:g}) liegt außerhalb von Längen-/Breitengraden – "
            "die Datei ist wohl in einem projizierten Koordinatensystem (z. B. EPSG:25832, "
            "UTM in Metern). Bitte vorher nach WGS84 (EPSG:4326) umrechnen.",
            file=filename,
        )
    return (float(lon), float(lat))


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


def _geometry(geometry: Any, filename: str, where: str) -> Shape:
    """The polygons of a geometry; points and lines (in a collection) are left out."""
    if not isinstance(geometry, Mapping):
        raise InputError(f"{where}: Geometrie fehlt.", file=filename)
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        return (_polygon(coordinates, filename, where),)
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list | tuple):
            raise InputError(f"{where}: MultiPolygon ohne Koordinaten.", file=filename)
        return tuple(_polygon(p, filename, where) for p in coordinates)
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise InputError(f"{where}: GeometryCollection ohne „geometries“.", file=filename)
        return tuple(p for g in parts for p in _geometry(g, filename, where))
    if kind in ("Point", "MultiPoint", "LineString", "MultiLineString"):
        return ()
    raise InputError(f"{where}: unbekannter Geometrietyp {kind!r}.", file=filename)


def read_geojson(data: bytes | str, filename: str) -> list[Feature]:
    """The areas (features with polygons) in one GeoJSON text (pure)."""
    try:
        parsed = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(
            f"kein gültiges GeoJSON ({err.__class__.__name__}).", file=filename
        ) from None
    if not isinstance(parsed, Mapping) or "type" not in parsed:
        raise InputError("kein GeoJSON-Objekt (es fehlt „type“).", file=filename)
    _check_crs(parsed, filename)
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
    for n, item in enumerate(items):
        where = f"Objekt {n + 1}"
        if not isinstance(item, Mapping) or item.get("type") != "Feature":
            raise InputError(f"{where} ist kein Feature.", file=filename)
        props = item.get("properties") or {}
        if not isinstance(props, Mapping):
            raise InputError(f"{where}: „properties“ ist kein Objekt.", file=filename)
        shape = _geometry(item.get("geometry"), filename, where)
        if shape:
            features.append(Feature(filename, n, dict(props), shape))
    if not features:
        raise InputError("enthält keine Flächen (Polygon oder MultiPolygon).", file=filename)
    return features


def read_files(paths: Iterable[str | Path]) -> list[Feature]:
    """The areas of several GeoJSON files; a folder stands for its ``.json``/``.geojson`` files."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir() if p.suffix.lower() in (".json", ".geojson")
            )  # fmt: skip
            if not found:
                raise WorkbenchError(f"Im Ordner {path} liegt keine GeoJSON-Datei.")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise WorkbenchError(f"Datei {path} gibt es nicht.")
    features: list[Feature] = []
    for path in files:
        if path.suffix.lower() in (".shp", ".zip"):
            raise InputError(
                "Shapefiles werden nicht gelesen; bitte als GeoJSON (WGS84) exportieren.",
                file=path.name,
            )
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise WorkbenchError(f"{path} lässt sich nicht lesen: {err.strerror}.") from None
        features.extend(read_geojson(raw, path.name))
    return features


# -- matching ------------------------------------------------------------------------------
def name_key(text: str) -> str:
    """A name reduced for matching: ``508_Neudorf-Süd.json`` → ``neudorf-sued``.

    >>> name_key("506_neudorf-sued.json"), name_key("Neudorf Süd"), name_key("Großenbaum")
    ('neudorf-sued', 'neudorf-sued', 'grossenbaum')
    """
    text = re.sub(r"\.(geo)?json$", "", text.strip(), flags=re.IGNORECASE).lower()
    text = text.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    text = re.sub(r"^[0-9]+[\s_.-]*", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_mapping(data: bytes | str, filename: str) -> dict[str, str]:
    """A mapping CSV ``file_or_feature,district`` (a header line is optional) as a dict."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    mapping: dict[str, str] = {}
    for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise InputError("erwartet zwei Spalten: Datei oder Feature, Sozialraum.", filename, n)
        source, district = row[0].strip(), row[1].strip()
        if n == 1 and source.lower() in ("file_or_feature", "datei", "feature", "quelle"):
            continue
        if not source or not district:
            raise InputError("leere Zelle.", filename, n)
        if source in mapping and mapping[source] != district:
            raise InputError(f"„{source}“ ist zweimal verschiedenen Sozialräumen zugeordnet.",
                             filename, n)  # fmt: skip
        mapping[source] = district
    if not mapping:
        raise InputError("die Zuordnungstabelle ist leer.", file=filename)
    return mapping


def feature_id(feature: Feature, name_property: str | None, single: bool) -> str:
    """What identifies a feature for matching: the property value, else the file name."""
    if name_property is not None:
        value = feature.properties.get(name_property)
        if value is None or not str(value).strip():
            raise InputError(
                f"Objekt {feature.index + 1} hat keine Eigenschaft „{name_property}“. "
                f"Vorhanden: {', '.join(sorted(feature.properties)) or 'keine'}.",
                file=feature.filename,
            )
        return str(value).strip()
    if not single:
        raise InputError(
            "enthält mehrere Flächen: bitte mit --name-property sagen, welche Eigenschaft "
            "den Namen des Sozialraums trägt, oder eine Zuordnungstabelle (--mapping) angeben.",
            file=feature.filename,
        )
    return feature.filename


def match_features(
    features: Sequence[Feature],
    districts: Iterable[str],
    name_property: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> BoundaryImport:
    """Match areas to districts (pure); several areas of one district are joined.

    With ``mapping`` the identifier (file name with or without suffix, or the property
    value) is looked up there and must name a declared district; without it, names are
    compared by :func:`name_key`. Raises if no area fits any district.
    """
    targets = sorted(d for d in districts if d != CITYWIDE)
    by_key = {name_key(d): d for d in targets}
    per_file: dict[str, int] = {}
    for f in features:
        per_file[f.filename] = per_file.get(f.filename, 0) + 1
    shapes: dict[str, list[Polygon]] = {}
    unmatched: list[str] = []
    for f in features:
        ident = feature_id(f, name_property, per_file[f.filename] == 1)
        if mapping is not None:
            stem = re.sub(r"\.(geo)?json$", "", ident, flags=re.IGNORECASE)
            district = mapping.get(ident, mapping.get(stem))
            if district is not None and district not in targets:
                raise InputError(
                    f"Die Zuordnung nennt den unbekannten Sozialraum „{district}“. "
                    f"Gültig sind: {', '.join(targets)}."
                )
        else:
            district = by_key.get(name_key(ident))
        if district is None:
            unmatched.append(ident)
        else:
            shapes.setdefault(district, []).extend(f.shape)
    if not shapes:
        raise InputError(
            "Keine Fläche passt zu einem Sozialraum des Projekts "
            f"({', '.join(targets) or 'keine erklärt'}). Gelesen: "
            f"{', '.join(sorted(unmatched)[:8])}{' …' if len(unmatched) > 8 else ''}. "
            "Namen per --name-property oder Zuordnungstabelle (--mapping) angeben."
        )
    return BoundaryImport(
        shapes={d: tuple(shapes[d]) for d in sorted(shapes)},
        unmatched=tuple(sorted(unmatched)),
        missing=tuple(d for d in targets if d not in shapes),
        sources=tuple(sorted(per_file)),
    )


# -- the normalised file -------------------------------------------------------------------
def to_geojson(shapes: Mapping[str, Shape]) -> bytes:
    """The boundaries as one normalised FeatureCollection (sorted, rounded, 2-D)."""

    def rnd(shape: Shape) -> list:
        return [
            [[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring] for ring in polygon]
            for polygon in shape
        ]

    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"district": d},
                "geometry": {"type": "MultiPolygon", "coordinates": rnd(shapes[d])},
            }
            for d in sorted(shapes)
        ],
    }
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def boundaries_path(project_path: str | Path) -> Path:
    """Where a project keeps its district boundaries."""
    return Path(project_path) / GEO_FOLDER / BOUNDARIES_FILE


def load_boundaries(path: str | Path) -> dict[str, Shape] | None:
    """The stored boundaries (district → polygons), or None if none were imported."""
    path = Path(path)
    if not path.is_file():
        return None
    features = read_geojson(path.read_bytes(), path.name)
    return {str(f.properties["district"]): f.shape for f in features}


def import_boundaries(
    project: Project,
    paths: Sequence[str | Path],
    name_property: str | None = None,
    mapping: str | Path | None = None,
) -> BoundaryImport:
    """Read, match and store boundaries in the project (replacing earlier ones; all or none)."""
    table = None
    if mapping is not None:
        mapping = Path(mapping)
        try:
            table = read_mapping(mapping.read_bytes(), mapping.name)
        except OSError as err:
            raise WorkbenchError(f"{mapping} lässt sich nicht lesen: {err.strerror}.") from None
    result = match_features(
        read_files(paths), project.districts()["district"], name_property, table
    )  # fmt: skip
    target = boundaries_path(project.path)
    target.parent.mkdir(exist_ok=True)
    write_atomic(target, to_geojson(result.shapes))
    return result


def boundaries(project: Project) -> dict[str, Shape] | None:
    """The project's district boundaries, or None before ``workbench map --import``."""
    return load_boundaries(boundaries_path(project.path))
