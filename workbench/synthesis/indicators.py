"""District indicators: the quantitative social report beside the qualitative findings.

A table of district × indicator × year × value with unit and source, from CSV or XLSX
(``district, indicator, year, value, unit, source``, optional ``illustrative``; German
headers ``Sozialraum, Indikator, Jahr, Wert, Einheit, Quelle, illustrativ`` too; or a
column per year, see :mod:`workbench.synthesis.indicator_layout`). One import is one
transaction: an unknown district, a bad number or a duplicate row stops it with file and
row, nothing stored. Importing a file again updates the rows it imported (key: district,
indicator, year) instead of adding them twice.

The stored values as tables, and each district beside the city (its ``Gesamtstadt`` row),
are :mod:`workbench.synthesis.indicator_tables`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from workbench.core.domain import InputError
from workbench.core.formatting import format_number, value_places
from workbench.core.textio import Source, decode, read_source, sniff_delimiter
from workbench.ingest.file_kinds import refuse_other_kind
from workbench.ingest.long_names import check_indicator_size
from workbench.ingest.table_rows import forgetting_workbook, percent_cells
from workbench.store import CITYWIDE, District, Indicator
from workbench.store.district_changes import former_names, merged_names, moved_on
from workbench.synthesis.indicator_districts import (
    FormerNames,
    district_of,
    probable_district,
    unknown_error,
)
from workbench.synthesis.indicator_layout import CITY_NAMES, blank, name_key, read_layout
from workbench.synthesis.indicator_names import IndicatorNames
from workbench.synthesis.indicator_numbers import (
    GROUPED,
    Gaps,
    decimal_mark,
    legend,
    parse_number,
    replaced_note,
    row_list,
    sign_of,
    value_mark,
    value_text,
)
from workbench.synthesis.indicator_tables import (  # noqa: F401  (the reading side, re-exported)
    COMPARISON_COLUMNS,
    INDICATOR_COLUMNS,
    check_district,
    city_reference,
    compare_to_city,
    comparison,
    indicators,
)
from workbench.synthesis.indicator_units import unit_key
from workbench.synthesis.indicator_years import FIRST, LAST, cell_year

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.project import Project

TRUE = {"true", "wahr", "ja", "yes", "1", "x"}
FALSE = {"false", "falsch", "nein", "no", "0", ""}


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator value as read from a file, before it is stored."""

    district: str
    indicator: str
    year: int
    value: float
    unit: str
    source: str
    illustrative: bool
    row: int


@dataclass(frozen=True)
class IndicatorImport:
    """The outcome of importing one indicator file."""

    filename: str
    added: int
    updated: int
    unchanged: int
    skipped: tuple[int, ...] = ()  # rows without a value (".", "x" …), not imported
    notices: tuple[str, ...] = ()  # former names read as today's districts, rows left out
    gaps: tuple[str, ...] = ()  # German sentences: cells read as 0, rows left out and why

    @property
    def rows(self) -> int:
        """All values the file holds."""
        return self.added + self.updated + self.unchanged


# -- reading (pure) ----------------------------------------------------------------------
# a footnote mark after a name ("SGB-II-Quote¹", "Arbeitslose*"); ² and ³ stay: "je km²"
MARKED = re.compile(r"(?<=\S)[\u00b9\u2070\u2074-\u2079*]+$")


def _flag(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    text = name_key("" if cell is None else cell)
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(cell)


# What an indicator file may be: a table as CSV (also as .txt, .tsv), XLSX or ODS.
TABLE_ENDINGS = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".ods")
_READS = (
    "Indikatoren liest die Werkbank aus Tabellen: CSV, XLSX oder ODS (.csv, .xlsx, .ods). "
    "Nichts importiert."
)


