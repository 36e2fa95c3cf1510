"""Chats with an impossible time (25:61, a 61st second, 13 PM) are broken exports.

A chat whose lines have the chat's time shape but one impossible time stops the import
with a German message naming file and line (exit code 2, nothing written); WhatsApp read
such a chat as a plain protocol, the transcript readers stored "25:61" as a time. A
protocol that merely mentions such times stays a protocol. So does an Element chat with a
day that does not exist ("Feb 31 2026") on any line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest import parse_file

BROKEN = {  # a chat with one impossible time in line 3: (file, its text, the time named)
    "android": (
        "chat.txt",
        "12.03.21, 18:02 - Anna Schmidt: Hallo zusammen!\n12.03.21, 18:03 - Ben Berg: Ich komme.\n"
        "12.03.21, 25:61 - Anna Schmidt: Danke!\n12.03.21, 18:05 - Ben Berg: Bis Samstag.\n",
        "25:61",
    ),
    "iphone second": (
        "chat.txt",
        "[12.03.21, 18:02:11] Anna Schmidt: Hallo zusammen!\n[12.03.21, 18:03:40] Ben Berg: Ja.\n"
        "[12.03.21, 18:04:61] Anna Schmidt: Danke!\n",
        "18:04:61",
    ),
    "english": (
        "chat.txt",
        "3/12/21, 6:02 PM - Anna Schmidt: We need benches.\n3/12/21, 6:03 PM - Ben Berg: Yes.\n"
        "3/12/21, 13:61 PM - Anna Schmidt: Thanks!\n",
        "13:61 PM",
    ),
    "zoom saved hour": (
        "meeting_saved_chat.txt",
        "18:02:11 Von Anna Schmidt an Alle: Guten Abend\n18:03:00 Von Ben Berg an Alle: Licht!\n"
        "25:04:00 Von Anna Schmidt an Alle: Danke\n",
        "25:04:00",
    ),
    "bigbluebutton": (
        "chat.txt",
        "[18:02] Anna Schmidt : Guten Abend\n[18:03] Ben Berg : Licht!\n"
        "[25:61] Anna Schmidt : Danke\n[18:05] Ben Berg : Bänke!\n",
        "25:61",
    ),
    "teams": (
        "teams.txt",
        "Anna Schmidt\n18:02\nGuten Abend.\nBen Berg\n18:03\nLicht!\nAnna Schmidt\n18:61\nDanke\n"
        "Ben Berg\n18:05\nBänke!\n",
        "18:61",
    ),
    "stamped second": (
        "chat.txt",
        "10:02:13 Anna Schmidt: Guten Abend.\n10:02:40 Ben Berg: Licht!\n"
        "10:03:65 Anna Schmidt: Danke.\n10:03:30 Ben Berg: Bänke!\n",
        "10:03:65",
    ),
    "element": (
        "element.txt",
        "Thu, Dec 5 2026 18:01:12 - Anna Schmidt: Guten Abend\n"
        "Thu, Dec 5 2026 18:02:12 - Ben Berg: Licht!\n"
        "Thu, Dec 5 2026 25:61:12 - Anna Schmidt: Danke\n",
        "25:61:12",
    ),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_an_impossible_time_in_a_chat_names_file_and_line(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    name, text, time = BROKEN[kind]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    line = 7 if kind == "teams" else 3
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert caught.value.row == line and f"'{time}'" in str(caught.value)
    assert "ungültig" in str(caught.value)
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    out = capsys.readouterr()
    assert f"Zeile {line}" in out.err and name in out.err and "Traceback" not in out.err
    assert "Schmidt" not in out.err + out.out  # the line's sender is not echoed
    assert project.segments().empty  # nothing half-written


@pytest.mark.parametrize(
    "text",
    [
        "Notiz\n\n12.03.21, 25:61 - wurde im Chat angekündigt.\nDie Gruppe wünscht Licht im Park.\n"
        "Der Spielplatz ist dunkel.\n",
        "Protokoll\n\nUm 18:02 begann die Runde, um 24:00 war Schluss.\nUm 12:75 gab es Kaffee.\n",
        "Protokoll\n\n[25:61] Verkehr: Die Ampel ist zu kurz grün.\n[18:30] Grün: Der Park braucht "
        "Licht.\n",
        "Protokoll Quartiersworkshop\n\n18:00 Begrüßung\n18:15 Verkehr\n25:61 Ende (Tippfehler)\n",
    ],
)
def test_a_protocol_that_mentions_times_stays_a_protocol(tmp_path: Path, text: str) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    assert parse_file(path).importer == "markdown"


def test_a_twelve_hour_clock_past_twelve_is_no_time_of_day(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "[18:02] Anna Schmidt : Guten Abend\n[18:03] Ben Berg : Licht!\n"
        "[13:04 PM] Anna Schmidt : Danke\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="'13:04 PM'"):
        parse_file(path)


@pytest.mark.parametrize(
    ("third", "written"),
    [
        ("Thu, Feb 31 2026 18:03:12", "Feb 31 2026"),
        ("Do., 29. Feb. 2025, 18:03:12", "29. Feb. 2025"),
        ("Thu, Apr 31 2026 18:03", "Apr 31 2026"),
    ],
)
def test_an_impossible_date_in_an_element_chat_names_file_and_line(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], third: str, written: str
) -> None:
    path = tmp_path / "element.txt"
    path.write_text(
        "Thu, Dec 5 2026 18:01:12 - Anna Schmidt: Guten Abend\n"
        "Thu, Dec 5 2026 18:02:12 - Ben Berg: Licht!\n"
        f"{third} - Anna Schmidt: Danke\nThu, Dec 5 2026 18:04:12 - Ben Berg: Bänke!\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    out = capsys.readouterr()
    assert f"Zeile 3: Datum '{written}' gibt es nicht" in out.err and "element.txt" in out.err
    assert "Traceback" not in out.err and "Schmidt" not in out.err + out.out
    assert project.segments().empty  # nothing half-written


def test_a_leap_day_in_an_element_chat_is_a_day(tmp_path: Path) -> None:
    path = tmp_path / "element.txt"
    path.write_text(
        "Tue, Feb 29 2028 18:01:12 - Anna Schmidt: Guten Abend\n"
        "Tue, Feb 29 2028 18:02:12 - Ben Berg: Licht!\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.date == "2028-02-29" and len(document.segments) == 2
