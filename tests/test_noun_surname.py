"""A surname that is an everyday noun after a first name ("Anna Bahn hat angerufen") is part
of the name where no object can stand; where the noun may be an object it stays."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Bahn hat angerufen.", "[Person 1] hat angerufen."),
        ("Lea Kuchen kam zu spät.", "[Person 1] kam zu spät."),
        ("Jonas Bahn sagt, es geht.", "[Person 1] sagt, es geht."),
        ("Jonas Bahn hat angerufen.", "[Person 1] hat angerufen."),
        ("Ich habe mit Anna Bahn gesprochen.", "Ich habe mit [Person 1] gesprochen."),
        ("Das Gespräch mit Anna Bahn war gut.", "Das Gespräch mit [Person 1] war gut."),
        ("Danke an Anna Bahn!", "Danke an [Person 1]!"),
        ("Laut Anna Bahn fehlt ein Treffpunkt.", "Laut [Person 1] fehlt ein Treffpunkt."),
        ("Kontakt: Anna Bahn.", "Kontakt: [Person 1]."),
        ("Gestern hat Anna Bahn angerufen.", "Gestern hat [Person 1] angerufen."),
        ("Wir danken Anna Bahn.", "Wir danken [Person 1]."),
        ("Danke Anna Bahn!", "Danke [Person 1]!"),
        ("Ein herzliches Dankeschön an Anna Bahn.", "Ein herzliches Dankeschön an [Person 1]."),
        ("Danke auch an Anna Bahn!", "Danke auch an [Person 1]!"),
        ("Termin mit Anna Bahn.", "Termin mit [Person 1]."),
        ("Ich spreche mit Anna Bahn.", "Ich spreche mit [Person 1]."),
        ("Wir telefonieren morgen mit Ben Kuchen.", "Wir telefonieren morgen mit [Person 1]."),
        ("Das Protokoll schrieb Anna Bahn.", "Das Protokoll schrieb [Person 1]."),
        ("„Das passt“, sagte Lea Kuchen.", "„Das passt“, sagte [Person 1]."),
        ("Die Sitzung moderierte Jonas Bahn.", "Die Sitzung moderierte [Person 1]."),
    ],
)
def test_the_noun_after_a_first_name_is_her_surname(text: str, expected: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Bahn fahren lassen.", "[Person 1] Bahn fahren lassen."),
        ("Wir bringen Lea Kuchen.", "Wir bringen [Person 1] Kuchen."),
        ("Ich backe für Anna Kuchen.", "Ich backe für [Person 1] Kuchen."),
        ("Gestern hat Anna Kuchen mitgebracht.", "Gestern hat [Person 1] Kuchen mitgebracht."),
        ("Jonas Idee ist gut.", "[Person 1] Idee ist gut."),
        ("Jonas Kuchen hat geschmeckt.", "[Person 1] Kuchen hat geschmeckt."),
        ("Mit Ben Kaffee trinken.", "Mit [Person 1] Kaffee trinken."),
        ("Wir backen mit Anna Kuchen.", "Wir backen mit [Person 1] Kuchen."),
        ("Ich bekomme von Anna Geld.", "Ich bekomme von [Person 1] Geld."),
        (
            "Wir pflanzen mit Max Blumen, das macht Spaß.",
            "Wir pflanzen mit [Person 1] Blumen, das macht Spaß.",
        ),
        ("Wir haben von Mia Bescheid.", "Wir haben von [Person 1] Bescheid."),
        ("Dann schrieb Anna Protokoll.", "Dann schrieb [Person 1] Protokoll."),
        ("Dann sagte Mia Bescheid.", "Dann sagte [Person 1] Bescheid."),
        ("Heute schrieb Anna Kommentare.", "Heute schrieb [Person 1] Kommentare."),
        ("Wir planen mit Lea Kuchen.", "Wir planen mit [Person 1] Kuchen."),
        ("Die Regeln erklärte Anna Eltern.", "Die Regeln erklärte [Person 1] Eltern."),
        ("Das Ergebnis berichtete Ben Nachbarn.", "Das Ergebnis berichtete [Person 1] Nachbarn."),
        ("Ich telefoniere mit Anna Zeit.", "Ich telefoniere mit [Person 1] Zeit."),
    ],
)
def test_the_noun_as_an_object_stays(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected


def test_the_full_name_is_one_person_across_statements() -> None:
    p = Pseudonymiser()
    first = p.pseudonymise("Anna Bahn hat angerufen.")[0]
    second = p.pseudonymise("Frau Bahn kommt morgen.")[0]
    assert first == "[Person 1] hat angerufen."
    assert second == "[Person 1] kommt morgen."
