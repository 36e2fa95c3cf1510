"""Shared by the REFI-QDA tests: the schema, the MAXQDA-shaped fixture, project snapshots."""

from __future__ import annotations

import functools
import shutil
import zipfile
from pathlib import Path

from lxml import etree

from tests.conftest import SHARED, need
from workbench import Project
from workbench.cli.main import main
from workbench.demo import DEMO_DISTRICTS
from workbench.synthesis.indicators import indicators

# A Manfort protocol whose participants list names "Quandt" and "Dornbusch" in the texts
# (the --originals round-trip tests)
MANFORT_PROTOCOL = """---
workshop: Quartiersworkshop Manfort
date: 2021-03-03
district: Manfort
participants: [Holger Quandt, Mia Dornbusch]
---
# Herausforderungen und Bedarfe

- Hol Quandt dazu! Er kennt den Spielplatz.
- Dornbusch meint, der Bus fährt zu selten.
"""


# A Manfort workshop of two participants the key learns by their full names (the exports of
# a participant who codes or writes a memo)
SPEAKERS_PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Gisela Brandhorst:** Es fehlen Bänke am Spielplatz.
- **Karl Becker:** Die Straßenbeleuchtung ist zu dunkel.
"""


def import_speakers(project: Project, folder: Path) -> list[str]:
    """Import :data:`SPEAKERS_PROTOCOL` (``folder``/werkstatt.md) into ``project``; return
    the command line's ``--project`` arguments."""
    path = folder / "werkstatt.md"
    path.write_text(SPEAKERS_PROTOCOL, encoding="utf-8")
    args = ["--project", str(project.path)]
    assert main([*args, "import", "--add-districts", str(path)]) == 0
    return args


def qde_text(path: Path) -> str:
    """The project.qde of an exported .qdpx, as text."""
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde").decode("utf-8")


NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"
FIXTURE = Path(__file__).parent / "fixtures" / "maxqda_projekt"


@functools.cache
def refi_schema() -> etree.XMLSchema:
    """Project-mrt2019.xsd from ../shared/refi-qda (intact; Codebook.xsd is not needed)."""
    return etree.XMLSchema(
        etree.parse(str(need(SHARED / "refi-qda" / "Project-mrt2019.xsd", "XSD")))
    )


def fresh(path: Path) -> Project:
    """A new project with the demo's districts."""
    return Project.create(path, districts=DEMO_DISTRICTS)


def segments_of(project: Project) -> list[dict]:
    """The statements as records, in document order, without IDs."""
    columns = ["document", "source_id", "position", "workshop", "district", "question"]
    columns += ["speaker_role", "text", "start", "end", "attributes"]
    table = project.segments()[columns].sort_values(["document", "start"])
    return table.to_dict("records")


def codings_of(project: Project) -> list[dict]:
    """The codings as records, sorted, without IDs."""
    columns = ["document", "source_id", "code", "coder", "start", "end", "created_at"]
    table = project.codings()[columns].sort_values(columns[:6])
    return table.to_dict("records")


def memos_of(project: Project) -> list[tuple]:
    """Memos with their targets as stable keys (ids differ between projects)."""
    segments = project.segments().set_index("segment_id")
    codes = project.codes().set_index("code_id")
    result = []
    for m in project.memos().itertuples():
        target = None
        if m.target_type == "segment":
            target = (segments.at[m.target_id, "document"], segments.at[m.target_id, "source_id"])
        elif m.target_type == "code":
            target = codes.at[m.target_id, "path"]
        elif m.target_type == "cluster":
            target = int(m.target_id)
        result.append((m.target_type, target, m.author, m.text, m.created_at))
    return sorted(result, key=str)


def snapshot(project: Project) -> tuple:
    """Everything a round trip must keep."""
    return (
        project.status(),
        segments_of(project),
        codings_of(project),
        memos_of(project),
        project.pseudonym_key().to_dict("records"),
        indicators(project).to_dict("records"),
        project.districts().to_dict("records"),
    )


def qde_root(path: Path) -> etree._Element:
    """The parsed project.qde of an archive."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def rezip(src: Path, dst: Path, qde: bytes | None = None, drop: str | None = None) -> Path:
    """Copy an archive, optionally with another project.qde or without one member."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        for info in old.infolist():
            if info.filename == drop:
                continue
            data = qde if qde is not None and info.filename == "project.qde" else None
            new.writestr(info.filename, data if data is not None else old.read(info))
    return dst


def maxqda_archive(folder: Path, qde: bytes | None = None) -> Path:
    """The hand-written MAXQDA-shaped fixture as a .qdpx, its relative source beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "quartiersstudie.qdpx"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde or (FIXTURE / "project.qde").read_bytes())
        for path in sorted((FIXTURE / "sources").iterdir()):
            archive.write(path, f"sources/{path.name}")
    shutil.copy(FIXTURE / "Kartenabfrage_Wiesdorf.txt", folder)
    return out


CODED_TEXT = "Wir brauchen einen Treffpunkt am Markt."


def coded_project(path: Path, origin: str, tail: str) -> Path:
    """A REFI-QDA project of one coded source ("Begehung", :data:`CODED_TEXT`) from
    ``origin``, with ``tail`` (sets, notes) after its sources."""
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="X" origin="{origin}">
<CodeBook><Codes><Code guid="C1" name="Treffpunkt" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="S1" name="Begehung" plainTextPath="internal://S1.txt">
<PlainTextSelection guid="P1" startPosition="0" endPosition="{len(CODED_TEXT)}">
<Coding guid="K1"><CodeRef targetGUID="C1"/></Coding></PlainTextSelection></TextSource></Sources>
{tail}</Project>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("Sources/S1.txt", CODED_TEXT)
    return path
