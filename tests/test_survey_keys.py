"""Keys in survey exports that lead to one respondent without naming them: never stored.

LimeSurvey's access code ("token", "Zugangsschlüssel", "Zugangscode", "Access code")
stands in its participant table beside name and e-mail and opens the survey again;
SoSci Survey's SERIAL is a serial mail's number, its address list holds the e-mail to it.
Typeform's "Network ID" is a hash of the respondent's IP address.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

NEED = "Was fehlt Ihnen in Ihrem Stadtteil?"
ANSWERS = [
    "Eine Ärztin im Stadtteil, der nächste Hausarzt ist in der Stadtmitte.",
    "Sichere Schulwege, an der Kreuzung fehlt eine Ampel.",
]
CODES = ["xK3pQ9zT1mW7vB2", "aB7cD8eF9gH0iJ1"]


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


@pytest.mark.parametrize("header", ["Zugangsschlüssel", "Zugangscode", "Access code"])
def test_limesurveys_access_code_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    """Before: the access code of every response was stored as an attribute of its
    answers (and exported with them): with LimeSurvey's participant table it names the
    respondent."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Antwort-ID", "Datum Abgeschickt", header, "Stadtteil", NEED, "Alter"])
    sheet.append([1, "2024-03-01 10:05:00", CODES[0], "Manfort", ANSWERS[0], 72])
    sheet.append([2, "2024-03-02 10:05:00", CODES[1], "Opladen", ANSWERS[1], 34])
    book.save(path := tmp_path / "results-survey123456.xlsx")
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert f"Spalte(n) {header}: Zugangsschlüssel, die zu einer Person führen" in out
    stored = stored_text(project)
    assert not [code for code in CODES if code in stored]
    assert sorted(project.segments()["text"]) == sorted(ANSWERS)
    attributes = project.segments()["attributes"].tolist()
    assert all(a["Alter"] in (72, 34) and header not in a for a in attributes)


def test_limesurveys_token_column_with_question_codes_is_not_stored(
    project: Project, tmp_path: Path
) -> None:
    """Before: the export with question codes as headings kept ``token`` beside each answer."""
    path = tmp_path / "results-survey123456.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [
                ["id", "submitdate", "token", "G01Q01", "G01Q02"],
                ["1", "2024-03-01 10:05:00", CODES[0], "Manfort", ANSWERS[0]],
                ["2", "2024-03-02 10:05:00", CODES[1], "Opladen", ANSWERS[1]],
            ]
        )
    assert _import(project, path, "--text-column", "G01Q02") == 0
    stored = stored_text(project)
    assert not [code for code in CODES if code in stored]
    assert sorted(project.segments()["text"]) == sorted(ANSWERS)


def test_typeforms_network_id_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: Typeform's "Network ID" (a hash of the respondent's IP address, the same for
    every response from one connection) was stored beside each answer, unlike the IP
    address itself."""
    networks = ["1a2b3c4d5e", "6f7a8b9c0d"]
    path = tmp_path / "responses.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [
                ["#", NEED, "In welchem Stadtteil wohnen Sie?", "Submit Date (UTC)", "Network ID"],
                ["r1x9", ANSWERS[0], "Manfort", "2024-03-01 10:05:00", networks[0]],
                ["r2x9", ANSWERS[1], "Opladen", "2024-03-02 10:05:00", networks[1]],
            ]
        )
    assert _import(project, path) == 0
    assert "Spalte(n) Network ID: Kontaktdaten, nicht übernommen." in capsys.readouterr().out
    stored = stored_text(project)
    assert not [network for network in networks if network in stored]
    assert sorted(project.segments()["text"]) == sorted(ANSWERS)


def test_sosci_surveys_serial_number_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: SoSci Survey's SERIAL (the serial number of a serial mail's personal link;
    the survey's address list holds the e-mail beside it) was stored with each answer."""
    serials = ["S4JK83LM2P", "T9KL22QQ7Z"]
    labels = ["Interview-Nummer (fortlaufend)", "Seriennummer (sofern verwendet)"]
    rows = [
        ["CASE", "SERIAL", "QUESTNNR", "MODE", "STARTED", "SD01", "OF01_01"],
        [*labels, "Fragebogen", "Interview-Modus", "Beginn", "Stadtteil", f"{NEED}: [01]"],
        ["45", serials[0], "qnr1", "interview", "2024-03-01 10:00:00", "Manfort", ANSWERS[0]],
        ["46", serials[1], "qnr1", "interview", "2024-03-02 10:00:00", "Opladen", ANSWERS[1]],
    ]
    path = tmp_path / "data_stadtteil_2024-03-05.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter="\t").writerows(rows)
    assert _import(project, path) == 0
    assert "Spalte(n) SERIAL: Zugangsschlüssel" in capsys.readouterr().out
    stored = stored_text(project)
    assert not [serial for serial in serials if serial in stored]
    assert sorted(project.segments()["text"]) == sorted(ANSWERS)
    assert all(a["QUESTNNR"] == "qnr1" for a in project.segments()["attributes"])


def test_a_serial_column_outside_sosci_survey_stays(project: Project, tmp_path: Path) -> None:
    """A column "SERIAL" of another table (no SoSci questionnaire beside it) is kept."""
    path = tmp_path / "karten.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["SERIAL", "Text"], ["K-01", ANSWERS[0]], ["K-02", ANSWERS[1]]])
    assert _import(project, path, "--district", "Manfort") == 0
    assert sorted(a["SERIAL"] for a in project.segments()["attributes"]) == ["K-01", "K-02"]
