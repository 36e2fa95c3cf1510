"""The plain-text output of speech recognisers (Whisper's ``.txt``: one segment per line,
no blank lines, no speakers) and what transcribers leave in a transcript's text."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

# Whisper's --output_format txt: one segment per line; a segment may stop mid-sentence.
WHISPER_TXT = """\
Ja, also vielen Dank, dass Sie sich die Zeit nehmen.
Wie lange wohnen Sie schon in Manfort?
Also ich wohne jetzt seit ungefähr zwanzig Jahren hier im Stadtteil.
Früher gab es hier noch einen Bäcker und eine Sparkasse,
die sind jetzt beide weg.
Die älteren Leute müssen jetzt mit dem Bus in die Stadt fahren.
Und der Bus fährt am Wochenende nur noch jede Stunde.
Was würden Sie sich denn für den Stadtteil wünschen?
Am wichtigsten wäre mir ein Treffpunkt für die Jugendlichen.
Die hängen abends am Spielplatz rum, weil sie sonst nirgends hingehen können.
"""

# A typed protocol's paragraph, wrapped by the editor: one statement.
WRAPPED = """\
Die Teilnehmenden berichten, dass der Spielplatz an der Hauptstraße seit
Monaten gesperrt ist und die Kinder deshalb auf dem Parkplatz spielen. Eine
Mutter erzählt, dass sie ihre Kinder nicht mehr allein rauslässt, weil dort
abends Autos schnell durchfahren. Der Quartiersmanager bestätigt das und
verweist auf die Anfrage an das Grünflächenamt, die seit dem Frühjahr
unbeantwortet ist. Mehrere wünschen sich, dass die Stadt wenigstens einen
Zeitplan nennt. Außerdem fehlt eine Beleuchtung am Weg zum Bahnhof, wo es im
Winter schon ab fünf Uhr dunkel ist und sich viele nicht mehr hintrauen.
"""


def test_whisper_text_is_read_sentence_by_sentence(tmp_path: Path) -> None:
    path = tmp_path / "interview_manfort.txt"
    path.write_text(WHISPER_TXT, encoding="utf-8")
    parsed = parse_file(path)
    texts = [s.text for s in parsed.segments]
    assert len(texts) == 9
    assert texts[1] == "Wie lange wohnen Sie schon in Manfort?"
    # a segment that stops mid-sentence goes on in the next line's
    assert texts[3] == (
        "Früher gab es hier noch einen Bäcker und eine Sparkasse, die sind jetzt beide weg."
    )
    assert [s.row for s in parsed.segments][3:5] == [4, 6]


def test_whisper_text_cut_mid_sentence_often_is_still_read_by_sentence(tmp_path: Path) -> None:
    """A recogniser cuts long speech where its window ends: half the lines end a sentence."""
    path = tmp_path / "interview.txt"
    path.write_text(
        "Ja, also ich bin seit 2015 hier im Quartier tätig und\n"
        "habe da die Quartiersarbeit mit aufgebaut.\n"
        "Am Anfang war das vor allem Beratung, also Leute kamen mit\n"
        "Briefen vom Jobcenter oder von der Ausländerbehörde.\n"
        "Und dann kam Corona und wir mussten das Büro\n"
        "von heute auf morgen zumachen.\n"
        "Das war hart.\n"
        "Viele haben wir danach nicht mehr gesehen.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.text.split()[:2] for s in parsed.segments] == [
        ["Ja,", "also"], ["Am", "Anfang"], ["Und", "dann"], ["Das", "war"], ["Viele", "haben"]
    ]  # fmt: skip


def test_a_wrapped_paragraph_stays_one_statement(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [" ".join(WRAPPED.split("\n")).strip()]


def test_an_f4_turn_starts_where_the_one_before_ended(tmp_path: Path) -> None:
    """f4 writes its time mark at the END of a turn; ``time`` is a statement's start
    everywhere else (subtitles, chats, noScribe): the mark before it, 0 for the first."""
    path = tmp_path / "interview.txt"
    path.write_text(
        "I: Was fehlt Ihnen im Stadtteil? #00:00:05-2#\n\n"
        "B: Ein Treffpunkt für Jugendliche. #00:01:15-8#\n\n"
        "I: (lacht) #00:01:17-0#\n\n"
        "B: Und Bänke am Markt.\nDie fehlen seit Jahren. #00:02:31-0#\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.attributes["time"], s.attributes["end_time"]) for s in parsed.segments] == [
        ("00:00:00", "00:00:05"),
        ("00:00:05", "00:01:15"),
        ("00:01:17", "00:02:31"),  # after a turn of only a sound, from that turn's end
    ]
    assert all("#" not in s.text for s in parsed.segments)


def test_a_time_mark_at_a_turns_start_is_its_start(tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(
        "I: #00:00:01-2# Was fehlt Ihnen im Stadtteil?\n\n"
        "B: #00:00:05-8# Ein Treffpunkt für Jugendliche.\n\n"
        "I: #00:00:17-0# Und für Ältere?\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.attributes["time"] for s in parsed.segments] == ["00:00:01", "00:00:05", "00:00:17"]
    assert not any("end_time" in s.attributes for s in parsed.segments)


CREDITS_SRT = """\
1
00:00:00,000 --> 00:00:04,000
Wie lange wohnen Sie schon in Manfort?

