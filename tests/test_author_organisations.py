"""Organisations as values of author columns: readable, no person on the key; a person's
name beside or like them stays a person (never in clear)."""

from __future__ import annotations

import pytest

from workbench.ingest.organisations import is_organisation
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
