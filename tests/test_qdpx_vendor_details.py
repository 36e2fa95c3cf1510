"""Details of other programs' REFI-QDA files (session 35): mixed sets, Windows line breaks
in descriptions, typed variables."""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench import Project
from workbench.coding.codebook_qdc import read_codebook_qdc
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


def test_windows_line_breaks_in_descriptions_and_notes_are_line_breaks(
    project: Project, tmp_path: Path
) -> None:
    """``&#13;&#10;`` in a code's description (with its example), a selection's comment and
    a note: the texts hold ``\\n`` like every other text here, and the example is split off."""
    codes = (
        f'<Code guid="{_guid(1)}" name="Bedarf" isCodable="true"><Description>Zeile eins{CRLF}'
        f"Zeile zwei{CRLF}{CRLF}Beispiel: mehr Bänke</Description></Code>"
    )
    body = (
        f'<PlainTextSelection guid="{_guid(10)}" startPosition="0" endPosition="33" '
        f'creatingUser="{ANA}"><Description>Kommentar eins{CRLF}Kommentar zwei</Description>'
        f'<Coding guid="{_guid(11)}" creatingUser="{ANA}"><CodeRef targetGUID="{_guid(1)}"/>'
        "</Coding></PlainTextSelection>"
    )
    notes = (
        f'<Notes><Note guid="{_guid(20)}" name="Memo" creatingUser="{ANA}">'
        f"<PlainTextContent>Memo eins{CRLF}Memo zwei</PlainTextContent></Note></Notes>"
    )
    import_qdpx(project, _qdpx(tmp_path / "crlf.qdpx", codes=codes, body=body, extra=notes))
    code = project.codes().set_index("path").loc["Bedarf"]
    assert (code["description"], code["example"]) == ("Zeile eins\nZeile zwei", "mehr Bänke")
    memos = dict(zip(project.memos()["target_type"], project.memos()["text"], strict=True))
    assert memos == {"segment": "Kommentar eins\nKommentar zwei", "project": "Memo eins\nMemo zwei"}


def test_windows_line_breaks_in_a_qdc_description(tmp_path: Path) -> None:
    """The same for a bare codebook (``workbench codebook import x.qdc``)."""
    qdc = tmp_path / "codebuch.qdc"
    qdc.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
        f'<Codes><Code guid="{_guid(1)}" name="Bedarf" isCodable="true"><Description>eins{CRLF}'
        f"zwei{CRLF}{CRLF}Beispiel: Bänke</Description></Code></Codes></CodeBook>",
        encoding="utf-8",
    )
    [spec] = read_codebook_qdc(qdc)
    assert (spec.description, spec.example) == ("eins\nzwei", "Bänke")
