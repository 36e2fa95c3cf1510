"""What the REFI-QDA reader and writer share: names, GUIDs, description blocks, XML helpers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from workbench.core.domain import InputError
from workbench.ingest.common import normalise_date

NAMESPACE = "urn:QDA-XML:project:1.0"
IMPORTER = "qdpx"
QDE = "project.qde"
# Fixed namespace for all GUIDs of a project export (codes use the .qdc module's).
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sozialraum-werkbank:qdpx")
SEGMENT_MARKER = "Werkbank-Aussage"
WORKSHOP_MARKER = "Werkbank-Workshop"
DISTRICT_MARKER = "Werkbank-Sozialraum"
INDICATOR_MARKER = "Werkbank-Indikator"
CLUSTER_NOTE = "Werkbank-Memo zu Bedarfscluster"
RESOLUTION_NOTE = "Werkbank-Klärung"  # a resolution memo's note: code and decisions then
# Under a source's description in the export for QualCoder: its statements without a code,
# which QualCoder's export drops (it writes coded selections only, but keeps the description)
UNCODED_MARKER = "Werkbank-Aussagen ohne Kodierung"
# In a workshop set of an export with originals: the workshop's name list (JSON list)
LISTED_FIELD = "Teilnehmende"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# -- identifiers, text and values --------------------------------------------------------
def stable_guid(*parts: object) -> str:
    """A GUID from stable keys (upper case, as MAXQDA writes them).

    >>> stable_guid("user", "A") == stable_guid("user", "A") != stable_guid("user", "B")
    True
    """
    key = "\x1f".join(str(p) for p in parts)
    return str(uuid.uuid5(GUID_NAMESPACE, key)).upper()


def norm_guid(guid: str | None) -> str:
    """GUIDs compare without braces and case: ``{ab-…}`` is ``AB-…``.

    >>> norm_guid(" {ab-12} ")
    'AB-12'
    """
    return (guid or "").strip().strip("{}").upper()


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry."""
    return _XML_INVALID.sub("", text)


def _encode_value(value: str) -> str:
    if value != value.strip() or value.startswith('"') or "\n" in value or "\r" in value:
        return json.dumps(value, ensure_ascii=False)
    return value


def format_block(marker: str, fields: Iterable[tuple[str, Any]]) -> str:
    """A description block: the marker line, then ``Schlüssel: Wert`` for set fields.

    >>> print(format_block("Werkbank-Aussage", [("Quelle-ID", "K1"), ("Rolle", None)]))
    Werkbank-Aussage
    Quelle-ID: K1
    """
    lines = [marker]
    for key, value in fields:
        if value is None:
            continue
        lines.append(f"{key}: {_encode_value(str(value))}")
    return "\n".join(lines)


def listed_value(names: Iterable[str]) -> str | None:
    """A name list as the ``Teilnehmende`` field writes it (None when empty).

    >>> listed_value(["de Vries, Jan", "Anna"]), listed_value([])
    ('["de Vries, Jan", "Anna"]', None)
    """
    names = [n for n in names if n.strip()]
    return json.dumps(names, ensure_ascii=False) if names else None


def word_list(
    value: str | None,
    where: str,
    location: str,
    *,
    field: str = LISTED_FIELD,
    expected: str = 'Namen (erwartet wie ["Anna Schmidt", "Jonas Becker"])',
) -> tuple[str, ...]:
    """The words of a field that holds a JSON list of them (a name list, review decisions),
    stripped, blank ones left out; a blank field holds none. Anything else stops the import:
    "``where``: ``field`` ist keine Liste von ``expected``." in ``location``.

    >>> word_list('["de Vries, Jan", " Anna "]', "Set 'W'", "p.qdpx"), word_list(" ", "", "")
    (('de Vries, Jan', 'Anna'), ())
    """
    if not (value or "").strip():
        return ()
    try:
        words = json.loads(value or "")
    except json.JSONDecodeError:
        words = None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise InputError(f"{where}: {field} ist keine Liste von {expected}.", file=location)
    return tuple(w.strip() for w in words if w.strip())


