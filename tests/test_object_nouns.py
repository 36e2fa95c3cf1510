"""A noun after a first name that is the sentence's object stays, only the first name is
replaced ("Gestern hatte Anna Geburtstag."); a surname that is also a noun stays replaced
("Gestern hatte Anna Koch Geburtstag.", "Lea Dienst hat angerufen.")."""

from __future__ import annotations

import pytest

from workbench.ingest.noun_lexicon import plural_noun
from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern hatte Anna Geburtstag.", "Gestern hatte [Person 1] Geburtstag."),
        ("Heute hat Lea Dienst.", "Heute hat [Person 1] Dienst."),
        ("Wir reden mit Anna Klartext.", "Wir reden mit [Person 1] Klartext."),
        ("Das macht Anna Spaß.", "Das macht [Person 1] Spaß."),
        ("Später erzählte Anna Geschichten.", "Später erzählte [Person 1] Geschichten."),
        ("Die Regeln erklärte Anna Kindern.", "Die Regeln erklärte [Person 1] Kindern."),
        (
            "Zum Glück hatte Paul Urlaub, Lea Feierabend.",
            "Zum Glück hatte [Person 1] Urlaub, [Person 2] Feierabend.",
        ),
        ("Mit Anna Spaß haben.", "Mit [Person 1] Spaß haben."),
        ("Dann zeigte Ben Rezepte.", "Dann zeigte [Person 1] Rezepte."),
    ],
)
def test_the_object_noun_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern hatte Anna Koch Geburtstag.", "Gestern hatte [Person 1] Geburtstag."),
        ("Heute hat Lea Winter Dienst.", "Heute hat [Person 1] Dienst."),
        ("Das macht Anna Fischer.", "Das macht [Person 1]."),
        ("Später erzählte Ben Wolf.", "Später erzählte [Person 1]."),
        ("Heute hat Lea Sommer.", "Heute hat [Person 1]."),
        ("Anna Bahn hat angerufen.", "[Person 1] hat angerufen."),
        ("Lea Dienst hat angerufen.", "[Person 1] hat angerufen."),
        ("Ich habe mit Lea Dienst gesprochen.", "Ich habe mit [Person 1] gesprochen."),
        ("Kontakt: Lea Urlaub", "Kontakt: [Person 1]"),
        ("Heute hat Frau Anna Dienst.", "Heute hat [Person 1]."),
        ("Gestern hat Anna Geschichten angerufen.", "Gestern hat [Person 1] angerufen."),
        # a singular (or a plural alike) names her as often as a thing
        ("Später erzählte Anna Metzger.", "Später erzählte [Person 1]."),
        ("Das macht Anna Specht.", "Das macht [Person 1]."),
        ("Dann zeigte Ben Spiegel.", "Dann zeigte [Person 1]."),
        # a phrase noun where no set phrase stands: her surname
        ("Wir danken Anna Dienst für die Hilfe.", "Wir danken [Person 1] für die Hilfe."),
        ("Das hat Lea Urlaub gesagt.", "Das hat [Person 1] gesagt."),
        ("Wir danken Tom Glück.", "Wir danken [Person 1]."),
    ],
)
def test_a_surname_that_is_a_noun_stays_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


def test_a_surname_of_the_key_is_hers_whatever_the_verb() -> None:
    pseudonymiser = Pseudonymiser()
    pseudonymiser.pseudonymise("Frau Geduld hat angerufen.")
    assert pseudonymiser.pseudonymise("Das macht Anna Geduld.")[0] == "Das macht [Person 1]."


def test_plural_nouns_are_no_singulars() -> None:
    assert plural_noun("geschichten") and plural_noun("kinder")
    assert not plural_noun("metzger") and not plural_noun("spiegel") and not plural_noun("kind")
