"""Two blanks, a tab, an odd space beside a normal one or a zero-width space between the
words of a name ("Anna  Schmidt", "Jens\\tBecker", "Frau \\u00a0Kaya", "Frau\\u200bKaya")
are read as one space; the text keeps its blanks outside the name, the key the name as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest.invisible_view import InvisibleView, visible
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.project import Project

BLANKS = ["  ", "   ", "\t", " \t", "\t ", "\u2009 ", " \u00a0", "\u00a0 ", "\u202f ", "\u200b"]


@pytest.mark.parametrize("blank", BLANKS)
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Anna{b}Schmidt hat recht.", "[Person 1] hat recht."),
        ("Laut Frau{b}Kaya fehlt ein Treffpunkt.", "Laut [Person 1] fehlt ein Treffpunkt."),
        ("Wir danken Herr{b}Jens{b}Becker für die Moderation.", "Wir danken [Person 1] für"),
        ("Rückfrage an FRAU{b}KAYA wegen der Bänke.", "Rückfrage an [Person 1] wegen"),
        ("Gestern kam Fatma{b}Öztürk ins Stadtteilbüro.", "Gestern kam [Person 1] ins"),
    ],
)
def test_blanks_inside_a_name(blank: str, template: str, expected: str) -> None:
    """The rules joined a name's words across one " " only: "Anna  Schmidt hat" became
    "[Person 1]  Schmidt hat", "Frau  Kaya" and "Frau \\u00a0Kaya" stayed in clear."""
    out = Pseudonymiser().pseudonymise(template.format(b=blank))[0]
    assert expected in out
    assert not any(w in out.lower() for w in ("schmidt", "kaya", "becker", "jens", "öztürk"))


def test_blanks_outside_a_name_stay_as_written() -> None:
    """Only the name is replaced; the text keeps every other blank where it was."""
    text = "Ergebnis:  gut.\tLaut Frau \u00a0Kaya  fehlt\u200b Geld,  sagt   Jens\tBecker. "
    p = Pseudonymiser()
    out, replacements = p.pseudonymise(text)
    assert out == "Ergebnis:  gut.\tLaut [Person 1]  fehlt\u200b Geld,  sagt   [Person 2]. "
    assert [r.original for r in replacements] == ["Frau \u00a0Kaya", "Jens\tBecker"]
    assert sorted(p.originals.values()) == ["Frau Kaya", "Jens Becker"]


@pytest.mark.parametrize(
    "text",
    [
        "Ergebnis:  gut, der Park ist sauber.",
        "Park  Spielplatz  Markt  Bücherei",
        "Thema\tRadweg\t–\twichtig",
        "Frau  mit Kind fragt nach der Kita.",
        "Der  Treffpunkt  in Manfort ist  offen.",
        "Punkt 3\u2009 Sprechstunde\u00a0 montags",
        "Das Sozial\u200braumkonzept für den Markt ist gut.",
        "Mehr Bänke  Am Markt wären gut für Ältere.",
        "Die Kita\u00a0 Regenbogen sucht Erzieherinnen.",
        "Frau\nNachbarin fragt nach dem Bus.",
        "Bus\tBahn\tRad\n12\t30\t8",
        "Zu  Beginn  stellte  sich  das  Team  vor.",
    ],
)
def test_ordinary_text_with_blank_runs_stays(text: str) -> None:
    """Table-like text, doubled blanks between words and a zero-width space inside a compound
    word hold no names."""
    assert Pseudonymiser().pseudonymise(text) == (text, [])


def test_the_key_holds_one_person_as_read() -> None:
    """The key shows "Anna Schmidt", not "Anna  Schmidt", and her name written plainly later
    is the same placeholder."""
    p = Pseudonymiser()
    assert p.pseudonymise("Laut Anna  Schmidt fehlt Geld.")[0] == "Laut [Person 1] fehlt Geld."
    assert p.pseudonymise("Anna Schmidt kam später.")[0] == "[Person 1] kam später."
    assert list(p.originals.values()) == ["Anna Schmidt"]


def test_which_invisible_characters_part_words() -> None:
    """The zero-width space parts two words, as Unicode says and where a blank was meant,
    but not before a small letter, where it marks a place to break a long word; a direction
    mark or word joiner parts nothing (a reader sees one word)."""
    view = InvisibleView.of("Frau\u200bKaya")
    assert view is not None and view.text == "Frau Kaya" and view.kept == tuple(range(9))
    assert visible("Sozial\u200braum Sch\u200bmidt") == "Sozialraum Schmidt"
    assert visible("FRAU\u200eKAYA Frau\u2060Kaya") == "FRAUKAYA FrauKaya"
    view = InvisibleView.of("a \u200e\t b")
    assert view is not None and view.text == "a b" and view.end(3) == 6
    assert InvisibleView.of("Laut Anna Schmidt,\nsagt Jens.") is None


def test_cards_with_doubled_blanks_keep_no_name(tmp_path: Path) -> None:
    """Through a card table import: the statements keep no surname and their other blanks,
    the key one spelling of each person."""
    path = tmp_path / "karten.csv"
    path.write_text(
        "Sozialraum;Aussage\n"
        'Manfort;"Laut Frau  Kaya ist das Jugendzentrum seit März zu."\n'
        'Manfort;"Jens\tBecker bringt die Liste mit,  Herr \u00a0Becker hat sie."\n'
        'Manfort;"Ergebnis:  mehr Bänke am Markt."\n',
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "p")
    project.import_files([path], district="Manfort", add_districts=True)
    texts = list(project.segments()["text"])
    assert texts[0] == "Laut [Person 1] ist das Jugendzentrum seit März zu."
    assert texts[1] == "[Person 2] bringt die Liste mit,  [Person 2] hat sie."
    assert texts[2] == "Ergebnis:  mehr Bänke am Markt."
    assert sorted(project.pseudonym_key()["original"]) == ["Frau Kaya", "Jens Becker"]
