"""The helpers that read a meeting file's labels without direction marks and keep the
marks in its texts (:mod:`workbench.ingest.direction_marks`)."""

from __future__ import annotations

import doctest

from workbench.ingest import direction_marks
from workbench.ingest.direction_marks import has_marks, marked_rest, unmarked_heads

LRM, RLM, FSI, LRI, PDI = "\u200e", "\u200f", "\u2068", "\u2066", "\u2069"


def test_marked_rest_keeps_the_marks_in_and_before_the_text() -> None:
    line = f"{LRM}[18:02] {FSI}Anna Schmidt{PDI}: {RLM}مرحبا 12{RLM}"
    assert marked_rest(line, "مرحبا 12") == f"{RLM}مرحبا 12{RLM}"
    assert marked_rest(line, "") == ""
    assert marked_rest(line, "nicht das Ende") == "nicht das Ende"  # as read


def test_unmarked_heads_leaves_lines_without_a_head_alone() -> None:
    text = f"{FSI}Anna{PDI}: {RLM}نعم\n{RLM}سطر ثان: {LRI}Bus{PDI}\n"
    heads = unmarked_heads(text, lambda line, _: 6 if line.startswith("Anna: ") else None)
    assert heads == f"Anna: {RLM}نعم\n{RLM}سطر ثان: {LRI}Bus{PDI}\n"


def test_has_marks() -> None:
    assert has_marks(f"Anna{LRM}") and not has_marks("Anna Schmidt\u200b")


def test_doctests() -> None:
    assert doctest.testmod(direction_marks).failed == 0
