"""REFI-QDA project exchange (.qdpx): round trip, schema, MAXQDA-shaped input, bad input."""

from __future__ import annotations

import doctest
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.qdpx_data import (
    Q,
    codings_of,
    fresh,
    maxqda_archive,
    memos_of,
    qde_root,
    refi_schema,
    rezip,
    segments_of,
    snapshot,
)
from workbench import Project
from workbench.cli.main import main
from workbench.coding.codebook_qdc import code_guid
from workbench.demo import build_demo
from workbench.exchange.qdpx import export_qdpx, import_qdpx, parse_block, read_qdpx
from workbench.ingest.offsets import OffsetMap
from workbench.synthesis.indicators import indicators

PERSON_SPAN = 20  # "[Person 1] berichtet" in the demo's alkenrath_protokoll.docx


# -- helpers ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The REFI-QDA project schema."""
    return refi_schema()


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


# -- round trip -------------------------------------------------------------------------
def test_round_trip_gives_the_same_project(source: Project, exported: Path, tmp_path: Path) -> None:
    target = fresh(tmp_path / "ziel")
    result = import_qdpx(target, exported)
    assert result.documents == 10 and result.segments == 487 and result.existing == 0
    assert result.notices == ()

    assert segments_of(target) == segments_of(source)
    assert codings_of(target) == codings_of(source)
    assert len(codings_of(target)) == 1952 + 3  # the demo's and the fixture's span codings
    assert target.codes().drop(columns="code_id").equals(source.codes().drop(columns="code_id"))
    assert memos_of(target) == memos_of(source)
    assert {m[0] for m in memos_of(target)} == {"project", "segment", "code", "cluster"}
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
    root = qde_root(exported)
    assert schema.validate(root), schema.error_log
    again = tmp_path / "nochmal.qdpx"
    export_qdpx(source, again)
    assert again.read_bytes() == exported.read_bytes()
    # Through a new project and back: the same bytes (all GUIDs are stable keys).
    target = fresh(tmp_path / "ziel")
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
    root = qde_root(exported)
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
    # Each coder's whole-segment codings sit in a selection of the segment's span that
    # names them (QualCoder reads the coder there): the segment's own, then another.
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    span = (card.get("startPosition"), card.get("endPosition"))
    same = [
        s
        for s in document.iter(f"{Q}PlainTextSelection")
        if (s.get("startPosition"), s.get("endPosition")) == span
    ]
    assert [users[s.get("creatingUser")] for s in same] == ["A", "B"]
    for selection in same:
        coders = {c.get("creatingUser") for c in selection.iter(f"{Q}Coding")}
        assert coders == {selection.get("creatingUser")}
    # Districts are cases that reference their segments; indicators are their variables.
    manfort = root.find(f"{Q}Cases/{Q}Case[@name='Manfort']")
    assert card.get("guid") in {r.get("targetGUID") for r in manfort.iter(f"{Q}SelectionRef")}
    assert len(manfort.findall(f"{Q}VariableValue")) == len(indicators(source, "Manfort")) > 0
    assert root.find(f"{Q}Sets/{Q}Set[@name='Quartiersworkshop Manfort']") is not None


def test_reimport_adds_nothing(source: Project, exported: Path, tmp_path: Path) -> None:
    target = fresh(tmp_path / "ziel")
    import_qdpx(target, exported)
    before = snapshot(target)
    again = import_qdpx(target, exported)
    assert (again.documents, again.existing, again.codings, again.memos) == (0, 10, 0, 0)
    assert snapshot(target) == before
    # The file's texts are the source project's own documents: nothing is added there either.
    before = snapshot(source)
    assert import_qdpx(source, exported).existing == 10
    assert snapshot(source) == before


def test_codings_added_elsewhere_are_merged_into_the_project(
    source: Project, exported: Path, tmp_path: Path
) -> None:
    """Export, code further in another program, import into the same project."""
    target = fresh(tmp_path / "ziel")
    import_qdpx(target, exported)
    root = qde_root(exported)
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
    changed = rezip(exported, tmp_path / "weiter.qdpx", etree.tostring(root))
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
    root = qde_root(out)
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


# -- bad input --------------------------------------------------------------------------
def _broken_qde(exported: Path, tmp_path: Path, change) -> Path:
    root = qde_root(exported)
    change(root)
    return rezip(exported, tmp_path / "kaputt.qdpx", etree.tostring(root))


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


