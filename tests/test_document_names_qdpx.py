"""A REFI-QDA source's name in the memos an import writes: as the document is stored.

A note on a source became a memo "Zu „interview_sabine_krueger.txt“: …": the source's
name was pseudonymised as a sentence, which leaves a name in lower case with underscores
as it was, and its line break or tab stayed. The document itself was stored as
"interview_[Person 1].txt". Now the memo names the source as the document is stored
(``NameGuard.file_name``, one rule with the writer: decision 019).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from workbench import Project
from workbench.exchange.qdpx import import_qdpx

NS = "urn:QDA-XML:project:1.0"
USER = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
SOURCE = "a2b94468-80a5-412f-92d6-e900d97b55a6"
NOTE = "0f758eeb-d61d-4e91-b250-79861c3869a3"
PLAIN = "8e7fddfe-db36-48dc-b464-80c3a4decd90.txt"
TEXT = "I: Was fehlt am Markt?\nB: Wir brauchen mehr Bänke am Markt.\n"


def _qdpx(out: Path, source_name: str) -> Path:
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project name="Beirat" xmlns="{NS}">\n'
        f'<Users><User guid="{USER}" name="colin" /></Users>\n<Sources>\n'
        f'<TextSource plainTextPath="internal://{PLAIN}" guid="{SOURCE}" '
        f'name="{source_name}">\n<NoteRef targetGUID="{NOTE}" />\n</TextSource>\n'
        f'</Sources>\n<Notes>\n<Note guid="{NOTE}" creatingUser="{USER}" '
        'creationDateTime="2024-03-06T08:00:00Z">'
        "<PlainTextContent>Bitte nachfragen</PlainTextContent></Note>\n</Notes>\n</Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"sources/{PLAIN}", TEXT.encode("utf-8"))
    return out


def test_a_note_on_a_source_names_it_as_its_document_is_stored(
    project: Project, tmp_path: Path
) -> None:
    name = "interview_sabine_krueger&#10;teil&#9;2.txt"  # a line break and a tab
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx", name))
    (stored,) = project.documents()["filename"]
    assert stored == "interview_[Person 1] teil 2.txt"
    (memo,) = [t for t in project.memos()["text"] if "Bitte nachfragen" in t]
    assert memo == f"Zu „{stored}“: Bitte nachfragen"
    assert not re.search("(?i)sabine|krueger|[\t\n]teil", memo)
