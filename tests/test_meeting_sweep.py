"""Meeting files and vendor projects of a review sweep (chats, captions, REFI-QDA).

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


# WebVTT lets "-->" stand without blanks or with several (parsers skip whitespace there);
# webvtt-py reads both, and browsers play such files.
ARROWS_VTT = """\
WEBVTT

00:01.000-->00:04.000
<v Helga Brandt>Es gibt zu wenig Grün am Rhein.</v>

00:04.500   -->	00:08.000 align:start
<v Kerem Özdemir>Und zu wenig Bänke.</v>
"""


def test_webvtt_arrow_without_or_with_odd_blanks_is_read(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "pfeile.vtt", ARROWS_VTT))
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Helga Brandt", "Es gibt zu wenig Grün am Rhein."),
        ("Kerem Özdemir", "Und zu wenig Bänke."),
    ]
    assert [(s.attributes["start_time"], s.attributes["end_time"]) for s in doc.segments] == [
        ("00:00:01.000", "00:00:04.000"),
        ("00:00:04.500", "00:00:08.000"),
    ]
    assert _import(project, tmp_path / "pfeile.vtt") == 0
    stored = stored_text(project)
    for word in ("Brandt", "Özdemir"):
        assert word not in stored, word
