"""Transcripts of the transcription services German teams use, written as each exports.

Amberscript, Rev/Temi, Sonix, Trint, Happy Scribe, Descript, TurboScribe: one statement
per turn, time = the turn's start, generic labels ("Sprecher 1", "Speaker 2") are roles,
names become pseudonyms, and neither time stamps nor the services' banners are text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file
from workbench.ingest.speaker_turns import IMPORTER

TEXTS = [
    "Herzlich willkommen. Was fehlt Ihnen im Viertel?",
    "Ein Treffpunkt für Familien, der auch am Wochenende offen hat.",
    "Und was läuft gut?",
    "Der Wochenmarkt ist super, da trifft man alle.",
]
SPEAKERS = ["Sprecher 1", "Annegret Voßkuhl", "Sprecher 1", "Annegret Voßkuhl"]
TIMES = ["00:00:05", "00:00:12", "00:00:25", "00:00:29"]


def _heads(pattern: str) -> list[str]:
    """Speaker heads in ``pattern`` (``{who}``, ``{time}``), each with its text below."""
    lines = []
    for who, time, text in zip(SPEAKERS, TIMES, TEXTS, strict=True):
        lines += [pattern.format(who=who, time=time), text, ""]
    return lines


def _docx(path: Path, lines: list[str], bold_heads: bool) -> Path:
    import docx

    document = docx.Document()
    for i, line in enumerate(line for line in lines if line):
        document.add_paragraph().add_run(line).bold = bold_heads and i % 2 == 0
    document.save(path)
    return path


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


@pytest.mark.parametrize(
    ("pattern", "times"),
    [
        ("{who} [{time}]", TIMES),  # Amberscript
        ("{who} ({time}):", [t[3:] for t in TIMES]),  # Rev, Temi: "Speaker 1 (00:05):"
    ],
    ids=["amberscript", "rev"],
)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_speaker_head_with_the_time_in_brackets_starts_a_turn(
    project: Project, tmp_path: Path, pattern: str, times: list[str], suffix: str
) -> None:
    """In Word the heads are bold, as Amberscript sets them: they are speakers, not
    guiding questions holding the interviewee's name."""
    lines = [line.replace("00:00:", times[0][:-2]) for line in _heads(pattern)]  # "00:05"
    path = tmp_path / f"interview{suffix}"
    if suffix == ".txt":
        path.write_text("\n".join(lines), encoding="utf-8")
    else:
        _docx(path, lines, bold_heads=True)
    parsed = parse_file(path)
    assert parsed.importer == IMPORTER
    assert [s.text for s in parsed.segments] == TEXTS
    assert [s.attributes.get("time") for s in parsed.segments] == times
    assert [s.speaker_role for s in parsed.segments] == ["Sprecher 1", None, "Sprecher 1", None]
    assert _import(project, path) == 0
    segments = project.segments().sort_values("position")
    assert segments["question"].isna().all()
    speakers = [a.get("speaker") for a in segments["attributes"]]
    assert speakers[1] == speakers[3] and speakers[1].startswith("[Person ")
    assert "Voßkuhl" not in stored_text(project) and "Annegret" not in stored_text(project)


AGENDA = [
    "Begrüßung {time}", "Frau Brandt begrüßt alle Anwesenden.", "",
    "Verkehr {time}", "Es wurde über Tempo 30 gesprochen.", "",
    "Spielplätze {time}", "Der Spielplatz am Park ist kaputt.", "",
    "Verschiedenes {time}", "Nächstes Treffen im Mai.",
]  # fmt: skip


