"""REFI-QDA messages name a source by its number and GUID start, never by its file name
(session 37): the errors and notices session 36 left ("in Quelle 'Simon Weber.docx'",
"<TextSource … name=…>", "Textpositionen in '…'", "Quelle '…' ist leer") printed the
file name, and interview files are often named after the interviewee."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

NS = "urn:QDA-XML:project:1.0"
SOURCE = "C0000000-0000-4000-8000-000000000001"
CODE = "A0000000-0000-4000-8000-0000000000C1"
USER = "B0000000-0000-4000-8000-0000000000A1"
STRANGER = "B0000000-0000-4000-8000-0000000000FF"
TEXT = "Wir brauchen mehr Bänke am Markt.\nDer Spielplatz ist zu klein.\n"
LABEL = "TextSource Nr. 2 (GUID C0000000…)"  # a picture comes first in each file
# file names that name people; the gazetteer knows none of "Mabel", "Jolanda" or "Kürten"
NAMES = ("Interview Mabel.txt", "Gespräch mit Jolanda Kürten")


def _selection(start: object, end: object, inner: str = "", user: str = USER, n: int = 1) -> str:
    return (
        f'<PlainTextSelection guid="D0000000-0000-4000-8000-00000000000{n}" '
        f'startPosition="{start}" endPosition="{end}" creatingUser="{user}">{inner}'
        "</PlainTextSelection>"
    )


def _coding(code: str = CODE, user: str = USER) -> str:
    return (
        f'<Coding guid="E0000000-0000-4000-8000-000000000001" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding>'
    )


def _archive(
    out: Path,
    name: str,
    body: str = "",
    text: bytes | None = TEXT.encode(),
    path: str = f"internal://{SOURCE}.txt",
    users: bool = True,
    origin: str = "MAXQDA 2022",
) -> Path:
    """One text source called ``name`` (``body`` inside it) after a picture called like it."""
    qde = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}" name="P" '
        f'origin="{origin}">'
        + (f'<Users><User guid="{USER}" name="Ana"/></Users>' if users else "")
        + f'<CodeBook><Codes><Code guid="{CODE}" name="Bedarf" isCodable="true"/></Codes>'
        "</CodeBook><Sources>"
        f'<PictureSource guid="F0000000-0000-4000-8000-000000000001" name="{name}.jpg" '
        'path="internal://foto.jpg"/>'
        f'<TextSource guid="{SOURCE}" name="{name}" plainTextPath="{path}">{body}</TextSource>'
        "</Sources></Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        if text is not None:
            archive.writestr(f"Sources/{SOURCE}.txt", text)
    return out


MARKED = "<Description>Werkbank-Aussage\nPosition: 1</Description>"
UNKNOWN_CODE = "A0000000-0000-4000-8000-0000000000FF"
# what is wrong → (the file, the exit code, what the message says besides the label)
CASES: dict[str, tuple[Callable[[Path, str], Path], int, str]] = {
    "leer": (lambda o, n: _archive(o, n, text=b"  \n"), 0, f"{LABEL} ist leer und wurde"),
    "ohne Quelle-ID": (
        lambda o, n: _archive(o, n, _selection(0, 10, MARKED)),
        2,
        f'<PlainTextSelection guid="D0000000-0000-4000-8000-000000000001"> in {LABEL}: '
        "Quelle-ID fehlt.",
    ),
    "CodeRef ohne Code": (
        lambda o, n: _archive(o, n, _selection(0, 10, _coding(UNKNOWN_CODE))),
        2,
        f"in {LABEL}: CodeRef {UNKNOWN_CODE} verweist auf keinen Code",
    ),
    "Position keine Zahl": (
        lambda o, n: _archive(o, n, _selection("x", 10, _coding())),
        2,
        f"in {LABEL}: startPosition='x' ist keine ganze Zahl.",
    ),
    "Position außerhalb": (
        lambda o, n: _archive(o, n, _selection(0, 999, _coding())),
        2,
        f"in {LABEL}: Textstelle [0, 999) liegt nicht im Text",
    ),
    "leere Textstelle": (
        lambda o, n: _archive(o, n, _selection(3, 3, _coding()) + _selection(0, 9, n=2)),
        0,
        f"{LABEL}: 1 Kodierung auf leeren Textstellen",
    ),
    "weder UTF-8 noch UTF-16": (
        lambda o, n: _archive(o, n, text=b"\xff\xfe\x00\xd8ab\x80\x81"),
        2,
        f"{LABEL}: Text ist weder UTF-8 noch UTF-16",
    ),
    "Pfad hinaus": (
        lambda o, n: _archive(o, n, path="relative://../x.txt", text=None),
        2,
        f"{LABEL}: Pfad 'relative://../x.txt' verlässt den Projektordner.",
    ),
    "Benutzer fehlt": (
        lambda o, n: _archive(o, n, _selection(0, 9, _coding(user=STRANGER)), users=False),
        2,
        f"in {LABEL}: creatingUser {STRANGER} steht nicht in <Users>",
    ),
    "Sozialraum im Namen": (
        lambda o, n: _archive(o, f"Manfort {n}"),
        0,
        f"Sozialraum aus dem Namen der Quelle: {LABEL} → Manfort.",
    ),
    "Zählweise unklar": (
        lambda o, n: _archive(
            o, n, _selection(0, 12, _coding()), ("😀 " + TEXT).encode(), origin="Unbekannt 1.0"
        ),
        0,
        f"Textpositionen in {LABEL}: nicht erkennbar, ob sie in UTF-16",
    ),
    "Kodierung über zwei Absätze": (
        lambda o, n: _archive(o, n, _selection(0, 50, _coding())),
        0,
        f"{LABEL}: 1 Kodierungen über mehrere Absätze wurden je Aussage aufgeteilt.",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("name", NAMES)
def test_messages_name_the_source_by_number_and_guid(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, name: str
) -> None:
    make, code, said = CASES[case]
    archive = make(tmp_path / "x.qdpx", name)
    before = project.status()
    assert main(["--project", str(project.path), "import", str(archive)]) == code
    captured = capsys.readouterr()
    out = " ".join((captured.out + captured.err).split())
    assert said in out
    for word in ("Mabel", "Jolanda", "Kürten"):  # neither source's nor picture's name
        assert word not in out
    if code:
        assert "Traceback" not in out and project.status() == before  # nothing half-written
    else:  # the labels are explained once
        assert out.count("Quellen stehen hier mit ihrer Nummer in der Datei") == 1
