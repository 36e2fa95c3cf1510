"""PDF protocols: the text layer as statements, page furniture left out, names pseudonymised.

The PDFs are written here byte by byte (standard font Helvetica, WinAnsi encoding, one
text line per ``Tj``), the way a word processor's "save as PDF" lays out lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.pdf_data import pdf_from_objects
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.ingest import parse_file

PAGES = [
    [
        "Stadtteilkonferenz Manfort",
        "Datum: 12.03.2021",
        "Sozialraum: Manfort",
        "Was fehlt im Quartier?",
        "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit",
        "WLAN und Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt.",
        "- Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
        "- eine Bank am Spielplatz",
        "Stadt Leverkusen, Fachbereich Soziales",
        "Seite 1 von 3",
    ],
    [
        "Welche Ressourcen gibt es?",
        "Frau Kaczmarek vom Seniorenbeirat bietet Hilfe an, wenn jemand fragt.",
        "Der Sportverein öffnet seine Halle für Jugendliche, die Rad- und Fußwege zum Spiel-",
        "platz sind abends beleuchtet, sagt die Hausmeisterin der Gesamtschule Opladen.",
        "Stadt Leverkusen, Fachbereich Soziales",
        "Seite 2 von 3",
    ],
    [
        "Die Stadtteilbibliothek öffnet ihre Räume für Hausaufgabenhilfe am Nachmittag.",
        "Stadt Leverkusen, Fachbereich Soziales",
        "Seite 3 von 3",
    ],
]


def pdf_bytes(
    pages: list[list[str]],
    encrypt: bool = False,
    ligatures: bool = False,
    symbols: str = "",
    drawn_last: int = 0,
    fields: dict[str, str] | None = None,
    large: int = 0,
) -> bytes:
    """A PDF with one text line per entry of ``pages`` (cp1252, Helvetica); with
    ``ligatures``, bytes 0x81–0x83 are the glyphs ﬀ, ﬁ, ﬂ as a word processor embeds them;
    the characters of ``symbols`` (Word's Symbol bullet U+F0B7, a soft hyphen, "ş") get the
    bytes 0x01, 0x02 … and the font a ``/ToUnicode`` map that names them, as Word's
    embedded fonts do. With ``drawn_last``, every line is placed on the page by itself and
    the first ``drawn_last`` lines of a page are drawn after the others (a title block in a
    frame), in the same places. A tab in a line puts what follows in a second column (at
    300 pt); tabs in front indent a line by 18 pt each (a bullet, a list item's text).
    ``fields`` (name → value) are filled text fields of a form on the first page, their
    text only in the fields, as a form filled in a PDF viewer. The first ``large`` lines of
    the first page are set in 26 pt (a title in Word's or LibreOffice's style "Titel")."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    field_ids = [4 + 2 * len(pages) + bool(symbols) + i for i in range(len(fields or {}))]
    form = " ".join(f"{i} 0 R" for i in field_ids)
    acro_form = f" /AcroForm << /Fields [{form}] >>" if fields else ""
    objects.append(f"<< /Type /Catalog /Pages 2 0 R{acro_form} >>".encode())
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    encoding = b"/WinAnsiEncoding"
    if ligatures:
        encoding = (
            b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [129 /ff /fi /fl] >>"
        )
    to_unicode = b" /ToUnicode %d 0 R" % (4 + 2 * len(pages)) if symbols else b""
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding %s%s >>"
        % (encoding, to_unicode)
    )
    special = {glyph: 0x81 + k for k, glyph in enumerate("ﬀﬁﬂ")}  # see the font's encoding
    special.update({char: 1 + k for k, char in enumerate(symbols)})
    for number, lines in zip(page_ids, pages, strict=True):
        ops = ["BT", "/F1 10 Tf", "14 TL", "40 800 Td"]
        placed = []
        for row, line in enumerate(lines):
            if number == 4 and large and row in (0, large):  # the title's size, then back
                ops.append("/F1 26 Tf 30 TL" if row == 0 else "/F1 10 Tf 14 TL")
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            if drawn_last:
                placed.append(f"1 0 0 1 40 {800 - 14 * row} Tm ({escaped}) Tj")
            else:  # a tab: what follows it stands in a second column
                indent = 18 * (len(escaped) - len(escaped.lstrip("\t")))
                escaped = escaped.lstrip("\t")
                back = -260 * ("\t" in escaped) - indent
                shown = escaped.replace("\t", ") Tj 260 0 Td (", 1)
                ops.append(f"{indent} 0 Td ({shown}) Tj {back} 0 Td T*")
        ops += placed[drawn_last:] + placed[:drawn_last]
        ops.append("ET")
        stream = b"".join(
            bytes([special[c]]) if c in special else c.encode("cp1252") for c in "\n".join(ops)
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {number + 1} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> >> /Annots [{form if number == 4 else ''}] "
            ">>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    if symbols:
        pairs = "".join(f"<{1 + k:02X}> <{ord(c):04X}>\n" for k, c in enumerate(symbols))
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /W def\n"
            f"1 begincodespacerange <00> <FF> endcodespacerange\n{len(symbols)} beginbfchar\n"
            f"{pairs}endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
        ).encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    for row, (field, value) in enumerate((fields or {}).items()):
        objects.append(
            f"<< /Type /Annot /Subtype /Widget /FT /Tx /T ({field}) /V ({value}) /P 4 0 R "
            f"/Rect [200 {780 - 20 * row} 550 {796 - 20 * row}] >>".encode("cp1252")
        )
    return pdf_from_objects(objects)


def _write(path: Path, pages: list[list[str]]) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def test_a_pdf_protocol_gives_paragraphs_under_its_guiding_questions(tmp_path: Path) -> None:
    document = parse_file(_write(tmp_path / "konferenz.pdf", PAGES))
    assert (document.title, document.date, document.district) == (
        "Stadtteilkonferenz Manfort",
        "2021-03-12",
        "Manfort",
    )
    assert [(s.question, s.text) for s in document.segments] == [
        (
            "Was fehlt im Quartier?",
            "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und Sofa "
            "am Marktplatz, nicht weit vom Jugendzentrum entfernt.",
        ),
        (
            "Was fehlt im Quartier?",
            "Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
        ),
        ("Was fehlt im Quartier?", "eine Bank am Spielplatz"),
        (
            "Welche Ressourcen gibt es?",
            "Frau Kaczmarek vom Seniorenbeirat bietet Hilfe an, wenn jemand fragt.",
        ),
        (  # a word hyphenated at the line end is one word again; "Rad- und" stays
            "Welche Ressourcen gibt es?",
            "Der Sportverein öffnet seine Halle für Jugendliche, die Rad- und Fußwege zum "
            "Spielplatz sind abends beleuchtet, sagt die Hausmeisterin der Gesamtschule Opladen.",
        ),
        (
            "Welche Ressourcen gibt es?",
            "Die Stadtteilbibliothek öffnet ihre Räume für Hausaufgabenhilfe am Nachmittag.",
        ),
    ]
    # The footer on every page and the page numbers are no statements.
    assert not any("Fachbereich" in s.text or "Seite" in s.text for s in document.segments)


def test_a_pdf_imports_pseudonymised_and_a_scan_or_a_broken_file_stops(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(project.path), "import"]
    assert main([*base, str(_write(tmp_path / "konferenz.pdf", PAGES))]) == 0
    assert "konferenz.pdf: 6 Aussagen importiert" in capsys.readouterr().out
    assert "Kaczmarek" not in stored_text(project)
    assert set(project.segments()["district"]) == {"Manfort"}

    scan = _write(tmp_path / "scan.pdf", [[], []])  # pages without a text layer
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(pdf_bytes(PAGES)[:300])
    renamed = tmp_path / "notiz.pdf"
    renamed.write_text("Nur Text", encoding="utf-8")
    from pypdf import PdfWriter

    locked = tmp_path / "geheim.pdf"
    writer = PdfWriter(clone_from=tmp_path / "konferenz.pdf")
    writer.encrypt("geheim", algorithm="RC4-128")
    writer.write(locked)
    for path, message in (
        (locked, "Das PDF ist mit einem Passwort geschützt"),
        (scan, "Das PDF enthält keinen Text (eine eingescannte Seite?)"),
        (broken, "Keine lesbare PDF-Datei"),
        (renamed, "Keine PDF-Datei"),
    ):
        assert main([*base, str(path)]) == 2
        err = capsys.readouterr().err
        assert f"{path.name}: {message}" in err and "Traceback" not in err
    assert len(project.segments()) == 6
    with pytest.raises(InputError, match="Keine lesbare PDF-Datei"):
        parse_file(broken)


def test_a_scanned_page_among_typed_ones_is_named_not_lost_silently(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A protocol typed on page 1 and a card wall scanned on page 2: the import read page
    # 1 and said nothing about page 2, whose content was missing from the project.
    from PIL import Image
    from pypdf import PdfReader, PdfWriter

    scan = tmp_path / "karten.pdf"
    Image.new("L", (120, 170), 255).save(scan, "PDF", resolution=20)
    writer = PdfWriter()
    for path in (_write(tmp_path / "text.pdf", PAGES[:1]), scan):
        for page in PdfReader(path).pages:
            writer.add_page(page)
    writer.write(tmp_path / "konferenz.pdf")
    assert main(["--project", str(project.path), "import", str(tmp_path / "konferenz.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Seite 2 ohne Text, nur ein Bild (eingescannt?): nicht gelesen" in out
    assert "Texterkennung (OCR)" in out
    # a typed protocol says nothing of the kind
    assert parse_file(tmp_path / "konferenz.pdf").options == {"pages_without_text": [2]}
    assert parse_file(tmp_path / "text.pdf").options == {}


def test_doctests() -> None:
    import doctest

    import workbench.ingest.pdf_protocol

    result = doctest.testmod(workbench.ingest.pdf_protocol)
    assert result.attempted > 0 and result.failed == 0


def test_a_heading_or_paragraph_on_every_page_is_text_not_a_header(tmp_path: Path) -> None:
    # One group per page under the same guiding questions: the questions and a paragraph
    # that recur on both pages inside the text were taken for a running header and lost
    # (the statements went to no question); the footer at the foot of each page is none.
    note = "Die Verwaltung prüft das bis zum nächsten Treffen."
    pages = [
        [
            "Protokoll Stadtteilworkshop Manfort",
            "Datum: 12.03.2021",
            "Gruppe 1",
            "Was fehlt im Quartier?",
            "Ein Treffpunkt für Jugendliche am Abend, der Jugendtreff schließt zu früh.",
            note,
            "Was läuft gut?",
            "Die Nachbarschaft hält zusammen, beim Stadtteilfest helfen alle mit.",
            "Stadt Leverkusen, Fachbereich Soziales",
            "Seite 1 von 2",
        ],
        [
            "Gruppe 2",
            "Was fehlt im Quartier?",
            "Eine Sprechstunde im Bürgerhaus für ältere Menschen, die Hilfe brauchen.",
            note,
            "Was läuft gut?",
            "Der Wochenmarkt am Samstag ist ein Treffpunkt für das ganze Viertel.",
            "Stadt Leverkusen, Fachbereich Soziales",
            "Seite 2 von 2",
        ],
    ]
    found = [(s.question, s.text) for s in parse_file(_write(tmp_path / "g.pdf", pages)).segments]
    assert [(q, text) for q, text in found if not text.startswith("Gruppe")] == [
        ("Was fehlt im Quartier?", pages[0][4]),
        ("Was fehlt im Quartier?", note),
        ("Was läuft gut?", pages[0][7]),
        ("Was fehlt im Quartier?", pages[1][2]),
        ("Was fehlt im Quartier?", note),
        ("Was läuft gut?", pages[1][5]),
    ]
    assert not any("Fachbereich" in text or "Seite" in text for _, text in found)
