"""REFI-QDA project exchange (``.qdpx``) with MAXQDA, ATLAS.ti, NVivo and QualCoder.

A ``.qdpx`` is a ZIP with ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``,
valid against ``Project-mrt2019.xsd``) and a ``Sources/`` folder of plain-text files named
by GUID. How the workbench's model is written into the standard:

=====================  ===================================================================
Workbench              REFI-QDA
=====================  ===================================================================
coder, memo author     ``<User>``
codebook               ``<CodeBook>`` (nested codes, the same GUIDs and elements as .qdc)
document               ``<TextSource plainTextPath="internal://GUID.txt">``; the file holds
                       the document text, the title is its ``<Description>``
segment                a ``<PlainTextSelection>`` over the segment's offsets in the document
                       whose ``<Description>`` starts with the line ``Werkbank-Aussage`` and
                       lists source id, position, workshop, Sozialraum, guiding question,
                       speaker role and attributes as ``Schlüssel: Wert`` lines
coding of a segment    ``<Coding>`` (creatingUser, creationDateTime) → ``<CodeRef>`` inside
                       the segment's selection
coding of a span       its own ``<PlainTextSelection>`` (document offsets) with the codings
district               ``<Case>`` with ``<VariableValue>`` per indicator, ``<SelectionRef>``
                       to its segments and ``<SourceRef>`` to documents wholly inside it
indicator              ``<Variable typeOfVariable="Float">`` (indicator, year, unit, source
                       in its ``<Description>``)
workshop               ``<Set>`` of its documents (district, date, format in the description)
memo                   ``<Note>``; project memos via the project's ``<NoteRef>``, code memos
                       via the code's, segment memos via the segment selection's; memos on a
                       need cluster are unreferenced notes described ``Werkbank-Memo zu
                       Bedarfscluster N``
=====================  ===================================================================

Why segments are uncoded selections: the schema allows a ``<PlainTextSelection>`` without
``<Coding>`` (MAXQDA itself writes such selections for comments), it keeps the exact
offsets, and other programs show the segment boundaries instead of dropping them. The
description is plain text, so a MAXQDA user reads "Quelle-ID: MF-K03" rather than a
private format. Cases additionally reference the segment selections, so programs that
know cases (NVivo, QualCoder) see the Sozialraum of every statement.

Import reads our own files back exactly and other programs' files as well as their
content allows:

- A ``.qdpx`` (``project.qde`` or ``Project.qde``, also inside one top folder) or a bare
  ``.qde`` with its sources beside it. Sources come from ``internal://`` or a path
  without scheme (inside ``Sources/`` or ``sources/``), ``relative://`` (to the
  project's ``basePath`` or the file's folder; never outside it) or inline
  ``<PlainTextContent>``. Absolute paths are refused: an exchange file must not make the
  workbench read arbitrary files. Missing texts are named together in one message.
- PDF, picture, audio and video sources (and their selections) are skipped by name, as is
  a text source with only a ``richTextPath`` (.docx, .odt, .rtf): its selections count in
  the plain text the file lacks, so the notice says how to get it.
- Positions are UTF-16 code units (NVivo, MAXQDA, ATLAS.ti); a file that counts code
  points is recognised (docs/decisions/006-refi-qda-positionen.md).
- Without ``Werkbank-Aussage`` selections a source is segmented by line (one non-blank
  paragraph = one segment, as MAXQDA counts paragraphs); a coded span that crosses
  paragraphs becomes one coding per paragraph.
- Named cases are districts. A name that is not a declared district stops the import
  with the list of valid names (as table imports do) unless ``add_districts`` is given;
  numeric case variables become indicator values. Unnamed cases with one source (how
  MAXQDA and Quirkos write document variables) and ``<VariableValue>`` inside a source
  are document variables: ``Sozialraum`` and ``Workshop`` place the document, the others
  become segment attributes. Other programs' sets of sources become the attribute
  ``Sets`` (a list of set names); sets of codes are named as not taken.
- Modules: :mod:`~workbench.exchange.reader` (archive → plain records, pure; the records
  in :mod:`~workbench.exchange.records_in`),
  :mod:`~workbench.exchange.importer` (records → ``ParsedProject``),
  :mod:`~workbench.exchange.import_files` (→ the one ingest ``Writer``, one transaction),
  :mod:`~workbench.exchange.export` and ``export_data``,
  :mod:`~workbench.exchange.positions`, :mod:`~workbench.exchange.archive`,
  :mod:`~workbench.exchange.qdxml` (shared helpers).
- All text is pseudonymised on import like every other import (names, e-mail, phone,
  addresses; the key is stored for the segments), so a file from another program never
  puts original names in front of stakeholders. Offsets of codings are carried through
  the replacements. Our own (pseudonymised) exports pass unchanged.
- A source whose (pseudonymised) text equals a document already in the project is that
  document: its codings and memos are merged (nothing is doubled), so re-importing a
  file, or a file coded further in MAXQDA, adds only what is new.
- A code the file names differently but with the GUID the workbench gave it at export
  (renamed or moved in MAXQDA, ATLAS.ti, NVivo) is the project's code: its codings and
  memos go there, once (``CodeIndex.follow_guids``); the import names it.
- A note with the GUID the export gave one of the project's memos is that memo: edited in
  the other program, its text replaces the memo's (named), never a second memo beside
  it; memos of the export the file lacks are named (:mod:`~workbench.exchange.notes`).
"""

from __future__ import annotations

from workbench.exchange.export import QdpxExport, build_qde, export_qdpx
from workbench.exchange.import_files import QdpxImport, import_qdpx, import_qdpx_files
from workbench.exchange.importer import ImportOptions, parse_exchange
from workbench.exchange.qdxml import format_block, parse_block, stable_guid
from workbench.exchange.reader import read_qdpx
from workbench.exchange.records_in import Exchange

SUFFIXES = (".qdpx", ".qde")  # what `workbench import` hands to this module

__all__ = [
    "SUFFIXES",
    "Exchange",
    "ImportOptions",
    "QdpxExport",
    "QdpxImport",
    "build_qde",
    "export_qdpx",
    "format_block",
    "import_qdpx",
    "import_qdpx_files",
    "parse_block",
    "parse_exchange",
    "read_qdpx",
    "stable_guid",
]
