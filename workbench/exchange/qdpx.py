"""REFI-QDA project exchange (``.qdpx``) with MAXQDA, ATLAS.ti, NVivo and QualCoder.

A ``.qdpx`` is a ZIP with ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``,
valid against ``Project-mrt2019.xsd``) and a ``Sources/`` folder of plain-text files named
by GUID. How the workbench's model is written into the standard:

=====================  ===================================================================
Workbench              REFI-QDA
=====================  ===================================================================
coder, memo author     ``<User>``
codebook               ``<CodeBook>`` (nested codes, the same GUIDs and elements as .qdc)
document               ``<TextSource plainTextPath="internal://GUID.txt">``; the file holds
                       the document text, the title is its ``<Description>``
segment                a ``<PlainTextSelection>`` over the segment's offsets in the document
                       whose ``<Description>`` starts with the line ``Werkbank-Aussage`` and
                       lists source id, position, workshop, Sozialraum, guiding question,
                       speaker role and attributes as ``Schlüssel: Wert`` lines
coding of a segment    ``<Coding>`` (creatingUser, creationDateTime) → ``<CodeRef>`` inside
                       the segment's selection
coding of a span       its own ``<PlainTextSelection>`` (document offsets) with the codings
district               ``<Case>`` with ``<VariableValue>`` per indicator, ``<SelectionRef>``
                       to its segments and ``<SourceRef>`` to documents wholly inside it
indicator              ``<Variable typeOfVariable="Float">`` (indicator, year, unit, source
                       in its ``<Description>``)
workshop               ``<Set>`` of its documents (district, date, format in the description)
memo                   ``<Note>``; project memos via the project's ``<NoteRef>``, code memos
                       via the code's, segment memos via the segment selection's; memos on a
                       need cluster are unreferenced notes described ``Werkbank-Memo zu
                       Bedarfscluster N``
=====================  ===================================================================

Why segments are uncoded selections: the schema allows a ``<PlainTextSelection>`` without
``<Coding>`` (MAXQDA itself writes such selections for comments), it keeps the exact
offsets, and other programs show the segment boundaries instead of dropping them. The
description is plain text, so a MAXQDA user reads "Quelle-ID: MF-K03" rather than a
private format. Cases additionally reference the segment selections, so programs that
know cases (NVivo, QualCoder) see the Sozialraum of every statement.

Import reads our own files back exactly and other programs' files as well as their
content allows:

- Sources come from ``internal://`` (``Sources/`` or ``sources/``), ``relative://`` (to
  the project's ``basePath`` or the ``.qdpx``'s folder; never outside it) or inline
  ``<PlainTextContent>``. Absolute paths are refused: an exchange file must not make the
  workbench read arbitrary files.
- Without ``Werkbank-Aussage`` selections a source is segmented by line (one non-blank
  paragraph = one segment, as MAXQDA counts paragraphs); a coded span that crosses
  paragraphs becomes one coding per paragraph.
- Named cases are districts. A name that is not a declared district stops the import
  with the list of valid names (as table imports do) unless ``add_districts`` is given;
  numeric case variables become indicator values. Unnamed cases with one source (how
  MAXQDA and Quirkos write document variables) and ``<VariableValue>`` inside a source
  are document variables: ``Sozialraum`` and ``Workshop`` place the document, the others
  become segment attributes.
- All text is pseudonymised on import like every other import (names, e-mail, phone,
  addresses; the key is stored for the segments), so a file from another program never
  puts original names in front of stakeholders. Offsets of codings are carried through
  the replacements. Our own (pseudonymised) exports pass unchanged.
- A source whose (pseudonymised) text equals a document already in the project is that
  document: its codings and memos are merged (nothing is doubled), so re-importing a
  file, or a file coded further in MAXQDA, adds only what is new.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.codebook import SEPARATOR, CodeSpec, codebook_tree, path_key

# The .qdc module writes and reads the same <Code> elements; sharing its two element
# helpers keeps codebook and project exports identical code for code.
from workbench.coding.codebook_qdc import _code_element, _read_code, code_guid
from workbench.coding.records import check_coder
from workbench.core.domain import InputError
from workbench.core.fileio import atomic_path
from workbench.store import (
    CITYWIDE,
    Code,
    Coding,
    District,
    Document,
    ListedName,
    Memo,
    Pseudonym,
    PseudonymSpan,
    Segment,
    Workshop,
    utcnow,
)

if TYPE_CHECKING:
    from workbench.project import Project

NAMESPACE = "urn:QDA-XML:project:1.0"
IMPORTER = "qdpx"
QDE = "project.qde"
# Fixed namespace for all GUIDs of a project export (codes use refi_qdc's, see code_guid).
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sozialraum-werkbank:qdpx")
SEGMENT_MARKER = "Werkbank-Aussage"
WORKSHOP_MARKER = "Werkbank-Workshop"
DISTRICT_MARKER = "Werkbank-Sozialraum"
INDICATOR_MARKER = "Werkbank-Indikator"
CLUSTER_NOTE = "Werkbank-Memo zu Bedarfscluster"
DOCUMENT_VARIABLES = {"sozialraum": "district", "workshop": "workshop"}
TEXT_SUFFIXES = (".txt", ".docx", ".doc", ".rtf", ".md", ".odt", ".pdf")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE = re.compile(r"[^\r\n]+")


# -- records ---------------------------------------------------------------------------
@dataclass(frozen=True)
class QdpxExport:
    """What an export wrote."""

    path: str
    documents: int
    segments: int
    codes: int
    codings: int
    memos: int
    cases: int
    variables: int
    pseudonymised: bool


@dataclass(frozen=True)
class QdpxImport:
    """What an import added; ``existing`` documents were already there (merged)."""

    filename: str
    documents: int = 0
    existing: int = 0
    segments: int = 0
    codes: int = 0
    codings: int = 0
    memos: int = 0
    indicators: int = 0
    notices: tuple[str, ...] = ()


# -- small pure helpers ----------------------------------------------------------------
def stable_guid(*parts: object) -> str:
    """A GUID from stable keys (upper case, as MAXQDA writes them).

    >>> stable_guid("user", "A") == stable_guid("user", "A") != stable_guid("user", "B")
    True
    """
    key = "\x1f".join(str(p) for p in parts)
    return str(uuid.uuid5(GUID_NAMESPACE, key)).upper()


def _norm_guid(guid: str | None) -> str:
    """GUIDs compare without braces and case: ``{ab-…}`` is ``AB-…``."""
    return (guid or "").strip().strip("{}").upper()


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry."""
    return _XML_INVALID.sub("", text)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def parse_block(marker: str, text: str | None) -> dict[str, str] | None:
    """The fields of a block written by :func:`format_block`; None if it is not one.

    >>> parse_block("Werkbank-Aussage", 'Werkbank-Aussage\\nQuelle-ID: " K1"')
    {'Quelle-ID': ' K1'}
    """
    lines = (text or "").strip("\n").split("\n")
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


def _iso(moment: datetime | None) -> str | None:
    """xsd:dateTime in UTC; stored times without zone are UTC."""
    if moment is None:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _decimal(value: float) -> str:
    """A float as xsd:decimal (no exponent).

    >>> _decimal(17763.0), _decimal(1e-05), _decimal(13.9)
    ('17763', '0.00001', '13.9')
    """
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class OffsetMap:
    """Maps positions in one text to another that differs by replaced spans.

    ``edits`` are ``(old_start, old_end, new_start, new_end)``, sorted and disjoint. A
    position inside a replaced span maps to the start of its replacement (as a start) or
    to its end (as an end), so a span that cut into a name covers the whole placeholder.

    >>> m = OffsetMap([(4, 9, 4, 14)])  # "Frau Schmidt" → "[Person 1]" style
    >>> m.start(2), m.start(6), m.end(6), m.end(12)
    (2, 4, 14, 17)
    """

    def __init__(self, edits: Iterable[tuple[int, int, int, int]] = ()):
        self.edits = sorted(edits)

    def _map(self, pos: int, end: bool) -> int:
        shift = 0
        for old_start, old_end, new_start, new_end in self.edits:
            if pos <= old_start:
                break
            if pos < old_end:
                return new_end if end else new_start
            shift = new_end - old_end
        return pos + shift

    def start(self, pos: int) -> int:
        """Where a span starting at ``pos`` starts in the new text."""
        return self._map(pos, end=False)

    def end(self, pos: int) -> int:
        """Where a span ending at ``pos`` ends in the new text."""
        return self._map(pos, end=True)


