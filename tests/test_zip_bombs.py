"""A ZIP file from outside (Word, LibreOffice, Excel, REFI-QDA) that would unpack to far
more than any real one ("zip bomb") stops the import before it is unpacked: one German
message naming the file and the member, exit code 2, nothing imported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.archives import MAX_MEMBER

PADDING = MAX_MEMBER + 1024 * 1024  # trailing spaces: still valid XML, and compresses ~1000:1


def _padded(source: bytes, out: Path, member: str) -> Path:
    """``source`` (a ZIP) with ``member`` followed by PADDING spaces, a few hundred KB."""
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != member:
                dst.writestr(info, data, zipfile.ZIP_DEFLATED)
                continue
            entry = zipfile.ZipInfo(member)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(entry, "w", force_zip64=True) as target:
                target.write(data)
                block = b" " * (1024 * 1024)
                for _ in range(PADDING // len(block)):
                    target.write(block)
    return out


def _docx(tmp_path: Path) -> tuple[Path, str]:
    document = docx.Document()
    document.add_heading("Was fehlt im Stadtteil?", 1)
    document.add_paragraph("Wir brauchen mehr Bänke im Park.")
    buffer = io.BytesIO()
    document.save(buffer)
    return _padded(buffer.getvalue(), tmp_path / "protokoll.docx", "word/document.xml"), (
        "word/document.xml"
    )


def _xlsx(tmp_path: Path) -> tuple[Path, str]:
    book = openpyxl.Workbook()
    book.active.append(["Text", "Sozialraum"])
    book.active.append(["Wir brauchen mehr Bänke im Park.", "Manfort"])
    buffer = io.BytesIO()
    book.save(buffer)
    member = "xl/worksheets/sheet1.xml"
    return _padded(buffer.getvalue(), tmp_path / "karten.xlsx", member), member


def _odt(tmp_path: Path) -> tuple[Path, str]:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Stadtteil?"))
    document.text.addElement(P(text="Wir brauchen mehr Bänke im Park."))
    buffer = io.BytesIO()
    document.write(buffer)
    return _padded(buffer.getvalue(), tmp_path / "protokoll.odt", "content.xml"), "content.xml"


def _qdpx(tmp_path: Path) -> tuple[Path, str]:
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Studie"><Sources>'
        '<TextSource guid="11111111-1111-1111-1111-111111111111" name="Protokoll" '
        'plainTextPath="internal://a.txt"/></Sources></Project>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("Sources/a.txt", "Wir brauchen mehr Bänke im Park.\n")
    return _padded(buffer.getvalue(), tmp_path / "studie.qdpx", "Sources/a.txt"), "Sources/a.txt"


@pytest.mark.parametrize("build", [_docx, _xlsx, _odt, _qdpx], ids=["docx", "xlsx", "odt", "qdpx"])
def test_a_zip_bomb_stops_the_import_before_it_is_unpacked(
    build, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, member = build(tmp_path)
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk, > 128 MB unpacked
    before = project.status()
    capsys.readouterr()
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"Fehler: Datei {path.name}: Der Eintrag '{member}' ist entpackt "), err
    assert "ZIP-Bombe" in err and "Traceback" not in err
    assert project.status() == before


def test_a_workbook_whose_members_add_up_to_too_much_is_refused(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Many members each below the limit: their sum counts (all are unpacked on opening)."""
    book = openpyxl.Workbook()
    book.active.append(["Text"])
    book.active.append(["Wir brauchen mehr Bänke im Park."])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "karten.xlsx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info), zipfile.ZIP_DEFLATED)
        for n in range(9):  # 9 × 120 MB of images Excel would load
            entry = zipfile.ZipInfo(f"xl/media/image{n}.png")
            entry.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(entry, "w", force_zip64=True) as target:
                for _ in range(120):
                    target.write(bytes(1024 * 1024))
    capsys.readouterr()
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("Fehler: Datei karten.xlsx: Die Datei ist entpackt 1080 MB groß"), err
    assert project.segments().empty
