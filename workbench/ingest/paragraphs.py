"""Statements in plain text laid out as lines: one per line, or one per paragraph of text
that comes as a page's lines (a PDF's extracted text) (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from workbench.ingest.wrap_view import (
    article_first_name,
    ends_in_address,
    ends_in_name,
    ends_in_title,
    name_rest,
    placed_last,
    surnames_only,
)

_LINE = re.compile(r"[^\r\n]+")
# A line that ends a paragraph of a PDF's text: a sentence end (also before a closing
# quote or bracket); a line that starts one: a list item.
# A sentence end after a word with a footnote's mark set superscript after it ("…zum
# Einkaufen.²", in the text layer often a plain "2"): the sentence ends there all the same
MARKED_END = re.compile(r"(?<=[^\W\d_])[.!?][\"'“”„«»)\]]*(?:\d{1,2}|[¹²³⁴-⁹⁰]{1,2})$")
_CLOSES = re.compile(rf"[.!?:;][\"'“”„«»)\]]*$|{MARKED_END.pattern}")
_ASKS = re.compile(r"[?:][\"'“”„«»)\]]*$")  # what ends a line of its own: a question
_HEADING = 0.6  # a line shorter than this share of the page's width ends a paragraph
_FULL = 0.75  # a page's last line this long, at least, is full: its paragraph may go on
_ROOM = 0.95  # a word that fits in this share of the width would not have been wrapped
# Words no sentence ends in (an article, a preposition that is no verb's prefix like "an" in
# "bietet … an", a conjunction): the line after one goes on with the sentence
_BOUND = frozenset(
    "der die das den dem des eine einen einem einer eines am im in für von zum zur beim "
    "gegen ohne seit und oder sowie als dass weil wenn ob".split()
)
PAGE_BREAK = "\f"  # a line of its own between two pages (see :func:`paragraph_spans`)
# A list item's marker: a bullet, "1." or "1)", "a)"; not the day of a date ("12. März")
MONTH_NAMES = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    "Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez"
)
# An agenda item ("TOP 1: Begrüßung", "TOP 2 – Was fehlt?"): a heading, not a sentence
AGENDA_ITEM = re.compile(
    r"^\s*(?:TOP|Top|Tagesordnungspunkt)\s*\d{1,2}[a-z]?\b(?!.*[.!…]\s*$).{0,80}$"
)
_AGENDA_NUMBER = re.compile(r"^\s*(?:TOP|Top|Tagesordnungspunkt)\s*(\d{1,2})")
# An ordinal that is part of a name: a club's "1. FC Köln", "1. FSV Mainz 05" (no list's number)
CLUB_NAMES = "FC|FFC|FSV|SC|SV|SSV|TSV|TuS|VfB|VfL|VfR|SpVgg|DJK|BC|HC"
OPENS = re.compile(
    rf"^(?:[-–—•▪◦*·]\s*|\d{{1,3}}\)\s|\d{{1,3}}\.\s(?!\s*(?:{MONTH_NAMES}|{CLUB_NAMES})\b)"
    r"|[a-z][.)]\s)"
)


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, without its surrounding white space."""
    for match in _LINE.finditer(text):
        line = match.group()
        if line.strip():
            yield (
                match.start() + len(line) - len(line.lstrip()),
                match.end() - (len(line) - len(line.rstrip())),
            )


