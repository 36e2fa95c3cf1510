"""Words that open what is said ("Ja: …", "Also: …", "Genau: …") are no speakers, in
WebVTT, SubRip and TXT, even where they open most cues of a file without speakers (found
by ``benchmarks/transcript_spec_fuzz.py --gen shapes``, ``tests/meeting_shapes_gen.py``);
names, pronouns in a label and anonymous voices stay speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest.dispatch import parse_file
from workbench.ingest.transcript_srt import parse_srt
from workbench.ingest.transcript_vtt import parse_vtt

OPENED = [
    "Ja: der Spielplatz ist gesperrt.",
    "Also: das Sommerfest war gut besucht.",
    "Genau: die Linie 5 fährt nur stündlich.",
    "Gut: mehr Bänke im Schatten.",
    "Moment: am Brunnen fehlt Licht.",
    "Naja: die Mieten steigen.",
]


def _said(path: Path, text: str) -> list[tuple[str | None, str]]:
    path.write_text(text, encoding="utf-8")
    parse = {".srt": parse_srt, ".vtt": parse_vtt}.get(path.suffix, parse_file)
    return [(s.attributes.get("speaker") or s.speaker_role, s.text) for s in parse(path).segments]


def _vtt(lines: list[str]) -> str:
    cues = [f"00:0{i}.000 --> 00:0{i}.900\n{line}" for i, line in enumerate(lines)]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def _srt(lines: list[str]) -> str:
    cues = [f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}" for i, line in enumerate(lines, 1)]
    return "\n\n".join(cues) + "\n"


# 48: in a Whisper file where most cues opened "Ja: …", "Also: …", "Genau: …", each word
# became a speaker (a placeholder in the key for "Ja") and the word left the text.
@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_words_opening_most_cues_are_said_not_speakers(tmp_path: Path, suffix: str) -> None:
    text = (_vtt if suffix == ".vtt" else _srt)(OPENED)
    said = _said(tmp_path / f"whisper{suffix}", text)
    assert said == [(None, line) for line in OPENED]


def test_answer_words_after_a_time_in_a_txt_protocol_are_said(tmp_path: Path) -> None:
    """48: "[00:01:02] Moment: …" lines made "Moment", "Gut" and "Naja" senders."""
    lines = [f"[00:0{i}:02] {line}" for i, line in enumerate(OPENED)]
    said = _said(tmp_path / "protokoll.txt", "\n".join(lines) + "\n")
    assert all(speaker is None for speaker, _ in said)
    assert all(line.split(": ", 1)[0] in " ".join(t for _, t in said) for line in OPENED)


def test_names_pronouns_and_voices_stay_speakers(tmp_path: Path) -> None:
    """Guard: a name, a name with pronouns, "Nachname, Vorname", a voice label and a
    surname that is an answer word before a sentence ("Gut: Der Park …") stay speakers."""
    said = _said(
        tmp_path / "zoom.vtt",
        _vtt(
            [
                "Anna Schmidt (sie/ihr): Ja, genau.",
                "Öztürk, Kemal: Der Spielplatz ist gesperrt.",
                "SPEAKER_00: Am Brunnen fehlt Licht.",
                "Gut: Der Park ist abends dunkel und leer.",
                "Anna Schmidt: Danke.",
            ]
        ),
    )
    assert [s for s, _ in said] == [
        "Anna Schmidt",  # one person with and without her pronouns
        "Kemal Öztürk",
        "SPEAKER_00",
        "Gut",
        "Anna Schmidt",
    ]
