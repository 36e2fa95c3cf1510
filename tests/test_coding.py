"""Coding: codebook operations, code/uncode per coder, undo, memos, YAML export, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event, select

from tests.coding_data import CODEBOOK, cards_project
from workbench import InputError, Project, WorkbenchError
from workbench.cli.main import main
from workbench.coding.codebook import read_codebook_yaml
from workbench.coding.records import read_codebook
from workbench.store import Coding
from workbench.store.erasure import forget


@pytest.fixture
def cards(project: Project, tmp_path: Path) -> dict[str, int]:
    """The project fixture with six cards and a small codebook; segment ids by card."""
    return cards_project(project, tmp_path)


def _state(project: Project) -> pd.DataFrame:
    """Every stored coding, with its id, time and origin (what undo must restore)."""
    with project.session() as s:
        rows = [
            (c.id, c.segment_id, c.code_id, c.coder, c.start, c.end, c.created_at, c.origin)
            for c in s.scalars(select(Coding).order_by(Coding.id))
        ]
    columns = ["id", "seg", "code", "coder", "start", "end", "at", "origin"]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _pairs(project: Project) -> list[tuple[str, str, str]]:
    c = project.codings()
    return sorted(zip(c["source_id"], c["code"], c["coder"], strict=True))


# -- codebook operations ----------------------------------------------------------------
@pytest.mark.backends
def test_rename_and_move_keep_codings_and_rename_descendants(
    project: Project, cards: dict[str, int]
) -> None:
    project.code_segment(cards["K4"], "Themen/Wohnen", "A")
    project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A", start=19, end=23)
    project.add_memo("Abgrenzung zu Armut klären", "A", code="Themen/Wohnen")

    assert project.rename_code("Themen", "Inhalte") == "Inhalte"
    assert _pairs(project) == [
        ("K1", "Inhalte/Digitale Teilhabe", "A"),
        ("K4", "Inhalte/Wohnen", "A"),
    ]
    assert project.move_code("Inhalte/Wohnen", "Bedarf") == "Bedarf/Wohnen"
    assert project.move_code("Inhalte/Digitale Teilhabe", None) == "Digitale Teilhabe"
    assert _pairs(project) == [("K1", "Digitale Teilhabe", "A"), ("K4", "Bedarf/Wohnen", "A")]
    codes = project.codes().set_index("path")
    assert codes.loc["Bedarf/Wohnen", "parent"] == "Bedarf"
    assert pd.isna(codes.loc["Digitale Teilhabe", "parent"])
    # The span and the code memo stay attached.
    span = project.codings().set_index("code").loc["Digitale Teilhabe"]
    assert (span["start"], span["end"]) == (19, 23)
    memo = project.memos().iloc[0]
    assert memo["target_id"] == codes.loc["Bedarf/Wohnen", "code_id"]


def test_codebook_operations_refuse_conflicts(project: Project, cards: dict[str, int]) -> None:
    with pytest.raises(InputError, match="'Bedarf' gibt es schon"):
        project.rename_code("Ressource", "Bedarf")
    with pytest.raises(InputError, match="'Themen/Wohnen' gibt es schon"):
        project.add_code("Themen/Wohnen")
    with pytest.raises(InputError, match="Obercode 'Orte' gibt es nicht"):
        project.add_code("Orte/Spielplatz")
    with pytest.raises(InputError, match="unter sich selbst"):
        project.move_code("Themen", "Themen/Wohnen")
    with pytest.raises(InputError, match="darf kein '/' enthalten"):
        project.rename_code("Bedarf", "Bedarf/neu")
    with pytest.raises(InputError, match="'Themen/Nix' steht nicht im Codebuch"):
        project.rename_code("Themen/Nix", "Etwas")
    project.add_code("Themen/Wohnen/Miete")
    project.add_code("Wohnen")
    with pytest.raises(InputError, match="'Wohnen' gibt es schon"):
        project.move_code("Themen/Wohnen", None)
    assert {"Themen/Wohnen/Miete", "Wohnen"} <= set(project.codes()["path"])


def test_update_code_fields_and_colours(project: Project, cards: dict[str, int]) -> None:
    project.update_code("Bedarf", description="Neu", example="Beispiel", colour="#ABC")
    spec = next(s for s in project.codebook() if s.path == "Bedarf")
    assert (spec.description, spec.example, spec.colour) == ("Neu", "Beispiel", "#aabbcc")
    project.update_code("Bedarf", colour="")
    assert next(s for s in project.codebook() if s.path == "Bedarf").colour is None
    with pytest.raises(InputError, match="Farbe 'rot' ist ungültig"):
        project.update_code("Bedarf", colour="rot")


@pytest.mark.backends
def test_delete_with_codings_needs_force(project: Project, cards: dict[str, int]) -> None:
    project.code_segment(cards["K4"], "Themen/Wohnen", "A")
    project.code_segment(cards["K4"], "Themen/Wohnen", "B", start=0, end=9)
    project.code_segment(cards["K4"], "Herausforderung", "A")
    project.add_memo("Memo am Code", "A", code="Themen/Wohnen")
    # The parent has no codings of its own, but a subcode has.
    with pytest.raises(WorkbenchError, match=r"'Themen' .* hat 2 Kodierungen.*force"):
        project.delete_code("Themen")
    assert len(project.codings()) == 3
    assert project.delete_code("Themen", force=True) == 2
    assert _pairs(project) == [("K4", "Herausforderung", "A")]
    assert not any(p.startswith("Themen") for p in project.codes()["path"])
    assert project.memos().empty
    # A code without codings goes without force; undo skips the deleted code's history.
    assert project.delete_code("Ressource") == 0
    assert project.undo("B") == 0
    assert project.undo("A") == 1
    assert project.codings().empty


def test_delete_does_not_silently_remove_memos_on_the_code(
    project: Project, cards: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code nobody applied yet may carry the team's notes: deleting it asks for --force
    and says how many memos went with it."""
    project.add_memo("Abgrenzung zu Armut: nur Wohnkosten", "A", code="Themen/Wohnen")
    project.add_memo("Offen: Internet zählt dazu?", "B", code="Themen/Digitale Teilhabe")
    project.add_memo("Memo zur Aussage bleibt", "A", segment=cards["K4"])
    with pytest.raises(WorkbenchError, match=r"'Themen' \(mit Untercodes\) hat 2 Memos\..*force"):
        project.delete_code("Themen")
    assert len(project.memos()) == 3
    root = ["--project", str(project.path), "codebook", "delete"]
    assert main([*root, "Themen/Wohnen"]) == 2
    assert "hat 1 Memo." in capsys.readouterr().err
    assert len(project.memos()) == 3 and "Themen/Wohnen" in set(project.codes()["path"])
    project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A")
    assert main([*root, "Themen", "--force"]) == 0
    out = capsys.readouterr().out
    assert "Code 'Themen' mit Untercodes, 1 Kodierung und 2 Memos gelöscht." in out
    assert list(project.memos()["text"]) == ["Memo zur Aussage bleibt"]


