"""The classes of a word that :class:`workbench.ingest.names.PersonFinder` asks about (moved
from :mod:`workbench.ingest.names`): a first name, a surname, a word spelled like a name,
blocked from any name, name-like, a role — each asked once per word of a text."""

from __future__ import annotations

from workbench.ingest import name_lists as lists
from workbench.ingest.name_context import NameContext
from workbench.ingest.name_gazetteer import Gazetteer, gazetteer
from workbench.ingest.name_known import ORDINARY
from workbench.ingest.name_tokens import (
    CAMEL_OK,
    COMPOUND_HEAD,
    FOREIGN_END,
    FOREIGN_LETTERS,
    NOUN_END,
    Tok,
)
from workbench.ingest.role_nouns import addressed_role, genitive_role, role_noun

_CUE_WORDS = lists.STRONG_CUES | lists.LABEL_CUES | lists.WEAK_CUES | lists.PAIR_CUES


class TokenClasses:
    """The token classes of :class:`workbench.ingest.names.PersonFinder` and its state."""

    def __init__(self, context: NameContext, names: Gazetteer | None = None):
        self.context = context
        self.names = names or gazetteer()
        self.protected = frozenset(context.protected)
        self.rejected = frozenset(context.rejected)
        self.confirmed = frozenset(context.confirmed)
        self.known = context.known
        self.named = context.named
        # the token classes by word as written (read in one text): a long text asks for
        # its words again and again; one table per class, keyed without building a tuple
        # of the class's method and its flags for every question
        self._first: dict[tuple[str, str, str], bool] = {}
        self._surname: dict[tuple[str, str, str], bool] = {}
        self._foreign: dict[tuple[str, str, str], bool] = {}
        self._like: dict[tuple[str, str, str, bool, bool], bool] = {}

    # -- token classes ----------------------------------------------------------------
    def is_first(self, tok: Tok) -> bool:
        """A first name of the gazetteer (every part of a hyphenated one), no acronym."""
        memo = (tok.text, tok.folded, tok.lower)
        found = self._first.get(memo)
        if found is None:
            found = self._first[memo] = self._is_first(tok)
        return found

    def _is_first(self, tok: Tok) -> bool:
        parts = tok.text.split("-")
        return (
            tok.text[0].isupper()
            and not tok.text.isupper()
            and len(set(parts)) == len(parts)  # not "Tom-Tom"
            and all(len(p) >= 3 and self.names.has_first(p) for p in parts)
        )

    def is_surname(self, tok: Tok) -> bool:
        """A surname of the gazetteer that is not also an ordinary German word."""
        memo = (tok.text, tok.folded, tok.lower)
        found = self._surname.get(memo)
        if found is None:
            found = self._surname[memo] = self._is_surname(tok)
        return found

    def _is_surname(self, tok: Tok) -> bool:
        parts = tok.text.split("-")
        return (
            tok.text[0].isupper()
            and not tok.text.isupper()
            and len(parts[-1]) >= 3
            and self.names.has_last(parts[-1])
            and not any(f in ORDINARY for f in tok.folded.split("-"))
            and all(p[:1].isupper() for p in parts)
        )

    def is_foreign(self, tok: Tok) -> bool:
        """A capitalised word spelled like a non-German name ("Kovačević", "Petrenko")."""
        memo = (tok.text, tok.folded, tok.lower)
        found = self._foreign.get(memo)
        if found is None:
            found = self._foreign[memo] = self._is_foreign(tok)
        return found

    def _is_foreign(self, tok: Tok) -> bool:
        return (
            len(tok.text) >= 4
            and tok.text[0].isupper()
            and bool(FOREIGN_LETTERS.search(tok.text) or FOREIGN_END.search(tok.text))
        )

    def _sure_name(self, tok: Tok) -> bool:
        """A first name or surname of the gazetteer, or a word spelled like a name."""
        return self.is_first(tok) or self.is_surname(tok) or self.is_foreign(tok)

    def held(self, tok: Tok) -> bool:
        """A word a researcher rejected ("Mehr Licht") that the key holds as the surname of
        a person met with a first name or a form of address ("Frau Licht"): no name alone,
        still hers after "Frau", "Herr" or a first name (:attr:`NameContext.named`)."""
        return tok.folded in self.rejected and self.known.get(tok.lower) in self.named

    def blocked(self, tok: Tok, named: bool = False) -> bool:
        """Never part of a name: protected, rejected, a function word, a date word, a cue.

        ``named``: after a form of address or a first name, where a rejected word the key
        holds as a person's surname is hers (:meth:`held`)."""
        f = tok.folded
        return (
            f in _CUE_WORDS
            or f in self.protected
            or (f in self.rejected and not (named and self.held(tok)))
            or f in lists.FUNCTION_WORDS
            or f in lists.CALENDAR
            or f in lists.INSTITUTION_NOUNS
            or f in lists.TITLES
            or f in lists.ENGLISH_CONTRACTIONS
        )

    def name_like(self, tok: Tok, loose: bool = False, named: bool = False) -> bool:
        """Could be a name: capitalised, no abbreviation, no noun by its form.

        ``named``: the word follows a form of address or a first name ("Herr Jung", "Frau
        Eberlein", "Sabine Jung", "Stefan Richter"). There the ending of a noun ("-ung",
        "-lein", "-enz", "-sten") says nothing — such surnames are common — and a role
        word is a surname if the gazetteer knows it as one ("Richter", "Meister").
        """
        memo = (tok.text, tok.folded, tok.lower, loose, named)
        found = self._like.get(memo)
        if found is None:
            found = self._like[memo] = self._name_like(tok, loose, named)
        return found

    def _name_like(self, tok: Tok, loose: bool, named: bool) -> bool:
        text, f = tok.text, tok.folded
        dated = named and f in lists.CALENDAR  # "Frau Freitag", "Anna Mai": surnames
        if (
            not text[0].isupper()
            or (self.blocked(tok, named) and not dated)
            or f in lists.COMMON_NOUNS
        ):
            return False
        if len(text) < 2 or (text.isupper() and len(text) <= 5):
            return False
        if f.split("-")[0] in lists.LOCAL_NAMES and not named:
            return False  # "Ophoven erklärt", "Rheindorf-Nord meint": a place
        inner = [p for p in text.split("-") if any(ch.isupper() for ch in p[1:])]
        if any(not CAMEL_OK.match(p) for p in inner):
            return False  # "BewohnerInnen", "NoVA": no name
        if f in self.confirmed or self.is_first(tok) or self.is_surname(tok):
            return True
        if named:
            if genitive_role(tok, self.names.has_last) or addressed_role(text, self.names.has_last):
                return False  # "des Herrn Bürgermeisters", "Herrn Stadtdirektor": a role
            return not self.is_role(tok) or self.names.has_last(text.split("-")[-1])
        if NOUN_END.search(f) or self.is_role(tok):
            return False
        return loose or not COMPOUND_HEAD.match(f)

    def is_role(self, tok: Tok, before_name: bool = False) -> bool:
        """A role noun before a name ("Pfarrerin", "Quartiersmanager"), singular only; an
        unlisted "-meister" word only ``before_name`` ("Küchenmeister Schulz")."""
        return role_noun(tok, before_name)
