"""A protocol's date as people write it: two-digit years, a month without a day, a weekend
workshop's two weekdays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench import InputError, Project
from workbench.ingest import parse_file
from workbench.ingest.common import normalise_date

BODY = "\nWas fehlt im Stadtteil?\n- Bänke am Markt\n- Ein Treffpunkt für Jugendliche\n"


def _protocol(folder: Path, name: str, head: str) -> Path:
    path = folder / name
    path.write_text(f"{head}\nSozialraum: Manfort\n{BODY}", encoding="utf-8")
    return path


def test_a_two_digit_year_of_the_last_century_is_not_a_workshop_in_2099(
    project: Project, tmp_path: Path
) -> None:
    """ "Datum: 3.3.99" was stored as 2099-03-03 without a word."""
    path = _protocol(tmp_path, "protokoll.txt", "Stadtteilworkshop Manfort\nDatum: 3.3.99")
    result = project.import_files([path])[0]
    assert list(project.workshops()["date"]) == ["1999-03-03"]
    assert not any("Zukunft" in n for n in result.notices)
    assert normalise_date("Mi., 3.3.21", "p.docx") == "2021-03-03"
    next_year = f"1.1.{(date.today().year + 1) % 100:02d}"  # next year's workshop plan: 20xx
    assert normalise_date(next_year, "p.docx") == f"{date.today().year + 1}-01-01"


@pytest.mark.parametrize("value", ["März 2021", "Mär. 2021", "03/2021", "2021-03"])
def test_a_month_without_its_day_says_what_to_write(value: str) -> None:
    with pytest.raises(InputError, match=r"nennt keinen Tag: bitte den Tag des Workshops"):
        normalise_date(value, "p.docx")


@pytest.mark.parametrize(
    "value",
    [
        "Sa./So., 3./4. März 2021",
        "Sa./So. 3./4.3.2021",
        "Sa., 3./So., 4. März 2021",
        "Samstag und Sonntag, 3. und 4. März 2021",
    ],
)
def test_a_weekend_workshop_with_both_weekdays_has_its_first_day(value: str) -> None:
    assert normalise_date(value, "p.docx") == "2021-03-03"


def test_a_month_without_its_day_in_a_protocol_stops_with_the_file_named(tmp_path: Path) -> None:
    path = _protocol(tmp_path, "protokoll.txt", "Stadtteilworkshop Manfort\nDatum: März 2021")
    with pytest.raises(InputError, match=r"protokoll.txt.*'März 2021' nennt keinen Tag"):
        parse_file(path)