# ======================================================================================
# Export
# ======================================================================================
@dataclass(frozen=True)
class _SegmentOut:
    segment_id: int
    source_id: str
    position: int
    start: int
    end: int
    question: str | None
    speaker_role: str | None
    workshop: str
    district: str
    attributes: dict[str, Any]


@dataclass(frozen=True)
class _CodingOut:
    segment_id: int
    code: str
    coder: str
    start: int  # in the document text
    end: int
    created_at: datetime | None
    whole: bool


@dataclass
class _DocumentOut:
    guid: str
    name: str
    title: str | None
    text: str
    workshop: str
    segments: list[_SegmentOut] = field(default_factory=list)
    codings: list[_CodingOut] = field(default_factory=list)


@dataclass(frozen=True)
class _MemoOut:
    """A memo; ``target`` is a stable key: (source GUID, source id), code path, cluster."""

    target_type: str
    target: Any
    author: str
    text: str
    created_at: datetime | None

    @property
    def guid(self) -> str:
        return stable_guid(
            "note", self.target_type, self.target, self.author, _iso(self.created_at), self.text
        )


@dataclass(frozen=True)
class _ProjectOut:
    """Everything an export writes, read from the store (no XML yet)."""

    districts: tuple[District, ...]
    documents: tuple[_DocumentOut, ...]
    specs: tuple[CodeSpec, ...]
    memos: tuple[_MemoOut, ...]
    sets: tuple[tuple[Workshop, str, tuple[str, ...]], ...]  # workshop, district, sources
    indicators: tuple[dict[str, Any], ...]


def _restore_originals(
    text: str, segments: list[tuple[Segment, list[PseudonymSpan]]]
) -> tuple[str, OffsetMap]:
    """The document text with each segment's placeholders replaced by the originals."""
    edits: list[tuple[int, int, int, int]] = []
    replacements: list[tuple[int, int, str]] = []
    for segment, spans in segments:
        for span in sorted(spans, key=lambda s: s.start):
            replacements.append(
                (segment.start + span.start, segment.start + span.end, span.original)
            )
    replacements.sort()
    parts: list[str] = []
    cursor = shift = 0
    for start, end, original in replacements:
        if start < cursor:  # overlapping key entries: keep the first
            continue
        parts.append(text[cursor:start])
        parts.append(original)
        edits.append((start, end, start + shift, start + shift + len(original)))
        shift += len(original) - (end - start)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts), OffsetMap(edits)


def _collect(project: Project, pseudonymised: bool) -> _ProjectOut:
    """Everything the export writes, read in one session."""
    from workbench.ingest.pseudonymise import Pseudonymiser

    with project.session() as s:
        districts = list(
            s.scalars(select(District).order_by(District.is_citywide.desc(), District.name))
        )
        district_names = {d.id: d.name for d in districts}
        workshops = {w.id: w for w in s.scalars(select(Workshop))}
        codes = {c.id: c for c in s.scalars(select(Code))}
        spans: dict[int, list[PseudonymSpan]] = {}
        if not pseudonymised:
            for span in s.scalars(select(PseudonymSpan)):
                spans.setdefault(span.segment_id, []).append(span)
        documents: list[_DocumentOut] = []
        segment_keys: dict[int, tuple[str, str]] = {}  # segment id → (source guid, source id)
        for doc in s.scalars(select(Document).order_by(Document.filename, Document.sha256)):
            segs = list(
                s.scalars(
                    select(Segment).where(Segment.document_id == doc.id).order_by(Segment.start)
                )
            )
            text, shift = doc.text, OffsetMap()
            if not pseudonymised:
                text, shift = _restore_originals(doc.text, [(g, spans.get(g.id, [])) for g in segs])
            guid = stable_guid("source", doc.filename, _sha(doc.text))
            workshop = workshops.get(doc.workshop_id)
            out = _DocumentOut(
                guid, doc.filename, doc.title, text, workshop.name if workshop else ""
            )
            by_id = {}
            for g in segs:
                start, end = shift.start(g.start), shift.end(g.end)
                by_id[g.id] = (g, start, end)
                segment_keys[g.id] = (guid, g.source_id)
                out.segments.append(
                    _SegmentOut(
                        g.id,
                        g.source_id,
                        g.position,
                        start,
                        end,
                        g.question,
                        g.speaker_role,
                        workshops[g.workshop_id].name,
                        district_names[g.district_id],
                        dict(g.attributes or {}),
                    )
                )
            rows = s.scalars(
                select(Coding).where(Coding.segment_id.in_(list(by_id))).order_by(Coding.id)
            )
            for c in rows:
                g, start, end = by_id[c.segment_id]
                cs, ce = shift.start(g.start + c.start), shift.end(g.start + c.end)
                out.codings.append(
                    _CodingOut(
                        g.id,
                        codes[c.code_id].path,
                        c.coder,
                        cs,
                        ce,
                        c.created_at,
                        whole=(cs, ce) == (start, end),
                    )
                )
            documents.append(out)
        memos = list(s.scalars(select(Memo).order_by(Memo.id)))
        names = sorted(set(s.scalars(select(ListedName.name))))
        known = {(p.kind, p.normalised): p.placeholder for p in s.scalars(select(Pseudonym))}
        sets = []
        for w in sorted(workshops.values(), key=lambda w: w.name):
            members = [d.guid for d in documents if d.workshop == w.name]
            if members:
                sets.append((w, district_names[w.district_id], tuple(members)))
    pseudonymiser = Pseudonymiser(known=known)

    def memo_text(text: str) -> str:
        return pseudonymiser.pseudonymise(text, names)[0] if pseudonymised else text

    def target(m: Memo) -> Any:
        if m.target_type == "segment":
            return segment_keys.get(m.target_id)
        if m.target_type == "code" and m.target_id in codes:
            return codes[m.target_id].path
        return m.target_id

    return _ProjectOut(
        districts=tuple(districts),
        documents=tuple(documents),
        specs=tuple(project.codebook()),
        memos=tuple(
            _MemoOut(m.target_type, target(m), m.author, memo_text(m.text), m.created_at)
            for m in memos
        ),
        sets=tuple(sets),
        indicators=tuple(_indicator_rows(project)),
    )


def _indicator_rows(project: Project) -> list[dict[str, Any]]:
    """Indicator values as records, or none if the indicators stage is not installed."""
    try:
        from workbench.synthesis.indicators import indicators
    except ImportError:  # the synthesis stage is optional for exchange
        return []
    return indicators(project).to_dict("records")


def _variables(rows: Iterable[dict[str, Any]]) -> dict[tuple, tuple[str, str]]:
    """One variable per (indicator, year, unit, source, illustrative): key → (guid, name)."""
    keys = sorted(
        {
            (
                r["indicator"],
                int(r["year"]),
                r["unit"] or "",
                r["source"] or "",
                bool(r["illustrative"]),
            )
            for r in rows
        }
    )
    per_name: dict[str, int] = {}
    for key in keys:
        base = f"{key[0]} {key[1]}"
        per_name[base] = per_name.get(base, 0) + 1
    result = {}
    for key in keys:
        name = f"{key[0]} {key[1]}"
        if per_name[name] > 1:
            name += f" [{key[2]}; {key[3]}; {'illustrativ' if key[4] else 'belegt'}]"
        result[key] = (stable_guid("variable", *key), name)
    return result


def _sub(parent: ET.Element, tag: str, attrs: dict[str, str | None] | None = None) -> ET.Element:
    clean = {k: _clean(v) for k, v in (attrs or {}).items() if v is not None}
    return ET.SubElement(parent, tag, clean)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _clean(text)
    return element


