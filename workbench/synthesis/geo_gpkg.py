"""GeoPackages (``.gpkg``) read with Python's sqlite3: no GDAL needed.

A GeoPackage (OGC 12-128r18) is an SQLite database: ``gpkg_contents`` lists its layers,
``gpkg_geometry_columns`` names each layer's geometry column and spatial reference,
``gpkg_spatial_ref_sys`` holds the references (EPSG code and WKT). A geometry is a small
header ("GP", flags, SRS id, envelope) followed by ISO WKB (Z and M values are dropped;
the older 0x80000000 flag for Z is read too). The file is opened read-only and immutable
(nothing is written beside it, not even a journal) with ``trusted_schema`` off, so that
a crafted file's views and triggers cannot call functions; changes still in its
write-ahead log (``…gpkg-wal``, QGIS has the file open) are read from a copy of both.

One layer of areas is read: the only one, or the one named by ``layer`` (``--layer``).
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import os_reason

Rings = list[list[tuple[float, float]]]
AREA_TYPES = {"POLYGON", "MULTIPOLYGON", "GEOMETRY", "GEOMETRYCOLLECTION",
              "SURFACE", "MULTISURFACE", "CURVEPOLYGON"}  # fmt: skip
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_SQLITE_MAGIC = b"SQLite format 3\x00"
DAMAGED = (
    "ist beschädigt (eine SQLite-Datenbank mit fehlerhaftem Inhalt: abgeschnitten oder beim "
    "Kopieren verändert). Bitte in QGIS öffnen und neu speichern oder neu herunterladen."
)


@dataclass(frozen=True)
class Layer:
    """One layer of a GeoPackage: (index, attributes, polygons) per feature, and its CRS."""

    name: str
    records: tuple[tuple[int, dict[str, Any], tuple[Rings, ...]], ...]
    crs: str | None  # "EPSG:25832", a WKT, or None (undefined)
    skipped: frozenset[str]  # kinds of geometry left out ("Punkte", "Linien")


class _WKB:
    """A cursor over one WKB geometry; collects polygons, counts what is not one."""

    def __init__(self, data: bytes, where: str, filename: str) -> None:
        self.data, self.pos, self.where, self.filename = data, 0, where, filename
        self.polygons: list[Rings] = []
        self.skipped: set[str] = set()

    def _take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return values

    def _points(self, order: str, dims: int) -> list[tuple[float, float]]:
        (n,) = self._take(order + "I")
        if n > (len(self.data) - self.pos) // (8 * dims):
            raise struct.error("count beyond the end")
        values = self._take(f"{order}{n * dims}d")
        return [(values[i], values[i + 1]) for i in range(0, n * dims, dims)]

    def _header(self) -> tuple[str, int, int]:
        """Byte order, values per position and geometry type of the geometry at the cursor."""
        (flag,) = self._take("B")
        order = "<" if flag == 1 else ">"
        (code,) = self._take(order + "I")
        dims = 2 + bool(code & 0x80000000) + bool(code & 0x40000000)  # old/EWKB flags
        if code & 0x20000000:  # an EWKB SRID in between
            self._take(order + "I")
        code &= 0x0FFFFFFF
        dims += {0: 0, 1: 1, 2: 1, 3: 2}.get(code // 1000, 0)  # ISO: 1003 = Polygon Z
        return order, dims, code % 1000

    def _curves(self) -> InputError:
        return InputError(
            f"{self.where}: Kreisbögen oder Kurven liest die Werkbank nicht; bitte in QGIS "
            "als einfache Polygone exportieren („Geometrietyp: Polygon“).",
            file=self.filename,
        )

    def geometry(self) -> None:
        """Read one geometry at the cursor, with its parts (a multi-part's or collection's
        parts follow its header depth-first, so counting those still to read suffices: a
        collection nested thousands deep needs no recursion)."""
        pending = 1
        while pending:
            pending -= 1
            pending += self._one()

    def _one(self) -> int:
        """Read the geometry at the cursor without its parts; how many parts follow."""
        order, dims, kind = self._header()
        if kind == 1:
            self._take(f"{order}{dims}d")
            self.skipped.add("Punkte")
        elif kind == 2:
            self._points(order, dims)
            self.skipped.add("Linien")
        elif kind == 3:
            (n,) = self._take(order + "I")
            if n:  # POLYGON EMPTY has no rings
                self.polygons.append([self._points(order, dims) for _ in range(n)])
        elif kind == 10:  # CurvePolygon (MultiSurface of QGIS/ArcGIS): rings are geometries
            (n,) = self._take(order + "I")
            rings = []
            for _ in range(n):
                ring_order, ring_dims, ring_kind = self._header()
                if ring_kind != 2:  # CircularString, CompoundCurve
                    raise self._curves()
                rings.append(self._points(ring_order, ring_dims))
            if rings:
                self.polygons.append(rings)
        elif kind in (4, 5, 6, 7, 11, 12):  # Multi…, GeometryCollection, MultiCurve/-Surface
            (n,) = self._take(order + "I")
            return int(n)
        elif kind in (8, 9, 13, 14):
            raise self._curves()
        else:  # PolyhedralSurface, TIN, Triangle: 3-D bodies, not boundaries
            raise InputError(f"{self.where}: Geometrietyp {kind} ist keine Fläche im Plan.",
                             file=self.filename)  # fmt: skip
        return 0


def polygons(blob: bytes, where: str, filename: str) -> tuple[list[Rings], set[str]]:
    """The polygons in one GeoPackage geometry blob, and the kinds of geometry left out."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise InputError(f"{where}: keine GeoPackage-Geometrie.", file=filename)
    flags = blob[3]
    envelope = ENVELOPE_BYTES.get((flags >> 1) & 0x07)
    if envelope is None or flags & 0x20:  # invalid envelope or an extension's own format
        raise InputError(f"{where}: unbekanntes Geometrieformat.", file=filename)
    if flags & 0x10:  # the empty geometry
        return [], set()
    reader = _WKB(blob[8 + envelope :], where, filename)
    try:
        reader.geometry()
    except struct.error:
        raise InputError(f"{where}: die Geometrie ist beschädigt.", file=filename) from None
    return reader.polygons, reader.skipped


