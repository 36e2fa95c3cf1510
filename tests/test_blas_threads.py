"""The need clustering computes with one BLAS and one OpenMP thread, from whichever thread
it runs in: the coding panel's suggestions cluster in a background thread, beside the
researcher's own ``threadpool_limits`` in the kernel's main thread."""

from __future__ import annotations

import pytest

from tests.blas_probe import with_two_blas_threads

# Run in a fresh process whose OpenBLAS has two threads (`make test` runs the units with
# OPENBLAS_NUM_THREADS=1, where a limit of one cannot be told from none). The spectral fit
# runs from the main thread, from a background thread and in two at once, without and under an outer
# `threadpool_limits(3)` of the main thread. Its steps in the fitting thread (the
# eigenvectors, the final k-means) and in its workers (the k-means of the search for k)
# record the BLAS threads OpenBLAS reports (openblas_get_num_threads, through
# threadpoolctl) and the OpenMP threads of their thread. Prints per case those threads,
# the labels, and the BLAS threads before and after.
_SPECTRAL_PROBE = """
import json, threading
import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits
from workbench.analysis import knn, spectral

knn.worker_threads = lambda: 2
seen = []

def threads(api):
    return sorted({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == api})

def recorded(step, function):
    def record(*args, **kwargs):
        seen.append((step, threads("blas"), threads("openmp")))
        return function(*args, **kwargs)
    return record

spectral.leading_eigenvectors = recorded("eigenvectors", spectral.leading_eigenvectors)
spectral._partition = recorded("k-means", spectral._partition)
spectral.modularity = recorded("modularity", spectral.modularity)

rng = np.random.default_rng(3)
centres = rng.normal(size=(6, 24))
x = (centres[rng.integers(0, 6, 400)] + rng.normal(scale=0.9, size=(400, 24))).astype("float32")

def fit(box):
    box["labels"] = spectral.SpectralClusterer(max_clusters=8).fit(x).labels_.tolist()

def run(where):
    seen.clear()
    box, before = {}, threads("blas")
    if where == "main":
        fit(box)
    else:  # one background fit, or two at once
        other = {}
        runners = [threading.Thread(target=fit, args=(b,)) for b in (box, other)[: len(where)]]
        for runner in runners:
            runner.start()
        for runner in runners:
            runner.join()
        assert other.get("labels", box["labels"]) == box["labels"]
    steps = sorted({(step, tuple(b), tuple(o)) for step, b, o in seen})
    return {"steps": steps, "labels": box["labels"], "before": before, "after": threads("blas")}

cases = {"start": threads("blas")}
places = {"main": "main", "thread": "t", "two threads": "tt"}
for name, where in places.items():
    cases[name] = run(where)
with threadpool_limits(limits=3, user_api="blas"):
    for name, where in places.items():
        cases["outer 3, " + name] = run(where)
cases["end"] = threads("blas")
print(json.dumps(cases))
"""

CALLERS = ["main", "thread", "two threads"]
CASES = CALLERS + [f"outer 3, {name}" for name in CALLERS]


@pytest.fixture(scope="module")
def spectral_probe() -> dict:
    """The cases of ``_SPECTRAL_PROBE``, run once in a process with two OpenBLAS threads."""
    return _probe(_SPECTRAL_PROBE)


@pytest.mark.parametrize("case", CASES)
def test_the_spectral_fit_computes_with_one_blas_thread_whichever_thread_runs_it(
    spectral_probe, case
):
    """The eigenvectors, every k-means and the modularity see one BLAS and one OpenMP
    thread, also when the fit runs in a background thread under the main thread's
    ``threadpool_limits(3)``: there threadpoolctl ignored the fit's limit of one, and the
    eigenvectors and the final k-means ran on three BLAS threads."""
    steps = spectral_probe[case]["steps"]
    assert {step for step, _, _ in steps} == {"eigenvectors", "k-means", "modularity"}
    assert {(tuple(blas), tuple(openmp)) for _, blas, openmp in steps} == {((1,), (1,))}, steps


@pytest.mark.parametrize("case", CASES)
def test_the_spectral_fit_finds_the_same_clusters_from_any_thread(spectral_probe, case):
    """The same statements, the same needs: from the main thread or a background thread,
    with or without an outer limit (the labels of the plain main-thread fit)."""
    assert spectral_probe[case]["labels"] == spectral_probe["main"]["labels"]
    assert len(set(spectral_probe[case]["labels"])) > 1


@pytest.mark.parametrize("case", CASES)
def test_the_spectral_fit_leaves_the_process_blas_threads_as_they_were(spectral_probe, case):
    """After the fit, later matrix products run on as many BLAS threads as before: the
    process's two, or the outer limit's three while it lasts."""
    result = spectral_probe[case]
    assert result["after"] == result["before"], result
    assert result["before"] == ([3] if case.startswith("outer") else [2])
    assert spectral_probe["end"] == spectral_probe["start"] == [2]


# The helper itself, in a fresh process with two OpenBLAS threads: nested, in two threads
# whose holds overlap, and in a background thread while the main thread's outer limit ends.
_HOLD_PROBE = """
import json, threading
import sklearn.cluster  # loads scipy's OpenBLAS and the OpenMP runtime as the clustering does
from threadpoolctl import threadpool_info, threadpool_limits
from workbench.analysis.blas_threads import one_blas_thread

def threads():
    return sorted({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"})

cases = {"start": threads()}
with one_blas_thread():
    with one_blas_thread():
        inner = threads()
    cases["nested"] = [inner, threads()]
cases["nested, after"] = threads()

entered, first_left = threading.Event(), threading.Event()
seen = []

def second():
    with one_blas_thread():
        entered.set()
        first_left.wait(30)
        seen.append(threads())  # the first has left, this one holds on

runner = threading.Thread(target=second)
with one_blas_thread():
    runner.start()
    entered.wait(30)
first_left.set()
runner.join()
cases["overlapping"] = seen + [threads()]

started, outer_ended = threading.Event(), threading.Event()
held = []

def background():
    with one_blas_thread():
        started.set()
        outer_ended.wait(30)
        held.append(threads())  # the outer limit's end lifted it
        with one_blas_thread():  # the next step of the clustering
            held.append(threads())
        held.append(threads())  # still held: one

runner = threading.Thread(target=background)
with threadpool_limits(limits=3, user_api="blas"):
    runner.start()
    started.wait(30)
outer_ended.set()
runner.join()
cases["outer limit ended"] = held + [threads()]
print(json.dumps(cases))
"""


def _probe(code: str) -> dict:
    """Run ``code`` in a fresh process with two OpenBLAS and OpenMP threads; its JSON."""
    return with_two_blas_threads(code)


def test_one_blas_thread_holds_nested_and_across_threads_and_gives_back_the_limit() -> None:
    """Nested holds and two threads' overlapping holds keep one BLAS thread until the
    last leaves, which gives back the process's two; when the main thread's outer limit
    ends during a background hold, the next nested step puts it back to one for the rest
    of the hold, and afterwards the process has its own two (not the ended limit's three)."""
    cases = _probe(_HOLD_PROBE)
    assert cases["start"] == [2]
    assert cases["nested"] == [[1], [1]]
    assert cases["nested, after"] == [2]
    assert cases["overlapping"] == [[1], [2]]
    assert cases["outer limit ended"] == [[2], [1], [1], [2]]
