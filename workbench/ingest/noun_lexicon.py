"""German nouns of the German Wiktionary (the data package ``german-nouns``, CC BY-SA 4.0):
which words are ordinary nouns ("Licht", "Königin", "Geburt") and not only names.

A data package (~100,000 nouns with their forms) instead of hand lists: the name lists'
noun lists cover only the surnames of faker's lists, a surname the key meets with "Frau"
can be any noun. Read from the installed package, never downloaded; loaded on first use,
once per process (under a second of CPU; 18 MB kept, 70 MB at the peak of reading:
``benchmarks/pseudonymisation.py``)."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from workbench.core.domain import WorkbenchError
from workbench.core.word_caches import fixed_cache, word_cache
from workbench.ingest.name_gazetteer import fold

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

PACKAGE = "german-nouns==1.2.5"  # pyproject.toml [tool.workbench] no-deps

# Entries that name someone or somewhere, not a thing: "Licht" (Nachname) beside "Licht"
# (Substantiv) is two entries; only the second makes the word an ordinary noun.
_NAME_KINDS = frozenset({"Nachname", "Vorname", "Toponym", "Eigenname", "Straßenname"})
_PLACE_KINDS = frozenset({"Toponym", "Eigenname", "Straßenname"})


def _wanted(column: str) -> bool:
    """The columns read: the kinds of the entry, its lemma and its nominative forms."""
    return column in ("lemma", "pos") or column.startswith("nominativ")


_UMLAUTS = str.maketrans("äöü", "aou")


def _folded(word: str) -> str:
    """:func:`fold`, faster for words of ASCII letters and umlauts (most of the list)."""
    plain = word.casefold().translate(_UMLAUTS)
    return plain if plain.isascii() else fold(word)


@fixed_cache("the noun lexicon")
@cache
def lexicon() -> tuple[
    frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]
]:
    """The folded noun forms (:func:`german_nouns`), the folded names of places and
    institutions (entries "Toponym", "Eigenname", "Straßenname": "Wien", "Altona"), those
    of several words ("addis abeba", "abu dhabi"), the plurals that are no noun's
    singular (:func:`plural_noun`) and the first names and surnames (:func:`is_person_name`)."""
    import pandas as pd

    try:
        path = files("german_nouns").joinpath("nouns.csv")
        with path.open(encoding="utf-8", newline="") as f:
            table = pd.read_csv(f, usecols=_wanted, dtype=str, na_filter=False)
    except (ModuleNotFoundError, FileNotFoundError):
        raise WorkbenchError(
            "Das Wörterverzeichnis german-nouns fehlt in dieser Installation; "
            f"`make setup` oder `pip install --no-deps {PACKAGE}` installiert es."
        ) from None
    forms = [column for column in table.columns if column != "pos"]
    kinds = table["pos"].str.split(",")
    nouns = kinds.map(_NAME_KINDS.isdisjoint) & kinds.map(lambda k: "Substantiv" in k)
    places = kinds.map(lambda k: not _PLACE_KINDS.isdisjoint(k))
    words: set[str] = set()
    plurals: set[str] = set()
    for column in forms:
        found = table.loc[nouns, column].unique()
        (plurals if column.startswith("nominativ plural") else words).update(found)
    singular = frozenset(_folded(w) for w in words if w and " " not in w)
    plural = frozenset(_folded(w) for w in plurals if w and " " not in w)
    named = table.loc[places, "lemma"].unique()
    persons = table.loc[kinds.map(lambda k: "Nachname" in k or "Vorname" in k), "lemma"]
    return (
        singular | plural,
        frozenset(_folded(w) for w in named if w and " " not in w),
        frozenset(_folded(w) for w in named if " " in w),
        plural - singular,
        frozenset(_folded(w) for w in persons.unique() if w and " " not in w),
    )


def german_nouns() -> frozenset[str]:
    """The folded lemmas and nominative forms of every entry that is a noun and no name."""
    return lexicon()[0]


def is_german_noun(folded: str) -> bool:
    """Whether the folded word is an ordinary German noun or a nominative form of one
    ("licht", "konigin", "geburten"), not only a name ("kleinhempel")."""
    return folded in german_nouns()


def plural_noun(folded: str) -> bool:
    """Whether the folded word is the plural of a German noun and no noun's singular
    ("geschichten", "kinder"; not "spiegel", "metzger": singular and plural alike)."""
    return folded in lexicon()[3]


def is_place_name(folded: str) -> bool:
    """Whether the folded word names a place or an institution in the Wiktionary ("wien",
    "altona", "liesing"), whatever else it names."""
    return folded in lexicon()[1]


def is_person_name(folded: str) -> bool:
    """Whether the folded word is a first name or a surname in the Wiktionary ("koch",
    "licht", "wolf"), whatever else it is."""
    return folded in lexicon()[4]


def is_place_phrase(folded: str) -> bool:
    """Whether the folded words, one blank between them, name a place or an institution
    in the Wiktionary ("addis abeba", "abu dhabi"), as one of its entries of several words."""
    return folded in lexicon()[2]


def compound_noun(folded: str) -> bool:
    """Whether the folded word ends in a German noun of five letters or more after a first
    part of three ("balkonkraftwerke", "ortsgebieten", "regenwasser-speicher"): a compound
    the Wiktionary lacks, no name ("zabelberg" ends in a shorter one)."""
    head = folded.rsplit("-", 1)[-1]
    if head != folded and is_german_noun(head):
        return True
    return any(is_german_noun(head[k:]) for k in range(3, len(head) - 4))


# The article before a noun's form by case and gender ("vom", "im", "beim" as "dem");
# a plural form takes "die", "der" and "den" whatever its gender
_ARTICLES = {
    "nominativ": {"m": "der", "f": "die", "n": "das"},
    "genitiv": {"m": "des", "f": "der", "n": "des"},
    "dativ": {"m": "dem vom im beim", "f": "der", "n": "dem vom im beim"},
    "akkusativ": {"m": "den", "f": "die", "n": "das"},
}


def _case_column(column: str) -> bool:
    """The columns of a noun's kinds, genders and case forms (not the adjectival ones)."""
    case, _, number = column.partition(" ")
    plain = number.rstrip(" 1234") in ("singular", "plural")
    return column == "pos" or column.startswith("genus") or (case in _ARTICLES and plain)