def _connect(source: Path | bytes, filename: str, wal: bytes = b"") -> sqlite3.Connection:
    """A read-only connection to a GeoPackage file, or to one read from a ZIP archive
    (``wal``: the write-ahead log zipped beside it)."""
    try:
        if isinstance(source, bytes) and wal:  # zipped with its log: the last saved edits
            con = _with_wal(source, wal)
        elif isinstance(source, bytes):  # from a ZIP: in memory, nothing extracted
            con = sqlite3.connect(":memory:")
            data = bytearray(source)
            if data[18:20] == b"\x02\x02":  # written in WAL mode: read as a plain file
                data[18:20] = b"\x01\x01"
            con.deserialize(bytes(data))
        elif _pending(source):  # QGIS still has it open: its last saved edits are in -wal
            con = _with_wal(source, source.with_name(source.name + "-wal"))
        else:
            con = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        con.execute("PRAGMA trusted_schema = OFF")
        con.execute("PRAGMA query_only = ON")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # a schema's text not UTF-8: damaged
        if _is_sqlite(source):
            raise InputError(DAMAGED, file=filename) from None
        raise InputError(
            "keine gültige GeoPackage-Datei (keine SQLite-Datenbank).", file=filename
        ) from None
    return con


def _is_sqlite(source: Path | bytes) -> bool:
    """Whether a file (or its bytes) begins as an SQLite database does."""
    if isinstance(source, bytes):
        return source.startswith(_SQLITE_MAGIC)
    with source.open("rb") as file:
        return file.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC


def _pending(source: Path) -> bool:
    """Whether changes to the GeoPackage wait in its write-ahead log (``…gpkg-wal``): saved
    in QGIS (or another program) that still has the file open, not yet in the file."""
    wal = source.with_name(source.name + "-wal")
    return wal.is_file() and wal.stat().st_size > 0


def _with_wal(source: Path | bytes, wal: Path | bytes) -> sqlite3.Connection:
    """The GeoPackage with the changes in its write-ahead log, in memory: file and log (or
    their bytes from a ZIP) are copied to a temporary folder and read there, so that nothing
    is written beside the city's file and a read-only folder reads the same (``immutable``
    would skip the log)."""
    with tempfile.TemporaryDirectory(prefix="werkbank-gpkg-") as folder:
        copy = Path(folder) / "grenzen.gpkg"
        for part, target in ((source, copy), (wal, Path(folder) / "grenzen.gpkg-wal")):
            if isinstance(part, bytes):
                target.write_bytes(part)
            else:
                shutil.copyfile(part, target)
        disk = sqlite3.connect(copy)
        try:
            disk.execute("PRAGMA trusted_schema = OFF")
            memory = sqlite3.connect(":memory:")
            disk.backup(memory)
        finally:
            disk.close()
    return memory


