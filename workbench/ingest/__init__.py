"""Importers: one module per source format, plain functions over a path or file object."""

from __future__ import annotations

from pathlib import Path

from workbench.core.domain import InputError, ParsedDocument
from workbench.ingest.docx_protocol import parse_docx
from workbench.ingest.markdown_protocol import parse_markdown
from workbench.ingest.table import TableMapping, parse_table

PROTOCOL_SUFFIXES = {
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".txt": parse_markdown,
    ".docx": parse_docx,
}
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm"}

__all__ = ["TableMapping", "parse_docx", "parse_file", "parse_markdown", "parse_table"]


def parse_file(path: str | Path, mapping: TableMapping | None = None) -> ParsedDocument:
    """Parse one file with the importer its suffix calls for."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in PROTOCOL_SUFFIXES:
        return PROTOCOL_SUFFIXES[suffix](path)
    if suffix in TABLE_SUFFIXES:
        return parse_table(path, mapping or TableMapping())
    supported = ", ".join(sorted({*PROTOCOL_SUFFIXES, *TABLE_SUFFIXES}))
    raise InputError(f"Dateityp '{suffix}' wird nicht unterstützt ({supported}).", file=str(path))
