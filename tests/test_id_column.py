"""A contribution's ID column is found without --id-column (DIPAS' ``document_id``,
``Karten-ID``, ``comment-id``): quotes and evidence trails then cite the platform's ID
("Ott262") instead of a row number that changes with the next export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main

TEXTS = ["Mehr Radwege", "Tempo 30 vor der Schule", "Ein Café im Park"]


def _import(project: Project, path: Path, *args: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *args])


@pytest.mark.parametrize("header", ["document_id", "Karten-ID", "Beitrags-ID", "proposal_id"])
def test_a_contribution_id_column_is_the_statements_id(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    path = tmp_path / "beitraege.csv"
    pd.DataFrame({header: ["Ott262", "Ott263", "Ott301"], "text": TEXTS}).to_csv(path, index=False)
    assert _import(project, path) == 0
    assert f"Spalte '{header}' als ID erkannt." in capsys.readouterr().out
    assert project.segments()["source_id"].tolist() == ["Ott262", "Ott263", "Ott301"]


@pytest.mark.parametrize(
    "columns",
    [
        {"Karten-ID": ["K1", "K1", "K2"]},  # repeated: not an ID
        {"Karten-ID": ["K1", "", "K2"]},  # missing in a row
        {"Respondent ID": ["r1", "r2", "r3"]},  # a person's, not a contribution's
        {"id": ["1", "2", "3"]},  # too plain to tell whose
        {"document_id": ["a", "b", "c"], "Karten-ID": ["K1", "K2", "K3"]},  # two: which?
    ],
)
def test_other_columns_leave_the_row_numbers(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], columns: dict
) -> None:
    path = tmp_path / "beitraege.csv"
    pd.DataFrame({**columns, "Text": TEXTS}).to_csv(path, index=False)
    assert _import(project, path) == 0
    assert "als ID erkannt" not in capsys.readouterr().out
    assert project.segments()["source_id"].tolist() == ["2", "3", "4"]


def test_a_given_id_column_wins(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "beitraege.csv"
    pd.DataFrame({"Nr": ["n1", "n2", "n3"], "Karten-ID": ["K1", "K2", "K3"], "Text": TEXTS}).to_csv(
        path, index=False
    )
    assert _import(project, path, "--id-column", "Nr") == 0
    assert project.segments()["source_id"].tolist() == ["n1", "n2", "n3"]


@pytest.mark.parametrize("ids", [["1", "2", "", "4"], ["K11", "K12", "", "K14"]])
def test_a_given_id_column_with_an_empty_cell_stops_naming_its_row(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], ids: list[str]
) -> None:
    """Before: the row without ID took its row number as ID, mixed with the others' IDs —
    silently ("4" among "K11", "K12", "K14"), or, where the row number equalled the next
    row's ID, stopping with "ID '4' kommt doppelt vor" for an ID the file holds once."""
    path = tmp_path / "beitraege.csv"
    texts = [*TEXTS, "Mehr Bänke am Markt"]
    pd.DataFrame({"Karten-ID": ids, "Text": texts}).to_csv(path, index=False)
    assert _import(project, path, "--id-column", "Karten-ID") == 2
    err = capsys.readouterr().err
    assert "beitraege.csv, Zeile 4: Spalte 'Karten-ID' ist leer" in err
    assert "doppelt" not in err and "Traceback" not in err
    assert project.segments().empty


def test_a_card_added_without_its_id_stops_saying_to_enter_a_new_one(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-made card table stored by its "Karten-ID", imported again with a card added
    and its ID left empty: the stop names the row and says to enter an ID not yet given.
    Before, it spoke of a platform's download only ("den Export bitte unverändert neu
    herunterladen"), which a hand-made table has none of."""
    path = tmp_path / "karten.csv"
    pd.DataFrame({"Karten-ID": ["K1", "K2", "K3"], "Text": TEXTS}).to_csv(path, index=False)
    assert _import(project, path) == 0
    added = pd.DataFrame({"Karten-ID": ["K1", "K2", "K3", None], "Text": [*TEXTS, "Mehr Bänke"]})
    added.to_csv(path, index=False)
    capsys.readouterr()
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "karten.csv, Zeile 5: Spalte 'Karten-ID' ist leer." in err
    assert (
        "Die ID in dieser Zeile eintragen (in einer neuen Zeile eine noch nicht vergebene)" in err
    )
    assert "forget" not in err and "Traceback" not in err
    added.loc[3, "Karten-ID"] = "K4"
    added.to_csv(path, index=False)
    assert _import(project, path) == 0
    assert project.segments()["source_id"].tolist() == ["K1", "K2", "K3", "K4"]
