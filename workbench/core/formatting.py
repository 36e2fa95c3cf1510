"""German number formats and the words for missing metadata, for reports and apps alike.

Numbers: decimal comma, thousands point; in tables the signs of DIN 55301, which the
indicator import reads too: a number we do not have is ".", one that would say nothing
(an index of a count, the city against itself) "x" — never "–", which there means "exactly
zero". A text field with nothing in it (a note, a list of ids) is "–". Missing metadata is
named, never shown as ``nan``, ``<NA>``, ``None`` or an empty cell: a workshop without a
date is "ohne Datum", a statement without a Sozialraum "ohne Sozialraum", one without a
speaker role "ohne Rolle".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

MISSING_NUMBER = "."  # DIN 55301: Zahlenwert unbekannt oder geheim zu halten
NOT_APPLICABLE = "x"  # DIN 55301: Tabellenfach gesperrt, weil Aussage nicht sinnvoll
EMPTY_FIELD = "–"  # a text field with nothing in it; never a number's cell
SIGNS = {MISSING_NUMBER: "Zahlenwert unbekannt", NOT_APPLICABLE: "Aussage nicht sinnvoll"}
MISSING_DATE = "ohne Datum"
MISSING_DISTRICT = "ohne Sozialraum"
MISSING_ROLE = "ohne Rolle"
MISSING = "ohne Angabe"  # any other missing text (e.g. a workshop's format)
PLOTLY_SEPARATORS = ",."  # plotly's ``layout.separators``: decimal comma, thousands point
LOCAL_TIME = ZoneInfo("Europe/Berlin")  # the readers' clock for "Erstellt am …"

_GERMAN = str.maketrans({",": ".", ".": ","})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_missing(value: object) -> bool:
    """Whether ``value`` holds nothing: None, NaN, ``pd.NA``/``NaT`` or blank text.

    >>> import pandas as pd
    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, "  ", "", 0, "x")]
    [True, True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, float):  # numpy's float64 too
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, int):  # bool too: never missing
        return False
    # Only other values (pandas' NA and NaT, numpy scalars, dates) need pandas: a command
    # that formats numbers and words does not load it.
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, arrays: not a missing scalar
        return False


def format_number(value: object, decimals: int | None = None, sign: bool = False) -> str:
    """A number the German way, missing as "." (DIN 55301: unknown; "–" would be zero).

    ``decimals=None``: whole numbers without decimals, others with one.

    >>> format_number(17763.0), format_number(13.94), format_number(4.3, sign=True)
    ('17.763', '13,9', '+4,3')
    >>> format_number(15.0, decimals=1), format_number(0.5, 2), format_number(float("nan"))
    ('15,0', '0,50', '.')
    >>> import pandas as pd
    >>> format_number(pd.NA), format_number(None), format_number(-1234.56)
    ('.', '.', '-1.234,6')
    """
    if is_missing(value):
        return MISSING_NUMBER
    number = float(value)  # type: ignore[arg-type]
    if math.isinf(number):
        return MISSING_NUMBER
    places = (0 if number.is_integer() else 1) if decimals is None else decimals
    text = f"{number:+,.{places}f}" if sign else f"{number:,.{places}f}"
    return text.translate(_GERMAN)


def yes_no(flag: object) -> str:
    """A flag as German users read it in a table or CSV file: ``ja`` or ``nein``.

    >>> yes_no(True), yes_no(False), yes_no(None)
    ('ja', 'nein', 'nein')
    """
    return "nein" if is_missing(flag) or not flag else "ja"


def signs_note(cells: Iterable[object]) -> str:
    """The legend of the signs "." and "x" a table's ``cells`` show ("" if none): a reader
    of the printed table must not guess what they mean.

    >>> signs_note(["12,5", ".", "x (Anzahl)"])
    'Zeichen: . = Zahlenwert unbekannt, x = Aussage nicht sinnvoll.'
    >>> signs_note(["12,5", "."]), signs_note(["1", "–"])
    ('Zeichen: . = Zahlenwert unbekannt.', '')
    """
    shown = {(str(c).split() or [""])[0] for c in cells}  # "x (Anzahl: …)" too
    found = [f"{sign} = {meaning}" for sign, meaning in SIGNS.items() if sign in shown]
    return f"Zeichen: {', '.join(found)}." if found else ""


