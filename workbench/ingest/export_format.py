"""The same export downloaded again in another form: as CSV after XLSX (or the reverse), or a
Pol.is conversation's comments with its ``summary.csv`` beside them after without (pure).

A survey tool offers its export as CSV and as Excel; a team downloads one this week and
the other next week. The file type differed, so the second download was never compared
with the first as a download of the same export, and its short answers were too few words
for the word comparison (:mod:`workbench.ingest.same_content`): every answer was stored
twice. A table file is compared with a stored table of another format when the same
columns were read from both (:func:`comparable`; a JSON file, whose objects are numbered
from 1 where a table's rows are from 2, only by an ID column: else :func:`numbered_apart`
stops the import); under the same name but for its
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
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from workbench.core.domain import ParsedDocument
from workbench.core.formatting import plural
from workbench.core.typed_text import compared
from workbench.ingest.export_growth import Appending, Growth, conversation

TABLE_KINDS = frozenset({"csv", "xlsx", "ods", "json"})  # a first sheet's importer: no "xlsx:Name"
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
    if _numbered_apart(document, importer, theirs):
        return False  # rows 1, 2, … of JSON are rows 2, 3, … of a table: see numbered_apart
    return all(document.options.get(k) == theirs.get(k) for k in _COLUMNS)


def _numbered_apart(document: ParsedDocument, importer: str, theirs: Mapping[str, Any]) -> bool:
    """Whether a JSON file and a table have their rows numbered apart: no ID column read in
    both, the same (``--id-column`` given at one import only: the other has none), JSON
    numbers its objects from 1, a table its rows from 2 (under its header)."""
    kinds = {document.importer, importer}
    mine = document.options.get("id_column")
    return (
        len(kinds) == 2
        and "json" in kinds
        and kinds <= TABLE_KINDS
        and not (mine and mine == theirs.get("id_column"))
    )


def numbered_apart(
    document: ParsedDocument,
    importer: str,
    options: Callable[[], Mapping[str, Any]],
    stored: Callable[[], Iterable[tuple[int, str]]],
) -> str | None:
    """Why a JSON file and a table of the same export (the same columns read, the stored
    document's ``importer``, ``options`` and ``stored`` statements in clear, three in four
    of them in the file word for word, each as often as stored: another survey sharing
    only short answers, "nichts", is none) cannot be compared row by row without an ID column,
    and the way on; None if they are no such pair. Imported, every row would count twice."""
    if document.importer == importer or {document.importer, importer} - TABLE_KINDS:
        return None
    theirs = options()
    if not _numbered_apart(document, importer, theirs):
        return None
    if any(document.options.get(k) != theirs.get(k) for k in _COLUMNS[1:]):  # text columns
        return None
    texts = Counter(compared(text) for _, text in stored())
    held = (texts & Counter(compared(s.text) for s in document.segments)).total()
    if not texts or 4 * held < 3 * texts.total():  # a re-download keeps nearly all of them
        return None
    kind = "JSON" if importer == "json" else "Tabelle"
    ids = [o.get("id_column") for o in (theirs, document.options)]
    way = "Ohne ID-Spalte"
    if any(ids):  # --id-column at one import only
        named = [f"'{i}'" if i else "keine" for i in ids]
        way = f"Ohne dieselbe ID-Spalte in beiden (gespeichert: {named[0]}, jetzt: {named[1]})"
    return (
        f"nicht importiert: {plural(held, 'Aussage steht', 'Aussagen stehen')} gleichlautend "
        f"schon im Projekt — derselbe Export in anderem Dateiformat ({kind}, gespeichert)? "
        f"{way} lassen sich die Zeilen nicht zuordnen: JSON zählt seine Objekte ab "
        "1, eine Tabelle ihre Zeilen unter der Kopfzeile ab 2; importiert zählten sie "
        f"doppelt. Neue Zeilen übernehmen: den Export wieder als {kind} herunterladen und "
        "importieren. Ist es doch eine andere Datei, nimmt --allow-duplicates sie als "
        "eigenes Dokument auf."
    )


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


def unknown_clone(
    document: ParsedDocument,
    options: Mapping[str, Any],
    stored: Callable[[], Iterable[tuple[str, str]]],
) -> bool:
    """Whether a Pol.is file naming its conversation (its ``summary.csv``) is another
    conversation than a stored download of ``options`` imported without one, given that
    they differ in a comment of the same ID: Pol.is never edits a comment, so a clone (the
    same seed comments, then its own) — a document of its own, as with both IDs known. A
    comment that differs only in its spelling marks (’ for ', a dash, spacing: the file
    saved again by a spreadsheet program) is the same comment, and the file the next
    download of the stored one (``stored``: row ID and text in clear of each stored row).

    >>> _loose("Mehr Bänke – bitte!") == _loose("mehr  Bänke - bitte")
    True
    >>> _loose("Wir’s") == _loose("Wir's"), _loose("Mehr Grün") == _loose("Mehr Bänke")
    (True, False)
    """
    if not conversation(document.options) or conversation(options):
        return False
    mine = {s.source_id: _loose(s.text) for s in document.segments}
    return any(row in mine and mine[row] != _loose(text) for row, text in stored())


def _loose(text: str) -> str:
    """A comment's letters and digits, case aside: what a re-saved file cannot change."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if c.isalnum())


def polis_way_on(notice: str, document: ParsedDocument) -> str:
    """A refusal of a Pol.is download whose comments differ from the stored ones', with
    the way on for another conversation (the file names none: no ``summary.csv``)."""
    if "polis" not in document.options or conversation(document.options):
        return notice
    return (
        f"{notice} Pol.is ändert keinen Kommentar: ein anderer Text unter derselben ID "
        "spricht für ein anderes Gespräch (ein geklontes?). Dann die summary.csv des "
        "Gesprächs neben comments.csv legen und den Ordner importieren: mit ihrer "
        "Gesprächs-ID wird es ein eigenes Dokument."
    )
