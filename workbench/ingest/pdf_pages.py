"""Page furniture of PDF protocols: page numbers, running headers and footers, a table of
contents, and the lines of a page that end a list or carry names under a detail.

A line is a header or footer when it stands among the top or bottom three lines of a page,
the same in the same place (its digits aside) on two thirds of the pages and at least two;
a heading repeated further in, numbered headings a page each and a guiding question are
text. Split out of :mod:`workbench.ingest.pdf_protocol`, which reads the pages.
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.ingest.paragraphs import OPENS, PAGE_BREAK, fits, goes_on, text_width
from workbench.ingest.pdf_tables import MARK
from workbench.ingest.protocol_meta import detail_key, is_names_line, signature_names

PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:seite|page|s\.)\s*)?\d{1,4}(?:\s*(?:von|/|of)\s*\d{1,4})?(?:\s*[-–—])?$"
    r"|\b(?:seite|page)\s*\d{1,4}\s*(?:von|/|of)\s*\d{1,4}\b"  # "… – Seite 2 von 3 …"
    r"|(?:^|[-–—|·,:]\s*)(?:seite|page)\s*\d{1,4}$",  # "Protokoll Opladen – Seite 2"
    re.I,
)
_TOC_ENTRY = re.compile(r"(?:\.\s?){6,}\s*\d{1,4}$|(?:…\s?){3,}\s*\d{1,4}$")  # "… ...... 12"
_CONTENTS = re.compile(r"^(?:inhalt|inhaltsverzeichnis|inhaltsübersicht|gliederung)$", re.I)
_TYPED_NUMBER = re.compile(r"\d{1,3}[.)]\s")  # a question's typed number: "1. ", "2) "
_PIECES = re.compile(r"\s+[·|•–—]\s+|\t")  # between the parts of a letterhead or footer


def recurs(pages: list[str], line: str) -> bool:
    """Whether a line is page furniture on two pages: a page number, or a line on both."""
    shapes = [{shape(text.strip()) for text in page.splitlines()} for page in pages]
    return bool(PAGE_NUMBER.search(line)) or all(shape(line.strip()) in s for s in shapes)


def without_furniture(pages: list[str]) -> tuple[str, list[str]]:
    """The pages' text without page furniture, and the furniture's lines.

    Furniture: page numbers and lines with "Seite n von m" (also at the end of a footer
    "Workshop Opladen, 22.04.2021 – Seite 1 von 3"), and lines of a header or footer: among
    the top or bottom three lines of a page, the same line in the same place, its digits
    aside, on two thirds of the pages and at least two (with two pages: on both). A heading
    repeated further in ("Gruppe 1" … "Gruppe 2"), numbered headings a page each
    (:func:`_numbered_headings`) and a question are text. A table
    of contents is none of the text either: entries with a dot leader and a page number
    ("1. Herausforderungen ........ 2") and the "Inhalt" above them.
    """
    drawn = [[line.rstrip() for line in page.splitlines()] for page in pages]  # indented
    lines = [[line.strip() for line in page] for page in drawn]
    edges = [_edges(page) for page in lines]
    repeated: set[tuple[int, str]] = set()
    if len(pages) >= 2:
        counts = Counter(key for page in edges for key in {k for ks in page.values() for k in ks})
        needed = max(2, -(-2 * len(pages) // 3))  # two thirds, rounded up
        repeated = {key for key, n in counts.items() if n >= needed}
        headings = _numbered_headings(lines, {shape for _, shape in repeated})
        repeated = {key for key in repeated if key[1] not in headings}
    kept, furniture = [], []
    for page, shown, edge in zip(lines, drawn, edges, strict=True):
        ours = []
        for row, (line, indented) in enumerate(zip(page, shown, strict=True)):
            contents = _CONTENTS.match(line) and _TOC_ENTRY.search(
                next(filter(None, page[row + 1 :]), "")
            )
            header = any(key in repeated for key in edge.get(row, ()))
            if line.startswith(MARK):  # a table (the same on most pages: no letterhead)
                ours.append(line)
            elif line and (header or PAGE_NUMBER.search(line)):
                furniture.append(line)
            elif not (_TOC_ENTRY.search(line) or contents):
                ours.append(indented)
        kept.append("\n".join(_list_ends(_names_below(ours), text_width("\n".join(ours)))))
    return f"\n{PAGE_BREAK}\n".join(kept), furniture


def _numbered_headings(pages: list[list[str]], repeated: set[str]) -> set[str]:
    """The shapes among ``repeated`` that are numbered headings ("Station 1", "Station 2"
    a page each), no header or footer: lines that differ in their digits and stand, on a
    page, between lines of text (a footer or header stands at the page's edge)."""
    texts: dict[str, set[str]] = {}
    inner: set[str] = set()
    for page in pages:
        shown = [line for line in page if line]
        text = [not (shape(x) in repeated or PAGE_NUMBER.search(x)) for x in shown]
        for row, line in enumerate(shown):
            texts.setdefault(shape(line), set()).add(line)
            if any(text[:row]) and any(text[row + 1 :]):
                inner.add(shape(line))
    return {shape for shape in repeated & inner if len(texts[shape]) > 1}


def _names_below(lines: list[str]) -> list[str]:
    """A page's lines with the names set one a line under the first of a "Teilnehmende:
    …" detail, right of its key (a table's cell, a tab), joined to it with ";"."""
    out: list[str] = []
    column: int | None = None  # where the names below a detail of names stand, at least
    for line in lines:
        text = line.lstrip()
        indent = len(line) - len(text)
        if column is not None and indent >= column and text and is_names_line(text):
            out[-1] += f"; {text}"
            continue
        key, sep, value = text.partition(":")
        names = sep and value.strip() and detail_key(text) == "names"
        column = indent + len(key) + 1 if names else None
        out.append(line)
    return out


def _list_ends(lines: list[str], width: int) -> list[str]:
    """A page's lines with a blank line where a list item ends before a line that is not
    its continuation: one left of the item's bullet (a heading at the margin under
    indented bullets), or one no further in that ends in "?" or ":" (the next guiding
    question). Without it the heading ran into the last item of the list above it. A
    question typed with its number, wrapped at the margin ("1. Welche Angebote … fehlen
    Ihnen im" + "Quartier?"), goes on: a full line (``width``: the page's) that the
    next one continues (:func:`~workbench.ingest.paragraphs.goes_on`), whose first word
    would not have fitted after it."""
    out: list[str] = []
    bullet: int | None = None  # the indent of the current list item's marker
    for line in lines:
        text = line.lstrip()
        indent = len(line) - len(text)
        above = out[-1].strip() if out else ""
        typed = _TYPED_NUMBER.match(above) and OPENS.match(above)
        wrapped = typed and goes_on(above, text, width) and not fits(above, text, width)
        if not text:
            bullet = None
        elif OPENS.match(text):
            bullet = indent
        elif bullet is not None and (
            indent < bullet or (indent == bullet and text.endswith(("?", ":")) and not wrapped)
        ):
            out.append("")
            bullet = None
        out.append(line)
    return out


def _edges(page: list[str]) -> dict[int, list[tuple[int, str]]]:
    """Where a page's top and bottom three lines stand (0, 1, 2 from the top; -1, -2, -3
    from the bottom; page numbers not counted), by row, each with the line's shape."""
    rows = [row for row, line in enumerate(page) if line and not PAGE_NUMBER.search(line)]
    places: dict[int, list[tuple[int, str]]] = {}
    for place, row in [*enumerate(rows[:3]), *((-1 - n, r) for n, r in enumerate(rows[::-1][:3]))]:
        if not page[row].endswith("?"):  # a guiding question is no header
            places.setdefault(row, []).append((place, shape(page[row])))
    return places


def shape(line: str) -> str:
    """A line with its digits replaced (a footer with the page's number or date)."""
    return re.sub(r"\d+", "0", line)


def furniture_names(lines: list[str]) -> tuple[str, ...]:
    """Names in a letterhead or footer ("… · Protokollführung: Anna Schmidt")."""
    found: list[str] = []
    for line in dict.fromkeys(lines):
        for piece in _PIECES.split(line):
            found += signature_names(piece) or ()
    return tuple(found)
