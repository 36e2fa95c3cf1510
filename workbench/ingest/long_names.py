"""Names from a file that are longer than the database holds: shortened with "…", and said.

SQLite keeps any length in a ``VARCHAR(n)``; PostgreSQL refuses more and the import
stopped with a database traceback. So a workshop's name, its format and a document's
file name are cut to the column's size on both backends, the same way each time (a
second import finds the workshop again), and the import says so. A workshop's name keeps
its end too: "… Teil 1" and "… Teil 2" stay two workshops. So are a statement's guiding
question and speaker role. A statement's ID is refused instead: cut, two could be one;
so is an indicator's name or unit (the key of its values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

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
)

ELLIPSIS = "…"


def shortened(text: str, limit: int, tail: int = 0) -> str:
    """``text`` cut to ``limit`` characters in its middle (its last ``tail`` kept), the cut
    marked with "…"; unchanged if it fits.

    >>> shortened("Stadtteilkonferenz Manfort", 12)
    'Stadtteilko…'
    >>> shortened("Stadtteilkonferenz Manfort", 12, tail=4)
    'Stadtte…fort'
    >>> shortened("Manfort", 12)
    'Manfort'
    """
    if len(text) <= limit:
        return text
    end = text[len(text) - tail :] if tail else ""
    return text[: limit - 1 - len(end)] + ELLIPSIS + end


def workshop_key(name: str) -> str:
    """A workshop's name as the project stores it (at most :data:`MAX_WORKSHOP` characters,
    its last 60 kept: they often tell two workshops apart)."""
    return shortened(name, MAX_WORKSHOP, tail=60)


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
    document: ParsedDocument,
    workshops: Mapping[str, str],
    filename: str,
    met: dict[str, str] | None = None,
) -> tuple[dict[str, str], str, list[str]]:
    """A document's workshop names (by the name in the file) and file name as stored, cut
    where longer than the database holds; and the notices (its format's too). Two long
    names of one import that differ only in the cut-out middle ("… Teil 1 im Bürgerhaus
    …", "… Teil 2 …") would be one workshop: :class:`InputError` (``met``: the shortened
    names of the import so far, with the whole ones)."""
    met = {} if met is None else met
    for name in dict.fromkeys(workshops.values()):
        whole = met.setdefault(workshop_key(name), name)
        if whole != name:
            raise InputError(
                f"Zwei Workshop-Namen von mehr als {MAX_WORKSHOP} Zeichen ('{name[:40]}…') "
                "unterscheiden sich nur in der Mitte, die beim Kürzen wegfällt: sie wären "
                "ein Workshop. Bitte die Namen kürzen oder am Anfang unterscheiden (eine "
                "Datei, ein Workshop: --workshop NAME).",
                file=document.filename,
            )
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
        [shortened(q, MAX_QUESTION, tail=40) if q else q for q in questions],
        [shortened(r, MAX_ROLE, tail=40) if r else r for r in roles],
        notices,
    )


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
