"""A text whose wrapped prose lines are read as one line, at the same positions.

Wrapped Markdown and PDF paragraphs, e-mail bodies, DOCX soft line breaks and table cells
keep their line breaks inside a statement. A name broken there stayed half or wholly in
clear: "Laut Anna\\nSchmidt fehlt Licht" became "Laut [Person 1]\\nSchmidt fehlt Licht",
"Frau\\nKaya hat geholfen" stayed as it was. The name rules join the words of a name across
a blank only, and must: they read where a line starts (speaker labels, list items, table
cells, headings, address blocks). This view reads a line break as a blank only where it
wraps prose — between two words, the line before no heading, table row or list item
(unless the next line is indented under it) and the line after no list item, label or
table row — only after a full line of prose (four words or more) and before a line of
prose (a word in small letters or the end of a sentence), or after a short line of forms of
address and first names alone ("Frau\\nKaya hat geholfen"); a paragraph's last line
may be the rest of a name alone after a full line that ends in a first name, a form of
address or a title ("… danke an Anna\\nSchmidt"). A double first name hyphenated at a
line's end ("Anna-\\nLena Schmidt", or joined by a reader "Anna- Lena") is read as
"Anna-Lena": the break's blanks stand in front of the first part. A list of names
("Anna Schmidt\\nPeter Becker"), an address block, a label ("Frau Kaya:\\nText"), a heading
("Ergebnisse\\nKaya hat …") and a blank line between two paragraphs stay apart.

Each character of a joined break (the blanks around it, a carriage return) becomes a
blank, so every position stays where it is; the runs of blanks are read as one by
:class:`~workbench.ingest.invisible_view.InvisibleView`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import ACADEMIC, CALENDAR, TITLES
from workbench.ingest.nfc_view import S
from workbench.ingest.noun_lexicon import is_german_noun, is_person_name, is_place_name

# A single line break with the blanks around it (a blank line after it is no wrap).
_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
# A list item: a bullet, "1." or "a)" and a blank.
_ITEM = re.compile(r"[ \t]*(?:[-*+•–·▪◦]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]")
# A label: up to four words and a colon ("Frau Kaya:", "Moderation:", "TN 3:").
_LABEL = re.compile(r"[^\W_][\w.'’-]*(?:[ \t][\w.'’-]+){0,3}[ \t]*:(?:\s|$)")
_WORD = re.compile(r"(?<!\w)[^\W\d_][\w'’-]*")
_FULL_LINE = 4  # words of a line before that wraps a paragraph
_STARTS = TITLES | ACADEMIC  # "Frau", "Herr", "Dr." on a line of their own
# A line that ends in a title's abbreviation after a form of address, the name on the next
# ("Frau Dr.\nKaya", "Herrn Prof. Dr.\nWeber"), not any abbreviation ("bzw.\nMittwoch")
_TITLED = re.compile(r"(?<![^\W\d_])(?:Frau|Herrn?|Fr\.|Hr\.)(?:[ \t]+(?:Dr|Prof|Dipl\.-Ing)\.)+$")
# A first name's hyphen at a line's end (or before a blank), a capital after it
_HYPHENED = re.compile(r"-([ \t]*\r?\n[ \t]*|[ \t]+)([^\W\d_]+)")
# the first part right before the hyphen, with the parts hyphenated before it ("Anna-Lena-")
_PART = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*\Z")
# What follows a paragraph's last line: a blank line, or only blanks to the text's end
_PARAGRAPH_END = re.compile(r"[ \t]*\r?\n[ \t]*\r?\n|\s*\Z")
_NAME_REST = 3  # words of a paragraph's last line that is the rest of a name
# A line break after a word's hyphen, a word after it ("Anna-\nLena"): the hyphen stays
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def ends_in_title(line: str) -> bool:
    """Whether ``line`` ends in a title after a form of address ("… bei Frau Dr."): its
    full stop ends no sentence, the name follows."""
    return line.endswith(".") and _TITLED.search(line) is not None


def ends_in_name(line: str) -> bool:
    """Whether ``line`` ends in a form of address, a title after one or a first name: a
    name may go on in the next line ("… sagt auch Frau", "… laut Anna", "… Frau Dr.")."""
    if ends_in_title(line):
        return True
    words = _WORD.findall(line)
    if not words or not line[-1:].isalpha() or not line.endswith(words[-1]):
        return False
    last = words[-1].rsplit("-", 1)[-1]  # "Anna-Lena"
    if _addressed(last):
        return True
    # a first name, not a word that is only a noun besides ("im Juni", "die Rose")
    folded = fold(last)
    return gazetteer().has_first(last) and (is_person_name(folded) or not is_german_noun(folded))


# Words before a noun that make a first name at a line's end a place or a time ("an der
# Heide", "im August", "bis zum Juni"): an article or a preposition fused with one
_PLACING = frozenset("der die das den dem des im am vom zum zur beim ins ans".split())


def placed_last(line: str) -> bool:
    """Whether ``line`` ends in a word after an article or a preposition fused with one
    ("… an der Heide", "… im August"): a place or a time, no person's first name; a form
    of address there still opens a name ("… mit der Frau" + "Nachbarin …")."""
    words = line.split()
    return len(words) > 1 and words[-2] in _PLACING and not _addressed(words[-1])


# Articles before a first name spoken of a person ("bei der Anna", "mit dem Peter")
_PERSON_ARTICLES = frozenset("der die dem den".split())
# Prepositions of a place before the article ("an der Mark", "auf der Heide")
_PLACE_PREPOSITIONS = frozenset("an auf in hinter vor über unter neben zwischen".split())


def article_first_name(line: str) -> bool:
    """Whether ``line`` ends in a first name after an article that is no mere noun, no
    place and no month, after no preposition of a place ("… bei der Anna", "… mit dem
    Peter"; not "an der Heide", "an der Mark"): a
    person spoken of, whose surname may stand alone on the next page."""
    words = line.split()
    if len(words) < 2 or words[-2] not in _PERSON_ARTICLES or not words[-1].isalpha():
        return False
    if len(words) > 2 and words[-3].lower() in _PLACE_PREPOSITIONS:
        return False  # "… an der Mark", "… auf der Heide": a place
    last = fold(words[-1])
    person = is_person_name(last) or not is_german_noun(last)  # "Anna" is a coin too
    return ends_in_name(line) and person and not (is_place_name(last) or last in CALENDAR)


def surnames_only(line: str) -> bool:
    """Whether every word of ``line`` (each part of a hyphenated one) is a surname of the
    gazetteer ("Hoffmann", "Müller-Lüdenscheidt"; not "Tagesordnung", "Bahnhof Schlebusch")."""
    parts = [p for w in line.split() for p in w.split("-")]
    return bool(parts) and all(p[:1].isupper() and gazetteer().has_last(p) for p in parts)


def _addressed(word: str) -> bool:
    """Whether ``word`` is a form of address or a title ("Frau", "Herrn", "Dr")."""
    return fold(word) in _STARTS or f"{fold(word)}." in _STARTS


def ends_in_address(line: str) -> bool:
    """Whether ``line`` ends in a form of address or a title after one ("… bei Frau",
    "… Herrn Dr."): no paragraph ends there, the name follows."""
    words = _WORD.findall(line)
    titled = ends_in_title(line)
    return titled or (bool(words) and line.endswith(words[-1]) and _addressed(words[-1]))


def name_rest(line: str) -> bool:
    """Whether ``line`` may be the rest of a name alone ("Schmidt", "Müller-Lüdenscheidt"):
    a few words of letters, each with a capital; no label ("Ort: Bürgerhaus"), no question."""
    words = line.split()
    capitals = all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
    return 0 < len(words) <= _NAME_REST and capitals


def _wraps(before: str, after: str, indented: bool, last: bool = False) -> bool:
    """Whether the line ``before`` goes on in the line ``after`` (the text's ``last``) as prose."""
    # "Frau Dr.\nKaya hat geholfen": a title at the line's end
    titled = before.endswith(".") and _TITLED.search(before) is not None
    if not ((before[-1:].isalpha() or titled) and after[:1].isalpha()):
        return False  # a sentence, a label, a number or a hyphen ends the line
    if any(ch in line for line in (before, after) for ch in "|\t"):
        return False  # a table row
    if before.lstrip().startswith("#") or _ITEM.match(after) or _LABEL.match(after):
        return False  # a heading before; a list item or a label after
    if _ITEM.match(before) and not indented:
        return False  # "- Anna\nSchmidt": the item ended
    words = _WORD.findall(before)
    if len(words) >= _FULL_LINE and last and name_rest(after) and ends_in_name(before):
        return True  # "… danke an Anna\nSchmidt" at the paragraph's end
    if not (any(w[0].islower() for w in _WORD.findall(after)) or after.rstrip()[-1:] in ".!?,;"):
        return False  # "Lindenweg 3a", "Peter Becker": a line of an address, a list
    if len(words) >= _FULL_LINE:
        return True
    # a short line of forms of address or first names alone, going on in small letters
    # ("Frau\nKaya hat geholfen"; a heading "Frau\nKaya hat …" reads so too — and holds a
    # name all the same)
    starts = all(
        fold(w) in _STARTS or f"{fold(w)}." in _STARTS or gazetteer().has_first(w) for w in words
    )
    return bool(words) and starts and any(w[0].islower() for w in _WORD.findall(after)[1:4])


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The line that ends at ``start`` and the one that starts at ``end``."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first:start], text[end : len(text) if last < 0 else last]


@dataclass(frozen=True)
class WrapView:
    """``text`` with the line breaks that wrap prose read as blanks, positions kept.

    >>> WrapView.of("Am Weg zur Schule fehlt laut Anna\\nSchmidt das Licht").text
    'Am Weg zur Schule fehlt laut Anna Schmidt das Licht'
    >>> WrapView.of("Anna Schmidt\\nPeter Becker") is None
    True
    """

    text: str
    # (view start, written end, width) of each first name moved right over its break's blanks
    shifts: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def of(cls, written: str) -> WrapView | None:
        """The view of ``written``; None if no line break in it wraps prose."""
        if "\n" not in written and "- " not in written:
            return None
        chars: list[str] | None = None
        for brk in _BREAK.finditer(written):
            before, after = _line_around(written, brk.start(), brk.end())
            indented = len(brk.group()) - brk.group().rfind("\n") > 2
            last = _PARAGRAPH_END.match(written, brk.end() + len(after)) is not None
            if _wraps(before.rstrip(), after, indented, last):
                chars = chars if chars is not None else list(written)
                chars[brk.start() : brk.end()] = " " * (brk.end() - brk.start())
        shifts = []
        for hyphen in _HYPHENED.finditer(written) if "-" in written else ():
            gap, second = hyphen.groups()
            if not second[0].isupper():
                continue  # "Rad- und Fußwege"
            part = _PART.search(written, max(0, hyphen.start() - 40), hyphen.start())
            if part is None:
                continue
            first = part.group()
            names = [*first.split("-"), second]  # "Anna-Lena-\nMarie": a triple one
            if not all(gazetteer().has_first(name) for name in names):
                continue  # "Kita- und", "Rad-\nWege": no double first name
            chars = chars if chars is not None else list(written)
            start, end = part.start(), hyphen.start(2)
            chars[start:end] = " " * len(gap) + f"{first}-"
            shifts.append((start + len(gap), end, len(gap)))
        return None if chars is None else cls("".join(chars), tuple(shifts))

    def spanned(self, span: S) -> S:
        """``span`` as written: the positions are the same but in a moved first name's."""
        if not self.shifts:
            return span
        start, end = span.start, span.end
        for begin, stop, width in self.shifts:
            start -= width if begin <= span.start < stop else 0
            end -= width if begin < span.end <= stop else 0
        return replace(span, start=start, end=end)


def one_line(text: str) -> str:
    """``text`` with each line break and the blanks around it read as one " ".

    >>> one_line("Anna \\r\\n  Schmidt")
    'Anna Schmidt'
    >>> one_line("Anna-\\nLena Schmidt")
    'Anna-Lena Schmidt'
    """
    return re.sub(r"\s*\n\s*", " ", _HYPHEN_BREAK.sub("", text))
