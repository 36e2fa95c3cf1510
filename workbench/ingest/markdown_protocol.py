"""Markdown and plain-text workshop protocols with YAML front matter.

``# Title``; ``## Guiding question``; ``###`` and deeper are subsections. Every list
item (with its indented continuation lines) and every paragraph is one statement; a
leading ``**Rolle:**`` gives the speaker role. Statements are numbered 1, 2, … in
document order: that number is their ``source_id``.
"""

from __future__ import annotations

import re

import yaml

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.common import add_statement, normalise_date, protocol_result, role_and_text
from workbench.ingest.textio import Source, decode, read_source

IMPORTER = "markdown"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_FRONT_KEYS = {
    "workshop": "workshop",
    "district": "district",
    "sozialraum": "district",
    "date": "date",
    "datum": "date",
    "format": "format",
    "title": "title",
    "titel": "title",
    "participants": "names",
    "teilnehmende": "names",
    "names": "names",
}


def _front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """Split YAML front matter off; return (metadata, body, line offset of body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError as err:
                mark = getattr(err, "problem_mark", None)
                row = mark.line + 2 if mark else None
                raise InputError(f"YAML-Kopf ist fehlerhaft: {err}", file=name, row=row) from None
            if not isinstance(meta, dict):
                raise InputError(
                    "YAML-Kopf muss Schlüssel: Wert-Paare enthalten.", file=name, row=2
                )
            return meta, "\n".join(lines[i + 1 :]), i + 1
    raise InputError("YAML-Kopf wird mit '---' geöffnet, aber nie geschlossen.", file=name, row=1)


def _metadata(meta: dict, name: str) -> dict:
    """Map German/English front-matter keys onto document fields."""
    out: dict = {}
    for key, value in meta.items():
        field = _FRONT_KEYS.get(str(key).strip().lower())
        if field is None or value is None:
            continue
        if field == "names":
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",")]
            out["names"] = tuple(str(v).strip() for v in value if str(v).strip())
        elif field == "date":
            out["date"] = normalise_date(value, name)
        else:
            out[field] = str(value).strip()
    return out


def parse_markdown(source: Source, name: str | None = None) -> ParsedDocument:
    """Parse a Markdown/plain-text protocol into a :class:`ParsedDocument`."""
    raw = read_source(source, name)
    text = decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    meta, body, offset = _front_matter(text, raw.name)
    fields = _metadata(meta, raw.name)

    segments: list[ParsedSegment] = []
    question: str | None = None
    block: list[str] = []
    block_row = 0

    def flush() -> None:
        nonlocal block
        joined = " ".join(line.strip() for line in block).strip()
        if joined:
            role, statement = role_and_text(joined)
            if statement:
                add_statement(segments, statement, question, block_row, role)
        block = []

    for number, line in enumerate(body.split("\n"), start=offset + 1):
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading:
            flush()
            level, title = len(heading.group(1)), heading.group(2).strip()
            if level == 1:
                fields.setdefault("title", title)
            elif level == 2:
                question = title
        elif item:
            flush()
            block, block_row = [item.group(1)], number
        elif not line.strip():
            flush()
        else:  # paragraph text or (lazy/indented) continuation of the current item
            if not block:
                block_row = number
            block.append(line)

    flush()
    return protocol_result(raw, segments, IMPORTER, **fields)
