"""Waves of a study, and need clusters compared across waves per Sozialraum.

A study may hold several waves — rounds of workshops such as "2020/21" and a
"Folgebefragung 2022" (every workshop belongs to one; ``workbench import --wave LABEL``).
Waves are ordered by the order in which they were first imported.

The comparison reads the latest need run (or a given one); that run clusters the need
statements of all waves together, so the same cluster stands for the same need in every
wave. For each cluster and each Sozialraum it counts the cluster's statements in the
earlier wave (``a``) and in the later wave (``b``) and assigns a status by this rule
(``m`` = ``min_count``, default :data:`MIN_COUNT`):

- ``nicht erhoben``: the Sozialraum has no statement at all (of any kind) in one of the two
  waves — nobody was asked there, so nothing can be said about what is new or gone; for a
  run of coded needs also while none of its statements of that wave is coded or in the run
  (imported, not read yet: :attr:`NeedComparison.uncoded`, with a note);
- ``anhaltend``: raised in both waves (``a ≥ 1`` and ``b ≥ 1``) with ``a + b ≥ m``;
- ``neu``: not raised in the earlier wave (``a = 0``) and at least ``m`` times in the later;
- ``nicht mehr genannt``: at least ``m`` times in the earlier wave and not in the later
  (``b = 0``), although the Sozialraum took part in it;
- ``vereinzelt``: anything else — too few statements to say (e.g. ``a = 0, b = 1``).

Pairs with ``a = b = 0`` are left out. Statements of the city-wide scope (no Sozialraum)
form their own row "ohne Sozialraum", treated like a Sozialraum. Every row keeps the ids of
its statements, so each status can be traced to what was said.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import or_, select

from workbench.analysis.need_clusters import NO_NEED_RUN, latest_memberships
from workbench.core.domain import SEPARATOR, InputError, WorkbenchError
from workbench.core.formatting import MISSING_DISTRICT
from workbench.store import (
    CITYWIDE,
    Code,
    Coding,
    District,
    NeedRun,
    Segment,
    Wave,
    Workshop,
)
from workbench.store.district_changes import comparison_notes
from workbench.store.district_spelling import named_district
from workbench.store.waves import clean_label, find_wave, ordered_waves, wave_for_import
from workbench.store.workshop_keys import typed_workshop

if TYPE_CHECKING:
    from workbench.project import Project

MIN_COUNT = 2
NEW = "neu"
PERSISTING = "anhaltend"
GONE = "nicht mehr genannt"
SPARSE = "vereinzelt"
NOT_SURVEYED = "nicht erhoben"
STATUSES = (NEW, PERSISTING, GONE, SPARSE, NOT_SURVEYED)
ONE_WAVE = (
    "Für den Vergleich braucht es mindestens zwei Wellen; das Projekt hat nur {waves} "
    "(eine weitere importieren mit: workbench import --wave BEZEICHNUNG DATEI …)."
)

NO_WAVE = (
    "Für den Vergleich braucht es mindestens zwei Wellen; das Projekt hat noch keine "
    "(die erste entsteht mit dem ersten Import: workbench import DATEI …, "
    "eine weitere mit workbench import --wave BEZEICHNUNG DATEI …)."
)

WAVE_COLUMNS = {
    "wave_id": "int64",
    "wave": "string",
    "position": "int64",
    "workshops": "int64",
    "segments": "int64",
    "districts": "object",  # Sozialräume with statements in the wave (city-wide: ohne …)
}
COMPARISON_COLUMNS = {
    "cluster": "int64",
    "label": "string",
    "scope": "string",  # the cluster's scope in the run (übergreifend | sozialraumspezifisch)
    "district": "string",  # a Sozialraum, or "ohne Sozialraum"
    "earlier": "int64",  # the cluster's statements from the district in the earlier wave
    "later": "int64",
    "status": "string",
    "per_wave": "object",  # {wave label: statements} for every wave, earliest first
    "earlier_ids": "object",  # segment ids, for quotes and traceability
    "later_ids": "object",
}


def classify(earlier: int, later: int, min_count: int = MIN_COUNT, surveyed: bool = True) -> str:
    """The status of one need in one Sozialraum by the rule in the module docstring.

    ``surveyed`` is False when the Sozialraum has no statement at all in one of the waves.

    >>> [classify(a, b) for a, b in [(3, 2), (1, 1), (0, 2), (4, 0), (0, 1), (1, 0)]]
    ['anhaltend', 'anhaltend', 'neu', 'nicht mehr genannt', 'vereinzelt', 'vereinzelt']
    >>> classify(1, 1, min_count=3), classify(5, 0, surveyed=False)
    ('vereinzelt', 'nicht erhoben')
    """
    if not surveyed:
        return NOT_SURVEYED
    if earlier and later and earlier + later >= min_count:
        return PERSISTING
    if not earlier and later >= min_count:
        return NEW
    if not later and earlier >= min_count:
        return GONE
    return SPARSE


def _district_name(name: str | None) -> str:
    """A Sozialraum as the comparison shows it: the city-wide scope is "ohne Sozialraum"."""
    return MISSING_DISTRICT if not name or name == CITYWIDE else name


def _segment_facts(project: Project) -> pd.DataFrame:
    """Every statement's wave and Sozialraum (segment_id, wave, district)."""
    with project.session() as session:
        rows = session.execute(
            select(Segment.id, Wave.label, District.name)
            .join(Workshop, Segment.workshop_id == Workshop.id)
            .join(Wave, Workshop.wave_id == Wave.id)
            .join(District, Segment.district_id == District.id)
        ).all()
    table = pd.DataFrame(rows, columns=["segment_id", "wave", "district"])
    table["district"] = table["district"].map(_district_name)
    return table