def read_indicators(
    source: Source, districts: list[str], name: str | None = None, sheet: str | None = None
) -> list[IndicatorRow]:
    """Read and check an indicator file against the declared ``districts`` (pure).

    District names are matched regardless of case and Unicode normal form and come back
    spelt as declared. Empty rows and rows without a value (".", "x" …) are skipped; "–"
    is exactly zero (DIN 55301) unless the table's own Zeichenerklärung says otherwise.
    """
    return _read_indicators(source, districts, name, sheet, FormerNames({}), Gaps(), None)


def _composed(value: Any) -> str:
    """A cell's text composed (NFC); "" for none."""
    return unicodedata.normalize("NFC", str(value or ""))


@forgetting_workbook  # no table's raw rows stay in a long-running kernel's memory
def _read_indicators(
    source: Source,
    districts: list[str],
    name: str | None,
    sheet: str | None,
    former: FormerNames,
    gaps: Gaps,
    others: dict[str, int] | None,
    names: IndicatorNames | None = None,
) -> list[IndicatorRow]:
    """The values of an indicator file; ``gaps`` notes cells without a number, a sign of
    the Zeichenerklärung read as 0 or left out; a former name of a district is read as the
    district now (``former`` notes it), an indicator under the spelling ``names`` has. With
    ``others``, rows of areas the project does not study are left out and noted there
    (name → first row); one like a declared stops it."""
    names = names or IndicatorNames()
    raw = read_source(source, name)
    refuse_other_kind(raw, TABLE_ENDINGS, (".xlsx", ".xlsm", ".ods"), _READS)
    table = read_layout(raw, sheet)  # the years side by side: one value per row
    header, rows, columns = table.header, table.rows, table.columns
    gaps.legend = legend([*table.above, *table.notes])  # the table's own Zeichenerklärung
    gaps.filled = table.filled  # a grouped table: names taken from the row above
    known = {name_key(d): d for d in districts}
    for alias in CITY_NAMES:  # and how statistics offices name the city's row
        known.setdefault(alias, CITYWIDE)
    result: list[IndicatorRow] = []
    seen: dict[tuple[str, str, int], int] = {}
    seen_in: dict[tuple[str, str, int], str] = {}  # the year's column of a wide table
    unknown: dict[str, int] = {}  # district names the project does not know → first row
    signed: set[str] = set()  # "18,2 %" without a unit: the indicator's empty units are %
    at = columns["value"]
    shown_percent = percent_cells(raw, sheet, {origin for *_, origin in rows})
    decimal = decimal_mark([value_text(c[at]) for _, c, _ in rows if len(c) > at])
    if decimal is None and Path(raw.name).suffix.lower() == ".csv":
        # the values don't say: a CSV with semicolons is German (Excel, statistics offices)
        decimal = "," if sniff_delimiter(decode(raw)) == ";" else None
    for number, cells, origin in rows:
        cells = list(cells) + [None] * (len(header) - len(cells))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue

        def cell(column: str, cells: list[Any] = cells) -> Any:
            return cells[columns[column]] if column in columns else None

        if all(
            cell(c) is None or str(cell(c)).strip() == "" for c in ("indicator", "year", "value")
        ):
            continue  # a note below the table ("Quelle: …", "1) Stand …"), a row of units
        if (
            blank(cells, columns["year"])
            and blank(cells, columns["value"])
            and sign_of(str(cell("district") or "")) is not None
        ):
            continue  # a line of the Zeichenerklärung: "–" | "nichts vorhanden"
        written = str(cell("district") or "")
        if not written.strip():
            raise InputError("Der Sozialraum fehlt.", file=raw.name, row=number)
        try:
            district = district_of(written, known, [*districts, *former.former])
        except InputError as err:  # several districts fit
            raise InputError(err.message, file=raw.name, row=number) from None
        if district is None:
            unknown.setdefault(" ".join(written.split()), number)
            continue
        district, old = former.today(district, number)  # "Opladen", since merged: Manfort
        # "SGB-II-Quote¹" in this year's table is the SGB-II-Quote of last year's
        # composed: "Anteil über 65 Jahre" from a Mac ("u" + U+0308) is the same indicator
        indicator = MARKED.sub("", " ".join(_composed(cell("indicator")).split()))
        if not indicator:
            raise InputError("Der Name des Indikators fehlt.", file=raw.name, row=number)
        indicator = names.named(indicator, number)  # "SGB II-Quote" stored as SGB-II-Quote
        try:
            year = cell_year(cell("year"))
            if not FIRST <= year <= LAST:  # "2202" for 2022: a slip, not a year of a series
                raise InputError(
                    f"Jahr '{cell('year')}' liegt nicht zwischen {FIRST} und {LAST} – ein "
                    "Tippfehler?",
                    file=raw.name,
                    row=number,
                )
        except ValueError:
            raise InputError(
                f"Jahr '{cell('year')}' ist keine Jahreszahl (erwartet: 2020, ein Stichtag "
                "wie 31.12.2020 oder ein Schuljahr wie 2020/21, das als 2020 zählt).",
                file=raw.name,
                row=number,
            ) from None
        unit = check_indicator_size(indicator, _composed(cell("unit")).strip(), raw.name, number)
        shown = "" if cell("value") is None else str(cell("value")).strip()
        text = value_text(cell("value"))
        sign = sign_of(text) if isinstance(text, str) else None
        column = str(cell(table.wide)) if table.wide else ""  # which of the row's cells
        if mark := value_mark(cell("value")):  # "12,3 p": provisional, read and named
            gaps.marked.append((number, mark, column))
        if text is None or text == "" or (sign is not None and not gaps.zero(sign)):
            gaps.skip((district, indicator, year), number, sign or "", column)
            continue
        if sign is not None:  # "–": exactly zero (DIN 55301), unless the legend says else
            gaps.zeros.append((number, sign, column))
            text = 0.0
        percent = isinstance(text, str) and text.endswith("%")
        if percent:
            text = text.removesuffix("%").strip()
        elif (number, origin) in shown_percent:  # Excel shows 0.139 formatted "0,0 %" as 13,9 %
            text = round(100 * text, 10)
            shown = f"{text:g} %".replace(".", ",")
        in_percent = unit_key(unit) == "%" or "%" in unit or "prozent" in unit.casefold()
        if (percent or (number, origin) in shown_percent) and not unit:
            unit, in_percent = "%", True  # "14,2 %" with the unit column left empty
            signed.add(indicator)
        if (percent or (number, origin) in shown_percent) and not in_percent:
            raise InputError(
                f"Wert '{shown}' hat ein Prozentzeichen, die Einheit ist aber "
                f"'{unit}'. Bitte die Einheit % angeben.",
                file=raw.name,
                row=number,
            )
        match = GROUPED.fullmatch(text) if isinstance(text, str) else None
        if decimal is None and match and text.count(match.group(1)) == 1:
            whole = text.replace(match.group(1), "")
            decimal_text = text.replace(".", ",")
            raise InputError(
                f"Wert '{shown}' ist mehrdeutig: {whole} (mit Tausendertrennzeichen) "
                f"oder {decimal_text} (mit Dezimalzeichen)? Kein anderer Wert der Datei "
                f"zeigt, welches Zeichen sie als Komma nutzt. Bitte {whole} schreiben oder, "
                f"als Dezimalzahl, {decimal_text}0 (mit einer Stelle mehr ist das Komma "
                "eindeutig).",
                file=raw.name,
                row=number,
            )
        try:
            value = parse_number(text, decimal)
        except ValueError:
            raise InputError(f"Wert '{shown}' ist keine Zahl.", file=raw.name, row=number) from None
        try:
            illustrative = _flag(cell("illustrative"))
        except ValueError:
            raise InputError(
                f"illustrative '{cell('illustrative')}' ist weder true noch false.",
                file=raw.name,
                row=number,
            ) from None
        key = (district, indicator, year)
        way = former.gives_way(key, number, old, seen[key]) if key in seen else ""
        if way == "new":
            continue
        if way == "old":
            result = [r for r in result if (r.district, r.indicator, r.year) != key]
        elif key in seen:
            raise InputError(
                f"{indicator} {year} für {district} steht schon in Zeile {seen[key]}"
                + _same_year(seen_in.get(key, ""), column, year)
                + _taken_over(table.filled.get(number, ())),
                file=raw.name,
                row=number,
            )
        seen[key], seen_in[key] = number, column
        if old is not None:
            former.via[key] = (old, number)
        result.append(
            IndicatorRow(
                district=district,
                indicator=indicator,
                year=year,
                value=value,
                unit=unit,
                source=_composed(cell("source")).strip(),
                illustrative=illustrative,
                row=number,
            )
        )
    if unknown and others is not None:
        for written in [n for n in unknown if probable_district(n, districts) is None]:
            others[written] = unknown.pop(written)
    if unknown:  # all of them at once: an official table names many areas
        city = any(r.district == CITYWIDE for r in result)
        raise unknown_error(unknown, districts, raw.name, city_row=city)
    if not result:
        skipped = sorted({n for n, *_ in gaps.skipped})
        without = f" (nur Zeilen ohne Wert: {row_list(skipped)})" if skipped else ""
        raise InputError(f"Die Datei enthält keine Indikatorwerte{without}.", file=raw.name)
    return [replace(r, unit="%") if not r.unit and r.indicator in signed else r for r in result]


