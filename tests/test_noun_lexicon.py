"""The German nouns of the Wiktionary (package german-nouns) that keep a key's surname
from spreading alone: nouns in, names out, a missing package said in German."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from workbench.core.domain import WorkbenchError
from workbench.ingest import noun_lexicon
from workbench.ingest.noun_lexicon import (
    compound_noun,
    german_nouns,
    is_german_noun,
    is_place_name,
    lexicon,
    noun_articles,
)


@pytest.mark.parametrize("word", ["licht", "konigin", "geburt", "geburten", "strasse", "wiese"])
def test_ordinary_nouns_and_their_nominative_forms_are_nouns(word: str) -> None:
    assert is_german_noun(word)


@pytest.mark.parametrize(
    "word",
    [
        "kleinhempel",  # no entry
        "thomas",  # only as a first name and a surname
        "bielefeld",  # only a place
        "mehr licht",  # words of a phrase, never a token
    ],
)
def test_names_and_places_only_are_no_nouns(word: str) -> None:
    assert not is_german_noun(word)


@pytest.fixture
def without_package(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    lexicon.cache_clear()
    monkeypatch.setitem(sys.modules, "german_nouns", None)  # import fails as if missing
    yield
    lexicon.cache_clear()


def test_a_missing_package_is_said_in_german(without_package: None) -> None:
    with pytest.raises(WorkbenchError, match="german-nouns fehlt") as err:
        german_nouns()
    assert noun_lexicon.PACKAGE in str(err.value)


@pytest.mark.parametrize("word", ["wien", "altona", "liesing", "hamburg"])
def test_places_of_the_wiktionary_are_place_names(word: str) -> None:
    assert is_place_name(word)


@pytest.mark.parametrize(
    ("word", "compound"),
    [("balkonkraftwerke", True), ("regenwasser-speicher", True), ("zabelberg", False)],
)
def test_a_compound_ends_in_a_noun_of_five_letters_or_more(word: str, compound: bool) -> None:
    assert compound_noun(word) is compound


@pytest.mark.parametrize(
    ("word", "has", "lacks"),
    [
        ("Rosenkranz", {"nominativ der", "akkusativ den", "dativ vom"}, {"akkusativ die"}),
        ("Tafel", {"genitiv der", "akkusativ die", "dativ der"}, {"akkusativ den", "dativ vom"}),
        ("Gymnasium", {"nominativ das", "dativ im"}, {"nominativ der", "akkusativ die"}),
        ("Häuser", {"nominativ die", "akkusativ die"}, {"nominativ das", "dativ den"}),
        ("Häusern", {"dativ den"}, {"nominativ die", "dativ dem"}),
    ],
)
def test_a_noun_form_follows_the_articles_of_its_gender_case_and_number(
    word: str, has: set[str], lacks: set[str]
) -> None:
    """The record-label rule ("Frage an die Rosenkranz" is no body) reads these."""
    articles = noun_articles(word)
    assert articles is not None
    assert has <= articles
    assert not lacks & articles


@pytest.mark.parametrize("word", ["Xylofonkranzbaum", "rosenkranz", "Hartkopf"])
def test_a_word_without_a_noun_form_has_no_articles(word: str) -> None:
    """Forms are matched as written; an unknown word or a surname gives None."""
    assert noun_articles(word) is None
