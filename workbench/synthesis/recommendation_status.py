"""The status history of recommendations: dated steps with the responsible actor.

A recommendation goes from ``Entwurf`` to ``abgestimmt`` to ``in Umsetzung`` and ends
``umgesetzt`` or ``zurückgestellt`` (:data:`~workbench.synthesis.recommendations.STATUSES`).
Each step is recorded with its date (``YYYY-MM-DD``, not in the future), the actor
responsible for it (e.g. "Verwaltung, Fachbereich Soziales") and an optional note. Steps
may be entered late and in any order — the history records what happened, and a
recommendation can be taken up again after being deferred — so no order is enforced;
the recommendation's current status is always the status of its latest step (by date,
then by entry). Recording the same status on the same date again changes nothing.

The actor and the note are stored pseudonymised, as the recommendation's text ("Herr
Peter Schulz, Sozialamt" → "[Person 3], Sozialamt"); those an earlier release stored as
typed are pseudonymised by :func:`pseudonymise_stored` (``workbench recommend
pseudonymise``). The history holds no text from
statements, so erasure (:mod:`workbench.store.erasure`) does not change it, but keeps the
key entries of the persons its placeholders stand for (and names the recommendation for
``forget --person``); the portable backup carries it like every table.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import InputError
from workbench.core.typed_text import one_line_name
from workbench.ingest.author_names import is_participant, participant_author
from workbench.ingest.common import normalise_date
from workbench.ingest.pseudonymise import as_stored_texts, pseudonymised_texts
from workbench.store import (
    MAX_STEP_ACTOR,
    Recommendation,
    RecommendationStatus,
    utcnow,
    within_limit,
)

# the reading side (``workbench recommend history`` loads no pseudonymiser), re-exported
from workbench.synthesis.recommendation_tables import HISTORY_COLUMNS as HISTORY_COLUMNS
from workbench.synthesis.recommendation_tables import find_recommendation
from workbench.synthesis.recommendation_tables import status_history as status_history
from workbench.synthesis.recommendations import known_status

if TYPE_CHECKING:
    from workbench.project import Project

MAX_ACTOR = MAX_STEP_ACTOR  # the column's size


def parse_date(text: str, today: date | None = None) -> str:
    """A date as ``YYYY-MM-DD`` from ISO or German dates ("1.3.2022", "1. März 2022", as a
    planner types it); anything else, or a date after ``today``, raises.

    >>> parse_date("2022-03-01"), parse_date("1.3.2022"), parse_date("1. März 2022")
    ('2022-03-01', '2022-03-01', '2022-03-01')
    >>> parse_date("März")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    workbench.core.errors.InputError: Datum 'März' ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ, ...
    """
    raw = str(text or "").strip()
    try:
        parsed = date.fromisoformat(normalise_date(raw, ""))
    except (InputError, ValueError):
        raise InputError(
            f"Datum '{raw}' ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ, z. B. 2022-03-01 oder "
            "1.3.2022)."
        ) from None
    if parsed > (today or date.today()):
        raise InputError(
            f"Datum {raw} liegt in der Zukunft; der Verlauf hält fest, was geschehen ist."
        )
    return parsed.isoformat()


def check_status(status: str) -> str:
    """The one of STATUSES ``status`` names (case aside: "Umgesetzt" is "umgesetzt"), else an
    InputError naming them."""
    return known_status(status)


def _actor(actor: str) -> str:
    name = " ".join(one_line_name(str(actor or "")).split())  # no ESC, NUL, C1: one line
    if not name:
        raise InputError("Wer ist verantwortlich? Bitte einen Akteur angeben (--by AKTEUR).")
    if len(name) > MAX_ACTOR:
        raise InputError(f"Der Akteur ist zu lang ({len(name)} Zeichen, höchstens {MAX_ACTOR}).")
    return name


def _latest(session: Session, recommendation_id: int) -> RecommendationStatus | None:
    return session.scalars(
        select(RecommendationStatus)
        .where(RecommendationStatus.recommendation_id == recommendation_id)
        .order_by(RecommendationStatus.date.desc(), RecommendationStatus.id.desc())
    ).first()


def record_status(
    project: Project,
    recommendation_id: int,
    status: str,
    when: str,
    actor: str,
    note: str = "",
) -> int:
    """Record a dated status step of a recommendation; return the entry's id.

    The recommendation's status becomes that of its latest step. The same status on the
    same date again returns the existing entry (its actor and note stay).
    """
    status = check_status(status)
    day = parse_date(when)
    actor = _actor(actor)
    note = " ".join(one_line_name(str(note or "")).split())
    with project.transaction(exclusive=True) as session:  # the key may grow
        record = find_recommendation(session, recommendation_id)
        same = session.scalar(
            select(RecommendationStatus).where(
                RecommendationStatus.recommendation_id == record.id,
                RecommendationStatus.status == status,
                RecommendationStatus.date == day,
            )
        )
        if same is not None:
            return same.id
        # stored pseudonymised as the recommendation's text: "Herr Peter Schulz, Sozialamt",
        # "Frau Becker kümmert sich, Tel. …" were in clear in every report and export
        actor, note = pseudonymised_texts(session, actor, note)
        entry = RecommendationStatus(
            recommendation_id=record.id,
            status=status,
            date=day,
            actor=within_limit(actor, MAX_ACTOR),
            note=note,
        )
        session.add(entry)
        session.flush()
        latest = _latest(session, record.id)
        if latest is not None and record.status != latest.status:
            record.status = latest.status
            record.updated_at = utcnow()
        return entry.id


def pseudonymise_stored(project: Project, dry_run: bool = False) -> list[int]:
    """Store the actors of every recommendation and the actor and note of every status
    step pseudonymised, and an author who is a participant as her placeholder, as new ones
    are stored (earlier releases kept them as typed: "Frau Anna Becker (Jugendamt)",
    "Gisela Brandhorst"); return the ids of the recommendations that changed. ``dry_run``:
    only say which would; the key stays as it is."""
    changed: set[int] = set()
    # a dry run only reads; otherwise the key may grow
    unit = project.session() if dry_run else project.transaction(exclusive=True)
    with unit as session:
        stored = as_stored_texts if dry_run else pseudonymised_texts
        for record in session.scalars(select(Recommendation).order_by(Recommendation.id)):
            actors = [str(a) for a in record.actors or ()]
            named: list[str] = []
            for actor in stored(session, *actors):
                if actor and actor not in named:
                    named.append(actor)
            if named != actors:
                changed.add(record.id)
                if not dry_run:
                    record.actors = named
            if is_participant(session, record.author or ""):  # stored as typed before
                changed.add(record.id)
                if not dry_run:
                    record.author = participant_author(session, record.author)
        for step in session.scalars(select(RecommendationStatus).order_by(RecommendationStatus.id)):
            actor, note = stored(session, step.actor, step.note)
            actor = within_limit(actor or "", MAX_ACTOR)
            if (actor, note or "") != (step.actor, step.note or ""):
                changed.add(step.recommendation_id)
                if not dry_run:
                    step.actor, step.note = actor, note or ""
    return sorted(changed)
