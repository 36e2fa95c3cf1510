"""Why a Word, Excel or LibreOffice file could not be opened, by the member at fault.

python-docx, openpyxl and odfpy unpack an office file themselves; a damaged member (a
wrong checksum, broken compressed data), an encrypted one, a missing one or an XML part
cut off made them fail with an English error that the importers could only word as
"Keine lesbare DOCX-Datei". :func:`office_problem` looks into the file after the library
failed (so a readable file costs nothing) and names the member and the reason
(beschädigt / verschlüsselt / fehlt / unvollständig). An Excel or Word file saved "Mit
Kennwort verschlüsseln" is no ZIP at all but an old-style compound file holding an
``EncryptedPackage``: it is named as password-protected. Members are unpacked in bounded
steps (:mod:`workbench.core.archives`), so a zip bomb still stops before it is unpacked.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import PurePosixPath
from urllib.parse import unquote
from xml.sax import SAXException, handler

from defusedxml import DefusedXmlException, ElementTree
from defusedxml.sax import parseString

from workbench.core.archives import read_member
from workbench.core.domain import InputError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # a stream of the compound file
_ODF = ("ODS", "ODT")
_ODF_XML = ("content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml")
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN_PARTS = {"DOCX": "word/document.xml", "XLSX": "xl/workbook.xml"}
_KEPT = ("META-INF/manifest.xml", "mimetype")  # read beside the .rels members
_MAIN_MEMBERS = {
    "word/document.xml": "DOCX",
    "xl/workbook.xml": "XLSX",
    "ppt/presentation.xml": "PPTX",
}
_ODF_TYPES = {"text": "ODT", "spreadsheet": "ODS", "presentation": "ODP"}
_RENAME = "bitte mit der Endung .{} speichern oder umbenennen und erneut importieren."
_SLIDES = (
    "Präsentationen liest die Werkbank nicht: bitte den Text als Word- oder "
    "LibreOffice-Dokument speichern und importieren."
)
_KINDS = {
    "DOCX": ("ein Word-Dokument (DOCX)", _RENAME.format("docx")),
    "XLSX": ("eine Excel-Tabelle (XLSX)", _RENAME.format("xlsx")),
    "ODT": ("ein LibreOffice-Textdokument (ODT)", _RENAME.format("odt")),
    "ODS": ("eine LibreOffice-Tabelle (ODS)", _RENAME.format("ods")),
    "PPTX": ("eine PowerPoint-Präsentation (PPTX)", _SLIDES),
    "ODP": ("eine LibreOffice-Präsentation (ODP)", _SLIDES),
}
_RESAVE = "Bitte die Datei im Programm, das sie erstellt hat, öffnen und neu speichern."


def office_problem(data: bytes, filename: str, kind: str) -> InputError | None:
    """The German error naming ``filename``, the member at fault and why (``kind``: "DOCX",
    "XLSX", "ODS" or "ODT"), for an office file its library could not open; None if no
    member is found at fault (a file cut off before its directory, not a ZIP at all)."""
    if data.startswith(_OLE_MAGIC):
        return _compound_file(data, filename, kind)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return _member_problem(package, filename, kind)
    except InputError as err:  # a member holding more than it declares: a zip bomb
        return err
    except Exception:  # no readable directory: cut off, or no ZIP at all
        return None


def _compound_file(data: bytes, filename: str, kind: str) -> InputError:
    """An old-style Office compound file: password-protected, or of the old format."""
    if _ENCRYPTED_PACKAGE in data:
        return InputError(
            f"Keine lesbare {kind}-Datei: sie ist mit einem Kennwort verschlüsselt (mit "
            "einem Passwort geschützt). Bitte im Programm ohne Kennwort speichern und "
            "erneut importieren.",
            file=filename,
        )
    return InputError(
        f"Keine lesbare {kind}-Datei: sie ist im alten Office-Format (.doc, .xls) "
        f"gespeichert. Bitte als .{kind.lower()} speichern und erneut importieren.",
        file=filename,
    )


def _error(kind: str, member: str, reason: str, filename: str) -> InputError:
    return InputError(f"Keine lesbare {kind}-Datei: ihr Eintrag '{member}' {reason}", file=filename)


def _member_problem(package: zipfile.ZipFile, filename: str, kind: str) -> InputError | None:
    """The first member that is encrypted or damaged, then the first part that is missing,
    then the first XML part that is not well-formed (each member unpacked on its own)."""
    infos = [info for info in package.infolist() if not info.is_dir()]
    kept: dict[str, bytes] = {}  # .rels (which parts the package needs), manifest, type
    for info in infos:
        if info.flag_bits & 0x1:
            return _error(
                kind,
                info.filename,
                "ist verschlüsselt (mit einem Passwort geschützt). Bitte ohne Passwort "
                "speichern und erneut importieren.",
                filename,
            )
        try:
            content = read_member(package, info, filename)
        except InputError as err:
            if "beschädigt oder abgeschnitten" not in err.message:
                return err  # packed with a method without bounded steps, or a zip bomb
            return _error(
                kind,
                info.filename,
                f"ist beschädigt (Prüfsumme oder gepackte Daten stimmen nicht). {_RESAVE}",
                filename,
            )
        if info.filename.endswith(".rels") or info.filename in _KEPT:
            kept[info.filename] = content
    present = {info.filename.lower() for info in infos}
    other = _package_kind(present, kept.get("mimetype", b""))
    if other is not None and other != kind:
        return _other_kind(other, filename)
    if kind in _ODF:
        if b"encryption-data" in kept.get("META-INF/manifest.xml", b""):
            return InputError(
                "Die Datei ist mit einem Passwort geschützt; bitte ohne Passwort speichern "
                "und erneut importieren.",
                file=filename,
            )
        wanted = ["content.xml", "META-INF/manifest.xml"]
    else:
        targets, main = _targets(kept)
        main = main or _MAIN_PARTS[kind]  # word/document.xml: the package's main part
        own = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        wanted = ["[Content_Types].xml", "_rels/.rels", main, own, *targets]
    for member in wanted:
        if member.lower() not in present:
            return _error(kind, member, f"fehlt. {_RESAVE}", filename)
    for info in infos:
        if _is_xml(info.filename, kind) and not _well_formed(read_member(package, info, filename)):
            return _error(
                kind,
                info.filename,
                f"ist kein vollständiges XML (abgeschnitten oder beschädigt). {_RESAVE}",
                filename,
            )
    return None


def _package_kind(names: set[str], mimetype: bytes) -> str | None:
    """What an office package is by its members ("DOCX", "XLSX", "PPTX") or its declared
    OpenDocument type ("ODT", "ODS", "ODP"); None if neither says."""
    for member, kind in _MAIN_MEMBERS.items():
        if member in names:
            return kind
    declared = mimetype.decode("ascii", "replace").strip()
    return _ODF_TYPES.get(declared.removeprefix("application/vnd.oasis.opendocument."))


def _other_kind(kind: str, filename: str) -> InputError:
    """A package of another kind than its ending says (an ODS saved as .xlsx)."""
    what, advice = _KINDS[kind]
    ending = PurePosixPath(filename).suffix or "(ohne Endung)"
    return InputError(f"Die Datei ist {what} mit der Endung {ending}; {advice}", file=filename)


def _is_xml(member: str, kind: str) -> bool:
    """Whether a member is an XML part the library reads."""
    if kind in _ODF:
        return member in _ODF_XML
    return member.endswith((".xml", ".rels"))


def _well_formed(content: bytes) -> bool:
    """Whether ``content`` parses as XML (without building a tree; no entities expanded)."""
    try:
        parseString(content, handler.ContentHandler())
    except (SAXException, DefusedXmlException, ValueError):
        return False
    return True


def _targets(relations: dict[str, bytes]) -> tuple[list[str], str | None]:
    """The package parts named by the relationships of every readable ``.rels`` member
    (an Office Open XML package: Word, Excel), in order, external links left out; and the
    main part the package's own relationships name (None if they name none)."""
    found: list[str] = []
    main = None
    for member, content in relations.items():
        if not member.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(member))  # "word/_rels/x.rels" → "word"
        try:
            root = ElementTree.fromstring(content)
        except (ElementTree.ParseError, DefusedXmlException, ValueError):
            continue  # named as incomplete XML
        for relation in root.iter(_RELATIONSHIP):
            target = unquote(relation.get("Target") or "")
            if relation.get("TargetMode") == "External" or not target or "://" in target:
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            part = posixpath.normpath(path)
            if part.startswith(".."):
                continue
            found.append(part)
            if member == "_rels/.rels" and relation.get("Type", "").endswith("/officeDocument"):
                main = part
    return list(dict.fromkeys(found)), main
