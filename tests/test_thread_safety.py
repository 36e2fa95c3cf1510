"""Shared state reached from several threads at once: the form server's workers, the
coding panel's background suggestions, the clustering's worker threads."""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from workbench.analysis import knn


@pytest.fixture
def switch_often():
    """Thread switches after every few bytecodes: a race shows in a few iterations."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_threads_of_the_clustering_leave_the_process_blas_threads_as_they_were(
    monkeypatch, switch_often
):
    """After the clustering's worker threads, later matrix products of the kernel or
    command run on as many BLAS threads as before (they were left at one), and every
    worker call runs with one BLAS thread to the end (another's end lifted it)."""
    if not _blas_threads():
        pytest.skip("no BLAS library loaded")
    monkeypatch.setattr(knn, "worker_threads", lambda: 4)
    matrix = np.random.default_rng(0).random((200, 200), dtype=np.float32)
    seen: list[set[int]] = []

    def work(item: int) -> float:
        seen.append(_blas_threads())
        time.sleep(0.001 * (item % 3))
        product = float((matrix @ matrix).sum())
        seen.append(_blas_threads())
        return product

    with threadpool_limits(limits=3, user_api="blas"):
        for _ in range(20):
            results = knn.in_threads(work, range(12))
            assert _blas_threads() == {3}
        assert results == [work(i) for i in range(12)]
    assert all(threads == {1} for threads in seen[: 20 * 24])  # not the 12 alone


def test_clustering_threads_started_from_two_threads_at_once_restore_the_limit(
    monkeypatch, switch_often
):
    """Two threads of one process clustering at the same time (a background suggestion
    beside the researcher's run): each call has one BLAS thread throughout, and the BLAS
    threads are left as they were found."""
    if not _blas_threads():
        pytest.skip("no BLAS library loaded")
    monkeypatch.setattr(knn, "worker_threads", lambda: 2)
    start = threading.Barrier(2)

    seen: list[set[int]] = []

    def work(item: int) -> None:
        time.sleep(0.001 * (item % 3))
        seen.append(_blas_threads())

    def cluster() -> None:
        start.wait(timeout=10)
        for _ in range(30):
            knn.in_threads(work, range(4))

    before = _blas_threads()
    if before == {1}:
        pytest.skip("one BLAS thread already: nothing to lose")
    runners = [threading.Thread(target=cluster) for _ in range(2)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=60)
    assert _blas_threads() == before
    assert len(seen) == 2 * 30 * 4
    assert all(threads == {1} for threads in seen)


def _in_two_threads(first, second, rounds: int) -> list[str]:
    """``first()`` and ``second()`` ``rounds`` times each, in two threads at once; the
    wrong answers (each returns an error text or None)."""
    start = threading.Barrier(2)
    wrong: list[str] = []

    def run(check) -> None:
        start.wait(timeout=10)
        for _ in range(rounds):
            problem = check()
            if problem:
                wrong.append(problem)

    runners = [threading.Thread(target=run, args=(check,)) for check in (first, second)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=120)
    return wrong


class _Fixed:
    """An embedder of fixed vectors (the cache's key is its name and version)."""

    name, version, cacheable = "fest", "1", True

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.array([[len(t), 1.0, 2.0] for t in texts], dtype=np.float32)


def test_two_threads_filling_one_embedding_cache_never_break_it(tmp_path, switch_often):
    """The coding panel's background suggestions and a cell of the same kernel embed at
    once: neither fails, and the cache file stays readable with vectors of both (both
    wrote the same temporary file, one's rename found it gone or the file was mixed)."""
    from workbench.analysis.embeddings import EmbeddingCache, embed

    def filler(word: str):
        count = iter(range(10_000))

        def fill() -> str | None:
            texts = [f"{word} {next(count)}" for _ in range(20)]
            try:
                vectors = embed(texts, _Fixed(), EmbeddingCache(tmp_path, _Fixed()), False)
            except Exception as err:  # the test counts every failure
                return f"{type(err).__name__}: {err}"
            return None if vectors.shape == (20, 3) else f"shape {vectors.shape}"

        return fill

    assert not _in_two_threads(filler("Bus"), filler("Bahn"), 40)
    cache = EmbeddingCache(tmp_path, _Fixed())
    assert len(cache) == 2 * 40 * 20  # what one stored, the other kept
    assert [p.name for p in tmp_path.iterdir()] == ["fest-1.npz"]
