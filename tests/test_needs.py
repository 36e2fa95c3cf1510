"""Need clusters: description, scope, stored runs, edits that survive re-runs, CSV output;
readable labels, distinct quotes, the scope rule, stability across seeds."""

from __future__ import annotations

import csv
import doctest
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from tests.feedback_data import rated_project, store_need_run
from workbench import Project, WorkbenchError
from workbench.analysis import labels, need_clusters, need_edits, need_scope, needs, stopwords
from workbench.analysis.labels import normalise
from workbench.analysis.need_clusters import latest_memberships, match_cluster
from workbench.analysis.need_scope import FOCUS_MIN, cluster_scopes
from workbench.analysis.needs import CROSS_CUTTING, DISTRICT_SPECIFIC, NeedParams
from workbench.cli.main import main
from workbench.store import NeedEdit

DEMO = Path(__file__).resolve().parent.parent / "corpus" / "demo"


def test_clusters_describe_needs_across_districts(demo_copy: Project) -> None:
    run_id = needs.run_needs(demo_copy, progress=False)
    clusters = needs.clusters(demo_copy, run_id)
    table = needs.assignments(demo_copy, run_id)
    codings = demo_copy.codings()
    coded_need = set(codings.loc[codings["code"] == "Bedarf", "segment_id"])
    assert set(table["segment_id"]) == coded_need  # exactly the Bedarf segments
    assert 4 <= len(clusters) <= 20
    assert clusters["size"].sum() == len(coded_need)
    located = table[table["district"] != "Gesamtstadt"]
    for c in clusters.itertuples():
        assert len(c.quotes) == 3 and len(c.keywords) >= 3 and c.label
        members = table[table["cluster"] == c.cluster]
        assert set(c.quote_segment_ids) <= set(members["segment_id"])
        districts = set(members["district"]) - {"Gesamtstadt"}
        assert c.districts == sorted(districts)
        # scope: a focus district is over-represented (≥ FOCUS_MIN statements, a larger
        # share of the cluster than of all needs); no focus and ≥ 3 districts: cross-district
        inside = members[members["district"] != "Gesamtstadt"]
        for district in c.focus_districts:
            share = (inside["district"] == district).mean()
            assert (inside["district"] == district).sum() >= FOCUS_MIN
            assert share > 1.5 * (located["district"] == district).mean()
        specific = bool(len(c.focus_districts)) or len(districts) < 3
        assert c.scope == (DISTRICT_SPECIFIC if specific else CROSS_CUTTING)
        assert (c.focus_p <= 0.05) if len(c.focus_districts) else pd.isna(c.focus_p)
    # the demo's needs hold both kinds: Alkenrath's older people stand out
    assert set(clusters["scope"]) == {CROSS_CUTTING, DISTRICT_SPECIFIC}
    assert ["Alkenrath"] in clusters["focus_districts"].tolist()
    # stored: reloading gives the same without refitting
    assert needs.clusters(demo_copy).equals(clusters)
    assert needs.runs(demo_copy)["run_id"].tolist() == [run_id]


def test_labels_are_phrases_from_the_cluster_and_quotes_are_distinct(demo_copy: Project) -> None:
    run_id = needs.run_needs(demo_copy, NeedParams(segments="all"), progress=False)
    clusters = needs.clusters(demo_copy, run_id)
    table = needs.assignments(demo_copy, run_id)
    assert clusters["label"].map(normalise).is_unique
    for c in clusters.itertuples():
        texts = " ".join(table.loc[table["cluster"] == c.cluster, "text"].map(normalise))
        assert normalise(c.label.rstrip("…")) in texts  # a phrase of its own statements
        assert " · " not in c.label and len(c.label) <= labels.MAX_CHARS
        assert c.label_source == "Aussage"
        source = table.loc[table["segment_id"] == c.label_segment_id, "text"].item()
        assert normalise(c.label.rstrip("…")) in normalise(source)  # erasure can find it
        assert len({normalise(q) for q in c.quotes}) == len(c.quotes) == 3
    need_edits.rename_cluster(demo_copy, int(clusters.iloc[0]["cluster"]), "Eigener Name")
    renamed = needs.clusters(demo_copy)
    own = renamed[renamed["label"] == "Eigener Name"].iloc[0]
    assert own["label_source"] == "Forschende" and pd.isna(own["label_segment_id"])


