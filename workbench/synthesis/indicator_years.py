"""The year of a cell of an indicator file, as statistics offices write it.

A year (2020), a reference date ("Stichtag 31.12.2020", as text, ISO date or Excel date) or
a school year ("2020/21", "2020/2021"): school statistics count in autumn, so a school year
is its first year, and a series of school years lines up with the calendar years.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

FIRST, LAST = 1900, 2100  # the years an indicator file may name (a projection too)

# A year, the reference date of a census ("Stichtag 31.12.2020", as text or ISO date) or a
# school year ("2020/21", "2020/2021": school statistics count in autumn, its first year)
YEAR = re.compile(
    r"(?:\d{1,2}\.\d{1,2}\.)?(\d{4})|(\d{4})-\d{2}-\d{2}(?: 00:00:00)?"
    r"|(\d{4})\s*/\s*(\d{2}|\d{4})"
)

# a mark after a year, as a table's header writes it: a footnote ("2022¹", "2022*",
# "2022 1)") or a mark of DIN 55301 for the whole column ("2022 p", "2022 (vorläufig)")
MARK = re.compile(
    r"(?:\s*[\u00b9\u00b2\u00b3\u2070-\u2079*]+|\s+[prsPRS]|\s+\d\)"
    r"|\s*\((?:[prs]|vorl(?:äufig|\.)?|geschätzt|berichtigt)\))$",
    re.IGNORECASE,
)


def cell_year(cell: Any) -> int:
    """The year of a cell: 2020, "2020", a reference date "31.12.2020", an Excel date or
    the first year of a school year "2020/21".

    >>> cell_year(2020.0), cell_year("31.12.2020"), cell_year(date(2021, 6, 30))
    (2020, 2020, 2021)
    >>> cell_year("2019-12-31"), cell_year("2020/21"), cell_year("2019 / 2020")
    (2019, 2020, 2019)
    >>> cell_year("2022¹"), cell_year("31.12.2021*"), cell_year("2022 p")
    (2022, 2021, 2022)
    >>> cell_year("2022 (vorläufig)"), cell_year("2021 (vorl.)")
    (2022, 2021)
    """
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    if isinstance(cell, date):  # an Excel date cell (datetime is a date)
        return cell.year
    match = YEAR.fullmatch(MARK.sub("", str(cell or "").strip()))
    if match is None:
        raise ValueError(cell)
    if match.group(3):  # a school year: the second year follows the first ("2020/22" is not)
        first, second = int(match.group(3)), match.group(4)
        if int(second) != (first + 1 if len(second) == 4 else (first + 1) % 100):
            raise ValueError(cell)
        return first
    return int(match.group(1) or match.group(2))
