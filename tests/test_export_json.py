"""The same survey or platform export downloaded as JSON and as CSV: KoBoToolbox and
Decidim offer both; a team downloads JSON first, CSV later (or the reverse). Each
download was imported whole a second time."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.test_export_growth import _documents, _import
from tests.test_export_other_format import ANSWERS, OTHERS
from workbench import Project

THIRD = [f"{text} in der Nordstadt" for text in ANSWERS[:8]]  # a third group's answers
_KOBO = ["start", "wuensche", "_id", "_uuid", "_submission_time"]


def _kobo(path: Path, answers: list[str], first_id: int = 40000) -> Path:
    """A KoBoToolbox export (its API's JSON with "results", or its CSV) by the extension."""
    rows = [
        ["2026-05-01T10:00:00", text, first_id + i, f"u-{first_id + i}", f"2026-05-0{1 + i % 9}"]
        for i, text in enumerate(answers)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        results = [{**dict(zip(_KOBO, row, strict=True)), "_tags": []} for row in rows]
        data = {"count": len(rows), "next": None, "previous": None, "results": results}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerows([_KOBO, *rows])
    return path


def _decidim(path: Path, answers: list[str]) -> Path:
    """A Decidim proposals export (JSON list, or CSV with "/"-joined heads) by extension."""
    items = [
        {"id": 700 + i, "title": {"de": text}, "body": {"de": f"{text}, das wäre gut."}}
        for i, text in enumerate(answers)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        return path
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title/de", "body/de"])
        writer.writerows([i["id"], i["title"]["de"], i["body"]["de"]] for i in items)
    return path


def _texts(project: Project) -> list[str]:
    return list(project.segments().sort_values("segment_id")["text"])


@pytest.mark.backends
@pytest.mark.parametrize("first, later", [("json", "csv"), ("csv", "json")])
def test_a_kobo_survey_as_csv_after_json_adds_its_new_answers_only(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], first: str, later: str
) -> None:
    """Downloaded as JSON, then as CSV with two answers more (or the reverse): 8 stored
    answers became 18. By KoBo's "_id" and the text the CSV is the same export: two are
    added; the same rows again in the first format add nothing."""
    column = ("--text-column", "wuensche")
    assert _import(project, _kobo(tmp_path / "w1" / f"umfrage.{first}", ANSWERS[:8]), *column) == 0
    assert _import(project, _kobo(tmp_path / "w2" / f"umfrage.{later}", ANSWERS[:10]), *column) == 0
    out = capsys.readouterr().out
    assert "8 Aussagen standen schon im Projekt" in out and "2 neue kamen hinzu" in out
    assert f"gespeichert unter 'umfrage.{first}'" in out
    assert _import(project, _kobo(tmp_path / "w3" / f"umfrage.{first}", ANSWERS[:10]), *column) == 0
    assert _texts(project) == ANSWERS[:10] and len(_documents(project)) == 1


def test_a_json_export_as_csv_without_id_column_stops_and_names_the_way_on(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decidim's proposals as JSON, then as CSV, no ID column read: JSON numbers its
    objects from 1, the CSV its rows from 2, so no row can be matched, and the CSV was
    stored whole beside the JSON. It stops (exit 2, nothing stored) and says how to go
    on; --allow-duplicates imports it as a document of its own; with --id-column the
    rows are matched by the platform's ID."""
    assert _import(project, _decidim(tmp_path / "w1" / "proposals.json", ANSWERS[:8])) == 0
    csv_file = _decidim(tmp_path / "w2" / "proposals.csv", ANSWERS[:10])
    assert _import(project, csv_file) == 2
    err = capsys.readouterr().err
    assert "proposals.csv: nicht importiert: 8 Aussagen stehen gleichlautend" in err
    assert "wieder als JSON herunterladen" in err and "--allow-duplicates" in err
    assert "Traceback" not in err and len(project.segments()) == 8
    assert _import(project, csv_file, "--allow-duplicates") == 0
    assert len(project.segments()) == 18 and len(_documents(project)) == 2


@pytest.mark.backends
def test_a_json_export_as_csv_by_its_id_column_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the platform's ID column read in both (--id-column id) the rows are matched."""
    given = ("--id-column", "id")
    assert _import(project, _decidim(tmp_path / "w1" / "proposals.json", ANSWERS[:8]), *given) == 0
    assert _import(project, _decidim(tmp_path / "w2" / "proposals.csv", ANSWERS[:10]), *given) == 0
    assert "2 neue kamen hinzu" in capsys.readouterr().out
    assert len(project.segments()) == 10 and len(_documents(project)) == 1


def test_other_surveys_as_json_and_csv_stay_their_own(project: Project, tmp_path: Path) -> None:
    """Two surveys from one questionnaire, as JSON and CSV, under one name in two folders:
    other answers (KoBo IDs the same or not), other proposals. Each is its own document."""
    column = ("--text-column", "wuensche")
    assert _import(project, _kobo(tmp_path / "a" / "umfrage.json", ANSWERS[:8]), *column) == 0
    assert _import(project, _kobo(tmp_path / "b" / "umfrage.csv", OTHERS), *column) == 0
    assert _import(project, _kobo(tmp_path / "c" / "umfrage.csv", THIRD, 500), *column) == 0
    assert _import(project, _decidim(tmp_path / "a" / "proposals.json", ANSWERS[4:])) == 0
    assert _import(project, _decidim(tmp_path / "b" / "proposals.csv", OTHERS)) == 0
    assert len(project.segments()) == 40 and len(_documents(project)) == 5


def _limesurvey(path: Path, answers: list[str]) -> Path:
    """A LimeSurvey response export ({"responses": [...]} as JSON, or its CSV) by extension."""
    rows = [
        {"id": str(1 + i), "submitdate": "2026-05-01 10:00", "G01Q01": t}
        for i, t in enumerate(answers)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        path.write_text(json.dumps({"responses": rows}, ensure_ascii=False), encoding="utf-8")
        return path
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(list(rows[0]))
        writer.writerows(list(row.values()) for row in rows)
    return path


def test_another_survey_of_the_same_name_sharing_short_answers_is_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two surveys of one form, as JSON and as CSV under one name, no ID column read: the
    second shares only short answers ('nichts', 'keine'), often, and lacks half of the first's.
    It stopped as the first one's re-download, counting each of its 'nichts' again. A
    re-download holds (nearly) every stored answer: this one is a document of its own; the
    first survey's own CSV, one answer edited and two added, still stops."""
    column = ("--text-column", "G01Q01")
    first = ["nichts", "keine", "weiß nicht", "Mehr Bänke im Park"]
    assert _import(project, _limesurvey(tmp_path / "a" / "ergebnisse.json", first), *column) == 0
    other = ["nichts", "keine", "nichts", "keine", "Tempo 30", "nichts", "Mehr Parks", "Busse"]
    assert _import(project, _limesurvey(tmp_path / "b" / "ergebnisse.csv", other), *column) == 0
    assert len(project.segments()) == 12 and len(_documents(project)) == 2
    capsys.readouterr()
    assert _import(project, _limesurvey(tmp_path / "c" / "umfrage.json", ANSWERS[:8]), *column) == 0
    edited = [*ANSWERS[:7], "Ein Café für alle Generationen", *ANSWERS[8:10]]
    assert _import(project, _limesurvey(tmp_path / "d" / "umfrage.csv", edited), *column) == 2
    assert "7 Aussagen stehen gleichlautend" in capsys.readouterr().err
    assert len(project.segments()) == 20


@pytest.mark.parametrize("given_first", [True, False])
def test_an_id_column_named_at_one_import_only_does_not_double_the_export(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], given_first: bool
) -> None:
    """Decidim's proposals as JSON, then as CSV, --id-column id given at one of the two
    imports only: the rows were not matched (one has no ID), nor stopped (not both without
    one), and all 8 proposals were stored twice. It stops as without an ID column, naming
    the ID column of each; with the option at both imports the new rows are added."""
    given = ("--id-column", "id")
    first = _decidim(tmp_path / "w1" / "proposals.json", ANSWERS[:8])
    assert _import(project, first, *(given if given_first else ())) == 0
    later = _decidim(tmp_path / "w2" / "proposals.csv", ANSWERS[:10])
    assert _import(project, later, *(() if given_first else given)) == 2
    err = capsys.readouterr().err
    named = "gespeichert: 'id', jetzt: keine" if given_first else "gespeichert: keine, jetzt: 'id'"
    assert f"Ohne dieselbe ID-Spalte in beiden ({named})" in err and "Traceback" not in err
    assert len(project.segments()) == 8 and len(_documents(project)) == 1