def test_a_cluster_name_that_names_a_participant_is_stored_pseudonymised(
    demo_copy: Project,
) -> None:
    """Reports, the public site and the feedback app show a cluster's name: a researcher
    who names a participant or a phone number in it gets the key's placeholders."""
    key = demo_copy.pseudonym_key()
    petrova = key.loc[key["original"] == "Frau Petrova", "placeholder"].item()
    wagner = key.loc[key["original"] == "Herr Wagner", "placeholder"].item()
    needs.run_needs(demo_copy, NeedParams(segments="all"), progress=False)
    need_edits.rename_cluster(demo_copy, 0, "Beratung, wie Frau Petrova sagt: 0214 7788123")
    need_edits.merge_clusters(demo_copy, [1, 2], label="Treffpunkte nach Herrn Wagner")
    labels_now = needs.clusters(demo_copy)["label"].tolist()
    assert f"Beratung, wie {petrova} sagt: [Telefon]" in labels_now
    assert f"Treffpunkte nach {wagner}" in labels_now
    with demo_copy.session() as session:
        stored = repr([e.payload for e in session.query(NeedEdit)]) + repr(labels_now)
    for raw in ("Petrova", "Wagner", "7788123"):
        assert raw not in stored


def test_describe_skips_duplicate_statements_in_quotes() -> None:
    texts = ["Jugendtreff im Wohnpark!", "jugendtreff im Wohnpark", "Jugendtreff im Wohnpark."]
    texts += ["Ein Treffpunkt für Jugendliche im Wohnpark", "Der Wohnpark braucht einen Treff"]
    segments = pd.DataFrame(
        {"segment_id": range(1, 6), "text": texts, "district": ["Steinbüchel"] * 5}
    )
    vectors = np.array([[1, 0], [1, 0], [1, 0], [0.9, 0.1], [0.8, 0.2]], dtype=np.float32)
    (cluster,) = needs.describe(segments, np.zeros(5, dtype=int), vectors, {}, 3)
    assert cluster["quote_segment_ids"] == [1, 4, 5]  # the three copies count once
    assert cluster["label"] == "Jugendtreff im Wohnpark"


def test_a_cluster_whose_statements_name_no_district_is_not_called_district_specific() -> None:
    texts = ["Mehr Bänke am Rhein", "Bänke am Rheinufer", "Sitzbänke am Rhein fehlen"]
    texts += ["Busse fahren zu selten", "Der Bus kommt zu selten", "Öfter Busse abends"]
    segments = pd.DataFrame(
        {
            "segment_id": range(1, 7),
            "text": texts,
            "district": [None, None, "Gesamtstadt", "Manfort", "Manfort", None],
        }
    )
    vectors = np.array([[1, 0]] * 3 + [[0, 1]] * 3, dtype=np.float32)
    benches, buses = needs.describe(segments, np.array([0, 0, 0, 1, 1, 1]), vectors, {}, 3)
    assert benches["scope"] == needs.NO_DISTRICT and benches["districts"] == []
    assert buses["scope"] == DISTRICT_SPECIFIC and buses["districts"] == ["Manfort"]


def test_label_prefers_a_whole_phrase_to_a_fragment_or_a_cut_clause() -> None:
    fragment = "Hier muss eine Regel her: entweder ist das Parken mit zwei, dann ..."
    cut = (
        "Das Parken auf dem Gehweg sollte in der ganzen Straße endlich konsequent und "
        "dauerhaft verboten werden, sagen viele"
    )
    label = labels.readable_label([fragment, cut], ["parken", "gehweg"], set())
    assert label == "Parken auf dem Gehweg"  # a noun phrase where every clause is flawed
    whole = "Kein Parken auf dem Gehweg"
    assert labels.readable_label([cut, whole], ["parken", "gehweg"], set()) == whole
    participial = "Von der Bahrenfelder Straße kommend, ist der Weg zum Bahnhof unklar."
    assert labels.fragmentary(labels.phrases(participial)[0])
    assert not labels.fragmentary("Vorrang für Fußgänger und Radfahrer")


