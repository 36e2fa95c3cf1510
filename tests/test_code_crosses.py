"""Coded spreadsheets with one column per code (``--code-columns``): a planning team's
Excel coding ("Aussage | Ressource | Herausforderung | Bedarf", a cross where a code
applies) and Dedoose's excerpt export ("Code: Bedarf Applied"). Before, every code column
became an attribute: the codings were lost. Survey checkbox columns stay answers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.table import TableMapping, parse_table

SHEET = (
    "Aussage-ID;Aussage;Sozialraum;Ressource;Herausforderung;Bedarfe\\Wohnen;Bedarfe::Freizeit\n"
    "1;Der Treff am Markt ist super;Manfort;x;;;\n"
    "2;Zu wenig bezahlbare Wohnungen;Manfort;;ja;2;\n"
    "3;Abends ist nichts los für Jugendliche;Manfort;nein;X;✔;1\n"
    "4;Mehr Bänke an der Promenade;Manfort;;;;\n"
)
CODES = "Ressource..Bedarfe::Freizeit"


def _sheet(tmp_path: Path, text: str = SHEET, name: str = "kodiert.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(project: Project, table: Path, *more: str) -> list[str]:
    return ["--project", str(project.path), "import", str(table), *more]


def _codings(project: Project) -> list[tuple[str, str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["coder"], table["code"], strict=True))


EXPECTED = [
    ("1", "Eve", "Ressource"),
    ("2", "Eve", "Bedarfe/Wohnen"),
    ("2", "Eve", "Herausforderung"),
    ("3", "Eve", "Bedarfe/Freizeit"),
    ("3", "Eve", "Bedarfe/Wohnen"),
    ("3", "Eve", "Herausforderung"),
]


@pytest.mark.backends
def test_a_sheet_with_a_column_per_code_comes_in_as_codings(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _sheet(tmp_path)
    assert main(_import(project, table, "--code-columns", CODES, "--coder", "Eve")) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "kodiert.csv: 4 Aussagen importiert, 6 Kodierungen" in out
    assert "Als Codes gelesen (Kreuz = kodiert, Spaltenkopf = Code): 'Ressource', " in out
    assert _codings(project) == EXPECTED
    assert list(project.codes()["path"]) == [
        "Bedarfe",
        "Bedarfe/Freizeit",
        "Bedarfe/Wohnen",
        "Herausforderung",
        "Ressource",
    ]
    segments = project.segments().set_index("source_id")
    assert set(segments["district"]) == {"Manfort"}
    attributes = segments["attributes"]  # the code columns are no attributes, a weight is
    assert all(not {"Ressource", "Herausforderung"} & set(a or {}) for a in attributes)
    assert (attributes["2"] or {}).get("Gewicht") == "2 (Bedarfe/Wohnen)"
    capsys.readouterr()
    assert main(["--project", str(project.path), "codebook", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Herausforderung" in listed and "Wohnen" in listed
    assert main(["--project", str(project.path), "coders"]) == 0
    assert "Eve: 6 Kodierungen" in capsys.readouterr().out


def test_the_python_api_reads_the_crosses_and_keeps_a_weight() -> None:
    document = parse_table(
        io.BytesIO(SHEET.encode()),
        TableMapping(code_columns=("Ressource", "Herausforderung", "Bedarfe\\Wohnen"), coder="A"),
        name="kodiert.csv",
    )
    assert [s.codes for s in document.segments] == [
        ("Ressource",),
        ("Herausforderung", "Bedarfe/Wohnen"),
        ("Herausforderung", "Bedarfe/Wohnen"),
        (),
    ]
    second = document.segments[1].attributes
    assert second.get("Gewicht") == "2 (Bedarfe/Wohnen)"
    assert "Ressource" not in second and "Herausforderung" not in second
    # a column not given stays what it was: an attribute
    assert document.segments[2].attributes.get("Bedarfe::Freizeit") == 1
    assert document.options["code_columns"] == ("Ressource", "Herausforderung", "Bedarfe\\Wohnen")


@pytest.mark.parametrize("value", ["xx", "vielleicht", "-1", "x?", "Bedarf"])
def test_anything_but_a_cross_stops_with_file_row_column_and_value(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    table = _sheet(
        tmp_path,
        SHEET.replace(
            "1;Der Treff am Markt ist super;Manfort;x",
            f"1;Der Treff am Markt ist super;Manfort;{value}",
        ),
    )
    assert main(_import(project, table, "--code-columns", CODES, "--coder", "Eve")) == 2
    err = capsys.readouterr().err
    assert (
        f"kodiert.csv, Zeile 2: Spalte 'Ressource' ist eine Codespalte, der Wert '{value}' "
        "ist kein Kreuz." in err
    )
    assert "Erwartet: x, ja, yes, wahr, true, ✓" in err and "Traceback" not in err
    assert project.segments().empty and project.codebook() == []


def test_code_columns_need_a_coder_and_existing_columns(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _sheet(tmp_path)
    assert main(_import(project, table, "--code-columns", CODES)) == 2
    assert "Zu --code-columns gehört --coder NAME (wer hat kodiert?)." in capsys.readouterr().err
    assert main(_import(project, table, "--code-columns", "Ressource,Bedarf", "--coder", "A")) == 2
    err = capsys.readouterr().err
    assert (
        "kodiert.csv, Zeile 1: Spalte 'Bedarf' (--code-columns) fehlt. Vorhandene Spalten: " in err
    )
    assert (
        main(
            _import(project, table, "--code-columns", "Bedarfe\\Wohnen..Ressource", "--coder", "A")
        )
        == 2
    )
    assert "Spalte 'Ressource' steht vor 'Bedarfe\\Wohnen'." in capsys.readouterr().err
    assert project.segments().empty and project.codebook() == []


DEDOOSE = (
    "Media Title,Excerpt Range,Excerpt Creator,Excerpt Date,Excerpt Copy,Resource Creator,"
    "Resource Date,Codes Applied Combined,Code: Bedarf Applied,Code: Bedarf Range,"
    "Code: Bedarf Weight,Code: Ressource Applied,Code: Ressource Range,Code: Ressource Weight\n"
    "Interview 1,10-80,Anna Beispiel,2024-05-01,Der Treff am Markt ist abends zu,Team,"
    '2024-04-01,"Bedarf, Ressource",True,10-80,3,True,10-80,1\n'
    "Interview 2,5-40,Anna Beispiel,2024-05-01,Mehr Bänke an der Promenade,Team,"
    "2024-04-01,,False,,,False,,\n"
)


@pytest.mark.backends
def test_dedoose_excerpts_are_recognised_by_their_header(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _sheet(tmp_path, DEDOOSE, "excerpts.csv")
    where = _import(project, table, "--district", "Manfort")
    assert main(where) == 2  # codes need a coder: nothing stored
    assert "Auszüge aus Dedoose mit Codespalten ('Code: … Applied'): mit --coder NAME" in (
        capsys.readouterr().err
    )
    assert project.segments().empty
    assert main([*where, "--coder", "Eve"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "excerpts.csv: 2 Aussagen importiert, 2 Kodierungen" in out
    assert "Auszüge aus Dedoose, ohne 'Code: Bedarf Range'" in out
    table_ = project.codings()
    assert sorted(zip(table_["coder"], table_["code"], strict=True)) == [
        ("Eve", "Bedarf"),
        ("Eve", "Ressource"),
    ]
    texts = set(project.segments()["text"])
    assert texts == {"Der Treff am Markt ist abends zu", "Mehr Bänke an der Promenade"}


def test_dedoose_keeps_no_creator_and_the_weight_per_code() -> None:
    document = parse_table(
        io.BytesIO(DEDOOSE.encode()), TableMapping(coder="Eve"), name="excerpts.csv"
    )
    first = document.segments[0]
    assert first.codes == ("Bedarf", "Ressource")
    assert first.attributes["Gewicht"] == "3 (Bedarf)"
    names = {k for s in document.segments for k in s.attributes}
    assert not names & {"Excerpt Creator", "Resource Creator", "Codes Applied Combined"}
    assert not any(k.startswith("Code:") for k in names)


SURVEYS = [  # checkbox columns of survey tools: answers, never codes
    "ID;Was fehlt Ihnen?;Spielplatz;Verkehr;Sicherheit\n1;Mehr Licht;Y;;Y\n2;Bänke;;Y;\n",
    "ID;Was fehlt Ihnen?;Spielplatz;Verkehr;Sicherheit\n1;Mehr Licht;Ja;;Ja\n2;Bänke;;Ja;\n",
    "ID;Was fehlt Ihnen?;Spielplatz;Verkehr;Sicherheit\n1;Mehr Licht;x;;x\n2;Bänke;;x;\n",
    "ID;Was fehlt Ihnen?;Spielplatz;Verkehr\n1;Mehr Licht;TRUE;FALSE\n2;Bänke;FALSE;TRUE\n",
]


@pytest.mark.parametrize("text", SURVEYS, ids=["limesurvey", "forms", "kreuz", "wahr"])
def test_survey_checkboxes_stay_answers_even_with_the_codes_in_the_codebook(
    project: Project, tmp_path: Path, text: str
) -> None:
    """Guard (passes on old50 too): no automatic reading of crosses as codes."""
    for code in ("Spielplatz", "Verkehr", "Sicherheit"):
        project.add_code(code)
    table = _sheet(tmp_path, text, "umfrage.csv")
    project.import_files([table], mapping=TableMapping(text_column="Was fehlt Ihnen?"))
    assert project.codings().empty
    document = parse_table(
        io.BytesIO(text.encode()), TableMapping(text_column="Was fehlt Ihnen?"), name="u.csv"
    )
    assert "Spielplatz" in document.segments[0].attributes
    assert all(s.codes == () for s in document.segments)


def test_round_trip_through_the_workbench_export(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The codings of a cross sheet go out with the export (column codes, "Eve:Bedarf")
    and come back into another project with their coder."""
    assert main(_import(project, _sheet(tmp_path), "--code-columns", CODES, "--coder", "Eve")) == 0
    out = tmp_path / "export.csv"
    assert main(["--project", str(project.path), "export", "--format", "csv", str(out)]) == 0
    again = tmp_path / "wieder"
    assert main(["init", "--districts", "Manfort", str(again)]) == 0
    assert main(["--project", str(again), "import", str(out)]) == 0
    capsys.readouterr()
    back = Project.open(again)
    try:
        assert _codings(back) == EXPECTED
    finally:
        back.close()


