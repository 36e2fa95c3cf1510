"""A surname that is also a place word ("Garten", "Brunnen", "Park", "Neuhaus") after a
form of address and a first name, or after a first name before a finite verb, is the
person's surname and leaves no trace; the same words after an article or a name chain
before "Platz", "Schule", "Kirche" still name a place."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herr Anton Brunnen hilft.", "[Person 1] hilft."),
        ("Frau Eva Garten hilft.", "[Person 1] hilft."),
        ("Frau Eva Garten.", "[Person 1]."),
        ("Frau Eva Garten, die Leiterin, kommt.", "[Person 1], die Leiterin, kommt."),
        ("Dr. Anton Park sagt das.", "[Person 1] sagt das."),
        ("Frau Eva Garten und Herr Jens Bauer", "[Person 1] und [Person 2]"),
        ("Frau Eva Neuhaus hilft.", "[Person 1] hilft."),
        ("Herr Peter Althaus sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Frau Anna Maria Garten hilft.", "[Person 1] hilft."),
        ("Anton Brunnen hilft.", "[Person 1] hilft."),
        ("Eva Garten sagt, dass es gut ist.", "[Person 1] sagt, dass es gut ist."),
        ("Peter Niehaus kommt morgen.", "[Person 1] kommt morgen."),
        ("Laut Anton Brunnen ist das gut.", "Laut [Person 1] ist das gut."),
        ("Jonas Garten sagt, dass es passt.", "[Person 1] sagt, dass es passt."),
        ("Viele Grüße, Anton Brunnen", "Viele Grüße, [Person 1]"),
        ("Mit Peter Niehaus reden wir.", "Mit [Person 1] reden wir."),
        ("Gestern hat Anton Brunnen geholfen.", "Gestern hat [Person 1] geholfen."),
        ("Teilnehmende: Anton Brunnen, Eva Garten", "Teilnehmende: [Person 1], [Person 2]"),
        ("Wir reden mit Eva Neuhaus über den Park.", "Wir reden mit [Person 1] über den Park."),
        ("Danke an Eva Garten und Peter Niehaus.", "Danke an [Person 1] und [Person 2]."),
        # a list beside places keeps its people: a miss would leak a name
        (
            "Wir danken Anna Park, Rathaus und Stadtpark.",
            "Wir danken [Person 1], Rathaus und Stadtpark.",
        ),
        (
            "Dank an das Rathaus, Anna Park und Eva Garten.",
            "Dank an das Rathaus, [Person 1] und [Person 2].",
        ),
        ("Adresse: Eva Garten, Hauptstraße", "Adresse: [Person 1], Hauptstraße"),
        ("Start: Eva Neuhaus", "Start: [Person 1]"),
    ],
)
def test_a_place_word_as_surname_is_replaced_with_the_name(text: str, expected: str) -> None:
    assert _clear(text) == expected


def test_the_place_word_surname_is_the_persons_key() -> None:
    pseudo = Pseudonymiser()
    first = pseudo.pseudonymise("Frau Eva Garten hilft.")[0]
    later = pseudo.pseudonymise("Eva Garten kommt später.")[0]
    assert (first, later) == ("[Person 1] hilft.", "[Person 1] kommt später.")


@pytest.mark.parametrize(
    "text",
    [
        "Kemal Altun Platz ist schön.",
        "Wir treffen uns am Kemal Altun Platz.",
        "Die Anne Frank Schule hilft.",
        "Anne Frank Schule hilft.",
        "Die Maria Hilf Kirche hilft.",
        "Wir sind im Eva Garten.",
        "Der Anton Brunnen plätschert.",
        "Wir treffen uns am Luisen Platz.",
        "Das Markus Haus ist offen.",
        "Rose Garten blüht.",
        "Wir gehen zum Anton Brunnen.",
        "Treffpunkt ist beim Anton Brunnen, danach im Eva Garten.",
        "Das Fest ist am Luisen Platz.",
        "Viele Grüße vom Anton Brunnen platz",
        "Ein Foto: Maria Hilf Kirche",
        # after a place's label
        "Treffpunkt: Anton Brunnen.",
        "Standort: Eva Garten",
    ],
)
def test_a_place_named_after_a_person_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_house_named_by_its_owner_keeps_the_house() -> None:
    # "Markus Haus" is Markus' house (the apostrophe left out), not his surname
    assert _clear("Markus Haus ist offen.") == "[Person 1] Haus ist offen."
    assert _clear("Gestern brannte Markus Haus.") == "Gestern brannte [Person 1] Haus."
    assert _clear("Gestern hat Markus Haus gebrannt.") == "Gestern hat [Person 1] Haus gebrannt."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern hat Markus Haus geholfen.", "Gestern hat [Person 1] geholfen."),
        ("Dann kam Markus Haus dazu.", "Dann kam [Person 1] dazu."),
        ("Heute sagt Markus Haus, es reicht.", "Heute sagt [Person 1], es reicht."),
        ("Gestern hat Jonas Garten gesagt, dass …", "Gestern hat [Person 1] gesagt, dass …"),
    ],
)
def test_a_first_name_in_s_acting_after_the_verb_takes_the_place_word_as_surname(
    text: str, expected: str
) -> None:
    # no house helps or comes: the place word is his surname, not what he owns
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herr Park sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Herr Brunnen hilft.", "[Person 1] hilft."),
        ("Frau Garten kommt später.", "[Person 1] kommt später."),
        ("Herr Ring, der Hausmeister, hilft.", "[Person 1], der Hausmeister, hilft."),
        ("Danke an Frau Hof.", "Danke an [Person 1]."),
    ],
)
def test_a_place_word_alone_after_a_form_of_address_is_the_surname(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


def test_the_surname_alone_does_not_make_the_place_a_person() -> None:
    pseudo = Pseudonymiser()
    texts = ["Herr Park sagt das.", "Der Park ist schön.", "Park und Garten sind schön."]
    assert [pseudo.pseudonymise(t)[0] for t in texts] == [
        "[Person 1] sagt das.",
        "Der Park ist schön.",
        "Park und Garten sind schön.",
    ]


@pytest.mark.parametrize(
    "text", ["Familie Garten hilft.", "jede Frau Garten", "Die Frau im Park hilft."]
)
def test_no_person_without_a_form_of_address_right_before(text: str) -> None:
    assert _clear(text) == text
