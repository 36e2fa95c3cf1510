"""REFI-QDA codebook exchange (``.qdc``, namespace ``urn:QDA-XML:codebook:1.0``).

The codebook format MAXQDA, ATLAS.ti, NVivo and QualCoder read and write. Codes are
nested ``<Code>`` elements; each has a GUID, a name, ``isCodable``, an optional colour
(``#RRGGBB``) and an optional ``<Description>``.

- A project's code exports with its stored GUID (``uuid5`` of the path it was created
  with, or the GUID of the file it came from), which stays when it is renamed or moved;
  specs without a project are written with ``uuid5`` of their path. So the same codebook
  always exports to the same bytes, and a code keeps its GUID across exports.
- REFI-QDA has no field for an anchor example: the example is appended to the
  description after the line ``Beispiel:`` and split off again on import, so a
  round trip keeps it and other programs still show it to their users.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO

from workbench.coding.codebook import (
    NAME_SLASH,
    SEPARATOR,
    CodeSpec,
    alpha_colour,
    check_code_size,
    codebook_tree,
    exchanged_code_name,
    normalise_colour,
    refuse_doubles,
    stored_code_name,
)
from workbench.core.domain import InputError
from workbench.core.formatting import plural
from workbench.core.parse_errors import xml_problem
from workbench.core.typed_text import one_line_name
from workbench.store.schema import CODE_GUID_NAMESPACE, code_guid

NAMESPACE = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Sozialraum-Werkbank"
# Namespace of the codes' GUIDs (see workbench.store.code_guid).
GUID_NAMESPACE = CODE_GUID_NAMESPACE
EXAMPLE_MARKER = "\n\nBeispiel: "
# Characters XML 1.0 cannot carry, not even as a reference (a vertical tab from a text
# pasted out of Word): one of them in a description makes the whole file unreadable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry.

    >>> xml_safe("Zeile eins\\vZeile zwei")
    'Zeile einsZeile zwei'
    """
    return _XML_INVALID.sub("", text)


def _code_element(
    node: dict, parent_path: str | None, guids: Mapping[str, str] | None = None
) -> ET.Element:
    """The ``<Code>`` element of a codebook tree node; ``guids`` are the stored GUIDs by path."""
    path = f"{parent_path}{SEPARATOR}{node['name']}" if parent_path else node["name"]
    name = xml_safe(exchanged_code_name(node["name"]))  # "Bus∕Bahn" → "Bus/Bahn" elsewhere
    guid = (guids or {}).get(path) or code_guid(path)
    attrs = {
        "guid": guid,
        "name": name,
        "isCodable": "true" if node.get("codable", True) else "false",
    }
    if node.get("colour"):
        attrs["color"] = node["colour"]
    element = ET.Element("Code", attrs)
    description = node.get("description", "")
    if node.get("example"):
        description = f"{description}{EXAMPLE_MARKER}{node['example']}".lstrip("\n")
    if description:
        ET.SubElement(element, "Description").text = xml_safe(description)
    for child in node.get("children", []):
        element.append(_code_element(child, path, guids))
    return element


def write_codebook_qdc(
    specs: Iterable[CodeSpec], file: IO[bytes], guids: Mapping[str, str] | None = None
) -> None:
    """Write specs as a REFI-QDA codebook (UTF-8 XML) valid against Codebook.xsd.

    ``guids`` are the project's stored GUIDs by path (:meth:`code_guids`); a code without
    one gets ``code_guid`` of its path.
    """
    roots = codebook_tree(specs)
    if not roots:
        raise InputError("Das Codebuch ist leer: REFI-QDA verlangt mindestens einen Code.")
    # Plain tags with the namespace declared on the root: ElementTree's default_namespace
    # option refuses unqualified attributes, which REFI-QDA requires.
    root = ET.Element("CodeBook", {"xmlns": NAMESPACE, "origin": ORIGIN})
    codes = ET.SubElement(root, "Codes")
    for node in roots:
        codes.append(_code_element(node, None, guids))
    tree = ET.ElementTree(root)
    ET.indent(tree, space="  ")
    file.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
    tree.write(file, encoding="utf-8", xml_declaration=False)
    file.write(b"\n")


