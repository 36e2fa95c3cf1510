"""REFI-QDA import against other vendors' exports: paths, encodings, users, odd selections.

Each file is built here, small, in the shape QualCoder, f4analyse, Quirkos, Transana,
Dedoose converters or Windows tools write it. The first tests pin down variants that
already worked (so they keep working); the others each cover a defect found in the sweep.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import import_qdpx

NS = "urn:QDA-XML:project:1.0"
CODE = "A0000000-0000-4000-8000-0000000000C1"
SOURCE = "C0000000-0000-4000-8000-000000000001"
ANA = "B0000000-0000-4000-8000-0000000000A1"
TEXT = "Wir brauchen mehr Bänke am Markt.\nDer Spielplatz ist zu klein.\n"
USERS = f'<Users><User guid="{ANA}" name="Ana"/></Users>'
CODES = f'<Code guid="{CODE}" name="Bedarf" isCodable="true"/>'
INTERNAL = f"internal://{SOURCE}.txt"


def _selection(start: int = 4, end: int = 12, user: str = ANA, inner: str = "") -> str:
    return (
        f'<PlainTextSelection guid="E1" startPosition="{start}" endPosition="{end}" '
        f'creatingUser="{user}"><Coding guid="F1" creatingUser="{user}">'
        f'<CodeRef targetGUID="{CODE}"/></Coding>{inner}</PlainTextSelection>'
    )


def _qde(
    path: str = INTERNAL,
    selection: str | None = None,
    users: str = USERS,
    codes: str = CODES,
    extra: str = "",
    p: str = "",
    ns: str = f'xmlns="{NS}"',
) -> str:
    """A project.qde with one text source; ``p`` is an element prefix such as ``qda:``."""
    body = _selection() if selection is None else selection
    if p:
        body = re.sub(r"<(/?)(?=[A-Z])", rf"<\1{p}", body)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{p}Project {ns} name="Beirat" origin="Test">'
        f"{users}<{p}CodeBook><{p}Codes>{codes}</{p}Codes></{p}CodeBook><{p}Sources>"
        f'<{p}TextSource guid="{SOURCE}" name="Sitzung" plainTextPath="{path}">{body}'
        f"</{p}TextSource></{p}Sources>{extra}</{p}Project>"
    )


def _qdpx(out: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return out


def _source(text: str | bytes = TEXT) -> dict[str, str | bytes]:
    return {f"Sources/{SOURCE}.txt": text}


def _quotes(project: Project) -> list[tuple[str, str, str]]:
    return sorted((q.code, q.quote, q.coders) for q in project.quotes().itertuples())


BRAUCHEN = [("Bedarf", "brauchen", "Ana")]


def _fails(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run ``workbench import``: exit 2, one clear line, no traceback, nothing imported."""
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert project.segments().empty and project.codings().empty
    return err


