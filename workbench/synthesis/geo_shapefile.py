"""ESRI Shapefiles (a bare ``.shp`` with its siblings, or zipped) read with pyshp.

A shapefile is several files of one name: ``.shp`` (geometry), ``.shx`` (index), ``.dbf``
(attributes), optionally ``.prj`` (the CRS as WKT) and ``.cpg`` (the attributes'
encoding). Without ``.cpg`` the attributes are read as UTF-8, else as cp1252 (Windows,
what most German geoportals export). Rings follow the shapefile rule (outer rings
clockwise, holes counter-clockwise); pyshp groups them into polygons with their holes.
Only polygon shapefiles are boundaries: points and lines are refused. The parts are read
into memory (nothing is extracted to disk) and pyshp is given file objects, never a path.

The ``.shp`` is read record by record from its own headers: the ``.shx`` is only an index
of them (a missing or damaged one changes nothing, one that lists fewer records no
longer drops areas). Each record of the ``.shp`` belongs to the record of the ``.dbf``
at the same position (a deleted one, flagged in the ``.dbf``, is left out with its
area); if their numbers differ, the names cannot be given to the areas and the file is
refused. A damaged part is named in the message (``Eintrag 'Stadtteile/x.dbf'`` in a
ZIP, ``x.dbf`` beside a bare ``.shp``).

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
    prj_name: str = ".prj-Datei"  # the .prj as messages name it: "Eintrag 'a/x.prj'"
    dbf_name: str = ".dbf-Datei"  # where the attribute names are read


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
        codec = codecs.lookup(text)
    except (LookupError, ValueError):  # ValueError: a NUL byte in the name
        return None
    # "hex", "rot13", "zlib" name codecs of bytes, not of text: unknown as code pages
    return codec.name if getattr(codec, "_is_text_encoding", True) else None


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


_ROLE = {".shp": "Flächen", ".shx": "Index", ".dbf": "Eigenschaften", ".prj": "Projektion",
         ".cpg": "Zeichensatz"}  # fmt: skip
# What pyshp raises on a damaged part (an unknown type is looked up: KeyError)
_BROKEN = (struct.error, ValueError, IndexError, EOFError, KeyError, TypeError, AttributeError,
           ZeroDivisionError)  # fmt: skip


def _damaged(part: str, suffix: str, filename: str, detail: str = "") -> InputError:
    """The refusal of a part of a shapefile that cannot be read, naming it."""
    return InputError(
        f"kein lesbares Shapefile: {part} ({_ROLE[suffix]}, {suffix}) ist beschädigt oder "
        f"abgeschnitten{detail}. Bitte das Shapefile neu herunterladen oder neu exportieren.",
        file=filename,
    )


def _shape_lengths(shp: bytes, part: str, filename: str) -> list[int]:
    """The length of each record of a ``.shp``, walked along the records' own headers
    (the ``.shx`` would say the same, or less if it is damaged)."""
    if len(shp) < 100 or struct.unpack(">i", shp[:4])[0] != 9994:
        raise _damaged(part, ".shp", filename, " (kein Shapefile-Kopf)")
    lengths: list[int] = []
    pos = 100
    while pos < len(shp):
        if pos + 8 > len(shp):
            raise _damaged(part, ".shp", filename, f" (nach Objekt {len(lengths)})")
        size = 2 * struct.unpack(">i", shp[pos + 4 : pos + 8])[0]
        if size < 4 or pos + 8 + size > len(shp):
            raise _damaged(part, ".shp", filename, f" (Objekt {len(lengths) + 1})")
        lengths.append(size)
        pos += 8 + size
    return lengths


def _shapes(shp: bytes, part: str, filename: str) -> list[Shape]:
    """The polygons of each record of a ``.shp`` (empty for a record without geometry)."""
    import shapefile

    lengths = _shape_lengths(shp, part, filename)
    n = 0
    try:
        with warnings.catch_warnings():  # pyshp warns in English of a damaged header
            warnings.simplefilter("ignore")
            with shapefile.Reader(shp=io.BytesIO(shp)) as reader:
                kind = reader.shapeType
                if kind not in POLYGON_TYPES and kind != 0:
                    what = KINDS.get(kind % 10 if kind < 30 else kind, f"Geometrietyp {kind}")
                    raise InputError(
                        f"enthält {what} ({reader.shapeTypeName}) statt Flächen: Grenzen von "
                        "Sozialräumen müssen Polygone sein.",
                        file=filename,
                    )
                shapes = []
                for n, item in enumerate(reader.shp_reader.iterShapes(shape_lengths_B=lengths)):
                    shapes.append(_rings(item, f"Objekt {n + 1}", filename))
    except (shapefile.ShapefileException, *_BROKEN):
        raise _damaged(part, ".shp", filename, f" (Objekt {n + 1})") from None
    return shapes


def _records(dbf: bytes, encoding: str, part: str, filename: str) -> list[dict[str, Any] | None]:
    """The attributes of each record of a ``.dbf`` (None for one flagged as deleted);
    pyshp's ``ShapefileException`` if they are not in ``encoding`` (or the file is broken in
    a way the next encoding will not mend either)."""
    import shapefile

    if len(dbf) < 33:
        raise _damaged(part, ".dbf", filename)
    count, header, size = struct.unpack("<4xIHH", dbf[:12])
    if header < 33 or size < 1 or header + count * size > len(dbf):
        raise _damaged(part, ".dbf", filename)
    if _broken_field_name(dbf[32 : header - 1]):
        raise _damaged(part, ".dbf", filename, " (Kopf mit den Namen der Eigenschaften)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with shapefile.Reader(
                dbf=io.BytesIO(dbf), encoding=encoding, encodingErrors="strict"
            ) as reader:
                return [
                    None if record is None else record.as_dict()
                    for record in reader.iterRecords(deleted_as_None=True)
                ]
    except (UnicodeDecodeError, shapefile.ShapefileException):
        raise  # pyshp words a field it cannot decode as a ShapefileException
    except _BROKEN:
        raise _damaged(part, ".dbf", filename) from None


def _broken_field_name(descriptors: bytes) -> bool:
    """Whether a field name of a ``.dbf`` header (up to 10 bytes of a 32-byte descriptor,
    ended by NUL bytes) is empty or holds more bytes after its NUL end: a damaged header
    (pyshp would read a name such as ``NAME\\x00\\x00ÿ``). The 11th byte, always NUL,
    pyshp does not read: a flipped one there is left alone."""
    for start in range(0, len(descriptors) - 31, 32):
        if descriptors[start] == 0x0D:  # the end of the field descriptors
            break
        name = descriptors[start : start + 10]
        text, _, padding = name.partition(b"\0")
        if padding.strip(b"\0") or not text:
            return True
    return False


def read_parts(
    parts: Mapping[str, bytes], filename: str, names: Mapping[str, str] | None = None
) -> Layer:
    """Read a shapefile from its parts (suffix → bytes), as named in ``filename`` (pure);
    ``names`` says how messages name each part (suffix → ``Eintrag 'a/x.dbf'``)."""
    label = {**{suffix: f"die {suffix}-Datei" for suffix in SUFFIXES}, **(names or {})}
    if not parts.get(".shp"):
        if names is None or not filename.lower().endswith(".zip"):
            raise InputError("Die Datei ist leer.", file=filename)
        raise InputError(f"{label['.shp']} (Flächen, .shp) ist leer.", file=filename)
    if ".dbf" not in parts:
        expected = f" ({label['.dbf']})" if names else ""
        raise InputError(
            f"Zum Shapefile fehlt die .dbf-Datei{expected} mit den Eigenschaften (Namen) der "
            "Flächen. "
            "Bitte alle Teile gleichen Namens mitgeben (.shp, .shx, .dbf, .prj, .cpg), "
            "am einfachsten als ZIP-Datei.",
            file=filename,
        )
    import shapefile

    shapes = _shapes(parts[".shp"], label[".shp"], filename)
    declared = _codec(parts.get(".cpg"))
    for encoding in dict.fromkeys(e for e in (declared, "utf-8", "cp1252", "latin-1") if e):
        try:
            records = _records(parts[".dbf"], encoding, label[".dbf"], filename)
            break
        except (UnicodeDecodeError, shapefile.ShapefileException):
            continue  # a wrong encoding (latin-1 decodes any byte), or a broken file
    else:
        raise _damaged(label[".dbf"], ".dbf", filename)
    if len(records) != len(shapes):
        raise InputError(
            f"Die Teile des Shapefiles passen nicht zusammen: {label['.shp']} enthält "
            f"{len(shapes)} Objekte, {label['.dbf']} Eigenschaften für {len(records)}; welcher "
            "Name zu welcher Fläche gehört, ist so nicht sicher. Bitte das Shapefile neu "
            "herunterladen oder neu exportieren.",
            file=filename,
        )
    found = tuple(
        (n, record, shape)
        for n, (record, shape) in enumerate(zip(records, shapes, strict=True))
        if record is not None and shape  # a deleted record, or one without geometry
    )
    prj = parts.get(".prj")
    text = prj.decode("utf-8", "replace").strip() if prj else None
    return Layer(filename, found, text or None, label[".prj"], label[".dbf"])


def _siblings(path: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The parts of a bare ``.shp``: files of the same name beside it (any case), and their
    names."""
    parts, names = {}, {}
    for other in path.parent.iterdir():
        suffix = other.suffix.lower()
        if other.stem.lower() == path.stem.lower() and suffix in SUFFIXES and other.is_file():
            try:
                parts[suffix] = other.read_bytes()
            except OSError as err:
                raise WorkbenchError(f"{other} lässt sich nicht lesen: {os_reason(err)}.") from None
            names[suffix] = other.name
    return parts, {**{s: f"{path.stem}{s}" for s in SUFFIXES}, **names}


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


