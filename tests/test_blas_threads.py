"""The need clustering computes with one BLAS and one OpenMP thread, from whichever thread
it runs in: the coding panel's suggestions cluster in a background thread, beside the
researcher's own ``threadpool_limits`` in the kernel's main thread."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.analysis import spectral

# Run in a fresh process whose OpenBLAS has two threads (`make test` runs the units with
# OPENBLAS_NUM_THREADS=1, where a limit of one cannot be told from none). The spectral fit
# runs from the main thread and from a background thread, without and under an outer
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
    else:
        runner = threading.Thread(target=fit, args=(box,))
        runner.start()
        runner.join()
    steps = sorted({(step, tuple(b), tuple(o)) for step, b, o in seen})
    return {"steps": steps, "labels": box["labels"], "before": before, "after": threads("blas")}

cases = {"start": threads("blas")}
for where in ("main", "thread"):
    cases[where] = run(where)
with threadpool_limits(limits=3, user_api="blas"):
    for where in ("main", "thread"):
        cases["outer 3, " + where] = run(where)
cases["end"] = threads("blas")
print(json.dumps(cases))
"""

CASES = ["main", "thread", "outer 3, main", "outer 3, thread"]


@pytest.fixture(scope="module")
def spectral_probe() -> dict:
    """The cases of ``_SPECTRAL_PROBE``, run once in a process with two OpenBLAS threads."""
    env = {key: value for key, value in os.environ.items() if not key.endswith("_NUM_THREADS")}
    env.update(OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2")
    code = Path(spectral.__file__).resolve().parents[2]  # the workbench this test imported
    env["PYTHONPATH"] = os.pathsep.join([str(code), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", _SPECTRAL_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


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
