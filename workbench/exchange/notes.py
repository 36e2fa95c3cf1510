"""A REFI-QDA file's notes as memos, and which of them are the project's own, read back.

The workbench exports a memo as a ``<Note>`` whose GUID comes from the memo (target,
author, time, text: :class:`~workbench.exchange.export_data.MemoOut`). MAXQDA, ATLAS.ti
and NVivo keep a note's GUID when its text is edited there, so a note of the file with
the GUID of one of the project's memos is that memo, possibly edited: the writer then
replaces its text instead of adding a second memo beside it. Other programs name
their memos: the title (and ATLAS.ti's comment on a memo) is kept in the memo's text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.core.domain import ParsedMemo
from workbench.exchange.export_data import exported_memos, memos_read_back
from workbench.exchange.records_in import NoteIn
from workbench.ingest.records import ParsedProject

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Titles that say nothing beyond "this is a note" are not kept.
GENERIC_TITLES = {"notiz", "memo", "note", "annotation", "kommentar", "comment", "neues memo"}
# A note name the export numbered to keep names unique: "Offene Frage (2)".
_NUMBERED = re.compile(r"(.+) \(\d+\)")


def note_memo(
    target: tuple, author: str, text: str, created: datetime | None, guid: str | None = None
) -> ParsedMemo:
    """A memo for one target: a span, a code, a cluster, or the project (with a note)."""
    kind = target[0]
    if kind == "span":
        _, document, start, end = target
        return ParsedMemo(
            text, author, created, "span", document=document, start=start, end=end, guid=guid
        )
    if kind == "code":
        return ParsedMemo(text, author, created, "code", code=target[1], guid=guid)
    if kind == "cluster":
        return ParsedMemo(text, author, created, "cluster", cluster=target[1], guid=guid)
    prefix = target[1] if kind == "note" else ""
    return ParsedMemo(prefix + text, author, created, guid=guid)


def titled(note: NoteIn, text: str, comment: bool = True) -> str:
    """A note's text with its title and its comment (``<Description>``, ATLAS.ti's memo
    comment) where it has them: MAXQDA, ATLAS.ti and NVivo name every memo ("Research
    Plan"). A text that begins with the title gets none: the workbench names its notes by
    their first line, a second of a name numbered ("Offene Frage (2)")."""
    name = " ".join(note.name.split())
    named = name and name.casefold() not in GENERIC_TITLES and name != note.guid
    flat = " ".join(text.split())
    numbered = _NUMBERED.fullmatch(name)
    begins = flat.startswith(name) or (numbered is not None and flat.startswith(numbered[1]))
    head = f"{name}\n\n" if named and not begins else ""
    remark = note.description.strip() if comment else ""
    return head + text + (f"\n\nKommentar: {remark}" if remark else "")


def known_notes(
    session: Session, bundle: ParsedProject, code_paths: dict[str, str]
) -> ParsedProject:
    """``bundle`` with each memo from a note of the project's own export marked as the
    memo it replaces (``code_paths``: the file's code GUIDs → paths)."""
    if not any(m.guid for m in bundle.memos):
        return bundle
    notes = [(m.guid, m.author, m.created_at, m.body) for m in bundle.memos if m.guid and m.body]
    known = exported_memos(session, code_paths, notes)
    taken = [known[n[0]][0] for n in notes if n[0] in known]
    again = memos_read_back(session, [n for n in notes if n[0] not in known], taken)
    memos = tuple(
        replace(
            m,
            text=m.text if m.body is None else m.body,  # as exported: no title added
            replaces=known[m.guid][0],
            exported=known[m.guid][1] or (),
            both_edited=known[m.guid][1] is None,
        )
        if m.guid in known
        else m
        for m in bundle.memos
        if m.guid not in again  # here already, unchanged: nothing to add or name
    )
    return replace(bundle, memos=memos)
