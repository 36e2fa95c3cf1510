"""notebooks/studie.py: the reproducible demo project and the shared study decisions."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import studie as nb

from workbench import Project
from workbench.analysis import needs
from workbench.participation import feedback
from workbench.synthesis import recommendations


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(nb.CACHE_ENV, str(folder))
    return folder


def _fake_embed(self, texts):  # deterministic stand-in for USE: no model, instant
    rng = np.random.default_rng(len(texts))
    vectors = rng.normal(size=(len(texts), 8)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_demo_project_is_built_afresh_and_fills_the_shared_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.analysis.embeddings import UseEmbedder

    monkeypatch.setattr(UseEmbedder, "embed", _fake_embed)
    first = nb.demo_project()
    second = nb.demo_project()
    assert first.path != second.path
    assert first.status() == second.status()
    assert first.segments()["segment_id"].tolist() == second.segments()["segment_id"].tolist()
    key = nb.corpus_key(first)
    assert key == nb.corpus_key(second)
    assert sorted(p.suffix for p in (cache / key).iterdir()) == [".npz"]


def test_demo_project_takes_the_embeddings_from_the_cache(
    cache: Path, embedded_demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.analysis.embeddings import UseEmbedder

    with Project.open(embedded_demo_dir) as source:
        key = nb.corpus_key(source)
    shutil.copytree(embedded_demo_dir / "cache" / "embeddings", cache / key)

    def refuse(self, texts):
        raise AssertionError("embedded although the cache holds the corpus")

    monkeypatch.setattr(UseEmbedder, "embed", refuse)
    project = nb.demo_project()
    assert project.status()["segments"] == 487


def test_study_needs_names_every_cluster(demo_copy: Project) -> None:
    run = nb.study_needs(demo_copy, seed=42)
    clusters = needs.clusters(demo_copy, run)
    assert len(clusters) == (nb.NEED_CLUSTERS or len(nb.NEED_LABELS))
    assert sorted(clusters["label"]) == sorted(nb.NEED_LABELS.values())


def test_cluster_of_names_a_missing_statement(demo_copy: Project) -> None:
    nb.study_needs(demo_copy, seed=42)
    with pytest.raises(Exception, match="in keinem Bedarfscluster"):
        nb.cluster_of(demo_copy, "gesamtstadt_protokoll.md", "1")


def test_recommendations_have_complete_evidence_chains(demo_copy: Project) -> None:
    nb.study_needs(demo_copy, seed=42)
    table = nb.add_recommendations(demo_copy)
    assert len(table) == len(nb.RECOMMENDATIONS)
    assert (table["needs"] >= 1).all()
    assert table["evidence"].tolist() == [len(s.evidence) for s in nb.RECOMMENDATIONS]
    assert recommendations.check_provenance(demo_copy).empty
    assert len(nb.recommendation_specs()) == len(nb.RECOMMENDATIONS)


def test_simulated_feedback_is_the_same_on_every_run(
    demo_copy: Project, embedded_demo_dir: Path, tmp_path: Path
) -> None:
    shutil.copytree(embedded_demo_dir, tmp_path / "other")
    results = []
    for project in (demo_copy, Project.open(tmp_path / "other")):
        nb.study_needs(project, seed=42)
        nb.add_recommendations(project)
        status = nb.simulate_feedback(project, per_group=2, seed=3)
        results.append((status, feedback.feedback_answers(project)))
    (status_a, answers_a), (status_b, answers_b) = results
    items = len(nb.NEED_LABELS) + len(nb.RECOMMENDATIONS)  # every participant rates every item
    expected = {"rounds": 1, "tokens": 12, "participants": 12, "answers": 12 * items}
    assert status_a == status_b == expected
    assert answers_a.equals(answers_b)
    assert (answers_a.groupby("token_id")["points"].sum() == 10).all()


def test_need_stability_and_profile_overview(demo_copy: Project) -> None:
    from workbench.synthesis.profiles import build_profiles

    table = nb.need_stability(demo_copy, ks=[4, 6], seeds=range(3))
    assert list(table.index) == [4, 6]
    assert ((table["min_ari"] <= table["mean_ari"]) & (table["mean_ari"] <= 1)).all()
    nb.study_needs(demo_copy, seed=42)
    overview = nb.profile_overview(build_profiles(demo_copy))
    assert list(overview.index) == ["Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf"]
    assert overview["Aussagen"].sum() == 487 - 96  # without the city-wide workshop
    assert overview.loc["Wiesdorf", "Lebenslagenindex"] == 131


def test_setup_display_sets_renderers_without_the_plotly_bundle() -> None:
    import plotly.io as pio

    nb.setup_display()
    assert pio.renderers.default == nb.PLOTLY_RENDERERS
    assert "notebook_connected" in nb.PLOTLY_RENDERERS
    assert pio.templates.default == nb.TEMPLATE


def test_projects_of_finished_kernels_are_removed(tmp_path: Path) -> None:
    import os
    import subprocess

    gone = subprocess.Popen(["true"])  # a process id that no longer exists
    gone.wait()
    stale = tmp_path / f"{nb.PROJECT_PREFIX}{gone.pid}-abc"
    mine = tmp_path / f"{nb.PROJECT_PREFIX}{os.getpid()}-def"
    other = tmp_path / "something-else"
    for folder in (stale, mine, other):
        folder.mkdir()
    nb._remove_stale_projects(tmp_path)
    assert not stale.exists()
    assert mine.exists() and other.exists()


def test_a_kernel_that_dies_while_starting_is_started_once_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """notebooks/conftest.py: nbval reported every cell of notebook 08 as an error when
    its kernel died binding a port another process had just taken; now a second kernel
    starts, and the first one's error output is shown."""
    import importlib.util

    import nbval.kernel

    calls: list[object] = []

    def dies_once(*args: object, **kwargs: object) -> tuple[str, str]:
        calls.append(kwargs.get("stderr"))
        if len(calls) == 1:
            kwargs["stderr"].write("zmq.error.ZMQError: Address already in use\n")  # type: ignore[attr-defined]
            raise RuntimeError("Kernel died before replying to kernel_info")
        return "manager", "client"

    monkeypatch.setattr(nbval.kernel, "start_new_kernel", dies_once)
    path = Path(__file__).resolve().parent.parent / "notebooks" / "conftest.py"
    spec = importlib.util.spec_from_file_location("notebooks_conftest", path)
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    with pytest.warns(UserWarning, match="Address already in use"):
        started = nbval.kernel.start_new_kernel(kernel_name="python3", stderr=None)
    assert started == ("manager", "client")
    assert len(calls) == 2 and calls[1] is None  # the second attempt as nbval asked
