"""Excel's first line "sep=;" in a CSV file names the delimiter; it is no row (decision 013).

A team that opens a file in German Excel by double click writes "sep=;" (or "sep=,") as
its first line so Excel splits the columns; scripts and templates in city offices do the
same. Every CSV reader of the workbench reads the line as Excel does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest.name_file import read_names, read_role_file
from workbench.synthesis.geo import read_mapping

CARDS = (
    "sep=;\r\nKarten-ID;Text;Sozialraum\r\nK1;Mehr Bänke;Manfort\r\nK2;Licht im Park;Manfort\r\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("cp1252"))
    return path


def test_a_table_with_excels_sep_line_has_its_header_below_it_not_a_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The import took "sep=;" for a title above the header and said so."""
    folder = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "import", str(_write(tmp_path / "k.csv", CARDS))]) == 0
    printed = capsys.readouterr().out
    assert "Titel der Tabelle" not in printed
    project = Project.open(folder)
    try:
        assert project.segments()["source_id"].tolist() == ["K1", "K2"]
    finally:
        project.close()


def test_codings_with_excels_sep_line_are_imported_and_errors_name_the_files_line(
    project: Project, tmp_path: Path
) -> None:
    """import_codings stopped: "es fehlt document, source_id, coder, code"."""
    project.import_files([_write(tmp_path / "k.csv", CARDS)])
    project.add_code("Bedarf")
    codings = "sep=;\r\ndocument;source_id;coder;code\r\nk.csv;K1;Jürgen;Bedarf\r\n"
    assert project.import_codings(_write(tmp_path / "kodierungen.csv", codings)) == 1
    wrong = codings + "k.csv;K2;Jürgen;Bedraf\r\n"  # line 4 of the file
    with pytest.raises(InputError, match=r"kodierungen2\.csv, Zeile 4: Code 'Bedraf'"):
        project.import_codings(_write(tmp_path / "kodierungen2.csv", wrong))


def test_roles_names_and_mappings_with_excels_sep_line(tmp_path: Path) -> None:
    """--roles gave "Person" the role "Rolle" (its header was the second row), --names
    put "sep=" on the list of names, and a mapping stopped: "erwartet zwei Spalten"."""
    roles = _write(tmp_path / "rollen.csv", "sep=;\r\nPerson;Rolle\r\nAnna Schmidt;Moderation\r\n")
    assert read_role_file(roles) == {"Anna Schmidt": "Moderation"}
    names = _write(tmp_path / "namen.csv", "sep=;\r\nName;E-Mail\r\nAnna Schmidt;a@b.de\r\n")
    assert read_names(names) == ["Anna Schmidt"]
    mapping = "sep=;\r\nDatei;Sozialraum\r\nmanfort.json;Manfort\r\n"
    assert read_mapping(mapping.encode("cp1252"), "zuordnung.csv") == {"manfort.json": "Manfort"}
