"""Small helpers shared by the importers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment

if TYPE_CHECKING:
    from workbench.core.textio import RawFile

_ROLE = re.compile(
    r"^\*\*(?P<role>[^*\n]{1,80}?)\s*:\s*\*\*\s*(?P<text>.*)$|"
    r"^\*\*(?P<role2>[^*\n]{1,80}?)\*\*\s*:\s*(?P<text2>.*)$",
    re.S,
)


def role_and_text(statement: str) -> tuple[str | None, str]:
    """Split a leading bold speaker role (``**Rolle:** Text``) off a statement.

    >>> role_and_text("**Jugendhilfe:** JuZ seit März zu")
    ('Jugendhilfe', 'JuZ seit März zu')
    >>> role_and_text("Kein WLAN")
    (None, 'Kein WLAN')
    """
    match = _ROLE.match(statement)
    if not match:
        return None, statement.strip()
    role = match.group("role") or match.group("role2")
    text = match.group("text") if match.group("role") else match.group("text2")
    return role.strip(), text.strip()


# Month names and abbreviations (German, and English as templates write them) → number
MONTH_NUMBERS = {
    "jan": 1, "januar": 1, "jänner": 1, "feb": 2, "februar": 2, "mär": 3, "märz": 3,
    "maerz": 3, "mrz": 3, "apr": 4, "april": 4, "mai": 5, "jun": 6, "juni": 6, "jul": 7,
    "juli": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10,
    "oktober": 10, "nov": 11, "november": 11, "dez": 12, "dezember": 12,
    # English, as a template or a calendar writes it into a German protocol
    "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7,
    "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip
_DAY_NAME = (
    r"(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?"
)
# A weekday before a date, also the two of a weekend workshop ("Sa./So., 3./4. März 2021")
_WEEKDAY = re.compile(
    rf"^(?:{_DAY_NAME}(?:\s*(?:/|[-–—]|und|u\.)\s*{_DAY_NAME})?,?\s+)?(?:den\s+)?", re.I
)
# A month without its day ("März 2021", "03/2021", "2021-03"): no workshop's date
_MONTH_ONLY = re.compile(r"^(?:([^\W\d_]+)\.?(?:\s*\d{4})?|\d{1,2}\s*[./]\s*\d{4}|\d{4}-\d{1,2})$")
_LONG_DATE = re.compile(r"^(\d{1,2})\.?\s*([^\W\d_]+)\.?,?\s+(\d{4})$")
_MONTH_FIRST = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")  # "March 3, 2021"
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")
# An ISO date, with a time after it too ("2021-03-03T18:00", "2021-03-03 18:00:00")
_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
# A time (range) after a date: "18.03.2021, 17:00–19:30 Uhr", "12.03.2021 ab 18 Uhr",
# "03.03.2021 – 18 Uhr"; never the end of the year ("2021 – 18 Uhr" is not "20" and a time)
_TIME = re.compile(
    r"(?:[,;]|\s[-–—])?\s*(?:(?:von|ab|um)\s+)?(?<![\d.])(?<!\d-)\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr)?"
    r"(?:\s*(?:[-–—]|bis)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr)?)?\s*$",
    re.I,
)


# The first day of a range of days before a date: "3./4. März 2021", "3.–4.3.2021",
# "03.03.–04.03.2021", "3. und 4. März 2021" (a workshop over two days)
_FIRST_DAY = re.compile(
    r"^(?P<day>\d{1,2})\.(?:(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})?)?"
    rf"\s*(?:/|[-–—]|bis|und|u\.)\s*(?:den\s+)?(?P<rest>(?:{_DAY_NAME},?\s*)?\d.*)$",
    re.I,
)


class _NoSuchDay(ValueError):
    """A date written as one that does not exist ("31.02.2021")."""


def _full_year(year: int) -> int:
    """A two-digit year in full as POSIX and Python's ``%y`` read it: 00–68 are 20xx, 69–99
    19xx ("3.3.99" is 1999, not a workshop in 2099; "3.3.28" is 2028, which the import then
    names as a date in the future, not a silent 1928); a four-digit year as it is.

    >>> _full_year(21), _full_year(28), _full_year(68), _full_year(69), _full_year(99)
    (2021, 2028, 2068, 1969, 1999)
    """
    if year >= 100:
        return year
    return 2000 + year if year <= 68 else 1900 + year


def _german_date(text: str) -> date | None:
    """A German date: "25.3.21", "25. März 2021", "Montag, den 25. Mär. 2021", "25 Maerz
    2021" (also English: "March 25, 2021", "Thu, 25 March 2021"; ISO with a time after it);
    of a range of days ("3./4. März 2021") the first. A date that does not exist raises
    :class:`_NoSuchDay`."""
    text = _WEEKDAY.sub("", text.strip())
    ranged = _FIRST_DAY.match(text)
    last = _german_date(ranged["rest"]) if ranged else None
    if ranged and last is not None:
        month = int(ranged["month"] or last.month)
        year = int(ranged["year"]) if ranged["year"] else last.year
        try:
            first = date(_full_year(year), month, int(ranged["day"]))
        except ValueError:
            raise _NoSuchDay from None
        if first <= last or ranged["year"]:
            return first if first <= last else None
        # over the turn of the year ("30.12.–2.1.2022"); else no range ("10.–2.3.2021")
        return first.replace(year=last.year - 1) if (month, last.month) == (12, 1) else None
    for candidate in (text, _TIME.sub("", text, count=1).strip()):
        numeric = _NUMERIC_DATE.match(candidate)
        long = _LONG_DATE.match(candidate)
        month_first = _MONTH_FIRST.match(candidate)
        iso = _ISO_DATE.match(candidate)
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
        elif long and long[2].lower() in MONTH_NUMBERS:
            day, month, year = int(long[1]), MONTH_NUMBERS[long[2].lower()], int(long[3])
        elif month_first and month_first[1].lower() in MONTH_NUMBERS:
            month = MONTH_NUMBERS[month_first[1].lower()]
            day, year = int(month_first[2]), int(month_first[3])
        elif iso:
            year, month, day = (int(g) for g in iso.groups())
        else:
            continue
        try:
            return date(_full_year(year), month, day)
        except ValueError:
            raise _NoSuchDay from None
    return None


def normalise_date(value: object, filename: str) -> str:
    """Return an ISO date (YYYY-MM-DD) from ISO or German dates or date values.

    German dates: "25.03.2021", "25.3.21", "25. März 2021" (also "Mär.", "Maerz",
    "Montag, 25. März 2021"); a time after it ("18.03.2021, 17:00–19:30 Uhr") is left out;
    a workshop over two days ("3./4. März 2021", "3.–4.3.2021") has its first day. English
    month names ("3 March 2021", "March 3, 2021") and an ISO date with its time are read too.

    >>> [normalise_date(v, "p.docx") for v in ("25. März 2021", "Mo., 5.4.21", "1.2.2021 18 Uhr")]
    ['2021-03-25', '2021-04-05', '2021-02-01']
    >>> normalise_date("3./4. März 2021", "p.docx"), normalise_date("30.12.–2.1.2022", "p.docx")
    ('2021-03-03', '2021-12-30')
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        pass
    try:
        found = _german_date(text)
    except _NoSuchDay:
        raise InputError(
            f"Datum '{text}' nicht erkannt: diesen Tag gibt es nicht (Tag oder Monat vertippt?).",
            file=filename,
        ) from None
    if found is not None:
        return found.isoformat()
    month = _MONTH_ONLY.match(_WEEKDAY.sub("", text))
    if month and (not month[1] or month[1].lower() in MONTH_NUMBERS):
        raise InputError(
            f"Datum '{text}' nennt keinen Tag: bitte den Tag des Workshops angeben "
            "(z. B. „3. März 2021“ oder 03.03.2021).",
            file=filename,
        )
    raise InputError(
        f"Datum '{text}' nicht erkannt (erwartet JJJJ-MM-TT, TT.MM.JJJJ oder „25. März 2021“).",
        file=filename,
    )


