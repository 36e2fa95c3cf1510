"""Listed names of two words are tried only where a text has their first two words.

Thousands of listed authors share a few dozen first names: every text with "Anna" tried
each listed Anna's full name (about 130 variants a text in a 4,000-row comments export, a
third of its import time). The variants are found by their first two words now; the hits
must stay exactly those of the index by first words, whatever the case and the Unicode
letters re.IGNORECASE takes as the same ("ſ" as "s", "ı" and "İ" as "i", the Kelvin sign).
"""

from __future__ import annotations

import random
import re
import sys
import time

from tests.test_long_line_speed import watchdog
from workbench.ingest.listed_scan import (
    _PAIRED,
    _WORD_RUN,
    _folded,
    _variant_hits,
    listed_hits,
    variant_index,
)
from workbench.ingest.pseudonymise import Pseudonymiser

FIRST = "Anna Lea Jonas Tom Maria Lukas Sophie Jens Birgit Kemal".split()
FIRST += "Fatma Paul Greta Ole Nina Elif Hannah Felix Jana Milan".split()
LAST = "Schmidt Becker Wagner Kowalczyk Yilmaz Tjaden Terhorst Müller Schulz Weber".split()
LAST += "Kaya Demir Hoffmann Richter Klein Wolf Neumann Krüger Nowak Brandt".split()


def _is_word(ch: str) -> bool:
    return _WORD_RUN.fullmatch(ch) is not None


def test_a_text_letter_matches_a_paired_letter_only_as_its_folded_self() -> None:
    # every code point that re.IGNORECASE matches to a letter of a paired variant folds
    # to that letter's fold and is a word character exactly where the letter is one
    letters = sorted(_PAIRED)
    any_letter = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.IGNORECASE)
    matching = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000 and any_letter.fullmatch(chr(c))
    ]
    assert "ſ" in matching and "\u212a" in matching and "İ" in matching  # Kelvin sign
    wrong = [
        (ch, a)
        for ch in matching
        for a in letters
        if re.fullmatch(re.escape(a), ch, re.IGNORECASE)
        and (_folded(ch) != _folded(a) or _is_word(ch) != _is_word(a) or len(_folded(ch)) != 1)
    ]
    assert wrong == []
    # the lower-case spelling a listed noun surname is also matched in
    assert [a for a in letters if len(a.lower()) != 1 or _folded(a.lower()) != _folded(a)] == []


def _reference(text: str, variants: list, rejected: frozenset[str]) -> list:
    """Every variant whose first word is a word of ``text``: the index by first words."""
    words = {w.lower() for w in _WORD_RUN.findall(text)}
    out = []
    for variant in variants:
        first = _WORD_RUN.match(variant[0])
        head = first.group().lower() if first else None
        if head is None or head in words or head + "s" in words:
            out += _variant_hits(text, *variant, rejected)
    return out


SWAPS = {"i": "ıİ", "I": "ıİ", "ı": "iI", "s": "ſS", "S": "ſs", "k": "\u212aK", "ß": "ẞ"}


def _typed(name: str, r: random.Random) -> str:
    """``name`` as a text may have it: case, Unicode look-alikes, genitive, line break."""
    name = "".join(r.choice(SWAPS.get(c, c) + c * 6) if r.random() < 0.3 else c for c in name)
    name = name.upper() if r.random() < 0.1 else name.lower() if r.random() < 0.2 else name
    name = name.replace(" ", r.choice([" ", "  ", "\n", "-", "\u00a0"]), 1)
    return name + r.choice(["", "", "s", "ſ", "'s", "-Fest", "sche"])


def test_the_hits_are_those_of_the_index_by_first_words() -> None:
    r = random.Random(41)
    people = [f"{f} {la}" for f in FIRST for la in LAST]
    people += ["Jonas von der Heide", "Łukasz Wójcik", "Ayşe Yılmaz", "İlkay Kıvanç"]
    people += ["Sean O'Brien", "Paolo Dell’Orto", "Anna-Lena Schulte-Brinkmann", "J. Iſenberg"]
    people += ["Weber, Jens", "kalle.kowalczyk7", "Kai Wolf", "Dr. Maria Da Silva"]
    people += ["Σοφία Παπαδοπούλου", "Maria Strauß", "Jens Busch", "Anna Rosen"]
    for size in (5, 60, 400, len(people)):
        names = tuple(r.sample(people, size))
        variants, by_word, _ = variant_index(names, ("Kowalczyk",), frozenset())
        assert any(isinstance(k, tuple) for k in by_word)  # pairs are indexed
        for _ in range(250):
            said = [_typed(r.choice(names), r) for _ in range(r.randrange(1, 5))]
            text = f"Danke {said[0]}, wie {' und '.join(said[1:])} sagt: mehr Bänke."
            found = list(listed_hits(text, variants, by_word, frozenset()))
            assert found == _reference(text, variants, frozenset()), text


def test_texts_naming_listed_authors_take_time_by_texts_not_by_listed_names() -> None:
    # 8,000 listed authors, 400 for each of 20 first names; the old code took 15 s
    names = tuple(f"{FIRST[i % 20]} {LAST[i // 20 % 20]}-{LAST[i % 7]}{i}" for i in range(8000))
    pseudonymiser = Pseudonymiser()
    texts = [
        f"Danke {FIRST[i * 7 % 20]}, das sagt auch {names[i * 10]}. Wir brauchen mehr Bänke."
        for i in range(800)
    ]
    pseudonymiser.detect(texts[0], names)  # the index built before the clock
    start = time.process_time()
    with watchdog(3):
        found = [list(pseudonymiser._listed(text, names)) for text in texts]
    assert time.process_time() - start < 3
    # each text's listed author found as that person, the first name after "Danke" too
    for i, hits in enumerate(found):
        full = {h.key for h in hits if texts[i][h.start : h.end] == names[i * 10]}
        assert full == {names[i * 10].lower()}
        assert any(texts[i][h.start : h.end] == FIRST[i * 7 % 20] for h in hits)
