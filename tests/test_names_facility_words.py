"""Ordinary words after a form of address or a first name that the name rules took for
a person (r43-names2): "die Frau von der Post", "Herr zu Hause", "Herr und Frau fragen",
"Lea Stadtteilbüro" — while real names of the same shapes stay replaced."""

from __future__ import annotations

import pytest

from workbench.ingest.facility_words import facility_compound, service_word
from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Die Frau von der Post kommt morgen.",
        "Der Herr von der Bank rief gestern an.",
        "Frau von der Volkshochschule hat uns geholfen.",
        "Ein Herr von der Krankenkasse kommt morgen.",
        "Die Frau zu Hause macht alles allein.",
        "Ist der Herr zu Hause?",
        "Herr und Frau fragen nach dem Weg.",
        "Wir wollen Frau fragen.",
    ],
)
def test_a_form_of_address_before_a_service_or_a_verb_names_nobody(text: str) -> None:
    # before: "Die [Person 1] kommt morgen.", "Herr und [Person 1] nach dem Weg."
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lea Stadtteilbüro: mehr Bänke.", "[Person 1] Stadtteilbüro: mehr Bänke."),
        ("Finn Skatepark wünscht sich Licht.", "[Person 1] Skatepark wünscht sich Licht."),
        ("Danke an Maria Jugendzentrum!", "Danke an [Person 1] Jugendzentrum!"),
        ("Tom Nachbarschaftstreff: Bänke.", "[Person 1] Nachbarschaftstreff: Bänke."),
        ("Hannah Wochenmarkt: mehr Stände.", "[Person 1] Wochenmarkt: mehr Stände."),
        ("Paul Elterncafé hat Ideen.", "[Person 1] Elterncafé hat Ideen."),
    ],
)
def test_a_facility_after_a_first_name_stays_while_the_first_name_goes(
    text: str, expected: str
) -> None:
    # before: the compound was taken for her surname ("[Person 1]: mehr Bänke.")
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Anna Kirchhoff kommt morgen.", "Kirchhoff"),
        ("Jens Feldmann: mehr Bänke.", "Feldmann"),
        ("Danke an Lea Steinbach für alles.", "Steinbach"),
        ("Paul Rosenbaum wünscht sich Licht.", "Rosenbaum"),
        ("Maria Kleinschmidt kommt.", "Kleinschmidt"),
        ("Tom Hausmann: mehr Licht.", "Hausmann"),
        ("Eva Waldmann hat angerufen.", "Waldmann"),
        ("Lea Neuhaus kommt morgen.", "Neuhaus"),
        ("Frau von Bülow kommt morgen.", "Bülow"),
        ("Herr von der Leyen rief an.", "Leyen"),
        ("Die Frau von der Leyen sagte das.", "Leyen"),
        ("Herr zu Guttenberg war da.", "Guttenberg"),
        ("Herr und Frau Schmidt kommen morgen.", "Schmidt"),
        ("Frau und Herr Post fragen nach dem Weg.", "Post"),
        ("Frau Post sagt, es ist laut.", "Post"),
        ("Herr Bank kommt morgen.", "Bank"),
        ("Frau Post von der Bank kommt.", "Post"),
    ],
)
def test_names_of_the_same_shapes_stay_replaced(text: str, surname: str) -> None:
    out = Pseudonymiser().pseudonymise(text)[0]
    assert surname not in out
    assert "[Person 1]" in out


def test_a_facility_word_the_key_knows_as_a_surname_stays_hers() -> None:
    # a project whose key holds "Stadtteilbüro" as a person's surname keeps replacing it
    p = Pseudonymiser()
    assert p.pseudonymise("Frau Stadtteilbüro sagt das.")[0] == "[Person 1] sagt das."
    assert "Stadtteilbüro" not in p.pseudonymise("Lea Stadtteilbüro kommt.")[0]


def test_facility_words_are_compounds_with_a_first_part_and_services() -> None:
    assert facility_compound("stadtteilburo") and facility_compound("skatepark")
    assert not facility_compound("samt") and not facility_compound("park")
    assert not facility_compound("steinhaus")  # "-haus" ends surnames too
    assert service_word("post") and service_word("hause") and service_word("volkshochschule")
    assert not service_word("heide") and not service_word("leyen")


def test_a_facility_after_a_longer_name_stays_the_facility_s_name() -> None:
    # "Anne Frank Jugendzentrum": named after her, as "Anne Frank Schule" (unchanged)
    text = "Das Anne Frank Jugendzentrum hilft."
    assert Pseudonymiser().pseudonymise(text)[0] == text
