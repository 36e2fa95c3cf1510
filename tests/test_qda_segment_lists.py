"""Table exports of QDA programs as written by their English interfaces: ATLAS.ti's
quotation list (Excel) and MAXQDA's list of coded segments."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from workbench import Project
from workbench.cli.main import main


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_atlas_quotation_list_keeps_each_code_of_a_cell_and_its_levels(
    project: Project, tmp_path: Path
) -> None:
    """ATLAS.ti lists a quotation's codes one per line in its "Codes" cell and names a
    code's levels "Bedarf::Wohnen"."""
    path = _xlsx(
        tmp_path / "quotations.xlsx",
        [
            ["ID", "Quotation Name", "Document", "Codes", "Quotation Content", "Created by"],
            ["1:1", "Mieten", "Begehung", "Bedarf::Wohnen\nBedarf", "Die Mieten steigen.", "A"],
            ["1:2", "Treff", "Begehung", "Ressource::Orte", "Der Jugendtreff hilft.", "A"],
            ["2:1", "Bus", "Forum", "Bedarf::Verkehr\r\nMobilität", "Der Bus fährt selten.", "A"],
        ],
    )
    argv = ["--project", str(project.path), "import", str(path), "--code-column", "Codes"]
    assert main([*argv, "--coder", "ATLAS"]) == 0
    assert sorted(project.codes()["path"]) == [
        "Bedarf",
        "Bedarf/Verkehr",
        "Bedarf/Wohnen",
        "Mobilität",
        "Ressource",
        "Ressource/Orte",
    ]
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("1:1", "Bedarf"),
        ("1:1", "Bedarf/Wohnen"),
        ("1:2", "Ressource/Orte"),
        ("2:1", "Bedarf/Verkehr"),
        ("2:1", "Mobilität"),
    ]
