"""Which column of a table holds what (:class:`TableMapping`), where its header row is, and
how a contribution's title and text make one statement."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.ingest.table_columns import TEXT_HEADERS, detect_column
from workbench.ingest.table_headers import header_under_title


@dataclass(frozen=True)
class TableMapping:
    """Which column holds what. ``None`` means: not in this table.

    Without ``text_column`` the text is found by its header (:data:`TEXT_HEADERS`);
    without ``title_column`` a title is (:data:`TITLE_HEADERS`) unless ``no_title``, and
    a statement is then "title. text" (:func:`with_title`). With ``more_text_columns`` (a
    survey's open questions) every text column of a row is a statement of its own: its
    question is the column's header (unless ``question_column``), its ID the row's plus
    ".1", ".2", …, and the document lists them question by question.
    ``attribute_columns=None`` keeps every unmapped column as an attribute. ``districts``
    are the project's (not stored with the import): a survey's free-text "other district"
    may name one (see :mod:`workbench.ingest.table_districts`); ``boundaries`` the file of
    their areas, for a row's district from its point (:mod:`~.table_points`). Rows a
    moderation column rejects are left out unless ``include_rejected`` (:mod:`~.table_moderation`).
    """

    text_column: str | None = None
    more_text_columns: tuple[str, ...] = ()  # further open questions of a survey
    title_column: str | None = None
    no_title: bool = False  # do not look for a title column
    id_column: str | None = None
    district_column: str | None = None
    workshop_column: str | None = None
    question_column: str | None = None
    role_column: str | None = None
    code_column: str | None = None
    code_columns: tuple[str, ...] = ()  # one column per code, a cross where it applies
    coder: str | None = None
    attribute_columns: tuple[str, ...] | None = None
    sheet: str | None = None
    districts: tuple[str, ...] | None = None
    find_district: bool = False  # look for the district column (no --district for the file)
    boundaries: Path | None = None  # the project's district boundaries file (not stored)
    include_rejected: bool = False  # keep rows a moderation column marks as rejected

    def mapped(self) -> list[str]:
        """The columns the mapping names (without attributes)."""
        return [
            c
            for c in (
                self.text_column,
                *self.more_text_columns,
                self.title_column,
                self.id_column,
                self.district_column,
                self.workshop_column,
                self.question_column,
                self.role_column,
                self.code_column,
                *self.code_columns,
            )
            if c
        ]


_TITLE_ROWS = 10  # rows above the header a sheet may have (a title, a date)


def has_text_column(header: list[str], mapping: TableMapping) -> bool:
    """Whether ``header`` has the mapping's text column, or one found by its name."""
    if mapping.text_column is not None:
        return mapping.text_column in header
    return detect_column(header, TEXT_HEADERS, set(mapping.mapped())) is not None


def header_below_title(
    header: list[str], records: list[tuple[int, list[Any]]], mapping: TableMapping
) -> tuple[list[str], list[tuple[int, list[Any]]], int]:
    """Header, data rows and header row, when a sheet has a title above its header.

    Spreadsheets made by hand often start with a line such as "Workshop Manfort,
    12.3.2021"; the header is then the first of the next rows that has the text column,
    or, below a title alone, the first row of labels (:func:`header_under_title`).
    """
    if has_text_column(header, mapping):
        return header, records, 1
    for index, (row, cells) in enumerate(records[:_TITLE_ROWS]):
        candidate = ["" if c is None else str(c).strip() for c in cells]
        if has_text_column(candidate, mapping):
            return candidate, records[index + 1 :], row
    if (found := header_under_title(header, records, _TITLE_ROWS)) is not None:
        row, cells = records[found]  # a title alone above a header of other names
        return ["" if c is None else str(c).strip() for c in cells], records[found + 1 :], row
    return header, records, 1


def _opens(text: str, title: str) -> bool:
    """Whether ``text`` begins with ``title`` (a whole word, or the title is cut: "…").

    >>> _opens("Parkplätze fehlen", "Park"), _opens("Parkplätze fehlen", "Parkplä…")
    (False, True)
    """
    cut = title.endswith(("…", "..."))
    opening, folded = title.rstrip(".…!?:; ").casefold(), text.casefold()
    if not opening or not folded.startswith(opening):
        return False
    return cut or len(folded) == len(opening) or not folded[len(opening)].isalnum()


def with_title(title: str | None, text: str | None) -> str | None:
    """A contribution as one statement: its title, then its text.

    >>> with_title("Mehr Bänke", "Am Rhein fehlen Bänke.")
    'Mehr Bänke. Am Rhein fehlen Bänke.'
    >>> with_title("Bänke?", "Bänke? Ja, am Rhein.")  # the text repeats the title
    'Bänke? Ja, am Rhein.'
    >>> with_title("Am Rhein fehlen …", "Am Rhein fehlen Bänke.")  # … or it is cut from it
    'Am Rhein fehlen Bänke.'
    """
    title, text = (title or "").strip(), (text or "").strip()
    if not title or _opens(text, title):
        return text or None
    if not text:
        return title
    return f"{title}{'' if title[-1] in '.!?:;…' else '.'} {text}"
