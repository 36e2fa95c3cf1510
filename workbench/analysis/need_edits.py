"""Researchers' edits of the need clusters: rename, merge, split.

An edit is stored in the edit log (``NeedEdit``) and gives a new run. The new run is the
reference run's clusters (:func:`workbench.analysis.need_clusters.reference_run`: a run on
one guiding question is not edited) with the edit applied — not a new clustering: a name
given to a cluster must not move its statements. Edit and run are stored in one
transaction, after checking that no other run replaced the reference run since it was
read. Only when the clustered statements changed since (an import, other codes; the
corpus hash differs), or another edit or full run came in between (a colleague's), are
the needs clustered again with every edit of the log replayed
(:func:`workbench.analysis.needs.run_needs`), so no edit is lost. Edits that cannot be
carried over are kept in the run with their reason and named by :func:`skipped_edits`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.analysis.need_carry_over import apply_edits
from workbench.analysis.need_clusters import need_run, reference_run
from workbench.analysis.needs import (
    RENAMED,
    NeedParams,
    assignments,
    clustered_statements,
    corpus_hash,
    describe,
    insert_run,
    run_needs,
)
from workbench.coding.records import check_coder
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.formatting import local_date
from workbench.core.typed_text import line_label
from workbench.ingest.author_names import is_participant, participant_author, participant_names
from workbench.store import MAX_NEED_LABEL, NeedAssignment, NeedEdit, NeedRun
from workbench.store.text_edits import changed_statements

if TYPE_CHECKING:
    from workbench.project import Project


def _edit_name(edit: NeedEdit) -> str:
    """An edit in words: ``Änderung 3 (Umbenennung in „Jugendtreff“, von A, 02.12.2026)``."""
    payload = edit.payload
    if edit.op == "rename":
        what = f"Umbenennung in „{payload.get('label', '')}“"
    elif edit.op == "merge":
        named = f" zu „{payload['label']}“" if payload.get("label") else ""
        what = f"Zusammenführen von {len(payload.get('groups', []))} Clustern{named}"
    else:
        what = f"Teilen eines Clusters mit {len(payload.get('members', []))} Aussagen"
    by = f", von {edit.author}" if edit.author else ""
    when = f", {local_date(edit.created_at)}" if edit.created_at else ""
    return f"Änderung {edit.id} ({what}{by}{when})"


def skipped_edits(project: Project, run_id: int | None = None) -> list[str]:
    """The edits a run (default: the reference run) could not carry over, one German line each.

    Runs stored before the reasons were kept hold bare edit ids; they say "Grund unbekannt".
    """
    with project.session() as session:
        run = need_run(session, run_id)
        lines = []
        for entry in run.skipped_edits or []:
            edit_id = entry["id"] if isinstance(entry, dict) else int(entry)
            reason = entry.get("reason") if isinstance(entry, dict) else None
            edit = session.get(NeedEdit, edit_id)
            name = _edit_name(edit) if edit is not None else f"Änderung {edit_id}"
            lines.append(f"{name}: {reason or 'Grund unbekannt'}")
    return lines


def _members(project: Project, cluster: int) -> list[int]:
    table = assignments(project)
    if cluster not in set(table["cluster"]):
        raise WorkbenchError(f"Cluster {cluster} gibt es im maßgeblichen Bedarfslauf nicht.")
    return sorted(table.loc[table["cluster"] == cluster, "segment_id"].astype(int).tolist())


def _edit(project: Project, op: str, payload: dict[str, Any], author: str) -> int:
    """Store the edit with a new run: the reference run with the edit applied (module doc)."""
    with project.session() as session:
        latest = need_run(session)
        base, newest_edit = latest.id, session.scalar(select(func.max(NeedEdit.id)))
        params = NeedParams.from_stored(latest.params)
        corpus, before = latest.corpus_hash, list(latest.skipped_edits or [])
        named_clusters = {
            int(c["cluster"]): c["label"]
            for c in latest.clusters
            if c.get("label_source") == RENAMED
        }
        rows = session.execute(
            select(NeedAssignment.segment_id, NeedAssignment.cluster).where(
                NeedAssignment.run_id == base
            )
        )
        cluster_of = {int(segment): int(cluster) for segment, cluster in rows}
    segments, vectors, version = clustered_statements(project, params)
    if corpus == corpus_hash(segments):
        ids = segments["segment_id"].to_numpy()
        labels = np.array([cluster_of[int(s)] for s in ids], dtype=int)
        named = {
            frozenset(ids[labels == cluster].tolist()): label
            for cluster, label in named_clusters.items()
        }
        new = {"id": None, "op": op, "payload": payload}
        labels, overrides, skipped = apply_edits(labels, ids, vectors, [new], params.seed, named)
        clusters = describe(segments, labels, vectors, overrides, params.cross_cutting_min)
        read = dict(zip(ids.tolist(), segments["text"], strict=True))
        try:  # exclusive: no forget or confirmed name between the check and the commit
            with project.transaction(exclusive=True) as session:
                edit = NeedEdit(op=op, payload=payload, author=author)
                session.add(edit)
                session.flush()
                _unchanged_since(session, base, newest_edit, edit.id)
                if changed_statements(session, read):  # erased or masked meanwhile
                    raise _Changed
                skipped = [{**s, "id": edit.id} for s in skipped]
                return insert_run(
                    session, params, segments, labels, clusters, before + skipped, version
                )
        except _Changed:
            pass
    # Other statements (also erased or masked while this one computed), or someone else's
    # edit or run meanwhile: every edit of the log on a new clustering, as `needs` does.
    with project.transaction() as session:
        session.add(NeedEdit(op=op, payload=payload, author=author))
    return run_needs(project, params, progress=False)


class _Changed(Exception):
    """Another run or edit was stored since the edit's base run was read."""


