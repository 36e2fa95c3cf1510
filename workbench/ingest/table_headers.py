"""A survey tool's header rows below the first: the questions' labels or answer options.

Survey tools write more than one header row: SoSci Survey the variables' labels
(``CASE``, ``OF01_01`` above "Interview-Nummer", "Was fehlt?"), Qualtrics the question
texts and a row of import IDs (``Q1`` above "Was fehlt?" above ``{"ImportId":"QID1_TEXT"}``;
older exports without the import IDs), SurveyMonkey the answer options below the
questions ("Response", "Open-Ended Response", an option's label under each column of a
multiple-choice question, whose header cell is empty but for the first). These rows are
no answers: :func:`header_rows` finds them. LimeSurvey's headings "code. text" (export
option "Fragecode & Fragetext") are one row, their texts the labels. Labels are the
questions of their columns; a
SurveyMonkey option column is named "Frage [Option]" (as LimeSurvey's full-text export
names it: a district question's "[Other (please specify)]" is its free-text column).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from workbench.ingest.common import cell_text
from workbench.ingest.personal_columns import header_key

SOSCI = "SoSci Survey"
QUALTRICS = "Qualtrics"
SURVEYMONKEY = "SurveyMonkey"
LIMESURVEY = "LimeSurvey"

# SoSci Survey writes the variables' labels as a second header row: its header has these
# columns, and the label row's CASE cell is text ("Interview-Nummer (fortlaufend)").
_SOSCI_COLUMNS = frozenset(("SERIAL", "REF", "QUESTNNR", "MODE", "STARTED"))
_SOSCI_ITEM = re.compile(r":\s*\[\d+\]$")  # "Was fehlt?: [01]": a text input's item number
# Qualtrics: a row of {"ImportId": …} cells below the question texts; its response ID.
_IMPORT_ID = re.compile(r'^\{\s*"ImportId"\s*:')
_QUALTRICS_IDS = ("ResponseId", "ResponseID")
# LimeSurvey's headings "Fragecode & Fragetext": "G01Q02. Was fehlt Ihnen?", "id. Antwort ID".
_CODE_TEXT = re.compile(r"^([A-Za-z][A-Za-z0-9_]{0,19}(?:\[[^\]]*\])?)\. (\S.*)$", re.DOTALL)
_LIMESURVEY_META = frozenset(
    "id submitdate lastpage startlanguage seed startdate datestamp ipaddr refurl token".split()
)
_QUESTION_CODE = re.compile(r"^[A-Za-z]+\d")
# SurveyMonkey's second row under a question with one answer column (header_key).
_RESPONSE = frozenset(("response", "openendedresponse", "antwort", "offeneantwort"))


# SoSci Survey codes every valid answer as a positive number; a negative one is a missing
# code: -9 "nicht beantwortet", -1 "keine Angabe" (the option to evade), -2 … -8 likewise.
_SOSCI_MISSING = re.compile(r"^-[1-9](?:\.0+)?$")

_LABEL_LENGTH = 60  # a header cell is a short label


def _filled(cells: Sequence[Any]) -> list[Any]:
    return [c for c in cells if c is not None and str(c).strip()]


def header_under_title(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], within: int
) -> int | None:
    """The index in ``records`` of a sheet's header row when its first row is a title
    alone ("Stadtteilwerkstatt Manfort, 12.3.2021" in the first cell, the others empty):
    the first row of two cells or more within ``within``, if lines of one cell or none
    ("Datum: 12.3.2021", an empty line) set it apart from the title (else the title may be
    a header with one name, "Notizen;;", over its rows), it holds short, distinct labels
    that no row below fills more of, and the rows below mostly fill two cells or more (a
    table, not Mentimeter's questions one below the other). Else None."""
    if len(header) < 2 or len(_filled(header)) != 1:
        return None
    for index, (_, cells) in enumerate(records[:within]):
        labels = _filled(cells)
        if len(labels) < 2:
            continue  # a line of the title block
        distinct = len(set(map(str, labels))) == len(labels)
        short = all(isinstance(c, str) and len(c.strip()) <= _LABEL_LENGTH for c in labels)
        below = [n for _, f in records[index + 1 : index + 1 + within] if (n := len(_filled(f)))]
        table = sum(n >= 2 for n in below) > len(below) / 2  # not Mentimeter's single cells
        if index and distinct and short and below and table and max(below) <= len(labels):
            return index
        return None
    return None


@dataclass(frozen=True)
class HeaderRows:
    """A table's header after its survey tool's further header rows, and what they said."""

    header: list[str]
    labels: dict[str, str] = field(default_factory=dict)  # column → its question
    rows: int = 0  # header rows below the first (not answers)
    tool: str | None = None

    def answers(
        self, records: Sequence[tuple[int, Sequence[Any]]]
    ) -> tuple[list[tuple[int, list[Any]]], int]:
        """The rows below the header rows; in a SoSci Survey export with its missing codes
        (-1 … -9) as empty cells, and how many there were: no statement, no attribute (an
        age of -9). Other tables' "-1" stays (a card is written by hand).

        >>> sosci = HeaderRows(["CASE", "A102", "A103", "OF01"], {}, 1, SOSCI)
        >>> labels = (2, ["Nr", "Alter", "Geschlecht", "Was fehlt?"])
        >>> sosci.answers([labels, (3, [31, -9, "-1", "Ein Café"])])
        ([(3, [31, None, None, 'Ein Café'])], 2)
        >>> HeaderRows(["Text"]).answers([(2, ["-1"])])
        ([(2, ['-1'])], 0)
        """
        if self.tool != SOSCI:
            return [(row, list(cells)) for row, cells in records[self.rows :]], 0
        rows = records[self.rows :]
        found = sum(bool(_SOSCI_MISSING.match(cell_text(c))) for _, cells in rows for c in cells)
        return [
            (r, [None if _SOSCI_MISSING.match(cell_text(c)) else c for c in cells])
            for r, cells in rows
        ], found


def _labels(header: Sequence[str], cells: Sequence[Any]) -> dict[str, str]:
    """Column → label of a label row (empty labels left out)."""
    return {c: cell_text(v) for c, v in zip(header, cells, strict=False) if c and cell_text(v)}


def _sosci(header: Sequence[str], cells: Sequence[Any]) -> bool:
    if "CASE" not in header or not _SOSCI_COLUMNS & set(header):
        return False
    place = list(header).index("CASE")
    case = cells[place] if place < len(cells) else None
    return not (case is None or isinstance(case, int | float) or cell_text(case).isdigit())


def _import_ids(cells: Sequence[Any]) -> bool:
    return any(_IMPORT_ID.match(cell_text(c)) for c in cells)


def _qualtrics_labels(header: Sequence[str], cells: Sequence[Any]) -> bool:
    """Whether a row under a Qualtrics header labels it (an older export: no import IDs)."""
    place = next((i for i, c in enumerate(header) if c in _QUALTRICS_IDS), None)
    if place is None or place >= len(cells):
        return False
    return header_key(cell_text(cells[place])) == "responseid"


def _surveymonkey(header: Sequence[str], cells: Sequence[Any]) -> bool:
    """Whether a row names the answers of SurveyMonkey's questions above it: its first cell
    is empty (a response has its ID there) and a cell says "Open-Ended Response", or one
    says "Response" below a header with empty cells (a question's further options)."""
    if not header or not header[0] or not cells or cell_text(cells[0]):
        return False
    said = {header_key(cell_text(c)) for c in cells} & _RESPONSE
    return bool(said - {"response", "antwort"}) or (bool(said) and "" in header)


def _options(header: Sequence[str], cells: Sequence[Any]) -> list[str]:
    """SurveyMonkey's two header rows as one: the question, or "question [option]"."""
    merged, question = [], ""
    for place, column in enumerate(header):
        question = column or question
        option = cell_text(cells[place]) if place < len(cells) else ""
        plain = not option or header_key(option) in _RESPONSE
        merged.append(column if plain else f"{question} [{option}]".strip())
    return merged


def _code_texts(header: Sequence[str]) -> dict[str, str]:
    """Column → question of LimeSurvey's headings "code. text" (nearly every heading so, the
    codes different, LimeSurvey's own columns or two question codes as "G01Q02"); else empty.

    >>> _code_texts(["id. Antwort ID", "G01Q01. Wo?", "G01Q02. Was fehlt?"])["id. Antwort ID"]
    'Antwort ID'
    >>> _code_texts(["Nr. der Karte", "Text", "Sozialraum"])
    {}
    """
    found = {h: m for h in header if h and (m := _CODE_TEXT.match(h))}
    codes = [m.group(1) for m in found.values()]
    named = [h for h in header if h]
    if len(found) < max(3, 0.8 * len(named)) or len(set(codes)) < len(codes):
        return {}
    if not _LIMESURVEY_META.intersection(codes) and sum(map(_QUESTION_CODE.match, codes)) < 2:
        return {}
    return {h: m.group(2).strip() for h, m in found.items()}


def header_rows(header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]]) -> HeaderRows:
    """A survey tool's further header rows under ``header`` (none: ``rows`` is 0).

    >>> found = header_rows(["CASE", "MODE", "OF01"], [(2, ["Nummer", "Modus", "Was fehlt?"])])
    >>> found.rows, found.labels["OF01"], found.tool
    (1, 'Was fehlt?', 'SoSci Survey')
    >>> rows = [(2, ["", "Response", "Bibliothek", "Kita"]), (3, ["7", "Opladen", "", "Kita"])]
    >>> header_rows(["Respondent ID", "Stadtteil", "Angebote", ""], rows).header
    ['Respondent ID', 'Stadtteil', 'Angebote [Bibliothek]', 'Angebote [Kita]']
    """
    header = list(header)
    first = list(records[0][1]) if records else []
    second = list(records[1][1]) if len(records) > 1 else []
    if first and _sosci(header, first):
        labels = {c: _SOSCI_ITEM.sub("", label) for c, label in _labels(header, first).items()}
        return HeaderRows(header, labels, 1, SOSCI)
    if second and _import_ids(second):
        return HeaderRows(header, _labels(header, first), 2, QUALTRICS)
    if first and _qualtrics_labels(header, first):
        return HeaderRows(header, _labels(header, first), 1, QUALTRICS)
    if _surveymonkey(header, first):
        return HeaderRows(_options(header, first), {}, 1, SURVEYMONKEY)
    if labels := _code_texts(header):
        return HeaderRows(header, labels, 0, LIMESURVEY)
    return HeaderRows(header)