def codebook_qdc(specs: Iterable[CodeSpec]) -> bytes:
    """The ``.qdc`` document for specs, as bytes."""
    buffer = io.BytesIO()
    write_codebook_qdc(specs, buffer)
    return buffer.getvalue()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_code(element: ET.Element, parent: str | None, filename: str) -> list[CodeSpec]:
    name = one_line_name(element.get("name") or "")  # one line, as every code name
    if not name:
        raise InputError(f"Code ohne Namen unter '{parent or '(oben)'}'.", file=filename)
    name = stored_code_name(name)  # "/" separates levels here (see NAME_SLASH)
    path = check_code_size(f"{parent}{SEPARATOR}{name}" if parent else name, filename)
    description = ""
    children: list[ET.Element] = []
    for child in element:
        if _local(child.tag) == "Description":
            # "&#13;&#10;" from a Windows program: "\n", as every text here
            description = (child.text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        elif _local(child.tag) == "Code":
            children.append(child)
    example = ""
    if EXAMPLE_MARKER.strip() in description:
        head, sep, tail = ("\n\n" + description).rpartition(EXAMPLE_MARKER)
        if sep:
            description, example = head.strip(), tail.strip()
    spec = CodeSpec(
        path=path,
        description=description,
        example=example,
        colour=normalise_colour(element.get("color"), filename),
        # xs:boolean: "false" or "0" (required by the schema; a file without it is codable)
        codable=(element.get("isCodable") or "true").strip() not in ("false", "0"),
    )
    specs = [spec]
    for child in children:
        specs.extend(_read_code(child, path, filename))
    return specs


def read_colours(codes: ET.Element, filename: str) -> list[str]:
    """Make every code colour under ``codes`` ``#RRGGBB`` and return the import's notices
    (``filename`` as the user sees it, named in them).

    A colour with its alpha keeps its RGB (:func:`alpha_colour`): silently if the order is
    known, else with a notice that says which digits were kept and what the other order
    would give. A colour that is no colour is dropped (a colour is no reason to stop).
    """
    guessed, dropped = [], []
    for element in codes.iter():
        colour = element.get("color")
        if _local(element.tag) != "Code" or colour is None:
            continue
        name = (element.get("name") or "").strip()
        if (read := alpha_colour(colour)) is not None:
            element.set("color", read[0])
            if read[1] is not None:
                guessed.append(f"'{name}' {colour.strip()} als {read[0]} (sonst {read[1]})")
            continue
        try:
            normalise_colour(colour, filename)
        except InputError:
            del element.attrib["color"]
            dropped.append(f"'{name}' ({colour})")
    notices = []
    if guessed:
        notices.append(
            f"Farbe mit Deckkraft (8 Ziffern) in {filename}, Reihenfolge unbekannt: die ersten "
            "sechs Ziffern übernommen (#RRGGBBAA wie CSS; .NET und Qt schreiben #AARRGGBB, "
            "dann gilt die Farbe in Klammern): "
            + ", ".join(guessed)
            + ". Ändern mit: workbench codebook set CODE --colour '#RRGGBB'."
        )
    if dropped:
        notices.append(
            f"Farbe nicht lesbar in {filename} (erwartet #RRGGBB), Code ohne Farbe übernommen: "
            + ", ".join(dropped)
            + "."
        )
    return notices


# ATLAS.ti names a code's levels in its name ("Bedarf::Wohnen": code groups are no
# hierarchy there); the other programs nest <Code> elements. Only a file ATLAS.ti wrote is
# read so (its ``origin``): a Werkbank code named "A::B" stays one code on a round trip.
ATLAS_LEVELS = "::"


def atlas_levels(
    specs: list[CodeSpec], origin: str | None
) -> tuple[list[CodeSpec], dict[str, str], str | None]:
    """ATLAS.ti's ``Ober::Unter`` code names as levels: the specs (parents first, missing
    parents added), each changed path's new path, and the import's notice (None if nothing
    changed). A name with an empty level ("::Wohnen") stays as it is; if two codes would
    get the same path, all stay as they are and the notice says why.

    >>> atlas = [CodeSpec("Bedarf::Wohnen"), CodeSpec("Bedarf")]
    >>> specs, moved, _ = atlas_levels(atlas, "ATLAS.ti 9")
    >>> [s.path for s in specs], moved
    (['Bedarf', 'Bedarf/Wohnen'], {'Bedarf::Wohnen': 'Bedarf/Wohnen'})
    """
    if "atlas.ti" not in (origin or "").casefold():
        return specs, {}, None
    new_path: dict[str, str] = {}
    for spec in specs:  # parents first
        parent = new_path.get(spec.parent, spec.parent) if spec.parent else None
        levels = [level.strip() for level in spec.name.split(ATLAS_LEVELS)]
        if len(levels) < 2 or not all(levels):
            levels = [spec.name]
        elif spec.parent and levels[0] == spec.parent.rsplit(SEPARATOR, 1)[-1]:
            levels = levels[1:]  # a nested "Bedarf::Wohnen" under "Bedarf"
        new_path[spec.path] = SEPARATOR.join([*([parent] if parent else []), *levels])
    moved = {old: new for old, new in new_path.items() if old != new}
    if not moved:
        return specs, {}, None
    paths = list(new_path.values())
    clashes = sorted({p for p in paths if paths.count(p) > 1})
    if clashes:
        return (
            specs,
            {},
            (
                f"ATLAS.ti-Codenamen mit „{ATLAS_LEVELS}“ nicht als Ober- und Untercodes gelesen: "
                f"{', '.join(clashes[:3])} gäbe es dann zweimal. Die Codes bleiben, wie sie heißen."
            ),
        )
    by_path = {new_path[s.path]: replace(s, path=new_path[s.path]) for s in specs}
    result: list[CodeSpec] = []
    added: list[str] = []
    seen: set[str] = set()
    for spec in specs:
        levels = new_path[spec.path].split(SEPARATOR)
        for depth in range(1, len(levels) + 1):
            path = SEPARATOR.join(levels[:depth])
            if path in seen:
                continue
            seen.add(path)
            if path not in by_path:
                added.append(path)
            result.append(by_path.get(path) or CodeSpec(path))
    examples = ", ".join(f"„{old}“ → {new}" for old, new in list(moved.items())[:3])
    notice = (
        f"ATLAS.ti-Codenamen mit „{ATLAS_LEVELS}“ als Ober- und Untercodes übernommen "
        f"({plural(len(moved), 'Code', 'Codes')}: {examples}"
        + (f" und {len(moved) - 3} weitere" if len(moved) > 3 else "")
        + ")"
        + (f"; neu angelegt als Obercode: {', '.join(added)}" if added else "")
        + "."
    )
    return result, moved, notice


def slashed_notice(specs: Iterable[CodeSpec]) -> list[str]:
    """The import's notice on code names whose "/" is kept as "∕" (none: empty)."""
    slashed = [s.name for s in specs if NAME_SLASH in s.name]
    if not slashed:
        return []
    return [
        f"„/“ trennt in der Werkbank Ober- und Untercodes; in "
        f"{plural(len(slashed), 'Codenamen', 'Codenamen')} steht es als „∕“ "
        f"(beim REFI-QDA-Export wieder „/“): {', '.join(slashed[:5])}"
        + (f" und {len(slashed) - 5} weitere" if len(slashed) > 5 else "")
        + "."
    ]


def code_names(codes: ET.Element) -> list[tuple[str, str, str]]:
    """(path, path as written, GUID) of every code under ``codes``, in the order of
    :func:`_read_code`, paths as it gives them (:func:`file_code_path`)."""
    found: list[tuple[str, str, str]] = []

    def walk(element: ET.Element, parent: str | None, as_written: str | None) -> None:
        path = file_code_path(element.get("name") or "", parent)
        own = (element.get("name") or "").strip()
        written = f"{as_written}{SEPARATOR}{own}" if as_written is not None else own
        found.append((path, written, (element.get("guid") or "").strip().strip("{}").upper()))
        for sub in element:
            if _local(sub.tag) == "Code":
                walk(sub, path, written)

    for element in codes:
        if _local(element.tag) == "Code":
            walk(element, None, None)
    return found


def file_code_path(name: str, parent: str | None) -> str:
    """The path of a file's code ``name`` under ``parent``, as :func:`_read_code` stores it
    (one line, ``/`` in a name as ``∕``)."""
    name = stored_code_name(one_line_name(name))
    return f"{parent}{SEPARATOR}{name}" if parent else name


def read_codebook_qdc(
    path: str | Path,
    notices: list[str] | None = None,
    guids: list[tuple[str, str]] | None = None,
) -> list[CodeSpec]:
    """Read a REFI-QDA ``.qdc`` codebook into specs, parents first; a colour that is not
    ``#RRGGBB`` is dropped, and ``notices`` (if given) says so, as the .qdpx import does.
    ``guids`` (if given) receives each code's (path, GUID)."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError("Codebuch nicht gefunden.", file=str(path)) from None
    except ET.ParseError as err:
        raise InputError(
            f"Codebuch ist kein gültiges XML: {xml_problem(err)}.", file=str(path)
        ) from None
    if _local(root.tag) != "CodeBook":
        raise InputError(
            f"Kein REFI-QDA-Codebuch: Wurzelelement ist <{_local(root.tag)}>, erwartet <CodeBook>.",
            file=str(path),
        )
    codes = next((c for c in root if _local(c.tag) == "Codes"), None)
    if codes is None:
        raise InputError("REFI-QDA-Codebuch ohne <Codes>.", file=str(path))
    colour_notices = read_colours(codes, path.name)
    if notices is not None:
        notices.extend(colour_notices)
    specs: list[CodeSpec] = []
    for element in codes:
        if _local(element.tag) == "Code":
            specs.extend(_read_code(element, None, str(path)))
    names = code_names(codes)
    refuse_doubles([s.path for s in specs], [written for _, written, _ in names], str(path))
    specs, moved, levels_notice = atlas_levels(specs, root.get("origin"))  # "Bedarf::Wohnen"
    if guids is not None:
        guids.extend((moved.get(path, path), guid) for path, _, guid in names)
    if notices is not None:
        notices.extend(slashed_notice(specs) + ([levels_notice] if levels_notice else []))
        # ATLAS.ti's code groups, MAXQDA's code sets: as the .qdpx import, say they stay out
        # (counted, not named: a set may be named after a person)
        sets = sum(1 for b in root if _local(b.tag) == "Sets" for s in b if _local(s.tag) == "Set")
        if sets:
            notices.append(
                f"{plural(sets, 'Code-Set', 'Code-Sets')} nicht übernommen (die Werkbank "
                "kennt keine Codegruppen)."
            )
    return specs