def plural(n: int, one: str, many: str) -> str:
    """``1 Workshop``, ``2 Workshops`` (German thousands separator).

    >>> plural(1, "Workshop", "Workshops"), plural(1200, "Aussage", "Aussagen")
    ('1 Workshop', '1.200 Aussagen')
    """
    return f"{format_number(n)} {one if n == 1 else many}"


def cut_text(text: str, limit: int) -> str:
    """``text`` cut before ``limit`` characters, without a mark (the caller adds one).

    The cut is at the end of a sentence in the last quarter, else at a word boundary not
    too far back, else inside the word; trailing spaces and punctuation go.

    >>> cut_text("Der Bus fährt abends viel zu selten", 20)
    'Der Bus fährt'
    """
    cut = text[:limit]
    sentence = max(cut.rfind(f"{mark} ") for mark in ".!?")
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if sentence >= limit * 0.75:
        cut = cut[: sentence + 1]
    elif space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" \n\t,;:–-")


def format_percent(share: object, decimals: int = 1) -> str:
    """A share (0–1) as German percent, missing as ".".

    >>> format_percent(0.125), format_percent(1), format_percent(0.5, 0), format_percent(None)
    ('12,5 %', '100,0 %', '50 %', '.')
    """
    if is_missing(share):
        return MISSING_NUMBER
    return f"{format_number(100 * float(share), decimals)} %"  # type: ignore[arg-type]


def decimals_for(*values: object) -> int:
    """0 if every (present) value is whole, else 1: numbers of one row look alike.

    >>> decimals_for(118.0, 100.0), decimals_for(21.5, 15.0, None)
    (0, 1)
    """
    present = [float(v) for v in values if not is_missing(v)]  # type: ignore[arg-type]
    return 0 if all(v.is_integer() for v in present) else 1


def value_places(*values: object) -> int:
    """The decimals stored values need (at most 3): 0 if every one is whole, else as many as
    the most exact has, at least 1. For a table's row of values as a statistics office wrote
    them: ``0,85`` beside ``0,92`` (not ``0,9`` beside ``0,9``), ``13,9`` beside ``15,0``.

    >>> value_places(118.0, 100.0), value_places(21.5, 15.0, None), value_places(0.85, 0.92)
    (0, 1, 2)
    >>> value_places(13.86554621), value_places(-0.075, 1)
    (3, 3)
    """
    present = [float(v) for v in values if not is_missing(v)]  # type: ignore[arg-type]
    places = 0
    for value in present:
        if not math.isfinite(value):
            continue
        needed = next((p for p in range(3) if math.isclose(round(value, p), value)), 3)
        places = max(places, needed)
    return places


def format_date(value: object) -> str:
    """A stored ISO date (``2024-05-03``) as ``03.05.2024``; missing as "ohne Datum".

    Anything else that was stored is shown as it is.

    >>> import pandas as pd
    >>> format_date("2024-05-03"), format_date(pd.NA), format_date("Mai 2024")
    ('03.05.2024', 'ohne Datum', 'Mai 2024')
    """
    if is_missing(value):
        return MISSING_DATE
    text = str(value).strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return f"{date.fromisoformat(text):%d.%m.%Y}"
        except ValueError:
            return text
    return text


def text_or(value: object, missing: str = MISSING) -> str:
    """``value`` as text, or the words for missing (``missing``) if it holds nothing.

    >>> import pandas as pd
    >>> text_or("Jugendhilfe", MISSING_ROLE), text_or(pd.NA, MISSING_ROLE), text_or(None)
    ('Jugendhilfe', 'ohne Rolle', 'ohne Angabe')
    """
    return missing if is_missing(value) else str(value).strip()


def local_date(moment: datetime) -> str:
    """The day a stored moment (UTC; SQLite gives it back naive) falls on for the readers,
    on the clock of "Erstellt am …" (:data:`LOCAL_TIME`), as "06.12.2026".

    >>> local_date(datetime(2026, 12, 5, 23, 4))  # 00:04 in Berlin: the next day
    '06.12.2026'
    >>> local_date(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    '01.07.2026'
    """
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return f"{moment.astimezone(LOCAL_TIME):%d.%m.%Y}"
