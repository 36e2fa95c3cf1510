"""Assisted coding: code suggestions for uncoded segments, never stored until accepted.

Method — few-shot prototypes on the cached sentence embeddings, calibrated per code:

1. Centre all vectors on the mean of the segments in play (coded and uncoded) and
   normalise again. Embeddings of one corpus share a large common direction (all
   contributions to a traffic consultation are about traffic); removing it lets cosine
   compare what is specific.
2. Each code gets a prototype: the sum of its coded examples plus its codebook text
   (description and example, embedded and averaged) counted as ``prior_weight`` extra
   examples. With no codings a code is described by its codebook text alone; the more
   segments are coded with it, the more they dominate.
3. A segment's score for a code is its cosine to the prototype. The per-code threshold
   is the mean of two estimates: the F1-optimal cut on the coded examples' leave-one-out
   scores (each example scored by a prototype built without it), and the cut that gives
   all segments the code's share among the coded examples (Laplace-smoothed). Either
   alone is noisy with a handful of examples; their mean is steadier. Without any coded
   segment the cut is one standard deviation above the mean score.
4. ``confidence`` is a logistic of the distance to that threshold in units of the spread
   of the code's scores: 0.5 at the threshold, so ``min_confidence=0.5`` suggests what
   the calibration chose. It ranks suggestions; it is not a calibrated probability.

Multi-label: every code is decided on its own. Why this and not a classifier: with a
few examples per code, a prototype that starts from the codebook text beats logistic
regression trained on the same examples by far; with dozens of examples per code a
class-balanced logistic regression catches up (benchmarks/assisted_coding.py). It is
deterministic, has one parameter (fixed on the demo study) and takes milliseconds.

A codebook given as a file or as specs is embedded as the project would store it: its
descriptions and examples pseudonymised with the project's key, which stays as it is
(an example "Frau Quirmbacher sagt …" from a codebook file reaches neither the model nor
its tokenizer's word cache, which lives as long as the kernel).

A coded segment counts as an example for every code in play: positive for the codes it
carries, negative for the others. With ``coder``, only that coder's codings count, so
suggestions never carry another coder's decisions into independent coding.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.coding.codebook import CodeSpec, meant_code
from workbench.core.domain import InputError
from workbench.core.formatting import plural
from workbench.core.word_caches import forgets_words

if TYPE_CHECKING:
    from workbench.analysis.embeddings import Embedder
    from workbench.coding.records import CodingRecord
    from workbench.project import Project

ORIGIN = "suggestion"
PRIOR_WEIGHT = 2.0  # the codebook text counts as this many coded examples
TEMPERATURE = 0.5  # confidence slope: 1 spread above the threshold gives sigmoid(2) = 0.88
COLUMNS: dict[str, str] = {
    "segment_id": "int64",
    "source_id": "string",
    "code": "string",
    "confidence": "float64",
}


# -- the method, on arrays ---------------------------------------------------------------
def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def f1_threshold(scores: np.ndarray, truth: np.ndarray) -> float:
    """The cut on ``scores`` that maximises F1 against ``truth`` (midway between scores).

    >>> f1_threshold(np.array([0.9, 0.8, 0.3, 0.1]), np.array([1, 1, 0, 0]))
    0.55
    """
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], truth[order].astype(bool)
    tp = np.cumsum(hits)
    f1 = 2 * tp / (np.arange(1, len(ranked) + 1) + hits.sum())
    f1[:-1][ranked[:-1] == ranked[1:]] = -1  # cut only between different scores
    k = int(np.argmax(f1))
    return float(ranked[k] if k == len(ranked) - 1 else (ranked[k] + ranked[k + 1]) / 2)


def code_confidences(
    vectors: np.ndarray,
    examples: np.ndarray,
    labels: np.ndarray,
    code_vectors: np.ndarray,
    prior_weight: float = PRIOR_WEIGHT,
) -> np.ndarray:
    """Confidence (0–1) of every code for every vector; ≥ 0.5 means "suggest it".

    ``vectors`` (n × d) are the segments to score, ``examples`` (m × d) the coded ones
    with their 0/1 ``labels`` (m × k), ``code_vectors`` (k × d) the embedded codebook
    text of each code (a zero row: none), counted as ``prior_weight`` examples. Returns
    an n × k array (0 for a code with neither text nor positive examples); deterministic.
    """
    vectors = np.asarray(vectors, dtype=np.float64)
    examples = np.asarray(examples, dtype=np.float64).reshape(-1, vectors.shape[1])
    code_vectors = np.asarray(code_vectors, dtype=np.float64)
    labels = np.asarray(labels, dtype=bool).reshape(len(examples), len(code_vectors))
    pool = np.vstack([vectors, examples])
    if len(pool) == 0:
        return np.zeros((0, len(code_vectors)))
    centre = pool.mean(axis=0)
    vectors, examples = _unit(vectors - centre), _unit(examples - centre)
    described = np.linalg.norm(code_vectors, axis=1, keepdims=True) > 0
    priors = np.where(described, _unit(code_vectors - centre), 0.0)

    confidences = np.zeros((len(vectors), len(code_vectors)))
    for c, prior in enumerate(priors):
        positive = labels[:, c]
        total = prior_weight * prior + examples[positive].sum(axis=0)
        if not total.any():
            continue  # neither codebook text nor examples: nothing to go on
        scores = vectors @ _unit(total)
        loo = examples @ _unit(total)
        loo[positive] = np.einsum("ij,ij->i", examples[positive], _unit(total - examples[positive]))
        pooled = np.concatenate([loo, scores])
        if len(examples) == 0:
            threshold = scores.mean() + scores.std()
        else:
            by_f1 = f1_threshold(loo, positive) if positive.any() else loo.max()
            share = (positive.sum() + 1) / (len(examples) + 2)
            threshold = (by_f1 + np.quantile(pooled, 1 - share)) / 2
        spread = max(pooled.std(), 1e-6)
        confidences[:, c] = 1 / (1 + np.exp(-(scores - threshold) / (TEMPERATURE * spread)))
    return confidences


# -- the project: codebook texts, examples, suggestions ------------------------------------
def code_text(spec: CodeSpec) -> tuple[str, str]:
    """The two texts embedded for a code: "name: description" and its example."""
    description = f"{spec.name}: {spec.description}" if spec.description else ""
    return description, spec.example


def _codebook(project: Project, codebook: str | Path | Sequence[CodeSpec] | None) -> list[CodeSpec]:
    if codebook is None:
        return project.codebook()  # stored pseudonymised
    if isinstance(codebook, str | Path):
        from workbench.coding.records import read_codebook

        return _as_stored(project, read_codebook(codebook))
    return _as_stored(project, list(codebook))


@forgets_words  # no participant's word stays in a module's cache
def _as_stored(project: Project, specs: list[CodeSpec]) -> list[CodeSpec]:
    """``specs`` with description and example pseudonymised as an import of the codebook
    stores them; the key is left as it is (nothing is stored)."""
    from workbench.ingest.pseudonymise import Pseudonymiser, listed_names
    from workbench.ingest.thing_names import pseudonymise_codes

    if not any(spec.description.strip() or spec.example.strip() for spec in specs):
        return specs
    with project.session() as session:
        pseudonymiser = Pseudonymiser.of_project(session)
        return pseudonymise_codes(pseudonymiser, specs, listed_names(session))


def _select_codes(
    specs: list[CodeSpec], codes: Sequence[str] | None, used: set[str]
) -> list[CodeSpec]:
    """The codes asked for; by default all but pure grouping codes and empty ones."""
    by_path = {s.path: s for s in specs}
    if codes is not None:
        missing = [c for c in codes if c not in by_path]
        if missing:
            hint = meant_code(missing[0], by_path)
            raise InputError(f"Code '{missing[0]}' steht nicht im Codebuch.{hint}")
        return [by_path[c] for c in dict.fromkeys(codes)]
    parents = {s.parent for s in specs}
    return [
        s
        for s in specs
        if s.path in used or (s.path not in parents and (s.description or s.example))
    ]


def _embed_all(
    project: Project, backend: str | Embedder, extra: list[str]
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """(segments, their vectors, vectors of ``extra``) — cached backends via the cache."""
    from workbench.analysis.embeddings import (
        EmbeddingCache,
        embed,
        get_embedder,
        project_embeddings,
    )

    embedder = get_embedder(backend) if isinstance(backend, str) else backend
    if not embedder.cacheable:  # e.g. TF-IDF: one space for segments and codebook texts
        segments = project.segments()
        texts = segments["text"].tolist()
        vectors = embed(texts + extra, embedder)
        return segments, vectors[: len(texts)], vectors[len(texts) :]
    segments, vectors = project_embeddings(project, embedder)
    if not extra:
        return segments, vectors, np.zeros((0, vectors.shape[1]), dtype=np.float32)
    cache = EmbeddingCache(project.cache_dir / "embeddings", embedder)
    return segments, vectors, embed(extra, embedder, cache, progress=False)


def codebook_texts(specs: Sequence[CodeSpec]) -> list[str]:
    """The distinct non-empty texts to embed for ``specs`` (see :func:`code_text`)."""
    return sorted({text for spec in specs for text in code_text(spec) if text})


def codebook_vectors(
    specs: Sequence[CodeSpec], texts: list[str], vectors: np.ndarray
) -> np.ndarray:
    """Per code the mean direction of its description and example vectors; zero if none.

    ``vectors`` are the embeddings of ``texts`` (as :func:`codebook_texts` lists them).
    """
    index = {text: i for i, text in enumerate(texts)}
    result = np.zeros((len(specs), vectors.shape[1]))
    for row, spec in zip(result, specs, strict=True):
        for text in code_text(spec):
            if text:
                row += vectors[index[text]]
    return _unit(result)


def suggest(
    project: Project,
    codes: list[str] | None = None,
    min_confidence: float = 0.5,
    coder: str | None = None,
    backend: str | Embedder = "use",
    codebook: str | Path | Sequence[CodeSpec] | None = None,
) -> pd.DataFrame:
    """Suggest codes for the uncoded segments; nothing is stored.

    Uncoded means: no coding by anyone, or with ``coder`` none by that coder (and then
    only that coder's codings are the examples). ``codebook`` (a YAML/.qdc file or specs)
    replaces the project's descriptions and examples. Returns one row per suggestion,
    ``segment_id, source_id, code, confidence``, by segment and then confidence.
    """
    from workbench.coding.records import check_coder

    if not 0 <= min_confidence <= 1:
        raise InputError(f"Mindestkonfidenz {min_confidence} liegt nicht zwischen 0 und 1.")
    codings = project.codings()
    if coder is not None:
        coder = check_coder(coder)
        codings = codings[codings["coder"] == coder]
    specs = _select_codes(_codebook(project, codebook), codes, set(codings["code"]))
    if not specs or not project.status()["segments"]:
        return pd.DataFrame(columns=list(COLUMNS)).astype(COLUMNS)
    texts = codebook_texts(specs)
    segments, vectors, text_vectors = _embed_all(project, backend, texts)

    paths = [s.path for s in specs]
    column = {path: j for j, path in enumerate(paths)}
    coded = segments["segment_id"].isin(codings["segment_id"]).to_numpy()
    row = {seg: i for i, seg in enumerate(segments["segment_id"][coded])}
    labels = np.zeros((int(coded.sum()), len(specs)), dtype=bool)
    for seg, code in zip(codings["segment_id"], codings["code"], strict=True):
        if code in column:
            labels[row[seg], column[code]] = True
    confidence = code_confidences(
        vectors[~coded], vectors[coded], labels, codebook_vectors(specs, texts, text_vectors)
    )

    uncoded = segments[~coded].reset_index(drop=True)
    hits = np.argwhere((confidence >= min_confidence) & (confidence > 0))
    table = pd.DataFrame(
        {
            "segment_id": uncoded["segment_id"].to_numpy()[hits[:, 0]],
            "source_id": uncoded["source_id"].to_numpy()[hits[:, 0]],
            "code": np.array(paths, dtype=object)[hits[:, 1]],
            "confidence": confidence[hits[:, 0], hits[:, 1]],
        }
    ).astype(COLUMNS)
    table = table.sort_values(
        ["segment_id", "confidence", "code"], ascending=[True, False, True], kind="stable"
    )
    return table.reset_index(drop=True)


def can_suggest(project: Project, coder: str | None = None) -> bool:
    """Whether :func:`suggest` has a code to suggest for ``coder`` (else it embeds nothing).

    A project without a codebook, or whose codes have neither description, example nor
    coding yet, gets no suggestions: an app need not embed its statements for them.
    """
    from workbench.coding.records import check_coder

    codings = project.codings()
    if coder is not None:
        codings = codings[codings["coder"] == check_coder(coder)]
    return bool(_select_codes(_codebook(project, None), None, set(codings["code"])))


def no_suggestions_reason(
    project: Project,
    codes: list[str] | None = None,
    min_confidence: float = 0.5,
    coder: str | None = None,
    codebook: str | Path | Sequence[CodeSpec] | None = None,
) -> str:
    """Why :func:`suggest` found nothing with these arguments, in German, for the user."""
    from workbench.coding.records import check_coder

    codings = project.codings()
    if coder is not None:
        codings = codings[codings["coder"] == check_coder(coder)]
    segments = int(project.status()["segments"])
    if not segments:
        return "Das Projekt hat noch keine Aussagen (erst workbench import …)."
    if not _select_codes(_codebook(project, codebook), codes, set(codings["code"])):
        return (
            "Kein Code zum Vorschlagen: Vorgeschlagen werden Codes mit Beschreibung, "
            "Beispiel oder Kodierungen (workbench codebook import DATEI)."
        )
    uncoded = segments - codings["segment_id"].nunique()
    if not uncoded:
        by = f" von {coder}" if coder is not None else ""
        every = "Die Aussage ist" if segments == 1 else f"Alle {segments} Aussagen sind"
        return f"{every}{by} schon kodiert: nichts vorzuschlagen."
    return (
        f"{plural(uncoded, 'unkodierte Aussage', 'unkodierte Aussagen')}, aber kein Code "
        f"erreicht die Mindestkonfidenz {min_confidence:g} (--min-confidence kleiner wählen)."
    )


def accept_suggestion(project: Project, segment_id: int, code: str, coder: str) -> CodingRecord:
    """Store a suggestion as ``coder``'s coding, marked as an accepted suggestion."""
    return project.code_segment(segment_id, code, coder, origin=ORIGIN, accepted_by=coder)
