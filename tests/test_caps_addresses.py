"""Addresses and particle surnames written in capitals are found as in ordinary spelling."""

from __future__ import annotations

import pytest

from workbench.ingest.pii_addresses import address_spans, sentence_case
from workbench.ingest.pseudonymise import Pseudonymiser


def _pseudonymised(text: str) -> str:
    return Pseudonymiser({}).pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HAUPTSTRASSE 12", "[Adresse]"),
        ("WIR TREFFEN UNS IN DER KÖLNER STR. 5A", "WIR TREFFEN UNS IN DER [Adresse]"),
        ("BAHNHOFSTRASSE 3, 51373 LEVERKUSEN", "[Adresse]"),
        ("ICH WOHNE FRIEDRICH-EBERT-STRASSE 7-9.", "ICH WOHNE [Adresse]."),
        ("ADRESSE: AM STADTPARK 3, 51379 LEVERKUSEN", "ADRESSE: [Adresse]"),
        # a verb after the number counts nothing (as "… 112 schicken" does not)
        ("BITTE POST AN HAUPTSTRASSE 112 SCHICKEN.", "BITTE POST AN [Adresse] SCHICKEN."),
        ("Treffpunkt: LINDENALLEE 24B, bitte klingeln", "Treffpunkt: [Adresse], bitte klingeln"),
    ],
)
def test_an_address_in_capitals_is_replaced(text: str, expected: str) -> None:
    assert _pseudonymised(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ERGEBNISSE DER WORKSHOPS 2021",
        "STRASSENBAHN FÄHRT BIS 22 UHR",
        "AG 5 ERGEBNIS",
        "TOP 3",
        "PLATZ 2",
        "RAUM 12",
        "DIE HAUPTSTRASSE IST ZU LAUT",
        "TEMPO 30 IN DER HAUPTSTRASSE",
        "PARKPLATZ 20 STELLPLÄTZE",
        "HANDLUNGSFELD 3: VERKEHR",
        "LANDSTRASSE 80 IST ZU SCHNELL",
        "SPIELPLATZ 3 IST KAPUTT",
        "GRUPPE 2 AM TISCH 4",
        "IM JAHR 2020 WAR ALLES ANDERS",
    ],
)
def test_a_heading_in_capitals_stays(text: str) -> None:
    assert _pseudonymised(text) == text


def test_capitals_find_what_ordinary_spelling_finds() -> None:
    """Each address found in ordinary spelling is found in capitals, no other one."""
    texts = [
        "Wir treffen uns Am Alten Markt 3, 51373 Leverkusen.",
        "Meine Anschrift ist Opladener Str. 112",
        "Das Büro ist jetzt Schulstraße 1, bitte klingeln.",
        "Die Bahnhofstraße braucht 20 Bänke",
    ]
    for text in texts:
        assert len(list(address_spans(text.upper()))) == len(list(address_spans(text))), text


def test_sentence_case_keeps_every_letter_in_its_place() -> None:
    text = "ICH WOHNE IN DER GROSSEN BERGSTRASSE 5A. AM MARKT"
    view = sentence_case(text)
    assert view == "Ich wohne in der Grossen Bergstrasse 5A. Am Markt"
    assert len(view) == len(text)
    assert sentence_case("Hauptstraße 12") == "Hauptstraße 12"


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("HERR VON DER LEYEN KOMMT AUCH.", "LEYEN"),
        ("FRAU VON DER HEIDE HAT DAS PROTOKOLL.", "HEIDE"),
        ("DANKE AN FRAU DR. VON BÜLOW!", "BÜLOW"),
        ("LAUT HERRN VON WEIZSÄCKER FEHLT LICHT.", "WEIZSÄCKER"),
        ("Gespräch mit FRAU VON STEIN am Montag", "STEIN"),
        ("HERR VON DEN DRIESCH MEINT, DER PLATZ IST ZU DUNKEL.", "DRIESCH"),
    ],
)
def test_a_particle_surname_in_capitals_is_replaced(text: str, surname: str) -> None:
    out, replacements = Pseudonymiser({}).pseudonymise(text)
    assert surname not in out and " VON " not in out, out
    assert any(surname in r.original for r in replacements if r.kind == "person")


@pytest.mark.parametrize(
    "text",
    [
        "FRAU VON NEBENAN HILFT IMMER",
        "DIE FRAU VON NEBENAN HILFT IMMER",
        "HERR VON DER STADT KAM NICHT",
        "FRAU VON DER AWO WAR DA",
        "DIE FRAU VON DER POST KOMMT",
        "DER HERR VON DER BANK RIEF AN",
        "HERR VON OBEN BESCHWERT SICH",
        "FRAU VON DER KITA KOMMT",
        "HERR VON DER POLIZEI WAR DA",
        "FRAU VON GEGENÜBER GRÜSST",
        "FRAU VON DER NACHBARSCHAFTSHILFE KAM",
        "HERR VON DER STADTVERWALTUNG SCHRIEB",
    ],
)
def test_someone_from_somewhere_in_capitals_stays(text: str) -> None:
    assert _pseudonymised(text) == text
