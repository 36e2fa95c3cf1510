"""After ``workbench forget`` the runs keep no word only the erased statements said
(workbench/store/erasure_words.py): keywords and generated labels of needs and topics,
as the topic map app, the site and the ballot show them. The clustering stays as it ran.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

import workbench.store.erasure_words
from workbench import Project
from workbench.analysis import needs, topics
from workbench.analysis.topic_map import map_data
from workbench.cli.main import main
from workbench.store import FeedbackItem
from workbench.store.synthesis_tables import RecommendationNeed

TEXTS = [
    "Der Jugendtreff ist fett, der Jugendtreff ist super.",
    "Der Bus fährt abends selten, der Bus ist voll.",
    "Der Bus fährt nachts nie, Bus Bus.",
    "Der Spielplatz ist kaputt, der Spielplatz ist dreckig.",
    "Der Spielplatz braucht Bänke, Spielplatz Schaukel.",
    "Die Bibliothek ist ein Treffpunkt, die Bibliothek hilft.",
    "Die Bibliothek hat Bücher, Bibliothek Lesen.",
    "Kita Plätze fehlen, Kita Kita.",
]
ERASED_WORDS = ("jugendtreff", "fett", "super")  # only the first statement says them


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> str:
    """``workbench ARGV…`` in this process; must succeed; its stdout."""
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.fixture
def analysed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project of TEXTS in two districts with a need run and a topic run (TF-IDF)."""
    folder = tmp_path / "projekt"
    run(capsys, "init", folder, "--districts", "Manfort,Opladen")
    rows = [(str(i), t, ("Manfort", "Opladen")[i % 2]) for i, t in enumerate(TEXTS)]
    source = tmp_path / "aussagen.csv"
    pd.DataFrame(rows, columns=["ID", "Text", "Sozialraum"]).to_csv(source, sep=";", index=False)
    p = ["--project", folder]
    run(capsys, *p, "import", source, "--text-column", "Text", "--id-column", "ID",
        "--district-column", "Sozialraum")  # fmt: skip
    run(capsys, *p, "needs", "--segments", "all", "--backend", "tfidf")
    run(capsys, *p, "topics", "--backend", "tfidf")
    return folder


def _described(project: Project) -> str:
    """Keywords and labels of the latest need and topic run, lower case."""
    topic_table = topics.topics(project)
    need_table = needs.clusters(project)
    parts = [*topic_table["label"], *need_table["label"]]
    parts += [k for ks in [*topic_table["keywords"], *need_table["keywords"]] for k in ks]
    return " | ".join(str(p) for p in parts).casefold()


def test_doctests() -> None:
    assert doctest.testmod(workbench.store.erasure_words).failed == 0


