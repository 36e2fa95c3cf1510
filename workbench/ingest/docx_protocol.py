"""DOCX workshop protocols (python-docx), structured like the Markdown protocols.

Style ``Title`` is the title; ``Key: value`` paragraphs before the first heading are
metadata (Workshop, Sozialraum, Datum, Format, Teilnehmende); ``Heading 1`` is a
guiding question, deeper headings are subsections; every other non-empty paragraph
is one statement, a leading bold ``Rolle:`` run gives the speaker role. Statements are
numbered 1, 2, … in document order (``source_id``). These rules
(:func:`protocol_document`) also read ODT protocols (:mod:`workbench.ingest.odt_protocol`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.common import normalise_date
from workbench.ingest.speaker_turns import is_speaker_turns, turns_document
from workbench.ingest.textio import RawFile, Source, read_source

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


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a word-processor protocol (DOCX, ODT), as the reader needs it."""

    text: str  # as in the document: line breaks "\n", tabs "\t"
    kind: str = "body"  # "title", "question" (heading 1), "heading" (deeper) or "body"
    bold: str = ""  # the paragraph's leading bold text (a speaker role if it ends in ':')


def _role(paragraph: Paragraph) -> tuple[str | None, str]:
    """Split a leading bold text ending in ':' off the paragraph text."""
    text = paragraph.text.strip()
    bold = paragraph.bold.strip()
    if bold.endswith(":") and len(bold) <= 80 and text.startswith(bold):
        return bold[:-1].strip(), text[len(bold) :].strip()
    return None, text


def _bold_prefix(paragraph) -> str:
    """The text of the leading bold runs of a python-docx paragraph (blank runs skipped)."""
    bold = ""
    for run in (r for r in paragraph.runs if r.text.strip()):
        if not run.bold:
            break
        bold += run.text
    return bold


def _style(paragraph) -> str:
    """The paragraph's style name as python-docx gives it (built-in styles in English:
    "Heading 1" also in a German Word)."""
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def _kind(style: str) -> str:
    """A DOCX paragraph style as a :class:`Paragraph` kind."""
    if style == "Title":
        return "title"
    if style.startswith("Heading"):
        return "question" if style == "Heading 1" else "heading"
    return "body"


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
    paragraphs = [Paragraph(p.text, _kind(_style(p)), _bold_prefix(p)) for p in document.paragraphs]
    return protocol_document(raw, paragraphs, IMPORTER, roles)


def protocol_document(
    raw: RawFile,
    paragraphs: Sequence[Paragraph],
    importer: str,
    roles: Mapping[str, str] | None = None,
) -> ParsedDocument:
    """The protocol (or, without headings, the timed speaker turns) in the paragraphs of
    a word-processor file ``raw``; rows in error messages count its paragraphs."""
    headings = any(p.kind in ("question", "heading") for p in paragraphs)
    plain = "\n".join(p.text for p in paragraphs)
    if not headings and is_speaker_turns(plain, timed_only=True):  # Teams' or Meet's
        return turns_document(raw, plain, roles)
    fields: dict = {}
    segments: list[ParsedSegment] = []
    question: str | None = None
    seen_heading = False
    for number, paragraph in enumerate(paragraphs, start=1):
        text = paragraph.text.strip()
        if not text:
            continue
        if paragraph.kind == "title":
            fields.setdefault("title", text)
            continue
        if paragraph.kind in ("question", "heading"):
            seen_heading = True
            if paragraph.kind == "question":
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
        importer=importer,
        segments=tuple(segments),
        **fields,
    )
