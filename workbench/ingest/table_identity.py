"""Which stored import a table file's document is: a workbook's sheets are imports of
their own, told apart by their importer ("xlsx:Was fehlt"), so that importing a file again
updates the same document instead of adding a second one."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.core.domain import ParsedDocument
from workbench.ingest.table_rows import IMPORTER_ODS, IMPORTER_XLSX


def sheet_importer(importer: str, sheet: str | None, first: bool) -> str:
    """A table's importer as stored: a workbook's sheet other than the first is an import
    of its own ("xlsx:Was fehlt"; a long name by its hash: the column holds 50 characters).

    >>> sheet_importer("xlsx", "Was fehlt", False), sheet_importer("xlsx", "Sitzung", True)
    ('xlsx:Was fehlt', 'xlsx')
    """
    if sheet is None or first:
        return importer
    named = f"{importer}:{sheet}"
    if len(named) <= 50:
        return named
    return f"{importer}:{hashlib.sha256(sheet.encode('utf-8')).hexdigest()[:20]}"


def same_import(stored: str, options: Mapping[str, Any], document: ParsedDocument) -> bool:
    """Whether a stored document of the same file is ``document`` (same importer and, for
    a workbook, the same sheet). A document stored without its sheet was read from the
    first one (before sheets were told apart, ``--sheet`` was stored when given)."""
    base = document.importer.split(":", 1)[0]
    if stored.split(":", 1)[0] != base:
        return False
    if base not in (IMPORTER_XLSX, IMPORTER_ODS):
        return stored == document.importer
    sheet = document.options.get("sheet")
    if options.get("sheet") is None:
        return ":" not in document.importer
    return options["sheet"] == sheet


def earlier_import(
    stored: Sequence[tuple[str, Mapping[str, Any]]], document: ParsedDocument
) -> tuple[int | None, str]:
    """Which of the stored documents of the same file (importer, options) is ``document``,
    and the importer to store it with (unique per file: an older project may hold another
    sheet under the plain importer)."""
    found = next((i for i, s in enumerate(stored) if same_import(*s, document)), None)
    importer = document.importer
    if found is None and any(s[0] == importer for s in stored):
        importer = sheet_importer(importer, document.options.get("sheet") or "", False)
    return found, importer
