"""Names from a file that are longer than the database holds: shortened with "…", and said.

SQLite keeps any length in a ``VARCHAR(n)``; PostgreSQL refuses more and the import
stopped with a database traceback. So a workshop's name, its format and a document's
file name are cut to the column's size on both backends, the same way each time (a
second import finds the workshop again), and the import says so. A workshop's name keeps
its end and carries a short hash of the whole name in the cut: "… Teil 1 …" and
"… Teil 2 …" stay two workshops wherever they differ. So are a statement's guiding
question and speaker role. A statement's ID is refused instead: cut, two could be one;
so is an indicator's name or unit (the key of its values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from sqlalchemy import update
from sqlalchemy.orm import Session

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.store import (
    MAX_FILENAME,
    MAX_FORMAT,
    MAX_INDICATOR,
    MAX_QUESTION,
    MAX_ROLE,
    MAX_SOURCE_ID,
    MAX_UNIT,
    MAX_WORKSHOP,
    Segment,
    Workshop,
)
from workbench.store.workshop_keys import (
    ELLIPSIS,
    legacy_workshop_key,
    shortened,
    workshop_key,
)


def stored_workshop(workshops: dict[str, Workshop], name: str) -> Workshop | None:
    """The workshop of ``name`` among ``workshops`` (by :func:`workshop_key`). One stored
    shortened without the hash (before) is found by its old form once and renamed: that
    name keeps it, another long name with the same ends gets its own."""
    key = workshop_key(name)
    found = workshops.get(key)
    if found is None and key != name:
        found = workshops.pop(legacy_workshop_key(name), None)
        if found is not None:
            found.name = key
            workshops[key] = found
    return found


def shortened_filename(filename: str) -> str:
    """A file name cut in its stem, its extension kept (at most :data:`MAX_FILENAME`).

    >>> len(shortened_filename("a" * 600 + ".docx"))
    500
    """
    if len(filename) <= MAX_FILENAME:
        return filename
    suffix = PurePath(filename).suffix
    return shortened(filename, MAX_FILENAME, tail=min(len(suffix) + 40, 100))


def _notice(what: str, original: str, limit: int, hint: str) -> str:
    return (
        f"{what} hat {len(original)} Zeichen und ist in der Mitte mit „…“ gekürzt gespeichert "
        f"('{original[:40]}…'): die Datenbank hält höchstens {limit}.{hint}"
    )


def fitted_format(format_: str | None) -> str | None:
    """A workshop's format as the project stores it (at most :data:`MAX_FORMAT` characters)."""
    return shortened(format_, MAX_FORMAT) if format_ else format_


def fitted_names(
    document: ParsedDocument, workshops: Mapping[str, str], filename: str
) -> tuple[dict[str, str], str, list[str]]:
    """A document's workshop names (by the name in the file) and file name as stored, cut
    where longer than the database holds; and the notices (its format's too)."""
    notices = [
        _notice("Der Workshop-Name", name, MAX_WORKSHOP, " Ein anderer: --workshop NAME")
        for name in dict.fromkeys(workshops.values())
        if len(name) > MAX_WORKSHOP
    ]
    if len(filename) > MAX_FILENAME:
        notices.append(_notice("Der Dateiname", filename, MAX_FILENAME, ""))
    if document.format and len(document.format) > MAX_FORMAT:
        notices.append(_notice("Das Format des Workshops", document.format, MAX_FORMAT, ""))
    fitted = {w: workshop_key(name) for w, name in workshops.items()}
    return fitted, shortened_filename(filename), notices


def fitted_labels(
    filename: str, segments: Sequence[ParsedSegment], roles: Sequence[str | None]
) -> tuple[list[str | None], list[str | None], list[str]]:
    """The statements' guiding questions and (stored) roles cut where longer than the
    database holds, and the notices; an ID longer than it holds raises :class:`InputError`."""
    for segment in segments:
        if len(segment.source_id) > MAX_SOURCE_ID:
            raise InputError(
                f"ID '{segment.source_id[:30]}…' ist zu lang: {len(segment.source_id)} "
                f"Zeichen, höchstens {MAX_SOURCE_ID}. Bitte eine andere ID-Spalte angeben "
                "(--id-column) oder die IDs kürzen.",
                file=filename,
                row=segment.row,
            )
    questions = [s.question for s in segments]
    notices = [
        _notice(what, label, limit, "")
        for what, labels, limit in (
            ("Die Leitfrage", questions, MAX_QUESTION),
            ("Die Rolle", roles, MAX_ROLE),
        )
        for label in dict.fromkeys(labels)
        if label and len(label) > limit
    ]
    return (
        [fitted_label(q, MAX_QUESTION) if q else q for q in questions],
        [fitted_label(r, MAX_ROLE) if r else r for r in roles],
        notices,
    )


def fitted_label(label: str, limit: int) -> str:
    """A guiding question or role as stored: cut in its middle, its last 40 kept."""
    return shortened(label, limit, tail=40)


def legacy_question(question: str) -> str:
    """A guiding question over :data:`MAX_QUESTION` characters as a table's import stored it
    before every importer cut it in the middle: its first 299 characters (stripped), "…".

    >>> legacy_question("Was fehlt? " * 30)[-6:]
    't? Wa…'
    """
    return question[: MAX_QUESTION - 1].rstrip() + ELLIPSIS


def adopt_legacy_question(session: Session, question: str, stored: dict[str, str]) -> None:
    """Rename a long ``question`` stored cut at its end by an older table import to today's
    cut (``stored``: the stored labels, composed → as stored; kept up to date): the same
    question from a later table or protocol is one label, not a second beside the old."""
    old = stored.get(legacy_question(question)) if len(question) > MAX_QUESTION else None
    if old is None:
        return
    today = fitted_label(question, MAX_QUESTION)
    renamed = session.execute(update(Segment).where(Segment.question == old).values(question=today))
    if renamed.rowcount:  # a question's label (a role never had this form)
        del stored[legacy_question(question)]
        stored[today] = today


def check_indicator_size(
    indicator: str, unit: str, file: str | None = None, row: int | None = None
) -> str:
    """Return ``unit``; refuse an indicator's name or unit longer than the database holds
    (PostgreSQL stopped with a database error, SQLite stored it).

    >>> check_indicator_size("SGB-II-Quote", "%")
    '%'
    """
    for what, text, limit in (("Name des Indikators", indicator, MAX_INDICATOR),
                              ("Einheit", unit, MAX_UNIT)):  # fmt: skip
        if len(text) > limit:
            raise InputError(
                f"{what} '{text[:30]}…' ist zu lang: {len(text)} Zeichen, höchstens {limit}. "
                "Bitte in der Datei kürzen.",
                file=file,
                row=row,
            )
    return unit
