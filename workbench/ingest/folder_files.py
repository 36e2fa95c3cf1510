"""Which of a folder's files describe it rather than hold contributions, and which of its
subfolders hold files a folder import does not enter.

A dataset or export downloaded as a folder often carries a description and its terms:
``README.md``, ``LIESMICH.txt``, ``LICENSE``, ``TERMS-OF-USE.txt``, ``CITATION.cff``,
``PROVENANCE.md``. Imported as protocols they would add the description's sentences to the
workshops' statements. A folder import leaves such files out by name (the part before the
first ".", "-" or "_" after the name: ``README.polis-openData.md``, ``Lizenz_CC-BY.pdf``)
and says so; given by name, a file is imported whatever it is called.
"""

from __future__ import annotations

import os
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


def _holds(folder: Path, suffixes: frozenset[str]) -> bool:
    """Whether ``folder`` or a folder in it holds a visible file of one of ``suffixes`` that
    is not a description."""
    for _, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        for name in files:
            if (
                not name.startswith((".", "~$"))
                and Path(name).suffix.lower() in suffixes
                and description_kind(name) is None
            ):
                return True
    return False


def subfolders_with_files(folder: Path, suffixes: Sequence[str]) -> list[str]:
    """Names of ``folder``'s subfolders that hold importable files (sorted; hidden ones and
    ``__MACOSX`` left out). A folder import does not enter them: each is its own export,
    workshop or project. A REFI-QDA project's ``Sources`` beside its ``.qde`` is read with it.
    """
    wanted = frozenset(s.lower() for s in suffixes)
    has_qde = any(f.suffix.lower() == ".qde" for f in folder.iterdir() if f.is_file())
    names = []
    for sub in sorted(folder.iterdir()):
        if not sub.is_dir() or sub.name.startswith((".", "__")):
            continue
        if has_qde and sub.name.lower() == "sources":
            continue
        if _holds(sub, wanted):
            names.append(sub.name)
    return names


def subfolder_text(names: Sequence[str], most: int = 5) -> str:
    """``names`` for a message: at most ``most``, then how many more, each with a "/"."""
    shown = ", ".join(f"{n}/" for n in names[:most])
    more = len(names) - most
    return shown + (f" und {more} weitere" if more > 0 else "")
