"""Names still left in clear by earlier rules: a surname after particles ("Maria del Carmen
Ruiz"), an unlisted double surname ("Quirin Zabelberg-Ostwald"); and brands or places after a cue
that were taken for a person ("Laut Deutsche Bahn"), …"""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- particles inside a name ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Gestern sprach Maria del Carmen Ruiz über den Park.",
        "Gestern sprach José de la Cruz García über den Park.",
        "Gestern sprach Ana María de los Santos über den Park.",
    ],
)
def test_a_name_with_particles_is_replaced_up_to_its_last_surname(text: str) -> None:
    """The surname after the particles and a second one after it ("Ruiz", "García") belong
    to the name: nothing of it stays in clear."""
    assert _clear(text) == "Gestern sprach [Person 1] über den Park."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich habe Anna von der Heide Kuchen gebracht.", "Ich habe [Person 1] Kuchen gebracht."),
        ("Die Anne von der Heide Schule ist zu.", "Die Anne von der Heide Schule ist zu."),
    ],
)
def test_after_a_name_with_particles_an_ordinary_word_stays(text: str, expected: str) -> None:
    """Only a surname the gazetteer knows or one spelled like a name goes on the name; a
    school keeps the name it bears."""
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José de la Cruz Garten hilft.", "[Person 1] hilft."),
        ("José de la Cruz Garten sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Im Cafe de la Cruz Garten ist es schön.", "Im Cafe de la Cruz Garten ist es schön."),
    ],
)
def test_a_place_word_surname_after_particles_takes_the_whole_name(
    text: str, expected: str
) -> None:
    """ "Garten" after "José de la Cruz" before a verb is her surname: the first name and the
    particles go with it (they stayed in clear before "[Person 1]"); a venue stays."""
    assert _clear(text) == expected


# -- an unlisted hyphenated surname --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Moderation hatte Quirin Zabelberg-Ostwald.", "Die Moderation hatte [Person 1]."),
        ("Die Moderation hatte Quirin Schulte-Ostwald.", "Die Moderation hatte [Person 1]."),
        ("Laut Quirin Zabelberg-Ostwald fehlt nichts.", "Laut [Person 1] fehlt nichts."),
        ("Die Moderation hatte Anna Schulte-Zabelberg.", "Die Moderation hatte [Person 1]."),
        ("Die Moderation hatte Frau Zabelberg-Ostwald.", "Die Moderation hatte [Person 1]."),
    ],
)
def test_an_unlisted_hyphenated_surname_after_an_unlisted_first_name_is_replaced(
    text: str, expected: str
) -> None:
    """A double surname no list knows (one part may be listed) is a surname as the single
    one is ("mit Quirin Zabelberg gesprochen"): nothing of the name stays in clear."""
    assert _clear(text) == expected


def test_a_hyphenated_compound_after_an_unlisted_word_stays() -> None:
    """A compound of words ("Open-Air") is no surname."""
    text = "Gestern kam Quirin Open-Air vorbei."
    assert _clear(text) == text


# -- a firm, an event or a place of two words after a cue ----------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Laut Deutsche Bahn fährt kein Zug.",
        "Laut Open Air Kino ist alles gut.",
        "Laut Addis Abeba fehlt ein Spielplatz.",
        "Das sagt Deutsche Bahn.",
    ],
)
def test_a_firm_or_place_of_two_words_after_a_cue_stays(text: str) -> None:
    """After "laut" or "sagt" a name of two words whose first is a noun, an adjective or an
    English word, or a place of two words, is no person: not "Laut [Person 1] Bahn"."""
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Krämer fehlt ein Spielplatz.", "Laut [Person 1] fehlt ein Spielplatz."),
        ("Laut Zabelberg fehlt ein Spielplatz.", "Laut [Person 1] fehlt ein Spielplatz."),
        ("Laut Quirin Zabelberg fehlt nichts.", "Laut [Person 1] fehlt nichts."),
        ("Laut Yilmaz Anna fehlt nichts.", "Laut [Person 1] fehlt nichts."),
    ],
)
def test_a_name_after_a_cue_is_still_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


# -- a common noun as surname after a form of address -------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Frau Deutsch fehlt Licht.", "Laut [Person 1] fehlt Licht."),
        ("Frau Deutsch sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Wir haben mit Herrn Bahn gesprochen.", "Wir haben mit [Person 1] gesprochen."),
        ("Frau Kunst hat angerufen.", "[Person 1] hat angerufen."),
    ],
)
def test_a_common_noun_after_frau_or_herr_is_her_surname(text: str, expected: str) -> None:
    """A surname that is also an ordinary word ("Deutsch", "Bahn", "Kunst") alone after
    "Frau" or "Herr(n)" is hers: it does not stay in clear."""
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wenn meine Frau Zeit hat, kommt sie.",
        "Als Frau Angst zu haben ist normal.",
        "Weil die Frau Hilfe braucht, kommen wir.",
        "Hallo Frau Danke für die Info.",
    ],
)
def test_a_common_noun_after_anyones_frau_stays(text: str) -> None:
    """After "meine Frau", "die Frau", "als Frau" the noun is what she has or needs."""
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Anna Deutsch kam auch.", "[Person 1] kam auch."),
        ("Herr Jan Bahn berichtet vom Platz.", "[Person 1] berichtet vom Platz."),
        ("Wenn Frau Anna Zeit hat, kommt sie.", "Wenn [Person 1] Zeit hat, kommt sie."),
        ("Ich bringe Frau Anna Kuchen.", "Ich bringe [Person 1] Kuchen."),
    ],
)
def test_a_common_noun_after_an_addressed_first_name_before_her_verb(
    text: str, expected: str
) -> None:
    """ "Frau Anna Deutsch kam": the word between her first name and what she does is her
    surname; what she has or gets ("Zeit hat", "Kuchen") stays."""
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Der José de la Cruz Garten ist schön.", "Im José de la Cruz Park ist es schön."],
)
def test_a_place_named_after_a_name_with_particles_stays_whole(text: str) -> None:
    """ "Der José de la Cruz Garten" is the garden, as "Der Anna Schmidt Garten": it was
    "Der José de la [Person 1] Garten", the first name left in clear beside the placeholder."""
    assert Pseudonymiser().pseudonymise(text)[0] == text
