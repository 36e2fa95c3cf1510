"""The embedding tokenizer's words do not outlive ``forget`` or an analysis run
(workbench/analysis/use_tokens.py, workbench/core/word_caches.py).

USE's tokenizer segments each distinct word once and keeps the result; the model lives as
long as the kernel. Before, the words it had segmented stayed there for good, also those
only an erased statement had. The look goes through every ``lru_cache`` of the process,
registered or not, so it finds the words wherever the tokenizer keeps them.
"""

from __future__ import annotations

import functools
import gc
from pathlib import Path

from tests.test_word_caches import _strings
from workbench import Project
from workbench.analysis.embeddings import UseEmbedder, _use_model, project_embeddings
from workbench.core.word_caches import forget_words
from workbench.store.erasure import forget

# Rare words, in no list and no other text: in a cache only because a statement had them.
ERASED = "zwetschgendatschibasar"
KEPT = "holunderblütensirupstand"
PROTOCOL = (
    "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n---\n"
    "## Bedarfe\n"
    f"- Der {ERASED} im Herbst fehlt seit zwei Jahren\n"
    f"- Ein {KEPT} am Marktplatz wäre schön\n"
    "- Mehr Bänke im Park\n"
)


def in_caches(word: str) -> int:
    """How many ``lru_cache``s of the process hold ``word`` in a key or a value."""
    wrappers = [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)]
    return sum(
        any(word in text.casefold() for text in _strings(held))
        for wrapper in wrappers
        for held in gc.get_referents(wrapper)
        if isinstance(held, dict)
    )


def _imported(project: Project, folder: Path) -> dict[str, int]:
    """The protocol imported; statement id by its rare word."""
    protocol = folder / "herbstfest.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    project.import_files([protocol])
    segments = project.segments()
    found = {}
    for word in (ERASED, KEPT):
        rows = segments[segments["text"].str.contains(word, regex=False)]
        assert len(rows) == 1
        found[word] = int(rows["segment_id"].iloc[0])
    return found


def test_a_word_only_an_erased_statement_had_is_in_no_cache_after_forget(
    project: Project, tmp_path: Path
) -> None:
    ids = _imported(project, tmp_path)
    texts = project.segments()["text"].tolist()
    UseEmbedder(threads=1).embed(texts)  # a kernel's own call: no operation around it
    assert in_caches(ERASED) >= 1  # the look finds what the tokenizer keeps
    forget(project, statements=(ids[ERASED],), actor="Projektleitung")
    assert in_caches(ERASED) == 0
    assert ERASED not in " ".join(project.segments()["text"])


def test_after_an_embedding_run_no_statement_word_stays(project: Project, tmp_path: Path) -> None:
    _imported(project, tmp_path)
    segments, vectors = project_embeddings(project, UseEmbedder(threads=1), progress=False)
    assert len(vectors) == len(segments) == 3
    assert in_caches(ERASED) == 0 and in_caches(KEPT) == 0


def test_emptying_the_word_cache_keeps_the_token_ids_and_the_vectors() -> None:
    """The segmentation after forget_words is computed again, to the same ids."""
    texts = [f"Der {ERASED} im Herbst", f"Ein {KEPT} am Marktplatz", "Mehr Bänke im Park"]
    tokenizer = _use_model(1)._tokenizer
    embedder = UseEmbedder(threads=1)
    ids, vectors = tokenizer.encode(texts), embedder.embed(texts)
    assert in_caches(ERASED) >= 1
    forget_words()
    assert in_caches(ERASED) == 0
    assert _use_model(1)._tokenizer is tokenizer  # the model was not loaded again
    assert tokenizer.encode(texts) == ids
    assert (embedder.embed(texts) == vectors).all()
    assert in_caches(ERASED) == 1  # and the cache works again
