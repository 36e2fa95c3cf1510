"""Names wrapped over a line break in plain-text, RTF and PDF protocols and in cells:
a name's rest on the paragraph's last line, a double first name hyphenated at a line's
end, "Frau Dr." at a PDF line's end, a name broken by a PDF page break — no part of
the name stays in clear; ordinary paragraphs stay as they were."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.wrap_view import WrapView

LEAD = "Am Ende der Sitzung bedankte sich die Moderation ausdrücklich bei"
HEAD = "Stadt Leverkusen · Fachbereich Soziales · Stadtteilkonferenz"
FOOT = "Protokoll Stadtteilkonferenz Manfort vom 12. März 2021 – Seite {} von 2"
FILLER = "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt am Markt."


def _imported(path: Path) -> list[str]:
    """The statements of ``path`` pseudonymised as an import does."""
    document = parse_file(path)
    p = Pseudonymiser()
    return [p.pseudonymise(s.text, document.names)[0] for s in document.segments]


def _two_pages(tmp_path: Path, first: str, *next_page: str) -> Path:
    """A PDF protocol whose first page ends in the line ``first`` (its footer after it) and
    whose second page holds the lines ``next_page`` between its header and footer."""
    pages = [
        [
            HEAD,
            "Protokoll Workshop",
            "Datum: 12.03.2021",
            "Was fehlt?",
            FILLER,
            first,
            FOOT.format(1),
        ],
        [HEAD, *next_page, FOOT.format(2)],
    ]
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(pdf_bytes(pages))
    return path


@pytest.mark.parametrize("brk", ["\n", " \n", "\r\n"])
@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Anna{b}Schmidt", ("Anna", "Schmidt")),
        ("Frau Dr.{b}Müller-Lüdenscheidt", ("Müller", "Lüdenscheidt")),
        ("Herrn{b}Lehmann", ("Lehmann",)),
        ("Frau Anna-Lena{b}Braun", ("Anna", "Lena", "Braun")),
    ],
)
def test_a_name_on_a_cells_last_line_without_a_full_stop_is_replaced(
    brk: str, name: str, words: tuple[str, ...]
) -> None:
    """ "… bedankte sich … bei Anna\\nSchmidt" at a cell's end kept the surname."""
    out = Pseudonymiser().pseudonymise(f"{LEAD} {name.format(b=brk)}")[0]
    assert out == f"{LEAD} [Person 1]"
    assert not any(word in out for word in words)


@pytest.mark.parametrize(
    "text",
    [
        "Anna-\nLena Schmidt",
        "Karl-\n Heinz Weber",
        "Anna-Lena-\nMarie Schmidt",  # a triple one: "Anna-Lena-" stayed in clear
        "Anna-\nLena-\nMarie Schmidt",
    ],
)
def test_a_double_first_name_hyphenated_at_a_line_end_is_one_name(text: str) -> None:
    """ "Anna-\\nLena Schmidt" left "Anna-" in clear; the key spells it "Anna-Lena"."""
    p = Pseudonymiser()
    out = p.pseudonymise(f"Im Workshop hat {text} die Ergebnisse vorgestellt.")[0]
    assert out == "Im Workshop hat [Person 1] die Ergebnisse vorgestellt."
    assert list(p.originals.values()) == [re.sub(r"-\s+", "-", text)]  # "Anna-Lena Schmidt"


def test_a_hyphenated_first_name_in_a_wrapped_text_file_is_one_name(tmp_path: Path) -> None:
    """A .txt hard-wrapped at 72 columns: its lines are joined with a blank, "Anna- Lena"."""
    path = tmp_path / "protokoll.txt"
    path.write_text(
        "Protokoll Stadtteilkonferenz\n\nDie Hausaufgabenhilfe in der Stadtteilbibliothek "
        "wird getragen von Anna-\nLena Becker, sie sucht noch Helferinnen.\n",
        "utf-8",
    )
    assert _imported(path)[-1] == (
        "Die Hausaufgabenhilfe in der Stadtteilbibliothek wird getragen von [Person 1], "
        "sie sucht noch Helferinnen."
    )


def test_frau_dr_at_a_pdf_lines_end_ends_no_paragraph(tmp_path: Path) -> None:
    """The title's full stop read as a sentence's end split "Frau Dr." from "Braun"."""
    lines = [
        "Im Workshop wurde lange über den Spielplatz am Marktplatz gesprochen, und laut Frau Dr.",
        "Braun ist der Weg zur Kita im Winter viel zu dunkel, vor allem nach dem Sport.",
    ]
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(pdf_bytes([[HEAD, "Protokoll", "Datum: 12.03.2021", FILLER, *lines]]))
    out = _imported(path)
    assert out[-1].startswith("Im Workshop wurde lange") and "[Person 1] ist der Weg" in out[-1]
    assert not any("Braun" in statement for statement in out)


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        ("und das sagt auch Frau Anna", "Schmidt vom Förderverein, die hier wohnt.", ("Schmidt",)),
        ("so berichtete Herrn Dr.", "Weber", ("Weber",)),
        ("Zum Schluss bedankte sich die Moderation bei Frau", "Kaya", ("Kaya",)),
        ("Das bestätigte auch der Vorsitzende Peter", "Hoffmann aus der Siedlung.", ("Hoffmann",)),
    ],
)
def test_a_name_broken_by_a_pdf_page_break_is_replaced(
    tmp_path: Path, before: str, after: str, words: tuple[str, ...]
) -> None:
    """A name split by the page, the footer and the next page's header between."""
    first = f"Im Workshop wurde lange über den Spielplatz am Marktplatz gesprochen, {before}"
    out = _imported(_two_pages(tmp_path, first, after))
    assert not any(word in statement for statement in out for word in words)
    assert out[-1].startswith("Im Workshop wurde lange") and "[Person 1]" in out[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Wir treffen uns wieder zum Sommerfest des Stadtteils im Juni\nRückblick",
        "Die Rad-\nund Fußwege sind zu schmal, sagt auch die Kita-\nLeitung am Markt.",
        "Gewünscht wird ein Ausbau der Kita-\nBetreuung und mehr Plätze für die Kleinen.",
        "Gewünscht wird eine sichere Nord-Süd-\nVerbindung für die Kinder.",
        "Die Anna-Lena-\nStraße ist abends zu dunkel, sagen die Eltern.",
    ],
)
def test_ordinary_wrapped_lines_stay_as_they_are(text: str) -> None:
    """A month before a heading, compounds hyphenated at a line's end: nothing joined
    across, nothing replaced."""
    view = WrapView.of(text)
    assert view is None or "-" not in view.text.split("\n")[0][-1:]
    assert view is None or "Juni Rückblick" not in view.text
    assert Pseudonymiser().pseudonymise(text) == (text, [])


