"""One BLAS and one OpenMP thread for a computation, from whichever thread it runs in.

The need clustering computes every step with one BLAS/OpenMP thread (its own worker
threads share the cores): the result does not depend on the number of cores, and a busy
machine is not oversubscribed. threadpoolctl's ``threadpool_limits`` cannot promise that
from a background thread (the coding panel's suggestions): OpenBLAS's limit (pthreads
build) is the process's, and threadpoolctl lets only one thread change it — the main
thread while its own ``threadpool_limits`` is open — and silently does nothing in the
others. :func:`one_blas_thread` sets it through OpenBLAS itself and counts who needs it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from itertools import product

from threadpoolctl import LibController, ThreadpoolController

from workbench.core.word_caches import fixed_cache


@fixed_cache("the loaded BLAS libraries")
@cache
def _controllers() -> tuple[list[LibController], list[LibController]]:
    """The loaded BLAS/OpenMP libraries, found once (a fresh scan per call cost seconds):
    (those whose limit is the process's, those whose limit is per thread)."""
    controller = ThreadpoolController()
    per_thread = controller.select(user_api="openmp", threading_layer="openmp").lib_controllers
    blas = controller.select(user_api="blas").lib_controllers
    return [lib for lib in blas if lib not in per_thread], per_thread


def _set_process_threads(lib: LibController, threads: int) -> None:
    """Set a process-wide BLAS limit from whichever thread calls.

    threadpoolctl lets only one thread change OpenBLAS's process-wide limit (the first to
    set one, the main thread while its ``threadpool_limits`` is open) and silently does
    nothing in the others: a clustering started from a background thread then ran its
    workers with the outer limit's BLAS threads. OpenBLAS's own setter is called instead.
    """
    if lib.internal_api == "openblas":
        for prefix, suffix in product(("", "scipy_"), ("", "64_", "_64")):
            if hasattr(lib.dynlib, f"{prefix}openblas_get_num_threads{suffix}"):
                getattr(lib.dynlib, f"{prefix}openblas_set_num_threads{suffix}")(threads)
                return
    lib.set_num_threads(threads)


class _ProcessLimit:
    """Who needs the process-wide BLAS limit of one, and the limit to give back after."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.found: list[int | None] = []

    def enter(self, shared: list[LibController]) -> None:
        """One more holder: the limit is one (again, if another thread lifted it meanwhile)."""
        with self.lock:
            now = [lib.get_num_threads() for lib in shared]
            if self.holders == 0:
                self.found = now
            else:  # a limit someone set meanwhile (an outer one that ended) is given back
                self.found = [
                    threads if threads != 1 else found
                    for threads, found in zip(now, self.found, strict=True)
                ]
            for lib, threads in zip(shared, now, strict=True):
                if threads != 1:
                    _set_process_threads(lib, 1)
            self.holders += 1

    def leave(self, shared: list[LibController]) -> None:
        """One holder less: the last gives back the limit found, unless another thread
        changed it meanwhile (then that one stays)."""
        with self.lock:
            self.holders -= 1
            if self.holders:
                return
            for lib, found in zip(shared, self.found, strict=True):
                if found is not None and found != 1 and lib.get_num_threads() == 1:
                    _set_process_threads(lib, found)


_PROCESS = _ProcessLimit()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS and OpenMP compute with one thread inside, from any thread, also nested.

    OpenMP's limit is the calling thread's and is set back on leaving. OpenBLAS's (and
    MKL's) is the process's: it stays one while any thread is inside; the last to leave
    gives back the limit found when the first came in, unless another thread changed it
    meanwhile (an outer ``threadpool_limits`` that ended): then that one stays. The
    libraries are those loaded at the first call (the clustering's modules load them).
    """
    shared, per_thread = _controllers()
    before = [lib.get_num_threads() for lib in per_thread]
    for lib in per_thread:
        lib.set_num_threads(1)
    _PROCESS.enter(shared)
    try:
        yield
    finally:
        _PROCESS.leave(shared)
        for lib, threads in zip(per_thread, before, strict=True):
            if threads is not None:
                lib.set_num_threads(threads)
