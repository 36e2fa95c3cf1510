"""The same export downloaded again in another form: as CSV after XLSX (or the reverse), or a
Pol.is conversation's comments with its ``summary.csv`` beside them after without (pure).

A survey tool offers its export as CSV and as Excel; a team downloads one this week and
the other next week. The file type differed, so the second download was never compared
with the first as a download of the same export, and its short answers were too few words
for the word comparison (:mod:`workbench.ingest.same_content`): every answer was stored
twice. A table file is compared with a stored table of another format when the same
columns were read from both (:func:`comparable`); under the same name but for its
extension it is a download of the same export (:func:`same_stem`), and new rows are
added, changed rows stop the import, as for any re-download
(:mod:`workbench.ingest.export_growth`); what is decided names the stored file
(:func:`in_other_format`).

A Pol.is ``comments.csv`` imported alone has its file's name as workshop; downloaded
again with ``summary.csv`` beside it, the conversation's topic named another workshop, and
every comment was imported again. The topic alone is no other workshop
(:func:`topic_aside`): the stored workshop keeps its name, and the import says so.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from workbench.core.domain import ParsedDocument
from workbench.core.formatting import plural
from workbench.ingest.export_growth import Appending, Growth, conversation

TABLE_KINDS = frozenset({"csv", "xlsx", "ods"})  # a first sheet's importer: no "xlsx:Name"
_COLUMNS = ("id_column", "text_column", "more_text_columns")  # the columns read


def comparable(
    document: ParsedDocument, importer: str, options: Callable[[], Mapping[str, Any]]
) -> bool:
    """Whether ``document`` is compared with a stored document of ``importer`` (its
    ``options`` read only for another format): the same importer, or two tables (CSV,
    Excel, ODS; a workbook's first sheet) of which the same columns were read."""
    if document.importer == importer:
        return True
    if document.importer not in TABLE_KINDS or importer not in TABLE_KINDS:
        return False
    theirs = options()
    return all(document.options.get(k) == theirs.get(k) for k in _COLUMNS)


def same_stem(name: str, names: Iterable[str]) -> bool:
    """Whether a stored file's ``name`` is one of ``names`` but for its extension
    ("umfrage.xlsx", "umfrage.csv"); composed, case aside."""

    def stem(text: str) -> str:
        return unicodedata.normalize("NFC", PurePath(text).stem).casefold()

    return stem(name) in {stem(n) for n in names}


def same_rows(found: Growth | None) -> str | None:
    """Why a download in another format whose rows are all stored as they are, and no
    more, adds nothing; None if it adds, changes or misses a row."""
    if found is None or found.added or found.erased or found.changed or found.missing:
        return None
    return (
        "nicht importiert: jede Zeile steht unverändert im Projekt "
        f"({plural(found.kept, 'Aussage', 'Aussagen')}), keine ist neu. Nichts geändert. "
        "Ist es doch eine andere Datei, nimmt --allow-duplicates sie als eigenes Dokument auf."
    )


def in_other_format(
    found: tuple[str, str] | Appending, document: ParsedDocument, name: str
) -> tuple[str, str] | Appending:
    """What was found for ``document`` against the stored document ``name`` of another file
    format, naming it: new rows added say under which name the export is stored."""
    if isinstance(found, Appending):
        return replace(found, renamed=found.renamed or name)
    status, notice = found
    return status, (
        f"{notice} Erkannt als derselbe Export in anderem Dateiformat wie '{name}' (schon im "
        f"Projekt): in '{document.filename}' wurden dieselben Spalten gelesen, die Zeilen "
        "tragen dieselben Zeilen-IDs."
    )


def topic_aside(document: ParsedDocument, options: Mapping[str, Any]) -> ParsedDocument:
    """A Pol.is file whose workshop is its conversation's topic (from ``summary.csv``),
    compared with a stored download (its ``options``) of the same conversation or of one
    not known (comments imported without summary): without that workshop, so that its
    rows are compared with the stored ones; else ``document`` as it is."""
    found = document.options.get("polis") or {}
    topic = found.get("topic")
    if not topic or document.workshop != topic:
        return document  # no topic, or a workshop given for the import
    theirs = conversation(options)
    if theirs and theirs != found.get("conversation"):
        return document
    return replace(document, workshop=None)


def topic_kept(found: Appending, document: ParsedDocument) -> Appending:
    """New comments of a Pol.is download whose topic was set aside (:func:`topic_aside`):
    noted, for the import's notices, that they go to the stored comments' workshop."""
    polis = document.options.get("polis") or {}
    if not polis.get("topic") or found.workshop in (None, polis["topic"]):
        return found
    noted = {**polis, "topic_kept": found.workshop}
    options = {**found.document.options, "polis": noted}
    return replace(found, document=replace(found.document, options=options))
