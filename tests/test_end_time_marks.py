"""MAXQDA's time marks at a turn's end ("I: Wie lange …? (00:00:12)", "… [00:00:12]") mark
where the turn ended, as f4's "#00:00:12-8#" does: "(00:00:12)" stayed in the statement
text, and "[00:00:12]" became the turn's start. Now both are its ``end_time``, its ``time``
the end of the turn before (the first starts at 00:00:00), and the text is without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.transcript_files import import_into
from workbench import Project

TURNS = [
    ("I", "Wie lange wohnen Sie hier?", "00:00:12"),
    ("B", "Seit 1998, damals war hier noch ein Bäcker.", "00:00:20"),
    ("I", "Was fehlt Ihnen heute?", "00:00:25"),
    ("B", "Ein Treffpunkt für Ältere.", "00:00:40"),
]


@pytest.mark.parametrize("mark", ["({})", "[{}]"])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_mark_at_a_turns_end_is_its_end_time(
    project: Project, tmp_path: Path, suffix: str, mark: str
) -> None:
    lines = [f"{who}: {said} {mark.format(end)}" for who, said, end in TURNS]
    path = tmp_path / f"interview{suffix}"
    if suffix == ".docx":
        document = Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(path)
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    starts = ["00:00:00"] + [end for _, _, end in TURNS[:-1]]
    assert list(stored["speaker_role"]) == [who for who, _, _ in TURNS]
    assert list(stored["text"]) == [said for _, said, _ in TURNS]
    assert [(a["time"], a["end_time"]) for a in stored["attributes"]] == [
        (start, end) for start, (_, _, end) in zip(starts, TURNS, strict=True)
    ]


def test_a_noscribe_turn_closed_by_a_minute_stamp_keeps_its_start(
    project: Project, tmp_path: Path
) -> None:
    """noScribe opens each turn with its start ("S01: [00:00:09] …") and writes a stamp
    every minute: one that closes a turn ("… Bäcker. [00:01:00]") is no end mark like
    MAXQDA's — the turn lost its start and got 00:01:00 as its end."""
    path = tmp_path / "noscribe.txt"
    path.write_text(
        "S00: [00:00:05] Wie lange wohnen Sie hier?\n"
        "S01: [00:00:09] Seit 1998, damals war hier noch ein Bäcker. [00:01:00]\n"
        "S00: [00:01:10] Was fehlt Ihnen heute?\n"
        "S01: [00:01:14] Ein Treffpunkt für Ältere.\n",
        encoding="utf-8",
    )
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert [a.get("time") for a in stored["attributes"]] == [
        "00:00:05",
        "00:00:09",
        "00:01:10",
        "00:01:14",
    ]
    assert not any("end_time" in a for a in stored["attributes"])
    assert list(stored["text"])[1] == "Seit 1998, damals war hier noch ein Bäcker."
