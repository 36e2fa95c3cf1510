"""`codebook delete` of a code others were merged into: the merged codes' REFI-QDA GUIDs
pointed at a code that no longer exists. An export from before the merge then brought the
merged code back under a new GUID of its own, silently, and the project kept the dead
alias for ever. Now the delete forgets those GUIDs as merges and says so; the old file's
code stays out as any deleted code does (decision 026), or comes back with its own GUID
when asked for (``--restore-deleted-codes``: a MAXQDA round trip finds it again)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tests.coding_data import cards_project
from tests.qdpx_data import Q, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.store import Meta, merged_codes, merged_on_upgrade
from workbench.store.coding_tables import MERGED_ON_UPGRADE_KEY


def _codings(project: Project) -> list[tuple[str, str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["code"], table["coder"], strict=True))


def _merges(project: Project) -> dict[str, str]:
    with project.session() as s:
        return merged_codes(s)


@pytest.mark.backends
def test_deleting_the_target_of_a_merge_forgets_the_merged_guid_and_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    project.add_code("Leerstelle")
    project.code_segment(ids["K5"], "Leerstelle", "A")
    project.code_segment(ids["K4"], "Herausforderung", "A")
    g1 = project.code_guids()["Leerstelle"]
    team = tmp_path / "team.qdpx"
    export_qdpx(project, team)  # the colleague's copy, from before the merge
    project.merge_code("Leerstelle", "Herausforderung")
    assert _merges(project) == {g1: project.code_guids()["Herausforderung"]}

    capsys.readouterr()
    base = ["--project", str(project.path), "codebook", "delete"]
    assert main([*base, "Ressource"]) == 0  # no merge into it: nothing said, nothing lost
    assert "GUID" not in capsys.readouterr().out and len(_merges(project)) == 1
    assert main([*base, "Herausforderung", "--force"]) == 0
    out = capsys.readouterr().out
    assert "Code 'Herausforderung' mit Untercodes, 2 Kodierungen gelöscht." in out
    assert "Verworfen: die REFI-QDA-GUID von 1 Code, der in ihn zusammengeführt wurde" in out
    assert "bringt ihn beim Import nicht zurück" in out
    assert _merges(project) == {}

    # in MAXQDA the colleague coded K1 with 'Leerstelle' (g1): it stays out as a deleted
    # code does; asked for, it comes back with its GUID, not as 'zusammengeführt'
    root = qde_root(team)
    user = next(root.iter(f"{Q}User")).get("guid")
    k1 = next(
        s for s in root.iter(f"{Q}PlainTextSelection") if "Quelle-ID: K1" in "".join(s.itertext())
    )
    coding = etree.SubElement(
        k1, f"{Q}Coding", guid="9E000000-0000-4000-8000-00000000000A", creatingUser=user
    )
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=g1)
    maxqda = rezip(team, tmp_path / "maxqda.qdpx", etree.tostring(root))
    result = import_qdpx(project, maxqda)
    assert _codings(project) == [] and "Leerstelle" not in project.code_guids()
    assert [n for n in result.notices if "'Leerstelle' (gelöscht am " in n]
    result = import_qdpx(project, maxqda, restore_deleted=True)
    assert ("K1", "Leerstelle", "A") in _codings(project)
    assert project.code_guids()["Leerstelle"] == g1
    assert not [n for n in result.notices if "zusammengeführt" in n]


@pytest.mark.backends
def test_a_chain_of_merges_and_a_merge_into_a_subcode_go_with_the_deleted_code(
    project: Project, tmp_path: Path
) -> None:
    """A into B, then B into C: deleting C forgets both; a code merged into a subcode goes
    when its parent is deleted; a merge into a code that stays is kept, also the upgrade's."""
    cards_project(project, tmp_path)
    for path in ("A", "B", "C", "Themen/Alt", "D"):
        project.add_code(path)
    guids = project.code_guids()
    project.merge_code("A", "B")
    project.merge_code("B", "C")
    project.merge_code("Themen/Alt", "Themen/Wohnen")
    project.merge_code("D", "Bedarf")
    upgraded = {guids["Themen/Alt"]: guids["Themen/Wohnen"], guids["D"]: guids["Bedarf"]}
    with project.transaction() as s:  # as migration 0009 records its merges
        s.add(Meta(key=MERGED_ON_UPGRADE_KEY, value=json.dumps(upgraded)))

    assert project.remove_code("C").merged == 2
    assert project.remove_code("Themen", force=True).merged == 1
    assert _merges(project) == {guids["D"]: guids["Bedarf"]}
    with project.session() as s:
        assert merged_on_upgrade(s) == {guids["D"]}
    # the GUIDs stay a deleted code's: a new code by its old name is another code
    project.add_code("A")
    assert project.code_guids()["A"] not in guids.values()
