"""A PDF's text layer for the schema fuzz (``tests/qdpx_fuzz_gen.py``): paragraphs as the
page's lines, the way vendors store a PDF's ``<Representation>``.

A sentence is wrapped over lines of one width, a long word may be hyphenated at a line's
end ("Jugend-" + "zentrum"), some extractors leave a space before the break, and a blank
line stands between paragraphs. The import reads such a paragraph as one statement
(``workbench.ingest.paragraphs.paragraph_spans``), so a coding across its lines is one.
"""

from __future__ import annotations

import random
import re

# A word of the text layer: a hyphenated one with its line break ("Bür-\ngersteig") is one.
PDF_WORD = re.compile(r"\w+(?:-\r?\n\w+)?")
# Between two paragraphs: a selection inside one paragraph never crosses it.
PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")


def wrapped(r: random.Random, paragraph: str, width: int, nl: str) -> str:
    """``paragraph`` (words split by single spaces) wrapped at ``width`` characters; a
    word of letters that does not fit is hyphenated at random, a space left before a break
    at random. Every line but the last is full but for one word, so none is short enough
    to read as a heading (under 60 % of the width: ``width`` at least 40, no word longer
    than 15)."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split(" "):
        room = width - len(line) - (1 if line else 0)
        if len(word) <= room:
            line = f"{line} {word}" if line else word
        elif line and word.isalpha() and len(word) >= 8 and room >= 4 and r.random() < 0.6:
            cut = r.randint(3, min(len(word) - 3, room - 1))
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line + (" " if r.random() < 0.2 else ""))
            line = word
    return nl.join([*lines, line])


def text_layer(r: random.Random, paragraphs: list[str], nl: str) -> str:
    """The paragraphs (each a closed sentence) as a PDF's text layer: wrapped at one width
    for the page, a blank line between two."""
    width = r.randint(40, 64)
    return (nl * 2).join(wrapped(r, p, width, nl) for p in paragraphs)


# How a program writes the text of a marked page area (``<PDFSelection>``'s own
# ``<Representation>``): it extracts the rectangle anew, so the text version's line breaks
# are kept, dropped ("mitWLAN", as the importer's _Finder was written for), made a space,
# or a hyphenated word is joined again ("Jugendzentrum" for "Jugend-\nzentrum").
AREA_TEXTS = ("wie Textfassung", "ohne Umbrüche", "Umbrüche als Leerzeichen", "ohne Trennung")
_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\r?\n(?=\w)")


def area_text(kind: str, covered: str) -> str:
    """The text a program writes for an area over ``covered`` (text version's characters)."""
    if kind == "ohne Umbrüche":
        return _BREAK.sub("", covered)
    if kind == "Umbrüche als Leerzeichen":
        return _BREAK.sub(" ", covered)
    if kind == "ohne Trennung":
        return _BREAK.sub(" ", _HYPHEN_BREAK.sub("", covered))
    return covered


def statements(text: str, start: int, end: int) -> tuple[tuple[str, int], ...]:
    """Per paragraph (statement) that ``text[start:end]`` touches: the covered text without
    white space, and the paragraph's index."""
    out = []
    for k, para in enumerate(re.finditer(r"(?:(?!\r?\n[ \t]*\r?\n)[\s\S])+", text)):
        lo, hi = max(start, para.start()), min(end, para.end())
        dense = re.sub(r"\s+", "", text[lo:hi]) if hi > lo else ""
        if dense:
            out.append((dense, k))
    return tuple(out)


def twice(text: str, dense: str) -> bool:
    """Whether ``dense`` (text without white space) stands in ``text`` more than once,
    also with the hyphens of words broken at a line's end left out."""
    plain = re.sub(r"\s+", "", text)
    joined = re.sub(r"\s+", "", _HYPHEN_BREAK.sub("", text))
    spots = {m.start() for m in re.finditer(f"(?={re.escape(dense)})", plain)}
    return len(spots) > 1 or len(re.findall(f"(?={re.escape(dense)})", joined)) > 1
