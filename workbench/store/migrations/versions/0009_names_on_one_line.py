"""Names an older workbench stored with line breaks, tabs or control characters: one line.

Decisions 017 and 019 store workshop, wave, guiding question, role, code, cluster, actor
and document names on one line; a project written before kept "Manfort⏎", "Wohnen⏎" or
"Protokoll⏎Anna Schmidt.md" as stored, and every report, CSV and REFI-QDA export showed
them so. This revision rewrites every stored name that holds a control character by the
rule an import uses now (imported from ``workbench.core.typed_text`` and
``workbench.store.workshop_keys``, not copied: a name must read as a new import would
store it, or the next import adds a twin). Names without control characters stay as
written.

Two names that read the same afterwards ("Wohnen⏎" beside "Wohnen"):
- codes are merged: codings, history, resolutions, memos and sub-codes move to the code
  that keeps the name; a coding the other already has (same statement, coder, span) is
  one; descriptions and examples that differ are both kept; the merged code's REFI-QDA
  GUID is recorded as ``codebook merge`` records it (``meta`` ``merged_code_guids``), so a
  MAXQDA or ATLAS.ti file coded under it brings its codings to the code that stays;
- waves are merged (one label, its workshops);
- workshops are merged if district, wave, date and format agree; otherwise they stay two
  workshops, the rewritten one with " (2)" (" (3)", …): two things are never merged silently;
- documents, questions, roles, clusters and actors have no such rule (the same name
  twice is allowed).

Copies of a rewritten name follow in the same transaction, as a renamed district's do: a
topic run per guiding question names its topics "question: …" (``topic_runs.topics``
group and key, ``topic_assignments`` group and topic), and rating cards and the
recommendations' need links show a need cluster's label (``feedback_items.label``,
``recommendation_needs.label``); until the next run the topic map, the feedback summary
and the reports would show the old spelling.

What was merged or kept apart is recorded in ``meta`` (key :data:`REPORT_KEY`, ids and
one-line names, never a document's name) for ``workbench upgrade`` to show; a document's
name is pseudonymised there too (:mod:`workbench.ingest.old_names`), as the key is read
through the models, which only fit once every revision has run. Not undone by a
downgrade: the old spellings are gone (the backup before the upgrade keeps them).

Revision ID: 0009
Revises: 0008
"""

import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from workbench.core.typed_text import (
    NOT_IN_LABEL,
    file_label,
    line_code_path,
    line_label,
    typed_text,
)
from workbench.store.workshop_keys import workshop_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

REPORT_KEY = "names_on_one_line"  # the meta row workbench upgrade reads and removes
SEPARATOR = "/"
MAX_WAVE_LABEL, MAX_CODE_NAME = 100, 200


def _t(name: str, *columns: str, **typed: Any) -> sa.TableClause:
    """A frozen table description: ``columns`` as strings, ``typed`` with their type."""
    cols = [sa.column("id", sa.Integer)]
    cols += [sa.column(c, sa.String) for c in columns]
    cols += [sa.column(c, kind) for c, kind in typed.items()]
    return sa.table(name, *cols)


META = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
WAVES = _t("waves", "label", position=sa.Integer)
WORKSHOPS = _t("workshops", "name", "date", "format", district_id=sa.Integer, wave_id=sa.Integer)
DOCUMENTS = _t("documents", "filename", workshop_id=sa.Integer)
SEGMENTS = _t("segments", "question", "speaker_role", workshop_id=sa.Integer)
CODES = _t(
    "codes",
    "path",
    "name",
    "description",
    "example",
    "colour",
    "guid",
    parent_id=sa.Integer,
    codable=sa.Boolean,
)
CODINGS = _t("codings", "coder", segment_id=sa.Integer, code_id=sa.Integer)
CODINGS.append_column(sa.column("start", sa.Integer))
CODINGS.append_column(sa.column("end", sa.Integer))
ACTION_ITEMS = _t("coding_action_items", code_id=sa.Integer)
RESOLUTIONS = _t("coding_resolutions", code_id=sa.Integer)
MEMOS = _t("memos", "target_type", target_id=sa.Integer)
LISTED = _t("listed_names", "name", workshop_id=sa.Integer)
TOKENS = _t("feedback_tokens", workshop_id=sa.Integer)
EVIDENCE = _t("recommendation_evidence", "document")
EDITS = _t("need_edits", payload=sa.JSON)
RUNS = _t("need_runs", clusters=sa.JSON)
RECOMMENDATIONS = _t("recommendations", actors=sa.JSON)
STATUS = _t("recommendation_status", "actor", "note")
TOPIC_RUNS = _t("topic_runs", params=sa.JSON, topics=sa.JSON)
TOPICS = _t("topic_assignments", "group", "topic", run_id=sa.Integer)
CARDS = _t("feedback_items", "kind", "label")
NEED_LINKS = _t("recommendation_needs", "label")
# as workbench.store.coding_tables names them (frozen here): merged code GUID → target's
MERGED_KEY, MERGED_ON_UPGRADE_KEY = "merged_code_guids", "merged_code_guids_upgrade"


