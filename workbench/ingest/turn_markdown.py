"""A transcript written in Markdown: speakers set in bold, a title line with "#" (moved
out of :mod:`workbench.ingest.speaker_turns`, near its size limit)."""

from __future__ import annotations

import re

from workbench.ingest.markdown_inline import plain_markdown
from workbench.ingest.turn_lines import MIN_TURNS

# "**Anna Schmidt:** [00:00:12] …", "__Sprecher 1__ [00:00:05]": Markdown's emphasis at a
# line's start (Descript; a transcript typed into a pad)
_EMPHASISED = re.compile(r"^[ \t]*(\*\*|__)(?=\S)[^\n]{1,80}?(?<=\S)\1", re.M)
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")


def _markdown_plain(text: str) -> str | None:
    """A Markdown transcript's text without its markup (a first line "# Titel" is the
    title), where at least three lines start with emphasis and no heading but that first
    divides it; otherwise None."""
    if len(_EMPHASISED.findall(text[:200_000])) < MIN_TURNS:
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if any(_MARKDOWN_HEADING.match(line) for line in lines[first + 1 :]):
        return None  # sections under headings: a protocol's (its reader keeps them)
    return _without_markup(text)


def _without_markup(text: str) -> str:
    """A Markdown text without its markup, line for line (a first line "# Titel" without
    its "#"): the same lines for the text as read and as written with direction marks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    lines[first] = _MARKDOWN_HEADING.sub("", lines[first])
    return "\n".join(plain_markdown(line) for line in lines)


def _under_title(text: str) -> str | None:
    """The text with the marks of its Markdown title taken off ("# Runde in Manfort" →
    "Runde in Manfort"), where that first line is its only heading; otherwise None."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not _MARKDOWN_HEADING.match(lines[first]) or any(
        _MARKDOWN_HEADING.match(line) for line in lines[first + 1 :]
    ):
        return None
    lines[first] = _MARKDOWN_HEADING.sub("", lines[first]).rstrip("# \t")
    return "\n".join(lines)
