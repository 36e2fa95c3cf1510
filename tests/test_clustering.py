"""GraphKMeans: recovers clear structure, chooses k from the data, is deterministic."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import adjusted_rand_score

from workbench.analysis.clustering import GraphKMeans


def _blobs(k: int, per: int, dim: int = 32, noise: float = 0.25, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, dim))
    x = np.vstack([c + noise * rng.normal(size=(per, dim)) for c in centres])
    return x, np.repeat(np.arange(k), per)


def test_recovers_separated_groups_and_their_number() -> None:
    x, y = _blobs(6, 40)
    model = GraphKMeans(random_state=1).fit(x)
    assert model.n_clusters_ == 6
    assert adjusted_rand_score(y, model.labels_) > 0.95
    assert model.predict(x[:5]).tolist() == model.labels_[:5].tolist()


def test_given_number_of_clusters_is_used() -> None:
    x, _ = _blobs(6, 40)
    assert len(set(GraphKMeans(n_clusters=3).fit(x).labels_)) == 3


def test_deterministic_for_a_seed_and_assigns_everything() -> None:
    x, _ = _blobs(5, 30, noise=1.5)
    a = GraphKMeans(random_state=7).fit(x).labels_
    b = GraphKMeans(random_state=7).fit(x).labels_
    assert a.tolist() == b.tolist()
    assert (a >= 0).all()


def test_tiny_inputs() -> None:
    assert GraphKMeans().fit(np.ones((1, 4))).labels_.tolist() == [0]
    x, _ = _blobs(2, 3)
    assert len(GraphKMeans().fit(x).labels_) == 6
