"""WhatsApp chats exported with media (a .zip): the chat text is read, the media are not."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.core.domain import InputError
from workbench.ingest import expand_paths, parse_file

LRM = "\u200e"
IOS = (
    f"[12.03.21, 17:55:02] Nachbarschaft Opladen: {LRM}Nachrichten und Anrufe sind "
    "Ende-zu-Ende-verschlüsselt.\n"
    "[12.03.21, 18:02:11] Anna Schmidt: Am Rheinufer fehlen Bänke.\n"
    f"[12.03.21, 18:03:40] Bernd Meier: {LRM}<Anhang: 00000012-PHOTO-2021-03-12.jpg>\n"
    f"[12.03.21, 18:04:00] Bernd Meier: {LRM}<Anhang: 00000013-AUDIO-2021-03-12.opus>\n"
    f"[12.03.21, 18:05:00] Bernd Meier: {LRM}<Anhang: 00000014-Carla Weiß.vcf>\n"
    "[12.03.21, 18:06:00] Bernd Meier: Der Spielplatz braucht Schatten.\n"
)
ANDROID = (
    "12.03.21, 18:02 - Anna Schmidt: Am Rheinufer fehlen Bänke.\n"
    "12.03.21, 18:03 - Bernd Meier: PTT-20210312-WA0002.opus (Datei angehängt)\n"
    "12.03.21, 18:06 - Bernd Meier: Der Spielplatz braucht Schatten.\n"
)
VCARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Carla Weiß\nTEL;type=CELL:+49 171 2345678\nEND:VCARD\n"


def _zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _iphone_zip(tmp_path: Path) -> Path:
    return _zip(
        tmp_path / "WhatsApp Chat mit Nachbarschaft.zip",
        {
            "_chat.txt": IOS,
            "00000012-PHOTO-2021-03-12.jpg": b"\xff\xd8\xff\xe0 kein echtes Bild",
            "00000013-AUDIO-2021-03-12.opus": b"OggS Sprachnachricht",
            "00000014-Carla Weiß.vcf": VCARD,
        },
    )


def test_zip_with_media_imports_the_chat_and_leaves_media_out(
    project: Project, tmp_path: Path
) -> None:
    result = project.import_files([_iphone_zip(tmp_path)], district="Opladen")[0]
    segments = project.segments()
    assert list(segments["text"]) == [
        "Am Rheinufer fehlen Bänke.",
        "Der Spielplatz braucht Schatten.",
    ]
    assert all(a["speaker"].startswith("[Person ") for a in segments["attributes"])
    notices = " ".join(result.notices)
    assert "3 Mediendateien nicht übernommen" in notices
    assert "Sprachnachrichten werden nicht transkribiert" in notices
    stored = stored_text(project)
    for clear in ("Schmidt", "Carla", "Weiß", "2345678", "VCARD", "OggS"):
        assert clear not in stored


def test_android_zip_names_its_chat_after_the_group(project: Project, tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "WhatsApp Chat mit Nachbarschaft.zip",
        {
            "WhatsApp Chat mit Nachbarschaft.txt": ANDROID,
            "PTT-20210312-WA0002.opus": b"OggS",
        },
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        "Am Rheinufer fehlen Bänke.",
        "Der Spielplatz braucht Schatten.",
    ]
    assert document.filename == path.name


def test_the_same_chat_as_zip_and_as_text_is_one_file(project: Project, tmp_path: Path) -> None:
    path = _zip(tmp_path / "mit Medien.zip", {"WhatsApp Chat.txt": ANDROID, "a.opus": b"OggS"})
    text = tmp_path / "ohne Medien.txt"
    text.write_text(ANDROID, encoding="utf-8")
    project.import_files([text], district="Opladen")
    again = project.import_files([path], district="Opladen")[0]
    assert again.status == "bereits vorhanden"
    assert len(project.segments()) == 2


def test_zip_member_names_with_dot_dot_are_not_unpacked(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "chat.zip",
        {"../../_chat.txt": ANDROID, "../../../evil.sh": b"rm -rf ~", "/etc/x.vcf": VCARD},
    )
    workdir = tmp_path / "arbeit"
    workdir.mkdir()
    code = "import sys; from workbench.ingest import parse_file; parse_file(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=workdir, check=True)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["arbeit", "chat.zip"]
    assert len(parse_file(path).segments) == 2


def test_zip_without_a_chat_is_refused_with_the_archive_hint(tmp_path: Path) -> None:
    path = _zip(tmp_path / "Fotos.zip", {"IMG-1.jpg": b"\xff\xd8", "notiz.txt": "Einkaufen"})
    with pytest.raises(InputError, match="kein WhatsApp-Export mit Medien: bitte entpacken"):
        parse_file(path)


def test_broken_zip_gets_the_archive_hint(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat.zip"
    path.write_bytes(b"PK\x03\x04 abgebrochener Download")
    with pytest.raises(InputError, match=r"nicht unterstützt.*kein WhatsApp-Export mit Medien"):
        parse_file(path)


def test_folder_with_a_chat_zip_imports_it(tmp_path: Path) -> None:
    _iphone_zip(tmp_path)
    _zip(tmp_path / "Fotos.zip", {"IMG-1.jpg": b"\xff\xd8"})
    (tmp_path / "protokoll.md").write_text("# Treffen\n\nMehr Licht.\n", encoding="utf-8")
    found = [p.name for p in expand_paths([tmp_path])]
    assert found == ["WhatsApp Chat mit Nachbarschaft.zip", "protokoll.md"]


def test_android_contact_card_with_a_name_is_no_statement(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        ANDROID + "12.03.21, 18:07 - Bernd Meier: Carla Weiß.vcf (Datei angehängt)\n"
        "12.03.21, 18:08 - Bernd Meier: Foto vom Treff 2.jpg (Datei angehängt)\n",
        encoding="utf-8",
    )
    result = project.import_files([path], district="Opladen")[0]
    assert list(project.segments()["text"]) == [
        "Am Rheinufer fehlen Bänke.",
        "Der Spielplatz braucht Schatten.",
    ]
    assert "3 Medien-Nachrichten" in " ".join(result.notices)
    assert "Carla" not in stored_text(project) and "Weiß" not in stored_text(project)


def test_android_photo_keeps_the_caption_written_with_it(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "WhatsApp Chat mit Nachbarschaft.zip",
        {
            "WhatsApp Chat mit Nachbarschaft.txt": ANDROID
            + "12.03.21, 18:09 - Bernd Meier: IMG-20210312-WA0003.jpg (Datei angehängt)\n"
            "Die Bank am Spielplatz ist kaputt.\nSeit Wochen schon.\n",
            "IMG-20210312-WA0003.jpg": b"\xff\xd8",
        },
    )
    document = parse_file(path)
    assert document.segments[-1].text == "Die Bank am Spielplatz ist kaputt.\nSeit Wochen schon."
    assert document.options["messenger"]["media"] == 1  # the voice note alone
