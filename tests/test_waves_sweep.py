"""Researchers' cluster edits after a second wave (sweep): containment, conflicts, warnings."""

from __future__ import annotations

import doctest
from pathlib import Path

import numpy as np

from workbench import Project
from workbench.analysis import need_edits, needs
from workbench.cli.main import main
from workbench.ingest.table import TableMapping
from workbench.store import NeedEdit

MAPPING = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")


def clustering(*sizes: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels, segment ids 1…n and dummy vectors for clusters of the given sizes."""
    labels = np.concatenate([np.full(n, c) for c, n in enumerate(sizes)])
    ids = np.arange(1, len(labels) + 1)
    return labels, ids, np.eye(len(labels))


def rename(edit_id: int, members: range | list[int], label: str) -> dict:
    """A stored rename edit as run_needs replays it."""
    return {"id": edit_id, "op": "rename", "payload": {"members": list(members), "label": label}}


def test_rename_follows_a_cluster_that_more_than_doubled() -> None:
    # Wave 1: "Jugendtreff" were statements 1–10. After wave 2 they all sit in a cluster
    # of 25 (Jaccard 10/25 = 0.4): the name must stay with them.
    labels, ids, vectors = clustering(25, 8)
    edits = [rename(1, range(1, 11), "Jugendtreff am Abend")]
    new_labels, overrides, skipped = needs.apply_edits(labels, ids, vectors, edits, seed=1)
    assert skipped == []
    assert overrides == {0: "Jugendtreff am Abend"}
    assert sorted(ids[new_labels == 0]) == list(range(1, 26))


def test_two_renamed_clusters_in_one_new_cluster_keep_one_name_and_report_the_other() -> None:
    # "Bänke" (3 statements) and "Jugendtreff" (10) were two clusters; now all 13 sit in
    # one cluster of 30. The cluster can carry one name: the larger part's, in any order.
    labels, ids, vectors = clustering(30, 5)
    small = rename(1, [11, 12, 13], "Bänke am Markt")
    large = rename(2, range(1, 11), "Jugendtreff am Abend")
    for edits in ([small, large], [large, small]):
        _, overrides, skipped = needs.apply_edits(labels, ids, vectors, edits, seed=1)
        assert overrides == {0: "Jugendtreff am Abend"}
        assert [s["id"] for s in skipped] == [1]
        assert "Änderung 2 („Jugendtreff am Abend“)" in skipped[0]["reason"]
    # a second rename of the same (grown) cluster is no conflict: the later name wins
    again = rename(3, range(1, 26), "Treffpunkte für Jugendliche")
    _, overrides, skipped = needs.apply_edits(labels, ids, vectors, [large, again], seed=1)
    assert (overrides, skipped) == ({0: "Treffpunkte für Jugendliche"}, [])


def test_merge_of_groups_that_already_sit_together_keeps_its_name() -> None:
    labels, ids, vectors = clustering(20, 6)
    merge = {
        "id": 4,
        "op": "merge",
        "payload": {"groups": [[1, 2, 3], [4, 5, 6, 7]], "label": "Nachbarschaft"},
    }
    new_labels, overrides, skipped = needs.apply_edits(labels, ids, vectors, [merge], seed=1)
    assert skipped == [] and overrides == {0: "Nachbarschaft"}
    assert len(set(new_labels.tolist())) == 2


def test_scattered_members_are_skipped_with_a_reason() -> None:
    labels, ids, vectors = clustering(4, 4, 4)
    edits = [rename(5, [1, 2, 5, 6, 9], "Verstreut")]  # 2 + 2 + 1 of 5
    _, overrides, skipped = needs.apply_edits(labels, ids, vectors, edits, seed=1)
    assert overrides == {}
    assert skipped == [
        {
            "id": 5,
            "reason": "höchstens 2 von 5 Aussagen liegen noch in einem gemeinsamen Cluster "
            "(nötig: mindestens die Hälfte)",
        }
    ]


def test_needs_command_names_edits_it_could_not_carry_over(
    project: Project, tmp_path: Path, capsys
) -> None:
    cards = tmp_path / "karten.csv"
    rows = [
        "ID;Text;Sozialraum",
        "1;Ein Jugendtreff am Abend fehlt im Viertel;Manfort",
        "2;Der Jugendtreff hat abends geschlossen;Opladen",
        "3;Mehr Bänke und Schatten auf dem Marktplatz;Wiesdorf",
        "4;Bänke am Marktplatz fehlen, es gibt keinen Schatten;Manfort",
        "5;Der Bus fährt abends zu selten;Alkenrath",
        "6;Abends fährt kaum ein Bus nach Opladen;Opladen",
    ]
    cards.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project.import_files([cards], MAPPING)
    with project.transaction() as session:  # an edit on statements deleted since
        session.add(NeedEdit(op="rename", payload={"members": [999], "label": "Alt"}, author="A"))
    folder = str(project.path)
    out = tmp_path / "bedarfe.csv"
    args = ["--project", folder, "needs", "--segments", "all", "--backend", "tfidf"]
    assert main([*args, "--n-clusters", "2", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Achtung: 1 Änderung an den Bedarfsclustern konnte nicht übernommen werden:" in err
    assert "Änderung 1 (Umbenennung in „Alt“, von A, " in err
    assert "): keine der 1 Aussagen ist im neuen Lauf" in err
    assert "Traceback" not in err
    assert need_edits.skipped_edits(project) == [err.splitlines()[1].strip()]


def test_doctests() -> None:
    assert doctest.testmod(needs).failed == 0