def waves(project: Project) -> pd.DataFrame:
    """The project's waves, earliest first, with their workshops, statements and districts."""
    facts = _segment_facts(project)
    with project.session() as session:
        found = ordered_waves(session)
        workshops = Counter(session.scalars(select(Workshop.wave_id)))
    rows = []
    for wave in found:
        inside = facts[facts["wave"] == wave.label]
        rows.append(
            {
                "wave_id": wave.id,
                "wave": wave.label,
                "position": wave.position,
                "workshops": workshops.get(wave.id, 0),
                "segments": len(inside),
                "districts": tuple(sorted(set(inside["district"]), key=_district_order)),
            }
        )
    return pd.DataFrame(rows, columns=list(WAVE_COLUMNS)).astype(WAVE_COLUMNS)


def _district_order(name: str) -> tuple[bool, str]:
    """Sozialräume A–Z, "ohne Sozialraum" last."""
    return name == MISSING_DISTRICT, name


def rename_wave(project: Project, old: str, new: str) -> str:
    """Give a wave a new label (e.g. "Welle 1" → "2020/21"); return it as stored (one line)."""
    with project.transaction(exclusive=True) as session:  # read, then write: one at a time
        wave = find_wave(session, old)
        if wave is None:
            known = ", ".join(w.label for w in ordered_waves(session)) or "keine"
            raise InputError(f"Welle '{old}' gibt es nicht (vorhanden: {known}).")
        label = clean_label(new)
        other = find_wave(session, label)
        if other is not None and other.id != wave.id:
            raise InputError(f"Eine Welle '{other.label}' gibt es schon.")
        wave.label = label
    return label


def reorder_waves(project: Project, labels: list[str]) -> None:
    """Put the waves in the order given, earliest first (every wave named once).

    The order is that of the first import; an archive imported after the follow-up
    (2021 after 2022) would otherwise be compared as the later wave.
    """
    with project.transaction(exclusive=True) as session:  # read, then write: one at a time
        found = ordered_waves(session)
        known = ", ".join(w.label for w in found) or "keine"
        chosen = []
        for label in labels:
            wave = find_wave(session, label)
            if wave is None:
                raise InputError(f"Welle '{label}' gibt es nicht (vorhanden: {known}).")
            if wave in chosen:
                raise InputError(f"Welle '{wave.label}' ist zweimal genannt.")
            chosen.append(wave)
        left = [w.label for w in found if w not in chosen]
        if left:
            raise InputError(
                f"Bitte alle Wellen in ihrer Reihenfolge nennen; es fehlt: {', '.join(left)}."
            )
        for position, wave in enumerate(chosen, start=1):
            wave.position = position


