"""A cloned Pol.is conversation (another conversation ID, the same seed comments) is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_export_growth import _documents, _import, _polis, _summary
from workbench import Project


def test_a_cloned_polis_conversation_is_named_as_its_own(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clone of a stored Pol.is conversation (its summary.csv names another ID) became a
    document of its own without a word: its seed comments then count twice. The import
    names both conversations and the stored file; the next download of the first
    conversation grows it and names no clone."""
    _summary(_polis(tmp_path / "a" / "comments.csv", 6).parent, "2abcdefghi")
    assert _import(project, tmp_path / "a" / "comments.csv") == 0
    clone = _polis(tmp_path / "c" / "comments.csv", 8, {5: "Mehr Grün im Hinterhof"})
    _summary(clone.parent, "9zyxwvutsr")
    capsys.readouterr()
    assert _import(project, clone) == 0
    out = capsys.readouterr().out
    assert "8 Aussagen importiert" in out
    assert "Ein anderes Pol.is-Gespräch (9zyxwvutsr) als das von 'comments.csv' (2abcdefghi)" in out
    grown = _polis(tmp_path / "d" / "comments.csv", 10)
    _summary(grown.parent, "2abcdefghi")
    assert _import(project, grown) == 0
    out = capsys.readouterr().out
    assert "4 neue kamen hinzu" in out and "anderes Pol.is-Gespräch" not in out
    assert len(_documents(project)) == 2 and len(project.segments()) == 18


def test_a_conversation_sharing_one_comment_by_chance_is_not_called_a_clone(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two conversations of one consultation that share a single comment by chance (the
    Klimarat's "Energie" and "Wohnen" share comment 19) were named as a clone: a clone
    starts with the same seed comments."""
    _summary(_polis(tmp_path / "a" / "comments.csv", 4).parent, "2abcdefghi")
    assert _import(project, tmp_path / "a" / "comments.csv") == 0
    other = _polis(tmp_path / "b" / "comments.csv", 4, {i: f"Anderes Thema {i}" for i in range(3)})
    _summary(other.parent, "9zyxwvutsr")
    assert _import(project, other) == 0
    assert "anderes Pol.is-Gespräch" not in capsys.readouterr().out


def test_a_clone_after_its_original_imported_without_summary_is_its_own(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The original's comments.csv imported alone (no conversation ID known), then a clone
    with its summary.csv: it stopped as a "frühere Fassung" (comment 5 differs) and needed
    --allow-duplicates. Pol.is never edits a comment, and the clone names its conversation:
    it is a document of its own, named as a clone, as when both IDs are known."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 6)) == 0
    clone = _polis(tmp_path / "c" / "comments.csv", 8, {5: "Mehr Grün im Hinterhof"})
    _summary(clone.parent, "9zyxwvutsr")
    capsys.readouterr()
    assert _import(project, clone.parent) == 0
    out = capsys.readouterr().out
    assert "8 Aussagen importiert" in out
    assert "(9zyxwvutsr) als das von 'comments.csv' (ohne summary.csv importiert)" in out
    assert len(_documents(project)) == 2 and len(project.segments()) == 14


def test_a_clone_without_summary_after_its_original_stops_naming_the_way_on(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without its summary.csv nothing tells a clone from the original's next download but
    a changed comment: the import stops (exit 2) and says that Pol.is edits no comment and
    that the clone's summary.csv beside it makes it a document of its own."""
    _summary(_polis(tmp_path / "a" / "comments.csv", 6).parent, "2abcdefghi")
    assert _import(project, tmp_path / "a") == 0
    clone = _polis(tmp_path / "c" / "comments.csv", 8, {5: "Mehr Grün im Hinterhof"})
    capsys.readouterr()
    assert _import(project, clone) == 2
    err = capsys.readouterr().err
    assert "Pol.is ändert keinen Kommentar" in err and "summary.csv des Gesprächs" in err
    assert "Traceback" not in err and len(project.segments()) == 6
    _summary(clone.parent, "9zyxwvutsr")
    assert _import(project, clone.parent) == 0
    assert len(_documents(project)) == 2 and len(project.segments()) == 14


@pytest.mark.parametrize(
    "resaved",
    ["Der Spielplatz an der Schule ist kaputt – leider", "Der Spielplatz an der Schule ist’s"],
)
def test_the_next_download_resaved_with_other_marks_is_no_clone(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], resaved: str
) -> None:
    """The original's comments.csv imported alone, then the next download of the same
    conversation with its summary.csv, where a spreadsheet program changed one comment's
    marks (’ for ', a dash): read as a clone, every comment was stored twice (18
    statements). A comment differing only in its marks is the same comment: the import
    stops as for any changed row (exit 2), nothing stored."""
    original = "Der Spielplatz an der Schule ist kaputt - leider"
    if "’" in resaved:
        original = "Der Spielplatz an der Schule ist's"
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 6, {1: original})) == 0
    again = _polis(tmp_path / "b" / "comments.csv", 8, {1: resaved})
    _summary(again.parent, "9zyxwvutsr")
    capsys.readouterr()
    assert _import(project, again.parent) == 2
    captured = capsys.readouterr()
    assert "anderes Pol.is-Gespräch" not in captured.out
    assert "Traceback" not in captured.err
    assert len(_documents(project)) == 1 and len(project.segments()) == 6
