"""Writing files so that a crash or an error never leaves a half-written one behind."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError, control_shown, has_control

if TYPE_CHECKING:
    import pandas as pd

# What the operating system says, in German (its own words are English).
_REASONS = {
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EISDIR: "ist ein Ordner, keine Datei",
    errno.ENOENT: "nicht gefunden",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EEXIST: "gibt es schon",
    errno.EROFS: "das Dateisystem ist schreibgeschützt",
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.EBUSY: "ist belegt",
    errno.ENAMETOOLONG: "der Name ist zu lang",
    errno.ENOTEMPTY: "der Ordner ist nicht leer",
    errno.ELOOP: "Kreis aus symbolischen Verknüpfungen (der Link zeigt auf sich selbst)",
    errno.EFBIG: "die Datei wird zu groß (Grenze des Systems oder Dateisystems)",
    errno.EDQUOT: "das Speicherkontingent ist erschöpft",
    errno.EIO: "Ein-/Ausgabefehler (Datenträger entfernt oder defekt?)",
    errno.ENXIO: "das Gerät ist nicht verfügbar",
    errno.ETXTBSY: "ist belegt",
    errno.EMFILE: "zu viele offene Dateien",
    errno.ESTALE: "die Netzwerkfreigabe ist nicht mehr verbunden",
}


def os_reason(err: OSError) -> str:
    """Why a file operation failed, in German (the system's English words never: a rare
    error is named by its code, "Fehler des Betriebssystems (EXDEV)")."""
    if err.errno in _REASONS:
        return _REASONS[err.errno]
    code = errno.errorcode.get(err.errno or 0)
    return f"Fehler des Betriebssystems ({code})" if code else "Fehler des Betriebssystems"


def describe_os_error(err: OSError) -> str:
    """A file error as one German sentence naming the file ("x.csv: keine Berechtigung.")."""
    where = " → ".join(str(f) for f in (err.filename, err.filename2) if f is not None)
    return f"{where}: {os_reason(err)}." if where else f"{os_reason(err)}."


def ensure_writable(out: str | Path | None) -> None:
    """Stop before a command changes the project if its output ``out`` cannot be written
    (a folder, a missing folder, no permission): the change would be made, the file not."""
    if out is None:
        return
    if not str(out).strip():
        raise WorkbenchError("Leerer Dateiname für die Ausgabe.")
    path = Path(out)
    if path.is_dir():
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: ist ein Ordner, keine Datei.")
    if _special(path):
        return
    folder = path.parent
    if not folder.is_dir():
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: der Ordner {folder} fehlt.")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: keine Berechtigung.")


# Names of formats a program opens by their content: CSV text under such a name does not
# open ("codes.xlsx": Excel calls the format or the extension invalid).
_NOT_CSV = (".xlsx", ".xlsm", ".xls", ".ods", ".docx", ".doc", ".odt", ".pdf", ".qdpx")


def ensure_csv_target(out: str | Path | None) -> None:
    """Stop before a command changes anything if ``out`` cannot take its CSV table: not
    writable (see :func:`ensure_writable`) or named like another format (``codes.xlsx``)."""
    ensure_writable(out)
    _check_csv_name(out)


def _check_csv_name(out: str | Path | None) -> None:
    if out is None or _special(Path(out)):
        return
    suffix = Path(out).suffix.lower()
    if suffix in _NOT_CSV:
        raise WorkbenchError(
            f"{Path(out).name}: hier entsteht eine CSV-Datei, mit der Endung {suffix} ließe "
            "sie sich nicht öffnen. Bitte einen Namen auf .csv wählen (Excel öffnet ihn "
            "per Doppelklick)."
        )


def check_folder_name(path: str | Path) -> None:
    """Refuse a folder to be created whose name holds a line break or another control
    character (``workbench init $'studie\\n2'``): every message and command line that
    names the folder would break or hide part of it.

    >>> check_folder_name("studie-2021/Ströme")
    >>> try:
    ...     check_folder_name("studie\\n2")
    ... except WorkbenchError as err:
    ...     print(str(err)[:33])
    Der Ordnername 'studie⏎2' enthält
    """
    text = str(path)
    if not has_control(text):
        return
    raise WorkbenchError(
        f"Der Ordnername '{control_shown(text)}' enthält einen Zeilenumbruch oder ein "
        "Steuerzeichen (hier ⏎ oder �, auch eines, das die Leserichtung umkehrt); bitte "
        "einen Namen ohne sie wählen."
    )


def _umask() -> int:
    """The process's umask (Linux tells it in /proc; elsewhere set and reset)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _temporary_beside(path: Path) -> Path:
    """A new empty temporary file in ``path``'s folder (".name.XXXX.tmp"), to be renamed
    onto ``path``; a folder that refuses it is a :class:`WorkbenchError` naming ``path``."""
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                            dir=path.parent)  # fmt: skip
    except OSError as err:
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {os_reason(err)}.") from None
    os.close(descriptor)
    return Path(name)


