"""Sound tags in subtitles ("[Musik]", "(lacht)"): no statements, no text; gaps stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

SRT = """\
1
00:00:01,000 --> 00:00:03,000
[Musik]

2
00:00:03,500 --> 00:00:06,000
Anna Schmidt: Guten Abend, willkommen zum Stadtteilabend.

3
00:00:06,500 --> 00:00:08,000
[Applaus]

4
00:00:08,500 --> 00:00:12,000
Ben Berg: Wir brauchen mehr Bänke [unverständlich] am Platz.

5
00:00:12,500 --> 00:00:15,000
Ben Berg: (lacht) Und weniger Autos.

6
00:00:15,500 --> 00:00:17,000
(Gelächter)

7
00:00:17,500 --> 00:00:19,000
[Music]
"""
VTT = """\
WEBVTT

00:00:01.000 --> 00:00:03.000
[Musik]

00:00:03.500 --> 00:00:06.000
Wir sammeln heute Ideen für den Park.

00:00:06.500 --> 00:00:08.000
[inaudible]

00:00:08.500 --> 00:00:12.000
<v Anna Schmidt>[Gelächter] Es fehlen Bänke [unverständlich] am Platz.
"""


def test_cues_of_sound_tags_are_no_statements_and_speakers_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "abend.srt"
    path.write_text(SRT, encoding="utf-8")
    parsed = parse_file(path)
    assert [(s.attributes.get("speaker"), s.text) for s in parsed.segments] == [
        ("Anna Schmidt", "Guten Abend, willkommen zum Stadtteilabend."),
        ("Ben Berg", "Wir brauchen mehr Bänke [unverständlich] am Platz. Und weniger Autos."),
    ]
    assert parsed.options["sound_cues"] == 4 and parsed.options["sound_tags"] == 1


def test_webvtt_sound_tags_and_the_import_notice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "abend.vtt"
    path.write_text(VTT, encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Geräuschangaben: 2 Untertitel oder Zeilen nur aus Angaben wie [Musik]" in out
    assert "Geräuschangaben: 1 wie „(lacht)“ aus den Untertiteln entfernt" in out
    texts = list(project.segments()["text"])
    assert texts == [
        "Wir sammeln heute Ideen für den Park.",
        "Es fehlen Bänke [unverständlich] am Platz.",
    ]


def test_lines_of_sound_tags_in_a_typed_transcript_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "transkript.txt"
    path.write_text(
        "Anna Schmidt  0:03\nHallo zusammen (lacht), schön dass ihr da seid.\n\n[Musik]\n\n"
        "Ben Berg  0:10\nEs fehlt ein Treff [unverständlich] am Bahnhof.\n\n"
        "Anna Schmidt  0:25\n[Applaus]\n\nBen Berg  0:30\nDanke.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.attributes["speaker"], s.text) for s in parsed.segments] == [
        ("Anna Schmidt", "Hallo zusammen (lacht), schön dass ihr da seid."),  # a note: kept
        ("Ben Berg", "Es fehlt ein Treff [unverständlich] am Bahnhof."),
        ("Ben Berg", "Danke."),
    ]
    assert parsed.options["sound_cues"] == 2 and parsed.options["skipped_rows"] == 0


@pytest.mark.parametrize(
    ("text", "only", "kept"),
    [
        ("[Person 3] sagt: ja", False, "[Person 3] sagt: ja"),
        ("[Person 3]", False, "[Person 3]"),
        ("[Anna Schmidt] Hallo", False, "[Anna Schmidt] Hallo"),
        ("(Stadt Leverkusen) Hallo", False, "(Stadt Leverkusen) Hallo"),
        ("♪ [Musik] ♪", True, "♪ ♪"),
        ("[unverständlich]", True, "[unverständlich]"),
        ("Ja (lacht), genau", False, "Ja, genau"),
        ("((lacht))", True, ""),
        ("((räuspert sich))", True, ""),
        ("Ja ((lacht)) genau", False, "Ja genau"),
        ("(10 Sekunden Pause)", True, ""),
        ("(3)", True, "(3)"),  # a pause of three seconds: no words, and kept in a text
        ("(1.2) (.)", True, "(1.2) (.)"),
        ("Ja (.) genau", False, "Ja (.) genau"),
    ],
)
def test_only_known_tags_count(text: str, only: bool, kept: str) -> None:
    from workbench.ingest.sound_tags import only_tags, without_sounds

    assert only_tags(text) is only
    assert without_sounds(text)[0] == kept


def test_turns_of_only_a_sound_in_an_f4_or_gat2_transcript_are_no_statements(
    tmp_path: Path,
) -> None:
    """f4 ends every turn with its time mark, GAT2 writes sounds in double parentheses:
    "I: (lacht) #00:02:31-0#" and "B2: ((räuspert sich))" are no one's words."""
    path = tmp_path / "interview.txt"
    path.write_text(
        "I: Was fehlt im Stadtteil? #00:00:05-2#\n\n"
        "B1: Ein Treffpunkt für Jugendliche (lacht). #00:00:15-8#\n\n"
        "I: (lacht) #00:00:17-0#\n\n"
        "B2: ((räuspert sich)) #00:00:19-3#\n\n"
        "B2: Und bezahlbare Wohnungen. #00:00:31-0#\n\n"
        "I: Danke. #00:00:33-1#\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.speaker_role, s.text) for s in parsed.segments] == [
        ("I", "Was fehlt im Stadtteil?"),
        ("B1", "Ein Treffpunkt für Jugendliche (lacht)."),  # a note in the text: kept
        ("B2", "Und bezahlbare Wohnungen."),
        ("I", "Danke."),
    ]
    assert parsed.options["sound_cues"] == 2


@pytest.mark.parametrize("note", ["(weint)", "(schluchzt)", "[niest]", "((stöhnt))", "(zögert)"])
def test_the_import_and_the_analysis_know_the_same_notes(note: str) -> None:
    """One vocabulary of transcribers' notes: a cue of only "(weint)" was a statement while
    the analysis already left "weint" out of keywords; "(Musikeinspielung)" was a sound tag
    of the import but a keyword of the analysis."""
    from workbench.analysis.stopwords import tokenize
    from workbench.ingest.sound_tags import only_tags

    assert only_tags(note)
    assert tokenize(f"Der Park {note} ist dunkel") == tokenize("Der Park ist dunkel")
    assert tokenize("Der Park (Musikeinspielung) ist dunkel") == tokenize("Der Park ist dunkel")
