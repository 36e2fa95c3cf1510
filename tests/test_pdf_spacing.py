"""PDF protocols whose paragraphs are set apart by space (Word's 8 pt after a paragraph):
a sentence ending at a line's end goes on in the same paragraph.

The PDFs are written here byte by byte (:func:`tests.test_pdf_overprint.page_pdf`): lines
of a paragraph 13 pt apart, paragraphs 21 pt.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_pdf_overprint import page_pdf
from workbench.ingest import parse_file

# (line, whether space follows it)
SPACED = [
    ("Protokoll Stadtteilworkshop Manfort", True),
    ("Datum: 12.03.2021", False),
    ("Sozialraum: Manfort", True),
    ("Was fehlt im Quartier?", True),
    ("Die Jugendlichen wünschen sich einen Treffpunkt am Marktplatz mit WLAN.", False),
    ("Im Winter gibt es dort keinen Raum, der abends offen ist und warm genug,", False),
    ("sagt eine Mutter aus der Siedlung an der Kalkstraße.", True),
    ("Der Spielplatz an der Schule ist seit dem Sommer gesperrt, die Stadt", False),
    ("hat ihn nach dem Sturm nicht wieder geöffnet.", True),
    ("Welche Ressourcen gibt es?", True),
    ("Der Sportverein öffnet seine Halle am Wochenende für alle Kinder.", False),
    ("Die Bibliothek bietet Hausaufgabenhilfe an, zweimal in der Woche.", True),
    ("Das Stadtteilbüro hat am Nachmittag geöffnet.", True),
]


def _pdf(lines: list[tuple[str, bool]], after: float) -> bytes:
    """The lines 13 pt apart, ``after`` pt more after those that space follows."""
    y, shown = 800.0, []
    for text, space in lines:
        escaped = text.replace("(", "\\(").replace(")", "\\)")
        shown.append(f"1 0 0 1 40 {y:.1f} Tm ({escaped}) Tj")
        y -= 13 + after * space
    return page_pdf(shown)


def test_a_sentence_ending_at_a_line_end_goes_on_in_its_paragraph(tmp_path: Path) -> None:
    """Before, the first paragraph was two statements: it was split after "WLAN."."""
    path = tmp_path / "abstand.pdf"
    path.write_bytes(_pdf(SPACED, 8))
    document = parse_file(path)
    assert (document.title, document.district, document.date) == (
        "Protokoll Stadtteilworkshop Manfort",
        "Manfort",
        "2021-03-12",
    )
    assert [(s.question, s.text) for s in document.segments] == [
        ("Was fehlt im Quartier?", " ".join(text for text, _ in SPACED[4:7])),
        ("Was fehlt im Quartier?", " ".join(text for text, _ in SPACED[7:9])),
        ("Welche Ressourcen gibt es?", " ".join(text for text, _ in SPACED[10:12])),
        ("Welche Ressourcen gibt es?", SPACED[12][0]),
    ]


def test_without_space_between_paragraphs_a_sentence_end_still_ends_one(tmp_path: Path) -> None:
    """Lines set evenly (LibreOffice's default paragraphs, no space): each sentence ending
    at a line's end ends its paragraph, as before."""
    path = tmp_path / "eng.pdf"
    path.write_bytes(_pdf(SPACED, 0))
    texts = [s.text for s in parse_file(path).segments]
    assert texts[0] == SPACED[4][0]
    assert texts[1] == " ".join(text for text, _ in SPACED[5:7])


# A spaced protocol with a block of cards typed one under the other, without space
CARDS = [
    ("Protokoll Stadtteilworkshop Manfort", True),
    ("Datum: 12.03.2021", True),
    ("Was fehlt im Quartier?", True),
    ("Die Jugendlichen wünschen sich einen Treffpunkt am Marktplatz mit WLAN.", False),
    ("Im Winter gibt es dort keinen Raum, der abends offen ist und warm genug,", False),
    ("sagt eine Mutter aus der Siedlung an der Kalkstraße.", True),
    ("Der Spielplatz an der Schule ist seit dem Sommer gesperrt, die Stadt", False),
    ("hat ihn nach dem Sturm nicht wieder geöffnet und sagt nicht, wann.", True),
    ("Das Stadtteilbüro hat am Nachmittag geöffnet.", True),
    ("Die Bibliothek bietet Hausaufgabenhilfe an, zweimal in der Woche.", True),
    ("Kartenabfrage:", True),
    ("Die Busverbindung in die Innenstadt ist am Wochenende viel zu selten,", False),
    ("sie endet abends zu früh für alle im Schichtdienst.", False),
    ("Es gibt keinen Ort, an dem sich Jugendliche abends treffen können,", False),
    ("ohne dass sich die Nachbarn über den Lärm beschweren müssen.", False),
    ("Die Gehwege in der Bismarckstraße sind für Rollstühle viel zu schmal", False),
    ("und uneben, vor allem vor der Grundschule am Ende der Straße.", True),
]


def test_paragraphs_without_space_between_them_stay_apart(tmp_path: Path) -> None:
    """Cards typed one under the other, without space, in a protocol whose paragraphs
    have space after them: each card ends where the next card's first word would have
    fitted on its line; before, all three were read as one statement."""
    path = tmp_path / "karten.pdf"
    path.write_bytes(_pdf(CARDS, 8))
    segments = parse_file(path).segments
    assert [(s.question, s.text) for s in segments[-3:]] == [
        ("Kartenabfrage", " ".join(text for text, _ in CARDS[11:13])),
        ("Kartenabfrage", " ".join(text for text, _ in CARDS[13:15])),
        ("Kartenabfrage", " ".join(text for text, _ in CARDS[15:17])),
    ]
    assert segments[0].text == " ".join(text for text, _ in CARDS[3:6])


def test_a_card_whose_last_line_is_nearly_full_ends_at_its_sentence_end(tmp_path: Path) -> None:
    """The first card's last line as long as the page's lines: the next card's first word
    would not have fitted after it, and before, the two cards were read as one statement
    though the block showed its paragraphs set without space (the third card)."""
    cards = list(CARDS)
    cards[12] = (
        "sie endet abends viel zu früh für alle, die in der Pflege im Schichtdienst sind.",
        False,
    )
    path = tmp_path / "karten.pdf"
    path.write_bytes(_pdf(cards, 8))
    segments = parse_file(path).segments
    assert [(s.question, s.text) for s in segments[-3:]] == [
        ("Kartenabfrage", " ".join(text for text, _ in cards[11:13])),
        ("Kartenabfrage", " ".join(text for text, _ in cards[13:15])),
        ("Kartenabfrage", " ".join(text for text, _ in cards[15:17])),
    ]
    # the paragraphs set apart by space still run over their sentence ends
    assert segments[0].text == " ".join(text for text, _ in cards[3:6])


# Footnote marks after sentence ends ("…zum Einkaufen.²"), the second a plain digit as
# many text layers give a superscript one
MARKED = [
    ("Protokoll Stadtteilworkshop Manfort", False),
    ("Datum: 12.03.2021", False),
    ("Sozialraum: Manfort", False),
    ("Was fehlt im Quartier?", False),
    ("Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN", False),
    ("und Sofa am Marktplatz, wie ihn die Stadt schon einmal geplant hatte.¹", False),
    ("Ältere Menschen vermissen Bänke entlang der Wege zum Einkaufen und zum Arzt.2", False),
    ("Eltern wünschen sich mehr Plätze in der U3-Betreuung und längere Zeiten.", False),
    ("Der Spielplatz an der Schule ist seit dem Sommer gesperrt, die Stadt hat", False),
    ("ihn nach dem Sturm nicht wieder geöffnet.", False),
]


def test_a_footnote_mark_after_a_sentence_end_still_ends_the_paragraph(tmp_path: Path) -> None:
    """The mark hid the sentence end: the paragraph ran on into the next one."""
    path = tmp_path / "fussnoten.pdf"
    path.write_bytes(_pdf(MARKED, 0))
    segments = parse_file(path).segments
    assert [(s.question, s.text) for s in segments] == [
        ("Was fehlt im Quartier?", " ".join(text for text, _ in MARKED[4:6])),
        ("Was fehlt im Quartier?", MARKED[6][0]),
        ("Was fehlt im Quartier?", MARKED[7][0]),
        ("Was fehlt im Quartier?", " ".join(text for text, _ in MARKED[8:])),
    ]


def test_a_question_without_space_under_it_leaves_its_paragraphs_whole(tmp_path: Path) -> None:
    """Headings set without space after them (the question right over its answers, as
    Word's heading styles do) in a protocol whose paragraphs are spaced: the question is
    no card typed under another, and the paragraphs under it still run over their
    sentence ends; before, each was split at every sentence ending a line."""
    lines = list(SPACED)
    lines[3] = (lines[3][0], False)
    lines[9] = (lines[9][0], False)
    path = tmp_path / "frage.pdf"
    path.write_bytes(_pdf(lines, 8))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        ("Was fehlt im Quartier?", " ".join(text for text, _ in lines[4:7])),
        ("Was fehlt im Quartier?", " ".join(text for text, _ in lines[7:9])),
        ("Welche Ressourcen gibt es?", " ".join(text for text, _ in lines[10:12])),
        ("Welche Ressourcen gibt es?", lines[12][0]),
    ]
