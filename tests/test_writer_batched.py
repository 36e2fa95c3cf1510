"""A table's statements, their key spans and codings go into the store in batches: the
number of flushes and SQL statements of an import does not grow with its rows (session 43:
a flush and a query of the erasure log per row that named someone or had a code, ≈ 12 %
of a 5,000-row import), and the stored rows are the ones a row-by-row writer stored."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from workbench import Project
from workbench.ingest.table_mapping import TableMapping
from workbench.store import Code, Coding, PseudonymSpan, Segment

PEOPLE = ("Greta Wagner", "Jonas Tjaden", "Ayşe Yilmaz", "Maria Becker")
CODES = ("Themen/Wohnen", "Bedarf", "Themen/Mobilität/ÖPNV")
MAPPING = TableMapping(
    text_column="Text", id_column="ID", role_column="Rolle", code_column="Code", coder="A"
)


def _table(path: Path, rows: int) -> Path:
    """A coded table: every third row names a person, most rows have one or two codes."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["ID", "Rolle", "Text", "Code"])
        for i in range(rows):
            text = f"Karte {i}: Mehr Bänke am Markt."
            if i % 3 == 0:
                text += f" Das sagt auch {PEOPLE[i % 4]}."
            codes = "; ".join(CODES[: i % 4])
            out.writerow([f"R{i}", "Anwohnerin" if i % 2 else "Jugendarbeit", text, codes])
    return path


def _import_counted(project: Project, table: Path) -> tuple[int, int, int]:
    """Import ``table``; the flushes, the queries (not INSERTs) and the INSERTs it took."""
    flushes: list[int] = []
    statements: list[str] = []

    def flushed(session: Session, context: object) -> None:
        flushes.append(1)

    def executed(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement.lstrip().upper())

    event.listen(Session, "after_flush", flushed)
    event.listen(project.engine, "before_cursor_execute", executed)
    try:
        project.import_files([table], mapping=MAPPING, district="Manfort")
    finally:
        event.remove(Session, "after_flush", flushed)
        event.remove(project.engine, "before_cursor_execute", executed)
    inserts = sum(s.startswith("INSERT") for s in statements)
    return len(flushes), len(statements) - inserts, inserts


@pytest.mark.backends
def test_a_coded_table_with_names_is_written_without_a_flush_per_row(
    project: Project, tmp_path: Path, db_backend: str, request: pytest.FixtureRequest
) -> None:
    small = _import_counted(project, _table(tmp_path / "klein.csv", 100))
    other = None if db_backend == "sqlite" else request.getfixturevalue("pg_server").new_database()
    with Project.create(tmp_path / "zweites", db_url=other, districts=["Manfort"]) as p:
        big = _import_counted(p, _table(tmp_path / "gross.csv", 200))
    # twice the rows (33 more named, 75 more coded): not one flush or query more
    assert big[:2] == small[:2], (small, big)
    if db_backend != "sqlite":  # PostgreSQL inserts many rows at once (SQLite row by row)
        assert big[2] == small[2], (small, big)


@pytest.mark.backends
def test_a_batched_table_stores_its_rows_in_order_with_their_spans_and_codings(
    project: Project, tmp_path: Path
) -> None:
    project.import_files([_table(tmp_path / "k.csv", 60)], mapping=MAPPING, district="Manfort")
    with project.session() as session:
        segments = session.scalars(select(Segment).order_by(Segment.id)).all()
        spans = session.scalars(select(PseudonymSpan).order_by(PseudonymSpan.id)).all()
        codings = session.scalars(select(Coding).order_by(Coding.id)).all()
        paths = dict(session.execute(select(Code.id, Code.path)).tuples().all())
        codes = [c.path for c in session.scalars(select(Code).order_by(Code.id))]
    # ids in the table's order, positions 1…60
    assert [s.source_id for s in segments] == [f"R{i}" for i in range(60)]
    assert [s.position for s in segments] == list(range(1, 61))
    # one span per named row, on its statement, in order, where the placeholder stands
    by_id = {s.id: s for s in segments}
    assert [by_id[s.segment_id].source_id for s in spans] == [f"R{i}" for i in range(0, 60, 3)]
    for span in spans:
        assert by_id[span.segment_id].text[span.start : span.end].startswith("[Person ")
        assert span.original in PEOPLE
    # each row's codes on it, whole, in the rows' order; codes numbered as first met
    expected = [(f"R{i}", path) for i in range(60) for path in CODES[: i % 4]]
    assert [(by_id[c.segment_id].source_id, paths[c.code_id]) for c in codings] == expected
    assert all(
        (c.start, c.end, c.coder) == (0, len(by_id[c.segment_id].text), "A") for c in codings
    )
    assert codes == ["Themen", "Themen/Wohnen", "Bedarf", "Themen/Mobilität", CODES[2]]
