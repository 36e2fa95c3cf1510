"""JSON and JSON Lines exports of participation platforms (Decidim, Consul Democracy,
adhocracy+, Go Vocal, Pol.is, municipal portals) read as a table: a list of objects (or an
object holding one under a key such as "data"), each object a row, nested keys joined with
"/" as Decidim's CSV export joins them (``title/de``, ``author/name``, ``scope/name/de``).
The table import (:mod:`workbench.ingest.table`) then reads the rows like a CSV file's:
text and language columns, HTML, person and contact columns, districts.

Lists of scalars are one cell ("a; b"); lists of objects (a proposal's comments) are no
rows of their own but left out with a notice, unless ``--sheet KEY`` asks for them: then
their objects are the rows, each with the ID of the object it belongs to.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from workbench.core.domain import InputError
from workbench.core.textio import RawFile, decode
from workbench.ingest.decidim import decidim_notices
from workbench.ingest.id_gaps import id_gap_notices
from workbench.ingest.table_districts import asks_district
from workbench.ingest.table_reading import sheet_rows
from workbench.ingest.table_rows import Rows, Sheet, read_sheet
from workbench.ingest.table_rows import reading_notices as table_notices

JSON_SUFFIXES = frozenset((".json", ".geojson", ".jsonl", ".ndjson"))  # GeoJSON: DIPAS
LINES_SUFFIXES = frozenset((".jsonl", ".ndjson"))
IMPORTER_JSON = "json"
PARENT_ID = "übergeordnete ID"  # the column of a nested list's rows: their object's ID
# Keys a platform's wrapper object holds its list of objects under, the likeliest first.
LIST_KEYS = (
    "data",
    "proposals",
    "results",
    "items",
    "records",
    "entries",
    "contributions",
    "ideas",
    "comments",
    "debates",
    "nodes",
    "edges",
    "features",
)
_DEPTH = 4  # how deep a wrapper object is searched for its list
_MESSAGES = {  # the json module's messages, in German
    "Expecting value": "Wert erwartet",
    "Expecting ',' delimiter": "Komma erwartet",
    "Expecting ':' delimiter": "Doppelpunkt erwartet",
    "Expecting property name enclosed in double quotes": (
        "Schlüssel in doppelten Anführungszeichen erwartet (Komma zu viel?)"
    ),
    "Unterminated string starting at": "Zeichenkette nicht abgeschlossen",
    "Invalid control character at": "Steuerzeichen in einer Zeichenkette",
    "Extra data": "weitere Daten nach dem Ende",
    "Invalid \\escape": "ungültiges Escape-Zeichen (\\)",
}
Found = tuple[list[Any], str, list[str]]  # the list, its key ("" at the top), other keys


def _broken(raw: RawFile, err: json.JSONDecodeError, line: int | None = None) -> InputError:
    """The error for text that is no JSON: where (line, character) and what was expected."""
    what = _MESSAGES.get(err.msg, err.msg)
    return InputError(
        f"Kein gültiges JSON ({what}, Zeichen {err.colno}); nichts importiert.",
        file=raw.name,
        row=err.lineno if line is None else line,
    )


def _kind(value: Any) -> str:
    """What a JSON value is, in German (for error messages)."""
    if isinstance(value, bool):
        return "ein Wahrheitswert"
    if isinstance(value, int | float):
        return "eine Zahl"
    if isinstance(value, str):
        return "eine Zeichenkette"
    if value is None:
        return "null"
    return "eine Liste" if isinstance(value, list) else "ein Objekt"


def _load(raw: RawFile) -> Any:
    """The JSON value of a ``.json`` file, or the objects of a JSON Lines file (a list)."""
    text = decode(raw)
    if Path(raw.name).suffix.lower() not in LINES_SUFFIXES:
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise _broken(raw, err) from None
    objects = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            raise _broken(raw, err, number) from None
        if not isinstance(value, dict):
            raise InputError(
                f"JSON Lines: jede Zeile ist ein Objekt {{…}}, diese ist {_kind(value)}.",
                file=raw.name,
                row=number,
            )
        objects.append((number, value))
    return objects


_AREAS = frozenset({"Polygon", "MultiPolygon"})


def is_boundaries(path: Path | RawFile) -> bool:
    """Whether a JSON file (or one already read) is a GeoJSON FeatureCollection of areas
    only: district boundaries for ``workbench map --import``, no contributions (those are
    points)."""
    try:
        data = path.data if isinstance(path, RawFile) else path.read_bytes()
    except OSError:
        return False
    if b"FeatureCollection" not in data[:4096] and b'"features"' not in data[:4096]:
        return False
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False  # the import says what is wrong with it
    features = value.get("features") if isinstance(value, dict) else None
    if not isinstance(features, list):
        return False
    kinds = {
        geometry.get("type")
        for feature in features
        if isinstance(feature, dict) and isinstance(geometry := feature.get("geometry"), dict)
    }
    return bool(kinds) and kinds <= _AREAS


def _is_objects(value: Any) -> bool:
    """Whether ``value`` is a list whose first entry is an object (or a GraphQL edge)."""
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def _lists(value: dict[str, Any], path: str = "", depth: int = 0) -> Iterator[tuple[str, Any]]:
    """(key path, list) of every list in a wrapper object, level by level (not in lists)."""
    level = [(f"{path}/{k}" if path else str(k), v) for k, v in value.items()]
    yield from ((k, v) for k, v in level if isinstance(v, list))
    if depth < _DEPTH:
        for key, inner in level:
            if isinstance(inner, dict):
                yield from _lists(inner, key, depth + 1)


def _rank(key: str) -> int:
    """How likely the list under ``key`` holds the rows (lower: likelier)."""
    last = key.rsplit("/", 1)[-1].casefold()
    return LIST_KEYS.index(last) if last in LIST_KEYS else len(LIST_KEYS)


def _find(raw: RawFile, value: Any, sheet: str | None) -> Found:
    """The list of objects in a file's JSON value: the value itself, the list ``sheet``
    names, or the likeliest list of objects of a wrapper object (see :data:`LIST_KEYS`)."""
    if isinstance(value, list):
        return value, "", []
    if not isinstance(value, dict):
        raise InputError(
            f"Die JSON-Datei enthält nur {_kind(value)}, keine Liste von Objekten "
            "(Beiträgen); nichts importiert.",
            file=raw.name,
        )
    lists = dict(_lists(value))
    objects = sorted((k for k, v in lists.items() if _is_objects(v)), key=_rank)
    if sheet is not None and sheet in lists:  # else a list in the objects (_nested)
        return lists[sheet], sheet, [k for k in objects if k != sheet]
    if objects:
        return lists[objects[0]], objects[0], objects[1:]
    if empty := sorted((k for k, v in lists.items() if v == []), key=_rank):
        return [], empty[0], []
    seen = ", ".join(f"'{k}'" for k in list(value)[:20]) or "keine"
    raise InputError(
        "Keine Liste von Objekten (Beiträgen) gefunden, auch nicht unter 'data', "
        f"'proposals', 'results', 'items' o. Ä.; Schlüssel der Datei: {seen}. "
        "Nichts importiert.",
        file=raw.name,
    )


def _cell(value: Any) -> Any:
    """A scalar as a cell: numbers stay numbers, true/false as the CSV export writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def flatten(
    item: Mapping[str, Any], prefix: str = "", left_out: Counter[str] | None = None
) -> dict[str, Any]:
    """An object as cells: nested keys joined with "/", a list of scalars joined with "; ";
    lists of objects (or lists) are left out and counted by key in ``left_out``.

    >>> flatten({"title": {"de": "Bänke"}, "tags": ["Park", "Rhein"], "comments": [{"id": 1}]})
    {'title/de': 'Bänke', 'tags': 'Park; Rhein'}
    """
    cells: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}/{key}" if prefix else str(key)
        if isinstance(value, dict):
            cells.update(flatten(value, name, left_out))
        elif isinstance(value, list):
            if any(isinstance(v, dict | list) for v in value):
                if left_out is not None:
                    left_out[name] += 1
            elif joined := "; ".join(str(_cell(v)).strip() for v in value if v is not None):
                cells[name] = joined
        else:
            cells[name] = _cell(value)
    return cells


