"""A form tool's response number as the statements' ID: Microsoft Forms' "ID", SoSci
Survey's "CASE"; which export is SoSci Survey's (:func:`is_sosci_survey`).

Microsoft Forms numbers each response ("ID" 1, 2, 3 …) and keeps the number when another
response is deleted; its export heads the table with "ID", "Startzeit",
"Fertigstellungszeit" ("Start time", "Completion time"). A re-download after a deleted
response then keeps each stored row's ID instead of moving every later row up. SoSci
Survey's "CASE" (beside its "QUESTNNR") is the interview's number, kept likewise, and so
is KoBoToolbox's "_id" (beside its "_uuid" and "_submission_time") and ODK Central's "KEY"
(the submission's instance ID, beside its "SubmissionDate"). A bare "ID" elsewhere (a
hand-made table) stays an attribute.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from workbench.ingest.common import unique_ids
from workbench.ingest.person_headers import header_key

ID_COLUMN = "ID"
SOSCI_QUESTIONNAIRE = "QUESTNNR"
# A tool's response number and the columns beside it that mark its export (in this order):
# SoSci Survey's "CASE", KoBoToolbox's "_id", ODK Central's "KEY"
_LAYOUTS = (
    ("CASE", frozenset((SOSCI_QUESTIONNAIRE,))),
    ("_id", frozenset(("_uuid", "_submission_time"))),
    ("KEY", frozenset(("SubmissionDate",))),
)
# header_key of the times Microsoft Forms puts beside its "ID" (German, English)
_TIMES = (
    frozenset({"startzeit", "fertigstellungszeit"}),
    frozenset({"starttime", "completiontime"}),
)


def is_microsoft_forms(header: Sequence[str]) -> bool:
    """Whether a table's header is a Microsoft Forms export's: "ID" first, then its start
    and completion time.

    >>> is_microsoft_forms(["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Frage"])
    True
    >>> is_microsoft_forms(["ID", "Text"]), is_microsoft_forms(["Startzeit", "ID"])
    (False, False)
    """
    if not header or str(header[0]).strip() != ID_COLUMN:
        return False
    keys = {header_key(h) for h in header[1:4]}
    return any(times <= keys for times in _TIMES)


def is_sosci_survey(columns: Iterable[str]) -> bool:
    """Whether a table's (or a row's) columns are a SoSci Survey export's: its
    questionnaire's name ``QUESTNNR``, a column no other tool writes, is among them.

    >>> is_sosci_survey(["CASE", "SERIAL", "QUESTNNR"]), is_sosci_survey(["CASE", "Text"])
    (True, False)
    """
    return SOSCI_QUESTIONNAIRE in columns


def forms_id_column(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]]
) -> str | None:
    """The response number of a Microsoft Forms ("ID"), SoSci Survey ("CASE"),
    KoBoToolbox ("_id") or ODK Central export ("KEY") when every row has one and none
    repeats; else None."""
    column = forms_column(header)
    return column if column and unique_ids(records, _names(header).index(column)) else None


def forms_column(header: Sequence[str]) -> str | None:
    """The column a form tool's export numbers its responses in ("ID", "CASE", "_id",
    "KEY"; see :func:`forms_id_column`), whatever its cells hold; else None."""
    names = _names(header)
    tools = (c for c, beside in _LAYOUTS if c in names and beside <= set(names))
    return ID_COLUMN if is_microsoft_forms(header) else next(tools, None)


def _names(header: Sequence[str]) -> list[str]:
    """A header's cells as compared with a tool's column names."""
    return [str(h).strip() for h in header]
