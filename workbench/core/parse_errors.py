"""Where a YAML, XML or JSON file is broken, in German: the parsers' own words are English.

A message names the line and column and what usually causes such an error, never the
parser's English text ("while parsing a flow sequence … expected ',' or ']'").
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree import ElementTree

YAML_HINT = "Aufbau fehlerhaft (Klammern, Anführungszeichen, Doppelpunkte oder Einrückung prüfen)"
XML_HINT = "kein vollständiges XML (abgeschnitten oder beschädigt?)"
YAML_DEPTH = "zu tief verschachtelt (Hunderte Ebenen von Listen oder Einrückungen)"
JSON_HINT = "Aufbau fehlerhaft (Klammern, Kommas oder Anführungszeichen prüfen)"


def yaml_problem(err: Exception, line: bool = True) -> str:
    """A YAML error as "Zeile L, Spalte C: …" (``line=False``: the message names the line
    already, e.g. a protocol's head, and only the column is added); PyYAML parses nested
    blocks recursively, so hundreds of levels end in a ``RecursionError``."""
    if isinstance(err, RecursionError):
        return YAML_DEPTH
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if mark is None:
        return YAML_HINT
    where = f"Zeile {mark.line + 1}, " if line else ""
    return f"{where}Spalte {mark.column + 1}: {YAML_HINT}"


# expat's codes for entities (pyexpat.errors): an entity nobody declared — or one that
# names a file, which is never read — and entities that multiply ("billion laughs").
_UNDEFINED_ENTITY = 11
_INVALID_TOKEN = 4  # most often a bare "&" or "<" in a text
_ENTITY_BOMBS = (12, 43)  # recursive reference; amplification limit breached


def _xml_hint(err: Any) -> str:
    """What an XML error usually means, in German."""
    code = err.code if isinstance(err, ElementTree.ParseError) else None  # lxml: other codes
    if code == _UNDEFINED_ENTITY:
        name = re.search(r"&[^;\s]{1,40};", str(err))
        which = f" {name.group()}" if name else ""
        return (
            f"unbekannte Entität{which} (Verweise auf andere Dateien werden aus "
            "Sicherheitsgründen nie gelesen)"
        )
    if code in _ENTITY_BOMBS:
        return (
            "Entitäten, die sich selbst vervielfachen (<!ENTITY …>, „Billion Laughs“); so "
            "eine Datei wird aus Sicherheitsgründen nicht gelesen"
        )
    if code == _INVALID_TOKEN:
        return (
            "unerlaubtes Zeichen (meist ein „&“ oder „<“ in einem Text, das als „&amp;“ "
            "bzw. „&lt;“ geschrieben sein müsste)"
        )
    return XML_HINT


def xml_problem(err: Any) -> str:
    """An XML parse error (ElementTree or lxml) as "Zeile L, Spalte C: …"."""
    position = getattr(err, "position", None)
    if position is None:
        return _xml_hint(err)
    line, column = position
    return f"Zeile {line}, Spalte {column + 1}: {_xml_hint(err)}"


def json_problem(err: json.JSONDecodeError) -> str:
    """A JSON decoding error as "Zeile L, Spalte C: …"."""
    return f"Zeile {err.lineno}, Spalte {err.colno}: {JSON_HINT}"
