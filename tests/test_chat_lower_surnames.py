"""A listed surname typed in lower case in a chat ("ich stimme sommer zu", "wo ist koch?",
"becker hat recht"): the person where a chat names one, the word where it stands as one
("sommer ist zu heiß", "mehr sommer bitte", "im sommer", "koch mal was")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Frau Anna Sommer", "Jens Becker", "Herr Koch", "Frau Lea Bauer", "Herr Max Wolf"]
NOUN_SURNAMES = ["sommer", "koch", "bauer", "wolf"]
PERSON_FRAMES = [
    "ich stimme {} zu",
    "stimmen wir {} zu?",
    "frag mal {}",
    "ich frage {}",
    "wo ist {}?",
    "wer ist {}?",
    "hat {} angerufen?",
    "hat {} recht?",
    "ist {} noch da?",
    "kommt {} auch?",
    "{} hat recht",
    "{} hat angerufen",
    "{} kommt später",
    "{} hat den link",
    "{} meint das auch",
    "mit {} reden",
    "sprich mit {}",
    "das kam von {}",
    "mail an {}",
    "liegt bei {}",
    "bitte {} fragen",
    "danke {}",
    "genau, {}!",
    "ok {}, machen wir",
    "{}, kannst du das teilen?",
    "sehe ich wie {}",
    "wie {} sagte, fehlt licht",
]
WORD_USES = [
    "sommer ist zu heiß",
    "mehr sommer bitte",
    "im sommer",
    "sommer wie winter",
    "von winter bis sommer",
    "sommer auch gut",
    "stimmt sommer ist zu heiß",
    "ist sommer schon vorbei?",
    "sommer, sonne, strand",
    "koch mal was",
    "koch doch selber",
    "der koch ist neu",
    "bauer dir was",
    "kein bauer da",
    "der wolf im wald",
]


@pytest.mark.parametrize("surname", NOUN_SURNAMES)
@pytest.mark.parametrize("frame", PERSON_FRAMES)
def test_a_listed_noun_surname_in_lower_case_where_a_chat_names_a_person(
    frame: str, surname: str
) -> None:
    """ "ich stimme sommer zu" of a listed Frau Anna Sommer (or Herr Koch) kept the name."""
    text = frame.format(surname)
    pseudonymised = Pseudonymiser().pseudonymise(text, LISTED)[0]
    assert surname not in pseudonymised and "[Person " in pseudonymised


@pytest.mark.parametrize("frame", PERSON_FRAMES)
def test_a_listed_surname_that_is_no_word_is_the_person_in_lower_case(frame: str) -> None:
    text = frame.format("becker")
    assert "becker" not in Pseudonymiser().pseudonymise(text, LISTED)[0]


@pytest.mark.parametrize("text", WORD_USES)
def test_a_listed_noun_surname_in_lower_case_used_as_a_word_stays(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text, LISTED)[0] == text