# A date in a file's name or a title: "2021-03-03_Manfort.docx", "Protokoll_03.03.2021.pdf",
# "Stadtteilkonferenz 3. März 2021" (a four-digit year: "Runde 2.3" is no date)
_DATES_IN_NAME = (
    re.compile(r"(?<![\d])(\d{4})[-_](\d{2})[-_](\d{2})(?![\d])"),
    re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])"),
    re.compile(r"(?<![\d.])(\d{1,2})\.?[\s_]*([^\W\d_]{3,9})\.?[\s_]+(\d{4})(?![\d])"),
)


def date_in_name(name: str) -> str | None:
    """The ISO date a file's name or a title gives, if it gives exactly one, else None.

    >>> date_in_name("2021-03-03_Manfort.docx"), date_in_name("Protokoll_Manfort_03.03.2021.pdf")
    ('2021-03-03', '2021-03-03')
    >>> date_in_name("Workshop 3. März 2021"), date_in_name("Runde 2.3 (Entwurf)")
    ('2021-03-03', None)
    """
    found = set()
    for number, pattern in enumerate(_DATES_IN_NAME):
        for match in pattern.finditer(name):
            first, middle, year = match.groups()
            month = MONTH_NUMBERS.get(middle.lower()) if number == 2 else int(middle)
            day, year = (int(year), int(first)) if number == 0 else (int(first), int(year))
            try:
                found.add(date(year, month or 0, day).isoformat())
            except ValueError:
                continue
    return found.pop() if len(found) == 1 else None


PROTOCOL_IMPORTERS = ("markdown", "docx", "odt", "pdf")  # RTF is read as markdown


