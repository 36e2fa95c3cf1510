"""Tables a city team exports, edits in a spreadsheet program and imports again (decision 013).

German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252 with ";" and CRLF, "CSV
UTF-8" with a byte order mark; LibreOffice, Numbers and Google Sheets write ",". Every file
here is written the way those programs write it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

CARDS = (
    "Karten-ID,Text,Sozialraum\n"
    "1,- mehr Bänke am Markt,Manfort\n"
    '2,"=HYPERLINK(""http://x"";""klick"")",Manfort\n'
    "3,+ Treffpunkt für Jugendliche,Manfort\n"
)
TEXTS = [
    "- mehr Bänke am Markt",
    '=HYPERLINK("http://x";"klick")',
    "+ Treffpunkt für Jugendliche",
]


def _texts(path: Path) -> list[str]:
    project = Project.open(path)
    try:
        return project.segments()["text"].tolist()
    finally:
        project.close()


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_an_exported_table_comes_back_without_the_formula_guard(
    tmp_path: Path, form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export puts ' before a card that starts like a formula ("- mehr Bänke"), so
    Excel runs nothing; importing the export again stored "'- mehr Bänke" as the text."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    first, second = tmp_path / "erst", tmp_path / "wieder"
    for folder in (first, second):
        assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    assert main(["--project", str(first), "import", str(cards), "--id-column", "Karten-ID"]) == 0
    assert _texts(first) == TEXTS
    out = tmp_path / f"export.{form}"
    assert main(["--project", str(first), "export", "--format", form, str(out)]) == 0
    assert main(["--project", str(second), "import", str(out), "--id-column", "source_id"]) == 0
    assert _texts(second) == TEXTS


def test_an_export_saved_again_by_german_excel_comes_back_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel shows the guard as text and saves it in Windows-1252 with ";" and CRLF (a
    leading ' is what a person types in Excel to keep "- mehr Bänke" from being a formula)."""
    saved = tmp_path / "export.csv"
    saved.write_bytes(
        (
            "segment_id;source_id;district;text\r\n"
            "1;1;Manfort;'- mehr Bänke am Markt\r\n"
            '2;2;Manfort;"\'=HYPERLINK(""http://x"";""klick"")"\r\n'
            "3;3;Manfort;'+ Treffpunkt für Jugendliche\r\n"
        ).encode("cp1252")
    )
    folder = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    assert main(["--project", str(folder), "import", str(saved), "--id-column", "source_id"]) == 0
    assert _texts(folder) == TEXTS
