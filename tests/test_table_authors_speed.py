"""A table whose authors are people and organisations is read in time that grows with its
rows, not with rows times listed names.

An author's value is read alone (without the import's name list: "AWO Ortsverein" an
organisation?), the next row's values with it; the pseudonymiser kept the variant index of
one name list only, so every such row built the index of all listed authors again: 300
rows with 2,000 listed names took 28 s of CPU time, a 30,000-row comments export hours.
The watchdog ends the test after 10 s of CPU time (the new code takes about 2 s).
"""

from __future__ import annotations

import time

from tests.test_long_line_speed import watchdog
from workbench.ingest.field_memo import FieldMemo
from workbench.ingest.personal_columns import is_account_id, is_account_number, safe_attributes
from workbench.ingest.pseudonymise import Pseudonymiser

FIRST = "Anna Lea Jonas Tom Maria Lukas Sophie Jens Birgit Kemal".split()
FIRST += "Fatma Paul Greta Ole Nina Elif Hannah Felix Jana Milan".split()
LAST = "Schmidt Becker Wagner Kowalczyk Yilmaz Tjaden Terhorst Müller Schulz Weber".split()
LAST += "Kaya Demir Hoffmann Richter Klein Wolf Neumann Krüger Nowak Brandt".split()


def listed_authors(count: int) -> tuple[str, ...]:
    """``count`` distinct author names as a platform's export lists them."""
    return tuple(
        f"{FIRST[i % 20]} {LAST[i // 20 % 20]}{'' if i < 400 else f'-{LAST[i % 7]}{i}'}"
        for i in range(count)
    )


def test_rows_by_people_and_organisations_with_two_thousand_listed_authors() -> None:
    names = listed_authors(2000)
    pseudonymiser = Pseudonymiser()
    pseudonymiser.detect("Herr Meier sagt hallo.")  # name lists loaded before the clock
    fields = FieldMemo(pseudonymiser)
    start = time.process_time()
    with watchdog(10):
        rows = [
            safe_attributes(
                pseudonymiser,
                {"Autor": "AWO Ortsverein" if i % 2 else names[i], "Titel": f"Idee {i}"},
                names,
                fields,
            )
            for i in range(300)
        ]
    assert time.process_time() - start < 10
    assert rows[1] == {"Titel": "Idee 1", "organisation": "AWO Ortsverein"}
    speakers = [row["speaker"] for row in rows[::2]]
    assert len(set(speakers)) == 150 and all(s.startswith("[Person ") for s in speakers)


# A Consul comments export's columns, and a Decidim export's author ID
HEADERS = ("id", "commentable_type", "commentable_id", "body", "user_name", "organization")
HEADERS += ("submitter", "created_at", "author/id", "Benutzer-ID")


def test_whose_id_a_column_is_read_once_per_header_not_per_row() -> None:
    """Two questions for every column of every row ("author/id": an account's number or
    name?) read the header's words each time (45 µs): 30,000 rows of ten columns took
    27 s of an import; the header's answer is now kept (the new code takes 0.2 s)."""
    start = time.process_time()
    with watchdog(3):
        found = [
            (is_account_id(header, f"anna.b{row}"), is_account_number(header, row))
            for row in range(10_000)
            for header in HEADERS
        ]
    assert time.process_time() - start < 3
    assert found[:10] == [(False, False)] * 8 + [(True, True)] * 2  # only the IDs of persons
    assert sum(name for name, _ in found) == sum(number for _, number in found) == 20_000
