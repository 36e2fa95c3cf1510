"""Recommendations, linked to need clusters and evidence.

A recommendation (text, scope — the city or one Sozialraum —, addressed actors, status)
points to need clusters and to evidence segments. Its chain of evidence is

    recommendation → need cluster → segment → document → workshop

and :func:`check_provenance` names every link of it that is broken. The chain, its check
and its export are in :mod:`workbench.synthesis.recommendation_chain` and can be used
from here as well.

A need link stores the cluster's member segment ids (and, for the record, its run, number
and label) at link time and follows that cluster across re-runs by membership
(:func:`workbench.analysis.need_clusters.match_cluster`; see the chain module).

Evidence segments are stored by id together with their document's file name and source id
at link time, without a database foreign key: a deleted segment must stay visible as a
broken link (named by document and source id), not block the deletion or vanish.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import (
    delete,
    select,
)
from sqlalchemy.orm import Session

from workbench.analysis.need_clusters import NO_NEED_RUN, latest_memberships
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.typed_text import one_line_name, typed_prose
from workbench.ingest.author_names import participant_author
from workbench.ingest.pseudonymise import pseudonymised_texts
from workbench.store import (
    CITYWIDE,
    MAX_AUTHOR,
    MAX_NEED_LABEL,
    MAX_TITLE,
    District,
    Document,
    Recommendation,
    RecommendationEvidence,
    RecommendationNeed,
    RecommendationStatus,
    Segment,
    utcnow,
    within_limit,
)
from workbench.store.district_spelling import named_district
from workbench.synthesis.recommendation_chain import (
    CHAIN_FORMAT,
    CHAIN_VERSION,
    chain,
    check_provenance,
    export_chain,
    problem_text,
    provenance_notes,
)
from workbench.synthesis.recommendation_tables import (  # the reading side, re-exported
    EVIDENCE_COLUMNS,
    NEED_LINK_COLUMNS,
    RECOMMENDATION_COLUMNS,
    evidence,
    find_recommendation,
    need_links,
    recommendations,
)
from workbench.synthesis.recommendation_terms import ACTORS as ACTORS  # re-exported
from workbench.synthesis.recommendation_terms import STATUSES as STATUSES  # re-exported

if TYPE_CHECKING:
    from workbench.project import Project


# -- pure helpers ------------------------------------------------------------------------
def _actors(actors: Iterable[str]) -> list[str]:
    """Clean actor names: one line, whitespace collapsed, without control characters
    (an escape character or NUL broke the concept's HTML; a C1 control as a label leaves
    it out, :func:`one_line_name`), empty and repeated ones dropped.

    >>> _actors(["Verwaltung", " Quartiers  management", "", "Verwaltung ", "Jugend\x1bamt"])
    ['Verwaltung', 'Quartiers management', 'Jugendamt']
    >>> _actors(["\x9b", "Jugend\x9bamt", "Kita\x1b[31m"])
    ['Jugendamt', 'Kita']
    """
    result: list[str] = []
    for actor in actors:
        name = " ".join(one_line_name(str(actor)).split())
        if name and name not in result:
            result.append(name)
    return result


def known_status(status: str) -> str:
    """The one of STATUSES ``status`` names, case and spaces aside ("Umgesetzt", "in
    umsetzung"), else an InputError naming them."""
    key = " ".join(str(status).split()).casefold()
    for known in STATUSES:
        if known.casefold() == key:
            return known
    raise InputError(f"Unbekannter Status '{status}'. Möglich: {', '.join(STATUSES)}.")


_status = known_status


def _text(text: str) -> str:
    r"""The text as typed text is stored (:func:`typed_text`, a terminal's escape sequence
    left out whole: lines stay); one without a visible character is refused.

    >>> _text(" Treff\x1b[31m öffnen\u202e\nab 18 Uhr ")
    'Treff öffnen\nab 18 Uhr'
    """
    text = typed_prose(text).strip()
    if not one_line_name(text):  # "\x9b" alone: nothing a list or a card could show
        raise InputError("Der Text der Empfehlung ist leer.")
    return text


def _short(value: str, limit: int, what: str) -> str:
    """``value`` on one line as a label is stored (:func:`one_line_name`: without control
    characters, C1 too, an escape sequence left out whole), each run of blanks one space
    (a title or a name typed over two lines, with a tab: lists, reports and exports show
    it on one line), stripped; longer than the database holds: refused (PostgreSQL
    stopped with a database error, SQLite stored it).

    >>> _short(" Lernräume\\n  öffnen\\t", 80, "Der Titel")
    'Lernräume öffnen'
    >>> _short("\\x9b", 80, "Der Titel"), _short("Wohn\\x9ben\\x1b[1m", 80, "Der Titel")
    ('', 'Wohnen')
    """
    value = " ".join(one_line_name(value).split())
    if len(value) > limit:
        raise InputError(
            f"{what} der Empfehlung ist zu lang ({len(value)} Zeichen, höchstens {limit})."
        )
    return value


# -- sessions --------------------------------------------------------------------------
def _district(session: Session, name: str | None) -> District:
    name = CITYWIDE if name in (None, "", "gesamtstädtisch") else name
    districts = {d.name: d for d in session.scalars(select(District).order_by(District.name))}
    found = named_district(name, list(districts))  # "buerrig" is Bürrig
    if found is None:
        valid = ", ".join([CITYWIDE, *(d for d in districts if d != CITYWIDE)])
        raise InputError(f"Unbekannter Sozialraum '{name}'. Gültig sind: {valid}.")
    return districts[found]


# -- editing ---------------------------------------------------------------------------
def add_recommendation(
    project: Project,
    text: str,
    scope: str | None = None,
    actors: Sequence[str] = (),
    status: str = STATUSES[0],
    title: str = "",
    author: str = "",
) -> int:
    """Add a recommendation (scope: a Sozialraum, default the city); return its id."""
    with project.transaction(exclusive=True) as session:  # the key may grow
        district_id, text = _district(session, scope).id, _text(text)
        typed = _short(title, MAX_TITLE, "Der Titel")  # as typed: the user's count
        author = participant_author(session, _short(author, MAX_AUTHOR, "Der Name der Autor*in"))
        named = _actors(actors)  # "Frau Anna Becker (Jugendamt)" names a person too
        title, text, *named = pseudonymised_texts(session, typed, text, *named)
        record = Recommendation(
            title=within_limit(title, MAX_TITLE),
            text=text,
            district_id=district_id,
            actors=_actors(named),
            status=_status(status),
            author=author,
        )
        session.add(record)
        session.flush()
        return record.id


def update_recommendation(
    project: Project,
    recommendation_id: int,
    *,
    text: str | None = None,
    title: str | None = None,
    scope: str | None = None,
    actors: Sequence[str] | None = None,
    status: str | None = None,
) -> None:
    """Change the given fields of a recommendation (``None`` leaves a field as it is)."""
    with project.transaction(exclusive=True) as session:  # the key may grow
        record = find_recommendation(session, recommendation_id)
        new_text = _text(text) if text is not None else ""
        typed = _short(title or "", MAX_TITLE, "Der Titel")  # as typed: the user's count
        named = _actors(actors or ())  # "Frau Anna Becker (Jugendamt)" names a person too
        new_text, new_title, *named = pseudonymised_texts(session, new_text, typed, *named)
        if text is not None:
            record.text = new_text
        if title is not None:
            record.title = within_limit(new_title, MAX_TITLE)
        if scope is not None:
            record.district_id = _district(session, scope).id
        if actors is not None:
            record.actors = _actors(named)
        if status is not None:
            record.status = _status(status)
        record.updated_at = utcnow()


def delete_recommendation(project: Project, recommendation_id: int) -> None:
    """Delete a recommendation with its links and its status history."""
    with project.transaction() as session:
        record = find_recommendation(session, recommendation_id)
        for model in (RecommendationNeed, RecommendationEvidence, RecommendationStatus):
            session.execute(delete(model).where(model.recommendation_id == record.id))
        session.delete(record)


def link_need(
    project: Project, recommendation_id: int, cluster: int, run_id: int | None = None
) -> int:
    """Link a need cluster of a run (default: the latest); return the link id.

    Linking a cluster that is already linked (same members) changes nothing.
    """
    with project.transaction() as session:
        record = find_recommendation(session, recommendation_id)
        run = latest_memberships(session, run_id)
        if run is None:
            raise WorkbenchError(NO_NEED_RUN)
        groups = run.members
        if int(cluster) not in groups:
            known = ", ".join(str(c) for c in sorted(groups))
            why = (  # forget takes a need without statements out of its run
                f"nur {known}"
                if known
                else "er hat keinen mehr: ihre Aussagen sind gelöscht; neu: workbench needs"
            )
            raise InputError(f"Cluster {cluster} gibt es in Lauf {run.run_id} nicht ({why}).")
        members = sorted(groups[int(cluster)])
        for link in session.scalars(
            select(RecommendationNeed).where(RecommendationNeed.recommendation_id == record.id)
        ):
            if sorted(link.members) == members:
                return link.id
        link = RecommendationNeed(
            recommendation_id=record.id,
            members=members,
            label=within_limit(run.described[int(cluster)]["label"], MAX_NEED_LABEL),
            run_id=run.run_id,
            cluster=int(cluster),
        )
        session.add(link)
        record.updated_at = utcnow()
        session.flush()
        return link.id


def link_evidence(
    project: Project, recommendation_id: int, segments: Iterable[int | tuple[str, str]]
) -> int:
    """Link evidence segments, by id or as (document file name, source id); return new ones."""
    with project.transaction() as session:
        record = find_recommendation(session, recommendation_id)
        linked = set(
            session.scalars(
                select(RecommendationEvidence.segment_id).where(
                    RecommendationEvidence.recommendation_id == record.id
                )
            )
        )
        added = 0
        for ref in segments:
            segment, filename = _segment(session, ref)
            if segment.id in linked:
                continue
            session.add(
                RecommendationEvidence(
                    recommendation_id=record.id,
                    segment_id=segment.id,
                    document=filename,
                    source_id=segment.source_id,
                )
            )
            linked.add(segment.id)
            added += 1
        record.updated_at = utcnow()
        return added


def _segment(session: Session, ref: int | tuple[str, str]) -> tuple[Segment, str]:
    if isinstance(ref, tuple):
        filename, source_id = ref
        rows = session.execute(
            select(Segment, Document.filename)
            .join(Document, Segment.document_id == Document.id)
            .where(Document.filename == filename, Segment.source_id == str(source_id))
            .order_by(Segment.id)
        ).all()
        if not rows:
            raise InputError(f"Aussage {source_id} in Dokument {filename} gibt es nicht.")
        if len(rows) > 1:  # two files of one name (breakout rooms' protokoll.md)
            numbers = ", ".join(str(segment.id) for segment, _ in rows)
            raise InputError(
                f"Aussage {source_id} gibt es in mehreren Dokumenten namens {filename} "
                f"(Nummern {numbers}); bitte die Nummer der gemeinten Aussage angeben."
            )
        return rows[0][0], rows[0][1]
    segment = session.get(Segment, int(ref))
    if segment is None:
        raise InputError(f"Aussage {ref} gibt es nicht.")
    return segment, session.get(Document, segment.document_id).filename


def unlink(
    project: Project,
    recommendation_id: int,
    need_link: int | None = None,
    segment_id: int | tuple[str, str] | None = None,
) -> None:
    """Remove a need link (by link id) or an evidence segment (by id or as (document file
    name, source id), as it was linked) from a recommendation."""
    with project.transaction() as session:
        record = find_recommendation(session, recommendation_id)
        if need_link is not None:
            link = session.get(RecommendationNeed, int(need_link))
            if link is None or link.recommendation_id != record.id:
                raise InputError(
                    f"Empfehlung {record.id} hat keine Bedarfsverknüpfung {need_link}."
                )
            session.delete(link)
        if segment_id is not None:
            query = select(RecommendationEvidence).where(
                RecommendationEvidence.recommendation_id == record.id
            )
            if isinstance(segment_id, tuple):  # the reference `recommend link` took
                document, source_id = segment_id
                named = f"{document}:{source_id}"
                query = query.where(
                    RecommendationEvidence.document == document,
                    RecommendationEvidence.source_id == str(source_id),
                )
            else:
                named = str(segment_id)
                query = query.where(RecommendationEvidence.segment_id == int(segment_id))
            link = session.scalar(query)
            if link is None:
                raise InputError(f"Empfehlung {record.id} hat keinen Beleg {named}.")
            session.delete(link)
        record.updated_at = utcnow()


def follow_evidence(project: Project) -> pd.DataFrame:
    """Let every recommendation follow its evidence into the reference need run.

    Every need link is replaced: each recommendation is linked to the clusters of the
    reference run (``need_clusters.reference_run``) that now hold its evidence (the rule
    by which a new one is linked), so no link points to a cluster the run no longer has.
    Returns the provenance check: empty when every chain is complete.
    """
    with project.session() as session:
        run = latest_memberships(session)
    if run is None:
        raise WorkbenchError(NO_NEED_RUN)
    cluster_of = {s: c for c, members in run.members.items() for s in members}
    for link in need_links(project).itertuples():
        unlink(project, int(link.recommendation_id), need_link=int(link.link_id))
    for rec_id, cited in evidence(project).groupby("recommendation_id")["segment_id"]:
        for cluster in sorted({cluster_of[s] for s in cited if s in cluster_of}):
            link_need(project, int(rec_id), cluster, run.run_id)
    return check_provenance(project)


__all__ = [
    "ACTORS",
    "CHAIN_FORMAT",
    "CHAIN_VERSION",
    "EVIDENCE_COLUMNS",
    "NEED_LINK_COLUMNS",
    "RECOMMENDATION_COLUMNS",
    "STATUSES",
    "add_recommendation",
    "chain",
    "check_provenance",
    "delete_recommendation",
    "evidence",
    "export_chain",
    "find_recommendation",
    "follow_evidence",
    "known_status",
    "link_evidence",
    "link_need",
    "need_links",
    "problem_text",
    "provenance_notes",
    "recommendations",
    "unlink",
    "update_recommendation",
]
