"""PDF protocols as Word, LibreOffice and print drivers save them: bullets in Symbol
fonts, hyphens, long detail lines, participant lists, reading order, glyph numbers instead
of letters, forms, portfolios, tables of contents (PDFs written by
:func:`tests.test_pdf_protocol.pdf_bytes`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

HEAD = ["Protokoll Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]


def test_bullets_in_symbol_or_wingdings_fonts_are_list_markers(tmp_path: Path) -> None:
    # Word's "Als PDF speichern" draws bullets in Symbol () and Wingdings (, ) and
    # the second level as "o"; their text is in Unicode's private use area.
    pages = [
        [
            *HEAD,
            "Was fehlt im Quartier?",
            "\uf0b7 Ein Treffpunkt für Jugendliche nach der Schule mit WLAN und Sofa, nicht",
            "weit vom Jugendzentrum am Marktplatz entfernt",
            "\uf0b7 Licht im Park an der Kalkstraße",
            "o Bänke am Spielplatz",
            "\uf0a7 Sprechstunde im Bürgerhaus",
            "Welche Ressourcen gibt es?",
            "\uf0d8 Der Sportverein öffnet seine Halle am Wochenende",
        ]
    ]
    path = tmp_path / "word.pdf"
    path.write_bytes(pdf_bytes(pages, symbols="\uf0b7\uf0a7\uf0d8"))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        (
            "Was fehlt im Quartier?",
            "Ein Treffpunkt für Jugendliche nach der Schule mit WLAN und Sofa, nicht weit vom "
            "Jugendzentrum am Marktplatz entfernt",
        ),
        ("Was fehlt im Quartier?", "Licht im Park an der Kalkstraße"),
        ("Was fehlt im Quartier?", "Bänke am Spielplatz"),
        ("Was fehlt im Quartier?", "Sprechstunde im Bürgerhaus"),
        ("Welche Ressourcen gibt es?", "Der Sportverein öffnet seine Halle am Wochenende"),
    ]


def test_hyphens_at_line_ends_compounds_and_soft_hyphens(tmp_path: Path) -> None:
    # A compound's own hyphen before a capital stays ("Kita-Ausbau"), a soft hyphen (U+00AD,
    # drawn where Word broke the line) joins the word without a trace.
    pages = [
        [
            *HEAD,
            "Herausforderungen und Bedarfe",
            "Die Eltern warten seit Jahren auf den versprochenen Kita-",
            "Ausbau und auf mehr Plätze in der U3-",
            "Betreuung, vor allem für Familien, die die Kinder\xad",
            "betreuung am Nachmittag brauchen, um arbeiten zu können.",
        ]
    ]
    path = tmp_path / "silbentrennung.pdf"
    path.write_bytes(pdf_bytes(pages, symbols="\xad"))
    assert [s.text for s in parse_file(path).segments] == [
        "Die Eltern warten seit Jahren auf den versprochenen Kita-Ausbau und auf mehr Plätze "
        "in der U3-Betreuung, vor allem für Familien, die die Kinderbetreuung am Nachmittag "
        "brauchen, um arbeiten zu können."
    ]


def test_a_long_detail_line_does_not_swallow_the_next_line(
    project: Project, tmp_path: Path
) -> None:
    # A list of participants as long as a line of text: the guiding question below it was
    # read as part of the list (lost, and the last name with it: stored in clear).
    pages = [
        [
            "Protokoll Stadtteilworkshop Manfort",
            "Datum: 12.03.2021",
            "Sozialraum: Manfort",
            "Teilnehmende: Ayşe Yılmaz, Tuğba Şahin, Jens Möller, Kerstin Wagner,",
            "Ole Stracke, Ida Wendeburg, Aylin Kaya, Björn Treckmann, İsmail Doğan",
            "Was fehlt im Quartier?",
            "Herr Doğan sagt, dass die Jugendlichen einen Treffpunkt mit WLAN brauchen.",
            "Frau Şahin wünscht sich eine Sprechstunde des Jugendamts im Bürgerhaus.",
        ]
    ]
    path = tmp_path / "manfort.pdf"
    path.write_bytes(pdf_bytes(pages, symbols="şŞğıİ"))
    document = parse_file(path)
    assert document.district == "Manfort"
    assert document.names == (
        "Ayşe Yılmaz",
        "Tuğba Şahin",
        "Jens Möller",
        "Kerstin Wagner",
        "Ole Stracke",
        "Ida Wendeburg",
        "Aylin Kaya",
        "Björn Treckmann",
        "İsmail Doğan",
    )
    assert [s.question for s in document.segments] == ["Was fehlt im Quartier?"] * 2
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert "Doğan" not in stored and "Şahin" not in stored


def test_a_list_of_participants_under_teilnehmende_over_two_pages(
    project: Project, tmp_path: Path
) -> None:
    # A cover page with the participants one a line (with their organisation), going on
    # after the page break; the list was read as statements, names in clear.
    pages = [
        [
            "Stadt Leverkusen",
            "Fachbereich Soziales",
            *HEAD,
            "Teilnehmende:",
            "Anna Schmidt (Kita Sonnenschein)",
            "Ole Stracke (Jugendzentrum)",
            "Ida Wendeburg (Seniorenbeirat)",
            "Seite 1 von 2",
        ],
        [
            "Jens Möller, Kerstin Wagner (Moderation)",
            "Herausforderungen und Bedarfe",
            "Frau Schmidt berichtet, dass die Kita seit Monaten eine Warteliste von vierzig",
            "Kindern hat und Eltern ohne Betreuung keine Arbeit aufnehmen können.",
            "Ressourcen",
            "- Herr Stracke bietet die Räume des Jugendzentrums an",
            "- der Seniorenbeirat übernimmt Lesepatenschaften",
            "Seite 2 von 2",
        ],
    ]
    path = tmp_path / "deckblatt.pdf"
    path.write_bytes(pdf_bytes(pages))
    document = parse_file(path)
    assert document.names == (
        "Anna Schmidt",
        "Ole Stracke",
        "Ida Wendeburg",
        "Jens Möller",
        "Kerstin Wagner",
    )
    assert [s.question for s in document.segments] == [
        "Herausforderungen und Bedarfe",
        "Ressourcen",
        "Ressourcen",
    ]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert not any(name in stored for name in ("Schmidt", "Stracke", "Wendeburg", "Möller"))
    assert "Teilnehmende" not in stored


def test_a_title_block_drawn_after_the_text_is_read_where_it_stands(tmp_path: Path) -> None:
    # The title, date and district in a frame at the top of the page that the PDF draws
    # last: they were read after the statements (no district, no date, three statements
    # more).
    pages = [
        [
            *HEAD,
            "Was fehlt im Quartier?",
            "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und",
            "Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt.",
            "Welche Ressourcen gibt es?",
            "Der Sportverein öffnet seine Halle für Jugendliche am Wochenende.",
        ]
    ]
    path = tmp_path / "rahmen.pdf"
    path.write_bytes(pdf_bytes(pages, drawn_last=3))
    document = parse_file(path)
    assert (document.title, document.district, document.date) == (
        "Protokoll Stadtteilworkshop Manfort",
        "Manfort",
        "2021-03-12",
    )
    assert [(s.question, s.text) for s in document.segments] == [
        (
            "Was fehlt im Quartier?",
            "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und Sofa "
            "am Marktplatz, nicht weit vom Jugendzentrum entfernt.",
        ),
        (
            "Welche Ressourcen gibt es?",
            "Der Sportverein öffnet seine Halle für Jugendliche am Wochenende.",
        ),
    ]


def _glyph_numbers(line: str) -> str:
    """A line as a PDF gives it whose font was embedded without its map to characters:
    glyph numbers, three below the letters' codes ("Protokoll" → "3URWRNROO")."""
    return "".join(chr(ord(c) - 29) for c in line)


