"""Where a REFI-QDA project's files are: a ``.qdpx`` archive, or a bare ``.qde`` in a folder.

Members are looked up regardless of case and Unicode form (``Sources/`` and ``sources/``,
``project.qde`` and ``Project.qde``), also when a tool zipped the project inside one
top folder. Source texts come only from inside the archive (or the ``.qde``'s folder),
from ``relative://`` (and bare relative) paths below the project's ``basePath`` (if that
lies in the file's folder) or the file's folder, or inline; never from anywhere else.
An absolute path (``absolute://``, ``file://``) is never followed: only a file of that
name in the archive or beside the project is read.
"""

from __future__ import annotations

import os
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from workbench.core.archives import check_unpacked, read_member
from workbench.core.domain import InputError
from workbench.core.fileio import os_reason
from workbench.exchange.qdxml import QDE, SOURCE_LABELS, child, where


def _key(name: str) -> str:
    """How members are compared: ``/`` for ``\\``, any case, composed (a Mac writes "ê" in
    an archive's names as "e" and a combining mark, the project file as one character)."""
    return unicodedata.normalize("NFC", name.replace("\\", "/").lstrip("/")).casefold()


_APPLE_DOUBLE = (b"\x00\x05\x16\x07", b"\x00\x05\x16\x00")  # AppleDouble, AppleSingle


