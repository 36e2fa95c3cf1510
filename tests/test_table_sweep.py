"""Tables of participation platforms: texts in several languages, HTML cells, a workbook's
sheets, title-only posts, header-less sticky notes, questions of the audience."""

from __future__ import annotations

import doctest
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import html_text, table, table_columns, table_identity, table_rows
from workbench.ingest.html_text import plain_text
from workbench.store import Document


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _texts(project: Project) -> list[str]:
    return project.segments()["text"].tolist()


# -- texts in several languages ------------------------------------------------------------


def test_each_row_is_read_from_the_language_it_was_written_in(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decidim exports one column per language; a proposal fills only its own."""
    path = tmp_path / "vorschlaege.csv"
    pd.DataFrame(
        {
            "id": ["1", "2", "3"],
            "title/en": ["", "", "Bike lanes"],
            "title/de": ["Bänke", "", "Radwege"],
            "title/tr": ["", "Buluşma yeri", ""],
            "body/en": ["", "", "We need bike lanes."],
            "body/de": ["<p>Am Rhein fehlen Bänke.</p>", "", "Wir brauchen Radwege."],
            "body/tr": ["", "<p>Gençler için bir yer yok.</p>", ""],
        }
    ).to_csv(path, index=False, sep=";")
    assert _import(project, path, "--id-column", "id") == 0
    out = capsys.readouterr().out
    assert "leere Zeilen" not in out
    assert "'body/de' 2 Zeilen, 'body/en' 0 Zeilen, 'body/tr' 1 Zeile" in out
    assert _texts(project) == [
        "Bänke. Am Rhein fehlen Bänke.",
        "Buluşma yeri. Gençler için bir yer yok.",
        "Radwege. Wir brauchen Radwege.",  # German before English
    ]
    attributes = project.segments()["attributes"].iloc[2]
    assert not any(key.startswith(("body/", "title/")) for key in attributes)


def test_a_language_in_brackets_is_a_language_and_german_comes_first(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Go Vocal writes "Title (en)" before "Title (de-DE)"; the English columns are empty."""
    path = tmp_path / "ideen.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Title (en)", "Title (de-DE)", "Description (en)", "Description (de-DE)"])
    sheet.append(["g1", None, "Hundewiese", None, "<p>Eine Hundewiese im Park.</p>"])
    sheet.append(["g2", "Fountains", None, "<p>Drinking fountains.</p>", None])
    book.save(path)
    assert _import(project, path, "--id-column", "ID") == 0
    out = capsys.readouterr().out
    assert "Spalte 'Description (de-DE)' als Text erkannt" in out
    assert _texts(project) == [
        "Hundewiese. Eine Hundewiese im Park.",
        "Fountains. Drinking fountains.",
    ]


# -- HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ('<p class="ql-align-center">Mehr <s>Parkplätze</s> Bäume!</p>', "Mehr Bäume!"),
        (
            '<p>Foto:</p><figure><img src="a.jpg" alt="Der leere Laden"></figure>',
            "Foto:\n(Bild: Der leere Laden)",
        ),
        ('<p>Video:</p><iframe src="https://www.youtube.com/embed/x"></iframe>', "Video:"),
        (
            "<table><tr><td>Bedarf</td><td>Ort</td></tr><tr><td>Bänke</td><td>Markt</td></tr></table>",
            "Bedarf | Ort\nBänke | Markt",
        ),
        (
            "<p>Zitat:</p><pre><code>9–12 Uhr</code></pre><hr><p>E=mc<sup>2</sup></p>",
            "Zitat:\n9–12 Uhr\nE=mc2",
        ),
        ("<p>Toll &amp; wichtig!<!-- Notiz: nachfragen --></p>", "Toll & wichtig!"),
        (
            "Kinder &amp; Jugendliche brauchen Platz&nbsp;zum Spielen",
            "Kinder & Jugendliche brauchen Platz zum Spielen",
        ),
        ('<p><font color="#f00">Dringend:</font> <mark>Licht</mark></p>', "Dringend: Licht"),
        (
            "<ol><li>Spielplatz</li><li>Bolzplatz</li></ol><p><u>Beides</u> kaputt.</p>",
            "Spielplatz\nBolzplatz\nBeides kaputt.",
        ),
        ("<p>3 &lt; 5</p><script>alert(1)</script><style>p{}</style>", "3 < 5"),
        # typed by a person, not HTML: left as written
        ("3 < 5 &amp; mehr", "3 < 5 &amp; mehr"),
        ("Liebe <Name>, danke für <Ort>!", "Liebe <Name>, danke für <Ort>!"),
        ("Bitte <Title> eintragen", "Bitte <Title> eintragen"),
        ("AT&T und R&D", "AT&T und R&D"),
        ('<script>alert("x")</script> Mehr Licht', '<script>alert("x")</script> Mehr Licht'),
    ],
)
def test_a_cell_in_html_becomes_plain_text_other_text_stays(cell: str, text: str) -> None:
    assert plain_text(cell) == text


