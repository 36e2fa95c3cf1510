"""Every sheet of a workbook: one sheet per district or workshop is how many teams keep
their cards in Excel (pure, reads files).

Without ``--sheet``, ``workbench import karten.xlsx`` read the first sheet and dropped the
others without a word. Now each sheet with statements is a document of its own (the first
stored as the file's, the others as the file's sheet: :func:`~workbench.ingest.table_identity.
sheet_importer`); a sheet without statements (an "Info" or "Auswertung" sheet) is named
with the reason in the first document's notices, and so is a hidden sheet (a template's
drop-down lists; ``--sheet`` reads it); if no sheet has statements, the first sheet's
error stops the import as before. A sheet named after one of the project's
districts ("Manfort") is that district's, unless its rows or the import name one; a sheet
named after an event ("Workshop Manfort", "Stadtteilforum Opladen") is that workshop's,
and the district's if its name holds exactly one of the project's districts. A sheet named
as a question ("Was fehlt im Stadtteil", "Nennen Sie Treffpunkte") is the guiding question
of its rows, unless they have one (a question column, a question above the answers).
A sheet of comments (Padlet's "Comments": ``Post ID``, ``Comment``, ``Author``) with the
ID column of an earlier sheet ("Post ID" of "Posts"), every value an ID there, gives each
comment its post's guiding question and district, where it has none: it answers its post.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from workbench.core.archives import check_archive, unpack_member
from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.district_names import district_as_words, districts_after_event
from workbench.ingest.table_survey import REQUEST, asks

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
_COMMENTS = re.compile(r"\s*(?:comments?|kommentare?|antworten|replies|reaktionen)\b", re.I)


_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_sheets(path: Path) -> list[tuple[str, bool]]:
    """The sheets of an ODS file, each with whether LibreOffice hides it (its table style
    says ``table:display="false"``)."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(unpack_member(archive, "content.xml", path.name))
    hiding = {
        style.get(f"{_STYLE}name")
        for style in root.iter(f"{_STYLE}style")
        for props in style.iter(f"{_STYLE}table-properties")
        if props.get(f"{_TABLE}display") == "false"
    }
    return [
        (str(t.get(f"{_TABLE}name")), t.get(f"{_TABLE}style-name") in hiding)
        for t in root.iter(f"{_TABLE}table")
    ]


def _sheets(path: Path) -> list[tuple[str, bool]]:
    """A workbook's sheets in order, each with whether Excel or LibreOffice hides it."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, path.name)  # reading it as a table names the reason
        if path.suffix.lower() == ".ods":
            return _ods_sheets(path)  # one XML parse, not odfpy's DOM of the whole file
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [(s.title, s.sheet_state != "visible") for s in book.worksheets]
        finally:
            book.close()
    except Exception:  # missing, empty or broken
        return []


def _reason(err: InputError) -> str:
    """An error's first sentence, for a notice."""
    first = err.message.split(". ")[0].rstrip(".")
    return first if len(first) <= 160 else first[:159] + "…"


_HIDDEN = "ausgeblendet (eine Liste der Vorlage?); --sheet '{}' importiert es"

# Words that make a sheet's name a workshop's ("Workshop Manfort", "Stadtteilforum
# Opladen", "Werkstatt 2"): a workbook with one sheet per event.
_EVENT = re.compile(
    r"workshop|werkstatt|forum|konferenz|veranstaltung|sitzung|runde\b|treffen|"
    r"dialog|begehung|spaziergang|befragung|beteiligung",
    re.IGNORECASE,
)


def with_sheet_name(document: ParsedDocument, districts: Sequence[str]) -> ParsedDocument:
    """A sheet named after a district ("Manfort") is that district's, if nothing else names
    one (the document, a row, the import); so is a sheet named after an event in one
    district ("Workshop Manfort"), whose name is then also the workshop's (unless a
    column or ``--workshop`` names one); a sheet named as a question (:func:`asks_as_sheet`)
    gives its rows their question, if none has one.

    >>> def sheet(name):
    ...     return ParsedDocument("k.xlsx", "", "", (), options={"sheet": name})
    >>> document = with_sheet_name(sheet("Workshop Manfort"), ["Manfort", "Opladen"])
    >>> document.district, document.workshop
    ('Manfort', 'Workshop Manfort')
    >>> with_sheet_name(sheet("Manfort und Opladen"), ["Manfort", "Opladen"]).district
    >>> with_sheet_name(sheet("Workshop im Bürgerhaus Opladen"), ["Opladen"]).district
    """
    sheet = " ".join(str(document.options.get("sheet") or "").split())
    event = bool(_EVENT.search(sheet))
    found: dict[str, str] = {}  # field of the document → the sheet's name for it
    if event and not document.workshop and not any(s.workshop for s in document.segments):
        found["workshop"] = sheet
    match = district_as_words(sheet, districts)  # "Steinbuechel" too, as in a file's name
    if match is None and event:  # exactly one, the event's ("Workshop Manfort", no venue)
        named = districts_after_event(sheet, districts)
        match = named[0] if len(named) == 1 else None
    if match and not document.district and not any(s.district for s in document.segments):
        found["district"] = match
    options = {**document.options, **{f"sheet_{field}": name for field, name in found.items()}}
    segments = document.segments
    if sheet and asks_as_sheet(sheet) and not any(s.question for s in segments):
        segments = tuple(replace(s, question=sheet) for s in segments)
        options["sheet_question"] = sheet
    return replace(document, **found, segments=segments, options=options)


