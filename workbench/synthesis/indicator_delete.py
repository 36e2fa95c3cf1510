"""Delete stored indicator values: a mistyped value, a wrong year, an indicator imported
under a misspelt name. A re-import can only overwrite a value; this removes it."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.core.domain import InputError
from workbench.core.formatting import format_number, value_places
from workbench.store import District, Indicator
from workbench.synthesis.indicator_tables import check_district

if TYPE_CHECKING:
    from workbench.project import Project


def delete_indicator(
    project: Project, indicator: str, district: str | None = None, year: int | None = None
) -> list[str]:
    """Delete the values of ``indicator`` (in ``district`` and ``year`` if given) in one
    transaction; return one line per deleted value. Nothing matching raises, naming what
    there is, and deletes nothing."""
    name = " ".join(indicator.split())
    with project.transaction(exclusive=True) as session:
        names = {d.id: d.name for d in session.scalars(select(District))}
        if district is not None:
            district = check_district(district, list(names.values()))
        stored = list(session.scalars(select(Indicator)))
        found = [
            r
            for r in stored
            if r.indicator == name
            and (district is None or names[r.district_id] == district)
            and (year is None or r.year == year)
        ]
        if not found:
            raise InputError(_nothing_found(name, district, year, stored, names))
        found.sort(key=lambda r: (names[r.district_id], r.year))
        lines = [
            f"Gelöscht: {names[r.district_id]}, {r.indicator} {r.year}: "
            f"{format_number(r.value, value_places(r.value))} {r.unit}".rstrip()
            + (f" (aus {r.filename})" if r.filename else "")
            for r in found
        ]
        for record in found:
            session.delete(record)
    return lines


def _nothing_found(
    name: str,
    district: str | None,
    year: int | None,
    stored: list[Indicator],
    names: dict[int, str],
) -> str:
    """Why nothing matched: the indicator's name (with the closest stored names), or the
    Sozialraum or year it has no value for (with the ones it has)."""
    indicators = sorted({r.indicator for r in stored})
    if name not in indicators:
        close = difflib.get_close_matches(name, indicators, n=3, cutoff=0.6)
        hint = f" Gemeint: {', '.join(f'„{c}“' for c in close)}?" if close else ""
        if not indicators:
            return f"Kein Indikator „{name}“: das Projekt hat noch keine Indikatoren."
        listed = ", ".join(indicators) if len(indicators) <= 10 else f"{len(indicators)} andere"
        return f"Kein Indikator „{name}“ gespeichert (gespeichert: {listed}).{hint}"
    rows = [r for r in stored if r.indicator == name]
    if district is not None:
        rows = [r for r in rows if names[r.district_id] == district]
        if not rows:
            return f"„{name}“ hat keinen Wert für {district}."
    years = ", ".join(str(y) for y in sorted({r.year for r in rows}))
    where = f" in {district}" if district is not None else ""
    return f"„{name}“ hat{where} keinen Wert für {year}; gespeichert sind die Jahre {years}."
