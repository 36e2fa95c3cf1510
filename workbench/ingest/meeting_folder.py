"""The meeting a file's folder names: Zoom's local recordings (pure).

Zoom saves a meeting's recording, chat and captions in a folder named after its start and
topic — ``2026-12-05 18.00.12 Stadtteilforum Manfort`` — with files of the same names in
every folder (``meeting_saved_chat.txt``, ``meeting_saved_closed_caption.txt``). The file
name says nothing, so a file there without a workshop of its own belongs to the meeting
the folder names: its topic is the workshop (and names its Sozialraum, as a file name
would; see the writer), its start the date where the file has none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from workbench.core.domain import ParsedDocument

_ZOOM_FOLDER = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}) \d{2}\.\d{2}\.\d{2} (?P<topic>\S.*)$"
)
MEETING_FOLDER = "meeting_folder"  # the option that holds the topic a folder gave


def named_by_folder(path: Path, document: ParsedDocument) -> ParsedDocument:
    """``document`` with the workshop and date of the Zoom recording folder it lies in
    (``2026-12-05 18.00.12 Stadtteilforum Manfort``), where it names none itself."""
    found = _ZOOM_FOLDER.match(path.absolute().parent.name)
    if found is None or document.workshop:
        return document
    topic = " ".join(found["topic"].split())
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"])).isoformat()
    except ValueError:
        day = None  # no day: the folder was renamed by hand
    options = {**document.options, MEETING_FOLDER: topic}
    return replace(document, workshop=topic, date=document.date or day, options=options)
