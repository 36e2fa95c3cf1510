"""Renaming and merging Sozialräume: every reference in the store, in the caller's transaction.

A city's monitoring runs for years; meanwhile a district is imported under a misspelt name
("Steinbuechel" next to "Steinbüchel"), renamed, or merged with another. Rows refer to a
district by its id (workshops, statements, indicators, recommendations, access codes), so a
rename changes one row; the stored analyses that name districts as text (the districts of a
need run's clusters, the groups of a topic run ``--by district``) are renamed with it. A
merge moves every row of the source to the target and deletes the source; the analyses
stay as they were and count as out of date (:func:`changed_since`), because the clusters'
scope and the topic models per district depend on which statements a district holds.
Read back, a need cluster names the districts as they are called today
(:func:`named_today`): Opladen, merged into Manfort, is no district of its own beside it.

Every change is recorded under the meta key :data:`CHANGES_KEY` (a JSON list), so that the
comparison of waves can say that a district's earlier statements were made under another
name or in a district since merged into it. Snapshots of what participants were shown
(feedback items) keep the names they were shown with.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.core.fileio import write_atomic
from workbench.core.formatting import local_date
from workbench.store.analysis_tables import NeedRun, TopicAssignment, TopicRun
from workbench.store.district_spelling import boundary_names, district_name
from workbench.store.participation_tables import FeedbackToken
from workbench.store.schema import District, Meta, Segment, Workshop, utcnow
from workbench.store.synthesis_tables import Indicator, Recommendation

CHANGES_KEY = "district_changes"  # meta key: the list of renames and merges
RENAME = "rename"
MERGE = "merge"


@dataclass(frozen=True)
class DistrictChange:
    """One rename or merge: what it was, when (UTC, ISO) and how many rows it moved."""

    op: str  # RENAME | MERGE
    source: str  # the name before (rename) or the district merged away (merge)
    target: str
    at: str
    moved: dict[str, int] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()  # indicator values of the source the target already had

    @property
    def day(self) -> str:
        """The date of the change as German readers write it (04.12.2026)."""
        return local_date(datetime.fromisoformat(self.at))  # the day of "Erstellt am"


def district_changes(session: Session) -> list[DistrictChange]:
    """The project's renames and merges, oldest first."""
    meta = session.get(Meta, CHANGES_KEY)
    if meta is None:
        return []
    return [
        DistrictChange(
            op=entry["op"],
            source=entry["source"],
            target=entry["target"],
            at=entry["at"],
            moved=dict(entry.get("moved") or {}),
            dropped=tuple(entry.get("dropped") or ()),
        )
        for entry in json.loads(meta.value)
    ]


def _record(session: Session, change: DistrictChange) -> None:
    entries = [asdict(c) for c in district_changes(session)] + [asdict(change)]
    for entry in entries:
        entry["dropped"] = list(entry["dropped"])
    value = json.dumps(entries, ensure_ascii=False)
    meta = session.get(Meta, CHANGES_KEY)
    if meta is None:
        session.add(Meta(key=CHANGES_KEY, value=value))
    else:
        meta.value = value


def rename_district(session: Session, district: District, name: str) -> DistrictChange:
    """Give ``district`` the name ``name``, also in the stored analyses; record it."""
    old = district.name
    district.name = name
    for run in session.scalars(select(NeedRun)):
        clusters = [
            {
                **c,
                "districts": [name if d == old else d for d in c.get("districts") or []],
                "focus_districts": [
                    name if d == old else d for d in c.get("focus_districts") or []
                ],
            }
            for c in run.clusters or []
        ]
        if clusters != run.clusters:
            run.clusters = clusters
    prefix = f"{old}:"
    for run in session.scalars(select(TopicRun)):
        if (run.params or {}).get("by") != "district":
            continue
        run.topics = [
            {**t, "group": name, "key": f"{name}:{str(t['key'])[len(prefix) :]}"}
            if t.get("group") == old
            else t
            for t in run.topics or []
        ]
        for row in session.scalars(
            select(TopicAssignment).where(
                TopicAssignment.run_id == run.id, TopicAssignment.group == old
            )
        ):
            row.group = name
            row.topic = f"{name}:{row.topic[len(prefix) :]}"
    change = DistrictChange(RENAME, old, name, utcnow().isoformat())
    _record(session, change)
    return change


