"""Tables a city team exports, edits in a spreadsheet program and imports again (decision 013).

German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252 with ";" and CRLF, "CSV
UTF-8" with a byte order mark; LibreOffice, Numbers and Google Sheets write ",". Every file
here is written the way those programs write it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest.table import TableMapping

CARDS = (
    "Karten-ID,Text,Sozialraum\n"
    "1,- mehr Bänke am Markt,Manfort\n"
    '2,"=HYPERLINK(""http://x"";""klick"")",Manfort\n'
    "3,+ Treffpunkt für Jugendliche,Manfort\n"
)
TEXTS = [
    "- mehr Bänke am Markt",
    '=HYPERLINK("http://x";"klick")',
    "+ Treffpunkt für Jugendliche",
]


def _texts(path: Path) -> list[str]:
    project = Project.open(path)
    try:
        return project.segments()["text"].tolist()
    finally:
        project.close()


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_an_exported_table_comes_back_without_the_formula_guard(
    tmp_path: Path, form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export puts ' before a card that starts like a formula ("- mehr Bänke"), so
    Excel runs nothing; importing the export again stored "'- mehr Bänke" as the text."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    first, second = tmp_path / "erst", tmp_path / "wieder"
    for folder in (first, second):
        assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    assert main(["--project", str(first), "import", str(cards), "--id-column", "Karten-ID"]) == 0
    assert _texts(first) == TEXTS
    out = tmp_path / f"export.{form}"
    assert main(["--project", str(first), "export", "--format", form, str(out)]) == 0
    assert main(["--project", str(second), "import", str(out), "--id-column", "source_id"]) == 0
    assert _texts(second) == TEXTS


def test_an_export_saved_again_by_german_excel_comes_back_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel shows the guard as text and saves it in Windows-1252 with ";" and CRLF (a
    leading ' is what a person types in Excel to keep "- mehr Bänke" from being a formula)."""
    saved = tmp_path / "export.csv"
    saved.write_bytes(
        (
            "segment_id;source_id;district;text\r\n"
            "1;1;Manfort;'- mehr Bänke am Markt\r\n"
            '2;2;Manfort;"\'=HYPERLINK(""http://x"";""klick"")"\r\n'
            "3;3;Manfort;'+ Treffpunkt für Jugendliche\r\n"
        ).encode("cp1252")
    )
    folder = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    assert main(["--project", str(folder), "import", str(saved), "--id-column", "source_id"]) == 0
    assert _texts(folder) == TEXTS


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_codings_saved_by_german_excel_are_imported(
    project: Project, tmp_path: Path, encoding: str
) -> None:
    """German Excel saves ";" (cp1252 or "CSV UTF-8" with a mark) and keeps rows of empty
    cells; import_codings read commas only and stopped with a UnicodeDecodeError."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    project.import_files([cards], mapping=TableMapping(id_column="Karten-ID"))
    project.add_code("Bedarf")
    project.add_code("Themen")
    project.add_code("Themen/Ältere Menschen")
    codings = tmp_path / "kodierungen.csv"
    codings.write_bytes(
        (
            "document;source_id;coder;code;;\r\n"
            "karten.csv;1;Jürgen;Bedarf;;\r\n"
            "karten.csv;3;Jürgen;Themen/Ältere Menschen;;\r\n"
            ";;;;;\r\n"
        ).encode(encoding)
    )
    assert project.import_codings(codings) == 2
    table = project.codings()
    assert sorted(zip(table["source_id"], table["coder"], table["code"], strict=True)) == [
        ("1", "Jürgen", "Bedarf"),
        ("3", "Jürgen", "Themen/Ältere Menschen"),
    ]


def test_a_codings_table_without_a_column_names_what_is_missing(
    project: Project, tmp_path: Path
) -> None:
    codings = tmp_path / "kodierungen.csv"
    codings.write_bytes(b"document;source_id;code\r\nkarten.csv;1;Bedarf\r\n")
    with pytest.raises(InputError, match=r"kodierungen\.csv, Zeile 1: .*es fehlt coder\."):
        project.import_codings(codings)


def test_the_codes_of_an_export_come_back_with_their_coders(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export's column codes reads "A:Bedarf; B:Themen/Ältere Menschen"; imported
    with --code-column codes, "A:Bedarf" became a new code beside "Bedarf" (and "A:Themen"
    a new top code), every coding by the one --coder."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    project.import_files([cards], mapping=TableMapping(id_column="Karten-ID"))
    paths = ["Bedarf", "Themen", "Themen/Ältere Menschen"]
    for path in paths:
        project.add_code(path)
    first, third = project.segments()["segment_id"].iloc[[0, 2]].tolist()
    project.code_segment(first, "Bedarf", "A")
    project.code_segment(first, "Themen/Ältere Menschen", "B")
    project.code_segment(third, "Bedarf", "B")
    out = tmp_path / "export.csv"
    assert main(["--project", str(project.path), "export", "--format", "csv", str(out)]) == 0
    again = tmp_path / "wieder"
    assert main(["init", "--districts", "Manfort", str(again)]) == 0
    where = ["--project", str(again)]
    for path in paths:
        assert main([*where, "codebook", "add", path]) == 0
    assert main([*where, "import", str(out), "--id-column", "source_id",
                 "--code-column", "codes", "--coder", "X"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    back = Project.open(again)
    try:
        assert back.codes()["path"].tolist() == paths
        table = back.codings()
        assert sorted(zip(table["source_id"], table["coder"], table["code"], strict=True)) == [
            ("1", "A", "Bedarf"),
            ("1", "B", "Themen/Ältere Menschen"),
            ("3", "B", "Bedarf"),
        ]
    finally:
        back.close()
    assert "Spalte 'codes' nennt vor jedem Code, wer kodiert hat" in printed


@pytest.mark.parametrize(
    ("shown", "reason"),
    [("1,23457E+11", "hat Excel gekürzt"), ("02. Jan", "ist ein Datum, das Excel")],
)
def test_ids_excel_changed_stop_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], shown: str, reason: str
) -> None:
    """German Excel saves an ID of twelve digits as "1,23457E+11" and "2.1" as "02. Jan";
    the import stored them as IDs, which lead back to no source row and no coding."""
    table = tmp_path / "umfrage.csv"
    table.write_bytes(
        f"ID;Antwort;Sozialraum\r\n4711;Mehr Bänke;Manfort\r\n{shown};Bus fährt selten;Manfort\r\n"
        .encode("cp1252")
    )  # fmt: skip
    where = ["--project", str(project.path), "import", str(table), "--id-column", "ID"]
    assert main(where) == 2
    err = capsys.readouterr().err
    assert f"umfrage.csv, Zeile 3: ID '{shown}' {reason}" in err and "Traceback" not in err
    assert project.segments().empty


def test_a_codings_table_with_an_id_excel_made_a_date_says_so(
    project: Project, tmp_path: Path
) -> None:
    """Before: "Aussage 02. Jan in Dokument umfrage.csv ist nicht importiert"."""
    codings = tmp_path / "kodierungen.csv"
    codings.write_bytes(b"document;source_id;coder;code\r\numfrage.csv;02. Jan;A;Bedarf\r\n")
    with pytest.raises(InputError, match=r"Zeile 2: ID '02\. Jan' ist ein Datum, das Excel"):
        project.import_codings(codings)


def test_a_card_of_a_thousand_quotes_is_imported_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading the formula guard back (1ec7c26) recursed once per leading quote: a card
    typed as a row of "'" stopped the import (and the export) with a RecursionError."""
    quotes = "'" * 3000 + "Hallo"
    cards = tmp_path / "karten.csv"
    cards.write_text(f"Karten-ID,Text,Sozialraum\n1,{quotes},Manfort\n", encoding="utf-8")
    first, second = tmp_path / "erst", tmp_path / "wieder"
    for folder in (first, second):
        assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    assert main(["--project", str(first), "import", str(cards), "--id-column", "Karten-ID"]) == 0
    assert _texts(first) == [quotes]
    out = tmp_path / "export.csv"
    assert main(["--project", str(first), "export", "--format", "csv", str(out)]) == 0
    assert main(["--project", str(second), "import", str(out), "--id-column", "source_id"]) == 0
    assert _texts(second) == [quotes]