def test_scope_rule_over_representation_with_minimum_count() -> None:
    districts = ["A"] * 40 + ["B"] * 40 + ["C"] * 40 + ["Gesamtstadt"] * 10
    located = [d != "Gesamtstadt" for d in districts]
    labels_ = np.zeros(130, dtype=int)
    labels_[:12] = 1  # 12 of A's 40 → cluster 1 is A's alone
    labels_[40:42] = 2  # two from B, two from C: too few to be anyone's
    labels_[80:82] = 2
    labels_[120:130] = 3  # city-wide statements only
    labels_[[0, 41, 81]] = 3  # … and one from each district
    scopes = cluster_scopes(labels_, districts, located, cross_min=3)
    assert scopes[1].focus == ["A"] and scopes[1].specific and scopes[1].focus_p < 0.05
    assert scopes[0].focus == [] and not scopes[0].specific  # spread over all three
    assert scopes[2].focus == [] and scopes[2].specific  # only two districts (< 3)
    assert scopes[3].districts == ["A", "B", "C"] and not scopes[3].specific
    assert need_scope.holm(np.array([0.01, 0.04, 0.03])).round(3).tolist() == [0.03, 0.06, 0.06]


def test_other_seeds_give_the_same_clusters(demo_copy: Project) -> None:
    runs = [needs.run_needs(demo_copy, NeedParams(seed=s), progress=False) for s in (1, 2)]
    a, b = (needs.assignments(demo_copy, r).sort_values("segment_id") for r in runs)
    assert adjusted_rand_score(a["cluster"], b["cluster"]) >= 0.85


def test_explicit_parameters_and_old_runs_reproduce(demo_copy: Project) -> None:
    params = NeedParams(n_clusters=7, seed=42)
    first, second = (needs.run_needs(demo_copy, params, progress=False) for _ in range(2))
    a, b = needs.assignments(demo_copy, first), needs.assignments(demo_copy, second)
    assert len(needs.clusters(demo_copy, first)) == 7
    assert a[["segment_id", "cluster"]].equals(b[["segment_id", "cluster"]])
    # a run stored before `method` existed is re-run (after an edit) with graph-kmeans
    old = {"segments": "needs", "n_clusters": 7, "n_neighbors": 10, "seed": 42, "backend": "use"}
    assert NeedParams.from_stored(old) == NeedParams(
        n_clusters=7, n_neighbors=10, seed=42, method="graph-kmeans"
    )
    assert NeedParams.from_stored({**old, "method": "spectral"}).method == "spectral"
    with pytest.raises(WorkbenchError, match="Verfahren 'ward' unbekannt"):
        NeedParams(method="ward").validate()


def test_scope_threshold_is_configurable(demo_copy: Project) -> None:
    run = needs.run_needs(demo_copy, NeedParams(cross_cutting_min=6), progress=False)
    assert set(needs.clusters(demo_copy, run)["scope"]) == {DISTRICT_SPECIFIC}  # only 5 districts


@pytest.mark.backends
def test_edits_survive_reruns(demo_copy: Project) -> None:
    needs.run_needs(demo_copy, NeedParams(n_clusters=8), progress=False)
    before = needs.clusters(demo_copy)
    big = int(before.iloc[0]["cluster"])
    need_edits.rename_cluster(demo_copy, big, "Digitale Ausstattung für Schüler*innen", author="A")
    table = needs.assignments(demo_copy)
    pair = sorted(needs.clusters(demo_copy)["cluster"].tolist())[-2:]
    merged_members = set(table.loc[table["cluster"].isin(pair), "segment_id"])
    need_edits.merge_clusters(demo_copy, pair, label="Zusammengelegt")
    after_merge = needs.clusters(demo_copy)
    assert len(after_merge) == 7
    others = after_merge[after_merge["label"] != "Zusammengelegt"]
    need_edits.split_cluster(demo_copy, int(others.iloc[0]["cluster"]))  # the largest other one
    assert len(needs.clusters(demo_copy)) == 8

    # a plain re-run with the same parameters replays all three edits
    needs.run_needs(demo_copy, NeedParams(n_clusters=8), progress=False)
    rerun = needs.clusters(demo_copy)
    table = needs.assignments(demo_copy)
    assert "Zusammengelegt" in rerun["label"].tolist()
    merged = rerun.loc[rerun["label"] == "Zusammengelegt", "cluster"].item()
    assert set(table.loc[table["cluster"] == merged, "segment_id"]) == merged_members
    assert len(rerun) == 8  # merge (−1) and split (+1) both replayed
    assert needs.runs(demo_copy)["run_id"].size == 5


