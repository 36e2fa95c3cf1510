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


# A chat saved in the meeting by the English Zoom client: a reaction, the same reaction
# taken back, and a reaction to a message from before this file began.
WITHDRAWN_CHAT = """\
18:02:11 From Helga Brandt to Everyone:
\tMehr Bänke am Marktplatz wären toll.
18:03:40 From Kerem Özdemir to Everyone:
\tReacted to "Mehr Bänke am Marktpl..." with 👍
18:04:02 From Kerem Özdemir to Everyone:
\tRemoved a 👍 reaction from "Mehr Bänke am Marktpl..."
18:04:30 From Jana Wolff to Everyone:
\tReacted to "Mehr Bänke am Marktpl..." with ❤️
18:05:00 From Jana Wolff to Everyone:
\tReacted to "Wer hat den Schlüssel f..." with 😂
"""


def test_a_zoom_reaction_taken_back_is_subtracted_and_the_import_says_what_it_counted(
    project: Project, tmp_path: Path, capsys
) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", WITHDRAWN_CHAT))
    assert [s.text for s in doc.segments] == ["Mehr Bänke am Marktplatz wären toll."]
    attributes = doc.segments[0].attributes
    assert attributes["reactions"] == 1 and attributes["reaction_emoji"] == "❤️"
    assert _import(project, tmp_path / "chat.txt") == 0
    out = capsys.readouterr().out
    assert "Reaktionen: 2 an der jeweiligen Nachricht gezählt" in out
    assert "1 davon zurückgenommen" in out
    assert "Reaktionen: 1 auf Nachrichten, die nicht in dieser Datei stehen" in out
