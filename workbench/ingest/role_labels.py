"""Speaker labels that are role words, no name (pure): "Anwohnerin", "Quartiersmanagerin",
"Vertreter Jugendamt", "Mitarbeiter Stadtteilbüro", also with the speaker's name after the
role ("Anwohnerin Frau Schulz": the role, and the person to pseudonymise).

A protocol that writes who speaks by function ("Anwohnerin: …" / "Quartiersmanagerin: …")
names nobody: the role word is the statement's role, never a placeholder. A protocol's
lead-ins ("Ergebnis", "Ziel", "Problem": :func:`~workbench.ingest.discourse_labels.is_lead_in`)
and words the gazetteer holds as names ("Richter", "Bauer") are no role words here."""

from __future__ import annotations

import re

from workbench.ingest.discourse_labels import is_lead_in
from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.name_tokens import tokens
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun
from workbench.ingest.role_nouns import role_noun

# Who takes part by where they live or whom they speak for ("Anwohnerin", "Bewohner",
# "Elternvertreterin", "Mieterin"), which the role nouns before a name do not hold
_PARTICIPANT = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]*(?:anwohner|bewohner|vertreter|mieter|nachbar|besucher|händler)(?:in)?"
    r"|(?:Anwohner|Bewohner|Vertreter|Mieter|Nachbar|Besucher|Händler)(?:in)?"
)
_ADDRESS = frozenset("Frau Herr Hr. Fr. Dr. Prof.".split())
# The words that join a role to its office ("Vertreterin der Polizei", "Mitarbeiter vom Amt")
_JOINING = frozenset("der des dem den vom im aus beim für".split())
_WORD = re.compile(r"[A-ZÄÖÜ][\w.-]*")
# An office's compound few lexicons hold ("Stadtteilbüro", "Quartiersmanagement")
_OFFICE_END = re.compile(
    r"\w{2,}(?:büro|amt|stelle|dienst|zentrum|treff|verwaltung|management|verein|schule|kita"
    r"|gesellschaft|genossenschaft|initiative|netzwerk|haus|rat)",
    re.IGNORECASE,
)


def _role_word(word: str) -> bool:
    """Whether a single word is a role noun or a participant's (and no name, no lead-in)."""
    if not _WORD.fullmatch(word) or is_lead_in(word):
        return False
    names = gazetteer()
    if names.has_first(word) or names.has_last(word):
        return False  # "Richter", "Bauer": surnames too
    found = tokens(word)
    return bool(_PARTICIPANT.fullmatch(word) or (len(found) == 1 and role_noun(found[0])))


def _office(words: list[str]) -> bool:
    """Whether the words after a role name an office or body ("Jugendamt", "der Polizei")."""
    nouns = [w for w in words if w not in _JOINING]
    return bool(nouns) and all(
        _WORD.fullmatch(w)
        and not (gazetteer().has_first(w) or gazetteer().has_last(w))
        and (
            is_german_noun(w.casefold()) or compound_noun(w.casefold()) or _OFFICE_END.fullmatch(w)
        )
        for w in nouns
    )


def role_label(who: str) -> tuple[str, str | None] | None:
    """``(role, name)`` of a speaker label that is a role word (see the module's docstring),
    the name None where the label names nobody; None for any other label.

    >>> role_label("Anwohnerin"), role_label("Vertreter Jugendamt")
    (('Anwohnerin', None), ('Vertreter Jugendamt', None))
    >>> role_label("Anwohnerin Frau Schulz"), role_label("Ziel"), role_label("Anna Schmidt")
    (('Anwohnerin', 'Frau Schulz'), None, None)
    """
    words = who.split()
    if not 1 <= len(words) <= 5 or not _role_word(words[0]):
        return None
    rest = words[1:]
    if not rest:
        return words[0], None
    if _office(rest):
        return " ".join(words), None
    return (words[0], " ".join(rest)) if _named(rest, alone=True) else None


def _named(words: list[str], alone: bool) -> bool:
    """Whether words are a person's name: "Frau Schulz", "Dr. Anna Schmidt", "Anna Schmidt"
    (a surname the gazetteer knows, after an address or a first name it knows); a surname
    alone too where ``alone`` ("Anwohnerin Schulz")."""
    names = [w for w in words if w not in _ADDRESS]
    if not 1 <= len(names) <= 2 or not all(_WORD.fullmatch(w) for w in names):
        return False
    first, last = gazetteer().has_first(names[0]), gazetteer().has_last(names[-1])
    return last and (words[0] in _ADDRESS or (alone and len(names) == 1) or first)


def person_only(said: str) -> bool:
    """Whether a label's text is only a person's name ("Frau Koch", "Anna Schmidt"), as an
    attendance list writes it ("Anwohnerin: Frau Koch"), no statement: not "Mehr Bänke.".

    >>> person_only("Frau Koch"), person_only("Anna Schmidt"), person_only("Mehr Bänke.")
    (True, True, False)
    >>> person_only("Koch"), person_only("Frau Koch sagt, es fehlt Licht.")
    (False, False)
    """
    return _named(said.split(), alone=False)
