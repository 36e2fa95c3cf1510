"""The project's own export, changed in MAXQDA and imported back: removed codings, edited
and deleted memos.

A file does not delete the team's work: what the colleague removed is named, with the
command that removes it here, and stays until someone runs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.pg import move_to
from tests.qdpx_data import Q, qde_root, rezip
from tests.test_qdpx_renamed_codes import _team_project
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.exchange.qdxml import stable_guid
from workbench.store import Memo, Meta
from workbench.store.coding_tables import EXPORT_MARKS_KEY


def _codings(project: Project) -> list[tuple]:
    table = project.codings()[["segment_id", "code", "coder", "start", "end"]]
    return sorted(map(tuple, table.values))


@pytest.mark.backends
def test_reimport_names_the_codings_removed_in_maxqda(
    tmp_path: Path, db_url: str | None, capsys
) -> None:
    project = move_to(_team_project(tmp_path), db_url)
    ids = [int(i) for i in project.segments()["segment_id"]]
    project.code_segment(ids[2], "Bedarf", "Björn")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    # In MAXQDA: Björn's code on the second statement and Jürgen's coded span are removed.
    root = qde_root(exported)
    bjoern = stable_guid("user", "Björn")

    def at(selection: etree._Element) -> tuple[str | None, str | None]:
        return selection.get("startPosition"), selection.get("endPosition")

    statements = [at(s) for s in root.iter(f"{Q}PlainTextSelection") if s.get("name")]
    for selection in list(root.iter(f"{Q}PlainTextSelection")):
        if at(selection) == statements[1] and selection.get("creatingUser") == bjoern:
            selection.getparent().remove(selection)  # each coder's codings: own selection
    span = next(s for s in root.iter(f"{Q}PlainTextSelection") if at(s) not in statements)
    span.getparent().remove(span)
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))
    # Here, after the export: a new coding the file cannot have.
    project.code_segment(ids[0], "Bedarf", "Ayşe Öztürk")
    before = _codings(project)
    folder = str(project.path)
    project.close()
    capsys.readouterr()

    assert main(["--project", folder, "import", str(changed)]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert (
        "Nicht mehr in der Datei (beim Export schon hier): 2 Kodierungen — im anderen "
        "Programm entfernt. Sie bleiben hier (entfernen: "
        f"workbench uncode {ids[0]} Themen/Jugend --coder Jürgen --start 14 --end 25; "
        f"workbench uncode {ids[1]} Herausforderung --coder Björn)."
    ) in out
    assert "maxqda.qdpx: bereits importiert, nichts geändert; der Datei fehlt" in out
    with Project.open(folder) as again:
        assert _codings(again) == before  # nothing removed on the file's word
    # The named command removes it; read again, the file names only the other one.
    assert (
        main(["--project", folder, "uncode", str(ids[1]), "Herausforderung", "--coder", "Björn"])
        == 0
    )
    with Project.open(folder) as again:
        notices = " ".join(import_qdpx(again, changed).notices)
    assert "1 Kodierung — im" in notices and "--coder Björn" not in notices


def _without(root: etree._Element, element: etree._Element) -> None:
    """Remove a coding or a note (with the references to it) as MAXQDA's user did."""
    for ref in list(root.iter(f"{Q}NoteRef")):
        if ref.get("targetGUID") == element.get("guid"):
            ref.getparent().remove(ref)
    element.getparent().remove(element)


