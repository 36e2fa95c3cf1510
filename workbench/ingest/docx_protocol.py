"""DOCX workshop protocols (python-docx), structured like the Markdown protocols.

Style ``Title`` is the title; ``Key: value`` paragraphs before the first heading are
metadata (Workshop, Sozialraum, Datum, Format, Teilnehmende); ``Heading 1`` is a
guiding question, deeper headings are subsections; every other non-empty paragraph
is one statement, a leading bold ``Rolle:`` run gives the speaker role. Statements are
numbered 1, 2, … in document order (``source_id``).
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.common import normalise_date
from workbench.ingest.speaker_turns import is_speaker_turns, turns_document
from workbench.ingest.textio import Source, read_source

IMPORTER = "docx"

_META_KEYS = {
    "workshop": "workshop",
    "sozialraum": "district",
    "stadtteil": "district",
    "district": "district",
    "datum": "date",
    "date": "date",
    "format": "format",
    "teilnehmende": "names",
    "teilnehmer": "names",
    "teilnehmer*innen": "names",
    "participants": "names",
}


def _role(paragraph) -> tuple[str | None, str]:
    """Split a leading bold run ending in ':' off the paragraph text."""
    text = paragraph.text.strip()
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs or not runs[0].bold:
        return None, text
    bold = ""
    for run in runs:
        if not run.bold:
            break
        bold += run.text
    bold = bold.strip()
    if bold.endswith(":") and len(bold) <= 80 and text.startswith(bold):
        return bold[:-1].strip(), text[len(bold) :].strip()
    return None, text


def _style(paragraph) -> str:
    """The paragraph's style name as python-docx gives it (built-in styles in English:
    "Heading 1" also in a German Word)."""
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def parse_docx(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a DOCX protocol (or a transcript of speaker turns, see
    :mod:`workbench.ingest.speaker_turns`) into a :class:`ParsedDocument`."""
    import docx  # python-docx; imported here so `import workbench` stays light

    raw = read_source(source, name)
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    try:
        document = docx.Document(io.BytesIO(raw.data))
    except Exception as err:
        raise InputError(
            f"Keine lesbare DOCX-Datei (beschädigt oder abgeschnitten): {type(err).__name__}",
            file=raw.name,
        ) from None

    headings = any(_style(p).startswith("Heading") for p in document.paragraphs)
    plain = "\n".join(p.text for p in document.paragraphs)
    if not headings and is_speaker_turns(plain, timed_only=True):  # Teams' or Meet's
        return turns_document(raw, plain, roles)
    fields: dict = {}
    segments: list[ParsedSegment] = []
    question: str | None = None
    seen_heading = False
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text.strip()
        if not text:
            continue
        style = _style(paragraph)
        if style == "Title":
            fields.setdefault("title", text)
            continue
        if style.startswith("Heading"):
            seen_heading = True
            if style == "Heading 1":
                question = text
            continue
        if not seen_heading:
            key, sep, value = text.partition(":")
            field = _META_KEYS.get(key.strip().lower()) if sep else None
            if field == "names":
                fields["names"] = tuple(v.strip() for v in value.split(",") if v.strip())
            elif field == "date":
                fields["date"] = normalise_date(value, raw.name)
            elif field:
                fields[field] = value.strip()
            else:
                raise InputError(
                    "Text vor der ersten Leitfrage (Überschrift 1) ist weder Titel noch "
                    "Angabe der Form 'Schlüssel: Wert'.",
                    file=raw.name,
                    row=number,
                    unit="Absatz",
                )
            continue
        role, statement = _role(paragraph)
        if statement:
            segments.append(
                ParsedSegment(
                    text=statement,
                    source_id=str(len(segments) + 1),
                    question=question,
                    speaker_role=role,
                    row=number,
                )
            )
    if not segments:
        raise InputError("Das Protokoll enthält keine Aussagen.", file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=IMPORTER,
        segments=tuple(segments),
        **fields,
    )
