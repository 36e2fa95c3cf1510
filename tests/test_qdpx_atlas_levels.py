"""ATLAS.ti names a code's levels in its name ("Bedarf::Wohnen"); the import builds the
hierarchy from them, for a .qdpx and a .qdc, and only for files ATLAS.ti wrote."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.qdpx_data import fresh
from workbench import Project
from workbench.coding.records import read_codebook
from workbench.exchange.qdpx import export_qdpx, import_qdpx

NS = "urn:QDA-XML:project:1.0"
TEXT = "Die Mieten steigen.\nDer Jugendtreff fehlt.\nBänke am Markt.\n"
ATLAS = "ATLAS.ti 9.1.3 (Windows)"
NOTE_REF = '<NoteRef targetGUID="N1"/>'
CODES = """
<Code guid="C1" name="Bedarf::Wohnen" isCodable="true" color="#FF0000">
  <Description>Mieten, Wohnungen</Description><NoteRef targetGUID="N1"/></Code>
<Code guid="C2" name="Bedarf :: Jugend" isCodable="true"/>
<Code guid="C3" name="Bedarf" isCodable="true" color="#00FF00"/>
<Code guid="C4" name="Ressource::Orte::Plätze" isCodable="true"/>
<Code guid="C5" name="::ohne Obercode" isCodable="true"/>
"""


def _selection(guid: str, start: int, end: int, *codes: str) -> str:
    codings = "".join(
        f'<Coding guid="{guid}{c}" creatingUser="U1"><CodeRef targetGUID="{c}"/></Coding>'
        for c in codes
    )
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" '
        f'creatingUser="U1">{codings}</PlainTextSelection>'
    )


def _atlas_qdpx(out: Path, codes: str = CODES, origin: str = ATLAS) -> Path:
    selections = (
        _selection("P1", 0, 19, "C1", "C3")
        + _selection("P2", 20, 42, "C2")
        + _selection("P3", 43, 58, "C4", "C5")
    )
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" origin="{origin}" '
        f'name="Studie"><Users><User guid="U1" name="Ana"/></Users>'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>"
        f'<TextSource guid="S1" name="Begehung" plainTextPath="internal://S1.txt">'
        f"{selections}</TextSource></Sources><Notes>"
        f'<Note guid="N1" name="Memo" creatingUser="U1"><PlainTextContent>Zentral.'
        f"</PlainTextContent></Note></Notes></Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/S1.txt", TEXT.encode("utf-8"))
    return out


def _codings(project: Project) -> list[tuple[str, str]]:
    return sorted((q.code, q.quote) for q in project.quotes().itertuples())


EXPECTED = [
    ("::ohne Obercode", "Bänke am Markt."),
    ("Bedarf", "Die Mieten steigen."),
    ("Bedarf/Jugend", "Der Jugendtreff fehlt."),
    ("Bedarf/Wohnen", "Die Mieten steigen."),
    ("Ressource/Orte/Plätze", "Bänke am Markt."),
]


def test_atlas_code_names_become_levels_with_codings_memos_and_colours(tmp_path: Path) -> None:
    project = fresh(tmp_path / "p")
    result = import_qdpx(project, _atlas_qdpx(tmp_path / "atlas.qdpx"))
    codes = project.codes().set_index("path")
    assert sorted(codes.index) == [
        "::ohne Obercode",  # an empty level: kept as it is named
        "Bedarf",
        "Bedarf/Jugend",
        "Bedarf/Wohnen",
        "Ressource",
        "Ressource/Orte",
        "Ressource/Orte/Plätze",
    ]
    assert codes.at["Bedarf/Wohnen", "description"] == "Mieten, Wohnungen"
    assert codes.at["Bedarf/Wohnen", "colour"] == "#ff0000"
    assert codes.at["Bedarf", "colour"] == "#00ff00"
    assert _codings(project) == EXPECTED
    memo = project.memos().iloc[0]
    assert (memo.target_type, codes.loc[codes.code_id == memo.target_id].index[0]) == (
        "code",
        "Bedarf/Wohnen",
    )
    notice = next(n for n in result.notices if "„::“" in n)
    assert "„Bedarf::Wohnen“ → Bedarf/Wohnen" in notice
    assert "neu angelegt als Obercode: Ressource, Ressource/Orte" in notice

    # Round trip: the export nests the codes; another project reads the same hierarchy.
    export_qdpx(project, tmp_path / "werkbank.qdpx")
    other = fresh(tmp_path / "q")
    import_qdpx(other, tmp_path / "werkbank.qdpx")
    assert sorted(other.codes()["path"]) == sorted(codes.index)
    assert _codings(other) == EXPECTED


def test_nested_atlas_codes_with_their_parent_in_the_name(tmp_path: Path) -> None:
    codes = (
        '<Code guid="C3" name="Bedarf" isCodable="true">'
        '<Code guid="C1" name="Bedarf::Wohnen" isCodable="true"/>'
        '<Code guid="C2" name="Jugend" isCodable="true"/></Code>'
        '<Code guid="C4" name="Ressource::Orte::Plätze" isCodable="true"/>'
        '<Code guid="C5" name="Sonstiges" isCodable="true"/>'
    )
    project = fresh(tmp_path / "p")
    import_qdpx(project, _atlas_qdpx(tmp_path / "atlas.qdpx", codes))
    assert ("Bedarf/Wohnen", "Die Mieten steigen.") in _codings(project)
    assert "Bedarf/Bedarf/Wohnen" not in set(project.codes()["path"])


NESTED_BEDARF = CODES.replace(  # "Bedarf" > "Wohnen" beside "Bedarf::Wohnen"
    '<Code guid="C3" name="Bedarf" isCodable="true" color="#00FF00"/>',
    '<Code guid="C3" name="Bedarf" isCodable="true"><Code guid="C6" name="Wohnen"/></Code>',
)


@pytest.mark.parametrize(
    ("origin", "codes"),
    [
        ("MAXQDA 2022", CODES),  # only ATLAS.ti writes levels into names
        (ATLAS, NESTED_BEDARF),  # one path twice: all stay as they are named
    ],
)
def test_names_stay_when_levels_would_be_wrong(tmp_path: Path, origin: str, codes: str) -> None:
    project = fresh(tmp_path / "p")
    result = import_qdpx(project, _atlas_qdpx(tmp_path / "x.qdpx", codes, origin))
    assert "Bedarf::Wohnen" in set(project.codes()["path"])
    assert ("Bedarf::Wohnen", "Die Mieten steigen.") in _codings(project)
    clash = [n for n in result.notices if "nicht als Ober- und Untercodes gelesen" in n]
    assert bool(clash) == (origin == ATLAS)


def test_atlas_codebook_qdc_builds_the_levels(tmp_path: Path) -> None:
    qdc = tmp_path / "atlas.qdc"
    qdc.write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
        f'origin="{ATLAS}"><Codes>{CODES.replace(NOTE_REF, "")}</Codes></CodeBook>',
        encoding="utf-8",
    )
    notices: list[str] = []
    specs = read_codebook(qdc, notices)
    assert [s.path for s in specs] == [
        "Bedarf",
        "Bedarf/Wohnen",
        "Bedarf/Jugend",
        "Ressource",
        "Ressource/Orte",
        "Ressource/Orte/Plätze",
        "::ohne Obercode",
    ]
    assert any("„::“" in n for n in notices)
    project = fresh(tmp_path / "p")
    assert project.import_codebook(qdc) == 7
    assert "Ressource/Orte/Plätze" in set(project.codes()["path"])
