"""Meeting exports with direction marks around and inside speaker labels.

WhatsApp on the iPhone puts U+200E before lines, a name in Arabic or Hebrew script in a
left-to-right chat stands between isolates (U+2068 … U+2069), right-to-left interfaces copy
embeddings and overrides (U+202A–E): around or inside a speaker label, such marks must not
stop a chat or transcript being read as one — every speaker a person in the key, never in
clear. A protocol keeps its marks and stays a protocol.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import parse_file

LRM, RLM, FSI, RLI, PDI = "\u200e", "\u200f", "\u2068", "\u2067", "\u2069"
RLE, LRO, PDF = "\u202b", "\u202d", "\u202c"
PLACEHOLDER = re.compile(r"^\[Person \d+\]$")
ARABIC = "ياسمين حداد"  # Yasmin Haddad

# One file per meeting format; {A} and {B} are the two speakers' labels as written.
FORMATS = {
    "transkript.txt": "{A}: Guten Abend zusammen, wir fangen mit dem Spielplatz an.\n"
    "{B}: Danke, der Spielplatz ist abends sehr dunkel.\n{A}: Das nehmen wir auf.\n"
    "{B}: Und die Bänke fehlen auch.\n",
    "bbb.txt": "[18:02] {A} : Guten Abend zusammen\n[18:03] {B} : Der Park braucht Licht.\n"
    "[18:04] {A} : Das nehmen wir auf.\n[18:05] {B} : Und die Bänke fehlen.\n",
    "otter.txt": "{A}  0:03\nGuten Abend zusammen.\n\n{B}  0:15\nDer Park braucht Licht.\n\n"
    "{A}  0:40\nDas nehmen wir auf.\n\n{B}  1:02\nUnd die Bänke fehlen.\n",
    "teams.txt": "{A}\n18:02\nGuten Abend zusammen.\n{B}\n18:03\nDer Park braucht Licht.\n"
    "{A}\n18:04\nDas nehmen wir auf.\n{B}\n18:05\nUnd die Bänke fehlen.\n",
    "zoom.txt": "00:06:53\t{A}:\tGuten Abend zusammen\n00:07:18\t{B}:\tDer Park braucht Licht.\n"
    "00:07:22\t{A}:\tDas nehmen wir auf.\n00:08:13\t{B}:\tUnd die Bänke fehlen.\n",
    "zoom_lokal.txt": "18:02:11 Von {A} an Alle: Guten Abend zusammen\n"
    "18:03:00 Von {B} an Alle: Der Park braucht Licht.\n",
    "element.txt": "Thu, Dec 5 2026 18:01:12 - {A}: Guten Abend\n"
    "Thu, Dec 5 2026 18:02:12 - {B}: Der Park braucht Licht.\n"
    "Thu, Dec 5 2026 18:03:12 - {A}: Das nehmen wir auf.\n",
    "teams.vtt": "WEBVTT\n\n00:00:03.120 --> 00:00:08.450\n<v {A}>Guten Abend zusammen.</v>\n\n"
    "00:00:09.000 --> 00:00:14.200\n<v {B}>Der Park braucht Licht.</v>\n",
    "zoom.vtt": "WEBVTT\n\n1\n00:00:03.120 --> 00:00:08.450\n{A}: Guten Abend zusammen.\n\n"
    "2\n00:00:09.000 --> 00:00:14.200\n{B}: Der Park braucht Licht.\n",
    "untertitel.srt": "1\n00:00:03,120 --> 00:00:08,450\n{A}: Guten Abend zusammen.\n\n"
    "2\n00:00:09,000 --> 00:00:14,200\n{B}: Der Park braucht Licht.\n",
    "whatsapp.txt": "[12.03.21, 18:02:11] {A}: Hallo zusammen! Wer kommt am Samstag?\n"
    "[12.03.21, 18:03:40] {B}: Ich komme, der Park braucht Licht.\n",
}
MARKED = {  # how an export writes a label: (Anna's, Ben's)
    "isolates": (f"{FSI}Anna Schmidt{PDI}", f"{FSI}Ben Berg{PDI}"),
    "mark inside": (f"Anna{LRM} Schmidt", f"Ben{RLM} Berg"),
    "embedding and override": (f"{RLE}Anna Schmidt{PDF}", f"{LRO}Ben Berg{PDF}"),
    "arabic script": (f"{FSI}{ARABIC}{PDI}", f"{LRM}Ben Berg"),
}


def _speakers(project: Project) -> list[str]:
    return [a.get("speaker") for a in project.segments()["attributes"]]


@pytest.mark.parametrize("marks", MARKED)
@pytest.mark.parametrize("name", FORMATS)
def test_marked_labels_are_speakers_in_the_key(
    project: Project, tmp_path: Path, name: str, marks: str
) -> None:
    anna, ben = MARKED[marks]
    path = tmp_path / name
    path.write_text(FORMATS[name].format(A=anna, B=ben), encoding="utf-8")
    project.import_files([path], district="Manfort")
    speakers = _speakers(project)
    assert all(s and PLACEHOLDER.match(s) for s in speakers), speakers
    assert speakers[0] != speakers[1] and len(set(speakers)) == 2
    # the key holds each person once, as written without the marks
    key = set(project.pseudonym_key()["original"])
    assert {ARABIC if marks == "arabic script" else "Anna Schmidt", "Ben Berg"} <= key
    stored = stored_text(project)
    for clear in ("Schmidt", "Berg", "حداد"):
        assert clear not in stored
    assert not re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", stored)


def test_iphone_marks_before_every_line_keep_the_transcript(tmp_path: Path) -> None:
    path = tmp_path / "transkript.txt"
    text = FORMATS["transkript.txt"].format(A="Anna Schmidt", B="Ben Berg")
    path.write_text("".join(LRM + line for line in text.splitlines(True)), encoding="utf-8")
    document = parse_file(path)
    assert document.importer == "speaker-turns"
    assert [s.attributes["speaker"] for s in document.segments] == ["Anna Schmidt", "Ben Berg"] * 2
    assert document.segments[1].text == "Danke, der Spielplatz ist abends sehr dunkel."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            f"Protokoll Workshop Wiesdorf\n\nFrau {FSI}{ARABIC}{PDI} berichtet, dass der "
            "Spielplatz dunkel ist.\nDie Gruppe wünscht sich mehr Bänke.\n",
            f"{FSI}{ARABIC}{PDI} berichtet",
        ),
        (
            f"Protokoll\n\n{LRM}Die Bushaltestelle ist unbeleuchtet.\n{LRM}Der Park braucht "
            "Eimer.\n",
            f"{LRM}Der Park",
        ),
        (
            f"Notiz\n\nEin Teilnehmer schrieb {RLE}مرحبا{PDF} auf die Karte.\nAndere schrieben "
            "Hallo.\n",
            f"{RLE}مرحبا{PDF}",
        ),
    ],
)
def test_a_protocol_with_marks_stays_a_protocol_with_its_marks(
    tmp_path: Path, text: str, kept: str
) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    document = parse_file(path)
    assert document.importer == "markdown"
    assert kept in " ".join(s.text for s in document.segments)