def test_a_text_layer_of_glyph_numbers_stops_with_the_page(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A font embedded without its character map (some print drivers, older Calibri
    # subsets): the text layer reads "3URWRNROO\x036WDGWWHLO…". This was imported as
    # statements of gibberish.
    garbled = [
        _glyph_numbers(line)
        for line in (
            "Die Jugendlichen wünschen sich einen Treffpunkt mit WLAN und Sofa am Markt,",
            "der nicht weit vom Jugendzentrum entfernt ist, sagen die Eltern.",
        )
    ]
    pages = [[*HEAD, "Was fehlt im Quartier?", "Die Kita hat eine lange Warteliste."]]
    path = tmp_path / "treiber.pdf"
    path.write_bytes(pdf_bytes([*pages, garbled, garbled]))
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert (
        "Datei treiber.pdf, Seite 2: Die Textebene ist nicht lesbar (ebenso Seite 3)" in err
        and "Traceback" not in err
    )
    assert project.segments().empty
    path.write_bytes(pdf_bytes(pages))  # the same protocol without the garbled pages
    assert len(parse_file(path).segments) == 1


def test_a_filled_form_or_a_portfolio_stops_with_what_to_do(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A protocol template filled in as a PDF form: the page has only the labels, the
    # text is in the fields. The labels were imported as statements, the text was lost.
    form = tmp_path / "vorlage.pdf"
    labels = ["Protokollvorlage Stadtteilworkshop", "Sozialraum:", "Datum:", "Was fehlt?"]
    filled = {"Sozialraum": "Manfort", "Bedarfe": "Ein Treffpunkt mit WLAN und Sofa."}
    form.write_bytes(pdf_bytes([labels], fields=filled))
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    # The template's empty page with text typed onto it (Acrobat's "Fill & Sign"), and a
    # sticky note, which is a comment, not the protocol's text
    typed = tmp_path / "getippt.pdf"
    writer = PdfWriter(clone_from=tmp_path / "vorlage.pdf")
    writer._root_object.pop("/AcroForm")
    writer.pages[0][NameObject("/Annots")] = ArrayObject(
        writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject(kind),
                    NameObject("/Rect"): ArrayObject(map(FloatObject, (200, 700, 500, 716))),
                    NameObject("/Contents"): TextStringObject(text),
                }
            )
        )
        for kind, text in (("/FreeText", "Ein Sprachcafé im Bürgerhaus"), ("/Text", "Prüfen!"))
    )
    writer.write(typed)
    # A PDF portfolio: its page is a cover ("open with Acrobat"), the protocols are inside.
    cover = tmp_path / "cover.pdf"
    cover.write_bytes(
        pdf_bytes(
            [
                [
                    "Für die optimale Darstellung dieses PDF-Portfolios wird Adobe Acrobat",
                    "oder Adobe Reader in der Version 9 oder höher empfohlen.",
                ]
            ]
        )
    )
    writer = PdfWriter(clone_from=cover)
    writer.add_attachment("Protokoll Manfort.docx", b"PK")
    writer._root_object[NameObject("/Collection")] = DictionaryObject()
    portfolio = tmp_path / "mappe.pdf"
    writer.write(portfolio)
    for path, message in (
        (form, "Datei vorlage.pdf, Seite 1: Text steht in 2 ausgefüllten Feldern"),
        (typed, "Datei getippt.pdf, Seite 1: Text steht in einem ausgefüllten Feld"),
        (
            portfolio,
            "Datei mappe.pdf: Das PDF ist eine Mappe (PDF-Portfolio) mit eingebetteten "
            "Dateien (Protokoll Manfort.docx)",
        ),
    ):
        assert main(["--project", str(project.path), "import", str(path)]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    assert project.segments().empty
    empty = tmp_path / "leer.pdf"  # a field left empty, the text typed on the page
    empty.write_bytes(
        pdf_bytes([[*labels, "Die Kita hat eine lange Warteliste."]], fields={"Bedarfe": ""})
    )
    assert "Die Kita hat eine lange Warteliste." in [s.text for s in parse_file(empty).segments]


def test_a_page_number_between_dashes_is_no_statement(tmp_path: Path) -> None:
    # "- 2 -" under the text of page 2 only (the cover page has none): read as the list
    # item "2 -".
    pages = [
        [*HEAD, "Was fehlt im Quartier?", "Die Kita hat eine lange Warteliste."],
        ["Welche Ressourcen gibt es?", "Das Bürgerhaus hat abends freie Räume.", "– 2 –"],
    ]
    path = tmp_path / "seitenzahl.pdf"
    path.write_bytes(pdf_bytes(pages))
    assert [s.text for s in parse_file(path).segments] == [
        "Die Kita hat eine lange Warteliste.",
        "Das Bürgerhaus hat abends freie Räume.",
    ]
    path.write_bytes(pdf_bytes([pages[0], [*pages[1][:2], "- 2 -"]]))
    assert len(parse_file(path).segments) == 2


def test_participants_in_two_columns_are_two_names(project: Project, tmp_path: Path) -> None:
    # The list under "Teilnehmende:" set in two columns: the two names of a row were read
    # as one line of text with the heading below, the names stood in the question.
    pages = [
        [
            *HEAD,
            "Teilnehmende:",
            "Anna Schmidt\tOle Stracke",
            "Ida Wendeburg\tJens Möller",
            "Herausforderungen und Bedarfe",
            "Herr Stracke sagt, im Jugendzentrum fehlen Laptops für die Hausaufgaben der",
            "Kinder aus dem Quartier, die zu Hause keinen Computer haben.",
        ]
    ]
    path = tmp_path / "spalten.pdf"
    path.write_bytes(pdf_bytes(pages))
    document = parse_file(path)
    assert document.names == ("Anna Schmidt", "Ole Stracke", "Ida Wendeburg", "Jens Möller")
    assert [s.question for s in document.segments] == ["Herausforderungen und Bedarfe"]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert not any(name in stored_text(project) for name in ("Stracke", "Wendeburg", "Möller"))


def test_a_guiding_question_after_a_list_item_is_a_question(tmp_path: Path) -> None:
    # Word's lists: the bullet indented (also one in Symbol, U+F0B7), the item's text
    # further in, the next guiding question at the margin. An item without a full stop ran
    # into the question below it, and every statement after it stayed under the question
    # before.
    pages = [
        [
            *HEAD,
            "Was fehlt im Quartier?",
            "\t• Ein Treffpunkt für Jugendliche am Marktplatz mit WLAN und Sofa, nicht",
            "\t\tweit vom Jugendzentrum",
            "\t\uf0b7 Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
            "Ressourcen und Möglichkeiten",
            "\t• Der Sportverein öffnet seine Halle für Jugendliche am Wochenende",
            "Wie geht es weiter?",
            "Die Stadt lädt im Herbst zu einem zweiten Workshop ein, sagt die Moderation.",
        ]
    ]
    # typed dashes at the margin: a wrapped item's next line is no heading
    typed = ["- Ein Treffpunkt für Jugendliche am Marktplatz mit WLAN und Sofa, nicht", "weit"]
    path = tmp_path / "liste.pdf"
    path.write_bytes(pdf_bytes([[*pages[0], *typed]], symbols="\uf0b7"))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        (
            "Was fehlt im Quartier?",
            "Ein Treffpunkt für Jugendliche am Marktplatz mit WLAN und Sofa, nicht weit vom "
            "Jugendzentrum",
        ),
        (
            "Was fehlt im Quartier?",
            "Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
        ),
        (
            "Ressourcen und Möglichkeiten",
            "Der Sportverein öffnet seine Halle für Jugendliche am Wochenende",
        ),
        (
            "Wie geht es weiter?",
            "Die Stadt lädt im Herbst zu einem zweiten Workshop ein, sagt die Moderation.",
        ),
        (
            "Wie geht es weiter?",
            "Ein Treffpunkt für Jugendliche am Marktplatz mit WLAN und Sofa, nicht weit",
        ),
    ]


