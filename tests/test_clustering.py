"""Clusterers: recover clear structure, choose k from the data, deterministic and seed-stable;
the kNN graph behind them is sparse and (beyond the exact range) finds nearly all neighbours."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from workbench.analysis import knn
from workbench.analysis.clustering import GraphKMeans, make_clusterer
from workbench.analysis.spectral import SpectralClusterer, modularity


def _blobs(k: int, per: int, dim: int = 32, noise: float = 0.25, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, dim))
    x = np.vstack([c + noise * rng.normal(size=(per, dim)) for c in centres])
    return x, np.repeat(np.arange(k), per)


@pytest.mark.parametrize("cls", [SpectralClusterer, GraphKMeans])
def test_recovers_separated_groups_and_their_number(cls: type) -> None:
    x, y = _blobs(6, 40)
    model = cls(random_state=1).fit(x)
    assert model.n_clusters_ == 6
    assert adjusted_rand_score(y, model.labels_) > 0.95
    assert model.predict(x[:5]).tolist() == model.labels_[:5].tolist()


@pytest.mark.parametrize("cls", [SpectralClusterer, GraphKMeans])
def test_given_number_of_clusters_is_used(cls: type) -> None:
    x, _ = _blobs(6, 40)
    assert len(set(cls(n_clusters=3).fit(x).labels_)) == 3


@pytest.mark.parametrize("cls", [SpectralClusterer, GraphKMeans])
def test_deterministic_for_a_seed_and_assigns_everything(cls: type) -> None:
    x, _ = _blobs(5, 30, noise=1.5)
    a = cls(random_state=7).fit(x).labels_
    b = cls(random_state=7).fit(x).labels_
    assert a.tolist() == b.tolist()
    assert (a >= 0).all()


@pytest.mark.parametrize("cls", [SpectralClusterer, GraphKMeans])
def test_tiny_inputs(cls: type) -> None:
    assert cls().fit(np.ones((1, 4))).labels_.tolist() == [0]
    x, _ = _blobs(2, 3)
    assert len(cls().fit(x).labels_) == 6


def test_spectral_is_stable_across_seeds_on_noisy_data() -> None:
    # Overlapping groups: k-means alone depends on its starts; the partition must not.
    x, _ = _blobs(8, 60, noise=1.2, seed=3)
    runs = [SpectralClusterer(random_state=seed).fit(x) for seed in (1, 2, 3)]
    assert len({r.n_clusters_ for r in runs}) == 1  # k does not depend on the seed
    for other in runs[1:]:
        assert adjusted_rand_score(runs[0].labels_, other.labels_) >= 0.85


def test_k_maximises_modularity_over_the_search_range() -> None:
    x, _ = _blobs(5, 40, noise=0.6)
    model = SpectralClusterer(min_clusters=2, max_clusters=9).fit(x)
    assert sorted(model.modularity_) == list(range(2, 10))
    assert model.n_clusters_ == max(model.modularity_, key=model.modularity_.get)
    assert model.n_clusters_ == 5


def test_modularity_of_simple_graphs() -> None:
    from scipy.sparse import csr_matrix

    # two disconnected triangles: split along them → 0.5, everything together → 0
    edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)]
    rows, cols = zip(*(edges + [(j, i) for i, j in edges]), strict=True)
    w = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(6, 6))
    assert modularity(w, np.array([0, 0, 0, 1, 1, 1])) == pytest.approx(0.5)
    assert modularity(w, np.zeros(6, dtype=int)) == pytest.approx(0.0)


def test_make_clusterer_builds_each_method() -> None:
    assert isinstance(make_clusterer("spectral", 4, 15, 4, 20, 1), SpectralClusterer)
    assert isinstance(make_clusterer("graph-kmeans", 4, 10, 4, 20, 1), GraphKMeans)
    with pytest.raises(ValueError):
        make_clusterer("ward", 4, 10, 4, 20, 1)


def test_knn_graph_is_sparse_symmetric_and_exact_below_the_threshold() -> None:
    x = knn.unit_rows(_blobs(4, 50, noise=1.0)[0])
    indices, similarities = knn.nearest_neighbours(x, 7)
    full = x @ x.T
    np.fill_diagonal(full, -np.inf)
    truth = np.argsort(-full, axis=1)[:, :7]
    assert (np.sort(indices, axis=1) == np.sort(truth, axis=1)).all()
    assert (np.diff(similarities, axis=1) <= 1e-6).all()  # best first
    w = knn.knn_affinity(indices, similarities)
    assert (w != w.T).nnz == 0 and w.nnz <= 2 * 7 * len(x)


def test_inverted_file_search_finds_nearly_all_neighbours() -> None:
    x = knn.unit_rows(_blobs(30, 100, dim=48, noise=0.9, seed=5)[0])
    exact, _ = knn.nearest_neighbours(x, 10)
    approx, sims = knn.nearest_neighbours(x, 10, exact_max=500)  # force the cell search
    assert (np.diff(sims, axis=1) <= 1e-6).all()
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx, strict=True)])
    assert recall >= 0.9
    assert (approx != np.arange(len(x))[:, None]).all()  # never its own neighbour
    again, _ = knn.nearest_neighbours(x, 10, exact_max=500)
    assert (again == approx).all()


def _copies(seed: int = 3) -> np.ndarray:
    """200 different statements in 6 themes, each posted 1–30 times, in random order."""
    rng = np.random.default_rng(seed)
    distinct = knn.unit_rows(_blobs(6, 34, dim=48, noise=0.8, seed=seed)[0][:200])
    x = np.repeat(distinct, rng.integers(1, 31, size=len(distinct)), axis=0)
    return x[rng.permutation(len(x))]


@pytest.mark.parametrize("exact_max", [10_000, 300])
def test_copies_of_a_statement_are_neighbours_by_index_with_one_similarity(exact_max) -> None:
    """Which of 30 near-equal copies were neighbours followed the matrix product's rounding."""
    x = _copies()
    indices, similarities = knn.nearest_neighbours(x, 15, exact_max=exact_max)
    _, group = np.unique(x, axis=0, return_inverse=True)
    group = group.ravel()
    for row in range(len(x)):
        copies = np.flatnonzero(group == group[row])
        copies = copies[copies != row]
        own = indices[row, : min(15, len(copies))]
        assert own.tolist() == copies[:15].tolist()  # its copies first, in their order
        for value in np.unique(group[indices[row]]):
            assert len(set(similarities[row][group[indices[row]] == value])) == 1
    assert (indices != np.arange(len(x))[:, None]).all()