@pytest.mark.backends
def test_the_exports_newest_coding_and_memo_removed_in_maxqda_are_named(
    tmp_path: Path, db_url: str | None
) -> None:
    """The export records what it held. Before, only codings and memos older than one the
    file still had were named: the newest of the export, removed by the colleague, could
    not be told from one made here after the export and stayed unmentioned."""
    project = move_to(_team_project(tmp_path), db_url)
    ids = [int(i) for i in project.segments()["segment_id"]]
    project.code_segment(ids[2], "Bedarf", "Björn")  # the export's newest coding …
    newest = project.add_memo("Zuletzt vor dem Export.", "Jürgen", segment=ids[2])  # … memo
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    root = qde_root(exported)
    bedarf = project.code_guids()["Bedarf"].upper()
    for coding in list(root.iter(f"{Q}Coding")):
        if coding.find(f"{Q}CodeRef").get("targetGUID").upper() == bedarf:
            _without(root, coding)
    for note in list(root.iter(f"{Q}Note")):
        if note.find(f"{Q}PlainTextContent").text == "Zuletzt vor dem Export.":
            _without(root, note)
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))
    # Here, after the export: a coding and a memo the file cannot have; then a second
    # export for another colleague, and more coding after it.
    project.code_segment(ids[1], "Bedarf", "Ayşe Öztürk")
    later = project.add_memo("Nach dem Export geschrieben.", "Björn")
    export_qdpx(project, tmp_path / "zweiter.qdpx")
    project.code_segment(ids[0], "Bedarf", "Jürgen")

    notices = " ".join(" ".join(import_qdpx(project, changed).notices).split())

    assert (
        "Nicht mehr in der Datei (beim Export schon hier): 1 Kodierung — im anderen Programm "
        f"entfernt. Sie bleibt hier (entfernen: workbench uncode {ids[2]} Bedarf --coder Björn)."
    ) in notices
    assert (
        f"Nicht mehr in der Datei (beim Export schon hier): Memo {newest} von Jürgen zu "
        f"Aussage {ids[2]} — im anderen Programm gelöscht. Es bleibt hier."
    ) in notices
    assert "Ayşe" not in notices and f"Memo {later}" not in notices
    assert "--coder Jürgen" not in notices
    project.close()


def test_a_file_exported_before_exports_were_recorded_names_nothing_made_since(
    tmp_path: Path,
) -> None:
    """A project of an older workbench: its first export was not recorded, the next one
    after the update is. The colleague's file from the first export must not have the
    codings made between the two called removed there (the uncode commands would delete
    the team's work): such a file is read back by the rule without a record."""
    project = _team_project(tmp_path)
    ids = [int(i) for i in project.segments()["segment_id"]]
    exported = tmp_path / "alt.qdpx"
    export_qdpx(project, exported)
    with project.transaction() as session:  # as an older workbench left it: no record
        session.delete(session.get(Meta, EXPORT_MARKS_KEY))
    project.code_segment(ids[1], "Bedarf", "Björn")  # between the two exports
    export_qdpx(project, tmp_path / "neu.qdpx")
    root = qde_root(exported)
    bjoern = stable_guid("user", "Björn")
    first = next(s for s in root.iter(f"{Q}PlainTextSelection") if s.get("name"))
    span = (first.get("startPosition"), first.get("endPosition"))
    for selection in root.iter(f"{Q}PlainTextSelection"):  # each coder's of the statement
        if (selection.get("startPosition"), selection.get("endPosition")) != span:
            continue
        for coding in selection.findall(f"{Q}Coding"):  # removed in MAXQDA
            if coding.get("creatingUser") == bjoern:
                selection.remove(coding)
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))

    notices = " ".join(" ".join(import_qdpx(project, changed).notices).split())

    assert "1 Kodierung — im anderen Programm entfernt. Sie bleibt hier (entfernen: " in notices
    assert f"workbench uncode {ids[0]} Herausforderung --coder Björn)" in notices
    project.close()


def test_a_file_of_another_project_names_no_removed_codings(tmp_path: Path) -> None:
    """The same statements coded only in another project: nothing of ours was exported."""
    project = _team_project(tmp_path)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    other = Project.create(tmp_path / "anderes", districts=["Manfort", "Opladen"])
    import_qdpx(other, exported)
    ids = [int(i) for i in other.segments()["segment_id"]]
    other.code_segment(ids[1], "Bedarf", "Clara")
    export_qdpx(other, tmp_path / "anderes.qdpx")
    other.close()
    root = qde_root(tmp_path / "anderes.qdpx")
    for coding in list(root.iter(f"{Q}Coding")):
        if coding.get("creatingUser") != stable_guid("user", "Clara"):
            coding.getparent().remove(coding)
    only_clara = rezip(tmp_path / "anderes.qdpx", tmp_path / "clara.qdpx", etree.tostring(root))
    result = import_qdpx(project, only_clara)
    assert result.codings == 1
    assert not [n for n in result.notices if "Nicht mehr in der Datei" in n]
    project.close()