def test_a_table_of_contents_is_no_statement(tmp_path: Path) -> None:
    # Word's table of contents with dot leaders: its entries were statements.
    leader = " " + "." * 40 + " "
    pages = [
        [
            *HEAD,
            "Inhaltsverzeichnis",
            f"1. Herausforderungen und Bedarfe{leader}2",
            f"2. Ressourcen und Möglichkeiten{leader}2",
        ],
        [
            "1. Herausforderungen und Bedarfe",
            "Die Kita hat eine lange Warteliste für Kinder unter drei Jahren, sagt die Leitung.",
            "2. Ressourcen und Möglichkeiten",
            "Wir warten seit Jahren.... 2 Räume im Bürgerhaus sind abends frei und werden nicht",
            "genutzt, sagt der Hausmeister.",
        ],
    ]
    path = tmp_path / "inhalt.pdf"
    path.write_bytes(pdf_bytes(pages))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        (
            "Herausforderungen und Bedarfe",
            "Die Kita hat eine lange Warteliste für Kinder unter drei Jahren, sagt die Leitung.",
        ),
        (
            "Ressourcen und Möglichkeiten",
            "Wir warten seit Jahren.... 2 Räume im Bürgerhaus sind abends frei und werden nicht "
            "genutzt, sagt der Hausmeister.",
        ),
    ]


