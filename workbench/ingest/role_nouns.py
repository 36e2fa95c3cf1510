"""Role nouns before a name ("Pfarrerin", "Quartiersmanager", "Küchenmeister Schulz"):
the word class :meth:`workbench.ingest.names.PersonFinder.is_role` reads (pure)."""

from __future__ import annotations

from collections.abc import Callable

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_tokens import Tok, tokens
from workbench.ingest.noun_lexicon import noun_articles

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
    ("des Herrn Richters", "Herrn Peters", "Herrn Wolters" stay names); so does a surname
    with an apostrophe-s ("Sophie Richter's Bericht": "Richter" is a surname)."""
    if "-" in tok.text or has_last(tok.text):
        return False
    for end in _GENITIVE_ENDS:
        stem = tok.text[: -len(end)].rstrip("'’")  # "Richter's": "Richter"
        known = len(stem) <= 3 or has_last(stem)  # "Herrn Peters": "Peter" is no role
        if tok.lower.endswith(end) and not known and role_noun(tokens(stem)[0]):
            return True
    return False


# Titles and offices addressed with "Herr"/"Frau" and no name ("Herrn Professor", "Frau
# Dekanin", "des Herrn Superintendenten"); as the head of a compound only, where the word
# alone is a surname too ("Herrn Stadtkämmerer", "Herrn Stadtdirektor"; "Herrn Kämmerer")
_TITLES = frozenset(
    w + end for w in "professor dekan superintendent prases".split() for end in ("", "in")
)
_COMPOUND_TITLES = _TITLES | frozenset(
    "direktor direktorin kammerer kammerin baurat burgermeister burgermeisterin".split()
)


def addressed_role(word: str, has_last: Callable[[str], bool], woman: bool = False) -> bool:
    """Whether a word after "Herrn" (``woman``: "Frau") is a title or an office without a
    name ("Herrn Professor", "des Herrn Dekans", "Herrn Stadtdirektor", "Frau
    Amtsleiterin"): a title, a compound ending in one after three letters, or a role noun
    (:func:`role_noun`) the lexicon knows; never a surname of the gazetteer ``has_last``
    ("Herrn Peters", "Herrn Kämmerer"), nor a man's noun after "Frau" ("Frau Oberlehrer")."""
    if not word.isalpha() or not word[:1].isupper() or has_last(word):
        return False
    folded = fold(word)
    if woman and not folded.endswith("in"):
        return False
    for end in ("", *_GENITIVE_ENDS):
        stem = folded[: len(folded) - len(end)]
        if not folded.endswith(end) or len(stem) <= 3 or (end and has_last(word[: len(stem)])):
            continue
        compound = any(stem.endswith(t) and len(stem) - len(t) >= 3 for t in _COMPOUND_TITLES)
        said = tokens(word[: len(stem)])[0]
        if stem in _TITLES or compound or (role_noun(said) and noun_articles(said.text)):
            return True
    return False