@fixed_cache("the noun lexicon")
@cache
def _case_forms() -> pd.DataFrame:
    """The ordinary nouns' genders and case forms, one row an entry."""
    import pandas as pd

    path = files("german_nouns").joinpath("nouns.csv")
    with path.open(encoding="utf-8", newline="") as f:
        table = pd.read_csv(f, usecols=_case_column, dtype=str, na_filter=False)
    kinds = table["pos"].str.split(",")
    return table[kinds.map(_NAME_KINDS.isdisjoint) & kinds.map(lambda k: "Substantiv" in k)]


@fixed_cache("the noun lexicon")
@cache
def _form_table() -> tuple[dict[str, int], np.ndarray, np.ndarray, list[str], np.ndarray]:
    """The ordinary nouns' case forms, numbered; for form number i the places
    ``places[starts[i]:starts[i + 1]]`` where it stands in the table (row times the number of
    columns plus column); the names of the case columns and each entry's genders ("m", "fn"
    …): read once, so that a word is found by one look-up (:func:`noun_articles`) instead of
    a comparison over every case column."""
    import numpy as np
    import pandas as pd

    table = _case_forms()
    columns = [c for c in table.columns if c.partition(" ")[0] in _ARTICLES]
    genera = [table[c] for c in table.columns if c.startswith("genus")]
    genus = genera[0].str.cat(genera[1:]) if genera else table["pos"].map(lambda _: "")
    flat = table[columns].to_numpy(dtype=object).ravel()
    places = np.flatnonzero(flat != "")
    codes, forms = pd.factorize(flat[places])
    order = np.argsort(codes, kind="stable")
    starts = np.concatenate(([0], np.cumsum(np.bincount(codes, minlength=len(forms)))))
    numbers = {form: number for number, form in enumerate(forms.tolist())}
    return numbers, places[order], starts, columns, genus.to_numpy(dtype=object)


_PLURAL_ARTICLES = {"nominativ": "die", "genitiv": "der", "dativ": "den", "akkusativ": "die"}


@word_cache
@lru_cache(maxsize=1024)
def noun_articles(word: str) -> frozenset[str] | None:
    """The cases with the article a form of an ordinary noun, as written, may follow by its
    gender and number ("Rosenkranz": "nominativ der", "akkusativ den", "dativ vom" …,
    never "akkusativ die"; "Tafel": "genitiv der", "akkusativ die" …); None for a word the
    Wiktionary has no noun form of."""
    numbers, places, starts, columns, genus = _form_table()
    entry = numbers.get(word)
    if entry is None:
        return None
    articles: set[str] = set()
    for place in places[starts[entry] : starts[entry + 1]].tolist():
        row, column = divmod(place, len(columns))
        case, _, number = columns[column].partition(" ")
        if number.startswith("plural"):
            articles.add(f"{case} {_PLURAL_ARTICLES[case]}")
            continue
        for letter in genus[row]:
            articles.update(f"{case} {a}" for a in _ARTICLES[case].get(letter, "").split())
    return frozenset(articles)
