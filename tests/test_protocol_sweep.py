"""Protocols as people write them: lists of participants, text Word hides in its XML, PDF
page furniture and ligatures, plain-text conventions, bold instead of heading styles,
German dates, Strict Open XML and signature lines."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.ingest import parse_file
from workbench.ingest.common import normalise_date
from workbench.ingest.protocol_meta import signature_names, split_names

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, build, edit=None) -> Path:
    """A DOCX written with python-docx by ``build(document)``; ``edit`` rewrites its
    ``word/document.xml`` the way Word writes what python-docx cannot."""
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    if edit:
        parts["word/document.xml"] = edit(parts["word/document.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


# --------------------------------------------------------------------- 5: lists of names


def test_a_semicolon_list_of_participants_gives_one_name_each(
    project: Project, tmp_path: Path
) -> None:
    assert split_names(
        "Frau Dr. Hedwig Brösel-Kamp (Seniorenbüro); Herr Pfr. Till Ommerborn / Ada Quast "
        "und Prof. Udo Zierfuß [Moderation]"
    ) == ("Hedwig Brösel-Kamp", "Till Ommerborn", "Ada Quast", "Udo Zierfuß")

    def build(d) -> None:
        d.add_paragraph("Werkstatt Opladen", style="Title")
        d.add_paragraph("Sozialraum: Opladen")
        d.add_paragraph(
            "Teilnehmende: Frau Dr. Hedwig Brösel-Kamp (Seniorenbüro); Herr Till Ommerborn (AWO)"
        )
        d.add_paragraph("Herausforderungen und Bedarfe", style="Heading 1")
        d.add_paragraph("Brösel-Kamp: Viele Ältere sind allein.")
        d.add_paragraph("Ommerborn bietet den Saal an.")

    path = _docx(tmp_path / "semikolon.docx", build)
    assert parse_file(path).names == ("Hedwig Brösel-Kamp", "Till Ommerborn")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert "Brösel" not in stored and "Ommerborn" not in stored


# ----------------------------------------------------------- 6: text hidden in Word's XML

_BOX = (
    '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
    'compatibility/2006"><mc:Choice xmlns:wps="http://schemas.microsoft.com/office/word/'
    '2010/wordprocessingShape" Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    + _para(_run("Im Kasten: die Schuldnerberatung fehlt."))
    + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>"
    "<w:txbxContent>"
    + _para(_run("Im Kasten: die Schuldnerberatung fehlt."))
    + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def _hidden_text(xml: str) -> str:
    """Word's ways of keeping text out of python-docx's sight, in place of markers."""
    sdt = '<w:sdt><w:sdtPr><w:id w:val="7"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>'
    replacements = {
        "DISTRICT": sdt.format(_run("Wiesdorf")),
        "DATE": sdt.format(_run("25. März 2021")),
        "TRACKED": _run("Der Treff ")
        + '<w:del w:id="1" w:author="A"><w:r><w:delText>von Herrn Quast </w:delText></w:r>'
        "</w:del>"
        + '<w:ins w:id="2" w:author="A">'
        + _run("öffnet wieder")
        + "</w:ins>"
        + _run("."),
        "FIELD": '<w:fldSimple w:instr=" AUTHOR ">'
        + _run("Das Gemeindehaus")
        + "</w:fldSimple>"
        + _run(" lädt ein."),
        "SMART": _run("Der Bus fährt nach ")
        + '<w:smartTag w:uri="u" w:element="place">'
        + _run("Opladen")
        + "</w:smartTag>"
        + _run("."),
        "BOXED": _run("Die Bibliothek leiht Tablets aus.") + _BOX,
    }
    for marker, inner in replacements.items():
        xml = re.sub(rf"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t>{marker}</w:t></w:r>", inner, xml)
    block = (
        '<w:sdt><w:sdtPr><w:id w:val="8"/></w:sdtPr><w:sdtContent>'
        + _para(_run("Es fehlt ein Hausarzt."))
        + _para(_run("Der Radweg endet am Ortsrand."))
        + "</w:sdtContent></w:sdt>"
        + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + _para(_run("Klicken Sie hier, um Text einzugeben."))
        + "</w:sdtContent></w:sdt>"
        + '<w:customXml w:element="punkt">'
        + _para(_run("Die Feuerwehr bietet ihr Haus an."))
        + "</w:customXml>"
    )
    return xml.replace(_para_marker(xml, "BLOCK"), block)


def _para_marker(xml: str, marker: str) -> str:
    """The whole ``w:p`` holding ``marker``."""
    return re.search(rf"<w:p>(?:(?!<w:p>).)*?{marker}.*?</w:p>", xml).group()


def test_text_in_tracked_changes_content_controls_fields_and_text_boxes_is_read(
    project: Project, tmp_path: Path
) -> None:
    def build(d) -> None:
        d.add_paragraph("Werkstatt Wiesdorf", style="Title")
        d.add_paragraph("Sozialraum: ").add_run("DISTRICT")
        d.add_paragraph("Datum: ").add_run("DATE")
        d.add_paragraph("Teilnehmende: Ada Quast")
        d.add_paragraph("Herausforderungen und Bedarfe", style="Heading 1")
        d.add_paragraph().add_run("TRACKED")
        d.add_paragraph().add_run("BLOCK")
        d.add_paragraph().add_run("FIELD")
        d.add_paragraph().add_run("SMART")
        d.add_paragraph().add_run("BOXED")
        p = d.add_paragraph()
        p.add_run("Jugendhilfe:").bold = True
        p.add_run(" Das JuZ ist zu.")

    path = _docx(tmp_path / "vorlage.docx", build, _hidden_text)
    document = parse_file(path)
    assert (document.district, document.date) == ("Wiesdorf", "2021-03-25")
    assert [(s.speaker_role, s.text) for s in document.segments] == [
        (None, "Der Treff öffnet wieder."),
        (None, "Es fehlt ein Hausarzt."),
        (None, "Der Radweg endet am Ortsrand."),
        (None, "Die Feuerwehr bietet ihr Haus an."),
        (None, "Das Gemeindehaus lädt ein."),
        (None, "Der Bus fährt nach Opladen."),
        (None, "Die Bibliothek leiht Tablets aus."),
        (None, "Im Kasten: die Schuldnerberatung fehlt."),  # once, not also its fallback
        ("Jugendhilfe", "Das JuZ ist zu."),
    ]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Quast" not in stored_text(project)  # the deleted text is not stored either


# ------------------------------------------------------------ 7, 8: PDF furniture, ligatures


LETTERHEAD = "Stadt Musterhausen · Fachbereich Soziales · Protokollführung: Ida Wendeburg"
PDF_PAGES = [
    [
        LETTERHEAD,
        "Protokoll Werkstatt Opladen",
        "Workshop: Werkstatt Opladen",
        "Sozialraum: Opladen",
        "Datum: 22.04.2021",
        "Teilnehmende: Ida Wendeburg; Ole Stracke",
        "1. Herausforderungen und Bedarfe",
        "Seit Corona sind die Treﬀpunkte für Ältere geschlossen, viele sitzen allein zu",
        "Hause und rufen beim Seniorenbüro an.",
        "Werkstatt Opladen, 22.04.2021 – Seite 1 von 2",
    ],
    [
        LETTERHEAD,
        "2. Ressourcen und Möglichkeiten",
        "Die neue Bahnstadt hat Freiﬂächen, die man für einen Gemeinschaftsgarten nutzen",
        "könnte, sagt Herr Stracke.",
        "gez. Ida Wendeburg",
        "Werkstatt Opladen, 22.04.2021 – Seite 2 von 2",
    ],
]


def test_pdf_footers_numbered_headings_details_and_ligatures(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "werkstatt.pdf"
    path.write_bytes(pdf_bytes(PDF_PAGES, ligatures=True))
    document = parse_file(path)
    assert (document.title, document.workshop, document.district, document.date) == (
        "Protokoll Werkstatt Opladen",
        "Werkstatt Opladen",
        "Opladen",
        "2021-04-22",
    )
    assert document.names == ("Ida Wendeburg", "Ole Stracke")
    assert [(s.question, s.text) for s in document.segments] == [
        (
            "Herausforderungen und Bedarfe",
            "Seit Corona sind die Treffpunkte für Ältere geschlossen, viele sitzen allein zu "
            "Hause und rufen beim Seniorenbüro an.",
        ),
        (
            "Ressourcen und Möglichkeiten",
            "Die neue Bahnstadt hat Freiflächen, die man für einen Gemeinschaftsgarten nutzen "
            "könnte, sagt Herr Stracke.",
        ),
    ]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert "Wendeburg" not in stored and "Stracke" not in stored


# ------------------------------------------------------------------ 9, 16: plain text


PLAIN = """Protokoll Gespräch Wiesdorf\r
===========================\r
\r
Datum: Montag, 6. Mai 2021\r
Ort: Gemeindesaal\r
Teilnehmende: Ada Quast, Ole Stracke\r
Protokoll: Ole Stracke\r
\r
Herausforderungen und Bedarfe\r
-----------------------------\r
\r
• Die Wohnungen sind überbelegt.\r
– Frau Quast: Es fehlt Personal.\r
· Es gibt keine Infos auf Türkisch.\r
· Der Spielplatz ist gesperrt.\r
\r
| Karte | Text |\r
|-------|------|\r
| 1 | Mehr Grün |\r
| 2 | Ein Sprachcafé |\r
\r
gez. Ole Stracke\r
"""


def test_plain_text_bullets_setext_headings_detail_lines_tables_and_signature(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "notizen.txt"
    path.write_bytes(PLAIN.encode("cp1252"))
    document = parse_file(path)
    assert (document.title, document.date) == ("Protokoll Gespräch Wiesdorf", "2021-05-06")
    assert document.names == ("Ada Quast", "Ole Stracke")
    assert [(s.question, s.text, dict(s.attributes)) for s in document.segments] == [
        ("Herausforderungen und Bedarfe", "Die Wohnungen sind überbelegt.", {}),
        ("Herausforderungen und Bedarfe", "Frau Quast: Es fehlt Personal.", {}),
        ("Herausforderungen und Bedarfe", "Es gibt keine Infos auf Türkisch.", {}),
        ("Herausforderungen und Bedarfe", "Der Spielplatz ist gesperrt.", {}),
        ("Herausforderungen und Bedarfe", "Mehr Grün", {"Spalte": "Text", "Zeile": "1"}),
        ("Herausforderungen und Bedarfe", "Ein Sprachcafé", {"Spalte": "Text", "Zeile": "2"}),
    ]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert "Quast" not in stored and "Stracke" not in stored

    other = tmp_path / "punkte.md"
    other.write_text("## Frage\n\n▪ Erstens\n◦ Zweitens\n", encoding="utf-8")
    assert [s.text for s in parse_file(other).segments] == ["Erstens", "Zweitens"]


# ------------------------------------------------- 10, 16: bold headings, lists of names


def test_bold_paragraphs_are_headings_without_heading_styles(tmp_path: Path) -> None:
    def build(d) -> None:
        d.add_paragraph().add_run("Protokoll Werkstatt Alkenrath").bold = True
        d.add_paragraph("Datum: 18.03.2021, 17:00–19:30 Uhr")
        d.add_paragraph("Ort: Gemeindesaal")
        d.add_paragraph("Moderation: Ole Stracke")
        d.add_paragraph().add_run("1. Herausforderungen und Bedarfe").bold = True
        d.add_paragraph("Der Bus fährt abends nur stündlich.", style="List Bullet")
        d.add_paragraph().add_run("2. Ressourcen und Möglichkeiten").bold = True
        d.add_paragraph("Die Kita hat einen großen Garten.", style="List Bullet")
        d.add_paragraph("Protokoll erstellt von Ole Stracke am 22.03.2021")

    document = parse_file(_docx(tmp_path / "fett.docx", build))
    assert (document.title, document.date, document.names) == (
        "Protokoll Werkstatt Alkenrath",
        "2021-03-18",
        ("Ole Stracke",),
    )
    assert [(s.question, s.text) for s in document.segments] == [
        ("Herausforderungen und Bedarfe", "Der Bus fährt abends nur stündlich."),
        ("Ressourcen und Möglichkeiten", "Die Kita hat einen großen Garten."),
    ]


def test_a_list_after_teilnehmende_is_the_list_of_participants(tmp_path: Path) -> None:
    def build(d) -> None:
        d.add_paragraph("Werkstatt Wiesdorf", style="Title")
        d.add_paragraph("Datum: 25. März 2021")
        d.add_paragraph("Teilnehmende:")
        for name in ("Frau Ada Quast (Bürgerverein)", "Herr Ole Stracke (Streetwork)"):
            d.add_paragraph(name, style="List Bullet")
        d.add_paragraph("Herausforderungen und Bedarfe", style="Heading 1")
        d.add_paragraph("Quast: Die Läden stehen leer.", style="List Bullet")

    document = parse_file(_docx(tmp_path / "liste.docx", build))
    assert (document.date, document.names) == ("2021-03-25", ("Ada Quast", "Ole Stracke"))
    assert [s.text for s in document.segments] == ["Quast: Die Läden stehen leer."]


NAMES_WITH_TITLES = ["Anna Schmidt (Quartiersbüro)", "Dr. Mehmet Yılmaz", "Prof. Dr. Jana de Vries"]


def test_a_participant_with_an_academic_title_stays_in_the_list(tmp_path: Path) -> None:
    # "Dr." ended the list as if it ended a sentence: the Word file was refused ("Text
    # vor der ersten Leitfrage …"), the PDF gave the names after it as statements
    def build(d) -> None:
        d.add_paragraph("Runder Tisch Quartier", style="Title")
        d.add_paragraph("Datum: 03.04.2024")
        d.add_paragraph("Teilnehmende:")
        for name in NAMES_WITH_TITLES:
            d.add_paragraph(name)
        d.add_paragraph("Was läuft gut?", style="Heading 1")
        d.add_paragraph("Das Stadtteilfest war ein Erfolg.")

    pdf = tmp_path / "liste.pdf"
    lines = ["Runder Tisch Quartier", "Datum: 03.04.2024", "Teilnehmende:", *NAMES_WITH_TITLES]
    page = [*lines, "Was läuft gut?", "Das Stadtteilfest war ein Erfolg."]
    pdf.write_bytes(pdf_bytes([page], symbols="ı"))
    for document in (parse_file(_docx(tmp_path / "liste.docx", build)), parse_file(pdf)):
        assert document.names == ("Anna Schmidt", "Mehmet Yılmaz", "Jana de Vries")
        assert [(s.question, s.text) for s in document.segments] == [
            ("Was läuft gut?", "Das Stadtteilfest war ein Erfolg.")
        ]


@pytest.mark.parametrize("blank", ["", "\n"])
def test_participants_one_a_line_in_a_text_protocol_are_the_list(
    project: Project, tmp_path: Path, blank: str
) -> None:
    # Only "- Name" items counted: names one a line ran together into one statement, in
    # which the name finder missed "Braun" ("[Person 2] de [Person 3] Braun")
    path = tmp_path / "runder_tisch.txt"
    path.write_text(
        "Runder Tisch Quartier\nDatum: 03.04.2024\n\nTeilnehmende:\n"
        + blank
        + "\n".join([*NAMES_WITH_TITLES, "Peter Braun"])
        + "\n\n## Was läuft gut?\n\nDas Stadtteilfest war ein Erfolg.\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.names == ("Anna Schmidt", "Mehmet Yılmaz", "Jana de Vries", "Peter Braun")
    assert [(s.question, s.text) for s in document.segments] == [
        ("Was läuft gut?", "Das Stadtteilfest war ein Erfolg.")
    ]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Braun" not in stored_text(project) and "Vries" not in stored_text(project)


def test_who_took_part_described_under_teilnehmende_is_no_name(tmp_path: Path) -> None:
    path = tmp_path / "treff.txt"
    path.write_text(
        "Nachbarschaftstreff\nDatum: 03.04.2024\n\nTeilnehmende:\nBewohnerinnen und Bewohner"
        "\nNachbarschaft\n\n## Was fehlt?\n\nDie Bewohner wünschen sich mehr Nachbarschaft.\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.names == ()
    assert [s.text for s in document.segments] == [
        "Bewohnerinnen und Bewohner Nachbarschaft",
        "Die Bewohner wünschen sich mehr Nachbarschaft.",
    ]
    pdf = tmp_path / "treff.pdf"
    head = ["Nachbarschaftstreff", "Datum: 03.04.2024", "Teilnehmende:"]
    said = "Die Bewohner wünschen sich mehr Nachbarschaft im ganzen Viertel."
    pdf.write_bytes(pdf_bytes([[*head, "Nachbarschaft", "Was fehlt?", said]]))
    document = parse_file(pdf)
    assert document.names == () and document.segments[-1].text == said


def test_without_any_heading_the_message_says_to_use_heading_styles(tmp_path: Path) -> None:
    def build(d) -> None:
        d.add_paragraph("Werkstatt Wiesdorf")
        d.add_paragraph("Herausforderungen und Bedarfe")
        d.add_paragraph("Die Läden stehen leer.")

    with pytest.raises(
        InputError,
        match=r"Absatz 1: Das Dokument hat keine Überschriften.*"
        r"Formatvorlage ‚Überschrift 1‘",
    ):
        parse_file(_docx(tmp_path / "ohne.docx", build))


# ------------------------------------------------------------------- 11: German dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25. März 2021", "2021-03-25"),
        ("25. Mär. 2021", "2021-03-25"),
        ("25. Maerz 2021", "2021-03-25"),
        ("Montag, 25. März 2021", "2021-03-25"),
        ("25.3.21", "2021-03-25"),
        ("3. Okt. 2020", "2020-10-03"),
        ("2021-03-25", "2021-03-25"),
        # a workshop over two days has the date of its first
        ("3./4. März 2021", "2021-03-03"),
        ("3.–4.3.2021", "2021-03-03"),
        ("03.03.-04.03.2021", "2021-03-03"),
        ("Sa., 3. und 4. März 2021", "2021-03-03"),
        ("30.12.–2.1.2022", "2021-12-30"),
        # a time after a dash: "2021 – 18" is the year and the time, not "20" and "21 – 18"
        ("Mittwoch, 03.03.2021 – 18:00 Uhr", "2021-03-03"),
        ("12.03.2021 - 18 Uhr", "2021-03-12"),
        ("3.3.2021 – 18:00–20:00 Uhr", "2021-03-03"),
        ("3. März 2021 – 18 Uhr", "2021-03-03"),
        # as people also write it: "den", English month names, an ISO date with its time,
        # a range of two full dates
        ("Mittwoch, den 3. März 2021", "2021-03-03"),
        ("3 March 2021", "2021-03-03"),
        ("Wednesday, March 3, 2021", "2021-03-03"),
        ("2021-03-03 18:00", "2021-03-03"),
        ("2021-03-03T18:00:00+01:00", "2021-03-03"),
        ("2021-03-03 – 18 Uhr", "2021-03-03"),
        ("3.3.2021 - 4.3.2021", "2021-03-03"),
    ],
)
def test_german_dates(value: str, expected: str) -> None:
    assert normalise_date(value, "p.docx") == expected


def test_a_protocol_dated_with_a_dash_before_the_time_keeps_its_year(tmp_path: Path) -> None:
    """ "Datum: Mittwoch, 03.03.2021 – 18:00 Uhr" dated the workshop 3 March 2020: a year
    early, in the wrong wave of a monitoring, without a word."""
    path = tmp_path / "protokoll.txt"
    path.write_text(
        "Stadtteilworkshop Manfort\nDatum: Mittwoch, 03.03.2021 – 18:00 Uhr\n"
        "Sozialraum: Manfort\n\nWas fehlt im Stadtteil?\n- Bänke am Markt\n"
        "- Ein Treffpunkt für Jugendliche\n",
        encoding="utf-8",
    )
    assert parse_file(path).date == "2021-03-03"


@pytest.mark.parametrize("value", ["31. Februar 2021", "31.02.2021", "31.4.–1.5.2021"])
def test_an_impossible_date_still_stops(value: str) -> None:
    with pytest.raises(InputError, match=r"nicht erkannt: diesen Tag gibt es nicht"):
        normalise_date(value, "p.docx")


@pytest.mark.parametrize("value", ["10.–2.3.2021", "4.3.2021 - 3.3.2021", "3./4. März", "3/4/2021"])
def test_no_date_is_made_of_a_range_that_is_none(value: str) -> None:
    with pytest.raises(InputError, match=r"nicht erkannt \(erwartet"):
        normalise_date(value, "p.docx")


# ----------------------------------------------------------------- 15: Strict Open XML


def test_a_strict_open_xml_file_gets_its_own_message(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _docx(tmp_path / "streng.docx", lambda d: d.add_paragraph("Text"))
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    strict = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        strict,
    )
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "streng.docx: Die Datei ist im Format ‚Strict Open XML‘ gespeichert" in err
    assert "Traceback" not in err and project.segments().empty


def test_signature_lines() -> None:
    assert signature_names("gez. Ole Stracke") == ("Ole Stracke",)
    assert signature_names("Protokoll: Ole Stracke, 22.03.2021") == ("Ole Stracke",)
    assert signature_names("Protokoll: Der Platz soll schöner werden.") is None
    assert split_names("Sitzung des Beirats") == ()  # words in lower case: no name


def test_a_moderator_saying_thanks_is_a_statement_not_a_signature(
    project: Project, tmp_path: Path
) -> None:
    """ "Moderation: Danke." (bold in Word) was read as the moderator's signature: the
    statement was lost and "Danke", "Bus", "Bahn" went onto the name list."""

    def build(d: docx.Document) -> None:
        d.add_heading("Was fehlt?", level=1)
        for who, said in (("Jugendhilfe:", " Ein Treffpunkt."), ("Moderation:", " Danke.")):
            p = d.add_paragraph()
            p.add_run(who).bold = True
            p.add_run(said)

    word = _docx(tmp_path / "forum.docx", build)
    text = tmp_path / "forum.txt"
    text.write_text("# Forum\n\n## Was fehlt?\n\nModeration: Bus und Bahn.\n", encoding="utf-8")
    for path in (word, text):
        assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert segments["speaker_role"].tolist()[:2] == ["Jugendhilfe", "Moderation"]
    assert segments["text"].tolist()[1:] == ["Danke.", "Moderation: Bus und Bahn."]
    assert signature_names("Moderation: Anna Schmidt") == ("Anna Schmidt",)


def test_doctests() -> None:
    import doctest

    import workbench.ingest.common
    import workbench.ingest.protocol_meta
    import workbench.store.district_spelling

    modules = (workbench.ingest.common, workbench.ingest.protocol_meta)
    for module in (*modules, workbench.store.district_spelling):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_a_letterhead_text_box_before_the_first_heading_is_not_read(tmp_path: Path) -> None:
    """A text box before the first guiding question (a letterhead) stopped the import as
    text that is neither title nor 'Schlüssel: Wert'; it is left out, as tables there, and
    the first bold paragraph after it is still the title."""
    letterhead = _BOX.replace("Im Kasten: die Schuldnerberatung fehlt.", "Stadt Leverkusen")

    def build(d) -> None:
        d.add_paragraph().add_run("LOGO")
        p = d.add_paragraph()
        p.add_run("Werkstatt Wiesdorf").bold = True
        d.add_paragraph("Sozialraum: Wiesdorf")
        d.add_paragraph().add_run("Herausforderungen").bold = True
        d.add_paragraph().add_run("BOXED")

    def edit(xml: str) -> str:
        xml = re.sub(r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t>LOGO</w:t></w:r>", letterhead, xml)
        return re.sub(
            r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t>BOXED</w:t></w:r>",
            _run("Die Bibliothek leiht Tablets aus.") + _BOX,
            xml,
        )

    document = parse_file(_docx(tmp_path / "briefkopf.docx", build, edit))
    assert (document.title, document.district) == ("Werkstatt Wiesdorf", "Wiesdorf")
    assert [(s.question, s.text) for s in document.segments] == [
        ("Herausforderungen", "Die Bibliothek leiht Tablets aus."),
        ("Herausforderungen", "Im Kasten: die Schuldnerberatung fehlt."),
    ]
