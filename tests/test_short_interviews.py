"""Interviews of a single question and answer, or a few turns, typed without times.

"I: …" / "B: …" is an interview however short: the labels become the statements' roles
and leave the text, in Word as in plain text and Markdown (a Word file of two such
paragraphs was refused with the protocol's message, a text file kept "I:" in the text).
So are "F: …" / "A: …" and "Frage: …" / "Antwort: …" (a Word file of two such paragraphs
was refused, while four were read as turns).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.transcript_files import import_into, write_file
from workbench import Project
from workbench.ingest import parse_file

QUESTION = "Was fehlt Ihnen im Viertel?"
ANSWER = "Ein Treffpunkt für Ältere, das Café hat kaum geöffnet."


def _docx(path: Path, paragraphs: list[str]) -> Path:
    """A Word file of ``paragraphs`` in the style "Standard", no heading."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("labels", "turns"),
    [
        (("I", "B"), 2),
        (("Int.", "Befragte"), 2),
        (("I", "B"), 3),
        (("F", "A"), 2),
        (("Frage", "Antwort"), 2),
        (("Q", "A"), 2),
    ],
)
@pytest.mark.parametrize("suffix", [".docx", ".txt", ".md"])
def test_a_short_interview_is_turns_with_roles(
    project: Project, tmp_path: Path, suffix: str, labels: tuple[str, str], turns: int
) -> None:
    asks, answers = labels
    lines = [f"{asks}: {QUESTION}", f"{answers}: {ANSWER}", f"{asks}: Danke."][:turns]
    if suffix == ".docx":
        path = _docx(tmp_path / "interview.docx", lines)
    else:
        path = write_file(tmp_path, f"interview{suffix}", "\n\n".join(lines) + "\n")
    said = [(s.speaker_role, s.text) for s in parse_file(path).segments]
    assert said == [(asks, QUESTION), (answers, ANSWER), (asks, "Danke.")][:turns]
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["text"]) == [text for _, text in said]
    assert list(stored["speaker_role"]) == [role for role, _ in said]


def test_a_protocols_lead_ins_stay_a_protocol(tmp_path: Path) -> None:
    """A guard: "Ergebnis:"/"Fazit:" ask and answer nothing."""
    path = write_file(
        tmp_path, "notiz.txt", "Ergebnis: Ein Treffpunkt fehlt.\nFazit: Das Café reicht nicht.\n"
    )
    said = [(s.speaker_role, s.text) for s in parse_file(path).segments]
    assert said == [
        (None, "Ergebnis: Ein Treffpunkt fehlt."),
        (None, "Fazit: Das Café reicht nicht."),
    ]


def test_two_answering_labels_ask_nothing(tmp_path: Path) -> None:
    """A guard: "A:"/"B:" say nobody asks (two notes of a card wall stay protocol lines)."""
    path = write_file(tmp_path, "karten.txt", f"A: {QUESTION}\nB: {ANSWER}\n")
    said = [(s.speaker_role, s.text) for s in parse_file(path).segments]
    assert said == [(None, f"A: {QUESTION}"), (None, f"B: {ANSWER}")]


@pytest.mark.parametrize(
    "request_",
    [
        "Erzählen Sie mal, wie Sie hier wohnen.",
        "Beschreiben Sie bitte Ihren Alltag im Viertel.",
        "Erzähl doch mal von deinem Viertel.",
    ],
)
@pytest.mark.parametrize("suffix", [".docx", ".txt", ".md"])
def test_a_narrative_request_is_asked_too(
    project: Project, tmp_path: Path, suffix: str, request_: str
) -> None:
    """ "I: Erzählen Sie mal, …" asks without "?": the request and its answer were two
    protocol lines with "I:"/"B:" in their text (Word: refused)."""
    lines = [f"I: {request_}", f"B: {ANSWER}"]
    if suffix == ".docx":
        path = _docx(tmp_path / "interview.docx", lines)
    else:
        path = write_file(tmp_path, f"interview{suffix}", "\n".join(lines) + "\n")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(zip(stored["speaker_role"], stored["text"], strict=True)) == [
        ("I", request_),
        ("B", ANSWER),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_an_instruction_in_result_minutes_asks_nothing(
    project: Project, tmp_path: Path, suffix: str
) -> None:
    """Result minutes coded I/B (Information, Beschluss): "I: Beachten Sie …" informs, it
    does not ask for an account like "Erzählen Sie …"; the two lines stay protocol lines."""
    lines = ["I: Beachten Sie die neuen Öffnungszeiten.", "B: Der Beirat beschließt die Umfrage."]
    path = write_file(tmp_path, f"ergebnisprotokoll{suffix}", "\n".join(lines) + "\n")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["speaker_role"].isna()) == [True, True]
    assert [t.split(":")[0] for t in stored["text"]] == ["I", "B"]
