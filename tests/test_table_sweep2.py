"""Tables of QDA programs and survey tools: coded-segment lists without ID, NVivo's coding
summary, ATLAS.ti's quotation names, repeated headers, "no answer" markers, SoSci Survey's
label row, Excel's "Unicode-Text" and HTML in question headers."""

from __future__ import annotations

import doctest
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.core import textio
from workbench.ingest import table


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _segments(project: Project) -> pd.DataFrame:
    return project.segments()


def test_the_examples_in_the_docstrings_hold() -> None:
    """The doctests of the reading helpers (question text, tab-separated tables)."""
    for module in (table, textio):
        assert doctest.testmod(module).failed == 0


# -- A, B: MAXQDA's coded segments without ID ---------------------------------------------


def _maxqda(path: Path) -> None:
    pd.DataFrame(
        {
            "Dokumentname": ["Interview Fatma Karagöz"] * 2 + ["Protokoll Manfort"],
            "Code": ["Bedarfe\\Treffpunkte", "Ressourcen\\Ehrenamt", "Bedarfe\\Treffpunkte"],
            "Anfang": [12, 12, 3],
            "Ende": [12, 12, 4],
            "Segment": ["Der Jugendtreff fehlt."] * 2 + ["Mehr Bänke am Markt."],
        }
    ).to_excel(path, index=False)


def test_a_segment_is_numbered_by_its_document_not_named_after_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document's name may name the interviewee: the ID holds its number (D1, D2, …)."""
    path = tmp_path / "codierte_segmente.xlsx"
    _maxqda(path)
    assert _import(project, path, "--code-column", "Code", "--coder", "MAXQDA") == 0
    assert "D1, D2" in capsys.readouterr().out
    segments = _segments(project)
    assert segments["source_id"].tolist() == ["D1:12-12", "D2:3-4"]
    assert not any("Karagöz" in s for s in segments["source_id"])
    codings = project.codings()
    assert sorted(codings[codings["source_id"] == "D1:12-12"]["code"]) == [
        "Bedarfe/Treffpunkte",
        "Ressourcen/Ehrenamt",
    ]