def test_a_month_at_a_pdf_pages_end_does_not_take_the_next_pages_heading(tmp_path: Path) -> None:
    """ "… im Juni" + "Rückblick" on the next page: still two paragraphs."""
    first = "Wir treffen uns wieder zum Sommerfest des Stadtteils und der Kitas im Juni"
    rest = "Das Fest im letzten Jahr war gut besucht und soll so bleiben."
    assert first in _imported(_two_pages(tmp_path, first, "Rückblick", rest))


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        ("das bestätigte Peter", "Hoffmann", ("Peter", "Hoffmann")),
        ("so berichtete Monika", "Neumann", ("Monika", "Neumann")),
        ("und laut Frau Anna-Lena", "Braun", ("Anna", "Lena", "Braun")),
        ("das bestätigte Maria", "Müller-Lüdenscheidt", ("Maria", "Müller", "Lüdenscheidt")),
    ],
)
def test_a_surname_alone_on_the_next_page_after_a_first_name_is_replaced(
    tmp_path: Path, before: str, after: str, words: tuple[str, ...]
) -> None:
    """ "… bestätigte Peter" + "Hoffmann" alone at the next page's top: the surname stayed
    in clear (a statement of its own)."""
    first = f"Im Workshop wurde lange über den Spielplatz am Marktplatz gesprochen, {before}"
    out = _imported(_two_pages(tmp_path, first, after))
    assert not any(re.search(rf"\b{w}\b", statement) for statement in out for w in words)
    assert out[-1].startswith("Im Workshop wurde lange") and out[-1].endswith("[Person 1]")


@pytest.mark.parametrize(
    ("first", "heading"),
    [
        ("Die Sitzung endete pünktlich, die nächste Sitzung des Arbeitskreises ist im August",
         "Tagesordnung"),
        ("Ein Thema war der Bolzplatz am Ende der Straße in Richtung Mark", "Bahnhof Schlebusch"),
        ("Wir sprechen im nächsten Jahr weiter über den Platz hinter der Kirche im August",
         "Becker"),
    ],
)  # fmt: skip
def test_a_first_name_that_is_a_month_or_a_place_takes_no_next_pages_heading(
    tmp_path: Path, first: str, heading: str
) -> None:
    """ "… im August" + "Tagesordnung", "… Richtung Mark" + "Bahnhof Schlebusch": a time
    or a place and a heading, two statements; nothing replaced."""
    rest = "Das Fest im letzten Jahr war gut besucht und soll so bleiben."
    out = _imported(_two_pages(tmp_path, first, heading, rest))
    assert first in out and "[Person" not in " ".join(out)


def test_a_place_phrase_at_a_pages_end_ends_its_statement(tmp_path: Path) -> None:
    """ "… an der Heide" + "Schule und Kita sind nah." were glued into one statement
    ("Heide" is a first name too); a name after an article still goes on over the page."""
    first = "Der Spielplatz liegt hinter den Häusern am Rand der Siedlung an der Heide"
    out = _imported(_two_pages(tmp_path, first, "Schule und Kita sind nah."))
    assert out[-2:] == [first, "Schule und Kita sind nah."]
    first = "Die Gruppe trifft sich jede Woche, zuletzt am Montag mit der Frau"
    out = _imported(_two_pages(tmp_path, first, "Nachbarin und Kindern."))
    assert out[-1] == f"{first} Nachbarin und Kindern."


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        ("und gestern bei der Anna", "Schmidt", ("Anna", "Schmidt")),
        ("das klärt sie mit dem Peter", "Hoffmann", ("Peter", "Hoffmann")),
    ],
)
def test_a_surname_alone_on_the_next_page_after_an_articles_first_name_is_replaced(
    tmp_path: Path, before: str, after: str, words: tuple[str, ...]
) -> None:
    """ "… bei der Anna" + "Schmidt" alone at the next page's top: the article made "Anna"
    a place, and the surname stayed in clear (not so "… an der Heide", "… im August")."""
    first = f"Im Workshop wurde lange über den Spielplatz am Marktplatz gesprochen, {before}"
    out = _imported(_two_pages(tmp_path, first, after))
    assert not any(re.search(rf"\b{w}\b", statement) for statement in out for w in words)
