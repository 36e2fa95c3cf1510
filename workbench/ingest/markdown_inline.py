"""Plain text of a Markdown statement: what shared pads (HedgeDoc/CodiMD, CryptPad,
Etherpad's Markdown export) write around the words, removed.

``**fett**``, ``__fett__``, ``*kursiv*``, ``_kursiv_``, ``==markiert==`` and
```Code``` keep their words; ``[Text](Adresse)`` keeps its text, ``<https://…>`` its
address (an e-mail's without "mailto:"); an image ``![Beschreibung](…)`` becomes
"(Bild: Beschreibung)" or nothing, and struck-through ``~~…~~`` nothing (as in HTML
cells: :mod:`workbench.ingest.html_text`); a task list's box (``[ ]``, ``[x]``) is no
part of the statement; inline HTML (``<br>``) becomes text. Emphasis counts only at a
word's edge: "Bürger*innen und Lehrer*innen" and "snake_case" stay as written, as does
"5 * 3"; a backslash-escaped ``\\*`` is a star.
"""

from __future__ import annotations

import re

from workbench.ingest.html_text import is_html, plain_text

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>=])")
_HIDE = {c: chr(0xE000 + i) for i, c in enumerate("\\`*_{}[]()#+-.!|~<>=")}
_SHOW = {v: k for k, v in _HIDE.items()}
_TASK = re.compile(r"^\[[ xX]\]\s+")
# The text in brackets holds no "[": each "[" is tried up to the next bracket only, not up to
# the next "]" (a line of many "[" took quadratic time); "[a [b](x)" keeps "[a " as CommonMark.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_CODE = re.compile(r"`([^`\n]+)`")
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MARKED = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
_STRUCK_END = re.compile(r"(?=(?<=\S)~~)")  # where they can close, overlapping ones too
_MARKED_END = re.compile(r"(?=(?<=\S)==)")


def _emphasis(marker: str) -> re.Pattern[str]:
    """Text between ``marker`` runs at a word's edges (not inside "Bürger*innen")."""
    m, c = re.escape(marker), re.escape(marker[0])
    return re.compile(rf"(?<![\w{c}]){m}(?=[^\s{c}])(.+?)(?<=[^\s{c}]){m}(?![\w{c}])")


def _emphasis_end(marker: str) -> re.Pattern[str]:
    """Where a ``marker`` run of :func:`_emphasis` can close (overlapping ones too)."""
    m, c = re.escape(marker), re.escape(marker[0])
    return re.compile(rf"(?=(?<=[^\s{c}]){m}(?![\w{c}]))")


_EMPHASES = [(_emphasis(m), _emphasis_end(m), m) for m in ("**", "__", "*", "_")]


def _sub_closed(
    pattern: re.Pattern[str], end: re.Pattern[str], marker: str, text: str, repl: str = r"\1"
) -> str:
    """``pattern.sub(repl, text)`` for a pattern of an opening ``marker``, a lazy
    ``.+?`` (never across a line) and a closing ``marker`` where ``end`` finds one: each
    line only up to its last closing mark and the character after it, which the pattern
    looks at. An opening mark behind it closes nowhere, but the lazy search went on to the
    line's end from each of them: a line of "**a " took quadratic time (20 s for 32,000
    characters)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        closes = [m.start() for m in end.finditer(line)]
        if closes:
            cut = closes[-1] + len(marker) + 1
            lines[i] = pattern.sub(repl, line[:cut]) + line[cut:]
    return "\n".join(lines)


def plain_markdown(text: str) -> str:
    """``text`` without Markdown's inline markup.

    >>> plain_markdown("[x] Die Kita hat einen **großen** Garten ([Plan](https://x.de/a))")
    'Die Kita hat einen großen Garten (Plan)'
    >>> plain_markdown("Bürger*innen und Lehrer*innen, 5 * 3, snake_case, \\\\*Stern\\\\*")
    'Bürger*innen und Lehrer*innen, 5 * 3, snake_case, *Stern*'
    """
    out = _ESCAPE.sub(lambda m: _HIDE[m.group(1)], text)
    out = _TASK.sub("", out)
    out = _IMAGE.sub(lambda m: f"(Bild: {m.group(1).strip()})" if m.group(1).strip() else "", out)
    out = _LINK.sub(r"\1", out)
    out = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), out)
    out = _CODE.sub(r"\1", out)
    out = _sub_closed(_STRUCK, _STRUCK_END, "~~", out, "")
    out = _sub_closed(_MARKED, _MARKED_END, "==", out)
    for pattern, end, marker in _EMPHASES:
        out = _sub_closed(pattern, end, marker, out)
    if is_html(out):
        out = plain_text(out)
    out = re.sub(r"[ \t]{2,}", " ", out).strip()
    return "".join(_SHOW.get(c, c) for c in out)
