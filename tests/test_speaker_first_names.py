"""One person, one placeholder: a speaker and her first name in another speaker's words.

"Karl Weber" speaks, "Anna Schmidt" answers "Danke Karl, …": "Karl" is Karl Weber's
placeholder, and the pseudonym key names him in full ("Karl Weber", not the "Karl" the
statements met before the speaker names). Two speakers called Karl: "Danke Karl" names
neither of them and stays a person of its own.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

SAID = "Guten Abend zusammen, heute geht es um den Spielplatz."
THANKS = "Danke Karl, der Spielplatz an der Schule ist zu klein."
VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Karl Weber>{said}\n\n"
    "00:00:05.000 --> 00:00:09.000\n<v Anna Schmidt (Guest)>{thanks}\n"
)
ZOOM = (
    "18:00:05 Von Karl Weber an Alle:\n\t{said}\n18:01:10 Von Anna Schmidt an Alle:\n\t{thanks}\n"
)
TURNS = "Karl Weber: {said}\n\nAnna Schmidt: {thanks}\n\nKarl Weber: Das sehe ich auch so.\n"


def _write(path: Path, template: str) -> Path:
    text = template.format(said=SAID, thanks=THANKS)
    if path.suffix == ".docx":
        document = docx.Document()
        for paragraph in text.split("\n\n"):
            document.add_paragraph(paragraph.strip())
        document.save(path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _import(project: Project, path: Path) -> None:
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Abend"]) == 0


def _thanked(project: Project) -> str:
    """The placeholder that "Karl" became in "Danke Karl"."""
    text = next(t for t in project.segments()["text"] if t.startswith("Danke ") or ": Danke" in t)
    return text.split("Danke ", 1)[1].split(",", 1)[0]


@pytest.mark.parametrize(
    ("name", "template"),
    [("abend.vtt", VTT), ("chat.txt", ZOOM), ("abend.txt", TURNS), ("abend.docx", TURNS)],
)
def test_a_speakers_first_name_is_her_placeholder_and_the_key_names_her_in_full(
    project: Project, tmp_path: Path, name: str, template: str
) -> None:
    _import(project, _write(tmp_path / name, template))
    key = project.pseudonym_key()
    people = dict(zip(key["placeholder"], key["original"], strict=True))
    karl = _thanked(project)
    assert people[karl] == "Karl Weber", people  # not "Karl": whom the key means
    assert sorted(people.values()) == ["Anna Schmidt", "Karl Weber"], people
    segments = project.segments()
    assert karl in set(segments["speaker"]), segments["speaker"].tolist()
    stored = stored_text(project)
    assert "Karl" not in stored and "Weber" not in stored and "Schmidt" not in stored


def test_two_speakers_called_karl_leave_danke_karl_a_person_of_its_own(
    project: Project, tmp_path: Path
) -> None:
    both = VTT.replace(
        "\n\n00:00:05", "\n\n00:00:04.500 --> 00:00:04.900\n<v Karl Braun>Ich auch.\n\n00:00:05"
    )
    _import(project, _write(tmp_path / "abend.vtt", both))
    key = project.pseudonym_key()
    people = dict(zip(key["placeholder"], key["original"], strict=True))
    assert people[_thanked(project)] == "Karl", people  # neither Karl Weber nor Karl Braun
    assert {"Karl Weber", "Karl Braun", "Anna Schmidt"} <= set(people.values())


def test_a_speaker_written_into_a_markdown_protocol_is_the_karl_she_is_thanked_as(
    project: Project, tmp_path: Path
) -> None:
    # a protocol without bold: the lead-in "Karl Weber:" stays in the statement's text
    topics = "\nOffene Fragen: Wer mäht?\n\nPraktischer Klimaschutz: Weniger Müll.\n"
    _import(project, _write(tmp_path / "abend.md", TURNS + topics))
    texts = project.segments()["text"].tolist()
    speaker = texts[0].split(":", 1)[0]
    assert speaker.startswith("[Person "), texts
    assert _thanked(project) == speaker, texts
    key = project.pseudonym_key()
    people = dict(zip(key["placeholder"], key["original"], strict=True))
    assert sorted(people.values()) == ["Anna Schmidt", "Karl Weber"], people
    # lead-ins that name nobody: topics
    assert texts[-2:] == ["Offene Fragen: Wer mäht?", "Praktischer Klimaschutz: Weniger Müll."]


def test_two_karls_in_a_markdown_protocol_leave_danke_karl_a_person_of_its_own(
    project: Project, tmp_path: Path
) -> None:
    both = TURNS.replace("\n\nAnna", "\n\nKarl Braun: Ich auch.\n\nAnna")
    _import(project, _write(tmp_path / "abend.md", both))
    key = project.pseudonym_key()
    people = dict(zip(key["placeholder"], key["original"], strict=True))
    assert people[_thanked(project)] == "Karl", people
    assert {"Karl Weber", "Karl Braun", "Anna Schmidt"} <= set(people.values())


def test_a_plain_lead_in_that_names_a_place_puts_no_name_on_the_list(
    project: Project, tmp_path: Path
) -> None:
    # "Paris Bar:" and "Mark Brandenburg:" are places: "Paris" of another statement stays
    text = (
        "Paris Bar: Hier treffen wir uns oft am Abend.\n\nWir fahren im Sommer nach Paris.\n\n"
        "Mark Brandenburg: Viele pendeln von dort.\n"
    )
    path = tmp_path / "abend.md"
    path.write_text(text, encoding="utf-8")
    _import(project, path)
    texts = project.segments()["text"].tolist()
    assert texts == [t.strip() for t in text.split("\n\n")], texts
    assert project.pseudonym_key().empty