@pytest.mark.backends
def test_a_deleted_code_stays_out_of_a_cross_sheet(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decision 026 as for --code-column: the statements come in, the deleted code's
    codings are left out and named; --restore-deleted-codes takes them back."""
    project.add_code("Ressource")
    project.remove_code("Ressource", force=True)
    capsys.readouterr()
    table = _sheet(tmp_path)
    given = ("--code-columns", CODES, "--coder", "Eve")
    assert main(_import(project, table, *given)) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "'Ressource' (gelöscht am 20" in out
    assert "Ressource" not in set(project.codes()["path"])
    assert ("1", "Eve", "Ressource") not in _codings(project)
    assert main(_import(project, table, *given, "--restore-deleted-codes")) == 0
    assert ("1", "Eve", "Ressource") in _codings(project)


def test_excel_truth_values_and_numbers_are_crosses(tmp_path: Path) -> None:
    """XLSX gives WAHR/FALSCH as booleans and crosses typed as 1 or 2,5 as numbers; a
    column "Gewicht" of the sheet keeps its name, the weights get their own."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Aussage-ID", "Aussage", "Ressource", "Bedarf", "Gewicht"])
    sheet.append([1, "Der Treff ist super", True, None, "hoch"])
    sheet.append([2, "Zu wenig Wohnungen", False, 2.5, None])
    sheet.append([3, "Mehr Bänke", 0, 1, None])
    path = tmp_path / "kodiert.xlsx"
    book.save(path)
    document = parse_table(path, TableMapping(code_columns=("Ressource..Bedarf",), coder="A"))
    assert [(s.codes, s.attributes) for s in document.segments] == [
        (("Ressource",), {"Gewicht": "hoch"}),
        (("Bedarf",), {"Gewicht (Codes)": "2,5 (Bedarf)"}),
        (("Bedarf",), {}),
    ]


def test_a_range_leaves_out_the_columns_other_options_name() -> None:
    """ "Aussage-ID.." means the codes after the ID and text, not the ID and the text."""
    text = "Nr;Aussage;Ressource;Bedarf\n1;Treff gut;x;\n2;Wohnungen fehlen;;x\n"
    mapping = TableMapping(text_column="Aussage", id_column="Nr", code_columns=("Nr..",), coder="A")
    document = parse_table(io.BytesIO(text.encode()), mapping, name="k.csv")
    assert [(s.source_id, s.codes) for s in document.segments] == [
        ("1", ("Ressource",)),
        ("2", ("Bedarf",)),
    ]
    assert document.options["code_columns"] == ("Ressource", "Bedarf")