@pytest.mark.parametrize("time", ["[18:15]", "(18:15):", "(18:15)"])
def test_a_protocols_timed_headings_are_no_speaker_heads(tmp_path: Path, time: str) -> None:
    """A protocol's agenda headed "Verkehr [18:15]" or "Verkehr (18:15):" stays a protocol:
    its headings, each once and none a person, became speakers to pseudonymise."""
    path = tmp_path / "protokoll.txt"
    path.write_text("\n".join(AGENDA).replace("{time}", time), encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer != IMPORTER
    texts = " ".join(s.text for s in parsed.segments)
    assert f"Verkehr {time}" in texts and "Spielplatz am Park" in texts
    assert all(s.speaker_role is None for s in parsed.segments)


TURBOSCRIBE = (
    "(Transkribiert von TurboScribe.ai. Upgrade auf Unbegrenzt, um diese Nachricht zu entfernen.)"
)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("", "Powered by Amberscript"),
        (TURBOSCRIBE, ""),
        ("(Transcribed by TurboScribe.ai. Go Unlimited to remove this message.)", ""),
        ("", "Transcribed by https://otter.ai"),
    ],
    ids=["amberscript", "turboscribe-de", "turboscribe-en", "otter"],
)
def test_a_services_banner_is_neither_statement_nor_title(
    tmp_path: Path, first: str, last: str
) -> None:
    path = tmp_path / "interview.txt"
    path.write_text("\n".join([first, "", *_heads("{who}  {time}"), last]), encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer == IMPORTER
    assert [s.text for s in parsed.segments] == TEXTS
    assert parsed.title is None


def test_a_banner_above_a_recognisers_text_is_no_statement(tmp_path: Path) -> None:
    said = [
        "Ja, also ich wohne jetzt seit zwölf Jahren hier in Manfort.",
        "Und was mir wirklich fehlt, ist ein Ort, wo man sich treffen kann.",
        "Früher gab es das Café am Markt, das hat aber zugemacht.",
        "Seitdem treffen sich die Älteren eigentlich nur noch beim Arzt.",
        "Für die Jugendlichen gibt es auch nichts.",
        "Die stehen abends an der Bushaltestelle.",
        "Vielleicht im alten Sparkassengebäude, das steht ja leer.",
        "Das wäre zentral und gut erreichbar.",
    ]  # Whisper's text (TurboScribe): one segment per line, read sentence by sentence
    path = tmp_path / "aufnahme.txt"
    path.write_text("\n".join([TURBOSCRIBE, "", *said]), encoding="utf-8")
    assert [s.text for s in parse_file(path).segments] == said


TURBOSCRIBE_EN = "(Transcribed by TurboScribe.ai. Go Unlimited to remove this message.)"
TURBOSCRIBE_LONG = (
    "(This file is longer than 30 minutes. Go Unlimited at TurboScribe.ai to transcribe "
    "files up to 10 hours long.)"
)


def test_turboscribes_banners_in_a_subtitle_are_no_words(project: Project, tmp_path: Path) -> None:
    """TurboScribe writes its banner into the first subtitle and a second one as the last."""
    path = tmp_path / "aufnahme.srt"
    cues = [f"{TURBOSCRIBE_EN} {TEXTS[0]}", TEXTS[1], TURBOSCRIBE_LONG]
    path.write_text(
        "\n".join(
            f"{n}\n00:00:0{n},000 --> 00:00:0{n + 1},000\n{text}\n"
            for n, text in enumerate(cues, start=1)
        ),
        encoding="utf-8",
    )
    assert [s.text for s in parse_file(path).segments] == TEXTS[:2]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".srt"])
def test_a_service_named_in_a_statement_stays_in_it(tmp_path: Path, suffix: str) -> None:
    """Only the banner's words make a parenthesis a banner: a workshop on digital
    participation that names the services keeps what it said about them."""
    said = [
        "Die Stadt sollte datenschutzkonforme Tools nutzen (statt otter.ai oder fireflies.ai).",
        "Protokolle automatisch erstellen lassen (z. B. mit notta.ai), nur mit Einwilligung.",
    ]
    path = tmp_path / f"beteiligung{suffix}"
    if suffix == ".srt":
        cues = [f"{n}\n00:00:0{n},000 --> 00:00:0{n + 1},000\n{t}\n" for n, t in enumerate(said, 1)]
        path.write_text("\n".join(cues), encoding="utf-8")
    else:
        path.write_text("\n\n".join(said) + "\n", encoding="utf-8")
    assert [s.text for s in parse_file(path).segments] == said


def test_turboscribes_banner_in_a_paragraph_or_turn_is_no_words(tmp_path: Path) -> None:
    paragraphs = tmp_path / "aufnahme.txt"
    paragraphs.write_text(f"{TURBOSCRIBE_EN}\n\n{TEXTS[0]}\n\n{TEXTS[1]}\n\n{TURBOSCRIBE_LONG}\n")
    assert [s.text for s in parse_file(paragraphs).segments] == TEXTS[:2]
    lines = _heads("{who}  {time}")
    lines[1] = f"{TURBOSCRIBE_EN} {lines[1]}"
    turns = tmp_path / "interview.txt"
    turns.write_text("\n".join([*lines, TURBOSCRIBE_LONG]), encoding="utf-8")
    assert [s.text for s in parse_file(turns).segments] == TEXTS