# -- variants that work (guards) --------------------------------------------------------
VARIANTS = {
    "Standard-Namensraum": lambda: {"project.qde": _qde(), **_source()},
    "Präfix qda:": lambda: {"project.qde": _qde(p="qda:", ns=f'xmlns:qda="{NS}"'), **_source()},
    "ohne Namensraum": lambda: {"project.qde": _qde(ns=""), **_source()},
    "BOM vor der Deklaration": lambda: {
        "project.qde": b"\xef\xbb\xbf" + _qde().encode("utf-8"),
        **_source(),
    },
    "Quelltext mit BOM und CRLF": lambda: {
        "project.qde": _qde(),
        **_source("\ufeff" + TEXT.replace("\n", "\r\n")),
    },
    "UTF-16 mit BOM": lambda: {"project.qde": _qde(), **_source(TEXT.encode("utf-16"))},
    "Windows-Pfade im ZIP": lambda: {
        "Export\\project.qde": _qde(),
        f"Export\\sources\\{SOURCE}.txt": TEXT,
    },
    "Ordnereinträge, Project.qde": lambda: {
        "Sources/": b"",
        "Project.qde": _qde(),
        **_source(),
    },
    "GUIDs klein und in Klammern": lambda: {
        "project.qde": _qde().replace(f'targetGUID="{CODE}"', f'targetGUID="{{{CODE.lower()}}}"'),
        **_source(),
    },
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_vendor_variants_land_on_the_same_text(
    variant: str, project: Project, tmp_path: Path
) -> None:
    archive = _qdpx(tmp_path / "x.qdpx", VARIANTS[variant]())
    assert import_qdpx(project, archive).documents == 1
    assert _quotes(project) == BRAUCHEN


# -- source texts: encodings and paths --------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_bom_is_read(encoding: str, project: Project, tmp_path: Path) -> None:
    """Windows tools write UTF-16 without BOM; before: 'Text ist nicht UTF-8 (Byte 1)'."""
    text = "Ältere 👵 wünschen Bänke.\r\nMehr Schatten.\r\n"
    start = text.index("wünschen")
    selection = _selection(utf16_len(text[:start]), utf16_len(text[: start + 8]))
    archive = _qdpx(
        tmp_path / "x.qdpx",
        {"project.qde": _qde(selection=selection), **_source(text.encode(encoding))},
    )
    import_qdpx(project, archive)
    assert _quotes(project) == [("Bedarf", "wünschen", "Ana")]


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (how the vendors count)."""
    return len(text.encode("utf-16-le")) // 2


def test_text_in_another_encoding_stops_with_the_source_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(), **_source(TEXT.encode("cp1252"))})
    err = _fails(project, capsys, str(archive))
    assert "TextSource Nr. 1 (GUID C0000000…): Text ist" in err and "Sitzung" not in err
    assert "weder UTF-8 noch UTF-16" in err and "als UTF-8 speichern" in err


def test_relative_path_to_a_file_inside_the_archive(project: Project, tmp_path: Path) -> None:
    """A converter zips the texts but writes relative://; before: 'Text fehlt'."""
    archive = _qdpx(
        tmp_path / "x.qdpx",
        {"project.qde": _qde("relative://texte/Sitzung.txt"), "texte/Sitzung.txt": TEXT},
    )
    import_qdpx(project, archive)
    assert _quotes(project) == BRAUCHEN


def test_bare_qde_with_a_relative_path_without_scheme(project: Project, tmp_path: Path) -> None:
    """plainTextPath="texte\\Sitzung.txt" beside a .qde; before: 'Text fehlt'."""
    (tmp_path / "export" / "texte").mkdir(parents=True)
    (tmp_path / "export" / "texte" / "Sitzung.txt").write_text(TEXT, encoding="utf-8")
    qde = tmp_path / "export" / "beirat.qde"
    qde.write_text(_qde("texte\\Sitzung.txt"), encoding="utf-8")
    import_qdpx(project, qde)
    assert _quotes(project) == BRAUCHEN


@pytest.mark.parametrize(
    "path",
    [
        "file:///C:/Users/ana/Documents/Sitzung.txt",
        "absolute:///Users/ana/Projekt/Sitzung.txt",
        "C:\\Users\\ana\\Sitzung.txt",
    ],
)
def test_absolute_paths_read_the_file_of_that_name_in_the_archive(
    path: str, project: Project, tmp_path: Path
) -> None:
    """Before, absolute:// and file:// stopped with advice that could not help."""
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(path), "Sources/Sitzung.txt": TEXT})
    import_qdpx(project, archive)
    assert _quotes(project) == BRAUCHEN


def test_an_absolute_path_itself_is_never_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "anderswo" / "Sitzung.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text(TEXT, encoding="utf-8")
    (tmp_path / "abgabe").mkdir()
    archive = _qdpx(tmp_path / "abgabe" / "x.qdpx", {"project.qde": _qde(f"file://{elsewhere}")})
    err = _fails(project, capsys, str(archive))
    assert "TextSource Nr. 1" in err and "absoluter Pfad auf dem exportierenden Rechner" in err
    assert "„Sitzung“" not in err  # a source's name may be the interviewee's
    assert "gesucht: Sitzung.txt im Archiv und daneben" in err


