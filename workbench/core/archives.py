"""ZIP files from outside (Word, LibreOffice and Excel files, REFI-QDA projects) are
refused before anything is unpacked if they would unpack to far more than any real one.

A "zip bomb" of a few hundred kilobytes unpacks to gigabytes: a .qdpx whose source text
was 300 MB of one repeated line took 3 GB of memory and two minutes to import, a
400 KB .docx did not finish in seven minutes, and a larger one exhausts the memory. The
sizes are the ones the archive's directory declares. A member that holds far more than
it declares (1 KB declared, 2 GB inside) passes that check: ``ZipFile.read`` stops at the
declared size, but only after unpacking up to 1 GB in one step (2 GB of memory), and a
forged checksum lets it through. :func:`read_member` unpacks in steps of 1 MB and stops
such a member at its first step beyond the declared size; :func:`check_members` does so
for every member of a file a library (python-docx, openpyxl, odfpy) unpacks itself.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator

from workbench.core.domain import InputError

MAX_MEMBER = 128 * 1024 * 1024  # one document.xml, sheet or source text (≈ 60,000 pages)
MAX_UNPACKED = 1024 * 1024 * 1024  # all members together (photos in a protocol included)
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1024 * 1024  # a member is unpacked in steps of this size
# Only these unpack in bounded steps: zipfile hands BZIP2 and LZMA data to a decompressor
# without a limit (a few KB of BZIP2 hold gigabytes). No office program writes them.
_BOUNDED = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# What reading a damaged ZIP archive raises: a bad directory or checksum (BadZipFile), a
# damaged compressed stream (zlib.error), a member cut off (EOFError), a format version or
# method zipfile does not know (NotImplementedError).
BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)
_METHODS = {9: "Deflate64", 12: "BZIP2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd"}


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_unpacked(
    archive: zipfile.ZipFile, filename: str, members: Iterable[zipfile.ZipInfo] | None = None
) -> None:
    """Stop with a German message if ``archive`` (or the ``members`` of it that are read)
    would unpack to more than a workbench file can hold: one member over
    :data:`MAX_MEMBER` or all over :data:`MAX_UNPACKED`."""
    infos = archive.infolist() if members is None else list(members)
    largest = max(infos, key=lambda info: info.file_size, default=None)
    if largest is not None and largest.file_size > MAX_MEMBER:
        raise InputError(
            f"Der Eintrag '{largest.filename}' ist entpackt {_megabytes(largest.file_size)} "
            f"groß (höchstens {_megabytes(MAX_MEMBER)}); die Datei wird nicht geöffnet "
            "(beschädigt oder eine „ZIP-Bombe“). Bitte die Datei im Programm, das sie "
            "erstellt hat, prüfen und neu speichern.",
            file=filename,
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        raise InputError(
            f"Die Datei ist entpackt {_megabytes(total)} groß (höchstens "
            f"{_megabytes(MAX_UNPACKED)}); sie wird nicht geöffnet (beschädigt oder eine "
            "„ZIP-Bombe“). Bitte die Datei im Programm, das sie erstellt hat, prüfen und "
            "neu speichern.",
            file=filename,
        )


def _method_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member is not unpacked (a packing method without bounded steps), or None."""
    if info.compress_type in _BOUNDED:
        return None
    method = _METHODS.get(info.compress_type, f"Verfahren {info.compress_type}")
    return (
        f"ist mit {method} gepackt, das die Werkbank nicht sicher entpackt; bitte als "
        "gewöhnliche ZIP-Datei (Deflate) neu packen"
    )


def _overflow(info: zipfile.ZipInfo, filename: str) -> InputError:
    return InputError(
        f"Der Eintrag '{info.filename}' enthält mehr, als das Archiv für ihn angibt "
        f"({info.file_size} Bytes); die Datei wird nicht geöffnet (beschädigt oder eine "
        "„ZIP-Bombe“). Bitte die Datei im Programm, das sie erstellt hat, prüfen und neu "
        "speichern.",
        file=filename,
    )


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> Iterator[bytes]:
    """A member's bytes in steps of 1 MB; one that holds more than it declares stops at
    its first step beyond (zipfile is asked for one byte more than declared to see it, and
    the checksum is compared here, after that)."""
    probe = copy.copy(info)
    probe.file_size = info.file_size + 1
    del probe.CRC  # zipfile would compare it with the declared size plus one byte
    total, crc = 0, 0
    with archive.open(probe) as unpacked:
        while chunk := unpacked.read(_CHUNK):
            total += len(chunk)
            if total > info.file_size:
                raise _overflow(info, filename)
            crc = zlib.crc32(chunk, crc)
            yield chunk
    if crc != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")


