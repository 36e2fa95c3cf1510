"""A Sozialraum name with line breaks or tabs (pasted from a table cell, typed on two
lines) is the same name on one line for every command that takes one: ``init
--districts``, ``districts --add`` and ``--rename``, an import's district column, and a
``--district`` option naming it. Ends are stripped, each run of blanks inside is one space."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.cli.main import main

TYPED = ["Nord\nSüd", "Nord\r\nSüd", "Nord\tSüd", " Nord \n\t Süd \r\n", "Nord\u2028Süd"]


def _districts(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "werkbank.sqlite") as db:
        return sorted(n for (n,) in db.execute("SELECT name FROM districts WHERE NOT is_citywide"))


def _init(folder: Path, *districts: str) -> None:
    assert (
        main(["init", str(folder), *(["--districts", ",".join(districts)] if districts else [])])
        == 0
    )


@pytest.mark.parametrize("typed", TYPED)
def test_init_add_and_rename_store_the_name_on_one_line(typed: str, tmp_path: Path) -> None:
    _init(tmp_path / "init", typed, "Ost")
    assert _districts(tmp_path / "init") == ["Nord Süd", "Ost"]
    _init(tmp_path / "add")
    assert main(["--project", str(tmp_path / "add"), "districts", "--add", typed]) == 0
    assert _districts(tmp_path / "add") == ["Nord Süd"]
    _init(tmp_path / "rename", "Ost")
    assert main(["--project", str(tmp_path / "rename"), "districts", "--rename", "Ost", typed]) == 0
    assert _districts(tmp_path / "rename") == ["Nord Süd"]


@pytest.mark.parametrize("typed", TYPED)
def test_an_import_column_and_an_option_name_the_same_district(typed: str, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    _init(folder, "Nord Süd")
    table = tmp_path / "karten.csv"
    cell = typed.replace('"', '""')
    table.write_text(f'ID;Text;Sozialraum\nK1;Mehr Bänke am Platz;"{cell}"\n', encoding="utf-8")
    argv = ["--project", str(folder), "import", str(table), "--text-column", "Text"]
    assert main([*argv, "--district-column", "Sozialraum"]) == 0
    other = tmp_path / "protokoll.md"
    other.write_text("# Workshop\n\n- Ein Spielplatz fehlt.\n", encoding="utf-8")
    assert main(["--project", str(folder), "import", str(other), "--district", typed]) == 0
    assert _districts(folder) == ["Nord Süd"]  # no second district "Nord\nSüd"
    with sqlite3.connect(folder / "werkbank.sqlite") as db:
        stored = db.execute(
            "SELECT d.name, count(*) FROM segments s JOIN districts d ON d.id = s.district_id"
            " GROUP BY d.name"
        ).fetchall()
    assert stored == [("Nord Süd", 2)]


def test_a_name_typed_on_two_lines_beside_the_same_on_one_is_no_second_district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _init(tmp_path / "p", "Nord Süd")
    assert main(["--project", str(tmp_path / "p"), "districts", "--add", "nord\nsüd"]) == 2
    assert "gibt es schon als 'Nord Süd'" in capsys.readouterr().err
    assert _districts(tmp_path / "p") == ["Nord Süd"]
