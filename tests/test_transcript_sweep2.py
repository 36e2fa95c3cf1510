"""Captions and transcripts of programs not tried before: YouTube's rolling
auto-captions, Google Meet's/YouTube's ``.sbv``, two speakers in one cue (dashes, two
voice tags), speakers in capitals and with a role and organisation.

Every test here failed on the code before this sweep, except
``test_repeated_lines_of_an_ordinary_transcript_are_kept``: it guards the fix for rolling
captions against dropping a line an ordinary transcript really repeats.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

# YouTube's automatic captions: every cue repeats the line before and adds words, with
# inline time stamps and <c> spans; a 10 ms cue in between shows the finished line alone
# (and a line of one blank).
YOUTUBE_VTT = """\
WEBVTT
Kind: captions
Language: de

00:00:00.000 --> 00:00:02.500 align:start position:0%
~
Guten<00:00:00.400><c> Abend</c><00:00:00.800><c> zusammen</c>

00:00:02.500 --> 00:00:02.510 align:start position:0%
Guten Abend zusammen
~

00:00:02.510 --> 00:00:05.000 align:start position:0%
Guten Abend zusammen
wir<00:00:03.000><c> sprechen</c><00:00:03.500><c> heute</c><00:00:04.000><c> über</c>\
<00:00:04.500><c> Opladen.</c>

00:00:05.000 --> 00:00:05.010 align:start position:0%
wir sprechen heute über Opladen.
~

00:00:05.010 --> 00:00:08.000 align:start position:0%
wir sprechen heute über Opladen.
Der<00:00:05.500><c> Park</c><00:00:06.000><c> ist</c><00:00:07.000><c> zu dunkel.</c>
""".replace("~", " ")  # YouTube's lines of one blank
# The same captions converted to SubRip (yt-dlp --convert-subs srt).
YOUTUBE_SRT = """\
1
00:00:00,000 --> 00:00:02,500
Guten Abend zusammen

2
00:00:02,500 --> 00:00:05,000
Guten Abend zusammen
wir sprechen heute über Opladen.

3
00:00:05,000 --> 00:00:08,000
wir sprechen heute über Opladen.
Der Park ist zu dunkel.
"""


@pytest.mark.parametrize(("name", "text"), [("yt.vtt", YOUTUBE_VTT), ("yt.srt", YOUTUBE_SRT)])
def test_rolling_youtube_captions_give_each_sentence_once(
    name: str, text: str, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, name, text))
    joined = " ".join(s.text for s in doc.segments)
    assert joined == "Guten Abend zusammen wir sprechen heute über Opladen. Der Park ist zu dunkel."
    assert doc.segments[0].attributes["start_time"] == "00:00:00.000"
    assert doc.segments[-1].attributes["end_time"] == "00:00:08.000"


def test_repeated_lines_of_an_ordinary_transcript_are_kept(tmp_path: Path) -> None:
    text = "WEBVTT\n\n" + "".join(
        f"00:00:0{i}.000 --> 00:00:0{i + 1}.000\n{line}\n\n"
        for i, line in enumerate(["Ja.", "Ja.", "Der Park ist dunkel.", "Nein."])
    )
    doc = parse_file(_file(tmp_path, "ja.vtt", text))
    assert " ".join(s.text for s in doc.segments) == "Ja. Ja. Der Park ist dunkel. Nein."


def test_youtube_speaker_change_marks_start_a_statement(tmp_path: Path) -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n&gt;&gt; Guten Abend und\n\n"
        "00:00:03.000 --> 00:00:05.000\nwillkommen.\n&gt;&gt; Hallo, danke\n"
    )
    doc = parse_file(_file(tmp_path, "marks.vtt", text))
    assert [s.text for s in doc.segments] == ["Guten Abend und willkommen.", "Hallo, danke"]


DIALOGUE_SRT = """\
1
00:00:01,000 --> 00:00:03,000
- Hallo
- Guten Tag

