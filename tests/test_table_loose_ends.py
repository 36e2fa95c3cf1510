"""Table imports a review left loose: the error for a table without text column below a
title block, SoSci Survey's missing codes, file names that are first names."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def test_no_text_column_below_a_title_names_the_header_row_not_the_guiding_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet with a title block above its header and no known text column: the error
    named "Zeile 1" (the title) and offered the guiding question as --text-column."""
    book = openpyxl.Workbook()
    for row in (
        ["Kartenabfrage Workshop Manfort"],
        ["12.3.2021"],
        [],
        ["Leitfrage", "Karte", "Sozialraum"],
        ["Was fehlt im Stadtteil?", "Es fehlt ein Treffpunkt für junge Leute", "Manfort"],
        ["Was fehlt im Stadtteil?", "Am Markt gibt es zu wenig Bänke", "Manfort"],
        ["Was ist gut im Stadtteil?", "Die Bücherei ist ein guter Ort", "Manfort"],
    ):
        book.active.append(row)
    path = tmp_path / "kartenabfrage.xlsx"
    book.save(path)
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "kartenabfrage.xlsx, Zeile 4: Keine Textspalte" in err
    assert "--text-column 'Karte'" in err
    assert "--text-column 'Leitfrage'" not in err
    assert "Traceback" not in err
    assert project.segments().empty


_SOSCI_HEAD = ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED", "A102", "A103", "OF01_01"]
_SOSCI_LABELS = ["Interview-Nummer (fortlaufend)", "Seriennummer", "Referenz", "Fragebogen"]
_SOSCI_LABELS += ["Modus", "Zeitpunkt", "Alter: [01]", "Geschlecht", "Was fehlt Ihnen?: [01]"]


def _sosci_rows(labels: bool) -> str:
    rows = [
        ["31", "", "", "base", "interview", "2021-03-12 10:02", "34", "1", "Ein Treff am Markt"],
        ["32", "", "", "base", "interview", "2021-03-12 10:05", "-9", "-1", "Mehr Bänke am Rhein"],
        ["33", "", "", "base", "interview", "2021-03-12 10:07", "71", "2", "-1"],
        ["34", "", "", "base", "interview", "2021-03-12 10:09", "-1", "2", "-9"],
    ]
    lines = [_SOSCI_HEAD, *([_SOSCI_LABELS] if labels else []), *rows]
    return "\n".join("\t".join(line) for line in lines) + "\n"


def test_sosci_missing_codes_are_no_age_and_no_statement(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SoSci Survey codes "not answered" as -9 and "keine Angabe" as -1: they stayed as an
    age of -9 (A102) and a statement "-1"; now they are empty, in every column."""
    path = tmp_path / "sosci.csv"
    path.write_text(_sosci_rows(labels=True), encoding="utf-8")
    assert _import(project, path, "--text-column", "OF01_01") == 0
    assert "5 Zellen mit Fehlwert-Code von SoSci Survey" in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == ["Ein Treff am Markt", "Mehr Bänke am Rhein"]
    ages = [(a.get("A102"), a.get("A103")) for a in segments["attributes"]]
    assert ages == [(34, 1), (None, None)]


def test_minus_one_outside_a_sosci_export_stays(project: Project, tmp_path: Path) -> None:
    """Without SoSci's label row the file is not recognisably SoSci's: values stay."""
    path = tmp_path / "tabelle.csv"
    path.write_text(_sosci_rows(labels=False), encoding="utf-8")
    assert _import(project, path, "--text-column", "OF01_01") == 0
    segments = project.segments()
    assert segments["text"].tolist() == ["Ein Treff am Markt", "Mehr Bänke am Rhein", "-1"]
    assert [a.get("A102") for a in segments["attributes"]] == [34, -9, 71]


def test_a_file_named_with_one_lower_case_word_keeps_its_name(
    project: Project, tmp_path: Path
) -> None:
    """ "sep.csv" (September's cards) was stored as "[Person 1].csv" with the workshop
    "[Person 1]": read with a capital, "Sep" is a first name. A surname the file's texts
    name is still replaced, in a name of one word as in a longer one."""
    cards = tmp_path / "sep.csv"
    cards.write_text("Text\nEin Treff fehlt am Markt\n", encoding="utf-8")
    protocol = tmp_path / "Protokoll Kaczmarek Manfort.md"
    protocol.write_text(
        "---\nparticipants: Hannelore Kaczmarek\n---\n# Forum\n## Was fehlt?\n"
        "- Frau Kaczmarek: Es fehlt ein Treffpunkt.\n",
        encoding="utf-8",
    )
    named = tmp_path / "kaczmarek.csv"
    named.write_text("Text\nFrau Kaczmarek wünscht sich Bänke\n", encoding="utf-8")
    assert _import(project, cards) == 0
    assert _import(project, protocol) == 0
    assert _import(project, named) == 0
    segments = project.segments()
    assert segments["document"].tolist() == [
        "sep.csv",
        "Protokoll [Person 1] Manfort.md",
        "[Person 1].csv",
    ]
    assert segments["workshop"].tolist()[0] == "sep"
