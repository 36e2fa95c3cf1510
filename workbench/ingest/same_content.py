"""The same contributions in a second file: a protocol saved as DOCX and as PDF (pure).

A folder often holds a protocol twice, as written (``.docx``, ``.odt``, ``.md``) and as
sent round (``.pdf``); an export twice, as ``.csv`` and ``.xlsx``. Imported both, every
statement would count twice in clusters, profiles and the scope rule. Two files are the
same when their words of four letters or more ("der", "und" are in any two German texts),
counted, agree to at least :data:`SAME` of the longer one (readers
split paragraphs differently, a PDF's page furniture adds a few words, stored text is
pseudonymised) and each has at least :data:`MIN_WORDS` words. Of two such files in one
import the editable one is kept (a PDF's text is reconstructed from its lines), else the
first; a file whose contributions the project already holds is left out. Both are named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from workbench.core.domain import ImportResult, ParsedDocument
from workbench.core.formatting import format_percent

SAME = 0.85  # shared words (counted) ÷ words of the longer text
MIN_WORDS = 30  # shorter texts (a breakout room's chat) may agree by chance
_WORD = re.compile(r"\w{4,}")  # "der", "und", "ist" are shared by any two German texts
_LESS_EXACT = (".pdf",)  # text reconstructed from lines: kept only without an editable copy
SKIPPED = "doppelt"  # an ImportResult's status


def words(text: str) -> Counter[str]:
    """A text's words in lower case, counted."""
    return Counter(_WORD.findall(text.lower()))


def document_words(document: ParsedDocument) -> Counter[str]:
    """The words of a parsed document's contributions (and its text, if it keeps one)."""
    if document.text is not None:
        return words(document.text)
    return words("\n".join(s.text for s in document.segments))


def agreement(a: Counter[str], b: Counter[str]) -> float:
    """Shared words (counted) ÷ words of the longer of two texts; 0 for a short one."""
    size_a, size_b = a.total(), b.total()
    if min(size_a, size_b) < MIN_WORDS:
        return 0.0
    return (a & b).total() / max(size_a, size_b)


def _notice(other: str, share: float, stored: bool) -> str:
    where = "schon im Projekt" if stored else "in diesem Import"
    return (
        f"nicht importiert: {format_percent(share, 0)} der Wörter stimmen mit '{other}' "
        f"({where}) überein — "
        "dieselben Beiträge in einer zweiten Datei (z. B. das Protokoll als DOCX und als PDF)? "
        "Mit --allow-duplicates werden beide importiert."
    )


def _coded(document: ParsedDocument) -> bool:
    """Whether a file brings codings (a second coder's copy of the same statements)."""
    return document.merge or bool(document.codings) or any(s.codes for s in document.segments)


def left_out(
    parsed: Sequence[tuple[Path, ParsedDocument]],
    stored: Iterable[tuple[str, str, str]] = (),
) -> list[ImportResult | None]:
    """For each of ``parsed``: None to import it, or the result of leaving it out because
    another file of the import or a document ``stored`` in the project (filename, text,
    sha256) already holds its contributions. Files that bring codings are always imported;
    the same file again (same SHA-256) is the writer's to report."""
    counted = [document_words(doc) for _, doc in parsed]
    order = sorted(range(len(parsed)), key=lambda i: parsed[i][0].suffix.lower() in _LESS_EXACT)
    stored = list(stored)
    kept: list[int] = []
    out: list[ImportResult | None] = [None] * len(parsed)
    for i in order:
        document, mine = parsed[i][1], counted[i]
        if _coded(document):
            kept.append(i)
            continue
        imported = ((parsed[j][0].name, counted[j], parsed[j][1].sha256) for j in kept)
        found = _same_as(mine, imported, document.sha256, stored=False)
        found = found or _same_as(mine, stored, document.sha256, stored=True)
        if found is None:
            kept.append(i)
        else:
            out[i] = ImportResult(document.filename, SKIPPED, notices=(found,))
    return out


def _same_as(mine: Counter[str], others: Iterable, sha256: str, stored: bool) -> str | None:
    """The notice for the first of ``others`` (name, counted words or — stored — text,
    SHA-256) that is another file with the same words, else None."""
    size = mine.total()
    for name, theirs, sha in others:
        if sha == sha256 or not size:
            continue
        if stored:  # a stored text is counted only if its length could match
            if not 0.5 <= len(theirs.split()) / size <= 2:
                continue
            theirs = words(theirs)
        share = agreement(mine, theirs)
        if share >= SAME:
            return _notice(name, share, stored)
    return None
