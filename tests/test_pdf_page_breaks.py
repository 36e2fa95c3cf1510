"""PDF protocols: a paragraph that goes on over a page break is one statement.

Between the pages stand a running header, a footer and the page number (all left out);
a paragraph goes on over them only from a full last line that ends no sentence into a
first line that continues it — never into a heading or a list item, and after a list
item only into its text indented under it.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file

HEAD = "Stadt Leverkusen · Fachbereich Soziales · Stadtteilkonferenz"
FOOT = "Protokoll Stadtteilkonferenz Manfort vom 12. März 2021 – Seite {} von 5"


def _page(number: int, lines: list[str]) -> list[str]:
    """A page's lines between the running header and the footer with the page number."""
    return [HEAD, *lines, FOOT.format(number)]


def test_a_paragraph_over_a_page_break_is_one_statement(tmp_path: Path) -> None:
    pages = [
        _page(
            1,
            [
                "Stadtteilkonferenz Manfort",
                "Datum: 12.03.2021",
                "Sozialraum: Manfort",
                "Was fehlt im Quartier?",
                "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit",
                "WLAN und Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt,",
                "weil sie sonst an der Bushaltestelle stehen und von den Anwohnern",
            ],
        ),
        _page(
            2,
            [  # lower case: the sentence goes on
                "weggeschickt werden, was niemandem hilft und die Stimmung verdirbt.",
                "Die Seniorinnen vermissen eine Bank an der Haltestelle, denn der Weg",
                "vom Einkaufen ist lang und im Sommer gibt es dort keinen Schatten am",
            ],
        ),
        _page(
            3,
            [  # a noun after "am": the sentence goes on, too
                "Marktplatz oder vor der Apotheke, wo viele auf den Bus warten müssen.",
                "Der Sportverein bietet Kurse für Kinder an, die Halle steht aber am Spiel-",
            ],
        ),
        _page(
            4,
            [  # a word broken at the page's end
                "platz leer, weil der Hausmeister abends nicht mehr aufschließen kann.",
            ],
        ),
    ]
    path = tmp_path / "konferenz.pdf"
    path.write_bytes(pdf_bytes(pages))
    document = parse_file(path)
    assert (document.date, document.district) == ("2021-03-12", "Manfort")
    assert [s.text for s in document.segments] == [
        "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und Sofa "
        "am Marktplatz, nicht weit vom Jugendzentrum entfernt, weil sie sonst an der "
        "Bushaltestelle stehen und von den Anwohnern weggeschickt werden, was niemandem "
        "hilft und die Stimmung verdirbt.",
        "Die Seniorinnen vermissen eine Bank an der Haltestelle, denn der Weg vom Einkaufen "
        "ist lang und im Sommer gibt es dort keinen Schatten am Marktplatz oder vor der "
        "Apotheke, wo viele auf den Bus warten müssen.",
        "Der Sportverein bietet Kurse für Kinder an, die Halle steht aber am Spielplatz "
        "leer, weil der Hausmeister abends nicht mehr aufschließen kann.",
    ]
    assert {s.question for s in document.segments} == {"Was fehlt im Quartier?"}


def test_a_heading_a_list_item_or_a_new_paragraph_after_a_page_break_stays_apart(
    tmp_path: Path,
) -> None:
    pages = [
        _page(
            1,
            [
                "Stadtteilkonferenz Manfort",
                "Datum: 12.03.2021",
                "Was fehlt im Quartier?",
                "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit",
                "WLAN und Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt",
            ],
        ),
        _page(
            2,
            [  # a guiding question at the top of the page: no part of the text above
                "Welche Ressourcen gibt es?",
                "Der Sportverein öffnet seine Halle für Jugendliche am Nachmittag und",
                "die Bibliothek bietet Hausaufgabenhilfe an, sagt die Hausmeisterin.",
                "- Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
            ],
        ),
        _page(
            3,
            [  # after a list item that ends the page: a paragraph of its own
                "eine Bank am Spielplatz wäre für die Eltern der Kleinen hilfreich, sagt",
                "eine Mutter, die jeden Tag mit ihren Kindern dort auf den Bus wartet,",
            ],
        ),
        _page(
            4,
            [  # a list item at the top of the page: no part of the sentence above
                "- die Stadtteilbibliothek öffnet ihre Räume für Hausaufgabenhilfe am",
            ],
        ),
        _page(
            5,
            [  # the item's text indented under its first line: the item goes on
                "\tNachmittag auch in den Ferien, wenn die Schule geschlossen hat.",
                "Der Jugendtreff hat seit dem Frühjahr wieder am Freitagabend geöffnet.",
            ],
        ),
    ]
    path = tmp_path / "konferenz.pdf"
    path.write_bytes(pdf_bytes(pages))
    document = parse_file(path)
    assert [(s.question, s.text) for s in document.segments] == [
        (
            "Was fehlt im Quartier?",
            "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und "
            "Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt",
        ),
        (
            "Welche Ressourcen gibt es?",
            "Der Sportverein öffnet seine Halle für Jugendliche am Nachmittag und die "
            "Bibliothek bietet Hausaufgabenhilfe an, sagt die Hausmeisterin.",
        ),
        (
            "Welche Ressourcen gibt es?",
            "Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
        ),
        (
            "Welche Ressourcen gibt es?",
            "eine Bank am Spielplatz wäre für die Eltern der Kleinen hilfreich, sagt eine "
            "Mutter, die jeden Tag mit ihren Kindern dort auf den Bus wartet,",
        ),
        (
            "Welche Ressourcen gibt es?",
            "die Stadtteilbibliothek öffnet ihre Räume für Hausaufgabenhilfe am Nachmittag "
            "auch in den Ferien, wenn die Schule geschlossen hat.",
        ),
        (
            "Welche Ressourcen gibt es?",
            "Der Jugendtreff hat seit dem Frühjahr wieder am Freitagabend geöffnet.",
        ),
    ]


def test_numbered_headings_a_page_each_are_guiding_questions_not_a_header(
    tmp_path: Path,
) -> None:
    """A World Café's stations a page each: "Station 1", "Station 2" … recur on every
    page but for their number, as a running header would; they were left out, and the
    statements lost their guiding question. The footer with its number still goes."""
    pages = [
        [
            "Weltcafé Manfort",
            "Datum: 12.03.2021",
            "Station 1",
            "Die Jugendlichen wünschen sich einen Treffpunkt mit WLAN am Marktplatz.",
            "Weltcafé Manfort 1",
        ],
        [
            "Station 2",
            "Der Sportverein öffnet seine Halle für Jugendliche am Nachmittag.",
            "Weltcafé Manfort 2",
        ],
        [
            "Station 3",
            "Die Stadtteilbibliothek öffnet ihre Räume für Hausaufgabenhilfe.",
            "Weltcafé Manfort 3",
        ],
    ]
    path = tmp_path / "weltcafe.pdf"
    path.write_bytes(pdf_bytes(pages))
    document = parse_file(path)
    assert [(s.question, s.text) for s in document.segments] == [
        ("Station 1", "Die Jugendlichen wünschen sich einen Treffpunkt mit WLAN am Marktplatz."),
        ("Station 2", "Der Sportverein öffnet seine Halle für Jugendliche am Nachmittag."),
        ("Station 3", "Die Stadtteilbibliothek öffnet ihre Räume für Hausaufgabenhilfe."),
    ]
