"""A meeting's host or moderator marked after the display name has the role Moderation."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest import parse_file

VTT = """\
WEBVTT

00:00:01.000 --> 00:00:03.000
Anna Schmidt (Host): Willkommen zum Stadtteilabend.

00:00:03.500 --> 00:00:06.000
Ben Berg: Wir brauchen Bänke.

00:00:06.500 --> 00:00:08.000
Carla Cetin (Co-Host): Danke, notiert.

00:00:08.500 --> 00:00:10.000
Dana Dorn (sie/ihr): Und Licht.
"""
CHAT = """\
[10:02] Anna Schmidt (Moderatorin) : Hallo zusammen
[10:03] Ben Berg : Bei uns fehlt ein Jugendtreff.
[10:04] Anna Schmidt (Moderatorin) : Danke, das nehmen wir auf.
[10:05] Ben Berg : Und die Busse fahren abends zu selten.
"""


def test_host_and_moderator_marks_give_the_role_moderation(tmp_path: Path) -> None:
    path = tmp_path / "abend.vtt"
    path.write_text(VTT, encoding="utf-8")
    parsed = parse_file(path)
    assert [(s.speaker_role, s.attributes["speaker"]) for s in parsed.segments] == [
        ("Moderation", "Anna Schmidt"),
        (None, "Ben Berg"),
        ("Moderation", "Carla Cetin"),
        (None, "Dana Dorn"),
    ]
    assert parsed.names == ("Anna Schmidt", "Ben Berg", "Carla Cetin", "Dana Dorn")

    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    assert [s.speaker_role for s in parse_file(chat).segments] == [
        "Moderation",
        None,
        "Moderation",
        None,
    ]


def test_the_roles_file_wins_over_the_host_mark(tmp_path: Path) -> None:
    path = tmp_path / "abend.vtt"
    path.write_text(VTT, encoding="utf-8")
    parsed = parse_file(path, roles={"anna schmidt": "Quartiersmanagement"})
    assert [s.speaker_role for s in parsed.segments][:3] == [
        "Quartiersmanagement",
        None,
        "Moderation",
    ]