def test_forget_leaves_no_keyword_or_label_of_the_erased_statement(
    analysed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The topic of the forgotten statement kept "jugendtreff fett" among its keywords and
    was named "Kita · Jugendtreff · Super kita" after the erasure, on the map and the site."""
    from workbench.synthesis.site import publish

    with Project.open(analysed) as project:
        assert all(w in _described(project) for w in ERASED_WORDS)  # the run said them
        segments = project.segments()
        before = map_data(project).statements.set_index("segment_id")["topic"].to_dict()
    erased = int(segments.loc[segments["text"] == TEXTS[0], "segment_id"].iloc[0])
    run(capsys, "--project", analysed, "forget", "--statement", erased)
    with Project.open(analysed) as project:
        described = _described(project)
        data = map_data(project)
        site = publish(project, tmp_path / "seite").folder
    for word in ERASED_WORDS:
        assert word not in described, word
        for page in site.glob("*.html"):
            assert word not in page.read_text(encoding="utf-8").casefold(), (word, page.name)
    kita = data.topics.set_index("topic").loc[before[erased]]
    assert "kita" in list(kita["keywords"]) and "Kita" in kita["label"]  # the rest stays
    # the clustering is as it ran: every other statement keeps its topic
    after = data.statements.set_index("segment_id")["topic"].to_dict()
    assert after == {s: t for s, t in before.items() if s != erased}


def test_a_rating_card_names_only_the_districts_of_its_remaining_statements(
    analysed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The card of a need read "Genannt in: Manfort, Opladen" after its only Manfort
    statement was forgotten (the item's and the need's districts were never updated); a
    card's word label kept the erased statement's word."""
    from widgets.feedback import item_html
    from workbench.participation.ballots import open_ballot

    codes = analysed.parent / "codes.csv"
    run(capsys, "--project", analysed, "tokens", "--n", "1", "--out", codes)
    token = str(pd.read_csv(codes, sep=";")["token"].iloc[0])
    with Project.open(analysed) as project:
        segments = project.segments().set_index("segment_id")
        need = needs.clusters(project).set_index("cluster")
        members = needs.assignments(project).groupby("cluster")["segment_id"].apply(list)
    erased = int(segments.index[segments["text"] == TEXTS[0]][0])  # Manfort
    cluster = next(c for c, ids in members.items() if erased in ids)
    kept = [s for s in members[cluster] if s != erased]
    assert list(need.loc[cluster, "districts"]) == ["Manfort", "Opladen"]
    assert set(segments.loc[kept, "district"]) == {"Opladen"}  # the rest is from Opladen
    with Project.open(analysed) as project, project.transaction() as session:
        for item in session.scalars(select(FeedbackItem)):  # a word label, as runs make them
            if erased in item.members:
                item.label = "Kita · Jugendtreff"
    run(capsys, "--project", analysed, "forget", "--statement", erased)
    with Project.open(analysed) as project:
        card = next(i for i in open_ballot(project, token).items if "Kita" in i.label)
        need = needs.clusters(project).set_index("cluster")
    assert card.districts == ("Opladen",) and "Jugendtreff" not in card.label
    assert "Genannt in: Opladen" in item_html(card) and "Manfort" not in item_html(card)
    assert list(need.loc[cluster, "districts"]) == ["Opladen"]
    assert need.loc[cluster, "n_districts"] == 1


def test_a_card_keeps_a_district_renamed_since_the_tokens_were_sent(
    analysed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A card keeps the names it was shown with; after `districts --rename Opladen …` the
    forget of its Manfort statement also dropped Opladen, where its other statements are
    ("Genannt in:" named no district at all)."""
    from widgets.feedback import item_html
    from workbench.participation.ballots import open_ballot

    codes = analysed.parent / "codes.csv"
    run(capsys, "--project", analysed, "tokens", "--n", "1", "--out", codes)
    token = str(pd.read_csv(codes, sep=";")["token"].iloc[0])
    with Project.open(analysed) as project:
        segments = project.segments().set_index("segment_id")
    erased = int(segments.index[segments["text"] == TEXTS[0]][0])  # Manfort
    run(capsys, "--project", analysed, "districts", "--rename", "Opladen", "Opladen-Mitte")
    run(capsys, "--project", analysed, "forget", "--statement", erased)
    with Project.open(analysed) as project:
        card = next(i for i in open_ballot(project, token).items if "Kita" in i.label)
        need = needs.clusters(project).set_index("cluster")
    assert card.districts == ("Opladen",)  # as shown when the tokens were sent
    assert "Genannt in: Opladen" in item_html(card) and "Manfort" not in item_html(card)
    assert ["Opladen-Mitte"] in [list(d) for d in need["districts"]]


def test_a_researchers_name_stays_on_the_card_and_the_recommendation(
    analysed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cluster rename` names a need for the team ("Jugendtreff und Kita"); forget of the
    only statement with "Jugendtreff" kept it in the run but put keywords on the rating
    card and the recommendation's need link ("Kita")."""
    from workbench.participation.ballots import open_ballot

    with Project.open(analysed) as project:
        segments = project.segments().set_index("segment_id")
        members = needs.assignments(project).groupby("cluster")["segment_id"].apply(list)
    erased = int(segments.index[segments["text"] == TEXTS[0]][0])
    cluster = next(c for c, ids in members.items() if erased in ids)
    name = "Jugendtreff und Kita"
    run(capsys, "--project", analysed, "cluster", "rename", cluster, "--label", name)
    codes = analysed.parent / "codes.csv"
    run(capsys, "--project", analysed, "tokens", "--n", "1", "--out", codes)
    token = str(pd.read_csv(codes, sep=";")["token"].iloc[0])
    run(capsys, "--project", analysed, "recommend", "add", "Mehr Orte für Jugendliche.")
    run(capsys, "--project", analysed, "recommend", "link", "1", "--cluster", cluster)
    with Project.open(analysed) as project:
        assert name in [i.label for i in open_ballot(project, token).items]
    run(capsys, "--project", analysed, "forget", "--statement", erased)
    with Project.open(analysed) as project, project.session() as session:
        assert name in list(needs.clusters(project)["label"])
        assert name in [i.label for i in open_ballot(project, token).items]
        assert list(session.scalars(select(RecommendationNeed.label))) == [name]


def test_a_topic_named_after_its_keywords_repeats_no_word() -> None:
    """After forget, a topic whose label said an erased word was named after its first
    three keywords as they were, two-word ones included: "Kinder wohnpark · Wohnpark ·
    Stadtteilmütter fest" on the topic map (a word twice, a phrase of the erased card)."""
    from workbench.store.erasure_words import fallback_label

    keywords = ["kinder wohnpark", "wohnpark", "stadtteilmütter fest", "schule"]
    assert fallback_label(keywords, "Thema") == "Kinder · Wohnpark · Stadtteilmütter"
    assert fallback_label(["kita", "spielplatz"], "Bedarf") == "Kita · Spielplatz"


def test_a_topic_counts_only_its_remaining_statements_after_forget(
    analysed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The topic run kept the size it had before forget; a topic whose statements were
    all forgotten stayed in it (topics.topics) with their count."""
    with Project.open(analysed) as project:
        assigned = topics.assignments(project)
        sizes = topics.topics(project).set_index("key")["size"].to_dict()
    last = assigned["topic"].iloc[-1]  # loses all its statements
    topic = assigned.loc[assigned["topic"] != last, "topic"].value_counts().index[0]
    erased = int(assigned.loc[assigned["topic"] == topic, "segment_id"].iloc[0])  # one
    assert sizes[topic] > 1
    whole = assigned.loc[assigned["topic"] == last, "segment_id"]
    gone = sorted({erased, *map(int, whole)})
    run(capsys, "--project", analysed, "forget", "--statement", *gone)
    with Project.open(analysed) as project:
        after = topics.topics(project).set_index("key")["size"].to_dict()
        left = topics.assignments(project)["topic"].value_counts().to_dict()
    assert after == left  # each topic as many statements as it still has, none with 0
    assert after[topic] == sizes[topic] - 1 and last not in after


def test_feedback_says_a_rating_cards_need_was_removed(
    analysed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A card whose need left the run with its last statement read only "Bedarf" in
    workbench feedback, as if it were a need of that name: it says the need was removed."""
    import json

    run(capsys, "--project", analysed, "tokens", "--n", "1", "--out", analysed.parent / "c.csv")
    with Project.open(analysed) as project:
        texts = project.segments().set_index("segment_id")["text"]
        members = needs.assignments(project).groupby("cluster")["segment_id"].apply(list)
        cluster = min(members.index, key=lambda c: len(members[c]))
        with project.transaction() as session:  # a label quoting a statement, as runs make
            for item in session.scalars(select(FeedbackItem)):
                if item.source.get("cluster") == cluster:
                    item.label = texts[members[cluster][0]][:40]
    run(capsys, "--project", analysed, "forget", "--statement", *members[cluster])
    shown = json.loads(run(capsys, "--project", analysed, "feedback", "--json"))["items"]
    labels = [i["label"] for i in shown]
    assert "Bedarf entfernt (alle Aussagen gelöscht)" in labels and "Bedarf" not in labels
    assert not any(texts[s][:40] in labels for s in members[cluster])