def _add_need(project: Project, folder: Path, text: str) -> int:
    """Import one more statement (a protocol of Opladen) and code it 'Bedarf'; its id."""
    extra = folder / "nachtrag.md"
    extra.write_text(
        "---\nworkshop: Nachtrag\ndistrict: Opladen\n---\n## Herausforderungen und Bedarfe\n"
        f"- {text}\n",
        encoding="utf-8",
    )
    project.import_files([extra])
    new = int(project.segments().iloc[-1]["segment_id"])
    project.code_segment(new, "Bedarf", "A")
    return new


def test_rename_survives_new_statements(demo_copy: Project, tmp_path: Path) -> None:
    needs.run_needs(demo_copy, NeedParams(n_clusters=6), progress=False)
    first = needs.clusters(demo_copy).iloc[0]
    need_edits.rename_cluster(demo_copy, int(first["cluster"]), "Mein Name")
    _add_need(demo_copy, tmp_path, f"{first['quotes'][0]} (Nachtrag)")
    needs.run_needs(demo_copy, NeedParams(n_clusters=6), progress=False)
    assert "Mein Name" in needs.clusters(demo_copy)["label"].tolist()


def test_an_edit_changes_the_latest_clusters_and_nothing_else(demo_copy: Project, monkeypatch):
    """A rename re-clustered the needs: where a re-fit came out otherwise (10,000 cards, run
    with another number of threads) the renamed cluster's statements were elsewhere and
    every earlier edit was reported as lost."""
    needs.run_needs(demo_copy, NeedParams(n_clusters=6), progress=False)
    before = needs.assignments(demo_copy).set_index("segment_id")["cluster"]
    need_edits.rename_cluster(demo_copy, 0, "Erster Name", author="A")

    def refit_elsewhere(*args, **kwargs):
        raise AssertionError("an edit of unchanged statements must not cluster again")

    monkeypatch.setattr("workbench.analysis.clustering.make_clusterer", refit_elsewhere)
    need_edits.rename_cluster(demo_copy, 1, "Zweiter Name", author="B")
    run = need_edits.merge_clusters(demo_copy, [2, 3], label="Zusammen", author="B")
    after = needs.assignments(demo_copy).set_index("segment_id")["cluster"]
    assert adjusted_rand_score(before, after[before.index]) > 0.8  # only the merge
    clusters = needs.clusters(demo_copy).set_index("label")
    for name in ("Erster Name", "Zweiter Name", "Zusammen"):
        assert clusters.loc[name, "label_source"] == "Forschende"
    was = {c: set(before.index[before == c]) for c in range(4)}
    table = needs.assignments(demo_copy)
    held = table.groupby("cluster_label")["segment_id"].apply(set)
    assert held["Erster Name"] == was[0] and held["Zweiter Name"] == was[1]
    assert held["Zusammen"] == was[2] | was[3]
    assert need_edits.skipped_edits(demo_copy, run) == []


def test_an_edit_beside_a_colleagues_edit_loses_neither(demo_copy: Project, monkeypatch):
    """Two researchers rename at once: each new run started from the same latest run, so
    the second one stored would have lacked the first one's name."""
    needs.run_needs(demo_copy, NeedParams(n_clusters=6), progress=False)
    members = needs.assignments(demo_copy).groupby("cluster")["segment_id"].apply(list)
    reading = need_edits.clustered_statements

    def colleague_meanwhile(*args, **kwargs):
        with demo_copy.transaction() as session:
            edit = {"members": [int(m) for m in members[1]], "label": "Name von B"}
            session.add(NeedEdit(op="rename", payload=edit, author="B"))
        monkeypatch.setattr(need_edits, "clustered_statements", reading)
        return reading(*args, **kwargs)

    monkeypatch.setattr(need_edits, "clustered_statements", colleague_meanwhile)
    need_edits.rename_cluster(demo_copy, 0, "Name von A", author="A")
    labels = needs.clusters(demo_copy)["label"].tolist()
    assert "Name von A" in labels and "Name von B" in labels
    assert need_edits.skipped_edits(demo_copy) == []


def test_an_edit_after_new_statements_clusters_again(demo_copy: Project, tmp_path: Path):
    needs.run_needs(demo_copy, NeedParams(n_clusters=6), progress=False)
    new = _add_need(demo_copy, tmp_path, "Es fehlt ein Treffpunkt für Jugendliche am Abend.")
    need_edits.rename_cluster(demo_copy, 0, "Mein Name")
    assert new in set(needs.assignments(demo_copy)["segment_id"])  # the new need is in
    assert "Mein Name" in needs.clusters(demo_copy)["label"].tolist()


