"""A table's district column: answers that mean "another or no district" and the survey's
free-text column beside it ("Stadtteil [other]", "Sonstiges, und zwar").

Survey tools code "another district" as an answer of its own (LimeSurvey: "-oth-", its
full-text export "Sonstiges") and put what was typed into a column of its own; "keine
Angabe" or "weiß nicht" name no district either. Such a row is a statement without
Sozialraum (stored city-wide, as a row with an empty district cell), not an unknown
district: unless the free text names one of the project's districts (same name without
case, or one of its words: "Leverkusen-Opladen" → "Opladen"), which is then the row's.
The free-text column stays an attribute of the row, as every unmapped column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.ingest.common import cell_at
from workbench.ingest.nfc_view import composed
from workbench.ingest.personal_columns import header_key
from workbench.ingest.table_missing import is_no_answer
from workbench.store.district_spelling import (
    ambiguous_twins,
    district_name,
    meant_district,
    misspelt_district,
    twins_meant,
)

# Answers of a district question (see personal_columns.header_key) that name no district.
NO_DISTRICT = frozenset(
    """oth other others sonstiges sonstige sonstiger sonstigesundzwar sonstigeundzwar andere
    anderer anderes andererstadtteil anderesviertel andererortsteil andererbezirk
    anderessozialraum andererort andereort woanders keiner keine kein keinangabe keineangabe
    keineangaben keinestadtteil keinstadtteil weissnicht weissichnicht keineahnung unbekannt
    none unknown ausserhalb""".split()
)
# Headers (header_key, after the district column's own header if they repeat it) of the
# free-text column beside a district question: LimeSurvey's "Stadtteil [other]" (its
# full-text export "[Sonstiges]"), a form's "Sonstiges, und zwar:", Qualtrics' "_4_TEXT".
OTHER_HEADERS = frozenset(
    """other othertext otherpleasespecify text freitext sonstiges sonstige sonstigesundzwar
    sonstigeundzwar sonstigerstadtteil andere anderer anderes andererstadtteil undzwar
    bitteangeben bittenennen welcher welches""".split()
)
_BRACKETS = re.compile(r"^[\s:,;_\-–]*[(\[]\s*(.*?)\s*[)\]]\s*$")


def is_no_district(value: str) -> bool:
    """Whether a district cell means "another" or "no district" ("-oth-", "Sonstiges",
    "Anderer Stadtteil", "keine Angabe", "weiß nicht", "k. A.").

    >>> [is_no_district(v) for v in ("-oth-", "Sonstige", "weiß nicht", "Opladen")]
    [True, True, True, False]
    """
    return is_no_answer(value) or header_key(value) in NO_DISTRICT


def _other_header(rest: str) -> bool:
    """Whether a header (or what follows the district column's header in it) is that of a
    free-text "other" answer: "[other]", "[Sonstiges]", "Sonstiges, und zwar:"."""
    inner = _BRACKETS.match(rest)
    return header_key(inner.group(1) if inner else rest) in OTHER_HEADERS


def other_column(header: Sequence[str], column: str) -> int | None:
    """The free-text column of a district question ``column``: a header that repeats it
    with "[other]", "[Sonstiges]", … after it, else the next column if its header is one.

    >>> other_column(["STADTTEIL", "STADTTEIL[other]", "ALTER"], "STADTTEIL")
    1
    >>> other_column(["Stadtteil", "Sonstiges, und zwar:", "Alter"], "Stadtteil")
    1
    >>> other_column(["Stadtteil", "Alter"], "Stadtteil") is None
    True

    A column headed "Text" alone is a card's statement, not the free text of its district
    ("Sozialraum | Text"): a card without district would take one its statement names.

    >>> other_column(["Sozialraum", "Text"], "Sozialraum") is None
    True
    """
    for place, other in enumerate(header):
        rest = other[len(column) :] if other.startswith(column) else ""
        if other != column and rest.strip() and _other_header(rest):
            return place
    place = list(header).index(column) + 1
    if place < len(header) and _other_header(header[place]):
        return place if header_key(header[place]) != "text" else None
    return None


def known_district(value: str, known: Sequence[str]) -> str | None:
    """The project's district a free text names: the same without case, or one of its
    words ("Leverkusen-Opladen" → "Opladen"), if exactly one is.

    >>> known_district("opladen", ["Opladen"]), known_district("Köln", ["Opladen"])
    ('Opladen', None)
    """
    if (exact := composed(value).strip()) in known:  # "OPLADEN" beside its twin "Opladen"
        return exact
    folded = exact.casefold()  # "ü" from a Mac: "u" and a mark
    same = [k for k in known if composed(k).strip().casefold() == folded]
    return same[0] if len(same) == 1 else None if same else meant_district(value, known)


@dataclass
class DistrictCells:
    """Reads a table's district per row and counts what it read in its own way.

    ``known`` are the project's districts (``None``: not given, a free text is then never
    a district).
    """

    column: int | None
    other: int | None
    known: tuple[str, ...] | None
    no_district: int = 0  # rows whose district means "another" or "none"
    from_other: int = 0  # … of which the free text names a district of the project
    unmatched: int = 0  # … of which the free text names none (or was not checked)
    empty: int = 0  # rows with an empty district cell (and no free text)
    other_header: str = ""  # the free-text column's header, for a message

    @classmethod
    def of(
        cls, header: Sequence[str], column: str | None, known: Sequence[str] | None
    ) -> DistrictCells:
        """The district cells of a table whose district column is ``column`` (or none)."""
        if column is None:
            return cls(None, None, None)
        known = None if known is None else tuple(known)
        other = other_column(header, column)
        named = "" if other is None else header[other]
        return cls(list(header).index(column), other, known, other_header=named)

    def read(
        self,
        fields: Sequence[Any],
        blank: Callable[[Sequence[Any]], str | None] | None = None,
        file: str | None = None,
        row: int | None = None,
    ) -> str | None:
        """A row's district: its cell, none for "another"/"no district" (or the project's
        district the free text beside it names); for an empty cell (or without a district
        column) the district ``blank`` reads from the row (its point on the map). A free
        text that means an older project's twins in a third spelling ("opladen" beside
        "Opladen" and "OPLADEN") raises, naming ``file``, ``row`` and the column, as the
        district column's cell does (the import does not guess which)."""
        value = cell_at(fields, self.column)
        free = cell_at(fields, self.other)
        if value and not is_no_district(value):
            return value
        if not value and not free:
            found = None if blank is None else blank(fields)
            self.empty += self.column is not None and found is None
            return found
        self.no_district += 1
        if free and not is_no_district(free):
            if self.known and (twins := twins_meant(free, self.known)):
                field = f"Spalte {self.other_header}"
                raise ambiguous_twins(district_name(free), twins, file, [row], field)
            found = known_district(free, self.known) if self.known else None
            self.from_other += found is not None
            self.unmatched += found is None
            return found
        return None

    def options(self, header: Sequence[str]) -> dict[str, Any]:
        """What the document's options record of it (see ``table_rows.reading_notices``):
        rows stored without district, rows whose district the free text gave, rows whose
        free text names no district of the project, and whether it was checked (the
        project's districts given); rows whose district cell is empty."""
        out: dict[str, Any] = {"empty_district_rows": self.empty} if self.empty else {}
        if not self.no_district:
            return out
        out["no_district_rows"] = self.no_district - self.from_other
        if self.other is not None:
            out["district_other_column"] = header[self.other]
            out["district_from_other"] = self.from_other
            out["district_other_unmatched"] = self.unmatched
            out["district_other_checked"] = self.known is not None
        return out