def _same_year(earlier: str, column: str, year: int) -> str:
    """The end of the message on a second value for a year: in a table with the years
    side by side, the two columns that both mean ``year``."""
    if not earlier or not column or earlier == column:
        return "."
    return (
        f" (Spalte „{earlier}“); Spalte „{column}“ meint dasselbe Jahr {year}. Je Jahr ein "
        "Wert: bitte eine der Spalten löschen."
    )


def _taken_over(names: tuple[str, ...]) -> str:
    """The end of the message on a second value whose district or indicator the row took
    from the row above (a grouped table): the name is probably missing there."""
    if not names:
        return ""
    which = " und ".join(f"den {name}" for name in names)
    return (
        f" Die Zeile nennt {which} nicht und übernimmt {'sie' if len(names) > 1 else 'ihn'} "
        f"aus der Zeile darüber (gruppierte Tabelle): Bitte hier {which} eintragen."
    )


# -- the stage -------------------------------------------------------------------------
def import_indicators(
    project: Project, path: str | Path, sheet: str | None = None, skip_unknown: bool = False
) -> IndicatorImport:
    """Import an indicator file in one transaction; re-importing updates, never doubles.

    ``skip_unknown``: leave out (and name) the rows of areas the project does not have.
    """
    path = Path(path)
    # Exclusive: two colleagues importing the same figures at once both found them new and
    # the later one failed on the unique value; now the later one reads them as stored.
    with project.transaction(exclusive=True) as session:
        ids = {d.name: d.id for d in session.scalars(select(District))}
        former = FormerNames(former_names(session))
        gaps = Gaps()
        others: dict[str, int] | None = {} if skip_unknown else None
        stored = {  # composed: a value stored from a Mac before is updated, not doubled
            (r.district_id, _composed(r.indicator), r.year): r
            for r in session.scalars(select(Indicator))
        }
        names = IndicatorNames({indicator for _, indicator, _ in stored})
        rows = _read_indicators(path, list(ids), None, sheet, former, gaps, others, names)
        notices = [*moved_on(session, former.used, "die Werte stehen bei"), *former.dropped]
        notices += names.notices
        if others:
            notices.append(_others_note(others, any(r.district == CITYWIDE for r in rows)))
        merged = merged_names(session)
        added = updated = unchanged = 0
        replaced: list[tuple[str, str, int, float, str, str, float, str]] = []
        for r in rows:
            key = (ids[r.district], r.indicator, r.year)
            if _kept(stored.get(key), r, former.via.get((r.district, r.indicator, r.year)),
                     merged, path.name, notices):  # fmt: skip
                continue
            values = {
                "value": r.value,
                "unit": r.unit,
                "source": r.source,
                "illustrative": r.illustrative,
            }
            record = stored.get(key)
            if record is None:
                session.add(
                    Indicator(
                        district_id=ids[r.district],
                        indicator=r.indicator,
                        year=r.year,
                        filename=path.name,
                        **values,
                    )
                )
                added += 1
            elif all(getattr(record, k) == v for k, v in values.items()):
                unchanged += 1
            else:
                if record.value != r.value:  # a corrected figure: say which one it replaced
                    replaced.append((r.district, r.indicator, r.year, record.value,
                                     record.unit, record.filename, r.value, r.unit))  # fmt: skip
                for k, v in values.items():
                    setattr(record, k, v)
                record.filename = path.name
                updated += 1
        notices.extend(_withdrawn_zeros(session, gaps, ids, stored, path.name))
        notices.extend([replaced_note(replaced)] if replaced else [])
    skipped = tuple(sorted({n for n, *_ in gaps.skipped}))
    return IndicatorImport(
        path.name, added, updated, unchanged, skipped, tuple(notices), tuple(gaps.sentences())
    )


