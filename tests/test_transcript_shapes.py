"""Transcript shapes beyond the services' own exports: aTrain without speaker detection,
Markdown turns with bold speakers, speaker heads set as Word headings.

Every shape: one statement per turn (or sentence, without speakers), names pseudonymised
(never the question, the role or the title), time = the start, no time stamps in the text;
a protocol with the same lead-ins stays a protocol.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

SEGMENTS = [
    ("00:00:00", "Herzlich willkommen."),
    ("00:00:02", "Was fehlt Ihnen im Viertel?"),
    ("00:00:05", "Ein Treffpunkt für Familien,"),
    ("00:00:08", "der auch am Wochenende offen hat."),
    ("00:00:12", "Und was läuft gut?"),
]
SENTENCES = [
    "Herzlich willkommen.",
    "Was fehlt Ihnen im Viertel?",
    "Ein Treffpunkt für Familien, der auch am Wochenende offen hat.",
    "Und was läuft gut?",
]


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


@pytest.mark.parametrize(
    ("stamp", "joint"),
    [("[{}] - ", "\n"), ("{} - ", "\n"), ("[{}] - ", " ")],
    ids=["timestamps", "nvivo", "maxqda"],
)
def test_atrain_without_speakers_gives_sentences_with_their_start(
    tmp_path: Path, project: Project, stamp: str, joint: str
) -> None:
    """aTrain without speaker detection: its file id (part of the audio file's name) is
    no statement, the segments are joined into sentences, each with its start."""
    body = joint.join(stamp.format(start) + said for start, said in SEGMENTS)
    path = tmp_path / "transcription.txt"
    path.write_text(f"Transcription for 240305-Voßkuhl\n\n{body}\n", encoding="utf-8")
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == SENTENCES
    assert [s.attributes["start_time"] for s in parsed.segments] == [
        "00:00:00.000",
        "00:00:02.000",
        "00:00:05.000",
        "00:00:12.000",
    ]
    assert _import(project, path) == 0
    stored = stored_text(project)
    assert "voßkuhl" not in stored.casefold() and "00:00:0" not in " ".join(
        project.segments()["text"]
    )


def test_atrain_without_speakers_nor_times_gives_sentences(
    tmp_path: Path, project: Project
) -> None:
    """aTrain's plain text (no speakers, no times) and a short timed one: below its file id
    every line is a segment; the id is no statement."""
    plain = tmp_path / "transcription.txt"
    lines = "\n".join(said for _, said in SEGMENTS)
    plain.write_text(f"Transcription for 240305-Voßkuhl\n\n{lines}\n", encoding="utf-8")
    parsed = parse_file(plain)
    assert [s.text for s in parsed.segments] == SENTENCES
    assert not any("time" in key for s in parsed.segments for key in s.attributes)
    short = tmp_path / "kurz.txt"
    short.write_text(
        "Transcription for 240305-Voßkuhl\n\n[00:00:00] - Hallo.\n[00:00:02] - Danke.\n",
        encoding="utf-8",
    )
    assert [s.text for s in parse_file(short).segments] == ["Hallo.", "Danke."]
    assert main(["--project", str(project.path), "import", str(plain), str(short)]) == 0
    assert "voßkuhl" not in stored_text(project).casefold()


TURNS = [
    ("Speaker 1", "00:00:05", "Herzlich willkommen. Was fehlt Ihnen im Viertel?"),
    ("Annegret Voßkuhl", "00:00:12", "Ein Treffpunkt für Familien."),
    ("Speaker 1", "00:00:25", "Und was läuft gut?"),
    ("Annegret Voßkuhl", "00:00:29", "Der Wochenmarkt ist super."),
]


@pytest.mark.parametrize(
    ("pattern", "suffix"),
    [
        ("**{who}:** [{time}] {text}", ".md"),  # Descript
        ("**{who}:** [{time}] {text}", ".txt"),  # the same, saved from a pad
        ("__{who}__ [{time}]\n{text}", ".markdown"),  # speaker head in bold, text below
    ],
    ids=["descript", "pad-txt", "bold-head"],
)
def test_markdown_turns_with_bold_speakers_are_turns(
    tmp_path: Path, project: Project, pattern: str, suffix: str
) -> None:
    """A transcript in Markdown with the speakers set in bold: the name is the speaker
    (pseudonymised), not the role; the time is the turn's start, not text."""
    turns = "\n\n".join(pattern.format(who=w, time=t, text=x) for w, t, x in TURNS)
    path = tmp_path / f"interview{suffix}"
    path.write_text(f"# Interview Manfort\n\n{turns}\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.title == "Interview Manfort"
    assert [s.text for s in parsed.segments] == [x for _, _, x in TURNS]
    assert [s.speaker_role for s in parsed.segments] == ["Speaker 1", None] * 2
    assert [s.attributes["time"] for s in parsed.segments] == [t for _, t, _ in TURNS]
    assert _import(project, path) == 0
    assert "voßkuhl" not in stored_text(project).casefold()
    segments = project.segments()
    assert segments["speaker_role"].isna().tolist() == [False, True, False, True]
    assert len(set(segments["speaker"].dropna())) == 1


def test_markdown_protocol_with_bold_lead_ins_stays_a_protocol(tmp_path: Path) -> None:
    """ "**Ergebnis:** …" and "Anmerkung:" in a protocol are no speakers: no times, no turns."""
    path = tmp_path / "forum.md"
    path.write_text(
        "# Stadtteilforum Manfort\n\n## Was fehlt?\n\n"
        "**Ergebnis:** Mehr Bänke am Markt.\n\n**Anmerkung:** Der Raum war zu klein.\n\n"
        "**Ergebnis:** Ein Jugendtreff am Bahnhof.\n\nAnmerkung: Nächster Termin im Mai.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert parsed.importer == "markdown" and parsed.title == "Stadtteilforum Manfort"
    assert {s.question for s in parsed.segments} == {"Was fehlt?"}
    assert len(parsed.segments) == 4


HEADED = [
    ("Sprecher 1", "00:00:05", "Herzlich willkommen. Was fehlt Ihnen im Viertel?"),
    ("Okke Wübbenhorst", "00:00:12", "Ein Treffpunkt für Familien."),
    ("Sprecher 1", "00:00:25", "Und was läuft gut?"),
    ("Okke Wübbenhorst", "00:00:29", "Der Wochenmarkt ist super."),
]


@pytest.mark.parametrize("title", [None, "Interview Manfort"])
@pytest.mark.parametrize("level", [1, 3])
def test_word_speaker_heads_set_as_headings_are_turns(
    tmp_path: Path, project: Project, level: int, title: str | None
) -> None:
    """Speaker heads "Name [00:00:12]" in a heading style are no guiding questions (the
    name in clear as the question) nor subsections (the speaker lost): they are turns."""
    import docx

    document = docx.Document()
    if title:
        document.add_heading(title, 1)
    for who, time, text in HEADED:
        document.add_heading(f"{who} [{time}]", level)
        document.add_paragraph(text)
    path = tmp_path / "interview.docx"
    document.save(path)
    parsed = parse_file(path)
    assert parsed.title == title
    assert [s.text for s in parsed.segments] == [x for _, _, x in HEADED]
    assert {s.question for s in parsed.segments} == {None}
    assert [s.speaker_role for s in parsed.segments] == ["Sprecher 1", None] * 2
    assert [s.attributes["time"] for s in parsed.segments] == [t for _, t, _ in HEADED]
    assert _import(project, path) == 0
    assert "wübbenhorst" not in stored_text(project).casefold()
    assert len(set(project.segments()["speaker"].dropna())) == 1


def test_word_protocol_with_a_timed_heading_stays_a_protocol(tmp_path: Path) -> None:
    """Guiding questions with a time ("Begrüßung 10:00" in an agenda) stay questions."""
    import docx

    document = docx.Document()
    for head, text in [
        ("Begrüßung 10:00", "Frau Schmidt begrüßt alle."),
        ("Rundgang 10:15", "Mehr Bänke am Markt."),
        ("Austausch 10:40", "Der Wochenmarkt."),
    ]:
        document.add_heading(head, 1)
        document.add_paragraph(text)
    path = tmp_path / "forum.docx"
    document.save(path)
    parsed = parse_file(path)
    assert parsed.importer == "docx"
    assert [s.question for s in parsed.segments] == [
        "Begrüßung 10:00",
        "Rundgang 10:15",
        "Austausch 10:40",
    ]


def test_markdown_turns_under_section_headings_keep_no_heading_in_a_statement(
    tmp_path: Path,
) -> None:
    """ "## Teil 2" between bold turns is no words of the turn above nor the title."""
    turns = [f"**{w}:** [{t}] {x}" for w, t, x in TURNS]
    path = tmp_path / "interview.md"
    path.write_text(
        "# Interview Manfort\n\n## Teil 1\n\n"
        + "\n\n".join(turns[:2])
        + "\n\n## Teil 2\n\n"
        + "\n\n".join(turns[2:])
        + "\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert not any("#" in s.text or "Teil" in s.text for s in parsed.segments)
    assert "#" not in (parsed.title or "")


@pytest.mark.parametrize(
    ("head", "suffix"),
    [("{}\n", ".txt"), ("**{}**\n", ".md"), ("{}: ", ".txt")],
    ids=["txt", "markdown", "one-line"],
)
def test_agenda_with_times_in_parentheses_is_no_transcript(
    tmp_path: Path, head: str, suffix: str
) -> None:
    """ "Begrüßung (10:00)" above its text, each item once: an agenda's items are no
    speakers (nor people to pseudonymise)."""
    items = [
        ("Begrüßung (10:00)", "Frau Schmidt begrüßt alle."),
        ("Rundgang (10:15)", "Mehr Bänke am Markt."),
        ("Austausch (10:40)", "Der Wochenmarkt ist gut."),
    ]
    body = "\n\n".join(f"{head.format(item)}{text}" for item, text in items)
    path = tmp_path / f"forum{suffix}"
    path.write_text(f"Stadtteilforum Manfort\n\n{body}\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer == "markdown"
    assert not any(s.attributes.get("speaker") for s in parsed.segments)
    assert any("Rundgang (10:15)" in s.text for s in parsed.segments)


def test_markdown_turns_below_front_matter_keep_its_workshop_and_district(
    tmp_path: Path, project: Project
) -> None:
    """A pad's transcript with YAML front matter: turns as without it, and the front
    matter's workshop, district and participants as in a protocol."""
    turns = "\n\n".join(f"**{w}:** [{t}] {x}" for w, t, x in TURNS)
    path = tmp_path / "interview.md"
    path.write_text(
        "---\ntitle: Interview Markt\nworkshop: Interviews Markt\nsozialraum: Wiesdorf\n"
        f"teilnehmende: Jorinde Quappendahl\n---\n\n{turns}\n\nDanke, Frau Quappendahl.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert (parsed.title, parsed.workshop, parsed.district) == (
        "Interview Markt",
        "Interviews Markt",
        "Wiesdorf",
    )
    assert [s.attributes["time"] for s in parsed.segments] == [t for _, t, _ in TURNS]
    assert [s.speaker_role for s in parsed.segments] == ["Speaker 1", None] * 2
    assert parsed.segments[0].row == 8  # the line in the file, front matter counted
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project).casefold()
    assert "voßkuhl" not in stored and "quappendahl" not in stored
    assert set(project.segments()["district"]) == {"Wiesdorf"}


@pytest.mark.parametrize(
    ("pattern", "suffix"),
    [("{who} ({time}): {text}", ".txt"), ("**{who} ({time}):** {text}", ".md")],
    ids=["txt", "markdown"],
)
def test_rev_turns_on_one_line_keep_the_name_out_of_the_text(
    tmp_path: Path, project: Project, pattern: str, suffix: str
) -> None:
    """ "Okke Wübbenhorst (00:12): text" on one line (Rev): a name no list knows is the
    speaker, pseudonymised — not text nor a role stored in clear."""
    turns = "\n\n".join(pattern.format(who=w, time=t[3:], text=x) for w, t, x in HEADED)
    path = tmp_path / f"rev{suffix}"
    path.write_text(turns + "\n", encoding="utf-8")
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [x for _, _, x in HEADED]
    assert [s.speaker_role for s in parsed.segments] == ["Sprecher 1", None] * 2
    assert [s.attributes["time"] for s in parsed.segments] == [t[3:] for _, t, _ in HEADED]
    assert _import(project, path) == 0
    assert "wübbenhorst" not in stored_text(project).casefold()
