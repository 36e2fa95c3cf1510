"""Details of other programs' REFI-QDA files (session 35): mixed sets, Windows line breaks
in descriptions, typed variables."""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench import Project
from workbench.exchange.qdpx import import_qdpx

NS = "urn:QDA-XML:project:1.0"
SOURCE = "C0000000-0000-4000-8000-000000000001"
ANA = "B0000000-0000-4000-8000-0000000000A1"
TEXT = "Wir brauchen mehr Bänke am Markt.\nDer Spielplatz ist zu klein.\n"
CRLF = "&#13;&#10;"  # how a Windows program writes a line break it keeps


def _guid(n: int) -> str:
    return f"A0000000-0000-4000-8000-{n:012d}"


def _qdpx(out: Path, *, codes: str = "", body: str = "", extra: str = "") -> Path:
    qde = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}" name="Beirat" '
        f'origin="MAXQDA 2022"><Users><User guid="{ANA}" name="Ana"/></Users>'
        + (f"<CodeBook><Codes>{codes}</Codes></CodeBook>" if codes else "")
        + f'<Sources><TextSource guid="{SOURCE}" name="Sitzung Manfort" '
        f'plainTextPath="internal://{SOURCE}.txt">{body}</TextSource></Sources>{extra}</Project>'
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"Sources/{SOURCE}.txt", TEXT.encode("utf-8"))
    return out


def test_a_set_of_sources_and_codes_is_named_as_taken_for_its_sources(
    project: Project, tmp_path: Path
) -> None:
    """A set with codes and sources: its sources carry its name, and the import says so,
    not that the set was left out."""
    codes = f'<Code guid="{_guid(1)}" name="Bedarf" isCodable="true"/>'
    sets = (
        f'<Sets><Set guid="{_guid(30)}" name="Gemischt"><MemberCode targetGUID="{_guid(1)}"/>'
        f'<MemberSource targetGUID="{SOURCE}"/></Set>'
        f'<Set guid="{_guid(31)}" name="Nur Codes"><MemberCode targetGUID="{_guid(1)}"/></Set>'
        "</Sets>"
    )
    result = import_qdpx(project, _qdpx(tmp_path / "sets.qdpx", codes=codes, extra=sets))
    assert {"Gemischt"} == {s for a in project.segments()["attributes"] for s in a["Sets"]}
    notices = "\n".join(result.notices)
    assert "Code-Sets nicht übernommen (die Werkbank kennt keine Codegruppen): Nur Codes." in (
        notices
    )
    assert (
        "Sets mit Quellen und Codes: die Quellen tragen den Set-Namen im Attribut 'Sets', die "
        "Codes nicht (die Werkbank kennt keine Codegruppen): Gemischt." in notices
    )
