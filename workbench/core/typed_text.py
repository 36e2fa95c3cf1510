"""Text that people type into the apps and forms, without invisible control characters.

A comment, memo, code name or coder name could hold control characters (U+0000–U+001F
but tab and line break, DEL) and the marks that steer the direction of text (U+200E/F,
the embeddings and overrides U+202A–E, the isolates U+2066–9). They were stored as
typed: an override turns what follows it around in every export and report ("Anna",
U+202E, "Becker" reads "Anna rekceB"; a known trick to make a name or a file name look
like another), the others break XML and spreadsheet exports or hide a name from the
pseudonymisation. Typed text is kept without them; Windows line ends become line feeds.
The C1 controls (U+0080–U+009F: a lone CSI U+009B, DCS U+0090 pasted from a terminal or
from text read with the wrong encoding) are left out too; NEL U+0085, "next line", is a
line break and becomes a line feed (a name has it as a space already, :func:`typed_name`).
The controls that separate words (vertical tab, form feed, the file/group/record/unit
separators, all white space to Python) become a space: deleted, they glued "Danke",
form feed, "Kaya" to "DankeKaya", a word the pseudonymisation does not take for a name.

A browser's text can also hold half of a character: a lone UTF-16 surrogate (an emoji
cut by a field's length limit, or pasted in part), which JSON carries as ``"\ud83d"``
(the Voilà apps' widgets) and Python keeps. No database or file can store it (the
comment of a participant then failed to save, every time she tried); typed text has it
as U+FFFD, as a browser's form sends it, and two halves as their character.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.core.domain import SEPARATOR

# C0 controls but tab (\x09) and line feed (\x0a), DEL, C1 controls but NEL (\x85), and
# the bidirectional marks, embeddings, overrides and isolates; those of them that separate
# words: a space
_SPACING = re.compile("[\x0b\x0c\x1c-\x1f]")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile("\r\n?|\x85")  # Windows and old Mac line ends, NEL
# in a name: a tab or a line break (of any kind), with the blanks around it, is one space
_BLANKS = re.compile(" *[\t\n\x85\u2028\u2029][\t\n\x85\u2028\u2029 ]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
# what a label never holds: control characters (C0, DEL, C1: line breaks, tab, NUL, ESC, …),
# the line and paragraph separators, the marks that turn text around, half of a character
NOT_IN_LABEL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_C1 = re.compile("[\x80-\x9f]")


def typed_text(text: str | None) -> str:
    r"""``text`` as typed, without control characters and direction marks, whole characters.

    >>> typed_text("Anna \u202eBecker\r\nzweite Zeile\x00")
    'Anna Becker\nzweite Zeile'
    >>> typed_text("gut \ud83d\ude00 und \ud83d")
    'gut 😀 und \ufffd'
    >>> typed_text("Danke\x0cFrau\x1fKaya")
    'Danke Frau Kaya'
    >>> typed_text("Treff\x9b öffnen\x85ab 18 Uhr\x90")
    'Treff öffnen\nab 18 Uhr'
    """
    if not text:
        return ""
    text = _SPACING.sub(" ", _LINE_BREAKS.sub("\n", whole_characters(str(text))))
    return _INVISIBLE.sub("", text)


def whole_characters(text: str) -> str:
    r"""``text`` with a lone UTF-16 surrogate as U+FFFD and a pair as its character.

    >>> whole_characters("\ud83d\udc4d \udc4d")
    '👍 \ufffd'
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def typed_name(text: str | None) -> str:
    r"""A name as typed (one line): :func:`typed_text`, each tab or line break (also
    U+0085, U+2028, U+2029) with the blanks around it one space; other blanks as typed.

    >>> typed_name("Anna\tBecker\u200f\n")
    'Anna Becker '
    >>> typed_name("Neu \n\t Zeile\u2028zwei  drei")
    'Neu Zeile zwei  drei'
    """
    return _BLANKS.sub(" ", typed_text(text))


# a terminal's escape sequence (colour, cursor, window title: ESC "[" … letter, ESC "]" …
# BEL). Not the C1 CSI U+009B alone: in a name it is far more often Windows-1252 "›" read
# as Latin-1 than a sequence ("Wohn\x9ben" is "Wohnen", not "Wohn n"); it is left out alone.
_ESCAPE_SEQUENCE = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?")