def _unzip(path: Path, layer: str | None = None) -> tuple[dict[str, bytes], dict[str, str]]:
    """The parts of the one shapefile in a ZIP archive, or of the one named ``layer``, and
    how messages name them (``Eintrag 'Stadtteile/x.dbf'``)."""
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
        stems = [PurePosixPath(m.filename).stem for m in shps]
        # two of one name in different folders are told apart by their folder
        shown = [
            PurePosixPath(m.filename).with_suffix("").as_posix() if stems.count(stem) > 1 else stem
            for m, stem in zip(shps, stems, strict=True)
        ]
        matching = shps
        if layer is not None and len(shps) > 1:
            wanted = layer.removesuffix(".shp").lower()
            matching = [
                m
                for m, stem in zip(shps, stems, strict=True)
                if wanted
                in (stem.lower(), PurePosixPath(m.filename).with_suffix("").as_posix().lower())
            ]
            shps = matching or shps
        if len(shps) > 1:
            said = ", ".join(shown)
            if layer is None:
                which = ""
            elif matching:
                which = f", mehrere heißen „{layer}“"
                said = ", ".join(PurePosixPath(m.filename).with_suffix("").as_posix() for m in shps)
            else:
                which = f", keines heißt „{layer}“"
            raise InputError(
                f"Die ZIP-Datei enthält mehrere Shapefiles ({said}){which}. Bitte mit "
                "--layer NAME eines wählen (bei gleichen Namen mit Ordner: --layer ORDNER/NAME).",
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
        parts = {}
        for suffix, member in chosen.items():
            try:  # each holding what it declares
                parts[suffix] = unpack_member(archive, member, path.name)
            except (*BROKEN_ZIP, RuntimeError) as err:  # damaged, encrypted: named here
                problem = f"{unzip_problem(err)}: Eintrag '{member.filename}'"
                raise InputError(
                    f"Die ZIP-Datei lässt sich nicht entpacken ({problem}).", file=path.name
                ) from None
        if ".dbf" not in chosen:  # beside the .shp: or is it in another folder?
            elsewhere = [
                m.filename
                for m in members
                if PurePosixPath(m.filename).stem.lower() == shp.stem.lower()
                and PurePosixPath(m.filename).suffix.lower() == ".dbf"
            ]
            if elsewhere:
                raise InputError(
                    f"Die .dbf-Datei zu '{shp}' liegt in einem anderen Ordner der ZIP-Datei "
                    f"('{elsewhere[0]}'); bitte alle Teile des Shapefiles in einen Ordner packen.",
                    file=path.name,
                )
        names = {suffix: f"Eintrag '{shp.with_suffix(suffix)}'" for suffix in SUFFIXES}
        return parts, {
            **names,
            **{suffix: f"Eintrag '{m.filename}'" for suffix, m in chosen.items()},
        }


def read_shapefile(path: Path, layer: str | None = None) -> Layer:
    """The polygons and attributes of a ``.shp`` (with its siblings) or a zipped shapefile
    (the one named ``layer`` of several in one ZIP)."""
    parts, names = _unzip(path, layer) if path.suffix.lower() == ".zip" else _siblings(path)
    return read_parts(parts, path.name, names)
