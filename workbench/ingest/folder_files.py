"""Which of a folder's files describe it rather than hold contributions (pure).

A dataset or export downloaded as a folder often carries a description and its terms:
``README.md``, ``LIESMICH.txt``, ``LICENSE``, ``TERMS-OF-USE.txt``, ``CITATION.cff``,
``PROVENANCE.md``. Imported as protocols they would add the description's sentences to the
workshops' statements. A folder import leaves such files out by name (the part before the
first ".", "-" or "_" after the name: ``README.polis-openData.md``, ``Lizenz_CC-BY.pdf``)
and says so; given by name, a file is imported whatever it is called.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

_DESCRIPTIONS = {
    "readme": "Beschreibung",
    "liesmich": "Beschreibung",
    "provenance": "Beschreibung",
    "changelog": "Beschreibung",
    "changes": "Beschreibung",
    "authors": "Beschreibung",
    "contributing": "Beschreibung",
    "citation": "Zitierhinweis",
    "zitierhinweis": "Zitierhinweis",
    "license": "Lizenz",
    "licence": "Lizenz",
    "lizenz": "Lizenz",
    "copying": "Lizenz",
    "notice": "Lizenz",
    "terms-of-use": "Nutzungsbedingungen",
    "terms_of_use": "Nutzungsbedingungen",
    "termsofuse": "Nutzungsbedingungen",
    "nutzungsbedingungen": "Nutzungsbedingungen",
}
_WORD = re.compile(r"^(terms[-_ ]?of[-_ ]?use|[^.\-_ ]+)", re.IGNORECASE)


def description_kind(name: str) -> str | None:
    """What a file named ``name`` is if it describes its folder ("Beschreibung", "Lizenz",
    "Nutzungsbedingungen", "Zitierhinweis"), else None.

    >>> description_kind("README.polis-openData.md"), description_kind("Readme-Workshop.txt")
    ('Beschreibung', 'Beschreibung')
    >>> description_kind("Protokoll_Manfort.docx") is None
    True
    """
    found = _WORD.match(name)
    word = found.group(1).lower().replace(" ", "-") if found else ""
    return _DESCRIPTIONS.get(word) or _DESCRIPTIONS.get(word.replace("-", "").replace("_", ""))


def leave_out_descriptions(files: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """A folder's files without those that describe it, and a notice naming those."""
    kept = [f for f in files if description_kind(f.name) is None]
    left = [f"{f.name} ({description_kind(f.name)})" for f in files if f not in kept]
    if not left:
        return kept, []
    verb = "beschreibt" if len(left) == 1 else "beschreiben"
    return kept, [
        f"{', '.join(left)} {verb} den Ordner, keine Beiträge: nicht importiert (einzeln "
        "angegeben wird eine solche Datei importiert)."
    ]
