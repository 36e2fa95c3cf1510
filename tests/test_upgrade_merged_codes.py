"""Migration 0009's loose ends: what a merge of two spellings of a code means for files
exchanged with MAXQDA or ATLAS.ti, and the copies of a rewritten name in stored runs.

A team's colleague holds an export from before the upgrade with both codes ("Wohnen⏎X",
GUID g1, and "Wohnen X", GUID g2); the upgrade merges them into "Wohnen X". Read back,
what the colleague coded under g1 (also after renaming it in MAXQDA) lands on the merged
code, never on a revived second code, and the merged code keeps g2 in every export.
Between the upgrade and the next run, the topic map, the feedback summary and the
recommendations' need links show a rewritten question or cluster label as stored now.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select, text, update

from tests.coding_data import cards_project
from tests.qdpx_data import Q, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.core.typed_text import NOT_IN_LABEL
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.ingest import TableMapping
from workbench.store import (
    Code,
    District,
    FeedbackItem,
    FeedbackRound,
    FeedbackRoundItem,
    Recommendation,
    RecommendationNeed,
    Segment,
    TopicAssignment,
    TopicRun,
    make_engine,
)


def _at(project: Project, revision: str) -> None:
    """Close ``project`` and set its revision (its own sessions refuse a changed schema)."""
    url = project.db_url
    project.close()
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
    engine.dispose()


def _codings(project: Project) -> list[tuple[str, str, str]]:
    table = project.codings()
    return sorted(zip(table["source_id"], table["code"], table["coder"], strict=True))


def _add_coding(root: etree._Element, card: str, code_guid: str, guid: str) -> None:
    """A coding the colleague made in MAXQDA on ``card`` with the file's code ``code_guid``."""
    user = next(root.iter(f"{Q}User")).get("guid")
    selection = next(
        s
        for s in root.iter(f"{Q}PlainTextSelection")
        if f"Quelle-ID: {card}" in "".join(s.itertext())
    )
    coding = etree.SubElement(selection, f"{Q}Coding", guid=guid, creatingUser=user)
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code_guid)


