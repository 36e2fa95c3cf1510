"""ODT protocols (LibreOffice Writer) read like DOCX protocols; bad files stop clearly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from odf import teletype
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.style import Style, TextProperties
from odf.table import Table, TableCell, TableRow
from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, Span

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import GUIDING_QUESTIONS, InputError
from workbench.ingest import parse_file
from workbench.ingest.odt_protocol import parse_odt

# One protocol as (kind, text); "role" items are (bold role, rest).
PROTOCOL = [
    ("title", "Protokoll Alkenrath"),
    ("meta", "Workshop: Quartiersworkshop Alkenrath"),
    ("meta", "Sozialraum: Alkenrath"),
    ("meta", "Datum: 25.11.2020"),
    ("meta", "Teilnehmende: Anna Schmidt, Jürgen Becker"),
    ("h1", "Herausforderungen und Bedarfe"),
    ("role", ("Seniorenarbeit:", " Ältere sind seit März isoliert.")),
    ("item", "Busse fahren abends nicht."),
    ("h2", "Kleingruppe A"),
    ("p", "Kein Treffpunkt im Quartier."),
    ("h1", "Ressourcen und Möglichkeiten"),
    ("role", ("Kirchengemeinde:", " telefoniert mit Älteren")),
    ("p", "Frau Kaczmarek organisiert den Mittagstisch."),
]
EXPECTED = [
    ("Ältere sind seit März isoliert.", GUIDING_QUESTIONS[0], "Seniorenarbeit"),
    ("Busse fahren abends nicht.", GUIDING_QUESTIONS[0], None),
    ("Kein Treffpunkt im Quartier.", GUIDING_QUESTIONS[0], None),
    ("telefoniert mit Älteren", GUIDING_QUESTIONS[1], "Kirchengemeinde"),
    ("Frau Kaczmarek organisiert den Mittagstisch.", GUIDING_QUESTIONS[1], None),
]


def _styled(doc: OpenDocumentText, bold: str = "T1") -> dict[str, Style]:
    """Styles as LibreOffice writes them: named ones, automatic ones derived from them."""
    named = {
        "Title": Style(name="Title", family="paragraph"),
        "Heading_20_1": Style(
            name="Heading_20_1", displayname="Heading 1", family="paragraph", defaultoutlinelevel=1
        ),
        "Heading_20_2": Style(
            name="Heading_20_2", displayname="Heading 2", family="paragraph", defaultoutlinelevel=2
        ),
        "Strong_20_Emphasis": Style(
            name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text"
        ),
    }
    named["Strong_20_Emphasis"].addElement(TextProperties(fontweight="bold"))
    for style in named.values():
        doc.styles.addElement(style)
    auto = {
        "P1": Style(name="P1", family="paragraph", parentstylename="Title"),
        "T1": Style(name="T1", family="text"),
    }
    auto["T1"].addElement(TextProperties(fontweight="bold"))
    for style in auto.values():
        doc.automaticstyles.addElement(style)
    return named | auto


def _odt(path: Path, content: list[tuple[str, object]] = PROTOCOL) -> Path:
    """The protocol as LibreOffice Writer saves it."""
    doc = OpenDocumentText()
    styles = _styled(doc)
    roles_written = 0
    items: List | None = None
    for kind, value in content:
        if kind != "item" and kind != "role":
            items = None
        if kind == "title":  # an automatic style derived from "Title"
            doc.text.addElement(P(stylename=styles["P1"], text=value))
        elif kind in ("meta", "p"):
            doc.text.addElement(P(text=value))
        elif kind in ("h1", "h2"):
            level = int(kind[1])
            style = styles[f"Heading_20_{level}"]
            doc.text.addElement(H(outlinelevel=level, stylename=style, text=value))
        else:
            if items is None:
                items = List()
                doc.text.addElement(items)
            paragraph = P()
            if kind == "role":  # by hand (T1), then with the character style
                role, rest = value
                bold = styles["T1" if roles_written % 2 == 0 else "Strong_20_Emphasis"]
                paragraph.addElement(Span(stylename=bold, text=role))
                paragraph.addText(rest)
                roles_written += 1
            else:
                paragraph.addText(value)
            item = ListItem()
            item.addElement(paragraph)
            items.addElement(item)
    doc.save(str(path))
    return path


def _docx(path: Path, content: list[tuple[str, object]] = PROTOCOL) -> Path:
    """The same protocol as Word saves it."""
    d = docx.Document()
    for kind, value in content:
        if kind == "title":
            d.add_paragraph(value, style="Title")
        elif kind in ("meta", "p"):
            d.add_paragraph(value)
        elif kind in ("h1", "h2"):
            d.add_heading(value, level=int(kind[1]))
        elif kind == "role":
            p = d.add_paragraph(style="List Bullet")
            p.add_run(value[0]).bold = True
            p.add_run(value[1])
        else:
            d.add_paragraph(value, style="List Bullet")
    d.save(path)
    return path


def _summary(path: Path) -> tuple:
    doc = parse_file(path)
    meta = (doc.title, doc.workshop, doc.district, doc.date, doc.names)
    segments = [
        (s.source_id, s.text, s.question, s.speaker_role, s.district, s.workshop)
        for s in doc.segments
    ]
    return meta, segments


def test_odt_protocol_reads_like_the_same_docx(tmp_path: Path) -> None:
    odt = _summary(_odt(tmp_path / "alkenrath.odt"))
    assert odt == _summary(_docx(tmp_path / "alkenrath.docx"))
    meta, segments = odt
    assert meta == (
        "Protokoll Alkenrath",  # from P1, derived from "Title"
        "Quartiersworkshop Alkenrath",
        "Alkenrath",
        "2020-11-25",
        ("Anna Schmidt", "Jürgen Becker"),
    )
    assert [s[1:4] for s in segments] == EXPECTED
    assert [s[0] for s in segments] == ["1", "2", "3", "4", "5"]
    parsed = parse_odt(tmp_path / "alkenrath.odt")
    assert parsed.importer == "odt" and parsed.filename == "alkenrath.odt"
    assert parsed.segments[2].row == 10  # the 10th paragraph, list items counted


def test_line_breaks_tabs_and_spaces_come_out_as_written(tmp_path: Path) -> None:
    written = "Erste Zeile\nzweite  Zeile\tmit   Tab"
    content = [("meta", "Sozialraum: Opladen"), ("h1", "Herausforderungen und Bedarfe")]
    doc = OpenDocumentText()
    for kind, value in content:
        doc.text.addElement(H(outlinelevel=1, text=value) if kind == "h1" else P(text=value))
    paragraph = P()
    teletype.addTextToElement(paragraph, written)  # text:line-break, text:tab, text:s
    doc.text.addElement(paragraph)
    # Character data collapses its white space (ODF 1.2, 6.1.2) as LibreOffice shows it.
    doc.text.addElement(P(text="  viel \n  Raum  "))
    doc.save(str(tmp_path / "zeilen.odt"))
    in_docx = _docx(tmp_path / "zeilen.docx", [*content, ("p", written)])

    texts = [s.text for s in parse_odt(tmp_path / "zeilen.odt").segments]
    assert texts == [written, "viel Raum"]
    assert texts[0] == parse_file(in_docx).segments[0].text


def test_title_heading_and_role_from_german_and_derived_styles(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    leitfrage = Style(name="Leitfrage", family="paragraph", parentstylename="Überschrift_20_1")
    fett = Style(name="P7", family="paragraph")
    fett.addElement(TextProperties(fontweight="700"))  # bold, not by a span
    normal = Style(name="T2", family="text")
    normal.addElement(TextProperties(fontweight="normal"))
    for style in (Style(name="Überschrift_20_1", family="paragraph"), leitfrage):
        doc.styles.addElement(style)
    # derived from a named style the file does not define: its name still counts
    derived = Style(name="P1", family="paragraph", parentstylename="Titel")
    for style in (derived, fett, normal):
        doc.automaticstyles.addElement(style)
    doc.text.addElement(P(stylename=derived, text="Stadtteilkonferenz"))
    doc.text.addElement(P(text="Sozialraum: Wiesdorf"))
    doc.text.addElement(P(stylename=leitfrage, text="Ressourcen und Möglichkeiten"))
    paragraph = P(stylename=fett, text="Jugendhilfe:")
    paragraph.addElement(Span(stylename=normal, text=" Das JuZ öffnet wieder."))
    doc.text.addElement(paragraph)
    note = Note(noteclass="footnote")  # not part of the text, as in Word
    note.addElement(NoteCitation(text="1"))
    note.addElement(NoteBody())
    note.lastChild.addElement(P(text="Fußnote von Frau Kaczmarek"))
    table = Table()  # tables are not read, as in Word
    table.addElement(TableRow())
    table.lastChild.addElement(TableCell())
    table.lastChild.lastChild.addElement(P(text="Zelle"))
    doc.text.addElement(table)
    with_note = P(text="Mit Fußnote")
    with_note.addElement(note)
    doc.text.addElement(with_note)
    doc.save(str(tmp_path / "konferenz.odt"))

    parsed = parse_odt(tmp_path / "konferenz.odt")
    assert (parsed.title, parsed.district) == ("Stadtteilkonferenz", "Wiesdorf")
    assert [(s.text, s.question, s.speaker_role) for s in parsed.segments] == [
        ("Das JuZ öffnet wieder.", GUIDING_QUESTIONS[1], "Jugendhilfe"),
        ("Mit Fußnote", GUIDING_QUESTIONS[1], None),
    ]


def test_an_odt_transcript_of_timed_turns_takes_roles(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    lines = ["Stadtteilkonferenz", "Anna Schmidt   0:03", "Hallo zusammen.",
             "Kemal Öztürk   0:10", "Bei uns fehlt ein Jugendtreff.", "Anna Schmidt   0:25",
             "Danke."]  # fmt: skip
    for line in lines:
        paragraph = P()
        teletype.addTextToElement(paragraph, line)
        doc.text.addElement(paragraph)
    doc.save(str(tmp_path / "transkript.odt"))
    parsed = parse_file(tmp_path / "transkript.odt", roles={"Anna Schmidt": "Quartiersbüro"})
    assert parsed.importer == "speaker-turns" and parsed.title == "Stadtteilkonferenz"
    assert [(s.text, s.speaker_role) for s in parsed.segments] == [
        ("Hallo zusammen.", "Quartiersbüro"),
        ("Bei uns fehlt ein Jugendtreff.", None),
        ("Danke.", "Quartiersbüro"),
    ]


MIME = b"application/vnd.oasis.opendocument.text"
MANIFEST = (
    b'<?xml version="1.0"?><manifest:manifest xmlns:manifest='
    b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    b'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)
INDENTED = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
  <office:body>
    <office:text>
      <text:p text:style-name="Title">Protokoll</text:p>
      <text:p>Sozialraum: Manfort</text:p>
      <text:h text:outline-level="1">
        <text:number>1.</text:number>Herausforderungen und Bedarfe
      </text:h>
      <text:list>
        <text:list-item>
          <text:p>Kein WLAN<office:annotation>
              <dc:creator>Hannelore Kaczmarek</dc:creator><text:p>Quelle?</text:p>
            </office:annotation> im Heim.</text:p>
        </text:list-item>
      </text:list>
    </office:text>
  </office:body>
</office:document-content>
"""