def _broken(text: str | None) -> bool:
    """Whether a stored name holds a control character (a line break, tab, ESC, NUL, …)."""
    return bool(text) and NOT_IN_LABEL.search(text) is not None


def _wave_label(label: str) -> str:
    """A wave's label as ``workbench.store.waves.clean_label`` stores it."""
    return " ".join(line_label(label).split())[:MAX_WAVE_LABEL] or "(ohne Bezeichnung)"


def _words(text: str) -> str:
    """An actor or note as stored now: without control characters, blanks collapsed."""
    return " ".join(typed_text(text).split())


class Report:
    """What the upgrade merged and kept apart, for ``workbench upgrade`` to show."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.documents: list[int] = []
        self.workshops: list[int] = []
        self.workshop_events: list[tuple[str, int, int]] = []  # (merged|apart, id, other id)
        self.counts: dict[str, int] = defaultdict(int)

    def as_json(self) -> str:
        """The report as stored in ``meta``."""
        return json.dumps(
            {
                "lines": self.lines,
                "documents": self.documents,
                "workshops": self.workshops,
                "workshop_events": self.workshop_events,
                "counts": dict(self.counts),
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def upgrade() -> None:
    """Rewrite every stored name with a control character to one line; merge or keep
    apart the names that then read the same; leave a report in ``meta``."""
    bind = op.get_bind()
    report = Report()
    _waves(bind, report)
    _workshops(bind, report)
    _codes(bind, report)
    _documents(bind, report)
    _segments(bind, report)
    _topics(bind, report)
    _clusters(bind, report)
    _actors(bind, report)
    if report.lines or report.documents or report.workshops or report.counts:
        bind.execute(META.delete().where(META.c.key == REPORT_KEY))
        bind.execute(META.insert().values(key=REPORT_KEY, value=report.as_json()))


def _waves(bind: sa.Connection, report: Report) -> None:
    rows = bind.execute(sa.select(WAVES.c.id, WAVES.c.label, WAVES.c.position)).all()
    by_label = {label: (wid, pos) for wid, label, pos in rows}
    for wid, label, position in sorted(rows, key=lambda r: r.id):
        if not _broken(label):
            continue
        new = _wave_label(label)
        kept = by_label.get(new)
        if kept is None:
            bind.execute(WAVES.update().where(WAVES.c.id == wid).values(label=new))
            by_label[new] = (wid, position)
            report.counts["waves"] += 1
            continue
        kept_id, kept_position = kept
        bind.execute(WORKSHOPS.update().where(WORKSHOPS.c.wave_id == wid).values(wave_id=kept_id))
        bind.execute(WAVES.delete().where(WAVES.c.id == wid))
        if position < kept_position:
            bind.execute(WAVES.update().where(WAVES.c.id == kept_id).values(position=position))
            by_label[new] = (kept_id, position)
        report.lines.append(
            f"Welle „{new}“: zwei Schreibweisen zusammengeführt (Nr. {wid} → {kept_id})."
        )


def _workshops(bind: sa.Connection, report: Report) -> None:
    columns = (WORKSHOPS.c.id, WORKSHOPS.c.name, WORKSHOPS.c.district_id)
    columns += (WORKSHOPS.c.wave_id, WORKSHOPS.c.date, WORKSHOPS.c.format)
    rows = {r.id: r for r in bind.execute(sa.select(*columns)).all()}
    by_name = {r.name: r.id for r in rows.values()}
    for wid in sorted(rows):
        row = rows[wid]
        if not _broken(row.name):
            continue
        line = line_label(row.name) or "(ohne Namen)"
        new = workshop_key(line)
        kept_id = by_name.get(new)
        if kept_id is None:
            bind.execute(WORKSHOPS.update().where(WORKSHOPS.c.id == wid).values(name=new))
            by_name[new] = wid
            report.workshops.append(wid)
            report.counts["workshops"] += 1
            continue
        kept = rows[kept_id]
        same = kept.district_id == row.district_id and kept.wave_id == row.wave_id
        same = same and all(
            a is None or b is None or a == b
            for a, b in ((kept.date, row.date), (kept.format, row.format))
        )
        if not same:
            number = 2
            while workshop_key(f"{line} ({number})") in by_name:
                number += 1
            apart = workshop_key(f"{line} ({number})")
            bind.execute(WORKSHOPS.update().where(WORKSHOPS.c.id == wid).values(name=apart))
            by_name[apart] = wid
            report.workshops.append(wid)
            report.workshop_events.append(("apart", wid, kept_id))
            continue
        _merge_workshop(bind, wid, kept_id, row, kept)
        report.workshop_events.append(("merged", wid, kept_id))


def _merge_workshop(bind: sa.Connection, wid: int, kept_id: int, row: Any, kept: Any) -> None:
    """Move documents, statements, name lists and feedback tokens of ``wid`` to ``kept_id``."""
    for table in (DOCUMENTS, SEGMENTS, TOKENS):
        bind.execute(table.update().where(table.c.workshop_id == wid).values(workshop_id=kept_id))
    have = set(bind.scalars(sa.select(LISTED.c.name).where(LISTED.c.workshop_id == kept_id)))
    for lid, name in bind.execute(
        sa.select(LISTED.c.id, LISTED.c.name).where(LISTED.c.workshop_id == wid)
    ).all():
        if name in have:
            bind.execute(LISTED.delete().where(LISTED.c.id == lid))
        else:
            bind.execute(LISTED.update().where(LISTED.c.id == lid).values(workshop_id=kept_id))
            have.add(name)
    filled = {c: getattr(row, c) for c in ("date", "format") if getattr(kept, c) is None}
    bind.execute(WORKSHOPS.delete().where(WORKSHOPS.c.id == wid))
    if any(v is not None for v in filled.values()):
        bind.execute(WORKSHOPS.update().where(WORKSHOPS.c.id == kept_id).values(filled))


def _codes(bind: sa.Connection, report: Report) -> None:
    names = ("id", "path", "name", "description", "example", "codable", "guid")
    columns = [CODES.c[c] for c in names]
    rows = {r.id: r for r in bind.execute(sa.select(*columns)).all()}
    by_path = {r.path: r.id for r in rows.values()}
    # parents first: a sub-code's parent is merged before the sub-code is looked at
    for cid in sorted(rows, key=lambda c: (rows[c].path.count(SEPARATOR), c)):
        row = rows[cid]
        if not _broken(row.path) and not _broken(row.name):
            continue
        new = line_code_path(row.path)
        kept_id = by_path.get(new)
        if kept_id is None or kept_id == cid:
            name = new.rsplit(SEPARATOR, 1)[-1][:MAX_CODE_NAME]
            bind.execute(CODES.update().where(CODES.c.id == cid).values(path=new, name=name))
            by_path.pop(row.path, None)
            by_path[new] = cid
            report.counts["codes"] += 1
            continue
        moved, same = _merge_code(bind, cid, kept_id, row, rows[kept_id])
        _record_merge(bind, row.guid, rows[kept_id].guid)
        by_path.pop(row.path, None)
        report.lines.append(
            f"Code „{new}“: zwei Schreibweisen zusammengeführt (Nr. {cid} → {kept_id}; "
            f"{moved} Kodierung(en) übernommen, {same} gleiche nur einmal). Die REFI-QDA-GUID "
            f"von Nr. {cid} ({row.guid}) gilt weiter: was eine MAXQDA-, ATLAS.ti- oder "
            f"QualCoder-Datei unter ihr kodiert hat, kommt beim Import zu „{new}“ "
            f"(GUID {rows[kept_id].guid}, im Export unverändert)."
        )


def _record_merge(bind: sa.Connection, merged: str, into: str) -> None:
    """Record that the code with GUID ``merged`` went to ``into``, as ``codebook merge``
    does (``workbench.store.coding_tables.record_merge``), and that the upgrade did it."""
    for key in (MERGED_KEY, MERGED_ON_UPGRADE_KEY):
        value = bind.scalar(sa.select(META.c.value).where(META.c.key == key))
        text = json.dumps({**(json.loads(value) if value else {}), merged: into}, sort_keys=True)
        if value is None:
            bind.execute(META.insert().values(key=key, value=text))
        else:
            bind.execute(META.update().where(META.c.key == key).values(value=text))


def _merge_code(
    bind: sa.Connection, cid: int, kept_id: int, row: Any, kept: Any
) -> tuple[int, int]:
    """Move everything of code ``cid`` to ``kept_id``; return (codings moved, doubles)."""
    key = (CODINGS.c.segment_id, CODINGS.c.coder, CODINGS.c.start, CODINGS.c.end)
    have = {tuple(r) for r in bind.execute(sa.select(*key).where(CODINGS.c.code_id == kept_id))}
    moved = same = 0
    for coding_id, *rest in bind.execute(
        sa.select(CODINGS.c.id, *key).where(CODINGS.c.code_id == cid)
    ).all():
        if tuple(rest) in have:
            bind.execute(CODINGS.delete().where(CODINGS.c.id == coding_id))
            same += 1
        else:
            bind.execute(CODINGS.update().where(CODINGS.c.id == coding_id).values(code_id=kept_id))
            have.add(tuple(rest))
            moved += 1
    for table in (ACTION_ITEMS, RESOLUTIONS):
        bind.execute(table.update().where(table.c.code_id == cid).values(code_id=kept_id))
    bind.execute(CODES.update().where(CODES.c.parent_id == cid).values(parent_id=kept_id))
    memo = (MEMOS.c.target_type == "code") & (MEMOS.c.target_id == cid)
    bind.execute(MEMOS.update().where(memo).values(target_id=kept_id))
    joined = {}
    for column in ("description", "example"):
        mine, theirs = (getattr(kept, column) or "").strip(), (getattr(row, column) or "").strip()
        if theirs and theirs != mine:
            joined[column] = f"{mine}\n\n{theirs}" if mine else theirs
    if row.codable and not kept.codable:
        joined["codable"] = True
    bind.execute(CODES.delete().where(CODES.c.id == cid))
    if joined:
        bind.execute(CODES.update().where(CODES.c.id == kept_id).values(joined))
    return moved, same


def _documents(bind: sa.Connection, report: Report) -> None:
    rows = bind.execute(sa.select(DOCUMENTS.c.id, DOCUMENTS.c.filename)).all()
    for did, filename in rows:
        if not _broken(filename):
            continue
        new = file_label(filename)
        bind.execute(DOCUMENTS.update().where(DOCUMENTS.c.id == did).values(filename=new))
        bind.execute(EVIDENCE.update().where(EVIDENCE.c.document == filename).values(document=new))
        report.documents.append(did)


def _segments(bind: sa.Connection, report: Report) -> None:
    for column in ("question", "speaker_role"):
        value = SEGMENTS.c[column]
        for old in list(bind.scalars(sa.select(value).where(value.is_not(None)).distinct())):
            if _broken(old):
                bind.execute(
                    SEGMENTS.update().where(value == old).values({column: line_label(old)})
                )
                report.counts[column] += 1


def _topics(bind: sa.Connection, report: Report) -> None:
    """Topic runs per guiding question: the group and key of their topics and statements
    as the question is stored now (a run that had both spellings keeps them apart)."""
    for rid, params, topics in bind.execute(
        sa.select(TOPIC_RUNS.c.id, TOPIC_RUNS.c.params, TOPIC_RUNS.c.topics)
    ).all():
        if not isinstance(params, dict) or params.get("by") != "question":
            continue
        if not isinstance(topics, list):
            continue
        groups = [t["group"] for t in topics if isinstance(t, dict) and "group" in t]
        groups += list(
            bind.scalars(sa.select(TOPICS.c.group).where(TOPICS.c.run_id == rid).distinct())
        )
        renamed, taken = {}, {g for g in groups if not _broken(g)}
        for old in sorted({g for g in groups if _broken(g)}):
            line, number = line_label(old), 2
            new = line
            while new in taken:
                new, number = f"{line} ({number})", number + 1
            renamed[old], taken = new, taken | {new}
            if new != line:
                report.lines.append(
                    f"Themenlauf Nr. {rid}: die Leitfrage „{line}“ stand dort in zwei "
                    f"Schreibweisen; deren Themen heißen jetzt „{new}: …“ (nicht "
                    "zusammengeführt; der nächste Lauf rechnet sie als eine Leitfrage)."
                )
        if not renamed:
            continue

        fixed = [
            {**t, "group": renamed[t["group"]], "key": _key(renamed, str(t["key"]), t["group"])}
            if isinstance(t, dict) and t.get("group") in renamed
            else t
            for t in topics
        ]
        bind.execute(TOPIC_RUNS.update().where(TOPIC_RUNS.c.id == rid).values(topics=fixed))
        for old, new in renamed.items():
            rows = sa.select(TOPICS.c.id, TOPICS.c.topic)
            rows = rows.where(TOPICS.c.run_id == rid, TOPICS.c.group == old)
            for aid, topic in bind.execute(rows).all():
                values = {"group": new, "topic": _key(renamed, topic, old)}
                bind.execute(TOPICS.update().where(TOPICS.c.id == aid).values(values))
        report.counts["topic_runs"] += 1


def _key(renamed: dict[str, str], key: str, group: str) -> str:
    """A topic's key ("question:number") with its group's new name."""
    return renamed[group] + key[len(group) :]


def _clusters(bind: sa.Connection, report: Report) -> None:
    for eid, payload in bind.execute(sa.select(EDITS.c.id, EDITS.c.payload)).all():
        if isinstance(payload, dict) and _broken(payload.get("label")):
            payload = {**payload, "label": line_label(payload["label"])}
            bind.execute(EDITS.update().where(EDITS.c.id == eid).values(payload=payload))
            report.counts["clusters"] += 1
    for rid, clusters in bind.execute(sa.select(RUNS.c.id, RUNS.c.clusters)).all():
        if not isinstance(clusters, list):
            continue
        fixed = [
            {**c, "label": line_label(c["label"])}
            if isinstance(c, dict) and isinstance(c.get("label"), str) and _broken(c["label"])
            else c
            for c in clusters
        ]
        if fixed != clusters:
            bind.execute(RUNS.update().where(RUNS.c.id == rid).values(clusters=fixed))
            report.counts["clusters"] += 1
    # the cluster's label as rating cards and need links copied it
    need_cards = CARDS.c.kind == "need"
    for table, where in ((CARDS, need_cards), (NEED_LINKS, sa.true())):
        for lid, label in bind.execute(sa.select(table.c.id, table.c.label).where(where)).all():
            if _broken(label):
                bind.execute(
                    table.update().where(table.c.id == lid).values(label=line_label(label))
                )


def _actors(bind: sa.Connection, report: Report) -> None:
    for rid, actors in bind.execute(
        sa.select(RECOMMENDATIONS.c.id, RECOMMENDATIONS.c.actors)
    ).all():
        if isinstance(actors, list) and any(isinstance(a, str) and _broken(a) for a in actors):
            fixed: list[str] = []
            for actor in actors:
                name = _words(str(actor))
                if name and name not in fixed:
                    fixed.append(name)
            bind.execute(
                RECOMMENDATIONS.update().where(RECOMMENDATIONS.c.id == rid).values(actors=fixed)
            )
            report.counts["actors"] += 1
    for sid, actor, note in bind.execute(
        sa.select(STATUS.c.id, STATUS.c.actor, STATUS.c.note)
    ).all():
        if _broken(actor) or _broken(note):
            values = {"actor": _words(actor or ""), "note": None if note is None else _words(note)}
            bind.execute(STATUS.update().where(STATUS.c.id == sid).values(values))
            report.counts["actors"] += 1


def downgrade() -> None:
    """Nothing: one-line names fit the older schema too (the old spellings are gone)."""
