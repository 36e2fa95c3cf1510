"""A text file is read from disk once and decoded once on its way through the import:
what it is (chat, transcript, table, protocol), the repair of lines read with the wrong
encoding (decision 027) and its importer all read that one text, with the file's digest
(:func:`workbench.ingest.mended_text.text_file`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.core import textio
from workbench.core.domain import InputError
from workbench.ingest import parse_file


def _misread(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252 ("Jürgen" → "JÃ¼rgen")."""
    return text.encode("utf-8").decode("cp1252")


def _rtf(text: str) -> str:
    """``text`` as an RTF file, a paragraph a line, characters beyond ASCII escaped."""
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0 " + escaped.replace("\n", "\\par\n") + "}"


SAID = [
    ("Jürgen Schröder", "Hallo zusammen, wir fangen mit dem Spielplatz an."),
    ("Anna Becker", "Ja gern, die Bänke dort fehlen seit dem Sommer."),
    ("Jürgen Schröder", "Gut, dann zuerst die Bänke."),
]
FORMATS: dict[str, Callable[[list[tuple[str, str]]], str]] = {
    "protokoll.txt": lambda said: (
        "Protokoll Stadtteilforum\n\n" + "\n\n".join(f"- {t}" for _, t in said)
    ),
    "turns.txt": lambda said: "\n".join(f"{p}: {t}\n" for p, t in said),
    "whatsapp.txt": lambda said: "".join(
        f"07.12.26, 10:{i:02} - {p}: {t}\n" for i, (p, t) in enumerate(said)
    ),
    "zoom.txt": lambda said: "".join(
        f"10:{i:02}:00 From {p} to Everyone:\n\t{t}\n" for i, (p, t) in enumerate(said)
    ),
    "tabelle.txt": lambda said: "Name\tText\n" + "".join(f"{p}\t{t}\n" for p, t in said),
    "protokoll.md": lambda said: "# Protokoll Werkstatt\n\n" + "\n".join(f"- {t}" for _, t in said),
    "turns.md": lambda said: "\n".join(f"{p}: {t}\n" for p, t in said),
    "descript.md": lambda said: "\n".join(
        f"**{p}:** [00:00:{i:02}] {t}\n" for i, (p, t) in enumerate(said)
    ),
    "untertitel.srt": lambda said: "\n".join(
        f"{i + 1}\n00:00:{i:02},000 --> 00:00:{i:02},900\n{p}: {t}\n"
        for i, (p, t) in enumerate(said)
    ),
    "untertitel.vtt": lambda said: (
        "WEBVTT\n\n"
        + "\n".join(
            f"00:00:{i:02}.000 --> 00:00:{i:02}.900\n<v {p}>{t}\n" for i, (p, t) in enumerate(said)
        )
    ),
    "untertitel.sbv": lambda said: "\n".join(
        f"0:00:{i:02}.000,0:00:{i:02}.900\n{p}: {t}\n" for i, (p, t) in enumerate(said)
    ),
    "turns.rtf": lambda said: _rtf("".join(f"{p}: {t}\n\n" for p, t in said)),
}