def test_html_in_text_title_and_attribute_cells_is_stored_as_plain_text(
    project: Project, tmp_path: Path
) -> None:
    """Decidim's official answer (answer/de) is HTML too; a name in an image's description
    is pseudonymised like the text around it."""
    path = tmp_path / "vorschlaege.csv"
    pd.DataFrame(
        {
            "id": ["1"],
            "title/de": ["Treff &amp; Café"],
            "body/de": ['<p>Siehe:</p><img src="x.jpg" alt="Gundula Wiesenthal vor dem Treff">'],
            "answer/de": ["<p>Danke.</p><p>Wir pr&uuml;fen das.</p>"],
        }
    ).to_csv(path, index=False)
    assert _import(project, path, "--id-column", "id") == 0
    segment = project.segments().iloc[0]
    assert segment["text"].startswith("Treff & Café. Siehe:\n(Bild: [Person")
    assert segment["attributes"]["answer/de"] == "Danke.\nWir prüfen das."
    assert "Wiesenthal" not in stored_text(project)


# -- a workbook's sheets -------------------------------------------------------------------


def _workbook(path: Path) -> Path:
    """A Mentimeter-like workbook: an overview sheet, then one sheet per question."""
    book = openpyxl.Workbook()
    overview = book.active
    overview.title = "Sitzung"
    overview.append(["Folie", "Typ"])
    overview.append(["Was fehlt?", "Offen"])
    for title, answers in (
        ("Was fehlt", ["Ein Jugendcafé", "Bänke"]),
        ("Was ist gut", ["Der Markt"]),
    ):
        sheet = book.create_sheet(title)
        sheet.append(["Voter", "Answer"])
        for number, answer in enumerate(answers, start=1):
            sheet.append([f"v{number}", answer])
    book.save(path)
    return path


def test_each_sheet_of_a_workbook_is_an_import_of_its_own(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path / "umfrage.xlsx")
    assert _import(project, path, "--sheet", "Was fehlt") == 0
    assert _import(project, path, "--sheet", "Was ist gut") == 0
    assert "bereits importiert" not in capsys.readouterr().out
    assert _texts(project) == ["Ein Jugendcafé", "Bänke", "Der Markt"]
    assert _import(project, path, "--sheet", "Was fehlt") == 0  # the same sheet again
    assert "bereits importiert (gleicher Inhalt)" in capsys.readouterr().out
    assert len(_texts(project)) == 3


def test_a_first_sheet_without_text_is_named_and_the_other_sheets_are_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --sheet every sheet with statements is read (ingest.workbook); the overview
    sheet is named, not imported. (Before, the first sheet's missing text column stopped
    the import and the message listed the other sheets.)"""
    path = _workbook(tmp_path / "umfrage.xlsx")
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Tabellenblatt 'Sitzung' nicht importiert: Keine Textspalte" in out
    assert "Tabellenblatt 'Was ist gut' (eines von 3)." in out
    assert _texts(project) == ["Ein Jugendcafé", "Bänke", "Der Markt"]


def test_a_sheet_stored_before_sheets_were_told_apart_is_still_recognised(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An older project stored every sheet under the importer "xlsx" and ``--sheet`` in the
    document's options: that sheet is found again, the first sheet is a new import."""
    path = tmp_path / "karten.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Wand 1"
    book.active.append(["Text"])
    book.active.append(["Mehr Bänke"])
    second = book.create_sheet("Wand 2")
    second.append(["Text"])
    second.append(["Mehr Licht"])
    book.save(path)
    assert _import(project, path, "--sheet", "Wand 2") == 0
    with project.transaction() as session:  # as an older version stored it
        document = session.scalars(select(Document)).one()
        assert (document.importer, document.options["sheet"]) == ("xlsx:Wand 2", "Wand 2")
        document.importer = "xlsx"
    assert _import(project, path, "--sheet", "Wand 2") == 0
    assert "bereits importiert" in capsys.readouterr().out
    assert _import(project, path) == 0
    assert _texts(project) == ["Mehr Licht", "Mehr Bänke"]
    assert _import(project, path, "--sheet", "Wand 1") == 0
    assert "bereits importiert" in capsys.readouterr().out


# -- title-only posts, header-less notes, questions of the audience -------------------------


