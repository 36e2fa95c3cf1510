"""SubRip subtitles (.srt) of Otter.ai, Zoom, Descript, YouTube and Whisper as transcripts.

One statement per speaker turn, as for WebVTT; subtitles without speakers are joined up
to a sentence end; every speaker is a person whose name never reaches the pseudonymised
tables; a broken timing line stops the import with file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file
from workbench.store import Document, ListedName

PLACEHOLDER = re.compile(r"^\[Person \d+\]$")


def _import(project: Project, *paths: Path, extra: tuple[str, ...] = ()) -> int:
    return main(["--project", str(project.path), "import", *map(str, paths), *extra])


def _snapshot(project: Project) -> tuple:
    return (
        project.status(),
        project.segments().drop(columns=["attributes"]).to_dict("records"),
        project.pseudonym_key().to_dict("records"),
    )


OTTER_SRT = """\
1
00:00:01,200 --> 00:00:04,800
Anna Schmidt: Guten Abend und willkommen
zum Stadtteilgespräch in Manfort.

2
00:00:04,900 --> 00:00:07,000
Anna Schmidt: Wer möchte anfangen?

3
00:00:07,500 --> 00:00:10,250
Kemal Öztürk: Der Spielplatz an der Kirche

4
00:00:10,300 --> 00:00:12,000
Kemal Öztürk: ist seit Monaten gesperrt, Anna.

5
00:00:12,500 --> 00:00:14,000
[Anna Schmidt] Danke, das nehmen wir auf.

6
01:02:03,100 --> 01:02:05,000
- Ben Müller: Ich sehe das auch so!
"""


def test_otter_subtitles_give_speaker_turns_with_times_and_placeholders(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "otter_manfort.srt"
    path.write_text(OTTER_SRT, encoding="utf-8")
    roles = tmp_path / "rollen.csv"
    roles.write_text("Kemal Öztürk;Elternbeirat\n", encoding="utf-8")
    assert _import(project, path, extra=("--district", "Manfort", "--roles", str(roles))) == 0
    assert "4 Aussagen importiert" in capsys.readouterr().out
    assert list(project.documents()["importer"]) == ["subrip"]
    segments = project.segments()
    attributes = list(segments["attributes"])
    assert list(segments["source_id"]) == ["1", "2", "3", "4"]
    assert [a["cues"] for a in attributes] == [2, 2, 1, 1]
    assert [(a["start_time"], a["end_time"]) for a in attributes] == [
        ("00:00:01.200", "00:00:07.000"),
        ("00:00:07.500", "00:00:12.000"),
        ("00:00:12.500", "00:00:14.000"),
        ("01:02:03.100", "01:02:05.000"),
    ]
    # Zoom-style, bracketed and dashed labels are speakers; the same person keeps her
    # placeholder, in the speaker field and in the text.
    anna, kemal, anna_again, ben = (a["speaker"] for a in attributes)
    assert all(PLACEHOLDER.match(s) for s in (anna, kemal, ben))
    assert anna == anna_again and len({anna, kemal, ben}) == 3
    assert list(segments["speaker_role"].fillna("-")) == ["-", "Elternbeirat", "-", "-"]
    assert list(segments["text"]) == [
        "Guten Abend und willkommen zum Stadtteilgespräch in Manfort. Wer möchte anfangen?",
        f"Der Spielplatz an der Kirche ist seit Monaten gesperrt, {anna}.",
        "Danke, das nehmen wir auf.",
        "Ich sehe das auch so!",
    ]
    key = project.pseudonym_key().set_index("placeholder")["original"]
    assert (key[kemal], key[ben]) == ("Kemal Öztürk", "Ben Müller")
    assert key[anna].startswith("Anna")
    # The names reach only the key, never the tables.
    stored = segments.drop(columns=["attributes"]).to_csv() + repr(attributes)
    with project.session() as session:
        stored += repr(list(session.scalars(select(Document.options))))
        listed = set(session.scalars(select(ListedName.name)))
    assert {"Anna Schmidt", "Kemal Öztürk", "Ben Müller"} <= listed
    for word in ("Anna", "Schmidt", "Kemal", "Öztürk", "Ben", "Müller"):
        assert not re.search(rf"\b{word}\b", stored), word


WHISPER_SRT = """\
1
00:00:00,000 --> 00:00:03,000
Wir treffen uns jeden Dienstag

2
00:00:03,000 --> 00:00:05,500
im Bürgerhaus am Marktplatz.

3
00:00:06,000 --> 00:00:08,000
Kommen Sie vorbei!

4
00:00:08,000 --> 00:00:09,000
Fragen? Dann

5
00:00:09,000 --> 00:00:11,000
rufen Sie uns „einfach“ an.“

6
00:00:11,500 --> 00:00:13,000
[Applaus] Danke schön.

