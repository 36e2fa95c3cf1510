"""The project's own export, a code renamed or moved in MAXQDA, imported back.

MAXQDA, ATLAS.ti and NVivo keep a code's GUID when it is renamed or moved; the workbench
wrote that GUID (``code_guid`` of the path at export). Read back, the code is the
project's code: its codings and memos must not be doubled under a second code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.pg import move_to
from tests.qdpx_data import Q, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.coding.codebook_qdc import NAMESPACE as QDC
from workbench.exchange.qdpx import export_qdpx, import_qdpx

PROTOCOL = """---
workshop: Quartiersworkshop Manfort
district: Manfort
date: 2021-03-12
---
# Quartiersworkshop Manfort

## Herausforderungen und Bedarfe

- Es fehlen Treffpunkte für Jugendliche am Abend.
- Die Busverbindung nach Opladen ist abends zu selten.
- Viele ältere Menschen sind seit der Pandemie einsam.
"""


def _team_project(folder: Path) -> Project:
    """Three coders on three statements, a code memo, a subcode."""
    protocol = folder / "manfort.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    project = Project.create(folder / "projekt", districts=["Manfort", "Opladen"])
    project.import_files([protocol])
    for path in ("Herausforderung", "Bedarf", "Themen", "Themen/Jugend"):
        project.add_code(path)
    ids = [int(i) for i in project.segments()["segment_id"]]
    for coder in ("Jürgen", "Ayşe Öztürk", "Björn"):
        for segment in ids:
            project.code_segment(segment, "Herausforderung", coder)
    project.code_segment(ids[0], "Themen/Jugend", "Jürgen", start=14, end=25)
    project.add_memo("Abgrenzung zu Bedarf klären.", "Ayşe Öztürk", code="Herausforderung")
    return project


def _renamed_in_maxqda(exported: Path, out: Path) -> Path:
    """The export after a MAXQDA user renamed two codes, moved one and coded one more."""
    root = qde_root(exported)
    codes = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    codes["Herausforderung"].set("name", "Herausforderungen")
    codes["Jugend"].set("name", "Jugendliche")
    codes["Bedarf"].append(codes["Jugend"])  # moved from Themen to Bedarf
    users = root.find(f"{Q}Users")
    guid = "9E000000-0000-4000-8000-000000000001"
    etree.SubElement(users, f"{Q}User", guid=guid, name="Clara")
    selection = next(root.iter(f"{Q}PlainTextSelection"))
    coding = etree.SubElement(
        selection, f"{Q}Coding", guid="9E000000-0000-4000-8000-000000000002", creatingUser=guid
    )
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=codes["Herausforderung"].get("guid"))
    return rezip(exported, out, etree.tostring(root))


def test_codes_renamed_elsewhere_keep_their_codings_once(tmp_path: Path) -> None:
    project = _team_project(tmp_path)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    before_codes = sorted(s.path for s in project.codebook())
    before = sorted(map(tuple, project.codings()[["segment_id", "code", "coder"]].values))

    result = import_qdpx(project, _renamed_in_maxqda(exported, tmp_path / "maxqda.qdpx"))

    # No second code, nothing doubled; the one new coding lands on the project's code.
    assert sorted(s.path for s in project.codebook()) == before_codes
    after = sorted(map(tuple, project.codings()[["segment_id", "code", "coder"]].values))
    first = before[0][0]
    assert after == sorted([*before, (first, "Herausforderung", "Clara")])
    assert result.codings == 1 and result.codes == 0
    memos = project.memos()
    assert len(memos[memos["target_type"] == "code"]) == 1
    # The user learns which codes were recognised and how to take over the new names.
    said = " ".join(result.notices)
    assert "'Herausforderungen'" in said and "'Herausforderung'" in said
    assert "'Bedarf/Jugendliche'" in said and "'Themen/Jugend'" in said
    assert "workbench codebook rename" in said
    # Agreement still sees one code on which the three coders agree on every statement.
    table = project.agreement(["Ayşe Öztürk", "Björn", "Jürgen"])
    per_code = table[table["level"] == "Code"].set_index("name")
    assert list(per_code.index) == ["Herausforderung", "Themen/Jugend"]
    assert per_code.loc["Herausforderung", "percent_agreement"] == 1.0
    project.close()


def test_cli_reimport_names_the_recognised_code(tmp_path: Path, capsys) -> None:
    project = _team_project(tmp_path)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    folder = str(project.path)
    project.close()
    changed = _renamed_in_maxqda(exported, tmp_path / "maxqda.qdpx")
    capsys.readouterr()
    assert main(["--project", folder, "import", str(changed)]) == 0
    out = capsys.readouterr().out
    assert "Herausforderungen" in out and "codebook rename" in out
    with Project.open(folder) as again:
        assert "Herausforderungen" not in {s.path for s in again.codebook()}


def test_codebook_from_maxqda_with_a_renamed_code_adds_no_second_code(tmp_path: Path) -> None:
    """The team's .qdc, edited in MAXQDA (renamed, new description), imported back."""
    project = _team_project(tmp_path)
    exported = tmp_path / "codebuch.qdc"
    project.export_codebook(exported, "qdc")
    before = sorted(s.path for s in project.codebook())
    root = etree.parse(str(exported)).getroot()
    code = next(c for c in root.iter(f"{{{QDC}}}Code") if c.get("name") == "Herausforderung")
    code.set("name", "Herausforderungen")
    etree.SubElement(code, f"{{{QDC}}}Description").text = "Geschilderte Belastungen."
    changed = tmp_path / "maxqda.qdc"
    changed.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))

    notices: list[str] = []
    project.import_codebook(changed, notices)

    assert sorted(s.path for s in project.codebook()) == before
    spec = next(s for s in project.codebook() if s.path == "Herausforderung")
    assert spec.description == "Geschilderte Belastungen."
    assert any("'Herausforderungen'" in n and "codebook rename" in n for n in notices)
    assert len(project.codings().query("code == 'Herausforderung'")) == 9
    project.close()


