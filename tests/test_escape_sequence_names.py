"""A terminal's escape sequence in a statement (text copied from a terminal, a log or a chat
client's export) is read as a blank by the name rules: "Mit\\x1b[31mAnna Schmidt war …" was
stored with Anna Schmidt in clear, glued to "[31m" (decision 017 fixed the same for labels;
statements keep their characters as written, outside a name)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.ingest.invisible_view import visible
from workbench.ingest.pseudonymise import Pseudonymiser

SEQUENCES = ["\x1b[31m", "\x1b[1m", "\x1b[0m", "\x1b[38;5;196m", "\x1b[2J", "\x1b]0;Titel\x07"]


@pytest.mark.parametrize("seq", SEQUENCES)
@pytest.mark.parametrize(
    ("template", "name"),
    [
        ("Mit{s}Anna Schmidt war ich beim Treffen.", "Schmidt"),
        ("Gestern hat{s}Frau Kowalski die Liste mitgebracht.", "Kowalski"),
        ("{s}Herr Becker{s} sagt: Wir brauchen mehr Bänke.", "Becker"),
        ("Laut {s}Jonas Yilmaz fehlt ein Treffpunkt.", "Yilmaz"),
    ],
)
def test_a_name_behind_an_escape_sequence_is_replaced(seq: str, template: str, name: str) -> None:
    out = Pseudonymiser().pseudonymise(template.format(s=seq))[0]
    assert name not in out and "[Person 1]" in out


@pytest.mark.parametrize("seq", SEQUENCES)
@pytest.mark.parametrize(
    "template",
    [
        "Der Bus f{s}ährt zu selten.",
        "{s}Wir brauchen mehr Bänke{s} am Spielplatz.",
        "Die Stadtteilbibliothek{s}Manfort hat zu.",
        "Treffpunkt{s} [alt] am Markt",
    ],
)
def test_a_statement_without_a_name_stays_as_written(seq: str, template: str) -> None:
    """A guard: outside a name every character stays, the sequence too."""
    text = template.format(s=seq)
    assert Pseudonymiser().pseudonymise(text)[0] == text


def test_the_view_reads_a_sequence_as_a_blank_and_inside_a_word_joins() -> None:
    assert visible("Mit\x1b[31mAnna") == "Mit Anna"
    assert visible("f\x1b[1mährt") == "fährt"
    assert visible("Titel\x1b]0;x\x07Anna") == "Titel Anna"


def test_an_imported_protocol_stores_no_name_behind_a_sequence(tmp_path: Path) -> None:
    source = tmp_path / "protokoll.txt"
    source.write_text(
        "Protokoll Workshop\n\nMit\x1b[31mAnna Schmidt war ich beim Treffen. Es fehlt ein "
        "Spielplatz.\n",
        encoding="utf-8",
    )
    project = tmp_path / "p"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    argv = ["--project", str(project), "import", str(source), "--workshop", "W1"]
    assert main([*argv, "--district", "Manfort"]) == 0
    (database,) = project.glob("*.sqlite")
    with sqlite3.connect(database) as db:
        texts = [t for (t,) in db.execute("select text from segments")]
    assert any("[Person 1]" in t for t in texts)
    assert not any("Schmidt" in t or "Anna" in t for t in texts)


# An ESC that starts no sequence (alone, before a blank, at the end, "ESC [" without its
# letter): the view changed nothing and was viewed again, until a RecursionError stopped
# the import of the file (a CSV, and an XLSX cell "_x001B_").
LONE_ESC = ["Ton \x1b an", "Ende\x1b", "\x1b Anfang", "ESC\x1bmitten", "offen \x1b[", "\x1b"]


@pytest.mark.parametrize("text", LONE_ESC)
def test_a_lone_esc_stays_as_written(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize("text", ["Mit \x1b Anna Schmidt war ich da.", "Herr Becker\x1b sagt ja."])
def test_a_name_beside_a_lone_esc_is_replaced(text: str) -> None:
    out = Pseudonymiser().pseudonymise(text)[0]
    assert "Schmidt" not in out and "Becker" not in out and "[Person 1]" in out


def test_a_table_with_a_lone_esc_imports(tmp_path: Path) -> None:
    cards = tmp_path / "karten.csv"
    cards.write_text('Text\n"Glocke\x07 und \x1b allein"\n', encoding="utf-8")
    project = tmp_path / "p"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    assert main(["--project", str(project), "import", str(cards), "--district", "Manfort"]) == 0
    (database,) = project.glob("*.sqlite")
    with sqlite3.connect(database) as db:
        assert [t for (t,) in db.execute("select text from segments")] == [
            "Glocke\x07 und \x1b allein"
        ]