def _readable(
    archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, filename: str, hint: str
) -> zipfile.ZipInfo:
    """The member's entry, unless it is encrypted or packed without bounded steps (German
    message); a missing member raises ``KeyError``."""
    info = member if isinstance(member, zipfile.ZipInfo) else archive.getinfo(member)
    if info.flag_bits & 0x1:
        raise InputError(
            f"Eintrag '{info.filename}' im Archiv ist verschlüsselt (mit Passwort geschützt); "
            f"bitte das Archiv ohne Passwort neu packen{hint}.",
            file=filename,
        )
    if (problem := _method_problem(info)) is not None:
        raise InputError(f"Eintrag '{info.filename}' im Archiv {problem}.", file=filename)
    return info


def _damaged(info: zipfile.ZipInfo, filename: str) -> InputError:
    return InputError(
        f"Eintrag '{info.filename}' im Archiv ist beschädigt oder abgeschnitten.", file=filename
    )


def read_member(
    archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, filename: str, hint: str = ""
) -> bytes:
    """The bytes of a member, unpacked step by step with bounded memory. An encrypted,
    damaged or oversized member, or one packed without bounded steps, stops with a German
    message naming ``filename`` and the member (``hint``: what to do, for encrypted ones).
    A missing member raises ``KeyError`` as ``ZipFile.read`` does."""
    info = _readable(archive, member, filename, hint)
    try:
        return b"".join(_chunks(archive, info, filename))
    except InputError:
        raise
    except Exception:  # BadZipFile (CRC), zlib.error, EOFError, OSError …
        raise _damaged(info, filename) from None


def member_lines(
    archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, filename: str
) -> Iterator[bytes]:
    """The lines of a member (split at ``\\n``, without it; no empty last line), unpacked
    step by step: memory bounded by the longest line, not the member. Stops as
    :func:`read_member` does; a damaged member is found when its end is reached (its
    checksum), so a reader that finds a broken line should read on to the end first."""
    info = _readable(archive, member, filename, "")
    pending: list[bytes] = []  # the line begun in earlier steps
    try:
        for chunk in _chunks(archive, info, filename):
            if b"\n" not in chunk:
                pending.append(chunk)
                continue
            first, *lines, last = chunk.split(b"\n")
            yield b"".join([*pending, first])
            yield from lines
            pending = [last]
    except InputError:
        raise
    except Exception:  # BadZipFile (CRC), zlib.error, EOFError, OSError …
        raise _damaged(info, filename) from None
    if rest := b"".join(pending):
        yield rest


def unpack_member(archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, filename: str) -> bytes:
    """The bytes of a member in bounded steps, for a reader that words a damaged member
    itself: one holding more than it declares or packed without bounded steps stops with
    a German message; an encrypted one raises ``RuntimeError`` and a damaged one one of
    :data:`BROKEN_ZIP`, as ``ZipFile.read`` does."""
    info = member if isinstance(member, zipfile.ZipInfo) else archive.getinfo(member)
    if (problem := _method_problem(info)) is not None:
        raise InputError(f"Der Eintrag '{info.filename}' {problem}.", file=filename)
    return b"".join(_chunks(archive, info, filename))


def check_members(
    archive: zipfile.ZipFile, filename: str, members: Iterable[zipfile.ZipInfo] | None = None
) -> None:
    """Unpack every member (or those of ``members``) once, in bounded steps, before a
    library unpacks it whole: stop at one that holds more than it declares or is packed
    without bounded steps. Encrypted and damaged members are left to the importer, which
    names what is wrong."""
    for info in archive.infolist() if members is None else members:
        if info.is_dir() or info.flag_bits & 0x1:
            continue
        if (problem := _method_problem(info)) is not None:
            raise InputError(f"Der Eintrag '{info.filename}' {problem}.", file=filename)
        try:
            for _ in _chunks(archive, info, filename):
                pass
        except InputError:
            raise
        except Exception:  # damaged: left to the importer
            continue


def check_archive(archive: zipfile.ZipFile, filename: str) -> None:
    """:func:`check_unpacked` (declared sizes), then :func:`check_members` (actual ones)."""
    check_unpacked(archive, filename)
    check_members(archive, filename)


def check_zip_bytes(data: bytes, filename: str) -> None:
    """:func:`check_archive` for the bytes of a file, if they are a ZIP archive (a broken
    one is left to the importer, which names what is wrong)."""
    if not data.startswith(_ZIP_MAGIC):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, filename)
    except (*BROKEN_ZIP, OSError):
        return
