"""Survey answers as a researcher finds them again: IDs by spreadsheet row, answers that say
nothing and missing values in the other columns are no content."""

from __future__ import annotations

import csv
import doctest
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import table_missing

NEED = "Was fehlt Ihnen im Stadtteil?"
NOTE = "Anmerkungen?"


def _csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _by_id(project: Project) -> dict[str, str]:
    segments = project.segments()
    return dict(zip(segments["source_id"], segments["text"], strict=True))


def test_a_line_break_in_an_answer_does_not_shift_the_ids_of_the_rows_below(
    project: Project, tmp_path: Path
) -> None:
    """A quoted answer over two lines gave the next respondent's answer the ID "4" (the file's
    line); the spreadsheet shows it in row 3, where the researcher looks for it."""
    rows = [
        ["Zeitstempel", NEED],
        ["2021-03-01 10:00", "Ein Treffpunkt für Familien.\nUnd mehr Grün."],
        ["2021-03-01 11:00", "Bessere Busverbindungen am Abend."],
        ["2021-03-01 12:00", "Mehr Bänke am Markt."],
    ]
    assert _import(project, _csv(tmp_path / "umfrage.csv", rows, ";")) == 0
    assert _by_id(project) == {
        "2": "Ein Treffpunkt für Familien.\nUnd mehr Grün.",
        "3": "Bessere Busverbindungen am Abend.",
        "4": "Mehr Bänke am Markt.",
    }


def test_a_doubled_id_is_named_by_its_spreadsheet_row(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = [["Nr", "Text"], ["A", "Erste Zeile\nzweite Zeile"], ["A", "Noch eine Karte"]]
    assert _import(project, _csv(tmp_path / "karten.csv", table), "--id-column", "Nr") == 2
    assert "Zeile 3: ID 'A' kommt doppelt vor (zuerst in Zeile 2)" in capsys.readouterr().err


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(table_missing).failed == 0


def test_no_to_a_request_for_remarks_is_no_statement(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Nein", "keine" or "Nein, danke." under "Anmerkungen?" were stored as statements (and
    "-" beside another answer vanished without a word): they say there is nothing to add.
    "keine" to another question is an answer and stays."""
    rows = [
        ["Zeitstempel", NEED, NOTE],
        ["2021-03-01 10:00", "Ein Treffpunkt für Familien.", "Nein"],
        ["2021-03-01 11:00", "Bessere Busverbindungen.", "keine"],
        ["2021-03-01 12:00", "Mehr Bänke am Markt.", "-"],
        ["2021-03-01 13:00", "keine", "Nein, danke!"],
        ["2021-03-01 14:00", "Ein Jugendzentrum.", "Nein, der Bus fährt zu selten."],
    ]
    assert _import(project, _csv(tmp_path / "umfrage.csv", rows)) == 0
    out = capsys.readouterr().out
    assert "4 Antworten wie '-', 'k. A.' oder auf eine Bitte um Ergänzungen 'Nein'" in out
    assert "('Anmerkungen?') wie leere übersprungen" in out
    assert _by_id(project) == {
        "2.1": "Ein Treffpunkt für Familien.",
        "3.1": "Bessere Busverbindungen.",
        "4.1": "Mehr Bänke am Markt.",
        "5.1": "keine",
        "6.1": "Ein Jugendzentrum.",
        "6.2": "Nein, der Bus fährt zu selten.",
    }


def test_limesurveys_na_is_a_missing_value_not_an_attribute(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LimeSurvey writes "N/A" for a question not answered: it stayed as "Alter: N/A", an
    age group of its own in every table by attribute. A number stays a value."""
    rows = [
        ["Antwort ID", "Alter", "Saldo", NEED],
        ["1", "35-49", "-9", "Ein Treffpunkt für Familien."],
        ["2", "N/A", "3", "Bessere Busverbindungen."],
        ["3", "k. A.", "N/A", "Mehr Bänke am Markt."],
    ]
    assert _import(project, _csv(tmp_path / "limesurvey.csv", rows, ";")) == 0
    out = capsys.readouterr().out
    assert "3 Zellen mit 'N/A', 'k. A.' o. Ä. in 'Alter', 'Saldo' als fehlender Wert" in out
    attributes = project.segments()["attributes"].tolist()
    assert [a.get("Alter") for a in attributes] == ["35-49", None, None]
    assert [a.get("Saldo") for a in attributes] == [-9, 3, None]


def test_a_remark_among_many_noes_is_found_as_an_open_question(
    project: Project, tmp_path: Path
) -> None:
    """Most respondents answered "Anmerkungen?" with "Nein" or "keine": the column read as
    a choice of repeated options, stayed an attribute, and the one real remark was no
    statement."""
    noes = ["Nein", "keine", "Nein", "nein danke", "Nein", "keine", "Nein"]
    rows = [["Zeitstempel", NEED, "Haben Sie noch Anmerkungen?"]]
    rows += [[f"2021-03-0{n + 1} 10:00", f"Bedarf {n + 1}", no] for n, no in enumerate(noes)]
    rows.append(["2021-03-09 10:00", "Bedarf 8", "Ja: der Spielplatz braucht neue Geräte."])
    assert _import(project, _csv(tmp_path / "umfrage.csv", rows)) == 0
    assert _by_id(project)["9.2"] == "Ja: der Spielplatz braucht neue Geräte."
    assert not any("Haben Sie noch Anmerkungen?" in a for a in project.segments()["attributes"])


def test_minus_on_a_scale_of_signs_stays_an_answer(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a rating scale "--" … "++" the answers "--" and "-" (the dissatisfied) were read
    as missing values and dropped, while "+" and "++" stayed: the ratings looked better
    than they were. "N/A" in the age column is still missing."""
    scale = "Wie zufrieden sind Sie mit dem Spielplatz?"
    rows = [
        ["ID", "Alter", scale, NEED],
        ["1", "18-29", "--", "Mehr Bänke."],
        ["2", "30-49", "-", "Ein Jugendzentrum."],
        ["3", "50-64", "+", "Busse am Abend."],
        ["4", "N/A", "++", "Mehr Licht."],
    ]
    assert _import(project, _csv(tmp_path / "umfrage.csv", rows)) == 0
    attributes = project.segments()["attributes"].tolist()
    assert [a.get(scale) for a in attributes] == ["--", "-", "+", "++"]
    assert [a.get("Alter") for a in attributes] == ["18-29", "30-49", "50-64", None]
    assert (
        "1 Zelle mit 'N/A', 'k. A.' o. Ä. in 'Alter' als fehlender Wert" in capsys.readouterr().out
    )
