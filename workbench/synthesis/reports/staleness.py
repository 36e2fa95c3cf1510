"""Whether a report's need and topic runs are older than the statements they describe.

A need or topic run made before the statements last changed is out of date: its stored
``corpus_hash`` differs from the hash of today's statements
(:func:`workbench.analysis.needs.corpus_hash`, over the same selection the run clustered).
:func:`stale_notes` says so in one German sentence per run — how many statements are new
or were changed or deleted since, and which command to run; every report format shows it
under the title (:mod:`workbench.synthesis.reports.model` re-exports these functions).
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import select

from workbench.core.domain import WorkbenchError
from workbench.core.formatting import local_date, plural
from workbench.store import NeedAssignment, NeedRun, TopicAssignment, TopicRun
from workbench.store.district_changes import changed_since

if TYPE_CHECKING:
    from workbench.project import Project


def _stale_sentence(what: str, run: Any, new: int, old: int, command: str) -> tuple[str, str]:
    """One sentence: which analysis is out of date, by how much, and what to run; and the
    same for readers of the public site (no run number, no command)."""
    when = f" vom {local_date(run.created_at)}" if run.created_at is not None else ""
    missing, coded = [], "Bedarf" in what and (run.params or {}).get("segments") == "needs"
    if new:  # a run of the statements coded Bedarf: coding one changes it too
        added = "neue oder neu als Bedarf kodierte Aussage" if coded else "neue Aussage"
        missing.append(plural(new, added, added + "n"))
    if old:
        changed = "seither gelöschte, nicht mehr als Bedarf kodierte oder geänderte Aussage"
        changed = changed if coded else "seither gelöschte oder geänderte Aussage"
        missing.append(plural(old, changed, changed + "n"))
    if not missing:  # the same statements, but their texts were changed since
        missing.append("seither geänderte Aussagen")
    return (
        f"Die {what} (Lauf {run.id}{when}) ist veraltet und berücksichtigt "
        f"{' und '.join(missing)} nicht – „{command}“ erneut ausführen.",
        f"Die {what}{when} berücksichtigt {' und '.join(missing)} noch nicht.",
    )


def need_flags(params: Mapping[str, Any]) -> str:
    """The options of ``workbench needs`` that select a run's statements again.

    >>> need_flags({"segments": "all"}), need_flags({"segments": "all", "question": "was fehlt"})
    (' --segments all', " --question 'was fehlt'")
    >>> need_flags({"segments": "needs", "question": "fehlt"}), need_flags({})
    (' --segments needs --question fehlt', '')
    """
    question, everything = params.get("question"), params.get("segments") == "all"
    if not question:
        return " --segments all" if everything else ""
    return ("" if everything else " --segments needs") + f" --question {shlex.quote(question)}"


def stale_notes(
    project: Project,
    need_run: int | None,
    topic_run: int | None,
    segments: pd.DataFrame | None = None,
) -> tuple[str, ...]:
    """One German sentence per need/topic run whose statements changed since it was made."""
    return tuple(team for team, _ in stale_pairs(project, need_run, topic_run, segments))


def stale_pairs(
    project: Project,
    need_run: int | None,
    topic_run: int | None,
    segments: pd.DataFrame | None = None,
) -> tuple[tuple[str, str], ...]:
    """Per need/topic run whose statements changed since it was made: the team's sentence
    and the public site's.

    The run's stored ``corpus_hash`` is compared with the hash of today's statements in the
    same selection (need runs: the statements coded "Bedarf", or all with ``segments=all``,
    of them those under the run's ``question``; see ``needs.select_statements``).
    """
    from workbench.analysis.needs import NeedParams, corpus_hash, select_statements

    segments = project.segments() if segments is None else segments
    notes = []
    with project.session() as session:
        checks = []
        for run_id, table, members, what in (
            (need_run, NeedRun, NeedAssignment, "needs"),
            (topic_run, TopicRun, TopicAssignment, "topics"),
        ):
            if run_id is None:
                continue
            run = session.get(table, run_id)
            ids = select(members.segment_id).where(members.run_id == run.id)
            # a merge changes which district a statement is from: clusters' scope, the
            # topic models per district (not those of all statements together)
            by_district = what == "needs" or (run.params or {}).get("by") == "district"
            merges = changed_since(session, run.created_at) if by_district else []
            checks.append((what, run, set(session.scalars(ids)), merges))
            session.expunge(run)
    for what, run, members, merges in checks:
        params = run.params or {}
        current, command = segments, f"workbench {what}"
        if what == "needs":
            try:
                current = select_statements(project, NeedParams.from_stored(params), segments)
            except WorkbenchError:  # none left in the run's selection: all changed
                current = segments.iloc[:0]
            command += need_flags(params)
        same = corpus_hash(current) == run.corpus_hash
        if same and not merges:
            continue
        now = set(current["segment_id"].astype(int))
        if what == "topics" and params.get("by", "all") != "all":
            command += f" --by {params['by']}"
        if params.get("backend", "use") != "use":  # the run's embedder, or it changes too
            command += f" --backend {params['backend']}"
        name = "Bedarfsanalyse" if what == "needs" else "Themenanalyse"
        if same:  # the same statements, merged districts
            notes.append(_merged_sentence(name, run, merges, command))
            continue
        notes.append(_stale_sentence(name, run, len(now - members), len(members - now), command))
    return tuple(notes)


def _merged_sentence(what: str, run: Any, merges: list[Any], command: str) -> tuple[str, str]:
    """:func:`_stale_sentence` for a run made before Sozialräume were merged."""
    when = f" vom {local_date(run.created_at)}" if run.created_at is not None else ""
    merged = " und ".join(f"von {m.source} mit {m.target}" for m in merges)
    return (
        f"Die {what} (Lauf {run.id}{when}) ist veraltet und berücksichtigt die "
        f"Zusammenlegung {merged} nicht – „{command}“ erneut ausführen.",
        f"Die {what}{when} berücksichtigt die Zusammenlegung {merged} noch nicht.",
    )


def latest_stale_notes(project: Project) -> tuple[str, ...]:
    """:func:`stale_notes` for the reference need run (``need_clusters.reference_run``) and
    the latest topic run (for the CLI's warning)."""
    from workbench.analysis.need_clusters import reference_run

    with project.session() as session:
        need_run = getattr(reference_run(session), "id", None)
        topic_run = session.scalars(select(TopicRun.id).order_by(TopicRun.id.desc())).first()
    return stale_notes(project, need_run, topic_run)
