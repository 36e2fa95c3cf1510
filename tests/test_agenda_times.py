"""A protocol's agenda with times in square brackets or with seconds ("[18:15] Verkehr: …",
"(18:15:00) Grün: …", "#18:15:00# Kultur: …") made its topics speakers: "Verkehr" and "Grün"
went into the pseudonym key as persons and were cut from the texts. Topics that are nouns,
none a name or role, in time order, are an agenda now; a recording's turns of people
("[00:01:05] Anna Becker: …", noScribe, f4) stay turns. Two agenda lines of labelled
topics at times of day ("A: [12:00:00] Mittagessen") were a transcript of two turns;
they are a protocol now, two turns of a recording ("S00: [00:00:05] …") stay one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project
from workbench.ingest import parse_file

TOPICS = [
    ("18:15", "Verkehr", "Die Ampel an der Kölner Straße schaltet zu schnell."),
    ("18:40", "Grün", "Der Park braucht mehr Bänke."),
    ("19:05", "Jugend", "Ein offener Treff am Abend fehlt."),
    ("19:30", "Verkehr", "Der Zebrastreifen fehlt noch immer."),
]
MARKS = ["[{}]", "[{}:00]", "({}:00)", "#{}:00#", "{}:00"]


def _write(path: Path, lines: list[str]) -> Path:
    if path.suffix == ".rtf":
        body = "".join(
            line.replace("ü", "\\'fc").replace("ö", "\\'f6").replace("ä", "\\'e4") + "\\par\n"
            for line in lines
        )
        path.write_text(
            "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\n" + body + "}", "latin-1"
        )
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _persons(project: Project) -> set[str]:
    return set(project.pseudonym_key().query("kind == 'person'")["original"])


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".rtf"])
def test_an_agendas_topics_with_bracketed_or_exact_times_are_no_people(
    project: Project, tmp_path: Path, suffix: str, mark: str
) -> None:
    lines = ["Stadtteilrunde Manfort"]
    lines += [f"{mark.format(time)} {topic}: {said}" for time, topic, said in TOPICS]
    assert import_into(project, _write(tmp_path / f"runde{suffix}", lines)) == 0
    stored = project.segments()
    assert not _persons(project) & {"Verkehr", "Grün", "Jugend"}
    assert not any("speaker" in a for a in stored["attributes"])
    for _, topic, said in TOPICS:  # each item a statement with its topic, nothing cut
        assert sum(f"{topic}: {said}" in text for text in stored["text"]) == 1
    assert not any(text.startswith("Stadtteilrunde") and ":" in text for text in stored["text"])


RECORDINGS = {
    "names": [
        "[00:01:05] Anna Becker: Guten Abend zusammen.",
        "[00:01:20] Jonas Krüger: Ich wohne seit zehn Jahren hier.",
        "[00:01:45] Anna Becker: Was fehlt Ihnen im Viertel?",
        "[00:02:10] Jonas Krüger: Ein Treffpunkt für Ältere.",
    ],
    "relatives": [  # nouns, but people take turns
        "(00:00:05) Mutter: Guten Abend.",
        "(00:00:12) Vater: Was fehlt im Viertel?",
        "(00:00:31) Mutter: Ein Treffpunkt.",
        "(00:00:45) Vater: Und sonst?",
    ],
    "noscribe": [
        "S00: [00:00:09] Schön, dass Sie da sind.",
        "S01: [00:00:15] Danke für die Einladung.",
        "S00: [00:00:21] Was fehlt im Quartier?",
        "S01: [00:00:30] Mehr Grünflächen.",
    ],
    "f4": [
        "#00:00:05-1# I: Wie lange wohnen Sie schon hier?",
        "#00:00:12-4# B: Seit zwanzig Jahren.",
        "#00:00:20-0# I: Was hat sich verändert?",
        "#00:00:31-8# B: Es ist lauter geworden.",
    ],
}


@pytest.mark.parametrize("layout", sorted(RECORDINGS))
def test_a_recordings_turns_stay_turns(project: Project, tmp_path: Path, layout: str) -> None:
    lines = RECORDINGS[layout]
    assert import_into(project, _write(tmp_path / f"{layout}.txt", lines)) == 0
    stored = project.segments().sort_values("position")
    assert len(stored) == 4
    assert all(a.get("time", "").startswith("00:0") for a in stored["attributes"])
    assert not any(":" in text.split(" ")[0] for text in stored["text"])  # no label in a text


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize(
    "lines",
    [
        ["A: [12:00:00] Mittagessen", "B: [13:00:00] Rundgang"],
        [
            "Programm Quartiersfest",
            "",
            "A: [09:30:00] Begrüßung und Vorstellung",
            "",
            "B: [10:15:00] Arbeit in Kleingruppen",
        ],
        ["I: [14:00:00] Pause", "B: [15:00:00] Abschluss"],
    ],
)
def test_two_agenda_lines_with_times_of_day_stay_a_protocol(
    tmp_path: Path, suffix: str, lines: list[str]
) -> None:
    document = parse_file(_write(tmp_path / f"programm{suffix}", lines))
    assert document.importer == "markdown"
    shown = " ".join(s.text for s in document.segments)
    assert "Rundgang" in shown or "Kleingruppen" in shown or "Abschluss" in shown


@pytest.mark.parametrize(
    "lines",
    [
        ["S00: [00:00:05] Ja, hier fehlt ein Treff.", "S01: [00:00:12] Das sehe ich auch so."],
        ["S1: [00:00:00] Hallo zusammen", "S2: [00:01:00] Hallo"],
        ["S00: [01:12:00] Zum Schluss zur Kita.", "S01: [01:13:00] Die Plätze reichen nicht."],
        ["A: [00:01:23] Wir brauchen mehr Bänke.", "B: [00:01:40] Genau."],
    ],
)
def test_two_turns_of_a_recording_stay_a_transcript(tmp_path: Path, lines: list[str]) -> None:
    document = parse_file(_write(tmp_path / "runde.txt", lines))
    assert document.importer == "speaker-turns"
    assert len(document.segments) == 2
