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
