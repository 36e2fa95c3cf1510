"""Table exports of QDA programs as written by their English interfaces: ATLAS.ti's
quotation list (Excel) and MAXQDA's list of coded segments."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_atlas_quotation_list_keeps_each_code_of_a_cell_and_its_levels(
    project: Project, tmp_path: Path
) -> None:
    """ATLAS.ti lists a quotation's codes one per line in its "Codes" cell and names a
    code's levels "Bedarf::Wohnen"."""
    path = _xlsx(
        tmp_path / "quotations.xlsx",
        [
            ["ID", "Quotation Name", "Document", "Codes", "Quotation Content", "Created by"],
            ["1:1", "Mieten", "Begehung", "Bedarf::Wohnen\nBedarf", "Die Mieten steigen.", "A"],
            ["1:2", "Treff", "Begehung", "Ressource::Orte", "Der Jugendtreff hilft.", "A"],
            ["2:1", "Bus", "Forum", "Bedarf::Verkehr\r\nMobilität", "Der Bus fährt selten.", "A"],
        ],
    )
    argv = ["--project", str(project.path), "import", str(path), "--code-column", "Codes"]
    assert main([*argv, "--coder", "ATLAS"]) == 0
    assert sorted(project.codes()["path"]) == [
        "Bedarf",
        "Bedarf/Verkehr",
        "Bedarf/Wohnen",
        "Mobilität",
        "Ressource",
        "Ressource/Orte",
    ]
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("1:1", "Bedarf"),
        ("1:1", "Bedarf/Wohnen"),
        ("1:2", "Ressource/Orte"),
        ("2:1", "Bedarf/Verkehr"),
        ("2:1", "Mobilität"),
    ]


def test_maxqda_english_coded_segments_area_is_the_segment_size_not_a_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAXQDA's English list of coded segments ends with "Area" (the segment's characters)
    and "Coverage %": no district question, no advice to re-export a survey."""
    head = ["Color", "Document group", "Document name", "Code", "Begin", "End"]
    head += ["Weight score", "Segment", "Created by", "Created", "Area", "Coverage %"]
    rows = [
        ["#ff0000", "Workshops", "Forum", "Bedarf\\Wohnen", 3, 3, 0, "Die Mieten steigen."],
        ["#00ff00", "Workshops", "Forum", "Ressource\\Orte", 5, 5, 0, "Der Treff hilft."],
        ["#ff0000", "Workshops", "Forum", "Bedarf\\Verkehr", 5, 5, 0, "Der Treff hilft."],
    ]
    path = _xlsx(
        tmp_path / "coded_segments.xlsx",
        [head, *[[*row, "Ana", "2024-03-01", len(row[7]), 12.5] for row in rows]],
    )
    argv = ["--project", str(project.path), "import", str(path), "--code-column", "Code"]
    assert main([*argv, "--coder", "MAXQDA"]) == 0
    out = capsys.readouterr().out
    assert "Area" not in out and "Antwortcodes" not in out
    segments = project.segments()
    assert segments["text"].tolist() == ["Die Mieten steigen.", "Der Treff hilft."]
    assert [a["Area"] for a in segments["attributes"]] == [19, 16]
    assert set(segments["district"]) == {"Gesamtstadt"}
    codes = sorted(project.codings()["code"])
    assert codes == ["Bedarf/Verkehr", "Bedarf/Wohnen", "Ressource/Orte"]


_GERMAN_MAXQDA = ["Farbe", "Dokumentgruppe", "Dokumentname", "Code", "Anfang", "Ende"]
_GERMAN_MAXQDA += ["Gewicht", "Segment", "Kommentar", "Erstellt von", "Fläche", "Abdeckung %"]


def _german_maxqda(path: Path) -> Path:
    """MAXQDA's German list of coded segments: one segment coded twice is two rows."""
    rows = [
        ["#f00", "Workshops", "Forum", "Bedarf\\Wohnen", 3, 3, 0, "Die Mieten steigen.", ""],
        ["#0f0", "Workshops", "Forum", "Ressource\\Orte", 5, 5, 0, "Der Treff hilft.", ""],
        ["#f00", "Workshops", "Forum", "Bedarf\\Verkehr", 5, 5, 0, "Der Treff hilft.", "?"],
    ]
    body = [[*row, "Ana", 16, 10.5] for row in rows]
    lines = [";".join(map(str, row)) for row in [_GERMAN_MAXQDA, *body]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


@pytest.mark.parametrize("program", ["MAXQDA", "ATLAS.ti"])
def test_segment_list_without_code_column_reads_its_codes(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], program: str
) -> None:
    """Imported without --code-column, a segment coded twice was two identical statements
    and its codes a mere attribute: the list's code column is read as if it were given."""
    if program == "MAXQDA":
        path = _german_maxqda(tmp_path / "Codierte Segmente.csv")
        texts, codes = ["Die Mieten steigen.", "Der Treff hilft."], "Code"
    else:
        path = _xlsx(
            tmp_path / "quotations.xlsx",
            [
                ["ID", "Quotation Name", "Document", "Codes", "Created by", "Quotation Content"],
                ["1:1", "Mieten", "Begehung", "Bedarf::Wohnen", "A", "Die Mieten steigen."],
                [
                    "1:2",
                    "Treff",
                    "Begehung",
                    "Ressource::Orte\nBedarf::Verkehr",
                    "A",
                    "Der Treff hilft.",
                ],
            ],
        )
        texts, codes = ["Die Mieten steigen.", "Der Treff hilft."], "Codes"
    argv = ["--project", str(project.path), "import", str(path), "--coder", program]
    assert main(argv) == 0
    assert f"Spalte '{codes}' als Codes erkannt." in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == texts
    assert all(codes not in attributes for attributes in segments["attributes"])
    codings = project.codings()
    assert sorted(codings["code"]) == ["Bedarf/Verkehr", "Bedarf/Wohnen", "Ressource/Orte"]
    assert set(codings["coder"]) == {program}


