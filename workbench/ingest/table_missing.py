"""Cells that hold no content though they are not empty.

A survey's free field ("Anmerkungen?", "Sonstige Hinweise", "Möchten Sie uns noch etwas
sagen?") answered "Nein", "keine" or "Nein, danke." says there is nothing to add: no
statement, counted like the "no answer" markers ("-", "k. A."), and the import says how
many. An answer to another question keeps its "keine" ("Was fehlt Ihnen?" – "nichts" is an
answer). A survey tool's marker for a missing value in another column (LimeSurvey's "N/A",
"k. A.") is no attribute: "Alter: N/A" would count as an age group of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from workbench.ingest.personal_columns import header_words

# Answers that say "no answer" (survey tools' missing codes, R's "NA", hand-typed markers),
# compared without case and spaces: skipped like empty answers.
NO_ANSWERS = frozenset(
    """- -- --- / . .. ... k.a. k.a ka. n/a na #n/a n.a. -9 -99 -66 -77 -999 keineangabe
    keineangaben entfällt entfaellt""".split()
)


def is_no_answer(value: str) -> bool:
    """Whether a text cell says "no answer" ("-", "k. A.", "N/A", "-99", "keine Angabe").

    >>> is_no_answer("k. A."), is_no_answer("-99"), is_no_answer("NA"), is_no_answer("Kein Bus")
    (True, True, True, False)
    """
    return "".join(value.split()).casefold() in NO_ANSWERS


# A free field's header, as its (folded) words: it names a remark or asks for more
_FREE_FIELD = re.compile(
    r"anmerkung|anregung|bemerkung|kommentar|hinweis|erganzung|sonstig|mitteilung|"
    r"^sonst$|comment|remark|^else$"
)
# What is left of an answer with nothing to add, without punctuation, thanks and greetings
_NOTHING = frozenset(
    """nein no nö noe nope ne kein keine keines keins nichts nix none nothing nee
    nichtsweiter nichtsmehr nichtsweiteres keineweiteren keineanmerkungen keineanmerkung
    keineweiterenanmerkungen keinehinweise keineweiterenhinweise keinekommentare
    keinebemerkungen keineergänzungen keineergaenzungen momentannicht derzeitnicht
    aktuellnicht bishernicht nothingelse nocomment nocomments nothanks""".split()
)
_COURTESY = frozenset("danke vielen dank dankeschön lg gruß gruss grüße grusse".split())
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
# The upper end of a rating scale of signs ("--" … "++"), whose lower end looks like "-"
_PLUS = re.compile(r"\+{1,3}|\+/?-|±")


def is_free_field(question: str) -> bool:
    """Whether a survey question asks for anything else to add (:data:`_FREE_FIELD`).

    >>> is_free_field("Anmerkungen?"), is_free_field("Möchten Sie uns noch etwas sagen?")
    (True, True)
    >>> is_free_field("Was fehlt Ihnen im Stadtteil?"), is_free_field("Was fehlt noch?")
    (False, False)
    """
    words = header_words(question)
    return any(map(_FREE_FIELD.search, words)) or {"noch", "etwas"} <= set(words)


def adds_nothing(question: str, answer: str) -> bool:
    """Whether ``answer`` to the free field ``question`` says there is nothing to add.

    >>> adds_nothing("Anmerkungen?", "Nein, danke!"), adds_nothing("Anmerkungen?", "keine")
    (True, True)
    >>> adds_nothing("Anmerkungen?", "Nein, der Bus fährt zu selten.")
    False
    >>> adds_nothing("Was fehlt Ihnen?", "nichts")
    False
    """
    words = [w for w in re.sub(r"[^\w]+", " ", answer.casefold()).split() if w not in _COURTESY]
    return bool(words) and "".join(words) in _NOTHING and is_free_field(question)


def is_missing_value(value: Any) -> bool:
    """Whether an attribute cell is a survey tool's marker for a missing value ("N/A",
    "k. A.", "-"); a number ("-9" in a CSV) stays a value.

    >>> is_missing_value("N/A"), is_missing_value(" k. A. "), is_missing_value("-9")
    (True, True, False)
    >>> is_missing_value("35-49"), is_missing_value(-9)
    (False, False)
    """
    if not isinstance(value, str):
        return False
    text = value.strip()
    return bool(text) and is_no_answer(text) and not _NUMBER.fullmatch(text)


def sign_scale(values: Iterable[Any]) -> bool:
    """Whether a column's cells are a rating scale of signs: with a "+" or "++" among them,
    its "-" and "--" are answers (the lower end), not missing values.

    >>> sign_scale(["--", "-", "0", "+", "++"]), sign_scale(["18-29", "-", "N/A"])
    (True, False)
    """
    return any(isinstance(v, str) and _PLUS.fullmatch(v.strip()) for v in values)


def is_minus(value: Any) -> bool:
    """Whether a cell holds only minus signs ("-", "--", "---"), a scale's lower end.

    >>> is_minus(" -- "), is_minus("N/A")
    (True, False)
    """
    return isinstance(value, str) and set(value.strip()) == {"-"}


def missing_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What the import did with free-field answers without content and missing markers."""
    notices = []
    if nothing := options.get("nothing_to_add"):
        count, questions = nothing
        listed = ", ".join(f"'{q}'" for q in questions)
        notices.append(
            f"{count} Antwort{'' if count == 1 else 'en'} wie '-', 'k. A.' oder auf eine Bitte "
            f"um Ergänzungen 'Nein', 'keine' ({listed}) wie leere übersprungen: keine Aussage."
        )
    if cells := options.get("missing_attribute_cells"):
        count, columns = cells
        listed = ", ".join(f"'{c}'" for c in columns)
        notices.append(
            f"{count} Zelle{'' if count == 1 else 'n'} mit 'N/A', 'k. A.' o. Ä. in {listed} "
            "als fehlender Wert gelesen: kein Merkmal."
        )
    return tuple(notices)
