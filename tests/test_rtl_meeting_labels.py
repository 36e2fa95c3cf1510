"""Meeting files whose speakers are written in Arabic or Hebrew script, with and without
direction marks: recognised as meetings, each speaker with their turns, the texts as
written; protocols whose lines look alike stay protocols.

The gazetteer knows names in Latin letters only: in the layouts with the time on a line
of its own (Teams' chat: name, time, text) a speaker written in Arabic or Hebrew letters
counts as a person where people speak more than once, an agenda's topics ("الترحيب",
"النقل العام", each with the Arabic article) do not. YAML front matter is read across
the marks an export writes before every line.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.ingest import parse_file

LRM, RLM, FSI, PDI, RLI, LRI = "\u200e", "\u200f", "\u2068", "\u2069", "\u2067", "\u2066"
OMAR, NOA, YASMIN = "عمر خليل", "נועה לוי", "ياسمين حداد"
SAID = (
    "Der Park braucht abends mehr Licht.",
    f"{RLM}الحديقة تحتاج إلى إضاءة بعد الساعة 18:00{RLM}",
    f"נחוץ {LRI}Bus 212{PDI} כל יום",
    "Und die Bänke am Wasserturm fehlen auch.",
)
LABELS = {  # how an export writes a speaker's name
    "plain": "{}",
    "isolates": FSI + "{}" + PDI,
    "before": LRM + "{}",
    "rli": RLI + "{}" + PDI,
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_teams_chat_of_arabic_and_hebrew_names_is_a_meeting(
    tmp_path: Path, label: str, gap: str
) -> None:
    who = [LABELS[label].format(n) for n in (OMAR, NOA, OMAR, NOA)]
    text = "".join(
        f"{w}\n18:0{i}\n{s}\n{gap}" for i, (w, s) in enumerate(zip(who, SAID, strict=True))
    )
    document = parse_file(_write(tmp_path, "teams_chat.txt", text))
    assert document.importer == "speaker-turns"
    assert [s.attributes["speaker"] for s in document.segments] == [OMAR, NOA] * 2
    assert [s.text for s in document.segments] == list(SAID)  # the texts as written


@pytest.mark.parametrize("minutes", [(2, 5, 7, 11, 12, 16), (0, 15, 30, 45, 50, 55)])
def test_three_people_who_speak_in_turn_are_a_meeting(
    tmp_path: Path, minutes: tuple[int, ...]
) -> None:
    # a round of three speaks in the same order twice, one with a Persian name written
    # with the zero-width non-joiner: people all the same, their messages at any minute
    # or, on full five minutes, not in the rounds of an agenda (the order changes)
    who = [OMAR, NOA, "علی\u200cرضا کریمی"] * 2
    if not minutes[0]:
        who[3:] = who[4], who[3], who[5]
    text = "".join(
        f"{w}\n18:{m:02d}\n{SAID[i % 4]}\n"
        for i, (w, m) in enumerate(zip(who, minutes, strict=True))
    )
    document = parse_file(_write(tmp_path, "teams_chat.txt", text))
    assert [s.attributes.get("speaker") for s in document.segments] == who


def test_a_teams_chat_with_a_mark_before_every_line_is_a_meeting(tmp_path: Path) -> None:
    text = "".join(
        f"{LRM}{w}\n{LRM}18:0{i}\n{s}\n"
        for i, (w, s) in enumerate(zip((YASMIN, NOA) * 2, SAID, strict=True))
    )
    document = parse_file(_write(tmp_path, "teams_chat.txt", text))
    assert [s.attributes["speaker"] for s in document.segments] == [YASMIN, NOA] * 2
    assert len(document.segments) == 4


AGENDAS = {  # an agenda's topics: Arabic with its article, Hebrew and Persian without one
    "ar": ("الترحيب", "النقل العام", "الأمن"),
    "he": ("ברוכים הבאים", "תחבורה ציבורית", "ביטחון"),
    "fa": ("خوش آمدید", "حمل و نقل عمومی", "جمع\u200cبندی"),
}


@pytest.mark.parametrize("mark", ["", LRM, RLM])
@pytest.mark.parametrize("language", AGENDAS)
def test_an_agenda_with_times_over_two_evenings_stays_a_protocol(
    tmp_path: Path, mark: str, language: str
) -> None:
    # two evenings of the same topics, each with its time on a line of its own: Hebrew
    # and Persian topics read like names, but come round in the same order on full minutes
    lines = ["Protokoll Stadtteilrunde", ""]
    for day in (0, 1):
        for i, topic in enumerate(AGENDAS[language]):
            lines += [f"{mark}{topic}", f"{mark}1{8 + day}:{i * 15:02d}", SAID[i]]
    document = parse_file(_write(tmp_path, "protokoll.txt", "\n".join(lines) + "\n"))
    assert document.importer != "speaker-turns"
    assert not any(s.attributes.get("speaker") for s in document.segments)


FRONT = ("---", "workshop: Abendrunde", "district: Manfort", "date: 2026-03-12", "---", "")


@pytest.mark.parametrize("names", [(OMAR, NOA), ("Anna Schmidt", "Ben Berg")])
def test_markdown_turns_with_a_mark_before_every_line_are_their_turns(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    turns = [
        f"**{w}:** [00:00:1{i}] {s}" for i, (w, s) in enumerate(zip(names * 2, SAID, strict=True))
    ]
    lines = [*FRONT, *(f"{t}\n" for t in turns)]
    text = "".join(f"{LRM}{line}\n" if line.strip() else "\n" for line in lines)
    document = parse_file(_write(tmp_path, "abendrunde.md", text))
    assert [s.attributes["speaker"] for s in document.segments] == list(names) * 2
    assert [s.text for s in document.segments] == list(SAID)
    assert (document.workshop, document.district) == ("Abendrunde", "Manfort")


def test_a_marked_front_matter_is_no_statement_of_a_protocol(tmp_path: Path) -> None:
    lines = [*FRONT, "# Ergebnisse", "", "- mehr Licht im Park", "- Bänke am Wasserturm"]
    text = "".join(f"{LRM}{line}\n" if line else "\n" for line in lines)
    document = parse_file(_write(tmp_path, "protokoll.md", text))
    assert not any("workshop" in s.text or "---" in s.text for s in document.segments)
    assert (document.workshop, document.district) == ("Abendrunde", "Manfort")
    assert len(document.segments) == 2


def test_a_word_transcript_with_arabic_and_hebrew_speaker_headings(tmp_path: Path) -> None:
    document = docx.Document()
    for i, (who, said) in enumerate(zip((f"{FSI}{OMAR}{PDI}", NOA) * 2, SAID, strict=True)):
        document.add_heading(f"{who}   0:0{i}", level=2)  # speaker and time as a heading
        document.add_paragraph(said)
    path = tmp_path / "besprechung.docx"
    document.save(path)
    parsed = parse_file(path)
    assert [s.attributes.get("speaker") for s in parsed.segments] == [OMAR, NOA] * 2


@pytest.mark.parametrize("mark", ["", LRM])
def test_voice_tags_with_marks_give_every_turn(tmp_path: Path, mark: str) -> None:
    cues = "".join(
        f"{mark}00:00:1{i}.120 --> 00:00:1{i}.450\n{mark}<v {FSI}{w}{PDI}>{s}</v>\n\n"
        for i, (w, s) in enumerate(zip((OMAR, NOA) * 2, SAID, strict=True))
    )
    document = parse_file(_write(tmp_path, "runde.vtt", "WEBVTT\n\n" + cues))
    assert [s.attributes["speaker"] for s in document.segments] == [OMAR, NOA] * 2
    assert len(document.segments) == 4


@pytest.mark.parametrize("names", [(OMAR, NOA), ("Anna Schmidt", "Ben Berg")])
def test_a_speaker_who_echoes_the_one_before_keeps_the_turn(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    # "Danke!" / "Danke!": the next voice says the same line (no rolling captions)
    said = (SAID[0], SAID[0], SAID[1], SAID[1])
    cues = "".join(
        f"00:00:1{i}.120 --> 00:00:1{i}.450\n<v {FSI}{w}{PDI}>{s}</v>\n\n"
        for i, (w, s) in enumerate(zip(names * 2, said, strict=True))
    )
    document = parse_file(_write(tmp_path, "runde.vtt", "WEBVTT\n\n" + cues))
    assert [s.attributes["speaker"] for s in document.segments] == list(names) * 2
    assert [s.text for s in document.segments] == list(said)


def _word_heads(tmp_path: Path, heads: list[str]) -> Path:
    document = docx.Document()
    document.add_heading("Protokoll Stadtteilrunde", 0)
    for i, head in enumerate(heads):
        document.add_heading(head, 1)
        document.add_paragraph(SAID[i % len(SAID)])
    path = tmp_path / "runde.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("form", ["{topic} {time}", "{topic} [{time}]", "\u200f{topic} ({time})"])
@pytest.mark.parametrize("language", AGENDAS)
def test_an_agenda_as_word_headings_stays_a_protocol(
    tmp_path: Path, language: str, form: str
) -> None:
    # the topics of two evenings set as headings with their times, as speakers' heads are
    heads = [
        form.format(topic=topic, time=f"{18 + day}:{i * 15:02d}")
        for day in (0, 1)
        for i, topic in enumerate(AGENDAS[language])
    ]
    document = parse_file(_word_heads(tmp_path, heads))
    assert document.importer != "speaker-turns"
    assert not any(s.attributes.get("speaker") for s in document.segments)


@pytest.mark.parametrize("minutes", [(2, 5, 7, 11, 12, 16), (0, 15, 30, 45, 50, 55)])
def test_people_as_word_headings_are_a_transcript(tmp_path: Path, minutes: tuple[int, ...]) -> None:
    # three people in Hebrew and Arabic script, at any minute or in a changing order
    who = [OMAR, NOA, YASMIN] * 2
    if not minutes[0]:
        who[3:] = who[4], who[3], who[5]
    heads = [f"{w} 0:{m:02d}" for w, m in zip(who, minutes, strict=True)]
    document = parse_file(_word_heads(tmp_path, heads))
    assert [s.attributes.get("speaker") for s in document.segments] == who
