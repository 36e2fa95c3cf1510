"""KML and KMZ (Google My Maps, Google Earth, geoportal downloads) read with defusedxml.

KML is always WGS84 longitude/latitude (OGC 07-147r2). Every ``Placemark`` is a feature:
its ``name`` and its ``ExtendedData`` (``Data``/``value`` as My Maps writes it,
``SchemaData``/``SimpleData`` as QGIS and GDAL write it) are its properties; its
``Polygon``s (also inside a ``MultiGeometry``) with their ``innerBoundaryIs`` holes are its
areas. Points, lines and tracks (the markers of a My Maps map) are left out and counted.
A KMZ is a ZIP archive whose main document is ``doc.kml`` (else the first ``.kml`` at its
top); nothing is extracted to disk. defusedxml refuses entity tricks (billion laughs,
external entities).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, ElementTree

from workbench.core.archives import BROKEN_ZIP, unpack_member
from workbench.core.domain import InputError
from workbench.synthesis.geo_shapefile import open_zip, unzip_problem

Rings = list[list[tuple[float, float]]]
MAX_BYTES = 512 * 1024 * 1024  # the unpacked KML of one KMZ
LINES = ("LineString", "LinearRing", "Track", "MultiTrack")


def _local(element: Element) -> str:
    """An element's name without its namespace (KML 2.0, 2.1, 2.2 and gx: alike)."""
    return str(element.tag).rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child) == name]


def _text(element: Element, name: str) -> str | None:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else None


def _coordinates(element: Element, where: str, filename: str) -> list[tuple[float, float]]:
    """The positions of a ``LinearRing``'s ``coordinates`` ("lon,lat[,alt] …")."""
    text = _text(element, "coordinates") or ""
    points = []
    for token in re.sub(r"\s*,\s*", ",", text).split():
        values = token.split(",")
        try:
            lon, lat = float(values[0]), float(values[1])
        except (ValueError, IndexError):
            raise InputError(
                f"{where}: „{token[:40]}“ ist keine Koordinate (Länge,Breite).", file=filename
            ) from None
        points.append((lon, lat))
    return points


def _geometry(element: Element, where: str, filename: str, skipped: set[str]) -> list[Rings]:
    """The polygons of one KML geometry, through nested ``MultiGeometry`` without recursion
    (however deep: no RecursionError)."""
    polygons: list[Rings] = []
    pending = [element]
    while pending:
        node = pending.pop()
        kind = _local(node)
        if kind == "Polygon":
            outer = [
                r for b in _children(node, "outerBoundaryIs") for r in _children(b, "LinearRing")
            ]
            inner = [
                r for b in _children(node, "innerBoundaryIs") for r in _children(b, "LinearRing")
            ]
            if not outer:
                raise InputError(f"{where}: ein Polygon ohne äußeren Ring.", file=filename)
            polygons.append([_coordinates(r, where, filename) for r in [outer[0], *inner]])
        elif kind == "MultiGeometry":
            pending.extend(reversed(list(node)))  # in the file's order
        elif kind == "Point":
            skipped.add("Punkte")
        elif kind in LINES:
            skipped.add("Linien")
    return polygons


def _properties(placemark: Element) -> dict[str, Any]:
    props: dict[str, Any] = {}
    name = _text(placemark, "name")
    if name:
        props["name"] = name
    for extended in _children(placemark, "ExtendedData"):
        for data in extended.iter():
            key = data.get("name")
            if key and _local(data) == "Data":
                props[key] = _text(data, "value") or ""
            elif key and _local(data) == "SimpleData":
                props[key] = (data.text or "").strip()
    return props


def read_kml(
    data: bytes, filename: str
) -> tuple[list[tuple[int, dict[str, Any], list[Rings]]], set[str]]:
    """The placemarks with areas of a KML document: (index, properties, polygons), and what
    kinds of geometry were left out."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        line, column = err.position
        raise InputError(
            f"kein gültiges KML (XML-Fehler in Zeile {line}, Spalte {column + 1}).", file=filename
        ) from None
    except DefusedXmlException:
        raise InputError(
            "enthält XML-Entitäten oder Verweise auf andere Dateien; solche KML-Dateien "
            "liest die Werkbank aus Sicherheitsgründen nicht.",
            file=filename,
        ) from None
    if _local(root) != "kml":
        raise InputError(f"kein KML (das Dokument beginnt mit <{_local(root)}>).", file=filename)
    records = []
    skipped: set[str] = set()
    placemarks = [e for e in root.iter() if _local(e) == "Placemark"]
    if not placemarks and any(_local(e) == "NetworkLink" for e in root.iter()):
        raise InputError(
            "verweist nur auf eine Karte im Netz (NetworkLink) und enthält selbst keine "
            "Flächen. Bitte in Google My Maps ohne „Daten mit Netzwerklink-KML aktuell "
            "halten“ exportieren.",
            file=filename,
        )
    for n, placemark in enumerate(placemarks):
        where = f"Placemark {n + 1}"
        polygons = [p for child in placemark for p in _geometry(child, where, filename, skipped)]
        if polygons:
            records.append((n, _properties(placemark), polygons))
    return records, skipped


def kmz_document(path: Path) -> bytes:
    """The main KML document of a KMZ archive (``doc.kml``, else the first at its top)."""
    with open_zip(path, "keine gültige KMZ-Datei (kein ZIP-Archiv).") as archive:
        kmls = [
            m
            for m in archive.infolist()
            if PurePosixPath(m.filename).suffix.lower() == ".kml"
            and "__MACOSX" not in PurePosixPath(m.filename).parts
        ]
        kmls.sort(key=lambda m: (PurePosixPath(m.filename).name.lower() != "doc.kml",
                                 m.filename.count("/")))  # fmt: skip
        if not kmls:
            raise InputError("Die KMZ-Datei enthält kein KML-Dokument.", file=path.name)
        if kmls[0].file_size > MAX_BYTES:
            raise InputError("Das KML-Dokument ist entpackt größer als 512 MB.", file=path.name)
        try:
            return unpack_member(archive, kmls[0], path.name)  # holding what it declares
        except (*BROKEN_ZIP, RuntimeError) as err:
            problem = f"{unzip_problem(err)}: Eintrag '{kmls[0].filename}'"
            raise InputError(f"Die KMZ-Datei lässt sich nicht entpacken ({problem}).",
                             file=path.name) from None  # fmt: skip
