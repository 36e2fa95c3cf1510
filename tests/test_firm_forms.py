"""Associations written as a word and firms named after a surname next to person cues
(:mod:`workbench.ingest.firm_forms`, ``name_lists.LOCAL_NAMES``; decision record 021)."""

from __future__ import annotations

import re

import pytest

from workbench.ingest.firm_forms import firm_form
from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


def _clear(out: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Laut Nabu ist der Teich gefährdet.",
        "laut Bund fehlt das Geld für die Sanierung.",
        "Wir waren gestern bei Dekra zur Prüfung.",
        "Mit Adfc haben wir lange über den Radweg geredet.",
        "Laut Kvb fährt der Bus abends nicht.",
        "Das sagt Tüv seit Jahren.",
        "Adac meint, die Kreuzung ist gefährlich.",
        "Laut Nabu Leverkusen ist der Teich gefährdet.",
        "DAS SAGT DEHOGA SEIT JAHREN.",
    ],
)
def test_an_association_written_as_a_word_stays_after_a_cue(text: str) -> None:
    """ "Laut Nabu …" became "Laut [Person 1] …", "Laut Nabu Leverkusen" half replaced."""
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "surname"),
    [("Laut Frau Bund fehlt das Geld.", "Bund"), ("Herr Nabu sagt, das geht.", "Nabu")],
)
def test_an_associations_word_after_a_form_of_address_is_a_surname(text: str, surname: str) -> None:
    """A guard: after "Frau"/"Herr" the word is hers, as "Frau Schlebusch" (both versions)."""
    assert not _clear(_out(text), surname)


@pytest.mark.parametrize(
    "firm",
    [
        "Müller GmbH",
        "Schulz mbH",
        "Wagner SE",
        "Krüger KGaA",
        "Schröder eG",
        "Krause e. V.",
        "Hoffmann e.V.",
        "Becker UG (haftungsbeschränkt)",
        "Weber Holding",
        "Otto Konzern",
        "Otto Group",
        "Otto GmbH",
        "Fischer GmbH & Co. KG",
    ],
)
def test_a_surname_with_a_legal_persons_form_stays_whole(firm: str) -> None:
    """ "Das sagt Wagner SE" became "[Person 1] SE", "bei Otto GmbH" "[Person 1]"."""
    for text in (f"Das sagt {firm} seit Jahren.", f"Wir haben bei {firm} angefragt."):
        assert _out(text) == text


@pytest.mark.parametrize(
    "firm",
    [
        "Müller KG",
        "Meyer OHG",
        "Fischer OHG",
        "Wagner e.K.",
        "Lange e. K.",
        "Becker GbR",
        "Schmidt & Co. KG",
        "Schulz & Partner",
        "Hoffmann & Söhne",
    ],
)
def test_a_surname_with_an_owner_liable_form_is_replaced_the_form_stays(firm: str) -> None:
    """ "Die Müller KG baut" stayed in clear: the name of a liable owner, a natural person."""
    surname, form = firm.split(" ", 1)
    for text in (f"Die {firm} baut den Spielplatz.", f"Laut {firm} ist das zu teuer."):
        out = _out(text)
        assert not _clear(out, surname)
        assert form in out


def test_a_trade_and_full_name_with_an_owner_liable_form_is_replaced() -> None:
    """ "Bäckerei Klaus Becker KG" stayed in clear."""
    out = _out("Wir haben bei Bäckerei Klaus Becker KG angefragt.")
    assert "Klaus" not in out and "Becker" not in out and "KG" in out


@pytest.mark.parametrize(
    "text",
    [
        "Laut FORTUNA SCHMIDT ist das Training abgesagt.",
        "WIR WAREN GESTERN BEI FORTUNA SCHMIDT ZUR BERATUNG.",
        "MIT FORTUNA YILMAZ HABEN WIR LANGE GEREDET.",
    ],
)
def test_a_club_word_and_a_surname_in_capitals_is_a_person(text: str) -> None:
    """ "FORTUNA SCHMIDT" in capitals stayed in clear, "Fortuna Schmidt" did not."""
    out = _out(text)
    assert "SCHMIDT" not in out and "YILMAZ" not in out


@pytest.mark.parametrize(
    "text",
    ["LAUT FORTUNA DÜSSELDORF IST DAS STADION VOLL.", "Das Spiel gegen FORTUNA KÖLN fällt aus."],
)
def test_a_club_of_a_city_in_capitals_stays(text: str) -> None:
    """A guard (both versions): the city after the club's word is no surname."""
    assert _out(text) == text


def test_the_form_is_read_as_written() -> None:
    """ "EG" after a name is a ground floor, "eG" a cooperative; no form, no answer."""
    text = "Frau Müller EG links und die Müller eG und Müller KG und Müller baut"
    assert firm_form(text, text.index(" EG")) is None
    assert firm_form(text, text.index(" eG")) is True
    assert firm_form(text, text.index(" KG")) is False
    assert firm_form(text, text.index(" baut")) is None


@pytest.mark.parametrize("text", ["Anna Schmidt UG sagt das.", "Anna Schmidt SE meint das."])
def test_a_full_name_before_a_new_form_stays_replaced(text: str) -> None:
    """A guard (both versions): after a first name "UG" may be her floor; she is replaced."""
    out = _out(text)
    assert "Anna" not in out and "Schmidt" not in out


@pytest.mark.parametrize(
    ("text", "surname"),
    [("Becker und Söhne liefern.", "Becker"), ("Schmidt und Partner beraten.", "Schmidt")],
)
def test_the_partners_words_written_out_after_a_surname_are_the_owners_firm(
    text: str, surname: str
) -> None:
    """ "Becker und Söhne" is "Becker & Söhne" written out: the owner's name, replaced."""
    out = _out(text)
    assert not _clear(out, surname) and " und " in out


@pytest.mark.parametrize(
    "text",
    [
        "Kinder und Partner kamen.",
        "Die Bauer und Söhne kamen.",
        "Unsere Meister und Partner helfen.",
    ],
)
def test_two_nouns_joined_by_und_are_no_firm(text: str) -> None:
    """A noun before "und Partner"/"und Söhne" is one of two groups, no owner ("Kinder und
    Partner kamen" became "[Person 1] und Partner kamen")."""
    assert _out(text) == text
