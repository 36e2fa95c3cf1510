"""The JSON of speech recognisers (Whisper, WhisperX) is read as a transcript: turns with
their times and speakers, not table rows with token ids, probabilities and word timings."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file


def _words(text: str, start: float, speaker: str) -> list[dict]:
    """WhisperX's word timings of a segment."""
    return [
        {"word": w, "start": start + i * 0.3, "end": start + i * 0.3 + 0.2, "score": 0.9,
         "speaker": speaker}
        for i, w in enumerate(text.split())
    ]  # fmt: skip


def _whisperx(speakers: list[str]) -> dict:
    """A WhisperX result with diarisation: segments with speaker, words and scores."""
    said = [
        (0.0, 4.2, " Wie lange wohnen Sie schon in Manfort?"),
        (4.8, 8.1, " Seit zwanzig Jahren. Früher gab es hier einen Bäcker,"),
        (8.3, 12.1, " der ist jetzt weg. (lacht)"),
        (12.5, 15.0, " Was fehlt Ihnen, Frau Schmidt?"),
        (15.3, 16.0, " [Musik]"),
    ]
    segments = [
        {"id": i, "seek": 0, "start": start, "end": end, "text": text,
         "tokens": [50364, 1234, 5678], "temperature": 0.0, "avg_logprob": -0.23,
         "compression_ratio": 1.4, "no_speech_prob": 0.01,
         "speaker": speakers[i], "words": _words(text, start, speakers[i])}
        for i, (start, end, text) in enumerate(said)
    ]  # fmt: skip
    words = [w for s in segments for w in s["words"]]
    return {"segments": segments, "word_segments": words, "language": "de"}


def _write(tmp_path: Path, name: str, value: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_whisperx_json_is_read_turn_by_turn_without_the_recognisers_clutter(
    tmp_path: Path,
) -> None:
    speakers = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_01", "SPEAKER_00", "SPEAKER_00"]
    parsed = parse_file(_write(tmp_path, "interview.json", _whisperx(speakers)))
    assert [(s.speaker_role, s.text) for s in parsed.segments] == [
        ("SPEAKER_00", "Wie lange wohnen Sie schon in Manfort?"),
        ("SPEAKER_01", "Seit zwanzig Jahren. Früher gab es hier einen Bäcker, der ist jetzt weg."),
        ("SPEAKER_00", "Was fehlt Ihnen, Frau Schmidt?"),
    ]  # one statement per turn; "(lacht)" and "[Musik]" are no words
    assert [s.attributes for s in parsed.segments[1:2]] == [
        {"start_time": "00:00:04.800", "end_time": "00:00:12.100", "cues": 2}
    ]


def test_whisper_json_without_speakers_is_read_sentence_by_sentence(tmp_path: Path) -> None:
    value = _whisperx(["SPEAKER_00"] * 5)
    for segment in value["segments"]:
        del segment["speaker"], segment["words"]
    del value["word_segments"]
    parsed = parse_file(_write(tmp_path, "interview.json", value))
    assert [s.text for s in parsed.segments][1] == (
        "Seit zwanzig Jahren. Früher gab es hier einen Bäcker, der ist jetzt weg."
    )
    assert all(set(s.attributes) == {"start_time", "end_time", "cues"} for s in parsed.segments)


def test_speakers_named_in_a_recognisers_json_are_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    speakers = ["Kerstin Wagner", "Anna Schmidt", "Anna Schmidt", "Kerstin Wagner", "Anna Schmidt"]
    path = _write(tmp_path, "interview.json", _whisperx(speakers))
    assert main(["--project", str(project.path), "import", str(path), "--district", "Manfort"]) == 0
    stored = stored_text(project)
    assert "Schmidt" not in stored and "Wagner" not in stored
    assert "avg_logprob" not in stored and "no_speech_prob" not in stored


def test_a_platforms_json_with_texts_stays_a_table(tmp_path: Path) -> None:
    rows = [{"id": i, "title": f"Idee {i}", "body": "Mehr Bänke am Markt."} for i in (1, 2)]
    parsed = parse_file(_write(tmp_path, "ideen.json", {"data": rows}))
    assert parsed.importer == "json"


def test_whispers_tsv_is_read_like_its_json(tmp_path: Path) -> None:
    """Whisper writes .txt, .srt, .vtt, .tsv and .json; its TSV has the times in
    milliseconds and a segment per row, cut mid-sentence where the window ends."""
    path = tmp_path / "interview.tsv"
    path.write_text(
        "start\tend\ttext\n"
        "0\t4200\tWie lange wohnen Sie schon in Manfort?\n"
        "4800\t8100\tSeit zwanzig Jahren. Früher gab es hier einen Bäcker,\n"
        "8300\t12100\tder ist jetzt weg.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [(s.text, s.attributes["start_time"]) for s in parsed.segments] == [
        ("Wie lange wohnen Sie schon in Manfort?", "00:00:00.000"),
        (
            "Seit zwanzig Jahren. Früher gab es hier einen Bäcker, der ist jetzt weg.",
            "00:00:04.800",
        ),
    ]
    assert "start" not in parsed.segments[0].attributes
