"""REFI-QDA fidelity (issue 12): UTF-16 positions, vendor layouts, skipped media, real files.

Vendor-style files are built here, in the shape NVivo, MAXQDA and ATLAS.ti write them:
a BOM and Windows line breaks in the source, emoji before and inside selections, and
``startPosition``/``endPosition`` counted in UTF-16 code units. The real ATLAS.ti export
comes from ../shared/corpora/refi-qda-vendors (see its PROVENANCE.md).
"""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from tests.conftest import CORPORA, need
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.exchange.positions import CODE_POINTS, UTF16, Utf16Map, detect
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.store import Document

NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"
CODE = "A0000000-0000-4000-8000-0000000000C1"
OTHER_CODE = "A0000000-0000-4000-8000-0000000000C2"
ANA, BEN = "B0000000-0000-4000-8000-0000000000A1", "B0000000-0000-4000-8000-0000000000A2"
SOURCE = "C0000000-0000-4000-8000-000000000001"
# Source text as a vendor writes it: BOM, CRLF, emoji (one with a skin tone: two astral
# code points) before and inside the coded passages.
VENDOR_TEXT = (
    "\ufeffStadtteiltreff am Markt 🙂 erste Runde\r\n"
    "Die Jugendlichen 👍🏽 wünschen sich einen Raum mit WLAN 📶 und Sofa.\r\n"
    "\r\n"
    "Ältere 👵 bräuchten eine Bank 🪑 am Spielplatz, sagt der Seniorenbeirat.\r\n"
)
# (code, coder, passage): every passage is coded on exactly its text.
PASSAGES = [
    (CODE, ANA, "einen Raum mit WLAN 📶 und Sofa"),
    (OTHER_CODE, BEN, "WLAN"),
    (CODE, BEN, "Bank 🪑 am Spielplatz"),
    (OTHER_CODE, ANA, "Seniorenbeirat"),
    (CODE, ANA, "erste Runde"),
]


DISTRICTS = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]  # as `project`


def nfc(text: str) -> str:
    """ATLAS.ti on macOS writes names decomposed (e + combining accent): compare as NFC."""
    return unicodedata.normalize("NFC", text)


def utf16(text: str, index: int) -> int:
    """The UTF-16 offset of code point ``index`` (how .NET and macOS count)."""
    return len(text[:index].encode("utf-16-le")) // 2


