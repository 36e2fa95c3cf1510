"""Sparse k-nearest-neighbour graphs on unit vectors, in memory linear in the statements.

No n × n matrix is ever held: similarities are computed in row blocks of bounded size
(:data:`BLOCK_BYTES`), and only each row's ``k`` best neighbours are kept.

- Up to :data:`EXACT_MAX` statements the search is exact (brute force, blockwise).
- Beyond that it is an inverted-file search: the vectors are assigned to about √n
  cells (k-means centres fitted on a sample), and every statement is compared with the
  statements of the :data:`PROBES` cells whose centres are nearest to it. Time grows
  with n·√n, memory with n; most true neighbours are found (``benchmarks/scale.py``
  reports the recall against the exact search), and a missed neighbour is replaced by
  the next best one, which is what a clustering needs.

Everything is float32 and deterministic (fixed sampling seed, ties by index). Blocks run
in parallel threads (:func:`worker_threads`), each with one BLAS thread and its own output
rows; their size does not depend on the number of threads (a matrix product's last bits
depend on the shape of the block), so the neighbours do not depend on the number of cores.

Repeated statements (identical vectors: a card copied, a Pol.is comment posted twice) are
searched once: their similarities to any statement are then the very same number, and
which of the copies are neighbours follows their order — otherwise the rounding of the
matrix product would pick among the near-equal copies, differently for another block size
or CPU, and with many copies change the whole graph (10,000 cards of 1,056 texts: ARI 0.27
between one and two threads).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np
from scipy.sparse import csr_matrix

from workbench.analysis.blas_threads import one_blas_thread

T = TypeVar("T")
R = TypeVar("R")
EXACT_MAX = 10_000
BLOCK_BYTES = 64 * 2**20  # similarity blocks held at once (by all threads together)
MAX_THREADS = 4
PROBES = 16
_SAMPLE_PER_CELL = 30


def unit_rows(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as float32 (zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1, norms)


def worker_threads() -> int:
    """Threads for the search: the cores, at most 4, at most ``OMP_NUM_THREADS`` if set."""
    limit = os.environ.get("OMP_NUM_THREADS", "").strip()
    cores = os.cpu_count() or 1
    if limit.isdigit() and int(limit) > 0:
        cores = min(cores, int(limit))
    return max(1, min(cores, MAX_THREADS))


def _block_rows(width: int) -> int:
    """Rows of one thread's similarity block against ``width`` columns, on any machine."""
    return max(1, BLOCK_BYTES // (4 * max(width, 1) * MAX_THREADS))


# One in_threads at a time: its worker threads are as many as the cores (worker_threads).
_one_at_a_time = threading.Lock()


def in_threads(work: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``work`` on every item (results in order), in :func:`worker_threads` threads.

    Each call runs with one BLAS/OpenMP thread (:func:`one_blas_thread`, whichever thread
    called this function) and writes only its own output: every item is computed exactly
    as it would be alone, and the result does not depend on the number of threads. Callers
    in several threads take turns (``work`` must not call this function).
    """

    def limited(item: T) -> R:
        with one_blas_thread():
            return work(item)

    items = list(items)
    threads = min(worker_threads(), len(items))
    with _one_at_a_time, one_blas_thread():
        if threads < 2:
            return [limited(item) for item in items]
        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(limited, items))


def _top_k(similarity: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of each row's ``k`` largest entries, best first."""
    part = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    values = np.take_along_axis(similarity, part, axis=1)
    order = np.lexsort((part, -values), axis=1)  # best first, ties by smaller index
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(values, order, axis=1)


def _search(
    queries: np.ndarray, query_ids: np.ndarray, base: np.ndarray, base_ids: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Exact neighbours of ``queries`` among ``base`` (a query is not its own neighbour)."""
    rows = _block_rows(len(base))
    indices = np.empty((len(queries), k), dtype=np.int64)
    values = np.empty((len(queries), k), dtype=np.float32)

    def block(start: int) -> None:
        similarity = queries[start : start + rows] @ base.T
        similarity[query_ids[start : start + rows, None] == base_ids[None, :]] = -np.inf
        top, sim = _top_k(similarity, k)
        indices[start : start + rows] = base_ids[top]
        values[start : start + rows] = sim

    in_threads(block, range(0, len(queries), rows))
    return indices, values


def _centres(x: np.ndarray, seed: int) -> np.ndarray:
    """About √n unit k-means centres, fitted on a sample (the cells of the search)."""
    from sklearn.cluster import KMeans

    n = len(x)
    n_cells = max(2, int(np.sqrt(n)))
    rng = np.random.default_rng(seed)
    sample = x[np.sort(rng.choice(n, min(n, n_cells * _SAMPLE_PER_CELL), replace=False))]
    model = KMeans(n_cells, init="random", n_init=1, max_iter=20, random_state=seed)
    model.fit(sample)
    return unit_rows(model.cluster_centers_)


def _probe_lists(x: np.ndarray, centres: np.ndarray, probes: int) -> np.ndarray:
    """For every row the ``probes`` cells with the nearest centres (nearest first)."""
    out = np.empty((len(x), probes), dtype=np.int64)
    rows = max(1, BLOCK_BYTES // (4 * len(centres)))
    for start in range(0, len(x), rows):
        similarity = x[start : start + rows] @ centres.T
        out[start : start + rows] = _top_k(similarity, probes)[0]
    return out


def nearest_neighbours(
    x: np.ndarray, k: int, seed: int = 0, exact_max: int = EXACT_MAX
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` nearest other rows by cosine: (indices, similarities), best first.

    ``x`` must have unit rows (see :func:`unit_rows`); ``k`` is capped at n − 1.
    """
    n = len(x)
    k = min(k, n - 1)
    if k < 1:
        return np.zeros((n, 0), dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    first, group = _distinct(x)
    if len(first) == n:
        return _neighbours(x, k, seed, exact_max)
    distinct = x[first]
    width = min(k, len(first) - 1)
    if width:
        found, values = _neighbours(distinct, width, seed, exact_max)
    else:
        found, values = np.zeros((1, 0), dtype=np.int64), np.zeros((1, 0), dtype=np.float32)
    itself = np.einsum("ij,ij->i", distinct, distinct).astype(np.float32)
    return _expand(group, found, values, itself, k)


def _distinct(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first row of every distinct vector, in order of appearance; its number per row).

    Rows are grouped by a hash of their bytes and checked against their group's first row;
    only if two different rows share a hash are the rows themselves sorted (slower).
    """
    x = np.ascontiguousarray(x)
    keys = np.fromiter((hash(row.tobytes()) for row in x), dtype=np.int64, count=len(x))
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    copies = np.flatnonzero(first[inverse.ravel()] != np.arange(len(x)))
    if not (x[copies] == x[first[inverse.ravel()[copies]]]).all():  # a hash, different rows
        rows = x.view(np.dtype((np.void, x.dtype.itemsize * x.shape[1]))).ravel()
        _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    order = np.argsort(first)
    number = np.empty_like(order)
    number[order] = np.arange(len(order))
    return first[order], number[inverse.ravel()]


def _expand(
    group: np.ndarray, found: np.ndarray, values: np.ndarray, itself: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Rows' neighbours from their distinct vectors': the own copies first, all by index.

    Each distinct vector contributes at least one row, so its own copies and its neighbours
    hold at least ``k + 1`` rows (one of them the row itself) when ``k`` ≤ n − 1.
    """
    n, m = len(group), len(itself)
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(m + 1))
    rows = np.empty((m, k + 1), dtype=np.int64)
    sims = np.empty((m, k + 1), dtype=np.float32)
    for g in range(m):
        parts, weights = [order[bounds[g] : bounds[g + 1]]], [itself[g]]
        total = len(parts[0])
        for other, value in zip(found[g], values[g], strict=True):
            if total > k:
                break
            if other == g:  # not a neighbour of itself (the searches leave it out anyway)
                continue
            parts.append(order[bounds[other] : bounds[other + 1]])
            weights.append(value)
            total += len(parts[-1])
        rows[g] = np.concatenate(parts)[: k + 1]
        sims[g] = np.repeat(weights, [len(p) for p in parts])[: k + 1]
    candidates, closeness = rows[group], sims[group]
    keep = candidates != np.arange(n)[:, None]
    keep[keep.all(axis=1), k] = False  # the row itself was not among them: drop the last
    return candidates[keep].reshape(n, k), closeness[keep].reshape(n, k)


def _neighbours(x: np.ndarray, k: int, seed: int, exact_max: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`nearest_neighbours` of rows that are all different."""
    n = len(x)
    ids = np.arange(n)
    if n <= exact_max:
        return _search(x, ids, x, ids, k)
    centres = _centres(x, seed)
    probes = min(PROBES, len(centres))
    probe = _probe_lists(x, centres, probes)
    # Candidates: for every row, the k best of each probed cell, in slot (probe rank).
    found = np.zeros((n, probes * k), dtype=np.int64)
    closeness = np.full((n, probes * k), -np.inf, dtype=np.float32)
    flat = probe.ravel()
    order = np.argsort(flat, kind="stable")
    bounds = np.searchsorted(flat[order], np.arange(len(centres) + 1))
    home = np.argsort(probe[:, 0], kind="stable")
    home_bounds = np.searchsorted(probe[home, 0], np.arange(len(centres) + 1))

    def search_cell(cell: int) -> None:
        # Writes only the slots (query, probe rank) whose probe is this cell: the cells
        # can run in parallel threads.
        base_ids = home[home_bounds[cell] : home_bounds[cell + 1]]
        asked = order[bounds[cell] : bounds[cell + 1]]
        if len(base_ids) == 0 or len(asked) == 0:
            return
        width = min(k, len(base_ids))
        rows = _block_rows(len(base_ids))
        base = x[base_ids]
        for start in range(0, len(asked), rows):
            flat_pos = asked[start : start + rows]
            q, slot = flat_pos // probes, flat_pos % probes
            block = x[q] @ base.T
            block[q[:, None] == base_ids[None, :]] = -np.inf
            top, sim = _top_k(block, width)
            columns = slot[:, None] * k + np.arange(width)[None, :]
            found[q[:, None], columns] = base_ids[top]
            closeness[q[:, None], columns] = sim

    in_threads(search_cell, range(len(centres)))
    indices = np.empty((n, k), dtype=np.int64)
    values = np.empty((n, k), dtype=np.float32)
    rows = max(1, BLOCK_BYTES // (4 * probes * k))
    for start in range(0, n, rows):
        top, sim = _top_k(closeness[start : start + rows], k)
        indices[start : start + rows] = np.take_along_axis(found[start : start + rows], top, 1)
        values[start : start + rows] = sim
    short = np.flatnonzero(~np.isfinite(values).all(axis=1))
    if len(short):  # probed cells with fewer than k others: search everything
        indices[short], values[short] = _search(x[short], short, x, ids, k)
    return indices, values


def knn_affinity(indices: np.ndarray, similarities: np.ndarray) -> csr_matrix:
    """Symmetric sparse affinity: w_ij = max of the two directed similarities (≥ 0)."""
    n, k = indices.shape
    rows = np.repeat(np.arange(n), k)
    weights = np.clip(similarities.ravel(), 0.0, None).astype(np.float64)
    w = csr_matrix((weights, (rows, indices.ravel())), shape=(n, n))
    w = w.maximum(w.T).tocsr()
    w.eliminate_zeros()
    return w
