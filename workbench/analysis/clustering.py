"""The clusterers for need clusters and topics, and graph-smoothed spherical k-means.

:func:`make_clusterer` builds the clusterer a run names: ``spectral`` (the default since
issue 14, :class:`workbench.analysis.spectral.SpectralClusterer`) or ``graph-kmeans``, the
method before it, kept so that stored runs with it can be reproduced (and as the baseline
in ``benchmarks/``). The rest of this module is that earlier method.

Why graph-kmeans was chosen first (see docs/decisions/003-need-clustering.md):
participation statements are short and noisy; a single statement's embedding is a weak
signal of its theme. Three steps, all deterministic for a given ``random_state``:

1. **Smoothing on the k-nearest-neighbour graph.** Each (L2-normalised) embedding is
   averaged with the mean of its ``n_neighbors`` nearest neighbours (cosine), one step of
   a low-pass graph filter. Statements about the same theme move together, idiosyncratic
   wording is damped.
2. **Number of clusters from the data** (unless given): the eigengap of the normalised
   Laplacian of the same kNN graph, searched in ``[min_clusters, max_clusters]``.
3. **Spherical k-means** on the smoothed vectors (reduced by PCA for speed). Every
   statement is assigned: there are no outliers to reduce afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix, diags
from scipy.sparse.linalg import eigsh
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import normalize

if TYPE_CHECKING:
    from workbench.analysis.spectral import SpectralClusterer


METHODS = ("spectral", "graph-kmeans")
_SMOOTH_ROWS = 4096


def make_clusterer(
    method: str,
    n_clusters: int | None,
    n_neighbors: int,
    min_clusters: int,
    max_clusters: int,
    seed: int,
) -> SpectralClusterer | GraphKMeans:
    """The clusterer ``method`` ("spectral" or "graph-kmeans") with these parameters."""
    if method == "spectral":
        from workbench.analysis.spectral import SpectralClusterer

        return SpectralClusterer(
            n_clusters=n_clusters,
            n_neighbors=n_neighbors,
            min_clusters=min_clusters,
            max_clusters=max_clusters,
            random_state=seed,
        )
    if method == "graph-kmeans":
        return GraphKMeans(
            n_clusters=n_clusters,
            n_neighbors=n_neighbors,
            min_clusters=min_clusters,
            max_clusters=max_clusters,
            random_state=seed,
        )
    raise ValueError(f"Unbekanntes Verfahren: {method}")


@dataclass(frozen=True)
class _Graph:
    neighbours: np.ndarray  # (n, k) indices, self excluded
    similarity: np.ndarray  # (n, k) cosine similarities, clipped at 0


def _knn_graph(x: np.ndarray, n_neighbors: int) -> _Graph:
    k = min(n_neighbors, len(x) - 1)
    distances, indices = NearestNeighbors(n_neighbors=k + 1, metric="cosine").fit(x).kneighbors(x)
    return _Graph(indices[:, 1:], np.clip(1.0 - distances[:, 1:], 0.0, None))


def smooth(x: np.ndarray, graph: _Graph, alpha: float = 0.5) -> np.ndarray:
    """One low-pass step: ``alpha`` × self + (1 − alpha) × mean of the neighbours.

    Row blocks keep the (rows × neighbours × dimensions) gather small; each row is
    computed exactly as in one piece.
    """
    means = np.empty_like(x)
    for start in range(0, len(x), _SMOOTH_ROWS):
        means[start : start + _SMOOTH_ROWS] = x[
            graph.neighbours[start : start + _SMOOTH_ROWS]
        ].mean(axis=1)
    return normalize(alpha * x + (1.0 - alpha) * means)


def eigengap_k(graph: _Graph, k_min: int, k_max: int) -> int:
    """Number of clusters at the largest eigengap of the normalised graph Laplacian."""
    n = len(graph.neighbours)
    k_max = max(k_min, min(k_max, n - 2))
    rows = np.repeat(np.arange(n), graph.neighbours.shape[1])
    w = csr_matrix((graph.similarity.ravel(), (rows, graph.neighbours.ravel())), shape=(n, n))
    w = w.maximum(w.T)
    degree = np.asarray(w.sum(axis=1)).ravel()
    scale = diags(1.0 / np.sqrt(np.where(degree > 0, degree, 1.0)))
    affinity = scale @ w @ scale
    if n <= 400:
        values = np.linalg.eigvalsh(affinity.toarray())[::-1][: k_max + 1]
    else:
        values = eigsh(
            affinity, k=k_max + 1, which="LA", return_eigenvectors=False, v0=np.ones(n) / np.sqrt(n)
        )
        values = np.sort(values)[::-1]
    laplacian = 1.0 - values  # ascending
    gaps = np.diff(laplacian)  # gaps[k-1]: between the k-th and (k+1)-th eigenvalue
    return int(k_min + np.argmax(gaps[k_min - 1 : k_max]))


class GraphKMeans:
    """Graph-smoothed spherical k-means with the number of clusters from the eigengap.

    Follows scikit-learn's conventions (and BERTopic's clusterer contract): ``fit``
    learns ``labels_``, ``n_clusters_`` and ``cluster_centers_``; ``predict`` assigns new
    points to the nearest centre.
    """

    def __init__(
        self,
        n_clusters: int | None = None,
        n_neighbors: int = 10,
        min_clusters: int = 4,
        max_clusters: int = 20,
        n_components: int = 50,
        n_init: int = 4,
        random_state: int = 42,
    ):
        self.n_clusters = n_clusters
        self.n_neighbors = n_neighbors
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.n_components = n_components
        self.n_init = n_init
        self.random_state = random_state

    def fit(self, x: np.ndarray, y: object = None) -> GraphKMeans:
        """Cluster the rows of ``x``."""
        x = normalize(np.asarray(x, dtype=np.float64))
        n = len(x)
        if n == 0:
            raise ValueError("Keine Aussagen zum Clustern.")
        if n < 3:
            self.labels_ = np.zeros(n, dtype=int)
            self.n_clusters_ = 1
            self.cluster_centers_ = normalize(x.mean(axis=0, keepdims=True))
            self._pca = None
            return self
        graph = _knn_graph(x, self.n_neighbors)
        smoothed = smooth(x, graph)
        if self.n_clusters is not None:
            k = max(1, min(self.n_clusters, n))
        else:
            upper = min(self.max_clusters, max(self.min_clusters, n // 10))
            k = (
                min(eigengap_k(graph, self.min_clusters, upper), n)
                if n > self.min_clusters + 2
                else 2
            )
        dims = min(self.n_components, n - 1, x.shape[1])
        self._pca = PCA(dims, random_state=self.random_state).fit(smoothed)
        reduced = normalize(self._pca.transform(smoothed))
        kmeans = KMeans(k, n_init=self.n_init, random_state=self.random_state).fit(reduced)
        self.labels_ = kmeans.labels_.astype(int)
        self.n_clusters_ = k
        self.cluster_centers_ = normalize(kmeans.cluster_centers_)
        self.smoothed_ = smoothed
        return self

    def transform_space(self, x: np.ndarray) -> np.ndarray:
        """Map embeddings into the space the centres live in."""
        x = normalize(np.asarray(x, dtype=np.float64))
        return x if self._pca is None else normalize(self._pca.transform(x))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Nearest centre for new embeddings (unsmoothed: they have no neighbours yet)."""
        return np.argmax(self.transform_space(x) @ self.cluster_centers_.T, axis=1)

    def fit_predict(self, x: np.ndarray, y: object = None) -> np.ndarray:
        """``fit`` and return ``labels_``."""
        return self.fit(x).labels_
