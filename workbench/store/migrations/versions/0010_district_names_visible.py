"""Sozialraum names an older workbench stored with invisible characters: as typed now.

Decision 025 stores a district's name by its visible characters (the label rule of
decision 017: a mark that turns text around such as U+202E, a terminal's escape sequence,
C0/C1 controls and zero-width characters left out; ``district_name``). A project written
before kept "Opla‮den" or "␛[31mOpladen␛[0m" as stored, and every report, app and export
showed it so. This revision rewrites each stored name by that rule (imported from
``workbench.store.district_spelling``, not copied: a name must read as ``districts --add``
stores it now). Names the rule leaves as they are stay as written.

Two districts that are then the same name (the same but for case, as every command
compares them): merged as ``workbench districts --merge`` merges — workshops, statements,
recommendations and access codes move to the district that keeps the name (the one
already spelt clean, else the older one); an indicator value both have for the same
indicator and year is kept once if equal, else the kept district's value stays and the
other is named in the report (the backup before the upgrade holds it). A name that becomes
the city-wide area's stays a Sozialraum, as "… (2)". Copies of the names follow in the same
transaction, as a rename's do: need runs' districts, topic runs per district (a run that
had both spellings keeps them apart as "… (2)"), rating cards' scope and the recorded
renames and merges. ``geo/districts.geojson`` lies outside the database and stays.

The report goes to the meta row of revision 0009 (``names_on_one_line``), which
``workbench upgrade`` shows and removes. Not undone by a downgrade.

Revision ID: 0010
Revises: 0009
"""

import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from workbench.store.district_spelling import district_name

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

REPORT_KEY = "names_on_one_line"  # the meta row workbench upgrade reads and removes
CHANGES_KEY = "district_changes"  # as workbench.store.district_changes names it


def _t(name: str, *columns: str, **typed: Any) -> sa.TableClause:
    """A frozen table description: ``columns`` as strings, ``typed`` with their type."""
    cols = [sa.column("id", sa.Integer)]
    cols += [sa.column(c, sa.String) for c in columns]
    cols += [sa.column(c, kind) for c, kind in typed.items()]
    return sa.table(name, *cols)


META = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
DISTRICTS = _t("districts", "name", is_citywide=sa.Boolean)
MOVED = {
    "workshops": _t("workshops", district_id=sa.Integer),
    "statements": _t("segments", district_id=sa.Integer),
    "recommendations": _t("recommendations", district_id=sa.Integer),
    "tokens": _t("feedback_tokens", district_id=sa.Integer),
}
INDICATORS = _t("indicators", "indicator", district_id=sa.Integer, year=sa.Integer)
INDICATORS.append_column(sa.column("value", sa.Float))
RUNS = _t("need_runs", clusters=sa.JSON)
TOPIC_RUNS = _t("topic_runs", params=sa.JSON, topics=sa.JSON)
TOPICS = _t("topic_assignments", "group", "topic", run_id=sa.Integer)
CARDS = _t("feedback_items", "scope")


def upgrade() -> None:
    """Store every district name by its visible characters; merge the names that are then
    one; rename their copies; add what was done to the upgrade's report."""
    bind = op.get_bind()
    lines: list[str] = []
    counts: dict[str, int] = defaultdict(int)
    renamed = _districts(bind, lines, counts)
    if not renamed:
        return
    _need_runs(bind, renamed)
    _topic_runs(bind, renamed, lines)
    for cid, scope in bind.execute(sa.select(CARDS.c.id, CARDS.c.scope)).all():
        if scope in renamed:
            bind.execute(CARDS.update().where(CARDS.c.id == cid).values(scope=renamed[scope]))
    _changes(bind, renamed)
    _report(bind, lines, counts)


