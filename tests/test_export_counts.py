"""Counts of stored rows (Pol.is votes, chat reactions) follow a later download."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_export_growth import WISHES, _import, _polis
from workbench import Project


@pytest.mark.backends
def test_a_later_download_brings_the_votes_of_stored_comments_up_to_date(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The weekly Pol.is download added its new comments, but the stored ones kept the
    votes of their first import: profiles counted agreement from weeks ago. Their numbers
    now follow the download; text, pseudonyms and every other attribute stay."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 4)) == 0
    before = project.segments().set_index("source_id")
    week = _polis(tmp_path / "b" / "comments.csv", 6)
    text = week.read_text(encoding="utf-8").replace(",3,1,1,", ",9,4,1,")
    week.write_text(text.replace("Mon Jul 04", "Tue Jul 05"), encoding="utf-8")
    capsys.readouterr()
    assert _import(project, week) == 0
    out = capsys.readouterr().out
    assert "2 neue kamen hinzu" in out and "von 4 gespeicherten Aussagen" in out
    after = project.segments().set_index("source_id")
    for source in ("0", "1", "2", "3"):
        old, new = before.loc[source], after.loc[source]
        assert (new.segment_id, new.text) == (old.segment_id, old.text)
        assert (new.attributes["agrees"], new.attributes["disagrees"]) == (9, 4)
        assert new.attributes["datetime"] == old.attributes["datetime"]  # a text: stays
    assert sorted(after["text"]) == sorted(WISHES[:6])
