"""What an import says of a table's person, contact and place columns (its output)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workbench.core.domain import ParsedSegment
from workbench.ingest.contact_questions import is_mixed_contact_question
from workbench.ingest.personal_columns import (
    PERSON_ATTRIBUTES,
    is_account_id,
    is_account_number,
    is_contact_column,
    is_count,
    is_form_account,
    is_key_column,
    is_location,
    is_other_person_column,
    is_people_list_column,
    is_person_column,
    is_respondent_code,
    names_staff,
)
from workbench.ingest.table_points import noticed_columns


def personal_notices(
    segments: Iterable[ParsedSegment], options: Mapping[str, Any] | None = None
) -> tuple[str, ...]:
    """What the import did with person and contact columns (for the import's output);
    coordinate columns the reading notices already name (``options``) are left out."""
    segments = list(segments)
    keys = dict.fromkeys(k for s in segments for k in s.attributes)
    columns = [c for c in keys if c not in PERSON_ATTRIBUTES]
    asked = [c for c in columns if is_mixed_contact_question(c)]  # kept: its answers decided
    contact = [c for c in columns if is_contact_column(c) and c not in asked]
    contact += (options or {}).get("contact_answers") or []  # asked, answered with contacts
    access = [c for c in columns if is_key_column(c, keys)]
    codes = [c for c in columns if is_respondent_code(c, keys)]
    forms = {c for c in columns if is_form_account(c, keys)}  # KoBoToolbox's "username"
    values = [(k, v) for s in segments for k, v in s.attributes.items()]
    counts = {k for k, _ in values} - {k for k, v in values if not is_count(v)}  # all numbers
    people = [c for c in columns if is_person_column(c) and c not in [*contact, *forms, *counts]]
    named = {k for s in segments for k, v in s.attributes.items() if names_staff(k, v)} | forms
    staff = [c for c in columns if (is_other_person_column(c) or c in named) and c not in contact]
    accounts = {k for k, v in values if is_account_id(k, v) or (people and is_account_number(k, v))}
    others = [
        c
        for c in columns
        if (is_people_list_column(c) or c in accounts) and c not in people + contact + staff
    ]
    located = {k for k, v in values if is_location(k, v)}
    said = noticed_columns(options or {})  # "Sozialraum aus den Koordinaten bestimmt …"
    places = [c for c in columns if c in located and c not in contact and c not in said]
    notices = []
    if people:
        notices.append(
            f"Spalte(n) {', '.join(people)}: als pseudonyme Person gespeichert (speaker); "
            "Personennamen daraus werden auch in den Texten ersetzt."
        )
    if contact:
        notices.append(f"Spalte(n) {', '.join(contact)}: Kontaktdaten, nicht übernommen.")
    if mixed := (options or {}).get("mixed_contact_columns"):
        notices.append(
            f"Spalte(n) {', '.join(mixed)}: Frage mit Bitte um Kontaktdaten; die Antworten "
            "sind als Aussagen übernommen, E-Mail-Adressen und Telefonnummern darin ersetzt."
        )
    if asked:
        notices.append(
            f"Spalte(n) {', '.join(asked)}: Frage mit Bitte um Kontaktdaten, die Antworten "
            "sind Anmerkungen; als Merkmal übernommen, E-Mail-Adressen und Telefonnummern "
            "darin ersetzt."
        )
    if access:
        notices.append(
            f"Spalte(n) {', '.join(access)}: Zugangsschlüssel, die zu einer Person führen, "
            "nicht übernommen."
        )
    if labelled := (options or {}).get("personal_labels"):
        named = ", ".join(f"{c} ({label})" for c, label in labelled.items())
        notices.append(
            f"Spalte(n) {named}: nach ihrer Beschriftung Kontaktdaten oder Codes, die zu "
            "einer Person führen, nicht übernommen."
        )
    if codes:
        notices.append(
            f"Spalte(n) {', '.join(codes)}: Codes, die eine befragte Person wiedererkennen "
            "lassen (persönlicher Code, Referenz des Einladungslinks), nicht übernommen."
        )
    if staff:
        notices.append(
            f"Spalte(n) {', '.join(staff)}: weitere Personen (Zuständige, Moderation, "
            "Interviewende, Erfassende, Bewertende, Antwortende), nicht übernommen; ihre Namen "
            "werden auch in den Texten ersetzt."
        )
    if others:
        notices.append(
            f"Spalte(n) {', '.join(others)}: weitere Personen (Unterstützende, Profile, "
            "Konten), nicht übernommen."
        )
    if places:
        notices.append(
            f"Spalte(n) {', '.join(places)}: genaue Standorte (Koordinaten), nicht "
            "übernommen; der Sozialraum sagt, wo."
        )
    return tuple(notices)
