"""Role nouns before a name ("Pfarrerin", "Quartiersmanager", "Küchenmeister Schulz"):
the word class :meth:`workbench.ingest.names.PersonFinder.is_role` reads (pure)."""

from __future__ import annotations

from collections.abc import Callable

from workbench.ingest import name_lists as lists
from workbench.ingest.name_tokens import Tok, tokens

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


# Endings of a role in the genitive after "des Herrn": "-s", "-es" ("Bürgermeisters",
# "Landrates"), "-en", "-n" of the weak nouns ("Dezernenten", "Kollegen")
_GENITIVE_ENDS = ("es", "s", "en", "n")


def genitive_role(tok: Tok, has_last: Callable[[str], bool]) -> bool:
    """Whether ``tok`` after a form of address is a role in the genitive ("des Herrn
    Bürgermeisters", "des Herrn Dezernenten"), no surname: a role noun with the ending
    of the genitive, the word and the role no surname of the gazetteer ``has_last``
    ("des Herrn Richters", "Herrn Peters", "Herrn Wolters" stay names)."""
    if "-" in tok.text or has_last(tok.text):
        return False
    for end in _GENITIVE_ENDS:
        stem = tok.text[: -len(end)]
        known = len(stem) <= 3 or has_last(stem)  # "Herrn Peters": "Peter" is no role
        if tok.lower.endswith(end) and not known and role_noun(tokens(stem)[0]):
            return True
    return False
