"""Sample files of every ZIP-based format the Werkbank reads, and variants of them with one
member damaged (its compressed bytes flipped), flagged as encrypted, or a zip bomb (it
declares its own small size but inflates to 200 MB of zeros)."""

from __future__ import annotations

import functools
import io
import json
import struct
import zipfile
import zlib
from collections.abc import Callable

BOMB = 200 * 1024 * 1024  # zeros behind the member's own bytes (≈ 200 KB deflated)


def _headers(data: bytes | bytearray, member: str) -> tuple[int, int]:
    """Offsets of ``member``'s central directory entry and its local header."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        size = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + size] == member.encode():
            return at, struct.unpack_from("<I", data, at + 42)[0]
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(member)


def damaged(data: bytes, member: str) -> bytes:
    """``data`` with bytes of ``member``'s compressed stream flipped (its directory intact)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    _, local = _headers(data, member)
    name, extra = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name + extra
    out = bytearray(data)
    for i in range(start + 2, start + max(3, info.compress_size - 2)):
        out[i] ^= 0x5A
    return bytes(out)


def encrypted(data: bytes, member: str) -> bytes:
    """``data`` with ``member`` flagged as encrypted (bit 0) in both of its headers."""
    central, local = _headers(data, member)
    out = bytearray(data)
    out[central + 8] |= 1
    out[local + 6] |= 1
    return bytes(out)


@functools.cache
def _zeros() -> bytes:
    """BOMB zeros as raw deflate blocks (packed once, in steps of 1 MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(BOMB // len(block))) + packer.flush()


def bomb(data: bytes, member: str) -> bytes:
    """``data`` with ``member`` holding its bytes and BOMB zeros while both headers declare
    only its own size and checksum (a small file that inflates to 200 MB)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    own = members[member]
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = packer.compress(own) + packer.flush(zlib.Z_FULL_FLUSH) + _zeros()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():  # the bomb's stream stored, then marked packed
            if name == member:
                archive.writestr(name, stream, zipfile.ZIP_STORED)
            else:
                archive.writestr(name, content)
    out = bytearray(buffer.getvalue())
    central, local = _headers(out, member)
    for header, at in ((central, 10), (local, 8)):  # method, …, CRC-32, packed size, size
        struct.pack_into("<H", out, header + at, zipfile.ZIP_DEFLATED)
        struct.pack_into("<I", out, header + at + 6, zlib.crc32(own))
        struct.pack_into("<I", out, header + at + 14, len(own))
    return bytes(out)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CARDS = [f"Wir brauchen mehr Bänke im Park, Karte {i}." for i in range(30)]


def xlsx() -> bytes:
    """A card wall as Excel sheet (a column merged over two rows)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Text", "Sozialraum"])
    for card in CARDS:
        book.active.append([card, "Manfort"])
    book.active.merge_cells("B2:B3")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods() -> bytes:
    """The card wall as LibreOffice sheet."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc, table = OpenDocumentSpreadsheet(), Table(name="Tabelle1")
    for cells in [["Text", "Sozialraum"], *([card, "Manfort"] for card in CARDS)]:
        row = TableRow()
        for text in cells:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


def docx() -> bytes:
    """A protocol as Word file."""
    import docx as word

    document = word.Document()
    document.add_heading("Was fehlt im Stadtteil?", 1)
    for card in CARDS:
        document.add_paragraph(card)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt() -> bytes:
    """The protocol as LibreOffice text."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Stadtteil?"))
    for card in CARDS:
        document.text.addElement(P(text=card))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def qdpx() -> bytes:
    """A REFI-QDA project with one source text."""
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Studie"><Sources>'
        '<TextSource guid="11111111-1111-1111-1111-111111111111" name="Protokoll" '
        'plainTextPath="internal://a.txt"/></Sources></Project>'
    )
    return _zip({"project.qde": qde.encode(), "Sources/a.txt": "\n".join(CARDS).encode()})


def whatsapp() -> bytes:
    """A WhatsApp export with a voice message beside the chat."""
    chat = "".join(f"12.03.21, 18:{i:02d} - Anna Schmidt: {c}\n" for i, c in enumerate(CARDS))
    return _zip({"WhatsApp-Chat mit Nachbarschaft.txt": chat.encode(), "PTT-1.opus": b"OggS"})


AREA = [[7.0, 51.0], [7.1, 51.0], [7.1, 51.1], [7.0, 51.1], [7.0, 51.0]]


def kmz() -> bytes:
    """Boundaries from Google My Maps."""
    ring = " ".join(f"{x},{y}" for x, y in AREA)
    kml = (
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
        "<Document><Placemark><name>Manfort</name><Polygon><outerBoundaryIs><LinearRing>"
        f"<coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon>"
        "</Placemark>" + "<!-- Notiz -->" * 50 + "</Document></kml>"
    )
    return _zip({"doc.kml": kml.encode()})


def geojson_zip() -> bytes:
    """A portal's zipped GeoJSON download."""
    area = {"type": "Polygon", "coordinates": [AREA]}
    feature = {"type": "Feature", "properties": {"name": "Manfort"}, "geometry": area}
    text = json.dumps({"type": "FeatureCollection", "features": [feature]}, indent=2)
    return _zip({"Stadtteile.geojson": text.encode() + b" " * 2000})


def shapefile_zip() -> bytes:
    """A zipped shapefile (WGS84, no .prj)."""
    import shapefile

    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    with shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON) as writer:
        writer.field("name", "C")
        writer.poly([AREA])
        writer.record("Manfort")
    parts = {"grenzen.shp": shp, "grenzen.shx": shx, "grenzen.dbf": dbf}
    return _zip({name: part.getvalue() + (b"\0" * 2000 if name == "grenzen.dbf" else b"")
                 for name, part in parts.items()})  # fmt: skip


# format: (sample, file name, command, the member every reader needs)
FORMATS: dict[str, tuple[Callable[[], bytes], str, str, str]] = {
    "xlsx": (xlsx, "karten.xlsx", "import", "xl/worksheets/sheet1.xml"),
    "ods": (ods, "karten.ods", "import", "content.xml"),
    "docx": (docx, "protokoll.docx", "import", "word/document.xml"),
    "odt": (odt, "protokoll.odt", "import", "content.xml"),
    "qdpx": (qdpx, "studie.qdpx", "import", "Sources/a.txt"),
    "whatsapp": (whatsapp, "WhatsApp Chat.zip", "import", "WhatsApp-Chat mit Nachbarschaft.txt"),
    "kmz": (kmz, "grenzen.kmz", "map", "doc.kml"),
    "geojson_zip": (geojson_zip, "grenzen.zip", "map", "Stadtteile.geojson"),
    "shapefile_zip": (shapefile_zip, "shape.zip", "map", "grenzen.dbf"),
}


def command(kind: str, project: str, path: str) -> list[str]:
    """The CLI arguments that read ``path`` into ``project``."""
    if kind == "map":
        return ["--project", project, "map", "--import", path, "--name-property", "name"]
    return ["--project", project, "import", path, "--district", "Manfort"]
