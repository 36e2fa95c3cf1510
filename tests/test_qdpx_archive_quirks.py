"""REFI-QDA archives as file managers zip them (session 40 review of vendor files).

A project folder compressed in the macOS Finder holds ``__MACOSX/…/._project.qde`` beside
``Projekt/project.qde``: those resource forks are no project file and no source.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench import Project
from workbench.cli.main import main

NS = "urn:QDA-XML:project:1.0"
SOURCE = "5E1D0C7B-9A2F-4E3D-8B6A-1C2D3E4F5A6B"
CODE = "C0000000-0000-4000-8000-000000000002"
TEXT = "Wir brauchen einen Treffpunkt am Markt."
SPAN = "Treffpunkt am Markt"
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        "


def _qde() -> str:
    start = TEXT.index(SPAN)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="Studie" '
        'origin="MAXQDA 2022"><CodeBook><Codes>'
        f'<Code guid="{CODE}" name="Treffpunkt" isCodable="true"/></Codes></CodeBook><Sources>'
        f'<TextSource guid="{SOURCE}" name="Workshop" plainTextPath="internal://{SOURCE}.txt">'
        f'<PlainTextSelection guid="A0000000-0000-4000-8000-000000000001" '
        f'startPosition="{start}" endPosition="{start + len(SPAN)}">'
        f'<Coding guid="A0000000-0000-4000-8000-000000000002"><CodeRef targetGUID="{CODE}"/>'
        "</Coding></PlainTextSelection></TextSource></Sources></Project>"
    )


def _finder_zip(out: Path, top: str) -> Path:
    """The project as the Finder's "Komprimieren" writes it: ``top`` folder and __MACOSX."""
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(f"{top}project.qde", _qde())
        archive.writestr(f"{top}Sources/{SOURCE}.txt", TEXT)
        archive.writestr(f"__MACOSX/{top}._project.qde", APPLE_DOUBLE)
        archive.writestr(f"__MACOSX/{top}Sources/._{SOURCE}.txt", APPLE_DOUBLE)
    return out


def test_a_project_folder_zipped_in_the_finder_imports_with_its_codings(
    project: Project, tmp_path: Path
) -> None:
    """Before: "Im Archiv fehlt project.qde" (two .qde in folders: the real one and its
    resource fork), exit 2; now the project, its statement and the coded span are there."""
    path = _finder_zip(tmp_path / "studie.qdpx", "Studie Manfort/")
    assert main(["--project", str(project.path), "import", "--coder", "KB", str(path)]) == 0
    with Project.open(project.path) as reopened:
        segments = reopened.segments()
        codings = reopened.codings()
    assert segments["text"].tolist() == [TEXT]
    assert codings["code"].tolist() == ["Treffpunkt"]
    start, end = int(codings["start"].iloc[0]), int(codings["end"].iloc[0])
    assert TEXT[start:end] == SPAN
