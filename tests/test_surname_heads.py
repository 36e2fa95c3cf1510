"""A surname of no list that the noun lexicon reads as a compound ("Terhorst": "Horst",
"Kleinheide": "Heide") is replaced after a rare first name and under a sign-off, where its
head is one surnames end in; offices, roles and districts of the same shape stay."""

from __future__ import annotations

import pytest

from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.surname_heads import surname_compound


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das sagt auch Okke Terhorst.", "Das sagt auch [Person 1]."),
        ("Ich habe mit Quirin Kleinheide gesprochen.", "Ich habe mit [Person 1] gesprochen."),
        ("Laut Ysolde Wiesmeier fehlt Licht.", "Laut [Person 1] fehlt Licht."),
        ("Okke Brockbusch hat angerufen.", "[Person 1] hat angerufen."),
        ("Gestern kam Tjalf Holtwinkel zum Treffen.", "Gestern kam [Person 1] zum Treffen."),
    ],
)
def test_a_compound_like_surname_after_a_rare_first_name_is_replaced(
    text: str, expected: str
) -> None:
    """The surname stayed in clear: "Horst", "Heide", "Meier" made it a compound noun."""
    assert _out(text) == expected


@pytest.mark.parametrize("sign_off", ["Viele Grüße\n\n", "Mit freundlichen Grüßen\n"])
@pytest.mark.parametrize("surname", ["Terhorst", "Kleinheide", "Bornstein", "Steinbauer"])
def test_a_compound_like_surname_under_a_sign_off_is_replaced(sign_off: str, surname: str) -> None:
    text = f"Der Weg ist abends dunkel.\n\n{sign_off}{surname}"
    assert _out(text) == f"Der Weg ist abends dunkel.\n\n{sign_off}[Person 1]"


@pytest.mark.parametrize(
    "signer",
    [
        "Sozialstation",
        "Stadtteilbüro",
        "Jugendhilfe",
        "Quartiersmeister",
        "Vereinsmeister",
        "Stadtteilmeister",
        "Karlshorst",
        "Delmenhorst",
        "Königstein",
        "Rheindorf",
        "Hausmeister",
    ],
)
def test_offices_roles_and_districts_under_a_sign_off_stay(signer: str) -> None:
    text = f"Der Weg ist abends dunkel.\n\nViele Grüße\n\n{signer}"
    assert _out(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Das sagt auch Caritas Sozialstation.",
        "Ich habe mit Kolping Quartiersmeister gesprochen.",
        "Das sagt auch Caritas Karlshorst.",
        "Gestern kam Caritas Jugendhilfe zum Treffen.",
    ],
)
def test_an_organisation_before_an_office_or_a_district_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("word", "surname"),
    [
        ("terhorst", True),
        ("brandbusch", True),
        ("kleinebrink", True),
        ("sozialstation", False),  # no surname's head
        ("quartiersmeister", False),  # a noun before a joining "s"
        ("karlshorst", False),  # a first name before a joining "s"
        ("stadtteilmeister", False),  # a long noun before the head
        ("zabelberg", False),  # no compound at all
    ],
)
def test_surname_compound(word: str, surname: bool) -> None:
    assert surname_compound(word, gazetteer()) is surname
