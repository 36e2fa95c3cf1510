"""A long Word file (a 3-hour transcript, a 150-page protocol: thousands of paragraphs) is
read in about the time of its text: python-docx looks each paragraph's style up among all
the document's styles, ~1 ms a paragraph (6,000 paragraphs: 6 s of CPU). Every paragraph
of one style ID has the same style, so it is looked up once per ID."""

from __future__ import annotations

import time
from pathlib import Path

import docx

from workbench.ingest import parse_file


def test_six_thousand_paragraphs_are_read_in_a_second_or_two(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Was fehlt im Stadtteil?", 1)
    for n in range(6000):
        document.add_paragraph(f"Beitrag {n}: Wir brauchen mehr Bänke und Licht im Park.")
    document.add_heading("Was ist gut?", 1)
    document.add_paragraph("Der Spielplatz", style="List Bullet")
    path = tmp_path / "protokoll.docx"
    document.save(path)
    started = time.process_time()
    parsed = parse_file(path)
    elapsed = time.process_time() - started
    assert elapsed < 2, f"{elapsed:.1f} s CPU"  # before: 6 s
    segments = parsed.segments
    assert len(segments) == 6001
    assert {s.question for s in segments} == {"Was fehlt im Stadtteil?", "Was ist gut?"}
    assert segments[-1].text == "Der Spielplatz"