7
00:00:13,000 --> 00:00:15,000
Das Wichtigste ist: Wir hören zu.
"""


def test_subtitles_without_speakers_are_joined_into_sentences(tmp_path: Path) -> None:
    path = tmp_path / "whisper.srt"
    path.write_text(WHISPER_SRT, encoding="utf-8")
    document = parse_file(path)
    assert document.importer == "subrip"
    assert [s.text for s in document.segments] == [
        "Wir treffen uns jeden Dienstag im Bürgerhaus am Marktplatz.",
        "Kommen Sie vorbei!",
        "Fragen? Dann rufen Sie uns „einfach“ an.“",
        "Danke schön.",  # a sound note is no speaker, and no text
        "Das Wichtigste ist: Wir hören zu.",  # a rare "Label:" is part of the sentence
    ]
    attributes = [s.attributes for s in document.segments]
    assert [a["cues"] for a in attributes] == [2, 1, 2, 1, 1]
    assert [(a["start_time"], a["end_time"]) for a in attributes[:3]] == [
        ("00:00:00.000", "00:00:05.500"),
        ("00:00:06.000", "00:00:08.000"),
        ("00:00:08.000", "00:00:11.000"),
    ]
    assert not any("speaker" in a for a in attributes)
    assert document.names == ()


def test_crlf_bom_tags_dots_and_missing_blank_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "descript.srt"
    path.write_bytes(
        "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\n"
        '<font color="#ffff00">Eva Lang:</font> Das <i>JuZ</i> fehlt uns.\r\n'
        "\r\n"
        "2\r\n00:00:02.500 --> 00:00:04.000 X1:100 X2:600\r\n"
        "{\\an8}Ole Berg: <b>Stimmt</b> &amp; zwar\r\n"
        "3\r\n00:00:04,000 --> 00:00:05,000\r\n"
        "Ole Berg: seit Jahren.".encode()  # no blank line before 3, no final line break
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        "Das JuZ fehlt uns.",
        "Stimmt & zwar seit Jahren.",
    ]
    assert [s.attributes["speaker"] for s in document.segments] == ["Eva Lang", "Ole Berg"]
    assert [s.row for s in document.segments] == [2, 6]  # the timing lines
    assert document.segments[1].attributes["start_time"] == "00:00:02.500"
    assert document.segments[1].attributes["cues"] == 2


def test_webvtt_saved_as_srt_is_read_as_webvtt(tmp_path: Path) -> None:
    path = tmp_path / "zoom.srt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nEva Lang: Hallo\n\n"
        "2\n00:00:02.000 --> 00:00:03.000\nOle Berg: Hi\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.importer == "webvtt"
    assert [s.attributes["speaker"] for s in document.segments] == ["Eva Lang", "Ole Berg"]


def test_same_subtitles_imported_twice_add_nothing(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "otter.srt"
    path.write_text(OTTER_SRT, encoding="utf-8")
    [first] = project.import_files([path], district="Manfort")
    assert (first.status, first.segments) == ("importiert", 4)
    before = _snapshot(project)
    [again] = project.import_files([path], district="Manfort")
    assert again.status == "bereits vorhanden"
    assert _snapshot(project) == before


GOOD = "1\n00:00:01,000 --> 00:00:02,000\nEva: Hallo.\n\n"
BROKEN = {
    "time stamp": (
        GOOD + "2\n00:00:0x,500 --> 00:00:03,000\nOle: Hi\n",
        r"untertitel\.srt, Zeile 6: Zeitangabe '00:00:0x,500 --> 00:00:03,000' ist ungültig",
    ),
    "hours missing": (
        GOOD + "2\n00:02,500 --> 00:03,000\nOle: Hi\n",
        r"untertitel\.srt, Zeile 6: Zeitangabe .* ungültig \(erwartet hh:mm:ss,mmm",
    ),
    "no arrow": (
        GOOD + "2\n00:00:02,500 - 00:00:03,000\nOle: Hi\n",
        r"untertitel\.srt, Zeile 6: Zeitangabe .* ungültig",
    ),
    "end before start": (
        GOOD + "2\n00:00:05,000 --> 00:00:03,000\nOle: Hi\n",
        r"untertitel\.srt, Zeile 6: .*endet vor ihrem Beginn",
    ),
    "blank line missing": (
        "1\n00:00:01,000 --> 00:00:02,000\nEva: Hallo\n00:00:02,000 --> 00:00:03,000\nOle: Hi\n",
        r"untertitel\.srt, Zeile 4: Vor dieser Zeitangabe fehlt eine Leerzeile",
    ),
    "not subtitles": (
        "Protokoll vom Dienstag\nEva: Hallo\n",
        r"untertitel\.srt, Zeile 1: Aufbau nicht erkannt",
    ),
    "empty": ("\n\n", r"untertitel\.srt: Die Datei ist leer"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_subtitles_stop_with_file_and_line_and_import_nothing(
    case: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected = BROKEN[case]
    path = tmp_path / "untertitel.srt"
    path.write_text(content, encoding="utf-8")
    good = tmp_path / "gut.srt"
    good.write_text(GOOD, encoding="utf-8")
    before = _snapshot(project)
    capsys.readouterr()
    assert _import(project, good, path, extra=("--district", "Opladen")) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Datei ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert re.search(expected, err), err
    assert _snapshot(project) == before
