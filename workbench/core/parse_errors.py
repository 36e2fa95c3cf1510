"""Where a YAML, XML or JSON file is broken, in German: the parsers' own words are English.

A message names the line and column and what usually causes such an error, never the
parser's English text ("while parsing a flow sequence … expected ',' or ']'").
"""

from __future__ import annotations

import json
from typing import Any

YAML_HINT = "Aufbau fehlerhaft (Klammern, Anführungszeichen, Doppelpunkte oder Einrückung prüfen)"
XML_HINT = "kein vollständiges XML (abgeschnitten oder beschädigt?)"
JSON_HINT = "Aufbau fehlerhaft (Klammern, Kommas oder Anführungszeichen prüfen)"


def yaml_problem(err: Exception, line: bool = True) -> str:
    """A YAML error as "Zeile L, Spalte C: …" (``line=False``: the message names the line
    already, e.g. a protocol's head, and only the column is added)."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if mark is None:
        return YAML_HINT
    where = f"Zeile {mark.line + 1}, " if line else ""
    return f"{where}Spalte {mark.column + 1}: {YAML_HINT}"


def xml_problem(err: Any) -> str:
    """An XML parse error (ElementTree or lxml) as "Zeile L, Spalte C: …"."""
    position = getattr(err, "position", None)
    if position is None:
        return XML_HINT
    line, column = position
    return f"Zeile {line}, Spalte {column + 1}: {XML_HINT}"


def json_problem(err: json.JSONDecodeError) -> str:
    """A JSON decoding error as "Zeile L, Spalte C: …"."""
    return f"Zeile {err.lineno}, Spalte {err.colno}: {JSON_HINT}"
