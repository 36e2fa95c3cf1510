"""REFI-QDA project exchange (.qdpx): round trip, schema, MAXQDA-shaped input, bad input."""

from __future__ import annotations

import doctest
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import SHARED, need
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.coding.codebook_qdc import code_guid
from workbench.demo import DEMO_DISTRICTS, build_demo
from workbench.exchange.qdpx import export_qdpx, import_qdpx, parse_block, read_qdpx
from workbench.ingest.offsets import OffsetMap
from workbench.synthesis.indicators import indicators

NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"
FIXTURE = Path(__file__).parent / "fixtures" / "maxqda_projekt"
PERSON_SPAN = 20  # "[Person 1] berichtet" in the demo's alkenrath_protokoll.docx


# -- helpers ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """Project-mrt2019.xsd from ../shared/refi-qda (intact; Codebook.xsd is not needed)."""
    return etree.XMLSchema(
        etree.parse(str(need(SHARED / "refi-qda" / "Project-mrt2019.xsd", "XSD")))
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The demo study plus what it lacks: memos on every target and a span coding."""
    project = build_demo(tmp_path_factory.mktemp("quelle") / "demo")
    segments = project.segments()
    first = int(segments["segment_id"].iloc[0])
    card = int(segments.loc[segments["source_id"] == "MF-K03", "segment_id"].iloc[0])
    project.add_memo("Digitalisierung zieht sich durch alle Workshops.", "A")
    project.add_memo("Zentrale Aussage für den Bericht.", "B", segment=first)
    project.add_memo("Zweite Lesart:\nauch Begründung.", "A", segment=first)
    project.add_memo("Abgrenzung zu Leerstelle schärfen.", "A", code="Bedarf")
    project.add_memo("Cluster wirkt heterogen.", "B", cluster=2)
    project.code_segment(first, "Bedarf", "C", start=4, end=30)
    project.code_segment(card, "Themen", "C", start=0, end=5)
    # A span that starts with a placeholder ("[Person 1] berichtet …").
    named = segments[segments["text"].str.startswith("[Person")].iloc[0]
    project.code_segment(int(named.segment_id), "Ressource", "C", start=0, end=PERSON_SPAN)
    yield project
    project.close()


@pytest.fixture(scope="module")
def exported(source: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "demo.qdpx"
    export_qdpx(source, out)
    return out


def _fresh(path: Path) -> Project:
    return Project.create(path, districts=DEMO_DISTRICTS)


def _segments(project: Project) -> list[dict]:
    columns = ["document", "source_id", "position", "workshop", "district", "question"]
    columns += ["speaker_role", "text", "start", "end", "attributes"]
    table = project.segments()[columns].sort_values(["document", "start"])
    return table.to_dict("records")


def _codings(project: Project) -> list[dict]:
    columns = ["document", "source_id", "code", "coder", "start", "end", "created_at"]
    table = project.codings()[columns].sort_values(columns[:6])
    return table.to_dict("records")


def _memos(project: Project) -> list[tuple]:
    """Memos with their targets as stable keys (ids differ between projects)."""
    segments = project.segments().set_index("segment_id")
    codes = project.codes().set_index("code_id")
    result = []
    for m in project.memos().itertuples():
        target = None
        if m.target_type == "segment":
            target = (segments.at[m.target_id, "document"], segments.at[m.target_id, "source_id"])
        elif m.target_type == "code":
            target = codes.at[m.target_id, "path"]
        elif m.target_type == "cluster":
            target = int(m.target_id)
        result.append((m.target_type, target, m.author, m.text, m.created_at))
    return sorted(result, key=str)


def _snapshot(project: Project) -> tuple:
    return (
        project.status(),
        _segments(project),
        _codings(project),
        _memos(project),
        project.pseudonym_key().to_dict("records"),
        indicators(project).to_dict("records"),
        project.districts().to_dict("records"),
    )


def _qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def _rezip(src: Path, dst: Path, qde: bytes | None = None, drop: str | None = None) -> Path:
    """Copy an archive, optionally with another project.qde or without one member."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        for info in old.infolist():
            if info.filename == drop:
                continue
            data = qde if qde is not None and info.filename == "project.qde" else None
            new.writestr(info.filename, data if data is not None else old.read(info))
    return dst


def _maxqda(folder: Path, qde: bytes | None = None) -> Path:
    """The hand-written MAXQDA-shaped fixture as a .qdpx, its relative source beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "quartiersstudie.qdpx"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde or (FIXTURE / "project.qde").read_bytes())
        for path in sorted((FIXTURE / "sources").iterdir()):
            archive.write(path, f"sources/{path.name}")
    shutil.copy(FIXTURE / "Kartenabfrage_Wiesdorf.txt", folder)
    return out


# -- round trip -------------------------------------------------------------------------
def test_round_trip_gives_the_same_project(source: Project, exported: Path, tmp_path: Path) -> None:
    target = _fresh(tmp_path / "ziel")
    result = import_qdpx(target, exported)
    assert result.documents == 10 and result.segments == 487 and result.existing == 0
    assert result.notices == ()

    assert _segments(target) == _segments(source)
    assert _codings(target) == _codings(source)
    assert len(_codings(target)) == 1952 + 3  # the demo's and the fixture's span codings
    assert target.codes().drop(columns="code_id").equals(source.codes().drop(columns="code_id"))
    assert _memos(target) == _memos(source)
    assert {m[0] for m in _memos(target)} == {"project", "segment", "code", "cluster"}
    assert (
        target.workshops()
        .drop(columns="workshop_id")
        .equals(source.workshops().drop(columns="workshop_id"))
    )
    columns = ["filename", "title", "workshop", "district"]
    assert sorted(map(tuple, target.documents()[columns].to_numpy().tolist())) == sorted(
        map(tuple, source.documents()[columns].to_numpy().tolist())
    )
    assert indicators(target).equals(indicators(source))
    # The documents' texts and offsets are the same, so segments still point into them.
    for seg in target.segments().itertuples():
        assert seg.text
    assert (
        target.quotes()
        .drop(columns="segment_id")
        .sort_values(["document", "source_id", "code"])
        .reset_index(drop=True)
        .equals(
            source.quotes()
            .drop(columns="segment_id")
            .sort_values(["document", "source_id", "code"])
            .reset_index(drop=True)
        )
    )


def test_export_is_valid_and_reproducible(
    source: Project, exported: Path, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    root = _qde(exported)
    assert schema.validate(root), schema.error_log
    again = tmp_path / "nochmal.qdpx"
    export_qdpx(source, again)
    assert again.read_bytes() == exported.read_bytes()
    # Through a new project and back: the same bytes (all GUIDs are stable keys).
    target = _fresh(tmp_path / "ziel")
    import_qdpx(target, exported)
    back = tmp_path / "zurueck.qdpx"
    export_qdpx(target, back, name=source.path.name)
    assert back.read_bytes() == exported.read_bytes()
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde"
        assert all(re.fullmatch(r"Sources/[0-9A-F-]{36}\.txt", n) for n in names[1:])
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert not list(tmp_path.glob("*.tmp"))


def test_export_encodes_segments_as_described_selections(source: Project, exported: Path) -> None:
    root = _qde(exported)
    card = next(  # a card with a line break in its text, coded by A and B
        s
        for s in root.iter(f"{Q}PlainTextSelection")
        if "Quelle-ID: MF-K08" in (s.findtext(f"{Q}Description") or "")
    )
    fields = parse_block("Werkbank-Aussage", card.findtext(f"{Q}Description"))
    assert fields["Sozialraum"] == "Manfort"
    assert fields["Workshop"] == "Quartiersworkshop Manfort"
    assert fields["Attribute"].startswith('{"Farbe": ')
    document = card.getparent()
    with zipfile.ZipFile(exported) as archive:
        text = archive.read(f"Sources/{document.get('guid')}.txt").decode("utf-8")
    segment = text[int(card.get("startPosition")) : int(card.get("endPosition"))]
    assert segment and "\n\n" not in segment
    # Both coders' whole-segment codings sit in the segment's own selection.
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    assert {users[c.get("creatingUser")] for c in card.iter(f"{Q}Coding")} == {"A", "B"}
    # Districts are cases that reference their segments; indicators are their variables.
    manfort = root.find(f"{Q}Cases/{Q}Case[@name='Manfort']")
    assert card.get("guid") in {r.get("targetGUID") for r in manfort.iter(f"{Q}SelectionRef")}
    assert len(manfort.findall(f"{Q}VariableValue")) == len(indicators(source, "Manfort")) > 0
    assert root.find(f"{Q}Sets/{Q}Set[@name='Quartiersworkshop Manfort']") is not None


def test_reimport_adds_nothing(source: Project, exported: Path, tmp_path: Path) -> None:
    target = _fresh(tmp_path / "ziel")
    import_qdpx(target, exported)
    before = _snapshot(target)
    again = import_qdpx(target, exported)
    assert (again.documents, again.existing, again.codings, again.memos) == (0, 10, 0, 0)
    assert _snapshot(target) == before
    # The file's texts are the source project's own documents: nothing is added there either.
    before = _snapshot(source)
    assert import_qdpx(source, exported).existing == 10
    assert _snapshot(source) == before


def test_codings_added_elsewhere_are_merged_into_the_project(
    source: Project, exported: Path, tmp_path: Path
) -> None:
    """Export, code further in another program, import into the same project."""
    target = _fresh(tmp_path / "ziel")
    import_qdpx(target, exported)
    root = _qde(exported)
    users = root.find(f"{Q}Users")
    etree.SubElement(users, f"{Q}User", guid="9E000000-0000-4000-8000-000000000001", name="Clara")
    card = next(
        s
        for s in root.iter(f"{Q}PlainTextSelection")
        if "Quelle-ID: MF-K03" in (s.findtext(f"{Q}Description") or "")
    )
    start = int(card.get("startPosition"))
    selection = etree.Element(
        f"{Q}PlainTextSelection",
        guid="9E000000-0000-4000-8000-000000000002",
        startPosition=str(start + 2),
        endPosition=str(start + 9),
    )
    coding = etree.SubElement(
        selection,
        f"{Q}Coding",
        guid="9E000000-0000-4000-8000-000000000003",
        creatingUser="9E000000-0000-4000-8000-000000000001",
    )
    bedarf = root.find(f".//{Q}Code[@name='Bedarf']").get("guid")
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=bedarf)
    card.addnext(selection)
    changed = _rezip(exported, tmp_path / "weiter.qdpx", etree.tostring(root))
    before = target.status()
    result = import_qdpx(target, changed)
    assert (result.documents, result.existing, result.codings) == (0, 10, 1)
    assert target.status() == {**before, "codings": before["codings"] + 1}
    new = target.codings().query("coder == 'Clara'").iloc[0]
    assert (new.source_id, new.code, new.start, new.end) == ("MF-K03", "Bedarf", 2, 9)


def test_export_with_originals_points_at_the_original_words(
    source: Project, tmp_path: Path
) -> None:
    out = tmp_path / "original.qdpx"
    result = export_qdpx(source, out, pseudonymised=False)
    assert not result.pseudonymised
    root = _qde(out)
    originals = source.original_texts()
    table = source.segments()
    segments = table.set_index(["document", "source_id"])["segment_id"]
    pseudonymised_texts = table.set_index("segment_id")["text"]
    changed = 0
    with zipfile.ZipFile(out) as archive:
        for text_source in root.iter(f"{Q}TextSource"):
            text = archive.read(f"Sources/{text_source.get('guid')}.txt").decode("utf-8")
            for selection in text_source.iter(f"{Q}PlainTextSelection"):
                fields = parse_block("Werkbank-Aussage", selection.findtext(f"{Q}Description"))
                if fields is None:
                    continue
                segment_id = segments[(text_source.get("name"), fields["Quelle-ID"])]
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                assert text[start:end] == originals[segment_id]
                changed += originals[segment_id] != pseudonymised_texts[segment_id]
    assert changed >= 20  # the demo's names, e-mails, phones and addresses are back
    # A span coding that began with a placeholder now begins with the original name.
    users = {u.get("name"): u.get("guid") for u in root.iter(f"{Q}User")}
    [span] = [
        s
        for s in root.iter(f"{Q}PlainTextSelection")
        if s.find(f"{Q}Description") is None
        and s.find(f"{Q}Coding").get("creatingUser") == users["C"]
        and s.find(f"{Q}Coding/{Q}CodeRef").get("targetGUID") == code_guid("Ressource")
    ]
    with zipfile.ZipFile(out) as archive:
        text = archive.read(f"Sources/{span.getparent().get('guid')}.txt").decode("utf-8")
    quote = text[int(span.get("startPosition")) : int(span.get("endPosition"))]
    assert quote.endswith(" berichtet") and not quote.startswith("[")
    assert quote in originals.values() or any(o.startswith(quote) for o in originals.values())
    assert b"ORIGINALTEXTE" in etree.tostring(root)
    pseudonymised = tmp_path / "pseudo.qdpx"
    export_qdpx(source, pseudonymised)
    with zipfile.ZipFile(pseudonymised) as archive:
        texts = b"".join(archive.read(n) for n in archive.namelist())
    assert b"k.meier@example.org" not in texts and b"Frau Meier" not in texts


# -- another program's file -------------------------------------------------------------
def test_maxqda_fixture_is_valid(schema: etree.XMLSchema) -> None:
    assert schema.validate(etree.parse(str(FIXTURE / "project.qde"))), schema.error_log


def test_maxqda_shaped_project_imports(project: Project, tmp_path: Path) -> None:
    result = import_qdpx(project, _maxqda(tmp_path / "austausch"))
    assert (result.documents, result.segments, result.codes, result.codings) == (2, 7, 6, 9)
    assert (result.memos, result.indicators) == (4, 1)
    assert result.notices == (
        "Quelle 'Protokoll Quartiersworkshop Manfort': 1 Kodierungen über mehrere Absätze "
        "wurden je Aussage aufgeteilt.",
    )
    # Nested codes with colours and descriptions.
    codes = project.codes().set_index("path")
    assert list(codes.index) == [
        "Bedarf",
        "Herausforderung",
        "Herausforderung/Digitale Teilhabe",
        "Herausforderung/Wohnen",
        "Ressource",
        "Ressource/Nachbarschaft",
    ]
    assert codes.at["Herausforderung/Digitale Teilhabe", "colour"] == "#0000ff"
    assert codes.at["Bedarf", "description"] == "Was gebraucht wird"
    # Paragraphs are segments; the unnamed case's variable places the protocol in Manfort,
    # the named case places the relative:// source in Wiesdorf.
    segments = project.segments()
    protocol = segments[segments["document"] == "Protokoll Quartiersworkshop Manfort"]
    assert list(protocol["district"].unique()) == ["Manfort"]
    assert protocol["text"].iloc[0] == "Quartiersworkshop Manfort, 18.11.2020 (digital)"
    assert protocol["attributes"].iloc[0] == {
        "Format": "Videokonferenz",
        "Sets": ["Quartiersworkshops"],  # another program's set of sources
    }
    cards = segments[segments["document"] == "Kartenabfrage Wiesdorf"]
    assert list(cards["district"].unique()) == ["Wiesdorf"]
    assert cards["text"].iloc[0].startswith("[Person 1] organisiert")  # pseudonymised
    assert "Petrova" not in " ".join(segments["text"])
    # Several coders, spans in the right places (also through the placeholder).
    quotes = {(q.code, q.quote, q.coders) for q in project.quotes().itertuples()}
    assert quotes == {
        ("Herausforderung", protocol["text"].iloc[1], "Anna K."),
        ("Herausforderung/Digitale Teilhabe", "kein WLAN", "Anna K., Ben M."),
        ("Bedarf", "Homeschooling läuft über das Handy der Eltern.", "Ben M."),
        ("Bedarf", "Gebraucht werden Leihgeräte", "Ben M."),
        ("Ressource/Nachbarschaft", protocol["text"].iloc[4], "Anna K."),
        ("Ressource/Nachbarschaft", "[Person 1] organisiert den Mittagstisch", "Ben M."),
        ("Ressource", "[Person 1] organisiert", "Anna K."),
        ("Bedarf", "Treffpunkt für Ältere", "Anna K."),
    }
    codings = project.codings()
    ben = codings[(codings["coder"] == "Ben M.") & (codings["code"] != "Bedarf")]
    assert sorted(str(t) for t in ben["created_at"]) == [
        "2021-02-03 11:30:00",
        "2021-02-03 12:00:00",
    ]
    # Notes: on a selection, a MAXQDA comment, on the project (pseudonymised), on a code.
    memos = {(m[0], m[1], m[2], m[3]) for m in _memos(project)}
    second = ("Protokoll Quartiersworkshop Manfort", "2")
    assert memos == {
        (
            "segment",
            second,
            "Anna K.",
            "Fehlende Treffpunkte für Jugendliche kommen in allen Workshops vor.",
        ),
        ("segment", second, "Ben M.", "Treffpunkte fehlen laut Jugendamt auch in Rheindorf."),
        ("project", None, "Ben M.", "[Person 2] vom Bürgerverein möchte die Ergebnisse sehen."),
        ("code", "Bedarf", "Anna K.", "Bedarf nur, wenn eine Abhilfe genannt wird."),
    }
    # The key keeps the originals, for researchers only.
    key = project.pseudonym_key()
    assert set(key["original"]) == {"Frau Petrova", "Herr Wagner"}
    # The named case's numeric variable is an indicator value of its district.
    values = indicators(project)
    assert values[["district", "indicator", "year", "value"]].to_dict("records") == [
        {"district": "Wiesdorf", "indicator": "SGB-II-Quote", "year": 2019, "value": 14.2}
    ]
    # Importing it again changes nothing.
    before = _snapshot(project)
    again = import_qdpx(project, tmp_path / "austausch" / "quartiersstudie.qdpx")
    assert (again.documents, again.existing, again.codings, again.notices) == (0, 2, 0, ())
    assert _snapshot(project) == before


def test_relative_sources_are_found_through_the_base_path(project: Project, tmp_path: Path) -> None:
    elsewhere = tmp_path / "quellen"
    elsewhere.mkdir()
    qde = (FIXTURE / "project.qde").read_text(encoding="utf-8")
    qde = qde.replace('name="Quartiersstudie Leverkusen"', f'name="Q" basePath="{elsewhere}"')
    archive = _maxqda(tmp_path / "austausch", qde.encode("utf-8"))
    (archive.parent / "Kartenabfrage_Wiesdorf.txt").rename(elsewhere / "Kartenabfrage_Wiesdorf.txt")
    assert import_qdpx(project, archive).documents == 2


def test_inline_text_crlf_and_uncoded_sources(project: Project, tmp_path: Path) -> None:
    """PlainTextContent, Windows line breaks counted as two characters, no users."""
    text = "Erste Zeile\r\nZweite Zeile mit Bedarf\r\n"
    start = text.index("Bedarf")
    code, src, sel = (f"A0000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 3))
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Inline" origin="QualCoder 3.5">
  <CodeBook><Codes><Code guid="{code}" name="Bedarf" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{src}" name="notiz.txt">
      <PlainTextContent>{text.replace(chr(13), "&#13;")}</PlainTextContent>
      <PlainTextSelection guid="{sel}" startPosition="{start}" endPosition="{start + 6}">
        <Coding guid="{sel[:-1]}4"><CodeRef targetGUID="{code}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="{sel[:-1]}5" name="Foto" path="internal://x.png"/>
  </Sources>
</Project>"""
    path = tmp_path / "inline.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
    with pytest.raises(InputError, match=r"keinen creatingUser; bitte angeben, wer kodiert hat"):
        import_qdpx(project, path)
    result = import_qdpx(project, path, coder="Dana", district="Opladen")
    assert result.notices == (
        "PictureSource 'Foto' übersprungen: ohne Text im Projekt "
        "(importiert werden Texte, Textfassungen von PDFs und Transkripte).",
    )
    segments = project.segments()
    assert list(segments["text"]) == ["Erste Zeile", "Zweite Zeile mit Bedarf"]
    assert set(segments["district"]) == {"Opladen"} and set(segments["workshop"]) == {"notiz"}
    assert [(q.quote, q.coders) for q in project.quotes().itertuples()] == [("Bedarf", "Dana")]


# -- bad input --------------------------------------------------------------------------
def _broken_qde(exported: Path, tmp_path: Path, change) -> Path:
    root = _qde(exported)
    change(root)
    return _rezip(exported, tmp_path / "kaputt.qdpx", etree.tostring(root))


def _outside(root: etree._Element) -> None:
    selection = next(root.iter(f"{Q}PlainTextSelection"))
    selection.set("endPosition", "999999")


def _unknown_code(root: etree._Element) -> None:
    next(root.iter(f"{Q}CodeRef")).set("targetGUID", "00000000-0000-4000-8000-0000000000AA")


def _unknown_district(root: etree._Element) -> None:
    root.find(f"{Q}Cases/{Q}Case[@name='Opladen']").set("name", "Schlebusch")


def _escaping_path(root: etree._Element) -> None:
    next(root.iter(f"{Q}TextSource")).set("plainTextPath", "relative://../../etc/passwd")


def _absolute_path(root: etree._Element) -> None:
    next(root.iter(f"{Q}TextSource")).set("plainTextPath", "absolute:///etc/passwd")


BAD = {
    # name: (build the file, expected message)
    "kein ZIP": (
        lambda exported, t: _write(t / "kaputt.qdpx", b"PK\x03\x04 abgeschnitten"),
        r"^Fehler: Datei kaputt\.qdpx: Keine lesbare REFI-QDA-Projektdatei: kein gültiges ZIP",
    ),
    "abgeschnittenes ZIP": (
        lambda exported, t: _write(t / "kaputt.qdpx", exported.read_bytes()[:5000]),
        r"^Fehler: Datei kaputt\.qdpx: Keine lesbare REFI-QDA-Projektdatei",
    ),
    "ohne project.qde": (
        lambda exported, t: _rezip(exported, t / "kaputt.qdpx", drop="project.qde"),
        r"^Fehler: Datei kaputt\.qdpx: Im Archiv fehlt project\.qde",
    ),
    "kein XML": (
        lambda exported, t: _rezip(exported, t / "kaputt.qdpx", b"<Project><Sources>"),
        r"^Fehler: Datei kaputt\.qdpx/project\.qde: project\.qde ist kein gültiges XML",
    ),
    "Textstelle außerhalb": (
        lambda exported, t: _broken_qde(exported, t, _outside),
        r"^Fehler: Datei kaputt\.qdpx/project\.qde: <PlainTextSelection guid=\"[0-9A-F-]+\" "
        r"name=\"Aussage 1\"> in Quelle 'alkenrath_protokoll\.docx': Textstelle \[31, 999999\) "
        r"liegt nicht im Text \(Länge \d+\)",
    ),
    "unbekannter Code": (
        lambda exported, t: _broken_qde(exported, t, _unknown_code),
        r"<Coding guid=\"[0-9A-F-]+\"> in Quelle '[^']+': CodeRef "
        r"00000000-0000-4000-8000-0000000000AA verweist auf keinen Code",
    ),
    "unbekannter Sozialraum": (
        lambda exported, t: _broken_qde(exported, t, _unknown_district),
        r"Unbekannte Sozialräume .*: Schlebusch\. Gültig sind: Alkenrath, Gesamtstadt, Manfort, "
        r"Opladen, Steinbüchel, Wiesdorf \(weitere mit: workbench districts --add NAME, oder "
        r"beim Import --add-districts\)",
    ),
    "Quelle fehlt": (
        lambda exported, t: _rezip(
            exported, t / "kaputt.qdpx", drop=zipfile.ZipFile(exported).namelist()[1]
        ),
        r"Der Text einer Textquelle fehlt, nichts wurde importiert: „[^“]+“ "
        r"\(Sources/[0-9A-F-]+\.txt\)\. Bitte das Projekt mitsamt Quelltexten exportieren",
    ),
    "Pfad aus dem Ordner hinaus": (
        lambda exported, t: _broken_qde(exported, t, _escaping_path),
        r"Pfad 'relative://\.\./\.\./etc/passwd' verlässt den Projektordner",
    ),
    "absoluter Pfad": (
        lambda exported, t: _broken_qde(exported, t, _absolute_path),
        r"Pfad 'absolute:///etc/passwd' wird nicht gelesen",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_stops_clearly_and_changes_nothing(
    case: str, exported: Path, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    build, expected = BAD[case]
    import_qdpx(project, _maxqda(tmp_path / "gut"))  # so "unchanged" means more than "empty"
    before = _snapshot(project)
    bad = build(exported, tmp_path)
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert re.search(expected, err), err
    assert _snapshot(project) == before


def test_read_qdpx_is_pure(exported: Path) -> None:
    exchange = read_qdpx(exported)
    assert len(exchange.sources) == 10 and len(exchange.specs) == 24


def test_doctests() -> None:
    from workbench.exchange import importer, positions, qdxml
    from workbench.ingest import offsets

    for module in (importer, positions, qdxml, offsets):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_offset_map() -> None:
    # "Frau Schmidt kommt" → "[Person 1] kommt": old [0, 12) became new [0, 10).
    shift = OffsetMap([(0, 12, 0, 10)])
    assert [shift.start(p) for p in (0, 5, 12, 18)] == [0, 0, 10, 16]
    assert [shift.end(p) for p in (5, 12, 18)] == [10, 10, 16]


# -- command line -----------------------------------------------------------------------
def test_cli_export_and_import(
    source: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "projekt.qdpx"
    assert main(["--project", str(source.path), "export", "--format", "qdpx", str(out)]) == 0
    assert "487 Aussagen" in capsys.readouterr().out
    assert main(["init", str(tmp_path / "leer")]) == 0
    target = ["--project", str(tmp_path / "leer"), "import", str(out)]
    assert main(target) == 2
    assert "Unbekannte Sozialräume" in capsys.readouterr().err
    assert main([*target, "--add-districts"]) == 0
    printed = capsys.readouterr().out
    assert "10 Dokumente mit 487 Aussagen neu" in printed
    assert (
        "Neue Sozialräume angelegt: Alkenrath, Manfort, Opladen, Steinbüchel, Wiesdorf" in printed
    )
    assert main(target) == 0
    assert "bereits importiert" in capsys.readouterr().out
    assert (
        main(["--project", str(source.path), "export", "--format", "csv", "--originals", str(out)])
        == 2
    )
    assert "--originals gilt nur für --format qdpx" in capsys.readouterr().err
    mixed = ["--project", str(tmp_path / "leer"), "import", str(out), str(tmp_path / "x.csv")]
    assert main(mixed) == 2
    assert "bitte getrennt" in capsys.readouterr().err
