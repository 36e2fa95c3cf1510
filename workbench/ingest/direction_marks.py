"""The direction marks that meeting exports put around and into speaker labels (pure).

Chat apps and transcription tools write invisible marks that steer the direction of
text: WhatsApp on the iPhone puts a left-to-right mark (U+200E) before attachments and
some lines, a name in Arabic or Hebrew script in a left-to-right chat stands between
isolates (U+2068 … U+2069), and exports copied from a right-to-left interface carry
embeddings and overrides (U+202A–U+202E). Around or inside a speaker label they hide the
label from the readers of chats and transcripts ("\u200e[12:02] Anna Schmidt:" is no
speaker line; "\u2068Anna Schmidt\u2069" is no name in the speaker key): the readers of
meeting formats read labels, times and separators without them, and take each message's
text from the line as written (:func:`marked_rest`, :func:`unmarked_heads`): a message in
Arabic or Hebrew with Latin words or digits needs its marks to display in order. Names in
texts are found across the marks (:mod:`workbench.ingest.invisible_view`), as in protocols.
"""

from __future__ import annotations

from collections.abc import Callable

# LRM, RLM; the embeddings LRE, RLE, the pop PDF and the overrides LRO, RLO; the isolates
# LRI, RLI, FSI and their pop PDI
DIRECTION_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DELETED = dict.fromkeys(map(ord, DIRECTION_MARKS))


def unmarked(text: str) -> str:
    """``text`` without direction marks, embeddings, overrides and isolates.

    >>> unmarked("\u200e[12.03.21, 18:02:11] \u2068Anna Schmidt\u2069: Hallo")
    '[12.03.21, 18:02:11] Anna Schmidt: Hallo'
    """
    return text.translate(_DELETED)


def has_marks(text: str) -> bool:
    """Whether ``text`` holds any direction mark (a file without them is read unchanged)."""
    return any(mark in text for mark in DIRECTION_MARKS)


def marked_rest(line: str, rest: str, below: str = "") -> str:
    """The end of ``line`` that reads ``rest`` once its marks are out, marks kept.

    A reader finds a label in the unmarked line and takes the text after it (``rest``, an
    end of ``unmarked(line)``); the message keeps the marks the file has inside and right
    before that text (they steer how a right-to-left message displays), while those around
    the label and its separators stay out. An embedding or isolate opened before the label
    that the text closes is the text's too; ``below``: the message's lines under ``line``
    as written, where a message over several lines closes it.

    >>> marked_rest("\u2068Anna Schmidt\u2069: \u200fمرحبا 12\u200f", "مرحبا 12")
    '\u200fمرحبا 12\u200f'
    >>> marked_rest("\u202bAnna: שלום 12\u202c", "שלום 12")  # an embedding keeps its pair
    '\u202bשלום 12\u202c'
    >>> marked_rest("\u202bAnna: שלום", "שלום", below="12 Uhr\u202c")  # closed a line below
    '\u202bשלום'
    """
    if not rest:
        return ""
    unmarked_end = line.endswith(rest)  # no marks in the text itself: the usual case
    start, seen = (len(line) - len(rest), len(rest)) if unmarked_end else (len(line), 0)
    while start > 0 and seen < len(rest):
        start -= 1
        seen += line[start] not in DIRECTION_MARKS
    while start > 0 and line[start - 1] in DIRECTION_MARKS:
        start -= 1  # "Anna: \u200fمرحبا": the mark opens the message
    kept = line[start:]
    if unmarked_end or unmarked(kept) == rest:
        return _opened(line[:start], kept, below)
    return rest  # not an end of the line: as read


# the marks that open an embedding or override (closed by PDF) or an isolate (by PDI)
_OPENS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_OPENS |= dict.fromkeys("\u2066\u2067\u2068", "\u2069")


def _open_marks(text: str) -> list[str]:
    """The embeddings, overrides and isolates ``text`` opens and leaves open, in order."""
    stack: list[str] = []
    for char in text:
        if char in _OPENS:
            stack.append(char)
        elif char in ("\u202c", "\u2069") and stack and _OPENS[stack[-1]] == char:
            stack.pop()
    return stack


def _opened(head: str, kept: str, below: str = "") -> str:
    """``kept`` with the marks the line's head opens and ``kept`` (or the message's lines
    ``below`` it) closes put back before it: a cue or message written whole in an embedding
    ("\u202bAnna: שלום\u202c") keeps the pair, not only its closing mark."""
    unclosed = _open_marks(head)
    if not unclosed:
        return kept
    stack: list[str] = []
    unmatched = []  # the closing marks in the text that close what the head opened, in order
    for char in kept + below:
        if char in _OPENS:
            stack.append(char)
        elif char in ("\u202c", "\u2069"):
            if stack and _OPENS[stack[-1]] == char:
                stack.pop()
            else:
                unmatched.append(char)
    carried = ""
    for opener, closer in zip(reversed(unclosed), unmatched, strict=False):  # innermost first
        if _OPENS[opener] != closer:
            break
        carried = opener + carried
    return carried + kept


def unmarked_heads(text: str, head_end: Callable[[str, str], int | None]) -> str:
    """``text`` with the direction marks taken out of each line's head only.

    ``head_end(line, following)`` says, for a line and the line below read without marks,
    where the line's head ends — its speaker label, time or separators, all of it for a
    line that is only head (a cue's timing), None for a line of text: the reader finds
    the head without marks, the text after it keeps them (:func:`marked_rest`; the lines
    of text below it up to a blank line are the same cue's or message's).

    >>> unmarked_heads("\u2068Ben\u2069: \u200fنعم", lambda line, _: line.find(": ") + 2)
    'Ben: \u200fنعم'
    """
    if not has_marks(text):
        return text
    lines = text.split("\n")
    plain = [unmarked(line) for line in lines]
    ends = [
        head_end(line, plain[i + 1] if i + 1 < len(lines) else "") for i, line in enumerate(plain)
    ]
    out = []
    for index, line in enumerate(lines):
        end = ends[index]
        if end is None or line == plain[index]:
            out.append(line)
        else:
            below = index + 1
            while below < len(lines) and ends[below] is None and plain[below].strip():
                below += 1
            head, rest = plain[index][:end], plain[index][end:]
            out.append(head + marked_rest(line, rest, "\n".join(lines[index + 1 : below])))
    return "\n".join(out)
