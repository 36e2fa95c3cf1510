"""Third format sweep: a district question's "other"/"no answer" codes and its free-text
column, CSVs saved by Excel for Mac (Mac OS Roman, CR line endings), and text frames and
tracked changes in ODT protocols."""

from __future__ import annotations

import doctest
import zipfile
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.core import textio
from workbench.core.domain import GUIDING_QUESTIONS, InputError
from workbench.core.textio import RawFile, decode
from workbench.ingest import table_districts
from workbench.ingest.odt_protocol import parse_odt
from workbench.ingest.table import TableMapping, parse_table
from workbench.ingest.table_rows import reading_notices

KNOWN = ("Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel", "Gesamtstadt")


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def test_the_examples_in_the_docstrings_hold() -> None:
    """The doctests of the district cells and the encoding detection."""
    for module in (table_districts, textio):
        assert doctest.testmod(module).failed == 0


# -- a district question's "other" and "no answer" ------------------------------------------

LIMESURVEY = (  # LimeSurvey's export with answer codes: "-oth-" and its "[other]" column
    '"id","STADTTEIL","STADTTEIL[other]","FEHLT"\n'
    '"1","Opladen","","Eine Bank an der Bushaltestelle."\n'
    '"2","-oth-","Leverkusen-Wiesdorf","Ein Jugendtreff, der abends offen hat."\n'
    '"3","-oth-","manfort","Mehr Ärztinnen im Viertel."\n'
    '"4","-oth-","Köln-Mülheim","Bessere Busanbindung nach Köln."\n'
    '"5","Sonstiges","","Ein Café als Treffpunkt."\n'
    '"6","keine Angabe","","Toiletten am Marktplatz."\n'
    '"7","weiß nicht","","WLAN im Bürgerhaus."\n'
    '"8","Andere","","Mehr Grün."\n'
)


def _limesurvey(tmp_path: Path) -> Path:
    path = tmp_path / "umfrage.csv"
    path.write_text(LIMESURVEY, encoding="utf-8")
    return path


def test_other_and_no_answer_mean_no_district_and_the_free_text_may_name_one(
    tmp_path: Path,
) -> None:
    """ "-oth-", "Sonstiges", "keine Angabe", "weiß nicht", "Andere" are no district; the
    "[other]" column's text gives the district when it names one of the project's."""
    mapping = TableMapping(
        text_column="FEHLT", id_column="id", district_column="STADTTEIL", districts=KNOWN
    )
    parsed = parse_table(_limesurvey(tmp_path), mapping)
    assert [(s.source_id, s.district) for s in parsed.segments] == [
        ("1", "Opladen"),
        ("2", "Wiesdorf"),  # a word of it is a district of the project
        ("3", "Manfort"),  # without case
        ("4", None),  # names none of them
        ("5", None),
        ("6", None),
        ("7", None),
        ("8", None),
    ]
    assert "districts" not in parsed.options  # the project's list is not stored
    # the free text stays an attribute, as every unmapped column
    assert parsed.segments[3].attributes == {"STADTTEIL[other]": "Köln-Mülheim"}
    notices = reading_notices(parsed.options)
    assert any("5 Zeilen mit Sozialraum 'Sonstiges'" in n for n in notices)
    assert any(
        "2 Zeilen: Sozialraum aus der Freitextspalte 'STADTTEIL[other]'" in n for n in notices
    )
    assert any("1 Zeile mit Freitext" in n and "keinen Sozialraum" in n for n in notices)


def test_without_the_projects_districts_the_free_text_is_no_district(tmp_path: Path) -> None:
    """Unchecked, a free text is never taken as a district (it might be anything)."""
    mapping = TableMapping(text_column="FEHLT", id_column="id", district_column="STADTTEIL")
    parsed = parse_table(_limesurvey(tmp_path), mapping)
    assert [s.district for s in parsed.segments] == ["Opladen", *[None] * 7]
    assert any("nicht mit den Sozialräumen" in n for n in reading_notices(parsed.options))


def test_the_full_text_exports_sonstiges_column_and_a_sonstiges_und_zwar_column(
    tmp_path: Path,
) -> None:
    """LimeSurvey's full-text export ("… [Sonstiges]") and a form's "Sonstiges, und zwar"."""
    path = tmp_path / "volltext.csv"
    path.write_text(
        "Nr;In welchem Stadtteil wohnen Sie?;In welchem Stadtteil wohnen Sie? [Sonstiges];"
        "Was fehlt?\n1;Sonstiges;opladen;Ein Bolzplatz.\n2;Alkenrath;;Eine Bücherei.\n",
        encoding="utf-8",
    )
    column = "In welchem Stadtteil wohnen Sie?"
    mapping = TableMapping(
        text_column="Was fehlt?", id_column="Nr", district_column=column, districts=KNOWN
    )
    assert [s.district for s in parse_table(path, mapping).segments] == ["Opladen", "Alkenrath"]
    path.write_text(
        'Nr,Stadtteil,"Sonstiges, und zwar:",Alter,Was fehlt?\n'
        "1,Anderer Stadtteil,Steinbüchel,70,Ein Bolzplatz.\n2,,,30,Eine Bücherei.\n",
        encoding="utf-8",
    )
    mapping = TableMapping(
        text_column="Was fehlt?", id_column="Nr", district_column="Stadtteil", districts=KNOWN
    )
    assert [s.district for s in parse_table(path, mapping).segments] == ["Steinbüchel", None]


