"""Organisations and anonymous roles as values of author columns: readable, no person on
the key; a person's name beside or like them stays a person (never in clear)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.people import person_variables
from workbench.ingest.organisations import is_organisation, is_role_word
from workbench.ingest.pseudonymise import Pseudonymiser

ORGANISATIONS = [
    "Stadt Leverkusen",
    "Stadt Leverkusen – Fachbereich Umwelt",
    "City of Leverkusen",
    "Radio Leverkusen",
    "Polizei",
    "Polizei Köln",
    "Stadtwerke",
    "Bürgerliste",
    "Schülervertretung",
    "Bezirksvertretung II",
    "Bezirksregierung Köln",
    "Integrationsrat",
    "Ortsrat",
    "Seniorenrat",
    "Verkehrsbetriebe",
    "WDR",
    "Rheinische Post",
    "Westdeutsche Zeitung",
    "Kölner Stadt-Anzeiger",
    "Deutsches Rotes Kreuz",
    "Youth Council",
    "District Council II",
]
PERSONS = [
    "Anna Schulz",
    "Schulz, Anna",
    "A. Schulz",
    "Maria Stadt",
    "Stadt, Maria",
    "Paul Polizei",
    "Herr Rat",
    "Tobias Rat",
    "Familie Becker",
    "Anna Schulz (WDR)",
    "Schulz (Caritas)",
    "Sarah Post",
    "Stadt Leverkusen, Frau Yilmaz",
    "kalle1999",
    "Neuhaus",
    "Pankrat",
]


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_an_administration_council_station_or_paper_is_an_organisation(name: str) -> None:
    assert is_organisation(Pseudonymiser(), name)


@pytest.mark.parametrize("name", PERSONS)
def test_a_name_beside_or_like_an_organisations_word_is_a_person(name: str) -> None:
    assert not is_organisation(Pseudonymiser(), name)
    assert not is_role_word(name)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Anwohner", True),
        ("Anwohner*in", True),
        ("Bürger:in", True),
        ("Mieterin", True),
        ("Radfahrerin", True),
        ("Jugendlicher", True),
        ("Bürger", False),  # a surname the gazetteer holds: a person
        ("Anwohnerin Frau Meier", False),
        ("Vater", False),
    ],
)
def test_a_word_for_someone_unnamed_is_an_anonymous_role(name: str, role: bool) -> None:
    assert is_role_word(name) is role


def test_organisations_and_roles_as_authors_stay_readable_and_persons_do_not(
    project: Project, tmp_path: Path
) -> None:
    authors = ["Stadt Leverkusen", "Integrationsrat", "Anwohnerin", "Rheinische Post",
               "Maria Schneider", "Schulz (Caritas)"]  # fmt: skip
    rows = [(str(i + 1), who, "Mehr Bänke am Marktplatz.") for i, who in enumerate(authors)]
    path = tmp_path / "vorschlaege.csv"
    pd.DataFrame(rows, columns=["ID", "Antragsteller*in", "Beschreibung"]).to_csv(
        path, index=False, sep=";"
    )
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "ID"]) == 0
    segments = project.segments().set_index("source_id")
    attributes = {sid: a or {} for sid, a in segments["attributes"].items()}
    assert attributes["1"] == {"organisation": "Stadt Leverkusen"}
    assert attributes["2"] == {"organisation": "Integrationsrat"}
    assert attributes["3"] == {"author_role": "Anwohnerin"}
    assert attributes["4"] == {"organisation": "Rheinische Post"}
    assert attributes["5"]["speaker"].startswith("[Person ")
    assert attributes["6"]["speaker"].startswith("[Person ")
    assert attributes["5"]["speaker"] != attributes["6"]["speaker"]
    stored = stored_text(project)
    for word in ("Maria", "Schneider", "Schulz"):
        assert word not in stored, word
    key = project.pseudonym_key()
    persons = key.loc[key["kind"] == "person", "original"]
    assert sorted(persons) == ["Maria Schneider", "Schulz (Caritas)"]  # no body, no role


# A surname beside an organisation's word with no mark between ("Team Müller", "WDR
# Schulz": a councillor, a reporter), an e-mail address or a user name: a person's
NAMED_BODIES = [
    "Team Müller",
    "WDR Schulz",
    "Zeitung Becker",
    "Polizei Kaya",
    "Bezirksvertretung Weber",
    "Bürgerliste Brandt",
    "Rheinische Post Schmitz",
    "dpa Peters",
    "Caritas Özdemir",
    "t.weber@caritas-opladen.de",
    "wdr.lisa@gmail.com",
    "ortsrat_mueller",
    "WDR_Lisa",
]
# … but not a place, a quarter, a number or a saint beside it
PLACED_BODIES = [
    "Caritas Opladen",
    "Polizei Köln",
    "Bezirksvertretung II",
    "Team Nord",
    "Pfarrei St. Remigius",
    "Kirchengemeinde St. Maria",
    "Bündnis 90/Die Grünen",
    "Fraktion Die Linke",
]


@pytest.mark.parametrize("name", NAMED_BODIES)
def test_a_surname_beside_a_body_or_an_address_is_a_person(name: str) -> None:
    assert not is_organisation(Pseudonymiser(), name)


@pytest.mark.parametrize("name", PLACED_BODIES)
def test_a_place_quarter_number_or_saint_beside_a_body_keeps_it_readable(name: str) -> None:
    assert is_organisation(Pseudonymiser(), name)


def test_a_named_body_as_author_or_refi_qda_role_is_on_the_key(
    project: Project, tmp_path: Path
) -> None:
    rows = [("1", "WDR Schulz"), ("2", "t.weber@caritas-opladen.de"), ("3", "Caritas Opladen")]
    path = tmp_path / "meldungen.csv"
    pd.DataFrame(
        [(i, who, "Die Ampel am Markt ist zu kurz grün.") for i, who in rows],
        columns=["ID", "Autor", "Beschreibung"],
    ).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "ID"]) == 0
    attributes = project.segments().set_index("source_id")["attributes"]
    assert attributes["1"]["speaker"].startswith("[Person ")
    assert attributes["2"]["speaker"].startswith("[Person ")
    assert attributes["3"] == {"organisation": "Caritas Opladen"}
    stored = stored_text(project)
    for word in ("Schulz", "t.weber", "caritas-opladen.de"):
        assert word not in stored, word
    values, _ = person_variables(Pseudonymiser(), {"Moderation": "Team Müller"}, [])
    assert values["Moderation"].startswith("[Person ")
