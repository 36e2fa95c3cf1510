"""A workshop's name as the project stores it: a name longer than the column is cut in
its middle with "…" (and a short hash), the same way each time, so that a command finds the
workshop by the name typed as at import (see :mod:`workbench.ingest.long_names`).

Below the importers: commands that only look a workshop up (``workbench waves``,
``workbench tokens --workshop``) need no importer.
"""

from __future__ import annotations

import hashlib
import unicodedata

from workbench.core.typed_text import line_label
from workbench.store.schema import MAX_WORKSHOP

ELLIPSIS = "…"


def shortened(text: str, limit: int, tail: int = 0) -> str:
    """``text`` cut to ``limit`` characters in its middle (its last ``tail`` kept), the cut
    marked with "…"; unchanged if it fits.

    >>> shortened("Stadtteilkonferenz Manfort", 12)
    'Stadtteilko…'
    >>> shortened("Stadtteilkonferenz Manfort", 12, tail=4)
    'Stadtte…fort'
    >>> shortened("Manfort", 12)
    'Manfort'
    """
    if len(text) <= limit:
        return text
    end = text[len(text) - tail :] if tail else ""
    return text[: limit - 1 - len(end)] + ELLIPSIS + end


def workshop_key(name: str) -> str:
    """A workshop's name as the project stores it: at most :data:`MAX_WORKSHOP` characters,
    a longer one cut in its middle, its last 60 kept and the first 8 hex digits of the
    whole name's SHA-256 in the cut ("…#1a2b3c4d…"): two names that differ only in the
    cut-out middle stay two workshops, the same name finds the same one again.

    >>> len(workshop_key("Teil 1 " * 60)), workshop_key("Teil 1 " * 60) != workshop_key(
    ...     "Teil 1 " * 30 + "Teil 2 " + "Teil 1 " * 29)
    (300, True)
    """
    if len(name) <= MAX_WORKSHOP:
        return name
    whole = unicodedata.normalize("NFC", name).encode("utf-8")
    cut = f"{ELLIPSIS}#{hashlib.sha256(whole).hexdigest()[:8]}{ELLIPSIS}"
    return name[: MAX_WORKSHOP - len(cut) - 60] + cut + name[-60:]


def legacy_workshop_key(name: str) -> str:
    """A long workshop name as the workbench stored it before :func:`workshop_key` kept a
    hash (first 239 and last 60 characters): such a workshop is found again by it."""
    return shortened(name, MAX_WORKSHOP, tail=60)


def typed_workshop(name: str) -> tuple[str, str]:
    """The forms a workshop's name typed on the command line as at import may be stored
    in: :func:`workshop_key` and :func:`legacy_workshop_key` (the same if it fits), of the
    name as typed (an older version stored line breaks) and on one line, as an import
    stores it now (:func:`~workbench.core.typed_text.line_label`)."""
    name = name.strip()
    forms = (workshop_key(name), legacy_workshop_key(name))
    line = line_label(name)
    return forms if line == name else (*forms, workshop_key(line), legacy_workshop_key(line))
