"""A second reading of the name rules added in session 28: ordinary sentences that the new
rules took for names ("Von Hand sagt man", "Ich bin die Hausfrau", "Das Lutz Haus")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- "Von …" opening the sentence before a speech verb with its own subject -----------------
@pytest.mark.parametrize(
    "text",
    [
        "Von Hand sagt man das nicht.",
        "Von Oben sagt man nichts dazu.",
        "Von Seiten sagte die Stadt nichts.",
        "Von Anwohnern meint man, sie seien dagegen.",
        "Von Nachbarn erzählt man sich viel.",
        "Von Vorteil meint keiner was.",
        "Von Leverkusen sagt er, es sei zu weit.",
    ],
)
def test_a_preposition_before_a_verb_with_its_own_subject_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von Weizsäcker sagte, das sei gut.", "[Person 1] sagte, das sei gut."),
        ("Von Tjaden betont, dass Licht fehlt.", "[Person 1] betont, dass Licht fehlt."),
    ],
)
def test_a_surname_with_a_particle_that_speaks_is_still_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


# -- "Ich bin die/der …" before a noun that ends like a short first name --------------------
@pytest.mark.parametrize(
    "text",
    [
        "Ich bin die Hausfrau.",
        "Hallo, ich bin die Putzfrau und wohne hier.",
        "Ich bin die Leihoma im Haus.",
        "Ich bin die Kita-Mama.",
        "Ich bin die Tagesmutti aus der Siedlung.",
        "Ich bin der Studi aus dem dritten Stock.",
        "Ich bin der Ersti.",
        "Ich bin die Jury.",
        "Ich bin der Wessi hier.",
    ],
)
def test_a_noun_after_ich_bin_die_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text", ["Ich bin die Jessi.", "Ich bin die Paloma.", "Hallo, ich bin der Nico und wohne hier."]
)
def test_a_first_name_after_ich_bin_die_is_still_a_person(text: str) -> None:
    assert "[Person 1]" in _clear(text)


# -- an article before "Markus Haus" names the building ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Das Markus Haus der Gemeinde ist offen.",
        "Das Lutz Haus ist gut besucht.",
        "Das Klaus Haus Seniorenheim sucht Helfer.",
        "Wir treffen uns im Garten vom Boris Haus.",
    ],
)
def test_a_house_named_after_someone_with_an_article_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_first_name_owning_a_house_without_article_is_still_a_person() -> None:
    assert _clear("Markus Haus ist zu klein.") == "[Person 1] Haus ist zu klein."
