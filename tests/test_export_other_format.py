"""The same export downloaded again in another form: a survey as CSV after Excel (or the
reverse), a Pol.is conversation's comments with its summary.csv after without. Each was
imported whole a second time."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.test_export_growth import WISHES, _documents, _import, _polis
from workbench import Project

QUESTION = "Was wünschen Sie sich im Quartier?"
ANSWERS = [  # short: too few words for the word comparison of two files
    "Mehr Bänke im Park",
    "Der Bus fährt zu selten",
    "Ein Jugendtreff fehlt",
    "Sauberere Spielplätze bitte",
    "Mehr Licht am Bahnhof",
    "Ruhigere Straßen nachts",
    "Bessere Radwege zur Schule",
    "Ein Café für alle",
    "Längere Öffnungszeiten der Bibliothek",
    "Weniger Müll am Kanal",
    "Mehr Sitzplätze draußen",
    "Ein Markt am Samstag",
]
OTHERS = [
    "Kostenlose Sprachkurse anbieten",
    "Der Hof braucht Bäume",
    "Mehr Angebote für Senioren",
    "Eine Hebamme im Viertel",
    "Sichere Schulwege schaffen",
    "Hundewiese am Rand",
    "Offene Turnhalle am Abend",
    "Gemeinschaftsgarten anlegen",
]


def _survey(path: Path, answers: list[str]) -> Path:
    """A survey's export of one question, as CSV or Excel by the name's extension."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [["Antwort-ID", QUESTION], *([str(100 + i), a] for i, a in enumerate(answers))]
    if path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _texts(project: Project) -> list[str]:
    return list(project.segments().sort_values("segment_id")["text"])


@pytest.mark.backends
def test_a_survey_as_csv_after_excel_adds_its_new_answers_only(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Downloaded as Excel, then as CSV with two answers more: the file type differed, so
    the CSV was never compared as a download of the same export, and its short answers
    were too few words for the word comparison — 8 stored answers became 18. The same
    columns and rows are the same export: two answers are added; the same CSV again and
    the same rows as Excel add nothing; the next Excel download adds its new ones."""
    assert _import(project, _survey(tmp_path / "w1" / "umfrage.xlsx", ANSWERS[:8])) == 0
    assert _import(project, _survey(tmp_path / "w2" / "umfrage.csv", ANSWERS[:10])) == 0
    out = capsys.readouterr().out
    assert "8 Aussagen standen schon im Projekt" in out and "2 neue kamen hinzu" in out
    assert "gespeichert unter 'umfrage.xlsx'" in out
    assert _import(project, tmp_path / "w2" / "umfrage.csv") == 0
    assert _import(project, _survey(tmp_path / "w3" / "umfrage.xlsx", ANSWERS[:10])) == 0
    assert "anderem Dateiformat wie 'umfrage.xlsx'" in capsys.readouterr().out
    assert _texts(project) == ANSWERS[:10] and len(_documents(project)) == 1
    assert _import(project, _survey(tmp_path / "w4" / "umfrage.xlsx", ANSWERS)) == 0
    assert _texts(project) == ANSWERS and len(_documents(project)) == 1


def test_an_edited_answer_in_the_other_format_stops_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV download of the stored Excel export with one answer changed was imported
    whole beside it. It stops (exit 2) naming both files and the changed row; nothing is
    stored."""
    assert _import(project, _survey(tmp_path / "w1" / "umfrage.csv", ANSWERS[:8])) == 0
    edited = [*ANSWERS[:3], "Ein Jugendtreff fehlt sehr", *ANSWERS[4:9]]
    assert _import(project, _survey(tmp_path / "w2" / "umfrage.xlsx", edited)) == 2
    err = capsys.readouterr().err
    assert "umfrage.xlsx: nicht importiert" in err and "'umfrage.csv'" in err
    assert "anderem Dateiformat" in err and "ID 103" in err and "Traceback" not in err
    assert _texts(project) == ANSWERS[:8]


def test_other_surveys_with_the_same_header_stay_their_own(
    project: Project, tmp_path: Path
) -> None:
    """Two groups' surveys from one questionnaire, as Excel and as CSV, under other names
    or in other folders under one name: the same columns, other answers. Each is a
    document of its own."""
    assert _import(project, _survey(tmp_path / "gruppe_a.xlsx", ANSWERS[:8])) == 0
    assert _import(project, _survey(tmp_path / "gruppe_b.csv", OTHERS)) == 0
    assert _import(project, _survey(tmp_path / "a" / "umfrage.xlsx", ANSWERS[4:12])) == 0
    assert _import(project, _survey(tmp_path / "b" / "umfrage.csv", OTHERS[::-1])) == 0
    assert len(project.segments()) == 32 and len(_documents(project)) == 4


def _summary(folder: Path, conversation: str, topic: str) -> None:
    (folder / "summary.csv").write_text(
        f"topic,{topic}\nurl,https://pol.is/{conversation}\nviews,12\n", encoding="utf-8"
    )


@pytest.mark.backends
def test_polis_comments_with_their_summary_after_without_add_the_new_ones(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """comments.csv imported alone (workshop "comments"), downloaded again with its
    summary.csv: the conversation's topic named another workshop, and every comment was
    imported again. The new comments are added to the stored ones, whose workshop keeps
    its name (said); the next download of the conversation adds its new ones too."""
    assert _import(project, _polis(tmp_path / "w1" / "comments.csv", 6)) == 0
    _summary(_polis(tmp_path / "w2" / "comments.csv", 8).parent, "4kjz5rrrfe", "Quartier")
    assert _import(project, tmp_path / "w2") == 0
    out = capsys.readouterr().out
    assert "2 neue kamen hinzu" in out and "behält seinen Namen" in out
    _summary(_polis(tmp_path / "w3" / "comments.csv", 12).parent, "4kjz5rrrfe", "Quartier")
    assert _import(project, tmp_path / "w3") == 0
    segments = project.segments().sort_values("segment_id")
    assert list(segments["text"]) == WISHES[:12] and set(segments["workshop"]) == {"comments"}
    assert len(_documents(project)) == 1


def test_another_polis_conversation_after_comments_alone_stays_its_own(
    project: Project, tmp_path: Path
) -> None:
    """Another conversation (other comments under the same comment IDs) with its
    summary.csv after a comments.csv imported alone is no download of it."""
    assert _import(project, _polis(tmp_path / "w1" / "comments.csv", 6)) == 0
    other = tmp_path / "w2" / "comments.csv"
    other.parent.mkdir()
    rows = [(i, f"{text} bei uns im Dorf") for i, text in enumerate(OTHERS[:6])]
    head = _polis(tmp_path / "head.csv", 0).read_text(encoding="utf-8")
    body = "".join(f'{1660000000 + i},Mon Jul 04 2022,{i},{i},3,1,1,"{t}"\n' for i, t in rows)
    other.write_text(head + body, encoding="utf-8")
    _summary(other.parent, "7xyz2abcde", "Landwirtschaft")
    assert _import(project, other.parent) == 0
    workshops = project.segments().groupby("workshop").size().to_dict()
    assert workshops == {"comments": 6, "Landwirtschaft": 6}