class _Counted:
    """How often the file at ``path`` is read from disk and how often a text is decoded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
        self.reads = self.decodes = 0
        read_bytes, newlines = Path.read_bytes, textio._newlines

        def counted_read(this: Path) -> bytes:
            self.reads += this == path
            return read_bytes(this)

        def counted_decode(text: str) -> str:
            self.decodes += 1  # every decoded text ends there (decode's last step)
            return newlines(text)

        monkeypatch.setattr(Path, "read_bytes", counted_read)
        monkeypatch.setattr(textio, "_newlines", counted_decode)


@pytest.mark.parametrize("misread", [False, True], ids=["richtig", "falsch-gelesen"])
@pytest.mark.parametrize("name", list(FORMATS))
def test_a_text_file_is_read_once_and_decoded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, misread: bool
) -> None:
    said = [(_misread(p), _misread(t)) for p, t in SAID] if misread else SAID
    path = tmp_path / name
    path.write_text(FORMATS[name](said), "utf-8")
    counted = _Counted(monkeypatch, path)
    document = parse_file(path)
    assert (counted.reads, counted.decodes) == (1, 1)
    assert document.segments
    if not name.endswith(".rtf"):  # an RTF document's digest is its text's (decision 027)
        assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["whatsapp.txt", "turns.md", "untertitel.srt", "protokoll.md"])
def test_a_file_changed_while_it_is_imported_is_read_as_it_was_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Every check and the importer read the one text: a file written again during the
    import (a sync client, an editor saving) gives the document of its first text, not
    the kind of one and the statements of the other."""
    path = tmp_path / name
    first = FORMATS[name](SAID)
    later = FORMATS[name]([("Olga Wolf", "Ganz anderer Text, später gespeichert.")])
    path.write_text(first, "utf-8")
    expected = parse_file(path)
    read_bytes, reads = Path.read_bytes, []

    def changing(this: Path) -> bytes:
        data = read_bytes(this)
        if this == path:
            reads.append(this)
            path.write_text(later, "utf-8")  # the next read sees the other text
        return data

    monkeypatch.setattr(Path, "read_bytes", changing)
    document = parse_file(path)
    assert [s.text for s in document.segments] == [s.text for s in expected.segments]
    assert document.sha256 == expected.sha256
    assert "Olga" not in " ".join(s.text for s in document.segments)


DATA_FILES = {
    "result.json": json.dumps(
        {
            "name": "Nachbarschaft Manfort",
            "type": "private_group",
            "messages": [
                {
                    "id": i + 1,
                    "type": "message",
                    "date": f"2021-03-12T18:0{i}:00",
                    "from": p,
                    "from_id": f"user{i % 2}",
                    "text": t,
                }
                for i, (p, t) in enumerate(SAID)
            ],
        },
        ensure_ascii=False,
    ),
    "whisper.json": json.dumps(
        {"segments": [{"start": i, "end": i + 0.9, "text": t} for i, (_, t) in enumerate(SAID)]},
        ensure_ascii=False,
    ),
    "beitraege.json": json.dumps([{"Text": t, "Name": p} for p, t in SAID], ensure_ascii=False),
    "whisper.tsv": "start\tend\ttext\n"
    + "".join(f"{i * 1000}\t{i * 1000 + 900}\t{t}\n" for i, (_, t) in enumerate(SAID)),
    "beitraege.tsv": "Name\tText\n" + "".join(f"{p}\t{t}\n" for p, t in SAID),
    "runde.html": '<!DOCTYPE HTML><html><head><meta charset="UTF-8" /></head><body>'
    + "".join(f"<p>{p}: [00:00:{i * 5:02}] {t}</p>" for i, (p, t) in enumerate(SAID))
    + "</body></html>",
}


@pytest.mark.parametrize("name", list(DATA_FILES))
def test_a_json_or_tsv_file_is_read_once_and_decoded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Whether it is a Telegram chat, a recogniser's transcript, a table or noScribe's
    transcript is decided on the one text its importer reads."""
    path = tmp_path / name
    path.write_text(DATA_FILES[name], "utf-8")
    expected = parse_file(path)
    counted = _Counted(monkeypatch, path)
    document = parse_file(path)
    assert (counted.reads, counted.decodes) == (1, 1)
    assert document.segments and document == expected


@pytest.mark.parametrize("name", ["notizen.txt", "notizen.md", "untertitel.vtt", "daten.json"])
def test_a_file_no_encoding_reads_is_read_once_and_named_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"Zeile eins\nZeile \x81\x8d\x90 zwei\n")
    counted = _Counted(monkeypatch, path)
    with pytest.raises(InputError, match="Zeichen nicht lesbar") as raised:
        parse_file(path)
    assert (raised.value.file, raised.value.row) == (name, 2)
    assert counted.reads == 1
