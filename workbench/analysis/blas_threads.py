"""The BLAS and OpenMP libraries loaded in the process, and their thread limits."""

from __future__ import annotations

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