def by_label(column: str | None, header: Sequence[str], labels: Mapping[str, str]) -> str | None:
    """A column given by its label (a question text) as the column it labels, if one does;
    else as given.

    >>> by_label("Was fehlt?", ["Q1", "Q2"], {"Q1": "Was fehlt?"}), by_label("Q2", ["Q2"], {})
    ('Q1', 'Q2')
    """
    if column is None or column in header:
        return column
    found = [c for c, label in labels.items() if label == column.strip()]
    return found[0] if len(found) == 1 else column


_COLUMN_FIELDS = (  # a mapping's fields naming one column (table.TableMapping), or several
    "text_column title_column id_column district_column workshop_column question_column "
    "role_column code_column"
).split()
_COLUMNS_FIELDS = ("more_text_columns", "attribute_columns")
TableMapping = TypeVar("TableMapping")  # table.TableMapping (which imports this module)


def mapping_by_labels(
    mapping: TableMapping, header: Sequence[str], labels: Mapping[str, str]
) -> TableMapping:
    """A column mapping with columns given by their label (a question text of Qualtrics or
    SoSci Survey) named as the columns they label ("Q1", "OF01_01")."""
    if not labels:
        return mapping

    changed: dict[str, Any] = {
        key: by_label(getattr(mapping, key), header, labels) for key in _COLUMN_FIELDS
    }
    for key in _COLUMNS_FIELDS:
        names = getattr(mapping, key)
        changed[key] = None if names is None else tuple(by_label(c, header, labels) for c in names)
    return replace(mapping, **changed)  # type: ignore[type-var]


def header_notice(tool: str, rows: int) -> str:
    """What the import said of a survey tool's further header rows."""
    if tool == LIMESURVEY:
        return (
            "Spaltenköpfe 'Fragecode. Fragetext' (LimeSurvey): die Fragetexte sind die Fragen "
            "(--text-column nimmt den Spaltenkopf oder den Fragetext)."
        )
    if tool == SURVEYMONKEY:
        return (
            "Zweite Kopfzeile (Antwortoptionen, SurveyMonkey) nicht als Antwort gelesen; "
            "Spalten einzelner Antwortoptionen heißen 'Frage [Option]'."
        )
    what = "Fragetexte und Import-IDs" if rows > 1 else "Fragetexte"
    what = "Beschriftungen der Variablen" if tool == SOSCI else what
    where = "Zeilen 2 und 3" if rows > 1 else "Zweite Kopfzeile"
    return (
        f"{where} ({what}, {tool}) nicht als Antwort gelesen; die Beschriftungen sind die "
        "Fragen (--text-column nimmt den Spaltennamen oder die Beschriftung)."
    )
