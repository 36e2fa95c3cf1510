"""People in a REFI-QDA project: person cases, person variables, names in names (pure).

The importer (:mod:`workbench.exchange.importer`) asks this module three things, with the
project's pseudonymiser (its key and protected words) but without touching the store:

- **Which named cases are people** (:func:`split_cases`). The workbench reads a named case
  as a Sozialraum; NVivo users make a case per interviewee ("Ayşe Demirtaş" with Alter,
  Geschlecht, Rolle). A case is a **Sozialraum** when its name is a district of the
  project. Otherwise it is a **person** when one of these holds: a person variable
  (:data:`PERSON_VARIABLES`: Alter, Geschlecht, Rolle, Funktion, Beruf, …); a
  classification variable or the first word of its description names people
  (:data:`PERSON_CLASSES`: "Person", "Teilnehmerin", "Interviewpartner", …); or the name
  reads as a person's name (the name recognition finds a person covering the whole name,
  with at least :data:`~workbench.ingest.pseudonymise.REVIEW_BELOW` confidence). Any
  other name is a new Sozialraum as before (refused, or declared with --add-districts).
  A person is never offered as a district; its statements get its pseudonym as speaker,
  its variables become their attributes, a Sozialraum variable naming a district of the
  project places what it covers when nothing else does, and a name that reads as a
  person's joins the name list (an unrecognisable one only becomes the speaker: listing
  "Gruppe Jugend" would take "Gruppe" out of every text).
- **Which variable values name people** (:func:`person_variables`): a variable of a
  person role (the table columns' rule,
  :func:`~workbench.ingest.personal_columns.is_role_column`: Moderation, Protokollant,
  Interviewer, …)
  holding a name is not the speaker but a person all the same: its value becomes that
  person's placeholder; any value that reads as a person's name joins the name list, so
  the writer's column rules and every text replace it.
- **Names in names** (:class:`NameGuard`): source names (the document's filename,
  workshop), descriptions, set names and the codebook's descriptions are pseudonymised
  like statements, with the file's name list and the people named in its texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from workbench.coding.codebook import CodeSpec
from workbench.core.domain import ParsedSegment
from workbench.ingest.line_labels import asking_roles
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import TITLES
from workbench.ingest.personal_columns import (
    NO_NAME,
    header_key,
    is_organisation,
    is_role_column,
    person_placeholder,
    person_role,
)
from workbench.ingest.pseudonymise import REVIEW_BELOW, Pseudonymiser
from workbench.ingest.speaker_labels import is_asking
from workbench.ingest.thing_names import stored_file_name

# Variables (header_key form) that describe a person, not a place.
PERSON_VARIABLES = frozenset(
    """
    alter age geschlecht gender sex rolle role funktion beruf occupation taetigkeit
    tatigkeit geburtsjahr jahrgang altersgruppe agegroup familienstand bildung
    bildungsabschluss schulabschluss nationalitaet nationalitat staatsangehoerigkeit
    staatsangehorigkeit herkunft herkunftsland migrationshintergrund muttersprache
    religion konfession einkommen haushaltsgroesse haushaltsgrosse kinder anzahlkinder
    wohndauer
    """.split()
)
# A classification variable ("Klassifikation: Person") or a description's first word
# ("Teilnehmerin, Mutter von drei Kindern") that says the case is a person.
CLASSIFICATION_VARIABLES = frozenset(
    "klassifikation fallklassifikation classification caseclassification falltyp fallart "
    "casetype typ art kategorie".split()
)
PERSON_CLASSES = frozenset(
    """
    person personen people participant participants teilnehmer teilnehmerin teilnehmende
    interviewpartner interviewpartnerin interviewte interviewter befragte befragter
    respondent interviewee einzelperson
    """.split()
)
# A person case's variable that says where the person belongs.
DISTRICT_VARIABLES = frozenset("sozialraum stadtteil quartier ortsteil viertel bezirk".split())


def variable_district(variables: Mapping[str, Any], districts: Sequence[str]) -> str | None:
    """The district of the project a document variable such as ``Stadtteil`` names.

    >>> variable_district({"Stadtteil": "manfort", "Alter": "40"}, ["Manfort"])
    'Manfort'
    """
    known = {d.casefold(): d for d in districts}
    for header, value in variables.items():
        if header_key(header) in DISTRICT_VARIABLES and str(value).strip().casefold() in known:
            return known[str(value).strip().casefold()]
    return None


# One name (a role variable may list several: "Kaya und Roth" is pseudonymised as text).
_NAME_LIKE = re.compile(r"(?!.*\s(?:und|and|&|u\.)\s)[^\W\d_][\w.'’ -]{1,60}")


@dataclass(frozen=True)
class PersonCase:
    """A case that names a person: what it covers and what it says about them."""

    name: str
    listed: bool  # the name reads as a person's: it joins the name list
    sources: tuple[str, ...]
    selections: tuple[str, ...]
    district: str | None  # a district of the project its Sozialraum variable names
    attributes: dict[str, str]


def reads_as_person(pseudonymiser: Pseudonymiser, text: str, names: Sequence[str] = ()) -> bool:
    """Whether the name recognition finds one sure person covering all of ``text``."""
    text = text.strip()
    return any(
        h.kind == "person" and h.confidence >= REVIEW_BELOW and h.start == 0 and h.end == len(text)
        for h in pseudonymiser.detect(text, names)
    )


def split_cases(
    cases: Iterable[Any],
    variables: Mapping[str, tuple[str, str, str]],
    districts: Sequence[str],
    pseudonymiser: Pseudonymiser,
) -> tuple[list[Any], list[PersonCase]]:
    """The named cases that are Sozialräume, and those that are people (rule above)."""
    known = {d.casefold(): d for d in districts}
    places: list[Any] = []
    people: list[PersonCase] = []
    for case in cases:
        if case.name is None:
            continue
        values = {variables.get(g, (g, "", ""))[0]: v for g, _, v in case.variables}
        kinds = {variables.get(g, (g, "", ""))[0]: kind for g, kind, _ in case.variables}
        keys = {header_key(k): v for k, v in values.items()}
        first = re.split(r"[\s,;:(]+", (case.description or "").strip(), maxsplit=1)[0]
        listed = reads_as_person(pseudonymiser, case.name)
        person = case.name.casefold() not in known and (
            listed
            or bool(PERSON_VARIABLES & keys.keys())
            or any(
                header_key(v) in PERSON_CLASSES
                for k, v in keys.items()
                if k in CLASSIFICATION_VARIABLES
            )
            or header_key(first) in PERSON_CLASSES
        )
        if not person:
            places.append(case)
            continue
        district, used = None, None
        for header, value in values.items():
            if header_key(header) in DISTRICT_VARIABLES and value.strip().casefold() in known:
                district, used = known[value.strip().casefold()], header
                break
        attributes = {
            k: typed_value(k, kinds[k], v)  # "Alter" as IntegerValue 41: the number 41
            for k, v in values.items()
            if k != used and header_key(k) not in CLASSIFICATION_VARIABLES
        }
        people.append(
            PersonCase(case.name, listed, case.sources, case.selections, district, attributes)
        )
    return places, people


_INTEGER = re.compile(r"[+-]?(?:0|[1-9]\d{0,17})")  # no leading zeros: "0171…" stays text
_DECIMAL = re.compile(r"[+-]?(?:0|[1-9]\d{0,17})(?:\.\d+)?")


def typed_value(name: str, kind: str, value: str) -> str | int | float:
    """A document variable's value as its type in the file, stored as table imports store
    cells: ``IntegerValue`` and ``FloatValue`` as numbers, ``BooleanValue`` as "true" or
    "false", dates as their ISO text. In a person column a number in any form
    (``Teilnehmende`` as IntegerValue 14: how many took part) is that number, which is
    never read as a person's name.

    >>> typed_value("Anzahl", "IntegerValue", "14"), typed_value("Anteil", "FloatValue", "0.5")
    (14, 0.5)
    >>> typed_value("Online", "BooleanValue", "1"), typed_value("Tel", "IntegerValue", "0171")
    ('true', '0171')
    """
    text = value.strip()
    if kind == "BooleanValue" and text in ("true", "false", "1", "0"):
        return "true" if text in ("true", "1") else "false"
    if kind not in ("IntegerValue", "FloatValue"):
        return value
    if not person_role(name):
        if kind == "IntegerValue" and _INTEGER.fullmatch(text):
            return int(text)
        if kind == "FloatValue" and _DECIMAL.fullmatch(text):
            return float(text)
        return value
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return value
    return int(number) if number.is_integer() else number


def person_variables(
    pseudonymiser: Pseudonymiser, values: Mapping[str, Any], names: Sequence[str]
) -> tuple[dict[str, Any], list[str]]:
    """Document variables with people-role values as placeholders, and names to list."""
    out: dict[str, Any] = {}
    found: list[str] = []
    for key, value in values.items():
        if not isinstance(value, str):  # a number (typed_value): no one's name
            out[key] = value
            continue
        text = value.strip()
        if is_role_column(key) and text:
            found += people_in(pseudonymiser, text, names)
            if _NAME_LIKE.fullmatch(text) and text[0].isupper() and len(text.split()) <= 3:
                if header_key(text) not in NO_NAME and not is_organisation(pseudonymiser, text):
                    value = person_placeholder(pseudonymiser, text, names)
            else:
                value = pseudonymiser.pseudonymise(text, [*names, *found])[0]
        elif text and reads_as_person(pseudonymiser, text, names):
            found.append(text)
        out[key] = value
    return out, found


def people_in(pseudonymiser: Pseudonymiser, text: str, names: Sequence[str] = ()) -> list[str]:
    """The sure person names the recognition finds in ``text``, without forms of address
    ("Frau Karagöz" → "Karagöz"): to list, so the same names go in names of things."""
    found = []
    for hit in pseudonymiser.detect(text, names):
        if hit.kind != "person" or hit.confidence < REVIEW_BELOW:
            continue
        words = [w for w in text[hit.start : hit.end].split() if fold(w.strip(".")) not in TITLES]
        if words:
            found.append(" ".join(words))
    return found


class PersonSpans:
    """The people of one source: by case reference to it or to its selections."""

    def __init__(self, source: Any, people: Sequence[PersonCase]):
        owners = [p for p in people if source.owner in p.sources or source.guid in p.sources]
        self.whole = owners[0] if len(owners) == 1 else None  # several: no one speaker
        spans = {s.guid: (s.start, s.end) for s in source.selections}
        self.spans = [(*spans[g], p) for p in people for g in p.selections if g in spans]
        self.text: str = source.text
        self.asking = asking_roles(source.text)  # "I:", or the "A:" of "A:"/"B:" that asks

    def asks(self, segment: ParsedSegment) -> bool:
        """Whether ``segment`` is a line of who asks (:func:`asking_roles`)."""
        role = segment.speaker_role
        return is_asking(role) or (role is not None and role in self.asking)

    @property
    def district(self) -> str | None:
        """The Sozialraum of the one person the whole source belongs to, if any."""
        return self.whole.district if self.whole else None

    def apply(self, segment: ParsedSegment, place: bool) -> ParsedSegment:
        """``segment`` with its person as speaker (and their attributes; with ``place``
        their Sozialraum where the segment has none)."""
        start, end = segment.start or 0, segment.end or 0
        spans = self.spans
        if self.asks(segment):  # "I: …": not the person's, though a selection
            # of the whole interview (NVivo's case coding) covers it; one of the line is
            first = self.text.rfind("\n", 0, start) + 1
            last = self.text.find("\n", end)
            last = len(self.text) if last < 0 else last + 1
            spans = [(s, e, p) for s, e, p in spans if first <= s and e <= last]
        person = next((p for s, e, p in spans if s < end and start < e), None)
        if person is None and self.whole and not self.asks(segment):
            person = self.whole
        if person is None:
            return segment
        attributes = {**person.attributes, **segment.attributes}
        attributes.setdefault("speaker", person.name)
        district = segment.district or (person.district if place else None)
        return replace(segment, attributes=attributes, district=district)


def asked_without(segment: ParsedSegment, keys: set[str], people: PersonSpans) -> ParsedSegment:
    """An interviewer's segment ("I:", "Interviewer:", :meth:`PersonSpans.asks`) without
    the document variables ``keys`` that name the interviewee, nor those that describe her
    (Alter, Geschlecht, :data:`PERSON_VARIABLES`): the question is not the interviewee's."""
    if not keys or not people.asks(segment):
        return segment
    kept = {
        k: v
        for k, v in segment.attributes.items()
        if k not in keys and header_key(k) not in PERSON_VARIABLES
    }
    return replace(segment, attributes=kept)


