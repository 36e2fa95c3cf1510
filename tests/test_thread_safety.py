"""Shared state reached from several threads at once: the form server's workers, the
coding panel's background suggestions, the clustering's worker threads."""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from tests.blas_probe import with_two_blas_threads
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


# Run in a fresh process whose OpenBLAS has two threads (`make test` runs the units with
# OPENBLAS_NUM_THREADS=1, where a limit of one cannot be told from none): the clustering's
# worker threads, started from the main thread, from another thread, and from two threads
# at once, under an outer `threadpool_limits(3)`. Prints per case the BLAS/OpenMP threads
# the workers saw, the CPU seconds of OpenBLAS's own threads (busy if the workers' products
# were split), the workers' CPU seconds, and the BLAS threads before and after.
_BLAS_PROBE = """
import json, os, sys, threading, time
import numpy as np
import sklearn.cluster  # loads scipy's OpenBLAS and the OpenMP runtime as the clustering does
from threadpoolctl import threadpool_info, threadpool_limits
from workbench.analysis import knn

knn.worker_threads = lambda: 2
matrix = np.random.default_rng(0).random((300, 300))
python_threads, seen, worker_cpu = {threading.get_native_id()}, [], []

def threads(api):
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == api}

def others_cpu():
    total = 0
    for tid in os.listdir("/proc/self/task"):
        if int(tid) not in python_threads:
            try:
                with open(f"/proc/self/task/{tid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")

def work(item):
    python_threads.add(threading.get_native_id())
    cpu = time.thread_time()
    seen.append(sorted(threads("blas") | threads("openmp")))
    for _ in range(8):
        matrix @ matrix
    seen.append(sorted(threads("blas") | threads("openmp")))
    worker_cpu.append(time.thread_time() - cpu)
    return item

def caller():
    python_threads.add(threading.get_native_id())
    assert knn.in_threads(work, range(6)) == list(range(6))

def run(callers):
    seen.clear(), worker_cpu.clear()
    before = sorted(threads("blas"))
    time.sleep(0.3)  # OpenBLAS's threads stop spinning after earlier products
    busy = others_cpu()
    if callers == 0:
        caller()
    else:
        runners = [threading.Thread(target=caller) for _ in range(callers)]
        for runner in runners:
            runner.start()
        for runner in runners:
            runner.join()
    busy = others_cpu() - busy
    return {"seen": sorted(set(map(tuple, seen))),
            "blas_cpu": busy, "worker_cpu": sum(worker_cpu),
            "before": before, "after": sorted(threads("blas"))}

cases = {"start": sorted(threads("blas"))}
for name, callers in (("main", 0), ("thread", 1), ("two threads", 2)):
    cases[name] = run(callers)
with threadpool_limits(limits=3, user_api="blas"):
    for name, callers in (("main", 0), ("thread", 1), ("two threads", 2)):
        cases["outer 3, " + name] = run(callers)
cases["end"] = sorted(threads("blas"))

def outer_limit_ends_during_a_clustering():
    started, release = threading.Event(), threading.Event()

    def waiting(item):
        started.set()
        release.wait(30)
        return item

    runner = threading.Thread(target=knn.in_threads, args=(waiting, [0]))
    with threadpool_limits(limits=3, user_api="blas"):
        runner.start()
        started.wait(30)
    release.set()
    runner.join()
    return sorted(threads("blas"))

cases["outer limit ended during a clustering"] = outer_limit_ends_during_a_clustering()
print(json.dumps(cases))
"""


@pytest.fixture(scope="module")
def blas_probe() -> dict:
    """The cases of ``_BLAS_PROBE``, run once in a process with two OpenBLAS threads."""
    return with_two_blas_threads(_BLAS_PROBE)


CALLERS = ["main", "thread", "two threads"]


@pytest.mark.parametrize("case", CALLERS + [f"outer 3, {name}" for name in CALLERS])
def test_clustering_workers_compute_with_one_blas_thread_whichever_thread_started_them(
    blas_probe, case
):
    """Every worker call has one BLAS and one OpenMP thread from start to end, also when
    the clustering was started from a background thread (a suggestion beside the
    researcher's run) under an outer ``threadpool_limits`` of the main thread: there
    threadpoolctl ignored the limit and each worker's products ran on three threads."""
    result = blas_probe[case]
    assert result["seen"] == [[1]], result
    # OpenBLAS's own threads idle: the products were not split among them.
    assert result["blas_cpu"] < 0.5 * result["worker_cpu"], result  # split: about 1.7 ×


@pytest.mark.parametrize("case", CALLERS + [f"outer 3, {name}" for name in CALLERS])
def test_clustering_threads_leave_the_process_blas_threads_as_they_were(blas_probe, case):
    """After the clustering, from whichever thread and by however many at once, later
    matrix products run on as many BLAS threads as before (the last caller to leave
    restores them), and an outer limit ends as it would without the clustering."""
    result = blas_probe[case]
    assert result["after"] == result["before"], result
    assert result["before"] == ([3] if case.startswith("outer") else blas_probe["start"])
    assert blas_probe["end"] == blas_probe["start"] == [2]


def test_an_outer_limit_that_ends_during_a_clustering_stays_ended(blas_probe):
    """The researcher's ``threadpool_limits`` ends while a background clustering runs:
    the clustering, leaving, does not put back the limit it found (three BLAS threads
    for the rest of the session)."""
    assert blas_probe["outer limit ended during a clustering"] == blas_probe["start"] == [2]


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
