"""A Sozialraum name with a mark that turns text around (U+202E), a terminal's escape
sequence, a C1 control or a zero-width character is the name its visible characters spell,
for every command that stores or compares one: ``init --districts``, ``districts --add``
and ``--rename``, an import's district column (also with ``--add-districts``), a
``--district`` option. The label rule of decision 017 (``one_line_name``), without
zero-width characters; an ordinary name stays as written (blind set below)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.store.district_spelling import district_name

# -- blind set: generated names with the name their visible characters spell -------------
PLACES = ["Opladen", "Bürrig", "Steinbüchel", "Alkenrath", "Wiesdorf-Ost"]
INJECTED = [
    ("{a}\u202e{b}", "override"),
    ("\u202d{a}{b}\u202c", "embedding"),
    ("\u2067{a}{b}\u2069", "isolate"),
    ("{a}\u200f{b}", "direction mark"),
    ("\x1b[31m{a}{b}\x1b[0m", "colour sequence"),
    ("{a}{b}\x1b]0;Titel\x07", "title sequence"),
    ("{a}\x9b{b}", "C1 CSI"),
    ("{a}{b}\x85", "C1 next line"),
    ("{a}\u200b{b}", "zero-width space"),
    ("{a}\u200c{b}", "zero-width non-joiner"),
    ("{a}\u200d{b}", "zero-width joiner"),
    ("\ufeff{a}{b}", "byte order mark"),
    ("{a}\u2060{b}", "word joiner"),
    ("{a}\xad{b}", "soft hyphen"),
    ("{a}\x00{b}\x07", "NUL and BEL"),
]
BLIND = [
    (form.format(a=place[:3], b=place[3:]), place, kind)
    for place in PLACES
    for form, kind in INJECTED
]
MUST_STAY = [
    "Opladen-Nord",
    "Bürrig/Küppersteg",
    "Schlebusch 1",
    "Steinbüchel",
    "Straße am Rhein",
    "Rheindorf-Süd (alt)",
    "Kadıköy",
    "İzmir-Viertel",
    "Łódź-Bałuty",
    "Zone 3[a]",
    "Kita [31 Plätze]",
    "Hitdorf 🌳",
    "Familien 👩\u200d👩\u200d👧",
    "Regenbogen 🏳️\u200d🌈",
    "می\u200cخواهم",
    "Küppersteg 2.0",
]


def test_blind_set_visible_characters_decide_and_ordinary_names_stay() -> None:
    """Every generated name with such a character is the clean name; no ordinary name
    changes (over-replacement counts as much as a miss)."""
    found = sum(district_name(typed) == clean for typed, clean, _ in BLIND)
    kept = sum(district_name(name) == name for name in MUST_STAY)
    missed = [(typed, kind) for typed, clean, kind in BLIND if district_name(typed) != clean]
    print(f"blind: {found}/{len(BLIND)} clean, must-stay {kept}/{len(MUST_STAY)} unchanged")
    assert not missed
    assert kept == len(MUST_STAY), [n for n in MUST_STAY if district_name(n) != n]


# -- every command ---------------------------------------------------------------------
TYPED = ["Opla\u202eden", "\x1b[1mOpladen\x1b[0m", "Opla\x9bden", "Opla\u200bden", "\ufeffOpladen"]


def _districts(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "werkbank.sqlite") as db:
        return sorted(n for (n,) in db.execute("SELECT name FROM districts WHERE NOT is_citywide"))


def _init(folder: Path, *districts: str) -> None:
    argv = ["init", str(folder), *(["--districts", ",".join(districts)] if districts else [])]
    assert main(argv) == 0


@pytest.mark.parametrize("typed", TYPED)
def test_init_add_and_rename_store_the_visible_name(typed: str, tmp_path: Path) -> None:
    _init(tmp_path / "init", typed, "Ost")
    assert _districts(tmp_path / "init") == ["Opladen", "Ost"]
    _init(tmp_path / "add", "Opladen")
    p = ["--project", str(tmp_path / "add")]
    assert main([*p, "districts", "--add", typed]) == 0  # the same district: nothing added
    assert main([*p, "districts", "--add", f"Nord-{typed}"]) == 0
    assert _districts(tmp_path / "add") == ["Nord-Opladen", "Opladen"]
    _init(tmp_path / "rename", "Ost")
    assert main(["--project", str(tmp_path / "rename"), "districts", "--rename", "Ost", typed]) == 0
    assert _districts(tmp_path / "rename") == ["Opladen"]


@pytest.mark.parametrize("typed", TYPED)
def test_an_import_column_and_an_option_name_the_same_district(typed: str, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    _init(folder, "Opladen")
    table = tmp_path / "karten.csv"
    rows = [f"K1;Mehr Bänke am Platz;{typed}", f"K2;Ein Treff fehlt;Neu-{typed}"]
    table.write_text("ID;Text;Sozialraum\n" + "\n".join(rows) + "\n", encoding="utf-8")
    argv = ["--project", str(folder), "import", str(table), "--text-column", "Text"]
    assert main([*argv, "--district-column", "Sozialraum", "--add-districts"]) == 0
    other = tmp_path / "protokoll.md"
    other.write_text("# Workshop\n\n- Ein Spielplatz fehlt.\n", encoding="utf-8")
    assert main(["--project", str(folder), "import", str(other), "--district", typed]) == 0
    assert _districts(folder) == ["Neu-Opladen", "Opladen"]  # no "Opla\u202eden" beside it
    with sqlite3.connect(folder / "werkbank.sqlite") as db:
        stored = db.execute(
            "SELECT d.name, count(*) FROM segments s JOIN districts d ON d.id = s.district_id"
            " GROUP BY d.name ORDER BY d.name"
        ).fetchall()
    assert stored == [("Neu-Opladen", 1), ("Opladen", 2)]