@pytest.mark.backends
def test_a_maxqda_user_spelt_in_other_case_is_the_projects_coder(
    tmp_path: Path, db_url: str | None
) -> None:
    """Björn codes on in MAXQDA under his login 'björn': his codings came in as a second
    coder, who disagreed with Björn on every statement (and agreement counted four)."""
    project = move_to(_team_project(tmp_path), db_url)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    root = qde_root(exported)
    login = "9E000000-0000-4000-8000-000000000021"
    etree.SubElement(root.find(f"{Q}Users"), f"{Q}User", guid=login, name="björn")
    bedarf = project.code_guids()["Bedarf"]
    selection = next(s for s in root.iter(f"{Q}PlainTextSelection") if s.get("name"))
    coding = etree.SubElement(
        selection, f"{Q}Coding", guid="9E000000-0000-4000-8000-000000000022", creatingUser=login
    )
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=bedarf)
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))

    result = import_qdpx(project, changed)

    assert result.codings == 1
    assert sorted(set(project.codings()["coder"])) == ["Ayşe Öztürk", "Björn", "Jürgen"]
    assert (
        "Kodierende der Datei wie im Projekt geschrieben (nur Groß-/Kleinschreibung anders): "
        "„björn“ → Björn."
    ) in result.notices
    project.close()


def _memos(project: Project) -> list[tuple]:
    table = project.memos()[["memo_id", "target_type", "target_id", "author", "text"]]
    return sorted(map(tuple, table.values))


@pytest.mark.backends
def test_a_memo_edited_in_maxqda_replaces_its_text(
    tmp_path: Path, db_url: str | None, capsys
) -> None:
    project = move_to(_team_project(tmp_path), db_url)
    ids = [int(i) for i in project.segments()["segment_id"]]
    project.add_memo("Mit dem Jugendtreff sprechen.", "Jürgen", segment=ids[0])
    project.add_memo("Sättigung prüfen.", "Björn")
    project.add_memo("Nur hier.", "Björn", code="Bedarf")
    project.add_memo("Zwei Absätze.\n\nZweiter Absatz.", "Björn", code="Bedarf")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    # Read back unchanged: nothing doubled.
    before = _memos(project)
    assert import_qdpx(project, exported).memos == 0
    assert _memos(project) == before
    # In MAXQDA: the segment memo and the code memo edited, the project memo deleted.
    root = qde_root(exported)
    notes = {n.find(f"{Q}PlainTextContent").text: n for n in root.iter(f"{Q}Note")}
    edits = {
        "Mit dem Jugendtreff sprechen.": "Mit dem Jugendtreff sprechen: erledigt.",
        "Abgrenzung zu Bedarf klären.": "Abgrenzung zu Bedarf geklärt, siehe Codebuch.",
    }
    for old, new in edits.items():
        notes[old].find(f"{Q}PlainTextContent").text = new
        notes[old].set("modifiedDateTime", "2026-12-06T09:30:00Z")
    # another program's line breaks are no edit
    notes["Zwei Absätze.\n\nZweiter Absatz."].find(
        f"{Q}PlainTextContent"
    ).text = "Zwei Absätze.\r\n\r\nZweiter Absatz.\r\n"
    gone = notes["Sättigung prüfen."]
    gone.getparent().remove(gone)
    for ref in list(root.iter(f"{Q}NoteRef")):
        if ref.get("targetGUID") == gone.get("guid"):
            ref.getparent().remove(ref)
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))
    project.add_memo("Nach dem Export geschrieben.", "Ayşe Öztürk")  # never touched
    folder = str(project.path)
    project.close()
    capsys.readouterr()

    assert main(["--project", folder, "import", str(changed)]) == 0

    out = " ".join(capsys.readouterr().out.split())
    with Project.open(folder) as again:
        memos = again.memos().set_index("memo_id")
    by_text = {row.text: memo_id for memo_id, row in memos.iterrows()}
    # One memo each, with the new text, where it was; nothing else added or lost.
    assert len(memos) == 6
    segment_memo = by_text["Mit dem Jugendtreff sprechen: erledigt."]
    code_memo = by_text["Abgrenzung zu Bedarf geklärt, siehe Codebuch."]
    assert (memos.at[segment_memo, "target_type"], memos.at[segment_memo, "target_id"]) == (
        "segment",
        ids[0],
    )
    assert memos.at[code_memo, "target_type"] == "code"
    assert {"Sättigung prüfen.", "Nur hier.", "Nach dem Export geschrieben."} <= set(by_text)
    assert "Zwei Absätze.\n\nZweiter Absatz." in by_text
    assert (
        f"Im anderen Programm geändert, hier übernommen: Memo {code_memo} von Ayşe Öztürk zu "
        f"Code 'Herausforderung', Memo {segment_memo} von Jürgen zu Aussage {ids[0]}"
    ) in out
    deleted = by_text["Sättigung prüfen."]
    assert (
        f"Nicht mehr in der Datei (beim Export schon hier): Memo {deleted} von Björn zum "
        "Projekt — im anderen Programm gelöscht. Es bleibt hier."
    ) in out
    assert "Nach dem Export geschrieben" not in out and "Nur hier" not in out


