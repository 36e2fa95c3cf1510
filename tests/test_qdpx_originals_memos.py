"""REFI-QDA export with originals: a memo names the workshops' participants in clear.

The first project stores memos as written and pseudonymises them with every workshop's
name list (:func:`~workbench.exchange.export_data.pseudonymise_memos`). A fresh project
importing the export with originals pseudonymised them only with the names every document
of the file carries, so a participant of one workshop ("Dornbusch", also a noun) stayed in
clear in the memo.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.qdpx_data import MANFORT_PROTOCOL, fresh
from workbench import Project
from workbench.exchange.export import export_qdpx
from workbench.exchange.qdpx import import_qdpx

MANFORT = MANFORT_PROTOCOL
OPLADEN = """---
workshop: Quartiersworkshop Opladen
date: 2021-03-05
district: Opladen
participants: [Jonas Kettler]
---
# Herausforderungen und Bedarfe

- Kettler will mehr Bänke.
"""
MEMOS = {
    "project": "Quandt, Dornbusch und Kettler anrufen.",
    "Quartiersworkshop Manfort": "Hol Quandt dazu, sagt Dornbusch. Kettler fehlte.",
    "Quartiersworkshop Opladen": "Kettler und Dornbusch nachfragen.",
}
NAMES = ("Quandt", "Dornbusch", "Kettler")


def _first(tmp_path: Path) -> Project:
    """Two workshops with their own name lists, a memo on each and one on the project."""
    project = fresh(tmp_path / "erstes")
    (tmp_path / "manfort.md").write_text(MANFORT, encoding="utf-8")
    (tmp_path / "opladen.md").write_text(OPLADEN, encoding="utf-8")
    project.import_files([tmp_path / "manfort.md", tmp_path / "opladen.md"])
    segments = project.segments().drop_duplicates("workshop").set_index("workshop")
    for target, text in MEMOS.items():
        if target == "project":
            project.add_memo(text, "anna")
        else:
            project.add_memo(text, "anna", segment=int(segments.at[target, "segment_id"]))
    return project


def _placeholders(text: str) -> str:
    return re.sub(r"\[Person \d+\]", "[Person]", text)


def test_memos_of_an_originals_file_name_no_participant_in_clear(tmp_path: Path) -> None:
    first = _first(tmp_path)
    out = tmp_path / "original.qdpx"
    export_qdpx(first, out, pseudonymised=False)
    again = fresh(tmp_path / "neu")
    import_qdpx(again, out)
    memos = sorted(_placeholders(t) for t in again.memos()["text"])
    assert memos == [
        "Hol [Person] dazu, sagt [Person]. [Person] fehlte.",
        "[Person] und [Person] nachfragen.",
        "[Person], [Person] und [Person] anrufen.",
    ]
    assert not any(name in text for text in memos for name in NAMES)
    # The statements keep each workshop's own list (no name of one list in the other).
    assert sorted(_placeholders(t) for t in again.segments()["text"]) == [
        "Hol [Person] dazu! Er kennt den Spielplatz.",
        "[Person] meint, der Bus fährt zu selten.",
        "[Person] will mehr Bänke.",
    ]
