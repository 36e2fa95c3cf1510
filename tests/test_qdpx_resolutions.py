"""Resolved disagreements through REFI-QDA: a team's export imported elsewhere said
"davon 0 geklärt" — the resolution memos arrived, the resolutions (and each coder's
decision at the time, which tells a settled disagreement from a reopened one) did not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coding_data import cards_project
from tests.qdpx_data import Q, qde_root
from workbench import Project
from workbench.exchange.qdpx import export_qdpx, import_qdpx


def _resolved(project: Project) -> list[tuple[str, str, bool]]:
    table = project.disagreements(["A", "B", "C"] if "C" in set(project.codings()["coder"])
                                  else None)  # fmt: skip
    return sorted(zip(table["source_id"], table["code"], table["resolved"], strict=True))


@pytest.mark.backends
def test_resolutions_travel_with_their_memos_and_stay_once(
    project: Project, tmp_path: Path
) -> None:
    ids = cards_project(project, tmp_path)
    for card, a, b in [("K1", "Bedarf", "Herausforderung"), ("K4", "Herausforderung",
                       "Bedarf"), ("K5", "Bedarf", "Ressource")]:  # fmt: skip
        project.code_segment(ids[card], a, "A")
        project.code_segment(ids[card], b, "B")
    project.resolve_disagreement(ids["K1"], "Bedarf", "Lea", "Forderung, kein Zustand", True)
    project.resolve_disagreement(ids["K4"], "Bedarf", "Lea", "nur beschrieben", False)
    project.resolve_disagreement(ids["K5"], "Ressource", "Lea", "später klären")
    project.code_segment(ids["K5"], "Ressource", "C")  # a third coder reopens K5/Ressource
    project.code_segment(ids["K5"], "Bedarf", "C")
    before = _resolved(project)
    assert [r for r in before if r[2]] == [("K1", "Bedarf", True), ("K4", "Bedarf", True)]
    assert ("K5", "Ressource", False) in before
    exported = tmp_path / "team.qdpx"
    export_qdpx(project, exported)

    fresh = Project.create(
        tmp_path / "b" / "projekt", districts=list(project.districts()["district"])
    )
    import_qdpx(fresh, exported)
    assert _resolved(fresh) == before  # the reopened one stays open: the state travelled
    notes = list(qde_root(exported).iter(f"{Q}Note"))
    assert sum(n.find(f"{Q}Description") is not None for n in notes) == 3
    memos = fresh.memos()["text"].tolist()
    assert "Abgleich „Bedarf“: Forderung, kein Zustand" in memos
    assert not any("Werkbank-Klärung" in m or "Kommentar" in m for m in memos)
    import_qdpx(fresh, exported)  # the same file again, and the project's own file back
    import_qdpx(project, exported)
    assert len(fresh.resolution_states()) == len(project.resolution_states()) == 3
    again = tmp_path / "b" / "team.qdpx"
    export_qdpx(fresh, again)
    assert [n.find(f"{Q}Description").text for n in qde_root(again).iter(f"{Q}Note")] == [
        n.find(f"{Q}Description").text for n in notes
    ]
