"""Topics: stored runs, groups, CSV contract and identical results in a new process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.analysis import topics
from workbench.analysis.labels import normalise
from workbench.analysis.topics import TopicParams

pytestmark = pytest.mark.slow


def test_topic_run_is_stored_and_reloaded(demo_copy: Project) -> None:
    run_id = topics.run_topics(demo_copy, progress=False)
    described = topics.topics(demo_copy, run_id)
    table = topics.assignments(demo_copy, run_id)
    assert len(table) == len(demo_copy.segments())
    assert (table["topic"] != "-1").all()  # everything assigned
    assert 4 <= len(described) <= 20 and described["size"].sum() == len(table)
    assert table["probability"].between(0, 1).all()
    assert all(label for label in described["label"])
    # readable labels: a phrase from the topic's own statements, keywords kept beside it
    texts = demo_copy.segments().set_index("segment_id")["text"].map(normalise)
    for topic in described.itertuples():
        members = " ".join(texts[table.loc[table["topic"] == topic.key, "segment_id"]])
        assert " · " not in topic.label and normalise(topic.label.rstrip("…")) in members
        assert len(topic.keywords) >= 3
    assert described["label"].map(normalise).is_unique
    run = topics.runs(demo_copy).iloc[-1]
    assert run["run_id"] == run_id and len(run["corpus_hash"]) == 64
    assert json.loads(run["params"])["clusterer"] == "spectral"
    heat = topics.topic_district_table(demo_copy, run_id)
    assert heat.to_numpy().sum() == len(table)
    assert {"Manfort", "Steinbüchel"} <= set(heat.columns)


def test_topics_per_district(demo_copy: Project) -> None:
    run_id = topics.run_topics(demo_copy, TopicParams(by="district"), progress=False)
    table = topics.assignments(demo_copy, run_id)
    assert set(table["group"]) == set(demo_copy.segments()["district"])
    assert all(t.split(":")[0] == g for t, g in zip(table["topic"], table["group"], strict=True))


def test_same_input_same_assignments_in_two_processes(
    embedded_demo_dir: Path, tmp_path: Path
) -> None:
    outputs = []
    for i in range(2):
        folder = tmp_path / f"p{i}"
        shutil.copytree(embedded_demo_dir, folder)
        shutil.rmtree(folder / "cache")  # each process embeds from scratch
        out = tmp_path / f"topics{i}.csv"
        needs_out = tmp_path / f"needs{i}.csv"
        env = {**os.environ, "WORKBENCH_PROJECT": str(folder), "TQDM_DISABLE": "1"}
        # both commands in one fresh process (one start-up of the libraries, not two)
        both = (
            "import sys; from workbench.cli.main import main; "
            f"sys.exit(main(['topics', '--out', {str(out)!r}]) "
            f"or main(['needs', '--out', {str(needs_out)!r}]))"
        )
        subprocess.run([sys.executable, "-c", both], env=env, check=True, capture_output=True)
        outputs.append((out.read_text(encoding="utf-8"), needs_out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    table = pd.read_csv(tmp_path / "topics0.csv", dtype={"source_id": str})
    columns = ["segment_id", "document", "source_id", "topic", "topic_label", "probability"]
    assert list(table.columns) == columns
    with Project.open(embedded_demo_dir) as project:
        segments = project.segments()
    on = ["segment_id", "document", "source_id"]
    joined = table.merge(segments, on=on, how="left", indicator=True)
    assert (joined["_merge"] == "both").all()  # every row joins back by its source id


def test_topics_by_a_field_no_statement_has_stop_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sparse_data import card_wall
    from workbench.analysis import embeddings
    from workbench.core.domain import WorkbenchError

    project = card_wall(tmp_path, needs=False)  # cards without district or question

    def refuse(*_args, **_kwargs):
        raise AssertionError("embedded although nothing can be grouped")

    monkeypatch.setattr(embeddings, "project_embeddings", refuse)
    expected = {
        "district": "Alle Aussagen gehören zum Sozialraum „Gesamtstadt“",  # the default
        "question": "Keine Aussage hat eine Leitfrage",
    }
    for by, message in expected.items():
        with pytest.raises(WorkbenchError, match=message):
            topics.run_topics(project, TopicParams(by=by), progress=False)
    assert topics.runs(project).empty


def test_a_word_model_needs_two_words_that_pass_the_vectoriser_rules() -> None:
    """From 50 statements on, a word counts for the word model only when two statements use
    it (``min_df``); with fewer than two such words there is none to fit."""
    params = TopicParams()
    letters = [a + b for a in "bcdfg" for b in "klmnprstvwxz"]  # 60 made-up words
    unique = [f"Wort{x}a Stamm{x}o" for x in letters]
    assert topics._too_few_words(unique, params)  # 120 words, each in one statement only
    one_shared = [*unique, "Spielplatz", "Spielplatz"]
    assert topics._too_few_words(one_shared, params)  # one word in two statements
    two_shared = [*one_shared, "Bank am Spielplatz", "Bank"]
    assert not topics._too_few_words(two_shared, params)  # two
    assert not topics._too_few_words(["Spielplatz", "Bank"], params)  # few: every word counts
    assert topics._too_few_words(["👍", "[Person 1]", "❤️"], params)


def _python(code: str, **env: str) -> list:
    """Run ``code`` in a fresh interpreter; its last line of output, read as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
        env={**os.environ, **env},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_topics_load_neither_umap_nor_numba_unless_umap_is_asked_for(tmp_path: Path) -> None:
    """BERTopic's plotting module imports UMAP, and UMAP's pynndescent compiles numba code
    at import (25 s on the first run after installation): the default path (spectral
    clustering) needs neither, and UMAP stays importable for ``reducer="umap"``."""
    loaded, findable, plotting_umap, n = _python(
        "import importlib.util, json, sys\n"
        "from workbench.analysis import topics\n"
        "from workbench.analysis.embeddings import get_embedder\n"
        "texts = [f'Es fehlt ein {w} im Quartier für {g}' for w in ('Treffpunkt', 'Spielplatz',\n"
        "         'Radweg', 'Bus', 'Arzt', 'Park') for g in ('Ältere', 'Kinder', 'alle',\n"
        "         'Familien', 'Jugendliche')]\n"
        "embedder = get_embedder('tfidf')\n"
        "params = topics.TopicParams(backend='tfidf')\n"
        "found, _, _ = topics.fit_topics(texts, embedder.embed(texts), params, embedder)\n"
        "loaded = [m for m in ('umap', 'pynndescent', 'numba') if m in sys.modules]\n"
        "from bertopic.plotting import _topics\n"
        "findable = importlib.util.find_spec('umap') is not None\n"  # not left blocked
        "print(json.dumps([loaded, findable, _topics.HAS_UMAP, len(found)]))\n"
    )
    assert loaded == [] and findable and not plotting_umap and n == 30
    # asked for (reducer="umap"), UMAP is imported first: BERTopic sees it
    fake = tmp_path / "umap"
    fake.mkdir()
    (fake / "__init__.py").write_text("class UMAP:\n    pass\n", encoding="utf-8")
    origin, plotting_umap = _python(
        "import json, sys\n"
        "from workbench.analysis import topics\n"
        "topics._load_bertopic(umap=True)\n"
        "from bertopic.plotting import _topics\n"
        "print(json.dumps([sys.modules['umap'].__file__, _topics.HAS_UMAP]))\n",
        PYTHONPATH=str(tmp_path),
    )
    assert origin == str(fake / "__init__.py") and plotting_umap


