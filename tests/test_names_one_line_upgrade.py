"""Projects of an older workbench: stored names with control characters (migration 0009).

Decisions 017 and 019 store names on one line at import; a project written before kept
"Manfort⏎", "Wohnen⏎" or "Protokoll⏎Anna Schmidt.md" as stored, and every report and
export showed them so. ``workbench upgrade`` now rewrites them as an import stores them:
two names that then read the same are merged (and said so) where they are the same thing,
kept apart with " (2)" where they are not; a person the old version missed behind a
control character in a document's name is pseudonymised; a failed upgrade changes nothing.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError

from workbench.cli.main import main
from workbench.coding.records import check_path
from workbench.core.typed_text import NOT_IN_LABEL
from workbench.ingest import old_names
from workbench.project import Project
from workbench.store import Code, Document, Segment, Wave, Workshop, make_engine
from workbench.store.waves import clean_label

CONTROL = "\n\r\t\x00\x1b\x85\u2028"


def _write_cards(path: Path, workshop: str, district: str, texts: list[str]) -> Path:
    rows = [["Karten-ID", "Workshop", "Sozialraum", "Leitfrage", "Rolle", "Text"]]
    rows += [
        [f"K{n}", workshop, district, "Was fehlt?", "Anwohnerin", t] for n, t in enumerate(texts)
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def _import_cards(project: list[str], cards: Path, wave: str) -> int:
    """``workbench import`` of a card table with its workshop and district columns."""
    columns = ["--workshop-column", "Workshop", "--district-column", "Sozialraum"]
    return main([*project, "import", str(cards), *columns, "--wave", wave])


def revision_0009() -> object:
    """Migration 0009 as a module (its helpers are compared with the live rules)."""
    import importlib.util

    from workbench.store.migrate import MIGRATIONS

    file = MIGRATIONS / "versions" / "0009_names_on_one_line.py"
    spec = importlib.util.spec_from_file_location("revision_0009", file)
    assert spec is not None and spec.loader is not None
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    return revision


def _at(project: Project, revision: str) -> None:
    """Set the project's revision outside its own sessions (they refuse a changed schema)."""
    engine = make_engine(project.db_url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
    engine.dispose()


def _old_project(tmp_path: Path, db_url: str | None = None) -> Path:
    """A project as a workbench before 0009 left it: names with control characters."""
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=db_url, districts=["Manfort", "Wiesdorf"]).close()
    p = ["--project", str(folder)]
    protocol = tmp_path / "protokoll.md"
    protocol.write_text(
        "# Protokoll\n\n## Was fehlt?\n\n- Anna Schmidt sagte, der Spielplatz ist kaputt.\n"
        "- Mehr Bänke am Marktplatz.\n",
        encoding="utf-8",
    )
    assert (
        main(
            [
                *p,
                "import",
                str(protocol),
                "--district",
                "Manfort",
                "--workshop",
                "Werkstatt",
                "--wave",
                "2020/21",
            ]
        )
        == 0
    )
    cards = _write_cards(
        tmp_path / "a.csv", "Werkstatt X", "Manfort", ["Mehr Licht im Park.", "Ein Café fehlt."]
    )
    assert _import_cards(p, cards, "2020/21") == 0
    cards = _write_cards(tmp_path / "b.csv", "Werkstatt Y", "Wiesdorf", ["Der Bus fährt selten."])
    assert _import_cards(p, cards, "2022") == 0
    for code in ("Wohnen", "Wohnen X", "Wohnen X/Miete", "Bedarf"):
        assert main([*p, "codebook", "add", code]) == 0
    assert main([*p, "code", "1", "Wohnen", "--coder", "anna"]) == 0
    assert main([*p, "code", "2", "Wohnen", "--coder", "anna"]) == 0
    assert main([*p, "code", "2", "Wohnen X", "--coder", "anna"]) == 0  # the same coding twice
    assert main([*p, "code", "3", "Wohnen X", "--coder", "ben"]) == 0
    assert main([*p, "code", "3", "Wohnen X/Miete", "--coder", "ben"]) == 0
    with Project.open(folder) as project, project.transaction() as s:
        # what an older version stored: the one-line names above with control characters
        s.execute(update(Workshop).where(Workshop.name == "Werkstatt X").values(name="Werkstatt\n"))
        s.execute(update(Workshop).where(Workshop.name == "Werkstatt Y").values(name="Werkstatt\t"))
        s.add(Wave(label="2020/21\u2028", position=9))  # the same wave, an older spelling
        s.flush()
        older = s.scalar(select(Wave.id).where(Wave.position == 9))
        s.execute(update(Workshop).where(Workshop.name == "Werkstatt\n").values(wave_id=older))
        s.execute(
            update(Code).where(Code.path == "Wohnen X").values(path="Wohnen\n", name="Wohnen\n")
        )
        s.execute(update(Code).where(Code.path == "Wohnen X/Miete").values(path="Wohnen\n/Miete"))
        s.execute(
            update(Code).where(Code.path == "Bedarf").values(path="Be\x1bdarf", name="Be\x1bdarf")
        )
        s.execute(update(Segment).values(question="Was\r\nfehlt?", speaker_role="Anwohner\tin"))
        s.execute(
            update(Document)
            .where(Document.filename == "protokoll.md")
            .values(filename="Protokoll\nAnna Schmidt.md")
        )
    _at(Project.open(folder), "0008")
    return folder


