"""An import that learns a name edits the stored statements that still show it once per
document: one pass over its text, the later statements moved once, codings of several
coders and the key's spans kept in place (benchmarks/stored_reread.py: 45 s for 2,000 of
20,000 statements one by one)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event, select

from workbench import Project
from workbench.ingest.table_mapping import TableMapping
from workbench.store import Document, PseudonymSpan, Segment

LEARNS = """---
workshop: Forum Nord
district: Manfort
---

# Protokoll

## Herausforderungen

- Herr Jens Krause kommt zum nächsten Treffen.
"""


def _survey(project: Project, tmp_path: Path, rows: list[str]) -> None:
    source = tmp_path / "umfrage.csv"
    pd.DataFrame({"ID": range(len(rows)), "Text": rows}).to_csv(source, sep=";", index=False)
    mapping = TableMapping(text_column="Text", id_column="ID")
    project.import_files([source], mapping=mapping, district="Manfort")


@pytest.mark.backends
def test_many_statements_of_one_document_are_edited_in_one_pass(
    project: Project, tmp_path: Path
) -> None:
    rows = [
        f"Karte {i}: Krause hat recht, mehr Bänke." if i % 3 == 0 else f"Karte {i}: Mehr Licht."
        for i in range(30)
    ]
    _survey(project, tmp_path, rows)
    project.add_code("Wunsch")
    segments = project.segments().sort_values("segment_id")
    coded = {}
    for row in segments.itertuples():
        at = row.text.find("mehr Bänke")
        if at < 0:
            at = row.text.find("Mehr Licht")
        for coder in ("anna", "ben"):
            project.code_segment(int(row.segment_id), "Wunsch", coder, start=at, end=at + 10)
        coded[int(row.segment_id)] = row.text[at : at + 10]
    written: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("UPDATE DOCUMENTS"):
            written.append(statement)

    event.listen(project.engine, "before_cursor_execute", count)
    try:
        protocol = tmp_path / "nord.md"
        protocol.write_text(LEARNS, encoding="utf-8")
        project.import_files([protocol])
    finally:
        event.remove(project.engine, "before_cursor_execute", count)
    # the survey's text written once, not once per statement that named Krause
    assert len(written) <= 2, len(written)
    texts = project.segments().sort_values("segment_id")["text"].tolist()
    assert texts[:3] == [
        "Karte 0: [Person 1] hat recht, mehr Bänke.",
        "Karte 1: Mehr Licht.",
        "Karte 2: Mehr Licht.",
    ]
    with project.session() as session:
        documents = {d.id: d.text for d in session.scalars(select(Document))}
        for segment in session.scalars(select(Segment)):
            assert documents[segment.document_id][segment.start : segment.end] == segment.text
        spans = session.scalars(select(PseudonymSpan)).all()
        texts_by_id = dict(session.execute(select(Segment.id, Segment.text)).tuples().all())
        for span in spans:
            assert texts_by_id[span.segment_id][span.start : span.end] == "[Person 1]"
    assert "Krause" not in next(iter(documents.values()))
    codings = project.codings()
    assert len(codings) == 60
    for coding in codings.itertuples():
        text = texts_by_id[int(coding.segment_id)]
        assert text[coding.start : coding.end] == coded[int(coding.segment_id)]
