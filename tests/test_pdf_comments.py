"""A Word protocol with comments, saved as PDF with its markup shown (Word's default while
comments are shown): the page's text on the left, a balloon per comment in a pane on the
right ("Kommentiert [BQ1]: Bitte prüfen, Herr Quast …"). A reviewer's remark is no
statement: before, it ran into the statement beside it, the reviewer's words and the
name of whom he mentions with it. The import says it left comments out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_pdf_borderless import _pieces_pdf
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

PANE = 400.0  # points: where Word's markup pane starts on an A4 page (595 wide)
LINES: list[list[tuple[float, str]]] = [
    [(40, "Stadtteilworkshop Manfort")],
    [(40, "Datum: 12.03.2021")],
    [(40, "Sozialraum: Manfort")],
    [],
    [(40, "Was fehlt im Quartier?")],
    [
        (40, "Die Jugendlichen wünschen sich einen Treffpunkt."),
        (PANE, "Kommentiert [BQ1]: Bitte prüfen, Herr"),
    ],
    [(PANE, "Quast hat das anders gesagt.")],
    [(40, "Mehr Bänke am Rhein."), (PANE, "Commented [AS2]: Quelle?")],
    [(40, "Kommentiert [1]: war im Text so getippt.")],
]


def _protocol(path: Path) -> Path:
    pieces = [(x, 800 - 14 * k, text) for k, line in enumerate(LINES) for x, text in line]
    path.write_bytes(_pieces_pdf(pieces))
    return path


def test_word_comment_balloons_in_a_pdf_are_no_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _protocol(tmp_path / "kommentare.pdf")
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Die Jugendlichen wünschen sich einen Treffpunkt.",
        "Mehr Bänke am Rhein.",
        "Kommentiert [1]: war im Text so getippt.",  # in the running text: a statement
    ]
    assert parsed.options == {"pages_with_comments": [1]}
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        pass
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Kommentare am Rand (Seite 1) nicht gelesen" in capsys.readouterr().out
    with Project.open(project.path) as opened:
        stored = stored_text(opened)
    assert "Quast" not in stored
    assert "Quelle?" not in stored
