"""Counting helpers of the blind sets of the name rules: must-stay cases (replaced, half
replaced) and must-change cases (a word left in clear); ``--show`` prints each miss."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import is_german_noun, is_person_name, is_place_name
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


def unlisted(words: list[str], person_names: bool = True) -> list[str]:
    """The words no name list, no noun lexicon and no list of the package knows (with
    ``person_names`` also none the lexicon holds as a person's name)."""
    names = gazetteer()
    known = lists.LOCAL_NAMES | lists.NOT_FIRST | lists.COMMON_NOUNS | lists.WORD_SURNAMES
    return [
        w
        for w in words
        if not (names.has_first(w) or names.has_last(w))
        and not (person_names and is_person_name(fold(w)))
        and not (is_german_noun(fold(w)) or is_place_name(fold(w)) or fold(w) in known)
    ]


def listed_surnames(words: list[str]) -> list[str]:
    """The surnames of the gazetteer among ``words``."""
    return [w for w in words if gazetteer().has_last(w)]


def change_kept(change: Change, label: str, cases: list[tuple[str, list[str], list[str]]]) -> None:
    """Print the leaks (a word of the name in clear, by ``change``) and the outputs where a
    word that must stay was replaced."""
    change(label, [(t, gone) for t, gone, _ in cases])
    over = 0
    for text, _gone, kept in cases:
        out = Pseudonymiser().pseudonymise(text)[0]
        lost = [w for w in kept if not clear(out, [w])]
        over += bool(lost)
        if lost and "--show" in sys.argv:
            print(f"  over: {text!r} -> {out!r}")
    print(f"{'':63}over     {over:4}")