# -- users ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "users",
    [
        "",
        "<Users/>",
        '<Users><User guid="B9" name="Ben"/></Users>',
        f'<Users><User guid="{ANA}"/></Users>',  # listed with its GUID only
        f'<Users><User guid="{ANA}" name=" "/><User guid="B9" name="Ben"/></Users>',
    ],
)
def test_a_user_missing_from_users_is_asked_for_not_stored_as_guid(
    users: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the coder was stored as 'B0000000-0000-4000-8000-0000000000A1' (also when
    <Users> listed the GUID without a name)."""
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(users=users), **_source()})
    err = _fails(project, capsys, str(archive))
    where = "steht in <Users> ohne Namen" if ANA in users else "steht nicht in <Users>"
    assert f"creatingUser {ANA} {where}" in err and "--coder NAME" in err
    result = import_qdpx(project, archive, coder="Ana")
    assert _quotes(project) == BRAUCHEN
    assert result.notices == (
        f"creatingUser ohne Namen in <Users> ({ANA}): als „Ana“ (--coder) übernommen.",
    )


# -- codes ------------------------------------------------------------------------------
def test_an_unreadable_colour_does_not_stop_the_import(project: Project, tmp_path: Path) -> None:
    """Names or colours with an unknown alpha; before, the whole import stopped. An opaque
    colour written with its alpha, #FFRRGGBB (.NET, Qt) or #RRGGBBFF (CSS), was dropped
    too: its RGB is kept now. With FF at both ends the order is not known: the first six
    digits are kept (#RRGGBBAA) and the notice says so (tests/test_code_colours.py)."""
    codes = (
        f'<Code guid="{CODE}" name="Bedarf" isCodable="true" color="#FF1F77B4">'
        '<Code guid="A2" name="Ort" isCodable="false" color="rot"/>'
        '<Code guid="A3" name="Zeit" color="#1f77b4"/>'
        '<Code guid="A4" name="Weg" color="#E377C2FF"/>'
        '<Code guid="A5" name="Rad" color="#FF0000FF"/>'  # which end is alpha? CSS
        '<Code guid="A6" name="Licht" color="#FFFFFFFF"/></Code>'  # white either way
    )
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(codes=codes), **_source()})
    result = import_qdpx(project, archive)
    assert _quotes(project) == BRAUCHEN
    colours = dict(project.codes()[["path", "colour"]].itertuples(index=False))
    assert colours["Bedarf/Zeit"] == colours["Bedarf"] == "#1f77b4"
    assert colours["Bedarf/Weg"] == "#e377c2"
    assert colours["Bedarf/Licht"] == "#ffffff"
    assert colours["Bedarf/Rad"] == "#ff0000" and pd.isna(colours["Bedarf/Ort"])
    assert result.notices[0].startswith("Farbe mit Deckkraft (8 Ziffern) in x.qdpx/project.qde")
    assert "'Rad' #FF0000FF als #ff0000 (sonst #0000ff)" in result.notices[0]
    assert result.notices[1:] == (
        "Farbe nicht lesbar in x.qdpx/project.qde (erwartet #RRGGBB), Code ohne Farbe "
        "übernommen: 'Ort' (rot).",
    )