def _mac_metadata(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A macOS Finder's extra member (``__MACOSX/…``, ``._name``): resource forks, no file of
    the project; a zipped project folder has its ``._project.qde`` beside ``project.qde``.
    A ``._name`` outside ``__MACOSX`` is one only if it starts as a resource fork does: a
    source text really called ``._notizen.txt`` stays."""
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    if "__MACOSX" in parts:
        return True
    if not parts or not parts[-1].startswith("._") or info.flag_bits & 0x1:
        return False
    try:
        with archive.open(info) as member:
            return member.read(4) in _APPLE_DOUBLE
    except Exception:  # a damaged entry: kept, reading it names it
        return False


class Container(ABC):
    """The files of one project: ``find`` a member by name, ``read`` it, the ``qde``."""

    def __init__(self, path: Path):
        self.path = path
        self.folder = path.parent  # relative:// paths without basePath start here
        self.prefix = ""  # folder of the .qde inside the container
        self.members: dict[str, str] = {}
        self.qde_name = QDE

    def find(self, name: str) -> str | None:
        """The member called ``name`` below the project's folder, in any case."""
        return self.members.get(_key(self.prefix + name.replace("\\", "/").lstrip("/")))

    @abstractmethod
    def read(self, member: str) -> bytes:
        """The bytes of a member."""

    @abstractmethod
    def qde(self) -> bytes:
        """The project document."""

    def close(self) -> None:  # noqa: B027 (only archives hold a file open)
        """Release the file."""


class ZipContainer(Container):
    """A ``.qdpx`` (ZIP) archive."""

    def __init__(self, path: Path):
        super().__init__(path)
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise InputError("Datei nicht gefunden.", file=str(path)) from None
        except IsADirectoryError:
            raise InputError("Ist ein Ordner, keine Datei.", file=str(path)) from None
        except (zipfile.BadZipFile, OSError):
            raise InputError(
                "Keine lesbare REFI-QDA-Projektdatei: kein gültiges ZIP-Archiv (abgeschnitten, "
                "beschädigt oder keine .qdpx).",
                file=path.name,
            ) from None
        try:
            check_unpacked(self.zip, path.name)
        except InputError:
            self.zip.close()
            raise
        self.members = {
            _key(info.filename): info.filename
            for info in self.zip.infolist()
            if not info.is_dir() and not _mac_metadata(self.zip, info)
        }

    def read(self, member: str) -> bytes:
        """The bytes of a member, unpacked step by step (an entry holding more than its
        declared size stops); a damaged or encrypted entry stops with its name."""
        return read_member(self.zip, member, self.path.name, " oder das Projekt erneut exportieren")

    def qde(self) -> bytes:
        """``project.qde`` (any case), else the only ``.qde`` (also inside one folder)."""
        member = self.members.get(QDE)
        if member is None:
            candidates = [m for k, m in self.members.items() if k.endswith(".qde")]
            top = [m for m in candidates if "/" not in m.strip("/")]
            if len(top) == 1 or (not top and len(candidates) == 1):
                member = (top or candidates)[0]
            else:
                raise InputError(self._no_project(top or candidates), file=self.path.name)
        folder, _, self.qde_name = member.replace("\\", "/").rpartition("/")
        self.prefix = f"{folder}/" if folder else ""
        return self.read(member)

    def _no_project(self, candidates: list[str]) -> str:
        """Why no project file was chosen: several projects, .qdpx files inside, or none."""
        if len(candidates) > 1:
            return (
                f"Das Archiv enthält {len(candidates)} REFI-QDA-Projekte "
                f"({', '.join(sorted(candidates))}); nichts wurde importiert. Bitte jedes "
                "Projekt als eigene .qdpx-Datei importieren."
            )
        inner = sorted(m for k, m in self.members.items() if k.endswith(".qdpx"))
        if inner:
            return (
                f"Das Archiv enthält .qdpx-Dateien ({', '.join(inner)}) statt eines Projekts; "
                "bitte entpacken und jede .qdpx einzeln importieren."
            )
        return (
            f"Im Archiv fehlt {QDE}: keine REFI-QDA-Projektdatei "
            "(ein .qdc-Codebuch importiert: workbench codebook import)."
        )

    def close(self) -> None:
        """Close the archive."""
        self.zip.close()


class FolderContainer(Container):
    """A bare ``.qde`` with its sources beside it or in ``Sources/`` next to it."""

    def __init__(self, path: Path):
        super().__init__(path)
        if not path.is_file():
            raise InputError("Datei nicht gefunden.", file=str(path))
        self.qde_name = path.name
        folders = [path.parent] + [
            d for d in path.parent.iterdir() if d.is_dir() and d.name.casefold() == "sources"
        ]
        own = path.parent.resolve()
        for folder in folders:
            for file in folder.iterdir():
                # a link to a file elsewhere (an unpacked upload's link to /etc/passwd) is no source
                if file.is_file() and file.resolve().is_relative_to(own):
                    name = file.relative_to(path.parent).as_posix()
                    self.members.setdefault(_key(name), name)

    def read(self, member: str) -> bytes:
        """The bytes of a file listed beside the ``.qde``."""
        try:
            return (self.folder / member).read_bytes()
        except OSError as err:
            raise InputError(
                f"Datei '{member}' nicht lesbar: {os_reason(err)}.", file=self.path.name
            ) from None

    def qde(self) -> bytes:
        """The ``.qde`` itself."""
        return self.path.read_bytes()


def open_container(path: Path) -> Container:
    """A ``.qde`` file is read with its folder; anything else as a ``.qdpx`` archive."""
    if path.suffix.lower() == ".qde":
        return FolderContainer(path)
    return ZipContainer(path)


@dataclass(frozen=True)
class Missing:
    """A text source whose text is not there: its name and where it was looked for;
    ``rich``: it has only a rich text (``richTextPath``: Word, ODT, RTF) and no plain text."""

    name: str
    looked: str
    rich: bool = False


_RICH_KINDS = {".docx": "Word", ".doc": "Word", ".odt": "ODT", ".rtf": "RTF"}


def _rich_only(name: str, rich: str, container: Container) -> Missing:
    """A source with only a ``richTextPath``: where its rich text is, and that the plain
    text the positions of its selections count in is missing (the standard's own words:
    either ``PlainTextContent`` or ``plainTextPath`` must be filled)."""
    _, sep, rest = rich.partition("://")
    rel = unquote(rest if sep else rich).replace("\\", "/").lstrip("/")
    member = next(filter(None, map(container.find, [f"Sources/{rel}", rel])), None)
    kind = _RICH_KINDS.get(PurePosixPath(rel).suffix.lower(), "Rich-Text")
    shown = member if member is not None else rich
    return Missing(name, f"nur als {kind}-Datei {shown}, ohne Textfassung (plainTextPath)", True)


def decode_source(data: bytes, what: str, filename: str) -> str:
    """A source file's text: UTF-8 (with or without BOM) or UTF-16 (with BOM, or without
    one when its zero bytes show the byte order, as some Windows tools write it)."""
    encoding = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data[:4096] and len(data) % 2 == 0:
        head = data[:4096]
        odd, even = head[1::2].count(0), head[0::2].count(0)
        encoding = "utf-16-le" if odd > even else "utf-16-be"
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{what}: Text ist weder UTF-8 noch UTF-16 (Byte {err.start}); bitte die "
            "Textdatei als UTF-8 speichern.",
            file=filename,
        ) from None


