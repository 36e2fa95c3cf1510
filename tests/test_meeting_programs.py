"""Meetings from programs the import had not seen: titles, speakers and agendas as they write them.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project

TITLED_VTT = """\
WEBVTT - Stadtteilrunde Nord

1
00:00:01.000 --> 00:00:04.000
<v Anna Schmidt>Guten Morgen zusammen.</v>

2
00:00:05.000 --> 00:00:08.000
<v Karl Weber>Der Spielplatz am Markt ist zu klein.</v>
"""


def test_the_title_in_a_webvtt_header_names_the_workshop(project: Project, tmp_path: Path) -> None:
    """ "WEBVTT - Titel": the text after WEBVTT is the meeting's title, as a protocol's."""
    assert import_into(project, _file(tmp_path, "aufnahme_0412.vtt", TITLED_VTT)) == 0
    segments = project.segments()
    assert set(segments["workshop"]) == {"Stadtteilrunde Nord"}
    assert list(segments["text"]) == [
        "Guten Morgen zusammen.",
        "Der Spielplatz am Markt ist zu klein.",
    ]
    # Only "WEBVTT" (or the old "WEBVTT FILE"): the workshop is named after the file
    old = TITLED_VTT.replace("WEBVTT - Stadtteilrunde Nord", "WEBVTT FILE")
    assert import_into(project, _file(tmp_path, "runde_sued.vtt", old)) == 0
    assert set(project.segments()["workshop"]) == {"Stadtteilrunde Nord", "runde_sued"}
