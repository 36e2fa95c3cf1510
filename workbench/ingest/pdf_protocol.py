"""PDF protocols: the text layer of a PDF, read with ``pypdf``, as statements.

A PDF keeps no paragraphs, only the page's lines; statements are paragraphs
(:func:`workbench.ingest.paragraphs.paragraph_spans`: a blank line, a sentence end, a line
well short of the page width or a list item ends one). Page furniture is left out: page
numbers ("3", "Seite 3 von 5") and lines that repeat on most pages (a letterhead, a
footer). Before the first statement, ``Workshop: …``, ``Sozialraum: …``, ``Datum: …``,
``Teilnehmende: …`` are the protocol's details as in Word protocols, a first short line
its title. A short line of its own ending in "?" or ":" (or without punctuation), followed
by statements, is a guiding question ("Was fehlt im Quartier?"). List markers are not part
of a statement. A PDF without a text layer (a scan) stops with a message: it needs text
recognition first.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.common import add_statement, normalise_date, protocol_result
from workbench.ingest.docx_protocol import META_KEYS
from workbench.ingest.paragraphs import OPENS, paragraph_spans
from workbench.ingest.textio import Source, read_source

IMPORTER = "pdf"
FORMAT = "Protokoll (PDF)"
_PAGE_NUMBER = re.compile(
    r"^(?:(?:seite|page|s\.)\s*)?\d{1,4}(?:\s*(?:von|/|of)\s*\d{1,4})?$", re.I
)
_QUESTION_WORDS = 12  # a guiding question is a short line of its own
_SENTENCE_END = re.compile(r"[.!;,…]$")
# A hyphen at a line end between lower-case letters, not before "und", "oder", "bzw."
_HYPHENATED = re.compile(r"([a-zäöüß])-[ \t]*\n[ \t]*(?!(?:und|oder|bzw|sowie)\b)([a-zäöüß])")


def _pages(raw_data: bytes, name: str) -> list[str]:
    """The text of every page; a broken or locked PDF stops with a German message."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    log = logging.getLogger("pypdf")  # its repair notes ("EOF marker not found") are
    level = log.level  # not the user's business: a broken file gets our message
    log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(raw_data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise FileNotDecryptedError
            return [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError):  # AES would need `cryptography`
        raise InputError(
            "Das PDF ist mit einem Passwort geschützt; bitte ohne Passwort speichern.",
            file=name,
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(
            f"Keine lesbare PDF-Datei (beschädigt oder abgeschnitten): {type(err).__name__}",
            file=name,
        ) from None
    finally:
        log.setLevel(level)


def _without_furniture(pages: list[str]) -> str:
    """The pages' text without page numbers and lines repeated on most pages."""
    lines = [[line.strip() for line in page.splitlines()] for page in pages]
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(line for page in lines for line in set(page) if line)
        repeated = {line for line, n in counts.items() if n >= 2 / 3 * len(pages)}
    kept = [
        "\n".join(line for line in page if line not in repeated and not _PAGE_NUMBER.match(line))
        for page in lines
    ]
    return "\n\n".join(kept)


def parse_pdf(source: Source, name: str | None = None) -> ParsedDocument:
    """Parse a PDF protocol (its text layer) into a :class:`ParsedDocument`."""
    raw = read_source(source, name)
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    if not raw.data.lstrip()[:5] == b"%PDF-":
        raise InputError("Keine PDF-Datei (es fehlt der Kopf '%PDF-').", file=raw.name)
    text = _without_furniture(_pages(raw.data, raw.name))
    paragraphs = [_unwrapped(text[s:e]) for s, e in paragraph_spans(text)]
    if not paragraphs:
        raise InputError(
            "Das PDF enthält keinen Text (eine eingescannte Seite?); bitte mit "
            "Texterkennung (OCR) speichern oder den Text als .docx/.txt importieren.",
            file=raw.name,
        )
    fields: dict = {}
    segments: list[ParsedSegment] = []
    question: str | None = None
    for number, paragraph in enumerate(paragraphs, start=1):
        following = paragraphs[number] if number < len(paragraphs) else None
        if not segments and question is None:  # the protocol's details and title
            detail = _detail(paragraph, raw.name)
            if detail is not None:
                fields[detail[0]] = detail[1]
                continue
            if (
                "title" not in fields
                and _short(paragraph)
                and not paragraph.endswith(("?", ":"))
                and (following is None or _short(following) or _detail(following, raw.name))
            ):
                fields["title"] = paragraph
                continue
        if following is not None and _short(paragraph) and not _short(following):
            question = paragraph.rstrip(":").strip()
            continue
        statement = OPENS.sub("", paragraph, count=1).strip()
        if statement:
            add_statement(segments, statement, question, number)
    return protocol_result(raw, segments, IMPORTER, format=FORMAT, **fields)


def _unwrapped(paragraph: str) -> str:
    r"""A paragraph on one line: a word hyphenated at a line end joined again ("Spiel-" +
    "platz"), unless the hyphen stands for a word left out ("Rad- und Fußwege").

    >>> _unwrapped("Der Spiel-\nplatz und die Rad-\nund Fußwege")
    'Der Spielplatz und die Rad- und Fußwege'
    """
    return " ".join(_HYPHENATED.sub(r"\1\2", paragraph).split())


def _short(paragraph: str) -> bool:
    """A heading's shape: one short line, no sentence end but "?" or ":", no list item."""
    return (
        len(paragraph.split()) <= _QUESTION_WORDS
        and not _SENTENCE_END.search(paragraph)
        and OPENS.match(paragraph) is None
    )


def _detail(paragraph: str, name: str) -> tuple[str, object] | None:
    """``(field, value)`` of a "Workshop: …", "Datum: …" line, or None."""
    key, sep, value = paragraph.partition(":")
    field = META_KEYS.get(key.strip().lower()) if sep and value.strip() else None
    if field == "names":
        return field, tuple(v.strip() for v in value.split(",") if v.strip())
    if field == "date":
        return field, normalise_date(value.strip(), name)
    return (field, value.strip()) if field else None
