"""PDF protocols whose bold is faked by drawing text twice (a print driver, Word on a font
without a bold face): the text is read once.

The PDFs are written here byte by byte: Helvetica with every glyph 500 thousandths wide,
one line per text matrix; a bold line is drawn twice, the second time 0.3 pt to the
right, as the whole string or glyph by glyph (``[(T) 470 (T) (r) 470 (r) …] TJ``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdf_data import pdf_from_objects
from workbench import Project
from workbench.ingest import parse_file

LINES = [
    ("Protokoll Stadtteilworkshop Manfort", True),
    ("Datum: 12.03.2021", False),
    ("Sozialraum: Manfort", False),
    ("Teilnehmende: Anna Schmidt, Peter Braun", False),
    ("Treffpunkt fehlt?", True),
    ("Die Jugendlichen wünschen sich einen Treffpunkt mit WLAN am Marktplatz.", False),
    ("Anna Schmidt fragt nach Licht im Park an der Kalkstraße.", False),
    ("Was gibt es schon?", True),
    ("Der Sportverein öffnet seine Halle am Wochenende für alle.", False),
]


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _shown(text: str, bold: bool, fake: str, y: int) -> str:
    """One line drawn at (40, y); bold faked as ``fake`` says ("" draws it once)."""
    if bold and fake == "string":  # the line again, 0.3 pt further right (Td: from its start)
        return f"1 0 0 1 40 {y} Tm ({_escaped(text)}) Tj 0.3 0 Td ({_escaped(text)}) Tj"
    if bold and fake == "glyph":  # each glyph, back by its width less 0.3 pt, again
        glyphs = " ".join(f"({_escaped(c)}) 470 ({_escaped(c)}) -30" for c in text)
        return f"1 0 0 1 40 {y} Tm [{glyphs}] TJ"
    if bold and fake == "objects":  # the line again in a text object of its own
        again = f"ET BT /F1 10 Tf 1 0 0 1 40.3 {y} Tm ({_escaped(text)}) Tj"
        return f"1 0 0 1 40 {y} Tm ({_escaped(text)}) Tj {again}"
    if bold and fake == "apart":  # the line again, a column further right
        return f"1 0 0 1 40 {y} Tm ({_escaped(text)}) Tj 200 0 Td ({_escaped(text)}) Tj"
    return f"1 0 0 1 40 {y} Tm ({_escaped(text)}) Tj"


def _pdf(fake: str) -> bytes:
    """The protocol of :data:`LINES` as a one-page PDF, its bold lines faked by ``fake``."""
    return page_pdf(
        [_shown(text, bold, fake, 800 - 14 * r) for r, (text, bold) in enumerate(LINES)]
    )


def page_pdf(shown: list[str]) -> bytes:
    """A one-page PDF drawing the text operations ``shown`` in Helvetica, 10 pt, every
    glyph 500 thousandths wide."""
    stream = "\n".join(["BT", "/F1 10 Tf", *shown, "ET"]).encode("cp1252")
    widths = " ".join(["500"] * 224)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/FirstChar 32 /LastChar 255 /Widths [" + widths.encode() + b"] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return pdf_from_objects(objects)


@pytest.mark.parametrize("fake", ["string", "glyph", "objects"])
def test_text_drawn_twice_for_a_fake_bold_is_read_once(tmp_path: Path, fake: str) -> None:
    """Before, the questions read "Treffpunkt fehlt?Treffpunkt fehlt?" or
    "TTrreeffppuunnkktt  ffeehhlltt??" and the title likewise."""
    once, twice = tmp_path / "einmal.pdf", tmp_path / f"fett_{fake}.pdf"
    once.write_bytes(_pdf(""))
    twice.write_bytes(_pdf(fake))
    expected, document = parse_file(once), parse_file(twice)
    assert document.title == "Protokoll Stadtteilworkshop Manfort"
    assert (document.district, document.date) == ("Manfort", "2021-03-12")
    assert document.names == ("Anna Schmidt", "Peter Braun")
    assert [(s.question, s.text) for s in document.segments] == [
        ("Treffpunkt fehlt?", LINES[5][0]),
        ("Treffpunkt fehlt?", LINES[6][0]),
        ("Was gibt es schon?", LINES[8][0]),
    ]
    assert [(s.question, s.text) for s in expected.segments] == [
        (s.question, s.text) for s in document.segments
    ]
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([twice])
        texts = list(project.segments()["text"])
    assert texts[1].startswith("[Person 1] fragt nach Licht")


def test_the_same_words_drawn_apart_stay_twice(tmp_path: Path) -> None:
    """Text shown again a cell further right, or on the next line, is no fake bold."""
    path = tmp_path / "zweimal.pdf"
    path.write_bytes(_pdf("apart"))
    titles = [s.question for s in parse_file(path).segments]
    assert titles[0].count("Treffpunkt fehlt?") == 2


def test_a_word_shown_twice_in_a_row_is_said_twice(tmp_path: Path) -> None:
    """ "(ja ) Tj (ja ) Tj" draws the second word beside the first (the position moves on
    with the text): a participant said "ja ja", no fake bold. Before, one "ja" was lost."""
    lines = [f"1 0 0 1 40 {800 - 14 * r} Tm ({text}) Tj" for r, (text, _) in enumerate(LINES)]
    lines[5] = "1 0 0 1 40 730 Tm (Ja ) Tj (ja ) Tj (ja ) Tj (wirklich, ein Treffpunkt fehlt.) Tj"
    path = tmp_path / "ja_ja.pdf"
    path.write_bytes(page_pdf(lines))
    texts = [s.text for s in parse_file(path).segments]
    assert texts[0] == "Ja ja ja wirklich, ein Treffpunkt fehlt."


def test_the_same_card_twice_placed_by_the_page_transformation_stays_twice(
    tmp_path: Path,
) -> None:
    """A producer that moves the page's origin to each line ("1 0 0 1 40 y cm") and draws
    its text at the text origin: two participants' identical cards, one under the other,
    stood where the reader saw one position, and the second card was taken for a fake
    bold and lost; a string drawn again 0.3 pt further right so is still a fake bold."""
    cards = ["Mehr Licht im Park.", "Mehr Licht im Park.", "Ein Jugendtreff am Markt."]
    lines = [(text, False) for text, _ in LINES[:5]] + [(card, False) for card in cards]
    shown = []
    for row, (text, _) in enumerate(lines):
        again = f" 0.3 0 Td ({_escaped(text)}) Tj" if row == 4 else ""  # bold faked
        shown.append(
            f"ET q 1 0 0 1 40 {800 - 14 * row} cm BT /F1 10 Tf 1 0 0 1 0 0 Tm "
            f"({_escaped(text)}) Tj{again} ET Q BT"
        )
    path = tmp_path / "karten.pdf"
    path.write_bytes(page_pdf(shown))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        ("Treffpunkt fehlt?", card) for card in cards
    ]


def _coded_pdf(shown: list[str], letters: str) -> bytes:
    """A one-page PDF like :func:`page_pdf` whose font draws ``letters`` by the codes 1, 2,
    … (a subset font, as Word and LibreOffice embed them): its strings are no text
    without the font's encoding."""
    names = " ".join(f"/{_GLYPH_NAMES.get(c, c)}" for c in letters)
    pdf = page_pdf(shown)
    encoding = (
        b"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 "
        + names.encode()
        + b"] >>"
    )
    coded = pdf.replace(b"/Encoding /WinAnsiEncoding", encoding)
    return _fixed_offsets(coded)


