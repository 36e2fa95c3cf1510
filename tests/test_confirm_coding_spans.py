"""Codings of one coder that a replaced name moves onto the same span (or onto each
other's old place on the way) no longer stop ``pseudonyms confirm`` with a traceback:
two codings that now mark the same passage become one, the others keep their place."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.ingest.review import decide
from workbench.ingest.table_mapping import TableMapping


def _statement(project: Project, tmp_path: Path, text: str) -> int:
    source = tmp_path / "umfrage.csv"
    pd.DataFrame({"ID": [1], "Text": [text]}).to_csv(source, sep=";", index=False)
    mapping = TableMapping(text_column="Text", id_column="ID")
    project.import_files([source], mapping=mapping, district="Manfort")
    project.add_code("Wunsch")
    return int(project.segments()["segment_id"].iloc[0])


def _spans(project: Project) -> list[tuple[str, str, str]]:
    text = project.segments()["text"].iloc[0]
    codings = project.codings().sort_values(["coder", "start", "end"])
    return [(c.coder, c.code, text[c.start : c.end]) for c in codings.itertuples()]


@pytest.mark.backends
def test_two_codings_that_end_up_on_one_span_become_one(project: Project, tmp_path: Path) -> None:
    segment = _statement(project, tmp_path, "Koch und mehr Bänke.")
    project.code_segment(segment, "Wunsch", "anna", start=0, end=8)  # "Koch und"
    project.code_segment(segment, "Wunsch", "anna", start=1, end=8)  # "och und"
    project.code_segment(segment, "Wunsch", "ben", start=1, end=8)
    assert decide(project, ["Koch"], "confirm") == 1
    assert project.segments()["text"].iloc[0] == "[Person 1] und mehr Bänke."
    assert _spans(project) == [
        ("anna", "Wunsch", "[Person 1] und"),
        ("ben", "Wunsch", "[Person 1] und"),
    ]
    # undo of anna's two codings: the passage is uncoded, nothing fails
    assert project.undo("anna", 2) == 2
    assert _spans(project) == [("ben", "Wunsch", "[Person 1] und")]


@pytest.mark.backends
def test_codings_moved_onto_each_others_old_place_keep_both(
    project: Project, tmp_path: Path
) -> None:
    segment = _statement(project, tmp_path, "Koch: mehr Bänke und Licht.")
    # both 6 characters long, 6 apart: the first moves to where the second was
    project.code_segment(segment, "Wunsch", "anna", start=6, end=12)  # "mehr B"
    project.code_segment(segment, "Wunsch", "anna", start=12, end=18)  # "änke u"
    assert decide(project, ["Koch"], "confirm") == 1
    assert project.segments()["text"].iloc[0] == "[Person 1]: mehr Bänke und Licht."
    assert _spans(project) == [("anna", "Wunsch", "mehr B"), ("anna", "Wunsch", "änke u")]
