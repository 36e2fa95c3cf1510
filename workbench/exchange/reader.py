"""Reading a REFI-QDA project (``.qdpx`` or bare ``.qde``) into plain records (pure).

Nothing here touches the store: :func:`read_qdpx` checks the file and returns an
:class:`Exchange` whose positions are code point offsets into the source texts as read
(converted from the file's own convention, see :mod:`workbench.exchange.positions`).
PDF sources are read through the text version the vendor stored, audio and video sources
through their transcripts (:mod:`workbench.exchange.media`); what has no text (pictures,
marked page areas without text, time spans of a recording) is kept only by name, with how
many selections and codings it carries, so the import can say what it skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from workbench.coding.codebook import (
    CodeSpec,
    refuse_doubles,
)

# The .qdc module reads the same <Code> elements; sharing it keeps both imports alike.
from workbench.coding.codebook_qdc import (
    _read_code,
    atlas_levels,
    code_names,
    file_code_path,
    read_colours,
    slashed_notice,
)
from workbench.core.domain import InputError
from workbench.core.formatting import plural
from workbench.core.parse_errors import xml_problem
from workbench.exchange.archive import (
    Container,
    FolderContainer,
    Missing,
    missing_message,
    open_container,
    project_base,
    source_text,
)
from workbench.exchange.media import (
    RawText,
    ambiguous_areas,
    has_page_zero,
    pdf_text,
    selection_guids,
    text_source,
    transcript_texts,
)
from workbench.exchange.positions import (
    UTF8,
    UTF16,
    CrlfMap,
    Reading,
    Utf16Map,
    byte_reading,
    detect,
    one_per_break,
    one_per_line_break,
    per_selection,
)
from workbench.exchange.qdxml import (
    SEGMENT_MARKER,
    child,
    child_text,
    children,
    items,
    local,
    norm_guid,
    note_label,
    refs,
    source_label,
    unix_lines,
    unreadable_times,
    where,
    with_masked_notes,
)
from workbench.exchange.records_in import (
    CaseIn,
    CodingIn,
    Exchange,
    NoteIn,
    SelectionIn,
    SetIn,
    SkippedIn,
    SourceIn,
)


def read_qdpx(path: str | Path) -> Exchange:
    """Read and check a ``.qdpx`` (or a ``.qde`` with its sources beside it); pure."""
    path = Path(path)
    container = open_container(path)
    try:
        return _parse(container, path.name)
    finally:
        container.close()


def _codings_in(parent: ET.Element) -> tuple[CodingIn, ...]:
    result = []
    for coding in children(parent, "Coding"):
        ref = child(coding, "CodeRef")
        result.append(
            CodingIn(
                guid=norm_guid(coding.get("guid")),
                code=norm_guid(ref.get("targetGUID") if ref is not None else ""),
                user=norm_guid(coding.get("creatingUser")) or None,
                created=coding.get("creationDateTime"),
                notes=refs(coding, "NoteRef"),
            )
        )
    return tuple(result)


def _values_in(parent: ET.Element) -> tuple[tuple[str, str, str], ...]:
    values = []
    for value in children(parent, "VariableValue"):
        ref = child(value, "VariableRef")
        content = next((c for c in value if local(c.tag).endswith("Value")), None)
        if ref is None or content is None:
            continue
        values.append(
            (norm_guid(ref.get("targetGUID")), local(content.tag), (content.text or "").strip())
        )
    return tuple(values)


def _codebook_in(
    root: ET.Element, filename: str, notices: list[str], origin: str = ""
) -> tuple[list[CodeSpec], dict[str, str], dict[str, tuple[str, ...]]]:
    codebook = child(root, "CodeBook")
    codes = None if codebook is None else child(codebook, "Codes")
    if codes is None:
        return [], {}, {}
    notices.extend(read_colours(codes, filename))
    specs: list[CodeSpec] = []
    paths: dict[str, str] = {}
    notes: dict[str, tuple[str, ...]] = {}

    def walk(element: ET.Element, parent: str | None) -> None:
        path = file_code_path(element.get("name") or "", parent)  # as _read_code has it
        paths[norm_guid(element.get("guid"))] = path
        if refs(element, "NoteRef"):
            notes[path] = refs(element, "NoteRef")
        for sub in children(element, "Code"):
            walk(sub, path)

    for element in children(codes, "Code"):
        specs.extend(_read_code(element, None, filename))
        walk(element, None)
    notices.extend(slashed_notice(specs))
    written = [entry for _, entry, _ in code_names(codes)]
    refuse_doubles([s.path for s in specs], written, filename, "Doppelte Codes im <CodeBook>")
    specs, moved, levels_notice = atlas_levels(specs, origin)  # "Bedarf::Wohnen"
    if levels_notice:
        notices.append(levels_notice)
    paths = {guid: moved.get(path, path) for guid, path in paths.items()}
    notes = {moved.get(path, path): guids for path, guids in notes.items()}
    return specs, paths, notes


def _int_attr(element: ET.Element, name: str, filename: str, source: str) -> int:
    """The whole number ``name`` of ``element`` in ``source`` (its label), else an error."""
    value = element.get(name)
    try:
        return int(value or "")
    except ValueError:
        raise InputError(
            f"{where(element)} in {source}: "
            + (f"{name}='{value}' ist keine ganze Zahl." if value else f"{name} fehlt."),
            file=filename,
        ) from None


def _skipped(
    element: ET.Element, number: int, left: list[ET.Element] | None = None, imported: str = ""
) -> SkippedIn:
    """What of ``element`` (the ``number``-th source of the file) is not imported: all of
    it, or the ``left`` selections."""
    parts = [element] if left is None else left
    inside = [e for part in parts for e in part.iter()]
    return SkippedIn(
        kind=local(element.tag),
        guid=norm_guid(element.get("guid")),
        name=(element.get("name") or element.get("guid") or "").strip(),
        selections=selection_guids(e for e in inside if local(e.tag).endswith("Selection")),
        codings=sum(1 for e in inside if local(e.tag) == "Coding"),
        notes=tuple(norm_guid(e.get("targetGUID")) for e in inside if local(e.tag) == "NoteRef"),
        imported=imported,
        number=number,
    )


def _parse(container: Container, filename: str) -> Exchange:
    data = container.qde()
    folder = isinstance(container, FolderContainer)
    location = filename if folder else f"{filename}/{container.qde_name}"
    notices: list[str] = []
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        masked = with_masked_notes(data, container.qde_name, err)
        if masked is None:
            raise InputError(
                f"{container.qde_name} ist kein gültiges XML: {xml_problem(err)}.", file=location
            ) from None
        root, notice = masked
        notices.append(notice)
    if local(root.tag) != "Project":
        raise InputError(
            f"Kein REFI-QDA-Projekt: Wurzelelement ist <{local(root.tag)}>, erwartet <Project>.",
            file=location,
        )
    origin = root.get("origin") or ""
    notices.extend(unreadable_times(root))
    base_attr = root.get("basePath")
    base = project_base(base_attr, container)

    users = {}
    for user in items(root, "Users", "User"):
        guid = norm_guid(user.get("guid"))
        users[guid] = (user.get("name") or user.get("id") or "").strip()  # "": no name
    specs, code_paths, code_notes = _codebook_in(root, location, notices, origin)
    variables = {
        norm_guid(v.get("guid")): (
            (v.get("name") or "").strip(),
            v.get("typeOfVariable") or "Text",
            child_text(v, "Description"),
        )
        for v in items(root, "Variables", "Variable")
    }
    cases = tuple(
        CaseIn(
            guid=norm_guid(case.get("guid")),
            name=(case.get("name") or "").strip() or None,
            variables=_values_in(case),
            sources=refs(case, "SourceRef"),
            selections=refs(case, "SelectionRef"),
            description=child_text(case, "Description"),
        )
        for case in items(root, "Cases", "Case")
    )
    texts, skipped, missing = _texts(root, container, base, location, origin, _annotations(root))
    if missing:
        raise InputError(missing_message(missing, container, base_attr), file=location)
    sources = _sources(texts, origin, location, notices)

    notes = []
    note_guids = set()
    for number, note in enumerate(items(root, "Notes", "Note"), 1):
        text = source_text(note, container, base, location)
        note_guids.add(norm_guid(note.get("guid")))
        if isinstance(text, Missing) and text.looked != "kein Text angegeben":
            label = note_label(number, norm_guid(note.get("guid")))  # never its name
            notices.append(f"{label}: Text fehlt im Projekt ({text.looked}), übersprungen.")
            continue
        notes.append(
            NoteIn(
                guid=norm_guid(note.get("guid")),
                name=(note.get("name") or "").strip(),
                text="" if isinstance(text, Missing) else unix_lines(text),  # reported, not fatal
                description=child_text(note, "Description"),
                user=norm_guid(note.get("creatingUser") or note.get("modifyingUser")) or None,
                created=note.get("creationDateTime") or note.get("modifiedDateTime"),
                number=number,
            )
        )
    sets = tuple(
        SetIn(
            guid=norm_guid(s.get("guid")),
            name=(s.get("name") or "").strip(),
            description=child_text(s, "Description"),
            sources=refs(s, "MemberSource"),
            codes=refs(s, "MemberCode"),
        )
        for s in items(root, "Sets", "Set")
    )
    links = tuple(
        (norm_guid(link.get("originGUID")), norm_guid(link.get("targetGUID")))
        for link in items(root, "Links", "Link")
    )
    graphs = len(list(items(root, "Graphs", "Graph")))
    relations = sum(1 for ends in links if not note_guids & set(ends))  # a note's: a memo
    if graphs or relations:
        notices.append(
            "Nicht übernommen (die Werkbank kennt keine Netzwerke und Relationen): "
            + " und ".join(
                text
                for count, text in (
                    (graphs, plural(graphs, "Netzwerkansicht", "Netzwerkansichten")),
                    (relations, plural(relations, "Relation", "Relationen") + " (<Link>)"),
                )
                if count
            )
            + "."
        )
    dangling = sorted(
        {norm_guid(e.get("targetGUID")) for e in root.iter() if local(e.tag) == "NoteRef"}
        - note_guids
    )
    if dangling:
        notices.append(
            f"{plural(len(dangling), 'Verweis', 'Verweise')} auf Notizen, die im Projekt "
            f"fehlen, ignoriert (NoteRef {', '.join(dangling[:3])}"
            + (f" und {len(dangling) - 3} weitere" if len(dangling) > 3 else "")
            + ")."
        )
    return Exchange(
        filename=filename,
        location=location,
        origin=origin,
        users=users,
        specs=tuple(specs),
        code_paths=code_paths,
        code_notes=code_notes,
        variables=variables,
        cases=cases,
        sources=sources[0],
        skipped=tuple(skipped),
        notes=tuple(notes),
        sets=sets,
        project_notes=refs(root, "NoteRef"),
        links=links,
        reading=sources[1],
        notices=tuple(notices),
        project=(root.get("name") or "").strip(),
        about=dict(root.attrib, Description=child_text(root, "Description")),
    )


def _annotations(root: ET.Element) -> dict[str, ET.Element]:
    """Notes that hold the span they annotate (QualCoder's annotations), by note GUID: the
    span as a selection of the source that refers to the note, carrying the note."""
    found = {}
    for note in items(root, "Notes", "Note"):
        inner = child(note, "PlainTextSelection")
        if inner is not None:
            span = ET.Element(inner.tag, dict(inner.attrib))
            ET.SubElement(span, "NoteRef", {"targetGUID": note.get("guid") or ""})
            found[norm_guid(note.get("guid"))] = span
    return found


def _texts(
    root: ET.Element,
    container: Container,
    base: Path | None,
    location: str,
    origin: str,
    annotations: dict[str, ET.Element],
) -> tuple[list[RawText], list[SkippedIn], list[Missing]]:
    """Every text of the project's sources, what has none, and text sources not found."""
    element_list = child(root, "Sources")
    elements = [] if element_list is None else list(element_list)

    def read_or_missing(element: ET.Element, label: str = "") -> str | Missing:
        text = source_text(element, container, base, location, label)
        if isinstance(text, Missing) or "ATLAS.ti" not in origin:
            return text
        return text.replace("\r\n", "\n")  # ATLAS.ti counts a Windows line break as one

    def read(element: ET.Element) -> str | None:
        text = read_or_missing(element)
        return None if isinstance(text, Missing) else text

    texts: list[RawText] = []
    skipped: list[SkippedIn] = []
    missing: list[Missing] = []
    for number, element in enumerate(elements, 1):
        if local(element.tag) != "TextSource":
            continue
        # named by its place, not its name (source_label)
        label = source_label("TextSource", number, norm_guid(element.get("guid")))
        text = read_or_missing(element, label)
        if isinstance(text, Missing) and text.rich:  # nothing to add: named, with advice
            skipped.append(replace(_skipped(element, number), rich=text.looked))
        elif isinstance(text, Missing):
            missing.append(replace(text, name=label))
        else:
            texts.append(replace(text_source(element, text), label=label))
            texts[-1].plain += [
                annotations[n] for n in refs(element, "NoteRef") if n in annotations
            ]
    paths = {e.get("plainTextPath") for e in elements if local(e.tag) == "TextSource"}
    seen = {t.text for t in texts}

    def known(transcript: ET.Element, text: str) -> bool:  # ATLAS.ti lists them twice
        return transcript.get("plainTextPath") in paths - {None} or text in seen

    for number, element in enumerate(elements, 1):
        kind = local(element.tag)
        if kind == "PDFSource":
            pdf, left = pdf_text(element, read)
            found = [] if pdf is None else [pdf]
        elif kind in ("AudioSource", "VideoSource"):
            found, left = transcript_texts(element, read, known)
        else:
            if kind != "TextSource":
                skipped.append(_skipped(element, number))
            continue
        for t in found:  # several transcripts: each by its own GUID
            t.label = source_label(kind, number, t.guid)
        texts.extend(found)
        seen.update(t.text for t in found)
        imported = found[0].kind if found else ""
        part = _skipped(element, number, left if found else None, imported)
        twice = [a for t in found for a in t.ambiguous]
        if twice:  # a page 0 anywhere in the PDF shows how this file counts its pages
            part = replace(part, ambiguous=ambiguous_areas(twice), page_zero=has_page_zero(element))
        skipped.append(part)
    return texts, skipped, missing


def _sources(
    texts: list[RawText], origin: str, filename: str, notices: list[str]
) -> tuple[tuple[SourceIn, ...], Reading]:
    """Texts with positions converted to code points, and how they were read."""
    for raw in texts:
        raw.spans[:0] = [
            (
                selection,
                _int_attr(selection, "startPosition", filename, raw.label),
                _int_attr(selection, "endPosition", filename, raw.label),
            )
            for selection in raw.plain
        ]
    # names for the notices on positions: labels, never the sources' names
    spans = [(t.label, t.text, [(s, e) for _, s, e in t.spans]) for t in texts]
    one, crlf_notice = one_per_line_break(origin, spans)  # "\r\n" as one character
    if crlf_notice:
        notices.append(crlf_notice)
    bases = [one_per_break(t.text) if one else t.text for t in texts]
    reading = detect(origin, [(n, b, s) for (n, _, s), b in zip(spans, bases, strict=True)])
    ours = any(SEGMENT_MARKER in child_text(e, "Description") for t in texts for e, _, _ in t.spans)
    reading = per_selection(reading, origin, ours)  # QualCoder: our UTF-16 and its own
    basis = [(name, base, s) for (name, _, s), base in zip(spans, bases, strict=True)]
    reading = byte_reading(reading, basis)  # a tool that counts UTF-8 bytes
    sources = []
    for raw, base in zip(texts, bases, strict=True):
        mapping, crlf = Utf16Map(base), CrlfMap(raw.text)
        lengths = {UTF16: mapping.length16, UTF8: mapping.length8}
        length = lengths.get(reading.unit, len(base))
        name, text = raw.name, raw.text
        selections = []
        for selection, start, end in raw.spans:
            begin, stop = reading.span(raw.label, base, mapping, start, end)
            if one and begin is not None and stop is not None and stop <= len(base):
                begin, stop = crlf.to_raw(begin), crlf.to_raw(stop)
            what = f"{where(selection)} in {raw.label}"
            if start > end:
                raise InputError(
                    f"{what}: startPosition {start} liegt hinter endPosition {end}; "
                    "eine Textstelle beginnt vor ihrem Ende.",
                    file=filename,
                )
            if begin is None or stop is None:
                raise InputError(
                    f"{what}: Textstelle [{start}, {end}) beginnt oder endet mitten in einem "
                    f"Zeichen (Positionen als {reading.unit} gelesen).",
                    file=filename,
                )
            if not 0 <= begin <= stop <= len(text):
                raise InputError(
                    f"{what}: Textstelle [{start}, {end}) liegt nicht im Text (Länge {length}); "
                    f"erlaubt ist 0 ≤ startPosition ≤ endPosition ≤ {length}.",
                    file=filename,
                )
            selections.append(_selection(selection, begin, stop))
        selections += [_selection(sel, begin, stop) for sel, begin, stop in raw.located]
        on_spans = {n for s in selections for n in s.notes}  # a note on a span is not on all
        empty = sum(len(s.codings) for s in selections if s.start == s.end)
        if empty:
            notices.append(
                f"{raw.label}: {plural(empty, 'Kodierung', 'Kodierungen')} auf leeren "
                "Textstellen (startPosition = endPosition) übersprungen."
            )
            selections = [replace(s, codings=()) if s.start == s.end else s for s in selections]
        sources.append(
            SourceIn(
                guid=raw.guid,
                owner=raw.owner,
                kind=raw.kind,
                name=name,
                title=raw.title,
                text=text,
                selections=tuple(selections),
                codings=_codings_in(raw.meta),
                notes=tuple(n for n in refs(raw.meta, "NoteRef") if n not in on_spans) + raw.notes,
                variables=_values_in(raw.meta),
                label=raw.label,
            )
        )
    notices.extend(filter(None, [reading.mixed_notice()]))
    return tuple(sources), reading


def _selection(selection: ET.Element, start: int, end: int) -> SelectionIn:
    return SelectionIn(
        guid=norm_guid(selection.get("guid")),
        start=start,
        end=end,
        description=child_text(selection, "Description"),
        user=norm_guid(selection.get("creatingUser") or selection.get("modifyingUser")) or None,
        created=selection.get("creationDateTime"),
        codings=_codings_in(selection),
        notes=refs(selection, "NoteRef"),
    )