def test_yaml_export_round_trips(project: Project, cards: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "codebuch.yaml"
    assert project.export_codebook(out, "yaml") == len(CODEBOOK)
    assert read_codebook_yaml(out) == project.codebook()
    assert read_codebook(out) == project.codebook()
    other = Project.create(tmp_path / "anderes")
    other.import_codes(read_codebook(out))
    assert other.codebook() == project.codebook()
    # Parents come before children, siblings by name.
    assert [s.path for s in project.codebook()] == [
        "Bedarf",
        "Herausforderung",
        "Ressource",
        "Themen",
        "Themen/Digitale Teilhabe",
        "Themen/Wohnen",
    ]
    with pytest.raises(InputError, match=r"Unbekanntes Codebuchformat '\.txt'"):
        read_codebook(tmp_path / "codebuch.txt")


def test_yaml_refuses_bad_colour(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("codes:\n  - name: Bedarf\n    colour: blau\n", encoding="utf-8")
    with pytest.raises(InputError, match="Farbe 'blau' ist ungültig"):
        read_codebook_yaml(path)


# -- coding -----------------------------------------------------------------------------
@pytest.mark.backends
def test_code_whole_segments_and_spans(project: Project, cards: dict[str, int]) -> None:
    text = project.segments().set_index("source_id").loc["K1", "text"]
    whole = project.code_segment(cards["K1"], "Herausforderung", "A")
    assert (whole.start, whole.end) == (0, len(text))
    span = project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A", start=17, end=26)
    assert text[span.start : span.end] == "kein WLAN"
    again = project.code_segment(cards["K1"], "Herausforderung", "A")
    assert again == whole  # applying twice changes nothing
    project.code_segment(cards["K1"], "Herausforderung", "B")
    assert _pairs(project) == [
        ("K1", "Herausforderung", "A"),
        ("K1", "Herausforderung", "B"),
        ("K1", "Themen/Digitale Teilhabe", "A"),
    ]
    actions = project.coding_actions("A")
    assert [(a.kind, a.items[0][0], a.items[0][3:], a.undone) for a in actions] == [
        ("code", "add", (0, len(text)), False),
        ("code", "add", (17, 26), False),
    ]
    created = project.codings()["created_at"]
    assert created.notna().all()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((999, "Bedarf", "A"), "Aussage 999 gibt es nicht"),
        ((1, "Bedarfe", "A"), "Code 'Bedarfe' steht nicht im Codebuch"),
        ((1, "Bedarf", "  "), "Kodierer\\*in fehlt"),
        ((1, "Bedarf", "A", 0, 999), r"Textstelle \[0, 999\) liegt nicht in Aussage 1"),
        ((1, "Bedarf", "A", 5, 5), r"0 ≤ Anfang < Ende"),
        ((1, "Bedarf", "A", -1, 3), r"Textstelle \[-1, 3\)"),
        ((1, "Bedarf", "A", 3, None), "Anfang und Ende"),
    ],
)
def test_coding_input_is_validated(
    project: Project, cards: dict[str, int], args: tuple, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        project.code_segment(*args)
    with pytest.raises(InputError, match=message):
        project.uncode_segment(*args)
    assert project.codings().empty
    assert project.coding_actions() == []


@pytest.mark.backends
def test_uncode_all_spans_or_one(project: Project, cards: dict[str, int]) -> None:
    seg = cards["K1"]
    project.code_segment(seg, "Themen/Digitale Teilhabe", "A", start=0, end=10)
    project.code_segment(seg, "Themen/Digitale Teilhabe", "A", start=17, end=26)
    project.code_segment(seg, "Themen/Digitale Teilhabe", "B")
    assert project.uncode_segment(seg, "Themen/Digitale Teilhabe", "A", start=0, end=10) == 1
    assert project.uncode_segment(seg, "Themen/Digitale Teilhabe", "A", start=0, end=10) == 0
    project.code_segment(seg, "Themen/Digitale Teilhabe", "A", start=0, end=10)
    assert project.uncode_segment(seg, "Themen/Digitale Teilhabe", "A") == 2
    assert _pairs(project) == [("K1", "Themen/Digitale Teilhabe", "B")]


@pytest.mark.backends
def test_undo_restores_exactly_the_previous_state_of_one_coder(
    project: Project, cards: dict[str, int]
) -> None:
    project.code_segment(cards["K1"], "Herausforderung", "A")
    project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A", start=17, end=26)
    project.code_segment(cards["K2"], "Bedarf", "A", origin="suggestion", accepted_by="C")
    before = _state(project)

    project.uncode_segment(cards["K1"], "Themen/Digitale Teilhabe", "A")  # A 1
    project.code_segment(cards["K3"], "Ressource", "B")  # B's action in between
    project.uncode_segment(cards["K2"], "Bedarf", "A")  # A 2
    project.code_segment(cards["K5"], "Bedarf", "A")  # A 3
    b_coding = _state(project).query("coder == 'B'").reset_index(drop=True)

    assert project.undo("A", n=3) == 3
    after = _state(project)
    # A's codings are exactly as before (ids, times, spans, origin); B's stay.
    pd.testing.assert_frame_equal(
        after.query("coder == 'A'").reset_index(drop=True), before.reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(after.query("coder == 'B'").reset_index(drop=True), b_coding)
    with project.session() as s:
        restored = s.scalar(select(Coding).where(Coding.segment_id == cards["K2"]))
        assert (restored.origin, restored.accepted_by) == ("suggestion", "C")
    # Undone actions are not undone twice; the earlier ones come next.
    assert project.undo("A") == 1
    assert len(_state(project).query("coder == 'A'")) == 2
    assert project.undo("A", n=10) == 2
    assert project.undo("A") == 0
    assert _pairs(project) == [("K3", "Ressource", "B")]
    with pytest.raises(InputError, match="≥ 1"):
        project.undo("A", n=0)


def test_undo_says_which_step_it_undid_when_that_is_not_the_last_one_made(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """Jürgen codes K2, then K3; K3 is erased (forget) before he undoes 'his last step'.

    The undo reaches back to K2: the coder must be told, or a coding he wanted to keep
    is gone without his knowing which."""
    project.code_segment(cards["K2"], "Bedarf", "Jürgen")
    project.code_segment(cards["K3"], "Ressource", "Jürgen", start=0, end=5)
    project.uncode_segment(cards["K1"], "Herausforderung", "Jürgen")  # nothing to remove
    forget(project, statements=(cards["K3"],), actor="Projektleitung")
    capsys.readouterr()
    assert main(["--project", str(project.path), "undo", "--coder", "Jürgen"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "1 Schritt(e) von Jürgen rückgängig gemacht.",
        f"  Aussage {cards['K2']}: 'Bedarf' [0, {len(_text(project, cards['K2']))}) entfernt",
    ]
    project.code_segment(cards["K4"], "Bedarf", "Jürgen")
    project.uncode_segment(cards["K4"], "Bedarf", "Jürgen")
    assert project.undo_steps("Jürgen") == [
        f"Aussage {cards['K4']}: 'Bedarf' [0, {len(_text(project, cards['K4']))}) wiederhergestellt"
    ]
    assert project.undo_steps("Jürgen", 5) == [
        f"Aussage {cards['K4']}: 'Bedarf' [0, {len(_text(project, cards['K4']))}) entfernt"
    ]
    assert project.undo_steps("Jürgen") == []


def _text(project: Project, segment: int) -> str:
    segments = project.segments().set_index("segment_id")
    return str(segments.loc[segment, "text"])


def test_single_coding_actions_take_a_few_queries(project: Project, cards: dict[str, int]) -> None:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(project.engine, "before_cursor_execute", count)
    try:
        project.code_segment(cards["K2"], "Bedarf", "A")
        coded = len(statements)
        statements.clear()
        project.uncode_segment(cards["K2"], "Bedarf", "A")
        uncoded = len(statements)
        statements.clear()
        project.undo("A")
        undone = len(statements)
    finally:
        event.remove(project.engine, "before_cursor_execute", count)
    # Lookups by primary key or unique index, one insert per row; nothing scans a table.
    # One of each is the commit's check of the schema's revision (SchemaGuard).
    assert coded <= 8, statements
    assert uncoded <= 8
    assert undone <= 9
    assert not any("FROM segments" in s and "WHERE" not in s for s in statements)


# -- memos ------------------------------------------------------------------------------
@pytest.mark.backends
def test_memos_on_every_target(project: Project, cards: dict[str, int]) -> None:
    project.add_memo("Projektmemo", "A")
    project.add_memo("Zur Karte", "A", segment=cards["K3"])
    project.add_memo("Zum Code", "B", code="Bedarf")
    project.add_memo("Zum Cluster", "B", cluster=4)
    memos = project.memos()
    assert memos["target_type"].tolist() == ["project", "segment", "code", "cluster"]
    assert memos["target_id"].tolist()[1:] == [
        cards["K3"],
        int(project.codes().set_index("path").loc["Bedarf", "code_id"]),
        4,
    ]
    assert pd.isna(memos["target_id"].iloc[0])
    with pytest.raises(InputError, match="Aussage 999 gibt es nicht"):
        project.add_memo("x", "A", segment=999)
    with pytest.raises(InputError, match="genau einem Ziel"):
        project.add_memo("x", "A", segment=cards["K1"], code="Bedarf")
    with pytest.raises(InputError, match="Memo ist leer"):
        project.add_memo("  ", "A")
    with pytest.raises(InputError, match="Autor\\*in fehlt"):
        project.add_memo("x", "")
    assert len(project.memos()) == 4


# -- CLI --------------------------------------------------------------------------------
CODING_COMMANDS = [
    ["code"],
    ["uncode"],
    ["undo"],
    ["memo"],
    ["codebook"],
    *[["codebook", a] for a in ("list", "add", "set", "rename", "move", "delete")],
    ["codebook", "export"],
    ["codebook", "import"],
]


@pytest.mark.parametrize("command", CODING_COMMANDS, ids=" ".join)
def test_help_for_coding_commands(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "Aufruf: workbench" in capsys.readouterr().out


@pytest.mark.backends
def test_cli_coding_round_trip(
    project: Project,
    cards: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project.path))
    seg = str(cards["K1"])
    assert main(["code", seg, "Herausforderung", "--coder", "A"]) == 0
    assert main(["code", seg, "Themen/Digitale Teilhabe", "--coder", "A", "--start", "17",
                 "--end", "26"]) == 0  # fmt: skip
    assert main(["uncode", seg, "Herausforderung", "--coder", "A"]) == 0
    assert "1 Kodierung(en) 'Herausforderung' entfernt" in capsys.readouterr().out
    assert main(["undo", "--coder", "A"]) == 0
    assert _pairs(project) == [
        ("K1", "Herausforderung", "A"),
        ("K1", "Themen/Digitale Teilhabe", "A"),
    ]
    assert main(["memo", "Unklar, ob Bedarf", "--author", "A", "--segment", seg]) == 0
    assert project.memos()["text"].tolist() == ["Unklar, ob Bedarf"]

    # Expected errors: one German line, exit 2, no traceback.
    capsys.readouterr()
    assert main(["code", seg, "Gibtsnicht", "--coder", "A"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "Fehler: Code 'Gibtsnicht' steht nicht im Codebuch."
    assert main(["codebook", "delete", "Themen"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["codebook", "delete", "Themen", "--force"]) == 0

    assert main(["codebook", "add", "Themen", "--colour", "#123456"]) == 0
    assert main(["codebook", "set", "Themen", "--description", "Inhalte"]) == 0
    assert main(["codebook", "add", "Themen/Wohnen"]) == 0
    assert main(["codebook", "rename", "Themen/Wohnen", "Wohnen und Miete"]) == 0
    capsys.readouterr()
    assert main(["codebook", "move", "Themen/Wohnen und Miete", "--under", "Bedarf"]) == 0
    said = capsys.readouterr().out
    assert "liegt jetzt unter 'Bedarf': 'Bedarf/Wohnen und Miete'" in said
    assert main(["codebook", "move", "Bedarf/Wohnen und Miete", "--top"]) == 0
    said = capsys.readouterr().out
    assert "liegt jetzt auf der obersten Ebene: 'Wohnen und Miete'" in said
    assert main(["codebook", "move", "Wohnen und Miete", "--under", "Bedarf"]) == 0
    out = tmp_path / "cb.yaml"
    assert main(["codebook", "export", "--format", "yaml", str(out)]) == 0
    paths = [s.path for s in read_codebook_yaml(out)]
    assert "Bedarf/Wohnen und Miete" in paths
    assert "Themen" in paths
    capsys.readouterr()
    assert main(["codebook", "list"]) == 0
    assert "  Wohnen und Miete" in capsys.readouterr().out

    fresh = tmp_path / "neu"
    assert main(["init", str(fresh)]) == 0
    monkeypatch.setenv("WORKBENCH_PROJECT", str(fresh))
    assert main(["codebook", "import", str(out)]) == 0
    assert [s.path for s in Project.open(fresh).codebook()] == paths
    capsys.readouterr()
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["codes"] == len(paths)


def test_renaming_or_moving_the_need_code_warns_that_needs_reads_it(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """`needs` selects the statements coded 'Bedarf' (and its subcodes): a rename that takes
    codes out of it must say so now, not when a later `needs` fails or misses statements."""
    base = ["--project", str(project.path), "codebook"]
    for path in ("Bedarf", "Bedarf/Mobilität", "Bedarf/Wohnen", "Themen"):
        assert main([*base, "add", path]) == 0
    capsys.readouterr()
    hint = "Hinweis: Die Bedarfsanalyse (workbench needs) wählt die Aussagen mit dem Code 'Bedarf'"
    # within 'Bedarf' or outside it: nothing to say
    assert main([*base, "rename", "Bedarf/Wohnen", "Wohnen und Miete"]) == 0
    assert main([*base, "rename", "Themen", "Inhalte"]) == 0
    assert hint not in capsys.readouterr().out
    assert main([*base, "move", "Bedarf/Mobilität", "--under", "Inhalte"]) == 0
    out = capsys.readouterr().out
    assert hint in out and "die Kodierungen von 'Inhalte/Mobilität' zählen nicht mehr" in out
    assert main([*base, "rename", "Bedarf", "Bedarfe"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Code 'Bedarf' heißt jetzt 'Bedarfe'") and hint in out
    assert "workbench needs --segments all oder --question TEXT" in out


def test_undo_on_the_command_line_takes_the_coder_in_other_case(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`undo --coder anna` after Anna coded: before, '0 Schritt(e) von anna' and nothing
    undone; a name differing only in case from two coders is not guessed."""
    project.code_segment(cards["K1"], "Bedarf", "Anna")
    project.code_segment(cards["K2"], "Bedarf", "Ben")
    project.code_segment(cards["K3"], "Bedarf", "BEN")
    base = ["--project", str(project.path), "undo", "--coder"]
    assert main([*base, "anna"]) == 0
    assert capsys.readouterr().out.startswith("1 Schritt(e) von Anna rückgängig gemacht.\n")
    assert set(_state(project)["coder"]) == {"Ben", "BEN"}
    assert main([*base, "ben"]) == 2  # Ben or BEN: not guessed, both named
    assert "Kodierschritte gibt es von: Anna, BEN, Ben" in capsys.readouterr().err
    assert set(_state(project)["coder"]) == {"Ben", "BEN"}


def test_code_on_the_command_line_takes_the_coder_in_other_case(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`code 4 Bedarf --coder anna` after Anna coded made a second coder 'anna': agreement
    compared Anna with herself and listed her own statements as disagreements, and
    `uncode --coder ANNA` found nothing. Now the name is the coder's, as in undo and
    agreement; a name nobody coded under yet is said to be new (a typo?)."""
    base = ["--project", str(project.path)]
    assert main([*base, "code", str(cards["K1"]), "Bedarf", "--coder", "Anna"]) == 0
    assert "Hinweis" not in capsys.readouterr().out  # the first coder of the project
    assert main([*base, "code", str(cards["K2"]), "Bedarf", "--coder", "anna"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Aussage {cards['K2']}: 'Bedarf' von Anna [") and "Hinweis" not in out
    assert main([*base, "code", str(cards["K1"]), "Bedarf", "--coder", "Ben"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "Hinweis: die erste Kodierung von Ben in diesem Projekt (bisher kodiert haben Anna)" in out
    )
    assert "Zurücknehmen: workbench undo --coder Ben" in out
    assert sorted(set(_state(project)["coder"])) == ["Anna", "Ben"]
    assert main([*base, "uncode", str(cards["K2"]), "Bedarf", "--coder", "ANNA"]) == 0
    assert "1 Kodierung(en) 'Bedarf' entfernt" in capsys.readouterr().out
    assert sorted(_state(project)["coder"]) == ["Anna", "Ben"]  # Anna's on K2 is gone


def test_undo_for_a_coder_without_steps_says_so_and_fails(
    project: Project, cards: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`undo --coder Jrgen` (a typo) printed "0 Schritt(e) von Jrgen rückgängig gemacht."
    and exited 0: the coder believed her step undone. Now the name is refused with the
    coders who have steps; a coder whose steps are all undone is told so."""
    project.code_segment(cards["K1"], "Bedarf", "Jürgen")
    base = ["--project", str(project.path), "undo", "--coder"]
    assert main([*base, "Jrgen"]) == 2
    err = capsys.readouterr().err
    assert "--coder Jrgen" in err and "Kodierschritte gibt es von: Jürgen" in err
    assert "Traceback" not in err
    assert len(_state(project)) == 1  # nothing undone
    assert main([*base, "Jürgen"]) == 0
    capsys.readouterr()
    assert main([*base, "Jürgen"]) == 0
    assert capsys.readouterr().out == "Von Jürgen ist kein Schritt mehr rückgängig zu machen.\n"


def test_undo_for_a_coder_whose_codings_came_with_a_file_says_why(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eve's codings came with her coded table: `undo --coder eve` said only that she has
    no steps (and listed the others), while her codings were plainly there."""
    table = tmp_path / "kodiert.csv"
    table.write_text(
        "Nr;Text;Codes\n1;Kein WLAN im Jugendzentrum;Bedarf\n2;Der Bus fährt selten;Bedarf\n",
        encoding="utf-8",
    )
    base = ["--project", str(project.path)]
    assert main([*base, "import", str(table), "--text-column", "Text", "--id-column", "Nr",
                 "--code-column", "Codes", "--coder", "Eve"]) == 0  # fmt: skip
    project.code_segment(int(project.segments()["segment_id"].iloc[0]), "Bedarf", "Anna")
    capsys.readouterr()
    assert main([*base, "undo", "--coder", "eve"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Kodierschritte gibt es von: Anna" in err
    assert (
        "2 Kodierungen von Eve kamen mit einer importierten Datei: das sind keine Schritte, die "
        "undo zurücknimmt; einzeln entfernt sie workbench uncode AUSSAGE CODE --coder Eve."
    ) in err
    assert sorted(_state(project)["coder"]) == ["Anna", "Eve", "Eve"]


def test_import_of_a_coded_table_takes_the_coder_in_other_case(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import kodiert.csv --coder anna` after Anna coded here: a second coder 'anna'."""
    project.add_code("Bedarf")
    project.add_code("Ressource")
    table = tmp_path / "kodiert.csv"
    table.write_text("Nr;Text;Codes\n1;Kein WLAN;Bedarf\n2;Der Bus;Ressource\n", encoding="utf-8")
    base = ["--project", str(project.path), "import", str(table), "--text-column", "Text"]
    assert main([*base, "--id-column", "Nr", "--code-column", "Codes", "--coder", "Eve"]) == 0
    project.code_segment(int(project.segments()["segment_id"].iloc[0]), "Ressource", "Anna")
    other = tmp_path / "weitere.csv"
    other.write_text("Nr;Text;Codes\n7;Kein Treffpunkt;Bedarf\n", encoding="utf-8")
    base[3] = str(other)
    assert main([*base, "--id-column", "Nr", "--code-column", "Codes", "--coder", "anna"]) == 0
    assert sorted(set(_state(project)["coder"])) == ["Anna", "Eve"]


def test_a_hand_written_codebook_loses_no_subcodes_or_fields_silently(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Subcodes under 'codes:' (the top level's key) were dropped without a word, and so
    was a German 'beschreibung:'; now the first are read and the second is refused."""
    nested = tmp_path / "codebuch.yaml"
    nested.write_text(
        "codes:\n  - name: Bedarf\n    codes:\n      - name: Mobilität\n"
        "        description: Bus und Bahn\n  - name: Ressource\n",
        encoding="utf-8",
    )
    assert [s.path for s in read_codebook_yaml(nested)] == [
        "Bedarf", "Bedarf/Mobilität", "Ressource"
    ]  # fmt: skip
    german = tmp_path / "deutsch.yaml"
    german.write_text("codes:\n  - name: Bedarf\n    beschreibung: Was fehlt\n", encoding="utf-8")
    base = ["--project", str(project.path), "codebook", "import"]
    assert main([*base, str(german)]) == 2
    err = capsys.readouterr().err
    assert "Code 'Bedarf': unbekannter Schlüssel 'beschreibung' (erlaubt: name, description" in err
    assert "deutsch.yaml" in err and "Traceback" not in err
    assert project.codebook() == []  # nothing half-imported
    both = tmp_path / "beides.yaml"
    both.write_text(
        "codes:\n  - name: A\n    children: [{name: B}]\n    codes: [{name: C}]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="entweder unter 'children' oder unter 'codes'"):
        read_codebook_yaml(both)
