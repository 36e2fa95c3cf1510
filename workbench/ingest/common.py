"""Small helpers shared by the importers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment

if TYPE_CHECKING:
    from workbench.ingest.textio import RawFile

_ROLE = re.compile(
    r"^\*\*(?P<role>[^*\n]{1,80}?)\s*:\s*\*\*\s*(?P<text>.*)$|"
    r"^\*\*(?P<role2>[^*\n]{1,80}?)\*\*\s*:\s*(?P<text2>.*)$",
    re.S,
)


def role_and_text(statement: str) -> tuple[str | None, str]:
    """Split a leading bold speaker role (``**Rolle:** Text``) off a statement.

    >>> role_and_text("**Jugendhilfe:** JuZ seit März zu")
    ('Jugendhilfe', 'JuZ seit März zu')
    >>> role_and_text("Kein WLAN")
    (None, 'Kein WLAN')
    """
    match = _ROLE.match(statement)
    if not match:
        return None, statement.strip()
    role = match.group("role") or match.group("role2")
    text = match.group("text") if match.group("role") else match.group("text2")
    return role.strip(), text.strip()


def normalise_date(value: object, filename: str) -> str:
    """Return an ISO date (YYYY-MM-DD) from ISO, German (TT.MM.JJJJ) or date values."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise InputError(
        f"Datum '{text}' nicht erkannt (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).", file=filename
    )


def add_statement(
    segments: list[ParsedSegment],
    text: str,
    question: str | None,
    row: int,
    role: str | None = None,
    attributes: Mapping[str, str] | None = None,
) -> None:
    """Append a protocol's next statement (numbered 1, 2, … in document order)."""
    segments.append(
        ParsedSegment(
            text=text,
            source_id=str(len(segments) + 1),
            question=question,
            speaker_role=role,
            row=row,
            attributes=dict(attributes or {}),
        )
    )


def protocol_result(
    raw: RawFile, segments: list[ParsedSegment], importer: str, **fields: Any
) -> ParsedDocument:
    """A protocol's :class:`ParsedDocument` (``raw`` its file); none without statements."""
    if not segments:
        raise InputError("Das Protokoll enthält keine Aussagen.", file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=importer,
        segments=tuple(segments),
        **fields,
    )
