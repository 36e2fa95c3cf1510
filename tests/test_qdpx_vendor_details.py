"""Details of other programs' REFI-QDA files (session 35): mixed sets, Windows line breaks
in descriptions, typed variables."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.qdpx_data import fresh, qde_root, refi_schema
from workbench import Project
from workbench.cli.main import main
from workbench.coding.codebook_qdc import read_codebook_qdc
from workbench.exchange.qdpx import export_qdpx, import_qdpx

NS = "urn:QDA-XML:project:1.0"
SOURCE = "C0000000-0000-4000-8000-000000000001"
ANA = "B0000000-0000-4000-8000-0000000000A1"
TEXT = "Wir brauchen mehr Bänke am Markt.\nDer Spielplatz ist zu klein.\n"
CRLF = "&#13;&#10;"  # how a Windows program writes a line break it keeps


def _guid(n: int) -> str:
    return f"A0000000-0000-4000-8000-{n:012d}"


def _qdpx(
    out: Path,
    *,
    codes: str = "",
    body: str = "",
    extra: str = "",
    variables: str = "",
    sources: str = "",
    files: dict[str, bytes] | None = None,
) -> Path:
    """A MAXQDA-shaped archive: the source "Sitzung Manfort" (``body`` inside it), more
    ``sources`` after it, ``extra`` after the sources; ``files``: more archive members."""
    qde = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}" name="Beirat" '
        f'origin="MAXQDA 2022"><Users><User guid="{ANA}" name="Ana"/></Users>'
        + (f"<CodeBook><Codes>{codes}</Codes></CodeBook>" if codes else "")
        + (f"<Variables>{variables}</Variables>" if variables else "")
        + f'<Sources><TextSource guid="{SOURCE}" name="Sitzung Manfort" '
        f'plainTextPath="internal://{SOURCE}.txt">{body}</TextSource>{sources}</Sources>'
        f"{extra}</Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"Sources/{SOURCE}.txt", TEXT.encode("utf-8"))
        for name, data in (files or {}).items():
            archive.writestr(name, data)
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


TYPED = [  # (name, type, value element, value in the file, value here)
    ("Datum", "Date", "DateValue", "2021-03-04", "2021-03-04"),
    ("Anzahl", "Integer", "IntegerValue", "14", 14),
    ("Anteil", "Float", "FloatValue", "0.5", 0.5),
    ("Online", "Boolean", "BooleanValue", "1", "true"),
    ("Beginn", "DateTime", "DateTimeValue", "2021-03-04T18:00:00Z", "2021-03-04T18:00:00Z"),
    ("Raum", "Integer", "IntegerValue", "0171", "0171"),  # leading zero: no number
]


def test_typed_document_variables_keep_their_type_and_come_back_so(
    project: Project, tmp_path: Path
) -> None:
    """Integer and Float document variables are numbers here (as table imports store them),
    a Boolean "true"/"false", dates their ISO text; the own export carries them, valid, and
    a new project reads them back the same."""
    variables = "".join(
        f'<Variable guid="{_guid(n)}" name="{name}" typeOfVariable="{kind}"/>'
        for n, (name, kind, *_) in enumerate(TYPED, start=1)
    )
    values = "".join(
        f'<VariableValue><VariableRef targetGUID="{_guid(n)}"/><{tag}>{raw}</{tag}></VariableValue>'
        for n, (_, _, tag, raw, _) in enumerate(TYPED, start=1)
    )
    qde = _qdpx(tmp_path / "typen.qdpx", body=values, variables=variables)
    import_qdpx(project, qde)
    expected = {name: here for name, *_, here in TYPED}
    assert list(project.segments()["attributes"]) == [expected, expected]
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out)
    refi_schema().assertValid(qde_root(out))
    again = fresh(tmp_path / "neu")
    import_qdpx(again, out)
    assert list(again.segments()["attributes"]) == [expected, expected]


def test_a_workshop_variable_typed_as_a_number_stays_its_name(
    project: Project, tmp_path: Path
) -> None:
    """``Workshop`` as IntegerValue 3 names the workshop "3", as before."""
    variable = f'<Variable guid="{_guid(1)}" name="Workshop" typeOfVariable="Integer"/>'
    value = (
        f'<VariableValue><VariableRef targetGUID="{_guid(1)}"/>'
        "<IntegerValue>3</IntegerValue></VariableValue>"
    )
    archive = _qdpx(tmp_path / "w.qdpx", body=value, variables=variable)
    import_qdpx(project, archive)
    assert set(project.segments()["workshop"]) == {"3"}


def test_a_source_with_only_a_rich_text_is_skipped_with_what_to_do(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A TextSource with only ``richTextPath`` (a .docx) has no plain text, which its
    selections count in: the rest of the project comes in, the source is named with its
    codings and what to do (the advice to put text files into Sources/ cannot help)."""
    rich = "C0000000-0000-4000-8000-0000000000D0"
    codes = f'<Code guid="{_guid(1)}" name="Bedarf" isCodable="true"/>'
    source = (
        f'<TextSource guid="{rich}" name="Protokoll.docx" richTextPath="internal://{rich}.docx">'
        f'<PlainTextSelection guid="{_guid(40)}" startPosition="0" endPosition="5" '
        f'creatingUser="{ANA}"><Coding guid="{_guid(41)}" creatingUser="{ANA}">'
        f'<CodeRef targetGUID="{_guid(1)}"/></Coding></PlainTextSelection></TextSource>'
    )
    files = {f"Sources/{rich}.docx": b"PK"}
    archive = _qdpx(tmp_path / "rich.qdpx", codes=codes, sources=source, files=files)
    assert main(["--project", str(project.path), "import", str(archive)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "TextSource Nr. 2 (GUID C0000000…) mit 1 markierten Stelle und 1 Kodierung "
        "übersprungen: nur "
        f"als Word-Datei Sources/{rich}.docx, ohne Textfassung (plainTextPath)." in out
    )
    assert (
        "Die Positionen markierter Stellen beziehen sich auf die Textfassung, die hier fehlt: "
        "im anderen Programm das Projekt erneut als REFI-QDA-Projekt mit den Texten der "
        "Quellen exportieren" in out
    )
    assert "workbench import DATEI (ohne ihre Kodierungen)" in out
    assert set(project.segments()["document"]) == {"Sitzung Manfort"}