def date_of_title_or_name(title: str | None, filename: str) -> tuple[str, str] | None:
    """For a protocol without "Datum:": where its date stands ("Titel", "Dateinamen") and
    the ISO date, the title first; None if neither gives exactly one.

    >>> date_of_title_or_name("Stadtteilkonferenz", "Protokoll_2025-05-20.md")
    ('Dateinamen', '2025-05-20')
    """
    where = (("Titel", title or ""), ("Dateinamen", filename))
    return next(((w, d) for w, text in where if (d := date_in_name(text))), None)


def date_notices(iso: str, dated: str | None) -> tuple[str, ...]:
    """Notices on a document's date: where it came from if not from "Datum:" (``dated``:
    "Titel", "Dateinamen"), and one in the future (a protocol records what happened).

    >>> date_notices("2099-03-03", None)
    ('Datum 03.03.2099 liegt in der Zukunft: bitte das Datum prüfen (Jahr vertippt?).',)
    """
    day = ".".join(reversed(iso.split("-")))
    notices = [f"Datum {day}: aus dem {dated} erkannt (im Protokoll steht kein „Datum:“)."]
    if iso > date.today().isoformat():
        notices.append(
            f"Datum {day} liegt in der Zukunft: bitte das Datum prüfen (Jahr vertippt?)."
        )
    return tuple(notices[0 if dated else 1 :])


def add_statement(
    segments: list[ParsedSegment],
    text: str,
    question: str | None,
    row: int,
    role: str | None = None,
    attributes: Mapping[str, str] | None = None,
) -> None:
    """Append a protocol's next statement (numbered 1, 2, … in document order)."""
    segments.append(
        ParsedSegment(
            text=text,
            source_id=str(len(segments) + 1),
            question=question,
            speaker_role=role,
            row=row,
            attributes=dict(attributes or {}),
        )
    )


def protocol_result(
    raw: RawFile, segments: list[ParsedSegment], importer: str, **fields: Any
) -> ParsedDocument:
    """A protocol's :class:`ParsedDocument` (``raw`` its file); none without statements."""
    if not segments:
        raise InputError("Das Protokoll enthält keine Aussagen.", file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=importer,
        segments=tuple(segments),
        **fields,
    )


def cell_text(cell: Any) -> str:
    """A table cell as stripped text ("" for none).

    >>> cell_text(None), cell_text(" Opladen "), cell_text(3)
    ('', 'Opladen', '3')
    """
    return "" if cell is None else str(cell).strip()


def cell_at(fields: Sequence[Any], index: int | None) -> str:
    """A row's cell at ``index`` as stripped text ("" for no index or a short row)."""
    return "" if index is None or index >= len(fields) else cell_text(fields[index])


def unique_ids(records: Sequence[tuple[int, Sequence[Any]]], index: int) -> bool:
    """Whether every row with text (``records``: row number, cells) has a value at
    ``index`` and none repeats: a column the statements' IDs can come from.

    >>> unique_ids([(2, ["7", "Bänke"]), (3, ["", ""]), (4, ["9", "Licht"])], 0)
    True
    >>> unique_ids([(2, ["7", "Bänke"]), (3, ["7", "Licht"])], 0), unique_ids([], 0)
    (False, False)
    """
    values = [cell_at(cells, index) for _, cells in records if any(map(cell_text, cells))]
    return bool(values) and all(values) and len(set(values)) == len(values)


_INT = re.compile(r"^-?(?:0|[1-9]\d{0,17})$")
_FLOAT = re.compile(r"^-?(?:0|[1-9]\d*)\.\d+$")


def attribute_value(cell: Any) -> Any:
    """A cell as an attribute value: ints and decimals as numbers, a date as ``2021-03-12``
    (with its time only if it has one, as Excel stores dates as midnight), else text.

    >>> attribute_value("12"), attribute_value(datetime(2021, 3, 12)), attribute_value(" ja ")
    (12, '2021-03-12', 'ja')
    >>> attribute_value(datetime(2021, 3, 12, 18, 30)), attribute_value(date(2021, 3, 12))
    ('2021-03-12 18:30', '2021-03-12')
    """
    if cell is None:
        return None
    if isinstance(cell, datetime):
        if (cell.hour, cell.minute, cell.second, cell.microsecond) == (0, 0, 0, 0):
            return cell.date().isoformat()
        spec = "minutes" if not (cell.second or cell.microsecond) else "seconds"
        return cell.isoformat(sep=" ", timespec=spec)
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, int | float):
        return cell
    text = str(cell).strip()
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def fill_template(template: str | None, path: Path) -> str | None:
    """Replace ``{stem}`` and ``{parent}`` in a fixed value by the file's name parts."""
    if template is None:
        return None
    return template.replace("{stem}", path.stem).replace("{parent}", path.parent.name)


def text_sha(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes (how documents are compared by content)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
