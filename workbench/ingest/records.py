"""The record a project-exchange importer hands to the writer (REFI-QDA ``.qdpx``).

It lives in the ingest stage, not in :mod:`workbench.core.domain`, because it carries
the coding stage's :class:`~workbench.coding.codebook.CodeSpec` (the core imports no
stage). Everything else in it is a core record.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.codebook import CodeSpec
from workbench.core.domain import ParsedDocument, ParsedIndicator, ParsedMemo, ParsedWorkshop


@dataclass(frozen=True)
class ParsedProject:
    """What a project-exchange importer returns: documents and what comes beside them.

    ``districts`` are the Sozialräume the file names (besides those of its segments);
    ``district_hint`` says where, for the message on unknown ones. ``notices`` are the
    importer's own remarks for the summary (what it skipped, how it read positions).
    """

    filename: str
    documents: tuple[ParsedDocument, ...]
    codes: tuple[CodeSpec, ...] = ()
    memos: tuple[ParsedMemo, ...] = ()
    workshops: tuple[ParsedWorkshop, ...] = ()
    districts: tuple[str, ...] = ()
    district_hint: str = ""
    indicators: tuple[ParsedIndicator, ...] = ()
    notices: tuple[str, ...] = ()
    location: str | None = None  # for messages, e.g. "studie.qdpx/project.qde"
    code_guids: tuple[tuple[str, str], ...] = ()  # (path in the file, GUID) of each code
    # (source GUID, how messages name it): by its number and GUID, never by its file name
    labels: tuple[tuple[str, str], ...] = ()