def test_a_short_protocol_s_participants_are_names_not_its_question(
    project: Project, tmp_path: Path
) -> None:
    # A one-statement protocol: its few lines are all short, so the names under
    # "Teilnehmende:" ran together into one paragraph that became the guiding question,
    # "Ole Stracke" in clear.
    pages = [
        [*HEAD, "Teilnehmende:", "Anna Schmidt (Kita Sonnenschein)", "Ole Stracke (Jugendzentrum)"],
        [
            "Ida Wendeburg (Seniorenbeirat)",
            "Herausforderungen und Bedarfe",
            "Die Kita hat eine lange Warteliste für Kinder unter drei Jahren, sagt Frau Schmidt.",
        ],
    ]
    path = tmp_path / "kurz.pdf"
    path.write_bytes(pdf_bytes(pages))
    document = parse_file(path)
    assert {"Anna Schmidt", "Ole Stracke", "Ida Wendeburg"} <= set(document.names)
    assert [s.question for s in document.segments] == ["Herausforderungen und Bedarfe"]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert not any(name in stored_text(project) for name in ("Stracke", "Wendeburg", "Schmidt"))


def test_a_large_title_over_two_lines_is_the_whole_title(tmp_path: Path) -> None:
    # The title in LibreOffice's or Word's style "Titel" (26 pt) wraps after two words: the
    # document's title was only its last line ("Opladen").
    pages = [
        [
            "Protokoll Stadtteilkonferenz",
            "Opladen",
            "Datum: 22.04.2021",
            "Sozialraum: Opladen",
            "Was fehlt im Quartier?",
            "Die Jugendlichen wünschen sich einen Treffpunkt in der neuen Bahnstadt, sagt",
            "der Sozialarbeiter vom Jugendzentrum am Nachmittag.",
        ]
    ]
    path = tmp_path / "titel.pdf"
    path.write_bytes(pdf_bytes(pages, large=2))
    document = parse_file(path)
    assert (document.title, document.district) == (
        "Protokoll Stadtteilkonferenz Opladen",
        "Opladen",
    )
    assert [s.question for s in document.segments] == ["Was fehlt im Quartier?"]


