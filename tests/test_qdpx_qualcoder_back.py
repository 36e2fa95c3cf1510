"""QualCoder's own export read back: what its ``refi.py`` writes as it writes it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from tests.qdpx_data import segments_of
from tests.test_qdpx_qualcoder import DISTRICTS, NS, _back_from_qualcoder, _qdpx
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.exchange.qdxml import split_uncoded


def _rewrite(path: Path, out: Path, old: str, new: str) -> Path:
    """``path`` with ``old`` replaced by ``new`` in its project.qde, written to ``out``."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    qde = members["project.qde"].decode("utf-8")
    assert old in qde
    members["project.qde"] = qde.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def test_an_annotation_with_an_ampersand_is_read(project: Project, tmp_path: Path, capsys) -> None:
    """QualCoder writes an annotation's text into its note unmasked
    (``create_annotation_note_xml``): "Bus & Bahn" in a memo made its .qdpx invalid XML,
    and the import refused the whole project. The note's text is read as written, and
    the import says so with the line."""
    qdpx = _rewrite(
        _qdpx(tmp_path / "beirat.qdpx"),
        tmp_path / "anmerkung.qdpx",
        "<PlainTextContent>Seit 2020 abgebaut</PlainTextContent>",
        "<PlainTextContent>Seit 2020 abgebaut & <neu> geplant; R&amp;D &#228;</PlainTextContent>",
    )
    folder = str(project.path)
    project.close()
    assert main(["--project", folder, "import", str(qdpx)]) == 0
    out = capsys.readouterr().out
    assert "ein Notiztext mit unmaskiertem" in out and "Zeile 43" in out
    with Project.open(folder) as again:
        memos = again.memos()
        segments = again.segments().set_index("segment_id")["text"]
        on_segments = {
            segments[row.target_id]: row.text
            for row in memos.itertuples()
            if row.target_type == "segment"
        }
        assert len(again.quotes()) == 3
    assert on_segments["Wir brauchen mehr Bänke am Markt."] == (
        "Seit 2020 abgebaut & <neu> geplant; R&D ä"
    )


def test_other_broken_xml_is_still_refused(project: Project, tmp_path: Path, capsys) -> None:
    """Masking note texts is no licence for any broken file: an unmasked "&" elsewhere
    still stops the import with the file and the line, nothing stored. The message said
    "kein vollständiges XML (abgeschnitten oder beschädigt?)" for a bare "&", sending the
    user to look for a truncated download; it now names the usual cause."""
    qdpx = _rewrite(
        _qdpx(tmp_path / "beirat.qdpx"),
        tmp_path / "kaputt.qdpx",
        "<Description>Was fehlt im Quartier</Description>",
        "<Description>Was fehlt & wo</Description>",
    )
    folder = str(project.path)
    project.close()
    assert main(["--project", folder, "import", str(qdpx)]) == 2
    err = capsys.readouterr().err
    assert "kaputt.qdpx/project.qde" in err and "kein gültiges XML: Zeile 11" in err
    # what is wrong there, not "abgeschnitten oder beschädigt?"
    assert "unerlaubtes Zeichen (meist ein „&“ oder „<“ in einem Text" in err
    with Project.open(folder) as again:
        assert again.segments().empty


