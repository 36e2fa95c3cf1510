"""Table imports a review left loose: the error for a table without text column below a
title block, SoSci Survey's missing codes, file names that are first names."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def test_no_text_column_below_a_title_names_the_header_row_not_the_guiding_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet with a title block above its header and no known text column: the error
    named "Zeile 1" (the title) and offered the guiding question as --text-column."""
    book = openpyxl.Workbook()
    for row in (
        ["Kartenabfrage Workshop Manfort"],
        ["12.3.2021"],
        [],
        ["Leitfrage", "Karte", "Sozialraum"],
        ["Was fehlt im Stadtteil?", "Es fehlt ein Treffpunkt für junge Leute", "Manfort"],
        ["Was fehlt im Stadtteil?", "Am Markt gibt es zu wenig Bänke", "Manfort"],
        ["Was ist gut im Stadtteil?", "Die Bücherei ist ein guter Ort", "Manfort"],
    ):
        book.active.append(row)
    path = tmp_path / "kartenabfrage.xlsx"
    book.save(path)
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "kartenabfrage.xlsx, Zeile 4: Keine Textspalte" in err
    assert "--text-column 'Karte'" in err
    assert "--text-column 'Leitfrage'" not in err
    assert "Traceback" not in err
    assert project.segments().empty
