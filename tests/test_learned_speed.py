"""The names the key learned since a point are found without a pass over the whole key.

``learned_words`` is asked after every text of an import; it skipped the key's first
entries one by one, so an import whose key grew to thousands of listed authors passed
over all of them for each text (a 4,000-row comments export: seconds, growing with rows
times key). It takes the entries after the point from the end now.
"""

from __future__ import annotations

import time

from tests.test_long_line_speed import watchdog
from workbench.ingest.key_growth import learned_names, learned_words


def _key(size: int) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """A key of ``size`` persons (and as many e-mail addresses) with their originals."""
    known: dict[tuple[str, str], str] = {}
    originals: dict[tuple[str, str], str] = {}
    for i in range(size):
        known[("person", f"anna schmidt{i}")] = f"[Person {i + 1}]"
        originals[("person", f"anna schmidt{i}")] = f"Anna Schmidt{i}"
        known[("email", f"a{i}@example.org")] = "[E-Mail]"
    return known, originals


def test_the_words_learned_since_a_point() -> None:
    known, originals = _key(5)
    known[("person", "jens becker")] = "[Person 9]"
    originals[("person", "jens becker")] = "Herr Jens Becker"
    known[("email", "j@example.org")] = "[E-Mail]"
    assert learned_names(known, originals, 10) == {"Jens", "Becker"}
    assert learned_names(known, originals, 8) == {"Jens", "Becker", "Anna", "Schmidt4"}
    assert learned_names(known, originals, len(known)) == set()
    assert learned_words(known, originals, len(known)) is None
    pattern = learned_words(known, originals, 10)
    assert pattern is not None and pattern.search("Beckers Vorschlag")
    assert not pattern.search("Januar")


def test_asking_after_every_text_of_a_large_import_takes_no_pass_over_the_key() -> None:
    # 100,000 entries, asked 20,000 times with one entry learned: the old code took 20 s
    known, originals = _key(50_000)
    start = time.process_time()
    with watchdog(2):
        for i in range(20_000):
            size = len(known)
            if i % 2:
                known[("person", f"tom weber{i}")] = "[Person]"
                originals[("person", f"tom weber{i}")] = f"Tom Weber{i}"
            learned = learned_names(known, originals, size)
            assert learned == ({"Tom", f"Weber{i}"} if i % 2 else set())
    assert time.process_time() - start < 2