def test_a_memo_naming_a_person_comes_back_unchanged(tmp_path: Path) -> None:
    """The export replaced the name in the memo; the placeholder is this project's person."""
    project = _team_project(tmp_path)
    ids = [int(i) for i in project.segments()["segment_id"]]
    project.add_memo("Rücksprache mit Anna Schmidt zum Jugendtreff.", "Jürgen", segment=ids[0])
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    key = project.pseudonym_key()
    before = _memos(project)

    result = import_qdpx(project, exported)

    assert result.memos == 0 and _memos(project) == before
    assert not [n for n in result.notices if "neu nummeriert" in n]
    assert len(project.pseudonym_key()) == len(key)  # no second person for Anna Schmidt
    # Edited in MAXQDA: the placeholder still means Anna Schmidt here.
    root = qde_root(exported)
    for text in root.iter(f"{Q}PlainTextContent"):
        if text.text.startswith("Rücksprache"):
            assert "[Person 1]" in text.text and "Anna" not in text.text
            text.text = text.text.replace("Jugendtreff.", "Jugendtreff: erledigt.")
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))
    result = import_qdpx(project, changed)
    memos = project.memos()
    assert "Rücksprache mit [Person 1] zum Jugendtreff: erledigt." in set(memos["text"])
    assert len(memos) == len(before) and len(project.pseudonym_key()) == len(key)
    project.close()


