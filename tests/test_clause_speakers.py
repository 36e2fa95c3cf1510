"""A surname speaking in a clause a conjunction opens, with adverbs and pronouns before its
verb ("Nachdem Hartkopf es gestern so sagte, …"), is replaced; a noun without its article
there ("Als Senat das sagte", "Weil Chef sagte, …") is no person."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("sentence", "surname"),
    [
        ("Nachdem Hartkopf es gestern so sagte, gingen wir.", "Hartkopf"),
        ("Weil Becker das gestern auch meinte, blieb es still.", "Becker"),
        ("Als Zabelberg das heute früh noch erklärte, hörten alle zu.", "Zabelberg"),
        ("Es war still, weil Krüger mir das gestern berichtete.", "Krüger"),
        ("Sie lachten, als Lehmann es uns so oft erzählte.", "Lehmann"),
    ],
)
def test_a_speaker_with_three_or_four_adverbs_and_pronouns_before_the_verb(
    sentence: str, surname: str
) -> None:
    """ "Nachdem Hartkopf es gestern so sagte" stayed in clear: the clause rule allowed
    only one or two words between the surname and its speech verb."""
    out = Pseudonymiser().pseudonymise(sentence)[0]
    assert out == sentence.replace(surname, "[Person 1]")


@pytest.mark.parametrize(
    "sentence",
    [
        "Weil Jäger das gestern so sagten, wurde gejagt.",
        "Als Lehrer es uns so oft sagten, glaubten wir es.",
        "Als Becker und Koch das gestern sagten, gingen alle.",
        "Wenn Geld es uns gestern so erlaubte, bauten wir.",
        "Nachdem Regen es uns gestern so schwer machte, blieben wir.",
        "Als Hartkopf in der Sitzung das sagte, gingen alle.",
    ],
)
def test_no_speaker_before_a_plural_another_verb_or_other_words(sentence: str) -> None:
    """A verb in the plural or of no speaking, or a word of no adverb between (a phrase of
    its own), leaves the clause as it was: the longer reach takes only the closed list."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == sentence


@pytest.mark.parametrize(
    "word",
    ["Senat", "Bezirk", "Chef", "Chefin", "Bäcker", "Google", "Facebook", "Ministerium",
     "Gericht", "Vermieter", "Bund", "Land"],
)  # fmt: skip
def test_a_noun_or_an_institution_after_a_conjunction_stays(word: str) -> None:
    """ "Als Senat das sagte" became "Als [Person 1] das sagte": any capitalised word
    before a speech verb after "als"/"weil" was taken for a speaker's surname."""
    for sentence in (f"Als {word} das sagte, wurde es still.", f"Weil {word} sagte, es gehe."):
        assert Pseudonymiser().pseudonymise(sentence)[0] == sentence


@pytest.mark.parametrize("surname", ["Becker", "Krüger", "Hartkopf", "Okonkwo"])
def test_a_surname_after_a_conjunction_is_still_a_speaker(surname: str) -> None:
    """Surnames of the gazetteer (also "Krüger", a noun too) and words of no lexicon stay
    persons there."""
    out = Pseudonymiser().pseudonymise(f"Als {surname} das sagte, wurde es still.")[0]
    assert out == "Als [Person 1] das sagte, wurde es still."


def test_a_noun_the_key_knows_as_a_surname_is_a_speaker() -> None:
    """The key's Herr Tim Senat: "Als Senat das sagte" is him."""
    p = Pseudonymiser()
    p.pseudonymise("Herr Tim Senat hat eingeladen.")
    assert p.pseudonymise("Als Senat das sagte, wurde es still.")[0] == (
        "Als [Person 1] das sagte, wurde es still."
    )


def _known(full: str) -> Pseudonymiser:
    """A pseudonymiser whose key knows Frau ``full`` as [Person 1]."""
    p = Pseudonymiser()
    assert p.pseudonymise(f"Frau {full} hat eingeladen.")[0] == "[Person 1] hat eingeladen."
    return p


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe mit Rosenkranz noch mal gesprochen.",
        "Wir haben mit Rosenkranz gestern kurz telefoniert.",
        "Ich habe mit Rosenkranz noch einmal geredet.",
    ],
)
def test_a_known_noun_surname_with_two_adverbs_before_the_participle(text: str) -> None:
    """ "mit Rosenkranz noch mal gesprochen" kept the key's Eva Rosenkranz in clear: only
    one word was allowed between her and the participle."""
    out = _known("Eva Rosenkranz").pseudonymise(text)[0]
    assert out == text.replace("Rosenkranz", "[Person 1]")


@pytest.mark.parametrize(
    "text",
    [
        "Mit Rosenkranz in der Hand wurde gesprochen.",
        "Sie betet mit dem Rosenkranz noch mal.",
        "Wir haben mit Rosenkranz und Kerzen lange geredet.",
        "Mit Rosenkranz sehr viel gesprochen.",
    ],
)
def test_the_noun_with_other_words_before_the_participle_stays(text: str) -> None:
    """Two words of no adverb list ("in der", "sehr viel") may start a phrase of the
    noun: it stays."""
    assert _known("Eva Rosenkranz").pseudonymise(text)[0] == text
