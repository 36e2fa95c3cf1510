"""Role nouns before a name ("Pfarrerin", "Quartiersmanager", "Küchenmeister Schulz"):
the word class :meth:`workbench.ingest.names.PersonFinder.is_role` reads (pure)."""

from __future__ import annotations

from workbench.ingest import name_lists as lists
from workbench.ingest.name_tokens import Tok

_ROLE_SUFFIXES = tuple(lists.ROLE_SUFFIXES)


def role_noun(tok: Tok, before_name: bool = False) -> bool:
    """A role noun before a name ("Pfarrerin", "Quartiersmanager"), singular only; an
    unlisted "-meister" word only ``before_name`` ("Küchenmeister Schulz")."""
    if not tok.text[0].isupper() or tok.lower.endswith(("mütter", "väter")):
        return False
    if tok.text in lists.ROLE_ABBREVIATIONS:
        return True
    f = tok.folded
    if f.endswith("meister") and not f.endswith(lists.MEISTER_ROLES):
        # "Herr Hoffmeister", "Frau Burmeister": surnames
        return f in lists.ROLE_WORDS or (before_name and len(f) > len("meister") + 2)
    return f in lists.ROLE_WORDS or (
        f.endswith(_ROLE_SUFFIXES)
        and any(f.endswith(s) and len(f) > len(s) + 2 for s in _ROLE_SUFFIXES)
    )