2
00:00:03,000 --> 00:00:05,000
- Helga Brandt: Wer kommt noch?
- Kerem Özdemir: Frau Brandt, ich
komme gleich.
"""


def test_two_speakers_in_one_subtitle_are_two_statements(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "dialog.srt", DIALOGUE_SRT))
    assert [s.text for s in doc.segments] == [
        "Hallo",
        "Guten Tag",
        "Wer kommt noch?",
        "Frau Brandt, ich komme gleich.",
    ]
    speakers = [s.attributes.get("speaker") for s in doc.segments]
    assert speakers == [None, None, "Helga Brandt", "Kerem Özdemir"]
    assert _import(project, tmp_path / "dialog.srt") == 0
    stored = stored_text(project)
    for word in ("Brandt", "Helga", "Özdemir", "Kerem"):
        assert word not in stored, word


def test_two_voices_in_one_webvtt_cue_are_two_speakers(project: Project, tmp_path: Path) -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v.loud Helga Brandt>Wer kommt noch?</v>\n"
        "<v Kerem Özdemir>Ich &amp; mein Bruder.</v>\n\n"
        "00:00:03.000 --> 00:00:05.000\n<v Kerem Özdemir>Wir kommen gleich.</v>\n"
    )
    doc = parse_file(_file(tmp_path, "voices.vtt", text))
    assert [(s.attributes.get("speaker"), s.text) for s in doc.segments] == [
        ("Helga Brandt", "Wer kommt noch?"),
        ("Kerem Özdemir", "Ich & mein Bruder. Wir kommen gleich."),
    ]
    assert "Kerem Özdemir" in doc.names
    assert _import(project, tmp_path / "voices.vtt") == 0
    stored = stored_text(project)
    for word in ("Brandt", "Özdemir", "Kerem"):
        assert word not in stored, word


CAPS = """\
HELGA BRANDT: Guten Abend zusammen.
BEN: Danke für die Einladung.
HELGA BRANDT: Wir sprechen über den Park, Ben.
BEN: Der Park ist zu dunkel.
"""


def test_speakers_in_capitals_are_people_not_role_codes(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "caps.txt", CAPS))
    assert [s.speaker_role for s in doc.segments] == [None] * 4
    assert [s.attributes["speaker"] for s in doc.segments][:2] == ["Helga Brandt", "Ben"]
    assert _import(project, tmp_path / "caps.txt") == 0
    stored = stored_text(project)
    for word in ("BEN", "Ben,", "BRANDT", "Brandt", "HELGA"):
        assert word not in stored, word


ROLE_TXT = """\
Moderation (Stadt Leverkusen): Guten Abend, die Moderation begrüßt Sie.
Helga Brandt: Danke für die Einladung.
Moderation (Stadt Leverkusen): Wir sprechen über den Park.
Helga Brandt: Der Park ist zu dunkel.
"""
ROLE_SRT = """\
1
00:00:01,000 --> 00:00:03,000
Moderation (Stadt Leverkusen): Guten Abend, die Moderation begrüßt Sie.

2
00:00:03,000 --> 00:00:05,000
Helga Brandt: Danke.
"""


@pytest.mark.parametrize(("name", "text"), [("rolle.txt", ROLE_TXT), ("rolle.srt", ROLE_SRT)])
def test_a_role_with_its_organisation_is_a_role_not_a_person(
    name: str, text: str, tmp_path: Path
) -> None:
    doc = parse_file(_file(tmp_path, name, text))
    assert doc.segments[0].speaker_role == "Moderation"
    assert "speaker" not in doc.segments[0].attributes
    assert doc.names == ("Helga Brandt",)
    assert "die Moderation begrüßt" in doc.segments[0].text


SBV = """\
0:00:01.000,0:00:03.500
Helga Brandt: Guten Abend, ich begrüße alle
zur Stadtteilrunde.

0:00:03.500,0:00:06.000
Kerem Özdemir: Danke, Frau Brandt.

0:00:06.000,0:00:08.000
Kerem Özdemir: Der Park ist zu dunkel.
"""


def test_sbv_captions_of_google_meet_and_youtube_are_read(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "meet.sbv", SBV))
    assert [
        (s.text, s.attributes["start_time"], s.attributes["end_time"]) for s in doc.segments
    ] == [
        ("Guten Abend, ich begrüße alle zur Stadtteilrunde.", "00:00:01.000", "00:00:03.500"),
        ("Danke, Frau Brandt. Der Park ist zu dunkel.", "00:00:03.500", "00:00:08.000"),
    ]
    assert [s.row for s in doc.segments] == [1, 5]
    assert _import(project, tmp_path / "meet.sbv") == 0
    stored = stored_text(project)
    for word in ("Brandt", "Helga", "Özdemir", "Kerem"):
        assert word not in stored, word


@pytest.mark.parametrize(
    ("text", "row", "message"),
    [
        ("0:00:01.000,0:00:03.000\nHallo.\n\n0:00:03,0:00:05\nx\n", 4, "ungültig"),
        ("0:00:01.000,0:00:03.000\nHallo.\n0:00:03.000,0:00:05.000\nx\n", 3, "Leerzeile"),
        ("Untertitel\n\n0:00:01.000,0:00:03.000\nHallo.\n", 1, "Zeitangabe"),
        ("0:00:05.000,0:00:03.000\nHallo.\n", 1, "vor ihrem Beginn"),
    ],
)
def test_broken_sbv_stops_with_file_and_line_and_imports_nothing(
    text: str, row: int, message: str, project: Project, tmp_path: Path, capsys
) -> None:
    path = _file(tmp_path, "kaputt.sbv", text)
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "kaputt.sbv" in err and f"Zeile {row}" in err and message in err
    assert "Traceback" not in err
    assert project.segments().empty


def test_sbv_is_an_importable_suffix_of_a_folder(tmp_path: Path) -> None:
    from workbench.ingest import expand_paths

    _file(tmp_path, "meet.sbv", SBV)
    assert [p.name for p in expand_paths([tmp_path])] == ["meet.sbv"]
