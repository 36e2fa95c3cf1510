"""WhatsApp exports with large media: only the chat text is unpacked, so only its size counts."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.core.archives import MAX_MEMBER
from workbench.core.domain import InputError
from workbench.ingest import expand_paths, parse_file

CHAT = (
    "12.03.21, 18:02 - Anna Schmidt: Am Rheinufer fehlen Bänke.\n"
    "12.03.21, 18:03 - Bernd Meier: VID-20210312-WA0001.mp4 (Datei angehängt)\n"
    "12.03.21, 18:06 - Bernd Meier: Der Spielplatz braucht Schatten.\n"
)
STEP = b"\x00" * (1024 * 1024)


def _export(path: Path, large: str, chat: str = CHAT) -> Path:
    """A WhatsApp export as zipfile writes it, with one member of MAX_MEMBER + 2 MB
    (written in steps: an honest member, packed to a few hundred KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if large != "WhatsApp Chat mit Nachbarschaft.txt":
            archive.writestr("WhatsApp Chat mit Nachbarschaft.txt", chat)
        with archive.open(large, "w") as member:
            for _ in range(MAX_MEMBER // len(STEP) + 2):
                member.write(STEP)
    return path


def test_a_video_larger_than_a_text_may_be_does_not_stop_the_chat(
    project: Project, tmp_path: Path
) -> None:
    path = _export(tmp_path / "WhatsApp Chat.zip", "VID-20210312-WA0001.mp4")
    assert expand_paths([tmp_path]) == [path]  # a folder's import takes it as a chat
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        "Am Rheinufer fehlen Bänke.",
        "Der Spielplatz braucht Schatten.",
    ]
    assert document.options["messenger"]["archive"]["files"] == 1
    project.import_files([path], district="Opladen")
    assert len(project.segments()) == 2


def test_a_chat_text_larger_than_a_text_may_be_still_stops(tmp_path: Path) -> None:
    path = _export(tmp_path / "WhatsApp Chat.zip", "WhatsApp Chat mit Nachbarschaft.txt")
    message = "Der Eintrag 'WhatsApp Chat mit Nachbarschaft.txt' ist entpackt 130 MB groß"
    with pytest.raises(InputError, match=re.escape(message)) as raised:
        parse_file(path)
    assert raised.value.file == "WhatsApp Chat.zip"
