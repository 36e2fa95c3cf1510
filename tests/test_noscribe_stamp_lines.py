"""noScribe opens every turn with its start ("S01: [00:01:14] …") and writes a minute's
stamp; a stamp alone on a line ("[00:01:00]", as copied out of its editor) was read as a
time line of its own (Google Meet's layout) and gave the turns below it its time instead of
their own starts. A turn's own start wins now; untimed turns below a time line of their own
still take its time."""

from __future__ import annotations

from pathlib import Path

from tests.transcript_files import import_into
from workbench import Project


def _times(project: Project, path: Path, lines: list[str]) -> list[str | None]:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    return [a.get("time") for a in project.segments().sort_values("position")["attributes"]]


def test_a_noscribe_turn_below_a_stamp_line_keeps_its_own_start(
    project: Project, tmp_path: Path
) -> None:
    lines = [
        "S00: [00:00:05] Wie lange wohnen Sie hier?",
        "S01: [00:00:09] Seit 1998. Damals",
        "[00:01:00]",
        "war hier noch ein Bäcker.",
        "S00: [00:01:10] Was fehlt Ihnen?",
        "S01: [00:01:14] Ein Treffpunkt.",
    ]
    times = _times(project, tmp_path / "interview.txt", lines)
    assert times == ["00:00:05", "00:00:09", "00:01:10", "00:01:14"]


def test_untimed_turns_below_a_time_line_take_its_time(project: Project, tmp_path: Path) -> None:
    lines = [
        "[00:00:00]",
        "Anna Schmidt: Guten Abend.",
        "Jonas Krüger: Hallo.",
        "[00:05:00]",
        "Anna Schmidt: Was fehlt?",
        "Jonas Krüger: Ein Treff.",
    ]
    times = _times(project, tmp_path / "meet.txt", lines)
    assert times == ["00:00:00", "00:00:00", "00:05:00", "00:05:00"]