def test_an_import_with_other_districts_is_not_refused_and_stores_them_citywide(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI: no "unknown district" error for "-oth-", no district added; the statements
    are city-wide."""
    code = _import(
        project, _limesurvey(tmp_path), "--text-column", "FEHLT", "--id-column", "id",
        "--district-column", "STADTTEIL",
    )  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "ohne Sozialraum gespeichert" in out.out
    assert sorted(project.districts()["district"]) == sorted(KNOWN)
    segments = project.segments()
    assert len(segments) == 8
    assert "-oth-" not in stored_text(project)  # no such district
    districts = dict(zip(segments["source_id"], segments["district"], strict=True))
    assert districts["1"] == "Opladen" and districts["5"] == "Gesamtstadt"
    # the command line passes the project's districts: the free text names one
    assert (districts["2"], districts["3"], districts["4"]) == (
        "Wiesdorf",
        "Manfort",
        "Gesamtstadt",
    )


def test_the_free_text_names_the_district_when_the_import_knows_the_projects(
    project: Project, tmp_path: Path
) -> None:
    """Through Project.import_files with the project's districts in the mapping (the
    command line passes them): "-oth-" with "Leverkusen-Wiesdorf" is stored in Wiesdorf."""
    mapping = TableMapping(
        text_column="FEHLT", id_column="id", district_column="STADTTEIL", districts=KNOWN
    )
    project.import_files([_limesurvey(tmp_path)], mapping=mapping)
    segments = project.segments()
    districts = dict(zip(segments["source_id"], segments["district"], strict=True))
    assert (districts["2"], districts["3"], districts["4"]) == (
        "Wiesdorf",
        "Manfort",
        "Gesamtstadt",
    )
    stored = stored_text(project)
    assert "'district_column': 'STADTTEIL'" in stored and "'districts'" not in stored


def test_an_unknown_district_is_still_refused(project: Project, tmp_path: Path) -> None:
    """A name that is no "other" code stays an unknown district (exit 2, nothing stored)."""
    path = tmp_path / "karten.csv"
    path.write_text("Text;Sozialraum\nMehr Bänke;Schlebusch\n", encoding="utf-8")
    assert _import(project, path, "--district-column", "Sozialraum") == 2
    assert project.segments().empty


# -- Excel for Mac: "CSV (Macintosh)" -------------------------------------------------------

MAC_ROWS = "Nr.;Stadtteil;Was fehlt?\r1;Opladen;Grünflächen für Ältere, überdachte Bänke\r" \
    "2;Wiesdorf;Mehr Sozialarbeit; Straßenfeste\r"  # fmt: skip


def test_a_mac_roman_csv_with_cr_line_endings_keeps_its_umlauts(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(MAC_ROWS.replace("; S", ", S").encode("mac_roman"))
    parsed = parse_table(path, TableMapping(text_column="Was fehlt?", district_column="Stadtteil"))
    assert [(s.row, s.text) for s in parsed.segments] == [
        (2, "Grünflächen für Ältere, überdachte Bänke"),
        (3, "Mehr Sozialarbeit, Straßenfeste"),
    ]


def test_cp1252_and_utf8_still_decode_as_before() -> None:
    """cp1252 with umlauts, § and a Czech Š stays cp1252; UTF-8 stays UTF-8."""
    text = "Herr Šimon: Grünflächen nach § 3 für Ältere – 20 € Zuschuss\n"
    assert decode(RawFile("a.csv", text.encode("cp1252"))) == text
    assert decode(RawFile("a.csv", text.encode("utf-8"))) == text
    assert decode(RawFile("a.csv", "Café, 5 °C\n".encode("cp1252"))) == "Café, 5 °C\n"


def test_a_mac_csv_imports_with_umlauts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(MAC_ROWS.encode("mac_roman").replace(b"; S", b", S"))
    assert _import(project, path, "--text-column", "Was fehlt?") == 0, capsys.readouterr().err
    assert project.segments()["text"].tolist() == [
        "Grünflächen für Ältere, überdachte Bänke",
        "Mehr Sozialarbeit, Straßenfeste",
    ]


def test_unreadable_bytes_name_their_line_also_with_cr_line_endings() -> None:
    with pytest.raises(InputError, match=r"Zeichen nicht lesbar \(Byte 0x81\)") as err:
        decode(RawFile("a.csv", b"ID;Text\rK1;gut\rK2;\x81\x8d kaputt\r"))
    assert err.value.row == 3


# -- ODT: text frames, shapes with text, tracked changes ------------------------------------

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
FRAMES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {_NS} office:version="1.3"><office:body><office:text>
<text:tracked-changes>
 <text:changed-region text:id="ct1"><text:deletion>
  <office:change-info><dc:creator>Hannelore Krämer</dc:creator></office:change-info>
  <text:p>Gestrichen: Herr Nowak will keine Bänke.</text:p>
 </text:deletion></text:changed-region>
 <text:changed-region text:id="ct2"><text:insertion>
  <office:change-info><dc:creator>Hannelore Krämer</dc:creator></office:change-info>
 </text:insertion></text:changed-region>
</text:tracked-changes>
<draw:frame text:anchor-type="page" draw:name="Rahmen1"><draw:text-box>
 <text:p>Am Rand notiert: Der Spielplatz ist kaputt.</text:p>
</draw:text-box></draw:frame>
<text:p text:style-name="Title">Protokoll Manfort</text:p>
<text:p>Sozialraum: Manfort</text:p>
<text:h text:outline-level="1">Herausforderungen und Bedarfe</text:h>
<text:p>Kein WLAN im Heim.<draw:frame text:anchor-type="paragraph" draw:name="Rahmen2">
 <svg:desc>Beschreibung des Rahmens</svg:desc><draw:text-box>
  <text:p>Im Kasten: Busse fahren abends nicht.</text:p>
  <text:list><text:list-item><text:p>Toiletten fehlen.</text:p></text:list-item></text:list>
 </draw:text-box></draw:frame></text:p>
<text:p><text:change text:change-id="ct1"/>Die Bänke <text:change-start text:change-id="ct2"/>am
 Rhein <text:change-end text:change-id="ct2"/>fehlen.</text:p>
<text:p>Ein Foto:<draw:frame draw:name="Bild1"><draw:image><text:p>Bildersatz</text:p>
 </draw:image></draw:frame></text:p>
<text:h text:outline-level="1">Ressourcen und Möglichkeiten</text:h>
<text:p>Der Mittagstisch läuft.<draw:custom-shape draw:name="Form1">
 <text:p>In der Form: Nachbarschaftshilfe trägt.</text:p>
 <draw:enhanced-geometry draw:type="rectangle"/></draw:custom-shape></text:p>
</office:text></office:body></office:document-content>
"""
MIME = "application/vnd.oasis.opendocument.text"
MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    f'manifest:full-path="/" manifest:media-type="{MIME}"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def _odt(path: Path, content: str = FRAMES) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", MIME)
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", content)
    return path


