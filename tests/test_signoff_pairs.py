"""Two words under a sign-off (:mod:`workbench.ingest.signoff_pairs`): a first name of no
list and a surname of no list are who signs ("LG\\nTjorven Kettelhack"); offices,
organisations, roles, places, dates and greeting tails there stay."""

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

BODY = "Am Spielplatz fehlt abends Licht.\n\n"


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize("sign_off", ["LG", "Viele Grüße", "Mit freundlichen Grüßen", "Gruß,"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize(
    "name", ["Tjorven Kettelhack", "Ocka Heitkamp", "Leberecht Hölscher", "Sjard Nolting"]
)
def test_rare_first_name_and_unlisted_surname_replaced(sign_off: str, gap: str, name: str) -> None:
    assert _out(f"{BODY}{sign_off}{gap}{name}") == f"{BODY}{sign_off}{gap}[Person 1]"


@pytest.mark.parametrize(
    "line",
    ["Onno Kettelhack-Öztürk", "Onno Kettelhack-Wiechers", "O. Kettelhack", "Dr. Onno Kettelhack"],
)
def test_hyphenated_initial_and_title_replaced(line: str) -> None:
    out = _out(f"{BODY}LG\n{line}")
    assert "Kettelhack" not in out and "Onno" not in out


def test_role_line_after_the_name_stays() -> None:
    out = _out(f"{BODY}Viele Grüße\nTjorven Kettelhack\nQuartiersmanagerin")
    assert out == f"{BODY}Viele Grüße\n[Person 1]\nQuartiersmanagerin"


def test_same_signer_twice_one_person() -> None:
    text = f"{BODY}LG\nTjorven Kettelhack\n\n{BODY}LG\n\nTjorven Kettelhack"
    assert _out(text) == f"{BODY}LG\n[Person 1]\n\n{BODY}LG\n\n[Person 1]"


@pytest.mark.parametrize(
    "line",
    [
        "Caritas Sozialstation",
        "Quartiersbüro Manfort",
        "Stadtteilbüro Opladen",
        "Diakonie Leverkusen",
        "Team Jugendhilfe",
        "Ihr Seniorenbeirat",
        "AG Wohnen",
        "Kita Sonnenschein",
        "Familienzentrum Regenbogen",
        "Netzwerk Alkenrath",
        "Bürgerverein Steinbüchel",
        "Stadt Leverkusen",
        "Fachbereich Soziales",
        "Die Vorsitzende",
        "Quartiersmanagerin Süd",
        "Leverkusen, 12.03.",
        "und Grüße",
        "bis bald",
        "Schönes Wochenende",
        "Villa Kunterbunt",
        "Runder Tisch",
        "Kolping Opladen",
        "Nabu Kunterbunt",
        "Begegnungsstätte Kunterbunt",
    ],
)
@pytest.mark.parametrize("sign_off", ["LG", "Viele Grüße"])
def test_office_role_place_or_tail_under_sign_off_stays(line: str, sign_off: str) -> None:
    text = f"{BODY}{sign_off}\n{line}"
    assert _out(text) == text
