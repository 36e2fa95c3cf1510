"""The researchers' results panel writes its measures the German way, as ``workbench feedback``.

The panel printed agreement, division and group consensus with Python's decimal point
("1.00", "0.67") beside the German headings, while the command line prints "1,00" and
"0,67" for the same table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.feedback_data import rated_project
from widgets.feedback import ResultsPanel, results_app, table_html
from workbench import Project
from workbench.participation import feedback


@pytest.fixture
def rated(project: Project, tmp_path: Path) -> Project:
    """A small project with a stored need run of three clusters."""
    return rated_project(project, tmp_path)


def cells(html: str) -> list[str]:
    """The texts of a table's cells."""
    return re.findall(r"<td>(.*?)</td>", html)


def test_the_results_table_writes_shares_with_a_decimal_comma(rated: Project) -> None:
    first, second, third = feedback.issue_tokens(rated, 3, district="Manfort")
    item = feedback.open_ballot(rated, first).items[0].item_id
    feedback.save_answer(rated, first, item, "trifft zu", 2)
    feedback.save_answer(rated, second, item, "trifft zu", 1)
    feedback.save_answer(rated, third, item, "trifft nicht zu", 0)
    panel = results_app(rated)
    assert isinstance(panel, ResultsPanel)
    shown = cells(panel.table.value)
    assert "0,67" in shown  # two of three agree
    assert not [c for c in shown if re.fullmatch(r"\d+\.\d+", c)], shown


def test_a_large_count_keeps_its_thousands_separator() -> None:
    table = pd.DataFrame({"label": ["Bus"], "points": [1234], "agree_share": [0.5]})
    html = table_html(table, {"label": "Bezeichnung", "points": "Punkte", "agree_share": "Z"})
    assert cells(html) == ["Bus", "1.234", "0,50"]
