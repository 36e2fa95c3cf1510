"""A table's district column found without --district-column (survey and form exports).

Microsoft Forms, Google Forms, LimeSurvey and platform exports ask for the district in a
column of their own ("Stadtteil", "In welchem Stadtteil wohnen Sie?"). Imported without
``--district-column``, its answers used to become an attribute and every statement
city-wide, silently: the district profiles stayed empty. Now such a column is the
statements' district when its header says so and every answer is one of the project's
districts (or "keine Angabe"); otherwise the import says why it took none.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main

DISTRICTS = ["Manfort", "Opladen", "Wiesdorf", "Opladen", "Manfort", "keine Angabe"]
NEEDS = [
    "Ein Treffpunkt für Jugendliche am Abend",
    "Mehr Bänke im Park, sagt auch Frau Brandt",
    "Bessere Busverbindungen nach Köln",
    "Ein Café für Ältere",
    "Beleuchtung am Bahnhof",
    "Mehr Grün in der Innenstadt",
]
GOOD = ["Der Markt", "Die Bibliothek", "", "Nachbarschaft", "Der Sportverein", "Die Kita"]


def _forms(path: Path, districts: list[str] = DISTRICTS) -> Path:
    """A Microsoft Forms export (German): account columns, a district question, two open."""
    pd.DataFrame(
        {
            "ID": range(1, 7),
            "Startzeit": ["11/3/25 10:02:11"] * 6,
            "Fertigstellungszeit": ["11/3/25 10:05:11"] * 6,
            "E-Mail": ["anonymous", "jan.kowalski@example.org", *["anonymous"] * 4],
            "Name": ["", "Jan Kowalski", "", "", "", ""],
            "In welchem Stadtteil wohnen Sie?": districts,
            "Was fehlt Ihnen im Stadtteil?": NEEDS,
            "Was ist gut?": GOOD,
        }
    ).to_excel(path, index=False)
    return path


def _import(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), "import", *args])


QUESTIONS = ["--text-column", "Was fehlt Ihnen im Stadtteil?", "--text-column", "Was ist gut?"]


def test_a_forms_export_gets_its_districts_from_the_district_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _forms(tmp_path / "forms.xlsx")
    assert _import(project, str(path), *QUESTIONS) == 0
    out = capsys.readouterr().out
    assert "Spalte 'In welchem Stadtteil wohnen Sie?' als Sozialraum erkannt." in out
    segments = project.segments()
    needs = segments[segments["question"] == "Was fehlt Ihnen im Stadtteil?"]
    assert needs["district"].tolist() == [
        "Manfort",
        "Opladen",
        "Wiesdorf",
        "Opladen",
        "Manfort",
        "Gesamtstadt",  # "keine Angabe": no district, stored city-wide
    ]
    assert len(segments) == 11  # six needs, five good things (one left empty)
    assert all("In welchem Stadtteil wohnen Sie?" not in a for a in segments["attributes"])
    text = " ".join(segments["text"]) + repr(segments["attributes"].tolist())
    assert "Kowalski" not in text and "Brandt" not in text and "@" not in text


def test_a_fixed_district_for_the_file_wins_and_nothing_is_detected(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _forms(tmp_path / "forms.xlsx")
    assert _import(project, str(path), *QUESTIONS, "--district", "Wiesdorf") == 0
    assert "als Sozialraum erkannt" not in capsys.readouterr().out
    assert set(project.segments()["district"]) == {"Wiesdorf"}


def test_a_district_column_naming_other_places_is_not_taken_and_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    districts = ["Manfort", "Schlebusch", "Bürrig", "Opladen", "Manfort", "Schlebusch"]
    path = _forms(tmp_path / "forms.xlsx", districts)
    assert _import(project, str(path), *QUESTIONS) == 0  # not refused: nothing was asked for
    out = capsys.readouterr().out
    assert (
        "Spalte 'In welchem Stadtteil wohnen Sie?' nennt 2 Werte, die keine Sozialräume des "
        "Projekts sind: nicht als Sozialraum übernommen" in out
    )
    assert "--district-column 'In welchem Stadtteil wohnen Sie?'" in out
    assert "Schlebusch" not in out  # answers are not echoed (a "Wohnort" may be an address)
    assert set(project.segments()["district"]) == {"Gesamtstadt"}
    # As the notice says: named explicitly, the new districts are declared and taken (in a
    # project of its own: the same rows again are a download of the stored export).
    fresh = Project.create(tmp_path / "neu", districts=["Manfort", "Opladen"])
    column = ["--district-column", "In welchem Stadtteil wohnen Sie?", "--add-districts"]
    assert _import(fresh, str(path), *QUESTIONS, *column) == 0
    assert {"Schlebusch", "Bürrig", "Manfort"} <= set(fresh.segments()["district"])
    fresh.close()


def test_two_district_columns_are_not_chosen_between(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zwei.csv"
    pd.DataFrame(
        {
            "Beitrag": NEEDS[:3],
            "Wohnort (Stadtteil)": ["Manfort", "Opladen", "Opladen"],
            "Arbeitsort (Stadtteil)": ["Wiesdorf", "Wiesdorf", "Manfort"],
        }
    ).to_csv(path, index=False)
    assert _import(project, str(path)) == 0
    out = capsys.readouterr().out
    assert "Mehrere Spalten nennen Sozialräume ('Wohnort (Stadtteil)', 'Arbeitsort" in out
    assert set(project.segments()["district"]) == {"Gesamtstadt"}


def test_the_free_text_beside_a_detected_district_question_still_names_the_district(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "limesurvey.csv"
    pd.DataFrame(
        {
            "Beitrag": NEEDS[:3],
            "Stadtteil": ["Manfort", "-oth-", "-oth-"],
            "Stadtteil [other]": ["", "Leverkusen-Opladen", "am Rhein"],
        }
    ).to_csv(path, index=False)
    assert _import(project, str(path)) == 0
    assert project.segments()["district"].tolist() == ["Manfort", "Opladen", "Gesamtstadt"]


def test_a_column_named_like_a_place_but_holding_other_things_stays_an_attribute(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "themen.csv"
    pd.DataFrame({"Beitrag": NEEDS[:2], "Themengebiet": ["Verkehr", "Grün"]}).to_csv(
        path, index=False
    )
    assert _import(project, str(path)) == 0
    assert "als Sozialraum erkannt" not in capsys.readouterr().out
    segments = project.segments()
    assert set(segments["district"]) == {"Gesamtstadt"}
    assert segments["attributes"].iloc[0]["Themengebiet"] == "Verkehr"


def test_without_a_text_column_the_open_questions_are_read_not_the_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _forms(tmp_path / "forms.xlsx")
    assert _import(project, str(path)) == 0
    out = capsys.readouterr().out
    asked = "'Was fehlt Ihnen im Stadtteil?', 'Was ist gut?'"
    assert f"Umfrage ohne Textspalte: offene Fragen {asked} gelesen" in out
    assert "Spalte 'In welchem Stadtteil wohnen Sie?' als Sozialraum erkannt." in out
    segments = project.segments()
    assert set(segments["question"]) == {"Was fehlt Ihnen im Stadtteil?", "Was ist gut?"}
    assert len(segments) == len(NEEDS) + sum(1 for g in GOOD if g)
    assert segments["district"].iloc[0] == "Manfort"  # a closed question: the district


@pytest.mark.parametrize(
    "header",
    ["Ort", "Quartier", "Sozialraum", "scope/name/de", "Wo?", "geozone"],  # Consul
)
def test_usual_district_headers_are_found(project: Project, tmp_path: Path, header: str) -> None:
    path = tmp_path / "karten.csv"
    pd.DataFrame({"Beitrag": NEEDS[:3], header: ["Opladen", "Wiesdorf", ""]}).to_csv(
        path, index=False
    )
    assert _import(project, str(path)) == 0
    assert project.segments()["district"].tolist() == ["Opladen", "Wiesdorf", "Gesamtstadt"]


def test_a_slip_in_a_recognised_district_column_stops_the_import_with_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One "Manfrot" among districts used to turn the column into an attribute: every row,
    # the right ones too, went to Gesamtstadt with only a notice.
    cards = tmp_path / "karten.csv"
    cards.write_text(
        "Text,Sozialraum\nZu wenig Grün,Manfort\nKein Jugendtreff,manfort\n"
        "Bus fährt selten,Opladen\nMehr Bänke,Manfrot\n",
        encoding="utf-8",
    )
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort,Opladen"]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "import", str(cards)]) == 2
    err = capsys.readouterr().err
    assert "Zeile 5" in err and "Manfrot (gemeint: Manfort?)" in err
    with Project.open(folder) as project:
        assert project.segments().empty
    cards.write_text(cards.read_text(encoding="utf-8").replace("Manfrot", "Manfort"), "utf-8")
    assert main(["--project", str(folder), "import", str(cards)]) == 0
    with Project.open(folder) as project:  # "manfort" is Manfort, as with --district-column
        assert list(project.segments()["district"]) == ["Manfort"] * 2 + ["Opladen", "Manfort"]


def test_where_do_you_live_is_the_district_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Wo wohnen Sie?" (LimeSurvey, Forms) names no word for the place: before, its
    districts were ignored without a word and every answer was city-wide."""
    path = tmp_path / "umfrage.csv"
    pd.DataFrame(
        {
            "Antwort ID": ["1", "2", "3"],
            "Wo wohnen Sie?": ["Manfort", "-oth-", "Opladen"],
            "Wo wohnen Sie? [Sonstiges]": ["", "Wiesdorf", ""],
            "Wie wohnen Sie?": ["zur Miete", "Eigentum", "zur Miete"],
            "Was fehlt Ihnen in Ihrer Umgebung?": [
                "Ein Treffpunkt für Jugendliche am Abend.",
                "Eine Kinderärztin, die neue Patienten nimmt.",
                "Sichere Radwege zur Schule.",
            ],
        }
    ).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Spalte 'Wo wohnen Sie?' als Sozialraum erkannt." in out
    segments = project.segments()
    assert segments["district"].tolist() == ["Manfort", "Wiesdorf", "Opladen"]
    assert segments["attributes"].iloc[0]["Wie wohnen Sie?"] == "zur Miete"


