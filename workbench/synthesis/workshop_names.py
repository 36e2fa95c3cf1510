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
(:func:`sources_text`): no one held a workshop for a card wall or a survey. What a
workshop's files are says more than its name: a protocol, a video conference's chat or a
transcript records a meeting that was held ("Bürgerforum", "Stadtkonferenz 2021" without
a Sozialraum are workshops); a table, a messenger chat or a REFI-QDA project may come from
anywhere, and only its name tells (:func:`is_held`, :func:`held_workshops`). A survey is
no workshop, even with a district column and a capitalised name ("Umfrage.csv",
"Befragung Opladen.xlsx"): a name that says so ("Umfrage", "Befragung", "Fragebogen",
"Survey") without a meeting's word ahead of it ("Workshop zur Umfrage"; the head of a
compound decides: "Forumsumfrage" is a survey, :func:`name_kind`), or a table the import read as
a survey (its stored options: open questions, several answer columns, a survey tool's
header rows: :data:`SURVEY_OPTIONS`; stored since the table importer has read surveys, so
older projects count alike) and named after its file, counts as a source; a card wall
imported under a workshop's name (``--workshop``) with a question as its column's head
stays a workshop.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import select

from workbench.core.formatting import format_number, plural
from workbench.store import CITYWIDE, Document
from workbench.synthesis.citywide import UNPLACED_WORDS, city_words

if TYPE_CHECKING:
    from workbench.store import ProjectStore

# The importers (``Document.importer`` as stored) whose files record a meeting: the
# protocols (``ingest.common.PROTOCOL_IMPORTERS``), a video conference's chat, transcripts.
# Not "speaker-turns" (a transcript or a messenger chat), not tables or REFI-QDA projects.
# Named here, not imported: commands that only read the store load no importer.
MEETING_IMPORTERS = frozenset(
    {"markdown", "docx", "odt", "pdf", "zoom-chat", "webvtt", "subrip", "subviewer"}
    | {"whisper-json", "timed-segments"}
)
# The options a table import stores when it read the table as a survey (``ingest.table``):
# its open questions, several answer columns (``--text-column`` more than once), a survey
# tool's further header rows (SoSci, Qualtrics, SurveyMonkey). A card wall has none.
SURVEY_OPTIONS = ("survey_questions", "more_text_columns", "header_rows")
# The words that say a source is a survey ("Umfrage", "Bürgerbefragung Wiesdorf") or a
# meeting ("Workshop zur Umfrage Opladen", "Befragungsforum"); :func:`name_kind` decides.
_KIND_WORD = re.compile(
    r"(?P<survey>umfrage|befragung|frageb(?:o|ö|oe)gen|survey(?!or))"  # "Frageboegen"
    r"|(?P<meeting>workshop|werkst(?:a|ä|ae)tt|konferenz|forum|foren|versammlung|sitzung|treffen"
    r"|tagung|veranstaltung|auftakt|kickoff|spaziergang|begehung)",
    re.IGNORECASE,
)
_KICK_OFF = re.compile(r"kick[\s-]?off", re.IGNORECASE)  # "Kick-off Befragung": one word
_WORDS = re.compile(r"[\s_/,:;()]+")  # not "-": "Bürgerforum-Befragung" is one compound
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
    return _named_by_file(workshop, document) and bool(_FILE_LIKE.match(str(workshop)))


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


def is_held(
    workshop: str,
    districts: Iterable[str],
    file_named: bool,
    meeting: bool = False,
    survey: bool = False,
) -> bool:
    """Whether ``workshop`` names a workshop that was held: not a file's name, and either
    recorded by a protocol, a video conference's chat or a transcript (``meeting``:
    :data:`MEETING_IMPORTERS`), or not a survey (``survey``: read as one, or so named
    without a meeting's word) and with statements in a Sozialraum, or, if all its statements
    are under Gesamtstadt (``districts``), named a kick-off or city-wide workshop
    (:func:`~workbench.synthesis.citywide.city_words`; a survey, a Pol.is conversation or a
    card wall without a Sozialraum is "ohne Sozialraum", decision 015).

    >>> is_held("Quartiersworkshop Manfort", ["Manfort"], False)
    True
    >>> is_held("Auftaktworkshop Gesamtstadt", ["Gesamtstadt"], False)
    True
    >>> is_held("Energie", ["Gesamtstadt"], False), is_held("umfrage", ["Opladen"], True)
    (False, False)
    >>> is_held("Bürgerforum", ["Gesamtstadt"], False, meeting=True)
    True
    >>> is_held("Umfrage", ["Opladen"], False)
    False
    >>> is_held("Rückmeldungen", ["Opladen"], False, survey=True)
    False
    >>> is_held("Workshop zur Umfrage Opladen", ["Opladen"], False, survey=True)
    True
    """
    if file_named:
        return False
    if meeting:
        return True
    kind = name_kind(workshop)
    if kind == "survey" or (survey and kind != "meeting"):
        return False
    places = set(districts)
    return places != {CITYWIDE} or city_words([workshop]) is not UNPLACED_WORDS


