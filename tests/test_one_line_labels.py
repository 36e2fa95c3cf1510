"""Workshop names, guiding questions, speaker roles and waves are stored on one line.

A card export's cell "Karten⏎Werkstatt" (a line break typed in Excel), a front matter's
workshop with an escape character, a file name with a tab read by ``--workshop {stem}`` or
a ``--wave`` with U+2028 were stored as written: every report, export and site then showed
the heading or cell over two lines (HTML ``<title>``, Markdown headings, CSV cells that
Excel opens as two rows). Now such a label is one line (as ``typed_name``); an ordinary
label stays as written. A code an older version stored with a line break in its name is
found by that spelling and by its one-line spelling.
"""

from __future__ import annotations

import csv
import doctest
from pathlib import Path

import pytest
from sqlalchemy import update

import workbench.core.typed_text
from workbench.cli.main import main
from workbench.project import Project
from workbench.store import Code

BREAKS = {
    "Zeilenumbruch": "\n",
    "Windows-Zeilenende": "\r\n",
    "Tabulator": "\t",
    "NEL": "\x85",
    "Zeilentrenner": "\u2028",
    "Escape": "\x1b",
}


def _cards(folder: Path, char: str) -> Path:
    path = folder / "karten.csv"
    rows = [
        ["Karten-ID", "Workshop", "Sozialraum", "Leitfrage", "Rolle", "Text"],
        ["K1", f"Karten{char}Werkstatt", "Manfort", f"Was{char}fehlt?", f"Jugend{char}arbeit",
         "Der Bolzplatz ist ein guter Ort für alle im Quartier."],
        ["K2", f"Karten{char}Werkstatt", "Manfort", f"Was{char}fehlt?", f"Jugend{char}arbeit",
         "Die Bücherei hat lange geöffnet und hilft beim Lernen."],
        ["K3", f"Karten{char}Werkstatt", "Manfort", f"Was{char}fehlt?", f"Jugend{char}arbeit",
         "Es fehlt ein Treffpunkt für Jugendliche am Abend."],
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def _imported(tmp_path: Path, char: str, *extra: str) -> Path:
    project = tmp_path / "p"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    cards = _cards(tmp_path, char)
    argv = ["--project", str(project), "import", str(cards), "--workshop-column", "Workshop"]
    argv += ["--question-column", "Leitfrage", "--role-column", "Rolle", *extra]
    assert main(argv) == 0
    return project


@pytest.mark.parametrize("char", BREAKS.values(), ids=BREAKS.keys())
def test_workshop_question_role_and_wave_from_a_file_are_one_line(
    char: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _imported(tmp_path, char, "--wave", f"Welle{char}2022")
    segments = Project.open(project).segments()
    seen = {*segments["workshop"], *segments["question"], *segments["speaker_role"]}
    joined = "" if char == "\x1b" else " "
    assert seen == {f"Karten{joined}Werkstatt", f"Was{joined}fehlt?", f"Jugend{joined}arbeit"}
    capsys.readouterr()
    assert main(["--project", str(project), "waves"]) == 0
    assert f"Welle{joined}2022" in capsys.readouterr().out
    report = tmp_path / "bericht.html"
    assert main(["--project", str(project), "report", str(report)]) == 0
    shown = report.read_text(encoding="utf-8")
    assert f"Karten{joined}Werkstatt" in shown
    assert not any(f"{label}{char}" in shown for label in ("Karten", "Was", "Jugend"))


@pytest.mark.parametrize("char", ["\n", "\t", "\u2028"])
def test_a_workshop_is_found_as_typed_with_its_line_break(
    char: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _imported(tmp_path, char)
    argv = ["--project", str(project), "waves", "--move", f"Karten{char}Werkstatt", "Welle 2"]
    assert main(argv) == 0, capsys.readouterr().err


def test_a_file_name_with_a_tab_gives_a_one_line_workshop(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    source = tmp_path / "in" / "Karten\tWerkstatt.csv"
    source.parent.mkdir()
    source.write_text(
        "Sozialraum;Text\nManfort;Der Bolzplatz ist ein guter Ort für alle im Quartier.\n",
        encoding="utf-8",
    )
    argv = ["--project", str(project), "import", str(source), "--workshop", "{stem}"]
    assert main(argv) == 0
    assert set(Project.open(project).segments()["workshop"]) == {"Karten Werkstatt"}


def test_an_ordinary_label_stays_as_written(tmp_path: Path) -> None:
    project = _imported(tmp_path, "  ")  # two blanks, as typed
    segments = Project.open(project).segments()
    assert set(segments["workshop"]) == {"Karten  Werkstatt"}
    assert set(segments["speaker_role"]) == {"Jugend  arbeit"}
    for label in ["Quartiersworkshop  Manfort", " Ressourcen ", "Wünsche 🏘️", "Kita\xa0Leitung"]:
        assert workbench.core.typed_text.line_label(label) == label


@pytest.fixture
def older_code(tmp_path: Path) -> Path:
    """A project whose code 'Bedarf/Neu⏎Zeile' an older version stored with its break."""
    project = _imported(tmp_path, " ")
    assert main(["--project", str(project), "codebook", "add", "Bedarf"]) == 0
    assert main(["--project", str(project), "codebook", "add", "Bedarf/Neu Zeile"]) == 0
    with Project.open(project).transaction() as session:
        session.execute(
            update(Code).where(Code.path == "Bedarf/Neu Zeile").values(path="Bedarf/Neu\nZeile")
        )
    return project


@pytest.mark.parametrize(
    "typed", ["Bedarf/Neu\nZeile", "Bedarf/Neu Zeile", " Bedarf / Neu \n Zeile"]
)
def test_a_code_stored_with_a_line_break_is_found_by_both_spellings(
    typed: str, older_code: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--project", str(older_code), "code", "1", typed, "--coder", "anna"]
    assert main(argv) == 0, capsys.readouterr().err
    codings = Project.open(older_code).codings()
    assert list(codings["code"]) == ["Bedarf/Neu\nZeile"]
    # and no twin: adding it again on one line says it is there
    assert main(["--project", str(older_code), "codebook", "add", "Bedarf/Neu Zeile"]) == 2
    assert "gibt es schon" in capsys.readouterr().err


def test_doctests() -> None:
    assert doctest.testmod(workbench.core.typed_text).failed == 0


def test_actors_status_and_cluster_names_are_one_line_without_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _imported(tmp_path, " ")
    p = ["--project", str(project)]
    assert main([*p, "recommend", "add", "Mehr Treffpunkte", "--actor", "Jugend\x1bamt"]) == 0
    argv = [*p, "recommend", "status", "1", "abgestimmt", "--date", "2022-01-01"]
    assert main([*argv, "--by", "Rat\x00haus", "--note", "Be\x1bschluss"]) == 0
    assert main([*p, "needs", "--backend", "tfidf", "--segments", "all", "--n-clusters", "1"]) == 0
    capsys.readouterr()
    assert main([*p, "cluster", "rename", "0", "--label", "Orte für\nJugendliche"]) == 0
    shown = tmp_path / "konzept.html"
    assert main([*p, "konzept", "--out", str(shown)]) == 0, capsys.readouterr().err
    text = shown.read_text(encoding="utf-8")
    assert "Jugendamt" in text and not any(c in text for c in "\x00\x1b")
    out = tmp_path / "zuordnung.csv"
    assert main([*p, "needs", "--backend", "tfidf", "--segments", "all", "--out", str(out)]) == 0
    history = Project.open(project)
    with history.session() as session:
        from workbench.store import NeedEdit

        labels = [e.payload.get("label") for e in session.query(NeedEdit)]
    assert labels == ["Orte für Jugendliche"]
