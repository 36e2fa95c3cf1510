"""Codes that recognise a respondent across surveys are never stored: a self-generated
participant code ("MUEL1203": the mother's initials and a birthday …), SoSci Survey's
``REF`` (the reference of the invitation link) and Qualtrics' ``ExternalReference``.
They are built from the person or lead to them; the import names the column only."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

NEED = "Was fehlt Ihnen in Ihrem Stadtteil?"
ANSWERS = [
    "Eine Ärztin im Stadtteil, der nächste Hausarzt ist in der Stadtmitte.",
    "Sichere Schulwege, an der Kreuzung fehlt eine Ampel.",
]
CODES = ["MUEL1203", "SCHM0511"]
NOTICE = "Codes, die eine befragte Person wiedererkennen lassen"


def _import(project: Project, rows: list[list[str]], tmp_path: Path, delimiter: str = ",") -> str:
    path = tmp_path / "umfrage.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    return path.name


@pytest.mark.parametrize(
    "header", ["Teilnehmercode", "Persönlicher Code", "Pseudonym-Code", "Ihr persönlicher Code"]
)
def test_a_self_generated_code_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    """Before: the code stood beside every answer as an attribute (and in every export)."""
    rows = [["Zeitstempel", header, "Stadtteil", NEED, "Alter"]]
    rows += [["2026/11/02", CODES[i], "Manfort", ANSWERS[i], str(30 + i)] for i in range(2)]
    _import(project, rows, tmp_path)
    assert f"Spalte(n) {header}: {NOTICE}" in capsys.readouterr().out
    assert not [code for code in CODES if code in stored_text(project)]
    attributes = project.segments()["attributes"].tolist()
    assert [a["Alter"] for a in attributes] == [30, 31] and all(header not in a for a in attributes)


def test_sosci_surveys_reference_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SoSci Survey's ``REF`` holds what the invitation link carried (here an address's
    name part): before, it was stored beside every answer."""
    header = ["CASE", "SERIAL", "REF", "QUESTNNR", "MODE", "STARTED", "OF01_01"]
    labels = ["Interview-Nummer (fortlaufend)", "Seriennummer (sofern verwendet)"]
    labels += ["Referenz (sofern im Link angegeben)", "Fragebogen, der verwendet wurde"]
    labels += ["Interview-Modus", "Zeitpunkt des Beginns", f"{NEED}: [01]"]
    refs = ["anna.weber", "hk-2207"]
    rows = [header, labels]
    rows += [
        [str(31 + i), "", refs[i], "base", "interview", "2026-11-02", ANSWERS[i]] for i in (0, 1)
    ]
    _import(project, rows, tmp_path, delimiter="\t")
    assert f"Spalte(n) REF: {NOTICE}" in capsys.readouterr().out
    assert not [ref for ref in refs if ref in stored_text(project)]
    assert sorted(project.segments()["text"]) == sorted(ANSWERS)


def test_a_bare_code_column_stays(project: Project, tmp_path: Path) -> None:
    """A card wall's "Code" (its category) is no respondent's code."""
    rows = [["Code", "Text"], ["B1", ANSWERS[0]], ["B2", ANSWERS[1]]]
    _import(project, rows, tmp_path)
    assert [a.get("Code") for a in project.segments()["attributes"]] == ["B1", "B2"]
