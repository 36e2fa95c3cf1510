"""Backups of unusual shape: a code hierarchy thousands of levels deep restores (the rows
are put parents first without recursion), and a line whose text column holds a JSON
object or list stops the restore with a German message naming backup, member, line and
column, never the value."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table

from tests.test_backup_damaged import changed, first_row, good  # noqa: F401 (fixture)
from workbench.cli.main import main
from workbench.store.backup import _parents_first

DEPTH = 5_000


def test_a_code_hierarchy_thousands_of_levels_deep_is_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tief"
    assert main(["init", str(folder)]) == 0
    with sqlite3.connect(folder / "werkbank.sqlite") as db:
        # each code's parent comes after it in the backup (ids count up from the leaf)
        db.executemany(
            "INSERT INTO codes (id, path, name, parent_id, description, example, codable, guid)"
            " VALUES (?, ?, ?, ?, '', '', 1, ?)",
            [
                (i, f"Ebene {i}", f"Ebene {i}", i + 1 if i < DEPTH else None, f"guid-{i}")
                for i in range(1, DEPTH + 1)
            ],
        )
    assert main(["--project", str(folder), "backup", str(tmp_path / "tief.zip")]) == 0
    target = tmp_path / "ziel"
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "tief.zip"), str(target)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    with sqlite3.connect(target / "werkbank.sqlite") as db:
        parents = dict(db.execute("SELECT id, parent_id FROM codes"))
    assert parents == {i: (i + 1 if i < DEPTH else None) for i in range(1, DEPTH + 1)}


def test_parents_come_first_in_the_order_they_always_had() -> None:
    table = Table(
        "codes",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("parent_id", Integer, ForeignKey("codes.id")),
    )
    rows = [{"id": 3, "parent_id": 5}, {"id": 5, "parent_id": 1}, {"id": 1, "parent_id": None}]
    rows += [{"id": 4, "parent_id": 3}, {"id": 2, "parent_id": 2}, {"id": 6, "parent_id": 99}]
    order = [row["id"] for row in _parents_first(table, rows)]
    assert order == [1, 5, 3, 4, 2, 6]
    rng = random.Random(7)
    for _ in range(200):
        ids = rng.sample(range(1, 60), rng.randint(1, 30))
        forest = [{"id": k, "parent_id": rng.choice([None, *ids[:i]])} for i, k in enumerate(ids)]
        rng.shuffle(forest)
        placed = [row["id"] for row in _parents_first(table, forest)]
        assert sorted(placed) == sorted(ids)
        position = {k: i for i, k in enumerate(placed)}
        assert all(position[r["parent_id"]] < position[r["id"]] for r in forest if r["parent_id"])


@pytest.mark.parametrize(
    ("member", "column", "value"),
    [
        ("tables/codes.jsonl", "description", {"Notiz": "Kaya Yilmaz"}),
        ("tables/codes.jsonl", "name", ["Kaya Yilmaz"]),
        ("tables/memos.jsonl", "text", {"Kaya Yilmaz": 1}),
    ],
)
def test_a_text_column_holding_an_object_or_list_is_named_without_its_value(
    member: str,
    column: str,
    value: object,
    good: Path,  # noqa: F811 (fixture)
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = changed(good, tmp_path / "objekt.zip", member, first_row(lambda r: {**r, column: value}))
    target = tmp_path / "ziel"
    assert main(["restore", str(bad), str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler:") and "Traceback" not in err
    assert bad.name in err and member in err and "Zeile 1" in err and f"Spalte {column}" in err
    assert "Kaya" not in err and json.dumps(value) not in err
    assert not target.exists()
