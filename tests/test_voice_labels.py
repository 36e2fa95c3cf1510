"""Protocols typed with numbered voices: "Sprecher 1: …", "TN 3: …", "P1: …".

A TXT protocol whose paragraphs open with voices that each speak once (the transcript
fuzz's seed 169 as a TXT protocol), the same in Markdown (also when the voices speak more
than once) and Word, were read as a protocol: the label stayed in the statement's text
and the speakers were lost. A voice is a role, distinct per voice, never a person.
Blind set: benchmarks/voice_labels_blind.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into, write_file
from workbench import Project
from workbench.ingest import parse_file

SAID = [
    "Mein Vorschlag ist ein Treffpunkt für Jugendliche am Markt.",
    "Wir brauchen mehr Bänke im Schatten, gerade für Ältere.",
    "Am Brunnen fehlt abends die Beleuchtung.",
]


def _said(path: Path) -> list[tuple[str | None, str, bool]]:
    return [(s.speaker_role, s.text, "speaker" in s.attributes) for s in parse_file(path).segments]


@pytest.mark.parametrize(
    "voices",
    [
        ["Sprecher 1", "Sprecher 2", "Sprecher 3"],
        ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"],
        ["TN 1", "TN 2", "TN 3"],
        ["P1", "P2", "P3"],
        ["Moderation", "Teilnehmerin 4", "Teilnehmer 2"],
    ],
)
def test_voices_each_once_in_a_txt_protocol_are_turns(tmp_path: Path, voices: list[str]) -> None:
    text = "\n\n".join(f"{v}: {s}" for v, s in zip(voices, SAID, strict=True)) + "\n"
    path = write_file(tmp_path, "runde.txt", text)
    assert _said(path) == [(v, s, False) for v, s in zip(voices, SAID, strict=True)]


def test_two_voices_under_a_heading_are_turns(tmp_path: Path) -> None:
    text = f"Transkript 12.03.2024\nSpeaker 1: {SAID[0]}\nSpeaker 2: {SAID[1]}\n"
    path = write_file(tmp_path, "runde.txt", text)
    assert [(r, t) for r, t, _ in _said(path)][-2:] == [
        ("Speaker 1", SAID[0]),
        ("Speaker 2", SAID[1]),
    ]


def test_repeated_voices_in_markdown_are_turns(tmp_path: Path) -> None:
    voices = ["Sprecherin 1", "Sprecherin 2", "Sprecherin 1", "Sprecherin 2"]
    said = [*SAID, "Genau, vor allem am Wochenende."]
    text = "\n\n".join(f"{v}: {s}" for v, s in zip(voices, said, strict=False)) + "\n"
    path = write_file(tmp_path, "runde.md", text)
    assert _said(path) == [(v, s, False) for v, s in zip(voices, said, strict=False)]


def test_voices_in_a_word_file_are_turns(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    voices = ["Teilnehmerin 1", "Teilnehmerin 2", "Teilnehmerin 3"]
    for voice, said in zip(voices, SAID, strict=True):
        doc.add_paragraph(f"{voice}: {said}")
    doc.save(tmp_path / "runde.docx")
    assert _said(tmp_path / "runde.docx") == [
        (v, s, False) for v, s in zip(voices, SAID, strict=True)
    ]


def test_voices_are_roles_apart_and_no_person(project: Project, tmp_path: Path) -> None:
    text = "\n\n".join(f"Sprecher {i}: {s}" for i, s in enumerate(SAID, start=1)) + "\n"
    assert import_into(project, write_file(tmp_path, "runde.txt", text)) == 0
    segments = project.segments().sort_values("position")
    assert list(segments["speaker_role"]) == ["Sprecher 1", "Sprecher 2", "Sprecher 3"]
    assert list(segments["text"]) == SAID
    assert project.pseudonym_key().empty


@pytest.mark.parametrize(
    "leads",
    [["Thema 1", "Gruppe 2", "Tisch 3"], ["S1", "S6", "A3"], ["TOP 2", "Station 2", "Phase 1"]],
)
def test_a_protocols_numbered_lead_ins_stay_in_its_text(tmp_path: Path, leads: list[str]) -> None:
    """Guard (passes on the old code too): topics, tables, train lines are no voices."""
    text = "\n\n".join(f"{v}: {s}" for v, s in zip(leads, SAID, strict=True)) + "\n"
    path = write_file(tmp_path, "runde.txt", text)
    assert _said(path) == [(None, f"{v}: {s}", False) for v, s in zip(leads, SAID, strict=True)]
