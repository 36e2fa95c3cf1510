"""The end of migration 0009 (names on one line): pseudonymise what the rewrite uncovered.

An older workbench read "Protokoll⏎Anna Schmidt.md" as two words split by a control
character and stored it with Anna Schmidt in clear; migration 0009 makes the name one line
("Protokoll Anna Schmidt.md"), but the pseudonymisation needs the project's key, which is
read through the models and so only after every revision has run. :func:`finish` runs
then, in the upgrade's transaction (a failure leaves the project as it was), on the
documents and workshops the revision rewrote: a document's name as an import stores it now
(:func:`~workbench.ingest.thing_names.stored_file_name`), a workshop's name pseudonymised
as at import. It returns what the upgrade merged and kept apart, as lines to show; a
document is named there by its number only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from workbench.core.word_caches import forgets_words
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.thing_names import pseudonymise_name, stored_file_name
from workbench.store import Document, ListedName, Meta, Workshop
from workbench.store.privacy_tables import keep_person_numbers
from workbench.store.synthesis_tables import RecommendationEvidence
from workbench.store.workshop_keys import workshop_key

REPORT_KEY = "names_on_one_line"  # as migration 0009 names its meta row

_COUNTED = (
    ("districts", "Sozialraumname(n)"),  # migration 0010
    ("waves", "Welle(n)"),
    ("workshops", "Workshopname(n)"),
    ("codes", "Code(s)"),
    ("question", "Leitfrage(n)"),
    ("speaker_role", "Rolle(n)"),
    ("clusters", "Clustername(n)"),
    ("topic_runs", "Themenlauf/-läufe je Leitfrage"),
    ("actors", "Empfehlung(en) oder Statusschritt(e) mit Akteur*innen"),
)


@forgets_words  # the key's names and the documents' names leave the caches afterwards
def finish(connection: Connection) -> list[str]:
    """Pseudonymise the names migration 0009 rewrote; return what it did as lines to show
    (none if it left nothing to do). Runs in the caller's transaction."""
    session = Session(bind=connection)
    try:
        row = session.get(Meta, REPORT_KEY)
        if row is None:
            return []
        report = json.loads(row.value)
        pseudonymiser = Pseudonymiser.of_project(session)
        hidden = _documents(session, pseudonymiser, report.get("documents", []))
        _workshops(session, pseudonymiser, report.get("workshops", []))
        pseudonymiser.store_new(session)
        keep_person_numbers(session)
        lines = _lines(session, report, hidden)
        session.execute(delete(Meta).where(Meta.key == REPORT_KEY))
        session.flush()
        return lines
    finally:
        session.close()


def pending(connection: Connection) -> bool:
    """Whether migration 0009 left names for :func:`finish` (an upgrade that ran without it)."""
    return connection.execute(select(Meta.key).where(Meta.key == REPORT_KEY)).first() is not None


def _listed(session: Session, workshop_id: int | None) -> list[str]:
    """The participant list of a workshop (none for a document without a workshop)."""
    if workshop_id is None:
        return []
    query = select(ListedName.name).where(ListedName.workshop_id == workshop_id)
    return sorted(session.scalars(query))


def _documents(session: Session, pseudonymiser: Pseudonymiser, ids: Sequence[int]) -> list[int]:
    """Store each rewritten document's name as an import would; return the numbers of
    those in which a person was replaced."""
    hidden: list[int] = []
    for document in session.scalars(select(Document).where(Document.id.in_(ids))):
        names = _listed(session, document.workshop_id)
        new = stored_file_name(pseudonymiser, document.filename, names)
        if new == document.filename:
            continue
        evidence = RecommendationEvidence.document == document.filename
        session.execute(update(RecommendationEvidence).where(evidence).values(document=new))
        document.filename = new
        hidden.append(document.id)
    return sorted(hidden)


def _workshops(session: Session, pseudonymiser: Pseudonymiser, ids: Sequence[int]) -> None:
    """Pseudonymise each rewritten workshop's name as an import does (with its list); a
    name another workshop has gets " (2)", as the revision keeps two workshops apart."""
    taken = set(session.scalars(select(Workshop.name)))
    for workshop in session.scalars(select(Workshop).where(Workshop.id.in_(ids))):
        line = pseudonymise_name(pseudonymiser, workshop.name, _listed(session, workshop.id))
        new, number = workshop_key(line), 2
        if new == workshop.name:
            continue
        while new in taken:
            new, number = workshop_key(f"{line} ({number})"), number + 1
        taken.discard(workshop.name)
        taken.add(new)
        workshop.name = new
    session.flush()


def _lines(session: Session, report: dict, hidden: list[int]) -> list[str]:
    """What the upgrade did, in German, without a document's name."""
    lines = list(report.get("lines", []))
    names = dict(session.execute(select(Workshop.id, Workshop.name)).tuples().all())
    for action, wid, other in report.get("workshop_events", []):
        if action == "merged":
            lines.append(
                f"Workshop „{names.get(other, other)}“: zwei Schreibweisen zusammengeführt "
                f"(Nr. {wid} → {other}; gleicher Sozialraum, gleiche Welle)."
            )
        else:
            lines.append(
                f"Workshop Nr. {wid} hieße wie Workshop Nr. {other}, gehört aber zu einem "
                f"anderen Sozialraum, einer anderen Welle oder einem anderen Datum/Format: "
                f"nicht zusammengeführt, er heißt jetzt „{names.get(wid, wid)}“."
            )
    counts = report.get("counts", {})
    done = [f"{counts[key]} {label}" for key, label in _COUNTED if counts.get(key)]
    documents = report.get("documents", [])
    if documents:
        done.append(f"{len(documents)} Dokumentname(n)")
    if done:
        lines.append("Auf eine Zeile gebracht (ohne Steuerzeichen): " + ", ".join(done) + ".")
    if hidden:
        lines.append(
            f"In {len(hidden)} Dokumentnamen (Nummer {' '.join(map(str, hidden))}) stand eine "
            "Person hinter einem Steuerzeichen im Klartext; sie ist jetzt durch ihren "
            "Platzhalter ersetzt, wie beim Import."
        )
    return lines
