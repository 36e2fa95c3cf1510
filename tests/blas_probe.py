"""Run a probe of BLAS/OpenMP threads in a fresh process with two of each (tests of the
clustering's one-thread rule: `test_thread_safety`, `test_blas_threads`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import workbench


def with_two_blas_threads(code: str) -> dict:
    """Run ``code`` with two OpenBLAS and OpenMP threads and the workbench this test
    imported; the JSON it prints last."""
    env = {key: value for key, value in os.environ.items() if not key.endswith("_NUM_THREADS")}
    env.update(OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2")
    root = Path(workbench.__file__).resolve().parents[1]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)
