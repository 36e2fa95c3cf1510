"""Three frames a name stayed in clear in: "Wie Müller sagt, …" (a surname as the subject
of a comparative clause), a title and a rare first name before a surname of no list that
ends like a place ("Dr. Ommo Brinkhaus"), and a hyphenated surname of no list under a
sign-off ("LG\\nOcka Holtkötter-Wiechers"); the ordinary phrases beside them stay."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wie Müller sagt, ist der Weg gesperrt.", "Wie [Person 1] sagt, ist der Weg gesperrt."),
        (
            "Der Weg ist gesperrt, wie Hartmann meint.",
            "Der Weg ist gesperrt, wie [Person 1] meint.",
        ),
        ("Wie Fischer meint, fehlt Licht.", "Wie [Person 1] meint, fehlt Licht."),
        ("Wie Müller vom Nabu sagt, fehlt Licht.", "Wie [Person 1] vom Nabu sagt, fehlt Licht."),
        (
            "Wie Krüger uns gestern erklärte, kommt der Bus.",
            "Wie [Person 1] uns gestern erklärte, kommt der Bus.",
        ),
        (
            "Es fehlen Bänke, wie Seifert betonte, und es ist dunkel.",
            "Es fehlen Bänke, wie [Person 1] betonte, und es ist dunkel.",
        ),
    ],
)
def test_a_surname_saying_in_a_comparative_clause_is_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wie Kinder sagen, fehlt hier Licht.",
        "Wie Studien zeigen, hilft das.",
        "Wie Berlin zeigt, geht das.",
        "Wie Caritas sagt, fehlt Geld.",
        "Wie Rewe meldet, schließt die Filiale.",
        "Wie geht es?",
        "Wie Bauer sagt man dazu?",
        "Wie Müller sagt es keiner.",
        "Wie Post erklärt, kommt der Brief später.",
        "Wie Spiegel berichtet, steigen die Mieten.",
        "Wie Sommer zeigt, ist es heiß.",
        "Der Platz ist so groß wie Berlin, sagt man.",
    ],
)
def test_comparisons_questions_and_bodies_after_wie_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Ommo Brinkhaus kam gestern.", "[Person 1] kam gestern."),
        ("Frau Hilke Kötterhaus sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Gestern rief Prof. Thalke Terbekhaus an.", "Gestern rief [Person 1] an."),
        (
            "Kontakt: Frau Hilke Holthaus, Quartiersbüro Manfort",
            "Kontakt: [Person 1], Quartiersbüro Manfort",
        ),
        ("Dr. Brinkhaus kam gestern.", "[Person 1] kam gestern."),
    ],
)
def test_a_house_surname_after_a_title_and_a_rare_first_name_goes_with_it(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herr Ommo Jugendhaus Manfort", "[Person 1] Jugendhaus Manfort"),
        ("Herr Ommo Rathaus kam.", "[Person 1] Rathaus kam."),
        ("Dr. Anna Becker Stadtteilbüro Manfort", "[Person 1] Stadtteilbüro Manfort"),
        ("Frau Hilke Bürgerhaus Wiesdorf", "[Person 1] Bürgerhaus Wiesdorf"),
        ("Herr Ommo Kinderhaus Quettingen", "[Person 1] Kinderhaus Quettingen"),
    ],
)
def test_an_office_or_a_house_after_a_title_and_a_name_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Danke!\n\nLG\nOcka Holtkötter-Wiechers", "Danke!\n\nLG\n[Person 1]"),
        ("Danke!\n\nViele Grüße\nTjade Nolting-Wiechers", "Danke!\n\nViele Grüße\n[Person 1]"),
        ("Danke!\n\nGruß\nHiske Terbusch-Hölscher", "Danke!\n\nGruß\n[Person 1]"),
        (
            "Danke!\n\nMit freundlichen Grüßen\nOmmo Brinkhaus",
            "Danke!\n\nMit freundlichen Grüßen\n[Person 1]",
        ),
        ("Danke!\n\nLG\n\nA. Brinkhaus", "Danke!\n\nLG\n\n[Person 1]"),
    ],
)
def test_a_surname_of_no_list_under_a_sign_off_is_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Stadtteilbüro Rheindorf-Nord",
        "Team Open-Air",
        "Förderverein Bürgerhaus-Küppersteg",
        "Bezirk Opladen-Quettingen",
        "Jugendhaus Lützenkirchen-Quettingen",
        "Caritas Sozialstation-Opladen",
        "Team Jugendhaus",
        "Kita Lindenhof",
    ],
)
def test_offices_and_districts_under_a_sign_off_stay(line: str) -> None:
    text = f"Danke!\n\nLG\n{line}"
    assert _clear(text) == text