@dataclass(frozen=True)
class Moved:
    """A workshop put into another wave (:func:`move_workshop`)."""

    workshop: str
    before: str  # the wave it was in
    after: str  # the wave it is in now
    created: bool  # ``after`` was made for it (placed last)
    removed: bool  # ``before`` held no other workshop and is gone


def move_workshop(project: Project, workshop: str, wave: str) -> Moved:
    """Put a workshop into another wave (created after the others if new).

    An import without ``--wave`` puts new workshops into the first wave, and importing the
    file again with ``--wave`` changes nothing (a workshop keeps its wave at import): this
    is the way to correct it. A wave left without workshops is removed.
    """
    with project.transaction(exclusive=True) as session:  # read, then write: one at a time
        found = {w.name: w for w in session.scalars(select(Workshop))}
        # as typed at import: a long name is stored shortened (long_names)
        forms = (named_district(n, list(found), "Workshop") for n in typed_workshop(workshop))
        name = next(filter(None, forms), None)
        if name is None:
            raise InputError(
                f"Workshop '{workshop}' gibt es nicht (workbench export nennt die Workshops "
                "in der Spalte workshop)."
            )
        moving = found[name]
        before = session.get(Wave, moving.wave_id)
        target = find_wave(session, wave)
        created = target is None
        target = target or wave_for_import(session, wave)
        if target.id == before.id:
            raise InputError(f"Workshop '{name}' gehört schon zur Welle '{target.label}'.")
        moving.wave_id = target.id
        session.flush()
        others = session.scalar(select(Workshop.id).where(Workshop.wave_id == before.id))
        if others is None:
            session.delete(before)
            session.flush()
            for position, left in enumerate(ordered_waves(session), start=1):
                left.position = position
        return Moved(name, before.label, target.label, created, others is None)


@dataclass(frozen=True)
class NeedComparison:
    """Need clusters of one run compared between an earlier and a later wave."""

    run_id: int
    earlier: str
    later: str
    min_count: int
    waves: tuple[str, ...]  # every wave, earliest first
    table: pd.DataFrame  # COMPARISON_COLUMNS, one row per cluster and Sozialraum
    notes: tuple[str, ...] = ()  # e.g. need statements the run does not hold yet
    reader_notes: tuple[str, ...] = ()  # the same for the public site: no run, no command
    district_notes: tuple[str, ...] = ()  # renamed or merged Sozialräume (also in both above)
    # per Sozialraum, the compared waves in which it has statements but none coded yet
    # (a run of coded needs cannot tell what was raised there: "nicht erhoben")
    uncoded: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def summary(self) -> pd.DataFrame:
        """Per Sozialraum: how many needs have each status (columns in STATUSES order)."""
        counts = pd.crosstab(self.table["district"], self.table["status"])
        counts = counts.reindex(columns=list(STATUSES), fill_value=0)
        order = sorted(counts.index, key=_district_order)
        return counts.loc[order].rename_axis(index="district", columns=None).astype("int64")

    def district(self, name: str) -> pd.DataFrame:
        """The rows of one Sozialraum ("ohne Sozialraum" for the city-wide statements)."""
        return self.table[self.table["district"] == name].reset_index(drop=True)


def _pick(labels: list[str], earlier: str | None, later: str | None) -> tuple[str, str]:
    """The two waves to compare (default: the last two), as stored labels."""
    keys = {label.casefold(): label for label in labels}

    def resolve(label: str) -> str:
        found = keys.get(clean_label(label).casefold())
        if found is None:
            raise InputError(f"Welle '{label}' gibt es nicht (vorhanden: {', '.join(labels)}).")
        return found

    later_label = resolve(later) if later else labels[-1]
    if earlier:
        earlier_label = resolve(earlier)
    else:
        before = [w for w in labels if labels.index(w) < labels.index(later_label)]
        if not before:
            raise InputError(f"Vor der Welle '{later_label}' gibt es keine frühere Welle.")
        earlier_label = before[-1]
    if labels.index(earlier_label) >= labels.index(later_label):
        raise InputError(
            f"Welle '{earlier_label}' liegt nicht vor Welle '{later_label}' "
            f"(Reihenfolge: {', '.join(labels)})."
        )
    return earlier_label, later_label