def paragraph_spans(
    text: str, pages: bool = False, spaced: bool = False
) -> Iterator[tuple[int, int]]:
    r"""``(start, end)`` of each paragraph of a PDF's extracted text.

    PDF text comes as the page's lines, a sentence wrapped over several of them. A
    paragraph ends at a blank line, after a line that ends a sentence and after a line
    well short of the page's width (a heading; the width: the 90th percentile of the
    lines' lengths, at least the second longest line's); a list item starts a new one.
    With ``pages``, a line :data:`PAGE_BREAK` stands between two pages: a paragraph goes
    on over it (the span holds the break) only from a full line that ends no sentence
    into one that continues it (:func:`goes_on`); a list item only into a line indented
    further than its marker (the item's text, wrapped: no new paragraph at the margin).
    With ``spaced``, paragraphs are set apart by blank lines (space between them on the
    page): a sentence ending at a line's end goes on in the next line when that line's
    first word would not have fitted after it (a "?" or ":" still ends a paragraph) —
    except in a block of lines without space in it that shows paragraphs set without
    space (cards typed one under the other: somewhere in it a line after a sentence's end
    whose first word would have fitted), where every sentence end at a line's end ends
    one, also after a line nearly full (:func:`_tight_blocks`).

    >>> text = "Bänke\nDie Bänke am Markt\nfehlen.\n- Licht im Park an der\nStraße\n\nSchluss"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['Bänke', 'Die Bänke am Markt\nfehlen.', '- Licht im Park an der\nStraße', 'Schluss']
    """
    lines = list(line_spans(text))
    width = text_width(text)
    start = end = None
    previous = ""
    tight = _tight_blocks(text, lines, width) if spaced else set()
    item: int | None = None  # a list item's indent (its marker's), else None
    for number, (begin, stop) in enumerate(lines):
        line = text[begin:stop]
        closes = _ASKS if spaced and number not in tight else _CLOSES
        if pages and start is not None and PAGE_BREAK in text[end:begin]:
            if item is None:
                ends = not goes_on(previous, line, width)
            else:  # the item's text goes on, indented under its first line's
                under = _indent(text, begin) > item and not OPENS.match(line)
                ends = not under or _CLOSES.search(previous) is not None
        else:
            gap = start is not None and text.count("\n", end, begin) > 1
            short = len(previous) < _HEADING * width
            # "… bei Frau Dr." + "Kaya": the title's full stop ends no sentence
            closed = closes.search(previous) is not None and not ends_in_title(previous)
            ends = gap or short or closed or OPENS.match(line)
            # where space sets paragraphs apart, a sentence end still ends a paragraph that
            # the line under it does not continue: its first word would have fitted after it
            ends = ends or (spaced and _CLOSES.search(previous) and fits(previous, line, width))
        if start is not None and ends:
            yield start, end
            start = None
        if start is None:
            start, item = begin, _indent(text, begin) if OPENS.match(line) else None
        end, previous = stop, line
    if start is not None:
        yield start, end


def _tight_blocks(text: str, lines: list[tuple[int, int]], width: int) -> set[int]:
    """The numbers of the lines in blocks (lines between blank lines and page breaks)
    whose paragraphs are set without space between them: where a line ending a sentence
    is followed by one (no list item) whose first word would have fitted after it. A
    question or a line ending in ":" shows nothing: a heading stands without space over
    its paragraph in a document whose paragraphs are spaced all the same."""
    tight: set[int] = set()
    block: list[int] = []
    shown = False  # whether the block shows a paragraph's end without space after it
    for number, (begin, stop) in enumerate(lines):
        if block:
            end = lines[block[-1]][1]
            apart = text.count("\n", end, begin) > 1 or PAGE_BREAK in text[end:begin]
            if apart:
                tight |= set(block) if shown else set()
                block, shown = [], False
            else:
                previous, line = text[lines[block[-1]][0] : end], text[begin:stop]
                shown = shown or bool(
                    _CLOSES.search(previous)
                    and not _ASKS.search(previous)
                    and not OPENS.match(line)
                    and fits(previous, line, width)
                )
        block.append(number)
    return tight | (set(block) if shown else set())


def text_width(text: str) -> int:
    """The width of a PDF's pages in characters: the 90th percentile of its lines'
    lengths, or with few lines of running text the second longest line."""
    lengths = sorted(e - s for s, e in line_spans(text))
    return max(lengths[int(0.9 * (len(lengths) - 1))], lengths[-2]) if len(lengths) > 1 else 0


