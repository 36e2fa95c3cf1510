"""A noScribe transcript of a short meeting holds two turns. Saved as noScribe saves it —
its head ("Transkribiert mit noScribe Vers. …", the audio file, the options) and turns
without times (noScribe writes them only if asked) — it was no transcript: the HTML file
was refused, the text file one statement of head and turns. Copied without the head,
"S00: [00:00:05] …" / "S01: [00:00:12] …" was a protocol's two lines. Both are the two
speakers' turns now; a protocol's two timed or labelled lines stay a protocol."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project
from workbench.ingest import parse_file

ASKED = "Wie lange wohnen Sie schon hier im Viertel?"
SAID = "Seit zwölf Jahren, und es hat sich viel verändert."
HEAD = (
    "Transkribiert mit noScribe Vers. 0.6.2",
    "Audiodatei: C:/Users/kwagner/Aufnahmen/runde.mp3",
    "(Start: 00:00:00 | Stop: Ende | Sprache: Deutsch | Sprechererkennung: auto)",
)


def _noscribe_html(path: Path, turns: list[tuple[str, int, str]]) -> Path:
    """A page as noScribe writes it: the title, the head in one paragraph split by line
    breaks, an empty paragraph, a paragraph per turn of anchored segments."""
    paragraphs = [
        '<p style="font-weight:600;">runde</p>',
        f'<p><span style="color: #909090">{"<br/>".join(map(html.escape, HEAD))}</span></p>',
        "<p></p>",
        *(
            f'<p><a name="ts_{start}_{start + 4000}_{who}" >{who}: {html.escape(said)}</a></p>'
            for who, start, said in turns
        ),
    ]
    path.write_text(
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><head><meta charset="UTF-8" />'
        '</head><body><div class="WordSection1">' + "".join(paragraphs) + "</div></body></html>",
        encoding="utf-8",
    )
    return path


def test_a_noscribe_page_of_two_untimed_turns_is_a_transcript(
    project: Project, tmp_path: Path
) -> None:
    path = _noscribe_html(tmp_path / "runde.html", [("S00", 5000, ASKED), ("S01", 12000, SAID)])
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(zip(stored["speaker_role"], stored["text"], strict=True)) == [
        ("S00", ASKED),
        ("S01", SAID),
    ]
    assert not (project.pseudonym_key()["original"].str.contains("kwagner")).any()


UNTIMED = [f"S00: {ASKED}", f"S01: {SAID}"]
TIMED = [f"S00: [00:00:05] {ASKED}", f"SPEAKER_01: [00:00:12] {SAID}"]


@pytest.mark.parametrize(
    ("head", "turns"),
    [(HEAD, UNTIMED), (HEAD, TIMED), ((), TIMED)],
    ids=["kopf-ohne-zeiten", "kopf-mit-zeiten", "ohne-kopf-mit-zeiten"],
)
def test_a_noscribe_text_of_two_turns_is_a_transcript(
    tmp_path: Path, head: tuple[str, ...], turns: list[str]
) -> None:
    path = tmp_path / "runde.txt"
    path.write_text("\n".join(["runde", *head, "", *turns]) + "\n", encoding="utf-8")
    document = parse_file(path)
    assert document.importer == "speaker-turns"
    assert [s.text for s in document.segments] == [ASKED, SAID]


@pytest.mark.parametrize(
    "lines",
    [
        ["[18:15] Verkehr: Mehr Busse am Abend.", "[18:30] Grün: Mehr Bäume im Park."],
        ["Wichtig: [00:10:00] Mikro prüfen.", "Fazit: [00:50:00] Gute Runde."],
        ["Ziel: Mehr Bänke am Markt.", "Problem: Es fehlt Geld."],
        ["TOP 1: [00:15:00] Begrüßung.", "TOP 2: [00:45:00] Verkehr im Viertel."],
        ["Gruppe 1: [00:20:00] Mehr Bänke.", "Gruppe 2: [00:35:00] Mehr Licht."],
        ["Raum 1: [00:15:00] Kleingruppe Verkehr.", "Raum 2: [00:15:00] Kleingruppe Grün."],
    ],
)
def test_two_timed_or_labelled_lines_of_a_protocol_stay_a_protocol(
    tmp_path: Path, lines: list[str]
) -> None:
    path = tmp_path / "runde.txt"
    path.write_text("\n".join(["Stadtteilrunde", "", *lines]) + "\n", encoding="utf-8")
    assert parse_file(path).importer != "speaker-turns"