@contextmanager
def atomic_path(path: str | Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` when the block succeeds.

    The file gets ``mode`` less the umask, as any program's new file would: a person who
    set ``umask 077`` on a shared computer gets exports only they can read. On any error
    the temporary file is removed and ``path`` stays as it was; an ``OSError`` becomes a
    :class:`WorkbenchError` naming the file.
    """
    path = Path(path)
    if _special(path):
        with _through_temporary(path) as tmp:
            yield tmp
        return
    tmp = _temporary_beside(path)
    try:
        yield tmp
        os.chmod(tmp, mode & ~_umask())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {os_reason(err)}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def is_special(out: str | Path) -> bool:
    """Whether ``out`` is the standard output (``-``), a device, pipe or socket."""
    return _special(Path(out))


def _special(path: Path) -> bool:
    """Whether ``path`` is a device, pipe or socket (``/dev/null``, ``/dev/stdout``, a FIFO),
    a name /proc gives an open file, or ``-`` (the standard output, as ``workbench export …
    -``): it must be written into, never replaced by a file."""
    if str(path) == "-":  # not a file named "-" in the current folder
        return True
    try:
        if not stat.S_ISREG(path.stat().st_mode) and not path.is_dir():
            return True
    except OSError:
        return False
    return _open_file_name(path)


def _open_file_name(path: Path) -> bool:
    """Whether ``path`` is, or links to, a name in /proc for an open file: ``/dev/stdout``
    (→ ``/proc/self/fd/1``) or ``/dev/fd/1`` of a shell's ``> datei.csv`` is a regular file,
    but replacing it replaced the link in /dev (as root) and the output went nowhere."""
    step = path
    for _ in range(8):  # a chain of links, as /dev/stdout → /proc/self/fd/1
        if os.path.realpath(step.parent).startswith("/proc/"):
            return True
        if not step.is_symlink():
            return False
        target = Path(os.readlink(step))
        step = target if target.is_absolute() else step.parent / target
    return False


def writes_to_stdout(out: str | Path | None) -> bool:
    """Whether the output ``out`` is this process's standard output (``-``, ``/dev/stdout``
    and the file or pipe it is redirected to): messages then go to stderr."""
    if out is None or str(out) == "-":
        return True
    try:
        here, there = os.fstat(sys.stdout.fileno()), os.stat(out)
    except (OSError, ValueError, AttributeError):  # a captured stdout has no descriptor
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


@contextmanager
def _through_temporary(path: Path) -> Iterator[Path]:
    """Yield a temporary file; copy it into the special file ``path`` when the block succeeds."""
    descriptor, name = tempfile.mkstemp(suffix=".tmp")
    os.close(descriptor)
    tmp = Path(name)
    try:
        yield tmp
        if writes_to_stdout(path):  # after what was printed, not over it from offset 0
            sys.stdout.flush()
            with tmp.open("rb") as source:
                shutil.copyfileobj(source, sys.stdout.buffer)
            sys.stdout.flush()
            return
        with tmp.open("rb") as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)
    except BrokenPipeError:  # `… /dev/stdout | head`: the reader stopped; the CLI ends quietly
        raise
    except OSError as err:
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {os_reason(err)}.") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically (``mode`` 0o600 for files only the owner may read)."""
    with atomic_path(path, mode) as tmp:
        tmp.write_bytes(data)


# Excel on Windows reads a CSV file without this mark as ANSI ("SteinbÃ¼chel"); pandas,
# readr, LibreOffice and the workbench's own import skip it (decision 013).
CSV_BOM = "\ufeff"


def csv_text(table: pd.DataFrame, sep: str = ",", **options: object) -> str:
    """``table`` as CSV text (``\\n``, no index); text that starts like a formula gets ``'``.

    See :mod:`workbench.core.spreadsheet`: no spreadsheet program evaluates such a cell. A
    table with a carriage return in a text gets RFC 4180's ``\\r\\n`` line ends instead:
    Python's CSV writer quotes only a field holding a character of the line end, and an
    unquoted CR ends the row for every reader (the rest of the text was lost on import).

    >>> import pandas as pd
    >>> csv_text(pd.DataFrame({"t": ["a\\rb", "c"]})), csv_text(pd.DataFrame({"t": ["a"]}))
    ('t\\r\\n"a\\rb"\\r\\nc\\r\\n', 't\\na\\n')
    >>> csv_text(pd.DataFrame({"t": pd.Series([], dtype="string")}))  # an empty export
    't\\n'
    """
    # here, not above: the command line uses this module's file helpers before pandas loads
    from workbench.core.spreadsheet import safe_frame

    table = safe_frame(table)
    end = "\r\n" if _holds_carriage_return(table) else "\n"
    options = {"index": False, "lineterminator": end, **options}
    return table.to_csv(sep=sep, **options)


def _holds_carriage_return(table: pd.DataFrame) -> bool:
    """Whether a text cell or column name of ``table`` holds a CR."""
    names = any("\r" in str(c) for c in table.columns)
    # cell by cell: an empty column of pandas' string dtype cannot answer .any()
    cells = table.select_dtypes(exclude="number").to_numpy(dtype=object).ravel()
    return names or any(isinstance(v, str) and "\r" in v for v in cells)


def write_csv(
    table: pd.DataFrame,
    out: str | Path | None,
    *,
    sep: str = ",",
    mode: int = 0o644,
    **options: object,
) -> None:
    """Write ``table`` as CSV to ``out`` atomically, or to stdout if None.

    Every CSV file of the workbench is written here: UTF-8 with BOM (Excel shows umlauts),
    ``sep`` between fields (``;`` for the lists people open in Excel, decision 013), cells
    made safe by :func:`csv_text`. Standard output, a pipe or a device (``--out
    /dev/stdout``) gets no BOM: it goes into scripts. ``mode`` 0o600 for files only the
    owner may read.
    """
    _check_csv_name(out)
    text = csv_text(table, sep=sep, **options)
    if out is None:
        sys.stdout.write(text)
        return
    mark = "" if _special(Path(out)) else CSV_BOM
    write_atomic(out, (mark + text).encode("utf-8"), mode)


@contextmanager
def csv_on_success(
    out: str | Path | None, *, sep: str = ",", mode: int = 0o644
) -> Iterator[Callable[[pd.DataFrame], None]]:
    """Yield a function that writes a table as :func:`write_csv` would; a file ``out``
    takes it only when the block ends without error (``out`` stays as it was otherwise).

    For a file whose content must agree with a database change made in the block (the
    access codes' only copy): the table is written into a temporary file inside the
    block (a full disk stops the change), which replaces ``out`` after the commit. The
    block must write once. Standard output, a pipe or a device is written at once. If
    ``out`` cannot take the file after the block (its folder removed meanwhile), the
    temporary file stays where it is and :class:`NotPlaced` says so.
    """
    if out is None or _special(Path(out)):
        yield lambda table: write_csv(table, out, sep=sep, mode=mode)
        return
    _check_csv_name(out)
    path = Path(out)
    tmp = _temporary_beside(path)
    try:
        yield lambda table: tmp.write_bytes((CSV_BOM + csv_text(table, sep=sep)).encode("utf-8"))
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {os_reason(err)}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:  # the block's work is done (the codes committed): the file is kept, or named lost
        os.chmod(tmp, mode & ~_umask())
        os.replace(tmp, path)
    except OSError as err:
        raise NotPlaced(path, tmp if tmp.is_file() else None, os_reason(err)) from None


class NotPlaced(WorkbenchError):
    """A file :func:`csv_on_success` wrote after its block succeeded could not take its
    name: ``kept`` is where it is (None: gone with its folder), ``reason`` why."""

    def __init__(self, path: Path, kept: Path | None, reason: str):
        super().__init__(f"{path} lässt sich nicht schreiben: {reason}.")
        self.path, self.kept, self.reason = path, kept, reason
