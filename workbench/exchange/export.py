"""Writing a REFI-QDA project (``.qdpx``): ``project.qde`` plus ``Sources/GUID.txt``.

Positions are written in UTF-16 code units, as NVivo, MAXQDA and ATLAS.ti count them, or
for QualCoder in code points (see :mod:`workbench.exchange.positions`); the same project
gives the same bytes.
"""

from __future__ import annotations

import io
import json
import shlex
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from workbench.coding.codebook import (
    SEPARATOR,
    CodeSpec,
    codebook_tree,
    exchanged_code_name,
    path_key,
    stored_code_name,
)

# The .qdc module writes the same <Code> elements; sharing it keeps codebook and project
# exports identical code for code.
from workbench.coding.codebook_qdc import _code_element
from workbench.core.fileio import atomic_path
from workbench.core.formatting import plural
from workbench.core.word_caches import forgets_words
from workbench.exchange.decisions import decisions_block
from workbench.exchange.export_data import (
    CodingOut,
    DocumentOut,
    MemoOut,
    ProjectOut,
    SegmentOut,
    collect,
    variable_key,
    variables_of,
)
from workbench.exchange.positions import FOR_QUALCODER, Utf16Map
from workbench.exchange.qdxml import (
    CLUSTER_NOTE,
    DISTRICT_MARKER,
    INDICATOR_MARKER,
    LISTED_FIELD,
    NAMESPACE,
    QDE,
    SEGMENT_MARKER,
    WORKSHOP_MARKER,
    clean,
    decimal,
    format_block,
    iso,
    listed_value,
    stable_guid,
    sub,
    text_digest,
    text_element,
    uncoded_block,
)
from workbench.exchange.resolutions import resolution_block
from workbench.store import record_export
from workbench.store.problems import ProjectBusyError

if TYPE_CHECKING:
    from workbench.project import Project

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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
    notices: tuple[str, ...] = ()


def qualcoder_notices(specs: Iterable[CodeSpec]) -> tuple[str, ...]:
    """Codes of the same name under different parents, named: QualCoder keeps each code
    name once and joins such codes into one on import (``refi.py``: a name already there
    is taken for the next).

    >>> qualcoder_notices([CodeSpec("Bedarf/Sonstiges"), CodeSpec("Ressource/Sonstiges")])
    ... # doctest: +ELLIPSIS
    ("Code 'Sonstiges' steht mehrmals im Codebuch (Bedarf/Sonstiges, Ressource/Sonstiges): ...",)
    """
    paths: dict[str, list[str]] = {}
    for spec in specs:
        paths.setdefault(exchanged_code_name(spec.name), []).append(spec.path)
    notices = []
    for name, twins in sorted(paths.items()):
        if len(twins) < 2:
            continue
        nested = next(t for t in sorted(twins) if SEPARATOR in t)  # one at most is on top
        parent, own = nested.rsplit(SEPARATOR, 2)[-2:]
        notices.append(
            f"Code '{name}' steht mehrmals im Codebuch ({', '.join(sorted(twins))}): QualCoder "
            "kennt jeden Codenamen nur einmal und legt sie beim Import zu einem zusammen. "
            f"Vorher umbenennen, z. B. workbench codebook rename {shlex.quote(nested)} "
            f"{shlex.quote(f'{own} ({parent})')}"
        )
    return tuple(notices)


def codable_specs(data: ProjectOut) -> tuple[list[CodeSpec], tuple[str, ...]]:
    """The codebook to export and a notice: a category (not codable) that was coded here is
    exported codable, else QualCoder (and any program that keeps categories uncoded) drops
    its codings."""
    coded = {c.code for d in data.documents for c in d.codings}
    named = [s.path for s in data.specs if not s.codable and s.path in coded]
    specs = [replace(s, codable=True) if s.path in named else s for s in data.specs]
    if not named:
        return specs, ()
    return specs, (
        f"{plural(len(named), 'Kategorie', 'Kategorien')} mit Kodierungen als kodierbarer "
        f"Code exportiert (sonst gingen die Kodierungen dort verloren): {', '.join(named[:5])}"
        + (f" und {len(named) - 5} weitere" if len(named) > 5 else "")
        + ".",
    )


