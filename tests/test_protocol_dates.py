"""A protocol's date as people write it: two-digit years, a month without a day, a weekend
workshop's two weekdays, a date only in the title or file name, a date in the future."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import docx
import pandas as pd
import pytest

from workbench import InputError, Project
from workbench.cli.main import main
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
    year = date.today().year + 1  # read once: two calls may fall either side of New Year
    next_year = f"1.1.{year % 100:02d}"  # next year's workshop plan: 20xx
    assert normalise_date(next_year, "p.docx") == f"{year}-01-01"


def test_a_two_digit_year_a_little_ahead_is_named_as_future_not_read_as_last_century(
    project: Project, tmp_path: Path
) -> None:
    """ "Datum: 3.3.28" (a typo for 2026, or a planned date) was stored as 1928 without a
    word; read as 2028 like %y does, the import names it as a date in the future."""
    ahead = (date.today().year + 2) % 100
    path = _protocol(
        tmp_path, "protokoll.txt", f"Stadtteilworkshop Manfort\nDatum: 3.3.{ahead:02d}"
    )
    result = project.import_files([path])[0]
    assert list(project.workshops()["date"]) == [f"{2000 + ahead}-03-03"]
    assert any("liegt in der Zukunft" in n for n in result.notices)


def test_a_protocol_dated_in_the_future_is_named(project: Project, tmp_path: Path) -> None:
    """A protocol records what happened: "3.3.2031" for 2021 is a typo to point out."""
    later = date.today() + timedelta(days=400)
    head = f"Stadtteilworkshop Manfort\nDatum: {later:%d.%m.%Y}"
    result = project.import_files([_protocol(tmp_path, "protokoll.txt", head)])[0]
    assert f"Datum {later:%d.%m.%Y} liegt in der Zukunft: bitte das Datum prüfen" in " ".join(
        result.notices
    )


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


def test_a_protocol_without_datum_takes_the_date_of_its_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "2021-03-03_Manfort.docx" had no date as a workshop: out of every wave by date."""
    folder = tmp_path / "in"
    folder.mkdir()
    document = docx.Document()
    document.add_heading("Stadtteilworkshop Manfort", 1)
    document.add_paragraph("Sozialraum: Manfort")
    document.add_heading("Was fehlt im Stadtteil?", 2)
    document.add_paragraph("Bänke am Markt", style="List Bullet")
    document.save(folder / "2021-03-03_Manfort.docx")
    _protocol(folder, "Protokoll_Opladen_05.03.2021.md", "# Stadtteilworkshop Opladen")
    _protocol(folder, "runde.md", "# Stadtteilkonferenz 12. März 2021")
    _protocol(folder, "2021-03-01_alt.md", "# Runde\nDatum: 2.3.2021")  # "Datum:" goes first
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort,Opladen", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Datum 03.03.2021: aus dem Dateinamen erkannt" in out
    assert "Datum 05.03.2021: aus dem Dateinamen erkannt" in out
    assert "Datum 12.03.2021: aus dem Titel erkannt" in out
    assert "01.03.2021" not in out
    with Project.open(project_dir) as project:
        dates = dict(zip(*(project.workshops()[c] for c in ("workshop", "date")), strict=True))
    assert dates == {  # named after the event their title names (no "Workshop:")
        "Stadtteilworkshop Manfort": "2021-03-03",
        "Stadtteilworkshop Opladen": "2021-03-05",
        "Stadtteilkonferenz 12. März 2021": "2021-03-12",
        "2021-03-01_alt": "2021-03-02",
    }


def test_a_month_without_its_day_in_a_protocol_stops_with_the_file_named(tmp_path: Path) -> None:
    path = _protocol(tmp_path, "protokoll.txt", "Stadtteilworkshop Manfort\nDatum: März 2021")
    with pytest.raises(InputError, match=r"protokoll.txt.*'März 2021' nennt keinen Tag"):
        parse_file(path)


@pytest.mark.parametrize("value", ["unbekannt, das Protokoll wurde nachgetragen", "k. A.", "–"])
def test_a_date_the_protocol_does_not_know_imports_without_a_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """ "Datum: unbekannt, …" under a heading of details stopped the whole import with "Datum
    nicht erkannt"; an unknown date is no typing error: the workshop has none (or the file
    name's), the line is no statement, the statements are kept."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "protokoll.md").write_text(
        "# Stadtteilworkshop Manfort\n\n## Rahmendaten\n\n"
        f"Datum: {value}\n\nSozialraum: Manfort\n\n## {BODY.lstrip()}",
        encoding="utf-8",
    )
    document = docx.Document()
    document.add_heading("Stadtteilworkshop Opladen", 1)
    document.add_paragraph(f"Datum: {value}")
    document.add_paragraph("Sozialraum: Opladen")
    document.add_heading("Was fehlt im Stadtteil?", 2)
    document.add_paragraph("Ein Treffpunkt für Jugendliche", style="List Bullet")
    document.save(folder / "2021-03-05_Opladen.docx")
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort,Opladen", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(folder)]) == 0
    assert "nicht erkannt" not in capsys.readouterr().err
    with Project.open(project_dir) as project:
        workshops = project.workshops().set_index("workshop")["date"]
        texts = sorted(project.segments()["text"])
    dates = {name: None if pd.isna(day) else day for name, day in workshops.items()}
    assert dates == {"Stadtteilworkshop Manfort": None, "Stadtteilworkshop Opladen": "2021-03-05"}
    assert texts == [
        "Bänke am Markt",
        "Ein Treffpunkt für Jugendliche",
        "Ein Treffpunkt für Jugendliche",
    ]


@pytest.mark.parametrize("value", ["– 12.03.2021", "- 12.03.2021"])
def test_a_dash_before_the_date_keeps_the_date(tmp_path: Path, value: str) -> None:
    """A dash typed before the date ("Datum: – 12.03.2021") was taken for "no date": the
    workshop lost its date without a word."""
    path = tmp_path / "protokoll.md"
    path.write_text(
        f"# Stadtteilworkshop Manfort\n\nDatum: {value}\n\n## Was fehlt?\n\n- Bänke\n",
        encoding="utf-8",
    )
    assert parse_file(path).date == "2021-03-12"
