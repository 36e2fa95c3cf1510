"""The rest of the stored project read again when an import learns a name it still shows.

:mod:`workbench.ingest.stored_growth` reads the stored statements, their questions, roles,
file names and titles again. What else a report, the Sozialraum site, an app or an export
shows was pseudonymised when it was stored, with the key of that moment: the name of a
workshop ("Becker hat recht" as ``workshop:``), a survey's attributes ("Ansprechpartnerin:
Becker hat recht"), the codebook's descriptions and examples, the recommendations' titles,
texts, actors and status steps, the names the team gave need clusters, the rating cards and the
comments of the participants' answers. :func:`reread_texts` replaces there the names the key learned
since a point of the import (learned-only, like the statements: everything else stays as
stored), inside the import's transaction; it reads only the values that show a learned
word, so an import that learns nothing reads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from workbench.ingest.category_people import known_in_category
from workbench.ingest.key_growth import shows
from workbench.ingest.long_names import fitted_label
from workbench.ingest.person_headers import is_prose_column
from workbench.ingest.personal_columns import is_prose
from workbench.ingest.pseudonymise import Pseudonymiser, listed_names
from workbench.ingest.thing_names import pseudonymise_name
from workbench.store import Code, ListedName, Segment, Workshop
from workbench.store.analysis_tables import NeedEdit, NeedRun
from workbench.store.erasure_words import RESEARCHER
from workbench.store.participation_tables import FeedbackAnswer, FeedbackItem
from workbench.store.schema import MAX_WORKSHOP
from workbench.store.synthesis_tables import (
    MAX_NEED_LABEL,
    MAX_STEP_ACTOR,
    MAX_TITLE,
    Recommendation,
    RecommendationNeed,
    RecommendationStatus,
    within_limit,
)


def learned_only(
    key: Pseudonymiser,
    text: str,
    names: Sequence[str],
    learned: re.Pattern[str],
    prose: bool = True,
) -> str:
    """``text`` with the persons the key now finds replaced where they show a learned word
    (read as a sentence or, ``prose`` false, as a category); everything else as it was."""
    if not text or not learned.search(text):
        return text
    _, replacements = key.pseudonymise(text, names, prose)
    parts, cursor, grown = [], 0, 0  # grown: how much the new text is longer so far
    for r in replacements:
        start = r.start - grown
        end = start + len(r.original)
        grown += len(r.placeholder) - len(r.original)
        if r.kind != "person" or not learned.search(r.original) or text[start:end] != r.original:
            continue
        parts += [text[cursor:start], r.placeholder]
        cursor = end
    if not parts:
        return text
    parts.append(text[cursor:])
    return "".join(parts)


def reread_texts(session: Session, key: Pseudonymiser, learned: re.Pattern[str] | None) -> None:
    """Replace the names of ``learned`` (the words of the persons an import learned) where
    stored workshop names, attributes, code descriptions, recommendations, the team's
    cluster names and the participants' comments still show them."""
    if learned is None:
        return
    listed: dict[int, list[str]] = {}

    def listed_in(workshop_id: int) -> list[str]:
        if workshop_id not in listed:
            found = select(ListedName.name).where(ListedName.workshop_id == workshop_id)
            listed[workshop_id] = sorted(session.scalars(found))
        return listed[workshop_id]

    everyone = listed_names(session)

    def prose(text: str | None) -> str:
        return learned_only(key, text or "", everyone, learned) if text else (text or "")

    _workshops(session, key, learned, listed_in)
    _attributes(session, key, learned, listed_in)
    _codes(session, learned, prose)
    _recommendations(session, learned, prose)
    _cluster_names(session, learned, prose)
    for item in _showing(session, FeedbackItem, learned, FeedbackItem.label, FeedbackItem.text):
        item.label, item.text = prose(item.label), prose(item.text)  # a recommendation's card
    for answer in _showing(session, FeedbackAnswer, learned, FeedbackAnswer.comment):
        answer.comment = prose(answer.comment)
    session.flush()


def _showing(
    session: Session, table: Any, learned: re.Pattern[str], *columns: Any, where: Any = None
) -> list:
    """The rows of ``table`` one of whose ``columns`` shows a learned word (read in Python:
    SQLite's LIKE folds only ASCII)."""
    query = select(table.id, *columns)
    rows = session.execute(query if where is None else query.where(where)).tuples()
    ids = [row[0] for row in rows if shows(learned, _values(row[1:]))]
    found: list = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        found += session.scalars(select(table).where(table.id.in_(part)).order_by(table.id))
    return found


def _values(values: Sequence[Any]) -> list[Any]:
    """The texts in stored values, also inside lists and mappings (JSON columns)."""
    out: list[Any] = []
    for value in values:
        if isinstance(value, dict):
            out += _values(list(value.values()))
        elif isinstance(value, list):
            out += _values(value)
        else:
            out.append(value)
    return out


