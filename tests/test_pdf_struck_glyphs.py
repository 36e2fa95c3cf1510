"""PDF protocols with text struck through as Chrome, Google Docs or a print driver write
them: a Type0 font whose glyph codes are two bytes ("\\x00D"), and each glyph placed on its
own (a ``Td`` per glyph) instead of a run of text at a time.

The PDFs are written here byte by byte: a Type0 font (Identity-H) whose codes are the
letters' code points, every glyph 500 thousandths wide (5 pt at 10 pt), a thin filled
bar 3 pt over the baseline through the struck text, as Chrome draws it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdf_data import pdf_from_objects
from workbench.ingest import parse_file

GLYPH = 5.0  # points: every glyph's width at 10 pt

LINES = [
    [("Protokoll Stadtteilworkshop Opladen", False)],
    [("Datum: 22.04.2021", False)],
    [("Teilnehmende: Anna Schmidt, Peter Braun", False)],
    [("Was fehlt im Quartier?", False)],
    [("Ein Treffpunkt fehlt, ", False), ("neben Familie Yilmaz", True), (" sagt Anna.", False)],
    [("Der Park ist nachts dunkel, sagt Peter Braun.", False)],
]


def _codes(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text)


def _pdf(lines: list[list[tuple[str, bool]]], glyphs: bool) -> bytes:
    """The lines in a two-byte font: a text object per run, its text shown as one string
    or glyph by glyph (``glyphs``); a bar through each struck run."""
    ops: list[str] = []
    for row, runs in enumerate(lines):
        y, x = 780 - 16 * row, 72.0
        for text, struck in runs:
            if glyphs:
                shown = f" {GLYPH} 0 Td ".join(f"<{_codes(c)}> Tj" for c in text)
            else:
                shown = f"<{_codes(text)}> Tj"
            ops.append(f"BT /F1 10 Tf 1 0 0 1 {x:.1f} {y} Tm {shown} ET")
            if struck:
                ops.append(f"{x:.1f} {y + 3} {GLYPH * len(text):.1f} 0.7 re f")
            x += GLYPH * len(text)
    stream = "\n".join(ops).encode("ascii")
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
        b"/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
        b"1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict "
        b"/CMap defineresource pop end end"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+DejaVuSerif /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+DejaVuSerif /DW 500 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    return pdf_from_objects(objects)


@pytest.mark.parametrize("glyphs", [False, True], ids=["runs", "glyphs"])
def test_struck_text_in_a_two_byte_font_is_left_out_and_the_rest_reads_right(
    tmp_path: Path, glyphs: bool
) -> None:
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(_pdf(LINES, glyphs))
    document = parse_file(path)
    assert document.title == "Protokoll Stadtteilworkshop Opladen"
    assert [s.text for s in document.segments] == [
        "Ein Treffpunkt fehlt, sagt Anna.",
        "Der Park ist nachts dunkel, sagt Peter Braun.",
    ]
    assert document.options == {"pages_struck_through": [1]}
