"""Footnotes of a PDF protocol, as Word sets them: the reference set small and raised in
the text, the note at the page's foot under a short rule, smaller than the text, above
the footer. Before, "1 Vgl. Sozialbericht 2019, S. 12." was stored as a participant's
statement under the last guiding question (the same protocol as DOCX has no such
statement: Word's footnotes are not read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdf_data import pdf_from_objects
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

NOTE = "Vgl. Sozialbericht 2019, S. 12, und Sozialraumanalyse 2021, Kapitel 3."
FOOTER = "Stadtteilworkshop Manfort – Protokoll: Okke Wübbenhorst"
SAID = [
    "Die Kinderarmut im Quartier ist hoch, das zeigt auch der Sozialbericht.",
    "Ein Treffpunkt für Jugendliche am Marktplatz fehlt seit Jahren.",
    "Die Bänke am Rhein sind kaputt.",
]


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page(lines: list[str | tuple[str, str]], notes: list[tuple[str, str]], page: int) -> bytes:
    """A page's content: body lines in 11 pt (a line with a reference: the text, then the
    mark in 7 pt raised), the notes in 9 pt (their mark in 6 pt) under a rule, a footer."""
    ops = ["BT", "/F1 11 Tf", "1 0 0 1 57 780 Tm", "15 TL"]
    for line in lines:
        text, mark = line if isinstance(line, tuple) else (line, "")
        raised = f" /F1 7 Tf 5 Ts ({mark}) Tj /F1 11 Tf 0 Ts" if mark else ""
        ops.append(f"({_escaped(text)}) Tj{raised} T*")
    ops += ["ET", "57 95 m 200 95 l 0.5 w S"]
    y = 82
    for mark, text in notes:
        ops.append(f"BT /F1 6 Tf 1 0 0 1 57 {y + 3} Tm ({mark}) Tj ET")
        ops.append(f"BT /F1 9 Tf 1 0 0 1 62 {y} Tm ({_escaped(text)}) Tj ET")
        y -= 11
    ops.append(f"BT /F1 11 Tf 1 0 0 1 57 30 Tm ({_escaped(FOOTER)} – Seite {page} von 2) Tj ET")
    return "\n".join(ops).encode("cp1252")


def _pdf(pages: list[tuple[list, list]]) -> bytes:
    ids = [4 + 2 * i for i in range(len(pages))]
    kids = " ".join(f"{i} 0 R" for i in ids)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for page, (number, (lines, notes)) in enumerate(zip(ids, pages, strict=True), start=1):
        stream = _page(lines, notes, page)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {number + 1} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_from_objects(objects)


PAGES = [
    (
        ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", "", "Was fehlt im Quartier?", ""],
        [("1", NOTE), ("2", "Die Zahlen sind vorläufig.")],
    ),
    (["Was gibt es schon?", "", (SAID[2], "2")], []),
]
PAGES[0][0].extend([(SAID[0], "1"), "", SAID[1]])


def test_a_footnote_at_the_page_foot_is_no_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(_pdf(PAGES))
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == SAID
    assert parsed.options == {"pages_with_footnotes": [1]}
    assert "Okke Wübbenhorst" in parsed.names  # the footer below the notes is furniture
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(path), "--district", "Manfort"]) == 0
    assert "Fußnoten (Seite 1) nicht gelesen" in capsys.readouterr().out
    with Project.open(project_dir) as project:
        assert list(project.segments()["text"]) == SAID


def test_small_lines_at_the_foot_without_a_reference_stay_statements(tmp_path: Path) -> None:
    # no mark in the text above: the small lines are the protocol's own (a card, a list)
    pages = [(["Stadtteilworkshop Manfort", "", "Was fehlt im Quartier?", "", SAID[1]], [])]
    pages[0][1].append(("2", "Kinder kamen mit ihren Eltern, es gab Kaffee und Kuchen."))
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(_pdf(pages))
    texts = [s.text for s in parse_file(path).segments]
    assert texts[0] == SAID[1]
    assert texts[1].endswith("Kinder kamen mit ihren Eltern, es gab Kaffee und Kuchen.")


def _free_pdf(items: list[tuple[float, float, int, str]]) -> bytes:
    """A one-page PDF of texts placed at (x, y) in a size."""
    ops = [f"BT /F1 {s} Tf 1 0 0 1 {x} {y} Tm ({_escaped(t)}) Tj ET" for x, y, s, t in items]
    stream = "\n".join(ops).encode("cp1252")
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    )


@pytest.mark.parametrize("kind", ["table", "stars"])
def test_small_cards_at_the_foot_are_no_footnotes(tmp_path: Path, kind: str) -> None:
    # a table set small with its number and points columns ("3" points above the card "3 …")
    # and a small list of "* " cards below "Bürger*innen" were taken for footnotes and lost
    question = "Was wünschen sich die Bürger*innen?"
    lines = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", question, *SAID, "Karten:"]
    items = [(57, 780 - 15 * i, 11, line) for i, line in enumerate(lines)]
    rows = [("1", "Bänke am Markt", "3"), ("2", "Licht im Park", "1"), ("3", "Bürgerbus", "2")]
    for i, (number, card, points) in enumerate(rows):
        y = 640 - 12 * i
        if kind == "table":
            items += [(57, y, 9, number), (80, y, 9, card), (400, y, 9, points)]
        else:
            items.append((57, y, 9, f"* {card}"))
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(_free_pdf(items))
    parsed = parse_file(path)
    cards = [" ".join(row) for row in rows] if kind == "table" else [row[1] for row in rows]
    assert [s.text for s in parsed.segments] == [*SAID, *cards]
    assert "pages_with_footnotes" not in parsed.options
