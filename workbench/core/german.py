"""argparse in German: the command line's usage lines, headings and error messages.

argparse looks its texts up through ``gettext`` at the moment it needs them (module
globals ``_`` and ``ngettext``); Python ships no German catalogue for them. :func:`install`
puts a German lookup in their place for this process (the command line's own), so that
``workbench publish`` without ``--out`` says "Fehler: Diese Angaben fehlen: --out" and not
"error: the following arguments are required". Texts without a translation stay as they are.
"""

from __future__ import annotations

import argparse

from workbench.core.errors import one_line

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "Diese Angaben fehlen: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Wahl: %(value)r (möglich: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "expected one argument": "erwartet einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "invalid %(type)s value: %(value)r": "ungültiger Wert %(value)r (erwartet: %(type)s)",
    "not allowed with argument %s": "nicht zusammen mit %s",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s kann %(matches)s sein"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' lässt sich nicht öffnen: %(error)s",
    "ignored explicit argument %r": "Wert %r wird ignoriert",
}
PLURALS = {"expected %s argument": ("erwartet %s Wert", "erwartet %s Werte")}
TYPE_NAMES = {"int": "eine ganze Zahl", "float": "eine Zahl"}  # argparse names the type


class _WrongType(str):
    """The message for a value of the wrong type: argparse fills in the type's Python name
    (``int``) after the lookup, so the German name is put in while formatting."""

    def __mod__(self, args: object) -> str:
        if isinstance(args, dict) and "type" in args:
            args = {**args, "type": TYPE_NAMES.get(args["type"], args["type"])}
        return str(self) % args


class _OneLine(str):
    """The error line: argparse fills in the message after the lookup, which may repeat
    a value with line breaks (``unbekannte Angaben: a⏎b``); it stays one line."""

    def __mod__(self, args: object) -> str:
        if isinstance(args, dict) and isinstance(args.get("message"), str):
            args = {**args, "message": one_line(args["message"])}
        return str(self) % args


ERROR_LINE = "%(prog)s: error: %(message)s\n"


def german(message: str) -> str:
    """The German text for an argparse message (the message itself if there is none).

    >>> german("usage: "), german("something else")
    ('Aufruf: ', 'something else')
    """
    text = GERMAN.get(message, message)
    if message == ERROR_LINE:
        return _OneLine(text)
    return _WrongType(text) if "%(type)s" in text else text


def german_plural(singular: str, plural: str, n: int) -> str:
    """The German singular or plural for an argparse message with a count."""
    one, many = PLURALS.get(singular, (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Let argparse speak German in this process (idempotent)."""
    argparse._ = german  # type: ignore[attr-defined]
    argparse.ngettext = german_plural  # type: ignore[attr-defined]
