"""A ZIP member that holds far more than the archive declares for it (1 KB declared, many
MB inside, its checksum forged to match the declared part) stops every reader of ZIP files
with one German message naming the file and the member, exit code 2, nothing imported;
members are unpacked in bounded steps (before: ``ZipFile.read`` unpacked up to 1 GB at
once, and a forged checksum let the declared part through as if it were the whole)."""

from __future__ import annotations

import io
import json
import re
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.archives import check_members, read_member
from workbench.core.domain import InputError
from workbench.synthesis import geo_read

DECLARED = 1024
HOLDS = 48 * 1024 * 1024  # trailing spaces: compress ~1000:1, still valid XML and text
SAID = "enthält mehr, als das Archiv für ihn angibt (1024 Bytes)"


def _lying(members: dict[str, bytes], liar: str, out: Path) -> Path:
    """A ZIP of ``members`` in which ``liar`` holds its bytes and HOLDS spaces, but its
    headers declare DECLARED bytes with the checksum of its first DECLARED bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name != liar:
                archive.writestr(name, data)
        entry = zipfile.ZipInfo(liar)
        entry.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(entry, "w") as target:
            target.write(members[liar])
            for _ in range(HOLDS // (1024 * 1024)):
                target.write(b" " * (1024 * 1024))
    data = bytearray(buffer.getvalue())
    crc = zlib.crc32((members[liar] + b" " * DECLARED)[:DECLARED])
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # the central directory's entry, and the local header it points to
        size = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + size] == liar.encode():
            local = struct.unpack_from("<I", data, at + 42)[0]
            for header, offset in ((at, 16), (local, 14)):
                struct.pack_into("<I", data, header + offset, crc)
                struct.pack_into("<I", data, header + offset + 8, DECLARED)
        at = data.find(b"PK\x01\x02", at + 4)
    out.write_bytes(bytes(data))
    return out


def _lying_zip(tmp_path: Path) -> zipfile.ZipFile:
    text = b"Wir brauchen mehr B\xc3\xa4nke im Park.\n"
    return zipfile.ZipFile(_lying({"a.txt": text}, "a.txt", tmp_path / "a.zip"))


def test_a_member_holding_more_than_it_declares_stops_with_bounded_memory(
    tmp_path: Path,
) -> None:
    with _lying_zip(tmp_path) as archive:
        assert len(archive.read("a.txt")) == DECLARED  # zipfile: no error, the part declared
        tracemalloc.start()
        with pytest.raises(InputError, match=re.escape("Der Eintrag 'a.txt' " + SAID)) as raised:
            read_member(archive, "a.txt", "a.zip")
        with pytest.raises(InputError, match=re.escape("Der Eintrag 'a.txt' " + SAID)):
            check_members(archive, "a.zip")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert raised.value.file == "a.zip"
    assert peak < 8 * 1024 * 1024  # steps of 1 MB (ZipFile.read: the 48 MB at once)


def test_an_honest_member_is_read_whole_and_a_missing_one_is_a_key_error(tmp_path: Path) -> None:
    path = tmp_path / "ok.zip"
    text = "Wir brauchen mehr Bänke im Park.\n" * 100_000  # 3.4 MB: several steps
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", text)
        archive.writestr("leer.txt", "")
        archive.writestr("roh.txt", "ungepackt", zipfile.ZIP_STORED)
    with zipfile.ZipFile(path) as archive:
        assert read_member(archive, "a.txt", "ok.zip") == text.encode()
        assert read_member(archive, archive.getinfo("leer.txt"), "ok.zip") == b""
        assert read_member(archive, "roh.txt", "ok.zip") == b"ungepackt"
        check_members(archive, "ok.zip")
        with pytest.raises(KeyError):
            read_member(archive, "fehlt.txt", "ok.zip")


def test_bzip2_members_are_refused_by_name(tmp_path: Path) -> None:
    """zipfile unpacks BZIP2 without a bound (a few KB of it hold gigabytes)."""
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("chat.txt", "Hallo")
    with zipfile.ZipFile(path) as archive:
        with pytest.raises(
            InputError, match=r"Eintrag 'chat\.txt' im Archiv ist mit BZIP2 gepackt"
        ):
            read_member(archive, "chat.txt", "b.zip")
        with pytest.raises(InputError, match=r"Der Eintrag 'chat\.txt' ist mit BZIP2 gepackt"):
            check_members(archive, "b.zip")


def _docx(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Was fehlt im Stadtteil?", 1)
    document.add_paragraph("Wir brauchen mehr Bänke im Park.")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    return _lying(members, "word/styles.xml", tmp_path / "protokoll.docx")


def _qdpx(tmp_path: Path) -> Path:
    qde = (
        b'<?xml version="1.0" encoding="utf-8"?>'
        b'<Project xmlns="urn:QDA-XML:project:1.0" name="Studie"><Sources>'
        b'<TextSource guid="11111111-1111-1111-1111-111111111111" name="Protokoll" '
        b'plainTextPath="internal://a.txt"/></Sources></Project>'
    )
    text = "Wir brauchen mehr Bänke im Park.\n".encode()
    return _lying({"project.qde": qde, "Sources/a.txt": text}, "Sources/a.txt", tmp_path / "s.qdpx")


def _whatsapp(tmp_path: Path) -> Path:
    chat = (
        "12.03.21, 18:02 - Anna Schmidt: Am Rheinufer fehlen Bänke.\n"
        "12.03.21, 18:06 - Bernd Meier: Der Spielplatz braucht Schatten.\n"
    ).encode()
    members = {"WhatsApp-Chat mit Nachbarschaft.txt": chat, "PTT-20210312-WA0002.opus": b"OggS"}
    return _lying(members, "WhatsApp-Chat mit Nachbarschaft.txt", tmp_path / "WhatsApp Chat.zip")


@pytest.mark.parametrize(
    ("build", "member"),
    [
        (_docx, "word/styles.xml"),
        (_qdpx, "Sources/a.txt"),
        (_whatsapp, "WhatsApp-Chat mit Nachbarschaft.txt"),
    ],
    ids=["docx", "qdpx", "whatsapp"],
)
def test_an_import_of_a_member_holding_more_than_it_declares_stops(
    build, member: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the docx and the chat were imported from the declared part, the qdpx's
    source text cut off after 1 KB."""
    path = build(tmp_path)
    assert path.stat().st_size < 1024 * 1024
    before = project.status()
    capsys.readouterr()
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"Datei {path.name}: " in err and f"Eintrag '{member}' {SAID}" in err, err
    assert "Traceback" not in err
    assert project.status() == before


def test_a_zipped_boundary_file_holding_more_than_it_declares_stops(tmp_path: Path) -> None:
    area = {
        "type": "Polygon",
        "coordinates": [[[7.0, 51.0], [7.1, 51.0], [7.1, 51.1], [7.0, 51.0]]],
    }
    feature = {"type": "Feature", "properties": {"name": "Manfort"}, "geometry": area}
    text = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    path = _lying({"Stadtteile.geojson": text}, "Stadtteile.geojson", tmp_path / "grenzen.zip")
    with pytest.raises(
        InputError, match=re.escape("Der Eintrag 'Stadtteile.geojson' " + SAID)
    ) as raised:
        geo_read.read_files([path])
    assert raised.value.file == "grenzen.zip"


def test_a_backup_whose_manifest_holds_more_than_it_declares_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.dumps({"format": "x"}).encode()
    path = _lying({"manifest.json": manifest}, "manifest.json", tmp_path / "sicherung.zip")
    capsys.readouterr()
    assert main(["restore", str(path), str(tmp_path / "neu")]) == 2
    err = capsys.readouterr().err
    assert f"Eintrag 'manifest.json' {SAID}" in err and "Traceback" not in err, err
    assert not (tmp_path / "neu").exists()
