"""Forgetting one of two statements with the same text (the same card from two sources)
leaves the other's quotes in need runs and on rating cards
(workbench/store/text_edits.py, drop_copies)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbench import Project
from workbench.analysis import needs
from workbench.cli.main import main

SAME = "Der Bus fährt abends zu selten."
# cluster 0: the same card from the Manfort and the Opladen protocol, and one more
FILES = {
    "manfort.csv": [(SAME, "Manfort", 0), ("Mehr Bänke am Platz.", "Manfort", 1)],
    "opladen.csv": [
        (SAME, "Opladen", 0),
        ("Die Linie 5 fehlt am Wochenende.", "Opladen", 0),
        ("Bänke im Park fehlen.", "Opladen", 1),
    ],
}


@pytest.fixture
def folder(project: Project, tmp_path: Path) -> Path:
    """A project of FILES with a stored need run of their clusters and a rating card."""
    from workbench.ingest import TableMapping
    from workbench.participation import feedback

    labels = []
    for name, rows in FILES.items():
        source = tmp_path / name
        table = [(str(k), text, district) for k, (text, district, _) in enumerate(rows)]
        pd.DataFrame(table, columns=["ID", "Text", "Sozialraum"]).to_csv(
            source, sep=";", index=False
        )
        mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
        project.import_files([source], mapping)
        labels += [cluster for _, _, cluster in rows]
    segments = project.segments().sort_values("segment_id").reset_index(drop=True)
    assert segments["text"].tolist() == [t for rows in FILES.values() for t, _, _ in rows]
    vectors = np.random.default_rng(0).normal(size=(len(segments), 4))
    clusters = needs.describe(segments, np.array(labels), vectors, {}, 2)
    with project.transaction() as session:
        params = needs.NeedParams(segments="all")
        needs.insert_run(session, params, segments, np.array(labels), clusters, [], "test")
    feedback.issue_tokens(project, 1)
    return project.path


def _bus(folder: Path) -> tuple[list[str], list[int], list[list[str]]]:
    """The bus need's quotes and their statements, and the quotes on the rating cards."""
    from workbench.store import FeedbackItem

    with Project.open(folder) as project:
        row = needs.clusters(project).set_index("cluster").loc[0]
        with project.session() as session:
            cards = [list(i.quotes) for i in session.query(FeedbackItem).order_by(FeedbackItem.id)]
    return list(row["quotes"]), [int(i) for i in row["quote_segment_ids"]], cards


@pytest.mark.backends
@pytest.mark.parametrize("which", [0, 1])
def test_the_same_words_from_another_source_stay_quoted(folder: Path, which: int) -> None:
    """Forgetting Manfort's card removed the Opladen card's quote of the same words from
    the need, its rating card, profiles and reports."""
    quotes, ids, cards = _bus(folder)
    assert SAME in quotes and any(SAME in card for card in cards)
    with Project.open(folder) as project:
        segments = project.segments()
    same = sorted(segments.loc[segments["text"] == SAME, "segment_id"])
    erased, kept = same[which], same[1 - which]
    assert main(["--project", str(folder), "forget", "--statement", str(erased)]) == 0
    quotes, ids, cards_after = _bus(folder)
    assert SAME in quotes  # the other statement still says it …
    assert ids[quotes.index(SAME)] == kept  # … and is the one quoted
    assert erased not in ids
    assert cards_after == cards  # the rating card keeps it too
    with Project.open(folder) as project:
        segments = project.segments()
    assert list(segments.loc[segments["text"] == SAME, "segment_id"]) == [kept]


@pytest.mark.backends
def test_the_words_go_once_no_statement_says_them(folder: Path) -> None:
    """With both statements forgotten, no quote of them is left."""
    with Project.open(folder) as project:
        segments = project.segments()
    same = segments.loc[segments["text"] == SAME, "segment_id"].tolist()
    assert main(["--project", str(folder), "forget", "--statement", *map(str, same)]) == 0
    quotes, ids, cards = _bus(folder)
    assert SAME not in quotes and not set(same) & set(ids)
    assert not any(SAME in card for card in cards)
