"""Which workshop names say something to a reader, and how a profile names its sources.

An import without ``--workshop``, a workshop column or a workshop in the file itself (a
survey export, a CSV of contributions) names its workshop after the file:
``dataset-Ottensen-thematic-d1a.csv`` becomes the workshop "dataset-Ottensen-thematic-d1a"
(``ingest.writer``: the file's stem). Such a name is a file name, not an event a
resident took part in, when it also reads like one: one word, lower-case or with "_" or a
digit ("umfrage", "welle_b", "dataset-…-d1a"; a file "Quartiersworkshop Manfort.md" or
"Umfrage.csv" names a workshop a reader recognises). A profile's opening line leaves it
out ("697 Aussagen") or counts it beside the named workshops ("… aus Quartiersworkshop
Manfort und einer weiteren Quelle"), alike in the profile app, the reports and the site;
a quote's source line names the file once, not as workshop and file. A report's opening
line counts such files, and the statements under Gesamtstadt of a source not named a
workshop (a Pol.is conversation "Energie"), as sources, not workshops
(:func:`sources_text`): no one held a workshop for a card wall or a survey.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath

import pandas as pd

from workbench.core.formatting import format_number, plural
from workbench.store import CITYWIDE
from workbench.synthesis.citywide import UNPLACED_WORDS, city_words

_FILE_LIKE = re.compile(r"^(?:[^A-ZÄÖÜ]|\S*[_\d])\S*$")


def is_file_name(workshop: object, document: object) -> bool:
    """Whether ``workshop`` is only the name of the file ``document`` (its stem) and reads
    like a file name.

    >>> is_file_name("dataset-Ottensen-thematic-d1a", "dataset-Ottensen-thematic-d1a.csv")
    True
    >>> is_file_name("welle_b", "welle_b.csv"), is_file_name("Umfrage", "Umfrage.csv")
    (True, False)
    >>> is_file_name("Energie", "comments.csv"), is_file_name("Auftakt", None)
    (False, False)
    """
    if not isinstance(workshop, str) or not isinstance(document, str):
        return False
    stem = PurePath(document.replace("\\", "/")).stem
    nfc = unicodedata.normalize
    return nfc("NFC", workshop) == nfc("NFC", stem) and bool(_FILE_LIKE.match(workshop))


def file_named(segments: pd.DataFrame) -> tuple[str, ...]:
    """The workshops of ``segments`` (columns ``workshop``, ``document``) named only after
    one of their files, sorted.

    >>> file_named(pd.DataFrame({"workshop": ["umfrage", "auftakt", "Auftakt"],
    ...                          "document": ["umfrage.csv", "Auftakt.md", "Auftakt.md"]}))
    ('umfrage',)
    """
    if segments.empty:
        return ()
    pairs = segments[["workshop", "document"]].drop_duplicates()
    return tuple(sorted({w for w, d in pairs.itertuples(index=False) if is_file_name(w, d)}))


def file_documents(segments: pd.DataFrame) -> dict[str, str]:
    """Each workshop of ``segments`` named only after its file, with that file's name: a
    table row that names a source says "umfrage.csv", not a workshop "umfrage"; two such
    sources stay two rows a reader can tell apart.

    >>> file_documents(pd.DataFrame({"workshop": ["umfrage", "Auftakt"],
    ...                              "document": ["umfrage.csv", "Auftakt.md"]}))
    {'umfrage': 'umfrage.csv'}
    """
    if segments.empty:
        return {}
    found: dict[str, str] = {}
    for w, d in segments[["workshop", "document"]].drop_duplicates().itertuples(index=False):
        if is_file_name(w, d):
            found.setdefault(w, d)
    return found


def named_sources(workshops: Iterable[str], file_workshops: Iterable[str]) -> str:
    """The workshops a reader can recognise, the file-named ones counted; "" if all are.

    >>> named_sources(["Quartiersworkshop Manfort"], [])
    'Quartiersworkshop Manfort'
    >>> named_sources(["Auftakt", "umfrage"], ["umfrage"]), named_sources(["umfrage"], ["umfrage"])
    ('Auftakt und einer weiteren Quelle', '')
    >>> named_sources(["A", "b", "c"], ["b", "c"])
    'A und 2 weiteren Quellen'
    """
    files, listed = set(file_workshops), list(workshops)
    named = [w for w in listed if w not in files]
    others = len(listed) - len(named)
    if not named:
        return ""
    if not others:
        return ", ".join(named)
    more = "einer weiteren Quelle" if others == 1 else f"{others} weiteren Quellen"
    return f"{', '.join(named)} und {more}"


def is_held(workshop: str, districts: Iterable[str], file_named: bool) -> bool:
    """Whether ``workshop`` names a workshop that was held: not a file's name, and, if all
    its statements are under Gesamtstadt (``districts``), named a kick-off or city-wide
    workshop (:func:`~workbench.synthesis.citywide.city_words`; a survey, a Pol.is
    conversation or a card wall without a Sozialraum is "ohne Sozialraum", decision 015).

    >>> is_held("Quartiersworkshop Manfort", ["Manfort"], False)
    True
    >>> is_held("Auftaktworkshop Gesamtstadt", ["Gesamtstadt"], False)
    True
    >>> is_held("Energie", ["Gesamtstadt"], False), is_held("umfrage", ["Opladen"], True)
    (False, False)
    """
    if file_named:
        return False
    places = set(districts)
    return places != {CITYWIDE} or city_words([workshop]) is not UNPLACED_WORDS


def sources_text(held: int, others: int) -> str:
    """The workshops and other sources of a study, for a report's opening line.

    >>> sources_text(6, 0), sources_text(0, 1), sources_text(0, 2)
    ('6 Workshops', '1 Quelle', '2 Quellen')
    >>> sources_text(1, 1), sources_text(2, 3)
    ('1 Workshop und eine weitere Quelle', '2 Workshops und 3 weitere Quellen')
    """
    if not others:
        return plural(held, "Workshop", "Workshops")
    if not held:
        return plural(others, "Quelle", "Quellen")
    more = "eine weitere Quelle" if others == 1 else f"{format_number(others)} weitere Quellen"
    return f"{plural(held, 'Workshop', 'Workshops')} und {more}"


def sources_header(held: int, others: int) -> str:
    """The overview table's first column: "Workshop", "Quelle" if none was held.

    >>> sources_header(3, 0), sources_header(0, 2), sources_header(1, 1)
    ('Workshop', 'Quelle', 'Workshop oder Quelle')
    """
    if not others:
        return "Workshop"
    return "Quelle" if not held else "Workshop oder Quelle"