@pytest.mark.backends
def test_a_code_too_long_in_a_table_stops_clearly_on_both_backends(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """536f5d4 refused a code name over 200 characters from .qdpx, YAML and codebook add;
    a table's code column (MAXQDA's coded segments, --code-column) still stopped PostgreSQL
    with a database traceback and went through on SQLite."""
    long = "Zugang zu Beratung " * 12  # 227 characters once stripped
    table = tmp_path / "segmente.csv"
    table.write_text(f"id,Text,Code\n1,Mehr Bänke am Markt,Bedarf\\{long}\n", encoding="utf-8")
    where = ["--project", str(project.path), "import", str(table), "--district", "Manfort"]
    assert main([*where, "--code-column", "Code", "--coder", "A"]) == 2
    err = capsys.readouterr().err
    assert "segmente.csv, Zeile 2: Codename 'Zugang zu Beratung Zugang zu B…' unter " in err
    assert "'Bedarf' ist zu lang: 227 Zeichen" in err and "Traceback" not in err
    assert project.codebook() == [] and project.segments().empty


EXPORT = (
    "segment_id,source_id,district,text,start\r\n"
    '1,1,Manfort,"Kein Endgerät, kein Drucker",0\r\n'
    "2,2,Manfort,Mehr Bänke am Markt,30\r\n"
)


@pytest.mark.parametrize(
    ("saved", "row"),
    [
        # Excel read at ";": the row with a quoted field is one cell, quoted again
        ('"1,1,Manfort,""Kein Endgerät, kein Drucker"",0"\r\n', 2),
        # a text with ";" split its row, so Excel filled every row up with ";"
        ('"1,1,Manfort,""Kein Endgerät, kein Drucker"",0";\r\n3,3,Manfort,Bus; Bahn,60\r\n', 2),
    ],
)
def test_an_export_opened_in_german_excel_by_double_click_and_saved_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], saved: str, row: int
) -> None:
    """The row in one quoted cell was padded with empty fields and skipped as an empty row
    (its statement lost without a word), or the import said "fehlerhaft oder abgeschnitten"."""
    lines = EXPORT.split("\r\n")
    header = lines[0] + (";" if saved.rstrip().endswith("60") else "")
    path = tmp_path / "export.csv"
    path.write_bytes((f"{header}\r\n{saved}{lines[2]}\r\n").encode("cp1252"))
    folder = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"export.csv, Zeile {row}: 1 Zeile ({row}) steht ganz in einem Feld" in err
    assert "„Daten → Aus Text/CSV“" in err
    assert "Drucker" not in err  # no participant's text in a message
    assert _texts(folder) == []


def test_a_short_row_whose_text_has_quotes_and_commas_is_still_read(tmp_path: Path) -> None:
    """A row of one quoted text with quotes and two commas split into the header's three
    fields and was taken for a row Excel put into one cell."""
    path = tmp_path / "karten.csv"
    path.write_text(
        'Text,Sozialraum,Rolle\r\n"Wir brauchen ""mehr"" Bänke, Licht, Wege"\r\n'
        "Ein Café fehlt,Manfort,Jugendarbeit\r\n",
        encoding="utf-8",
    )
    folder = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(folder)]) == 0
    assert main(["--project", str(folder), "import", str(path), "--district", "Manfort"]) == 0
    assert _texts(folder) == ['Wir brauchen "mehr" Bänke, Licht, Wege', "Ein Café fehlt"]