def name_kind(name: str) -> str | None:
    """Whether ``name`` calls its source a survey ("survey"), a meeting ("meeting") or
    neither (None): a compound is what its last such word says, the head of a German
    compound ("Forumsumfrage", "Bürgerforum-Befragung" are surveys, "Umfragewerkstatt",
    "Befragungsforum" meetings); of several words the first that says either decides, the
    head of a German name, the rest its topic ("Umfrage Fahrradwerkstatt" is a survey about
    a workshop, "Workshop zur Umfrage Opladen" a workshop about a survey). A word cut short
    by a hyphen shares the head of the word it is joined to ("Befragungs- und
    Planungsworkshop" is a workshop, "Kinder- und Jugendbefragung" a survey).

    >>> name_kind("Forumsumfrage"), name_kind("Umfragewerkstatt")
    ('survey', 'meeting')
    >>> name_kind("Umfrage Fahrradwerkstatt"), name_kind("Kick-off Befragung")
    ('survey', 'meeting')
    >>> name_kind("Umfrageergebnisse Opladen"), name_kind("Surveyor Treffen")
    ('survey', 'meeting')
    >>> name_kind("Ergebnisse Opladen") is None
    True
    >>> name_kind("Umfrage- und Diskussionsforum"), name_kind("Frageboegen Rheindorf")
    ('meeting', 'survey')
    """
    cut: str | None = None  # the kind of a word cut short ("Befragungs-"), if none follows
    for word in _WORDS.split(_KICK_OFF.sub("kickoff", name)):
        found = [m.lastgroup for m in _KIND_WORD.finditer(word)]
        if found and word.endswith("-"):
            cut = cut or found[-1]
        elif found:
            return found[-1]
    return cut


def held_workshops(
    workshops: pd.DataFrame,
    segments: pd.DataFrame,
    importers: Mapping[int, str],
    surveys: Collection[int] = (),
) -> dict[str, bool]:
    """Each workshop of ``workshops`` (columns ``workshop``, ``district``) and whether it was
    held (:func:`is_held`), from its statements (``segments``: ``workshop``, ``district``,
    ``document``, ``document_id``), their documents' importers (id → ``importer``) and the
    documents read as surveys (``surveys``: ids, :func:`survey_documents`); a workshop is a
    survey when all its documents are.

    >>> held_workshops(
    ...     pd.DataFrame({"workshop": ["Bürgerforum", "Energie"],
    ...                   "district": ["Gesamtstadt", "Gesamtstadt"]}),
    ...     pd.DataFrame({"workshop": ["Bürgerforum", "Energie"],
    ...                   "district": ["Gesamtstadt", "Gesamtstadt"],
    ...                   "document": ["forum.md", "comments.csv"], "document_id": [1, 2]}),
    ...     {1: "markdown", 2: "csv"})
    {'Bürgerforum': True, 'Energie': False}
    """
    files = file_documents(segments)
    places: Mapping[str, set[str]] = {}
    meetings: set[str] = set()
    asked: set[str] = set()
    if not segments.empty:
        places = segments.groupby("workshop")["district"].agg(set).to_dict()
        kinds = segments["document_id"].map(importers)
        meetings = set(segments.loc[kinds.isin(MEETING_IMPORTERS), "workshop"])
        by_file = [
            _named_by_file(w, d)
            for w, d in zip(segments["workshop"], segments["document"], strict=True)
        ]
        read = segments["document_id"].isin(set(surveys)) & pd.Series(by_file, segments.index)
        asked = set(segments.loc[read, "workshop"]) - set(segments.loc[~read, "workshop"])
    return {
        w: is_held(w, places.get(w, {d}), w in files, w in meetings, w in asked)
        for w, d in zip(workshops["workshop"], workshops["district"], strict=True)
    }


def _named_by_file(workshop: object, document: object) -> bool:
    """Whether ``workshop`` is its file's name ("Rückmeldungen Opladen" of "Rückmeldungen
    Opladen.csv"), not one the import was given (``--workshop "Bürgerdialog Manfort"`` for a
    card wall whose column asks "Was fehlt?"): only then may the table's shape say survey."""
    if not isinstance(workshop, str) or not isinstance(document, str):
        return False
    stem = PurePath(document.replace("\\", "/")).stem
    return unicodedata.normalize("NFC", workshop) == unicodedata.normalize("NFC", stem)


def survey_documents(project: ProjectStore) -> frozenset[int]:
    """The ids of the documents of ``project`` a table import read as a survey
    (:data:`SURVEY_OPTIONS` among their stored options)."""
    with project.session() as s:
        rows = s.execute(select(Document.id, Document.options)).all()
    return frozenset(
        i for i, options in rows if any((options or {}).get(k) for k in SURVEY_OPTIONS)
    )


def project_held(project: ProjectStore) -> dict[str, bool]:
    """Each workshop of ``project`` and whether it was held (:func:`held_workshops`)."""
    documents = project.documents()
    importers = dict(zip(documents["document_id"], documents["importer"], strict=True))
    surveys = survey_documents(project)
    return held_workshops(project.workshops(), project.segments(), importers, surveys)


def wave_sources(workshops: pd.DataFrame) -> dict[str, str]:
    """Each wave of ``workshops`` (columns ``wave``, ``held``) with its workshops and
    other sources counted (:func:`sources_text`).

    >>> wave_sources(pd.DataFrame({"wave": ["2021", "2021", "2023"],
    ...                            "held": [True, False, False]}))
    {'2021': '1 Workshop und eine weitere Quelle', '2023': '1 Quelle'}
    """
    counted: dict[str, list[int]] = {}
    for wave, held in zip(workshops["wave"], workshops["held"], strict=True):
        counted.setdefault(wave, [0, 0])[0 if held else 1] += 1
    return {wave: sources_text(*n) for wave, n in counted.items()}


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
