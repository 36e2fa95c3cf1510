"""The labels that open a line of a QDA program's source: roles, interviews, f4 time marks.

A source a QDA program stores holds one statement per line already; these helpers read
who speaks on a line ("I: …", "B1: …", after a time "[00:00:05] I: …"), whether a short
source is an interview's turns, and where f4's time marks ("#00:00:12-8#") frame a line.
"""

from __future__ import annotations

import re

from workbench.ingest.speaker_labels import is_asking, is_role
from workbench.ingest.turn_lines import TIME, WHO

# also after the time QualCoder and noScribe write first: "[00:00:05] I: …"
_LABEL = re.compile(
    rf"^\s*(?:\[?{TIME}\]?\s*(?:[-–|]\s*)?)?(?P<who>{WHO})\s?:\s+"
    r"(?:\[\d{2}:\d{2}:\d{2}(?:[.,]\d{1,3})?\]\s+)?(?=\S)"  # noScribe: "S00: [00:00:05] …"
)


def role_label(line: str) -> tuple[str, int] | None:
    """The role that opens a transcript line ("I: …", "B1: …", "Moderation: …", also
    after a time: "[00:00:05] I: …") and where its text starts (after noScribe's time:
    "S00: [00:00:05] …"), or None (no label, or a person's name: that stays text and is
    pseudonymised with it)."""
    label = _LABEL.match(line)
    if label is None or not is_role(label["who"].strip()):
        return None
    return label["who"].strip(), label.end()


def asking_roles(text: str) -> frozenset[str]:
    """The role labels of a source's lines that ask: those that say so ("I:", "Int.:",
    :func:`~workbench.ingest.speaker_labels.is_asking`); where none does and two role
    labels take turns ("A:"/"B:"), the one whose turns end in "?" clearly more often (at
    least a third of them, more than the other's; as often: the one who speaks first).
    Without such evidence none: a question is no one's but its speaker's.

    >>> sorted(asking_roles("A: Was fehlt?\\nB: Ein Treffpunkt.\\nA: Und sonst?\\nB: Nichts."))
    ['A']
    >>> sorted(asking_roles("A: Ein Café.\\nB: Was fehlt Ihnen?\\nA: Bänke."))
    ['B']
    >>> asking_roles("I: Na?"), asking_roles("Ergebnis: Wer?\\nFazit: Keiner.")
    (frozenset({'I'}), frozenset())
    """
    turns: dict[str, list[str]] = {}  # in the order they first speak
    for line in text[:200_000].splitlines():
        if label := role_label(line):
            said = line[label[1] : f4_edges(line)[1]]  # "Was fehlt? [00:00:05]" asks
            turns.setdefault(label[0], []).append(said.rstrip(" »«\"“”'’)"))
    said_asking = frozenset(who for who in turns if is_asking(who))
    if said_asking or len(turns) != 2 or not all(_CODE.fullmatch(who) for who in turns):
        return said_asking  # "Ergebnis:"/"Fazit:" of a record ask nothing, however worded
    share = {who: sum(t.endswith("?") for t in said) / len(said) for who, said in turns.items()}
    first, second = turns
    if share[first] >= max(share[second], 1 / 3):
        return frozenset({first})
    return frozenset({second}) if share[second] > max(share[first], 1 / 3) else frozenset()


def is_labelled_interview(text: str) -> bool:
    """Whether the lines of a text each a statement already (a QDA program's source) are
    an interview's turns however few: at least half of its lines open with a speaker, one
    a role who asks (:func:`asking_roles`: "I:", "Int.:", "Moderation:", or the "A:" of
    "A:"/"B:" whose turns are the questions) and one who answers ("B:", "IP 2:",
    "Frau Brenner:"). ``I: Was fehlt Ihnen?`` / ``B: Ein Treffpunkt.`` is two turns; a
    protocol's ``Ergebnis: …`` / ``Fazit: …`` asks nothing."""
    lines = [line for line in text[:200_000].splitlines() if line.strip()]
    speakers = [label["who"].strip() for line in lines if (label := _LABEL.match(line))]
    asks = asking_roles(text)
    asking = sum(is_role(who) and who in asks for who in speakers)
    return len(speakers) >= 2 and 0 < asking < len(speakers) and 2 * len(speakers) >= len(lines)


# a speaker's code that does not say who asks: "A", "B2", "Sprecher 1", "Speaker 2", "Person A"
_CODE = re.compile(
    r"[A-ZÄÖÜ]{1,3}\s?\d{0,2}|(?i:sprecher(?:in)?|speaker|person)[\s_]*(?:\d{1,3}|[A-Z])"
)
# f4's time mark "#00:00:12-8#", also MAXQDA's "[00:00:12]" or "(00:00:12)" (with tenths);
# each captures its time
F4_MARK = r"#(\d{1,2}:\d{2}:\d{2})(?:[-.,]\d{1,3})?#"
PARENS_MARK = r"\((\d{1,2}:\d{2}:\d{2})(?:[.,]\d{1,3})?\)"
_MARK = rf"(?:{F4_MARK}|\[(\d{{1,2}}:\d{{2}}:\d{{2}})(?:[.,]\d{{1,3}})?\]|{PARENS_MARK})"
_F4_END = re.compile(rf"\s*{_MARK}\s*$")
_F4_START = re.compile(rf"\s*{_MARK}\s*")


def f4_edges(line: str) -> tuple[int, int, str | None, str | None]:
    """Where a line's text lies between f4's time marks at its start and end (or
    MAXQDA's, ``[00:00:12]``), and their times: ``"Ein Treffpunkt. #00:00:12-8#"`` →
    ``(0, 15, None, "00:00:12")``.

    >>> f4_edges("#00:00:05-2# Was fehlt?"), f4_edges("#00:00:05-2#")
    ((13, 23, '00:00:05', None), (0, 0, None, '00:00:05'))
    >>> f4_edges("Ein Treffpunkt. [00:00:12]"), f4_edges("Bänke (00:01:02.5)")
    ((0, 15, None, '00:00:12'), (0, 5, None, '00:01:02'))
    """
    start, end, began, ended = 0, len(line), None, None
    if mark := _F4_END.search(line):
        end, ended = mark.start(), next(t for t in mark.groups() if t)
    if mark := _F4_START.match(line[:end]):
        start, began = mark.end(), next(t for t in mark.groups() if t)
    return start, end, began, ended
