"""A name broken by the line break of a wrapped paragraph (a table cell, a DOCX soft line
break) is found whole; line breaks that end a line — lists, labels, headings, tables,
address blocks, paragraphs — keep the names on either side apart."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.wrap_view import WrapView, one_line
from workbench.project import Project

LEAD = "Im Workshop wurde lange über den Spielplatz gesprochen, und nach Aussage von"
BREAKS = ["\n", " \n", "\n  ", "\r\n"]


@pytest.mark.parametrize("brk", BREAKS)
@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Frau{b}Kaya", ()),
        ("Herrn{b}Wagner", ()),
        ("Anna{b}Schmidt", ()),
        ("Frau Anna{b}Schmidt", ()),
        ("Frau{b}Anna Schmidt", ()),
        ("Fatma{b}Öztürk", ()),
        ("Karl{b}Weber", ("Karl Weber",)),
    ],
)
def test_a_name_over_a_wrapped_line_is_read_as_on_one_line(
    brk: str, name: str, listed: tuple[str, ...]
) -> None:
    """ "… von Frau\\nKaya fehlt Licht" stayed in clear, "Anna\\nSchmidt" left the surname:
    the wrapped text gives what the same text on one line gives."""
    wrapped = f"{LEAD} {name.format(b=brk)} fehlt dort abends Licht."
    one = f"{LEAD} {name.format(b=' ')} fehlt dort abends Licht."
    p, q = Pseudonymiser(), Pseudonymiser()
    assert p.pseudonymise(wrapped, listed)[0] == q.pseudonymise(one, listed)[0]
    assert f"{LEAD} [Person 1] fehlt" in p.pseudonymise(wrapped, listed)[0]
    assert p.originals == q.originals  # the key spells the name on one line


def test_only_the_name_takes_its_line_break_along() -> None:
    """The other line breaks of the paragraph stay where they were."""
    text = f"{LEAD} Frau\nKaya fehlt dort abends Licht,\nsagt auch die Kita am Markt."
    out, replacements = Pseudonymiser().pseudonymise(text)
    assert out == f"{LEAD} [Person 1] fehlt dort abends Licht,\nsagt auch die Kita am Markt."
    assert [r.original for r in replacements] == ["Frau\nKaya"]


@pytest.mark.parametrize(
    "text",
    [
        "- Anna\n- Schmidt",
        "Anwesend waren heute leider nur Anna\n\nSchmidt hat das Wort.",
        "Anna Schmidt\nPeter Becker\nJens Weber",
        "Anwesend waren bei diesem Treffen Anna\nSchmidt\nPeter Becker",
        "Frau Kaya:\nWir brauchen mehr Bänke am Platz.",
        "Ergebnisse\nSchmidt kommt nicht.",
        "## Ergebnisse der Gruppe Anna\nSchmidt kommt nicht.",
        "| Wer hat das gesagt | Anna |\n| Schmidt | Moderation |",
        "Kontakt für Rückfragen zur Sprechstunde: Familie Öztürk\nLindenweg 3a\n51373 Leverkusen",
        "Das hat Frau Kaya im Workshop gesagt.\nSchmidt hat widersprochen.",
        "- Wir brauchen mehr Licht am Weg von Anna\nSchmidt kommt nicht.",
        "1. Der Treffpunkt am Markt ist für Frau\n2. Kaya zu weit.",
        "Frau\nKaya, Herr\nBecker",
    ],
)
def test_line_breaks_that_end_a_line_stay(text: str) -> None:
    """A list, a paragraph break, a list of names, a label, a heading, a table, an address
    block, a sentence's end, a short line that does not go on as prose: read apart."""
    assert WrapView.of(text) is None
    apart = Pseudonymiser().pseudonymise(text.replace("\n", "\n\n"))[0]
    assert Pseudonymiser().pseudonymise(text)[0] == apart.replace("\n\n", "\n")


def test_a_word_after_a_form_of_address_is_no_name_for_a_wrap() -> None:
    """ "die Frau\nNachbarin" read on one line is still no name."""
    text = "Die Frau mit dem Kind und dem Hund fragt die Frau\nNachbarin nach dem Bus."
    assert WrapView.of(text) is not None
    assert Pseudonymiser().pseudonymise(text) == (text, [])


def test_the_view_keeps_every_position() -> None:
    """A joined break is read as blanks of the same length; other breaks stay."""
    text = "Am Weg zur Schule fehlt laut Anna \r\n Schmidt Licht.\n- Kaya\n- Becker"
    view = WrapView.of(text)
    assert view is not None
    assert view.text == "Am Weg zur Schule fehlt laut Anna    Schmidt Licht.\n- Kaya\n- Becker"
    assert one_line("Anna \r\n Schmidt") == "Anna Schmidt"


def test_card_cells_and_soft_line_breaks_keep_no_name(tmp_path: Path) -> None:
    """Through the card table and DOCX imports: a cell's and a paragraph's wrapped lines
    leave no part of a name in clear; the key holds the names on one line."""
    para = [
        "Im Workshop wurde lange über den Spielplatz gesprochen. Nach Aussage von Frau",
        "Kaya fehlt dort abends Licht, sagt Anna",
        "Schmidt aus dem Quartiersbüro.",
    ]
    cards = tmp_path / "karten.csv"
    cards.write_text('Sozialraum;Aussage\nManfort;"' + "\n".join(para) + '"\n', encoding="utf-8")
    document = docx.Document()
    document.add_heading("Herausforderungen und Bedarfe", 1)
    paragraph = document.add_paragraph()
    for at, line in enumerate(para):
        paragraph.add_run(line)
        if at < len(para) - 1:
            paragraph.add_run().add_break()  # a soft line break (Shift+Enter)
    document.save(tmp_path / "protokoll.docx")
    expected = (
        "Im Workshop wurde lange über den Spielplatz gesprochen. Nach Aussage von [Person 1] "
        "fehlt dort abends Licht, sagt [Person 2] aus dem Quartiersbüro."
    )
    for path in (cards, tmp_path / "protokoll.docx"):
        project = Project.create(tmp_path / path.stem)
        project.import_files([path], district="Manfort", add_districts=True)
        assert list(project.segments()["text"]) == [expected]
        assert sorted(project.pseudonym_key()["original"]) == ["Anna Schmidt", "Frau Kaya"]


@pytest.mark.parametrize(
    ("text", "one_line"),
    [
        ("Frau\nKaya hat geholfen.", "Frau Kaya hat geholfen."),
        ("Herr\nSchmidt kommt nicht.", "Herr Schmidt kommt nicht."),
        ("Frau\nDr. Kaya hat die Liste.", "Frau Dr. Kaya hat die Liste."),
        ("Anna\nSchmidt hat den Plan vorgestellt.", "Anna Schmidt hat den Plan vorgestellt."),
    ],
)
def test_a_short_line_of_a_form_of_address_or_first_name_goes_on(text: str, one_line: str) -> None:
    """ "Frau" or "Anna" alone on a line, prose after it: one name, as on one line (a
    heading "Frau" above "Kaya hat geholfen" would hold her name all the same)."""
    p, q = Pseudonymiser(), Pseudonymiser()
    out = p.pseudonymise(text)[0]
    assert out == q.pseudonymise(one_line)[0]
    assert "Kaya" not in out and "Schmidt" not in out
    assert p.originals == q.originals