def merge_district(session: Session, source: District, target: District) -> DistrictChange:
    """Move every row of ``source`` to ``target``, delete ``source``; record it.

    An indicator value the target has for the same indicator and year stays; the source's
    is not carried over and named in ``dropped`` ("SGB-II-Quote 2019").
    """
    moved: dict[str, int] = {}
    for name, table in (
        ("workshops", Workshop),
        ("statements", Segment),
        ("recommendations", Recommendation),
        ("tokens", FeedbackToken),
    ):
        result = session.execute(
            update(table)
            .where(table.district_id == source.id)
            .values(district_id=target.id)
            .execution_options(synchronize_session=False)
        )
        moved[name] = int(result.rowcount or 0)
    taken = set(
        session.execute(
            select(Indicator.indicator, Indicator.year).where(Indicator.district_id == target.id)
        ).all()
    )
    dropped: list[str] = []
    moved["indicators"] = 0
    for value in session.scalars(
        select(Indicator)
        .where(Indicator.district_id == source.id)
        .order_by(Indicator.indicator, Indicator.year)
    ):
        if (value.indicator, value.year) in taken:
            dropped.append(f"{value.indicator} {value.year}")
            session.delete(value)
        else:
            value.district_id = target.id
            moved["indicators"] += 1
    session.flush()
    change = DistrictChange(
        MERGE, source.name, target.name, utcnow().isoformat(), moved, tuple(dropped)
    )
    session.delete(source)
    _record(session, change)
    return change


def changed_since(session: Session, since: datetime | None) -> list[DistrictChange]:
    """The merges made after ``since`` (a run's creation): the run no longer fits them."""
    if since is None:
        return []
    moment = since if since.tzinfo else since.replace(tzinfo=UTC)  # SQLite: naive UTC
    return [
        c
        for c in district_changes(session)
        if c.op == MERGE and datetime.fromisoformat(c.at) > moment
    ]


def _current(name: str, later: list[DistrictChange]) -> str:
    """What ``name`` is called after the ``later`` changes (renamed or merged on)."""
    for change in later:
        if change.source == name:
            name = change.target
    return name


def comparison_notes(session: Session) -> list[str]:
    """One sentence per rename or merge for the comparison of waves, with today's names."""
    changes = district_changes(session)
    notes = []
    for index, change in enumerate(changes):
        now = _current(change.target, changes[index + 1 :])
        if change.op == MERGE:
            notes.append(
                f"{now} umfasst seit dem {change.day} auch den früheren Sozialraum "
                f"{change.source} (zusammengelegt): Dessen Aussagen zählen in allen Wellen "
                f"bei {now} mit."
            )
        else:
            today = "" if now == change.target else f", heute {now}"
            notes.append(
                f"{change.target} hieß bis zum {change.day} „{change.source}“ (umbenannt"
                f"{today}); die Aussagen aller Wellen stehen unter dem neuen Namen."
            )
    return notes


def series_notes(session: Session) -> list[tuple[str, str]]:
    """Per merge, today's name of the merged Sozialraum and one sentence for its indicator
    series: values from before the merge describe a part of today's area."""
    changes = district_changes(session)
    notes = []
    for index, change in enumerate(changes):
        if change.op != MERGE:
            continue
        now = _current(change.target, changes[index + 1 :])
        moved = change.moved.get("indicators", 0)
        taken = f" ({moved} {'Wert' if moved == 1 else 'Werte'} von {change.source})"
        notes.append(
            (
                now,
                f"{now} umfasst seit dem {change.day} auch den früheren Sozialraum "
                f"{change.source} (zusammengelegt): Indikatorwerte aus der Zeit davor gelten "
                f"für einen Teil der heutigen Fläche{taken if moved else ''}; ein Verlauf über "
                "die Zusammenlegung hinweg vergleicht verschiedene Gebiete.",
            )
        )
    return notes


def now_called(session: Session, name: str) -> str:
    """Where a former Sozialraum ``name`` went, in German ("" if it never was renamed or
    merged): for a text that still names it ("seit dem 04.12.2026 Teil von Manfort")."""
    changes = district_changes(session)
    for index, change in enumerate(changes):
        if change.source.casefold() == name.strip().casefold():
            now = _current(change.target, changes[index + 1 :])
            how = "Teil von" if change.op == MERGE else "umbenannt in"
            return f"seit dem {change.day} {how} {now}"
    return ""


def former_names(session: Session) -> dict[str, str]:
    """The names of Sozialräume since renamed or merged away that no district has now,
    each with the district it is today ("Opladen" → "Manfort")."""
    changes = district_changes(session)
    current = {name.casefold(): name for name in session.scalars(select(District.name))}
    former = {}
    for index, change in enumerate(changes):
        now = _current(change.target, changes[index + 1 :])
        if change.source.casefold() not in current and now.casefold() in current:
            former[change.source] = current[now.casefold()]
    return former