def _lists_at(item: Mapping[str, Any], path: str) -> Iterator[tuple[Mapping[str, Any], Any]]:
    """(owner, value) at a "/"-joined key path of an object, through nested objects and
    lists of objects ("comments/replies": the replies of each comment)."""
    head, _, rest = path.partition("/")
    value = item.get(head)
    if not rest:
        if head in item:
            yield item, value
        return
    for inner in value if isinstance(value, list) else [value]:
        if isinstance(inner, dict):
            yield from _lists_at(inner, rest)


def _objects(raw: RawFile, found: list[Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a list, numbered from 1 (a GraphQL edge ``{"node": …}`` by its node,
    a JSON:API resource with its ``attributes`` as its keys, a GeoJSON feature with its
    ``properties`` as its keys and its ``geometry``); an entry that is no object stops the
    import."""
    where = f" unter '{key}'" if key else ""
    if not found:
        raise InputError(f"Die Liste{where} ist leer; nichts importiert.", file=raw.name)
    objects = []
    for number, item in enumerate(found, start=1):
        if isinstance(item, dict) and set(item) == {"node"} and isinstance(item["node"], dict):
            item = item["node"]
        if isinstance(item, dict) and "type" in item and isinstance(item.get("attributes"), dict):
            item = {k: v for k, v in item.items() if k != "attributes"} | item["attributes"]
        if isinstance(item, dict) and item.get("type") == "Feature":  # GeoJSON (DIPAS)
            properties = item.get("properties")
            rest = {k: v for k, v in item.items() if k not in ("type", "properties")}
            item = rest | (properties if isinstance(properties, dict) else {})
        if not isinstance(item, dict):
            raise InputError(
                f"Eintrag {number} der Liste{where} ist {_kind(item)}, kein Objekt "
                "(Beitrag); nichts importiert.",
                file=raw.name,
            )
        objects.append((number, item))
    return objects


def _nested(
    raw: RawFile, parents: list[tuple[int, dict[str, Any]]], sheet: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """The objects of every parent's list ``sheet`` (a proposal's comments), numbered from
    1, each with its parent's ID (:data:`PARENT_ID`) and the parent's district columns
    (``scope/name/de``, ``geozone``) it has none of its own (listed second)."""
    rows: list[tuple[int, dict[str, Any]]] = []
    taken: dict[str, None] = {}  # the parent's district columns given to its objects
    present = False
    for number, parent in parents:
        # A comment is made where its proposal is: the proposal's district ("scope/name/de")
        # unless the comment names its own.
        place = {k: v for k, v in flatten(parent).items() if asks_district(k, "")}
        for owner, items in _lists_at(parent, sheet):
            present = present or isinstance(items, list)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict):  # a reply: the ID of its comment
                    parent_id = owner.get("id", parent.get("id", number))
                    own = flatten(item)
                    inherited = {k: v for k, v in place.items() if k not in own}
                    taken.update(dict.fromkeys(inherited))
                    rows.append((len(rows) + 1, {PARENT_ID: parent_id, **item, **inherited}))
    if not present:
        keys = Counter[str]()
        for _, parent in parents:
            flatten(parent, left_out=keys)
        lists = ", ".join(f"'{k}'" for k in keys) or "keine"
        raise InputError(
            f"Liste '{sheet}' (--sheet) fehlt; Listen von Objekten in der Datei: {lists}.",
            file=raw.name,
        )
    if not rows:
        raise InputError(f"Die Listen '{sheet}' sind alle leer; nichts importiert.", file=raw.name)
    return rows, list(taken)


def read_json(raw: RawFile, sheet: str | None = None) -> tuple[Sheet, dict[str, Any]]:
    """Header and rows of a JSON or JSON Lines file as :func:`read_sheet` gives a CSV
    file's (the sheet is the list ``--sheet`` names), and what the import records of it
    (the list read, lists of objects left out: see :func:`json_notices`)."""
    value = _load(raw)
    lines = Path(raw.name).suffix.lower() in LINES_SUFFIXES
    if lines:
        objects, key, others = value, "", []
    else:
        found, key, others = _find(raw, value, sheet)
        objects = _objects(raw, found, key)
    nested = sheet is not None and sheet != key
    inherited: list[str] = []
    if nested:
        objects, inherited = _nested(raw, objects, str(sheet))
    left_out = Counter[str]()
    flat = [(number, flatten(item, left_out=left_out)) for number, item in objects]
    header = list(dict.fromkeys(k for _, cells in flat for k in cells))
    rows: Rows = [(number, [cells.get(h) for h in header]) for number, cells in flat]
    options: dict[str, Any] = {}
    if key and not nested:
        options["json_list"] = key
    if others and not nested:
        options["json_other_lists"] = others
    if left_out:  # a list in the nested objects (a comment's replies) by its whole path
        options["json_left_out"] = {f"{sheet}/{k}" if nested else k: n for k, n in left_out.items()}
    if inherited:
        options["json_inherited"] = inherited
    sheets = [key, str(sheet)] if nested else []
    return (header, rows, sheet if nested else None, sheets), options


def read_table(raw: RawFile, sheet: str | None = None) -> tuple[Sheet, dict[str, Any]]:
    """Header, rows, sheet and sheets of a table file (:func:`read_sheet`; JSON by
    :func:`read_json`), and the options the import records of the reading."""
    if Path(raw.name).suffix.lower() in JSON_SUFFIXES:
        return read_json(raw, sheet)
    header, rows, title, names = read_sheet(raw, sheet)
    rows, options = sheet_rows(raw, title, header, rows)  # hidden rows: left out
    return (header, rows, title, names), options


def importer_of(suffix: str, importer: str) -> str:
    """The importer stored for a table file: "json" for JSON, else the table's."""
    return IMPORTER_JSON if suffix in JSON_SUFFIXES else importer


def _objects_count(count: int) -> str:
    return f"{count} Objekt{'' if count == 1 else 'en'}"


def json_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What reading a JSON file did: the list read, lists of objects left out."""
    notices = []
    if options.get("json_list"):
        others = options.get("json_other_lists") or []
        more = (
            " Weitere Listen: " + ", ".join(f"'{k}'" for k in others) + " (mit --sheet KEY)."
            if others
            else ""
        )
        notices.append(f"JSON: Objekte der Liste '{options['json_list']}' gelesen.{more}")
    if options.get("json_inherited"):
        notices.append(
            "JSON: "
            + ", ".join(f"'{k}'" for k in options["json_inherited"])
            + " (Sozialraum) je Eintrag aus seinem übergeordneten Objekt übernommen, wo er "
            "keinen eigenen nennt."
        )
    for key, count in (options.get("json_left_out") or {}).items():
        notices.append(
            f"JSON: Liste '{key}' (in {_objects_count(count)}) nicht übernommen: "
            f"Listen von Objekten sind keine Zeilen. Mit --sheet {key} einzeln importieren "
            f"(je Eintrag eine Aussage, mit der ID des Objekts als '{PARENT_ID}')."
        )
    return tuple(notices)


def reading_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What an import read in its own way (:func:`table_rows.reading_notices`), JSON too."""
    return (
        *table_notices(options),
        *id_gap_notices(options),
        *json_notices(options),
        *decidim_notices(options),
    )