def _need_statements(project: Project, params: dict) -> set[int]:
    """The statements a need run with these ``params`` (segments, question) clusters today
    (none without words: :func:`~workbench.analysis.needs.has_words`)."""
    from workbench.analysis.needs import NEED_CODE, has_words

    query = select(Segment.id, Segment.question, Segment.text)
    if params.get("segments", "needs") != "all":
        need = or_(Code.path == NEED_CODE, Code.path.startswith(NEED_CODE + SEPARATOR))
        query = query.join(Coding, Coding.segment_id == Segment.id).join(
            Code, Coding.code_id == Code.id
        )
        query = query.where(need)
    asked = str(params.get("question") or "").strip().casefold()
    with project.session() as session:
        rows = session.execute(query).all()
    return {
        s for s, question, text in rows if asked in (question or "").casefold() and has_words(text)
    }


def _rerun(params: dict) -> str:
    """The command that computes a need run like one with ``params`` again."""
    if params.get("question"):
        return f"workbench needs --question '{str(params['question']).strip()}'"
    return "workbench needs" + (" --segments all" if params.get("segments") == "all" else "")


def need_comparison(
    project: Project,
    run_id: int | None = None,
    earlier: str | None = None,
    later: str | None = None,
    min_count: int = MIN_COUNT,
) -> NeedComparison:
    """Compare the need clusters of a run (default: the reference run) between two waves.

    Default waves: the last two. Raises a :class:`WorkbenchError` with one German sentence
    when the project has only one wave, no need run, or a run without statements of a
    compared wave (then the needs must be computed again).
    """
    if int(min_count) < 1:
        raise InputError("Die Mindestzahl der Aussagen muss mindestens 1 sein.")
    table = waves(project)
    labels = table["wave"].tolist()
    if not labels:
        raise WorkbenchError(NO_WAVE)
    if len(labels) < 2:
        raise WorkbenchError(ONE_WAVE.format(waves=f"die Welle '{labels[0]}'"))
    with project.session() as session:
        run = latest_memberships(session, run_id)
        params = {} if run is None else dict(session.get(NeedRun, run.run_id).params)
    if run is None:
        raise WorkbenchError(NO_NEED_RUN)
    first, second = _pick(labels, earlier, later)
    facts = _segment_facts(project).set_index("segment_id")
    member_of = {s: c for c, members in run.members.items() for s in members}
    in_run = facts.loc[facts.index.isin(list(member_of))]
    notes: list[str] = []
    readers: list[str] = []
    missing = _need_statements(project, params) - set(member_of)
    for label in (first, second):
        absent = int(facts.loc[facts.index.isin(list(missing)), "wave"].eq(label).sum())
        unseen = (facts["wave"] == label).any() and not (in_run["wave"] == label).any()
        if params.get("question") and unseen and not absent:
            # computing again changes nothing: the wave was not asked this question
            raise WorkbenchError(
                f"Der Bedarfslauf {run.run_id} umfasst nur Aussagen unter Leitfragen mit "
                f"'{str(params['question']).strip()}', und die Welle '{label}' hat keine "
                "solche Aussage. Für den Vergleich die Bedarfe mit einer Frage beider Wellen "
                "(workbench needs --question TEXT) oder über alle Aussagen (workbench needs "
                "--segments all) berechnen; einen anderen Lauf wählt --run N."
            )
        if absent and not (in_run["wave"] == label).any():
            raise WorkbenchError(
                f"Der Bedarfslauf {run.run_id} enthält keine Aussagen der Welle '{label}'; "
                f"bitte die Bedarfscluster neu berechnen ({_rerun(params)})."
            )
        if absent:
            notes.append(
                f"{absent} Bedarfsaussagen der Welle '{label}' sind nicht im Bedarfslauf "
                f"{run.run_id}; für einen vollständigen Vergleich neu berechnen ({_rerun(params)})."
            )
            readers.append(
                f"{absent} Bedarfsaussagen der Welle '{label}' sind im Vergleich noch nicht "
                "berücksichtigt."
            )
    for label in (first, second):
        if not (facts["wave"] == label).any():
            note = (
                f"Die Welle '{label}' hat keine Aussagen (mehr): Ihre Bedarfe gelten als "
                "„nicht erhoben“, nicht als „nicht mehr genannt“."
            )
            notes.append(note)
            readers.append(note)
    with project.session() as session:  # renamed or merged since: the rows say so
        changes = comparison_notes(session)
    notes.extend(changes)
    readers.extend(changes)
    surveyed = {w: set(facts.loc[facts["wave"] == w, "district"]) for w in labels}
    uncoded: dict[str, tuple[str, ...]] = {}
    if params.get("segments", "needs") != "all":  # needs are what the team coded so
        with project.session() as session:
            coded = set(session.scalars(select(Coding.segment_id).distinct())) | set(member_of)
        for label in (first, second):
            inside = facts[facts["wave"] == label]
            done = set(inside.loc[inside.index.isin(list(coded)), "district"])
            for district in sorted(surveyed[label] - done, key=_district_order):
                uncoded[district] = (*uncoded.get(district, ()), label)
                count = int((inside["district"] == district).sum())
                where = "ohne Sozialraum" if district == MISSING_DISTRICT else f"aus {district}"
                none = (  # "keine der 1 Aussage" reads wrong: the one statement
                    f"ist noch keine der {count} Aussagen {where} kodiert"
                    if count != 1
                    else f"ist die einzige Aussage {where} noch nicht kodiert"
                )
                notes.append(
                    f"In der Welle '{label}' {none}: Ihre Bedarfe gelten dort als „nicht "
                    "erhoben“, bis sie kodiert sind."
                )
                readers.append(
                    f"Die Aussagen der Welle '{label}' {where} sind noch nicht ausgewertet."
                    if count != 1
                    else f"Die Aussage der Welle '{label}' {where} ist noch nicht ausgewertet."
                )
            surveyed[label] = done
    rows = []
    described = run.described
    for cluster in sorted(run.members):
        members = in_run.loc[in_run.index.isin(list(run.members[cluster]))]
        for district in sorted(set(members["district"]), key=_district_order):
            here = members[members["district"] == district]
            ids = {w: sorted(int(s) for s in here.index[here["wave"] == w]) for w in labels}
            a, b = len(ids[first]), len(ids[second])
            if not (a or b):
                continue
            asked = district in surveyed[first] and district in surveyed[second]
            info = described.get(cluster, {})
            rows.append(
                {
                    "cluster": cluster,
                    "label": info.get("label", f"Cluster {cluster}"),
                    "scope": info.get("scope", ""),
                    "district": district,
                    "earlier": a,
                    "later": b,
                    "status": classify(a, b, int(min_count), asked),
                    "per_wave": {w: len(ids[w]) for w in labels},
                    "earlier_ids": tuple(ids[first]),
                    "later_ids": tuple(ids[second]),
                }
            )
    result = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS)).astype(COMPARISON_COLUMNS)
    if not result.empty:
        rank = {s: i for i, s in enumerate(STATUSES)}
        result = (
            result.assign(
                _d=result["district"].map(_district_order),
                _s=result["status"].map(rank),
                _n=-(result["earlier"] + result["later"]),
            )
            .sort_values(["_d", "_s", "_n", "cluster"])
            .drop(columns=["_d", "_s", "_n"])
            .reset_index(drop=True)
        )
    return NeedComparison(
        run.run_id,
        first,
        second,
        int(min_count),
        tuple(labels),
        result,
        tuple(notes),
        tuple(readers),
        tuple(changes),
        uncoded,
    )
