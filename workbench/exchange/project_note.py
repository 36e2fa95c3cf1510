"""The ``<Description>`` of a REFI-QDA ``<Project>``: the project memo of another program.

MAXQDA, NVivo and QualCoder write the project's description (QualCoder: its project memo)
there; the import read it nowhere, and the researchers' text was gone without a word. It
becomes a project memo titled "Projektbeschreibung", like a note of the project, unless it
is the description our own export writes.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.exchange.qdxml import norm_guid, stable_guid
from workbench.exchange.records_in import Exchange, NoteIn

OURS = "Exportiert aus der Sozialraum-Werkbank."  # how our export's description begins
TITLE = "Projektbeschreibung"


def with_project_description(x: Exchange, coder: str | None) -> Exchange:
    """``x`` with its project description as a note of the project (see the module); if
    the file names no one who wrote it and ``coder`` is not given, only a notice."""
    text = (x.about.get("Description") or "").strip()
    if not text or text.startswith(OURS):
        return x
    user = norm_guid(x.about.get("creatingUserGUID")) or None
    named = user is not None and bool(x.users.get(user))
    only = len(x.users) == 1 and any(x.users.values())  # the importer's rule for no user
    if not (named or coder or only):
        notice = (
            f"{TITLE} der Datei ({len(text)} Zeichen) nicht übernommen: die Datei nennt "
            "niemanden, der sie geschrieben hat. Mit --coder NAME wird sie ein Projektmemo."
        )
        return replace(x, notices=(*x.notices, notice))
    note = NoteIn(
        guid=stable_guid("project-description", x.project, text),
        name=TITLE,
        text=text,
        description="",
        user=user if named else None,
        created=x.about.get("creationDateTime") or None,
    )
    return replace(x, notes=(*x.notes, note), project_notes=(*x.project_notes, note.guid))
