"""Recommendations: editing, links that survive need re-runs, provenance check, JSON chain."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import delete, select

import workbench.synthesis.recommendations
from tests.pg import move_to
from tests.synthesis_data import demo_copy
from workbench import InputError, Project, WorkbenchError
from workbench.analysis import need_edits
from workbench.analysis import needs as needs_
from workbench.cli.main import main
from workbench.store import Coding, Document, PseudonymSpan, Segment
from workbench.synthesis import recommendations as rec


@pytest.fixture
def analysed(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, db_url: str | None
) -> Project:
    """A private copy of the analysed demo study (tests here change it)."""
    project = move_to(demo_copy(tmp_path_factory, tmp_path / "p"), db_url)
    yield project
    project.close()


def segment_id(project: Project, document: str, source_id: str) -> int:
    segments = project.segments()
    hit = segments[(segments["document"] == document) & (segments["source_id"] == source_id)]
    return int(hit["segment_id"].iloc[0])


def outside_needs(project: Project) -> int:
    """A segment in no need cluster (its deletion leaves the clusters intact)."""
    clustered = set(needs_.assignments(project)["segment_id"])
    segments = project.segments()
    return int(segments.loc[~segments["segment_id"].isin(clustered), "segment_id"].iloc[0])


def delete_segment(project: Project, seg: int) -> None:
    """Delete a segment with everything that points to it (as a future 'remove' would)."""
    from workbench.store import TopicAssignment

    with project.transaction() as session:
        for model in (Coding, PseudonymSpan, TopicAssignment, needs_.NeedAssignment):
            session.execute(delete(model).where(model.segment_id == seg))
        session.execute(delete(Segment).where(Segment.id == seg))


def store_run(project: Project, members: list[int], label: str = "Anderes") -> int:
    """A need run with one cluster of ``members`` (simulates a re-run that dissolved one)."""
    with project.transaction() as session:
        run = needs_.NeedRun(
            params={},
            corpus_hash="test",
            versions={},
            clusters=[
                {
                    "cluster": 0,
                    "label": label,
                    "keywords": [],
                    "size": len(members),
                    "districts": [],
                    "n_districts": 0,
                    "scope": needs_.DISTRICT_SPECIFIC,
                    "quotes": [],
                    "quote_segment_ids": members[:1],
                }
            ],
        )
        session.add(run)
        session.flush()
        session.add_all(
            needs_.NeedAssignment(run_id=run.id, segment_id=m, cluster=0) for m in members
        )
        return run.id


def complete(project: Project) -> int:
    """A recommendation with a complete chain: one need cluster and one evidence quote."""
    new = rec.add_recommendation(
        project,
        "Quartiersmanagement in allen fünf Sozialräumen verstetigen.",
        title="Quartiersmanagement verstetigen",
        actors=["Verwaltung", "Quartiersmanagement", " Verwaltung "],
    )
    rec.link_need(project, new, 1)
    rec.link_evidence(project, new, [("manfort_karten.csv", "MF-K32")])
    return new


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.recommendations).failed == 0


@pytest.mark.backends
def test_add_edit_list_delete(analysed: Project) -> None:
    first = complete(analysed)
    second = rec.add_recommendation(
        analysed, "Treffpunkt für Jugendliche", scope="Manfort", status="abgestimmt"
    )
    table = rec.recommendations(analysed)
    assert list(table["recommendation_id"]) == [first, second]
    row = table.iloc[0]
    assert row["scope"] == "Gesamtstadt"
    assert row["actors"] == ("Verwaltung", "Quartiersmanagement")  # cleaned, no repeats
    assert (row["needs"], row["evidence"], row["status"]) == (1, 1, "Entwurf")
    rec.update_recommendation(analysed, second, scope="Wiesdorf", actors=["Jugendamt"])
    row = rec.recommendations(analysed).iloc[1]
    assert (row["scope"], row["actors"], row["text"]) == (
        "Wiesdorf",
        ("Jugendamt",),
        "Treffpunkt für Jugendliche",
    )
    rec.delete_recommendation(analysed, first)
    assert list(rec.recommendations(analysed)["recommendation_id"]) == [second]
    assert rec.need_links(analysed).empty and rec.evidence(analysed).empty


def test_a_recommendation_naming_a_participant_is_stored_pseudonymised(
    analysed: Project,
) -> None:
    """Reports, the public site and the feedback app show title and text: names of
    participants and contact data get the key's placeholders; a refused one adds nothing."""
    key = analysed.pseudonym_key()
    petrova = key.loc[key["original"] == "Frau Petrova", "placeholder"].item()
    wagner = key.loc[key["original"] == "Herr Wagner", "placeholder"].item()
    new = rec.add_recommendation(
        analysed,
        "Beratung vor Ort; Ansprechpartner Herr Wagner, Tel. 0214 7788123.",
        scope="Manfort",
        title="Beratung, wie Frau Petrova sie fordert",
    )
    row = rec.recommendations(analysed).set_index("recommendation_id").loc[new]
    assert row["title"] == f"Beratung, wie {petrova} sie fordert"
    assert row["text"] == f"Beratung vor Ort; Ansprechpartner {wagner}, Tel. [Telefon]."
    rec.update_recommendation(analysed, new, text="Anregung von Herrn Quirin Zabelberg")
    text = rec.recommendations(analysed).set_index("recommendation_id").loc[new, "text"]
    assert "Zabelberg" not in text and text.startswith("Anregung von [Person ")
    size = len(analysed.pseudonym_key())
    with pytest.raises(InputError, match="Möglich"):
        rec.add_recommendation(analysed, "Idee von Frau Okke Wübbenhorst", status="fertig")
    assert len(analysed.pseudonym_key()) == size


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "  "}, "Text der Empfehlung ist leer"),
        ({"text": "x", "scope": "Rheindorf"}, "Gültig sind: Gesamtstadt, Alkenrath"),
        ({"text": "x", "status": "fertig"}, "Möglich: Entwurf, abgestimmt"),
    ],
)
def test_invalid_input_is_refused(analysed: Project, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        rec.add_recommendation(analysed, **kwargs)
    assert rec.recommendations(analysed).empty


def test_links_are_checked(analysed: Project) -> None:
    new = rec.add_recommendation(analysed, "x")
    with pytest.raises(InputError, match="Cluster 99 gibt es in Lauf"):
        rec.link_need(analysed, new, 99)
    with pytest.raises(InputError, match=r"Aussage XX-1 in Dokument manfort_karten\.csv"):
        rec.link_evidence(analysed, new, [("manfort_karten.csv", "XX-1")])
    with pytest.raises(InputError, match="Empfehlung 42 gibt es nicht"):
        rec.link_need(analysed, 42, 0)
    first = rec.link_need(analysed, new, 0)
    assert rec.link_need(analysed, new, 0) == first  # the same cluster twice: one link
    seg = segment_id(analysed, "manfort_karten.csv", "MF-K17")
    assert rec.link_evidence(analysed, new, [seg, ("manfort_karten.csv", "MF-K17")]) == 1


def test_complete_chain_has_no_problems(analysed: Project) -> None:
    complete(analysed)
    assert rec.check_provenance(analysed).empty
    links = rec.need_links(analysed)
    assert links["jaccard"].tolist() == [1.0]
    assert links["label"].iloc[0] == links["linked_label"].iloc[0]


@pytest.mark.backends
def test_link_follows_its_cluster_through_reruns_and_renames(analysed: Project) -> None:
    new = complete(analysed)
    linked = rec.need_links(analysed).iloc[0]
    need_edits.rename_cluster(analysed, int(linked["cluster"]), "Quartiersbüros sichern")
    # The re-run renumbers; the link finds its cluster by members, under its new name.
    now = rec.need_links(analysed).iloc[0]
    assert now["run_id"] > linked["run_id"]
    assert now["label"] == "Quartiersbüros sichern"
    assert now["linked_label"] == linked["linked_label"]
    assert now["jaccard"] >= 0.5  # members, not number or label, identify the cluster
    assert rec.check_provenance(analysed).empty
    assert rec.chain(analysed)["recommendations"][0]["id"] == new


def test_dissolved_cluster_is_named(analysed: Project) -> None:
    new = complete(analysed)
    label = rec.need_links(analysed)["linked_label"].iloc[0]
    store_run(analysed, [outside_needs(analysed)])  # a run in which the cluster is gone
    problems = rec.check_provenance(analysed)
    assert len(problems) == 1
    problem = problems.iloc[0]
    assert (problem["recommendation_id"], problem["link"]) == (new, "Bedarfscluster")
    assert label in problem["target"] and "Lauf 1, Cluster 1" in problem["target"]
    assert "existiert im aktuellen Lauf" in problem["problem"]


def test_link_follows_its_cluster_after_a_wave_made_it_grow(analysed: Project) -> None:
    """A second wave may put a linked cluster inside one three times its size: the link
    follows it (containment, as researchers' renames do), not only while Jaccard ≥ 0.5."""
    complete(analysed)
    linked = set(rec.need_links(analysed)["members"].iloc[0])
    others = [int(s) for s in analysed.segments()["segment_id"] if int(s) not in linked]
    grown = sorted(linked) + others[: 2 * len(linked)]
    store_run(analysed, grown, label="Quartiersarbeit")
    now = rec.need_links(analysed).iloc[0]
    assert (now["cluster"], now["label"]) == (0, "Quartiersarbeit")
    assert now["jaccard"] < 0.5
    assert rec.check_provenance(analysed).empty
    # fewer than half of the members in any cluster: the link is reported broken
    store_run(analysed, sorted(linked)[: (len(linked) - 1) // 2] + others[:5])
    problem = rec.check_provenance(analysed)["problem"].iloc[0]
    assert "nötig: mindestens die Hälfte" in problem


@pytest.mark.backends
def test_deleted_segment_is_named(analysed: Project) -> None:
    new = complete(analysed)
    seg = outside_needs(analysed)
    rec.link_evidence(analysed, new, [seg])
    source = analysed.segments().set_index("segment_id").loc[seg]
    delete_segment(analysed, seg)
    problems = rec.check_provenance(analysed)
    assert problems[["link", "problem"]].values.tolist() == [["Aussage", "Aussage gelöscht"]]
    assert problems["target"].iloc[0] == f"{source['document']} {source['source_id']} (id {seg})"
    shown = rec.evidence(analysed).set_index("segment_id").loc[seg]
    assert not shown["exists"] and shown["document"] == source["document"]


def test_document_without_workshop_is_named(analysed: Project) -> None:
    complete(analysed)
    with analysed.transaction() as session:
        document = session.scalar(select(Document).where(Document.filename == "manfort_karten.csv"))
        document.workshop_id = None
    problems = rec.check_provenance(analysed)
    assert problems[["link", "target", "problem"]].values.tolist() == [
        ["Dokument", "manfort_karten.csv", "Dokument ohne Workshop"]
    ]


def test_recommendation_without_need_is_named(analysed: Project) -> None:
    new = rec.add_recommendation(analysed, "Mehr Bänke im Park")
    problems = rec.check_provenance(analysed)
    assert problems[["recommendation_id", "link"]].values.tolist() == [[new, "Empfehlung"]] * 2
    assert sorted(problems["problem"])[1] == "mit keinem Bedarfscluster verknüpft"
    assert sorted(problems["problem"])[0].startswith("hat keine Belege")  # nor evidence


@pytest.mark.backends
def test_chain_export_is_sorted_stable_and_complete(analysed: Project, tmp_path: Path) -> None:
    complete(analysed)
    rec.add_recommendation(analysed, "Ohne Bedarf", scope="Opladen")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert rec.export_chain(analysed, first) == 2
    rec.export_chain(analysed, second)
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert data["format"] == rec.CHAIN_FORMAT and data["need_run"] == 1
    one, two = data["recommendations"]
    assert one["complete"] and not two["complete"]
    current = one["needs"][0]["current"]
    segments = {s["segment_id"]: s for s in data["segments"]}
    documents = {d["filename"]: d for d in data["documents"]}
    workshops = {w["name"]: w for w in data["workshops"]}
    # Every link of the chain resolves: cluster → segment → document → workshop.
    for seg in [*current["segments"], *(e["segment_id"] for e in one["evidence"])]:
        document = documents[segments[seg]["document"]]
        assert workshops[document["workshop"]]["district"]
    assert [s["segment_id"] for s in data["segments"]] == sorted(segments)
    assert list(documents) == sorted(documents)
    assert not list(tmp_path.glob(".*"))  # no temporary files left behind


def test_cli(analysed: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--project", str(analysed.path), "recommend"]
    actors = ["--actor", "Quartiersmanagement", "--actor", "Wohlfahrtsverbände"]
    assert main([*base, "add", "Stadtteilnetzwerk Manfort", "--scope", "Manfort", *actors]) == 0
    assert "Empfehlung 1 angelegt" in capsys.readouterr().out
    assert main([*base, "check"]) == 1  # not linked yet
    assert (  # no evidence, so no cluster holds it: the command that links one
        "Empfehlung 1: mit keinem Bedarfscluster verknüpft (verknüpfen: workbench recommend "
        "link 1 --run 1 --cluster N)\n" in capsys.readouterr().out
    )
    assert main([*base, "link", "1", "--cluster", "2", "--segment", "manfort_protokoll.md:36"]) == 0
    assert "1 Bedarfscluster, 1 neuer Beleg verknüpft" in capsys.readouterr().out  # singular
    assert main([*base, "check"]) == 0
    assert "vollständig" in capsys.readouterr().out
    assert main([*base, "edit", "1", "--status", "abgestimmt"]) == 0
    capsys.readouterr()
    assert main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert "[abgestimmt] Stadtteilnetzwerk Manfort" in listed and "· 1 Bedarf, 1 Beleg\n" in listed
    # the list names what `unlink` takes: the need link's number and the evidence
    need = re.search(r"Bedarf \(Verknüpfung (\d+)\): „[^“]+“ – Cluster 2\n", listed)
    assert need and "Beleg: manfort_protokoll.md:36 (Aussage-Nr. " in listed
    assert main([*base, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["actors"] == [
        "Quartiersmanagement",
        "Wohlfahrtsverbände",
    ]
    out = tmp_path / "kette.json"
    assert main([*base, "export", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["recommendations"][0]["complete"]
    assert "Nachweiskette von 1 Empfehlung →" in capsys.readouterr().out
    assert main([*base, "export", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == rec.CHAIN_VERSION
    seg = segment_id(analysed, "manfort_protokoll.md", "36")
    assert main([*base, "unlink", "1", "--segment", str(seg)]) == 0
    # evidence is unlinked as it was linked (DOKUMENT:AUSSAGE), the need by the listed number
    assert main([*base, "link", "1", "--segment", "manfort_protokoll.md:36"]) == 0
    assert main([*base, "unlink", "1", "--segment", "manfort_protokoll.md:36"]) == 0
    assert main([*base, "unlink", "1", "--need", need.group(1)]) == 0
    assert rec.evidence(analysed).empty and rec.need_links(analysed).empty
    assert main([*base, "unlink", "1", "--segment", "manfort_protokoll.md:36"]) == 2
    assert "Empfehlung 1 hat keinen Beleg manfort_protokoll.md:36." in capsys.readouterr().err
    assert main([*base, "unlink", "1"]) == 2
    assert "--need VERKNÜPFUNG oder --segment BELEG" in capsys.readouterr().err
    assert main([*base, "link", "1", "--segment", "kein-doppelpunkt"]) == 2
    assert "DOKUMENT:AUSSAGE" in capsys.readouterr().err


def test_no_need_run_yet(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    project = demo_copy(tmp_path_factory, tmp_path / "plain", analysed=False)
    new = rec.add_recommendation(project, "x")
    with pytest.raises(WorkbenchError, match="workbench needs"):
        rec.link_need(project, new, 0)
    assert rec.chain(project)["need_run"] is None
    project.close()


def test_a_status_step_takes_a_german_date_and_the_status_in_any_case(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """A planner types "--date 1.3.2022" and "Umgesetzt"; both were refused before (only
    2022-03-01 and "umgesetzt")."""
    from workbench.synthesis import recommendation_status

    rec_id = rec.add_recommendation(project, "Ein Treffpunkt für Manfort", scope="Manfort")
    base = ["--project", str(project.path), "recommend", "status", str(rec_id)]
    assert main([*base, "Umgesetzt", "--date", "1.3.2022", "--by", " Quartiersbüro "]) == 0
    # said as stored and as ``history`` shows it, not echoed as typed ("1.3.2022")
    assert capsys.readouterr().out == (
        f"Empfehlung {rec_id}: umgesetzt am 2022-03-01 (Quartiersbüro).\n"
    )
    assert main([*base, "in umsetzung", "--date", "1. Februar 2022", "--by", "Amt"]) == 0
    assert main([*base, "umgesetzt", "--date", "2022-03-01", "--by", "Amt"]) == 0  # again
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Empfehlung {rec_id}: umgesetzt am 2022-03-01 (Quartiersbüro) stand schon im "
        "Verlauf; nichts geändert."
    )
    history = recommendation_status.status_history(project, rec_id)
    assert history["date"].tolist() == ["2022-02-01", "2022-03-01"]
    assert history["status"].tolist() == ["in Umsetzung", "umgesetzt"]
    rec.update_recommendation(project, rec_id, status="Abgestimmt")
    assert rec.recommendations(project)["status"].item() == "abgestimmt"
