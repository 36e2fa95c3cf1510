"""The files a document was read from: an export downloaded again grows its document.

A re-download with more rows is appended to the stored document
(:mod:`workbench.ingest.export_growth`): the document keeps its first file's name, its
``sha256`` becomes the latest file's, and its options keep the earlier hashes
(:data:`EARLIER_SHA`) and the later files' names (:data:`DOWNLOAD_NAMES`). An export that
names a file with its checksum pairs them from :func:`downloads`, never the first name
with the latest hash. A project that appended before the names were stored knows the
earlier hashes only: those names are None. Any of a document's file names
(:func:`file_names`) names it: the one in the user's folder now is often the latest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

EARLIER_SHA = "earlier_sha256"  # a document's options: the downloads it grew from, in order
DOWNLOAD_NAMES = "download_names"  # a document's options: a later download's hash → its name


@dataclass(frozen=True)
class Download:
    """One file a document was read from: its name as stored (None: not stored) and hash."""

    filename: str | None
    sha256: str


def downloads(filename: str, sha256: str, options: Mapping[str, Any] | None) -> list[Download]:
    """Every file the document ``filename`` (its current ``sha256`` and ``options``) was
    read from, in download order: the first under the document's name, the last the one
    of ``sha256`` that holds every row.

    >>> [d.filename for d in downloads("a.csv", "h3", {"earlier_sha256": ["h1", "h2"],
    ...     "download_names": {"h3": "c.csv"}})]
    ['a.csv', None, 'c.csv']
    >>> downloads("a.csv", "h1", {})
    [Download(filename='a.csv', sha256='h1')]
    """
    options = options or {}
    hashes = [str(h) for h in options.get(EARLIER_SHA) or ()] + [sha256]
    names = options.get(DOWNLOAD_NAMES)
    names = names if isinstance(names, Mapping) else {}
    return [
        Download(filename if at == 0 else _name(names.get(digest)), digest)
        for at, digest in enumerate(hashes)
    ]


def _name(value: Any) -> str | None:
    """A stored name, or None for a missing or malformed one."""
    return value if isinstance(value, str) and value else None


def file_names(filename: str, sha256: str, options: Mapping[str, Any] | None) -> list[str]:
    """The stored names of the document ``filename`` (its ``sha256`` and ``options``),
    each once, in download order: any of them names the document (``forget --document``).

    >>> file_names("a.csv", "h3", {"earlier_sha256": ["h1", "h2"],
    ...     "download_names": {"h2": "b.csv", "h3": "a.csv"}})
    ['a.csv', 'b.csv']
    """
    named = [d.filename for d in downloads(filename, sha256, options) if d.filename]
    return list(dict.fromkeys(named))


def shown_name(filename: str, sha256: str, options: Mapping[str, Any] | None) -> str:
    """A document's name for a message, with its latest download's name if that differs.

    >>> shown_name("a.csv", "h2", {"earlier_sha256": ["h1"], "download_names": {"h2": "b.csv"}})
    'a.csv (zuletzt heruntergeladen als b.csv)'
    >>> shown_name("a.csv", "h1", None)
    'a.csv'
    """
    last = downloads(filename, sha256, options)[-1].filename
    return (
        f"{filename} (zuletzt heruntergeladen als {last})"
        if last not in (None, filename)
        else filename
    )


def counted_name(filename: str, sha256: str, options: Mapping[str, Any] | None) -> str:
    """A document's name in a table of sources (the report's and the site's overview): a
    grown export under its first name, the document's name everywhere, with its number of
    downloads and the latest's name, the file that holds all its statements.

    >>> counted_name("a.csv", "h3", {"earlier_sha256": ["h1", "h2"],
    ...     "download_names": {"h2": "b.csv", "h3": "c.csv"}})
    'a.csv (3 Downloads, zuletzt c.csv)'
    >>> counted_name("a.csv", "h2", {"earlier_sha256": ["h1"]}), counted_name("a.csv", "h1", {})
    ('a.csv (2 Downloads)', 'a.csv')
    """
    files = downloads(filename, sha256, options)
    if len(files) == 1:
        return filename
    last = files[-1].filename
    latest = f", zuletzt {last}" if last not in (None, filename) else ""
    return f"{filename} ({len(files)} Downloads{latest})"