def test_rows_sharing_a_hash_are_still_told_apart(monkeypatch) -> None:
    x = _copies(seed=5)
    first, group = knn._distinct(x)
    monkeypatch.setattr(knn, "hash", lambda data: 7, raising=False)  # every row one hash
    again = knn._distinct(x)
    assert (again[0] == first).all() and (again[1] == group).all()
    assert len(first) == len(np.unique(x, axis=0)) and (x[first[group]] == x).all()


def test_the_graph_does_not_depend_on_threads_or_block_size(monkeypatch) -> None:
    """With one thread the blocks were twice as tall as with two, and 10,000 cards of
    1,056 texts gave another graph and clusters (ARI 0.27) — cluster edits were lost."""
    x = _copies(seed=4)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    one = knn.nearest_neighbours(x, 15)
    labels = SpectralClusterer().fit(x).labels_
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    four = knn.nearest_neighbours(x, 15)
    assert (one[0] == four[0]).all() and (one[1] == four[1]).all()  # to the last bit
    assert (SpectralClusterer().fit(x).labels_ == labels).all()
    # Another block shape (as another BLAS may compute) changes the last bits, not the graph.
    monkeypatch.setattr(knn, "BLOCK_BYTES", 4 * len(x) * knn.MAX_THREADS * 7)  # 7-row blocks
    other = knn.nearest_neighbours(x, 15)
    assert (one[0] == other[0]).all() and np.allclose(one[1], other[1], atol=1e-6)


def test_few_different_statements_are_one_cluster_each_and_copies_stay_together() -> None:
    """Five copies of one statement were forced into four clusters with repeated labels;
    two different statements were one cluster."""
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(2, 16))
    assert SpectralClusterer().fit(np.vstack([a] * 5)).labels_.tolist() == [0] * 5
    assert SpectralClusterer().fit(np.vstack([b, a])).labels_.tolist() == [0, 1]
    assert SpectralClusterer().fit(np.vstack([b, a, b, a, a])).labels_.tolist() == [0, 1, 0, 1, 1]
