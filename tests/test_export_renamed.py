"""An export downloaded again under another name ("polis_2026-12-08.csv", "umfrage (1).csv"):
recognised by its rows, not by its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_export_growth import WISHES, _documents, _import, _polis
from workbench import Project


@pytest.mark.backends
def test_a_dated_download_grows_the_stored_export(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Downloads saved by date were matched by file name only: each became a document of
    its own and every stored comment was imported again (26 statements for 12 comments).
    A download holding each stored row with its ID and text adds only its new rows and
    says under which name the export is stored; --allow-duplicates imports it anyway."""
    assert _import(project, _polis(tmp_path / "polis_2026-12-01.csv", 6)) == 0
    assert _import(project, _polis(tmp_path / "polis_2026-12-08.csv", 8)) == 0
    out = capsys.readouterr().out
    assert "6 Aussagen standen schon im Projekt" in out and "2 neue kamen hinzu" in out
    assert "gespeichert unter 'polis_2026-12-01.csv'" in out and "--allow-duplicates" in out
    again = _polis(tmp_path / "polis_2026-12-08 (1).csv", 8)  # votes counted since
    again.write_text(again.read_text().replace(",3,1,1,", ",4,1,1,"), encoding="utf-8")
    assert _import(project, again) == 0
    assert "nicht importiert: dieselben Zeilen" in capsys.readouterr().out
    assert _import(project, _polis(tmp_path / "polis_2026-12-15.csv", 12)) == 0
    assert list(project.segments().sort_values("segment_id")["text"]) == WISHES
    assert len(_documents(project)) == 1
    assert _import(project, again, "--allow-duplicates") == 0
    assert len(project.segments()) == 20 and len(_documents(project)) == 2


def test_a_file_of_another_name_and_sozialraum_stays_its_own(
    project: Project, tmp_path: Path
) -> None:
    """The same rows under another name for another Sozialraum (a survey run per
    Sozialraum from one template) are another survey's: imported as its own document."""
    first = _polis(tmp_path / "umfrage_gruppe_a.csv", 4)
    assert _import(project, first, "--district", "Manfort") == 0
    other = _polis(tmp_path / "umfrage_opladen.csv", 6)
    assert _import(project, other, "--district", "Opladen") == 0
    assert len(project.segments()) == 10 and len(_documents(project)) == 2


@pytest.mark.backends
def test_another_survey_with_the_same_short_answers_keeps_its_rows(
    project: Project, tmp_path: Path
) -> None:
    """Two groups' surveys from one questionnaire, without ID column and naming no
    Sozialraum, both begin with "Mehr Grün", "Ja", "Nein": the second was taken for a
    download of the first, its first three answers dropped as stored and its others put
    into the first's document. Short answers at the same row number tell nothing: it is
    imported whole, on its own."""
    head = "Was wünschen Sie sich im Quartier?\nMehr Grün\nJa\nNein\n"
    first = tmp_path / "umfrage_gruppe_a.csv"
    first.write_text(head, encoding="utf-8")
    other = tmp_path / "umfrage_gruppe_b.csv"
    other.write_text(head + "Ein Jugendtreff fehlt\nDer Bus fährt zu selten\n", encoding="utf-8")
    assert _import(project, first) == 0 and _import(project, other) == 0
    segments = project.segments()
    assert list(segments.groupby("document").size().items()) == [
        ("umfrage_gruppe_a.csv", 3),
        ("umfrage_gruppe_b.csv", 5),
    ]
    assert len(_documents(project)) == 2


def test_dated_downloads_in_one_call_import_the_latest_only(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three dated downloads of one export in one call into a project without it: each was
    imported whole, 26 statements for 12 comments. Only the latest comes in; the earlier
    ones are named as its earlier downloads. Another file of the call stays its own."""
    files = [_polis(tmp_path / f"polis_2026-12-{d}.csv", n) for d, n in (("01", 6), ("08", 8))]
    files.append(_polis(tmp_path / "polis_2026-12-15.csv", 12))
    other = tmp_path / "umfrage_gruppe_a.csv"
    other.write_text("Antwort\nMehr Grün\nJa\nNein\n", encoding="utf-8")
    assert _import(project, *files, other) == 0
    out = capsys.readouterr().out
    assert out.count("ein früherer Download desselben Exports wie 'polis_2026-12-") == 2
    segments = project.segments()
    assert sorted(segments.loc[segments["document"] == "polis_2026-12-15.csv", "text"]) == sorted(
        WISHES
    )
    assert len(segments) == 15 and len(_documents(project)) == 2
