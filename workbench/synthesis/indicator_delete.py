"""Delete stored indicator values: a mistyped value, a wrong year, an indicator imported
under a misspelt name. A re-import can only overwrite a value; this removes it."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.core.domain import InputError
from workbench.core.formatting import format_number, value_places
from workbench.store import District, Indicator
from workbench.synthesis.indicator_names import name_key
from workbench.synthesis.indicator_tables import check_district

if TYPE_CHECKING:
    from workbench.project import Project


def delete_indicator(
    project: Project, indicator: str, district: str | None = None, year: int | None = None
) -> list[str]:
    """Delete the values of ``indicator`` (in ``district`` and ``year`` if given) in one
    transaction; return one line per deleted value. The name is matched as the import
    reads it (:func:`stored_spelling`). Nothing matching raises, naming what there is, and
    deletes nothing."""
    with project.transaction(exclusive=True) as session:
        names = {d.id: d.name for d in session.scalars(select(District))}
        if district is not None:
            district = check_district(district, list(names.values()))
        stored = list(session.scalars(select(Indicator)))
        name = stored_spelling(indicator, {r.indicator for r in stored})
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


def stored_spelling(indicator: str, stored: set[str]) -> str:
    """The stored name ``indicator`` means: itself, else the one stored name written the
    same apart from case, hyphens, dashes and spaces, as the import reads it ("SGB II-Quote"
    is a stored "SGB-II-Quote"); raises if two stored names are written so.

    >>> stored_spelling("sgb ii-quote", {"SGB-II-Quote", "Anteil 65+"})
    'SGB-II-Quote'
    """
    name = " ".join(indicator.split())
    if name in stored:
        return name
    same = sorted(s for s in stored if name_key(s) == name_key(name))
    if len(same) > 1:
        raise InputError(
            f"Kein Indikator „{name}“ gespeichert, aber {len(same)} so geschriebene: "
            f"{', '.join(f'„{s}“' for s in same)}. Bitte einen davon genau angeben."
        )
    return same[0] if same else name


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