def test_an_indented_file_from_another_program_is_read_without_comments(tmp_path: Path) -> None:
    parts = {"mimetype": MIME, "META-INF/manifest.xml": MANIFEST, "content.xml": INDENTED}
    parsed = parse_odt(_package(tmp_path / "export.odt", parts))
    assert (parsed.title, parsed.district) == ("Protokoll", "Manfort")
    assert [(s.text, s.question) for s in parsed.segments] == [
        ("Kein WLAN im Heim.", GUIDING_QUESTIONS[0])  # no comment, no comment's author
    ]


def _spreadsheet(path: Path) -> Path:
    book = OpenDocumentSpreadsheet()
    book.spreadsheet.addElement(Table(name="Karten"))
    book.save(str(path))
    return path


def _package(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _half(path: Path) -> Path:
    data = _odt(path.with_name("voll.odt")).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


BAD = {
    "leer": (lambda p: _write(p, b""), r"Die Datei ist leer"),
    "Text": (lambda p: _write(p, b"Nur Text.\n"), r"Keine lesbare ODT-Datei"),
    "abgeschnitten": (
        _half,
        r"Keine lesbare ODT-Datei \(beschädigt, abgeschnitten oder kein ODF-Text\)\.$",
    ),
    "ODS": (_spreadsheet, r"Die Datei ist kein Textdokument \(ODT\), sondern eine Tabelle \(ODS\)"),
    "DOCX": (lambda p: _docx(p), r"Die Datei ist ein Word-Dokument \(DOCX\) mit der Endung \.odt"),
    "kaputtes XML": (
        lambda p: _package(
            p,
            {"mimetype": MIME, "META-INF/manifest.xml": MANIFEST, "content.xml": b"<office:doc"},
        ),
        r"Keine lesbare ODT-Datei: ihr Eintrag 'content.xml' ist kein vollständiges XML "
        r"\(abgeschnitten oder beschädigt\)\.",
    ),
    "ohne Aussagen": (lambda p: _odt(p, []), r"Das Protokoll enthält keine Aussagen"),
    "mit Passwort": (
        lambda p: _package(
            p,
            {
                "mimetype": MIME,
                "META-INF/manifest.xml": MANIFEST.replace(
                    b'"text/xml"/>', b'"text/xml"><manifest:encryption-data/></manifest:file-entry>'
                ),
                "content.xml": b"\x8a\x01verschluesselt",
            },
        ),
        r"Die Datei ist mit einem Passwort geschützt",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_odt_files_stop_with_a_german_message_naming_the_file(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, expected = BAD[case]
    path = build(tmp_path / "protokoll.odt")
    with pytest.raises(InputError, match=rf"^Datei protokoll\.odt: {expected}"):
        parse_file(path)
    assert capsys.readouterr().out == ""  # odfpy prints broken XML: not here


def test_cli_imports_an_odt_pseudonymised_and_refuses_a_broken_one(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(project.path), "import"]
    broken = _half(tmp_path / "kaputt.odt")
    assert main([*base, str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Datei kaputt.odt: Keine lesbare ODT-Datei")
    assert "Traceback" not in err
    assert project.segments().empty and project.documents().empty

    assert main([*base, str(_odt(tmp_path / "alkenrath.odt"))]) == 0
    assert "5 Aussagen importiert" in capsys.readouterr().out
    segments = project.segments()
    assert list(segments["district"]) == ["Alkenrath"] * 5
    roles = segments["speaker_role"]
    assert roles.iloc[[0, 3]].tolist() == ["Seniorenarbeit", "Kirchengemeinde"]
    assert roles.isna().tolist() == [False, True, True, False, True]
    assert list(project.documents()["importer"]) == ["odt"]
    last = segments["text"].iloc[4]
    assert last.startswith("[Person ") and last.endswith(" organisiert den Mittagstisch.")
    stored = stored_text(project)
    for name in ("Kaczmarek", "Anna Schmidt", "Jürgen Becker"):
        assert name not in stored, name


H2_ONLY = [
    ("meta", "Datum: 25.11.2020"),
    ("meta", "Sozialraum: Alkenrath"),
    ("h2", "Was fehlt im Quartier?"),
    ("p", "Ältere Menschen vermissen Bänke entlang der Wege."),
    ("h2", "Was gibt es schon?"),
    ("p", "Der Sportverein öffnet seine Halle am Wochenende."),
]


@pytest.mark.parametrize("title", ["title", "h1"], ids=["title-style", "title-as-heading-1"])
def test_guiding_questions_in_heading_2_without_heading_1_are_the_questions(
    tmp_path: Path, title: str
) -> None:
    # Questions set in ‚Überschrift 2‘ with no ‚Überschrift 1‘ (or only the title in it)
    # gave every statement no question, without a word; with the title in ‚Überschrift 1‘
    # the details under it became statements and the title their question.
    content = [(title, "Protokoll Stadtteilworkshop Alkenrath"), *H2_ONLY]
    expected = [
        ("Ältere Menschen vermissen Bänke entlang der Wege.", "Was fehlt im Quartier?"),
        ("Der Sportverein öffnet seine Halle am Wochenende.", "Was gibt es schon?"),
    ]
    for path in (_odt(tmp_path / "p.odt", content), _docx(tmp_path / "p.docx", content)):
        document = parse_file(path)
        assert [(s.text, s.question) for s in document.segments] == expected
        assert (document.title, document.district, str(document.date)) == (
            "Protokoll Stadtteilworkshop Alkenrath",
            "Alkenrath",
            "2020-11-25",
        )
    # Markdown the same: "#" the title, the questions one level further down than "##"
    lines = ["# Protokoll Stadtteilworkshop Alkenrath", "", "Datum: 25.11.2020"]
    lines += ["Sozialraum: Alkenrath", ""]
    for kind, text in H2_ONLY[2:]:
        lines += [f"### {text}" if kind == "h2" else text, ""]
    (tmp_path / "p.md").write_text("\n".join(lines), encoding="utf-8")
    assert [(s.text, s.question) for s in parse_file(tmp_path / "p.md").segments] == expected


def test_a_single_heading_1_over_text_and_heading_2_sections_stays_the_question(
    tmp_path: Path,
) -> None:
    # Text under the one ‚Überschrift 1‘: it asks the question, its ‚Überschrift 2‘
    # are sections of it (as before).
    content = [("title", "Protokoll Alkenrath"), *H2_ONLY[:2], ("h1", "Was fehlt?")]
    content += [("p", "Kein Treffpunkt im Quartier."), *H2_ONLY[2:4]]
    for path in (_odt(tmp_path / "p.odt", content), _docx(tmp_path / "p.docx", content)):
        assert [s.question for s in parse_file(path).segments] == ["Was fehlt?"] * 2