# Header words (``header_key``) of a column that may hold a row's district: "Stadtteil",
# "In welchem Stadtteil wohnen Sie?" (Microsoft/Google Forms), "Sozialraum", "Quartier",
# "Wohnort", Decidim's "scope/name/de", Consul's "geozone".
DISTRICT_WORDS = (
    "sozialraum stadtteil quartier ortsteil ortschaft bezirk viertel kiez wohnort gebiet "
    "district neighbourhood neighborhood scope geozone"
).split()
DISTRICT_HEADERS = frozenset({"ort", "wo", "raum", "area", "location"})  # the whole header
# Whole headers that name a platform's area, not always a district: Consul's German
# "Rahmenbedingungen" (its geozone, "Scope of operation"), Decidim's German "Bereich" and
# "Geltungsbereich" (its scope), Berlin's "Planungsraum", Cologne's "Veedel". Such a column is
# the district column only when every value is one of the project's districts (or means
# none) and no column named for the district is one or holds other places: a "Bereich" of
# topics ("Verkehr") is neither a district column nor reported as unknown districts.
AREA_HEADERS = frozenset(
    "rahmenbedingungen bereich geltungsbereich planungsraum veedel nachbarschaft".split()
)


@dataclass(frozen=True)
class DistrictGuess:
    """A table's district column found without ``--district-column``, or why none was."""

    column: str | None = None
    unknown: dict[str, int] | None = None  # header → values that are no district of the project
    ambiguous: tuple[str, ...] = ()  # several columns hold only the project's districts
    coded: tuple[str, ...] = ()  # … of the unknown: columns holding answer codes ("A1")
    joined: tuple[str, ...] = ()  # … columns of several districts an answer ("A;B": Forms)