def test_a_memo_written_in_maxqda_keeps_its_title_and_comment(tmp_path: Path) -> None:
    """MAXQDA and ATLAS.ti name every memo; ATLAS.ti also comments on it."""
    project = _team_project(tmp_path)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    root = qde_root(exported)
    notes = root.find(f"{Q}Notes")
    clara = "9E000000-0000-4000-8000-000000000001"
    etree.SubElement(root.find(f"{Q}Users"), f"{Q}User", guid=clara, name="Clara")
    note = etree.SubElement(
        notes,
        f"{Q}Note",
        guid="9E000000-0000-4000-8000-000000000003",
        name="Gespräch mit Jürgen Krause",
        creatingUser=clara,
        creationDateTime="2026-12-06T09:00:00Z",
    )
    etree.SubElement(note, f"{Q}Description").text = "vorläufig"
    etree.SubElement(note, f"{Q}PlainTextContent").text = "Er will den Treff verlängern."
    etree.SubElement(root, f"{Q}NoteRef", targetGUID=note.get("guid"))
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))

    assert import_qdpx(project, changed).memos == 1

    memos = project.memos()
    text = memos.loc[memos["author"] == "Clara", "text"].item()
    assert text.startswith("Gespräch mit [Person ") and "Krause" not in text
    assert text.endswith("\n\nEr will den Treff verlängern.\n\nKommentar: vorläufig")
    # the project's own memos come back without a title added (their title is their text)
    assert set(memos.loc[memos["author"] != "Clara", "text"]) == {"Abgrenzung zu Bedarf klären."}
    # Imported by a workbench that dropped titles: read again, the memo is not doubled.
    with project.transaction() as session:
        session.get(
            Memo, int(memos.loc[memos["author"] == "Clara", "memo_id"].item())
        ).text = "Er will den Treff verlängern."
    assert import_qdpx(project, changed).memos == 0
    assert len(project.memos()) == len(memos)
    project.close()


@pytest.mark.backends
def test_a_second_colleagues_unedited_copy_does_not_bring_the_old_memo_back(
    tmp_path: Path, db_url: str | None
) -> None:
    """Two colleagues got the same export; one edited the memo, the other did not."""
    project = move_to(_team_project(tmp_path), db_url)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    root = qde_root(exported)
    next(root.iter(f"{Q}PlainTextContent")).text = "Abgrenzung zu Bedarf geklärt."
    edited = rezip(exported, tmp_path / "clara.qdpx", etree.tostring(root))
    assert import_qdpx(project, edited).memos == 1

    result = import_qdpx(project, exported)  # the other colleague's copy, memo untouched

    assert result.memos == 0
    assert project.memos()["text"].tolist() == ["Abgrenzung zu Bedarf geklärt."]
    project.close()


@pytest.mark.backends
def test_the_colleagues_next_file_with_the_edited_memo_changes_nothing(
    tmp_path: Path, db_url: str | None
) -> None:
    """The memo edited in MAXQDA was taken over; the colleague's next export (same note,
    same GUID, the edited text) is that memo again: no second memo, not 'gelöscht'."""
    project = move_to(_team_project(tmp_path), db_url)
    project.add_memo("Sättigung prüfen.", "Björn")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    root = qde_root(exported)
    notes = {n.find(f"{Q}PlainTextContent").text: n for n in root.iter(f"{Q}Note")}
    notes["Abgrenzung zu Bedarf klären."].find(
        f"{Q}PlainTextContent"
    ).text = "Abgrenzung zu Bedarf geklärt.\r\n"
    user = next(root.iter(f"{Q}User")).get("guid")  # and a memo of her own in MAXQDA
    own = etree.SubElement(
        root.find(f"{Q}Notes"),
        f"{Q}Note",
        guid="9E000000-0000-4000-8000-0000000000AA",
        name="Idee",
        creatingUser=user,
        creationDateTime="2026-12-06T09:30:00Z",
    )
    etree.SubElement(own, f"{Q}PlainTextContent").text = "Idee: Jugendforum fragen."
    edited = rezip(exported, tmp_path / "clara.qdpx", etree.tostring(root))
    project.add_memo("Nach dem Export geschrieben.", "Björn")  # never in her file
    assert import_qdpx(project, edited).memos == 2
    before = sorted(project.memos()["text"])

    again = import_qdpx(project, edited)  # read again, or Clara's next export

    assert again.memos == 0
    assert sorted(project.memos()["text"]) == before
    assert "Abgrenzung zu Bedarf geklärt." in before
    assert not any("gelöscht" in notice for notice in again.notices), again.notices
    project.close()