RULE = "_" * 80
JIGASI = f"""\
Transcript of conference held at Mar 5, 2024 in room stadtteilmanfort@conference.meet.jit.si
Initial people present at 9:00:03 AM:
\tAnnegret Voßkuhl
\tBenedikt Thelen

Transcript, started at 9:00:03 AM:
{RULE}
<9:00:07 AM> Annegret Voßkuhl: Hallo zusammen, wir sprechen heute über den Markt und
                               was dort fehlt.
<9:00:12 AM> Benedikt Thelen: Am Markt fehlen Bänke, sagt auch Frau Voßkuhl.
<9:00:20 AM> Jorinde Kappelhoff joined the conference
<9:00:31 AM> Jorinde Kappelhoff: Die Beleuchtung ist seit Jahren kaputt, und abends
                                 ist es auf dem ganzen Platz viel zu dunkel, auch im
                                 Winter.
<9:00:45 AM> Benedikt Thelen raised their hand
<9:00:50 AM> Benedikt Thelen: Und die Busse fahren abends zu selten.
<9:01:02 AM> Jorinde Kappelhoff left the conference
{RULE}

End of transcript at Mar 5, 2024, 9:02:00 AM
"""


def test_jitsis_transcriber_gives_one_statement_per_turn_without_names(
    project: Project, tmp_path: Path
) -> None:
    """Jigasi's text: a head with the people present (one per line), turns as
    "<time> Name: text" wrapped at 80 columns, and notices of who joined or left."""
    path = tmp_path / "jitsi.txt"
    path.write_text(JIGASI, encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer == IMPORTER and parsed.title is None
    assert [s.text for s in parsed.segments] == [
        "Hallo zusammen, wir sprechen heute über den Markt und was dort fehlt.",
        "Am Markt fehlen Bänke, sagt auch Frau Voßkuhl.",
        "Die Beleuchtung ist seit Jahren kaputt, und abends ist es auf dem ganzen Platz viel "
        "zu dunkel, auch im Winter.",
        "Und die Busse fahren abends zu selten.",
    ]
    assert [s.attributes["time"] for s in parsed.segments] == [
        "9:00:07 AM",
        "9:00:12 AM",
        "9:00:31 AM",
        "9:00:50 AM",
    ]
    assert _import(project, path) == 0
    stored = stored_text(project)
    for name in ("Annegret", "Voßkuhl", "Benedikt", "Thelen", "Jorinde", "Kappelhoff"):
        assert name not in stored, name
    speakers = [a["speaker"] for a in project.segments().sort_values("position")["attributes"]]
    assert len(set(speakers)) == 3 and speakers[1] == speakers[3]


def test_premiere_pros_transcript_gives_one_statement_per_block(
    project: Project, tmp_path: Path
) -> None:
    """Premiere Pro's text export: "00:00:03:20 - 00:00:31:20" (with frames), the
    speaker, the text."""
    starts = ["00:00:05:00", "00:00:12:10", "00:00:25:02", "00:00:29:20"]
    ends = [*starts[1:], "00:00:35:00"]
    blocks = [
        f"{start} - {end}\n{who}\n{text}\n"
        for start, end, who, text in zip(starts, ends, SPEAKERS, TEXTS, strict=True)
    ]
    path = tmp_path / "schnitt.txt"
    path.write_text("\n".join(blocks), encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer == IMPORTER
    assert [s.text for s in parsed.segments] == TEXTS
    assert [s.attributes["time"] for s in parsed.segments] == TIMES
    assert [s.speaker_role for s in parsed.segments] == ["Sprecher 1", None, "Sprecher 1", None]
    assert _import(project, path) == 0
    assert "Voßkuhl" not in stored_text(project)


def _noscribe_turn(start: int, speaker: str, text: str) -> str:
    stamp = f"00:00:{start:02d}"
    return (
        f'<p><a name="ts_{start * 1000}_{start * 1000 + 3000}_{speaker}"><span>{speaker}: </span>'
        f'<span style="color: #78909C">[{stamp}]</span> {text}</a></p>\n'
    )


def test_a_noscribe_transcript_saved_as_html_is_read_turn_by_turn(
    project: Project, tmp_path: Path
) -> None:
    """noScribe saves its transcripts as HTML (its editor's format): the audio file's stem
    as title, a grey head with the audio file's path, a paragraph per turn."""
    audio = "C:/Users/kerstin.wagner/Interviews/Interview Manfort 3.mp3"
    head = (
        '<!DOCTYPE html>\n<html><head><meta charset="UTF-8" />'
        f'<meta name="audio_source" content="{audio}" />'
        "<style>p { white-space: pre-wrap; }</style></head><body>\n"
        '<p style="font-weight:600">Interview Manfort 3</p>\n'
        '<p><span style="color: #909090">Transkribiert mit noScribe Vers. 0.6.2<br />'
        f"Audiodatei: {audio}<br />(Sprache: German (de) | Zeitmarken: True)</span></p>\n<p></p>\n"
    )
    turns = "".join(
        _noscribe_turn(start, speaker, text)
        for start, speaker, text in zip(
            (5, 12, 25, 29), ("S00", "S01", "S00", "S01"), TEXTS, strict=True
        )
    )
    path = tmp_path / "Interview Manfort 3.html"
    path.write_text(f"{head}{turns}</body></html>\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer == IMPORTER and parsed.title == "Interview Manfort 3"
    assert [s.text for s in parsed.segments] == TEXTS
    assert [s.speaker_role for s in parsed.segments] == ["S00", "S01", "S00", "S01"]
    assert [s.attributes["time"] for s in parsed.segments] == TIMES
    assert _import(project, path) == 0
    assert "wagner" not in stored_text(project).casefold()


ATRAIN_SEGMENTS = [
    ("SPEAKER_00", "00:00:05", "Herzlich willkommen."),
    ("SPEAKER_00", "00:00:07", "Was fehlt Ihnen im Viertel?"),
    ("SPEAKER_01", "00:00:12", "Ein Treffpunkt für Familien,"),
    ("SPEAKER_01", "00:00:15", "der auch am Wochenende offen hat."),
    ("SPEAKER_00", "00:00:25", "Und was läuft gut?"),
    ("Speaker undefined", "00:00:29", "Der Wochenmarkt ist super, da trifft man alle."),
]


def _atrain(stamp: str, maxqda: bool = False) -> str:
    """aTrain's text with speaker detection, as its ``create_txt_file`` writes it: the
    file id, then each speaker's label alone on a line above their segments (``stamp``
    formats a segment's start; MAXQDA's variant puts them on one line)."""
    text, current = "Transcription for 240305-Manfort" + ("" if maxqda else "\n"), None
    for speaker, start, said in ATRAIN_SEGMENTS:
        if speaker != current:
            text += ("\n\n" if maxqda else "\n") + speaker + "\n"
            current = speaker
        text += stamp.format(start) + said + (" " if maxqda else "\n")
    return text


@pytest.mark.parametrize(
    ("text", "times"),
    [
        (_atrain(""), [None] * 4),
        (_atrain("[{}] - "), ["00:00:05", "00:00:12", "00:00:25", "00:00:29"]),
        (_atrain("{} - "), ["00:00:05", "00:00:12", "00:00:25", "00:00:29"]),
        (_atrain("[{}] - ", maxqda=True), ["00:00:05", "00:00:12", "00:00:25", "00:00:29"]),
    ],
    ids=["transcription", "timestamps", "nvivo", "maxqda"],
)
def test_atrains_text_gives_one_statement_per_speaker_turn(
    tmp_path: Path, text: str, times: list[str | None]
) -> None:
    path = tmp_path / "transcription.txt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.importer == IMPORTER and parsed.title is None
    assert [s.text for s in parsed.segments] == [
        "Herzlich willkommen. Was fehlt Ihnen im Viertel?",
        "Ein Treffpunkt für Familien, der auch am Wochenende offen hat.",
        "Und was läuft gut?",
        "Der Wochenmarkt ist super, da trifft man alle.",
    ]
    assert [s.speaker_role for s in parsed.segments] == [
        "SPEAKER_00",
        "SPEAKER_01",
        "SPEAKER_00",
        "Speaker undefined",
    ]
    assert [s.attributes.get("time") for s in parsed.segments] == times
    assert not parsed.names
