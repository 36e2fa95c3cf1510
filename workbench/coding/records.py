"""What the coding stage shares: coding records, name checks, reading a codebook file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from workbench.coding.codebook import CodeSpec, check_code_size, read_codebook_yaml
from workbench.coding.codebook_qdc import read_codebook_qdc
from workbench.coding.coder_terms import CONSENSUS_CODER as CONSENSUS_CODER  # re-exported
from workbench.core.domain import SEPARATOR, InputError
from workbench.core.typed_text import NOT_IN_LABEL, one_line_name, typed_name
from workbench.store import MAX_CODER


@dataclass(frozen=True)
class CodingRecord:
    """A coding as the API reports it back."""

    coding_id: int
    segment_id: int
    code: str
    coder: str
    start: int
    end: int


class CodeRemoval(NamedTuple):
    """What deleting a code (with its subcodes) took: codings, memos, and the merged codes
    whose REFI-QDA GUIDs pointed at it (forgotten; see ``forget_merges_into``)."""

    codings: int
    memos: int
    merged: int = 0


@dataclass(frozen=True)
class ActionRecord:
    """One logged action; ``items`` are (op, segment_id, code_id, start, end)."""

    action_id: int
    coder: str
    kind: str
    created_at: datetime
    undone: bool
    items: tuple[tuple[str, int, int, int, int], ...]


# -- validation (shared by the mixin and the CLI) ----------------------------------------
def check_coder(coder: str | None, what: str = "Kodierer*in") -> str:
    r"""Return the coder name on one line as a label is stored (:func:`one_line_name`: a
    terminal's escape sequence left out whole, a lone U+009B and the other C1 controls too,
    stripped); refuse an empty or overlong one.

    >>> check_coder(" Lea\x1b[31m "), check_coder("Le\x9ba"), check_coder("Kim  [alt]")
    ('Lea', 'Lea', 'Kim  [alt]')
    """
    name = one_line_name(coder or "")
    if not name:
        raise InputError(f"{what} fehlt: bitte einen Namen angeben.")
    if len(name) > MAX_CODER:
        raise InputError(f"{what} '{name[:20]}…' ist zu lang (höchstens {MAX_CODER} Zeichen).")
    return name


def stored_coder(typed: str, known: Iterable[str]) -> str | None:
    r"""The stored coder name ``typed`` names among ``known``: itself, as a version before
    session 47 stored it (only the ESC of a sequence left out, U+009B kept), as
    :func:`check_coder` writes it, or the one stored name that reads so; None if none is.

    >>> known = ["Lea\x9b", "Kim[31m"]
    >>> stored_coder("Lea", known), stored_coder("Kim\x1b[31m", known)
    ('Lea\x9b', 'Kim[31m')
    >>> stored_coder("Kim", known) is None
    True
    """
    known = set(known)
    name = one_line_name(typed)
    for form in (typed, typed_name(typed).strip(), name):
        if form in known:
            return form
    hits = sorted(k for k in known if NOT_IN_LABEL.search(k) and one_line_name(k) == name)
    return hits[0] if hits else None


def known_coder(name: str, known: Iterable[str]) -> str:
    """The coder ``name`` means among ``known`` ones: itself (also as stored by an older
    version, :func:`stored_coder`), else the only one spelt the same but for case ("anna"
    → "Anna"), as district names on the command line; else ``name`` unchanged.

    >>> known_coder("anna", ["Anna", "Ben"]), known_coder("anna", ["Anna", "ANNA"])
    ('Anna', 'anna')
    """
    name = name.strip()
    known = set(known)
    found = stored_coder(name, known)
    if found is not None:
        return found
    keys = _coder_keys(typed_name(name).strip(), name)
    hits = [k for k in known if keys & _coder_keys(k, k)]
    return hits[0] if len(hits) == 1 else name


def _coder_keys(stored: str, typed: str) -> set[str]:
    """A coder name compared but for case: as stored then and as stored now."""
    return {unicodedata.normalize("NFC", n).casefold() for n in (stored, one_line_name(typed))}


def coder_meant(typed: str, known: Iterable[str]) -> str:
    """The coder ``typed`` means among ``known`` (:func:`known_coder`, also as an older
    version stored her), else the name as :func:`check_coder` stores a new one.

    >>> coder_meant("lea\x1b[31m", ["Lea[31m"]), coder_meant("Kim\x1b[31m", ["Lea"])
    ('Lea[31m', 'Kim')
    """
    name = check_coder(typed)
    known = set(known)
    found = known_coder(typed, known)
    return found if found in known else name


def check_name(name: str) -> str:
    """Return a stripped code name (without control characters); refuse empty names and
    names with ``/``."""
    name = one_line_name(name)
    if not name:
        raise InputError("Der Codename ist leer.")
    if SEPARATOR in name:
        raise InputError(f"Codename '{name}' darf kein '/' enthalten.")
    return check_code_size(name)


def check_path(path: str) -> str:
    """Return a normalised code path (parts stripped); refuse empty parts."""
    parts = [one_line_name(p) for p in path.split(SEPARATOR)]
    if not all(parts):
        raise InputError(f"Ungültiger Codepfad '{path}': leere Teile.")
    return check_code_size(SEPARATOR.join(parts))


def stored_path(typed: str, paths: Iterable[str]) -> str | None:
    r"""The stored code path ``typed`` names among ``paths``: itself, or as :func:`check_path`
    writes it (one line), or the one stored path that reads so on one line: an older
    version stored a code's name with its line break ("Bedarf/Neu\nZeile"; migration 0009
    rewrites it, every import stores it on one line since session 45), which is found
    by that spelling and by "Bedarf/Neu Zeile"; None if none is.

    >>> stored = ["Bedarf", "Bedarf/Neu\nZeile"]
    >>> stored_path("Bedarf/Neu\nZeile", stored), stored_path(" Bedarf/Neu Zeile", stored)
    ('Bedarf/Neu\nZeile', 'Bedarf/Neu\nZeile')
    >>> stored_path("Bedarf ", stored), stored_path("Ressource", stored) is None
    ('Bedarf', True)
    """
    known = set(paths)
    if typed in known:
        return typed
    path = check_path(typed)
    if path in known:
        return path
    hits = sorted(p for p in known if NOT_IN_LABEL.search(p) and _one_line_path(p) == path)
    return hits[0] if hits else None


def _one_line_path(path: str) -> str | None:
    """A stored path as :func:`check_path` writes it now (None if it refuses it)."""
    try:
        return check_path(path)
    except InputError:
        return None


def read_codebook(
    path: str | Path,
    notices: list[str] | None = None,
    guids: list[tuple[str, str]] | None = None,
) -> list[CodeSpec]:
    """Read a codebook file: ``.qdc`` (REFI-QDA; what was dropped into ``notices``, each
    code's (path, GUID) into ``guids``) or ``.yaml``/``.yml``."""
    suffix = Path(path).suffix.lower()
    if suffix == ".qdc":
        return read_codebook_qdc(path, notices, guids)
    if suffix in (".yaml", ".yml"):
        return read_codebook_yaml(path)
    raise InputError(
        f"Unbekanntes Codebuchformat '{suffix or '(ohne Endung)'}': .yaml, .yml oder .qdc."
        + _OTHER_CODEBOOKS.get(suffix, ""),
        file=str(path),
    )


# Codebooks other programs write in their own formats: how to get one this reads.
_AS_QDC = (
    " Bitte das Codesystem im QDA-Programm als REFI-QDA-Codebuch (.qdc) exportieren "
    "(MAXQDA, NVivo, ATLAS.ti und QualCoder können das) und diese Datei importieren."
)
_OTHER_CODEBOOKS = {
    ".mqc": " Eine .mqc ist MAXQDAs eigenes Codesystem-Format und nicht lesbar." + _AS_QDC,
    ".qdpx": " Ein REFI-QDA-Projekt (.qdpx) mit seinen Codes importiert `workbench import`.",
    **dict.fromkeys((".xlsx", ".xls", ".docx", ".doc", ".csv", ".pdf", ".html"), _AS_QDC),
}