def test_merged_rows_keep_each_codings_comment_and_weight(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAXQDA writes a coded segment's comment and weight per code: merging the rows of one
    statement keeps every row's value with its code, and the import names the columns."""
    path = tmp_path / "codierte_segmente.csv"
    path.write_text(
        "Dokumentgruppe;Dokumentname;Code;Anfang;Ende;Gewicht;Segment;Kommentar\n"
        "Manfort;Protokoll;Bedarf\\Treffpunkte;3;3;0;Der Jugendtreff fehlt abends.;\n"
        "Manfort;Protokoll;Herausforderung;3;3;50;Der Jugendtreff fehlt abends.;"
        "unsicher, laut Herrn Wieczorek\n"
        "Manfort;Protokoll;Bedarf;5;5;0;Mehr Bänke am Markt.;Beleg gut\n",
        encoding="utf-8",
    )
    assert _import(project, path, "--code-column", "Code", "--coder", "MAXQDA") == 0
    out = capsys.readouterr().out
    assert "Spalte(n) 'Gewicht', 'Kommentar' je Code verschieden" in out
    assert "1 Zeile wiederholt eine Aussage (gleiche Stelle)" in out
    first, second = _segments(project)["attributes"]
    assert first["Gewicht"] == "0 (Bedarf/Treffpunkte); 50 (Herausforderung)"
    assert first["Kommentar"] == "unsicher, laut [Person 1] (Herausforderung)"  # pseudonymised
    assert first["Dokumentgruppe"] == "Manfort" and first["Anfang"] == 3  # shared: as it was
    assert second["Gewicht"] == 0 and second["Kommentar"] == "Beleg gut"  # one row: unchanged


def test_without_code_column_no_code_is_lost_by_merging(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --code-column the list's "Code" column is read as its codes (with --coder):
    the rows of one place are one statement and every code of theirs is kept."""
    path = tmp_path / "codierte_segmente.xlsx"
    _maxqda(path)
    assert _import(project, path, "--coder", "MAXQDA") == 0
    assert "Spalte 'Code' als Codes erkannt" in capsys.readouterr().out
    segments = _segments(project)
    assert segments["source_id"].tolist() == ["D1:12-12", "D2:3-4"]
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("D1:12-12", "Bedarfe/Treffpunkte"),
        ("D1:12-12", "Ressourcen/Ehrenamt"),
        ("D2:3-4", "Bedarfe/Treffpunkte"),
    ]


# -- C: NVivo's coding summary ----------------------------------------------------------


def test_nvivo_coding_summary_is_read_with_its_code_paths(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Codierter Text" is the text; "Codes\\\\Bedarfe\\\\Jugend" is the code "Bedarfe/Jugend"."""
    path = tmp_path / "codierungsuebersicht.xlsx"
    pd.DataFrame(
        {
            "Hierarchischer Name": ["Codes\\\\Bedarfe\\\\Jugend", "Knoten\\\\Ressourcen"],
            "Datei": ["Dateien\\\\Protokoll Opladen"] * 2,
            "Codiert von Initialen": ["KO", "KO"],
            "Codierter Text": ["Es fehlt ein Jugendtreff.", "Die Bücherei hilft."],
        }
    ).to_excel(path, index=False)
    options = ("--code-column", "Hierarchischer Name", "--coder", "NVivo")
    assert _import(project, path, *options) == 0
    out = capsys.readouterr().out
    assert "Spalte 'Codierter Text' als Text erkannt" in out
    assert "Codiert von Initialen: wer kodiert hat" in out
    assert _segments(project)["text"].tolist() == [
        "Es fehlt ein Jugendtreff.",
        "Die Bücherei hilft.",
    ]
    assert sorted(project.codings()["code"]) == ["Bedarfe/Jugend", "Ressourcen"]


def test_english_coding_summary_has_its_coded_text(project: Project, tmp_path: Path) -> None:
    """NVivo 14's English export: "Coded Text"."""
    path = tmp_path / "coding_summary.xlsx"
    pd.DataFrame(
        {"Hierarchical Name": ["Codes\\\\Needs"], "Coded Text": ["Kein Raum für Mütter."]}
    ).to_excel(path, index=False)
    assert _import(project, path, "--coder", "NVivo") == 0
    assert _segments(project)["text"].tolist() == ["Kein Raum für Mütter."]
    assert project.codings()["code"].tolist() == ["Needs"]


# -- D: ATLAS.ti's quotation manager ------------------------------------------------------


def test_a_quotation_name_is_content_not_its_author(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ATLAS.ti's "Name" is the quotation's name (pseudonymised), its "ID" the statement's."""
    path = tmp_path / "zitate.xlsx"
    pd.DataFrame(
        {
            "ID": ["1:1", "1:2", "2:1"],
            "Name": ["Im Quartier fehlt …", "Herbert Wallmichrath", "Seniorenbüro"],
            "Dokument": ["1 Protokoll Opladen", "1 Protokoll Opladen", "2 Interview"],
            "Zitatinhalt": [
                "Im Quartier fehlt ein Treffpunkt.",
                "Der Pfarrsaal steht offen.",
                "Im Seniorenbüro melden sich viele.",
            ],
        }
    ).to_excel(path, index=False)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "als pseudonyme Person" not in out
    assert "Spalte 'Name': Name des Zitats" in out
    segments = _segments(project)
    assert segments["source_id"].tolist() == ["1:1", "1:2", "2:1"]
    assert not any("speaker" in a for a in segments["attributes"])
    assert "Wallmichrath" not in stored_text(project)
    assert segments["attributes"].iloc[2]["Titel des Zitats"] == "Seniorenbüro"


# -- E: repeated headers ----------------------------------------------------------------


def test_a_repeated_header_is_numbered_and_no_column_lost(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two columns "Anmerkungen": the second is "Anmerkungen (2)"."""
    path = tmp_path / "umfrage.csv"
    path.write_text(
        "ID;Was fehlt?;Anmerkungen;Was ist gut?;Anmerkungen\n"
        "1;Ein Treffpunkt;zu Frage 1;Der Park;zum Park noch etwas\n",
        encoding="utf-8",
    )
    options = ("--id-column", "ID", "--text-column", "Was fehlt?")
    assert _import(project, path, *options, "--text-column", "Anmerkungen (2)") == 0
    assert "'Anmerkungen (2)' nummeriert" in capsys.readouterr().out
    segments = _segments(project)
    assert segments["text"].tolist() == ["Ein Treffpunkt", "zum Park noch etwas"]
    assert segments["attributes"].iloc[0]["Anmerkungen"] == "zu Frage 1"


# -- F: "no answer" markers -------------------------------------------------------------


def test_no_answer_markers_are_not_statements(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "-", "k. A.", "N/A", "-99", "keine Angabe", … are skipped like empty answers."""
    path = tmp_path / "formular.csv"
    markers = ["-", "k.A.", "k. A.", "/", "---", "N/A", "-99", "-66", ".", "keine Angabe"]
    pd.DataFrame(
        {
            "Zeitstempel": [f"15.03.2021 10:{i:02d}" for i in range(11)],
            "Antwort": [
                *markers,
                "Mehr Licht am Bahnhof.",
            ],
        }
    ).to_csv(path, index=False)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "10 Zeilen nur mit 'keine Angabe'" in out
    assert "10 leere Zeilen übersprungen" in out
    assert _segments(project)["text"].tolist() == ["Mehr Licht am Bahnhof."]


# -- G: SoSci Survey's label row --------------------------------------------------------


def test_sosci_label_row_is_not_an_answer_but_the_question(
    project: Project, tmp_path: Path
) -> None:
    """SoSci's second header row labels the variables: the labels are the questions."""
    path = tmp_path / "sosci.csv"
    path.write_text(
        "CASE\tSERIAL\tQUESTNNR\tOF01_01\tOF02_01\n"
        "Interview-Nummer (fortlaufend)\tSeriennummer\tFragebogen\tWas fehlt?\tWas ist gut?\n"
        "187\t\tbase\tEin Stadtteilbüro\tDer Markt\n",
        encoding="utf-16",
    )
    options = ("--id-column", "CASE", "--text-column", "OF01_01", "--text-column", "OF02_01")
    assert _import(project, path, *options) == 0
    segments = _segments(project)
    assert segments["text"].tolist() == ["Ein Stadtteilbüro", "Der Markt"]
    assert segments["question"].tolist() == ["Was fehlt?", "Was ist gut?"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(project: Project, tmp_path: Path, encoding: str) -> None:
    """Some Windows tools write UTF-16 without a BOM: before, "Die Datei enthält Nullbytes"."""
    path = tmp_path / "umfrage.csv"
    path.write_bytes("Text;Sozialraum\nMehr Bänke am Fähranleger;Opladen\n".encode(encoding))
    assert _import(project, path) == 0
    assert _segments(project)["text"].tolist() == ["Mehr Bänke am Fähranleger"]
    broken = tmp_path / "kaputt.csv"
    broken.write_bytes(b"Text;Sozialraum\nPK\x03\x04\x00\x00\x01\x02abc\n")
    assert _import(project, broken) == 2  # nulls here and there: still no text


def test_a_cell_longer_than_128_kib_is_read(project: Project, tmp_path: Path) -> None:
    """A post with an embedded image is one long cell: before, "field larger than field
    limit (131072)" stopped the import of a valid file."""
    long = "Am Marktplatz fehlen Bänke. " * 6000  # 168,000 characters
    path = tmp_path / "beitraege.csv"
    path.write_text(f'Text;Sozialraum\n"{long}";Manfort\nKurz;Opladen\n', encoding="utf-8")
    assert _import(project, path) == 0
    assert _segments(project)["text"].tolist() == [long.strip(), "Kurz"]


def test_a_header_ending_in_a_delimiter_does_not_stop_its_shorter_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the header line ends with ";": its rows lack a cell that has no name and no
    value. Before: "Datensatz hat 2 statt 3 Felder". A row short of a named cell is padded
    and named (tests/test_table_reading.py)."""
    path = tmp_path / "karten.csv"
    path.write_text("Text;Sozialraum;\nMehr Bänke;Manfort\nEin Café;Opladen\n", "utf-8")
    assert _import(project, path) == 0
    assert _segments(project)["district"].tolist() == ["Manfort", "Opladen"]
    short = tmp_path / "kurz.csv"
    short.write_text("Text;Sozialraum;\nMehr Bänke;Manfort;\nEin Café\n", "utf-8")
    assert _import(project, short) == 0
    assert "(Zeile 3): fehlende Felder am Ende als leer gelesen" in capsys.readouterr().out


# -- H: Excel's "Unicode-Text" saved as .txt ---------------------------------------------


def test_a_tab_separated_txt_is_a_table(project: Project, tmp_path: Path) -> None:
    """Excel saves "Unicode-Text" as UTF-16 .txt with tabs: read as a table, not a protocol."""
    path = tmp_path / "umfrage.txt"
    path.write_text(
        'Nr.\tStadtteil\tWas fehlt?\n1\tOpladen\tEin Café\n2\tWiesdorf\t"Ein Ort\nzum Lernen"\n',
        encoding="utf-16",
    )
    assert _import(project, path, "--text-column", "Was fehlt?", "--id-column", "Nr.") == 0
    segments = _segments(project)
    assert segments["text"].tolist() == ["Ein Café", "Ein Ort\nzum Lernen"]
    assert segments["source_id"].tolist() == ["1", "2"]


def test_a_txt_protocol_stays_a_protocol(project: Project, tmp_path: Path) -> None:
    """A plain-text protocol (no tabs) is still read as a protocol."""
    path = tmp_path / "protokoll.txt"
    path.write_text("# Workshop\n\nEs fehlt ein Treffpunkt.\n", encoding="utf-8")
    assert _import(project, path) == 0
    assert _segments(project)["text"].tolist() == ["Es fehlt ein Treffpunkt."]


# -- I: HTML and long question headers --------------------------------------------------


def test_question_headers_are_plain_text_and_at_most_300_characters(
    project: Project, tmp_path: Path
) -> None:
    """LimeSurvey's full question text in HTML becomes plain text, cut with "…" in its middle
    at 300 (its end kept, as a protocol's question is cut: d5e090f)."""
    long = "<p><strong>Was fehlt?</strong></p><p><em>" + "Denken Sie an Bänke. " * 20 + "</em></p>"
    short = "Was hat geholfen?&nbsp;"
    path = tmp_path / "limesurvey.csv"
    pd.DataFrame(
        {"Antwort ID": [31], long: ["Ein Nachbarschaftscafé."], short: ["Die Telefonkette."]}
    ).to_csv(path, index=False)
    options = ("--id-column", "Antwort ID", "--text-column", long, "--text-column", short)
    assert _import(project, path, *options) == 0
    questions = _segments(project)["question"].tolist()
    assert questions[0].startswith("Was fehlt?") and "<" not in questions[0]
    assert len(questions[0]) == 300 and "…" in questions[0]
    assert questions[0].endswith("Denken Sie an Bänke.")
    assert questions[1] == "Was hat geholfen?"


def test_a_txt_with_tabs_and_table_options_is_a_table(project: Project, tmp_path: Path) -> None:
    """With --text-column, a .txt whose header has tabs is a table even if a record is
    ragged: the import then names the broken row instead of reading a protocol."""
    path = tmp_path / "umfrage.txt"
    path.write_text("Nr.\tWas fehlt?\n1\tEin Café\n2\tBänke\textra\n", encoding="utf-8")
    assert _import(project, path, "--text-column", "Was fehlt?") == 2
    assert project.segments().empty


def test_a_slash_inside_a_maxqda_code_name_is_part_of_the_name(
    project: Project, tmp_path: Path
) -> None:
    """A code "Mobilität\\ÖPNV (Bus/Bahn)": backslashes separate the levels, "/" belongs to the
    name. Before, it made a third level "ÖPNV (Bus" → "Bahn)"."""
    path = tmp_path / "codierte_segmente.csv"
    path.write_text(
        "ID;Code;Segment\n1;Mobilität\\ÖPNV (Bus/Bahn);Der Bus fährt zu selten.\n", "utf-8"
    )
    assert _import(project, path, "--code-column", "Code", "--coder", "MAXQDA") == 0
    assert project.codings()["code"].tolist() == ["Mobilität/ÖPNV (Bus\u2215Bahn)"]
    assert sorted(project.codes()["path"]) == ["Mobilität", "Mobilität/ÖPNV (Bus\u2215Bahn)"]


def test_a_column_without_header_keeps_its_values(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A header cell left empty (a column added by hand) dropped its values silently: the
    column is now named by its place and kept; an empty column stays out."""
    path = tmp_path / "karten.csv"
    path.write_text(
        "Text;Sozialraum;;\n"
        "Es fehlt ein Treffpunkt.;Manfort;wichtig;\n"
        "Der Bus fährt selten.;Opladen;;\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    assert "ohne Spaltenkopf, aber mit Werten: als 'Spalte 3' übernommen" in (
        capsys.readouterr().out
    )
    assert _segments(project)["attributes"].tolist() == [{"Spalte 3": "wichtig"}, {}]


def test_rows_with_an_empty_district_cell_are_counted(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cards whose district cell is empty are stored city-wide; the import says how many,
    so a half-filled district column does not go unnoticed."""
    path = tmp_path / "karten.csv"
    path.write_text(
        "Text;Sozialraum\nEs fehlt ein Treffpunkt.;Manfort\nDer Bus fährt selten.;\n"
        "Die Bänke sind kaputt.;\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    assert (
        "2 Zeilen ohne Eintrag in Spalte 'Sozialraum': ohne Sozialraum gespeichert"
        in capsys.readouterr().out
    )
    assert _segments(project)["district"].tolist() == ["Manfort", "Gesamtstadt", "Gesamtstadt"]
    without = tmp_path / "ohne.csv"  # no district column: nothing to say
    without.write_text("Text\nDie Kita braucht mehr Plätze.\n", encoding="utf-8")
    assert _import(project, without) == 0
    assert "ohne Eintrag" not in capsys.readouterr().out


def test_a_text_column_beside_the_district_is_not_its_free_text(
    project: Project, tmp_path: Path
) -> None:
    """ "Sozialraum | Text" is the most common card table: a card without district took the
    district its own statement names ("Wie in Opladen …"), as if "Text" were the free-text
    answer of the district question."""
    path = tmp_path / "karten.csv"
    path.write_text(
        "Sozialraum;Text\nManfort;Im Park fehlt Licht.\n;Wie in Opladen fehlt ein Café.\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    assert _segments(project)["district"].tolist() == ["Manfort", "Gesamtstadt"]


def test_an_empty_text_column_gives_way_to_the_description(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A platform export with an unused "Text" column beside "Beschreibung": the statements
    were the titles alone ("Bänke"), their content an attribute."""
    path = tmp_path / "vorschlaege.csv"
    path.write_text(
        "ID;Titel;Text;Beschreibung\n1;Bänke;;Mehr Bänke am Markt.\n"
        "2;Licht;;Im Park ist es dunkel.\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    assert "Spalte 'Beschreibung' als Text erkannt." in capsys.readouterr().out
    assert _segments(project)["text"].tolist() == [
        "Bänke. Mehr Bänke am Markt.",
        "Licht. Im Park ist es dunkel.",
    ]
