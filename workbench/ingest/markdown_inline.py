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
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_CODE = re.compile(r"`([^`\n]+)`")
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MARKED = re.compile(r"==(?=\S)(.+?)(?<=\S)==")


def _emphasis(marker: str) -> re.Pattern[str]:
    """Text between ``marker`` runs at a word's edges (not inside "Bürger*innen")."""
    m, c = re.escape(marker), re.escape(marker[0])
    return re.compile(rf"(?<![\w{c}]){m}(?=[^\s{c}])(.+?)(?<=[^\s{c}]){m}(?![\w{c}])")


_EMPHASES = [_emphasis(m) for m in ("**", "__", "*", "_")]


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
    out = _STRUCK.sub("", out)
    out = _MARKED.sub(r"\1", out)
    for pattern in _EMPHASES:
        out = pattern.sub(r"\1", out)
    if is_html(out):
        out = plain_text(out)
    out = re.sub(r"[ \t]{2,}", " ", out).strip()
    return "".join(_SHOW.get(c, c) for c in out)