def test_odt_text_frames_and_shapes_are_read_deleted_text_is_not(tmp_path: Path) -> None:
    """A frame's or shape's paragraphs follow the paragraph anchoring them; a frame on the
    page (written before the title) is, like tables before the first heading, not read
    and does not stop the import; an image's replacement text and a frame's description
    are not text; inserted text is, deleted text is not."""
    parsed = parse_odt(_odt(tmp_path / "rahmen.odt"))
    assert (parsed.title, parsed.district) == ("Protokoll Manfort", "Manfort")
    texts = [s.text for s in parsed.segments]
    assert [(s.text, s.question) for s in parsed.segments if s.question] == [
        ("Kein WLAN im Heim.", GUIDING_QUESTIONS[0]),
        ("Im Kasten: Busse fahren abends nicht.", GUIDING_QUESTIONS[0]),
        ("Toiletten fehlen.", GUIDING_QUESTIONS[0]),
        ("Die Bänke am Rhein fehlen.", GUIDING_QUESTIONS[0]),
        ("Ein Foto:", GUIDING_QUESTIONS[0]),
        ("Der Mittagstisch läuft.", GUIDING_QUESTIONS[1]),
        ("In der Form: Nachbarschaftshilfe trägt.", GUIDING_QUESTIONS[1]),
    ]
    joined = " ".join(texts)
    for absent in ("Gestrichen", "Nowak", "Krämer", "Bildersatz", "Beschreibung", "Am Rand"):
        assert absent not in joined


def test_odt_tracked_changes_keep_inserted_text_and_drop_deleted_text(tmp_path: Path) -> None:
    """Guard: the deleted paragraph and its author stay out, the insertion is read."""
    parsed = parse_odt(_odt(tmp_path / "aenderungen.odt"))
    texts = [s.text for s in parsed.segments]
    assert "Die Bänke am Rhein fehlen." in texts
    assert not any("Gestrichen" in t or "Nowak" in t for t in texts)
