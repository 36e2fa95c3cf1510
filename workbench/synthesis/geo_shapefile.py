"""ESRI Shapefiles (a bare ``.shp`` with its siblings, or zipped) read with pyshp.

A shapefile is several files of one name: ``.shp`` (geometry), ``.shx`` (index), ``.dbf``
(attributes), optionally ``.prj`` (the CRS as WKT) and ``.cpg`` (the attributes'
encoding). Without ``.cpg`` the attributes are read as UTF-8, else as cp1252 (Windows,
what most German geoportals export). Rings follow the shapefile rule (outer rings
clockwise, holes counter-clockwise); pyshp groups them into polygons with their holes.
Only polygon shapefiles are boundaries: points and lines are refused. The parts are read
into memory (nothing is extracted to disk) and pyshp is given file objects, never a path.

pyshp is imported on first use.
"""

from __future__ import annotations

import codecs
import io
import itertools
import math
import struct
import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from workbench.core.archives import BROKEN_ZIP, unpack_member
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import os_reason
from workbench.synthesis.geo_crs import Polygon, Ring, Shape

SUFFIXES = (".shp", ".shx", ".dbf", ".prj", ".cpg")
MAX_BYTES = 512 * 1024 * 1024  # unpacked parts of one zipped shapefile
POLYGON_TYPES = (5, 15, 25)  # POLYGON, POLYGONZ, POLYGONM
KINDS = {1: "Punkte", 8: "Punkte", 3: "Linien", 31: "Multipatch-Körper"}  # + 10, + 20 (Z, M)
CODEPAGES = {"65001": "utf-8", "88591": "latin-1", "ansi": "cp1252"}


@dataclass(frozen=True)
class Layer:
    """What a shapefile holds: (index, attributes, polygons) per record, and its ``.prj``."""

    filename: str  # the name the user gave: the .shp or the .zip
    records: tuple[tuple[int, dict[str, Any], Shape], ...]
    prj: str | None


def _codec(cpg: bytes | None) -> str | None:
    """The Python codec a ``.cpg`` names (``UTF-8``, ``1252``, ``ANSI 1252``…), if known."""
    if not cpg:
        return None
    text = cpg.decode("ascii", "replace").strip().lower()
    text = CODEPAGES.get(text.replace("-", "").replace(" ", ""), text)
    text = text.removeprefix("ansi").strip()
    if text.isdigit():
        text = CODEPAGES.get(text, f"cp{text}")
    try:
        return codecs.lookup(text).name
    except LookupError:
        return None


def _rings(shape: Any, where: str, filename: str) -> Shape:
    """The polygons of one shapefile record (empty for a record without geometry)."""
    import shapefile

    if shape.shapeType == 0 or not shape.points:
        return ()
    bounds = [*shape.parts, len(shape.points)]
    rings = [shape.points[a:b] for a, b in itertools.pairwise(bounds)]
    polygons: list[Polygon] = []
    for group in shapefile.organize_polygon_rings(rings):
        polygon: list[Ring] = []
        for points in group:
            ring = [(float(p[0]), float(p[1])) for p in points]
            if not all(math.isfinite(v) for p in ring for v in p):
                raise InputError(f"{where}: Koordinate ist nicht endlich.", file=filename)
            if ring and ring[0] != ring[-1]:
                ring.append(ring[0])
            if len(ring) < 4:
                raise InputError(f"{where}: ein Ring braucht mindestens drei Punkte.",
                                 file=filename)  # fmt: skip
            polygon.append(tuple(ring))
        polygons.append(tuple(polygon))
    return tuple(polygons)


def _read(parts: Mapping[str, bytes], filename: str, encoding: str) -> Layer:
    import shapefile

    shx = parts.get(".shx")
    reader = shapefile.Reader(
        shp=io.BytesIO(parts[".shp"]),
        shx=io.BytesIO(shx) if shx else None,
        dbf=io.BytesIO(parts[".dbf"]),
        encoding=encoding,
        encodingErrors="strict",
    )
    with reader:
        kind = reader.shapeType
        if kind not in POLYGON_TYPES and kind != 0:
            what = KINDS.get(kind % 10 if kind < 30 else kind, f"Geometrietyp {kind}")
            raise InputError(
                f"enthält {what} ({reader.shapeTypeName}) statt Flächen: Grenzen von "
                "Sozialräumen müssen Polygone sein.",
                file=filename,
            )
        records = []
        for n, item in enumerate(reader.iterShapeRecords()):
            shape = _rings(item.shape, f"Objekt {n + 1}", filename)
            if shape:
                records.append((n, item.record.as_dict(), shape))
    prj = parts.get(".prj")
    text = prj.decode("utf-8", "replace").strip() if prj else None
    return Layer(filename, tuple(records), text or None)


