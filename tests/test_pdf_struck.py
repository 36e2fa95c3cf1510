"""PDF protocols saved with tracked changes shown (Word, LibreOffice): the deleted words,
drawn struck through, are no text of the protocol, as in the DOCX import.

The PDFs are written here byte by byte (:func:`tests.test_pdf_overprint.page_pdf`:
Helvetica 10 pt, every glyph 5 pt wide). LibreOffice draws each run in a text object of
its own and strikes deleted text with a stroke 3.1 pt over the baseline, underlines
inserted text 1.1 pt under it and puts a change bar in the margin; Word sets each run
with a text matrix and draws the line through as a thin filled bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_pdf_overprint import page_pdf
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

GLYPH = 5.0  # points: every glyph's width at 10 pt

# One line a list of runs: (text, how: "" plain, "del" deleted, "ins" inserted)
HEAD = [
    [("Protokoll Stadtteilworkshop Manfort", "")],
    [("Datum: 12.03.2021", "")],
    [("Sozialraum: Manfort", "")],
    [("Teilnehmende: Anna Schmidt, Peter Braun", "")],
    [("Was fehlt im Quartier?", "")],
]
BODY = [
    [
        ("Die Jugendlichen wünschen sich einen Treffpunkt ", ""),
        ("am Marktplatz neben Familie Yilmaz ", "del"),
    ],
    [("im Zentrum ", "ins"), ("mit WLAN und einer Überdachung für den Winter.", "")],
    [("Herr ", ""), ("Okonkwo", "del"), ("X", "ins"), (" bietet den Saal der Gemeinde an.", "")],
    [("Frau Nowak aus der Hauptstraße sagt, es wird zu laut.", "del")],
    [("Der Sportverein ", ""), ("öffnet", "ins"), ("schließt", "del"), (" seine Halle.", "")],
    [("Der Spielplatz ist ", ""), ("sicherer", "ins"), (" geworden, sagt Anna Schmidt.", "")],
]


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _libreoffice(lines: list[list[tuple[str, str]]]) -> bytes:
    """The lines as LibreOffice draws them: a text object per run, a stroke through
    deleted text, a line under inserted text, a change bar in the margin."""
    ops: list[str] = []
    for row, runs in enumerate(lines):
        y = 780 - 16 * row
        x = 90.0
        for text, how in runs:
            width = GLYPH * len(text)
            ops.append(f"BT {x:.1f} {y} Td /F1 10 Tf ({_escaped(text)}) Tj ET")
            if how:
                at = 3.1 if how == "del" else -1.1
                ops.append(f"q 1 0 0 1 {x:.1f} {y} cm 0.7 w 0 {at} m {width:.1f} {at} l S Q")
            x += width
        if any(how for _, how in runs):
            ops.append(f"q 0.7 w 82.95 {y + 10} m 82.95 {y - 3} l S Q")
    return page_pdf(ops)


def _word(lines: list[list[tuple[str, str]]]) -> bytes:
    """The lines as Word draws them: one text object, a text matrix per run; a thin
    filled bar through deleted text and under inserted text."""
    ops: list[str] = []
    for row, runs in enumerate(lines):
        y = 780 - 16 * row
        x = 72.0
        for text, how in runs:
            width = GLYPH * len(text)
            ops.append(f"BT /F1 10 Tf 1 0 0 1 {x:.1f} {y} Tm [({_escaped(text)})] TJ ET")
            if how:
                at = y + 2.6 if how == "del" else y - 1.6
                ops.append(f"{x:.1f} {at:.1f} {width:.1f} 0.5 re f")
            x += width
    return page_pdf(ops)


@pytest.mark.parametrize("drawn", [_libreoffice, _word])
def test_deleted_text_of_tracked_changes_is_left_out_and_words_keep_their_spaces(
    tmp_path: Path, drawn
) -> None:
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(drawn(HEAD + BODY))
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        "Die Jugendlichen wünschen sich einen Treffpunkt im Zentrum mit WLAN und einer "
        "Überdachung für den Winter.",  # one statement: the short line was wrapped
        "Herr X bietet den Saal der Gemeinde an.",
        "Der Sportverein öffnet seine Halle.",
        "Der Spielplatz ist sicherer geworden, sagt Anna Schmidt.",
    ]
    assert document.names == ("Anna Schmidt", "Peter Braun")
    assert document.options == {"pages_struck_through": [1]}


def test_a_name_struck_out_is_not_stored_and_the_import_says_what_it_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(_libreoffice(HEAD + BODY))
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Durchgestrichener Text (Seite 1) nicht gelesen" in out
    stored = stored_text(project)
    assert "Treffpunkt im Zentrum" in stored
    for gone in ("Yilmaz", "Okonkwo", "Nowak", "Marktplatz", "schließt"):
        assert gone not in stored


def test_a_deleted_name_in_a_table_cell_is_left_out_and_the_cells_stay_apart(
    tmp_path: Path,
) -> None:
    lines = [
        *HEAD[:3],
        [("Was fehlt?", "")],
        [("Ein Treffpunkt für alle ", ""), ("bei Familie Yilmaz", "del"), (" im Zentrum.", "")],
    ]
    ops = []
    for row, runs in enumerate(lines):
        y, x = 780 - 16 * row, 90.0
        for text, how in runs:
            ops.append(f"BT {x:.1f} {y} Td /F1 10 Tf ({_escaped(text)}) Tj ET")
            if how:
                ops.append(f"q 1 0 0 1 {x:.1f} {y} cm 0 3.1 m {5 * len(text)} 3.1 l S Q")
            x += 5 * len(text)
    # a card query as a ruled table: "Bedarfe | Ideen", a struck name in a cell
    cells = [
        (90, 690, "Bedarfe", ""),
        (300, 690, "Ideen", ""),
        (95, 670, "Licht im Park fehlt ", ""),
        (195, 670, "bei Okonkwo", "del"),
        (250, 670, ".", ""),
        (300, 670, "Ein Nachbarschaftscafé.", ""),
    ]
    for x, y, text, how in cells:
        ops.append(f"BT {x} {y} Td /F1 10 Tf ({_escaped(text)}) Tj ET")
        if how:
            ops.append(f"q 1 0 0 1 {x} {y} cm 0 3.1 m {5 * len(text)} 3.1 l S Q")
    for y in (705, 685, 660):
        ops.append(f"q 85 {y} m 520 {y} l S Q")
    for x in (85, 295, 520):
        ops.append(f"q {x} 705 m {x} 660 l S Q")
    path = tmp_path / "karten.pdf"
    path.write_bytes(page_pdf(ops))
    document = parse_file(path)
    assert [(s.text, s.attributes.get("Spalte")) for s in document.segments] == [
        ("Ein Treffpunkt für alle im Zentrum.", None),
        ("Licht im Park fehlt.", "Bedarfe"),
        ("Ein Nachbarschaftscafé.", "Ideen"),
    ]


def test_underlined_text_and_lines_under_a_heading_stay_text(tmp_path: Path) -> None:
    lines = [
        *HEAD,
        [("Der Spielplatz ist ", ""), ("wirklich", "ins"), (" sicherer geworden.", "")],
    ]
    path = tmp_path / "unterstrichen.pdf"
    path.write_bytes(_libreoffice(lines))
    document = parse_file(path)
    assert [s.text for s in document.segments] == ["Der Spielplatz ist wirklich sicherer geworden."]
    assert document.options == {}


def test_a_participant_struck_from_the_list_is_still_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    """Struck from the list of participants, a name is no text of the protocol but still
    a name: mentioned in a statement, it is replaced like the others."""
    lines = [
        *HEAD[:3],
        [("Teilnehmende: Anna Schmidt, ", ""), ("Okke Wübbenhorst", "del"), (", Peter Braun", "")],
        HEAD[4],
        [("Wübbenhorst schlägt einen Treffpunkt am Markt vor, sagt Anna Schmidt.", "")],
    ]
    path = tmp_path / "liste.pdf"
    path.write_bytes(_libreoffice(lines))
    assert parse_file(path).names == ("Anna Schmidt", "Peter Braun", "Okke Wübbenhorst")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Wübbenhorst" not in stored_text(project)


@pytest.mark.parametrize("drawn", [_libreoffice, _word])
def test_struck_text_with_its_spaces_between_two_words_leaves_them_apart(
    tmp_path: Path, drawn
) -> None:
    """LibreOffice and Word strike a deleted " sehr " with the spaces around it: the words
    before and after it were read glued together ("istsicher")."""
    lines = [
        *HEAD,
        [("Der Spielplatz ist", ""), (" sehr ", "del"), ("sicher geworden.", "")],
        [("Die Bank", ""), (" am Markt", "del"), (" ist kaputt.", "")],
        [("Herr ", ""), ("Okonkwo", "del"), ("X", "ins"), (" bietet den Saal an.", "")],
    ]
    path = tmp_path / "leerzeichen.pdf"
    path.write_bytes(drawn(lines))
    assert [s.text for s in parse_file(path).segments] == [
        "Der Spielplatz ist sicher geworden.",
        "Die Bank ist kaputt.",
        "Herr X bietet den Saal an.",
    ]
