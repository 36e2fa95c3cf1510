"""Copy a project folder that servers of the test run may have open, without breaking them.

``shutil.copytree`` reads ``werkbank.sqlite`` and its ``-wal``/``-shm`` files through
handles of its own. Closing such a handle drops every POSIX lock the test process holds
on the file (locks belong to the process, not the handle): a database connection still
open in the test process (a ``main([...])`` call's, until the garbage collector found it)
then no longer counts as open for SQLite. The next process that closed its last
connection took the test process for gone, wrote the log into the database and deleted
``-wal`` and ``-shm``; the Voilà kernel opened afterwards wrote into new ones, and every
later read of the test process went on through the old, unlinked log index: the
coding a page showed as stored was missing from the test's read
(tests/browser/test_kodieren.py, two failures of one clean-clone run). The copy here
leaves the database files to SQLite: the rest of the folder by ``copytree``, the
database through SQLite's backup, which is also consistent while a kernel writes.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

DATABASE = "werkbank.sqlite"


def copy_project(source: Path, target: Path) -> Path:
    """Copy the project folder ``source`` to ``target`` (new); return ``target``."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(f"{DATABASE}*"))
    with (
        closing(sqlite3.connect(source / DATABASE)) as original,
        closing(sqlite3.connect(target / DATABASE)) as copy,
    ):
        original.backup(copy)
    return target