def _workshop_date(date: str):
    """A change that gives the first workshop set ``date``, as if edited in MAXQDA."""

    def change(root: etree._Element) -> None:
        for description in root.iter(f"{Q}Description"):
            if (description.text or "").startswith("Werkbank-Workshop"):
                description.text = re.sub(r"Datum: .*", f"Datum: {date}", description.text)
                return

    return change


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
        lambda exported, t: rezip(exported, t / "kaputt.qdpx", drop="project.qde"),
        r"^Fehler: Datei kaputt\.qdpx: Im Archiv fehlt project\.qde",
    ),
    "kein XML": (
        lambda exported, t: rezip(exported, t / "kaputt.qdpx", b"<Project><Sources>"),
        r"^Fehler: Datei kaputt\.qdpx/project\.qde: project\.qde ist kein gültiges XML",
    ),
    "Textstelle außerhalb": (
        lambda exported, t: _broken_qde(exported, t, _outside),
        r"^Fehler: Datei kaputt\.qdpx/project\.qde: <PlainTextSelection guid=\"[0-9A-F-]+\"> "
        r"in TextSource Nr\. 1 \(GUID [0-9A-F]{8}…\): Textstelle \[31, 999999\) "
        r"liegt nicht im Text \(Länge \d+\)",
    ),
    "unbekannter Code": (
        lambda exported, t: _broken_qde(exported, t, _unknown_code),
        r"<Coding guid=\"[0-9A-F-]+\"> in TextSource Nr\. \d+ \(GUID [0-9A-F]{8}…\): CodeRef "
        r"00000000-0000-4000-8000-0000000000AA verweist auf keinen Code",
    ),
    "unbekannter Sozialraum": (
        lambda exported, t: _broken_qde(exported, t, _unknown_district),
        r"Unbekannte Sozialräume .*: Schlebusch\. Gültig sind: Alkenrath, Gesamtstadt, Manfort, "
        r"Opladen, Steinbüchel, Wiesdorf \(weitere mit: workbench districts --add NAME, oder "
        r"beim Import --add-districts\)",
    ),
    "Quelle fehlt": (
        lambda exported, t: rezip(
            exported, t / "kaputt.qdpx", drop=zipfile.ZipFile(exported).namelist()[1]
        ),
        r"Der Text einer Textquelle fehlt, nichts wurde importiert: TextSource Nr\. \d+ "
        r"\(GUID [0-9A-F-]{8}…\): Sources/[0-9A-F-]+\.txt\. Bitte das Projekt mitsamt "
        r"Quelltexten exportieren",
    ),
    "Pfad aus dem Ordner hinaus": (
        lambda exported, t: _broken_qde(exported, t, _escaping_path),
        r"Pfad 'relative://\.\./\.\./etc/passwd' verlässt den Projektordner",
    ),
    "absoluter Pfad": (
        lambda exported, t: _broken_qde(exported, t, _absolute_path),
        r"Pfad 'absolute:///etc/passwd' wird nicht gelesen",
    ),
    "Workshop-Datum, das es nicht gibt": (
        lambda exported, t: _broken_qde(exported, t, _workshop_date("31.02.2021")),
        r"Set Nr\. \d+ \(GUID [0-9A-F-]{8}…\): Datum '31\.02\.2021' nicht erkannt: diesen Tag "
        r"gibt es nicht",
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
    import_qdpx(project, maxqda_archive(tmp_path / "gut"))  # so "unchanged" means more than "empty"
    before = snapshot(project)
    bad = build(exported, tmp_path)
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert re.search(expected, err), err
    assert snapshot(project) == before


def test_a_workshop_date_edited_in_another_program_is_stored_as_a_date(
    exported: Path, project: Project, tmp_path: Path
) -> None:
    """The set of a workshop carries its date; changed in MAXQDA to "3. März 2021", it came
    back as that text: reports sorted and showed it as text, and PostgreSQL refused it
    (ten characters at most)."""
    import_qdpx(project, _broken_qde(exported, tmp_path, _workshop_date("Mi., 3. März 2021")))
    assert "2021-03-03" in set(project.workshops()["date"])
    assert all(len(d) == 10 for d in project.workshops()["date"].dropna())


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
    export = ["--project", str(source.path), "export", "--format", "qdpx", "--pseudonymised"]
    assert main([*export, "--originals", str(out)]) == 2
    assert "--originals und --pseudonymised schließen sich aus" in capsys.readouterr().err
    mixed = ["--project", str(tmp_path / "leer"), "import", str(out), str(tmp_path / "x.csv")]
    assert main(mixed) == 2
    assert "bitte getrennt" in capsys.readouterr().err


def test_import_files_names_the_function_for_a_qdpx(project: Project, tmp_path: Path) -> None:
    """`Project.import_files` on a .qdpx says which function reads it, not that .qdpx is
    unsupported while listing .qdpx as supported."""
    from workbench import InputError

    with pytest.raises(InputError) as refused:
        project.import_files([maxqda_archive(tmp_path / "m")])
    assert "import_qdpx(projekt, DATEI)" in str(refused.value)
    assert "nicht unterstützt" not in str(refused.value)