def _unchanged_since(session: Session, base: int, newest_edit: int | None, own: int) -> None:
    """Raise :class:`_Changed` unless ``base`` is still the reference run
    (:func:`~workbench.analysis.need_clusters.reference_run`; a run on one guiding question
    since changes nothing) and no edit but ``own`` came after ``newest_edit``. The base run
    is locked (PostgreSQL: a second editor waits here, then sees the first one's run);
    SQLite's writers queue anyway."""
    session.scalars(select(NeedRun.id).where(NeedRun.id == base).with_for_update()).first()
    # after waiting for the lock PostgreSQL hands back the row it waited for: ask again
    reference = reference_run(session)
    others = session.scalar(
        select(func.count(NeedEdit.id)).where(NeedEdit.id > (newest_edit or 0), NeedEdit.id != own)
    )
    if reference is None or reference.id != base or others:
        raise _Changed


def _checked(author: str, label: str | None = None) -> str:
    """The author stripped; an author or a name (as typed) longer than the database
    holds refused before the name's persons enter the key (PostgreSQL stopped with a
    traceback, SQLite stored it)."""
    if label and len(label.strip()) > MAX_NEED_LABEL:
        raise InputError(
            f"Der neue Name ist zu lang ({len(label.strip())} Zeichen, höchstens {MAX_NEED_LABEL})."
        )
    return check_coder(author, "Der Name der Autor*in") if author and author.strip() else ""


def _stored_author(project: Project, author: str) -> str:
    """The author as the edit log stores her: a participant the key or a name list knows
    by this full name as her placeholder (``workbench needs`` names the edit's author)."""
    if not author:
        return author
    with project.transaction(exclusive=True) as session:  # a listed person may enter the key
        return participant_author(session, author)


def pseudonymise_authors(project: Project, dry_run: bool = False) -> list[int]:
    """Store the author of every edit whom the key or a name list knows by this full name
    as her placeholder, as new edits are stored (releases before session 35 kept her as
    typed); return the ids of the edits that changed. ``dry_run``: only say which would;
    the key stays as it is."""
    changed: list[int] = []
    # a dry run only reads; otherwise a listed person may enter the key
    unit = project.session() if dry_run else project.transaction(exclusive=True)
    with unit as session:
        known = participant_names(session)  # once: the persons the edits enter are in it
        for edit in session.scalars(select(NeedEdit).order_by(NeedEdit.id)):
            if edit.author and is_participant(session, edit.author, known):
                changed.append(edit.id)
                if not dry_run:
                    edit.author = participant_author(session, edit.author)
    return changed


def rename_cluster(project: Project, cluster: int, label: str, author: str = "") -> int:
    """Give a cluster of the reference run a name (one line); return the new run's id."""
    label = line_label(label)  # a name typed over two lines: one (reports, CSV, apps)
    if not label.strip():
        raise WorkbenchError("Der neue Name ist leer.")
    author = _checked(author, label)
    members = _members(project, cluster)
    (label,) = project.pseudonymised_texts(label.strip())  # reports and apps show it
    author = _stored_author(project, author)
    return _edit(project, "rename", {"members": members, "label": label}, author)


def merge_clusters(
    project: Project, clusters_: list[int], label: str | None = None, author: str = ""
) -> int:
    """Merge clusters of the reference run into one; return the new run's id."""
    if len(set(clusters_)) < 2:
        raise WorkbenchError("Zum Zusammenführen braucht es mindestens zwei Cluster.")
    author = _checked(author, label)
    groups = [_members(project, c) for c in clusters_]
    if label:
        (label,) = project.pseudonymised_texts(line_label(label))
    author = _stored_author(project, author)
    return _edit(project, "merge", {"groups": groups, "label": label}, author)


def split_cluster(project: Project, cluster: int, author: str = "") -> int:
    """Split a cluster of the reference run in two; return the new run's id."""
    author = _checked(author)
    members = _members(project, cluster)
    if len(members) < 2:
        raise WorkbenchError(f"Cluster {cluster} hat nur eine Aussage.")
    author = _stored_author(project, author)
    return _edit(project, "split", {"members": members}, author)
