"""A surname alone on its line under a sign-off and a line break or a blank line is who
signs ("Viele Grüße\\n\\nKaya"); a place, an office or a team there stays."""

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize("sign_off", ["Viele Grüße", "Mit freundlichen Grüßen", "LG", "Gruß,"])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
@pytest.mark.parametrize("surname", ["Kaya", "Kowalczyk", "Quirmbacher", "Brinkmann"])
def test_surname_under_sign_off_replaced(sign_off: str, gap: str, surname: str) -> None:
    text = f"Der Weg zur Schule ist abends dunkel.\n\n{sign_off}{gap}{surname}"
    assert _out(text) == f"Der Weg zur Schule ist abends dunkel.\n\n{sign_off}{gap}[Person 1]"


@pytest.mark.parametrize(
    "signer",
    [
        "Opladen",
        "Caritas",
        "Diakonie",
        "Vorstand",
        "Ihr Quartiersbüro",
        "Das Team",
        "Stadtverwaltung",
        "Nachbarschaftshilfe",
        "PS: Der Spielplatz ist zu.",
    ],
)
def test_place_or_office_under_sign_off_stays(signer: str) -> None:
    text = f"Der Weg ist dunkel.\n\nViele Grüße\n\n{signer}"
    assert _out(text) == text


def test_surname_followed_by_more_on_its_line_is_left_to_the_other_rules() -> None:
    # "Kaya" in the middle of a sentence under the sign-off: a line of its own only
    text = "Viele Grüße\n\nKaya ist ein schöner Ort am Meer."
    assert _out(text) == text
