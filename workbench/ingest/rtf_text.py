"""RTF files (WordPad, TextEdit on a Mac, f4transkript's transcripts) as plain text.

``striprtf`` reads the RTF: control words, font and colour tables, the document's
properties (``\\info`` with its author) and other destinations are dropped, ``\\'e4`` is read
in the document's code page and ``\\u252`` as Unicode. Before that, every paragraph end
(``\\par``, TextEdit's backslash at a line's end) becomes two, so that paragraphs stay
paragraphs in the text, while a line break inside one (``\\line``) stays one; a list item's
bullet or number (``\\pntext``, ``\\listtext``, dropped by ``striprtf``) becomes "- ". The
text then goes the way of a ``.txt`` file (:func:`workbench.ingest.parse_file`): a Zoom
chat, a transcript of speaker lines (f4: ``I: … #00:01:02-3#``) or a protocol. Headers and
footers are no text; :func:`rtf_margins` gives them for the names in them. Footnotes are
no text either (:func:`rtf_footnotes` counts them for a notice).
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from workbench.core.domain import InputError
from workbench.core.textio import Source, read_source

_PAR = re.compile(r"(?<!\\)\\par(?![a-z])|(?<!\\)\\\r?\n")  # \par, or "\" at a line's end
_LINE = re.compile(r"(?<!\\)\\line(?![a-z])")
_BULLET = re.compile(r"\{\\(?:pntext|listtext)\b(?:[^{}]|\{[^{}]*\})*\}")
_CODE_PAGE = re.compile(r"\\ansicpg(\d+)")
_LINE_BREAK = "\u2028"  # kept through striprtf, a line break inside a paragraph afterwards


_BRACE = re.compile(r"\\[\\{}]|[{}]")  # an escaped brace or backslash is text


def _open_groups(source: str) -> int:
    """How many groups are still open at the end of ``source`` (a cut-off file: > 0)."""
    depth = 0
    for m in _BRACE.finditer(source):
        if m.group() == "{":
            depth += 1
        elif m.group() == "}":
            depth = max(depth - 1, 0)
    return depth


def rtf_text(path: Source) -> tuple[str, bytes]:
    """The file's name and its text as UTF-8 bytes (paragraphs separated by a blank line)."""
    raw = read_source(path)
    source = raw.data.decode("latin-1")  # RTF is 7-bit; stray 8-bit bytes kept as they are
    if not source.lstrip().startswith("{\\rtf"):
        raise InputError("Keine RTF-Datei (es fehlt der Anfang '{\\rtf').", file=raw.name)
    if _open_groups(source):
        raise InputError(
            "Die RTF-Datei ist unvollständig (abgeschnitten: nicht jede Gruppe '{…}' ist "
            "geschlossen). Bitte im Textprogramm neu speichern.",
            file=raw.name,
        )
    page = _CODE_PAGE.search(source[:2000])
    encoding = f"cp{page.group(1)}" if page else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    source = _BULLET.sub("- ", source)
    source = _LINE.sub(_LINE_BREAK, _PAR.sub(r"\\par\\par ", source))
    try:
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except Exception:  # striprtf raises plain errors on broken groups
        raise InputError(
            "RTF nicht lesbar (beschädigt oder abgeschnitten).", file=raw.name
        ) from None
    text = text.replace("\r\n", "\n").replace(_LINE_BREAK, "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise InputError("Die Datei ist leer (kein Text in der RTF-Datei).", file=raw.name)
    return raw.name, (text + "\n").encode("utf-8")


_MARGIN = re.compile(r"\{\\(?:header|footer)[lrf]?(?![a-z])")  # a header's or footer's group
_FOOTNOTE = re.compile(r"\{(?:\\\*)?\\footnote(?![a-z])")  # a footnote's (or endnote's) group


def rtf_footnotes(path: Source) -> int:
    """How many footnotes and endnotes (``{\\footnote …}``) an RTF file has: ``striprtf``
    drops them with the other destinations, the import names their number."""
    return len(_FOOTNOTE.findall(read_source(path).data.decode("latin-1")))


def rtf_margins(path: Source) -> list[str]:
    """The texts of an RTF file's headers and footers (``\\header``, ``\\footerf`` …), which
    ``striprtf`` drops with the other destinations: no statements, but names may stand
    there ("Protokoll: Anna Schmidt"); a file that cannot be read has none."""
    source = read_source(path).data.decode("latin-1")
    page = _CODE_PAGE.search(source[:2000])
    encoding = f"cp{page.group(1)}" if page else "cp1252"
    texts = []
    for found in _MARGIN.finditer(source):
        depth, end = 0, None
        for brace in _BRACE.finditer(source, found.start()):
            depth += {"{": 1, "}": -1}.get(brace.group(), 0)
            if depth == 0:
                end = brace.start()
                break
        if end is None:
            continue
        group = source[found.end() : end]
        try:
            text = rtf_to_text("{\\rtf1 " + _PAR.sub(r"\\par ", group) + "}", encoding=encoding)
        except Exception:  # striprtf on a broken group, an unknown code page: no names here
            continue
        texts.append(text)
    return texts
