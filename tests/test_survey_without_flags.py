"""A form tool's export imported without --text-column: the open questions are the text.

Before, `workbench import umfrage.csv` of a Google Forms or Microsoft Forms export stopped
("Keine Textspalte angegeben") and only suggested the open questions; now they are read,
each answer a statement with its question, and the closed questions (district, age, a
rating scale, checkboxes), the name and the tool's columns stay what they were.
"""

from __future__ import annotations

import csv
import doctest
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import table_survey

NEED = "Was fehlt Ihnen in Ihrem Stadtteil?"
GOOD = "Was schätzen Sie an Ihrem Stadtteil?"
SCALE = "Wie zufrieden sind Sie mit Ihrem Stadtteil?"
NEEDS = [
    "Ein Treffpunkt für Jugendliche am Abend",
    "Mehr Bänke im Park an der Dhünn",
    "Bessere Busverbindungen am Wochenende",
    "Ein Café für Ältere mit Mittagstisch",
    "Beleuchtung am Bahnhof",
    "Mehr Grün in der Innenstadt",
]
GOODS = ["Der Markt", "Die Bibliothek", "", "Nachbarschaft", "Der Sportverein", "Die Kita"]
RATINGS = [
    "Eher zufrieden",
    "Sehr zufrieden",
    "Eher zufrieden",
    "Eher nicht zufrieden",
    "Sehr zufrieden",
    "Eher zufrieden",
]
NAMES = ["Anna Kowalczyk", "", "Jens Brandtner", "", "", "Ayşe Demirtaş"]


def _google_forms(path: Path) -> Path:
    """A Google Forms export as a city's form would give it (German)."""
    header = [
        "Zeitstempel",
        "In welchem Stadtteil wohnen Sie?",
        NEED,
        GOOD,
        "Wie alt sind Sie?",
        SCALE,
        "Wie heißen Sie? (freiwillig)",
    ]
    districts = ["Manfort", "Opladen", "Wiesdorf", "Opladen", "Manfort", "Wiesdorf"]
    ages = ["18-29", "65+", "30-49", "50-64", "30-49", "18-29"]
    columns = [districts, NEEDS, GOODS, ages, RATINGS, NAMES]
    rows = [[f"2021/03/12 1{n}:02:11 MEZ", *(c[n] for c in columns)] for n in range(6)]
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([header, *rows])
    return path


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _statements(project: Project) -> list[tuple[str, str, str]]:
    segments = project.segments()
    return list(zip(segments["text"], segments["question"], segments["district"], strict=True))


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(table_survey).failed == 0


