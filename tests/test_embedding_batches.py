"""Many missing texts are embedded by worker processes with exactly the vectors of one process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench.analysis import embeddings
from workbench.analysis.embeddings import BATCH, EmbeddingCache, UseEmbedder, embed

pytestmark = pytest.mark.slow


def test_worker_processes_give_the_vectors_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"Aussage {i}: mehr Bänke und Licht am Platz Nummer {i}" for i in range(300)]
    monkeypatch.setattr(embeddings, "PARALLEL_MIN", 100)
    monkeypatch.setattr(embeddings.os, "cpu_count", lambda: 2)
    embedder = UseEmbedder(threads=1)
    parallel = embed(texts, embedder, EmbeddingCache(tmp_path, embedder), progress=False)
    serial = np.vstack([embedder.embed(texts[s : s + BATCH]) for s in range(0, 300, BATCH)])
    assert parallel.dtype == np.float32 and parallel.shape == (300, 512)
    assert np.array_equal(parallel, serial)


def test_worker_processes_never_oversubscribe_the_cores() -> None:
    assert embeddings.parallel_workers(2, cores=2) == 1
    assert embeddings.parallel_workers(1, cores=2) == 2
    assert embeddings.parallel_workers(2, cores=8) == 4
    assert embeddings.parallel_workers(1, cores=64) == 4
    assert embeddings.parallel_workers(4, cores=2) == 1


def test_two_threads_on_two_cores_embed_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("kein Prozess-Pool erwartet")

    monkeypatch.setattr(embeddings, "PARALLEL_MIN", 10)
    monkeypatch.setattr(embeddings.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    seen: list[int] = []

    class Counting(UseEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            seen.append(len(texts))
            return np.zeros((len(texts), 512), dtype=np.float32)

    batches = [[f"Text {i}"] * 8 for i in range(4)]
    out = embeddings._embed_batches(Counting(threads=2), batches, show=False)
    assert seen == [8, 8, 8, 8] and len(out) == 4
