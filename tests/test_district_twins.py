"""Sozialräume of an older project that are one name but for case or spelled-out umlauts
("Opladen"/"OPLADEN", "Steinbüchel"/"Steinbuechel"; decision 025, Nachtrag Runde 49): not
merged by themselves (two spellings may be two places), but named with the command that
merges them by ``upgrade``, ``districts`` and ``status``; each keeps its own statements and
boundary; an import naming a stored district with spelled-out umlauts is read as it, as a
name in other case is; a third spelling of twins ("opladen" beside "Opladen" and
"OPLADEN") is refused with its file, row, column and the merge command, not given to one
twin. SQLite and PostgreSQL where the upgrade runs and for the refusal."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.cli.main import main
from workbench.project import BOUNDARIES, Project
from workbench.store import make_engine
from workbench.synthesis import geo

SQUARE = (((7.0, 51.0), (7.1, 51.0), (7.1, 51.1), (7.0, 51.1), (7.0, 51.0)),)
OTHER = (((7.2, 51.0), (7.3, 51.0), (7.3, 51.1), (7.2, 51.1), (7.2, 51.0)),)

# blind set: pairs an older project may hold; twins are one name but for case, spelled-out
# umlauts or ß; the others are other places and must stay without a notice
TWINS = [
    ("Opladen", "OPLADEN"),
    ("Opladen", "opladen"),
    ("Steinbüchel", "Steinbuechel"),
    ("Steinbüchel", "STEINBUECHEL"),
    ("Bürrig", "Buerrig"),
    ("Küppersteg", "Kueppersteg"),
    ("Bürrig/Küppersteg", "Buerrig/Kueppersteg"),
    ("Quettingen", "QUETTINGEN"),
    ("Hitdorf", "hitdorf"),
    ("Alkenrath", "ALKENRATH"),
    ("Schlebusch 1", "SCHLEBUSCH 1"),
    ("Rheindorf-Nord", "Rheindorf-nord"),
    ("Müllerstraße", "Muellerstrasse"),
    ("Großstadtgrün", "Grossstadtgruen"),
    ("Wohnpark Steinbüchel", "Wohnpark Steinbuechel"),
    ("Lützenkirchen", "Luetzenkirchen"),
    ("Mathildenhof", "MathildenHof"),
    ("Löhe", "LOEHE"),
]
OTHERS = [
    ("Opladen", "Opladen-Nord"),
    ("Rheindorf", "Rheindorf-Nord"),
    ("Schlebusch 1", "Schlebusch 2"),
    ("Bürrig", "Bürrig/Küppersteg"),
    ("Manfort", "Wiesdorf"),
    ("Kadıköy", "Kadikoy"),
    ("Łódź", "Lodz"),
    ("Straße", "Strasse Nord"),
    ("Steinbüchel", "Steinbüchel-West"),
    ("Bürrig", "Burrig"),
    ("Opladen", "Opladen 2"),
    ("Alkenrath", "Alkenrath Süd"),
    ("Hitdorf", "Hittdorf"),
    ("Mathildenhof", "Mathildenhof-Ost"),
]


def typed(name: str) -> str:
    """A name as typed in a shell (quoted where it is not one word)."""
    return name if re.fullmatch(r"[\w.,-]+", name) else shlex.quote(name)


def _at(folder: Path, revision: str | None = None, names: tuple[str, ...] = ()) -> None:
    """Store ``names`` as an older workbench did (no refusal of twins), outside the
    project's sessions; set the revision to ``revision``."""
    with Project.open(folder) as project:
        engine = make_engine(project.db_url)
    with engine.begin() as connection:
        for name in names:
            connection.execute(
                text("INSERT INTO districts (name, is_citywide) VALUES (:n, false)"), {"n": name}
            )
        if revision:
            connection.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
    engine.dispose()


def _twin_project(tmp_path: Path, first: str, second: str, db_url: str | None = None) -> Path:
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=db_url, districts=[first, "Manfort"]).close()
    _at(folder, names=(second,))
    return folder


