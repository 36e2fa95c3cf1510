"""`indicators --delete`: a wrong indicator value can be removed, not only overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.synthesis.indicators import indicators

VALUES = (
    "district,indicator,year,value,unit,source\n"
    "Gesamtstadt,SGB-II-Quote,2022,11.3,%,Amt\n"
    "Manfort,SGB-II-Quote,2021,13.9,%,Amt\n"
    "Manfort,SGB-II-Quote,2022,146,%,Amt\n"  # mistyped: 14,6
    "Wiesdorf,SGB-II-Qoute,2022,18.9,%,Amt\n"  # misspelt name
)


@pytest.fixture
def where(project: Project, tmp_path: Path) -> list[str]:
    values = tmp_path / "werte.csv"
    values.write_text(VALUES, encoding="utf-8")
    assert main(["--project", str(project.path), "indicators", "--import", str(values)]) == 0
    return ["--project", str(project.path), "indicators"]


def stored(project: Project) -> set[tuple[str, str, int]]:
    table = indicators(project)
    return set(zip(table["district"], table["indicator"], table["year"], strict=True))


def test_a_mistyped_value_is_deleted_and_named(
    project: Project, where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    command = [*where, "--delete", "SGB-II-Quote", "--district", "manfort", "--year", "2022"]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "Gelöscht: Manfort, SGB-II-Quote 2022: 146 % (aus werte.csv)" in out
    assert "1 Wert gelöscht." in out
    assert ("Manfort", "SGB-II-Quote", 2022) not in stored(project)
    assert ("Manfort", "SGB-II-Quote", 2021) in stored(project)  # the other year stays


def test_a_misspelt_indicator_goes_in_every_district(
    project: Project, where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*where, "--delete", "SGB-II-Qoute"]) == 0
    assert {i for _, i, _ in stored(project)} == {"SGB-II-Quote"}


def test_nothing_matching_deletes_nothing_and_says_what_there_is(
    project: Project, where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = stored(project)
    capsys.readouterr()
    assert (
        main([*where, "--delete", "SGB-II-Quote", "--district", "Manfort", "--year", "2020"]) == 2
    )
    err = capsys.readouterr().err
    assert "keinen Wert für 2020; gespeichert sind die Jahre 2021, 2022" in err
    assert main([*where, "--delete", "SGB2-Quote"]) == 2
    err = capsys.readouterr().err
    assert "Kein Indikator „SGB2-Quote“" in err and "Gemeint: „SGB-II-Quote“" in err
    assert main([*where, "--year", "2022"]) == 2  # --year alone would be ignored silently
    assert "Traceback" not in capsys.readouterr().err and stored(project) == before


def test_the_indicator_is_found_however_its_name_is_written(
    project: Project, where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The import reads "SGB II-Quote" as a stored "SGB-II-Quote"; --delete wanted the
    exact stored spelling and answered "Kein Indikator „sgb ii quote“"."""
    capsys.readouterr()
    command = [*where, "--delete", "sgb ii quote", "--district", "Manfort", "--year", "2022"]
    assert main(command) == 0
    assert "Gelöscht: Manfort, SGB-II-Quote 2022: 146 %" in capsys.readouterr().out
    assert ("Manfort", "SGB-II-Quote", 2022) not in stored(project)
    assert ("Manfort", "SGB-II-Quote", 2021) in stored(project)


def test_two_stored_spellings_of_one_name_are_not_guessed() -> None:
    """Stored under two spellings (older versions): the user picks one, the exact one counts."""
    from workbench.core.domain import InputError
    from workbench.synthesis.indicator_delete import stored_spelling

    both = {"SGB-II-Quote", "SGB II-Quote"}
    with pytest.raises(InputError, match="2 so geschriebene: „SGB II-Quote“, „SGB-II-Quote“"):
        stored_spelling("sgb ii quote", both)
    assert stored_spelling("SGB II-Quote", both) == "SGB II-Quote"
    assert stored_spelling("SGB2-Quote", both) == "SGB2-Quote"  # unknown: said as before
