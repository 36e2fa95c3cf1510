"""Need and topic labels are not cut at an abbreviation's full stop ("bzw.", "z. B.",
"elektr.", "3. Stock", "12.3."): a label never ends in a cut word."""

from __future__ import annotations

import pytest

from workbench.analysis import labels

CUT = {"bzw", "elektr", "ca", "ggf", "evtl", "z", "b", "u", "a", "usw", "str", "nr"}


@pytest.mark.parametrize(
    ("central", "keywords", "expected"),
    [
        (
            [
                "Sorgsamer Umgang mit elektr. Geräten! Ich muss nicht jedes Jahr ein neues "
                "Telefon kaufen, Reparieren sollte billiger sein."
            ],
            ["umgang", "geräten"],
            "Sorgsamer Umgang mit elektr. Geräten",
        ),
        (
            ["Sperre Moltkestraße bzw. Lindenweg muss auf Dauer geschlossen bleiben"],
            ["sperre", "moltkestraße", "lindenweg"],
            "Sperre Moltkestraße",  # the whole is too long: its noun phrase
        ),
        (
            [
                "Die Treppe im 3. Stock ist seit dem 12.3. gesperrt. Der Aufzug fehlt auch, "
                "und das schon lange."
            ],
            ["treppe", "stock", "gesperrt"],
            "Die Treppe im 3. Stock ist seit dem 12.3. gesperrt",
        ),
        (
            [
                "Mehr Grün in der Hauptstr. wäre schön, z. B. Beete und Bäume statt "
                "Parkplätzen an der Ecke zum Markt."
            ],
            ["grün", "hauptstr"],
            "Mehr Grün in der Hauptstr. wäre schön",
        ),
    ],
)
def test_a_label_runs_past_an_abbreviation(
    central: list[str], keywords: list[str], expected: str
) -> None:
    label, source = labels.label_and_source(central, keywords, set())
    assert label == expected and source == 0
    assert label.rstrip(" …").split()[-1].casefold() not in CUT


def test_a_sentence_still_ends_after_a_number_and_an_enumeration_marker() -> None:
    assert labels.sentences("Tempo 30. Mehr Bänke am Platz") == ["Tempo 30.", "Mehr Bänke am Platz"]
    assert labels.phrases(
        "1. Mehr Bänke am Platz\n2. Licht im Park, bitte bald und hell, denn abends ist es dunkel"
    ) == [
        "Mehr Bänke am Platz",
        "Licht im Park",
    ]


def test_a_clause_opened_by_an_abbreviation_loses_it_and_none_ends_on_one() -> None:
    assert labels.phrases(
        "Im Park fehlt vieles, was man sich wünscht. Z. B. mehr Bänke für ältere Menschen"
    ) == ["Im Park fehlt vieles", "Mehr Bänke für ältere Menschen"]
    assert labels.trim_dangling("Schranke am Lindenweg bzw.") == "Schranke am Lindenweg"


def test_a_clause_cut_before_a_dash_does_not_end_on_an_abbreviation_without_its_stop() -> None:
    """ "für Vertreter u - Mitarbeiter" ("u" for "und", no full stop) became a label
    ending on "u" once the clause was cut at the dash."""
    label, _ = labels.label_and_source(
        [
            "Pflichtkurse für Gemeindevertreter u - mitarbeiter zu Umwelt und Artenschutz, "
            "jedes Jahr und für alle"
        ],
        ["pflichtkurse", "gemeindevertreter"],
        set(),
    )
    assert label.split()[-1] not in {"u", "bzw", "od"}
    assert label == "Pflichtkurse für Gemeindevertreter"
