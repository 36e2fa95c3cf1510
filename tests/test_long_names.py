"""Names from files and commands longer than the database holds (session 29 sweep).

SQLite keeps any length in a ``VARCHAR(n)``, PostgreSQL refuses more: the same import
went through on one and stopped with a database traceback on the other. Each test runs
on both backends (marker ``backends``, tests/pg.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, update

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.store import Document, PseudonymDecision, RecommendationNeed, Segment, Workshop
from workbench.store.workshop_keys import legacy_workshop_key, workshop_key
from workbench.synthesis.indicators import indicators
from workbench.synthesis.recommendations import recommendations

NS = "urn:QDA-XML:project:1.0"
SOURCE = "C0000000-0000-4000-8000-000000000001"
LONG = " ".join(["Stadtteilkonferenz"] * 20)  # 379 characters


def _qdpx(out: Path, name: str, text: str = "Wir brauchen mehr Bänke.\n") -> Path:
    qde = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}" name="Beirat" '
        f'origin="MAXQDA 2022"><Sources><TextSource guid="{SOURCE}" name="{name}" '
        f'plainTextPath="internal://{SOURCE}.txt"/></Sources></Project>'
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"Sources/{SOURCE}.txt", text.encode("utf-8"))
    return out


@pytest.mark.backends
def test_a_long_workshop_name_is_shortened_and_said_on_both_backends(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A MAXQDA text of a 379-character name became the workshop's name (300 stored): on
    PostgreSQL a traceback (StringDataRightTruncation), on SQLite stored whole. Now both
    cut it in the middle with "…" (its end kept: "Teil 1", "Teil 2"), say so, and find
    the workshop again."""
    archive = _qdpx(tmp_path / "x.qdpx", f"{LONG}.txt")
    for _ in range(2):  # the second import finds the same (shortened) workshop
        assert main(["--project", str(project.path), "import", str(archive)]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "Der Workshop-Name hat 379 Zeichen und ist in der Mitte mit „…“ gekürzt" in out.out
    names = project.workshops()["workshop"].tolist()
    assert names == [workshop_key(LONG)] and len(names[0]) == 300
    assert names[0].startswith(LONG[:229]) and names[0].endswith(LONG[-60:])
    assert len(project.segments()) == 1
    # a table's Workshop column, --workshop and a protocol's "Format:" line alike
    table = tmp_path / "t.csv"
    table.write_text(f"ID;Sozialraum;Text;Workshop\n1;Manfort;Mehr Bänke;{LONG} 2\n")
    assert main(["--project", str(project.path), "import", str(table)]) == 0
    protocol = tmp_path / "p.md"
    protocol.write_text(f"# Protokoll\n\nFormat: {LONG}\n\n## Frage\n\n- Ein Treffpunkt fehlt\n")
    command = ["import", str(protocol), "--workshop", f"{LONG} 3", "--district", "Opladen"]
    assert main(["--project", str(project.path), *command]) == 0
    out = capsys.readouterr()
    assert "Das Format des Workshops hat 379 Zeichen" in out.out
    workshops = project.workshops()
    assert len(workshops) == 3 and workshops["workshop"].str.len().max() == 300
    assert workshops["format"].dropna().str.len().tolist() == [200]
    # a text's name over 500 characters (the file name column) keeps its extension
    archive = _qdpx(tmp_path / "y.qdpx", f"{LONG} {LONG}.txt", "Der Platz ist zu klein.\n")
    assert main(["--project", str(project.path), "import", str(archive)]) == 0
    assert "Der Dateiname hat 763 Zeichen" in capsys.readouterr().out
    with project.session() as s:
        stored = sorted(s.scalars(select(Document.filename)), key=len)[-1]
    assert len(stored) == 500 and stored.endswith("Stadtteilkonferenz.txt") and "…" in stored


def test_a_long_workshop_name_sqlite_stored_whole_before_is_found_again(
    project: Project, tmp_path: Path
) -> None:
    """SQLite stored a workshop's name whole before names were shortened (94ad30b). The
    next import into it looked it up by the shortened name, found none and made a second
    workshop: the statements of one workshop split in two, and the names of its
    participant list stayed in clear in the new protocol ("Zabelberg")."""
    names = tmp_path / "namen.csv"
    names.write_text("Name\nQuirin Zabelberg\n")
    first, second = tmp_path / "p1.md", tmp_path / "p2.md"
    first.write_text("# Protokoll\n\n## Was fehlt?\n\n- Mehr Bänke am Platz\n")
    second.write_text("# Protokoll\n\n## Was fehlt?\n\n- Der Garten von Zabelberg ist schön\n")
    command = ["--project", str(project.path), "import", "--workshop", LONG, "--district"]
    assert main([*command, "Manfort", str(first), "--names", str(names)]) == 0
    with project.session() as s:  # as an older version stored it on SQLite: whole
        s.execute(update(Workshop).values(name=LONG))
        s.commit()
    assert main([*command, "Manfort", str(second)]) == 0
    assert project.workshops()["workshop"].tolist() == [LONG]
    texts = project.segments()["text"].tolist()
    assert texts == ["Mehr Bänke am Platz", "Der Garten von [Person 1] ist schön"]


@pytest.mark.backends
def test_two_long_workshop_names_differing_only_in_the_middle_stay_two_workshops(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name kept its first 239 and last 60 characters: "… Teil 1 im Bürgerhaus …" today
    and "… Teil 2 im Bürgerhaus …" tomorrow became one workshop (both in one table: refused).
    Now the cut carries a hash of the whole name: two workshops, and a re-import of either
    finds its own again."""
    head = "Beteiligungswerkstatt " * 12
    tail = " im Bürgerhaus Manfort, großer Saal, Erdgeschoss, barrierefrei zugänglich"
    one, two = f"{head}Teil 1{tail}", f"{head}Teil 2{tail}"
    command = ["--project", str(project.path), "import", "--district", "Manfort"]
    for day, (name, text) in enumerate(((one, "Mehr Bänke"), (two, "Mehr Licht"))):
        protocol = tmp_path / f"tag{day}.md"
        protocol.write_text(f"# Protokoll\n\n## Was fehlt?\n\n- {text}\n")
        assert main([*command, str(protocol), "--workshop", name]) == 0
    again = tmp_path / "nachtrag.md"
    again.write_text("# Protokoll\n\n## Was fehlt?\n\n- Ein Treffpunkt\n")
    assert main([*command, str(again), "--workshop", one]) == 0
    table = tmp_path / "t.csv"  # both in one table: no longer refused
    table.write_text(f"ID;Text;Workshop\n1;Mehr Grün;{one}\n2;Mehr Ruhe;{two}\n")
    assert main([*command, str(table)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    workshops = project.workshops()["workshop"].tolist()
    assert sorted(workshops) == sorted([workshop_key(one), workshop_key(two)])
    assert all(len(w) == 300 and w.endswith(tail[-60:]) for w in workshops)
    by_workshop = project.segments().groupby("workshop")["text"].apply(sorted).to_dict()
    assert by_workshop == {
        workshop_key(one): ["Ein Treffpunkt", "Mehr Bänke", "Mehr Grün"],
        workshop_key(two): ["Mehr Licht", "Mehr Ruhe"],
    }


def test_a_long_workshop_name_shortened_without_hash_before_is_found_again_once(
    project: Project, tmp_path: Path
) -> None:
    """A workshop stored shortened the old way (no hash) is found again by its name and
    takes the new form; another long name with the same ends, imported after, gets a
    workshop of its own (before: the same one)."""
    head = "Beteiligungswerkstatt " * 12
    tail = " im Bürgerhaus Manfort, großer Saal, Erdgeschoss, barrierefrei zugänglich"
    one, two = f"{head}Teil 1{tail}", f"{head}Teil 2{tail}"
    command = ["--project", str(project.path), "import", "--district", "Manfort"]
    protocol = tmp_path / "tag0.md"
    protocol.write_text("# Protokoll\n\n## Was fehlt?\n\n- Mehr Bänke\n")
    assert main([*command, str(protocol), "--workshop", one]) == 0
    with project.session() as s:  # as the workbench stored it before the hash
        s.execute(update(Workshop).values(name=legacy_workshop_key(one)))
        s.commit()
    for day, (name, text) in enumerate(((one, "Mehr Licht"), (two, "Ein Treffpunkt")), 1):
        protocol = tmp_path / f"tag{day}.md"
        protocol.write_text(f"# Protokoll\n\n## Was fehlt?\n\n- {text}\n")
        assert main([*command, str(protocol), "--workshop", name]) == 0
    by_workshop = project.segments().groupby("workshop")["text"].apply(sorted).to_dict()
    assert by_workshop == {
        workshop_key(one): ["Mehr Bänke", "Mehr Licht"],
        workshop_key(two): ["Ein Treffpunkt"],
    }


@pytest.mark.backends
def test_a_district_name_too_long_for_the_database_is_refused_on_both_backends(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """districts --add and import --add-districts with a name over 200 characters: a
    PostgreSQL traceback, on SQLite a district of that name. Now both refuse it, naming
    file and row, exit code 2, nothing written."""
    before = project.districts()["district"].tolist()
    assert main(["--project", str(project.path), "districts", "--add", LONG]) == 2
    err = capsys.readouterr().err
    assert "Der Name des Sozialraums 'Stadtteilkonferenz Stadtteilko…' ist zu lang: 379" in err
    assert "Traceback" not in err
    table = tmp_path / "t.csv"
    table.write_text(f"ID;Sozialraum;Text\n1;Manfort;Mehr Bänke\n2;{LONG};Ein Treffpunkt\n")
    command = ["import", str(table), "--district-column", "Sozialraum", "--add-districts"]
    assert main(["--project", str(project.path), *command]) == 2
    err = capsys.readouterr().err
    assert "t.csv" in err and "Zeile 3" in err and "ist zu lang: 379 Zeichen" in err
    assert project.districts()["district"].tolist() == before
    assert project.segments().empty
    with pytest.raises(InputError, match="ist zu lang"):
        Project.create(tmp_path / "neu", db_url=None, districts=["Manfort", LONG])


@pytest.mark.backends
def test_a_long_question_or_role_is_shortened_and_a_long_id_refused_on_both_backends(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A protocol's guiding question over 300 characters, a role column over 200 and an ID
    over 200: PostgreSQL stopped with a traceback, SQLite stored them. Now the question and
    the role are cut in the middle with "…" (said), the ID stops the import (exit 2)."""
    protocol = tmp_path / "p.md"
    protocol.write_text(f"# Protokoll\n\nSozialraum: Manfort\n\n## {LONG}?\n\n- Mehr Bänke\n")
    assert main(["--project", str(project.path), "import", str(protocol)]) == 0
    table = tmp_path / "t.csv"
    table.write_text(f"ID;Sozialraum;Text;Rolle\n1;Manfort;Ein Treffpunkt fehlt;{LONG}\n")
    command = ["import", str(table), "--text-column", "Text", "--role-column", "Rolle"]
    assert main(["--project", str(project.path), *command]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "Die Leitfrage hat 380 Zeichen und ist in der Mitte mit „…“ gekürzt" in out.out
    assert "Die Rolle hat 379 Zeichen" in out.out
    segments = project.segments().set_index("text")
    assert segments.loc["Mehr Bänke", "question"] == f"{LONG[:259]}…{LONG[-39:]}?"
    assert len(segments.loc["Ein Treffpunkt fehlt", "speaker_role"]) == 200
    # an ID: cut, two could become one
    table.write_text(f"ID;Sozialraum;Text\n{'X' * 201};Opladen;Zu wenig Licht\n")
    command = ["import", str(table), "--text-column", "Text", "--id-column", "ID"]
    assert main(["--project", str(project.path), *command]) == 2
    err = capsys.readouterr().err
    assert "t.csv, Zeile 2: ID 'XXX" in err and "ist zu lang: 201 Zeichen" in err
    assert len(project.segments()) == 2


@pytest.mark.backends
def test_an_indicator_name_or_unit_too_long_for_the_database_is_refused_on_both_backends(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An indicator over 300 characters (a wide table's header with its footnote) or a unit
    over 200: a PostgreSQL traceback, SQLite stored it. Now both stop with file and row."""
    table = tmp_path / "i.csv"
    head = "district;indicator;year;value;unit;source\n"
    for row, what in ((f"Manfort;{LONG};2020;1,5;%", "Name des Indikators"),
                      (f"Manfort;Quote;2020;1,5;{LONG}", "Einheit")):  # fmt: skip
        table.write_text(f"{head}Gesamtstadt;Quote;2020;1,2;%;Stadt\n{row};Stadt\n")
        assert main(["--project", str(project.path), "indicators", "--import", str(table)]) == 2
        err = capsys.readouterr().err
        assert f"i.csv, Zeile 3: {what} 'Stadtteilkonferenz" in err
        assert "ist zu lang: 379 Zeichen" in err and "Traceback" not in err
    assert indicators(project).empty


@pytest.mark.backends
def test_a_recommendation_title_or_author_too_long_for_the_database_is_refused(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """recommend add/edit with a title over 300 or an author over 100 characters: a
    PostgreSQL traceback, SQLite stored it. Now both refuse it (exit code 2)."""
    cli = ["--project", str(project.path), "recommend"]
    assert main([*cli, "add", "Mehr Bänke am Markt", "--title", LONG]) == 2
    assert "Der Titel der Empfehlung ist zu lang (379 Zeichen, höchstens 300)" in (
        capsys.readouterr().err
    )
    assert main([*cli, "add", "Mehr Bänke am Markt", "--author", LONG[:101]]) == 2
    assert "Der Name der Autor*in der Empfehlung ist zu lang (101 Zeichen" in (
        capsys.readouterr().err
    )
    assert main([*cli, "add", "Mehr Bänke am Markt", "--title", "Bänke"]) == 0
    assert main([*cli, "edit", "1", "--title", LONG]) == 2
    err = capsys.readouterr().err
    assert "ist zu lang" in err and "Traceback" not in err
    assert recommendations(project)[["title"]].to_dict("records") == [{"title": "Bänke"}]


@pytest.mark.backends
def test_a_word_too_long_for_a_pseudonym_decision_is_refused(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """pseudonyms confirm with a 'word' over 200 characters (a pasted line run together): a
    PostgreSQL traceback, SQLite stored the decision. Now both refuse it (exit code 2)."""
    word = LONG.replace(" ", "")
    assert main(["--project", str(project.path), "pseudonyms", "confirm", word]) == 2
    err = capsys.readouterr().err
    assert "'StadtteilkonferenzStadtteilkon…' ist zu lang für ein Wort (360 Zeichen" in err
    assert "Traceback" not in err
    with project.session() as s:
        assert s.scalar(select(PseudonymDecision.id)) is None


@pytest.mark.backends
def test_a_recommendation_title_is_measured_as_typed_not_as_pseudonymised(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 298-character title naming "Ida Ott" was refused with "301 Zeichen": the count of
    the stored title, whose placeholder "[Person 1]" is longer than the name. Now the typed
    title is measured; the stored one is cut at its end, never inside a placeholder."""
    names, protocol = tmp_path / "namen.csv", tmp_path / "p.md"
    names.write_text("Name\nIda Ott\n")
    protocol.write_text("# Protokoll\n\n## Was fehlt?\n\n- Ida Ott wünscht sich Bänke\n")
    command = ["import", str(protocol), "--district", "Manfort", "--names", str(names)]
    assert main(["--project", str(project.path), *command]) == 0
    title = "Treffpunkt mit Ida Ott " + "x" * 275
    cli = ["--project", str(project.path), "recommend"]
    assert main([*cli, "add", "Mehr Bänke am Markt", "--title", title]) == 0
    assert main([*cli, "add", "Mehr Licht", "--title", "Bänke"]) == 0
    assert main([*cli, "edit", "2", "--title", title[:290] + " Ida Ott"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    stored = recommendations(project)["title"].tolist()
    assert stored[0] == ("Treffpunkt mit [Person 1] " + "x" * 275)[:299] + "…"
    assert stored[1] == "Treffpunkt mit [Person 1] " + "x" * 267 + "…"  # not "[Per…"
    assert [len(t) for t in stored] == [300, 294] and not any("Ida Ott" in t for t in stored)
    assert main([*cli, "add", "Mehr Bänke", "--title", title + "xxx"]) == 2
    assert "Der Titel der Empfehlung ist zu lang (301 Zeichen, höchstens 300)" in (
        capsys.readouterr().err
    )


@pytest.mark.backends
def test_a_long_question_from_a_table_is_the_same_label_as_from_a_protocol(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table's question column (or a survey's header) over 300 characters was cut at its
    end without a word, a protocol's heading in the middle with a notice: the same question
    from both became two labels. Now both are cut alike, and both imports say so."""
    question = f"{LONG}?"
    protocol = tmp_path / "p.md"
    protocol.write_text(f"# Protokoll\n\n## {question}\n\n- Mehr Bänke\n")
    table = tmp_path / "t.csv"
    table.write_text(f"ID;Text;Leitfrage\n1;Mehr Licht;{question}\n")
    command = ["--project", str(project.path), "import", "--district", "Manfort"]
    assert main([*command, str(protocol)]) == 0
    assert main([*command, str(table), "--question-column", "Leitfrage"]) == 0
    out = capsys.readouterr().out
    assert out.count("Die Leitfrage hat 380 Zeichen und ist in der Mitte mit „…“ gekürzt") == 2
    assert project.segments()["question"].unique().tolist() == [f"{LONG[:259]}…{LONG[-39:]}?"]


def test_a_long_workshop_name_typed_as_at_import_is_found_by_waves_and_tokens(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import --workshop NAME of 379 characters stores it shortened; waves --move NAME and
    tokens --workshop NAME with the same NAME said "gibt es nicht" / "Unbekannter
    Workshop" (listing 300-character names). Now they find it."""
    from tests.synthesis_data import demo_copy

    project = demo_copy(tmp_path_factory, tmp_path / "demo")
    folder = str(project.path)
    project.close()
    protocol = tmp_path / "p.md"
    protocol.write_text("# Protokoll\n\n## Was fehlt?\n\n- Mehr Bänke am Platz\n")
    command = ["import", str(protocol), "--district", "Manfort", "--workshop", LONG]
    assert main(["--project", folder, *command]) == 0
    out = tmp_path / "codes.csv"
    assert (
        main(["--project", folder, "tokens", "--n", "1", "--workshop", LONG, "--out", str(out)])
        == 0
    )
    assert main(["--project", folder, "waves", "--move", f" {LONG} ", "Folge 2022"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert len(out.read_text().splitlines()) == 2
    with Project.open(folder) as project:
        moved = project.workshops().set_index("workshop").loc[workshop_key(LONG)]
        assert moved["wave"] == "Folge 2022"


@pytest.mark.backends
def test_a_cluster_edit_author_too_long_for_the_database_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    db_url: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """cluster rename --author with 101 characters: a PostgreSQL traceback
    (StringDataRightTruncation), SQLite stored it. Now both refuse it (exit code 2) and
    store no edit and no run."""
    from tests.pg import move_to
    from tests.synthesis_data import demo_copy
    from workbench.analysis.needs import runs
    from workbench.store import NeedEdit

    project = move_to(demo_copy(tmp_path_factory, tmp_path / "demo"), db_url)
    before = len(runs(project))
    cli = ["--project", str(project.path), "cluster", "rename", "1", "--label", "Neuer Name"]
    assert main([*cli, "--author", "A" * 101]) == 2
    err = capsys.readouterr().err
    assert "Der Name der Autor*in 'AAAA" in err and "ist zu lang (höchstens 100 Zeichen)" in err
    assert "Traceback" not in err
    assert len(runs(project)) == before
    with project.session() as s:
        assert s.scalar(select(NeedEdit.id)) is None
    assert main([*cli, "--author", " Anna "]) == 0
    with project.session() as s:
        assert s.scalar(select(NeedEdit.author)) == "Anna"
    project.close()


@pytest.mark.backends
def test_a_cluster_name_too_long_for_a_recommendation_link_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    db_url: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """cluster rename --label of 600 characters was accepted (kept in the run's JSON);
    linking the cluster to a recommendation then stopped on PostgreSQL with a traceback
    (recommendation_needs.label holds 500). Now the name is refused as typed, exit 2."""
    from tests.pg import move_to
    from tests.synthesis_data import demo_copy

    project = move_to(demo_copy(tmp_path_factory, tmp_path / "demo"), db_url)
    folder = str(project.path)
    project.close()
    cli = ["--project", folder]
    rename = [*cli, "cluster", "rename", "1", "--label"]
    assert main([*rename, "Bänke " * 100]) == 2
    err = capsys.readouterr().err
    assert "Der neue Name ist zu lang (599 Zeichen, höchstens 500)" in err
    assert "Traceback" not in err
    assert main([*rename, "B" * 500]) == 0
    assert main([*cli, "recommend", "add", "Mehr Bänke am Markt"]) == 0
    assert main([*cli, "recommend", "link", "1", "--cluster", "1"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    with Project.open(folder) as project, project.session() as s:
        assert s.scalar(select(RecommendationNeed.label)) == "B" * 500


@pytest.mark.backends
def test_a_long_question_a_table_stored_cut_at_its_end_is_found_again(
    project: Project, tmp_path: Path
) -> None:
    """Before today every importer cut alike, a table stored a long question cut at its end
    ("…Stadtteilkonfe…"); the same survey's next wave, imported today, stored it cut in
    the middle: one question, two labels. The old label is renamed to today's."""
    question = f"{LONG}?"
    first, second = tmp_path / "welle1.csv", tmp_path / "welle2.csv"
    first.write_text("ID;Text;Leitfrage\n1;Mehr Licht;Was fehlt?\n")
    second.write_text(f"ID;Text;Leitfrage\n1;Mehr Bänke;{question}\n")
    command = ["--project", str(project.path), "import", "--district", "Manfort"]
    assert main([*command, str(first), "--question-column", "Leitfrage"]) == 0
    with project.transaction() as s:  # as a table's import stored it before
        s.execute(update(Segment).values(question=f"{question[:299].rstrip()}…"))
    assert main([*command, str(second), "--question-column", "Leitfrage"]) == 0
    segments = project.segments().sort_values("segment_id")
    assert segments["question"].tolist() == [f"{LONG[:259]}…{LONG[-39:]}?"] * 2


def test_the_same_long_workshop_again_is_no_other_option(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file imported again with the --workshop of its first import is told nothing; with
    a name over 300 characters (stored shortened) the import said the option acts only on
    new files and the same file with other options needs a new project."""
    table = tmp_path / "karten.csv"
    table.write_text("ID;Text\n1;Mehr Bänke\n")
    command = ["--project", str(project.path), "import", str(table), "--district", "Manfort"]
    assert main([*command, "--workshop", f"{LONG} Teil 1"]) == 0
    capsys.readouterr()
    assert main([*command, "--workshop", f"{LONG} Teil 1"]) == 0
    out = capsys.readouterr().out
    assert "bereits importiert" in out and "wirken nur auf Dateien" not in out
    assert main([*command, "--workshop", f"{LONG} Teil 2"]) == 0  # another: said
    assert "Die Optionen dieses Aufrufs (--workshop) wirken nur" in capsys.readouterr().out


def test_workshop_key_doctests() -> None:
    import doctest

    import workbench.store.workshop_keys

    result = doctest.testmod(workbench.store.workshop_keys)
    assert result.attempted > 0 and result.failed == 0
