"""Consul Democracy's comments export beside its proposals export: a comment without a
district of its own lies in its proposal's district (the join of ``ingest.decidim``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

# Consul's proposals export (its raw column names), imported with its "id" as the ID
PROPOSALS = [
    ["id", "title", "description", "geozone", "author_name"],
    ["7", "Bänke am Rhein", "Am Rhein fehlen Bänke zum Ausruhen.", "Opladen", "anke_w"],
    ["8", "Spielplatz Manfort", "Der Spielplatz braucht neue Geräte.", "Manfort", "p_meier"],
    ["9", "Licht am Radweg", "Der Radweg ist abends zu dunkel.", "", "kalle1999"],
]
# Consul's comments export: what a comment is on by its Consul type and ID
COMMENTS = [
    ["id", "commentable_type", "commentable_id", "body", "geozone", "author_name"],
    ["101", "Proposal", "7", "Gute Idee, unterstütze ich.", "", "kalle1999"],
    ["102", "Proposal", "8", "Die Schaukel ist seit Monaten kaputt.", "", "anke_w"],
    ["103", "Proposal", "7", "Bitte auch Mülleimer aufstellen.", "", "p_meier"],
    ["104", "Debate", "7", "In der Debatte geht es um etwas anderes.", "", "kalle1999"],
    ["105", "Proposal", "55", "Zu einem Vorschlag, den es hier nicht gibt.", "", "anke_w"],
    ["106", "Proposal", "8", "Eigener Sozialraum bleibt.", "Wiesdorf", "p_meier"],
    ["107", "Poll", "8", "Zur Umfrage.", "", "kalle1999"],
    ["108", "Proposal", "9", "Zum Vorschlag ohne Sozialraum.", "", "anke_w"],
]
EXPECTED = {
    "101": "Opladen", "102": "Manfort", "103": "Opladen", "104": "Gesamtstadt",
    "105": "Gesamtstadt", "106": "Wiesdorf", "107": "Gesamtstadt", "108": "Gesamtstadt",
}  # fmt: skip


def _csv(path: Path, rows: list[list[str]]) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return str(path)


def _import(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), "import", *args])


def _places(project: Project) -> dict[str, str]:
    segments = project.segments()
    comments = segments[[bool((a or {}).get("commentable_type")) for a in segments["attributes"]]]
    return dict(zip(comments["source_id"], comments["district"], strict=True))


def test_comments_of_the_same_import_lie_in_their_proposals_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comment on proposal 7 was stored city-wide, although 'commentable_type' Proposal and
    'commentable_id' 7 name the proposal in Opladen. A debate's or a poll's comment with the
    same number, one on a proposal found nowhere and one with its own district keep theirs."""
    proposals = _csv(tmp_path / "export" / "proposals.csv", PROPOSALS)
    comments = _csv(tmp_path / "export" / "comments.csv", COMMENTS)
    assert _import(project, proposals, comments, "--id-column", "id") == 0
    out = capsys.readouterr().out
    assert "3 Kommentare ohne eigenen Sozialraum im Sozialraum ihres Vorschlags" in out
    assert "die ID des Vorschlags in Consul" in out
    assert "1 Kommentar zu Consul-Vorschlägen, die weder im Projekt noch" in out
    assert _places(project) == EXPECTED


def test_comments_imported_later_find_the_stored_proposal(project: Project, tmp_path: Path) -> None:
    """The proposals export first (German header "ID"), the comments a day later."""
    german = [["ID", "Titel", "Beschreibung", "Rahmenbedingungen"], *(r[:4] for r in PROPOSALS[1:])]
    assert _import(project, _csv(tmp_path / "vorschlaege.csv", german), "--id-column", "ID") == 0
    assert _import(project, _csv(tmp_path / "comments.csv", COMMENTS)) == 0
    assert _places(project) == EXPECTED


