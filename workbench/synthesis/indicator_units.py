"""Units of indicators as statistics offices write them: per cent in its spellings, and
whether a value is a count (residents, recipients: the city's value is their sum) or a
rate, share, density or average (the city's value is a benchmark)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from workbench.core.formatting import MISSING_NUMBER, NOT_APPLICABLE, format_number

# how statistics offices write "per cent" in a unit column (compared without case and spaces)
PERCENT_UNITS = {"%", "prozent", "in %", "in prozent", "v. h.", "v.h.", "vh"}
# Units of a count (what is counted), compared by their first word without case and dots:
# "Personen", "Anzahl", "absolut", "Einw.", "Haushalte" ...; a unit with "je", "pro", "/"
# or a per cent sign is a rate ("Einwohner je km²", "Fälle je 1.000 Einw.").
COUNT_UNITS = {
    "anzahl", "anz", "absolut", "abs", "personen", "person", "pers", "einwohner",
    "einwohnerinnen", "einwohner*innen", "einwohner:innen", "einwohnende", "einw", "ew",
    "menschen", "haushalte", "fälle", "kinder", "bedarfsgemeinschaften", "wohnungen",
    "gebäude", "plätze", "betriebe", "beschäftigte", "leistungsbeziehende", "empfänger",
    "empfänger*innen", "schüler", "schüler*innen", "geburten", "zuzüge", "fortzüge",
}  # fmt: skip
# a count's unit written without saying what is counted ("Anzahl", "abs.")
GENERIC_COUNT = {"anzahl", "anz", "absolut", "abs", "zahl"}
SCALE = {"in", "tsd", "tausend", "1.000", "1000", "mio", "millionen"}
RATE_WORDS = re.compile(
    r"(?i)%|‰|/(?!\s*-?innen)|^ø|\b(?:je|pro|prozent|promille|v\.\s?h\.|durchschnitt\w*|mittel\w*"
    r"|mittler\w*|median)\b|(?:quote|quotient|anteil|dichte|index|rate|größe)\b"
)

# why a comparison with the city has no difference or index (the column ``note``)
NO_CITY_VALUE = "kein Wert für die Gesamtstadt"
OTHER_UNIT = "Einheit weicht vom Gesamtstadt-Wert ab"
NEGATIVE = "kein Index bei negativen Werten"
COUNT = "Anzahl: kein Index und keine Differenz (die Gesamtstadt zählt die ganze Stadt)"

# without a unit: "Anzahl Kinder", "Zahl der Arbeitslosen", "Einwohnerzahl", "Einwohner"
COUNT_NAME = re.compile(r"(?i)^(?:anzahl|zahl der)\b|zahl$|^(?:einwohner|bevölkerung)\w*$")


def unit_key(unit: str) -> str:
    """A unit as compared between years and with the city: "Prozent", "in %" and "%"
    are the same unit ("%"); others without case and repeated spaces.

    >>> unit_key("Prozent"), unit_key(" in % "), unit_key("Personen"), unit_key("EUR je  Einw.")
    ('%', '%', 'personen', 'eur je einw.')
    """
    key = " ".join(str(unit or "").casefold().split())
    return "%" if key in PERCENT_UNITS else key


def one_unit(units: Iterable[str]) -> bool:
    """Whether ``units`` (of one indicator's years) are one unit: the same (:func:`unit_key`),
    not named (a table whose column named none), or a count written generically ("Anzahl",
    "absolut") beside one count unit ("Personen"): a statistics office's spelling, not
    another measure.

    >>> one_unit(["Anzahl", "Personen", ""]), one_unit(["abs.", "Anzahl"]), one_unit(["%", ""])
    (True, True, True)
    >>> one_unit(["Anzahl", "%"]), one_unit(["Personen", "Haushalte"])
    (False, False)
    >>> one_unit(["Anzahl", "Einwohner je km²"]), one_unit(["Anzahl", "Personen", "Haushalte"])
    (False, False)
    >>> one_unit(["Anzahl", "Tsd. Personen"]), one_unit(["Anzahl in 1.000", "Anzahl"])
    (False, False)
    """
    keys = {unit_key(u) for u in units} - {""}
    named = {k for k in keys if k.strip(".") not in GENERIC_COUNT}
    if len(named) > 1:
        return False
    if named and len(named) < len(keys):  # "Anzahl" beside "Personen", not "Tsd. Personen"
        unit = next(iter(named))
        return is_count("", unit) and not _scaled(unit)
    return True


def _scaled(unit: str) -> bool:
    """Whether a unit counts in thousands or millions ("Tsd. Personen", "in 1.000")."""
    return any(w.strip(".,:()") in SCALE - {"in"} for w in unit.casefold().split())


def is_count(indicator: str, unit: str) -> bool:
    """Whether an indicator counts (residents, recipients, children: absolute numbers whose
    city value is the sum of the districts), by its unit; without a unit, by a name like
    "Anzahl …", "Einwohnerzahl", "Einwohner". A rate, share, density or average is none.

    >>> is_count("Einwohner", "Personen"), is_count("SGB-II-Quote", "%")
    (True, False)
    >>> is_count("Bevölkerungsdichte", "Einwohner je km²"), is_count("Anzahl Kinder u. 6", "")
    (False, True)
    >>> is_count("Haushaltsgröße (Durchschnitt)", "Personen"), is_count("Kinder unter 6", "abs.")
    (False, True)
    >>> is_count("Altenquotient", "Einwohner"), is_count("Jugendquotient", "Personen")
    (False, False)
    """
    unit = " ".join(str(unit or "").split())
    if RATE_WORDS.search(unit) or RATE_WORDS.search(indicator or ""):
        return False
    if unit:  # "Personen", "in 1.000 Personen", "Tsd. Einwohner"
        words = [w.strip(".,:()") for w in unit.casefold().split()]
        words = [w for w in words if w not in SCALE] or [""]
        return words[0] in COUNT_UNITS
    return bool(COUNT_NAME.search((indicator or "").strip()))


def compared_number(
    value: float, note: object, decimals: int | None = None, sign: bool = False
) -> str:
    """A difference or index beside the city for a table cell: the number; where there is
    none, "x" if the comparison would say nothing (a count, another unit, negative values:
    DIN 55301 "Aussage nicht sinnvoll"), else "." (the city's value is unknown).

    >>> compared_number(1.25, "", 1, sign=True), compared_number(math.nan, COUNT)
    ('+1,2', 'x')
    >>> compared_number(math.nan, NO_CITY_VALUE), compared_number(math.nan, None)
    ('.', '.')
    """
    if not math.isnan(value):
        return format_number(value, decimals, sign=sign)
    return NOT_APPLICABLE if note in (COUNT, OTHER_UNIT, NEGATIVE) else MISSING_NUMBER
