"""Chats and transcripts in containers whose speakers' names were read with the wrong
encoding before ("Monika GodyÅ„"): a WhatsApp export with media (the chat's text inside
a ZIP) and noScribe's web page are repaired line by line before they are parsed, as a
text file is; a chat's JSON or web page gives the roles of a ``--roles`` list to its
names as repaired (decision 027, Nachtrag Runde 50)."""

from __future__ import annotations

import html
import json
import zipfile
from pathlib import Path

from workbench.core.domain import ParsedDocument
from workbench.ingest import parse_file

SAID = [
    ("Monika Godyń", "Größere Mülleimer wären gut, gerade im Sommer."),
    ("Katrin Wähner", "Der Eintritt ins Schwimmbad kostet jetzt 4,50 €."),
    ("Monika Godyń", "Die Bänke am Spielplatz fehlen."),
    ("Katrin Wähner", "Und die Straße ist abends dunkel."),
]


def _misread(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252 ("Wähner" → "WÃ¤hner")."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def _twice(text: str) -> str:
    """``text`` read as Windows-1252 twice ("WÃƒÂ¤hner")."""
    return _misread(_misread(text))


def _said(document: ParsedDocument) -> list[tuple[str, str]]:
    return [(str(s.attributes.get("speaker")), s.text) for s in document.segments]


def _whatsapp_zip(path: Path, said: list[tuple[str, str]]) -> Path:
    chat = "".join(f"07.12.26, 10:{i:02} - {p}: {t}\n" for i, (p, t) in enumerate(said))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_chat.txt", chat)
        archive.writestr("IMG-20261207-WA0001.jpg", b"\xff\xd8\xff\xe0 Foto")
    return path


def test_a_whatsapp_archive_with_misread_names_keeps_every_message(tmp_path: Path) -> None:
    good = parse_file(_whatsapp_zip(tmp_path / "richtig.zip", SAID))
    for misread in (_misread, _twice):
        bad_said = [(misread(p), misread(t)) for p, t in SAID]
        bad = parse_file(_whatsapp_zip(tmp_path / f"{misread.__name__}.zip", bad_said))
        assert bad.importer == good.importer == "whatsapp-chat"
        assert _said(bad) == _said(good) == SAID
        assert bad.options["mojibake"] == 4
        assert bad.options["messenger"]["archive"] == good.options["messenger"]["archive"]


def _noscribe(path: Path, said: list[tuple[str, str]]) -> Path:
    paragraphs = "".join(
        f'<p><a name="ts_{i * 5000}_{i * 5000 + 4000}_S0{i % 2}">'
        f"{html.escape(p)}: [00:00:{i * 5:02}] {html.escape(t)}</a></p>"
        for i, (p, t) in enumerate(said)
    )
    path.write_text(
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><head><meta charset="UTF-8" />'
        '</head><body><div class="WordSection1"><p style="font-weight:600;">runde</p>'
        f"<p></p>{paragraphs}</div></body></html>",
        "utf-8",
    )
    return path


def test_a_noscribe_page_with_misread_names_is_a_transcript(tmp_path: Path) -> None:
    good = parse_file(_noscribe(tmp_path / "richtig.html", SAID))
    bad_said = [(_misread(p), _misread(t)) for p, t in SAID]
    bad = parse_file(_noscribe(tmp_path / "falsch.html", bad_said))
    assert bad.importer == good.importer == "speaker-turns"
    assert _said(bad) == _said(good)
    assert bad.sha256 != good.sha256 and bad.options["mojibake"] == 4


def test_a_noscribe_page_written_correctly_is_read_as_before(tmp_path: Path) -> None:
    path = _noscribe(tmp_path / "richtig.html", SAID)
    document = parse_file(path)
    assert _said(document) == SAID and "mojibake" not in document.options


def test_a_telegram_export_with_misread_names_gets_the_roles_of_the_roles_list(
    tmp_path: Path,
) -> None:
    messages = [
        {
            "id": i + 1,
            "type": "message",
            "date": f"2021-03-12T18:{i:02}:00",
            "from": _misread(p),
            "from_id": f"user{i % 2 + 1}",
            "text": t,
        }
        for i, (p, t) in enumerate(SAID)
    ]
    path = tmp_path / "result.json"
    export = {"name": "Nachbarschaft Manfort", "type": "private_group", "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    roles = {"Monika Godyń": "Quartiersbüro", "Katrin Wähner": "Jugendhilfe"}
    document = parse_file(path, roles=roles)
    assert [s.speaker_role for s in document.segments] == [
        "Quartiersbüro",
        "Jugendhilfe",
        "Quartiersbüro",
        "Jugendhilfe",
    ]
    assert [a for a, _ in _said(document)] == [p for p, _ in SAID]
