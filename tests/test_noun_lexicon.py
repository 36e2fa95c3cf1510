"""The German nouns of the Wiktionary (package german-nouns) that keep a key's surname
from spreading alone: nouns in, names out, a missing package said in German."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from workbench.core.domain import WorkbenchError
from workbench.ingest import noun_lexicon
from workbench.ingest.noun_lexicon import german_nouns, is_german_noun


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
    german_nouns.cache_clear()
    monkeypatch.setitem(sys.modules, "german_nouns", None)  # import fails as if missing
    yield
    german_nouns.cache_clear()


def test_a_missing_package_is_said_in_german(without_package: None) -> None:
    with pytest.raises(WorkbenchError, match="german-nouns fehlt") as err:
        german_nouns()
    assert noun_lexicon.PACKAGE in str(err.value)
