"""REFI-QDA projects as QualCoder writes them (``refi.py``, ``RefiExport``), built here.

QualCoder's export: lower-case GUIDs, a lower-case ``sources/`` folder, plain texts in
UTF-8 with BOM, positions in code points, categories as ``isCodable="false"`` codes
without colour, coding memos as the selection's ``<Description>``, journals as notes
with a text file, and annotations as a ``<Note>`` holding its text and the
``<PlainTextSelection>`` it annotates, referenced from its ``<TextSource>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx

NS = "urn:QDA-XML:project:1.0"
COLIN = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
ANNA = "df241da2-bca0-4ad9-83c1-b89c98d83567"
CATEGORY = "2dfba8c9-59f5-4424-99d6-ea9bce18134b"
MOBILITY = "a3825924-8bf7-47c1-a51b-be9196147a56"
BENCHES = "d342cd5e-52d1-4894-a342-7d42ed947797"
SOURCE = "a2b94468-80a5-412f-92d6-e900d97b55a6"
PLAIN = "8e7fddfe-db36-48dc-b464-80c3a4decd90.txt"
JOURNAL = "4691a8a0-d67c-4dcc-91d6-e9075dc230cc"
DISTRICTS = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]  # as `project`
TEXT = (
    "I: Wie kommen Sie abends nach Hause? 🙂\n"
    "B: Ein Nachtbus fehlt. Die Busse fahren abends zu selten 👍🏽.\n\n"
    "I: Und am Markt?\n"
    "B: Wir brauchen mehr Bänke am Markt.\n"
)


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)  # code points, as QualCoder counts
    return start, start + len(words)


def _selection(guid: str, words: str, code: str, user: str, memo: str = "") -> str:
    start, end = _span(words)
    description = f"<Description>{memo}</Description>\n" if memo else ""
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" '
        f'name="{words}" creatingUser="{user}" creationDateTime="2024-03-05T10:11:12Z">\n'
        f'{description}<Coding guid="{guid[:-1]}f" creatingUser="{user}" >\n'
        f'<CodeRef targetGUID="{code}" />\n</Coding>\n</PlainTextSelection>\n'
    )


def _annotation(guid: str, words: str, memo: str) -> str:
    start, end = _span(words)
    return (
        f'<Note guid="{guid}" creatingUser="{COLIN}" creationDateTime="2024-03-06T08:00:00Z" >\n'
        f"<PlainTextContent>{memo}</PlainTextContent>\n"
        f'<PlainTextSelection guid="{guid[:-1]}e" startPosition="{start}" endPosition="{end}" />\n'
        "</Note>\n"
    )


def _qdpx(out: Path) -> Path:
    """A QualCoder 3.7 project: two coders, a category with a code, codings with a memo,
    a journal and two annotations (QualCoder refers only to the first from its source)."""
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Project '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Beirat.qda" '
        'origin="QualCoder 3.7" creatingUserGUID="0f758eeb-d61d-4e91-b250-79861c3869a6" '
        f'creationDateTime="2024-03-01T09:00:00Z" xmlns="{NS}">\n'
        f'<Users>\n<User guid="{COLIN}" name="colin" />\n<User guid="{ANNA}" name="anna" />\n'
        "</Users>\n<CodeBook>\n<Codes>\n"
        f'<Code guid="{BENCHES}" name="Sitzgelegenheiten" isCodable="true" color="#F5F5DC" />\n'
        f'<Code guid="{CATEGORY}" name="Bedarf" isCodable="false">\n'
        "<Description>Was fehlt im Quartier</Description>\n"
        f'<Code guid="{MOBILITY}" name="Mobilität" isCodable="true" color="#EB7333">\n'
        "<Description>Bus &amp; Bahn</Description>\n</Code>\n</Code>\n</Codes>\n</CodeBook>\n"
        "<Sources>\n"
        f'<TextSource plainTextPath="internal://{PLAIN}" creatingUser="{COLIN}" '
        f'creationDateTime="2024-03-01T09:00:00Z" guid="{SOURCE}" name="Interview.txt">\n'
        + _selection(
            "7f0fa382-05fe-4c93-b0f7-182a4c2eb7b1", "Nachtbus", MOBILITY, COLIN, "dringend"
        )
        + _selection("ee856ef0-6296-4fd3-8e5a-5e3d202a145c", "Busse fahren", MOBILITY, ANNA)
        + _selection("fea90668-ed71-4cd9-a47e-23d588f4207e", "Bänke", BENCHES, COLIN)
        + '<NoteRef targetGUID="0f758eeb-d61d-4e91-b250-79861c3869a1" />\n</TextSource>\n'
        "</Sources>\n<Notes>\n"
        f'<Note guid="{JOURNAL}" creatingUser="{COLIN}" creationDateTime="2024-03-02T08:00:00Z" '
        f'name="Forschungstagebuch"  plainTextPath="internal://{JOURNAL}.txt" >\n'
        "<Description /></Note>\n"
        + _annotation("0f758eeb-d61d-4e91-b250-79861c3869a1", "Bänke", "Seit 2020 abgebaut")
        + _annotation("0f758eeb-d61d-4e91-b250-79861c3869a2", "Nachtbus", "Linie N3 eingestellt")
        + "</Notes>\n<Description>Projektmemo</Description>\n</Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"sources/{PLAIN}", TEXT.encode("utf-8-sig"))
        archive.writestr(
            f"sources/{JOURNAL}.txt", "Zweites Interview geführt.\n".encode("utf-8-sig")
        )
    return out


def test_codes_codings_and_coders_arrive(project: Project, tmp_path: Path) -> None:
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    assert sorted((q.code, q.quote, q.coders) for q in project.quotes().itertuples()) == [
        ("Bedarf/Mobilität", "Busse fahren", "anna"),
        ("Bedarf/Mobilität", "Nachtbus", "colin"),
        ("Sitzgelegenheiten", "Bänke", "colin"),
    ]
    codebook = {spec.path: spec for spec in project.codebook()}
    assert codebook["Bedarf"].colour is None
    assert codebook["Bedarf"].description == "Was fehlt im Quartier"
    assert (codebook["Bedarf/Mobilität"].colour, codebook["Bedarf/Mobilität"].description) == (
        "#eb7333",
        "Bus & Bahn",
    )


def test_an_annotation_stays_on_the_words_it_annotates(project: Project, tmp_path: Path) -> None:
    """QualCoder keeps an annotation's span inside its note. Before, the note became a
    memo on the whole project ("Zu „Interview.txt“: Seit 2020 abgebaut"), the words it
    was about lost; now it is a memo on the statement with those words."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    memos = project.memos()
    segments = project.segments().set_index("segment_id")["text"]
    on_segments = {
        row.text: segments[row.target_id]
        for row in memos.itertuples()
        if row.target_type == "segment"
    }
    assert on_segments == {
        "dringend": "Ein Nachtbus fehlt. Die Busse fahren abends zu selten 👍🏽.",
        "Seit 2020 abgebaut": "Wir brauchen mehr Bänke am Markt.",
    }
    on_project = sorted(memos.loc[memos["target_type"] == "project", "text"])
    # the journal, and the annotation QualCoder's export refers to from nowhere
    assert on_project == [
        "Forschungstagebuch\n\nZweites Interview geführt.",
        "Linie N3 eingestellt",
    ]


