"""Speakerless TXT/Markdown exports whose lines open with a time stamp (no dash after it):
the stamps are metadata, the lines above the title; an agenda's times stay content."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench.core.domain import InputError
from workbench.ingest import parse_file

SAID = [
    "Herzlich willkommen zur Stadtteilrunde.",
    "Der Spielplatz an der Schulstraße",
    "ist seit Monaten gesperrt.",
    "Am Brunnen fehlt abends die Beleuchtung.",
]


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("stamps", "starts"),
    [
        (["[00:01:02]", "[00:01:30]", "[00:02:10]", "[00:02:40]"], "00:01:02.000"),
        (["(00:01:02)", "(00:01:30)", "(00:02:10)", "(00:02:40)"], "00:01:02.000"),
        (["00:01:02", "00:01:30", "00:02:10", "00:02:40"], "00:01:02.000"),
        (["[00:05]", "[00:31]", "[01:12]", "[59:58]"], "00:00:05.000"),
    ],
)
def test_stamped_lines_are_statements_without_stamps(tmp_path, stamps, starts):
    lines = ["Protokoll Stadtteilrunde Manfort", ""]
    lines += [f"{stamp} {said}" for stamp, said in zip(stamps, SAID, strict=True)]
    document = parse_file(_write(tmp_path, "runde.txt", lines))
    assert document.title == "Protokoll Stadtteilrunde Manfort"
    assert [s.text for s in document.segments] == [
        "Herzlich willkommen zur Stadtteilrunde.",
        "Der Spielplatz an der Schulstraße ist seit Monaten gesperrt.",
        "Am Brunnen fehlt abends die Beleuchtung.",
    ]
    assert document.segments[0].attributes["start_time"] == starts


def test_markdown_title_over_stamped_lines(tmp_path):
    lines = ["# Aufnahme Quartierstreff", "Datum: 12.03.2024", ""]
    lines += [f"[00:0{i}:1{i}] {said}" for i, said in enumerate(SAID)]
    document = parse_file(_write(tmp_path, "runde.md", lines))
    assert document.title == "Aufnahme Quartierstreff"
    assert document.date == "2024-03-12"
    assert not any("[00:" in s.text or "Quartierstreff" in s.text for s in document.segments)
    assert document.segments[1].attributes["start_time"] == "00:01:11.000"


@pytest.mark.parametrize(
    "lines",
    [
        ["Tagesordnung", "[18:15] Verkehr: Begrüßung", "[18:30] Pause", "[19:00] Arbeitsgruppen"],
        ["18:00 Begrüßung", "18:15 Bericht aus dem Quartiersbüro", "18:30 Uhr Pause", "19:00 Ende"],
        ["18:00 Begrüßung", "18:15–18:45 Arbeitsgruppen", "18:45–19:00 Vorstellung"],
        ["18:07 Frau Hartmann eröffnet.", "18:22 Die Gruppe sammelt.", "18:41 Ende."],
        ["Beginn 18:00 Uhr", "Die Gruppe sammelt Vorschläge.", "18:40 Ende der Sitzung."],
    ],
)
def test_times_of_an_agenda_or_minutes_stay_in_the_text(tmp_path, lines):
    document = parse_file(_write(tmp_path, "ablauf.txt", ["", *lines]))
    texts = " ".join(s.text for s in document.segments)
    timed = [line for line in lines if line[:2].isdigit() or line.startswith("[")]
    assert all(line in texts for line in timed)
    assert not any("start_time" in s.attributes for s in document.segments)


def test_stamps_that_go_back_are_no_recording(tmp_path):
    lines = [f"[00:0{i}:00] {said}" for i, said in zip([3, 1, 2, 4], SAID, strict=True)]
    document = parse_file(_write(tmp_path, "notizen.txt", lines))
    assert "[00:03:00] Herzlich willkommen zur Stadtteilrunde." in document.segments[0].text


@pytest.mark.parametrize(
    "stamps",
    [
        ["00:13", "01:24", "01:33", "02:07", "02:38"],
        ["[01:08:25]", "[01:08:40]", "[01:09:01]", "[01:09:28]", "[01:10:21]"],
    ],
)
def test_a_cut_segment_said_twice_is_no_speaker(tmp_path, stamps):
    said = [*SAID[1:3], *SAID[1:3], SAID[3]]  # "Der Spielplatz an der Schulstraße" twice
    lines = ["Interview 7", "", *(f"{s} {t}" for s, t in zip(stamps, said, strict=True))]
    document = parse_file(_write(tmp_path, "runde.txt", lines))
    assert document.title == "Interview 7"
    assert [s.text for s in document.segments] == [
        "Der Spielplatz an der Schulstraße ist seit Monaten gesperrt.",
        "Der Spielplatz an der Schulstraße ist seit Monaten gesperrt.",
        "Am Brunnen fehlt abends die Beleuchtung.",
    ]
    assert not any(s.speaker_role or "speaker" in s.attributes for s in document.segments)


def test_time_and_speaker_lines_over_their_text_stay_turns(tmp_path):
    lines = []
    for i, said in enumerate(SAID):
        lines += [f"00:00:{10 * i + 3:02d} Sprecher {i % 2 + 1}", said, ""]
    document = parse_file(_write(tmp_path, "word.txt", lines))
    assert [s.speaker_role for s in document.segments] == ["Sprecher 1", "Sprecher 2"] * 2
    assert document.segments[1].text == "Der Spielplatz an der Schulstraße"


@pytest.mark.parametrize(
    "lines",
    [
        ["18:00:00 Begrüßung", "18:15:00 Bericht aus dem Quartiersbüro", "18:45:00 Pause"],
        ["[09:00:00] Ankommen", "[09:30:00] Arbeitsgruppen", "[10:30:00] Vorstellung"],
        ["18:07:00 Frau Hartmann eröffnet.", "18:22:00 Die Gruppe sammelt.", "18:41:00 Ende."],
        ["Ablauf", "00:00 Ankommen", "00:15 Bericht aus dem Quartiersbüro", "00:45 Pause"],
    ],
)
def test_an_agenda_with_seconds_keeps_its_times(tmp_path, lines):
    document = parse_file(_write(tmp_path, "ablauf.txt", lines))
    texts = " ".join(s.text for s in document.segments)
    assert all(line in texts for line in lines if line[:1] in "0123456789[")
    assert not any("start_time" in s.attributes for s in document.segments)


FRONT = ["---", "title: Stadtteilrunde Manfort", "date: 2024-03-12"]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_front_matter_over_stamped_lines_is_the_head(tmp_path, suffix):
    lines = [*FRONT, "teilnehmende: [Anna Schmidt]", "---", ""]
    lines += [f"[00:0{i}:1{i}] {said}" for i, said in enumerate(SAID)]
    document = parse_file(_write(tmp_path, f"runde{suffix}", lines))
    assert document.title == "Stadtteilrunde Manfort"
    assert document.date == "2024-03-12"
    assert "Anna Schmidt" in document.names  # pseudonymised as a header's names are
    assert document.segments[0].text == "Herzlich willkommen zur Stadtteilrunde."
    assert document.segments[0].row == 7
    assert not any("Manfort" in s.text or "2024" in s.text for s in document.segments)


def test_front_matter_over_an_agenda_with_seconds_stays_a_protocol(tmp_path):
    lines = [*FRONT, "---", "18:00:00 Begrüßung", "18:15:00 Bericht", "18:45:00 Pause"]
    document = parse_file(_write(tmp_path, "ablauf.md", lines))
    assert document.title == "Stadtteilrunde Manfort"
    assert "18:15:00 Bericht" in " ".join(s.text for s in document.segments)


def test_broken_front_matter_over_stamped_lines_is_named(tmp_path):
    lines = ["---", "title: [Stadtteilrunde", "---"]
    lines += [f"[00:0{i}:1{i}] {said}" for i, said in enumerate(SAID)]
    with pytest.raises(InputError, match="YAML-Kopf"):
        parse_file(_write(tmp_path, "runde.md", lines))


def test_a_name_in_front_matter_is_pseudonymised_where_it_is_said(project, tmp_path):
    lines = [*FRONT, "teilnehmende: [Anna Schmidt]", "---"]
    lines += ["[00:00:05] Herzlich willkommen.", "[00:00:09] Anna Schmidt leitet die Runde."]
    lines += ["[00:00:15] Am Brunnen fehlt abends die Beleuchtung."]
    project.import_files([_write(tmp_path, "runde.md", lines)])
    assert "Anna Schmidt" in set(project.pseudonym_key()["original"])
    stored = stored_text(project)
    assert "Schmidt" not in stored and "leitet die Runde" in stored
