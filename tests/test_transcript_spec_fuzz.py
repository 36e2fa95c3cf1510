"""WebVTT and SubRip transcripts as the spec and other programs write them (found by fuzzing).

The files come from ``tests/vtt_fuzz_gen.py`` (seeded; the W3C WebVTT spec's features and
the shapes of Zoom, Teams, Webex, Whisper and SubRip tools) with the truth of every cue:
who said what. The larger run (300 files, counts, a TXT protocol as reference for the
pseudonymisation) is ``benchmarks/transcript_spec_fuzz.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.vtt_fuzz_gen import generate
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.transcript_srt import parse_srt
from workbench.ingest.transcript_vtt import parse_vtt


def _said(path: Path, text: str) -> list[tuple[str | None, str]]:
    path.write_text(text, encoding="utf-8")
    parse = parse_srt if path.suffix == ".srt" else parse_vtt
    return [(s.attributes.get("speaker"), s.text) for s in parse(path).segments]


# 47: Webex names the speaker in the cue's identifier; a sentence with a colon in the
# cue ("Mein Vorschlag: …") took "Mein Vorschlag" for the speaker, and where such labels
# were rare the cue lost its speaker altogether (33 of 51 Webex files in the fuzz).
def test_webex_identifier_stays_the_speaker_of_a_text_with_a_colon(tmp_path: Path) -> None:
    said = _said(
        tmp_path / "webex.vtt",
        'WEBVTT\n\n1 "Anna Schmidt" (3108273152)\n00:00:01.000 --> 00:00:03.000\n'
        "Guten Abend zusammen.\n\n"
        '2 "Kemal Öztürk" (3108273153)\n00:00:03.500 --> 00:00:05.000\n'
        "Mein Vorschlag: ein Treffpunkt für Jugendliche am Markt.\n\n"
        '3 "Anna Schmidt" (3108273152)\n00:00:05.500 --> 00:00:07.000\n'
        "Das nehmen wir auf.\n\n"
        '4 "Kemal Öztürk" (3108273153)\n00:00:07.500 --> 00:00:09.000\n'
        "Kemal Öztürk: Danke.\n",
    )
    assert said == [
        ("Anna Schmidt", "Guten Abend zusammen."),
        ("Kemal Öztürk", "Mein Vorschlag: ein Treffpunkt für Jugendliche am Markt."),
        ("Anna Schmidt", "Das nehmen wir auf."),
        ("Kemal Öztürk", "Danke."),  # the identifier's own name before the text is read once
    ]


# 47: SubRip has no escapes; a "<" that opens no tag was read as a tag up to the next
# ">" or the line's end, and the rest of the sentence was lost ("Tempo").
def test_subrip_less_than_sign_is_text_and_tags_still_go(tmp_path: Path) -> None:
    said = _said(
        tmp_path / "otter.srt",
        "1\n00:00:01,000 --> 00:00:03,000\nAnna Schmidt: Tempo < 30 vor der Grundschule.\n\n"
        '2\n00:00:03,500 --> 00:00:05,000\n<font color="#ffff00">Kemal Öztürk:</font> '
        "<i>Mehr als 3<5 Bänke</i> am Markt.\n",
    )
    assert [text for _, text in said] == [
        "Tempo < 30 vor der Grundschule.",
        "Mehr als 3<5 Bänke am Markt.",
    ]


# 47: the ruby text of a WebVTT cue (its annotation) was glued to the base text:
# "Am Brunnenam Markt fehlt abends die Beleuchtung."
def test_webvtt_ruby_annotation_is_not_part_of_what_was_said(tmp_path: Path) -> None:
    said = _said(
        tmp_path / "ruby.vtt",
        "WEBVTT\n\n00:01.000 --> 00:03.000\n"
        "<v Anna Schmidt>Am <ruby>Brunnen<rt>am Markt</rt></ruby> fehlt Licht.\n\n"
        "00:03.500 --> 00:05.000\n<v Anna Schmidt>Und <ruby>dort<rt.klein>drüben</ruby> auch.\n",
    )
    assert said == [("Anna Schmidt", "Am Brunnen fehlt Licht. Und dort auch.")]


# 47: in a Whisper file without speakers, a two-line cue whose second line begins
# "Mein Vorschlag: …" made the whole first sentence a speaker's "name" (listed as a
# person), where most cues had such a line.
def test_sentence_before_a_colon_is_no_speaker(tmp_path: Path) -> None:
    said = _said(
        tmp_path / "whisper.vtt",
        "WEBVTT\n\n00:01.000 --> 00:03.000\nDie Linie 5 fährt nur noch stündlich.\n"
        "Mein Vorschlag: ein Treffpunkt am Markt.\n\n"
        "00:03.500 --> 00:05.000\nDas Fest war gut besucht.\nMein Vorschlag: mehr Bänke.\n",
    )
    assert said == [
        (None, "Die Linie 5 fährt nur noch stündlich. Mein Vorschlag: ein Treffpunkt am Markt."),
        (None, "Das Fest war gut besucht. Mein Vorschlag: mehr Bänke."),
    ]


def test_dr_before_a_name_still_labels_the_speaker(tmp_path: Path) -> None:
    """Guard for the rule above: "Dr." or "med." before the name is no sentence end."""
    said = _said(
        tmp_path / "zoom.vtt",
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nDr. med. Anna Schmidt: Guten Abend.\n\n"
        "2\n00:00:03.500 --> 00:00:05.000\nKemal Öztürk: Hallo.\n",
    )
    assert [speaker for speaker, _ in said] == ["Dr. med. Anna Schmidt", "Kemal Öztürk"]


def _runs(pairs: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    runs: list[tuple[str | None, str]] = []
    for speaker, text in pairs:
        if runs and runs[-1][0] == speaker:
            runs[-1] = (speaker, f"{runs[-1][1]} {text}")
        else:
            runs.append((speaker, text))
    return [(s, " ".join(t.replace("\u200e", "").replace("\u200f", "").split())) for s, t in runs]


# One file of every shape (zoom 2, teams 1, webex 7, whisper 0, spec 53 with ruby and two
# voices, srt 38 with "<"); of 300 the code before read 33 Webex, 12 SubRip and 4 WebVTT
# files wrong, 7, 38 and 53 among them.
@pytest.mark.parametrize("seed", [2, 1, 7, 0, 53, 38])
def test_generated_transcripts_keep_who_said_what(
    seed: int, project: Project, tmp_path: Path
) -> None:
    fuzzed = generate(seed)
    path = tmp_path / fuzzed.name
    path.write_bytes(fuzzed.data)
    argv = ["--project", str(project.path), "import", str(path), "--district", "Manfort"]
    assert main(argv) == 0
    key = dict(project.pseudonym_key()[["placeholder", "original"]].values)
    stored = [
        (key.get(a.get("speaker")) if a.get("speaker") else None, text)
        for a, text in project.segments().sort_values("position")[["attributes", "text"]].values
    ]
    got, want = _runs(stored), _runs(fuzzed.cues)
    assert [s for s, _ in got] == [s for s, _ in want], fuzzed.shape
    slot = r"\[Person \d+\]"
    for (_, have), (_, said) in zip(got, want, strict=True):
        names = sorted(set(fuzzed.mentioned), key=len, reverse=True)
        parts = re.split("(" + "|".join(map(re.escape, names)) + ")", said) if names else [said]
        pattern = "".join(slot if i % 2 else re.escape(p) for i, p in enumerate(parts))
        assert re.fullmatch(pattern, have), (fuzzed.shape, have)
    clear = stored_text(project)
    for person in fuzzed.speakers + fuzzed.mentioned:
        for word in person.split():
            if word not in ("Frau", "Herr"):
                assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", clear), word
