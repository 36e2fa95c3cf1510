"""The guiding questions of a Markdown or plain-text protocol: the level of its asking
headings, and the lines that ask above a list in a text without headings (moved out of
:mod:`workbench.ingest.markdown_protocol`)."""

from __future__ import annotations

import re
from itertools import islice

from workbench.ingest.answer_lines import ANSWER_LABEL, numbered_asks, reported
from workbench.ingest.markdown_lines import _DAY_START, _HEADING, _ITEM, _UNDERLINE
from workbench.ingest.paragraphs import agenda_items
from workbench.ingest.protocol_meta import intro_like


def _indent(item: re.Match) -> int:
    """A list item's indent in columns (a tab is four)."""
    return len(item.group(1).expandtabs(4))


def _asking_level(lines: list[str]) -> int:
    """The heading level of the guiding questions: ``##`` (or a line underlined with
    ``---``); without any, the highest level used below the title (``###``), as Word's
    ‚Überschrift 2‘ without ‚Überschrift 1‘."""
    levels = {len(found[1]) for line in lines if (found := _HEADING.match(line))}
    setext = any((found := _UNDERLINE.match(line)) and found[1][0] == "-" for line in lines)
    if 2 in levels or setext:
        return 2
    return min((level for level in levels if level > 1), default=2)


def _part_headings(lines: list[str]) -> bool:
    """Whether the text's headings are several ``#`` and no deeper one ("# Block 1", "#
    Block 2"): parts that ask, as ``##`` would, not a title each."""
    levels = [len(found[1]) for line in lines if (found := _HEADING.match(line))]
    return levels.count(1) > 1 and set(levels) == {1}


def _list_intros(lines: list[str], first: int) -> set[int]:
    """Line numbers of a plain text's guiding questions: in a text without Markdown or
    underlined headings, a short line of its own that ends with "?" or ":" and is followed
    by a list ("Was fehlt im Stadtteil?" above "- Bänke am Markt") — as written in an
    editor, or left of an RTF protocol once it is plain text); so is a list item of that
    shape directly above items indented below it ("1. Was fehlt?" above "   - Bänke").
    A detail ("Teilnehmende:" above a list of names) is none. An agenda item of its own
    ("TOP 1: Begrüßung") heads what follows it, text or list. Under headings only a
    question above a bare answer label over a list is one (:func:`_asked_above`)."""
    if any(_HEADING.match(line) or _UNDERLINE.match(line) for line in lines):
        labels = [i for i in range(len(lines)) if _ITEM.match(_after(lines, i))]
        asked = (_asked_above(lines, label) for label in labels)  # "Frage: …?" / "Ergebnis:"
        heads = [
            found for line in lines if (found := _HEADING.match(line) or _UNDERLINE.match(line))
        ]
        titled = len(heads) == 1 and heads[0][1] == "#"  # only the title: "1. Was fehlt?" …
        numbered = _numbered_asks(lines, first) if titled else set()
        return numbered | {
            first + a for a in asked if a is not None and not _HEADING.match(lines[a])
        }
    intros = _numbered_asks(lines, first)  # "1. Was fehlt?" over its answers, "2. …"
    agenda = agenda_items(
        [x if not (i and lines[i - 1].strip()) else "" for i, x in enumerate(lines)]
    )
    for i, line in enumerate(lines):
        if i in agenda:  # "TOP 1: Begrüßung" on a line of its own
            intros.add(first + i)
            continue
        item = _ITEM.match(line)
        if not intro_like(item.group(2) if item else line):
            continue
        if item:  # a list item with items nested below it (a loose list: a blank between)
            after = next((n for n in islice(lines, i + 1, None) if n.strip()), "")
            below = _ITEM.match(after)
            if below and _indent(below) > _indent(item):
                intros.add(first + i)
            continue
        if i and lines[i - 1].strip():  # the end of a paragraph, not a line of its own
            continue
        after = next((n for n in islice(lines, i + 1, None) if n.strip()), "")  # next text
        directly = i + 1 == len(lines) or not lines[i + 1].strip() or _ITEM.match(lines[i + 1])
        if directly and _ITEM.match(after):
            asked = _asked_above(lines, i)  # "Was fehlt?", blank, "Ergebnis:": the question
            if asked is None and ANSWER_LABEL.fullmatch(line.strip()):
                continue  # a bare label below a statement asks nothing, as under headings
            intros.add(first + (i if asked is None else asked))
    return intros


def _numbered_asks(lines: list[str], first: int) -> set[int]:
    """Line numbers of questions typed as numbered items over answers of their own
    (:func:`~workbench.ingest.answer_lines.numbered_asks`); an item's number at the margin."""
    items = [_ITEM.match(line) for line in lines]
    numbered = [
        (int(found[0]), item.group(2).strip())
        if item
        and not item.group(1)
        and not _DAY_START.match(line)
        and (found := re.match(r"\d+(?=[.)])", line))
        else None
        for line, item in zip(lines, items, strict=True)
    ]
    return {first + i for i in numbered_asks(numbered, [line.strip() for line in lines])}


def _asked_above(lines: list[str], label: int) -> int | None:
    """The index of the question a bare answer label answers ("Was fehlt?", blank,
    "Ergebnis:" over "- Ein Arzt"): a line of its own that asks (:func:`intro_like`,
    ending with "?") as the last text above the label; None for another label or text, and
    for a question someone asked, told in the protocol ("Eine Anwohnerin fragte: Wann kommt
    der Radweg?", :func:`~workbench.ingest.answer_lines.reported`): a statement."""
    if not ANSWER_LABEL.fullmatch(lines[label].strip()):
        return None
    above = next((i for i in range(label - 1, -1, -1) if lines[i].strip()), None)
    if above is None or above + 1 == label or (above and lines[above - 1].strip()):
        return None  # no question, or a paragraph's line ("… gefragt:" / "Ergebnis:")
    asked = lines[above].strip()
    asks = asked.endswith("?") and intro_like(asked) and not reported(asked)
    return above if asks and not _ITEM.match(asked) else None


def _after(lines: list[str], row: int) -> str:
    """The next text below line ``row`` ("" if none)."""
    return next((n for n in islice(lines, row + 1, None) if n.strip()), "")


def _label_below(lines: list[str], row: int) -> bool:
    """Whether the next text below line ``row`` is a bare answer label that it asks over
    (:func:`_asked_above`): its question is then without its label ("Frage: …?")."""
    below = next((i for i in range(row + 1, len(lines)) if lines[i].strip()), None)
    return below is not None and _asked_above(lines, below) == row