def _districts(bind: sa.Connection, lines: list[str], counts: dict[str, int]) -> dict[str, str]:
    """Rewrite or merge each district whose name the rule changes; return old → new name."""
    rows = bind.execute(sa.select(DISTRICTS.c.id, DISTRICTS.c.name, DISTRICTS.c.is_citywide))
    rows = sorted(rows.all(), key=lambda r: (district_name(r.name) != r.name, r.id))
    by_key: dict[str, tuple[int, str, bool]] = {}  # casefolded name → (id, name, city-wide)
    renamed: dict[str, str] = {}
    for did, name, citywide in rows:
        new = district_name(name) or "(ohne Namen)"
        kept = by_key.get(new.casefold())
        if new == name:  # as stored (two names apart but for case stay as they were)
            by_key.setdefault(new.casefold(), (did, name, bool(citywide)))
            continue
        if kept is not None and kept[2] and not citywide:  # the city-wide area's name
            line, number = new, 2
            while f"{line} ({number})".casefold() in by_key:
                number += 1
            new, kept = f"{line} ({number})", None
            lines.append(
                f"Sozialraum Nr. {did} hieße ohne unsichtbare Zeichen wie der gesamtstädtische "
                f"Bereich; er heißt jetzt „{new}“ (nicht zusammengeführt)."
            )
        if kept is None:
            bind.execute(DISTRICTS.update().where(DISTRICTS.c.id == did).values(name=new))
            by_key[new.casefold()] = (did, new, bool(citywide))
            renamed[name] = new
            counts["districts"] += 1
            continue
        moved, dropped = _merge(bind, did, kept[0])
        renamed[name] = kept[1]
        lines.append(
            f"Sozialraum „{kept[1]}“: zwei Schreibweisen zusammengeführt (Nr. {did} → "
            f"{kept[0]}; {moved} Zeile(n) übernommen)."
            + (
                f" Nicht übernommen, weil „{kept[1]}“ für dasselbe Jahr einen anderen Wert hat "
                f"(in der Sicherung vor dem Upgrade): {'; '.join(dropped)}."
                if dropped
                else ""
            )
        )
    return renamed


def _merge(bind: sa.Connection, source: int, target: int) -> tuple[int, list[str]]:
    """Move every row of district ``source`` to ``target`` and delete ``source``, as
    ``districts --merge`` does; return (rows moved, indicator values not carried over)."""
    moved = 0
    for table in MOVED.values():
        result = bind.execute(
            table.update().where(table.c.district_id == source).values(district_id=target)
        )
        moved += int(result.rowcount or 0)
    columns = (INDICATORS.c.indicator, INDICATORS.c.year, INDICATORS.c.value)
    have = {
        (indicator, year): value
        for indicator, year, value in bind.execute(
            sa.select(*columns).where(INDICATORS.c.district_id == target)
        ).all()
    }
    dropped: list[str] = []
    values = sa.select(INDICATORS.c.id, *columns).where(INDICATORS.c.district_id == source)
    for iid, indicator, year, value in bind.execute(
        values.order_by(INDICATORS.c.indicator, INDICATORS.c.year)
    ).all():
        if (indicator, year) not in have:
            bind.execute(
                INDICATORS.update().where(INDICATORS.c.id == iid).values(district_id=target)
            )
            moved += 1
            continue
        if have[(indicator, year)] != value:
            dropped.append(f"{indicator} {year}: {value:g} (bleibt {have[(indicator, year)]:g})")
        bind.execute(INDICATORS.delete().where(INDICATORS.c.id == iid))
    bind.execute(DISTRICTS.delete().where(DISTRICTS.c.id == source))
    return moved, dropped


def _need_runs(bind: sa.Connection, renamed: dict[str, str]) -> None:
    """The districts of each stored need cluster as they are called now, each once."""
    for rid, clusters in bind.execute(sa.select(RUNS.c.id, RUNS.c.clusters)).all():
        if not isinstance(clusters, list):
            continue
        fixed = []
        for cluster in clusters:
            if isinstance(cluster, dict):
                cluster = dict(cluster)
                for key in ("districts", "focus_districts"):
                    if isinstance(cluster.get(key), list):
                        cluster[key] = list(dict.fromkeys(renamed.get(d, d) for d in cluster[key]))
                if "n_districts" in cluster and isinstance(cluster.get("districts"), list):
                    cluster["n_districts"] = len(cluster["districts"])
            fixed.append(cluster)
        if fixed != clusters:
            bind.execute(RUNS.update().where(RUNS.c.id == rid).values(clusters=fixed))