def unix_lines(text: str) -> str:
    """``text`` with Windows (and old Mac) line breaks as ``\\n``.

    >>> unix_lines("Werkbank-Workshop\\r\\nName: W\\r\\n")
    'Werkbank-Workshop\\nName: W\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_block(marker: str, text: str | None) -> dict[str, str] | None:
    """The fields of a block written by :func:`format_block`; None if it is not one.

    >>> parse_block("Werkbank-Aussage", 'Werkbank-Aussage\\nQuelle-ID: " K1"')
    {'Quelle-ID': ' K1'}
    """
    lines = unix_lines(text or "").strip("\n").split("\n")  # "\r\n" written on Windows
    if not lines or lines[0].strip() != marker:
        return None
    fields: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition(": ")
        if not sep:
            continue
        if value.startswith('"'):
            with contextlib.suppress(json.JSONDecodeError):
                value = json.loads(value)
        fields[key.strip()] = value
    return fields


def text_digest(text: str) -> str:
    """A short fingerprint of a statement's text: a listed statement whose place in an
    edited text holds other words is not read there."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def uncoded_block(title: str, rows: Iterable[tuple[str, int, int, str, str]]) -> str:
    """A source's description with its uncoded statements below the title: one JSON line
    ``[selection GUID, start, end, statement block, text digest]`` each (none: the title).

    >>> print(uncoded_block("Protokoll", [("G1", 0, 5, "Werkbank-Aussage", "ab12")]))
    Protokoll
    <BLANKLINE>
    Werkbank-Aussagen ohne Kodierung
    ["G1", 0, 5, "Werkbank-Aussage", "ab12"]
    """
    lines = [json.dumps(list(row), ensure_ascii=False) for row in rows]
    if not lines:
        return title
    return "\n".join([*([title, ""] if title else []), UNCODED_MARKER, *lines])


def split_uncoded(description: str) -> tuple[str, list[tuple[str, int, int, str, str]]]:
    """A source description's title and the uncoded statements below it (see
    :func:`uncoded_block`); a line edited into something else is left out.

    >>> split_uncoded('T\\n\\nWerkbank-Aussagen ohne Kodierung\\n["G1", 0, 5, "B", "ab"]\\nx')
    ('T', [('G1', 0, 5, 'B', 'ab')])
    """
    head, sep, tail = ("\n" + description).partition("\n" + UNCODED_MARKER + "\n")
    if not sep:
        return description, []
    rows = []
    for line in tail.splitlines():
        with contextlib.suppress(json.JSONDecodeError, TypeError, ValueError):
            guid, start, end, block, digest = json.loads(line)
            if isinstance(start, int) and isinstance(end, int) and isinstance(block, str):
                rows.append((str(guid), start, end, block, str(digest)))
    return head.strip(), rows


def block_date(value: str | None, where: str, location: str) -> str | None:
    """The ISO date of a block's ``Datum`` (in the other program perhaps edited to "3. März
    2021"), None if empty; one that is no date stops the import, naming ``where``.

    >>> block_date("3. März 2021", "Set 'W'", "p.qdpx"), block_date("", "Set 'W'", "p.qdpx")
    ('2021-03-03', None)
    """
    if not (value or "").strip():
        return None
    try:
        return normalise_date(value, location)
    except InputError as err:
        raise InputError(f"{where}: {err.message}", file=location) from None