def asks_as_sheet(name: str) -> bool:
    """Whether a sheet's name is a question (Excel forbids "?" in it): a question word
    ahead of two more words, or a request — a workbook with one sheet per question.

    >>> asks_as_sheet("Was fehlt im Stadtteil"), asks_as_sheet("Nennen Sie Orte")
    (True, True)
    >>> asks_as_sheet("Was fehlt"), asks_as_sheet("Manfort"), asks_as_sheet("Auswertung")
    (False, False, False)
    """
    return asks(name) or bool(REQUEST.search(name))


def parse_sheets(
    path: Path, mapping: Any, parse: Callable[[Path, Any], ParsedDocument]
) -> list[ParsedDocument]:
    """The documents of a workbook's sheets (see the module); ``parse(path, mapping)``
    reads one sheet (``mapping.sheet``)."""
    sheets = _sheets(path) if not mapping.sheet else []
    names = [name for name, _ in sheets]
    # A hidden sheet holds a template's lists (a drop-down's districts), not statements.
    hidden = {name: _HIDDEN.format(name) for name, hides in sheets if hides}
    hidden = hidden if len(hidden) < len(names) else {}
    shown = [name for name in names if name not in hidden]
    if len(names) < 2 or shown == names[:1]:
        documents = [parse(path, mapping)]
        if hidden:
            options = {**documents[0].options, "sheets_skipped": hidden}
            documents[0] = replace(documents[0], options=options)
    else:
        documents, skipped, first = [], dict(hidden), None
        for name in shown:
            try:
                document = parse(path, replace(mapping, sheet=name))
                options = {**document.options, "sheets": len(names)}
                documents.append(replace(document, options=options))
            except InputError as err:
                skipped[name] = _reason(err)
                first = first or err
        if not documents:
            raise first  # type: ignore[misc]
        if skipped:
            options = {**documents[0].options, "sheets_skipped": skipped}
            documents[0] = replace(documents[0], options=options)
    districts = (mapping.districts or ()) if mapping.find_district else ()
    return linked_to_posts([with_sheet_name(d, districts) for d in documents])


def _named_post(segment: ParsedSegment, column: str, own_id: Any) -> str | None:
    """The post ID a comment names in ``column`` (its attribute, or its ID if ``column``
    is its sheet's ID column: one comment per post makes the column unique)."""
    value = segment.source_id if column == own_id else segment.attributes.get(column)
    return None if value is None else str(value)


def linked_to_posts(documents: list[ParsedDocument]) -> list[ParsedDocument]:
    """The sheets' documents with a comment's missing question and district taken from
    the post it names: a sheet of comments (its name or text column says so) with an
    earlier sheet's ID column (the same header, "Post ID") whose every value there is an
    ID of that sheet's statements."""
    linked: list[ParsedDocument] = []
    for document in documents:
        own = document.options.get("id_column")
        named = (document.options.get("sheet"), document.options.get("text_column"))
        if not any(_COMMENTS.match(str(n or "")) for n in named):
            linked.append(document)  # a sheet of cards with the same IDs is no comment
            continue
        for earlier in linked:
            column = earlier.options.get("id_column")
            if not column or earlier.options.get("sheet_posts"):
                continue
            posts = {str(s.source_id): s for s in earlier.segments}
            found = [posts.get(str(_named_post(s, column, own))) for s in document.segments]
            answered = [post for post in found if post is not None]
            if found and len(answered) == len(found):
                segments = tuple(
                    replace(s, question=s.question or p.question, district=s.district or p.district)
                    for s, p in zip(document.segments, answered, strict=True)
                )
                options = {
                    **document.options,
                    "sheet_posts": [column, earlier.options.get("sheet")],
                }
                document = replace(document, segments=segments, options=options)
                break
        linked.append(document)
    return linked
