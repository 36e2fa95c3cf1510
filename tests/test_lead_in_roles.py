"""A protocol's lead-ins ("Ergebnis:", "Idee:", "Thema 1:") under headings or without
them are statements' labels, never speaker roles; people's and voices' turns stay turns."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.ingest import parse_file

PARTS = [
    ("Verkehr", [("Idee", "Mehr Bänke am Markt."), ("Hinweis", "Der Bus fährt selten.")]),
    ("Grün", [("Ergebnis", "Abends fehlt Licht."), ("Thema 1", "Ein Treffpunkt fehlt.")]),
    ("Treffpunkte", [("Idee", "Das Büro berät gut."), ("Ergebnis", "Mehr Licht.")]),
]


def _said(path: Path) -> list[tuple[str | None, str]]:
    return [(s.speaker_role, s.text) for s in parse_file(path).segments]


def _markdown(parts: list, mark: str) -> str:
    lines = ["# Protokoll Stadtteilrunde", ""] if mark == "##" else []
    for part, said in parts:
        lines += [f"{mark} {part}", ""] if mark else []
        lines += [line for label, text in said for line in (f"{label}: {text}", "")]
    return "\n".join(lines)


@pytest.mark.parametrize("mark", ["#", "##", ""], ids=["hash-parts", "sub-parts", "txt"])
def test_repeated_lead_ins_are_no_speaker_roles(tmp_path: Path, mark: str) -> None:
    """Each "Idee: …" / "Ergebnis: …" paragraph is one statement with its lead-in in its
    text and no speaker role (before: read as turns, "Idee" a speaker's role and the
    lead-in gone from the text) — under "#" parts, "##" parts or in a plain text."""
    path = tmp_path / ("runde.txt" if not mark else "runde.md")
    path.write_text(_markdown(PARTS, mark), encoding="utf-8")
    said = _said(path)
    expected = [f"{label}: {text}" for _, lines in PARTS for label, text in lines]
    assert [text for _, text in said if text in expected] == expected
    assert {role for role, _ in said} == {None}


def test_word_lead_ins_under_headings_are_no_speaker_roles(tmp_path: Path) -> None:
    """A Word protocol with heading styles whose paragraphs open with lead-ins keeps them
    as statements under each heading (before: turns of speakers "Idee", "Ergebnis")."""
    document = docx.Document()
    for part, lines in PARTS:
        document.add_heading(part, level=1)
        for label, text in lines:
            document.add_paragraph(f"{label}: {text}")
    path = tmp_path / "runde.docx"
    document.save(str(path))
    segments = parse_file(path).segments
    assert [(s.question, s.speaker_role, s.text) for s in segments] == [
        (part, None, f"{label}: {text}") for part, lines in PARTS for label, text in lines
    ]


@pytest.mark.parametrize("mark", ["#", "##"], ids=["hash-parts", "sub-parts"])
def test_roles_and_voices_under_headings_stay_speakers(tmp_path: Path, mark: str) -> None:
    """Guard: "Moderation:" with numbered voices under the parts stay turns whose labels
    are speaker roles, not in the text."""
    parts = [
        ("Verkehr", [("Moderation", "Was fehlt?"), ("Sprecher 1", "Mehr Bänke.")]),
        ("Grün", [("Sprecher 2", "Abends fehlt Licht."), ("Sprecher 1", "Ein Treffpunkt.")]),
    ]
    path = tmp_path / "runde.md"
    path.write_text(_markdown(parts, mark), encoding="utf-8")
    assert _said(path) == [(label, text) for _, lines in parts for label, text in lines]


def test_interview_of_question_and_answer_labels_stays_turns(tmp_path: Path) -> None:
    """Guard: "Frage: …?" / "Antwort: …" in turn make an interview's turns as before
    (the lead-in rule leaves an interview's labels alone)."""
    path = tmp_path / "interview.txt"
    path.write_text(
        "Frage: Was fehlt Ihnen im Quartier?\nAntwort: Ein Treffpunkt für Jugendliche.\n"
        "Frage: Und abends?\nAntwort: Mehr Licht am Weg zur Haltestelle.\n",
        encoding="utf-8",
    )
    assert [role for role, _ in _said(path)] == ["Frage", "Antwort", "Frage", "Antwort"]