def iso(moment: datetime | None) -> str | None:
    """xsd:dateTime in UTC; stored times without zone are UTC.

    >>> iso(datetime(2021, 2, 3, 11, 30)), iso(datetime(1, 1, 1))
    ('2021-02-03T11:30:00Z', '0001-01-01T00:00:00Z')
    """
    if moment is None:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    # four-digit years: strftime writes year 1 (.NET's empty date) as "1", not xsd:dateTime
    text = f"{moment.year:04d}" + moment.strftime("-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"


def parse_time(value: str | None) -> datetime | None:
    """An xsd:dateTime as an aware UTC time; None if missing or unreadable.

    >>> parse_time("0001-01-01T00:00:00+01:00") is None  # before the year 1 in UTC
    True
    """
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def unreadable_times(root: ET.Element) -> list[str]:
    """The notice on times of codings, selections and notes that are no xsd:dateTime
    ("05.03.2024 10:11"): those get the import's time, which the file should not hide."""
    bad = sorted(
        {
            value
            for element in root.iter()
            if local(element.tag) in ("Coding", "PlainTextSelection", "Note")
            and (value := (element.get("creationDateTime") or "").strip())
            and parse_time(value) is None
        }
    )
    if not bad:
        return []
    shown = ", ".join(f"„{v[:40]}“" for v in bad[:3]) + (" …" if len(bad) > 3 else "")
    return [
        f"Zeitangaben nicht lesbar (erwartet wie 2024-03-05T10:11:12Z): {shown}. Kodierungen "
        "und Memos damit tragen den Zeitpunkt des Imports."
    ]


def decimal(value: float) -> str:
    """A float as xsd:decimal (no exponent).

    >>> decimal(17763.0), decimal(1e-05), decimal(13.9)
    ('17763', '0.00001', '13.9')
    """
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# -- reading elements (namespace-agnostic) -------------------------------------------------
def local(tag: str) -> str:
    """An element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def children(element: ET.Element, name: str) -> list[ET.Element]:
    """The direct children called ``name``."""
    return [c for c in element if local(c.tag) == name]


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first direct child called ``name``, or None."""
    return next((c for c in element if local(c.tag) == name), None)


def items(root: ET.Element, container: str, item: str) -> list[ET.Element]:
    """The ``item`` children of ``root``'s ``container`` child (none if it is missing)."""
    parent = child(root, container)
    return [] if parent is None else children(parent, item)


def child_text(element: ET.Element, name: str) -> str:
    """The text of the first child called ``name`` ('' if there is none), with Windows line
    breaks as ``\\n`` (a description a Windows program wrote as ``&#13;&#10;``)."""
    found = child(element, name)
    return unix_lines(found.text or "") if found is not None else ""


def refs(element: ET.Element, name: str) -> tuple[str, ...]:
    """The normalised ``targetGUID`` of each child called ``name`` (e.g. NoteRef)."""
    return tuple(norm_guid(r.get("targetGUID")) for r in children(element, name))


def source_label(kind: str, number: int, guid: str) -> str:
    """A source in a terminal message, by its place among the file's sources and the start
    of its GUID, never by its name: file names of interviews often name the interviewees
    ("Simon.docx"), and a notice is no place to guess which are names.

    >>> source_label("TextSource", 6, "C1C745F7-8E4D-48B2-9710-655AFE7E54FA")
    'TextSource Nr. 6 (GUID C1C745F7…)'
    """
    short = guid[:8] + ("…" if len(guid) > 8 else "")
    return f"{kind} Nr. {number} (GUID {short})" if guid else f"{kind} Nr. {number}"


def note_label(number: int, guid: str) -> str:
    """A ``<Note>`` in a terminal message, by its place among the file's notes and the start
    of its GUID, never by its name: NVivo and MAXQDA name memos after the interviewee
    ("Memo Helga Brinkmann"), and the notice is printed before any name is replaced.

    >>> note_label(3, "58C8C1C7-3656-491A-9A5C-70BA3359F730")
    'Notiz Nr. 3 (GUID 58C8C1C7…)'
    >>> note_label(0, "58C8C1C7-3656-491A-9A5C-70BA3359F730")  # not from the file's <Notes>
    'Notiz (GUID 58C8C1C7…)'
    """
    place = f" Nr. {number}" if number else ""
    return source_label("Notiz", 1, guid).replace(" Nr. 1", place, 1)


SOURCE_LABELS = (
    "Quellen stehen hier mit ihrer Nummer in der Datei und dem Anfang ihrer GUID, nicht mit "
    "ihrem Namen: Dateinamen von Interviews nennen oft die Interviewten."
)
_LABEL = re.compile(r"\b[A-Z][a-z]+Source Nr\. \d+")  # a source_label in a notice


def with_labels_explained(notices: tuple[str, ...]) -> tuple[str, ...]:
    """``notices`` and, once, why sources in them stand by number (:data:`SOURCE_LABELS`).

    >>> with_labels_explained(("TextSource Nr. 2 (GUID C1C745F7…) ist leer.",))[1][:26]
    'Quellen stehen hier mit ih'
    >>> with_labels_explained(("1 Netzwerkansicht nicht übernommen.",))
    ('1 Netzwerkansicht nicht übernommen.',)
    """
    if SOURCE_LABELS in notices or not any(_LABEL.search(n) for n in notices):
        return notices
    return (*notices, SOURCE_LABELS)


def where(element: ET.Element) -> str:
    """``<Tag guid=…>`` for messages; never the name: a source's is often a person's
    ("Simon.docx"), a selection's (ATLAS.ti) the start of the text it marks.

    >>> where(ET.fromstring('<TextSource guid="C1" name="Simon.docx"/>'))
    '<TextSource guid="C1">'
    """
    guid = element.get("guid")
    return f'<{local(element.tag)} guid="{guid}">' if guid else f"<{local(element.tag)}>"


_NOTE_TEXT = re.compile(
    rb"(<(?:[\w.-]+:)?PlainTextContent>)(.*?)(</(?:[\w.-]+:)?PlainTextContent>)", re.S
)
_BARE_TEXT_ERRORS = (4, 7)  # expat: invalid token, mismatched tag
_BARE_AMPERSAND = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)")