def test_one_free_text_naming_no_district_is_told_in_the_singular(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "umfrage.csv"
    pd.DataFrame(
        {
            "Stadtteil": ["Manfort", "Sonstiges"],
            "Stadtteil [Sonstiges]": ["", "Küppersteg"],
            "Was fehlt Ihnen?": ["Ein Treffpunkt am Abend.", "Mehr Busse am Sonntag."],
        }
    ).to_csv(path, index=False)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert (
        "1 Zeile mit Freitext in 'Stadtteil [Sonstiges]': nennt keinen Sozialraum des "
        "Projekts, ohne Sozialraum" in capsys.readouterr().out
    )


def test_a_multiple_choice_of_districts_is_not_told_to_become_new_districts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forms join a multiple choice with ";": the notice advised --district-column with
    --add-districts, which would make "Manfort;Opladen" a district of its own."""
    path = tmp_path / "forms.csv"
    pd.DataFrame(
        {
            "In welchen Stadtteilen sind Sie aktiv?": ["Manfort;Opladen", "Opladen"],
            "Was sollte sich ändern?": ["Mehr Treffpunkte am Abend.", "Busse fahren selten."],
        }
    ).to_csv(path, index=False)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "Spalte 'In welchen Stadtteilen sind Sie aktiv?' nennt in einer Antwort mehrere "
        "Sozialräume (eine Mehrfachauswahl): nicht als Sozialraum übernommen" in out
    )
    assert "--add-districts" not in out
    segments = project.segments()
    assert set(segments["district"]) == {"Gesamtstadt"}
    column = "In welchen Stadtteilen sind Sie aktiv?"
    assert segments["attributes"].iloc[0][column] == "Manfort;Opladen"