# An answer code of a survey exported without its answers' texts: LimeSurvey's "A1",
# "AO01", SoSci Survey's and Qualtrics' numbers.
_ANSWER_CODE = re.compile(r"^[A-Za-z]{0,3}\d{1,3}$")


def _unbracketed(text: str) -> str:
    """A header with its brackets as spaces: "Arbeitsort (Stadtteil)" names the district."""
    return re.sub(r"[()\[\]]", " ", text)


# "Wo wohnen Sie?", "Wo lebst du?": the question for the place one lives in, without a word
# for it (LimeSurvey, Google and Microsoft Forms).
_WHERE_LIVE = re.compile(r"^\s*wo\s+(?:wohn|leb)\w*\b", re.IGNORECASE)


def asks_district(column: str, label: str) -> bool:
    """Whether a header (or its label: a survey tool's question text) asks for the district.

    >>> asks_district("Wo wohnen Sie?", ""), asks_district("Wie wohnen Sie?", "")
    (True, False)
    """
    for text in filter(None, (column, label)):
        key = header_key(_unbracketed(text))
        if key in DISTRICT_HEADERS or any(w in key for w in DISTRICT_WORDS):
            return True
        if _WHERE_LIVE.match(_unbracketed(text)):
            return True
    return False


# A header that asks for the place ("In welchem Stadtteil wohnen Sie?", "Wo …?", "Welches
# Quartier?") or names it in a few words ("Stadtteil", "Wohnort (Stadtteil)"), rather than
# mentioning it ("Wie zufrieden sind Sie mit Ihrem Stadtteil?"): only its other answers are
# reported as places that are no districts of the project.
_ASKS_PLACE = re.compile(r"^\s*(?:(?:in|aus|zu)\s+welche[mnrs]?|wo|welche[mnrs]?)\b", re.I)


def _asks_place(column: str, label: str) -> bool:
    """Whether a district header asks for the place (not only mentions it).

    >>> _asks_place("In welchem Stadtteil wohnen Sie?", ""), _asks_place("Ortsteil", "")
    (True, True)
    >>> _asks_place("Wie zufrieden sind Sie mit Ihrem Stadtteil?", "")
    False
    """
    return any(
        _ASKS_PLACE.match(text) or len(_unbracketed(text).split()) <= 3
        for text in filter(None, (column, label))
    )


def _several(value: str, names: set[str]) -> bool:
    """Whether an answer names several of the project's districts ("Manfort;Opladen": a
    multiple choice of Google or Microsoft Forms).

    >>> _several("Manfort;Opladen", {"Manfort", "Opladen"}), _several("Manfort", {"Manfort"})
    (True, False)
    """
    parts = [p.strip() for p in re.split(r"[;,]", value) if p.strip()]
    return len(parts) > 1 and all(p in names for p in parts)