@pytest.mark.backends
def test_a_file_coded_under_the_merged_codes_guid_lands_on_the_merged_code(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    project.add_code("Wohnen X")
    project.add_code("Wohnen Y")
    project.code_segment(ids["K5"], "Wohnen Y", "A")
    project.code_segment(ids["K4"], "Wohnen X", "A")
    with project.transaction() as s:  # what an older version stored: "Wohnen⏎X"
        s.execute(
            update(Code).where(Code.path == "Wohnen Y").values(path="Wohnen\nX", name="Wohnen\nX")
        )
    guids = project.code_guids()
    g1, g2 = guids["Wohnen\nX"], guids["Wohnen X"]
    team = tmp_path / "team.qdpx"
    export_qdpx(project, team)  # the colleague's copy, from before the upgrade
    folder = project.path
    _at(project, "0008")

    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Die REFI-QDA-GUID von Nr. " in out and f"({g1}) gilt weiter" in out
    assert f"GUID {g2}, im Export unverändert" in out

    # in MAXQDA the colleague renamed g1's code and coded K1 with it and K2 with g2
    root = qde_root(team)
    codes = {c.get("guid"): c for c in root.iter(f"{Q}Code")}
    codes[g1].set("name", "Wohnen (alt)")
    _add_coding(root, "K1", g1, "9E000000-0000-4000-8000-00000000000A")
    _add_coding(root, "K2", g2, "9E000000-0000-4000-8000-00000000000B")
    maxqda = rezip(team, tmp_path / "maxqda.qdpx", etree.tostring(root))
    with Project.open(folder) as upgraded:
        result = import_qdpx(upgraded, maxqda)
        assert _codings(upgraded) == [
            ("K1", "Wohnen X", "A"),
            ("K2", "Wohnen X", "A"),
            ("K4", "Wohnen X", "A"),
            ("K5", "Wohnen X", "A"),
        ]
        paths = [spec.path for spec in upgraded.codebook()]
        assert "Wohnen (alt)" not in paths and paths.count("Wohnen X") == 1
        merged = [n for n in result.notices if "mit 'Wohnen X' zusammengeführt" in n]
        assert merged and "workbench upgrade: zwei Schreibweisen" in merged[0]
        assert "codebook merge" not in merged[0]
        # the merged code keeps its GUID in the next export; g1 names no code there
        again = tmp_path / "again.qdpx"
        export_qdpx(upgraded, again)
        exported = {c.get("name"): c.get("guid") for c in qde_root(again).iter(f"{Q}Code")}
        assert exported["Wohnen X"] == g2 and g1 not in exported.values()
        # a new code by the name g1 was made for does not take it (it stays the merged one's)
        upgraded.add_code("Wohnen Y")
        assert g1 not in upgraded.code_guids().values()


@pytest.mark.backends
def test_copies_of_a_rewritten_question_and_cluster_label_follow_on_upgrade(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A topic run per guiding question names its topics after the question; rating cards
    and need links copy a cluster's label. The upgrade rewrites them with the names (one
    line); a run that had both spellings keeps its two groups apart."""
    from workbench.analysis import topic_map, topics
    from workbench.participation.results import feedback_summary
    from workbench.synthesis.recommendation_tables import need_links

    ids = cards_project(project, tmp_path)
    old, same = "Was\r\nfehlt?", "Was fehlt?"
    with project.transaction() as s:
        run = TopicRun(params={"by": "question"}, corpus_hash="x", versions={}, topics=[])
        described = []
        for group in (old, same, "Was trägt?"):
            described.append(
                {
                    "group": group,
                    "key": f"{group}:0",
                    "topic": 0,
                    "label": "Treffpunkt",
                    "keywords": ["treffpunkt"],
                    "size": 2,
                }
            )
        run.topics = described
        s.add(run)
        s.flush()
        for card, group in (("K1", old), ("K2", old), ("K3", same), ("K4", "Was trägt?")):
            s.add(
                TopicAssignment(
                    run_id=run.id,
                    segment_id=ids[card],
                    group=group,
                    topic=f"{group}:0",
                    probability=1.0,
                )
            )
        item = FeedbackItem(
            key="k",
            kind="need",
            label="Spiel\nplatz",
            scope="Manfort",
            source={"need_run": 1, "cluster": 0},
        )
        s.add(item)
        s.flush()
        feedback_round = FeedbackRound(budget=5, need_run_id=1, signature="s")
        s.add(feedback_round)
        s.flush()
        s.add(FeedbackRoundItem(round_id=feedback_round.id, item_id=item.id, position=0))
        manfort = s.scalar(select(District.id).where(District.name == "Manfort"))
        recommendation = Recommendation(text="Mehr Bänke", district_id=manfort)
        s.add(recommendation)
        s.flush()
        s.add(
            RecommendationNeed(
                recommendation_id=recommendation.id,
                members=[ids["K1"]],
                label="Spiel\u2028platz",
                run_id=1,
                cluster=0,
            )
        )
    folder = project.path
    _at(project, "0008")
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Themenlauf Nr. 1: die Leitfrage „Was fehlt?“ stand dort in zwei" in out
    assert "Auf eine Zeile gebracht" in out and "1 Themenlauf/-läufe je Leitfrage" in out

    with Project.open(folder) as upgraded:
        described = topics.topics(upgraded)
        assert sorted(described["group"]) == ["Was fehlt?", "Was fehlt? (2)", "Was trägt?"]
        labels = set(topic_map.topic_table(described)["label"])
        assert "Was fehlt? (2): Treffpunkt" in labels and "Was fehlt?: Treffpunkt" in labels
        table = topics.assignments(upgraded).set_index("segment_id")
        assert table.loc[ids["K1"], "group"] == "Was fehlt? (2)"
        assert table.loc[ids["K1"], "topic"] == "Was fehlt? (2):0"
        assert table.loc[ids["K3"], "topic"] == "Was fehlt?:0"
        assert set(table["topic"]) <= set(described["key"])  # each statement finds its topic
        assert list(feedback_summary(upgraded)["label"]) == ["Spiel platz"]
        assert list(need_links(upgraded)["linked_label"]) == ["Spiel platz"]


CONTROL = "\n\r\t\x00\x1b\x85\u2028"
# each a question of its own (two spellings of one question in one run: kept apart, above)
BLIND_QUESTIONS = [f"Was{c}fehlt in Nr. {n}?" for n, c in enumerate(CONTROL)] + [
    f" Wo{c}{c}treffen Sie sich ({n})? {c}" for n, c in enumerate(CONTROL)
]
MUST_STAY = ["Was fehlt  im Viertel?", "Wünsche für 2030 (Bus∕Bahn)", "Wo\xa0ist es laut?"]


def test_blind_set_topic_groups_follow_the_questions_and_ordinary_ones_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blind set: a topic run per question whose groups are old spellings (each control
    character, doubled, at the ends) names its groups as the statements' questions read
    after the upgrade; ordinary questions (double blank, no-break space, ∕) stay as
    written (over-replacement counts too)."""
    folder = tmp_path / "projekt"
    project = Project.create(folder, db_url=None, districts=["Manfort"])
    questions = BLIND_QUESTIONS + MUST_STAY
    cards = tmp_path / "karten.csv"
    rows = ["Karte;Text;Sozialraum;Workshop;Leitfrage"]
    rows += [f"K{n};Aussage Nummer {n};Manfort;WS;Frage {n}" for n in range(len(questions))]
    cards.write_text("\n".join(rows) + "\n", encoding="utf-8")
    mapping = TableMapping(
        text_column="Text",
        id_column="Karte",
        district_column="Sozialraum",
        workshop_column="Workshop",
        question_column="Leitfrage",
    )
    project.import_files([cards], mapping=mapping)
    with project.transaction() as s:
        run = TopicRun(params={"by": "question"}, corpus_hash="x", versions={}, topics=[])
        s.add(run)
        s.flush()
        described = []
        for n, question in enumerate(questions):
            s.execute(
                update(Segment).where(Segment.question == f"Frage {n}").values(question=question)
            )
            segment = s.scalar(select(Segment.id).where(Segment.source_id == f"K{n}"))
            described.append({"group": question, "key": f"{question}:0", "label": "T", "size": 1})
            s.add(
                TopicAssignment(
                    run_id=run.id,
                    segment_id=segment,
                    group=question,
                    topic=f"{question}:0",
                    probability=1.0,
                )
            )
        run.topics = described
    _at(project, "0008")
    assert main(["--project", str(folder), "upgrade"]) == 0
    with Project.open(folder) as upgraded:
        asked = upgraded.segments().set_index("source_id")["question"]
        table = topics_assignments(upgraded).set_index("source_id")
    follow = sum(
        table.loc[f"K{n}", "group"] == asked[f"K{n}"]
        and table.loc[f"K{n}", "topic"] == f"{asked[f'K{n}']}:0"
        and not NOT_IN_LABEL.search(asked[f"K{n}"])
        for n in range(len(BLIND_QUESTIONS))
    )
    kept = sum(
        table.loc[f"K{n}", "group"] == q == asked[f"K{n}"]
        for n, q in enumerate(questions)
        if q in MUST_STAY
    )
    print(f"blind: {follow}/{len(BLIND_QUESTIONS)} follow, {kept}/{len(MUST_STAY)} ordinary kept")
    assert (follow, kept) == (len(BLIND_QUESTIONS), len(MUST_STAY))


def topics_assignments(project: Project) -> object:
    """The latest topic run's statements (as the topic map reads them)."""
    from workbench.analysis import topics

    return topics.assignments(project)