def _only_coded(path: Path, older: bool = False) -> Path:
    """``path`` as QualCoder exports it: only coded selections (``text_selection_xml``
    reads its codings table; a selection without a coding is not there). ``older``: as
    from an export of an earlier workbench, whose source descriptions did not list the
    statements without a code (or with that list deleted in QualCoder's memo)."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    for source in root.iter(f"{{{NS}}}TextSource"):
        description = source.find(f"{{{NS}}}Description")
        if older and description is not None:
            description.text = split_uncoded(description.text or "")[0]
        for selection in list(source):
            if selection.tag == f"{{{NS}}}PlainTextSelection" and not selection.findall(
                f"{{{NS}}}Coding"
            ):
                source.remove(selection)
    members["project.qde"] = ET.tostring(root, encoding="utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_uncoded_statements_come_back_from_qualcoder_into_a_new_project(
    project: Project, tmp_path: Path
) -> None:
    """QualCoder exports only coded selections: of our statements only those with a
    code of their own kept their marker. Read into a new project, the others were lost
    (here three of four, with the coding "Bänke" on one of them: "liegen außerhalb aller
    Aussagen"). In a file without the list of uncoded statements (an earlier export) a
    line that no marked statement touches is a statement again."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    second = int(project.segments().sort_values("position")["segment_id"].iloc[1])
    project.code_segment(second, "Sitzgelegenheiten", "anna")
    ours = tmp_path / "fuer-qualcoder.qdpx"
    export_qdpx(project, ours, qualcoder=True)
    back = _only_coded(_back_from_qualcoder(ours, tmp_path / "zurueck.qdpx"), older=True)
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    result = import_qdpx(other, back)
    columns = ["text", "speaker_role"]
    assert other.segments().sort_values("position")[columns].to_numpy().tolist() == (
        project.segments().sort_values("position")[columns].to_numpy().tolist()
    )
    quotes = ["code", "quote", "coders"]
    assert sorted(map(tuple, other.quotes()[quotes].to_numpy().tolist())) == sorted(
        map(tuple, project.quotes()[quotes].to_numpy().tolist())
    )
    assert any("3 Zeilen ohne Markierung als Aussage gelesen" in n for n in result.notices)
    # Our own exports keep every statement's marker: nothing is read twice or added.
    again = Project.create(tmp_path / "nochmal", districts=DISTRICTS)
    assert import_qdpx(again, ours).notices == ()
    assert len(again.segments()) == len(project.segments())


def test_a_utf16_export_coded_further_in_qualcoder_reads_each_coding_on_its_words(
    project: Project, tmp_path: Path
) -> None:
    """Exported without --qualcoder (UTF-16), coded further in QualCoder and exported
    there: our selections keep their UTF-16 numbers (QualCoder reads and writes them as
    code points), the colleague's new ones count code points. The file was read in one
    counting: "Markt." behind 🙂 and 👍🏽 arrived as "am Mar". Each selection is now read
    in the counting that puts it on word boundaries, and the import says why."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    for segment in project.segments()["segment_id"]:
        project.code_segment(int(segment), "Sitzgelegenheiten", "anna")
    ours = tmp_path / "utf16.qdpx"
    export_qdpx(project, ours)
    with zipfile.ZipFile(ours) as archive:  # without notes: QualCoder's journals aside
        members = {n: archive.read(n) for n in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    root.remove(root.find(f"{{{NS}}}Notes"))
    members["project.qde"] = ET.tostring(root, encoding="utf-8")
    with zipfile.ZipFile(ours, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    back = _back_from_qualcoder(ours, tmp_path / "zurueck.qdpx")
    with zipfile.ZipFile(back) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    source = next(root.iter(f"{{{NS}}}TextSource"))
    path = "sources/" + source.get("plainTextPath").removeprefix("internal://")
    text = members[path].decode("utf-8-sig")
    start = text.index("Markt.")  # code points, as QualCoder counts
    code = next(c for c in root.iter(f"{{{NS}}}Code") if c.get("name") == "Mobilität")
    user = next(u for u in root.iter(f"{{{NS}}}User") if u.get("name") == "anna")
    selection = ET.SubElement(
        source,
        f"{{{NS}}}PlainTextSelection",
        guid="7e0e0e0e-0000-4000-8000-000000000001",
        startPosition=str(start),
        endPosition=str(start + len("Markt.")),
        creatingUser=user.get("guid"),
    )
    coding = ET.SubElement(
        selection, f"{{{NS}}}Coding", guid="7e0e0e0e-0000-4000-8000-000000000002"
    )
    ET.SubElement(coding, f"{{{NS}}}CodeRef", targetGUID=code.get("guid"))
    members["project.qde"] = ET.tostring(root, encoding="utf-8")
    with zipfile.ZipFile(back, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    columns = ["code", "quote", "coders"]
    before = sorted(map(tuple, project.quotes()[columns].to_numpy().tolist()))
    result = import_qdpx(project, back)
    assert result.codings == 1  # ours recognised where they were, one new
    after = sorted(map(tuple, project.quotes()[columns].to_numpy().tolist()))
    assert after == sorted([*before, ("Bedarf/Mobilität", "Markt.", "anna")])
    assert any("die Datei mischt beide Zählweisen" in n for n in result.notices)


def test_our_questions_come_back_as_questions_not_as_statements(
    project: Project, tmp_path: Path
) -> None:
    """A protocol exported for QualCoder holds its questions as lines of the text. Back
    from QualCoder into a new project, the line "Was fehlt im Quartier?" was read as a
    statement and the uncoded statement under it had no question. A line that is a
    marked statement's question is its heading; the statement between it and the coded
    one has that question. In an earlier export (no list of the uncoded statements) a
    question without a coded statement under it stays unknown: its line is read as a
    statement, and the lines under it get no question; now every statement keeps its own."""
    import docx

    document = docx.Document()
    document.add_paragraph("Protokoll Stadtteilworkshop Manfort", style="Title")
    document.add_paragraph("Datum: 12.03.2021")
    document.add_heading("Was fehlt im Quartier?", 1)
    document.add_paragraph("Ein Treffpunkt für Jugendliche am Markt.")
    document.add_paragraph("Die Busse fahren abends zu selten.")
    document.add_heading("Was gibt es schon?", 1)
    document.add_paragraph("Der Sportverein öffnet seine Halle.")
    document.save(tmp_path / "workshop.docx")
    project.import_files([tmp_path / "workshop.docx"], district="Manfort")
    coded = project.segments().set_index("text")["segment_id"]
    project.add_code("Mobilität")
    project.code_segment(int(coded["Die Busse fahren abends zu selten."]), "Mobilität", "anna")
    ours = tmp_path / "fuer-qualcoder.qdpx"
    export_qdpx(project, ours, qualcoder=True)
    for older, expected in [
        (False, project.segments().sort_values("position")[["question", "text"]]),
        (True, None),
    ]:
        back = _only_coded(_back_from_qualcoder(ours, tmp_path / "zurueck.qdpx"), older)
        other = Project.create(tmp_path / f"anderes-{older}", districts=DISTRICTS)
        import_qdpx(other, back)
        rows = other.segments().sort_values("position")[["question", "text"]]
        if expected is not None:
            assert rows.to_numpy().tolist() == expected.to_numpy().tolist()
            continue
        assert [(q if isinstance(q, str) else None, t) for q, t in rows.to_numpy().tolist()] == [
            ("Was fehlt im Quartier?", "Ein Treffpunkt für Jugendliche am Markt."),
            ("Was fehlt im Quartier?", "Die Busse fahren abends zu selten."),
            (None, "Was gibt es schon?"),
            (None, "Der Sportverein öffnet seine Halle."),
        ]


def test_back_into_the_original_project_no_lines_are_said_to_be_added(
    project: Project, tmp_path: Path
) -> None:
    """Back from QualCoder into the project it came from, the document is there and no
    line is added as a statement; before, the import said "3 Zeilen ohne Markierung als
    Aussage gelesen … Bitte prüfen" all the same, and sent the user looking for them."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    second = int(project.segments().sort_values("position")["segment_id"].iloc[1])
    project.code_segment(second, "Sitzgelegenheiten", "anna")
    before = project.segments()[["segment_id", "text"]].to_numpy().tolist()
    ours = tmp_path / "fuer-qualcoder.qdpx"
    export_qdpx(project, ours, qualcoder=True)
    back = _only_coded(_back_from_qualcoder(ours, tmp_path / "zurueck.qdpx"))
    result = import_qdpx(project, back)
    assert not any("ohne Markierung" in n for n in result.notices)
    assert project.segments()[["segment_id", "text"]].to_numpy().tolist() == before
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    back = _only_coded(_back_from_qualcoder(ours, tmp_path / "zurueck.qdpx"), older=True)
    notices = import_qdpx(other, back).notices
    assert [n for n in notices if "ohne Markierung" in n] == [
        "TextSource Nr. 1 (GUID 7CB66024…): 3 Zeilen ohne Markierung als Aussage gelesen "
        "(Quelle-ID „Z“ "
        "und Zeilennummer): QualCoder exportiert nur kodierte Textstellen, Aussagen ohne Code "
        "verlieren dort ihre Markierung. Bitte prüfen, ob Überschriften oder Leitfragen "
        "darunter sind."
    ]


def test_uncoded_statements_keep_their_source_id_and_question_through_qualcoder(
    project: Project, tmp_path: Path
) -> None:
    """Statements without a code came back from QualCoder as lines "Z3", "Z5" without
    workshop or question (decision 005, session 28: QualCoder exports coded selections
    only). The export for QualCoder lists them under the source's description, which
    QualCoder keeps as the source's memo; read back, each is the statement it was."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    second = int(project.segments().sort_values("position")["segment_id"].iloc[1])
    project.code_segment(second, "Sitzgelegenheiten", "anna")
    ours = tmp_path / "fuer-qualcoder.qdpx"
    export_qdpx(project, ours, qualcoder=True)
    back = _only_coded(_back_from_qualcoder(ours, tmp_path / "zurueck.qdpx"))
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    result = import_qdpx(other, back)
    assert not any("ohne Markierung" in n for n in result.notices)
    assert segments_of(other) == segments_of(project)
    assert other.documents()["title"].tolist() == project.documents()["title"].tolist()
    # the list goes out again as it came in (memos differ: QualCoder made them journals)
    export_qdpx(other, tmp_path / "wieder.qdpx", qualcoder=True)
    assert _source_descriptions(tmp_path / "wieder.qdpx") == _source_descriptions(ours)
    assert "Quelle-ID: 3" in _source_descriptions(ours)[0]


def _source_descriptions(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    return [s.findtext(f"{{{NS}}}Description") or "" for s in root.iter(f"{{{NS}}}TextSource")]