def named_today(record: dict, former: dict[str, str]) -> dict:
    """A stored need cluster with the districts it names as they are called today, each
    once (``former``: :func:`former_names`): after a merge Manfort, not "Manfort, Opladen".

    >>> named_today({"districts": ["Manfort", "Opladen"], "n_districts": 2,
    ...              "focus_districts": ["Opladen"]}, {"Opladen": "Manfort"})
    {'districts': ['Manfort'], 'n_districts': 1, 'focus_districts': ['Manfort']}
    """
    new = dict(record)
    for key in ("districts", "focus_districts"):
        if isinstance(record.get(key), list | tuple):
            new[key] = list(dict.fromkeys(former.get(d, d) for d in record[key]))
    if "n_districts" in record and isinstance(record.get("districts"), list | tuple):
        new["n_districts"] = len(new["districts"])
    return new


def merged_names(session: Session) -> set[str]:
    """The former names (:func:`former_names`) whose area is today only part of a
    district: merged into it, perhaps renamed before or after ("Opladen"; a mere rename
    like "Steinbuechel" → "Steinbüchel" is the same area and not among them)."""
    changes = district_changes(session)
    former = former_names(session)
    merged = set()
    for index, change in enumerate(changes):
        if change.source not in former:
            continue
        name, joined = change.target, change.op == MERGE
        for later in changes[index + 1 :]:
            if later.source == name:
                name, joined = later.target, joined or later.op == MERGE
        if joined:
            merged.add(change.source)
    return merged


def district_key(name: str) -> str:
    """A district's name folded for lookup: composed (macOS writes "ü" as "u" and a
    combining mark), blanks and line breaks as one space (:func:`district_name`),
    case-folded.

    >>> district_key(" Steinbu\u0308chel") == district_key("steinbüchel")
    True
    """
    return district_name(name).casefold()


def district_index(session: Session) -> dict[str, District]:
    """The declared districts by :func:`district_key` and by their own name, and each former name
    (:func:`former_names`) as the district it became: a file of a later wave that still
    says "Opladen" (the city's templates, another office's export) belongs to Manfort,
    not to no district."""
    stored = list(session.scalars(select(District)))
    index = {district_key(d.name): d for d in stored}
    for old, now in former_names(session).items():
        index.setdefault(district_key(old), index[district_key(now)])
    # each by its own name too (a key with capitals is no folded key): "OPLADEN" and
    # "Opladen" of an older project stay two districts for a file that names one
    index.update({d.name: d for d in stored})
    return index


def moved_on(
    session: Session, names: Iterable[str], where: str = "die Aussagen stehen bei"
) -> list[str]:
    """A notice for each former name among ``names``: where its statements are stored
    (``where`` says what is found under today's name: "die Werte stehen bei")."""
    former = {district_key(old): (old, now) for old, now in former_names(session).items()}
    notices = []
    for key in dict.fromkeys(district_key(name or "") for name in names):
        if key in former:
            old, now = former[key]
            notices.append(f"Sozialraum {old}: {now_called(session, old)} – {where} {now}.")
    return notices


def rewrite_boundaries(path: Path, source: str, target: str, stored: Sequence[str] = ()) -> None:
    """Give the boundary of ``source`` (geo/districts.geojson) to ``target``: renamed, or
    on a merge added to the target's polygons. A file that is no such collection (put
    there by hand) is left alone; the map commands name it. A name the file holds with
    invisible characters (written before migration 0010) is the district's as stored
    now (:func:`district_name`; of the ``stored`` names before the change, by
    :func:`boundary_names`: "Gesamt\u200bstadt" is "Gesamtstadt (2)"): its boundary
    moves too, and the file names it so."""
    try:
        collection = json.loads(path.read_bytes())
        written = [str(f["properties"]["district"]) for f in collection["features"]]
        owners = boundary_names(written, stored)
        shapes: dict[str, list] = {}
        for feature, old in zip(collection["features"], written, strict=True):
            name = owners.get(old, district_name(old))
            shapes[name] = shapes.get(name, []) + feature["geometry"]["coordinates"]
    except (OSError, ValueError, KeyError, TypeError):
        return
    if source not in shapes:
        return
    shapes[target] = shapes.get(target, []) + shapes.pop(source)
    collection["features"] = [
        {
            "type": "Feature",
            "properties": {"district": d},
            "geometry": {"type": "MultiPolygon", "coordinates": shapes[d]},
        }
        for d in sorted(shapes)
    ]
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    write_atomic(path, text.encode())
