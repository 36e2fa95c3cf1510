"""Counting helpers of the blind sets of the name rules: must-stay cases (replaced, half
replaced) and must-change cases (a word left in clear); ``--show`` prints each miss."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from workbench.ingest.pseudonymise import Pseudonymiser

Stay = Callable[[str, list[tuple[str, str]]], None]
Change = Callable[[str, list[tuple[str, list[str]]]], None]


def clear(out: str, words: list[str]) -> bool:
    """Whether any of ``words`` stands in ``out`` as a word."""
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out) for w in words)


def counters(words_of: Callable[[str], list[str]], width: int) -> tuple[Stay, Change]:
    """The two counters of a blind set: ``stay(label, [(text, name)])`` prints how many
    texts changed and in how many a word of the name (``words_of``) is left beside a
    placeholder; ``change(label, [(text, words)])`` how many leave a word in clear."""

    def stay(label: str, cases: list[tuple[str, str]]) -> None:
        changed = half = 0
        for text, name in cases:
            out = Pseudonymiser().pseudonymise(text)[0]
            if out != text:
                changed += 1
                if "--show" in sys.argv:
                    print(f"  {text!r} -> {out!r}")
                half += clear(out, words_of(name))
        print(
            f"must-stay  {label:{width}} {len(cases):4}  replaced {changed:4}  half-done {half:4}"
        )

    def change(label: str, cases: list[tuple[str, list[str]]]) -> None:
        outs = [(t, Pseudonymiser().pseudonymise(t)[0], w) for t, w in cases]
        leaked = sum(clear(out, w) for _, out, w in outs)
        if "--show" in sys.argv:
            print(*(f"  {t!r} -> {out!r}" for t, out, w in outs if clear(out, w)), sep="\n")
        print(f"must-change {label:{width - 1}} {len(cases):4}  leaked   {leaked:4}")

    return stay, change