def test_segment_list_without_coder_stops_before_storing_anything(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its codes need to know who coded: the import asks for --coder and stores nothing."""
    cards = tmp_path / "karten.csv"
    cards.write_text("Text;Code\nMehr Bänke am Markt;K1\n", encoding="utf-8")
    path = _german_maxqda(tmp_path / "Codierte Segmente.csv")
    assert main(["--project", str(project.path), "import", str(cards), str(path)]) == 2
    err = capsys.readouterr().err
    assert "Codierte Segmente.csv" in err and "Liste codierter Segmente" in err
    assert "--coder NAME" in err and "--code-column 'Code'" in err
    assert "Traceback" not in err
    assert project.segments().empty


def test_a_card_walls_code_column_stays_an_attribute(project: Project, tmp_path: Path) -> None:
    """A column "Code" beside a card's "Text" (the card's code on the wall) is no QDA code:
    only a segment list's code column is read as codes."""
    cards = tmp_path / "karten.csv"
    cards.write_text("Text;Code\nMehr Bänke am Markt;K1\nEin Jugendtreff;K2\n", encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(cards)]) == 0
    assert [a["Code"] for a in project.segments()["attributes"]] == ["K1", "K2"]
    assert project.codings().empty


def test_a_segment_list_sheet_without_coder_is_named_with_the_option(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a workbook whose other sheet has statements, the segment list's sheet is left
    out with its reason; the reason names --coder, the way to import it."""
    book = openpyxl.Workbook()
    book.active.title = "Karten"
    book.active.append(["Text"])
    book.active.append(["Mehr Bänke am Markt"])
    segments = book.create_sheet("Segmente")
    segments.append(["Dokumentname", "Code", "Anfang", "Ende", "Segment"])
    segments.append(["Forum", "Bedarf", 3, 3, "Die Mieten steigen."])
    path = tmp_path / "mappe.xlsx"
    book.save(path)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tabellenblatt 'Segmente' nicht importiert" in out
    assert "mit --coder NAME angeben, wer kodiert hat" in out


def test_coders_initials_in_a_segment_list_are_no_speakers_role(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAXQDA's "Erstellt von" holds the coder's user name, often initials ("AM", "JB");
    those looked like a transcript's speaker labels and became every statement's role."""
    head = ["Dokumentgruppe", "Dokumentname", "Code", "Anfang", "Ende", "Segment"]
    rows = [
        ["Manfort", "Interview 1", "Bedarf\\Jugend", 3, 3, "Es fehlt ein Treffpunkt.", "AM"],
        ["Manfort", "Interview 1", "Herausforderung", 3, 3, "Es fehlt ein Treffpunkt.", "JB"],
        ["Opladen", "Interview 2", "Ressource", 5, 6, "Die Nachbarschaft hilft.", "JB"],
    ]
    path = _xlsx(tmp_path / "Codierte Segmente.xlsx", [[*head, "Erstellt von"], *rows])
    assert main(["--project", str(project.path), "import", str(path), "--coder", "MAXQDA"]) == 0
    out = capsys.readouterr().out
    assert "'Erstellt von' als Rolle" not in out
    assert "Erstellt von: wer kodiert hat" in out
    segments = project.segments()
    assert segments["text"].tolist() == ["Es fehlt ein Treffpunkt.", "Die Nachbarschaft hilft."]
    assert segments["speaker_role"].isna().all()
    assert all("Erstellt von" not in attributes for attributes in segments["attributes"])


def test_nvivo_coding_summary_without_code_column_keeps_its_codes(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """NVivo's coding summary names each reference's code in "Hierarchischer Name"; without
    --code-column its codes became a mere attribute and the codings were lost."""
    head = ["Hierarchischer Name", "Datei", "Codiert von Initialen", "Codierter Text"]
    path = _xlsx(
        tmp_path / "Codierungsübersicht.xlsx",
        [
            head,
            ["Codes\\\\Bedarfe\\\\Treffpunkte", "Dateien\\\\Interview 1", "AM", "Kein Treff."],
            ["Codes\\\\Ressourcen", "Dateien\\\\Interview 2", "JB", "Die Bücherei hilft."],
        ],
    )
    argv = ["--project", str(project.path), "import", str(path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Spalte 'Hierarchischer Name'" in err and "--coder NAME" in err
    assert project.segments().empty
    assert main([*argv, "--coder", "NVivo"]) == 0
    assert "Spalte 'Hierarchischer Name' als Codes erkannt." in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == ["Kein Treff.", "Die Bücherei hilft."]
    assert all("Hierarchischer Name" not in a for a in segments["attributes"])
    codings = project.codings()
    assert sorted(codings["code"]) == ["Bedarfe/Treffpunkte", "Ressourcen"]
    assert set(codings["coder"]) == {"NVivo"}


def test_a_name_met_in_a_later_column_is_replaced_in_the_rows_before(
    project: Project, tmp_path: Path
) -> None:
    """ATLAS.ti's quotation list: the document "1 Interview Schneider" of the first row
    stayed in clear, because "Frau Schneider" (in that row's comment) taught the key the
    name only after it; the second row's same document name was pseudonymised."""
    head = ["ID", "Dokument", "Codes", "Zitatinhalt", "Kommentar", "Erstellt von"]
    path = _xlsx(
        tmp_path / "zitate.xlsx",
        [
            head,
            [
                "1:1",
                "1 Interview Schneider",
                "Bedarf",
                "Es fehlt ein Treff.",
                "Frau Schneider",
                "A",
            ],
            ["1:2", "1 Interview Schneider", "Bedarf", "Die Mieten sind hoch.", "", "A"],
            ["2:1", "2 Begehung Opladen", "Ressource", "Die Bücherei hilft.", "", "A"],
        ],
    )
    assert main(["--project", str(project.path), "import", str(path), "--coder", "ATLAS"]) == 0
    attributes = project.segments()["attributes"].tolist()
    assert "Schneider" not in repr(attributes)
    placeholder = attributes[0]["Kommentar"]
    assert placeholder.startswith("[Person ")
    assert [a["Dokument"] for a in attributes] == [f"1 Interview {placeholder}"] * 2 + [
        "2 Begehung Opladen"
    ]


def test_nvivo_coding_summary_text_coded_twice_is_one_statement(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """NVivo lists a text coded at two codes in two rows, without beginning or end: it
    became two identical statements (counted twice by every analysis); the document and
    the text now place it, and the same text in another file stays its own statement."""
    head = ["Hierarchischer Name", "Datei", "Codierter Text"]
    path = _xlsx(
        tmp_path / "Codierungsübersicht.xlsx",
        [
            head,
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 1", "Es fehlt ein Treffpunkt."],
            ["Codes\\\\Herausforderungen", "Dateien\\\\Interview 1", "Es fehlt ein Treffpunkt."],
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 2", "Es fehlt ein Treffpunkt."],
            ["Codes\\\\Ressourcen", "Dateien\\\\Interview 1", "Die Bücherei hilft."],
        ],
    )
    assert main(["--project", str(project.path), "import", str(path), "--coder", "NVivo"]) == 0
    assert "'Datei' und der Text bestimmen die Aussage" in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Es fehlt ein Treffpunkt.",
        "Es fehlt ein Treffpunkt.",
        "Die Bücherei hilft.",
    ]
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("D1:1", "Bedarfe"),
        ("D1:1", "Herausforderungen"),
        ("D1:2", "Ressourcen"),
        ("D2:1", "Bedarfe"),
    ]


def test_nvivo_coding_summary_same_text_twice_at_one_code_stays_two_statements(
    project: Project, tmp_path: Path
) -> None:
    """Two passages of one interview with the same words ("Ja, genau."), each coded at
    "Zustimmung": NVivo cannot code one passage twice at one code, so they are two
    statements; placing by document and text made them one and lost a coding."""
    head = ["Hierarchischer Name", "Datei", "Codierter Text"]
    path = _xlsx(
        tmp_path / "Codierungsübersicht.xlsx",
        [
            head,
            ["Codes\\\\Zustimmung", "Dateien\\\\Interview 1", "Ja, genau."],
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 1", "Es fehlt ein Treffpunkt."],
            ["Codes\\\\Zustimmung", "Dateien\\\\Interview 1", "Ja, genau."],
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 1", "Ja, genau."],
        ],
    )
    assert main(["--project", str(project.path), "import", str(path), "--coder", "NVivo"]) == 0
    segments = project.segments()
    assert segments["text"].tolist() == ["Ja, genau.", "Es fehlt ein Treffpunkt.", "Ja, genau."]
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("D1:1", "Bedarfe"),
        ("D1:1", "Zustimmung"),
        ("D1:2", "Bedarfe"),
        ("D1:3", "Zustimmung"),
    ]


def test_nvivo_coding_summary_one_passage_coded_by_two_coders_is_one_statement(
    project: Project, tmp_path: Path
) -> None:
    """Two coders' rows of one passage at one code ("Codiert von Initialen" AM and JB) are
    one statement, not two passages with the same words."""
    head = ["Hierarchischer Name", "Datei", "Codiert von Initialen", "Codierter Text"]
    path = _xlsx(
        tmp_path / "Codierungsübersicht.xlsx",
        [
            head,
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 1", "AM", "Es fehlt ein Treffpunkt."],
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 1", "JB", "Es fehlt ein Treffpunkt."],
            ["Codes\\\\Bedarfe", "Dateien\\\\Interview 1", "AM", "Es fehlt ein Treffpunkt."],
        ],
    )
    assert main(["--project", str(project.path), "import", str(path), "--coder", "NVivo"]) == 0
    assert project.segments()["source_id"].tolist() == ["D1:1", "D1:2"]
