"""``forget`` of many statements at once (workbench/store/text_edits.py ``cut_segments``):
the documents keep exactly the other statements, at their offsets, and the cut costs one
pass per document (benchmarks/erasure.py times it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event, select

from workbench import Project
from workbench.ingest.table_mapping import TableMapping
from workbench.store import Document, Segment, erasure


def _survey(project: Project, folder: Path, name: str, cards: int) -> None:
    """Import ``cards`` cards of different lengths as the survey ``name`` (its own texts:
    a second file of the same rows would be an earlier download of the first)."""
    rows = [f"Karte {i} aus {name}: mehr Bänke{' am Platz' * (i % 4)}." for i in range(cards)]
    source = folder / name
    pd.DataFrame({"ID": range(cards), "Text": rows}).to_csv(source, sep=";", index=False)
    mapping = TableMapping(text_column="Text", id_column="ID")
    project.import_files([source], mapping=mapping, district="Manfort")


@pytest.mark.backends
def test_forgetting_many_statements_keeps_the_others_in_place_and_is_one_pass(
    project: Project, tmp_path: Path
) -> None:
    """Forgetting 1,000 statements of a survey took ~40 s to minutes: each one moved
    every later statement of its document with an UPDATE of its own."""
    _survey(project, tmp_path, "a.csv", 60)
    _survey(project, tmp_path, "b.csv", 30)
    segments = project.segments()
    ids = segments["segment_id"].tolist()
    erased = set(ids[::3]) | {ids[59], ids[-1], ids[60]}  # first, last, both documents
    updates: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE SEGMENTS"):
            updates.append(statement)

    event.listen(project.engine, "before_cursor_execute", count)
    try:
        report = erasure.forget(project, statements=tuple(sorted(erased)), actor="Forschung")
    finally:
        event.remove(project.engine, "before_cursor_execute", count)

    assert report.counts["statements"] == len(erased)
    assert len(updates) <= 2  # one per document, not one per erased statement
    kept = segments[~segments["segment_id"].isin(erased)]
    with project.session() as session:
        texts = dict(session.execute(select(Document.filename, Document.text)).tuples().all())
        stored = session.execute(
            select(Segment.id, Segment.document_id, Segment.start, Segment.end, Segment.text)
        ).all()
        names = dict(session.execute(select(Document.id, Document.filename)).tuples().all())
    assert {row.id for row in stored} == set(kept["segment_id"])
    for row in stored:  # every offset points at the statement's own text
        assert texts[names[row.document_id]][row.start : row.end] == row.text
    for name in ("a.csv", "b.csv"):  # nothing of the erased texts is left in the documents
        own = kept.loc[kept["document"] == name, "text"].tolist()
        assert texts[name].strip("\n") == "\n\n".join(own)


def test_forget_sends_as_many_queries_for_sixty_statements_as_for_five(
    project: Project, tmp_path: Path
) -> None:
    """Each erased statement cost queries of its own (reading it, moving the others):
    forget of 2,000 of 20,000 statements took 6.5 s, of which 2.2 s reading them one by one."""
    _survey(project, tmp_path, "a.csv", 120)
    ids = project.segments()["segment_id"].tolist()
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    def queries(erased: list[int]) -> int:
        sent.clear()
        event.listen(project.engine, "before_cursor_execute", count)
        try:
            erasure.forget(project, statements=tuple(erased), actor="Forschung")
        finally:
            event.remove(project.engine, "before_cursor_execute", count)
        return len(sent)

    few, many = queries(ids[:5]), queries(ids[10:70])
    assert many <= few + 5, (few, many)


def test_forget_with_the_statement_option_given_twice_erases_both(tmp_path: Path) -> None:
    """`forget --statement 3 --statement 7` erased only 7 and reported one statement."""
    from workbench.cli.main import main

    folder = tmp_path / "projekt"
    with Project.create(folder, districts=["Manfort"]) as project:
        _survey(project, tmp_path, "a.csv", 5)
        first, _, third, *_ = project.segments()["segment_id"].tolist()
    args = ["--project", str(folder), "forget", "--statement", str(first)]
    assert main([*args, "--statement", str(third)]) == 0
    with Project.open(folder) as project:
        left = set(project.segments()["segment_id"])
    assert first not in left and third not in left and len(left) == 3


def test_forget_with_a_person_or_source_option_given_twice_erases_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`forget --source 1 --source 2` (or --speaker, --person, --token twice) erased only
    the last one named and said nothing of the first."""
    from workbench.cli.main import main

    folder = tmp_path / "projekt"
    with Project.create(folder, districts=["Manfort"]) as project:
        _survey(project, tmp_path, "a.csv", 5)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["--project", str(folder), "forget", "--source", "1", "--source", "2"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--source: nur einmal angeben" in err and "Traceback" not in err
    with Project.open(folder) as project:
        assert len(project.segments()) == 5


def test_statements_whose_offsets_are_off_leave_the_document_each_at_its_own_place(
    project: Project, tmp_path: Path
) -> None:
    """Where a statement's offsets do not point at its text, the cut looks for the text:
    two erased "Mehr Bänke." were both found at the first copy in the document, it was cut
    once, the second erased copy stayed in the text (and in a REFI-QDA export of it), and
    the statements after it pointed at the wrong words."""
    rows = ["Mehr Bänke.", "Licht fehlt.", "Mehr Bänke.", "Karte vier.", "Mehr Bänke."]
    rows += ["Karte sechs.", "Mehr Bänke.", "Karte acht."]
    source = tmp_path / "karten.csv"
    pd.DataFrame({"ID": range(len(rows)), "Text": rows}).to_csv(source, sep=";", index=False)
    mapping = TableMapping(text_column="Text", id_column="ID")
    project.import_files([source], mapping=mapping, district="Manfort")
    ids = project.segments()["segment_id"].tolist()
    with project.transaction() as session:  # as a project of an older version may have them
        for off in (ids[4], ids[6]):
            segment = session.get(Segment, off)
            segment.start, segment.end = segment.start + 2, segment.end + 2
    erasure.forget(project, statements=(ids[2], ids[4], ids[6]), actor="Forschung")
    with project.session() as session:
        text = session.scalars(select(Document.text)).one()
        stored = session.execute(select(Segment.start, Segment.end, Segment.text)).all()
    assert text.strip("\n") == "\n\n".join([*rows[:2], rows[3], rows[5], rows[7]])
    for start, end, own in stored:
        assert text[start:end] == own