def test_qualcoder_reads_our_export_with_each_coding_by_its_coder(
    project: Project, tmp_path: Path
) -> None:
    """QualCoder's import takes a coding's coder from its <PlainTextSelection>'s
    creatingUser, not from the <Coding> (an absent one is "default"; its coding view then
    shows such codings to nobody). Before, our selections named no one: every coding
    arrived as "default". A selection whose codings are all by one person now names her,
    as MAXQDA and NVivo write it (the schema allows it)."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    first = int(project.segments()["segment_id"].min())
    project.code_segment(first, "Sitzgelegenheiten", "colin")  # a whole statement
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        sources = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if "/" in n}
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{{{NS}}}User")}
    seen = set()
    for source in root.iter(f"{{{NS}}}TextSource"):
        text = sources[f"Sources/{source.get('guid')}.txt"]
        for selection in source.iter(f"{{{NS}}}PlainTextSelection"):
            if selection.find(f"{{{NS}}}Coding") is None:
                continue
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            as_qualcoder = users.get(selection.get("creatingUser"), "default")
            seen.add(
                (text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le"), as_qualcoder)
            )
    assert seen == {
        ("Nachtbus", "colin"),
        ("Busse fahren", "anna"),
        ("Bänke", "colin"),
        ("Wie kommen Sie abends nach Hause? 🙂", "colin"),
    }


def test_qualcoder_reads_our_memos(project: Project, tmp_path: Path) -> None:
    """QualCoder's import reads a <Note> only as a journal, from its plainTextPath, and stops
    with a TypeError at a second journal of the same name. Before, our notes held their
    text inline (<PlainTextContent>): every memo was lost there. Now, exported for
    QualCoder, each note's text is a file of its own, and each name (the memo's first line)
    is unique in the file."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    first, second = (int(i) for i in project.segments()["segment_id"][:2])
    project.add_memo("Offene Frage\nWer fährt nachts?", "colin", segment=first)
    project.add_memo("Offene Frage\nWo fehlen Bänke?", "anna", segment=second)
    project.add_memo("Zu klären: Abgrenzung", "anna", code="Bedarf/Mobilität")
    memos = sorted(project.memos()["text"])
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out, qualcoder=True)
    as_qualcoder = {}
    with zipfile.ZipFile(out) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        for note in root.iter(f"{{{NS}}}Note"):
            assert note.find(f"{{{NS}}}PlainTextContent") is None  # the schema: not both
            name, path = note.get("name"), note.get("plainTextPath")
            assert name and name not in as_qualcoder
            member = "Sources" + path.split("internal:/")[1]  # as QualCoder builds it
            as_qualcoder[name] = archive.read(member).decode("utf-8")
    assert sorted(as_qualcoder.values()) == memos
    assert as_qualcoder["Offene Frage (2)"].startswith("Offene Frage\n")
    # Another project reads them back as they were: a numbered name is no title.
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    import_qdpx(other, out)
    assert sorted(other.memos()["text"]) == memos