def _topic_runs(bind: sa.Connection, renamed: dict[str, str], lines: list[str]) -> None:
    """Topic runs per district: group and key of their topics and statements as the
    district is called now (a run that had both spellings keeps them apart)."""
    for rid, params, topics in bind.execute(
        sa.select(TOPIC_RUNS.c.id, TOPIC_RUNS.c.params, TOPIC_RUNS.c.topics)
    ).all():
        if not isinstance(params, dict) or params.get("by") != "district":
            continue
        if not isinstance(topics, list):
            continue
        groups = {t["group"] for t in topics if isinstance(t, dict) and "group" in t}
        groups |= set(
            bind.scalars(sa.select(TOPICS.c.group).where(TOPICS.c.run_id == rid).distinct())
        )
        names, taken = {}, {g for g in groups if g not in renamed}
        for old in sorted(groups & set(renamed)):
            line, number = renamed[old], 2
            new = line
            while new in taken:
                new, number = f"{line} ({number})", number + 1
            names[old], taken = new, taken | {new}
            if new != line:
                lines.append(
                    f"Themenlauf Nr. {rid}: der Sozialraum „{line}“ stand dort in zwei "
                    f"Schreibweisen; deren Themen heißen jetzt „{new}: …“ (nicht "
                    "zusammengeführt; der nächste Lauf rechnet sie als einen Sozialraum)."
                )
        if not names:
            continue
        fixed = [
            {
                **t,
                "group": names[t["group"]],
                "key": names[t["group"]] + str(t["key"])[len(t["group"]) :],
            }
            if isinstance(t, dict) and t.get("group") in names
            else t
            for t in topics
        ]
        bind.execute(TOPIC_RUNS.update().where(TOPIC_RUNS.c.id == rid).values(topics=fixed))
        for old, new in names.items():
            rows = sa.select(TOPICS.c.id, TOPICS.c.topic)
            for aid, topic in bind.execute(
                rows.where(TOPICS.c.run_id == rid, TOPICS.c.group == old)
            ).all():
                values = {"group": new, "topic": new + topic[len(old) :]}
                bind.execute(TOPICS.update().where(TOPICS.c.id == aid).values(values))


def _changes(bind: sa.Connection, renamed: dict[str, str]) -> None:
    """The recorded renames and merges (``districts --rename/--merge``) with the names as
    they are stored now, so the comparison of waves names no invisible character."""
    value = bind.scalar(sa.select(META.c.value).where(META.c.key == CHANGES_KEY))
    if not value:
        return
    entries = json.loads(value)
    fixed = [
        {
            **e,
            "source": district_name(str(e["source"])),
            "target": renamed.get(e["target"], district_name(str(e["target"]))),
        }
        if isinstance(e, dict) and "source" in e and "target" in e
        else e
        for e in entries
    ]
    if fixed != entries:
        text = json.dumps(fixed, ensure_ascii=False)
        bind.execute(META.update().where(META.c.key == CHANGES_KEY).values(value=text))


def _report(bind: sa.Connection, lines: list[str], counts: dict[str, int]) -> None:
    """Add what this revision did to the report of revision 0009 (one meta row)."""
    value = bind.scalar(sa.select(META.c.value).where(META.c.key == REPORT_KEY))
    report = json.loads(value) if value else {}
    report["lines"] = [*report.get("lines", []), *lines]
    report["counts"] = {**report.get("counts", {}), **counts}
    text = json.dumps(report, ensure_ascii=False, sort_keys=True)
    bind.execute(META.delete().where(META.c.key == REPORT_KEY))
    bind.execute(META.insert().values(key=REPORT_KEY, value=text))


def downgrade() -> None:
    """Nothing: the names fit the older schema too (the old spellings are gone)."""
