"""The ``--names`` file as a team keeps it: a list of participants from Excel or LibreOffice.

German Excel saves a sheet ``Nachname | Vorname | Organisation`` as CSV with ";" (in
Windows-1252) and keeps rows of empty cells (";;;"); each line used to be one "name"
("Zabelberg;Quirin;Bürgerverein") that matched no one, and the person stayed in the text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.spreadsheet import write_xlsx
from workbench.ingest.name_file import read_names

PROTOCOL = """# Quartiersworkshop Manfort

## Herausforderungen und Bedarfe

- Wir brauchen mehr Bänke, Quirin Zabelberg hat das schon oft gesagt.
- Der Spielplatz an der Ecke ist kaputt.
"""


def _write_list(folder: Path, form: str) -> Path:
    if form == "xlsx":
        path = folder / "teilnehmende.xlsx"
        table = pd.DataFrame({"Nachname": ["Zabelberg"], "Vorname": ["Quirin"], "E-Mail": [""]})
        write_xlsx(path, {"Teilnehmende": table})
        return path
    path = folder / "teilnehmende.csv"
    lines = {
        "excel": "Nachname;Vorname;Organisation\r\nZabelberg;Quirin;Bürgerverein\r\n;;\r\n",
        "column": "Name;;;\r\nQuirin Zabelberg;;;\r\n;;;\r\n",
        "tabs": "Vorname\tNachname\nQuirin\tZabelberg\n",
        "quoted": 'Name\n"Zabelberg, Quirin"\n',  # Google Sheets, Numbers
    }[form]
    path.write_bytes(lines.encode("cp1252"))
    return path


@pytest.mark.parametrize("form", ["excel", "column", "tabs", "quoted", "xlsx"])
def test_a_participant_list_from_a_spreadsheet_pseudonymises_its_people(
    project: Project, tmp_path: Path, form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    protocol = tmp_path / "manfort.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    names = _write_list(tmp_path, form)
    where = ["--project", str(project.path), "import", str(protocol)]
    assert main([*where, "--district", "Manfort", "--names", str(names)]) == 0
    texts = project.segments()["text"].tolist()
    assert texts[0] == "Wir brauchen mehr Bänke, [Person 1] hat das schon oft gesagt."
    assert not any("Zabelberg" in t or "Quirin" in t for t in texts)


def test_a_list_with_columns_but_no_header_stops_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Which cell is the name is unknown: a clear message, nothing imported."""
    protocol = tmp_path / "manfort.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    names = tmp_path / "liste.csv"
    names.write_bytes("Zabelberg;Quirin;Bürgerverein\r\n".encode("cp1252"))
    where = ["--project", str(project.path), "import", str(protocol), "--district", "Manfort"]
    assert main([*where, "--names", str(names)]) == 2
    err = capsys.readouterr().err
    assert "liste.csv, Zeile 1: Die Namensliste hat mehrere Spalten" in err
    assert "Zabelberg" not in err and "Traceback" not in err
    assert project.segments().empty


def test_one_person_a_line_stays_as_it_was(tmp_path: Path) -> None:
    """A comma is part of a name ("Schmidt, Anna"); trailing commas, quotes around a cell
    and a header go."""
    names = tmp_path / "namen.txt"
    names.write_text(
        'Name\nSchmidt, Anna\nJonas Becker,,\n\n"de Vries, Jan"\n', encoding="utf-8"
    )  # Google Sheets and Numbers quote a cell with a comma
    assert read_names(names) == ["Schmidt, Anna", "Jonas Becker", "de Vries, Jan"]


VTT = """WEBVTT

00:00:01.000 --> 00:00:03.500
<v Quirin Zabelberg>Willkommen zum Workshop im Quartier.</v>

00:00:03.600 --> 00:00:05.000
<v Ben Müller>Das Jugendzentrum fehlt uns.</v>
"""


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_roles_kept_in_a_spreadsheet_are_read(
    project: Project, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--roles rollen.xlsx stopped with "enthält Nullbytes; … beschädigt"."""
    transcript = tmp_path / "besprechung.vtt"
    transcript.write_text(VTT, encoding="utf-8")
    roles = tmp_path / f"rollen.{suffix}"
    table = pd.DataFrame({"Person": ["Zabelberg, Quirin", "Ben Müller"],
                          "Rolle": ["Moderation", "Jugendhilfe"]})  # fmt: skip
    if suffix == "xlsx":
        write_xlsx(roles, {"Rollen": table})
    else:
        table.to_excel(roles, index=False, engine="odf")
    where = ["--project", str(project.path), "import", str(transcript), "--district", "Manfort"]
    assert main([*where, "--roles", str(roles)]) == 0
    assert project.segments()["speaker_role"].tolist() == ["Moderation", "Jugendhilfe"]


def test_a_list_saved_with_commas_is_read_by_its_header(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice's and Google Sheets' CSV has "," between the cells: each line was one
    "name" ("Zabelberg,Quirin,Bürgerverein"), which matched no one, and the person stayed
    in the stored text by name."""
    protocol = tmp_path / "manfort.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    names = tmp_path / "teilnehmende.csv"
    names.write_text("Nachname,Vorname,Organisation\nZabelberg,Quirin,Bürgerverein\n")
    where = ["--project", str(project.path), "import", str(protocol), "--district", "Manfort"]
    assert main([*where, "--names", str(names)]) == 0
    texts = project.segments()["text"].tolist()
    assert texts[0] == "Wir brauchen mehr Bänke, [Person 1] hat das schon oft gesagt."
    one_a_line = tmp_path / "namen.csv"  # no header: a comma stays part of the name
    one_a_line.write_text("Schmidt, Anna\nBecker, Jonas\n", encoding="utf-8")
    assert read_names(one_a_line) == ["Schmidt, Anna", "Becker, Jonas"]


def test_name_beside_vorname_is_the_surname(tmp_path: Path) -> None:
    """German lists "Name | Vorname": the two columns are one person, not two (the text's
    "Quirin Zabelberg" became "[Person 2] [Person 1]", two people of the key)."""
    names = tmp_path / "teilnehmende.csv"
    names.write_bytes("Name;Vorname;Organisation\r\nZabelberg;Quirin;AWO\r\n".encode("cp1252"))
    assert read_names(names) == ["Quirin Zabelberg"]
    whole = tmp_path / "ganze.csv"  # a column of whole names beside others stays as it was
    whole.write_bytes("Name;Organisation\r\nQuirin Zabelberg;AWO\r\n".encode("cp1252"))
    assert read_names(whole) == ["Quirin Zabelberg"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_title_above_the_header_is_passed_over(tmp_path: Path, suffix: str) -> None:
    """A participant list with its title in the first row ("Teilnehmende Workshop Manfort")
    stopped the import: "die erste Zeile braucht Spaltenköpfe"."""
    rows = [["Teilnehmende Workshop Manfort", "", ""], ["Nachname", "Vorname", "Organisation"],
            ["Zabelberg", "Quirin", "AWO"]]  # fmt: skip
    path = tmp_path / f"teilnehmende.{suffix}"
    if suffix == "csv":
        path.write_bytes("".join(";".join(r) + "\r\n" for r in rows).encode("cp1252"))
    else:
        write_xlsx(path, {"Liste": pd.DataFrame(rows[1:], columns=rows[0])})
    assert read_names(path) == ["Quirin Zabelberg"]