def test_a_table_without_its_id_column_as_id_gives_no_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Statements numbered by their row (no ID column) or by another table's ID are no
    Consul proposals: comment 101 on "7" stays city-wide and the import says why."""
    rows = [["Nummer", "Text", "Stadtteil"], ["7", "Mehr Bäume.", "Manfort"]]
    assert _import(project, _csv(tmp_path / "karten.csv", rows), "--id-column", "Nummer") == 0
    cards = [["Text", "Stadtteil"], *(["Karte", "Wiesdorf"] for _ in range(8))]  # rows 2…9
    assert _import(project, _csv(tmp_path / "wand.csv", cards)) == 0
    assert _import(project, _csv(tmp_path / "comments.csv", COMMENTS)) == 0
    assert "zu Consul-Vorschlägen, die weder im Projekt noch" in capsys.readouterr().out
    assert _places(project) == {**EXPECTED, "101": "Gesamtstadt", "102": "Gesamtstadt",
                                "103": "Gesamtstadt"}  # fmt: skip


def test_a_spending_proposal_of_two_districts_leaves_its_comment_city_wide(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Consul's spending proposal 7 (Budget::Investment) is in Manfort, its proposal 7 in
    Opladen: a comment on "7" is not sure and stays city-wide, the import says so; one
    on "8" (only the proposal in Manfort has it) lies in Manfort."""
    budget = [["ID", "Titel", "Beschreibung", "Rahmenbedingungen"],
              ["7", "Basketballkorb", "Ein Korb für den Jugendtreff.", "Manfort"]]  # fmt: skip
    assert (
        _import(project, _csv(tmp_path / "a" / "proposals.csv", PROPOSALS), "--id-column", "id")
        == 0
    )
    assert _import(project, _csv(tmp_path / "b" / "budget.csv", budget), "--id-column", "ID") == 0
    rows = [COMMENTS[0], ["201", "Budget::Investment", "7", "Ein Korb reicht.", "", "anke_w"],
            ["202", "Budget::Investment", "8", "Zum Spielplatz.", "", "kalle1999"]]  # fmt: skip
    assert _import(project, _csv(tmp_path / "comments.csv", rows)) == 0
    out = capsys.readouterr().out
    assert "1 Kommentar ohne Sozialraum gespeichert: die ID in Spalte 'commentable_id' haben" in out
    assert _places(project) == {"201": "Gesamtstadt", "202": "Manfort"}


def test_a_surveys_id_column_is_no_consul_proposal(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A survey imported with its "id" column (row 7 in Manfort, 8 in Alkenrath) gave Consul
    comments on proposals 7 and 8 the survey's districts; beside the proposals export it left
    them city-wide as unclear. A survey has no title as every proposal has: not a proposal."""
    survey = [["id", "Antwort", "Stadtteil"], ["7", "Mehr Grün im Viertel.", "Manfort"],
              ["8", "Die Busse fahren zu selten.", "Alkenrath"]]  # fmt: skip
    assert _import(project, _csv(tmp_path / "umfrage.csv", survey), "--id-column", "id") == 0
    assert _import(project, _csv(tmp_path / "a" / "comments.csv", COMMENTS[:4])) == 0
    assert "3 Kommentare zu Consul-Vorschlägen, die weder" in capsys.readouterr().out
    assert set(_places(project).values()) == {"Gesamtstadt"}
    proposals = _csv(tmp_path / "proposals.csv", PROPOSALS)
    assert _import(project, proposals, "--id-column", "id") == 0
    later = [COMMENTS[0], ["111", "Proposal", "7", "Ja, Bänke!", "", "anke_w"],
             ["112", "Proposal", "8", "Neue Geräte, gern.", "", "kalle1999"]]  # fmt: skip
    assert _import(project, _csv(tmp_path / "b" / "comments.csv", later)) == 0
    assert "haben mehrere Aussagen" not in capsys.readouterr().out
    assert _places(project) == {"101": "Gesamtstadt", "102": "Gesamtstadt", "103": "Gesamtstadt",
                                "111": "Opladen", "112": "Manfort"}  # fmt: skip