def test_edit_errors_are_clear(demo_copy: Project) -> None:
    with pytest.raises(WorkbenchError, match="Noch keine Bedarfscluster"):
        needs.clusters(demo_copy)
    needs.run_needs(demo_copy, progress=False)
    with pytest.raises(WorkbenchError, match="Cluster 99 gibt es"):
        need_edits.rename_cluster(demo_copy, 99, "x")
    with pytest.raises(WorkbenchError, match="mindestens zwei"):
        need_edits.merge_clusters(demo_copy, [0, 0])


def _source_texts() -> dict[tuple[str, str], str]:
    """(document file, source id) → text, read straight from the demo's card files."""
    out = {}
    for path in DEMO.glob("*_karten.csv"):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=";"):
            out[row["Karten-ID"]] = row["Text"]
    return out


def test_cli_csv_joins_back_to_the_source_by_source_id(
    demo_copy: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bedarfe.csv"
    assert (
        main(["--project", str(demo_copy.path), "needs", "--segments", "all", "--out", str(out)])
        == 0
    )
    table = pd.read_csv(out, dtype={"source_id": str})
    columns = ["segment_id", "document", "source_id", "cluster", "cluster_label", "scope"]
    assert list(table.columns) == columns
    assert len(table) == len(demo_copy.segments())
    cards = _source_texts()
    joined = table[table["source_id"].isin(cards)]
    assert len(joined) >= 150  # every card row joins back to its card in the source file
    segments = demo_copy.segments().set_index("segment_id")
    for row in joined.itertuples():
        original = " ".join(cards[row.source_id].split())
        stored = " ".join(segments.loc[row.segment_id, "text"].split())
        assert stored == original or "[" in stored  # identical unless pseudonymised


def test_cli_csv_names_each_statements_file_where_ids_repeat_across_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two exports that each count their cards from 1 (one per district): the CSVs
    of needs and topics say which file a statement comes from, so (document, source_id)
    joins back to exactly one row."""
    folder = tmp_path / "p"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    rows = {
        "mobilitaet.csv": ["Der Bus fährt zu selten", "Radwege fehlen", "Mehr Carsharing"],
        "wohnen.csv": ["Mieten sind zu hoch", "Es fehlen kleine Wohnungen", "Mehr Grün im Hof"],
    }
    for name, texts in rows.items():
        lines = ["id,text", *(f"{i},{t}" for i, t in enumerate(texts, start=1))]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        imported = ["import", str(tmp_path / name), "--text-column", "text", "--id-column", "id"]
        assert main(["--project", str(folder), *imported]) == 0
    for command in (["needs", "--segments", "all"], ["topics"]):
        out = tmp_path / f"{command[0]}.csv"
        args = ["--project", str(folder), *command, "--backend", "tfidf", "--out", str(out)]
        assert main(args) == 0, capsys.readouterr().err
        table = pd.read_csv(out, dtype={"source_id": str})
        assert list(table.columns[1:3]) == ["document", "source_id"]
        assert table["source_id"].duplicated().any()  # the IDs alone are ambiguous
        assert not table.duplicated(["document", "source_id"]).any()
        stored = Project.open(folder).segments().set_index("segment_id")["text"]
        for row in table.itertuples():
            assert stored[row.segment_id] == rows[row.document][int(row.source_id) - 1]


def test_needs_of_one_question_without_coding(
    demo_copy: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A survey's answers to "Was fehlt Ihnen?" are its needs: `--question` clusters the
    statements under the guiding questions holding the text, coded or not (before, a
    survey had to be coded 'Bedarf' first or clustered with all its other answers)."""
    out = tmp_path / "bedarfe.csv"
    args = ["--project", str(demo_copy.path), "needs", "--question", "bedarfe"]
    assert main([*args, "--out", str(out)]) == 0
    segments = demo_copy.segments()
    asked = segments["question"].fillna("").str.contains("Bedarfe")
    assert 0 < asked.sum() < len(segments)
    table = pd.read_csv(out)
    assert sorted(table["segment_id"]) == sorted(segments.loc[asked, "segment_id"])
    stored = needs.runs(demo_copy)["params"].iloc[-1]
    assert '"question": "bedarfe"' in stored and '"segments": "all"' in stored
    # a run without --question stores its parameters as before
    needs.run_needs(demo_copy, NeedParams(n_clusters=5), progress=False)
    assert "question" not in needs.runs(demo_copy)["params"].iloc[-1]

    assert main([*args[:-1], "Zauberwort"]) == 2
    err = capsys.readouterr().err
    assert "Keine Aussage unter einer Leitfrage mit 'Zauberwort'" in err
    assert "'Herausforderungen und Bedarfe'" in err and "Traceback" not in err


def test_meeting_fillers_and_placeholders_are_no_theme_words() -> None:
    """Turns of a meeting ("Okay, [Person 2]", "Thank you", "Ja, danke") made the labels
    and keywords of clusters of transcripts; placeholders made a label of their own."""
    assert stopwords.tokenize("Okay, [Person 2], thank you. Ja, danke, hallo!") == []
    assert stopwords.tokenize("[Adresse] [Telefon] Quartiersbüro am Telefon") == [
        "quartiersbüro",
        "telefon",
    ]
    central = ["Okay, [Person 2]", "Okay, danke", "Der Bus nach Opladen fährt abends zu selten"]
    words = [w for text in central for w in stopwords.tokenize(text)]
    assert labels.readable_label(central, words, set()) == (
        "Der Bus nach Opladen fährt abends zu selten"
    )


# -- membership and matching (shared by needs, recommendations and feedback) -------------
@pytest.mark.parametrize("module", [need_clusters, labels, need_scope, stopwords])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_match_cluster_threshold_and_ties() -> None:
    # A cluster holding the members matches however much it grew; below half, none does.
    assert match_cluster([1, 2], {3: {1, 2, 3, 4}}) == (3, 0.5, 2)
    assert match_cluster([1, 2], {3: {1, 2, *range(10, 40)}}) == (3, 2 / 32, 2)
    assert match_cluster([1, 2, 3, 4, 5], {3: {1, 2, 9}, 4: {3, 8}}) == (None, 2 / 6, 2)
    assert match_cluster([1, 2, 3, 4], {3: {1, 2, 9}}).cluster == 3  # exactly half
    # Equal similarity: the lowest cluster number wins, whatever the dict order.
    assert match_cluster([1, 2], {5: {1, 2, 9}, 2: {1, 2, 8}}).cluster == 2
    # Nothing to match against, or no overlap at all.
    assert match_cluster([1, 2], {}) == (None, 0.0, 0)
    assert match_cluster([], {0: {1}}) == (None, 0.0, 0)


@pytest.mark.backends
def test_latest_memberships_reads_the_latest_or_a_given_run(
    project: Project, tmp_path: Path
) -> None:
    with project.session() as session:
        assert latest_memberships(session) is None
    rated_project(project, tmp_path)
    ids = project.segments()["segment_id"].astype(int).tolist()
    with project.session() as session:
        first = latest_memberships(session).run_id
    latest = store_need_run(project, [("Alles", ids)])
    with project.session() as session:
        newest = latest_memberships(session)
        earlier = latest_memberships(session, first)
        with pytest.raises(WorkbenchError, match="Bedarfslauf 99 gibt es nicht"):
            latest_memberships(session, 99)
    assert (newest.run_id, newest.members) == (latest, {0: set(ids)})
    assert newest.described[0]["label"] == "Alles"
    assert earlier.run_id == first
    assert earlier.members == {0: {ids[0], ids[3]}, 1: {ids[1], ids[4]}, 2: {ids[2], ids[5]}}
    assert [c["label"] for c in earlier.clusters] == [
        "Lernräume",
        "Treffpunkte für Jugendliche",
        "Beratung & Anträge <b>",
    ]


def test_statements_coded_with_a_subcode_of_bedarf_are_needs(demo_copy: Project) -> None:
    """A team that refines 'Bedarf' into 'Bedarf/Mobilität' in a later wave keeps those
    statements among the needs (before, they dropped out of the needs run and monitoring
    called their need 'nicht mehr genannt')."""
    from workbench.analysis import waves

    codings = demo_copy.codings()
    coded = set(codings.loc[codings["code"] == needs.NEED_CODE, "segment_id"])
    other = next(int(s) for s in demo_copy.segments()["segment_id"] if int(s) not in coded)
    demo_copy.add_code("Bedarf/Mobilität")
    demo_copy.code_segment(other, "Bedarf/Mobilität", "A")
    selected = needs.select_statements(demo_copy, NeedParams(), demo_copy.segments())
    assert set(selected["segment_id"]) == coded | {other}
    assert waves._need_statements(demo_copy, {"segments": "needs"}) == coded | {other}