class NameGuard:
    """Pseudonymises names of things (sources, sets, descriptions) like statements."""

    def __init__(self, pseudonymiser: Pseudonymiser, names: Sequence[str]):
        self.pseudonymiser = pseudonymiser
        self.names = list(dict.fromkeys(names))

    def learn(self, texts: Iterable[str], register: Sequence[str] = ()) -> None:
        """Give the names in ``register`` their placeholders now (so the key keeps the
        full name, not "Interview Demirtaş"), and add the sure person names found in
        ``texts``: a name in a source's text is a name in its source name too
        ("Protokoll Wiesdorf – Karagöz")."""
        for name in register:
            self.pseudonymiser.pseudonymise(name, self.names)
        found = [n for text in texts for n in people_in(self.pseudonymiser, text, self.names)]
        self.names = list(dict.fromkeys([*self.names, *found]))

    def __call__(self, text: str) -> str:
        """``text`` pseudonymised (unchanged when empty): listed names first, so that
        "Interview Demirtaş" keeps its first word, then like a statement."""
        if not text or not text.strip():
            return text
        listed = self.pseudonymiser.pseudonymise(text, self.names, prose=False)[0]
        return self.pseudonymiser.pseudonymise(listed, self.names)[0]

    def file_name(self, name: str) -> str:
        """A source's name as the project stores a document's file name (one line, then
        pseudonymised as a name of a thing: "interview_sabine_krueger.txt" too)."""
        return stored_file_name(self.pseudonymiser, name, self.names)

    def code(self, spec: CodeSpec) -> CodeSpec:
        """A code with its description and example pseudonymised."""
        return replace(spec, description=self(spec.description), example=self(spec.example))
