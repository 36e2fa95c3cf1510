"""Indicators side by side: the annex table of a Sozialbericht with one row per district and
one column per indicator ("Einwohner", "SGB-II-Quote %", "Anteil unter 18 (in %)").

A column's header gives the indicator's name, its unit (in brackets or a trailing "%") and
maybe its year ("SGB-II-Quote 2022"); a row of units may stand under the header (the
indicator over its unit, an indicator spanning two columns "Anzahl | %"). The year is
otherwise a ``Jahr`` column or the one reference date above the table ("Stand:
31.12.2022"), the source a ``Quelle`` column or a note "Quelle: …" above or below it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from workbench.synthesis.indicator_numbers import parse_number, sign_of, value_text
from workbench.synthesis.indicator_units import COUNT_UNITS, RATE_WORDS, unit_key
from workbench.synthesis.indicator_years import MARK, cell_year

# a column of keys, not of values: "Nr.", "Stadtteilnummer", "Gebietsschlüssel", "AGS"
CODE_HEADER = re.compile(
    r"(?i)\b(?:nr|nummer|schlüssel|kennziffer|code|id|ags|gkz|lfd)\b|(?:nummer|schlüssel|ziffer)$"
)
# the unit at the end of a header: "(%)", "[Anzahl]", "in %", "%"
UNIT_TAIL = re.compile(r"\s*(?:\(([^()]*)\)|\[([^\[\]]*)\])$|(?:^|\s)(in\s*%|%|v\.\s?h\.)$")
HEADER_YEAR = re.compile(r"(?:\s+|\s*[,–-]\s*)((?:\d{1,2}\.\d{1,2}\.)?(?:19|20)\d{2})$")
FOOTNOTE_MARK = re.compile(r"(?<=\S)[\u00b9\u2070\u2074-\u2079*]+$")  # ² and ³ stay: "km²"
DATE_YEAR = re.compile(r"\b\d{1,2}\.\d{1,2}\.((?:19|20)\d{2})(?!\d)")  # "31.12.2022¹" too
BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])")
SOURCE_NOTE = re.compile(r"(?i)^\s*quellen?\s*:\s*(\S.*)")
UNIT_WORDS = re.compile(r"(?i)€|\beur\b|m²|km²|\bjahre?n?\b|\btsd\b")


def looks_like_unit(text: str) -> bool:
    """Whether a header's bracket holds a unit ("%", "Anzahl", "Einw. je km²"), not a part
    of the name ("0 bis 6 Jahre" is a unit word too: the name keeps brackets with digits).

    >>> looks_like_unit("in %"), looks_like_unit("Anzahl"), looks_like_unit("0–6 J.")
    (True, True, False)
    """
    text = " ".join(text.split())
    if not text or (re.search(r"\d", text) and not re.search(r"%|1\.000|1000|100", text)):
        return False
    first = text.casefold().split()[0].strip(".,:")
    return bool(RATE_WORDS.search(text) or first in COUNT_UNITS or UNIT_WORDS.search(text))


def split_header(header: str) -> tuple[str, str, int | None]:
    """An indicator column's header as (name, unit, year or None).

    >>> split_header("SGB-II-Quote %"), split_header("Anteil unter 18 (in %)")
    (('SGB-II-Quote', '%', None), ('Anteil unter 18', '%', None))
    >>> split_header("Einwohner 31.12.2022"), split_header("Kinder (0–6 J.) [Anzahl]")
    (('Einwohner', '', 2022), ('Kinder (0–6 J.)', 'Anzahl', None))
    >>> split_header("SGB-II-Quote 2022 p"), split_header("SGB-II-Quote % 2022 (vorläufig)")
    (('SGB-II-Quote', '', 2022), ('SGB-II-Quote', '%', 2022))
    """
    text = FOOTNOTE_MARK.sub("", " ".join(str(header).split()))
    unit, year = "", None
    for _ in range(2):  # "SGB-II-Quote 2022 (%)" and "SGB-II-Quote (%) 2022"
        if not unit and (match := UNIT_TAIL.search(text)):
            found = next(g for g in match.groups() if g is not None).strip()
            if match.group(3) or looks_like_unit(found):
                unit, text = found, text[: match.start()].rstrip(" ,")
        bare = MARK.sub("", text)  # "SGB-II-Quote 2022 p", "… 2022 (vorläufig)"
        if year is None and (match := HEADER_YEAR.search(bare)) and match.start() > 0:
            year, text = cell_year(match.group(1)), bare[: match.start()].rstrip(" ,")
    text = FOOTNOTE_MARK.sub("", text)
    return text, "%" if unit_key(unit) == "%" else unit, year


def is_value(cell: Any) -> bool:
    """Whether a cell holds a value as an indicator file writes it (a number, "12,3 %",
    "12,3 p", or a sign of the Zeichenerklärung)."""
    if isinstance(cell, bool):
        return False
    text = value_text(cell)
    if isinstance(text, str):
        text = text.strip().removesuffix("%").strip()
        if sign_of(text) is not None:
            return True
    try:
        parse_number(text)
    except ValueError:
        return False
    return True


def title_years(rows: Sequence[Sequence[Any]]) -> set[int]:
    """The years the lines above a table give ("Stand: 31.12.2022", "Sozialindikatoren
    2022"): the year of a reference date if there is one, else every year named.

    >>> title_years([["Sozialbericht 2023"], ["Stand: 31.12.2022"]]), title_years([["Daten 2021"]])
    ({2022}, {2021})
    >>> title_years([["Stand: 31.12.2022¹"]])
    {2022}
    """
    texts = [" ".join(str(c) for c in row if c is not None) for row in rows]
    dates = {int(y) for text in texts for y in DATE_YEAR.findall(text)}
    if dates:
        return dates
    return {int(y) for text in texts for y in BARE_YEAR.findall(text)}


def source_note(rows: Sequence[Sequence[Any]]) -> str:
    """The source a note above or below the table names ("Quelle: IT.NRW"), "" if none."""
    for row in rows:
        for cell in row:
            if cell is not None and (match := SOURCE_NOTE.match(str(cell))):
                return " ".join(match.group(1).split()).rstrip(";")
    return ""
