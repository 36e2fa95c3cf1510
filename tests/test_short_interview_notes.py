"""Two notes "I: Idee …" / "B: Bedarf …" are no interview: nobody asks.

A single question and its answer ("I: Was fehlt Ihnen?" / "B: …") is an interview however
short; two card notes whose letters stand for "Idee" and "Bedarf" ask nothing and stay a
protocol's lines, their letters in the text, with no interviewer's or interviewee's role.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import write_file
from workbench.ingest import parse_file
from workbench.ingest.few_turns import interview_evidence
from workbench.ingest.turn_lines import read_turns

NOTES = [
    "I: Idee – ein Repair-Café im Stadtteilzentrum.",
    "B: Bedarf – mehr Sitzgelegenheiten an der Bushaltestelle.",
]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_two_card_notes_stay_a_protocols_lines(tmp_path: Path, suffix: str) -> None:
    path = write_file(tmp_path, f"karten{suffix}", "\n\n".join(NOTES) + "\n")
    said = [(s.speaker_role, s.text) for s in parse_file(path).segments]
    assert said == [(None, note) for note in NOTES]


def test_a_question_and_its_answer_stay_an_interview(tmp_path: Path) -> None:
    """A guard: where the interviewer asks, two turns are an interview."""
    lines = ["I: Erzählen Sie, was fehlt Ihnen?", "B: Ein Treffpunkt für Ältere."]
    path = write_file(tmp_path, "interview.txt", "\n".join(lines) + "\n")
    said = [(s.speaker_role, s.text) for s in parse_file(path).segments]
    assert said == [("I", "Erzählen Sie, was fehlt Ihnen?"), ("B", "Ein Treffpunkt für Ältere.")]


def test_interview_evidence_needs_a_question_where_a_label_speaks_once() -> None:
    def turns(text: str) -> list:
        return read_turns(text).turns

    assert not interview_evidence(turns("\n".join(NOTES)))
    assert interview_evidence(turns("I: Was fehlt?\nB: Ein Café."))
    # each label twice: an interview as before, questions or not
    assert interview_evidence(turns("I: Idee.\nB: Bedarf.\nI: Idee 2.\nB: Bedarf 2."))
