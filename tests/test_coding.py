"""Coding: codebook operations, code/uncode per coder, undo, memos, YAML export (the
command line: test_coding_cli)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event, select

from tests.coding_data import CODEBOOK, _pairs, _state
from workbench import InputError, Project, WorkbenchError
from workbench.cli.main import main
from workbench.coding.codebook import read_codebook_yaml
from workbench.coding.records import read_codebook
from workbench.store import Coding
from workbench.store.erasure import forget


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