def _crs(con: sqlite3.Connection, srs_id: int | None) -> str | None:
    """The CRS of a spatial reference id: "EPSG:n", its WKT, or None when undefined."""
    row = con.execute(
        "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
        "WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if row is None or srs_id in (-1, 0):
        return None
    organization, code, definition = row
    number = int(code) if isinstance(code, int | float) else None  # text: no EPSG code
    if str(organization or "").upper() == "EPSG" and number and number > 0:
        return f"EPSG:{number}"
    text = str(definition or "").strip()
    return None if not text or text.lower() == "undefined" else text


def _choose(layers: dict[str, str], wanted: str | None, filename: str) -> str:
    """The layer to read: the one named, or the only one that can hold areas."""
    listed = ", ".join(f"„{n}“ ({t.lower()})" for n, t in layers.items())
    if wanted is not None:
        same = [n for n in layers if n == wanted] or [
            n for n in layers if n.lower() == wanted.lower()
        ]
        if len(same) != 1:
            raise InputError(f"hat keine Ebene „{wanted}“. Vorhanden: {listed}.", file=filename)
        return same[0]
    areas = [n for n, kind in layers.items() if kind.upper() in AREA_TYPES]
    if len(areas) == 1:
        return areas[0]
    if not areas:
        raise InputError(
            f"enthält keine Ebene mit Flächen, nur {listed}: Grenzen von Sozialräumen "
            "müssen Flächen (Polygone) sein.",
            file=filename,
        )
    raise InputError(
        f"enthält mehrere Ebenen mit Flächen: {listed}. Bitte mit --layer NAME sagen, "
        "welche die Sozialräume sind.",
        file=filename,
    )


def read_geopackage(
    source: Path | bytes, filename: str, layer: str | None = None, wal: bytes = b""
) -> Layer:
    """The areas of one layer of a GeoPackage (a file, or its bytes from a ZIP archive with
    ``wal``, its write-ahead log zipped beside it), with their attributes and CRS;
    ``filename`` names it in messages."""
    try:
        con = _connect(source, filename, wal)
    except OSError as err:
        raise WorkbenchError(f"{filename} lässt sich nicht lesen: {os_reason(err)}.") from None
    try:
        try:
            rows = con.execute(
                "SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id "
                "FROM gpkg_contents c JOIN gpkg_geometry_columns g "
                "ON c.table_name = g.table_name WHERE c.data_type = 'features' "
                "ORDER BY c.table_name"
            ).fetchall()
        except UnicodeDecodeError:
            raise InputError(DAMAGED, file=filename) from None
        except sqlite3.DatabaseError as err:
            if "malformed" in str(err):
                raise InputError(DAMAGED, file=filename) from None
            raise InputError(
                "ist keine GeoPackage-Datei (es fehlen die Tabellen gpkg_contents und "
                "gpkg_geometry_columns).",
                file=filename,
            ) from None
        if not rows:
            raise InputError("enthält keine Ebene mit Geometrien.", file=filename)
        name = _choose({r[0]: str(r[2] or "GEOMETRY") for r in rows}, layer, filename)
        _, column, _, srs_id = next(r for r in rows if r[0] == name)
        try:
            return _read_layer(con, filename, name, column, _crs(con, srs_id))
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            raise InputError(
                f"Ebene „{name}“ ist nicht lesbar (ihre Tabelle fehlt oder ist beschädigt).",
                file=filename,
            ) from None
    finally:
        con.close()


def _quoted(name: str) -> str:
    """An SQL identifier quoted (a layer or column name from the file)."""
    return '"' + name.replace('"', '""') + '"'


def _read_layer(
    con: sqlite3.Connection, filename: str, name: str, column: str, crs: str | None
) -> Layer:
    info = con.execute(f"PRAGMA table_info({_quoted(name)})")
    columns = [(c[1], bool(c[5])) for c in info.fetchall()]
    keys = [c for c, pk in columns if pk]
    attributes = [c for c, pk in columns if c != column and not (pk and len(keys) == 1)]
    selected = ", ".join(_quoted(c) for c in [column, *attributes])
    cursor = con.execute(f"SELECT {selected} FROM {_quoted(name)}")
    records = []
    skipped: set[str] = set()
    for n, (blob, *values) in enumerate(cursor):
        where = f"Ebene „{name}“, Objekt {n + 1}"
        if blob is None:
            skipped.add("Objekte ohne Geometrie")
            continue
        if not isinstance(blob, bytes):
            raise InputError(f"{where}: keine GeoPackage-Geometrie.", file=filename)
        found, left = polygons(blob, where, filename)
        skipped |= left
        props = {k: v for k, v in zip(attributes, values, strict=True) if not isinstance(v, bytes)}
        if found:
            records.append((n, props, tuple(found)))
    return Layer(name, tuple(records), crs, frozenset(skipped))
