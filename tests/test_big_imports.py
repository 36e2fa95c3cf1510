"""Big real-size imports: a survey of thousands of rows is read in time, nothing lost."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import event, select

from workbench import Project
from workbench.cli.main import main
from workbench.core import progress
from workbench.core.progress import MANY_STATEMENTS
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.store import Document, Segment
from workbench.store.erasure import forget

ROWS = 120
SCALE = ["Stimme zu", "Stimme eher zu", "Teils/teils", "Stimme eher nicht zu"]


def _survey(path: Path) -> Path:
    """A survey export: one open answer per row, answers of a scale repeating in every row."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Beitrag", "Zufriedenheit", "Altersgruppe", "Rückmeldung", "Wohnlage"])
        for i in range(ROWS):
            writer.writerow(
                [
                    f"Am Spielplatz Nummer {i} fehlen Bänke und Schatten für Familien.",
                    SCALE[i % 4],
                    ("18–25", "26–64", "65+")[i % 3],
                    "bitte über Frau Kaczmarek vom Quartiersbüro",
                    "Nähe Marktplatz",
                ]
            )
    return path


def test_a_value_repeated_in_every_row_is_read_once_and_replaced_in_every_row(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 30,000 rows of a survey took minutes: every attribute value of every row was run
    # through the name finder again, though a survey repeats its answers in every row.
    calls: list[str] = []
    detect = Pseudonymiser.detect

    def counted(self: Pseudonymiser, text: str, *args: object, **kwargs: object) -> list:
        calls.append(text)
        return detect(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pseudonymiser, "detect", counted)
    project.import_files([_survey(tmp_path / "umfrage.csv")], district="Manfort")
    repeated = [t for t in calls if t in SCALE or t == "Nähe Marktplatz"]
    # each value a fixed number of times, not once per row: read as a category and for the
    # known people it may name ("Team Becker": category_people), again after the key grew
    # by "Frau Kaczmarek"
    assert len(repeated) <= 4 * (len(SCALE) + 1) < ROWS
    segments = project.segments()
    assert len(segments) == ROWS
    for attributes in segments["attributes"]:
        assert attributes["Zufriedenheit"] in SCALE
        assert "Kaczmarek" not in attributes["Rückmeldung"]
        assert attributes["Rückmeldung"] == segments["attributes"].iloc[0]["Rückmeldung"]
    assert "[Person" in segments["attributes"].iloc[0]["Rückmeldung"]
    assert [a["Altersgruppe"] for a in segments["attributes"]][:3] == ["18–25", "26–64", "65+"]


def _cards(path: Path, rows: int) -> Path:
    """A card wall's export with ``rows`` cards."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Beitrag", "Farbe"])
        for i in range(rows):
            writer.writerow([f"Karte {i}: mehr Bänke am Markt.", ("gelb", "grün")[i % 2]])
    return path


@pytest.mark.parametrize("rows", [MANY_STATEMENTS, MANY_STATEMENTS - 1])
def test_a_big_import_shows_its_progress_on_a_terminal(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    rows: int,
) -> None:
    # An import of 30,000 survey rows ran minutes without a sign of life, though
    # embeddings and topics show a bar; a small import stays quiet.
    monkeypatch.setattr(progress, "progress_shown", lambda wanted=True: wanted)
    base = ["--project", str(project.path)]
    assert main([*base, "import", str(_cards(tmp_path / "karten.csv", rows))]) == 0
    captured = capsys.readouterr()
    assert f"{rows:,}".replace(",", ".") + " Aussagen importiert" in captured.out
    shown = "Texte pseudonymisieren" in captured.err and "Merkmale" in captured.err
    assert shown == (rows >= MANY_STATEMENTS)
    assert f"{rows}/{rows}" in captured.err or rows < MANY_STATEMENTS


def test_forgetting_a_statement_of_a_big_survey_moves_the_others_in_one_step(
    project: Project, tmp_path: Path
) -> None:
    # Forgetting one answer of a survey of 30,000 rows loaded each later statement of the
    # document (every one with its attributes) to move its offsets: 22 s and 950 MB.
    project.import_files([_cards(tmp_path / "karten.csv", 200)], district="Manfort")
    loaded: list[int] = []

    def count(target: Segment, context: object) -> None:
        loaded.append(target.id)

    event.listen(Segment, "load", count)
    try:
        forget(project, statements=(1,), actor="Test")
    finally:
        event.remove(Segment, "load", count)
    assert len(loaded) < 10  # the statement itself, not the 199 after it
    # the others still stand where their offsets say
    with project.session() as session:
        text = session.scalars(select(Document.text)).one()
        rows = session.execute(select(Segment.text, Segment.start, Segment.end)).all()
    assert len(rows) == 199 and "Karte 0:" not in text
    assert all(text[start:end] == piece for piece, start, end in rows)


def test_thousands_of_listed_authors_are_not_checked_again_for_every_statement(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A platform export of 4,000 contributions, each with its author, took 70 s: every
    # statement's pseudonymisation checked every listed author's spelling again (macOS
    # decomposed umlauts), so the import grew with the square of the authors.
    rows = 300
    path = tmp_path / "plattform.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Beitrags-ID", "Vorname", "Nachname", "Beitrag"])
        for i in range(rows):
            surname = "Kowalczyk" + "".join(chr(97 + (i // 26**k) % 26) for k in range(2))
            writer.writerow([f"B{i}", "Ewa", surname, f"Am Platz {i} fehlen Bänke, sagt Ewa."])
    checked: list[str] = []
    is_normalized = unicodedata.is_normalized

    def counted(form: str, text: str) -> bool:
        checked.append(text)
        return is_normalized(form, text)  # type: ignore[arg-type]

    monkeypatch.setattr(unicodedata, "is_normalized", counted)
    project.import_files([path], district="Manfort")
    assert len(checked) < 20 * rows  # before: every author for every statement, 180,000
    segments = project.segments()
    assert len(segments) == rows
    assert not segments["text"].str.contains("Ewa|Kowalczyk").any()
    assert segments["speaker"].nunique() == rows