@pytest.mark.backends
def test_a_memo_two_colleagues_edited_differently_keeps_both_versions(
    tmp_path: Path, db_url: str | None
) -> None:
    """Clara (MAXQDA) and Dana (ATLAS.ti) got the same export and edited the same memo.
    Clara's text was taken over; Dana's came in as a second memo under the old first line
    as its title, and the import called the memo 'gelöscht' in her program."""
    project = move_to(_team_project(tmp_path), db_url)
    project.add_memo("Sättigung prüfen.", "Björn")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)

    def edited(name: str, text: str) -> Path:
        root = qde_root(exported)
        for content in root.iter(f"{Q}PlainTextContent"):
            if content.text == "Abgrenzung zu Bedarf klären.":
                content.text = text
        return rezip(exported, tmp_path / name, etree.tostring(root))

    clara = edited("clara.qdpx", "Abgrenzung zu Bedarf geklärt: nur Forderungen.")
    dana = edited("dana.qdpx", "Abgrenzung: Bedarf auch bei Wünschen.")
    assert import_qdpx(project, clara).memos == 1
    memo = int(project.memos().query("author == 'Ayşe Öztürk'")["memo_id"].item())

    result = import_qdpx(project, dana)

    memos = project.memos()
    assert len(memos) == 2
    assert memos.set_index("memo_id").loc[memo, "text"] == (
        "Abgrenzung zu Bedarf geklärt: nur Forderungen.\n\n"
        "Fassung aus dem anderen Programm (dort und hier verschieden geändert):\n"
        "Abgrenzung: Bedarf auch bei Wünschen."
    )
    notices = " ".join(result.notices)
    assert "gelöscht" not in notices
    assert (
        f"Hier und im anderen Programm verschieden geändert: Memo {memo} von Ayşe Öztürk zu "
        "Code 'Herausforderung' — keine Fassung ersetzt die andere"
    ) in notices
    # Either file again, or the unedited export: nothing changes.
    for again in (dana, clara, exported):
        assert import_qdpx(project, again).memos == 0
    assert project.memos().equals(memos)
    # The team settles the text in MAXQDA: the next import takes it over.
    export_qdpx(project, tmp_path / "team2.qdpx")
    root = qde_root(tmp_path / "team2.qdpx")
    for content in root.iter(f"{Q}PlainTextContent"):
        if content.text.startswith("Abgrenzung zu Bedarf geklärt"):
            content.text = "Bedarf: Forderungen und Wünsche."
    settled = rezip(tmp_path / "team2.qdpx", tmp_path / "einig.qdpx", etree.tostring(root))
    assert import_qdpx(project, settled).memos == 1
    assert project.memos().set_index("memo_id").loc[memo, "text"] == (
        "Bedarf: Forderungen und Wünsche."
    )
    project.close()


def test_codings_undone_here_and_brought_back_by_the_export_are_not_named_as_removed(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A's last codings are undone after the export; importing the export brings them back.
    They took the ids of the undone ones again (SQLite) and keep the file's date: the
    import named them 'im anderen Programm entfernt' and told the team to uncode them,
    though the file has them."""
    protocol = tmp_path / "manfort.md"
    protocol.write_text(
        "---\nworkshop: Werkstatt Manfort\ndistrict: Manfort\ndate: 2025-03-12\n---\n\n"
        "## Was fehlt?\n\n- Es fehlen Bänke am Marktplatz.\n- Der Spielplatz ist kaputt.\n",
        encoding="utf-8",
    )
    project.import_files([protocol])
    first, second = (int(i) for i in project.segments()["segment_id"])
    project.add_code("Bedarf")
    project.code_segment(first, "Bedarf", "B")
    project.code_segment(first, "Bedarf", "A")
    project.code_segment(second, "Bedarf", "A")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    project.undo("A", 2)
    capsys.readouterr()

    assert main(["--project", str(project.path), "import", str(exported)]) == 0
    out = capsys.readouterr().out
    assert "2 Kodierungen" in out and "übernommen" in out
    assert "Nicht mehr in der Datei" not in out and "uncode" not in out
    assert _codings(project) == [
        (first, "Bedarf", "A", 0, 30),
        (first, "Bedarf", "B", 0, 30),
        (second, "Bedarf", "A", 0, 26),
    ]