def _qde(
    text: str,
    passages: list[tuple[str, str, str]],
    origin: str = "NVivo 14.24.0 (Windows)",
    units: str = "utf16",
    path: str = "internal://C0000000-0000-4000-8000-000000000001.txt",
    extra_sources: str = "",
) -> str:
    """A project.qde with one text source coded on ``passages`` (positions in ``units``)."""
    plain = text.removeprefix("\ufeff")
    selections = []
    for n, (code, user, passage) in enumerate(passages):
        start = plain.index(passage)
        end = start + len(passage)
        if units == "utf16":
            start, end = utf16(plain, start), utf16(plain, end)
        selections.append(
            f'<PlainTextSelection guid="E0000000-0000-4000-8000-{n:012d}" '
            f'startPosition="{start}" endPosition="{end}" creatingUser="{user}">'
            f'<Coding guid="F0000000-0000-4000-8000-{n:012d}" creatingUser="{user}">'
            f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Beirat" origin="{origin}">
  <Users><User guid="{ANA}" name="Ana"/><User guid="{BEN}" name="Ben"/></Users>
  <CodeBook><Codes>
    <Code guid="{CODE}" name="Bedarf" isCodable="true"/>
    <Code guid="{OTHER_CODE}" name="Ort" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{SOURCE}" name="Beiratssitzung" plainTextPath="{path}">
      {"".join(selections)}
    </TextSource>
    {extra_sources}
  </Sources>
</Project>"""


def _qdpx(out: Path, qde: str, sources: dict[str, str], qde_name: str = "project.qde") -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(qde_name, qde)
        for name, text in sources.items():
            archive.writestr(name, text.encode("utf-8"))
    return out


def _vendor(out: Path, **options: str) -> Path:
    return _qdpx(
        out, _qde(VENDOR_TEXT, PASSAGES, **options), {f"Sources/{SOURCE}.txt": VENDOR_TEXT}
    )


def _quotes(project: Project) -> set[tuple[str, str, str]]:
    return {(q.code, q.quote, q.coders) for q in project.quotes().itertuples()}


EXPECTED = {
    ("Bedarf", "einen Raum mit WLAN 📶 und Sofa", "Ana"),
    ("Ort", "WLAN", "Ben"),
    ("Bedarf", "Bank 🪑 am Spielplatz", "Ben"),
    ("Ort", "Seniorenbeirat", "Ana"),
    ("Bedarf", "erste Runde", "Ana"),
}


def _codings(project: Project) -> list[tuple]:
    columns = ["document", "source_id", "code", "coder", "start", "end"]
    return sorted(map(tuple, project.codings()[columns].to_numpy().tolist()))


# -- UTF-16 positions -------------------------------------------------------------------
def test_vendor_file_codings_land_on_exactly_their_text(project: Project, tmp_path: Path) -> None:
    result = import_qdpx(project, _vendor(tmp_path / "nvivo.qdpx"))
    assert (result.documents, result.segments, result.codings) == (1, 3, 5)
    assert result.notices == ()
    assert _quotes(project) == EXPECTED
    # CRLF stays in the document; the BOM is not part of the text.
    with project.session() as s:
        [text] = s.scalars(select(Document.text)).all()
    assert text == VENDOR_TEXT.removeprefix("\ufeff")


def test_export_writes_utf16_and_reimport_keeps_every_span(
    project: Project, tmp_path: Path
) -> None:
    import_qdpx(project, _vendor(tmp_path / "nvivo.qdpx"))
    out = tmp_path / "zurueck.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        [source] = root.iter(f"{Q}TextSource")
        text = archive.read(f"Sources/{source.get('guid')}.txt").decode("utf-8")
    units = text.encode("utf-16-le")
    spans = {}
    for selection in source.iter(f"{Q}PlainTextSelection"):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        spans[units[2 * start : 2 * end].decode("utf-16-le")] = (start, end)
    assert {quote for _, quote, _ in EXPECTED} <= set(spans)
    # Numerically: "WLAN" stands behind one emoji in its line, "Bank" behind two emoji
    # (🙂 and 👍🏽 = three astral code points) plus 👵 — UTF-16 counts each twice.
    wlan = text.index("WLAN")
    assert spans["WLAN"] == (wlan + 3, wlan + 3 + 4)
    bank = text.index("Bank 🪑 am Spielplatz")
    assert spans["Bank 🪑 am Spielplatz"] == (bank + 5, bank + 5 + len("Bank 🪑 am Spielplatz") + 1)

    again = Project.create(tmp_path / "wieder", districts=DISTRICTS)
    result = import_qdpx(again, out)
    assert result.notices == ()
    assert _codings(again) == _codings(project)
    assert _quotes(again) == EXPECTED


@pytest.mark.parametrize(
    ("origin", "units", "notice"),
    [
        ("MAXQDA 2022 (Release 22.7.0)", "utf16", None),
        ("", "utf16", None),  # no origin: the word-boundary check decides
        ("QualCoder 3.5", "codepoints", None),
        ("Unbekanntes Werkzeug 1.0", "codepoints", None),
        ("QualCoder 3.5", "utf16", "als UTF-16-Codeeinheiten gelesen, obwohl „QualCoder 3.5“"),
    ],
)
def test_the_files_convention_is_detected(
    origin: str, units: str, notice: str | None, project: Project, tmp_path: Path
) -> None:
    result = import_qdpx(project, _vendor(tmp_path / "x.qdpx", origin=origin, units=units))
    assert _quotes(project) == EXPECTED
    if notice is None:
        assert result.notices == ()
    else:
        said, why = result.notices
        assert said.startswith("Textpositionen in TextSource Nr. 1 (GUID C0000000…) als UTF-16-")
        assert why.startswith("Quellen stehen hier mit ihrer Nummer in der Datei")
        assert notice in said and said.endswith("nur so liegen alle Textstellen im Text.")


def test_ambiguous_positions_are_read_as_utf16_and_the_user_is_told(
    project: Project, tmp_path: Path
) -> None:
    # Single letters: every position is a word boundary, so the check cannot decide.
    text = "😀 a b c d e\n"
    qde = _qde(text, [(CODE, ANA, "b c")], origin="")
    result = import_qdpx(project, _qdpx(tmp_path / "x.qdpx", qde, {f"Sources/{SOURCE}.txt": text}))
    assert _quotes(project) == {("Bedarf", "b c", "Ana")}
    said, why = result.notices
    assert said.startswith("Textpositionen in TextSource Nr. 1 (GUID C0000000…): nicht erkennbar")
    assert why.startswith("Quellen stehen hier mit ihrer Nummer in der Datei")
    assert "kein Ursprungsprogramm angegeben" in said and "gelesen als UTF-16" in said


def test_detect_rules() -> None:
    text = "Wir 😀 lieben Kaffee"  # "lieben": code points [6, 12), UTF-16 [7, 13)
    assert detect("", [("a", text, [(7, 13)])]).unit == UTF16
    assert detect("", [("a", text, [(6, 12)])]).unit == CODE_POINTS
    # Only one convention keeps the selection in the text (UTF-16 length 20, 19 code points).
    assert detect("QualCoder", [("a", text, [(14, 20)])]).unit == UTF16
    # Inside the surrogate pair of 😀 (UTF-16 offset 5): only code points make sense.
    assert detect("NVivo", [("a", text, [(5, 6)])]).unit == CODE_POINTS
    # A tie with a known program: its convention, nothing to say.
    tie = detect("ATLAS.ti 9", [("a", "😀 a b c", [(3, 6)])])
    assert (tie.unit, tie.notice) == (UTF16, None)
    # Before the first emoji both conventions agree: nothing to decide.
    assert detect("", [("a", "Kaffee 😀", [(0, 6)])]).notice is None
    mapping = Utf16Map(text)
    assert [mapping.to_utf16(p) for p in (4, 5, 6)] == [4, 6, 7]
    assert [mapping.from_utf16(u) for u in (4, 5, 6, 7)] == [4, None, 5, 6]


def test_a_selection_inside_an_emoji_stops_clearly(project: Project, tmp_path: Path) -> None:
    text = "Wir 😀 lieben Kaffee"
    qde = _qde(text, [(CODE, ANA, "lieben")]).replace('startPosition="7"', 'startPosition="5"')
    qde = qde.replace('endPosition="13"', 'endPosition="6"')
    qde = qde.replace(  # a second selection that only UTF-16 can place
        "</TextSource>",
        '<PlainTextSelection guid="E0000000-0000-4000-8000-0000000000FF" startPosition="14" '
        'endPosition="20"/></TextSource>',
    )
    path = _qdpx(tmp_path / "x.qdpx", qde, {f"Sources/{SOURCE}.txt": text})
    with pytest.raises(InputError, match=r"Textstelle \[5, 6\) beginnt oder endet mitten in"):
        import_qdpx(project, path)


# -- where the texts are ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("qde_name", "source_name", "path"),
    [
        ("project.qde", "Sources/board_2017.txt", "board_2017.txt"),  # no scheme
        ("project.qde", "sources/board_2017.txt", "board_2017.txt"),
        ("Project.qde", f"Sources/{SOURCE}.txt", f"internal://{SOURCE}.txt"),
        ("Export/project.qde", f"Export/sources/{SOURCE}.txt", f"internal://{SOURCE}.txt"),
    ],
)
def test_archive_layouts(
    qde_name: str, source_name: str, path: str, project: Project, tmp_path: Path
) -> None:
    qde = _qde(VENDOR_TEXT, PASSAGES, path=path)
    archive = _qdpx(tmp_path / "x.qdpx", qde, {source_name: VENDOR_TEXT}, qde_name=qde_name)
    assert import_qdpx(project, archive).documents == 1
    assert _quotes(project) == EXPECTED


@pytest.mark.parametrize("folder", ["", "Sources/"])
def test_a_bare_qde_reads_its_sources_from_its_folder(
    folder: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export"
    (export / folder).mkdir(parents=True, exist_ok=True)
    (export / "beirat.qde").write_text(_qde(VENDOR_TEXT, PASSAGES), encoding="utf-8")
    (export / folder / f"{SOURCE}.txt").write_text(VENDOR_TEXT, encoding="utf-8", newline="")
    assert main(["--project", str(project.path), "import", str(export / "beirat.qde")]) == 0
    assert "beirat.qde: 1 Dokument mit 3 Aussagen neu" in capsys.readouterr().out
    assert _quotes(project) == EXPECTED


MEDIA = """
    <PDFSource guid="D0000000-0000-4000-8000-000000000001" name="Flyer.pdf" path="internal://f.pdf">
      <PDFSelection guid="D0000000-0000-4000-8000-000000000011" page="0" firstX="1" firstY="1"
          secondX="9" secondY="9"><Coding guid="D0000000-0000-4000-8000-000000000021"
          creatingUser="{ANA}"><CodeRef targetGUID="{CODE}"/></Coding></PDFSelection>
      <Representation guid="D0000000-0000-4000-8000-000000000031" plainTextPath="internal://r.txt"/>
    </PDFSource>
    <PictureSource guid="D0000000-0000-4000-8000-000000000002" name="Foto Markt.jpg"
        path="internal://m.jpg"/>
    <AudioSource guid="D0000000-0000-4000-8000-000000000003" name="Interview.m4a"
        path="relative:///i.m4a"/>
    <VideoSource guid="D0000000-0000-4000-8000-000000000004" name="Rundgang.mp4"
        path="relative:///r.mp4">
      <Transcript guid="D0000000-0000-4000-8000-000000000041" plainTextPath="internal://t.txt"/>
      <VideoSelection guid="D0000000-0000-4000-8000-000000000012" begin="0" end="9"/>
    </VideoSource>
""".replace("{ANA}", ANA).replace("{CODE}", CODE)


def test_media_sources_are_skipped_by_name(project: Project, tmp_path: Path) -> None:
    qde = _qde(VENDOR_TEXT, PASSAGES, extra_sources=MEDIA)
    archive = _qdpx(tmp_path / "x.qdpx", qde, {f"Sources/{SOURCE}.txt": VENDOR_TEXT})
    result = import_qdpx(project, archive)
    assert result.notices == (
        "PDFSource Nr. 2 (GUID D0000000…) mit 1 markierten Stelle und 1 Kodierung übersprungen: "
        "ohne Text im Projekt (importiert werden Texte, Textfassungen von PDFs und "
        "Transkripte).",
        "PictureSource Nr. 3 (GUID D0000000…) übersprungen: ohne Text im Projekt "
        "(importiert werden Texte, Textfassungen von PDFs und Transkripte).",
        "AudioSource Nr. 4 (GUID D0000000…) übersprungen: ohne Text im Projekt "
        "(importiert werden Texte, Textfassungen von PDFs und Transkripte).",
        "VideoSource Nr. 5 (GUID D0000000…) mit 1 markierten Stelle und 0 Kodierungen "
        "übersprungen: ohne Text im Projekt (importiert werden Texte, Textfassungen von PDFs "
        "und Transkripte).",
        "Quellen stehen hier mit ihrer Nummer in der Datei und dem Anfang ihrer GUID, nicht "
        "mit ihrem Namen: Dateinamen von Interviews nennen oft die Interviewten.",
    )
    assert _quotes(project) == EXPECTED


def test_missing_texts_are_named_in_one_message(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = """
      <TextSource guid="C0000000-0000-4000-8000-000000000002" name="Karten"
          plainTextPath="karten.txt"/>
      <TextSource guid="C0000000-0000-4000-8000-000000000003" name="Chat"
          plainTextPath="relative://chat.txt"/>
      <TextSource guid="C0000000-0000-4000-8000-000000000004" name="Notizen"
          richTextPath="internal://n.docx"/>
    """
    archive = _qdpx(tmp_path / "x.qdpx", _qde(VENDOR_TEXT, PASSAGES, extra_sources=more), {})
    before = project.status()
    assert main(["--project", str(project.path), "import", str(archive)]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(
        "Fehler: Datei x.qdpx/project.qde: Die Texte von 3 Textquellen fehlen, nichts wurde "
        f"importiert: TextSource Nr. 1 (GUID C0000000…): Sources/{SOURCE}.txt; TextSource "
        "Nr. 2 (GUID C0000000…): Sources/karten.txt; TextSource Nr. 3 (GUID C0000000…): "
        "relative://chat.txt; gesucht: "
    )
    assert "Nr. 4" not in line  # only a rich text: skipped, with advice (no file to add)
    assert project.status() == before


# -- a real vendor file -----------------------------------------------------------------
VENDORS = CORPORA / "refi-qda-vendors"
WORDS = "toast with butter and jam is what many people eat before work".split()


def _atlas_texts(qde: str) -> dict[str, str]:
    """Invented texts for the export's six text sources (the corpus has only the XML)."""
    names = re.findall(r'<TextSource plainTextPath="internal://([0-9A-F-]+\.txt)"', qde)
    texts = {}
    for number, name in enumerate(names):
        lines = [f"transcript number {number}"]
        lines += [" ".join(WORDS[(i + number) % len(WORDS)] for i in range(9))] * 25
        texts[name] = "\r\n".join(lines)
    return texts


@pytest.mark.corpora
def test_atlasti_standard_project_imports_codes_notes_and_sets(
    project: Project, tmp_path: Path
) -> None:
    qde = need(VENDORS / "atlasti-standard-project.qde", "ATLAS.ti-Standardprojekt")
    text = qde.read_text(encoding="utf-8")
    sources = {f"Sources/{name}": t for name, t in _atlas_texts(text).items()}
    result = import_qdpx(project, _qdpx(tmp_path / "atlas.qdpx", text, sources))
    assert (result.documents, result.codes, result.memos) == (6, 14, 4)
    # Codes with their colours and descriptions.
    codes = project.codes().set_index("path")
    assert len(codes) == 14 and '"rushed"' in codes.index
    # ATLAS.ti names levels "Coke::diet Coke": a code under "Coke", as the others nest them.
    assert codes.at["Coke/diet Coke", "description"] == "non sucré"
    assert {"Coke", "Coke/diet Coke", "Coke/full-fat Coke"} <= set(codes.index)
    assert codes.at["Breakfast food", "colour"] == "#46aa00"
    # Codings on the text sources, by the user who made them.
    codings = project.codings()
    assert set(codings["coder"]) == {"Friedrich Markgraf"}
    assert set(codings["code"]) == {
        "Coke/diet Coke",
        "bacon and eggs",
        "cornflakes",
        "happiness",
        "Feelings",
    }
    # Notes: the research plan on the project, the note linked to a video selection on
    # the project saying where it belonged; selection comments on their segments.
    memos = project.memos()
    assert sorted(memos["target_type"]) == ["project", "project", "segment", "segment"]
    texts = " | ".join(memos["text"])
    # with their titles, and ATLAS.ti's comment on a memo
    assert "Research Plan\n\nThis is a great project by a dynamic team" in texts
    assert "\n\nKommentar: day to day log about this amazing project" in texts
    assert (
        "Zu „1994 Diet Coke-Diet Coke Break.mp4“ (nicht übernommen): My favorite Coke ad\n\n"
        "This version"
    ) in texts
    assert "has Coke for breakfast!" in texts
    # Sets of text sources are the segments' attribute "Sets".
    sets = project.segments().drop_duplicates("document").set_index("document")["attributes"]
    # "Simon" names a person: the source and its set are pseudonymised like a text.
    assert sets["[Person 1].docx"] == {
        "Sets": ["gender: male", "[Person 1]", "Text files", "age: 67"]
    }
    assert sets["Mabel.txt"]["Sets"] == ["Mabel", "Text files", "gender: female", "age: 25"]
    # What was skipped is named.
    notices = nfc("\n".join(result.notices))
    for skipped in (
        "PictureSource Nr. 7 (GUID 02255470…)",
        "PDFSource Nr. 8 (GUID 03F134F1…)",
        "PDFSource Nr. 9 (GUID 2065D8AB…) mit 4 markierten",
        "AudioSource Nr. 10 (GUID DA744775…)",
        "VideoSource Nr. 11 (GUID 9D260347…)",
        "VideoSource Nr. 12 (GUID ED105492…) mit 2 markierten Stellen",
        "Code-Sets nicht übernommen (die Werkbank kennt keine Codegruppen): Feelings, "
        "negative feelings, Breakfast food, positive feelings.",
        "Sets ohne importierte Textquelle nicht übernommen: Coke, Images, PDFs, "
        "Video and Audio, <3.",
    ):
        assert skipped in notices
    # Again: nothing new.
    again = import_qdpx(project, tmp_path / "atlas.qdpx")
    assert (again.documents, again.existing, again.codings, again.memos) == (0, 6, 0, 0)


@pytest.mark.corpora
def test_atlasti_project_without_sources_names_them(project: Project, tmp_path: Path) -> None:
    qde = need(VENDORS / "atlasti-standard-project.qde", "ATLAS.ti-Standardprojekt")
    rezipped = tmp_path / "ohne-quellen.qdpx"
    with zipfile.ZipFile(rezipped, "w") as archive:
        archive.writestr("Project.qde", qde.read_bytes())
        archive.writestr(zipfile.ZipInfo("Sources/"), b"")
    shipped = need(VENDORS / "atlasti-standard-project-rezipped.qdpx", "neu gepackte Kopie")
    for path in (rezipped, shipped):
        with pytest.raises(InputError) as caught:
            import_qdpx(project, path)
        message = nfc(str(caught.value))
        assert message.startswith(
            f"Datei {path.name}/Project.qde: Die Texte von 6 Textquellen fehlen, nichts wurde "
            "importiert: TextSource Nr. 1 (GUID 69A4332D…): "
            "Sources/01106019-2518-43DD-BBD1-8F0252BACB30.txt; "
        )
        # file names of interviews name the interviewees: never in a terminal message
        for name in ("Mabêl", "Mabel", "Simon", "Coca"):
            assert name not in message
        assert "TextSource Nr. 6 (GUID AE5298BE…): Sources/C1C745F7-" in message
        assert "Kellogg" not in message  # PDFs are skipped, not missing
    assert project.status()["documents"] == 0


@pytest.mark.corpora
def test_atlasti_bare_qde_with_its_sources_beside_it(project: Project, tmp_path: Path) -> None:
    qde = need(VENDORS / "atlasti-standard-project.qde", "ATLAS.ti-Standardprojekt")
    folder = tmp_path / "atlas"
    folder.mkdir()
    shutil.copy(qde, folder / "Project.qde")
    for name, text in _atlas_texts(qde.read_text(encoding="utf-8")).items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    assert import_qdpx(project, folder / "Project.qde").documents == 6
