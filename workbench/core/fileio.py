"""Writing files so that a crash or an error never leaves a half-written one behind."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from workbench.core.domain import WorkbenchError
from workbench.core.spreadsheet import safe_frame


@contextmanager
def atomic_path(path: str | Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` when the block succeeds.

    On any error the temporary file is removed and ``path`` stays as it was; an
    ``OSError`` becomes a :class:`WorkbenchError` naming the file.
    """
    path = Path(path)
    if _special(path):
        with _through_temporary(path) as tmp:
            yield tmp
        return
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                            dir=path.parent)  # fmt: skip
    except OSError as err:
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {err.strerror}.") from None
    os.close(descriptor)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {err.strerror}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _special(path: Path) -> bool:
    """Whether ``path`` is a device, pipe or socket (``/dev/null``, ``/dev/stdout``, a FIFO):
    it must be written into, never replaced by a file."""
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


@contextmanager
def _through_temporary(path: Path) -> Iterator[Path]:
    """Yield a temporary file; copy it into the special file ``path`` when the block succeeds."""
    descriptor, name = tempfile.mkstemp(suffix=".tmp")
    os.close(descriptor)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb") as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)
    except OSError as err:
        raise WorkbenchError(f"{path} lässt sich nicht schreiben: {err.strerror}.") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically (``mode`` 0o600 for files only the owner may read)."""
    with atomic_path(path, mode) as tmp:
        tmp.write_bytes(data)


def write_csv(table: pd.DataFrame, out: str | Path | None, **options: object) -> None:
    """Write ``table`` as CSV (UTF-8, ``\\n``) to ``out`` atomically, or to stdout if None.

    Text cells that start like a formula get a ``'`` in front (see
    :mod:`workbench.core.spreadsheet`): no spreadsheet program evaluates them.
    """
    table = safe_frame(table)
    options = {"index": False, "lineterminator": "\n", **options}
    if out is None:
        table.to_csv(sys.stdout, **options)
        return
    with atomic_path(out) as tmp:
        table.to_csv(tmp, encoding="utf-8", **options)