def mask_note_texts(data: bytes) -> tuple[bytes, list[int]]:
    """``data`` with ``&``, ``<`` and ``>`` masked inside each ``<PlainTextContent>``.

    QualCoder writes the text of an annotation into its note unmasked, so a memo with
    "Bus & Bahn" makes the whole project invalid XML. Returns the lines of the texts
    that needed it (none: ``data`` unchanged).

    >>> mask_note_texts(b"<a>\\n<PlainTextContent>Bus & <Bahn></PlainTextContent></a>")
    (b'<a>\\n<PlainTextContent>Bus &amp; &lt;Bahn&gt;</PlainTextContent></a>', [2])
    """
    lines: list[int] = []

    def mask(match: re.Match[bytes]) -> bytes:
        text = match.group(2)
        if b"<![CDATA[" in text:
            return match.group(0)
        masked = _BARE_AMPERSAND.sub(b"&amp;", text).replace(b"<", b"&lt;").replace(b">", b"&gt;")
        if masked == text:
            return match.group(0)
        lines.append(data.count(b"\n", 0, match.start(2)) + 1)
        return match.group(1) + masked + match.group(3)

    return _NOTE_TEXT.sub(mask, data), lines


def with_masked_notes(data: bytes, name: str, err: ET.ParseError) -> tuple[ET.Element, str] | None:
    """The project read with QualCoder's unmasked note texts masked, and a notice saying so.

    Only for what a bare "&" or "<" causes (an invalid token, a mismatched tag) in a file
    without a DOCTYPE (entities are refused, never read as text). None if nothing needed
    masking or the project is invalid XML anyway.
    """
    if err.code not in _BARE_TEXT_ERRORS or b"<!DOCTYPE" in data:
        return None
    masked, lines = mask_note_texts(data)
    if not lines:
        return None
    try:
        root = ET.fromstring(masked)
    except ET.ParseError:
        return None
    count = "ein Notiztext" if len(lines) == 1 else f"{len(lines)} Notiztexte"
    return root, (
        f"{name}: {count} mit unmaskiertem „&“, „<“ oder „>“ (so schreibt QualCoder "
        f"Anmerkungen; Zeile {', '.join(map(str, lines))}) wörtlich gelesen."
    )


# -- writing elements ----------------------------------------------------------------------
def sub(parent: ET.Element, tag: str, attrs: dict[str, str | None] | None = None) -> ET.Element:
    """Append an element with the attributes that are set (cleaned for XML)."""
    cleaned = {k: clean(v) for k, v in (attrs or {}).items() if v is not None}
    return ET.SubElement(parent, tag, cleaned)


def text_element(parent: ET.Element, tag: str, text: str) -> ET.Element:
    """Append an element holding ``text`` (cleaned for XML)."""
    element = ET.SubElement(parent, tag)
    element.text = clean(text)
    return element


# -- case variables as indicator values -----------------------------------------------
def indicator_meta(
    name: str, description: str, filename: str
) -> tuple[str, int, str, str, bool] | None:
    """(indicator, year, unit, source, illustrative) of a case variable, if it has a year.

    >>> indicator_meta("SGB-II-Quote 2019", "", "x.qdpx")
    ('SGB-II-Quote', 2019, '', 'REFI-QDA: x.qdpx', False)
    """
    fields = parse_block(INDICATOR_MARKER, description)
    if fields is not None and fields.get("Indikator") and (fields.get("Jahr") or "").isdigit():
        return (
            fields["Indikator"],
            int(fields["Jahr"]),
            fields.get("Einheit", ""),
            fields.get("Quelle", ""),
            fields.get("illustrativ", "nein") == "ja",
        )
    match = re.fullmatch(r"(.+?)[\s_]*[(\[]?((?:19|20)\d\d)[)\]]?", name.strip())
    if match is None:
        return None
    return match.group(1).strip(" -–:"), int(match.group(2)), "", f"REFI-QDA: {filename}", False


def variable_number(kind: str, raw: str) -> float | None:
    """The number a case variable holds (Float, Integer or a number as text), or None."""
    if kind not in ("FloatValue", "IntegerValue", "TextValue"):
        return None
    from workbench.synthesis.indicators import parse_number

    try:
        return parse_number(raw)
    except ValueError:
        return None
