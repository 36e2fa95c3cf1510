"""Case numbers, protocol numbers and other references in statements: a person's is
replaced, a document's or a project's stays readable."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mein Aktenzeichen beim Amt ist 3 K 123/21.", "3 K 123/21"),
        ("Das Aktenzeichen beim Jobcenter lautet 123/45.", "123/45"),
        ("AZ: 3 K 123/21", "3 K 123/21"),
        ("Unser Zeichen 4711/23", "4711/23"),
        ("Ihr Zeichen: AB-12345", "AB-12345"),
    ],
)
def test_a_case_number_with_the_office_between_or_a_letters_reference_is_replaced(
    text: str, number: str
) -> None:
    cleared = _clear(text)
    assert number not in cleared and "[Kennnummer]" in cleared


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aktenzeichen 12 AB 345/22", "Aktenzeichen [Kennnummer]"),
        ("Az. 2 BvR 123/21 liegt beim Gericht.", "Az. [Kennnummer] liegt beim Gericht."),
        ("Mein Aktenzeichen ist S 12 AS 345/22.", "Mein Aktenzeichen ist [Kennnummer]."),
        ("AZ: 5 Ca 123/21", "AZ: [Kennnummer]"),
        ("Az. VI ZR 123/21", "Az. [Kennnummer]"),
        # a word after the number is no court's register
        ("Mitgliedsnummer 500 Ab 3 Uhr offen", "Mitgliedsnummer [Kennnummer] Ab 3 Uhr offen"),
        ("AZ: Ab 12 Uhr geöffnet", "AZ: Ab 12 Uhr geöffnet"),
        # … nor a weekday, a floor or "ca." before a number without a year after a slash
        ("Kundennummer 4711 Mo 12 Uhr", "Kundennummer [Kennnummer] Mo 12 Uhr"),
        ("Aktenzeichen 123 Fr 12 Uhr geöffnet", "Aktenzeichen [Kennnummer] Fr 12 Uhr geöffnet"),
        ("Kundennummer 123 UG 12 Räume", "Kundennummer [Kennnummer] UG 12 Räume"),
    ],
)
def test_a_case_number_with_a_courts_register_is_replaced_whole(text: str, expected: str) -> None:
    """The register of letters between the numbers ("AB", "BvR", "Ca") is part of it."""
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Die AZ berichtet über uns.", "Unser Zeichen ist die Blume.", "Az. des Verfahrens fehlt"],
)
def test_a_newspaper_or_a_sign_without_a_number_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Im Sitzungsprotokoll Nr. 12/2023 steht das.",
        "Im Sitzungsprotokoll Nr. 12 steht das.",
        "Im Ratsbeschluss 5 steht das.",
        "Im Fachbericht 4 steht das.",
    ],
)
def test_the_number_of_a_paper_after_im_is_no_address(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Im Winkel 12 wohne ich.",
        "Am Grünen Band 4, 51373 Leverkusen",
        "Auf der Sonnenseite 5 wohnen wir.",
    ],
)
def test_a_street_after_a_preposition_is_still_an_address(text: str) -> None:
    assert "[Adresse]" in _clear(text) and not any(ch.isdigit() for ch in _clear(text))


@pytest.mark.parametrize(
    "text", ["In der Kita gibt es 5 Plätze für Jahrgang 2019.", "Ab Jahrgang 2019 gilt das."]
)
def test_a_cohort_after_fuer_or_ab_is_no_ones_birth_year(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("text", ["Ich bin Jahrgang 1961.", "Ich bin vom Jahrgang 1961."])
def test_ones_own_year_after_jahrgang_is_still_replaced(text: str) -> None:
    assert "1961" not in _clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "Am 3.4.61 war das Fest.",
        "Am 03.04.1961 war die Eröffnung des Bades.",
        "Am 17.06.1998 war das Sommerfest.",
    ],
)
def test_a_date_of_an_event_named_after_it_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text", ["Am 3.4.61 war ich geboren.", "Am 3.4.61 ist das Kind geboren.", "Anna: 03.04.1961"]
)
def test_a_date_of_birth_without_an_event_is_still_replaced(text: str) -> None:
    assert "61" not in _clear(text)


@pytest.mark.parametrize(
    "text", ["Das Auto steht in Bauabschnitt BA-C 3.", "Der Wagen parkt vor Haus AB-C 2."]
)
def test_a_section_right_before_wins_over_a_car_elsewhere_in_the_sentence(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("text", ["Das Auto LEV-KV 12 steht da.", "Der Wagen mit dem K-X 12"])
def test_a_plate_after_a_car_is_still_replaced(text: str) -> None:
    assert "[Kennzeichen]" in _clear(text)


@pytest.mark.parametrize("text", ["Der Pkw mit BM 1234", "Das Auto LEV-123 parkt da."])
def test_a_plate_without_its_letters_right_after_a_car_is_replaced(text: str) -> None:
    cleared = _clear(text)
    assert "[Kennzeichen]" in cleared and not any(ch.isdigit() for ch in cleared)


@pytest.mark.parametrize("text", ["Der Wagen mit S 500", "Der LKW mit GL 12 Tonnen"])
def test_a_model_or_a_load_after_a_car_stays(text: str) -> None:
    assert _clear(text) == text
