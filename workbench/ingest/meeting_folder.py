"""The meeting a file's folder or Zoom name names: Zoom's recordings (pure).

Zoom saves a meeting's recording, chat and captions in a folder named after its start and
topic — ``2026-12-05 18.00.12 Stadtteilforum Manfort`` — with files of the same names in
every folder (``meeting_saved_chat.txt``, ``meeting_saved_closed_caption.txt``). The file
name says nothing, so a file there without a workshop of its own belongs to the meeting
the folder names: its topic is the workshop (and names its Sozialraum, as a file name
would; see the writer), its start the date where the file has none. A table with a
workshop in its rows, or a protocol whose title names its event, names its own.

Zoom's cloud recordings name their files after the meeting's start in GMT —
``GMT20261205-170012_Recording.transcript.vtt``, ``GMT20261205-170012_RecordingnewChat.txt``
— so that chat and transcript of one meeting are one workshop, "Zoom-Meeting 05.12.2026
17:00 GMT", dated that day (in GMT: a meeting late at night may show the next day).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from workbench.core.domain import ParsedDocument
from workbench.ingest.common import PROTOCOL_IMPORTERS
from workbench.ingest.protocol_title import workshop_in_title

_ZOOM_FOLDER = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}) \d{2}\.\d{2}\.\d{2} (?P<topic>\S.*)$"
)
_ZOOM_CLOUD = re.compile(
    r"^GMT(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})-(?P<hour>\d{2})(?P<minute>\d{2})\d{2}_"
    r"Recording"
)
MEETING_FOLDER = "meeting_folder"  # the option that holds the topic a folder gave
ZOOM_CLOUD = "zoom_cloud"  # the option that holds the workshop a cloud file name gave


def named_by_folder(path: Path, document: ParsedDocument) -> ParsedDocument:
    """``document`` with the workshop and date of the Zoom recording folder it lies in
    (``2026-12-05 18.00.12 Stadtteilforum Manfort``), where it names none itself."""
    found = _ZOOM_FOLDER.match(path.absolute().parent.name)
    if document.workshop or _names_itself(document):
        return document
    if found is None:
        return _named_by_cloud(path, document)
    topic = " ".join(found["topic"].split())
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"])).isoformat()
    except ValueError:
        day = None  # no day: the folder was renamed by hand
    options = {**document.options, MEETING_FOLDER: topic}
    return replace(document, workshop=topic, date=document.date or day, options=options)


def _names_itself(document: ParsedDocument) -> bool:
    """Whether a document names its events itself, not being one of Zoom's files: a
    table's rows with their workshops, a protocol whose title names its event
    ("Protokoll Werkstatt Hitdorf"; the writer names the workshop after it)."""
    if any(segment.workshop for segment in document.segments):
        return True
    by_title = document.importer in PROTOCOL_IMPORTERS or document.options.get("named_by_title")
    return bool(by_title) and workshop_in_title(document.title) is not None


def _named_by_cloud(path: Path, document: ParsedDocument) -> ParsedDocument:
    """``document`` with the workshop and date of a Zoom cloud recording's file name
    (``GMT20261205-170012_Recording.transcript.vtt``), else as it is."""
    found = _ZOOM_CLOUD.match(path.name)
    if found is None:
        return document
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        return document  # no day: a name by hand
    workshop = f"Zoom-Meeting {day:%d.%m.%Y} {found['hour']}:{found['minute']} GMT"
    options = {**document.options, ZOOM_CLOUD: workshop}
    dated = document.date or day.isoformat()
    return replace(document, workshop=workshop, date=dated, options=options)
