"""Counts of stored rows (Pol.is votes, chat reactions) follow a later download."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.test_export_growth import WISHES, _import, _polis
from workbench import Project
from workbench.store import Segment


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


@pytest.mark.backends
def test_another_survey_of_the_name_with_the_same_short_answers_changes_nothing(
    project: Project, tmp_path: Path
) -> None:
    """a/umfrage.csv ("Ja", 34; "Nein", 52), then another group's b/umfrage.csv ("Ja", 71;
    "Nein", 19; one answer more): taken for the next download, its "Ja" and "Nein" were
    dropped and the first group's ages overwritten with 71 and 19. Short answers at the
    same row number tell nothing: the import stops (exit 2), nothing changes, and the
    message offers --allow-duplicates for two files of the same name."""
    first, other = tmp_path / "a" / "umfrage.csv", tmp_path / "b" / "umfrage.csv"
    first.parent.mkdir()
    other.parent.mkdir()
    first.write_text("Antwort;Alter\nJa;34\nNein;52\n", encoding="utf-8")
    other.write_text("Antwort;Alter\nJa;71\nNein;19\nDer Bus fährt zu selten;40\n", "utf-8")
    assert _import(project, first) == 0
    assert _import(project, other) == 2
    assert _ages(project) == [("Ja", 34), ("Nein", 52)]
    assert _import(project, other, "--allow-duplicates") == 0
    assert len(project.segments()) == 5 and _ages(project)[:2] == [("Ja", 34), ("Nein", 52)]


def _ages(project: Project) -> list[tuple[str, object]]:
    """Each stored statement's text and "Alter", in order."""
    with project.session() as session:
        rows = session.scalars(select(Segment).order_by(Segment.id))
        return [(row.text, (row.attributes or {}).get("Alter")) for row in rows]