_GLYPH_NAMES = {" ": "space", ":": "colon", ".": "period", "?": "question"} | dict(
    zip("0123456789", "zero one two three four five six seven eight nine".split(), strict=True)
)


def _fixed_offsets(pdf: bytes) -> bytes:
    """A PDF's cross-reference table made right again after its objects changed length."""
    body, _, _ = pdf.partition(b"xref\n")
    offsets = [body.index(b"%d 0 obj\n" % n) for n in range(1, body.count(b" 0 obj\n") + 1)]
    out = bytearray(body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        xref,
    )
    return bytes(out)


def test_a_fake_bold_in_a_subset_font_keeps_a_table_readable(tmp_path: Path) -> None:
    """Taking the second drawing out gave the page its content as text strings: with a
    subset font's codes, pypdf then read the codes as letters ("\\x01\\x02"), the cells of
    a table were gibberish and the import stopped ("… Tabelle, deren Zellen der
    PDF-Import nicht auseinanderhalten kann")."""
    lines = [
        ("Kartenabfrage Manfort", True, 800),
        ("Datum: 12.03.2021", False, 786),
        ("Sozialraum: Manfort", False, 772),
    ]
    cells = [
        (44, 740, "Bedarfe"),
        (204, 740, "Ideen"),
        (44, 716, "Mehr Licht im Park."),
        (204, 716, "Ein Treff mit Sofa."),
    ]
    letters = "".join(dict.fromkeys("".join(t for t, *_ in lines + [(c[2],) for c in cells])))
    code = {c: bytes([n]) for n, c in enumerate(letters, start=1)}

    def coded(text: str) -> str:
        return "<" + b"".join(code[c] for c in text).hex() + ">"

    shown = []
    for text, bold, y in lines:
        again = f" 0.3 0 Td {coded(text)} Tj" if bold else ""
        shown.append(f"ET BT /F1 10 Tf 1 0 0 1 40 {y} Tm {coded(text)} Tj{again}")
    shown += [f"ET BT /F1 10 Tf 1 0 0 1 {x} {y} Tm {coded(text)} Tj" for x, y, text in cells]
    shown.append("ET")
    for y in (755, 730, 705):
        shown.append(f"40 {y} m 360 {y} l S")
    for x in (40, 200, 360):
        shown.append(f"{x} 755 m {x} 705 l S")
    shown.append("BT")
    path = tmp_path / "karten.pdf"
    path.write_bytes(_coded_pdf(shown, letters))
    document = parse_file(path)
    assert document.title == "Kartenabfrage Manfort"
    assert [(s.question, s.text) for s in document.segments] == [
        ("Bedarfe", "Mehr Licht im Park."),
        ("Ideen", "Ein Treff mit Sofa."),
    ]