def _as_qualcoder(out: Path) -> list[tuple[str, str, str]]:
    """(code, coded words, coder) as QualCoder's import stores them: the coder from the
    selection's creatingUser ("default" without), one coding per code, span and coder
    (its table is unique on them; it drops the rest). The words: its text (read as UTF-8,
    a BOM kept, lines as written) sliced at the positions, in code points."""
    with zipfile.ZipFile(out) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        sources = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if "/" in n}
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{{{NS}}}User")}
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{{{NS}}}Code")}
    stored = {}
    for source in root.iter(f"{{{NS}}}TextSource"):
        text = sources[f"Sources/{source.get('guid')}.txt"]
        assert "\r" not in text  # else QualCoder's reading of line breaks would matter here
        for selection in source.iter(f"{{{NS}}}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            words = text[start:end]
            owner = users.get(selection.get("creatingUser"), "default")
            for coding in selection.iter(f"{{{NS}}}Coding"):
                code = codes[coding.find(f"{{{NS}}}CodeRef").get("targetGUID")]
                stored.setdefault((code, start, end, owner), (code, words, owner))
    return sorted(stored.values())


def test_two_coders_on_one_passage_both_reach_qualcoder(project: Project, tmp_path: Path) -> None:
    """Two people coding the same statement (or the same words) with the same code, as
    for an agreement check. Before, both codings stood in one selection without a
    creatingUser: QualCoder stored one of them, as "default". Now each coder's codings
    stand in a selection of their own over the same span, which names them."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    segments = project.segments().sort_values("position")
    last = int(segments["segment_id"].iloc[-1])
    for coder in ("colin", "anna"):
        project.code_segment(last, "Sitzgelegenheiten", coder)  # the whole statement
    busse = int(segments["segment_id"].iloc[1])  # "Ein Nachtbus fehlt. Die Busse fahren …"
    text = segments["text"].iloc[1]
    start = text.index("Busse fahren")
    project.code_segment(busse, "Bedarf/Mobilität", "colin", start, start + len("Busse fahren"))
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out, qualcoder=True)
    statement = "Wir brauchen mehr Bänke am Markt."
    assert _as_qualcoder(out) == [
        ("Mobilität", "Busse fahren", "anna"),
        ("Mobilität", "Busse fahren", "colin"),
        ("Mobilität", "Nachtbus", "colin"),
        ("Sitzgelegenheiten", "Bänke", "colin"),
        ("Sitzgelegenheiten", statement, "anna"),
        ("Sitzgelegenheiten", statement, "colin"),
    ]
    # Read back here: the same codings, and a second export gives the same bytes.
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    import_qdpx(other, out)
    columns = ["code", "quote", "coders"]
    assert sorted(map(tuple, other.quotes()[columns].to_numpy().tolist())) == sorted(
        map(tuple, project.quotes()[columns].to_numpy().tolist())
    )
    again = tmp_path / "nochmal.qdpx"
    export_qdpx(other, again, name=project.path.name, qualcoder=True)
    assert again.read_bytes() == out.read_bytes()


def test_codings_after_emoji_land_on_their_words_in_qualcoder(
    project: Project, tmp_path: Path, capsys
) -> None:
    """QualCoder reads positions as Python code points; our export counts UTF-16 code
    units (MAXQDA, NVivo, ATLAS.ti). Before, every coding behind an emoji stood shifted
    in QualCoder by one character per emoji before it ("usse fahren " for "Busse
    fahren" behind 🙂). ``workbench export --qualcoder`` writes code points, says so in
    the origin, and reads back as it was written."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    segments = project.segments().sort_values("position")
    second = int(segments["segment_id"].iloc[1])
    text = segments["text"].iloc[1]  # "Ein Nachtbus fehlt. Die Busse fahren abends zu selten 👍🏽."
    start = text.index("zu selten 👍🏽.")
    project.code_segment(second, "Sitzgelegenheiten", "anna", start, len(text))
    third = int(segments["segment_id"].iloc[2])  # behind 🙂 and 👍🏽: three astral characters
    project.code_segment(third, "Sitzgelegenheiten", "anna")
    folder = str(project.path)
    project.close()
    out = tmp_path / "fuer-qualcoder.qdpx"
    assert main(["--project", folder, "export", "--format", "qdpx", "--qualcoder", str(out)]) == 0
    assert "für QualCoder (Textpositionen in Unicode-Zeichen)" in capsys.readouterr().out
    assert _as_qualcoder(out) == [
        ("Mobilität", "Busse fahren", "anna"),
        ("Mobilität", "Nachtbus", "colin"),
        ("Sitzgelegenheiten", "Bänke", "colin"),
        ("Sitzgelegenheiten", "Und am Markt?", "anna"),
        ("Sitzgelegenheiten", "zu selten 👍🏽.", "anna"),
    ]
    # Read back here (and by a colleague's workbench): every coding on its words, no
    # notice, and the same bytes again.
    with Project.open(folder) as same:
        before = sorted(map(tuple, same.quotes()[["code", "quote"]].to_numpy().tolist()))
        result = import_qdpx(same, out)
        assert (result.documents, result.codings, result.notices) == (0, 0, ())
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    assert import_qdpx(other, out).notices == ()
    assert sorted(map(tuple, other.quotes()[["code", "quote"]].to_numpy().tolist())) == before
    again = tmp_path / "nochmal.qdpx"
    export_qdpx(other, again, name=Path(folder).name, qualcoder=True)
    assert again.read_bytes() == out.read_bytes()
    # Without the option: UTF-16, as before.
    export_qdpx(other, tmp_path / "utf16.qdpx")
    assert _as_qualcoder(tmp_path / "utf16.qdpx") != _as_qualcoder(out)


def test_qualcoder_option_needs_a_qdpx_export(project: Project, tmp_path: Path, capsys) -> None:
    folder = str(project.path)
    project.close()
    out = tmp_path / "tabelle.csv"
    code = main(["--project", folder, "export", "--format", "csv", "--qualcoder", str(out)])
    assert code == 2
    assert "--qualcoder gilt nur für --format qdpx" in capsys.readouterr().err
    assert not out.exists()


def _back_from_qualcoder(ours: Path, out: Path) -> Path:
    """Our export as QualCoder exports it again after importing it: the description of a
    coded selection is each of its codings' memo, and each coding is written as a
    selection of its own carrying that memo (its ``text_selection_xml``); notes come back
    as journals; texts in UTF-8 with BOM under ``sources/``."""
    with zipfile.ZipFile(ours) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        texts = {n: archive.read(n) for n in archive.namelist() if n.startswith("Sources/")}
    root.set("origin", "QualCoder 3.7")
    for source in root.iter(f"{{{NS}}}TextSource"):
        for index, selection in enumerate(list(source)):
            codings = selection.findall(f"{{{NS}}}Coding")
            if selection.tag != f"{{{NS}}}PlainTextSelection" or not codings:
                continue
            source.remove(selection)
            memo = selection.find(f"{{{NS}}}Description")
            for number, coding in enumerate(codings):
                copy = ET.Element(selection.tag, dict(selection.attrib))
                copy.set("guid", f"{selection.get('guid')[:-3]}{number:03d}".lower())
                copy.set("creatingUser", coding.get("creatingUser"))
                if memo is not None:
                    copy.append(memo)
                copy.append(coding)
                source.insert(index + number, copy)
    # Every note a journal (its text, name, author and time), under a new GUID, its
    # references and description gone (``create_journal_note_xml``).
    for ref in [r for r in root.iter() if r.tag == f"{{{NS}}}NoteRef"]:
        next(e for e in root.iter() if ref in list(e)).remove(ref)
    for number, note in enumerate(root.iter(f"{{{NS}}}Note")):
        old = note.get("plainTextPath").removeprefix("internal://")
        guid = f"0f758eeb-d61d-4e91-b250-{number:012d}"
        texts[f"Sources/{guid}.txt"] = texts.pop(f"Sources/{old}")
        note.set("guid", guid)
        note.set("plainTextPath", f"internal://{guid}.txt")
        for child in list(note):
            note.remove(child)
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", ET.tostring(root, encoding="utf-8"))
        for name, data in texts.items():
            archive.writestr("sources/" + name.split("/", 1)[1], b"\xef\xbb\xbf" + data)
    return out


def test_a_statement_with_two_codes_comes_back_from_qualcoder(
    project: Project, tmp_path: Path
) -> None:
    """QualCoder keeps our statement's description as the memo of each coding and writes
    each coding as a selection of its own with it: a statement with two codes came back
    as two statements with the same Quelle-ID, and the import stopped ("Quelle-ID '2'
    steht schon bei …"). The same statement marked twice at the same place is one."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    segments = project.segments().sort_values("position")
    for segment in segments["segment_id"]:
        project.code_segment(int(segment), "Sitzgelegenheiten", "anna")
    second = int(segments["segment_id"].iloc[1])
    project.code_segment(second, "Bedarf/Mobilität", "anna")
    project.code_segment(second, "Bedarf/Mobilität", "colin")
    ours = tmp_path / "fuer-qualcoder.qdpx"
    export_qdpx(project, ours, qualcoder=True)
    back = _back_from_qualcoder(ours, tmp_path / "zurueck.qdpx")
    columns = ["source_id", "code", "quote", "coders"]
    before = sorted(map(tuple, project.quotes()[columns].to_numpy().tolist()))
    result = import_qdpx(project, back)
    assert (result.documents, result.codings) == (0, 0)
    assert sorted(map(tuple, project.quotes()[columns].to_numpy().tolist())) == before
    other = Project.create(tmp_path / "anderes", districts=DISTRICTS)
    import_qdpx(other, back)
    assert sorted(map(tuple, other.quotes()[columns].to_numpy().tolist())) == before


def test_memos_come_back_from_qualcoder_once(project: Project, tmp_path: Path) -> None:
    """QualCoder reads every note of ours as a journal and exports it under a new GUID,
    without its target. Read back, each memo came again, as a project memo beside the
    memo on its statement or code. A note with a memo's author, time and text is that
    memo."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    first = int(project.segments()["segment_id"].min())
    for segment in project.segments()["segment_id"]:
        project.code_segment(int(segment), "Sitzgelegenheiten", "anna")
    project.add_memo("Offene Frage\nWer fährt nachts?", "anna", segment=first)
    project.add_memo("Abgrenzung klären", "colin", code="Bedarf/Mobilität")
    columns = ["memo_id", "target_type", "target_id", "author", "text"]
    before = sorted(map(tuple, project.memos()[columns].to_numpy().tolist()))
    ours = tmp_path / "fuer-qualcoder.qdpx"
    export_qdpx(project, ours, qualcoder=True)
    result = import_qdpx(project, _back_from_qualcoder(ours, tmp_path / "zurueck.qdpx"))
    assert result.memos == 0
    assert sorted(map(tuple, project.memos()[columns].to_numpy().tolist())) == before
    assert not [n for n in result.notices if "gelöscht" in n]


def test_memos_stay_inside_their_notes_for_the_other_programs(
    project: Project, tmp_path: Path
) -> None:
    """Without --qualcoder the notes keep their text inside (<PlainTextContent>), as MAXQDA
    and ATLAS.ti write and read them: no note files beside the sources."""
    import_qdpx(project, _qdpx(tmp_path / "beirat.qdpx"))
    first = int(project.segments()["segment_id"].min())
    project.add_memo("Offene Frage\nWer fährt nachts?", "colin", segment=first)
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        members = set(archive.namelist())
    notes = list(root.iter(f"{{{NS}}}Note"))
    assert notes and all(n.get("plainTextPath") is None for n in notes)
    texts = [n.find(f"{{{NS}}}PlainTextContent").text for n in notes]
    assert "Offene Frage\nWer fährt nachts?" in texts and all(texts)
    assert not {f"Sources/{n.get('guid')}.txt" for n in notes} & members


def test_export_for_qualcoder_names_codes_of_the_same_name(
    project: Project, tmp_path: Path, capsys
) -> None:
    """QualCoder keeps a code name once: "Sonstiges" under Bedarf and under Ressource
    became one code there on import without a word. The export names them and how to
    tell them apart; a MAXQDA export (positions in UTF-16) has no such limit."""
    for path in ("Bedarf", "Bedarf/Sonstiges", "Ressource", "Ressource/Sonstiges", "Wohnen"):
        project.add_code(path)
    folder = str(project.path)
    project.close()
    out = tmp_path / "fuer-qualcoder.qdpx"
    assert main(["--project", folder, "export", "--format", "qdpx", "--qualcoder", str(out)]) == 0
    printed = capsys.readouterr().out
    assert (
        "Hinweis: Code 'Sonstiges' steht mehrmals im Codebuch (Bedarf/Sonstiges, "
        "Ressource/Sonstiges): QualCoder kennt jeden Codenamen nur einmal"
    ) in printed
    assert "workbench codebook rename Bedarf/Sonstiges 'Sonstiges (Bedarf)'" in printed
    assert "Wohnen" not in printed
    assert main(["--project", folder, "export", "--format", "qdpx", str(out)]) == 0
    assert "Hinweis" not in capsys.readouterr().out