def _withdrawn_zeros(
    session: Session,
    gaps: Gaps,
    ids: dict[str, int],
    stored: dict[tuple[int, str, int], Indicator],
    filename: str,
) -> list[str]:
    """Remove the zeros an earlier import of this file read from "–" where its own
    Zeichenerklärung now says the sign means no value; the notice naming their rows."""
    rows = []
    for (district, indicator, year), number in gaps.cleared.items():
        record = stored.get((ids[district], indicator, year))
        if record is not None and record.value == 0 and record.filename == filename:
            session.delete(record)
            rows.append(number)
    if not rows:
        return []
    return [
        f"Entfernt: der Wert 0, den ein früherer Import dieser Datei aus „–“ gelesen hatte "
        f"({row_list(sorted(rows))}) – laut Zeichenerklärung der Datei fehlt der Wert."
    ]


def _others_note(others: dict[str, int], city_row: bool) -> str:
    """The sentence on the areas an import left out because the project has no such
    Sozialraum (``--skip-unknown``)."""
    names = ", ".join(f"'{name}' (Zeile {row})" for name, row in list(others.items())[:10])
    more = f" und {len(others) - 10} weitere" if len(others) > 10 else ""
    city = "" if city_row else (
        f" Die Datei hat keine Zeile für die ganze Stadt: Steht sie unter einem dieser "
        f"Namen, dort '{CITYWIDE}' schreiben."
    )  # fmt: skip
    return f"Übergangen, weil das Projekt sie nicht hat: {names}{more}.{city}"


def _kept(
    record: Indicator | None,
    row: IndicatorRow,
    via: tuple[str, int] | None,
    merged: set[str],
    filename: str,
    notices: list[str],
) -> bool:
    """Whether the stored ``record`` stays over ``row``, a row written with the name of a
    district since merged into ``row.district`` (``via``: that name and the row number):
    as ``districts --merge`` keeps the target's value, a part of the area does not replace
    the value of the whole. The file that stored the value may still update it."""
    if record is None or via is None or via[0] not in merged or record.filename == filename:
        return False
    if record.value == row.value and unit_key(record.unit) == unit_key(row.unit):
        return False
    shown = format_number(record.value, value_places(record.value))
    notices.append(
        f"Zeile {via[1]}: {row.indicator} {row.year} von {via[0]} übergangen – "
        f"{row.district} hat schon einen Wert ({shown} {record.unit}, aus {record.filename})."
    )
    return True
