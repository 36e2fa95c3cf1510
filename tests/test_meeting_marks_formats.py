"""Direction marks around speaker labels in the meeting files that are read on a detour:
a Markdown transcript below YAML front matter, a Word transcript, a noScribe web page.

Around or inside a label, U+200E/F, the embeddings and the isolates must not stop the
file being read as turns: each speaker a person in the key, written without the marks,
never in clear; the rows stay the file's lines.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import parse_file

LRM, FSI, RLI, PDI, RLE, PDF = "\u200e", "\u2068", "\u2067", "\u2069", "\u202b", "\u202c"
ARABIC = "ياسمين حداد"  # Yasmin Haddad
PLACEHOLDER = re.compile(r"^\[Person \d+\]$")
MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SAID = (
    "Guten Abend zusammen, wir fangen mit dem Spielplatz an.",
    "Danke, der Spielplatz ist abends sehr dunkel.",
    "Das nehmen wir auf, was fehlt noch?",
    "Und die Bänke am Wasserturm fehlen auch.",
)
MARKED = {  # how an export writes the labels of Anna Schmidt and Ben Berg
    "isolates": (f"{FSI}Anna Schmidt{PDI}", f"{FSI}Ben Berg{PDI}"),
    "mark inside": (f"Anna{LRM} Schmidt", f"Ben{LRM} Berg"),
    "embedding": (f"{RLE}Anna Schmidt{PDF}", f"{RLE}Ben Berg{PDF}"),
    "mark before": (f"{LRM}Anna Schmidt", f"{LRM}Ben Berg"),
    "arabic script": (f"{RLI}{ARABIC}{PDI}", "Ben Berg"),
}
FRONT = "---\nworkshop: Abendrunde\ndistrict: Manfort\ndate: 2026-03-12\n---\n\n"
MARKDOWN_TURNS = {  # a turn as a Markdown transcript writes it, at 00:00:1i
    "bold": "**{who}:** [00:00:1{i}] {said}",
    "bracket": "[00:00:1{i}] {who}: {said}",
    "plain": "00:00:1{i} {who}: {said}",
}


def _turns(anna: str, ben: str) -> list[tuple[str, str]]:
    return list(zip((anna, ben, anna, ben), SAID, strict=True))


def _assert_people(project: Project, marks: str) -> None:
    speakers = [a.get("speaker") for a in project.segments()["attributes"]]
    assert len(speakers) == 4 and all(s and PLACEHOLDER.match(s) for s in speakers), speakers
    assert speakers[0] == speakers[2] != speakers[1] == speakers[3]
    anna = ARABIC if marks == "arabic script" else "Anna Schmidt"
    assert {anna, "Ben Berg"} <= set(project.pseudonym_key()["original"])
    stored = stored_text(project)
    for clear in ("Schmidt", "Berg", "حداد"):
        assert clear not in stored
    assert not MARKS.search(stored)


@pytest.mark.parametrize("shape", MARKDOWN_TURNS)
@pytest.mark.parametrize("marks", MARKED)
def test_a_markdown_transcript_below_front_matter_reads_marked_labels(
    project: Project, tmp_path: Path, marks: str, shape: str
) -> None:
    turns = _turns(*MARKED[marks])
    body = "\n\n".join(
        MARKDOWN_TURNS[shape].format(who=who, said=said, i=i) for i, (who, said) in enumerate(turns)
    )
    path = tmp_path / "abendrunde.md"
    path.write_text(FRONT + body + "\n", encoding="utf-8")
    document = parse_file(path)
    assert document.importer == "speaker-turns"
    assert (document.workshop, document.district, document.date) == (
        "Abendrunde",
        "Manfort",
        "2026-03-12",
    )
    assert [s.row for s in document.segments] == [7, 9, 11, 13]  # the file's lines
    assert [s.text for s in document.segments] == list(SAID)
    project.import_files([path])
    _assert_people(project, marks)


def test_a_protocol_below_front_matter_keeps_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "notiz.md"
    path.write_text(
        FRONT + "Um 18:02 begann die Runde.\n\nIm Chat stand "
        f"{FSI}{ARABIC}{PDI}: Danke!\n\n{LRM}Der Park braucht Eimer.\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.importer == "markdown"
    assert f"{LRM}Der Park braucht Eimer." in [s.text for s in document.segments]


@pytest.mark.parametrize("shape", ["teams", "lines"])
@pytest.mark.parametrize("marks", MARKED)
def test_a_word_transcript_reads_marked_labels(
    project: Project, tmp_path: Path, marks: str, shape: str
) -> None:
    document = docx.Document()
    for i, (who, said) in enumerate(_turns(*MARKED[marks])):
        if shape == "teams":  # Teams' .docx: the speaker and the time, the turn below
            document.add_paragraph(f"{who}   0:0{i}")
            document.add_paragraph(said)
        else:
            document.add_paragraph(f"[00:00:1{i}] {who}: {said}")
    path = tmp_path / "besprechung.docx"
    document.save(path)
    assert [s.text for s in parse_file(path).segments] == list(SAID)
    project.import_files([path], district="Manfort")
    _assert_people(project, marks)


def _noscribe_page(path: Path, turns: list[tuple[str, str]]) -> Path:
    """A page as noScribe writes it (see tests/test_noscribe_short.py), a timed turn per
    paragraph."""
    paragraphs = [
        '<p style="font-weight:600;">runde</p>',
        '<p><span style="color: #909090">Transkribiert mit noScribe Vers. 0.6.2<br/>'
        "Audiodatei: runde.mp3</span></p>",
        "<p></p>",
        *(
            f'<p><a name="ts_{i * 8000}_{i * 8000 + 4000}_S0{i % 2}" >{html.escape(who)}: '
            f"[00:00:{i * 8:02d}] {html.escape(said)}</a></p>"
            for i, (who, said) in enumerate(turns)
        ),
    ]
    path.write_text(
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><head><meta charset="UTF-8" />'
        '</head><body><div class="WordSection1">' + "".join(paragraphs) + "</div></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("marks", MARKED)
def test_a_noscribe_page_reads_marked_labels(project: Project, tmp_path: Path, marks: str) -> None:
    path = _noscribe_page(tmp_path / "runde.html", _turns(*MARKED[marks]))
    assert [s.text for s in parse_file(path).segments] == list(SAID)
    project.import_files([path], district="Manfort")
    _assert_people(project, marks)


def test_a_noscribe_page_reads_marked_speaker_numbers(tmp_path: Path) -> None:
    turns = _turns(f"{FSI}S00{PDI}", f"{LRM}S01")
    document = parse_file(_noscribe_page(tmp_path / "runde.html", turns))
    assert [s.speaker_role for s in document.segments] == ["S00", "S01"] * 2