def read_parts(parts: Mapping[str, bytes], filename: str) -> Layer:
    """Read a shapefile from its parts (suffix → bytes), as named in ``filename`` (pure)."""
    import shapefile

    if not parts.get(".shp"):
        raise InputError("Die Datei ist leer.", file=filename)
    if ".dbf" not in parts:
        raise InputError(
            "Zum Shapefile fehlt die .dbf-Datei mit den Eigenschaften (Namen) der Flächen. "
            "Bitte alle Teile gleichen Namens mitgeben (.shp, .shx, .dbf, .prj, .cpg), "
            "am einfachsten als ZIP-Datei.",
            file=filename,
        )
    declared = _codec(parts.get(".cpg"))
    encodings = dict.fromkeys(e for e in (declared, "utf-8", "cp1252", "latin-1") if e)
    for encoding in encodings:
        try:
            with warnings.catch_warnings():  # pyshp warns in English of a damaged header
                warnings.simplefilter("ignore")
                return _read(parts, filename, encoding)
        except (UnicodeDecodeError, shapefile.ShapefileException):
            continue  # a wrong encoding, or a broken file: try the next one
        except (struct.error, ValueError, IndexError, EOFError, KeyError, TypeError):
            break  # a damaged header or record (pyshp looks up a type it does not know)
    # pyshp's own words are English and name its internals: the file is what the user knows
    raise InputError("kein lesbares Shapefile (beschädigt oder abgeschnitten).", file=filename)


def _siblings(path: Path) -> dict[str, bytes]:
    """The parts of a bare ``.shp``: files of the same name beside it (any case)."""
    parts = {}
    for other in path.parent.iterdir():
        suffix = other.suffix.lower()
        if other.stem.lower() == path.stem.lower() and suffix in SUFFIXES and other.is_file():
            try:
                parts[suffix] = other.read_bytes()
            except OSError as err:
                raise WorkbenchError(f"{other} lässt sich nicht lesen: {os_reason(err)}.") from None
    return parts


# Boundary files the workbench reads from a ZIP without a shapefile (geo_read.ZIPPED)
_READ = (".geojson", ".json", ".gpkg", ".kml")


def unzip_problem(err: Exception) -> str:
    """Why a member of a ZIP archive could not be read, in German (zipfile says it in English).

    >>> unzip_problem(RuntimeError("File 'a.shp' is encrypted, password required"))
    'sie ist mit einem Passwort geschützt'
    """
    text = str(err)
    if "encrypted" in text or "password" in text:
        return "sie ist mit einem Passwort geschützt"
    if isinstance(err, NotImplementedError) or "compression" in text.lower():
        return "ihr Packverfahren wird nicht unterstützt; bitte als gewöhnliche ZIP-Datei packen"
    if "CRC" in text:
        return "Prüfsumme falsch: beschädigt"
    return "beschädigt oder abgeschnitten"


def open_zip(path: Path, not_a_zip: str = "keine gültige ZIP-Datei.") -> zipfile.ZipFile:
    """A ZIP archive opened for reading; ``not_a_zip`` is the message when it is none."""
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(not_a_zip, file=path.name) from None
    except OSError as err:
        raise WorkbenchError(f"{path} lässt sich nicht lesen: {os_reason(err)}.") from None


def _unzip(path: Path, layer: str | None = None) -> dict[str, bytes]:
    """The parts of the one shapefile in a ZIP archive, or of the one named ``layer``."""
    with open_zip(path) as archive:
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir()
            and "__MACOSX" not in PurePosixPath(m.filename).parts
            and not PurePosixPath(m.filename).name.startswith("._")
        ]
        shps = [m for m in members if PurePosixPath(m.filename).suffix.lower() == ".shp"]
        if not shps:
            names = ", ".join(m.filename for m in members[:8]) or "nichts"
            boundaries = [m for m in members if PurePosixPath(m.filename).suffix.lower() in _READ]
            if len(boundaries) > 1:  # one GeoJSON per Stadtteil: read as a folder
                raise InputError(
                    f"Die ZIP-Datei enthält mehrere Grenzdateien ({names}); aus einer ZIP-Datei "
                    "liest die Werkbank eine. Bitte entpacken und den Ordner importieren: "
                    "workbench map --import ORDNER.",
                    file=path.name,
                )
            raise InputError(
                f"Die ZIP-Datei enthält kein Shapefile (.shp), sondern: {names}.",
                file=path.name,
            )
        if layer is not None and len(shps) > 1:
            stem = layer.removesuffix(".shp").lower()
            shps = [m for m in shps if PurePosixPath(m.filename).stem.lower() == stem] or shps
        if len(shps) > 1:
            names = ", ".join(PurePosixPath(m.filename).stem for m in shps)
            raise InputError(
                f"Die ZIP-Datei enthält mehrere Shapefiles ({names})"
                + (f", keines heißt „{layer}“" if layer is not None else "")
                + ". Bitte mit --layer NAME eines wählen.",
                file=path.name,
            )
        shp = PurePosixPath(shps[0].filename)
        chosen = {}
        for m in members:
            name = PurePosixPath(m.filename)
            same = name.parent == shp.parent and name.stem.lower() == shp.stem.lower()
            if same and name.suffix.lower() in SUFFIXES:
                chosen[name.suffix.lower()] = m
        if sum(m.file_size for m in chosen.values()) > MAX_BYTES:
            raise InputError("Das Shapefile ist entpackt größer als 512 MB.", file=path.name)
        try:  # each holding what it declares
            return {suffix: unpack_member(archive, m, path.name) for suffix, m in chosen.items()}
        except (*BROKEN_ZIP, RuntimeError) as err:
            raise InputError(f"Die ZIP-Datei lässt sich nicht entpacken ({unzip_problem(err)}).",
                             file=path.name) from None  # fmt: skip


def read_shapefile(path: Path, layer: str | None = None) -> Layer:
    """The polygons and attributes of a ``.shp`` (with its siblings) or a zipped shapefile
    (the one named ``layer`` of several in one ZIP)."""
    parts = _unzip(path, layer) if path.suffix.lower() == ".zip" else _siblings(path)
    return read_parts(parts, path.name)