def source_text(
    element: ET.Element, container: Container, base: Path | None, filename: str, label: str = ""
) -> str | Missing:
    """The plain text of a TextSource or Note: inline, in the archive, or a relative file.

    A text that is not there comes back as :class:`Missing` (the caller names all of
    them at once); paths that would leave the project, and other schemes, stop here,
    naming the element as ``label`` says (else by its tag and GUID: :func:`where`).
    """
    inline = child(element, "PlainTextContent")
    path = element.get("plainTextPath")
    what = label or where(element)
    name = (element.get("name") or element.get("guid") or "").strip()
    if inline is not None and not path:
        return inline.text or ""
    if not path:
        rich = (element.get("richTextPath") or "").strip()
        return _rich_only(name, rich, container) if rich else Missing(name, "kein Text angegeben")
    scheme, sep, rest = path.partition("://")
    scheme, rest = (scheme.lower(), unquote(rest)) if sep else ("", unquote(path))
    rel = rest.replace("\\", "/").lstrip("/")
    if scheme in ("internal", ""):
        # internal://NAME, or a bare NAME (some tools write no scheme): inside the archive.
        candidates = [f"Sources/{rel}", rel]
        if not sep:
            candidates += [f"Sources/{PurePosixPath(rel).name}", PurePosixPath(rel).name]
        member = next((m for m in map(container.find, candidates) if m is not None), None)
        if member is not None:
            return decode_source(container.read(member), what, filename)
        if sep or _absolute(rest):
            return Missing(name, f"Sources/{rel}")
        # A bare relative path ("texte/a.txt"): also below the project's folder.
        found = _on_disk(rel, base, container, path, what, filename)
        return found if found is not None else Missing(name, f"Sources/{rel}")
    if scheme == "relative":
        found = _on_disk(rel, base, container, path, what, filename)
        if found is not None:
            return found
        # Tools that zip the project with its files write relative:// for members, too.
        member = next(filter(None, map(container.find, [rel, f"Sources/{rel}"])), None)
        if member is not None:
            return decode_source(container.read(member), what, filename)
        roots = [r for r in (base, container.folder) if r is not None]
        tried = ", ".join(str(r / Path(*PurePosixPath(rel).parts)) for r in roots)
        return Missing(name, f"{path}; gesucht: {tried}")
    if scheme in ("absolute", "file"):
        # A path on the exporting computer is never read; the file of that name, if the
        # archive or the project's folder holds it, is.
        own = PurePosixPath(rel).name
        member = next(filter(None, map(container.find, [f"Sources/{own}", own])), None)
        if member is not None:
            return decode_source(container.read(member), what, filename)
        beside = container.folder / own
        if own and beside.is_file():
            return decode_source(beside.read_bytes(), what, filename)
        return Missing(
            name,
            f"Pfad '{path}' wird nicht gelesen (absoluter Pfad auf dem exportierenden Rechner); "
            f"gesucht: {own} im Archiv und daneben",
        )
    raise InputError(
        f"{what}: Pfad '{path}' wird nicht gelesen; erlaubt sind internal:// und relative:// "
        "(Datei neben die .qdpx legen).",
        file=filename,
    )


def project_base(base_path: str | None, container: Container) -> Path | None:
    """The project's ``basePath`` if it is a folder at or below the project file's own.

    A ``basePath`` anywhere else is never read: the file comes from outside, and a
    ``basePath="/etc"`` with ``relative://passwd`` (or ``/proc/self`` with ``environ``)
    would otherwise import the computer's files as statements.
    """
    if not base_path:
        return None
    base = Path(os.path.normpath(container.folder.absolute() / base_path))  # "a/../.." too
    folder = Path(os.path.normpath(container.folder.absolute()))
    return base if base.is_relative_to(folder) and base.is_dir() else None


def _absolute(path: str) -> bool:
    """A path from the root of a drive: ``/home/…``, ``C:\\…``, ``\\\\server\\…``."""
    return path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":")


def _on_disk(
    rel: str, base: Path | None, container: Container, path: str, what: str, filename: str
) -> str | None:
    """The text of ``rel`` below ``basePath`` or the project's folder, if it is there."""
    rel_path = PurePosixPath(rel)
    if ".." in rel_path.parts:
        raise InputError(f"{what}: Pfad '{path}' verlässt den Projektordner.", file=filename)
    for folder in (r for r in (base, container.folder) if r is not None):
        candidate = folder / Path(*rel_path.parts)
        if rel_path.parts and candidate.is_file():
            return decode_source(candidate.read_bytes(), what, filename)
    return None


def missing_message(
    missing: list[Missing], container: Container, base_path: str | None = None
) -> str:
    """One message naming every text source whose text is missing (and the project's
    ``basePath`` if it was not read because it lies outside the project file's folder)."""
    count = (
        "Der Text einer Textquelle fehlt"
        if len(missing) == 1
        else f"Die Texte von {len(missing)} Textquellen fehlen"
    )
    listed = "; ".join(f"{m.name}: {m.looked}" for m in missing)  # names: source_label
    where_to = (
        "neben die .qde oder in ihren Ordner Sources/"
        if isinstance(container, FolderContainer)
        else "in den Ordner Sources/ der .qdpx"
    )
    outside = ""
    if base_path and Path(base_path).is_dir() and project_base(base_path, container) is None:
        outside = (
            f" Der Quellordner des Projekts ({base_path}) liegt nicht im Ordner der "
            "Projektdatei und wird nicht gelesen."
        )
    return (
        f"{count}, nichts wurde importiert: {listed}.{outside} Bitte das Projekt "
        f"mitsamt Quelltexten exportieren oder die Textdateien {where_to} legen. " + SOURCE_LABELS
    )