def _workshops(
    session: Session,
    key: Pseudonymiser,
    learned: re.Pattern[str],
    listed_in: Callable[[int], list[str]],
) -> None:
    """Workshop names read again as names of things (as the import stored them); one that
    would become the name of another workshop stays."""
    taken = set(session.scalars(select(Workshop.name)))
    for workshop in _showing(session, Workshop, learned, Workshop.name):
        name = pseudonymise_name(key, workshop.name, listed_in(workshop.id))
        name = fitted_label(name, MAX_WORKSHOP)
        if name != workshop.name and name not in taken:
            taken.discard(workshop.name)
            taken.add(name)
            workshop.name = name


def _attributes(
    session: Session,
    key: Pseudonymiser,
    learned: re.Pattern[str],
    listed_in: Callable[[int], list[str]],
) -> None:
    """The text values of statements' attributes ("Hinweis": "Becker"), read as the import
    reads them: a category ("Beruf": "Bauer", "Jahreszeit": "Winter") is no sentence."""
    # statements without attributes (most) are not decoded: 20,000 of them cost 0.3 s
    some = cast(Segment.attributes, Text).not_in(["{}", "null"])
    # a survey repeats its values ("Jahreszeit": "Winter") in thousands of rows: each is
    # read once while the key stays as it is (as the import does: field_memo), and only
    # the statements whose attributes change are loaded
    read: dict[tuple[str, bool, int], str] = {}
    changed: dict[int, dict[str, Any]] = {}
    rows = (
        session.execute(select(Segment.id, Segment.workshop_id, Segment.attributes).where(some))
        .tuples()
        .all()
    )  # read before the key is asked (it reads the name lists)

    def reread(field: str, value: str, workshop_id: int) -> str:
        """A stored text value read again with the grown key, once per value."""
        prose = is_prose_column(field) or is_prose(value)
        seen = (value, prose, workshop_id)
        if seen not in read:
            size = len(key.known)
            new = learned_only(key, value, listed_in(workshop_id), learned, prose)
            if not prose:  # "Team Becker", as the import reads a category now
                new = known_in_category(key, new, listed_in(workshop_id))
            if len(key.known) != size:  # the key grew: what was read before may not hold
                read.clear()
                return new
            read[seen] = new
        return read[seen]

    for segment_id, workshop_id, stored in rows:
        if not isinstance(stored, dict) or not shows(learned, _values([stored])):
            continue
        attributes = dict(stored)
        for field, value in stored.items():
            if isinstance(value, str) and learned.search(value):
                attributes[field] = reread(field, value, workshop_id)
            elif isinstance(value, list):  # a REFI-QDA source's "Sets": each like a value
                attributes[field] = [
                    reread(field, v, workshop_id) if isinstance(v, str) and learned.search(v) else v
                    for v in value
                ]
        if attributes != stored:
            changed[segment_id] = attributes
    ids = sorted(changed)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for segment in session.scalars(select(Segment).where(Segment.id.in_(part))):
            segment.attributes = changed[segment.id]


def _codes(session: Session, learned: re.Pattern[str], prose: Callable[[str], str]) -> None:
    """The codebook's descriptions and examples."""
    for code in _showing(session, Code, learned, Code.description, Code.example):
        code.description, code.example = prose(code.description), prose(code.example)


def _recommendations(
    session: Session, learned: re.Pattern[str], prose: Callable[[str], str]
) -> None:
    """The recommendations' titles, texts and actors and their status steps."""
    columns = (Recommendation.title, Recommendation.text, Recommendation.actors)
    for record in _showing(session, Recommendation, learned, *columns):
        record.title = within_limit(prose(record.title), MAX_TITLE)
        record.text = prose(record.text)
        actors = list(dict.fromkeys(prose(str(a)) for a in record.actors or ()))
        if actors != list(record.actors or ()):
            record.actors = actors
    steps = (RecommendationStatus.actor, RecommendationStatus.note)
    for step in _showing(session, RecommendationStatus, learned, *steps):
        step.actor = within_limit(prose(step.actor), MAX_STEP_ACTOR)
        step.note = prose(step.note)


def _cluster_names(session: Session, learned: re.Pattern[str], prose: Callable[[str], str]) -> None:
    """The names the team gave need clusters: in the edits replayed on every run, in the
    runs and recommendations' need links that show them (rating cards: as any card)."""
    renamed: dict[str, str] = {}
    for edit in _showing(session, NeedEdit, learned, NeedEdit.payload):
        label = (edit.payload or {}).get("label")
        if isinstance(label, str) and learned.search(label):
            new = within_limit(prose(label), MAX_NEED_LABEL)
            if new != label:
                renamed[label] = new
                edit.payload = dict(edit.payload, label=new)
    if not renamed:
        return
    for run in session.scalars(select(NeedRun)):
        clusters = [
            dict(c, label=renamed[c["label"]])
            if c.get("label_source") == RESEARCHER and c.get("label") in renamed
            else c
            for c in run.clusters or ()
        ]
        if clusters != run.clusters:
            run.clusters = clusters
    for link in session.scalars(select(RecommendationNeed)):
        if link.label in renamed:
            link.label = renamed[link.label]