# -- selections -------------------------------------------------------------------------
def test_a_reversed_selection_stops_with_its_positions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'liegt nicht im Text (Länge 63)', which is not what is wrong."""
    good = _qdpx(tmp_path / "gut.qdpx", {"project.qde": _qde(), **_source()})
    bad = _qdpx(
        tmp_path / "x.qdpx", {"project.qde": _qde(selection=_selection(12, 4)), **_source()}
    )
    err = _fails(project, capsys, str(good), str(bad))  # one transaction: neither file
    assert err.strip() == (
        'Fehler: Datei x.qdpx/project.qde: <PlainTextSelection guid="E1"> in TextSource Nr. 1 '
        "(GUID C0000000…): startPosition 12 liegt hinter endPosition 4; eine Textstelle "
        "beginnt vor ihrem Ende."
    )


def test_codings_on_empty_selections_are_named_as_such(project: Project, tmp_path: Path) -> None:
    """Before: '1 Kodierungen liegen außerhalb aller Aussagen (z. B. auf Überschriften)'."""
    selection = _selection(4, 4) + _selection(4, 12).replace('"E1"', '"E2"').replace('"F1"', '"F2"')
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(selection=selection), **_source()})
    result = import_qdpx(project, archive)
    assert _quotes(project) == BRAUCHEN
    assert result.notices == (
        "TextSource Nr. 1 (GUID C0000000…): 1 Kodierung auf leeren Textstellen "
        "(startPosition = endPosition) übersprungen.",
        "Quellen stehen hier mit ihrer Nummer in der Datei und dem Anfang ihrer GUID, nicht "
        "mit ihrem Namen: Dateinamen von Interviews nennen oft die Interviewten.",
    )


# -- notes ------------------------------------------------------------------------------
def test_dangling_note_refs_and_notes_without_their_file_are_named(
    project: Project, tmp_path: Path
) -> None:
    """Before: a NoteRef to no note was silent; a note whose file was missing was
    reported as 'ohne Text', as if it were empty."""
    inner = '<NoteRef targetGUID="n1"/><NoteRef targetGUID="N9"/><NoteRef targetGUID="n2"/>'
    notes = (
        f'<Notes><Note guid="N1" name="Eindruck" creatingUser="{ANA}" '
        'plainTextPath="internal://N1.txt"/>'
        f'<Note guid="N2" name="Fehlt" creatingUser="{ANA}" plainTextPath="internal://N2.txt"/>'
        "</Notes>"
    )
    qde = _qde(selection=_selection(inner=inner), extra=notes)
    members = {"project.qde": qde, **_source(), "sources/N1.txt": "Bänke fehlen überall."}
    result = import_qdpx(project, _qdpx(tmp_path / "x.qdpx", members))
    assert project.memos()["text"].tolist() == ["Eindruck\n\nBänke fehlen überall."]
    assert result.notices == (
        "Notiz Nr. 2 (GUID N2): Text fehlt im Projekt (Sources/N2.txt), übersprungen.",
        "1 Verweis auf Notizen, die im Projekt fehlen, ignoriert (NoteRef N9).",
    )


def test_a_slash_in_a_code_name_survives_import_and_export(
    project: Project, tmp_path: Path
) -> None:
    """ "ÖPNV (Bus/Bahn)" stopped the whole import ("/" separates levels here). Now it is
    stored as "ÖPNV (Bus∕Bahn)" (U+2215), the import says so, its codings land, and the
    export gives other programs the name with "/" back."""
    from workbench.exchange.qdpx import export_qdpx

    codes = f'<Code guid="{CODE}" name="ÖPNV (Bus/Bahn)" isCodable="true"/>'
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(codes=codes), **_source()})
    result = import_qdpx(project, archive)
    assert _quotes(project) == [("ÖPNV (Bus\u2215Bahn)", "brauchen", "Ana")]
    assert any("ÖPNV (Bus\u2215Bahn)" in n and "„/“" in n for n in result.notices)
    out = export_qdpx(project, tmp_path / "zurueck.qdpx")
    assert out.codings == 1
    with zipfile.ZipFile(out.path) as z:
        qde = z.read("project.qde").decode("utf-8")
    assert 'name="ÖPNV (Bus/Bahn)"' in qde and "\u2215" not in qde
    assert re.search(r'<CodeRef targetGUID="[^"]+"', qde)  # the coding went out with its code


def test_networks_and_relations_are_named_not_silently_dropped(
    project: Project, tmp_path: Path
) -> None:
    """ATLAS.ti and NVivo export network views (<Graph>) and relations between codes
    (<Link>); a link from a note is its memo's place, the others have no counterpart."""
    extra = (
        '<Notes><Note guid="N1" name="Memo"><PlainTextContent>Zur Stelle.</PlainTextContent>'
        '</Note></Notes><Links><Link guid="L1" name="Memo-Quotation Relation" '
        'originGUID="N1" targetGUID="E1"/><Link guid="L2" name="is part of" '
        f'originGUID="{CODE}" targetGUID="{CODE}"/></Links><Graphs><Graph guid="G1" '
        f'name="Netzwerk"><Vertex guid="V1" representedGUID="{CODE}" firstX="0" firstY="0"/>'
        "</Graph></Graphs>"
    )
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(extra=extra), **_source()})
    result = import_qdpx(project, archive)
    assert _quotes(project) == BRAUCHEN
    assert project.memos()["target_type"].tolist() == ["segment"]
    assert (
        "Nicht übernommen (die Werkbank kennt keine Netzwerke und Relationen): "
        "1 Netzwerkansicht und 1 Relation (<Link>)." in result.notices
    )


def test_a_selection_without_its_position_says_which_is_missing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    selection = _selection().replace('startPosition="4" ', "")
    qde = _qde(selection=selection)
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": qde, **_source()})
    err = _fails(project, capsys, str(archive))
    assert "in TextSource Nr. 1 (GUID C0000000…): startPosition fehlt." in err


@pytest.mark.parametrize(
    ("variable", "value", "district"),
    [
        ("Stadtteil", "Opladen", "Opladen"),
        ("Quartier", "opladen", "Opladen"),
        ("Stadtteil", "Altstadt", "Gesamtstadt"),  # no district of the project: attribute
    ],
)
def test_a_document_variable_stadtteil_places_the_document(
    project: Project, tmp_path: Path, variable: str, value: str, district: str
) -> None:
    """MAXQDA document variables are named by the team; 'Stadtteil' is as common as
    'Sozialraum'. Before, the document stayed city-wide with 'Stadtteil: Opladen'."""
    extra = (
        f'<Variables><Variable guid="V1" name="{variable}" typeOfVariable="Text"/></Variables>'
        f'<Cases><Case guid="K1"><VariableValue><VariableRef targetGUID="V1"/><TextValue>'
        f'{value}</TextValue></VariableValue><SourceRef targetGUID="{SOURCE}"/></Case></Cases>'
    )
    archive = _qdpx(tmp_path / "x.qdpx", {"project.qde": _qde(extra=extra), **_source()})
    import_qdpx(project, archive)
    segments = project.segments()
    assert set(segments["district"]) == {district}
    assert segments["attributes"].iloc[0][variable] == value