@pytest.mark.parametrize(("first", "second"), TWINS + OTHERS)
def test_the_districts_listing_names_twins_and_the_command_that_merges_them(
    first: str, second: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _twin_project(tmp_path, first, second)
    capsys.readouterr()
    assert main(["--project", str(folder), "districts"]) == 0
    captured = capsys.readouterr()
    assert first in captured.out and second in captured.out  # the listing stays as it was
    if (first, second) in OTHERS:
        assert "Hinweis" not in captured.err
        return
    assert "unterscheiden sich nur in Groß-/Kleinschreibung" in captured.err
    assert f"'{first}' und '{second}'" in captured.err
    merge = f"workbench districts --merge {typed(second)} --into {typed(first)}"
    assert merge in captured.err


@pytest.mark.backends
def test_upgrade_names_twins_and_their_merge_clears_the_notice(
    tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=db_url, districts=["Steinbüchel", "Opladen"]).close()
    p = ["--project", str(folder)]
    table = tmp_path / "beitraege.csv"
    table.write_text("Beitrag,Sozialraum\nMehr Bänke,Steinbüchel\n", encoding="utf-8")
    assert main([*p, "import", str(table)]) == 0
    _at(folder, "0009", ("Steinbuechel", "OPLADEN"))
    capsys.readouterr()
    assert main([*p, "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Die Sozialräume 'Opladen' und 'OPLADEN' unterscheiden sich nur" in out
    assert "workbench districts --merge Steinbuechel --into Steinbüchel" in out
    with Project.open(folder) as project:  # not merged by the upgrade
        assert len(project.districts()) == 5
    assert main([*p, "status"]) == 0
    assert "'Steinbüchel' und 'Steinbuechel'" in capsys.readouterr().err
    assert main([*p, "districts", "--merge", "Steinbuechel", "--into", "Steinbüchel"]) == 0
    assert main([*p, "districts", "--merge", "OPLADEN", "--into", "Opladen"]) == 0
    capsys.readouterr()
    assert main([*p, "upgrade"]) == 0
    assert "Hinweis: Die Sozialräume" not in capsys.readouterr().out


def test_an_import_names_each_twin_as_written(tmp_path: Path) -> None:
    folder = _twin_project(tmp_path, "Opladen", "OPLADEN")
    table = tmp_path / "beitraege.csv"
    table.write_text(
        "Beitrag,Sozialraum\nMehr Bänke am Markt,OPLADEN\nEin Treff fehlt,Opladen\n"
        "Der Bus fährt selten,OPLADEN\n",
        encoding="utf-8",
    )
    argv = ["--project", str(folder), "import", str(table), "--district-column", "Sozialraum"]
    assert main(argv) == 0
    with Project.open(folder) as project:
        counted = project.segments()["district"].value_counts().to_dict()
    assert counted == {"OPLADEN": 2, "Opladen": 1}


@pytest.mark.parametrize("add", [False, True])
def test_an_import_reads_spelled_out_umlauts_as_the_stored_district(
    add: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Steinbüchel", "Bürrig"]).close()
    table = tmp_path / "beitraege.csv"
    table.write_text(
        "Beitrag,Sozialraum\nMehr Bänke,Steinbuechel\nEin Treff fehlt,STEINBÜCHEL\n"
        "Der Bus fährt selten,buerrig\n",
        encoding="utf-8",
    )
    argv = ["--project", str(folder), "import", str(table), "--district-column", "Sozialraum"]
    assert main(argv + (["--add-districts"] if add else [])) == 0
    out = capsys.readouterr().out
    assert "Sozialraum 'Steinbuechel' als 'Steinbüchel' gelesen" in out
    with Project.open(folder) as project:
        assert sorted(project.districts()["district"]) == ["Bürrig", "Gesamtstadt", "Steinbüchel"]
        counted = project.segments()["district"].value_counts().to_dict()
    assert counted == {"Steinbüchel": 2, "Bürrig": 1}


def test_each_twin_keeps_its_own_boundary(tmp_path: Path) -> None:
    folder = _twin_project(tmp_path, "Opladen", "OPLADEN")
    (folder / BOUNDARIES).parent.mkdir(exist_ok=True)
    (folder / BOUNDARIES).write_bytes(geo.to_geojson({"Opladen": (SQUARE,), "OPLADEN": (OTHER,)}))
    with Project.open(folder) as project:
        shapes = geo.boundaries(project) or {}
        assert {name: len(s) for name, s in shapes.items()} == {"OPLADEN": 1, "Opladen": 1}
        assert shapes["Opladen"] == (SQUARE,)
        project.merge_districts("OPLADEN", "Opladen")
        assert len((geo.boundaries(project) or {})["Opladen"]) == 2
    features = json.loads((folder / BOUNDARIES).read_bytes())["features"]
    assert [f["properties"]["district"] for f in features] == ["Opladen"]


@pytest.mark.parametrize(
    "typed",
    ["Opla\x1b[0mden", "Werkstatt\x1b[31mOpladen", "Opladen\x1b[1m-Nord", "\x1b]0;x\x07Hitdorf"],
)
def test_a_district_reads_an_escape_sequence_as_every_label_does(typed: str) -> None:
    """Guard (decision 017's one rule for sequences): a district name is the label the
    same text would be, a sequence between two letters a space ("Opla den")."""
    from workbench.core.typed_text import line_label
    from workbench.store.district_spelling import district_name

    assert district_name(typed) == line_label(typed)


def _nothing_written(folder: Path) -> None:
    with Project.open(folder) as project:
        assert project.segments().empty and project.documents().empty


@pytest.mark.backends
def test_an_import_refuses_a_third_spelling_of_twins(
    tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "opladen" beside the stored "Opladen" and "OPLADEN" went to one of them as the
    index happened to hold it, while ``--district opladen`` was refused as ambiguous: an
    import now refuses it too, naming file, row, column, both spellings and the merge."""
    folder = _twin_project(tmp_path, "Opladen", "OPLADEN", db_url)
    table = tmp_path / "beitraege.csv"
    table.write_text(
        "Beitrag,Sozialraum\nMehr Bänke am Markt,Opladen\nEin Treff fehlt,opladen\n"
        "Der Bus fährt selten,OPLADEN\nDie Kita ist voll,Opladen\nLicht am Weg,opladen\n",
        encoding="utf-8",
    )
    argv = ["--project", str(folder), "import", str(table), "--district-column", "Sozialraum"]
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert (
        "Datei beitraege.csv, Zeile 3: Sozialraum 'opladen' (Spalte Sozialraum; ebenso in " in err
    )
    assert "Zeile 6) ist nicht eindeutig: Das Projekt hat 'Opladen' und 'OPLADEN'" in err
    assert "workbench districts --merge OPLADEN --into Opladen" in err
    assert "Traceback" not in err
    _nothing_written(folder)
    assert main(["--project", str(folder), "import", str(table), "--district", "opladen"]) == 2
    assert "mehrdeutig" in capsys.readouterr().err  # the command line, as before
    assert (
        main(["--project", str(folder), "districts", "--merge", "OPLADEN", "--into", "Opladen"])
        == 0
    )
    assert main(argv) == 0  # merged: one Opladen, every spelling its own
    with Project.open(folder) as project:
        assert project.segments()["district"].value_counts().to_dict() == {"Opladen": 5}


@pytest.mark.parametrize(
    ("typed", "twins"),
    [("STEINBUECHEL", ("Steinbüchel", "STEINBÜCHEL")), ("bürrig", ("Bürrig", "BÜRRIG"))],
)
def test_spelled_out_umlauts_of_twins_are_refused_with_the_row(
    typed: str, twins: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _twin_project(tmp_path, *twins)
    table = tmp_path / "beitraege.csv"
    table.write_text(f"Beitrag,Sozialraum\nMehr Bänke,{twins[0]}\nBus,{typed}\n", encoding="utf-8")
    argv = ["--project", str(folder), "import", str(table), "--district-column", "Sozialraum"]
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"Zeile 3: Sozialraum '{typed}' (Spalte Sozialraum) ist nicht eindeutig" in err
    assert f"--merge {twins[1]} --into {twins[0]}" in err
    _nothing_written(folder)


def test_a_free_text_district_takes_the_twin_it_names_and_refuses_a_third_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The survey's free-text column ("Stadtteil [other]") took the first stored name the
    same but for case: "Opladen" written there could land in OPLADEN."""
    folder = _twin_project(tmp_path, "Opladen", "OPLADEN")
    table = tmp_path / "umfrage.csv"
    rows = "Beitrag,Stadtteil,Stadtteil [other]\nBänke,Sonstiges,Opladen\nBus,Sonstiges,OPLADEN\n"
    table.write_text(rows, encoding="utf-8")
    p = ["--project", str(folder)]
    assert main([*p, "import", str(table), "--district-column", "Stadtteil"]) == 0
    with Project.open(folder) as project:
        assert project.segments()["district"].value_counts().to_dict() == {
            "Opladen": 1, "OPLADEN": 1
        }  # fmt: skip
    other = tmp_path / "umfrage2.csv"
    other.write_text(rows.replace("Bus,Sonstiges,OPLADEN", "Treff,Sonstiges,opladen"), "utf-8")
    capsys.readouterr()
    assert main([*p, "import", str(other), "--district-column", "Stadtteil"]) == 2
    err = capsys.readouterr().err
    assert "Datei umfrage2.csv, Zeile 3: Sozialraum 'opladen' (Spalte Stadtteil [other])" in err
    assert "workbench districts --merge OPLADEN --into Opladen" in err
    with Project.open(folder) as project:
        assert len(project.segments()) == 2 and len(project.documents()) == 1


def test_a_protocol_header_naming_twins_in_a_third_spelling_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _twin_project(tmp_path, "Opladen", "OPLADEN")
    protocol = tmp_path / "protokoll.md"
    protocol.write_text(
        "# Quartiersworkshop\n\nDatum: 2021-03-04\nSozialraum: opladen\n\n"
        "## Herausforderungen und Bedarfe\n\n- Es fehlt ein Treffpunkt am Abend.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--project", str(folder), "import", str(protocol)]) == 2
    err = capsys.readouterr().err
    assert "Datei protokoll.md: Sozialraum 'opladen' (Angabe „Sozialraum“ der Datei)" in err
    _nothing_written(folder)


def _third(first: str, second: str) -> str:
    """A third spelling of ``first`` but for case (the blind set's third name)."""
    forms = (first.lower(), first.upper(), first.swapcase(), first.title())
    return next(form for form in forms if form not in (first, second))


@pytest.mark.parametrize(("first", "second"), TWINS + OTHERS)
def test_the_blind_set_third_spelling_is_refused_only_for_case_twins(
    first: str, second: str, tmp_path: Path
) -> None:
    """Blind set (decision 025, Nachtrag Runde 49): the stored pair and a third spelling of
    the first but for case. Twins but for case (8 of 18) are refused; twins but for
    umlauts and other places (24) take each spelling to its one district, as before."""
    from workbench.store.district_spelling import district_fold

    folder = _twin_project(tmp_path, first, second)
    third = _third(first, second)
    table = tmp_path / "beitraege.csv"
    rows = f"Beitrag,Sozialraum\nBänke,{first}\nBus,{second}\nTreff,{third}\n"
    table.write_text(rows, encoding="utf-8")
    argv = ["--project", str(folder), "import", str(table), "--district-column", "Sozialraum"]
    if district_fold(first) == district_fold(second):
        assert main(argv) == 2
        _nothing_written(folder)
        return
    assert main(argv) == 0
    with Project.open(folder) as project:
        segments = project.segments()
    placed = dict(zip(segments["text"], segments["district"], strict=True))
    assert placed == {"Bänke": first, "Bus": second, "Treff": first}