def test_topics_whose_words_each_belong_to_one_topic_keep_their_words() -> None:
    """c-TF-IDF counts in how many topics a word occurs: from 50 statements on ``min_df=2``
    left no word when every word belongs to one topic only, and the fit stopped."""
    from workbench.analysis.embeddings import get_embedder

    groups = [
        "Spielplatz Schaukel Rutsche Sandkasten",
        "Bus Haltestelle Fahrplan Linie",
        "Miete Wohnung Nebenkosten Vermieter",
        "Ärztin Praxis Termin Sprechstunde",
        "Park Bäume Wiese Brunnen",
    ]
    texts = []
    for group in groups:
        words = group.split()
        texts += [" ".join(words[i % 4 :] + words[: i % 4]) for i in range(12)]
    embedder = get_embedder("tfidf")
    vectors = embedder.embed(texts)
    params = TopicParams(backend="tfidf", n_topics=5)
    assigned, _, described = topics.fit_topics(texts, vectors, params, embedder)
    assert len(set(assigned.tolist())) == 5
    for topic in described:
        members = {texts[i].split()[0] for i in range(len(texts)) if assigned[i] == topic["topic"]}
        group = next(g for g in groups if members <= set(g.split()))
        assert set(topic["keywords"]) & {w.lower() for w in group.split()}