def test_a_post_with_only_a_repeated_kind_of_subject_keeps_its_subject_as_text(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Padlet: "Subject" is a category for most posts (not put before the text); a post
    with only a subject has it as its text."""
    path = tmp_path / "padlet.csv"
    subjects = ["Bedarf"] * 4 + ["Ressource"] * 2 + ["WLAN im Stadtteilbüro"]
    bodies = ["Bänke", "Ein Jugendcafé", "Hausaufgaben", "Busse", "Bücherschrank", "Moschee", ""]
    pd.DataFrame({"Subject": subjects, "Body": bodies}).to_csv(path, index=False)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "7 Aussagen importiert" in out and "leere Zeilen" not in out
    assert "1 Zeile nur mit 'Subject'" in out
    assert _texts(project) == [*bodies[:-1], "WLAN im Stadtteilbüro"]
    assert project.segments()["attributes"].iloc[0]["Subject"] == "Bedarf"


def test_one_column_without_a_known_header_is_one_statement_per_row(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Miro's sticky notes as CSV have no header row: the first note is a note too."""
    path = tmp_path / "stickies.csv"
    path.write_text("Mehr Spielplätze\nStreetwork ausbauen\n\nBessere Busse\n", encoding="utf-8")
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "3 Aussagen importiert" in out and "Keine Kopfzeile" in out
    assert _texts(project) == ["Mehr Spielplätze", "Streetwork ausbauen", "Bessere Busse"]


def test_one_column_under_a_question_has_it_as_question_of_every_row(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A card query typed into a sheet: the guiding question on top, the cards below.
    Before, the question was the first statement and the cards had none; a list of the
    audience's questions stays a list of statements."""
    path = tmp_path / "kartenabfrage.csv"
    path.write_text("Was fehlt im Stadtteil?\nMehr Spielplätze\nBessere Busse\n", encoding="utf-8")
    assert _import(project, path) == 0
    assert "Erste Zeile 'Was fehlt im Stadtteil?' als Leitfrage" in capsys.readouterr().out
    segments = project.segments()
    assert list(segments["text"]) == ["Mehr Spielplätze", "Bessere Busse"]
    assert set(segments["question"]) == {"Was fehlt im Stadtteil?"}

    questions = tmp_path / "fragen.csv"
    questions.write_text("Wann fährt der Bus?\nWarum keine Bänke?\nWer räumt auf?\n", "utf-8")
    assert _import(project, questions) == 0
    assert "Keine Kopfzeile" in capsys.readouterr().out
    assert _texts(project)[2:] == ["Wann fährt der Bus?", "Warum keine Bänke?", "Wer räumt auf?"]


def test_one_column_with_one_unknown_word_on_top_explains_both_ways(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Spielplätze" may be a heading or the first note: the user decides."""
    path = tmp_path / "stickies.csv"
    path.write_text("Spielplätze\nStreetwork ausbauen\n", encoding="utf-8")
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "nur die Spalte 'Spielplätze'" in err and "--text-column 'Spielplätze'" in err
    assert "Kopfzeile 'Text' darüber" in err
    assert project.status()["segments"] == 0


def test_one_column_with_a_known_header_keeps_its_header(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "karten.csv"
    path.write_text("Text\nMehr Spielplätze\nStreetwork ausbauen\n", encoding="utf-8")
    assert _import(project, path) == 0
    assert _texts(project) == ["Mehr Spielplätze", "Streetwork ausbauen"]


def test_questions_of_the_audience_are_the_text_a_repeated_question_is_not(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Slido exports the audience's questions under "Question"; a survey's "Frage" that
    repeats the guiding question is not the text."""
    slido = tmp_path / "slido.csv"
    pd.DataFrame(
        {
            "#": ["1", "2"],
            "Question": ["Wann öffnet der Treff?", "Gibt es Hilfe?"],
            "Reply": ["Bald.", ""],
        }
    ).to_csv(slido, index=False)
    assert _import(project, slido) == 0
    assert "Spalte 'Question' als Text erkannt" in capsys.readouterr().out
    assert _texts(project) == ["Wann öffnet der Treff?", "Gibt es Hilfe?"]

    survey = tmp_path / "umfrage.csv"
    pd.DataFrame({"Frage": ["Was fehlt?"] * 3, "Notiz": ["Bänke", "Licht", "Busse"]}).to_csv(
        survey, index=False
    )
    assert _import(project, survey) == 2
    err = capsys.readouterr().err
    assert "Keine Textspalte" in err and "'Frage' wiederholt dieselben Einträge" in err
    assert "--question-column" in err


# -- unsupported types ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("export.zip", "entpacken"),
        ("export.zip", "REFI-QDA-Projekt ist eine .qdpx"),
        ("pad.html", ".docx, .odt oder .txt"),
        ("pad.htm", ".docx, .odt oder .txt"),
    ],
)
def test_unsupported_types_say_what_to_do(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, hint: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "wird nicht unterstützt" in err and hint in err


@pytest.mark.parametrize("module", [html_text, table, table_columns, table_identity, table_rows])
def test_the_examples_in_the_docstrings_hold(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]