2
00:00:04,500 --> 00:00:09,000
Seit zwanzig Jahren. Das ZDF war auch mal hier.

3
00:00:30,000 --> 00:00:35,000
Untertitel im Auftrag des ZDF für funk, 2017

4
00:00:40,000 --> 00:00:45,000
Untertitel von Stephanie Geiges
"""


def test_subtitle_credits_whisper_makes_up_are_no_statements(
    project: Project, tmp_path: Path
) -> None:
    """Whisper fills silence with the credits of the subtitles it learnt from; nobody in
    the workshop said them (and one names a subtitler)."""
    srt = tmp_path / "interview.srt"
    srt.write_text(CREDITS_SRT, encoding="utf-8")
    txt = tmp_path / "interview_opladen.txt"
    lines = WHISPER_TXT.split("\n")
    lines.insert(4, "Untertitel der Amara.org-Community")  # between a cut sentence's lines
    lines.insert(7, "Copyright WDR 2021")
    txt.write_text("\n".join(lines), encoding="utf-8")
    turns = tmp_path / "whisperx.txt"
    turns.write_text(
        "[SPEAKER_00]: Was fehlt Ihnen im Stadtteil?\n"
        "[SPEAKER_01]: Ein Treffpunkt für Jugendliche.\n"
        "[SPEAKER_00]: Untertitel im Auftrag des ZDF, 2020\n"
        "[SPEAKER_01]: Und Bänke am Markt.\n",
        encoding="utf-8",
    )
    assert [s.text for s in parse_file(srt).segments] == [
        "Wie lange wohnen Sie schon in Manfort?",
        "Seit zwanzig Jahren. Das ZDF war auch mal hier.",  # the words "ZDF" said stay
    ]
    parsed = parse_file(txt)
    assert parsed.options == {"credits": 2}
    assert parsed.segments[3].text == (
        "Früher gab es hier noch einen Bäcker und eine Sparkasse, die sind jetzt beide weg."
    )
    assert len(parse_file(turns).segments) == 3
    out = io.StringIO()
    with redirect_stdout(out):
        assert (
            main(["--project", str(project.path), "import", str(srt), "--district", "Manfort"]) == 0
        )
    assert "2 erfundene Untertitel-Nachweise" in out.getvalue()
    stored = stored_text(project)
    assert "Auftrag des ZDF" not in stored and "Geiges" not in stored


def test_sound_tags_in_whisper_text_are_left_out_as_in_its_subtitles(tmp_path: Path) -> None:
    """Whisper writes music and applause as a segment of their own ("[Musik]", "*Applaus*")
    and sounds into a line ("(lacht)"): they were glued to the next sentence."""
    lines = WHISPER_TXT.split("\n")
    lines[5:5] = ["[Musik]", "*Applaus*"]
    lines[2] = "(lacht) " + lines[2]
    path = tmp_path / "interview.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    parsed = parse_file(path)
    texts = [s.text for s in parsed.segments]
    assert texts[2] == "Also ich wohne jetzt seit ungefähr zwanzig Jahren hier im Stadtteil."
    assert texts[4] == "Die älteren Leute müssen jetzt mit dem Bus in die Stadt fahren."
    assert parsed.options == {"sound_cues": 2, "sound_tags": 1}
    srt = tmp_path / "interview.srt"
    srt.write_text(
        "1\n00:00:00,000 --> 00:00:02,000\nGuten Abend.\n\n"
        "2\n00:00:02,000 --> 00:00:05,000\n*Musik*\n\n"
        "3\n00:00:05,000 --> 00:00:07,000\nBürger*innen sind willkommen.\n",
        encoding="utf-8",
    )
    assert [s.text for s in parse_file(srt).segments] == [
        "Guten Abend.",
        "Bürger*innen sind willkommen.",
    ]


def test_whisperx_text_joins_a_speakers_segments_into_one_turn(tmp_path: Path) -> None:
    """WhisperX's .txt has a line per segment, cut where the window ends: a speaker's
    consecutive segments are one turn, as in its .srt (not "der ist jetzt weg." alone)."""
    path = tmp_path / "whisperx.txt"
    path.write_text(
        "[SPEAKER_00]: Wie lange wohnen Sie schon in Manfort?\n"
        "[SPEAKER_01]: Seit zwanzig Jahren. Früher gab es hier einen Bäcker,\n"
        "[SPEAKER_01]: der ist jetzt weg.\n"
        "[SPEAKER_00]: Was fehlt Ihnen?\n"
        "[SPEAKER_01]: Ein Treffpunkt für Jugendliche.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.speaker_role, s.text) for s in parsed.segments] == [
        ("SPEAKER_00", "Wie lange wohnen Sie schon in Manfort?"),
        ("SPEAKER_01", "Seit zwanzig Jahren. Früher gab es hier einen Bäcker, der ist jetzt weg."),
        ("SPEAKER_00", "Was fehlt Ihnen?"),
        ("SPEAKER_01", "Ein Treffpunkt für Jugendliche."),
    ]


def test_a_dialogue_dash_in_whisper_text_is_no_list_item(tmp_path: Path) -> None:
    """Whisper starts a segment of two voices with a dash ("- Genau. - Ja."): read as a
    list item, it took all the lines below it as its continuation, one statement."""
    lines = WHISPER_TXT.split("\n")
    lines.insert(3, "- Genau. - Ja.")
    path = tmp_path / "interview.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    texts = [s.text for s in parse_file(path).segments]
    assert len(texts) == 10
    assert texts[3:5] == [
        "Genau. - Ja.",
        "Früher gab es hier noch einen Bäcker und eine Sparkasse, die sind jetzt beide weg.",
    ]


def test_a_recognisers_loop_is_read_once(tmp_path: Path) -> None:
    """Whisper caught in a loop writes the same segment again and again ("Vielen Dank."
    twenty times): each became a statement nobody said that often."""
    cues = ["Wie lange wohnen Sie schon hier?", "Seit zwanzig Jahren."] * 20
    cues[21:21] = ["Vielen Dank."] * 8 + ["Ja.", "Ja."]
    srt = tmp_path / "interview.srt"
    srt.write_text(
        "".join(
            f"{i + 1}\n00:{i // 60:02d}:{i % 60:02d},000 --> 00:{i // 60:02d}:{i % 60:02d},900\n"
            f"{text}\n\n"
            for i, text in enumerate(cues)
        ),
        encoding="utf-8",
    )
    parsed = parse_file(srt)
    texts = [s.text for s in parsed.segments]
    assert texts.count("Vielen Dank.") == 1 and texts.count("Ja.") == 2  # twice is speech
    assert parsed.options["repeats"] == 7
    lines = WHISPER_TXT.split("\n")
    lines[3:3] = ["Vielen Dank."] * 5
    txt = tmp_path / "interview.txt"
    txt.write_text("\n".join(lines), encoding="utf-8")
    parsed = parse_file(txt)
    assert [s.text for s in parsed.segments].count("Vielen Dank.") == 1
    assert parsed.options == {"repeats": 4}