def build_qde(data: _ProjectOut, name: str, pseudonymised: bool) -> bytes:
    """The ``project.qde`` document for collected project data (pure)."""
    from workbench import __version__

    documents, memos = data.documents, data.memos
    root = ET.Element(
        "Project",
        {"xmlns": NAMESPACE, "name": _clean(name), "origin": f"Sozialraum-Werkbank {__version__}"},
    )

    # Users: every coder and memo author.
    people = sorted({c.coder for d in documents for c in d.codings} | {m.author for m in memos})
    if people:
        users = _sub(root, "Users")
        for person in people:
            _sub(users, "User", {"guid": stable_guid("user", person), "name": person})

    # CodeBook: the .qdc code elements, plus NoteRefs for code memos.
    code_elements: dict[str, ET.Element] = {}
    if data.specs:
        codes = _sub(_sub(root, "CodeBook"), "Codes")
        for node in codebook_tree(data.specs):
            element = _code_element(node, None)
            codes.append(element)
            _index_codes(element, None, code_elements)
        for memo in memos:
            if memo.target_type == "code" and memo.target in code_elements:
                element = code_elements[memo.target]  # NoteRefs go after the Description
                position = 1 if element.find("Description") is not None else 0
                position += len(element.findall("NoteRef"))
                element.insert(position, ET.Element("NoteRef", {"targetGUID": memo.guid}))

    # Variables: indicators.
    indicators = data.indicators
    variables = _variables(indicators)
    if variables:
        parent = _sub(root, "Variables")
        for key, (guid, var_name) in sorted(variables.items(), key=lambda kv: kv[1][1]):
            variable = _sub(
                parent, "Variable", {"guid": guid, "name": var_name, "typeOfVariable": "Float"}
            )
            _text(
                variable,
                "Description",
                format_block(
                    INDICATOR_MARKER,
                    [
                        ("Indikator", key[0]),
                        ("Jahr", key[1]),
                        ("Einheit", key[2]),
                        ("Quelle", key[3]),
                        ("illustrativ", "ja" if key[4] else "nein"),
                    ],
                ),
            )

    # Cases: districts with their indicator values and their segments.
    segment_guids = {
        s.segment_id: stable_guid("segment", d.guid, s.source_id)
        for d in documents
        for s in d.segments
    }
    if data.districts:
        cases = _sub(root, "Cases")
        for district in data.districts:
            case = _sub(
                cases, "Case", {"guid": stable_guid("case", district.name), "name": district.name}
            )
            _text(
                case,
                "Description",
                format_block(
                    DISTRICT_MARKER, [("Gesamtstädtisch", "ja" if district.is_citywide else "nein")]
                ),
            )
            values = sorted(
                (r for r in indicators if r["district"] == district.name),
                key=lambda r: variables[_variable_key(r)][1],
            )
            for r in values:
                value = _sub(case, "VariableValue")
                _sub(value, "VariableRef", {"targetGUID": variables[_variable_key(r)][0]})
                _text(value, "FloatValue", _decimal(r["value"]))
            for d in documents:
                if d.segments and all(s.district == district.name for s in d.segments):
                    _sub(case, "SourceRef", {"targetGUID": d.guid})
            for d in documents:
                for s in d.segments:
                    if s.district == district.name:
                        _sub(case, "SelectionRef", {"targetGUID": segment_guids[s.segment_id]})

    # Sources: documents, segments as selections, codings.
    if documents:
        sources = _sub(root, "Sources")
        for d in documents:
            _source_element(sources, d, segment_guids, memos)

    # Notes: memos.
    if memos:
        parent = _sub(root, "Notes")
        for memo in memos:
            first = memo.text.strip().splitlines()[0] if memo.text.strip() else "Memo"
            note = _sub(
                parent,
                "Note",
                {
                    "guid": memo.guid,
                    "name": first[:60],
                    "creatingUser": stable_guid("user", memo.author),
                    "creationDateTime": _iso(memo.created_at),
                },
            )
            if memo.target_type == "cluster":
                _text(note, "Description", f"{CLUSTER_NOTE} {memo.target}")
            _text(note, "PlainTextContent", memo.text)

    # Sets: workshops with their documents.
    if data.sets:
        parent = _sub(root, "Sets")
        for workshop, district, members in data.sets:
            member_set = _sub(
                parent,
                "Set",
                {"guid": stable_guid("workshop", workshop.name), "name": workshop.name},
            )
            _text(
                member_set,
                "Description",
                format_block(
                    WORKSHOP_MARKER,
                    [
                        ("Sozialraum", district),
                        ("Datum", workshop.date),
                        ("Format", workshop.format),
                    ],
                ),
            )
            for guid in members:
                _sub(member_set, "MemberSource", {"targetGUID": guid})

    _text(
        root,
        "Description",
        "Exportiert aus der Sozialraum-Werkbank. "
        + (
            "Texte pseudonymisiert. "
            if pseudonymised
            else "ORIGINALTEXTE – nur für die Forschungsgruppe. "
        )
        + f"Aussagen sind Textstellen mit der Beschreibung „{SEGMENT_MARKER}“, "
        "Sozialräume sind Fälle (mit Indikatoren als Variablen), Workshops sind Sets.",
    )
    for memo in memos:
        if memo.target_type == "project":
            _sub(root, "NoteRef", {"targetGUID": memo.guid})

    tree = ET.ElementTree(root)
    ET.indent(tree, space="  ")
    buffer = io.BytesIO()
    buffer.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
    tree.write(buffer, encoding="utf-8", xml_declaration=False)
    buffer.write(b"\n")
    return buffer.getvalue()


def _variable_key(row: dict[str, Any]) -> tuple:
    return (
        row["indicator"],
        int(row["year"]),
        row["unit"] or "",
        row["source"] or "",
        bool(row["illustrative"]),
    )


def _index_codes(element: ET.Element, parent: str | None, index: dict[str, ET.Element]) -> None:
    path = f"{parent}{SEPARATOR}{element.get('name')}" if parent else element.get("name", "")
    index[path] = element
    for child in element.findall("Code"):
        _index_codes(child, path, index)


def _source_element(
    sources: ET.Element,
    d: _DocumentOut,
    segment_guids: dict[int, str],
    memos: Iterable[_MemoOut],
) -> None:
    source = _sub(
        sources,
        "TextSource",
        {"guid": d.guid, "name": d.name, "plainTextPath": f"internal://{d.guid}.txt"},
    )
    if d.title:
        _text(source, "Description", d.title)
    # Segment selections and span selections, in text order.
    spans: dict[tuple[int, int], list[_CodingOut]] = {}
    whole: dict[int, list[_CodingOut]] = {}
    for c in d.codings:
        if c.whole:
            whole.setdefault(c.segment_id, []).append(c)
        else:
            spans.setdefault((c.start, c.end), []).append(c)
    segment_notes: dict[tuple[str, str], list[str]] = {}
    for memo in memos:
        if memo.target_type == "segment" and memo.target is not None:
            segment_notes.setdefault(memo.target, []).append(memo.guid)
    items: list[tuple[int, int, int, Any]] = [(s.start, -s.end, 0, s) for s in d.segments]
    items += [(start, -end, 1, (start, end)) for start, end in spans]
    for _, _, kind, item in sorted(items, key=lambda i: i[:3]):
        if kind == 0:
            s: _SegmentOut = item
            guid = segment_guids[s.segment_id]
            selection = _sub(
                source,
                "PlainTextSelection",
                {
                    "guid": guid,
                    "name": f"Aussage {s.source_id}",
                    "startPosition": str(s.start),
                    "endPosition": str(s.end),
                },
            )
            _text(
                selection,
                "Description",
                format_block(
                    SEGMENT_MARKER,
                    [
                        ("Quelle-ID", s.source_id),
                        ("Position", s.position),
                        ("Workshop", s.workshop),
                        ("Sozialraum", s.district),
                        ("Leitfrage", s.question),
                        ("Rolle", s.speaker_role),
                        (
                            "Attribute",
                            json.dumps(s.attributes, ensure_ascii=False, sort_keys=True)
                            if s.attributes
                            else None,
                        ),
                    ],
                ),
            )
            _codings(selection, guid, whole.get(s.segment_id, []))
            for note in segment_notes.get((d.guid, s.source_id), []):
                _sub(selection, "NoteRef", {"targetGUID": note})
        else:
            start, end = item
            guid = stable_guid("selection", d.guid, start, end)
            selection = _sub(
                source,
                "PlainTextSelection",
                {"guid": guid, "startPosition": str(start), "endPosition": str(end)},
            )
            _codings(selection, guid, spans[item])


def _codings(selection: ET.Element, selection_guid: str, codings: list[_CodingOut]) -> None:
    for c in sorted(codings, key=lambda c: (path_key(c.code), c.coder)):
        coding = _sub(
            selection,
            "Coding",
            {
                "guid": stable_guid("coding", selection_guid, c.code, c.coder),
                "creatingUser": stable_guid("user", c.coder),
                "creationDateTime": _iso(c.created_at),
            },
        )
        _sub(coding, "CodeRef", {"targetGUID": code_guid(c.code)})