def _coded_in_maxqda(exported: Path, out: Path, code_name: str) -> Path:
    """The export as the colleague's MAXQDA returns it: one more coding by Clara on the
    code called ``code_name`` in the file (MAXQDA keeps the export's GUIDs)."""
    root = qde_root(exported)
    code = next(c for c in root.iter(f"{Q}Code") if c.get("name") == code_name)
    users = root.find(f"{Q}Users")
    guid = "9E000000-0000-4000-8000-000000000011"
    etree.SubElement(users, f"{Q}User", guid=guid, name="Clara")
    selection = next(root.iter(f"{Q}PlainTextSelection"))
    coding = etree.SubElement(
        selection, f"{Q}Coding", guid="9E000000-0000-4000-8000-000000000012", creatingUser=guid
    )
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code.get("guid"))
    return rezip(exported, out, etree.tostring(root))


def _code_guids(archive: Path) -> dict[str, str]:
    """Each top-level or nested code's GUID in an exported .qdpx, by name."""
    return {c.get("name"): c.get("guid") for c in qde_root(archive).iter(f"{Q}Code")}


@pytest.mark.backends
def test_codes_renamed_here_after_the_export_take_the_colleagues_codings_once(
    tmp_path: Path, db_url: str | None
) -> None:
    """Export to a colleague, rename and move codes here, read the colleague's file back
    (on the team's server too: the project moved there keeps its codes' GUIDs)."""
    project = _team_project(tmp_path)
    guids_before = project.code_guids()
    project = move_to(project, db_url)
    assert project.code_guids() == guids_before
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    sent = _code_guids(exported)
    back = _coded_in_maxqda(exported, tmp_path / "maxqda.qdpx", "Herausforderung")
    assert project.rename_code("Herausforderung", "Belastung") == "Belastung"
    assert project.move_code("Themen/Jugend", "Bedarf") == "Bedarf/Jugend"
    before_codes = sorted(s.path for s in project.codebook())
    before = sorted(map(tuple, project.codings()[["segment_id", "code", "coder"]].values))

    result = import_qdpx(project, back)

    # No second code under the old names; nothing doubled; Clara's coding is on "Belastung".
    assert sorted(s.path for s in project.codebook()) == before_codes
    after = sorted(map(tuple, project.codings()[["segment_id", "code", "coder"]].values))
    assert after == sorted([*before, (before[0][0], "Belastung", "Clara")])
    assert result.codes == 0 and result.codings == 1
    said = " ".join(result.notices)
    assert "Code 'Herausforderung' der Datei ist der Code 'Belastung'" in said
    assert "hier umbenannt oder verschoben" in said
    assert "'Themen/Jugend'" in said and "'Bedarf/Jugend'" in said
    # The next export sends the codes with the GUIDs the colleague has.
    again = tmp_path / "wieder.qdpx"
    export_qdpx(project, again)
    guids = _code_guids(again)
    assert guids["Belastung"] == sent["Herausforderung"]
    assert guids["Jugend"] == sent["Jugend"]
    assert len(set(guids.values())) == len(guids)
    project.close()


def test_a_new_code_under_a_renamed_codes_old_name_is_another_code(tmp_path: Path) -> None:
    project = _team_project(tmp_path)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    project.rename_code("Herausforderung", "Belastung")
    project.add_code("Herausforderung", "Neu angelegt, nach der Umbenennung.")
    again = tmp_path / "wieder.qdpx"
    export_qdpx(project, again)
    guids = _code_guids(again)
    assert guids["Belastung"] == _code_guids(exported)["Herausforderung"]
    assert len(set(guids.values())) == len(guids)  # the new code has a GUID of its own
    # The colleague's file still means the renamed code, not the new one.
    result = import_qdpx(project, _coded_in_maxqda(exported, tmp_path / "m.qdpx", "Bedarf"))
    assert result.codes == 0
    assert len(project.codings().query("code == 'Herausforderung'")) == 0
    assert len(project.codings().query("code == 'Belastung'")) == 9
    project.close()