def test_a_forms_export_imports_its_open_questions_without_flags(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _google_forms(tmp_path / "umfrage.csv")
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert f"Umfrage ohne Textspalte: offene Fragen '{NEED}', '{GOOD}' gelesen" in out
    assert "Spalte 'In welchem Stadtteil wohnen Sie?' als Sozialraum erkannt." in out
    statements = _statements(project)
    assert [(t, q) for t, q, _ in statements] == [
        *[(n, NEED) for n in NEEDS],
        *[(g, GOOD) for g in GOODS if g],
    ]
    assert [d for *_, d in statements[:3]] == ["Manfort", "Opladen", "Wiesdorf"]
    # the closed questions are what the respondent said about themselves, not statements
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["Wie alt sind Sie?"] == "18-29"
    assert attributes[SCALE] == "Eher zufrieden"
    stored = stored_text(project)
    for name in ("Kowalczyk", "Brandtner", "Demirtaş"):
        assert name not in stored, name


def test_without_flags_it_reads_as_with_a_text_column_for_each_open_question(
    tmp_path: Path,
) -> None:
    path = _google_forms(tmp_path / "umfrage.csv")
    read = []
    for n, options in enumerate([(), ("--text-column", NEED, "--text-column", GOOD)]):
        with Project.create(tmp_path / f"p{n}", districts=["Manfort", "Opladen", "Wiesdorf"]) as p:
            assert _import(p, path, *options) == 0
            segments = p.segments()
            read.append(segments[["text", "question", "district", "source_id"]].to_dict("records"))
    assert read[0] == read[1]


def test_a_small_survey_keeps_its_rating_scale_and_place_question_as_attributes(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three respondents: too few for the scale's answers to repeat, so its words tell;
    the place question names places that are none of the project's districts. The scale
    mentions the "Viertel" but asks for no place: no notice of unknown districts for it."""
    path = tmp_path / "klein.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(
            [
                ["Wo wohnen Sie?", "Stimmen Sie zu: Das Viertel ist sicher?", NEED],
                ["Leichlingen", "Stimme eher nicht zu", NEEDS[0]],
                ["Burscheid", "Stimme voll und ganz zu", NEEDS[1]],
                ["Langenfeld", "Weiß nicht", NEEDS[2]],
            ]
        )
    assert _import(project, path) == 0
    out = capsys.readouterr().out  # the place question's towns are named, not the scale
    notice = next(line for line in out.splitlines() if "keine Sozialräume" in line)
    assert "'Wo wohnen Sie?'" in notice and "Viertel" not in notice
    assert [(t, q) for t, q, _ in _statements(project)] == [(n, NEED) for n in NEEDS[:3]]
    assert project.segments()["attributes"].iloc[1]["Wo wohnen Sie?"] == "Burscheid"


def test_a_table_without_questions_still_stops_and_writes_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "liste.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(
            [["Nummer", "Notiz", "Stand"], ["1", NEEDS[0], "offen"], ["2", NEEDS[1], "erledigt"]]
        )
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "Keine Textspalte angegeben (--text-column). Vorhandene Spalten: Nummer, Notiz" in err
    assert "Umfrage" not in err
    assert "Sätze stehen in 'Notiz': z. B. --text-column 'Notiz'" in err
    assert project.status()["segments"] == 0


def test_an_indicator_table_given_to_import_is_pointed_to_indicators_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A district's figures lay beside the protocols; `workbench import ordner/` stopped at
    them with "Keine Textspalte" only. The error now names `workbench indicators --import`;
    a table of notes (words beside the district) gets no such hint."""
    path = tmp_path / "indikatoren.csv"
    rows = [["Stadtteil", "SGB-II-Quote %", "Einwohner"], ["Manfort", "14,2", "5.321"]]
    rows += [["Opladen", "9,8", "24.101"], ["Gesamtstadt", "11,3 %", "163.729"]]
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "Keine Textspalte angegeben (--text-column)" in err
    assert "workbench indicators --import indikatoren.csv, nicht workbench import" in err
    assert project.status()["segments"] == 0
    notes = tmp_path / "notizen.csv"
    notes.write_text("Stadtteil;Stand\nManfort;offen\nOpladen;erledigt\n", encoding="utf-8")
    assert _import(project, notes) == 2
    assert "indicators --import" not in capsys.readouterr().err


def test_a_survey_exported_with_question_codes_is_told_to_export_its_questions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LimeSurvey's default headings are codes ("G01Q02"): no question to read. The error
    named no column before; now it names the one with sentences and the export option."""
    path = tmp_path / "results-survey123.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(
            [
                ["id", "submitdate", "lastpage", "startlanguage", "G01Q01", "G01Q02"],
                *[[str(n), "2021-03-01 10:00:00", "2", "de", "A1", t] for n, t in enumerate(NEEDS)],
            ]
        )
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "Sätze stehen in 'G01Q02': z. B. --text-column 'G01Q02'" in err
    assert "Die Spaltenköpfe sind Fragecodes: beim Export der Umfrage die Fragetexte" in err
    assert "Traceback" not in err
    assert project.status()["segments"] == 0


def test_a_remark_after_the_question_is_no_part_of_it(project: Project, tmp_path: Path) -> None:
    """Forms add "(freiwillig)" or "(Mehrfachnennung möglich)" after a question: before,
    such a column was no open question, and as --text-column its header was no question."""
    path = tmp_path / "forms.csv"
    asked = f"{NEED} (freiwillig)"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([["Zeitstempel", asked], *[["12.3.2021", n] for n in NEEDS]])
    assert _import(project, path) == 0
    assert set(project.segments()["question"]) == {NEED}
    with Project.create(tmp_path / "p2") as other:
        assert _import(other, path, "--text-column", asked) == 0
        assert set(other.segments()["question"]) == {NEED}


REQUEST = "Bitte beschreiben Sie, was Ihnen in Ihrem Stadtteil fehlt."
IDEAS = "Ihre Ideen für den Stadtteil"
REMARKS = "Sonstige Anmerkungen"
IDEA_ANSWERS = [
    "Ein Stadtteilfest im Sommer",
    "Mehr Grün in den Straßen",
    "Ein Repair-Café im Bürgerhaus",
    "Nachbarschaftshilfe für Einkäufe organisieren",
    "Spielstraße am Sonntag",
    "Ein offener Bücherschrank",
]
REMARK_ANSWERS = ["Danke für die Umfrage", "", "Die Busse am Wochenende sind zu selten", "", "", ""]


def test_questions_a_form_asks_without_a_question_mark_are_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Microsoft Forms as a city writes it: the key question is a request ending in ".",
    the ideas and remarks are named, not asked. Before, only "?" headers were read, and the
    three other columns' answers went into attributes, out of every analysis. A consent
    ticked in every row and the administration's remark on a row stay attributes."""
    header = [
        "ID",
        "Startzeit",
        "E-Mail",
        "In welchem Stadtteil wohnen Sie?",
        GOOD,
        REQUEST,
        IDEAS,
        f"{REMARKS} (optional)",
        "Datenschutzhinweis",
        "Anmerkung Verwaltung",
    ]
    districts = ["Manfort", "Opladen", "Wiesdorf", "Opladen", "Manfort", "Wiesdorf"]
    staff = ["An das Grünflächenamt weitergeleitet", "", "", "", "", ""]
    rows = [
        [
            str(n + 1),
            f"3/{n + 1}/21 10:00:01",
            "anonymous",
            districts[n],
            GOODS[n],
            NEEDS[n],
            IDEA_ANSWERS[n],
            REMARK_ANSWERS[n],
            "Gelesen und akzeptiert",
            staff[n],
        ]
        for n in range(6)
    ]
    path = tmp_path / "ms-forms.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([header, *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    read = f"'{GOOD}', '{REQUEST}', '{IDEAS}', '{REMARKS} (optional)'"
    assert f"Umfrage ohne Textspalte: offene Fragen {read} gelesen" in out
    statements = [(t, q) for t, q, _ in _statements(project)]
    assert statements == [
        *[(g, GOOD) for g in GOODS if g],
        *[(n, REQUEST) for n in NEEDS],
        *[(i, IDEAS) for i in IDEA_ANSWERS],
        *[(r, REMARKS) for r in REMARK_ANSWERS if r],
    ]
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["Datenschutzhinweis"] == "Gelesen und akzeptiert"
    assert attributes["Anmerkung Verwaltung"] == staff[0]


def test_a_forms_comment_field_does_not_hide_its_open_questions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A form whose last field is called "Kommentar" (a text column's name): before, only
    that column was read, the open questions went into attributes, and a respondent who
    left the comment empty was skipped as an empty row. A card wall's text column with a
    moderator's "Anmerkungen" and a rating beside it stays one text column."""
    path = tmp_path / "formular.csv"
    comments = ["Danke für die Umfrage", "", "Bitte jedes Jahr wiederholen", "", "", ""]
    rows = [[NEEDS[n], GOODS[n], RATINGS[n], comments[n]] for n in range(6)]
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([[NEED, GOOD, SCALE, "Kommentar"], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert f"offene Fragen '{NEED}', '{GOOD}' und die Textspalte 'Kommentar' gelesen" in out
    assert [(t, q) for t, q, _ in _statements(project)] == [
        *[(n, NEED) for n in NEEDS],
        *[(g, GOOD) for g in GOODS if g],
        *[(c, "Kommentar") for c in comments if c],
    ]

    wall = tmp_path / "kartenwand.csv"
    notes = ["Mit dem Jugendamt klären", "Grünflächenamt fragen", "Bis zum Sommer prüfen"]
    notes += ["Liegt beim Verkehrsbetrieb", "Seniorenbeirat einbinden", "Im Herbst nachfassen"]
    with wall.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(
            [["Text", "Anmerkungen", SCALE], *zip(NEEDS, notes, RATINGS, strict=True)]
        )
    with Project.create(tmp_path / "wand") as other:
        assert _import(other, wall) == 0
        assert "Umfrage" not in capsys.readouterr().out
        assert list(other.segments()["text"]) == NEEDS