def export_qdpx(
    project: Project, out: str | Path, pseudonymised: bool = True, name: str | None = None
) -> QdpxExport:
    """Write the project as a REFI-QDA ``.qdpx``; the same project gives the same bytes.

    ``pseudonymised=False`` restores original texts from the key: only for exchange
    within the research team, never for stakeholders.
    """
    out = Path(out)
    data = _collect(project, pseudonymised)
    qde = build_qde(data, name or project.path.name, pseudonymised)
    documents = data.documents
    entries = [(QDE, qde)] + [(f"Sources/{d.guid}.txt", d.text.encode("utf-8")) for d in documents]
    with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        for entry, content in entries:
            info = zipfile.ZipInfo(entry, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return QdpxExport(
        path=str(out),
        documents=len(documents),
        segments=sum(len(d.segments) for d in documents),
        codes=len(data.specs),
        codings=sum(len(d.codings) for d in documents),
        memos=len(data.memos),
        cases=len(data.districts),
        variables=len(_variables(data.indicators)),
        pseudonymised=pseudonymised,
    )


# ======================================================================================
# Import: reading the archive (pure)
# ======================================================================================
@dataclass(frozen=True)
class _CodingIn:
    guid: str
    code: str  # normalised code GUID
    user: str | None
    created: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _SelectionIn:
    guid: str
    start: int
    end: int
    description: str
    user: str | None
    created: str | None
    codings: tuple[_CodingIn, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _SourceIn:
    guid: str
    name: str
    title: str
    text: str
    selections: tuple[_SelectionIn, ...]
    codings: tuple[_CodingIn, ...]  # on the whole source
    notes: tuple[str, ...]
    variables: tuple[tuple[str, str, str], ...]  # (variable guid, value type, value)


@dataclass(frozen=True)
class _CaseIn:
    guid: str
    name: str | None
    variables: tuple[tuple[str, str, str], ...]
    sources: tuple[str, ...]
    selections: tuple[str, ...]


@dataclass(frozen=True)
class _NoteIn:
    guid: str
    name: str
    text: str
    description: str
    user: str | None
    created: str | None


@dataclass(frozen=True)
class _Exchange:
    """A parsed ``.qdpx``: everything the importer needs, sources read."""

    filename: str
    origin: str
    users: dict[str, str]
    specs: tuple[CodeSpec, ...]
    code_paths: dict[str, str]
    code_notes: dict[str, tuple[str, ...]]
    variables: dict[str, tuple[str, str, str]]  # guid → (name, type, description)
    cases: tuple[_CaseIn, ...]
    sources: tuple[_SourceIn, ...]
    notes: tuple[_NoteIn, ...]
    sets: tuple[tuple[str, str, tuple[str, ...]], ...]  # (name, description, source guids)
    project_notes: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (origin GUID, target GUID)
    skipped_sources: tuple[str, ...]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _items(root: ET.Element, container: str, item: str) -> list[ET.Element]:
    """The ``item`` children of ``root``'s ``container`` child (none if it is missing)."""
    parent = _child(root, container)
    return [] if parent is None else _children(parent, item)


def _child_text(element: ET.Element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "") if child is not None else ""


def _where(element: ET.Element) -> str:
    """``<Tag guid=… name=…>`` for messages."""
    attrs = " ".join(f'{k}="{element.get(k)}"' for k in ("guid", "name") if element.get(k))
    return f"<{_local(element.tag)}{' ' + attrs if attrs else ''}>"


class _Archive:
    """The members of a ``.qdpx``, looked up regardless of case (``Sources``/``sources``)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise InputError("Datei nicht gefunden.", file=str(path)) from None
        except IsADirectoryError:
            raise InputError("Ist ein Ordner, keine Datei.", file=str(path)) from None
        except (zipfile.BadZipFile, OSError) as err:
            raise InputError(
                f"Keine lesbare REFI-QDA-Projektdatei: kein gültiges ZIP-Archiv ({err}).",
                file=path.name,
            ) from None
        self.members = {
            info.filename.replace("\\", "/").lstrip("/").casefold(): info.filename
            for info in self.zip.infolist()
            if not info.is_dir()
        }

    def find(self, name: str) -> str | None:
        return self.members.get(name.replace("\\", "/").lstrip("/").casefold())

    def read(self, member: str) -> bytes:
        try:
            return self.zip.read(member)
        except Exception as err:  # BadZipFile (CRC), zlib.error, EOFError, OSError …
            raise InputError(
                f"Eintrag '{member}' im Archiv ist beschädigt ({type(err).__name__}).",
                file=self.path.name,
            ) from None

    def qde(self) -> bytes:
        member = self.find(QDE)
        if member is None:
            candidates = [m for k, m in self.members.items() if k.endswith(".qde") and "/" not in k]
            if len(candidates) != 1:
                raise InputError(
                    f"Im Archiv fehlt {QDE}: keine REFI-QDA-Projektdatei "
                    "(ein .qdc-Codebuch importiert: workbench codebook import).",
                    file=self.path.name,
                )
            member = candidates[0]
        return self.read(member)

    def close(self) -> None:
        self.zip.close()


def _decode_source(data: bytes, what: str, filename: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{what}: Text ist nicht UTF-8 (Byte {err.start}).", file=filename
        ) from None


def _source_text(element: ET.Element, archive: _Archive, base: Path | None, filename: str) -> str:
    """The plain text of a TextSource or Note: inline, internal, or relative file."""
    inline = _child(element, "PlainTextContent")
    path = element.get("plainTextPath")
    what = _where(element)
    if inline is not None and not path:
        return inline.text or ""
    if not path:
        raise InputError(
            f"{what} hat weder plainTextPath noch <PlainTextContent> (nur Rich-Text wird "
            "nicht gelesen).",
            file=filename,
        )
    scheme, sep, rest = path.partition("://")
    scheme, rest = (scheme.lower(), unquote(rest)) if sep else ("", path)
    if scheme == "internal":
        name = rest.lstrip("/")
        member = archive.find(f"Sources/{name}") or archive.find(name)
        if member is None:
            raise InputError(
                f"{what}: Datei '{name}' fehlt im Ordner Sources/ des Archivs.", file=filename
            )
        return _decode_source(archive.read(member), what, filename)
    if scheme == "relative":
        rel = PurePosixPath(rest.replace("\\", "/").lstrip("/"))
        if ".." in rel.parts:
            raise InputError(f"{what}: Pfad '{path}' verlässt den Projektordner.", file=filename)
        roots = [r for r in (base, archive.path.parent) if r is not None]
        for folder in roots:
            candidate = folder / Path(*rel.parts)
            if candidate.is_file():
                return _decode_source(candidate.read_bytes(), what, filename)
        tried = ", ".join(str(r / Path(*rel.parts)) for r in roots)
        raise InputError(f"{what}: Datei '{rel}' nicht gefunden (gesucht: {tried}).", file=filename)
    raise InputError(
        f"{what}: Pfad '{path}' wird nicht gelesen; erlaubt sind internal:// und relative:// "
        "(Datei neben die .qdpx legen).",
        file=filename,
    )


def _int_attr(element: ET.Element, name: str, filename: str, where: str) -> int:
    value = element.get(name)
    try:
        return int(value or "")
    except ValueError:
        raise InputError(
            f"{_where(element)} in {where}: {name}='{value}' ist keine ganze Zahl.", file=filename
        ) from None


def _codings_in(parent: ET.Element) -> tuple[_CodingIn, ...]:
    result = []
    for coding in _children(parent, "Coding"):
        ref = _child(coding, "CodeRef")
        result.append(
            _CodingIn(
                guid=_norm_guid(coding.get("guid")),
                code=_norm_guid(ref.get("targetGUID") if ref is not None else ""),
                user=_norm_guid(coding.get("creatingUser")) or None,
                created=coding.get("creationDateTime"),
                notes=tuple(_norm_guid(n.get("targetGUID")) for n in _children(coding, "NoteRef")),
            )
        )
    return tuple(result)


def _values_in(parent: ET.Element) -> tuple[tuple[str, str, str], ...]:
    values = []
    for value in _children(parent, "VariableValue"):
        ref = _child(value, "VariableRef")
        content = next((c for c in value if _local(c.tag).endswith("Value")), None)
        if ref is None or content is None:
            continue
        values.append(
            (_norm_guid(ref.get("targetGUID")), _local(content.tag), (content.text or "").strip())
        )
    return tuple(values)


def _codebook_in(
    root: ET.Element, filename: str
) -> tuple[list[CodeSpec], dict[str, str], dict[str, tuple[str, ...]]]:
    codebook = _child(root, "CodeBook")
    codes = None if codebook is None else _child(codebook, "Codes")
    if codes is None:
        return [], {}, {}
    specs: list[CodeSpec] = []
    paths: dict[str, str] = {}
    notes: dict[str, tuple[str, ...]] = {}

    def walk(element: ET.Element, parent: str | None) -> None:
        path = (
            f"{parent}{SEPARATOR}{(element.get('name') or '').strip()}"
            if parent
            else (element.get("name") or "").strip()
        )
        paths[_norm_guid(element.get("guid"))] = path
        refs = tuple(_norm_guid(n.get("targetGUID")) for n in _children(element, "NoteRef"))
        if refs:
            notes[path] = refs
        for child in _children(element, "Code"):
            walk(child, path)

    for element in _children(codes, "Code"):
        specs.extend(_read_code(element, None, filename))
        walk(element, None)
    all_paths = [s.path for s in specs]
    duplicates = sorted({p for p in all_paths if all_paths.count(p) > 1})
    if duplicates:
        raise InputError(f"Doppelte Codes im <CodeBook>: {', '.join(duplicates)}", file=filename)
    return specs, paths, notes


def read_qdpx(path: str | Path) -> _Exchange:
    """Read and check a ``.qdpx`` (pure: nothing is stored)."""
    path = Path(path)
    archive = _Archive(path)
    try:
        return _parse(archive, path.name)
    finally:
        archive.close()


def _parse(archive: _Archive, filename: str) -> _Exchange:
    qde_name = f"{filename}/{QDE}"
    try:
        root = ET.fromstring(archive.qde())
    except ET.ParseError as err:
        raise InputError(f"project.qde ist kein gültiges XML: {err}", file=qde_name) from None
    if _local(root.tag) != "Project":
        raise InputError(
            f"Kein REFI-QDA-Projekt: Wurzelelement ist <{_local(root.tag)}>, erwartet <Project>.",
            file=qde_name,
        )
    origin = root.get("origin") or ""
    base_attr = root.get("basePath")
    base = Path(base_attr) if base_attr and Path(base_attr).is_dir() else None

    users = {}
    for user in _items(root, "Users", "User"):
        guid = _norm_guid(user.get("guid"))
        users[guid] = (user.get("name") or user.get("id") or guid).strip()

    specs, code_paths, code_notes = _codebook_in(root, qde_name)

    variables = {}
    for variable in _items(root, "Variables", "Variable"):
        variables[_norm_guid(variable.get("guid"))] = (
            (variable.get("name") or "").strip(),
            variable.get("typeOfVariable") or "Text",
            _child_text(variable, "Description"),
        )

    cases = []
    for case in _items(root, "Cases", "Case"):
        name = (case.get("name") or "").strip() or None
        cases.append(
            _CaseIn(
                guid=_norm_guid(case.get("guid")),
                name=name,
                variables=_values_in(case),
                sources=tuple(
                    _norm_guid(r.get("targetGUID")) for r in _children(case, "SourceRef")
                ),
                selections=tuple(
                    _norm_guid(r.get("targetGUID")) for r in _children(case, "SelectionRef")
                ),
            )
        )

    sources = []
    skipped = []
    container = _child(root, "Sources")
    for element in [] if container is None else list(container):
        kind = _local(element.tag)
        if kind != "TextSource":
            skipped.append(f"{kind} '{element.get('name') or element.get('guid')}'")
            continue
        sources.append(_source_in(element, archive, base, qde_name, origin))

    notes = []
    for note in _items(root, "Notes", "Note"):
        try:
            text = _source_text(note, archive, base, qde_name)
        except InputError:
            text = ""  # a note without readable text is reported, not fatal
        notes.append(
            _NoteIn(
                guid=_norm_guid(note.get("guid")),
                name=(note.get("name") or "").strip(),
                text=text,
                description=_child_text(note, "Description"),
                user=_norm_guid(note.get("creatingUser") or note.get("modifyingUser")) or None,
                created=note.get("creationDateTime") or note.get("modifiedDateTime"),
            )
        )

    sets = []
    for member_set in _items(root, "Sets", "Set"):
        sets.append(
            (
                (member_set.get("name") or "").strip(),
                _child_text(member_set, "Description"),
                tuple(
                    _norm_guid(m.get("targetGUID")) for m in _children(member_set, "MemberSource")
                ),
            )
        )
    links = tuple(
        (_norm_guid(link.get("originGUID")), _norm_guid(link.get("targetGUID")))
        for link in _items(root, "Links", "Link")
    )
    return _Exchange(
        filename=filename,
        origin=origin,
        users=users,
        specs=tuple(specs),
        code_paths=code_paths,
        code_notes=code_notes,
        variables=variables,
        cases=tuple(cases),
        sources=tuple(sources),
        notes=tuple(notes),
        sets=tuple(sets),
        project_notes=tuple(_norm_guid(n.get("targetGUID")) for n in _children(root, "NoteRef")),
        links=links,
        skipped_sources=tuple(skipped),
    )


def _source_in(
    element: ET.Element, archive: _Archive, base: Path | None, filename: str, origin: str
) -> _SourceIn:
    name = (element.get("name") or element.get("guid") or "").strip()
    text = _source_text(element, archive, base, filename)
    if "ATLAS.ti" in origin:
        # ATLAS.ti counts a Windows line break as one character.
        text = text.replace("\r\n", "\n")
    where = f"Quelle '{name}'"
    selections = []
    for selection in _children(element, "PlainTextSelection"):
        start = _int_attr(selection, "startPosition", filename, where)
        end = _int_attr(selection, "endPosition", filename, where)
        if not 0 <= start <= end <= len(text):
            raise InputError(
                f"{_where(selection)} in {where}: Textstelle [{start}, {end}) liegt nicht im "
                f"Text (Länge {len(text)}); erlaubt ist 0 ≤ startPosition ≤ endPosition ≤ "
                f"{len(text)}.",
                file=filename,
            )
        selections.append(
            _SelectionIn(
                guid=_norm_guid(selection.get("guid")),
                start=start,
                end=end,
                description=_child_text(selection, "Description"),
                user=_norm_guid(selection.get("creatingUser") or selection.get("modifyingUser"))
                or None,
                created=selection.get("creationDateTime"),
                codings=_codings_in(selection),
                notes=tuple(
                    _norm_guid(n.get("targetGUID")) for n in _children(selection, "NoteRef")
                ),
            )
        )
    return _SourceIn(
        guid=_norm_guid(element.get("guid")),
        name=name,
        title=_child_text(element, "Description").strip(),
        text=text,
        selections=tuple(selections),
        codings=_codings_in(element),
        notes=tuple(_norm_guid(n.get("targetGUID")) for n in _children(element, "NoteRef")),
        variables=_values_in(element),
    )


# ======================================================================================
# Import: writing (one transaction)
# ======================================================================================
@dataclass
class _SegmentPlan:
    start: int  # in the source text as read
    end: int
    source_id: str
    position: int
    question: str | None
    speaker_role: str | None
    workshop: str | None
    district: str | None
    attributes: dict[str, Any]
    selection: str | None  # GUID of the Werkbank-Aussage selection


@dataclass
class _Placed:
    """A source after segmentation and pseudonymisation."""

    source: _SourceIn
    text: str  # pseudonymised
    shift: OffsetMap  # source text → pseudonymised text
    segments: list[tuple[_SegmentPlan, int, int, str, list]]  # plan, start, end, text, replacements
    workshop: str
    district: str


@dataclass
class _Options:
    coder: str | None
    district: str | None
    workshop: str | None
    names: tuple[str, ...]
    add_districts: bool


class _Importer:
    """Writes one parsed exchange within one session."""

    def __init__(self, session: Session, exchange: _Exchange, options: _Options):
        from workbench.ingest.pseudonymise import Pseudonymiser

        self.session = session
        self.x = exchange
        self.options = options
        self.where = f"{exchange.filename}/{QDE}"
        self.notices: list[str] = [
            f"{s} übersprungen: nur Textquellen werden importiert."
            for s in exchange.skipped_sources
        ]
        known = {(p.kind, p.normalised): p.placeholder for p in session.scalars(select(Pseudonym))}
        self.pseudonymiser = Pseudonymiser(known=known)
        self.districts = {d.name.casefold(): d for d in session.scalars(select(District))}
        self.workshops = {w.name: w for w in session.scalars(select(Workshop))}
        self.counts = {"documents": 0, "existing": 0, "segments": 0, "codes": 0, "codings": 0}
        self.counts |= {"memos": 0, "indicators": 0}
        self.by_text: dict[str, Document] | None = None

    # -- entry ---------------------------------------------------------------------------
    def run(self) -> QdpxImport:
        codes = self._codes()
        case_of_source, case_of_selection = self._case_districts()
        document_vars = self._document_variables()
        set_of_source, set_info = self._workshop_sets()
        placed = [
            self._place(s, case_of_source, case_of_selection, document_vars, set_of_source)
            for s in self.x.sources
        ]
        self._resolve_districts(placed)
        targets: dict[str, tuple[_Placed, list[Segment]]] = {}
        for p in placed:
            if p.segments:
                targets[p.source.guid] = (p, self._document(p, set_info))
        for p, segments in targets.values():
            self._codings(p, segments, codes)
        self._memos(targets)
        self._indicators()
        self._store_key()
        return QdpxImport(self.x.filename, notices=tuple(self.notices), **self.counts)

    # -- codebook ------------------------------------------------------------------------
    def _codes(self) -> dict[str, Code]:
        by_path = {c.path: c for c in self.session.scalars(select(Code))}
        for spec in sorted(self.x.specs, key=lambda s: path_key(s.path)):
            code = by_path.get(spec.path)
            if code is None:
                parent = by_path.get(spec.parent) if spec.parent else None
                code = Code(path=spec.path, name=spec.name, parent_id=parent.id if parent else None)
                self.session.add(code)
                by_path[spec.path] = code
                self.counts["codes"] += 1
            if spec.description or spec.example or spec.colour:
                code.description, code.example, code.colour = (
                    spec.description,
                    spec.example,
                    spec.colour,
                )
            self.session.flush()
        return {guid: by_path[path] for guid, path in self.x.code_paths.items()}

    # -- where sources belong --------------------------------------------------------------
    def _case_districts(self) -> tuple[dict[str, str], dict[str, str]]:
        by_source: dict[str, str] = {}
        by_selection: dict[str, str] = {}
        for case in self.x.cases:
            if case.name is None:
                continue
            for guid in case.sources:
                other = by_source.get(guid)
                if other is not None and other != case.name:
                    raise InputError(
                        f"Quelle {guid} gehört zu zwei Fällen ('{other}' und '{case.name}'); "
                        "ein Dokument kann nur in einem Sozialraum liegen.",
                        file=self.where,
                    )
                by_source[guid] = case.name
            for guid in case.selections:
                by_selection[guid] = case.name
        return by_source, by_selection

    def _document_variables(self) -> dict[str, dict[str, str]]:
        """Per source GUID: document variables by name (source-level and unnamed cases)."""
        result: dict[str, dict[str, str]] = {}

        def add(source: str, values: Iterable[tuple[str, str, str]]) -> None:
            for guid, _, value in values:
                name = self.x.variables.get(guid, (guid, "", ""))[0]
                result.setdefault(source, {})[name] = value

        for case in self.x.cases:
            if case.name is None and len(case.sources) == 1:
                add(case.sources[0], case.variables)
        for source in self.x.sources:
            add(source.guid, source.variables)
        return result

    def _workshop_sets(self) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        of_source: dict[str, str] = {}
        info: dict[str, dict[str, str]] = {}
        for name, description, members in self.x.sets:
            fields = parse_block(WORKSHOP_MARKER, description)
            if fields is None or not name:
                continue
            info[name] = fields
            for guid in members:
                of_source[guid] = name
        return of_source, info

    # -- segmentation and pseudonymisation -------------------------------------------------
    def _place(
        self,
        source: _SourceIn,
        case_of_source: dict[str, str],
        case_of_selection: dict[str, str],
        document_vars: dict[str, dict[str, str]],
        set_of_source: dict[str, str],
    ) -> _Placed:
        variables = document_vars.get(source.guid, {})
        special = {
            DOCUMENT_VARIABLES[k.casefold()]: v
            for k, v in variables.items()
            if k.casefold() in DOCUMENT_VARIABLES
        }
        attributes = {k: v for k, v in variables.items() if k.casefold() not in DOCUMENT_VARIABLES}
        district = (
            self.options.district
            or case_of_source.get(source.guid)
            or special.get("district")
            or CITYWIDE
        )
        workshop = (
            self.options.workshop
            or set_of_source.get(source.guid)
            or special.get("workshop")
            or _stem(source.name)
        )
        plans = self._segments(source, attributes, case_of_selection)
        for plan in plans:
            if self.options.district:
                plan.district = self.options.district
            if self.options.workshop:
                plan.workshop = self.options.workshop
            plan.district = plan.district or district
            plan.workshop = plan.workshop or workshop
        if not plans:
            self.notices.append(f"Quelle '{source.name}' ist leer und wurde übersprungen.")
        names = self._names({p.workshop for p in plans} | {workshop})
        text, shift, segments = self._pseudonymise(source.text, plans, names)
        return _Placed(source, text, shift, segments, workshop, district)

    def _segments(
        self, source: _SourceIn, attributes: dict[str, str], case_of_selection: dict[str, str]
    ) -> list[_SegmentPlan]:
        marked = []
        for selection in source.selections:
            fields = parse_block(SEGMENT_MARKER, selection.description)
            if fields is not None:
                marked.append((selection, fields))
        plans: list[_SegmentPlan] = []
        if marked:
            seen: dict[str, str] = {}
            for selection, fields in sorted(marked, key=lambda m: (m[0].start, m[0].end)):
                where = f"<PlainTextSelection guid=\"{selection.guid}\"> in Quelle '{source.name}'"
                source_id = (fields.get("Quelle-ID") or "").strip()
                if not source_id:
                    raise InputError(f"{where}: Quelle-ID fehlt.", file=self.where)
                if source_id in seen:
                    raise InputError(
                        f"{where}: Quelle-ID '{source_id}' steht schon bei {seen[source_id]}.",
                        file=self.where,
                    )
                seen[source_id] = selection.guid
                if plans and selection.start < plans[-1].end:
                    raise InputError(
                        f"{where}: Aussage überlappt die Aussage '{plans[-1].source_id}'.",
                        file=self.where,
                    )
                try:
                    position = int(fields.get("Position") or len(plans) + 1)
                    extra = json.loads(fields["Attribute"]) if fields.get("Attribute") else {}
                except (ValueError, json.JSONDecodeError):
                    raise InputError(
                        f"{where}: Position oder Attribute nicht lesbar.", file=self.where
                    ) from None
                plans.append(
                    _SegmentPlan(
                        start=selection.start,
                        end=selection.end,
                        source_id=source_id,
                        position=position,
                        question=fields.get("Leitfrage") or None,
                        speaker_role=fields.get("Rolle") or None,
                        workshop=fields.get("Workshop") or None,
                        district=fields.get("Sozialraum") or case_of_selection.get(selection.guid),
                        attributes={**attributes, **extra},
                        selection=selection.guid,
                    )
                )
            return plans
        # Another program's source: one segment per non-blank paragraph (line).
        for match in _LINE.finditer(source.text):
            line = match.group()
            if not line.strip():
                continue
            start = match.start() + len(line) - len(line.lstrip())
            end = match.end() - (len(line) - len(line.rstrip()))
            number = len(plans) + 1
            plans.append(
                _SegmentPlan(
                    start, end, str(number), number, None, None, None, None, dict(attributes), None
                )
            )
        return plans

    def _names(self, workshops: Iterable[str]) -> list[str]:
        names = set(self.options.names)
        ids = [self.workshops[w].id for w in workshops if w in self.workshops]
        if ids:
            names |= set(
                self.session.scalars(select(ListedName.name).where(ListedName.workshop_id.in_(ids)))
            )
        return sorted(names)

    def _pseudonymise(
        self, text: str, plans: list[_SegmentPlan], names: list[str]
    ) -> tuple[str, OffsetMap, list]:
        """Pseudonymise segment by segment (and the text between), keeping offsets."""
        parts: list[str] = []
        edits: list[tuple[int, int, int, int]] = []
        segments = []
        old = new = 0

        def piece(start: int, end: int) -> tuple[str, list]:
            nonlocal new
            out, replacements = self.pseudonymiser.pseudonymise(text[start:end], names)
            local_shift = 0
            for r in replacements:
                old_start = r.start - local_shift
                edits.append(
                    (
                        start + old_start,
                        start + old_start + len(r.original),
                        new + r.start,
                        new + r.end,
                    )
                )
                local_shift += (r.end - r.start) - len(r.original)
            parts.append(out)
            new += len(out)
            return out, replacements

        for plan in plans:
            if plan.start > old:
                piece(old, plan.start)
            begin = new
            out, replacements = piece(plan.start, plan.end)
            segments.append((plan, begin, new, out, replacements))
            old = plan.end
        if old < len(text):
            piece(old, len(text))
        return "".join(parts), OffsetMap(edits), segments

    def _resolve_districts(self, placed: list[_Placed]) -> None:
        wanted = {p.district for p in placed} | {
            plan.district for p in placed for plan, *_ in p.segments
        }
        for case in self.x.cases:
            if case.name is not None and not self.options.district:
                wanted.add(case.name)
        unknown = sorted(n for n in wanted if n and n.strip().casefold() not in self.districts)
        if not unknown:
            return
        if not self.options.add_districts:
            valid = ", ".join(sorted(d.name for d in self.districts.values()))
            raise InputError(
                f"Unbekannte Sozialräume (Fälle bzw. Dokumentvariable 'Sozialraum'): "
                f"{', '.join(unknown)}. Gültig sind: {valid} (weitere mit: workbench districts "
                "--add NAME, oder beim Import --add-districts).",
                file=self.where,
            )
        for name in unknown:
            district = District(name=name.strip(), is_citywide=False)
            self.session.add(district)
            self.districts[name.strip().casefold()] = district
        self.session.flush()
        self.notices.append(f"Neue Sozialräume angelegt: {', '.join(unknown)}.")

    def _district(self, name: str) -> District:
        return self.districts[name.strip().casefold()]

    def _workshop(self, name: str, district: District, info: dict[str, dict[str, str]]) -> Workshop:
        workshop = self.workshops.get(name)
        if workshop is None:
            fields = info.get(name, {})
            workshop = Workshop(
                name=name,
                district_id=self._district(fields["Sozialraum"]).id
                if fields.get("Sozialraum") and fields["Sozialraum"].casefold() in self.districts
                else district.id,
                date=fields.get("Datum") or None,
                format=fields.get("Format") or None,
            )
            self.session.add(workshop)
            self.session.flush()
            self.workshops[name] = workshop
        return workshop

    # -- documents and segments ------------------------------------------------------------
    def _existing(self, p: _Placed) -> Document | None:
        """The document this source already is: same file content, or same text."""
        if self.by_text is None:
            self.by_text = {}
            for doc in self.session.scalars(select(Document).order_by(Document.id.desc())):
                self.by_text[_sha(doc.text)] = doc  # the oldest wins
        found = self.session.scalar(
            select(Document).where(
                Document.sha256 == _sha(p.source.text), Document.importer == IMPORTER
            )
        )
        return found or self.by_text.get(_sha(p.text))

    def _document(self, p: _Placed, set_info: dict[str, dict[str, str]]) -> list[Segment]:
        existing = self._existing(p)
        if existing is not None:
            self.counts["existing"] += 1
            if existing.text != p.text:
                self.notices.append(
                    f"Quelle '{p.source.name}' ist schon importiert, aber ihr Text weicht ab "
                    "(andere Pseudonymisierung); ihre Kodierungen wurden nicht übernommen."
                )
                return []
            self._store_key()
            return list(
                self.session.scalars(
                    select(Segment)
                    .where(Segment.document_id == existing.id)
                    .order_by(Segment.start)
                )
            )
        resolved = []
        for plan, start, end, text, replacements in p.segments:
            district = self._district(plan.district or p.district)
            workshop = self._workshop(plan.workshop or p.workshop, district, set_info)
            resolved.append((plan, start, end, text, replacements, workshop, district))
        if not resolved:
            return []
        for workshop_id in sorted({r[5].id for r in resolved}):
            listed = set(
                self.session.scalars(
                    select(ListedName.name).where(ListedName.workshop_id == workshop_id)
                )
            )
            for name in self.options.names:
                if name not in listed:
                    self.session.add(ListedName(workshop_id=workshop_id, name=name))
                    listed.add(name)
        document = Document(
            workshop_id=resolved[0][5].id,
            filename=p.source.name,
            sha256=_sha(p.source.text),
            importer=IMPORTER,
            title=p.source.title or None,
            text=p.text,
            options={
                "archive": self.x.filename,
                "guid": p.source.guid,
                "origin": self.x.origin,
                "segments": "selections" if resolved[0][0].selection else "lines",
            },
        )
        self.session.add(document)
        self.session.flush()
        if self.by_text is not None:
            self.by_text.setdefault(_sha(p.text), document)
        segments = []
        for plan, start, end, text, replacements, workshop, district in resolved:
            segment = Segment(
                document_id=document.id,
                workshop_id=workshop.id,
                district_id=district.id,
                source_id=plan.source_id,
                position=plan.position,
                text=text,
                start=start,
                end=end,
                question=plan.question,
                speaker_role=plan.speaker_role,
                attributes=plan.attributes,
            )
            self.session.add(segment)
            self.session.flush()
            for r in replacements:
                self.session.add(
                    PseudonymSpan(
                        segment_id=segment.id, start=r.start, end=r.end, original=r.original
                    )
                )
            segments.append(segment)
        self._store_key()
        self.counts["documents"] += 1
        self.counts["segments"] += len(segments)
        return segments

    def _store_key(self) -> None:
        for (kind, normalised), (original, placeholder) in self.pseudonymiser.new.items():
            self.session.add(
                Pseudonym(
                    kind=kind, normalised=normalised, original=original, placeholder=placeholder
                )
            )
        self.pseudonymiser.new.clear()

    # -- codings ---------------------------------------------------------------------------
    def _coder(self, *users: str | None, what: str) -> str:
        for user in users:
            if user:
                return check_coder(self.x.users.get(user, user))
        if self.options.coder:
            return check_coder(self.options.coder)
        if len(self.x.users) == 1:
            return check_coder(next(iter(self.x.users.values())))
        raise InputError(
            f"{what} hat keinen creatingUser; bitte angeben, wer kodiert hat (--coder NAME).",
            file=self.where,
        )

    def _overlaps(
        self, segments: list[Segment], start: int, end: int
    ) -> list[tuple[Segment, int, int]]:
        result = []
        for segment in segments:
            s, e = max(start, segment.start), min(end, segment.end)
            if s < e:
                result.append((segment, s - segment.start, e - segment.start))
        return result

    def _codings(self, p: _Placed, segments: list[Segment], codes: dict[str, Code]) -> None:
        if not segments:
            return
        existing = set(
            self.session.execute(
                select(
                    Coding.segment_id, Coding.code_id, Coding.coder, Coding.start, Coding.end
                ).where(Coding.segment_id.in_([s.id for s in segments]))
            ).all()
        )
        items = [(sel, sel.start, sel.end, c) for sel in p.source.selections for c in sel.codings]
        items += [(None, 0, len(p.source.text), c) for c in p.source.codings]
        split = outside = 0
        for selection, start, end, c in items:
            where = f"<Coding guid=\"{c.guid}\"> in Quelle '{p.source.name}'"
            code = codes.get(c.code)
            if code is None:
                raise InputError(
                    f"{where}: CodeRef {c.code or '(leer)'} verweist auf keinen Code "
                    "im <CodeBook>.",
                    file=self.where,
                )
            coder = self._coder(c.user, selection.user if selection else None, what=where)
            created = _parse_time(c.created) or _parse_time(
                selection.created if selection else None
            )
            parts = self._overlaps(segments, p.shift.start(start), p.shift.end(end))
            if not parts:
                outside += 1
                continue
            new = [(g, s, e) for g, s, e in parts if (g.id, code.id, coder, s, e) not in existing]
            split += len(parts) > 1 and bool(new)  # say it once, not on every re-import
            for segment, s, e in new:
                existing.add((segment.id, code.id, coder, s, e))
                self.session.add(
                    Coding(
                        segment_id=segment.id,
                        code_id=code.id,
                        coder=coder,
                        start=s,
                        end=e,
                        created_at=created or utcnow(),
                    )
                )
                self.counts["codings"] += 1
        if split:
            self.notices.append(
                f"Quelle '{p.source.name}': {split} Kodierungen über mehrere Absätze wurden je "
                "Aussage aufgeteilt."
            )
        if outside:
            self.notices.append(
                f"Quelle '{p.source.name}': {outside} Kodierungen liegen außerhalb aller Aussagen "
                "(z. B. auf Überschriften) und wurden nicht übernommen."
            )
        self.session.flush()

    # -- memos -----------------------------------------------------------------------------
    def _memos(self, targets: dict[str, tuple[_Placed, list[Segment]]]) -> None:
        notes = {n.guid: n for n in self.x.notes}
        refs: dict[str, list[tuple[str, int | None, str]]] = {}  # note → (type, id, prefix)

        def span_target(p: _Placed, segments: list[Segment], start: int, end: int) -> tuple:
            parts = self._overlaps(segments, p.shift.start(start), p.shift.end(end))
            if parts:
                return ("segment", parts[0][0].id, "")
            return ("project", None, f"Zu „{p.source.name}“, Zeichen {start}–{end}: ")

        selection_targets: dict[str, tuple] = {}
        source_targets: dict[str, tuple] = {}
        for guid, (p, segments) in targets.items():
            source_targets[guid] = ("project", None, f"Zu „{p.source.name}“: ")
            for sel in p.source.selections:
                target = span_target(p, segments, sel.start, sel.end)
                selection_targets[sel.guid] = target
                for note in sel.notes + tuple(n for c in sel.codings for n in c.notes):
                    refs.setdefault(note, []).append(target)
                if sel.description.strip() and parse_block(SEGMENT_MARKER, sel.description) is None:
                    # A comment on a selection (MAXQDA writes these): a memo on the segment.
                    author = self._coder(sel.user, what=f'<PlainTextSelection guid="{sel.guid}">')
                    self._memo(target, author, sel.description.strip(), _parse_time(sel.created))
            for note in p.source.notes + tuple(n for c in p.source.codings for n in c.notes):
                refs.setdefault(note, []).append(source_targets[guid])
        by_path = {c.path: c for c in self.session.scalars(select(Code))}
        for path, note_guids in self.x.code_notes.items():
            for note in note_guids:
                if path in by_path:
                    refs.setdefault(note, []).append(("code", by_path[path].id, ""))
        for note in self.x.project_notes:
            refs.setdefault(note, []).append(("project", None, ""))
        for origin, target in self.x.links:  # NVivo links annotations to selections
            if origin in notes:
                found = selection_targets.get(target) or source_targets.get(target)
                if found:
                    refs.setdefault(origin, []).append(found)
        for note in self.x.notes:
            text = note.text.strip()
            if not text:
                self.notices.append(f"Notiz '{note.name or note.guid}' ohne Text übersprungen.")
                continue
            author = self._coder(note.user, what=f'<Note guid="{note.guid}">')
            created = _parse_time(note.created)
            cluster = re.fullmatch(rf"{CLUSTER_NOTE} (\d+)", note.description.strip())
            places = refs.get(note.guid) or (
                [("cluster", int(cluster.group(1)), "")] if cluster else [("project", None, "")]
            )
            for target in dict.fromkeys(places):
                self._memo(target, author, text, created)

    def _memo(self, target: tuple, author: str, text: str, created: datetime | None) -> None:
        target_type, target_id, prefix = target
        text, _ = self.pseudonymiser.pseudonymise(prefix + text, self.options.names)
        self._store_key()
        found = self.session.scalar(
            select(Memo.id).where(
                Memo.target_type == target_type,
                Memo.target_id.is_(None) if target_id is None else Memo.target_id == target_id,
                Memo.author == author,
                Memo.text == text,
            )
        )
        if found is not None:
            return
        self.session.add(
            Memo(
                target_type=target_type,
                target_id=target_id,
                author=author,
                text=text,
                created_at=created or utcnow(),
            )
        )
        self.session.flush()
        self.counts["memos"] += 1

    # -- indicators --------------------------------------------------------------------------
    def _indicators(self) -> None:
        named = [c for c in self.x.cases if c.name and c.variables]
        if not named:
            return
        if self.options.district:
            self.notices.append(
                "Fallvariablen nicht übernommen: --district legt den Sozialraum fest."
            )
            return
        try:
            from workbench.store import Indicator
        except ImportError:
            self.notices.append("Fallvariablen nicht übernommen: Indikatoren-Modul fehlt.")
            return
        stored = {
            (r.district_id, r.indicator, r.year): r for r in self.session.scalars(select(Indicator))
        }
        skipped: list[str] = []
        for case in named:
            district = self._district(case.name)
            for guid, kind, raw in case.variables:
                name, _, description = self.x.variables.get(guid, (guid, "Text", ""))
                meta = _indicator_meta(name, description, self.x.filename)
                value = _number(kind, raw)
                if meta is None or value is None:
                    skipped.append(f"{case.name}: {name}")
                    continue
                indicator, year, unit, source, illustrative = meta
                values = {
                    "value": value,
                    "unit": unit,
                    "source": source,
                    "illustrative": illustrative,
                }
                record = stored.get((district.id, indicator, year))
                if record is None:
                    record = Indicator(
                        district_id=district.id,
                        indicator=indicator,
                        year=year,
                        filename=self.x.filename,
                        **values,
                    )
                    self.session.add(record)
                    stored[(district.id, indicator, year)] = record
                elif all(getattr(record, k) == v for k, v in values.items()):
                    continue
                else:
                    for k, v in values.items():
                        setattr(record, k, v)
                    record.filename = self.x.filename
                self.counts["indicators"] += 1
        if skipped:
            self.notices.append(
                "Fallvariablen ohne Jahr oder ohne Zahlenwert nicht als Indikator übernommen: "
                + "; ".join(skipped)
            )
        self.session.flush()


def _stem(name: str) -> str:
    """A source name without a document suffix (``Protokoll.docx`` → ``Protokoll``)."""
    return name[: -len(Path(name).suffix)] if name.lower().endswith(TEXT_SUFFIXES) else name


def _indicator_meta(
    name: str, description: str, filename: str
) -> tuple[str, int, str, str, bool] | None:
    """(indicator, year, unit, source, illustrative) of a case variable, if it has a year."""
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


def _number(kind: str, raw: str) -> float | None:
    if kind not in ("FloatValue", "IntegerValue", "TextValue"):
        return None
    try:
        from workbench.synthesis.indicators import parse_number

        return parse_number(raw)
    except (ImportError, ValueError):
        try:
            return float(raw)
        except ValueError:
            return None


def import_qdpx_files(
    project: Project,
    paths: Sequence[str | Path],
    coder: str | None = None,
    district: str | None = None,
    workshop: str | None = None,
    names: Sequence[str] = (),
    add_districts: bool = False,
) -> list[QdpxImport]:
    """Import ``.qdpx`` files in ONE transaction: all of them, or nothing.

    ``coder`` names who coded where a file does not say; ``district``/``workshop`` fix
    the Sozialraum/workshop of every source; ``names`` are participants to pseudonymise;
    ``add_districts`` declares districts named by the file's cases instead of stopping.
    """
    exchanges = [read_qdpx(p) for p in paths]  # read and check everything first
    options = _Options(
        coder=check_coder(coder) if coder else None,
        district=district.strip() if district else None,
        workshop=workshop.strip() if workshop else None,
        names=tuple(n.strip() for n in names if n.strip()),
        add_districts=add_districts,
    )
    with project.transaction() as session:
        return [_Importer(session, x, options).run() for x in exchanges]


def import_qdpx(project: Project, path: str | Path, **options: Any) -> QdpxImport:
    """Import one ``.qdpx`` in one transaction (see :func:`import_qdpx_files`)."""
    return import_qdpx_files(project, [path], **options)[0]


__all__ = [
    "QdpxExport",
    "QdpxImport",
    "build_qde",
    "export_qdpx",
    "import_qdpx",
    "import_qdpx_files",
    "read_qdpx",
    "stable_guid",
]