def test_the_codebook_and_a_second_project_keep_a_renamed_codes_guid(tmp_path: Path) -> None:
    """The .qdc export, and a project made from the export, send the GUID the colleague has."""
    project = _team_project(tmp_path)
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    sent = _code_guids(exported)
    project.rename_code("Herausforderung", "Belastung")
    qdc = tmp_path / "codebuch.qdc"
    project.export_codebook(qdc, "qdc")
    book = {c.get("name"): c.get("guid") for c in etree.parse(str(qdc)).iter(f"{{{QDC}}}Code")}
    assert book["Belastung"] == sent["Herausforderung"]
    renamed = tmp_path / "umbenannt.qdpx"
    export_qdpx(project, renamed)
    second = Project.create(tmp_path / "zweites", districts=["Manfort", "Opladen"])
    import_qdpx(second, renamed)
    assert second.code_guids() == project.code_guids()
    copy = tmp_path / "kopie.qdpx"
    export_qdpx(second, copy, name="projekt")
    assert qde_root(copy).find(f"{Q}CodeBook") is not None
    assert _code_guids(copy) == _code_guids(renamed)
    second.close()
    project.close()


def test_reimport_names_the_projects_codes_the_colleague_deleted_or_merged(
    tmp_path: Path, capsys
) -> None:
    """In MAXQDA, Themen/Jugend is deleted and Bedarf merged into Herausforderung."""
    project = _team_project(tmp_path)
    ids = [int(i) for i in project.segments()["segment_id"]]
    project.code_segment(ids[1], "Bedarf", "Björn")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    root = qde_root(exported)
    codes = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    for ref in list(root.iter(f"{Q}CodeRef")):
        if ref.get("targetGUID") == codes["Jugend"].get("guid"):
            ref.getparent().getparent().remove(ref.getparent())  # its coding is gone
        elif ref.get("targetGUID") == codes["Bedarf"].get("guid"):
            ref.set("targetGUID", codes["Herausforderung"].get("guid"))
    codes["Themen"].remove(codes["Jugend"])
    codes["Bedarf"].getparent().remove(codes["Bedarf"])
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))
    before = sorted(map(tuple, project.codings()[["segment_id", "code", "coder"]].values))
    folder = str(project.path)
    project.close()
    capsys.readouterr()

    assert main(["--project", folder, "import", str(changed)]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert (
        "Nicht in der Datei: 2 Codes des Projekts, 'Bedarf' (1 Kodierung), 'Themen/Jugend' "
        "(1 Kodierung) — im anderen Programm gelöscht oder mit einem anderen zusammengeführt"
    ) in out
    assert "workbench codebook delete" in out
    with Project.open(folder) as again:  # nothing here is removed on the file's word
        after = sorted(map(tuple, again.codings()[["segment_id", "code", "coder"]].values))
        assert {"Bedarf", "Themen/Jugend"} <= {s.path for s in again.codebook()}
        assert set(before) <= set(after)
        # a file that is no export of this project says nothing about its codes
        other = Project.create(tmp_path / "anderes", districts=["Manfort", "Opladen"])
        other.add_code("Eigener Code")
        result = import_qdpx(other, changed)
        assert not [n for n in result.notices if "Nicht in der Datei" in n]
        other.close()


def test_reimport_names_the_code_fields_the_file_overwrites(tmp_path: Path, capsys) -> None:
    """The colleague rewrote a description and changed a colour in MAXQDA."""
    project = _team_project(tmp_path)
    project.update_code("Bedarf", description="Was gebraucht wird.", colour="#264653")
    project.update_code("Herausforderung", description="Was belastet.")
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)
    # Read back unchanged: nothing to name.
    assert not [n for n in import_qdpx(project, exported).notices if "Aus der Datei" in n]
    root = qde_root(exported)
    codes = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    codes["Bedarf"].find(f"{Q}Description").text = "Was fehlt und gebraucht wird."
    codes["Herausforderung"].set("color", "#E76F51")
    changed = rezip(exported, tmp_path / "maxqda.qdpx", etree.tostring(root))

    result = import_qdpx(project, changed)

    assert (
        "Aus der Datei übernommen, anders als bisher im Projekt: Beschreibung von 'Bedarf', "
        "Farbe von 'Herausforderung'."
    ) in result.notices
    book = {s.path: s for s in project.codebook()}
    assert book["Bedarf"].description == "Was fehlt und gebraucht wird."
    assert book["Herausforderung"].description == "Was belastet."
    # On the command line, the summary does not say "nichts geändert" over that notice.
    codes["Bedarf"].find(f"{Q}Description").text = "Was gebraucht wird, kurz."
    again = rezip(exported, tmp_path / "maxqda2.qdpx", etree.tostring(root))
    folder = str(project.path)
    project.close()
    capsys.readouterr()
    assert main(["--project", folder, "import", str(again)]) == 0
    out = capsys.readouterr().out
    assert "maxqda2.qdpx: bereits importiert (gleicher Inhalt), nur Codes geändert" in out
    assert "nichts geändert" not in out and "Beschreibung von 'Bedarf'" in out