@pytest.mark.backends
def test_upgrade_makes_old_names_one_line_merges_what_is_one_and_hides_the_person(
    tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _old_project(tmp_path, db_url)
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Schmidt" not in out and "Anna" not in out
    assert "Code „Wohnen“: zwei Schreibweisen zusammengeführt" in out
    assert "1 Kodierung(en) übernommen, 1 gleiche nur einmal" in out
    assert "Workshop „Werkstatt“: zwei Schreibweisen zusammengeführt" in out
    assert "nicht zusammengeführt, er heißt jetzt „Werkstatt (2)“" in out
    assert "Welle „2020/21“: zwei Schreibweisen zusammengeführt" in out
    with Project.open(folder) as project:
        with project.session() as s:
            names = [
                *s.scalars(select(Workshop.name)),
                *s.scalars(select(Wave.label)),
                *s.scalars(select(Code.path)),
                *s.scalars(select(Document.filename)),
            ]
            assert not [n for n in names if NOT_IN_LABEL.search(n)]
            (filename,) = s.scalars(
                select(Document.filename).where(Document.importer == "markdown")
            )
            assert "Schmidt" not in filename and "[Person" in filename
            assert filename.startswith("Protokoll ")
            miete = s.scalar(select(Code).where(Code.path == "Wohnen/Miete"))
            wohnen = s.scalar(select(Code).where(Code.path == "Wohnen"))
            assert miete is not None and miete.parent_id == wohnen.id
            assert s.scalar(select(Code.path).where(Code.name == "Bedarf")) == "Bedarf"
        workshops = project.workshops().set_index("workshop")
        assert sorted(workshops.index) == ["Werkstatt", "Werkstatt (2)"]
        assert workshops.loc["Werkstatt (2)", "district"] == "Wiesdorf"
        segments = project.segments()
        assert set(segments["question"]) == {"Was fehlt?"}
        assert set(segments["speaker_role"]) == {"Anwohner in"}
        codings = project.codings()
        # no coding lost: anna's on 1 and 2 (one was there twice), ben's two on 3
        assert sorted(
            zip(codings["segment_id"], codings["code"], codings["coder"], strict=True)
        ) == [
            (1, "Wohnen", "anna"),
            (2, "Wohnen", "anna"),
            (3, "Wohnen", "ben"),
            (3, "Wohnen/Miete", "ben"),
        ]
    # a new import of the same workshop finds it; the same code is no twin
    more = _write_cards(tmp_path / "c.csv", "Werkstatt", "Manfort", ["Ein Kiosk wäre gut."])
    p = ["--project", str(folder)]
    assert _import_cards(p, more, "2020/21") == 0
    assert main([*p, "codebook", "add", "Wohnen"]) == 2
    with Project.open(folder) as project:
        assert sorted(project.workshops()["workshop"]) == ["Werkstatt", "Werkstatt (2)"]
    # the REFI-QDA export shows one-line names
    capsys.readouterr()
    qdpx = tmp_path / "export.qdpx"
    assert main([*p, "export", str(qdpx)]) == 0, capsys.readouterr().err
    with zipfile.ZipFile(qdpx) as archive:
        xml = archive.read("project.qde").decode("utf-8")
    assert "Schmidt" not in xml and "Wohnen&#10;" not in xml and "Wohnen\n" not in xml
    assert not any(c in xml for c in "\x00\x1b\u2028")


@pytest.mark.backends
def test_a_failed_upgrade_leaves_the_project_as_it_was(
    tmp_path: Path,
    db_url: str | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _old_project(tmp_path, db_url)

    def broken(session: object) -> None:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(old_names.Pseudonymiser, "of_project", broken)
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "Nichts wurde geändert" in err and "Traceback" not in err
    monkeypatch.undo()
    engine = make_engine(_url(folder))
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0008"
        )
        names = set(connection.execute(text("SELECT name FROM workshops")).scalars())
        assert names == {"Werkstatt", "Werkstatt\n", "Werkstatt\t"}
        assert connection.execute(text("SELECT count(*) FROM codes")).scalar() == 4
        files = set(connection.execute(text("SELECT filename FROM documents")).scalars())
        assert "Protokoll\nAnna Schmidt.md" in files
    engine.dispose()


def _url(folder: Path) -> str:
    from workbench.project import database_url, read_config

    return database_url(folder, read_config(folder))


# -- the rule is the import's -----------------------------------------------------------
BLIND = (
    [f"Wohn{c}en" for c in CONTROL]
    + [f" Be{c}{c}darf {c}" for c in CONTROL]
    + [f"Treff{c}punkt/Jugend{c}" for c in CONTROL]
)
MUST_STAY = ["Wohnen  und Leben", "Bücherei", "Café (Bus∕Bahn)", "Kita\xa0Leitung", "Wünsche 🏘️"]


def test_the_revision_writes_code_paths_and_waves_as_the_commands_do() -> None:
    """0009 imports the rules; its code-path and wave helpers equal check_path/clean_label."""
    revision = revision_0009()
    for name in BLIND + MUST_STAY:
        assert revision.line_code_path(name) == check_path(name)
        assert revision._wave_label(name) == clean_label(name)
    assert revision.REPORT_KEY == old_names.REPORT_KEY


def test_blind_set_old_names_one_line_and_ordinary_names_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blind set: every stored code and workshop name with a control character is one
    line after the upgrade; no ordinary name changes (over-replacement counts too)."""
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=None, districts=["Manfort"]).close()
    p = ["--project", str(folder)]
    ordinary = list(MUST_STAY)
    for n in range(len(BLIND + ordinary)):
        assert main([*p, "codebook", "add", f"Platz{n}"]) == 0
    with Project.open(folder) as project, project.transaction() as s:
        for n, name in enumerate(BLIND + ordinary):
            s.execute(
                update(Code)
                .where(Code.path == f"Platz{n}")
                .values(path=f"{n} {name}", name=f"{n} {name}")
            )
    _at(Project.open(folder), "0008")
    assert main([*p, "upgrade"]) == 0
    with Project.open(folder) as project, project.session() as s:
        stored = dict(s.execute(select(Code.id, Code.path)).tuples().all())
    fixed = sum(not NOT_IN_LABEL.search(stored[n + 1]) for n in range(len(BLIND)))
    kept = sum(
        stored[len(BLIND) + n + 1] == f"{len(BLIND) + n} {name}" for n, name in enumerate(ordinary)
    )
    print(f"blind: {fixed}/{len(BLIND)} one line, {kept}/{len(ordinary)} ordinary unchanged")
    assert (fixed, kept) == (len(BLIND), len(ordinary))
