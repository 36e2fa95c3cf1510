"""Invisible characters and odd spaces inside a name ("Anna\\u200e Schmidt", "Frau\\u202fKaya",
"Schmi\\u00addt") are read as the name without them; the text keeps them outside the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest.invisible_view import InvisibleView, visible
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.project import Project

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u2069"]


@pytest.mark.parametrize("mark", ZERO_WIDTH)
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Gestern hat Anna{m} Schmidt die Liste mitgebracht.", "Gestern hat [Person 1] die"),
        ("Laut Anna {m}Schmidt fehlt ein Treffpunkt.", "Laut [Person 1] fehlt"),
        ("Wir danken Herr{m} Becker für die Moderation.", "Wir danken [Person 1] für"),
        ("Anna Sch{m}midt: Wir brauchen mehr Bänke.", "[Person 1]: Wir brauchen"),
    ],
)
def test_a_mark_inside_a_name(mark: str, template: str, expected: str) -> None:
    """A direction mark or zero-width character from iOS or copied web text ended the
    name: "Anna\\u200e Schmidt sagt" became "[Person 1]\\u200e Schmidt sagt"."""
    out = Pseudonymiser().pseudonymise(template.format(m=mark))[0]
    assert out.startswith(expected) or expected in out
    assert "Schmidt" not in out and "Becker" not in out and "midt" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Jens\u2009Becker fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Laut Jens\u202fBecker fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Frau\u202fKaya hat das Protokoll geschrieben.", "[Person 1] hat das Protokoll"),
        ("Wir danken Frau\u2009Kaya für die Moderation.", "Wir danken [Person 1] für"),
        ("Herr\u00a0Jens\u2009Becker kam spät.", "[Person 1] kam spät."),
        ("Gestern hat Jens Bec\u00adker die Liste mitgebracht.", "Gestern hat [Person 1] die"),
        ("Wir danken Herr Be\u00adcker für die Moderation.", "Wir danken [Person 1] für"),
        ("Laut Th\u00adomas Berger fehlt Geld.", "Laut [Person 1] fehlt Geld."),
    ],
)
def test_an_odd_space_or_soft_hyphen_inside_a_name(text: str, expected: str) -> None:
    """A thin or narrow no-break space between the words of a name, a soft hyphen inside
    one: the surname stayed in clear ("[Person 1]\\u00adker")."""
    out = Pseudonymiser().pseudonymise(text)[0]
    assert expected in out
    assert not any(word in out for word in ("Becker", "Kaya", "Berger", "cker", "omas"))


def test_marks_outside_a_name_stay_as_written() -> None:
    """Only the name is replaced: a mark before or after it stays where it was."""
    text = "\u200fLaut Anna\u200e Schmidt\u200e fehlt\u00a0z.\u00a0B. ein Raum.\u200b"
    out, [replacement] = Pseudonymiser().pseudonymise(text)
    assert out == "\u200fLaut [Person 1]\u200e fehlt\u00a0z.\u00a0B. ein Raum.\u200b"
    assert replacement.original == "Anna\u200e Schmidt"


@pytest.mark.parametrize(
    "text",
    [
        "z.\u00a0B. fehlt ein Treffpunkt für Jugendliche.",
        "Rund 10\u202f% der Kinder gehen nicht in die Kita, d.\u00a0h. viele.",
        "Das Treffen beginnt um 14\u2009Uhr, siehe S.\u00a012.",
        "Die Quartiers\u00admanagerin lädt ins Stadt\u00adteil\u00adzentrum ein.",
        "Familie \U0001f468\u200d\U0001f469\u200d\U0001f467 fühlt sich wohl hier.",
        "Das Wort \u200fمرحبا\u200f heißt Hallo, \u200eשלום\u200e auch.",
        "Frau\u00a0Dr. aus dem Gesundheitsamt erklärte die Regeln.",
        "Die Kita\u00a0Regenbogen sucht Erzieherinnen.",
        "Mehr Sitzbänke\u200e Am Markt wären gut für Ältere.",
        "\ufeffProtokoll vom 3. März 2021",
    ],
)
def test_ordinary_text_with_such_characters_stays(text: str) -> None:
    """No-break spaces in abbreviations, soft hyphens in compounds, emoji sequences and
    marks around Arabic or Hebrew words are no names."""
    assert Pseudonymiser().pseudonymise(text) == (text, [])


def test_the_key_holds_the_name_without_the_marks() -> None:
    """The key shows the person as read ("Jens Becker"), not with an invisible mark in it,
    and the same person written plainly later is the same placeholder."""
    p = Pseudonymiser()
    assert p.pseudonymise("Herr Jens\u2009Bec\u00adker kam.")[0] == "[Person 1] kam."
    assert p.pseudonymise("Becker meint, der Park ist dunkel.")[0].startswith("[Person 1] ")
    assert list(p.originals.values()) == ["Herr Jens Becker"]


def test_the_view_maps_back_to_the_text_as_written() -> None:
    """Positions in the view map to the written text; plain text needs no view."""
    assert InvisibleView.of("Laut Anna Schmidt.") is None
    view = InvisibleView.of("\u200eAnna\u200e\u2009Sch\u00admidt\u200f")
    assert view is not None and view.text == "Anna Schmidt"
    assert (view.start(0), view.end(12)) == (1, 15)
    assert view.start(12) == 16 and view.end(0) == 1
    assert visible("Ka\u00adya\u202f%") == "Kaya %"


def test_a_long_line_of_marks_is_read_in_linear_time() -> None:
    """A 100,000-character line full of marks and odd spaces is one pass, not a search."""
    unit = "Anna\u200e Schmidt sagt:\u202f10\u202f% der Kin\u00adder\u200b brauchen Hilfe. "
    text = unit * (100_000 // len(unit))
    view = InvisibleView.of(text)
    assert view is not None and len(view.kept) == len(view.text)
    assert view.text.count("Anna Schmidt") == text.count("Anna")


def test_a_chat_with_marks_in_names_keeps_no_name(tmp_path: Path) -> None:
    """Through a Zoom chat import: names with marks in the messages are replaced, and the
    second message no longer reads "Laut [Person 2]\\u202f[Person 2]"."""
    path = tmp_path / "zoom_chat_a.txt"
    path.write_text(
        "00:01:05\tAnna Schmidt:\tDas Jugendzentrum ist seit März zu.\n"
        "00:01:40\tDeniz Kaya:\tDanke Anna, und Herr\u200e Becker weiß mehr.\n"
        "00:02:30\tAnna Schmidt:\tLaut Ben\u202fMüller fehlt Geld.\n",
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "p")
    project.import_files([path], district="Manfort", add_districts=True)
    texts = list(project.segments()["text"])
    assert texts[0] == "Das Jugendzentrum ist seit März zu."
    assert not any(name in " ".join(texts) for name in ("Becker", "Müller", "Anna"))
    assert texts[2].startswith("Laut [Person ") and texts[2].endswith("] fehlt Geld.")
    assert texts[2].count("[Person") == 1
    key = set(project.pseudonym_key()["original"])
    assert "Herr Becker" in key and "Ben Müller" in key
