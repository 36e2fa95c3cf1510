"""District boundaries: match the areas of a file to the project's districts, store them.

The files are read by :mod:`workbench.synthesis.geo_read` (GeoJSON, Shapefile, GeoPackage,
KML/KMZ; reprojected to WGS84, the CRS never guessed). A feature is matched to a district
by the value of a property (``name_property``), by a mapping (file or property value →
district), or — for files without properties, such as the Duisburg OpenStreetMap files —
by the file name (``508_hochfeld.json`` → Hochfeld: leading numbers dropped, umlauts and
case ignored). The matched boundaries are stored, normalised and rounded, in
``geo/districts.geojson`` in the project folder.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.domain import InputError, WorkbenchError
from workbench.core.errors import control_shown
from workbench.core.fileio import os_reason, write_atomic
from workbench.core.textio import RawFile, decode, sniff_delimiter, without_sep_hint
from workbench.project import BOUNDARIES
from workbench.store import CITYWIDE
from workbench.store.district_changes import former_names, moved_on
from workbench.store.district_spelling import boundary_names, district_name
from workbench.synthesis.geo_crs import Polygon as Polygon
from workbench.synthesis.geo_crs import Position as Position
from workbench.synthesis.geo_crs import Ring as Ring
from workbench.synthesis.geo_crs import Shape as Shape
from workbench.synthesis.geo_dissolve import dissolve, overlap
from workbench.synthesis.geo_read import Feature as Feature
from workbench.synthesis.geo_read import read_files as read_files
from workbench.synthesis.geo_read import read_geojson as read_geojson
from workbench.synthesis.geo_read import read_shapefile as read_shapefile
from workbench.synthesis.geo_simplify import thin

if TYPE_CHECKING:
    from workbench.project import Project

DECIMALS = 6  # about 0.1 m: enough for a map, small files
SOURCE_SUFFIX = re.compile(r"\.(geojson|json|shp|zip|gpkg|kml|kmz)$", re.IGNORECASE)


@dataclass(frozen=True)
class BoundaryImport:
    """What an import matched: districts with a boundary, features left over, districts left."""

    shapes: dict[str, Shape]
    unmatched: tuple[str, ...] = ()  # features that fit no district (by their identifier)
    missing: tuple[str, ...] = ()  # declared districts without a boundary
    sources: tuple[str, ...] = field(default=())
    formerly: tuple[str, ...] = ()  # former names of districts read as the district now
    notices: tuple[str, ...] = ()  # where each of those went


# -- matching ------------------------------------------------------------------------------
def name_key(text: str) -> str:
    """A name reduced for matching: ``508_Neudorf-Süd.json`` → ``neudorf-sued``.

    Umlauts count however they are encoded: macOS writes file names with "u" plus a
    combining diaeresis (NFD), a geoportal "ü" as one character (NFC).

    >>> name_key("506_neudorf-sued.json"), name_key("Neudorf Süd"), name_key("Großenbaum")
    ('neudorf-sued', 'neudorf-sued', 'grossenbaum')
    >>> name_key("Steinbu\u0308chel.geojson")
    'steinbuechel'
    >>> name_key("01 Wiesdorf"), name_key("3.2 Schlebusch"), name_key("1.10.2_Opladen")
    ('wiesdorf', 'schlebusch', 'opladen')
    """
    text = nfc(SOURCE_SUFFIX.sub("", text.strip())).lower()
    text = text.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    text = re.sub(r"^[0-9]+(?:\.[0-9]+)*[\s_.-]*", "", text)  # "01 ", "508_", "3.2 "
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def number_key(text: str) -> str:
    """A district number as Excel and a geoportal may both write it, else "".

    >>> number_key("01"), number_key("1"), number_key("508.0"), number_key("Manfort")
    ('1', '1', '508', '')
    """
    match = re.fullmatch(r"\s*0*([0-9]+)(?:[.,]0+)?\s*", text)
    return match.group(1) if match else ""


def shown(text: str, limit: int = 80) -> str:
    """A name read from a boundary file as a message shows it: line breaks as "⏎", other
    control characters (a terminal's escape codes, NUL) as "�", cut to ``limit`` characters.

    >>> shown("\\x1b[31mMan\\nfort\\x00")
    '�[31mMan⏎fort�'
    """
    return control_shown(text if len(text) <= limit else text[: limit - 1] + "…")


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (composed umlauts), as names are compared."""
    return unicodedata.normalize("NFC", text)


def read_mapping(data: bytes | str, filename: str) -> dict[str, str]:
    """A mapping CSV ``file_or_feature,district`` (a header line is optional) as a dict.

    Comma, semicolon (German Excel) or tab separate the two columns; empty cells after
    them (German Excel's "a.json;Manfort;;") are no third column.
    """
    # as a table is read: UTF-8, Windows-1252 (Excel), Mac OS Roman
    text = decode(RawFile(filename, data)) if isinstance(data, bytes) else data
    text, hint = without_sep_hint(text)  # Excel's "sep=;"
    mapping: dict[str, str] = {}
    rows = csv.reader(io.StringIO(text), delimiter=hint or sniff_delimiter(text))
    first = 1 + (hint is not None)  # the header's line: below "sep=;"
    for n, row in enumerate(rows, start=first):
        if not row or not "".join(row).strip():
            continue
        while not row[-1].strip():  # "Manfort;Manfort;;": cells Excel keeps after clearing
            row.pop()
        if len(row) != 2:
            raise InputError("erwartet zwei Spalten: Datei oder Feature, Sozialraum.", filename, n)
        source, district = nfc(row[0].strip()), nfc(row[1].strip())
        if n == first and (
            source.lower() in ("file_or_feature", "datei", "feature", "quelle")
            or district.lower() in ("district", "sozialraum")
        ):
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
        if value is None:  # shapefile attributes are often upper case: NAME for name
            same = [k for k in feature.properties if k.lower() == name_property.lower()]
            value = feature.properties[same[0]] if len(same) == 1 else None
        if value is None or not str(value).strip():
            present = any(k.lower() == name_property.lower() for k in feature.properties)
            raise InputError(
                f"Objekt {feature.index + 1} hat keinen Wert in der Eigenschaft „{name_property}“."
                if present
                else f"Objekt {feature.index + 1} hat keine Eigenschaft „{name_property}“"
                + (f" (Eigenschaften aus {feature.source})" if feature.source else "")
                + f". Vorhanden: {', '.join(sorted(map(shown, feature.properties))) or 'keine'}.",
                file=feature.filename,
            )
        return str(value).strip()
    if not single:
        raise InputError(
            "enthält mehrere Flächen: bitte mit --name-property sagen, welche Eigenschaft "
            "den Namen des Sozialraums trägt (vorhanden: "
            f"{', '.join(sorted(map(shown, feature.properties))) or 'keine'}); eine "
            "Zuordnungstabelle (--mapping) ordnet dann die Werte dieser Eigenschaft zu.",
            file=feature.filename,
        )
    return feature.filename


def _outline(polygon: Polygon) -> tuple[float, float, float, float, float]:
    """The outer ring's bounding box and area (square degrees)."""
    ring = polygon[0]
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    area = abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2
    return min(xs), min(ys), max(xs), max(ys), area


def _refuse_twice(district: str, polygons: Sequence[Polygon], files: Sequence[str]) -> None:
    """Refuse one area read twice for a district (the same boundaries in two formats, a ZIP
    beside its unpacked files): joined, the two would cancel out and leave it blank."""
    seen: list[tuple[tuple[float, ...], str]] = []
    for polygon, filename in zip(polygons, files, strict=True):
        box = _outline(polygon)
        for other, where in seen:
            same_box = all(abs(a - b) < 1e-5 for a, b in zip(box[:4], other[:4], strict=True))
            if same_box and abs(box[4] - other[4]) <= 0.005 * max(box[4], other[4]):
                if where == filename:  # the file given twice, or the area twice in it
                    raise InputError(
                        f"Die Fläche von {district} steht zweimal darin (die Datei zweimal "
                        "angegeben?). Bitte jede Fläche nur einmal importieren.",
                        file=filename,
                    )
                raise InputError(
                    f"Die Fläche von {district} steht zweimal: in {where} und in {filename} "
                    "– wohl dieselben Grenzen in zwei Formaten oder eine ZIP-Datei neben "
                    "ihren entpackten Dateien. Bitte nur eine davon importieren."
                )
        seen.append((box, filename))


def _refuse_overlap(district: str, polygons: Sequence[Polygon], names: Sequence[str]) -> None:
    """Refuse two areas of a district of which one lies on the other (a Stadtbezirk matched
    by its name and its Ortsteile by the mapping): drawn together, the map left it blank."""
    found = overlap(polygons, names)
    if found is not None:
        one, other = names[found[0]], names[found[1]]
        raise InputError(
            f"Die Flächen „{one}“ und „{other}“ gehören beide zu {district} und liegen "
            "übereinander (etwa ein Stadtbezirk und seine Ortsteile). Bitte nur eine davon "
            "importieren oder die Zuordnung (--mapping) prüfen."
        )


def _joined(polygons: Sequence[Polygon]) -> Shape:
    """A district's areas joined along the borders they share (the Ortsteile of a
    Sozialraum), so that the map draws the district, not its parts; as stored, rounded."""
    rounded = tuple(
        tuple(tuple((round(x, DECIMALS), round(y, DECIMALS)) for x, y in ring) for ring in p)
        for p in polygons
    )
    joined = dissolve(rounded)
    return tuple(polygons) if joined == rounded else joined


def match_features(
    features: Sequence[Feature],
    districts: Iterable[str],
    name_property: str | None = None,
    mapping: Mapping[str, str] | None = None,
    former: Mapping[str, str] | None = None,
) -> BoundaryImport:
    """Match areas to districts (pure); several areas of one district are joined.

    The identifier of an area is its ``name_property`` value, else its file name. With
    ``mapping`` it is looked up there first (file names with or without suffix) and must
    name a declared district; an area the mapping does not list, or every area without a
    mapping, is matched by name (:func:`name_key`): a mapping need only list the names
    that differ. ``former`` maps names since renamed or merged away to the district now
    ("Opladen" → "Manfort": its area joins Manfort's). Areas joined in a district lose the
    borders they share (:func:`workbench.synthesis.geo_dissolve.dissolve`). Raises if no
    area fits any district.
    """
    targets = sorted(d for d in districts if d != CITYWIDE)
    by_key = {name_key(d): d for d in targets}
    formerly = {  # a district's own name goes first ("Opladen" re-created by hand)
        name_key(old): old
        for old, now in (former or {}).items()
        if now in targets and name_key(old) not in by_key
    }
    by_key.update({key: (former or {})[old] for key, old in formerly.items()})
    read_formerly: list[str] = []
    by_number = {number_key(k): d for k, d in (mapping or {}).items() if number_key(k)}
    per_file: dict[str, int] = {}
    for f in features:
        per_file[f.filename] = per_file.get(f.filename, 0) + 1
    shapes: dict[str, list[Polygon]] = {}
    origins: dict[str, list[str]] = {}  # the file of each polygon in ``shapes``
    names: dict[str, list[str]] = {}  # the feature (identifier) of each polygon
    unmatched: list[str] = []
    for f in features:
        ident = nfc(feature_id(f, name_property, per_file[f.filename] == 1))
        district = None
        if mapping is not None:
            stem = SOURCE_SUFFIX.sub("", ident)
            district = mapping.get(ident, mapping.get(stem, by_number.get(number_key(ident))))
            if district is not None:  # typed by hand: "steinbuechel" is Steinbüchel
                if name_key(district) in formerly:
                    read_formerly.append(formerly[name_key(district)])
                district = by_key.get(name_key(district), district)
            if district is not None and district not in targets:
                raise InputError(
                    f"Die Zuordnung nennt den unbekannten Sozialraum „{district}“. "
                    f"Gültig sind: {', '.join(targets)}."
                )
        if district is None:  # "OPLADEN" beside Opladen (an older project): its own
            district = ident if ident in targets else by_key.get(name_key(ident))
            if district is not None and name_key(ident) in formerly:
                read_formerly.append(formerly[name_key(ident)])
        if district is None:
            unmatched.append(ident)
        else:
            shapes.setdefault(district, []).extend(f.shape)
            origins.setdefault(district, []).extend(f.filename for _ in f.shape)
            names.setdefault(district, []).extend(ident for _ in f.shape)
    for district, polygons in shapes.items():
        _refuse_twice(district, polygons, origins[district])
        _refuse_overlap(district, polygons, names[district])
    if not shapes:
        raise InputError(
            "Keine Fläche passt zu einem Sozialraum des Projekts "
            f"({', '.join(targets) or 'keine erklärt'}). Gelesen aus "
            f"{', '.join(map(shown, sorted(per_file)))}: "
            f"{', '.join(map(shown, sorted(unmatched)[:8]))}{' …' if len(unmatched) > 8 else ''}. "
            "Namen per --name-property oder Zuordnungstabelle (--mapping) angeben."
        )
    return BoundaryImport(
        shapes={d: _joined(shapes[d]) for d in sorted(shapes)},
        unmatched=tuple(sorted(unmatched)),
        missing=tuple(d for d in targets if d not in shapes),
        sources=tuple(sorted(per_file)),
        formerly=tuple(dict.fromkeys(read_formerly)),
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
    return Path(project_path) / BOUNDARIES


def load_boundaries(path: str | Path) -> dict[str, Shape] | None:
    """The stored boundaries (district → polygons), or None if none were imported."""
    named = _written_boundaries(path)
    return None if named is None else stored_shapes(named)


def _written_boundaries(path: str | Path) -> list[tuple[str, Shape]] | None:
    """The stored boundaries each under its name as the file writes it (before migration
    0010 perhaps with invisible characters), or None if none were imported."""
    path = Path(path)
    if not path.is_file():
        return None
    # a file put there by hand (the city's own, a broken copy) is named with the remedy
    # rather than failing every report and app that draws a map
    try:
        features = read_geojson(path.read_bytes(), path.name)
        return [(str(f.properties["district"]), f.shape) for f in features]
    except (OSError, InputError, KeyError) as err:
        if isinstance(err, KeyError):
            reason = "eine Fläche ohne Eigenschaft „district“"
        else:
            reason = err.message.rstrip(".") if isinstance(err, InputError) else os_reason(err)
        raise InputError(
            f"Die Grenzen der Sozialräume sind nicht lesbar ({reason}); neu importieren "
            "mit: workbench map --import DATEI",
            file=str(path),
        ) from None


def import_boundaries(
    project: Project,
    paths: Sequence[str | Path],
    name_property: str | None = None,
    mapping: str | Path | None = None,
    crs: str | None = None,
    layer: str | None = None,
) -> BoundaryImport:
    """Read, match and store boundaries in the project (replacing earlier ones; all or none).

    ``crs`` (e.g. ``"EPSG:25832"``) is the system of files that name none; ``layer`` the
    layer of a GeoPackage with several layers of areas.
    """
    table = None
    if mapping is not None:
        mapping = Path(mapping)
        try:
            table = read_mapping(mapping.read_bytes(), mapping.name)
        except OSError as err:
            raise WorkbenchError(f"{mapping} lässt sich nicht lesen: {os_reason(err)}.") from None
    features = read_files(paths, crs, layer)
    with project.session() as session:  # the city's file may still name "Opladen"
        former = former_names(session)
        result = match_features(
            features, project.districts()["district"], name_property, table, former
        )
        notices = moved_on(session, result.formerly, "die Fläche gehört zu")
    result = replace(result, notices=tuple(notices))
    target = boundaries_path(project.path)
    target.parent.mkdir(exist_ok=True)
    write_atomic(target, to_geojson(thin(result.shapes)))  # what a map can show
    return result


def stored_shapes(named: Iterable[tuple[str, Shape]]) -> dict[str, Shape]:
    r"""Boundaries by district, named as the project stores a name (:func:`district_name`):
    a file written before migration 0010 (decision 025) may name "Opla\u202eden" or
    "Opladen\x1b[0m", which the database calls "Opladen" since; two spellings of one
    district (merged by the upgrade) are that district with both areas.

    >>> sorted(stored_shapes([("Opla\u202eden", ((),)), ("Opladen", ((),))]).items())
    [('Opladen', ((), ()))]
    """
    shapes: dict[str, Shape] = {}
    for name, shape in named:
        key = district_name(name)
        shapes[key] = shapes.get(key, ()) + tuple(shape)
    return shapes


def boundaries(project: Project) -> dict[str, Shape] | None:
    r"""The project's district boundaries, or None before ``workbench map --import``;
    each under its district's name as stored (:func:`boundary_names`: a file's name the
    same but for case, as the upgrade may have merged "opla\u202eden" into "Opladen", is
    that district's; "Gesamt\u200bstadt" the district 0010 called "Gesamtstadt (2)")."""
    named = _written_boundaries(boundaries_path(project.path))
    if not named:
        return None if named is None else {}
    stored = [str(name) for name in project.districts()["district"]]
    owners = boundary_names([name for name, _ in named], stored)
    city = CITYWIDE.casefold()  # a numbered district's of several: no one's, not the city's
    return stored_shapes(
        (owners.get(name, name), shape)
        for name, shape in named
        if name in owners or district_name(name).casefold() != city
    )


def boundaries_of_no_district(project: Project) -> list[str]:
    """The names in the project's boundaries file that are no stored district's
    (:func:`boundary_names`), as stored names read: e.g. two districts migration 0010
    called "Gesamtstadt (2)" and "(3)", whose file names do not say which was which."""
    named = _written_boundaries(boundaries_path(project.path)) or []
    stored = [str(name) for name in project.districts()["district"]]
    owners = boundary_names([name for name, _ in named], stored)
    return sorted({district_name(name) for name, _ in named if name not in owners})


def no_district_notice(names: Sequence[str]) -> list[str]:
    """The German notice on boundaries of no district (:func:`boundaries_of_no_district`)."""
    if not names:
        return []
    one = len(names) == 1
    return [
        f"Hinweis: {'Die Grenze' if one else f'{len(names)} Grenzen'} "
        f"{', '.join(f'„{shown(n)}“' for n in names)} in {BOUNDARIES} "
        f"{'gehört' if one else 'gehören'} zu keinem Sozialraum des Projekts (etwa einem, den "
        f"die Aktualisierung „{CITYWIDE} (2)“ nannte); Karten zeigen sie nicht. Grenzen "
        "neu importieren: workbench map --import DATEI (abweichende Namen mit --mapping CSV)."
    ]