def without_sequences(text: str) -> str:
    r"""``text`` without a terminal's escape sequences, each left out whole (not only its
    ESC: "[31m" glued "Werkstatt" to "Anna Schmidt", a name the pseudonymisation then did
    not find); between two letters or digits a space, so a name after it stays a name.
    Text without ESC stays as it is ("Kita [31 Plätze]").

    >>> without_sequences("Werkstatt\x1b[31mAnna"), without_sequences("Kind\x1b[1m [alt]")
    ('Werkstatt Anna', 'Kind [alt]')
    """
    if "\x1b" not in text:
        return text
    return _ESCAPE_SEQUENCE.sub(_between_words, text)


def typed_prose(text: str | None) -> str:
    r"""A longer typed text (a memo, a comment, a recommendation, a code's description) as
    stored: :func:`typed_text` without a terminal's escape sequences, each left out whole
    (a memo kept "[31m" when only the ESC went). Not for names: those keep the forms older
    versions stored (:func:`typed_name`).

    >>> typed_prose("Memo \x1b[31mwichtig\x1b[0m.\x85Zweite Zeile")
    'Memo wichtig.\nZweite Zeile'
    """
    return typed_text(without_sequences(text or ""))  # typed_text makes whole characters


def one_line_name(text: str) -> str:
    r"""A name on one line as every label and code is stored: :func:`typed_name` without the
    other C1 controls, stripped (also what migration 0009 writes).

    >>> one_line_name(" Wohnen\nZeile\x1b\x9b "), one_line_name("Wohnen  und Leben")
    ('Wohnen Zeile', 'Wohnen  und Leben')
    >>> one_line_name("Bedarf\x1b[31m")
    'Bedarf'
    """
    return _C1.sub("", typed_name(without_sequences(text))).strip()


def line_code_path(path: str) -> str:
    r"""A code path as stored: one with a control character has each part as
    :func:`one_line_name` (an empty part "(ohne Namen)", as
    migration 0009 writes it); an ordinary path stays as it is.

    >>> line_code_path("Bedarf/Neu\n Zeile\t"), line_code_path(" Bedarf /Wohnen")
    ('Bedarf/Neu Zeile', ' Bedarf /Wohnen')
    """
    if NOT_IN_LABEL.search(path) is None:
        return path
    return SEPARATOR.join(one_line_name(p) or "(ohne Namen)" for p in path.split(SEPARATOR))


def line_label(text: str) -> str:
    r"""A label (workshop, wave, guiding question, speaker role) as stored: composed, and on
    one line without control characters if it held any (:func:`typed_name`, the other C1
    controls left out, stripped); an ordinary label stays as written.

    >>> line_label("Quartiers\nworkshop  Manfort\r\n"), line_label("Werk\x1bstatt\x9b")
    ('Quartiers workshop  Manfort', 'Werkstatt')
    >>> line_label(" Ressourcen  und Mo\u0308glichkeiten "), line_label("Kind\x1b[31m")
    (' Ressourcen  und Möglichkeiten ', 'Kind')
    """
    text = unicodedata.normalize("NFC", text)
    if NOT_IN_LABEL.search(text) is None:
        return text
    return _C1.sub("", typed_name(without_sequences(text))).strip()


def file_label(name: str) -> str:
    r"""A document's file name as stored and shown: :func:`line_label` (the same rule as a
    label's since session 46: a terminal's escape sequence left out whole, between two
    words a space, so a name after it stays a name); an ordinary name stays.

    >>> file_label("karten\nzwei.csv"), file_label("Protokoll\x1b[31mAnna Schmidt.md")
    ('karten zwei.csv', 'Protokoll Anna Schmidt.md')
    >>> file_label("\x1b[1mKarten\x1b[0m.csv"), file_label("Protokoll  Manfort .docx")
    ('Karten.csv', 'Protokoll  Manfort .docx')
    """
    return line_label(name)


def _between_words(m: re.Match[str]) -> str:
    """A space for an escape sequence between two letters or digits, else nothing."""
    text, start, end = m.string, m.start(), m.end()
    inside = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return " " if inside else ""


def compared(text: str) -> str:
    """A text as two versions of a file, a statement or a name are compared: composed,
    spacing and case aside.

    >>> compared("  Mehr   GRU\u0308N ") == compared("mehr grün")
    True
    """
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