def _two_column_pdf(left: list[str], right: list[str]) -> bytes:
    """One page set in two columns as Word and LibreOffice draw them: the whole left column
    first, then the right one, line for line at the same heights."""
    ops = ["BT /F1 11 Tf"]
    for x, lines in ((72, left), (320, right)):
        ops += [f"1 0 0 1 {x} {760 - 14 * k} Tm ({line}) Tj" for k, line in enumerate(lines)]
    content = "\n".join([*ops, "ET"]).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )


def test_running_text_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    """A protocol set in two columns keeps its details and statements: reading across the
    columns (the layout) put the right column's lines into the date and the statements."""
    left = [
        "Protokoll Stadtteilworkshop Manfort",
        "Datum: 12.03.2021",
        "Sozialraum: Manfort",
        "Was fehlt im Quartier?",
        "Es fehlt ein Treffpunkt für Jugendliche am",
        "Abend, der Jugendtreff schließt zu früh.",
    ]
    right = [
        "Welche Ressourcen gibt es?",
        "Der Sportverein hat eine große Halle und",
        "viele Ehrenamtliche.",
        "Die Kita am Park bietet ein Elterncafé an.",
    ]
    path = tmp_path / "zweispaltig.pdf"
    path.write_bytes(_two_column_pdf(left, right))
    document = parse_file(path)
    assert (document.district, str(document.date)) == ("Manfort", "2021-03-12")
    assert [(s.question, s.text) for s in document.segments] == [
        (
            "Was fehlt im Quartier?",
            "Es fehlt ein Treffpunkt für Jugendliche am Abend, der Jugendtreff schließt zu früh.",
        ),
        (
            "Welche Ressourcen gibt es?",
            "Der Sportverein hat eine große Halle und viele Ehrenamtliche.",
        ),
        ("Welche Ressourcen gibt es?", "Die Kita am Park bietet ein Elterncafé an."),
    ]
