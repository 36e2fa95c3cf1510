"""Importers: one module per source format, plain functions over a path or file object.

Which importer reads a file is decided in :mod:`workbench.ingest.dispatch`. Its functions
are named here too (``from workbench.ingest import parse_file``), but they load — and with
them every importer (docx, PDF, chats, tables) — only when first used: a command that
needs one helper of this package (the district of a name, the pseudonymiser, a name
list) or only reads the project loads no importer (tests/test_cli_startup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.ingest.dispatch import (
        TableMapping,
        expand_paths,
        parse_all,
        parse_docx,
        parse_file,
        parse_markdown,
        parse_odt,
        parse_pdf,
        parse_speaker_turns,
        parse_srt,
        parse_table,
        parse_vtt,
        parse_zoom_chat,
        supported_suffixes,
    )

__all__ = [
    "TableMapping",
    "expand_paths",
    "parse_all",
    "parse_docx",
    "parse_file",
    "parse_markdown",
    "parse_odt",
    "parse_pdf",
    "parse_speaker_turns",
    "parse_srt",
    "parse_table",
    "parse_vtt",
    "parse_zoom_chat",
    "supported_suffixes",
]


def __getattr__(name: str) -> object:
    """The dispatch's functions, loaded with every importer on first use (PEP 562); any
    other name is a submodule, which Python then imports by itself."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from workbench.ingest import dispatch

    return getattr(dispatch, name)
