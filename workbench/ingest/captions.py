"""Captions of photos and figures in protocols: no participant's contribution.

A protocol documents a workshop with photos of its card walls and pin boards; their
captions ("Abbildung 1: Kartenwand zur Frage …", "Foto 2: Stellwand Ressourcen") describe
the photo, they say nothing a participant said. A caption is a Word paragraph in the
caption style ("Caption", German Word "Beschriftung"; LibreOffice "Illustration",
"Figure", "Abbildung"), a paragraph that starts with a figure's word and number
(:func:`is_caption`), or in Markdown an image alone on its line (``![Foto 1: …](x.jpg)``).
The readers (DOCX, ODT, Markdown/text, PDF — where a short caption above text looked like
a guiding question) leave them out and count them for a notice (option ``captions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from workbench.ingest.word_head import BOX, Paragraph

CAPTION = "caption"  # a paragraph's kind: a caption by its style
# Paragraph styles of captions: Word's built-in one (python-docx gives its English name,
# a template may call its own "Beschriftung"), LibreOffice's caption categories.
CAPTION_STYLES = frozenset(
    {"caption", "beschriftung", "bildunterschrift", "illustration", "figure", "abbildung"}
)
# After the number a separator and the description, or the description (a noun, capital),
# or nothing; a lower-case word there makes a participant's sentence about the photo
# ("Foto 1 ist zu dunkel", "Bild 3 zeigt, dass …"), no caption.
_CAPTION = re.compile(
    r"^\s*(?:Abbildung|Abb\.|Foto|Fotos|Bild|Grafik|Figure|Fig\.|Photo)\s*\d{1,3}(?!\d)[a-z]?"
    r"(?:\s*[:.–—-]\s*(?:\S|$)|\s*$|\s+(?-i:(?![a-zäöüß]))\S)",
    re.IGNORECASE,
)
_LONE_IMAGE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$")  # Markdown: images only


def is_caption_style(style: str) -> bool:
    """Whether a paragraph style (its name) is one of captions."""
    return style.strip().casefold() in CAPTION_STYLES


def style_kind(style: str) -> str:
    """A DOCX paragraph style (as :func:`docx_protocol._style` names it) as a
    :class:`Paragraph` kind."""
    if style == "Title":
        return "title"
    if style.startswith("Heading"):
        return "question" if style == "Heading 1" else "heading"
    return CAPTION if is_caption_style(style) else "body"


def is_caption(text: str) -> bool:
    """Whether a paragraph's text is a photo's or figure's caption: a figure's word and
    number at its start, then a colon or the description ("Foto 2: Stellwand", "Abb. 3"),
    not a lower-case word (the figure is the subject of a sentence: "Foto 1 ist …").

    >>> [is_caption(t) for t in ("Foto 2: Stellwand Ressourcen", "Abbildung 1 Kartenwand")]
    [True, True]
    >>> [is_caption(t) for t in ("Fotos vom Fest fehlen", "Bildung ist wichtig", "Bild")]
    [False, False, False]
    >>> is_caption("Fotos 2023 vom Sommerfest fehlen im Schaukasten")  # a year, no number
    False
    >>> is_caption("Foto 1 ist zu dunkel, mehr Licht!")  # a sentence about the photo
    False
    >>> is_caption("Foto 3: Hier ist es nachts zu dunkel, die Laterne ist kaputt.")
    False
    >>> is_caption("Abbildung 1: Kartenwand zur Frage „Was fehlt im Quartier?“")
    True
    """
    match = _CAPTION.match(text)
    if match is None:
        return False
    # after the number a sentence of its own (five words or more, its end outside quotes):
    # a participant's comment on a photo of a photo walk, kept, not a caption
    rest = _QUOTED.sub("", text[match.end() - 1 :]).strip()
    return not (len(rest.split()) >= 5 and rest.endswith((".", "!", "?", "…")))


_QUOTED = re.compile(r"„[^“”]*[“”]|\"[^\"]*\"|»[^«]*«")  # a question quoted on a card wall


def is_lone_image(line: str) -> bool:
    """Whether a Markdown line holds only images (``![Foto 1: Kartenwand](x.jpg)``)."""
    return _LONE_IMAGE.match(line) is not None


def without_captions(paragraphs: Sequence[Paragraph]) -> tuple[list[Paragraph], int]:
    """The paragraphs with captions emptied (so that rows keep counting every paragraph),
    and how many there were; paragraphs in tables are no captions."""
    kept: list[Paragraph] = []
    captions = 0
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        style = paragraph.kind == CAPTION
        if style or (paragraph.kind in ("body", BOX) and text and is_caption(text)):
            captions += bool(text)
            paragraph = replace(paragraph, text="", kind="body", bold="")
        kept.append(paragraph)
    return kept, captions