def find_district_column(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    known: Sequence[str],
    taken: set[str],
    labels: Mapping[str, str] | None = None,
    sections: Sequence[str] = (),
) -> DistrictGuess:
    """The column holding each row's district, if its header (or label: a survey tool's
    question text) says so and every answer in it is one of the project's districts
    (exactly as declared), a slip of one ("Manfrot": the import then stops and names its
    row) or means none ("Sonstiges", "keine Angabe"), at least one a district; nothing is
    guessed beyond that. A district question's free-text column
    ("Stadtteil [other]") is neither a second district column nor one of unknown districts.
    Without such a column, one of ``sections`` (a card wall's sections, found as its guiding
    questions) whose every value is a district of the project (or means none: "Sonstiges")
    is it: a Padlet wall with a section per district.

    >>> rows = [(2, ["Bänke", "Opladen"]), (3, ["Bus", "keine Angabe"])]
    >>> find_district_column(["Text", "Stadtteil"], rows, ["Opladen"], {"Text"}).column
    'Stadtteil'
    >>> find_district_column(["Text", "Stadtteil"], rows, ["Manfort"], {"Text"}).unknown
    {'Stadtteil': 1}
    >>> find_district_column(["Text", "SD01"], rows, ["Opladen"], set(), {"SD01": "Wohnort"})
    DistrictGuess(column='SD01', unknown=None, ambiguous=(), coded=(), joined=())
    """
    names = {composed(k).strip() for k in known}  # and values composed: "ü" from a Mac
    labels = labels or {}
    asked = [
        place
        for place, column in enumerate(header)
        if column and column not in taken and asks_district(column, labels.get(column, ""))
    ]
    beside = {other_column(header, header[p]) for p in asked}
    qualified: list[int] = []
    unknown: dict[str, int] = {}
    coded: list[str] = []
    joined: list[str] = []
    for place in (p for p in asked if p not in beside):
        values = {composed(cell_at(fields, place)) for _, fields in records} - {""}
        districts = values & names
        others = {v for v in values - districts if not is_no_district(v)}
        slips = {v for v in others if misspelt_district(v, tuple(names))}
        if districts and (not others or others == slips):
            qualified.append(place)  # slips ("Manfrot") stop the import with their rows
        elif others and _asks_place(header[place], labels.get(header[place], "")):
            unknown[header[place]] = len(others)
            if all(_ANSWER_CODE.match(v) for v in others):
                coded.append(header[place])
            elif all(_several(v, names) for v in others):
                joined.append(header[place])
    if len(qualified) == 1:
        return DistrictGuess(column=header[qualified[0]])
    if qualified:
        return DistrictGuess(ambiguous=tuple(header[p] for p in qualified))
    if not unknown:
        areas = _area_columns(header, records, names, taken | {header[p] for p in asked})
        if areas:
            return (
                DistrictGuess(column=areas[0])
                if len(areas) == 1
                else DistrictGuess(ambiguous=tuple(areas))
            )
    folded = {n.casefold() for n in names}
    for column in sections:
        place = list(header).index(column)
        values = {composed(cell_at(fields, place)) for _, fields in records} - {""}
        walls = {v for v in values if v.casefold() in folded}  # "Sonstiges" beside them: none
        if walls and all(v in walls or is_no_district(v) for v in values):
            return DistrictGuess(column=column)
    return DistrictGuess(unknown=unknown or None, coded=tuple(coded), joined=tuple(joined))


def _area_columns(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    names: set[str],
    taken: set[str],
) -> list[str]:
    """The columns headed as an area (:data:`AREA_HEADERS`) whose every value is one of
    the project's districts (``names``) or means none, at least one a district.

    >>> rows = [(2, ["Opladen", "Verkehr"]), (3, ["Manfort", "Umwelt"])]
    >>> _area_columns(["Rahmenbedingungen", "Bereich"], rows, {"Opladen", "Manfort"}, set())
    ['Rahmenbedingungen']
    """
    found = []
    for place, column in enumerate(header):
        if column in taken or header_key(column) not in AREA_HEADERS:
            continue
        values = {composed(cell_at(fields, place)) for _, fields in records} - {""}
        if values & names and all(v in names or is_no_district(v) for v in values):
            found.append(column)
    return found