def fits(previous: str, line: str, width: int) -> bool:
    """Whether the first word of ``line`` would have fitted at the end of ``previous``:
    then ``previous`` was not wrapped there but ended its paragraph (a block of paragraphs
    without space between them), measured in characters against the page's ``width``
    with room to spare (letters differ in width: a wrapped line may look a few short)."""
    return len(previous) + 1 + len(line.split(maxsplit=1)[0]) <= _ROOM * width


def _indent(text: str, begin: int) -> int:
    """How far a line starting at ``begin`` is indented (its characters in front)."""
    return begin - text.rfind("\n", 0, begin) - 1


def goes_on(last: str, first: str, width: int) -> bool:
    """Whether a page's last line goes on in the next page's first: the last is full and
    ends no sentence, the first starts in lower case (no heading, list item or table) —
    or with any letter or digit after a comma, a hyphen or a word no sentence ends in (a
    sentence's next clause, "Kita-" + "Ausbau", "am" + "Marktplatz") — or with a capital
    after a first name, a form of address or a title, going on in small letters (a name
    broken by the page: "… sagt auch Anna" + "Kaya vom Förderverein, die …"; not after an
    article's place or time, "… an der Heide" + "Schule und …") — or the name's rest
    alone after a form of address ("… danke an Frau" + "Kaya") or surnames of the
    gazetteer alone after a first name ("… bestätigte Peter" + "Hoffmann")."""
    full = len(last) >= _FULL * width and (not _CLOSES.search(last) or ends_in_title(last))
    words = last.split()
    bound = last.endswith((",", "-")) or (words[-1] in _BOUND if words else False)
    broken = bound and first[:1].isalnum()
    goes = first[:1].isupper() and any(w[:1].islower() for w in first.split()[1:4])
    # "… an der Heide" + "Schule und Kita …": a place or a time after an article, then a
    # new statement; after it only a surname goes on ("… bei der Anna" + "Kaya vom …")
    placed = placed_last(last)
    surnamed = surnames_only(first.split()[0]) if first.split() else False
    # "… danke an Frau" + "Kaya": the name's rest alone after a form of address; after a
    # first name a rest of surnames only ("… bestätigte Peter" + "Hoffmann"), not a
    # heading ("… im August" + "Tagesordnung", "… Richtung Mark" + "Bahnhof Schlebusch",
    # "… im August" + "Becker")
    # ("… bei der Anna" + "Schmidt": a person after an article, not "… an der Heide")
    rest = name_rest(first) and surnames_only(first) and (not placed or article_first_name(last))
    named = (
        (goes and ends_in_name(last) and (surnamed or not placed))
        or (name_rest(first) and ends_in_address(last))
        or (rest and ends_in_name(last))
    )
    return full and (first[:1].islower() or broken or named) and OPENS.match(first) is None


def agenda_items(lines: Sequence[str]) -> set[int]:
    """Which lines are agenda items: of the shape :data:`AGENDA_ITEM`, numbered from 1 or 2
    on ("TOP 1: Begrüßung", "TOP 2: Was fehlt?"); a statement "TOP 3 Wunsch: mehr Bänke"
    without the items before it is none.

    >>> sorted(agenda_items(["TOP 1: Begrüßung", "Text", "TOP 2 – Was fehlt?"]))
    [0, 2]
    >>> agenda_items(["Bänke", "TOP 3 Wunsch: mehr Bänke am Markt", "TOP 10 der Ideen: Bus"])
    set()
    """
    found: set[int] = set()
    last: int | None = None
    for index, line in enumerate(lines):
        numbered = _AGENDA_NUMBER.match(line)
        if not numbered or not AGENDA_ITEM.match(line):
            continue
        number = int(numbered[1])
        if number <= 2 if last is None else number >= last:
            found.add(index)
            last = number
    return found
