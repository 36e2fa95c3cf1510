"""Transcripts and chats whose speakers' names were read with the wrong encoding before
("JÃ¼rgen SchrÃ¶der: …"), in every text format, and ``--names`` lists read so.

Who speaks is decided on a file's text: a mis-read name is not like a person's, and a
Markdown or RTF transcript was imported as a protocol. Text files are repaired line by line
before they are parsed (:mod:`workbench.ingest.mended_text`, decision 027): read as the
same file written correctly, with the file's digest and line numbers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest import parse_file

SAID = [
    ("Jürgen Schröder", "Hallo zusammen, wir fangen mit dem Spielplatz an."),
    ("Anna Becker", "Ja gern, die Bänke dort fehlen seit dem Sommer."),
    ("Jürgen Schröder", "Gut, dann zuerst die Bänke."),
    ("Anna Becker", "Und abends ist die Straße zu dunkel."),
]


def _misread(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252 ("Jürgen" → "JÃ¼rgen")."""
    return text.encode("utf-8").decode("cp1252")


def _rtf(text: str) -> str:
    """``text`` as an RTF file, a paragraph a line, characters beyond ASCII escaped."""
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0 " + escaped.replace("\n", "\\par\n") + "}"


FORMATS: dict[str, Callable[[list[tuple[str, str]]], str]] = {
    "turns.md": lambda said: "\n".join(f"{p}: {t}\n" for p, t in said),
    "descript.md": lambda said: "\n".join(
        f"**{p}:** [00:00:{i:02}] {t}\n" for i, (p, t) in enumerate(said)
    ),
    "turns.rtf": lambda said: _rtf("".join(f"{p}: {t}\n\n" for p, t in said)),
    "whatsapp.txt": lambda said: "".join(
        f"07.12.26, 10:{i:02} - {p}: {t}\n" for i, (p, t) in enumerate(said)
    ),
    "zoom.txt": lambda said: "".join(
        f"10:{i:02}:00 From {p} to Everyone:\n\t{t}\n" for i, (p, t) in enumerate(said)
    ),
    "untertitel.srt": lambda said: "\n".join(
        f"{i + 1}\n00:00:{i:02},000 --> 00:00:{i:02},900\n{p}: {t}\n"
        for i, (p, t) in enumerate(said)
    ),
}


def _read(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """How a file is read: its importer and its statements' speakers and texts."""
    document = parse_file(path)
    said = [
        (str(s.attributes.get("speaker") or s.speaker_role or ""), s.text)
        for s in document.segments
    ]
    return document.importer, said


@pytest.mark.parametrize("name", list(FORMATS))
def test_misread_transcript_is_read_as_the_file_written_correctly(
    tmp_path: Path, name: str
) -> None:
    written = FORMATS[name](SAID)
    good, bad = tmp_path / "richtig" / name, tmp_path / "falsch" / name
    good.parent.mkdir()
    bad.parent.mkdir()
    good.write_text(written, "utf-8")
    bad.write_text(FORMATS[name]([(_misread(p), _misread(t)) for p, t in SAID]), "utf-8")
    expected = _read(good)
    assert "Jürgen Schröder" in {speaker for speaker, _ in expected[1]}
    assert _read(bad) == expected


def test_repaired_file_keeps_its_digest_and_counts_statements(tmp_path: Path) -> None:
    path = tmp_path / "gespraech.md"
    # Jürgen's first turn spans three mis-read lines: one statement, not three
    path.write_text(
        _misread(
            "Jürgen Schröder: Hallo zusammen.\nDie Bänke fehlen.\nDie Straße ist dunkel.\n\n"
            "Anna Becker: Ja, das stimmt.\n\nJürgen Schröder: Danke.\n\n"
            "Anna Becker: Bitte sehr.\n"
        ),
        "utf-8",
    )
    document = parse_file(path)
    assert document.importer == "speaker-turns"
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.options["mojibake"] == 2  # Jürgen's two statements


def test_a_broken_subtitle_names_the_files_line_after_repair(tmp_path: Path) -> None:
    path = tmp_path / "untertitel.srt"
    path.write_text(
        _misread(
            "1\n00:00:01,000 --> 00:00:02,000\nJürgen Schröder: Die Bänke fehlen.\n\n"
            "2\n00:00:03,000 --> 00:00:99,000\nAnna Becker: Die Straße ist dunkel.\n"
        ),
        "utf-8",
    )
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert raised.value.row == 6 and raised.value.file == "untertitel.srt"


def test_misread_names_list_finds_the_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "protokoll.txt"
    source.write_text(
        "Protokoll Workshop Spielplätze\n\nDie Idee kam von Bärwinkel und Tschöpe.\n\n"
        "Die Straße ist abends dunkel.\n",
        "utf-8",
    )
    names = tmp_path / "namen.txt"
    names.write_text(_misread("Bärwinkel\nTschöpe\n"), "utf-8")
    project = tmp_path / "studie"
    assert main(["init", str(project)]) == 0
    command = ["--project", str(project), "import", str(source), "--names", str(names)]
    assert main(command) == 0
    export = tmp_path / "export.csv"
    assert main(["--project", str(project), "export", "--format", "csv", str(export)]) == 0
    capsys.readouterr()
    texts = "\n".join(pd.read_csv(export, dtype=str).fillna("")["text"])
    assert "Die Straße ist abends dunkel." in texts
    assert "Bärwinkel" not in texts and "Tschöpe" not in texts


def test_misread_roles_list_gives_the_speakers_their_roles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sitzung.vtt"
    source.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Jürgen Schröder>Willkommen zum Workshop.\n\n"
        "00:00:05.000 --> 00:00:08.000\n<v Anna Becker>Die Bänke fehlen.\n",
        "utf-8",
    )
    roles = tmp_path / "rollen.csv"
    roles.write_text(
        _misread("Person;Rolle\nJürgen Schröder;Quartiersbüro\nAnna Becker;Jugendhilfe\n"),
        "utf-8",
    )
    project = tmp_path / "studie"
    assert main(["init", str(project)]) == 0
    command = ["--project", str(project), "import", str(source), "--roles", str(roles)]
    assert main(command) == 0
    export = tmp_path / "export.csv"
    assert main(["--project", str(project), "export", "--format", "csv", str(export)]) == 0
    capsys.readouterr()
    table = pd.read_csv(export, dtype=str).fillna("")
    assert list(table["speaker_role"]) == ["Quartiersbüro", "Jugendhilfe"]


def test_a_tab_table_saved_as_text_counts_each_repaired_row_once(tmp_path: Path) -> None:
    path = tmp_path / "UMFRAGE.TXT"
    path.write_text(
        "Nr\tText\n1\tFrau MÃ¼ller sagt ja.\n2\tDie BÃ¤nke fehlen.\n3\tAlles gut.\n", "utf-8"
    )
    document = parse_file(path)
    assert [s.text for s in document.segments][:2] == ["Frau Müller sagt ja.", "Die Bänke fehlen."]
    assert document.options["mojibake"] == 2
