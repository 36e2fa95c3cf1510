"""XML entities in files from outside: an external entity (XXE) never reads a file of the
computer, and entities that multiply ("billion laughs") are refused, with a German message
that says so, in every format the import reads as XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main

SECRET = "geheim-7f3a"
LAUGHS = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "lol"}">' for n in range(10))


def _doctype(secret: Path) -> str:
    return f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "{secret.as_uri()}">{LAUGHS}]>'


def _qde(secret: Path, entity: str) -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{_doctype(secret)}'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
        '<TextSource guid="11111111-1111-1111-1111-111111111111" name="Protokoll">'
        f"<PlainTextContent>Wir brauchen mehr Bänke. {entity}</PlainTextContent>"
        "</TextSource></Sources></Project>"
    )


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "geheim.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (
            "&xxe;",
            "unbekannte Entität &xxe; (Verweise auf andere Dateien werden aus "
            "Sicherheitsgründen nie gelesen)",
        ),
        ("&l9;", "Entitäten, die sich selbst vervielfachen"),
    ],
    ids=["xxe", "billion-laughs"],
)
def test_entities_in_a_qdpx_are_refused_with_what_they_are(
    entity: str, expected: str, secret: Path, project: Project, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "studie.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", _qde(secret, entity))
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "Fehler: Datei studie.qdpx/project.qde: project.qde ist kein gültiges XML: Zeile 1"
    )
    assert expected in err, err
    assert SECRET not in err
    assert project.segments().empty


def test_entities_in_a_qdc_codebook_are_refused(
    secret: Path, project: Project, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "codes.qdc"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>{_doctype(secret)}'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="11111111-1111-1111-1111-111111111112" name="Bedarf &l9;" isCodable="true"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Billion Laughs" in err and "Traceback" not in err
    assert project.codes().empty


def _office(secret: Path, source: bytes, member: str, out: Path, entity: str) -> Path:
    """``source`` with a DOCTYPE and ``entity`` after 'Bänke' in ``member``."""
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == member:
                head = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:head] + _doctype(secret).encode() + data[head:]
                data = data.replace("Bänke".encode(), ("Bänke" + entity).encode())
            dst.writestr(info, data)
    return out


def _docx(secret: Path, tmp_path: Path, entity: str) -> Path:
    document = docx.Document()
    document.add_heading("Was fehlt?", 1)
    document.add_paragraph("Wir brauchen Bänke.")
    buffer = io.BytesIO()
    document.save(buffer)
    return _office(secret, buffer.getvalue(), "word/document.xml", tmp_path / "p.docx", entity)


def _xlsx(secret: Path, tmp_path: Path, entity: str) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["Text"])
    book.active.append(["Wir brauchen Bänke"])
    buffer = io.BytesIO()
    book.save(buffer)
    member = "xl/worksheets/sheet1.xml"
    return _office(secret, buffer.getvalue(), member, tmp_path / "k.xlsx", entity)


def _odt(secret: Path, tmp_path: Path, entity: str) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Was fehlt?"))
    document.text.addElement(P(text="Wir brauchen Bänke."))
    buffer = io.BytesIO()
    document.write(buffer)
    return _office(secret, buffer.getvalue(), "content.xml", tmp_path / "p.odt", entity)


@pytest.mark.parametrize("entity", ["&xxe;", "&l9;"], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("build", [_docx, _xlsx, _odt], ids=["docx", "xlsx", "odt"])
def test_entities_in_office_files_never_read_a_file_nor_multiply(
    build, entity: str, secret: Path, project: Project, tmp_path: Path, capsys
) -> None:
    path = build(secret, tmp_path, entity)
    capsys.readouterr()
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    err = capsys.readouterr().err
    assert code in (0, 2), err  # refused, or read without the entity
    assert "Traceback" not in err
    texts = " ".join(project.segments()["text"])
    assert SECRET not in texts + err
    assert "lollol" not in texts
