"""Text inside a file that was read with the wrong encoding once already: "Frau MÃ¼ller".

A file whose bytes are Windows-1252 is read as such (:mod:`workbench.core.fileio`, decision
013). This is about text that was mis-decoded before it came into the file: a CSV saved
by Excel as ANSI, read as UTF-8 and saved again, text pasted between programs, old survey
tools. Its umlauts stand as two characters ("MÃ¼ller", "StraÃŸe", twice read:
"MÃƒÂ¼ller"), its quotes as three ("â€žHallo"), or as C1 control characters when the text
was read as Latin-1 ("\\x84Hallo\\x93" for „Hallo“). The pseudonymisation did not know
"GÃ¼nther" as a first name, and the names stayed in clear.

A text file (plain text, Markdown, subtitles, RTF) is repaired line by line before it is
parsed (:mod:`workbench.ingest.mended_text`: who speaks is decided on its text). Every
text any other file's importer gives — statements, guiding questions, speakers, workshops,
districts, column values, title, the names of a protocol's head — is repaired once, after
parsing and before pseudonymisation (:func:`repaired_document`), both by the library ftfy in a
narrow configuration: it undoes only the wrong decoding (also of part of a text) and
replaces C1 controls by their Windows-1252 characters; quotes, ligatures, full-width
characters, HTML entities, line breaks and the Unicode form stay as written (decision
027). A document with its own text and positions in it (a REFI-QDA source) is left as it
was read: its codings count characters in that text. How many texts were repaired is
said in a notice of the file (:func:`mojibake_notices`), never the texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import ftfy

from workbench.core.domain import ParsedDocument, ParsedSegment

REPAIRED = "mojibake"  # the document's option: how many texts were repaired

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
# What every mis-decoded text holds: a UTF-8 continuation byte (0x80–0xBF) read as a
# character: Latin-1's (C1 controls, "¼", "¶", "Ÿ" …) or Windows-1252's ("€", "„", "œ" …).
# A text without any is not looked at (most are ASCII or German with its umlauts only).
_CONTINUATION = bytes(range(0x80, 0xC0))
_SUSPECT = re.compile(f"[\x80-\xbf{re.escape(_CONTINUATION.decode('cp1252', errors='ignore'))}]")

# "Ã" or "Â" before a space: "à" or a no-break space whose second byte (0xA0) became a
# space — or the letter as written ("der Buchstabe Ã "); repaired only beside other
# mis-read text
_LOST_SPACE = re.compile("[\u00c2\u00c3] ")


def repaired_text(text: str, c1: bool = True) -> str:
    r"""``text`` with text read with the wrong encoding read rightly; else as it was.
    ``c1=False`` (a label, a name, a column's value, a line before it is parsed): a text
    whose only repair would be lone C1 controls as Windows-1252 signs stays as it is —
    the label rules leave them out or read NEL as a blank (decisions 017, 025), where "›"
    or "…" would stay in a Sozialraum's or a question's name.

    >>> repaired_text("Frau MÃ¼ller und Herr KÃ¶hler")
    'Frau Müller und Herr Köhler'
    >>> repaired_text("\x84Hallo\x93, sagte sie.")
    '„Hallo“, sagte sie.'
    >>> repaired_text("São Paulo, Café, „Zitat“, 5 €, ½ × 2")
    'São Paulo, Café, „Zitat“, 5 €, ½ × 2'
    >>> repaired_text("Der Buchstabe Ã kommt vor"), repaired_text("MÃ¼ller, Ã la carte")
    ('Der Buchstabe Ã kommt vor', 'Müller, à la carte')
    >>> repaired_text("Opla\x9bden", c1=False), repaired_text("Was\x85fehlt?", c1=False)
    ('Opla\x9bden', 'Was\x85fehlt?')
    >>> repaired_text("StraÃ\x9fe", c1=False)
    'Straße'
    """
    if not text or _SUSPECT.search(text) is None:
        return text
    fixed = ftfy.fix_text(text, _CONFIG)
    if fixed != text and _LOST_SPACE.search(text) is not None:
        probe = _LOST_SPACE.sub("\ue000 ", text)  # without them: is anything else mis-read?
        fixed = fixed if ftfy.fix_text(probe, _CONFIG) != probe else text
    if not c1 and _only_c1(text, fixed):
        return text
    return fixed


def _only_c1(text: str, fixed: str) -> bool:
    """Whether ``fixed`` differs from ``text`` only where ``text`` has a C1 control."""
    return len(text) == len(fixed) and all(
        a == b or "\x80" <= a <= "\x9f" for a, b in zip(text, fixed, strict=True)
    )


def _value(value: Any) -> Any:
    """A column value repaired if it is a text."""
    return repaired_text(value, c1=False) if isinstance(value, str) else value


def _optional(text: str | None) -> str | None:
    """``text`` repaired; None stays None."""
    return None if text is None else repaired_text(text, c1=False)


def _segment(segment: ParsedSegment) -> ParsedSegment:
    """``segment`` with its text, labels and column values repaired."""
    attributes = {key: _value(value) for key, value in segment.attributes.items()}
    return replace(
        segment,
        text=repaired_text(segment.text),
        question=_optional(segment.question),
        speaker_role=_optional(segment.speaker_role),
        workshop=_optional(segment.workshop),
        district=_optional(segment.district),
        attributes=attributes,
    )


def repaired_document(document: ParsedDocument) -> ParsedDocument:
    """``document`` with every text read with the wrong encoding repaired, and how many
    statements (and title, workshop, district) were in its option ``mojibake``; nothing
    repaired: the document itself."""
    if document.text is not None:  # positions in the file's own text: as read
        return document
    segments = tuple(_segment(s) for s in document.segments)
    count = sum(new != old for new, old in zip(segments, document.segments, strict=True))
    fixed = {
        "title": _optional(document.title),
        "workshop": _optional(document.workshop),
        "district": _optional(document.district),
    }
    count += sum(fixed[key] != getattr(document, key) for key in fixed)
    # the names of the speakers count with their statements; a protocol head's on their own
    names = tuple(repaired_text(n, c1=False) for n in document.names)
    if not count:
        count = sum(new != old for new, old in zip(names, document.names, strict=True))
    if not count:
        return document
    count += document.options.get(REPAIRED, 0)  # a text file's, repaired before parsing
    options = {**document.options, REPAIRED: count}
    return replace(document, segments=segments, names=names, options=options, **fixed)


def repaired_names(names: Sequence[str]) -> list[str]:
    """The names of a ``--names`` file, each also as repaired if it was read with the wrong
    encoding ("JÃ¼rgen" and "Jürgen"): the texts they are sought in are repaired, a
    REFI-QDA source's own text is not.

    >>> repaired_names(["JÃ¼rgen SchrÃ¶der", "Anna Becker"])
    ['JÃ¼rgen SchrÃ¶der', 'Jürgen Schröder', 'Anna Becker']
    """
    return list(dict.fromkeys(n for name in names for n in (name, repaired_text(name, c1=False))))


def repaired_roles(roles: Mapping[str, str]) -> dict[str, str]:
    """A ``--roles`` file's speakers and their roles, each speaker also as repaired (see
    :func:`repaired_names`): the speakers' names they are matched with are repaired."""
    out = dict(roles)
    for name, role in roles.items():
        out.setdefault(repaired_text(name, c1=False), role)
    return out


def mojibake_notices(options: Mapping[str, Any]) -> list[str]:
    """The notice of a file whose texts were repaired (:func:`repaired_document`)."""
    count = options.get(REPAIRED)
    if not count:
        return []
    texts = "Text" if count == 1 else "Texte"
    return [
        f"{count} {texts} mit falsch gelesenen Umlauten repariert (UTF-8 als "
        "Windows-1252 gelesen: „Ã¼“ für „ü“)."
    ]
