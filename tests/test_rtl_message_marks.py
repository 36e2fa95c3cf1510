"""Direction marks in the texts of meeting files: the labels are read without them, the
messages keep them.

A message in Arabic, Hebrew or Persian mixed with Latin words or digits needs its marks
(U+200F, the isolates U+2066–U+2069, the embeddings) to display in the right order. The
readers of chats and transcripts take the marks out only where they stand around or in a
speaker label, a time stamp or the separators; the text after the label is the file's,
byte for byte. Names in such a text are still found across the marks.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import parse_file
from workbench.store import PseudonymSpan, Segment

LRM, RLM, FSI, LRI, RLI, PDI = "\u200e", "\u200f", "\u2068", "\u2066", "\u2067", "\u2069"
RLE, PDF = "\u202b", "\u202c"
PLACEHOLDER = re.compile(r"\[Person \d+\]")
ANNA, BEN = f"{FSI}Anna Schmidt{PDI}", f"Ben{LRM} Berg"  # labels as exports write them
SAID = (  # right-to-left messages with Latin words and digits, and their marks
    f"{RLM}الحديقة تحتاج إلى إضاءة بعد الساعة 18:00{RLM}",
    f"نحتاج {LRI}Bus 212{PDI} كل يوم، ليس فقط 3 مرات",
    f"{RLE}המרכז פתוח עד 20 Uhr{PDF} אבל צריך עוד מקומות",
    f"Ich heiße {RLI}ياسمين{PDI} und wohne seit 2019 in Manfort.",
)
# One file per meeting format: {a}/{b} the labels, {t[i]} the texts, {i} a turn's number
TURN = {
    "transkript.txt": "{who}: {said}\n",
    "bbb.txt": "[18:0{i}] {who} : {said}\n",
    "otter.txt": "{who}  0:1{i}\n{said}\n\n",
    "zoom.txt": "00:06:1{i}\t{who}:\t{said}\n",
    "zoom_lokal.txt": "18:02:1{i} Von {who} an Alle: {said}\n",
    "element.txt": "Thu, Dec 5 2026 18:0{i}:12 - {who}: {said}\n",
    "stimmen.vtt": "00:00:1{i}.120 --> 00:00:1{i}.450\n<v {who}>{said}</v>\n\n",
    "zoom.vtt": "{n}\n00:00:1{i}.120 --> 00:00:1{i}.450\n{who}: {said}\n\n",
    "untertitel.srt": "{n}\n00:00:1{i},120 --> 00:00:1{i},450\n{who}: {said}\n\n",
    "meet.sbv": "0:00:1{i}.120,0:00:1{i}.450\n{who}: {said}\n\n",
    "whatsapp_ios.txt": "[12.03.21, 18:0{i}:11] {who}: {said}\n",
    "whatsapp_android.txt": "12.03.21, 18:0{i} - {LRM}{who}: {said}\n",
    "abendrunde.md": "**{who}:** [00:00:1{i}] {said}\n\n",
}
FRONT = "---\nworkshop: Abendrunde\ndistrict: Manfort\ndate: 2026-03-12\n---\n\n"


def _write(tmp_path: Path, name: str) -> Path:
    turns = "".join(
        TURN[name].format(who=who, said=said, i=i, n=i + 1, LRM=LRM)
        for i, (who, said) in enumerate(zip((ANNA, BEN, ANNA, BEN), SAID, strict=True))
    )
    head = "WEBVTT\n\n" if name.endswith(".vtt") else FRONT if name.endswith(".md") else ""
    path = tmp_path / name
    path.write_text(head + turns, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", TURN)
def test_a_meeting_message_keeps_its_direction_marks(tmp_path: Path, name: str) -> None:
    document = parse_file(_write(tmp_path, name))
    assert [s.text for s in document.segments] == list(SAID)  # byte for byte
    speakers = [s.attributes["speaker"] for s in document.segments]
    assert speakers == ["Anna Schmidt", "Ben Berg"] * 2  # the labels without their marks


WRAPPED = {  # a whole cue or turn written in an embedding: the speaker inside it
    "stimmen.vtt": "WEBVTT\n\n"
    + "00:00:1{i}.120 --> 00:00:1{i}.450\n{RLE}<v {who}>{said}</v>{PDF}\n\n",
    "zoom.vtt": "WEBVTT\n\n"
    + "{n}\n00:00:1{i}.120 --> 00:00:1{i}.450\n{RLE}{who}: {said}{PDF}\n\n",
    "untertitel.srt": "{n}\n00:00:1{i},120 --> 00:00:1{i},450\n{RLE}{who}: {said}{PDF}\n\n",
    "transkript.txt": "{RLE}{who}: {said}{PDF}\n",
}


@pytest.mark.parametrize("name", WRAPPED)
def test_a_turn_written_in_an_embedding_keeps_the_pair(tmp_path: Path, name: str) -> None:
    said = ("שלום, המרכז פתוח עד 20 Uhr", "نحتاج Bus 212 كل يوم", "תודה רבה", "شكرا 3 مرات")
    head, cue = WRAPPED[name].split("\n", 1) if name.endswith(".vtt") else ("", WRAPPED[name])
    cues = "".join(
        cue.format(who=who, said=s, i=i, n=i + 1, RLE=RLE, PDF=PDF)
        for i, (who, s) in enumerate(zip((ANNA, "Ben Berg") * 2, said, strict=True))
    )
    path = tmp_path / name
    path.write_text(head + ("\n" if head else "") + cues, encoding="utf-8")
    document = parse_file(path)
    assert [s.text for s in document.segments] == [f"{RLE}{s}{PDF}" for s in said]
    speakers = [s.attributes["speaker"] for s in document.segments]
    assert speakers == ["Anna Schmidt", "Ben Berg"] * 2


@pytest.mark.parametrize("head", ["# Abendrunde\n\n", FRONT])
def test_markdown_turns_with_emphasis_keep_their_marks(tmp_path: Path, head: str) -> None:
    said = (
        f"{RLM}שלום *חשוב* 12 Uhr{RLM}",
        f"Der Park, **bitte** {RLI}ياسمين{PDI} fragen",
        f"{RLE}המרכז _פתוח_ עד 20{PDF}",
        f"نحتاج **{LRI}Bus 212{PDI}** كل يوم",
    )
    turns = "".join(
        f"**{who}:** [00:00:1{i}] {s}\n\n"
        for i, (who, s) in enumerate(zip((ANNA, BEN) * 2, said, strict=True))
    )
    path = tmp_path / "abendrunde.md"
    path.write_text(head + turns, encoding="utf-8")
    document = parse_file(path)
    # the emphasis out, the marks as written
    assert [s.text for s in document.segments] == [re.sub(r"[*_]", "", s) for s in said]
    speakers = [s.attributes["speaker"] for s in document.segments]
    assert speakers == ["Anna Schmidt", "Ben Berg"] * 2


def test_a_word_transcript_keeps_the_marks_of_its_turns(tmp_path: Path) -> None:
    document = docx.Document()
    for i, (who, said) in enumerate(zip((ANNA, BEN, ANNA, BEN), SAID, strict=True)):
        document.add_paragraph(f"{who}   0:0{i}")  # Teams: speaker and time, the turn below
        document.add_paragraph(said)
    path = tmp_path / "besprechung.docx"
    document.save(path)
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == list(SAID)
    assert [s.attributes["speaker"] for s in parsed.segments] == ["Anna Schmidt", "Ben Berg"] * 2


def test_a_noscribe_page_keeps_the_marks_of_its_turns(tmp_path: Path) -> None:
    turns = "".join(
        f'<p><a name="ts_{i * 8000}_{i * 8000 + 4000}_S0{i % 2}" >{html.escape(who)}: '
        f"[00:00:{i * 8:02d}] {html.escape(said)}</a></p>"
        for i, (who, said) in enumerate(zip((ANNA, BEN, ANNA, BEN), SAID, strict=True))
    )
    path = tmp_path / "runde.html"
    path.write_text(
        '<html><head><meta charset="UTF-8" /></head><body><p style="font-weight:600;">runde'
        '</p><p><span style="color: #909090">Transkribiert mit noScribe Vers. 0.6.2<br/>'
        f"Audiodatei: runde.mp3</span></p><p></p>{turns}</body></html>",
        encoding="utf-8",
    )
    assert [s.text for s in parse_file(path).segments] == list(SAID)


def test_timed_segments_keep_their_marks(tmp_path: Path) -> None:
    path = tmp_path / "atrain.txt"
    path.write_text(
        "".join(f"{LRM}[00:00:1{i}] - {said}\n" for i, said in enumerate(SAID)), encoding="utf-8"
    )
    document = parse_file(path)
    assert document.importer == "timed-segments"
    assert " ".join(s.text for s in document.segments) == " ".join(SAID)


def test_a_whatsapp_message_opening_with_a_right_to_left_mark_is_kept(tmp_path: Path) -> None:
    # only U+200E opens the iPhone's lines of the app ("‎Bild weggelassen"); U+200F, an
    # isolate or an embedding open a message written right to left
    path = tmp_path / "chat.txt"
    path.write_text(
        f"[12.03.21, 18:00:11] Anna Schmidt: {LRM}Nachrichten und Anrufe sind verschlüsselt.\n"
        f"[12.03.21, 18:01:11] Anna Schmidt: {LRM}Bild weggelassen\n"
        + "".join(f"[12.03.21, 18:0{i + 2}:11] Ben Berg: {s}\n" for i, s in enumerate(SAID[:3])),
        encoding="utf-8",
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == list(SAID[:3])
    left_out = document.options["messenger"]
    assert left_out["media"] + left_out["system"] == 2


def test_names_in_a_marked_message_are_pseudonymised(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "transkript.txt"
    path.write_text(
        f"{ANNA}: {SAID[0]}\n{BEN}: Wie Anna{RLM} Schmidt sagte, fehlt {RLI}ياسمين{PDI} ein "
        f"Raum.\n{ANNA}: {SAID[1]}\n{BEN}: Danke, {RLM}Anna Schmidt{RLM}!\n",
        encoding="utf-8",
    )
    project.import_files([path], district="Manfort")
    texts = list(project.segments()["text"])
    assert texts[0] == SAID[0] and texts[2] == SAID[1]  # the marks kept in the store
    assert re.fullmatch(rf"Wie \[Person \d+\] sagte, fehlt {RLI}ياسمين{PDI} ein Raum\.", texts[1])
    assert re.fullmatch(rf"Danke, {RLM}\[Person \d+\]{RLM}!", texts[3]), texts[3]
    assert "Schmidt" not in stored_text(project)
    assert list(project.pseudonym_key()["original"]).count("Anna Schmidt") == 1
    with project.engine.connect() as connection:  # the key's offsets: on the placeholders
        spans = connection.execute(
            select(Segment.text, PseudonymSpan.start, PseudonymSpan.end).join(
                PseudonymSpan, PseudonymSpan.segment_id == Segment.id
            )
        ).all()
    assert len(spans) == 2
    assert all(PLACEHOLDER.fullmatch(text[start:end]) for text, start, end in spans)


OVER = {  # a message or cue over two lines wrapped whole: opened on the first, closed below
    "whatsapp_ios.txt": "[12.03.21, 18:0{i}:11] {RLE}{who}: {said}\n{more}{PDF}\n",
    "whatsapp_android.txt": "12.03.21, 18:0{i} - {RLE}{who}: {said}\n{more}{PDF}\n",
    "zoom.txt": "00:06:1{i}\t{RLE}{who}:\t{said}\n{more}{PDF}\n",
    "element.txt": "Thu, Dec 5 2026 18:0{i}:12 - {RLE}{who}: {said}\n{more}{PDF}\n",
    "zoom.vtt": "{n}\n00:00:1{i}.120 --> 00:00:1{i}.450\n{RLE}{who}: {said}\n{more}{PDF}\n\n",
    "untertitel.srt": "{n}\n00:00:1{i},120 --> 00:00:1{i},450\n{RLE}{who}: {said}\n{more}{PDF}\n\n",
    "meet.sbv": "0:00:1{i}.120,0:00:1{i}.450\n{RLE}{who}: {said}\n{more}{PDF}\n\n",
    # the whole line with its time, and Markdown's time stamp inside the embedding
    "whatsapp_line.txt": "{RLE}[12.03.21, 18:0{i}:11] {who}: {said} {more}{PDF}\n",
    "abendrunde.md": "{RLE}**{who}:** [00:00:1{i}] {said} {more}{PDF}\n\n",
}
JOINT = {"whatsapp_ios.txt": "\n", "whatsapp_android.txt": "\n", "zoom.txt": "\n"}  # else " "


@pytest.mark.parametrize("name", OVER)
def test_a_message_wrapped_over_its_lines_keeps_the_pair(tmp_path: Path, name: str) -> None:
    said = [("שלום, המרכז פתוח", "עד 20 Uhr"), ("نحتاج Bus 212", "كل يوم"), ("تشکر", "3 بار")]
    said.append(said[0])
    text = "".join(
        OVER[name].format(who=who, said=s, more=m, i=i, n=i + 1, RLE=RLE, PDF=PDF)
        for i, (who, (s, m)) in enumerate(zip((ANNA, "Ben Berg") * 2, said, strict=True))
    )
    head = "WEBVTT\n\n" if name.endswith(".vtt") else FRONT if name.endswith(".md") else ""
    path = tmp_path / name
    path.write_text(head + text, encoding="utf-8")
    document = parse_file(path)
    joint = JOINT.get(name, " ")  # how the format joins a message's lines
    assert [s.text for s in document.segments] == [f"{RLE}{s}{joint}{m}{PDF}" for s, m in said]
    speakers = [s.attributes["speaker"] for s in document.segments]
    assert speakers == ["Anna Schmidt", "Ben Berg"] * 2


@pytest.mark.parametrize("opener", [RLE, RLI, FSI, "\u202e"])
def test_a_whatsapp_message_with_its_sender_in_an_embedding_keeps_the_pair(
    tmp_path: Path, opener: str
) -> None:
    closer = PDI if opener in (RLI, FSI) else PDF
    path = tmp_path / "chat.txt"
    path.write_text(
        "".join(
            f"12.03.21, 18:0{i} - {opener}{who}: {s}{closer}\n"
            for i, (who, s) in enumerate(zip(("Anna Schmidt", "عمر خليل") * 2, SAID, strict=True))
        ),
        encoding="utf-8",
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [f"{opener}{s}{closer}" for s in SAID]
    speakers = [s.attributes["speaker"] for s in document.segments]
    assert speakers == ["Anna Schmidt", "عمر خليل"] * 2


def test_an_opener_before_the_sender_left_open_stays_out(tmp_path: Path) -> None:
    # no closing mark in the message: the mark belongs to the label, as before
    path = tmp_path / "chat.txt"
    path.write_text(
        "".join(
            f"[12.03.21, 18:0{i}:11] {RLI}{who}: {s}\n{LRM}Zweite Zeile {i}\n"
            for i, (who, s) in enumerate(zip(("Anna Schmidt", "Ben Berg") * 2, SAID, strict=True))
        ),
        encoding="utf-8",
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        f"{s}\n{LRM}Zweite Zeile {i}" for i, s in enumerate(SAID)
    ]
