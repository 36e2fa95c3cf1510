"""A form of address in an ordinary phrase ("die Frau von der Ecke", "Frau zu Besuch") names
nobody; a surname with particles that is also a noun still does ("Herr von Stein")."""

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Die Frau von der Ecke hat das gesagt.",
        "Die Frau von der Tankstelle kennt das.",
        "Frau zu Besuch bei ihrer Tochter.",
        "Herr zu Besuch aus Köln.",
        "Frau zu Fuß unterwegs.",
        "Die Frau von Welt trägt Hut.",
    ],
)
def test_ordinary_phrase_after_form_of_address_stays(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    "name",
    [
        "Herr von Stein",
        "Frau von der Heide",
        "Frau von der Linde",
        "Frau von der Lippe",
        "Herr von Berg",
        "Frau zu Stolberg",
        "Herr zu Guttenberg",
        "Frau von der Leyen",
    ],
)
def test_surname_with_particles_still_replaced(name: str) -> None:
    for text in (f"{name} hat das gesagt.", f"Wir danken der {name} für die Hilfe."):
        out = Pseudonymiser().pseudonymise(text)[0]
        assert name.split()[-1] not in out, out
        assert "[Person 1]" in out


def test_noun_after_von_der_without_article_still_replaced() -> None:
    # without an article before the form of address it may be her name ("von der Burg")
    out = Pseudonymiser().pseudonymise("Frau von der Burg hat das gesagt.")[0]
    assert out == "[Person 1] hat das gesagt."