def build_qde(data: ProjectOut, name: str, pseudonymised: bool, qualcoder: bool = False) -> bytes:
    """The ``project.qde`` document for collected project data (pure); ``qualcoder``:
    positions in code points, as QualCoder reads them, and the origin says so."""
    from workbench import __version__

    documents, memos = data.documents, data.memos
    origin = f"Sozialraum-Werkbank {__version__}" + (f" {FOR_QUALCODER}" if qualcoder else "")
    root = ET.Element("Project", {"xmlns": NAMESPACE, "name": clean(name), "origin": origin})

    # Users: every coder and memo author.
    people = sorted({c.coder for d in documents for c in d.codings} | {m.author for m in memos})
    if people:
        users = sub(root, "Users")
        for person in people:
            sub(users, "User", {"guid": stable_guid("user", person), "name": person})

    # CodeBook: the .qdc code elements, plus NoteRefs for code memos.
    code_elements: dict[str, ET.Element] = {}
    if data.specs:
        codes = sub(sub(root, "CodeBook"), "Codes")
        for node in codebook_tree(codable_specs(data)[0]):
            element = _code_element(node, None, data.code_guids)
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
    variables = variables_of(indicators)
    if variables:
        parent = sub(root, "Variables")
        for key, (guid, var_name) in sorted(variables.items(), key=lambda kv: kv[1][1]):
            variable = sub(
                parent, "Variable", {"guid": guid, "name": var_name, "typeOfVariable": "Float"}
            )
            text_element(
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
        cases = sub(root, "Cases")
        for district in data.districts:
            case = sub(
                cases, "Case", {"guid": stable_guid("case", district.name), "name": district.name}
            )
            text_element(
                case,
                "Description",
                format_block(
                    DISTRICT_MARKER, [("Gesamtstädtisch", "ja" if district.is_citywide else "nein")]
                ),
            )
            values = sorted(
                (r for r in indicators if r["district"] == district.name),
                key=lambda r: variables[variable_key(r)][1],
            )
            for r in values:
                value = sub(case, "VariableValue")
                sub(value, "VariableRef", {"targetGUID": variables[variable_key(r)][0]})
                text_element(value, "FloatValue", decimal(r["value"]))
            for d in documents:
                if d.segments and all(s.district == district.name for s in d.segments):
                    sub(case, "SourceRef", {"targetGUID": d.guid})
            for d in documents:
                for s in d.segments:
                    if s.district == district.name:
                        sub(case, "SelectionRef", {"targetGUID": segment_guids[s.segment_id]})

    # Sources: documents, segments as selections, codings.
    if documents:
        sources = sub(root, "Sources")
        for d in documents:
            _source_element(sources, d, segment_guids, memos, qualcoder)

    # Notes: memos under names unique in the file (QualCoder stops at a second of a name);
    # their texts inside the note as MAXQDA and ATLAS.ti write them, for QualCoder in
    # Sources/GUID.txt (it reads no <PlainTextContent> as a memo).
    if memos:
        parent = sub(root, "Notes")
        used: set[str] = set()
        for memo in memos:
            first = memo.text.strip().splitlines()[0] if memo.text.strip() else "Memo"
            name, number = first[:60], 1
            while name in used:
                number += 1
                name = f"{first[:60]} ({number})"
            used.add(name)
            note = sub(
                parent,
                "Note",
                {
                    "guid": memo.guid,
                    "name": name,
                    **({"plainTextPath": f"internal://{memo.guid}.txt"} if qualcoder else {}),
                    "creatingUser": stable_guid("user", memo.author),
                    "creationDateTime": iso(memo.created_at),
                },
            )
            if memo.target_type == "cluster":
                text_element(note, "Description", f"{CLUSTER_NOTE} {memo.target}")
            elif memo.resolution is not None:  # so the import makes it a resolution again
                text_element(note, "Description", resolution_block(memo.resolution))
            if not qualcoder:
                text_element(note, "PlainTextContent", memo.text)

    # Sets: workshops with their documents.
    if data.sets:
        parent = sub(root, "Sets")
        for workshop, district, members in data.sets:
            member_set = sub(
                parent,
                "Set",
                {"guid": stable_guid("workshop", workshop.name), "name": workshop.name},
            )
            text_element(
                member_set,
                "Description",
                format_block(
                    WORKSHOP_MARKER,
                    [
                        ("Sozialraum", district),
                        ("Datum", workshop.date),
                        ("Format", workshop.format),
                        (LISTED_FIELD, listed_value(data.listed.get(workshop.name, ()))),
                    ],
                ),
            )
            for guid in members:
                sub(member_set, "MemberSource", {"targetGUID": guid})

    text_element(
        root,
        "Description",
        "Exportiert aus der Sozialraum-Werkbank. "
        + (
            "Texte pseudonymisiert. "
            if pseudonymised
            else "ORIGINALTEXTE – nur für die Forschungsgruppe. "
        )
        + f"Aussagen sind Textstellen mit der Beschreibung „{SEGMENT_MARKER}“, "
        "Sozialräume sind Fälle (mit Indikatoren als Variablen), Workshops sind Sets."
        + (f"\n\n{block}" if (block := decisions_block(data.decisions)) else ""),
    )
    for memo in memos:
        if memo.target_type == "project":
            sub(root, "NoteRef", {"targetGUID": memo.guid})

    tree = ET.ElementTree(root)
    ET.indent(tree, space="  ")
    buffer = io.BytesIO()
    buffer.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
    tree.write(buffer, encoding="utf-8", xml_declaration=False)
    buffer.write(b"\n")
    return buffer.getvalue()


def _index_codes(element: ET.Element, parent: str | None, index: dict[str, ET.Element]) -> None:
    name = stored_code_name(element.get("name", ""))
    path = f"{parent}{SEPARATOR}{name}" if parent else name
    index[path] = element
    for child in element.findall("Code"):
        _index_codes(child, path, index)


def _source_element(
    sources: ET.Element,
    d: DocumentOut,
    segment_guids: dict[int, str],
    memos: Iterable[MemoOut],
    qualcoder: bool = False,
) -> None:
    source = sub(
        sources,
        "TextSource",
        {"guid": d.guid, "name": d.name, "plainTextPath": f"internal://{d.guid}.txt"},
    )
    # Segment selections and span selections, in text order; positions in UTF-16 (for
    # QualCoder in code points, which it reads: the same after an emoji there).
    units = (lambda pos: pos) if qualcoder else Utf16Map(d.text).to_utf16
    spans: dict[tuple[int, int], list[CodingOut]] = {}
    whole: dict[int, list[CodingOut]] = {}
    for c in d.codings:
        if c.whole:
            whole.setdefault(c.segment_id, []).append(c)
        else:
            spans.setdefault((c.start, c.end), []).append(c)
    # QualCoder's export drops selections without a coding but keeps the source's
    # description: the statements without a code travel there too (decision 005)
    uncoded = [
        (
            segment_guids[s.segment_id],
            s.start,
            s.end,
            _segment_block(s),
            text_digest(d.text[s.start : s.end]),
        )
        for s in d.segments
        if qualcoder and s.segment_id not in whole
    ]
    if description := uncoded_block(d.title or "", uncoded):
        text_element(source, "Description", description)
    segment_notes: dict[tuple[str, str], list[str]] = {}
    for memo in memos:
        if memo.target_type == "segment" and memo.target is not None:
            segment_notes.setdefault(memo.target, []).append(memo.guid)
    items: list[tuple[int, int, int, Any]] = [(s.start, -s.end, 0, s) for s in d.segments]
    items += [(start, -end, 1, (start, end)) for start, end in spans]
    for _, _, kind, item in sorted(items, key=lambda i: i[:3]):
        if kind == 0:
            s: SegmentOut = item
            guid = segment_guids[s.segment_id]
            selection = sub(
                source,
                "PlainTextSelection",
                {
                    "guid": guid,
                    "name": f"Aussage {s.source_id}",
                    "startPosition": str(units(s.start)),
                    "endPosition": str(units(s.end)),
                },
            )
            text_element(selection, "Description", _segment_block(s))
            groups = _by_coder(whole.get(s.segment_id, []))
            _codings(selection, guid, groups[0] if groups else [])
            for note in segment_notes.get((d.guid, s.source_id), []):
                sub(selection, "NoteRef", {"targetGUID": note})
            for codings in groups[1:]:  # another coder's: a selection of its own
                _span_selection(source, d.guid, s.start, s.end, units, codings)
        else:
            start, end = item
            for number, codings in enumerate(_by_coder(spans[item])):
                _span_selection(source, d.guid, start, end, units, codings, number > 0)


def _segment_block(s: SegmentOut) -> str:
    """The description block of a statement's selection (decision 005)."""
    attributes = json.dumps(s.attributes, ensure_ascii=False, sort_keys=True)
    return format_block(
        SEGMENT_MARKER,
        [
            ("Quelle-ID", s.source_id),
            ("Position", s.position),
            ("Workshop", s.workshop),
            ("Sozialraum", s.district),
            ("Leitfrage", s.question),
            ("Rolle", s.speaker_role),
            ("Attribute", attributes if s.attributes else None),
        ],
    )


def _by_coder(codings: list[CodingOut]) -> list[list[CodingOut]]:
    """Codings of one selection, one list per coder (by name).

    QualCoder takes a coding's coder from its selection, not from the coding (none there:
    "default", which its coding view shows to nobody), and keeps one coding per code, span
    and coder: two coders in one selection arrived as one "default" coding.
    """
    groups: dict[str, list[CodingOut]] = {}
    for c in codings:
        groups.setdefault(c.coder, []).append(c)
    return [groups[coder] for coder in sorted(groups)]


def _span_selection(
    source: ET.Element,
    document: str,
    start: int,
    end: int,
    units: Callable[[int], int],
    codings: list[CodingOut],
    named: bool = False,
) -> None:
    """A selection of ``codings`` (all by one coder) over [start, end) of the document;
    ``named``: not the first at this span, its GUID also names the coder."""
    keys = (document, start, end, codings[0].coder) if named else (document, start, end)
    guid = stable_guid("selection", *keys)
    selection = sub(
        source,
        "PlainTextSelection",
        {"guid": guid, "startPosition": str(units(start)), "endPosition": str(units(end))},
    )
    _codings(selection, guid, codings)


def _codings(selection: ET.Element, selection_guid: str, codings: list[CodingOut]) -> None:
    coders = {c.coder for c in codings}
    if len(coders) == 1:
        # QualCoder takes the coder from the selection, not the coding (else "default");
        # MAXQDA and NVivo name it there too.
        selection.set("creatingUser", stable_guid("user", coders.pop()))
        first = min((c.created_at for c in codings if c.created_at is not None), default=None)
        if first is not None:
            selection.set("creationDateTime", iso(first))
    for c in sorted(codings, key=lambda c: (path_key(c.code), c.coder)):
        coding = sub(
            selection,
            "Coding",
            {
                "guid": stable_guid("coding", selection_guid, c.code, c.coder),
                "creatingUser": stable_guid("user", c.coder),
                "creationDateTime": iso(c.created_at),
            },
        )
        sub(coding, "CodeRef", {"targetGUID": c.code_guid})


@forgets_words  # no participant's word stays in a module's cache
def export_qdpx(
    project: Project,
    out: str | Path,
    pseudonymised: bool = True,
    name: str | None = None,
    qualcoder: bool = False,
) -> QdpxExport:
    """Write the project as a REFI-QDA ``.qdpx``; the same project gives the same bytes.

    ``pseudonymised=False`` restores original texts from the key: only for exchange
    within the research team, never for stakeholders. ``qualcoder``: text positions in
    Unicode code points, as QualCoder reads them (otherwise UTF-16 code units, as
    MAXQDA, NVivo and ATLAS.ti count them).
    """
    out = Path(out)
    data = collect(project, pseudonymised)
    qde = build_qde(data, name or project.path.name, pseudonymised, qualcoder)
    documents = data.documents
    entries = [(QDE, qde)] + [(f"Sources/{d.guid}.txt", d.text.encode("utf-8")) for d in documents]
    if qualcoder:  # memos as files: QualCoder reads a note's text only so
        entries += [(f"Sources/{m.guid}.txt", m.text.encode("utf-8")) for m in data.memos]
    mode = 0o644 if pseudonymised else 0o600  # original texts: only their owner reads them
    with atomic_path(out, mode) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        for entry, content in entries:
            info = zipfile.ZipInfo(entry, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    _remember(project, data.marks)
    return QdpxExport(
        path=str(out),
        documents=len(documents),
        segments=sum(len(d.segments) for d in documents),
        codes=len(data.specs),
        codings=sum(len(d.codings) for d in documents),
        memos=len(data.memos),
        cases=len(data.districts),
        variables=len(variables_of(data.indicators)),
        pseudonymised=pseudonymised,
        notices=codable_specs(data)[1] + (qualcoder_notices(data.specs) if qualcoder else ()),
    )


def _remember(project: Project, marks: tuple[int, int]) -> None:
    """Record what the export held, so that the file read back names what a colleague
    removed there (:func:`workbench.store.export_of`). A project that cannot be written
    (a read-only copy, a database role for reading) exports all the same: its files are
    read back as before, by the codings and memos they still have (also one that another
    process holds locked for longer than the busy timeout)."""
    try:
        with project.transaction() as session:
            record_export(session, *marks)
    except (DBAPIError, ProjectBusyError):
        pass
