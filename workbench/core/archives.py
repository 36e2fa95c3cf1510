"""ZIP files from outside (Word, LibreOffice and Excel files, REFI-QDA projects) are
refused before anything is unpacked if they would unpack to far more than any real one.

A "zip bomb" of a few hundred kilobytes unpacks to gigabytes: a .qdpx whose source text
was 300 MB of one repeated line took 3 GB of memory and two minutes to import, a
400 KB .docx did not finish in seven minutes, and a larger one exhausts the memory. The
sizes are the ones the archive's directory declares; Python's ``zipfile`` never
unpacks more than that (a member that says less stops with a checksum error).
"""

from __future__ import annotations

import io
import zipfile

from workbench.core.domain import InputError

MAX_MEMBER = 128 * 1024 * 1024  # one document.xml, sheet or source text (≈ 60,000 pages)
MAX_UNPACKED = 1024 * 1024 * 1024  # all members together (photos in a protocol included)
_ZIP_MAGIC = b"PK\x03\x04"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_unpacked(archive: zipfile.ZipFile, filename: str) -> None:
    """Stop with a German message if ``archive`` would unpack to more than a workbench
    file can hold: one member over :data:`MAX_MEMBER` or all over :data:`MAX_UNPACKED`."""
    infos = archive.infolist()
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


def check_zip_bytes(data: bytes, filename: str) -> None:
    """:func:`check_unpacked` for the bytes of a file, if they are a ZIP archive (a broken
    one is left to the importer, which names what is wrong)."""
    if not data.startswith(_ZIP_MAGIC):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked(archive, filename)
    except (zipfile.BadZipFile, OSError, EOFError):
        return
