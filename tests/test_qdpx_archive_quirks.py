"""REFI-QDA archives as file managers zip them (session 40 review of vendor files).

A project folder compressed in the macOS Finder holds ``__MACOSX/…/._project.qde`` beside
``Projekt/project.qde``: those resource forks are no project file and no source.
"""

from __future__ import annotations

import tracemalloc
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


def _qde_of(path: str) -> str:
    """The project of :func:`_qde` with its source text at ``path``."""
    return _qde().replace(f"internal://{SOURCE}.txt", path)


def _import(project: Project, path: Path, capsys) -> tuple[int, str, int]:
    """Exit code, the terminal's error text and the statements in the project after it."""
    code = main(["--project", str(project.path), "import", "--coder", "KB", str(path)])
    err = capsys.readouterr().err
    with Project.open(project.path) as reopened:
        return code, err, len(reopened.segments())


def test_a_source_text_really_named_dot_underscore_imports(
    tmp_path: Path, db_url: str | None, capsys
) -> None:
    """Before: a source called ``._notizen.txt`` (no resource fork: no AppleDouble header)
    was dropped as Mac metadata: "Der Text einer Textquelle fehlt", exit 2; also when the
    Finder zipped it with its own fork ``__MACOSX/…/._._notizen.txt``."""
    plain, finder = tmp_path / "plain.qdpx", tmp_path / "finder.qdpx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("project.qde", _qde_of("internal://._notizen.txt"))
        archive.writestr("Sources/._notizen.txt", TEXT)
    with zipfile.ZipFile(finder, "w") as archive:
        archive.writestr("Studie/project.qde", _qde_of("internal://._notizen.txt"))
        archive.writestr("Studie/Sources/._notizen.txt", TEXT)
        archive.writestr("Studie/._project.qde", APPLE_DOUBLE)  # a fork beside: still left out
        archive.writestr("__MACOSX/Studie/Sources/._._notizen.txt", APPLE_DOUBLE)
    for path in (plain, finder):
        fresh = Project.create(tmp_path / path.stem, db_url=db_url, districts=["Manfort"])
        fresh.close()
        code, err, _ = _import(fresh, path, capsys)
        assert code == 0, err
        with Project.open(fresh.path) as reopened:
            assert reopened.segments()["text"].tolist() == [TEXT]


def test_an_archive_with_two_projects_names_both_and_writes_nothing(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Before: "Im Archiv fehlt project.qde" for two project folders zipped together (or two
    .qde side by side), as if there were none; now both are named."""
    folders, side = tmp_path / "zwei.qdpx", tmp_path / "nebeneinander.qdpx"
    with zipfile.ZipFile(folders, "w") as archive:
        for top in ("Studie Nord/", "Studie Süd/"):
            archive.writestr(f"{top}project.qde", _qde())
            archive.writestr(f"{top}Sources/{SOURCE}.txt", TEXT)
            archive.writestr(f"__MACOSX/{top}._project.qde", APPLE_DOUBLE)
    with zipfile.ZipFile(side, "w") as archive:
        archive.writestr("Nord.qde", _qde())
        archive.writestr("Süd.qde", _qde())
        archive.writestr(f"Sources/{SOURCE}.txt", TEXT)
    for path, named in (
        (folders, ("Studie Nord/project.qde", "Studie Süd/project.qde")),
        (side, ("Nord.qde", "Süd.qde")),
    ):
        code, err, statements = _import(project, path, capsys)
        assert (code, statements) == (2, 0)
        assert "2 REFI-QDA-Projekte" in err and all(name in err for name in named)
        assert "fehlt" not in err and "MACOSX" not in err and "Traceback" not in err


def test_qdpx_files_zipped_together_are_named(project: Project, tmp_path: Path, capsys) -> None:
    """Before: "Im Archiv fehlt project.qde" for an archive holding .qdpx files."""
    inner = _finder_zip(tmp_path / "inner.qdpx", "")
    path = tmp_path / "beide.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Nord.qdpx", inner.read_bytes())
        archive.writestr("Süd.qdpx", inner.read_bytes())
    code, err, statements = _import(project, path, capsys)
    assert (code, statements) == (2, 0)
    assert ".qdpx-Dateien (Nord.qdpx, Süd.qdpx)" in err and "fehlt" not in err


def _set_encrypted(path: Path, member: str) -> None:
    """Mark ``member`` as a password-protected entry (bit 0 of its flags), as 7-Zip does."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        data[archive.getinfo(member).header_offset + 6] |= 1
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name = bytes(data[central + 46 : central + 46 + len(member.encode())])
        if name == member.encode():
            data[central + 8] |= 1
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_an_encrypted_entry_is_named_as_encrypted(project: Project, tmp_path: Path, capsys) -> None:
    """Before: a password-protected source was "beschädigt oder abgeschnitten"."""
    path = _finder_zip(tmp_path / "passwort.qdpx", "Studie/")
    _set_encrypted(path, f"Studie/Sources/{SOURCE}.txt")
    code, err, statements = _import(project, path, capsys)
    assert (code, statements) == (2, 0)
    assert "verschlüsselt" in err and "Passwort" in err and "beschädigt" not in err


def test_an_entry_holding_far_more_than_it_declares_is_not_unpacked_whole(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Before: a source declaring 39 bytes but holding 64 MB was unpacked whole in memory
    (a few MB of such an archive took gigabytes) before its checksum stopped it."""
    path = tmp_path / "luege.qdpx"
    member = f"Sources/{SOURCE}.txt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("project.qde", _qde())
        with archive.open(member, "w") as out:
            for _ in range(8):
                out.write(bytes(8 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    small = (len(TEXT)).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        if bytes(data[central + 46 : central + 46 + len(member)]) == member.encode():
            data[central + 24 : central + 28] = small
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    tracemalloc.start()
    try:
        code, err, statements = _import(project, path, capsys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (code, statements) == (2, 0)
    assert f"Eintrag '{member}'" in err and "beschädigt" in err
    assert peak < 32 * 1024 * 1024
