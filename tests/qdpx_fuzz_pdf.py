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
