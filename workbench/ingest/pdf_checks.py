"""PDFs whose text the import cannot read as it is: a portfolio (the protocols are files
inside it), text in filled form fields, a text layer of glyph numbers. Each stops with a
German message that says what to do. Split out of :mod:`workbench.ingest.pdf_protocol`."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from workbench.core.domain import InputError

if TYPE_CHECKING:
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject


def check_portfolio(reader: PdfReader, name: str) -> None:
    """Stop on a PDF portfolio: its pages are a cover, the protocols are files inside it."""
    if "/Collection" not in reader.trailer["/Root"]:
        return
    files = ", ".join(sorted(reader.attachments)) or "keine"
    raise InputError(
        f"Das PDF ist eine Mappe (PDF-Portfolio) mit eingebetteten Dateien ({files}); "
        "seine Seiten sind nur ein Deckblatt. Bitte die Dateien aus der Mappe speichern "
        "(in Acrobat: Datei › Speichern unter) und einzeln importieren.",
        file=name,
    )


def check_form_fields(reader: PdfReader, pages: list[str], name: str) -> None:
    """Stop on text in filled form fields or typed onto the page as an annotation (Acrobat's
    "Fill & Sign", its typewriter) that is not in the page's text (an unflattened form)."""
    unread: Counter[int] = Counter()
    for number, page in enumerate(reader.pages, start=1):
        shown = " ".join(pages[number - 1].split())
        for annotation in page.get("/Annots") or ():
            value = filled_text(annotation.get_object())
            if value and " ".join(value.split()) not in shown:
                unread[number] += 1
    if unread:
        first, *more = sorted(unread)
        also = f" (ebenso Seite {', '.join(map(str, more))})" if more else ""
        count = unread[first]
        fields = f"{count} ausgefüllten Feldern" if count > 1 else "einem ausgefüllten Feld"
        raise InputError(
            f"Text steht in {fields}{also} (Formularfelder oder mit „Ausfüllen und "
            "unterschreiben“ geschriebener Text), die der Import nicht liest. Bitte das PDF "
            "drucken (Drucken › Als PDF speichern): dann ist dieser Text Teil der Seite.",
            file=name,
            row=first,
            unit="Seite",
        )


def filled_text(annotation: DictionaryObject) -> str | None:
    """The text of a filled text field or of text typed onto the page, else None."""
    if annotation.get("/Subtype") == "/FreeText":
        value = annotation.get("/Contents")
    elif annotation.get("/Subtype") == "/Widget":
        field = annotation if "/FT" in annotation else annotation.get("/Parent")
        field = field.get_object() if field is not None else {}
        value = field.get("/V") if field.get("/FT") == "/Tx" else None
    else:  # a comment (a sticky note), a link: not the protocol's text
        return None
    return value if isinstance(value, str) and value.strip() else None


def check_readable(pages: list[str], name: str) -> None:
    """Stop on pages whose text is glyph numbers, not letters (a font embedded without its
    map to characters: "3URWRNROO" for "Protokoll", control characters for spaces)."""
    unreadable = [number for number, text in enumerate(pages, start=1) if garbled(text)]
    if unreadable:
        more = unreadable[1:]
        also = f" (ebenso Seite {', '.join(map(str, more))})" if more else ""
        raise InputError(
            f"Die Textebene ist nicht lesbar{also}: die Schrift ist ohne Zuordnung zu "
            "Buchstaben eingebettet. Bitte das Dokument aus Word oder LibreOffice neu als PDF "
            "speichern, als .docx/.odt importieren oder mit Texterkennung (OCR) speichern.",
            file=name,
            row=unreadable[0],
            unit="Seite",
        )


def garbled(text: str) -> bool:
    """Whether a page's text has control characters where letters and spaces should be."""
    shown = [c for c in text if not c.isspace()]
    control = sum(unicodedata.category(c) == "Cc" for c in shown)
    return len(shown) >= 20 and control >= 0.02 * len(shown)
