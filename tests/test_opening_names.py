"""Names opening a sentence that stayed in clear beside a replaced one: two surnames joined
by "und" ("Becker und Kaya kamen", "Wie Merkel und Scholz sagten"), a surname before "hat's
gesagt"; and a person's apostrophe-s after "laut" or a form of address ("Laut [Person 1]'s
Meinung", not "Laut [Person 1] Meinung"), while brands and offices there stay words."""

from __future__ import annotations

import re

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("pair", "rest"),
    [("Becker und Kaya", "waren eingeladen."), ("Merkel und Scholz", "haben zugestimmt."),
     ("Neumann sowie Lehmann", "fehlten beim Treffen."), ("Krüger und Demir", "kamen zu spät.")],
)  # fmt: skip
@pytest.mark.parametrize("opening", ["", "Der Bus ist voll. ", "Wie "])
def test_both_surnames_of_a_pair_opening_a_sentence_are_replaced(
    opening: str, pair: str, rest: str
) -> None:
    """ "Becker und Kaya waren eingeladen" became "Becker und [Person 1] …": the second
    surname was replaced, the first stayed in clear beside it (also a public figure's:
    the project names no one by fame)."""
    out = _out(f"{opening}{pair} {rest}")
    assert re.sub(r"\[Person \d+\]", "X", out) == f"{opening}X {pair.split()[1]} X {rest}"
    assert len(set(re.findall(r"\[Person \d+\]", out))) == 2


@pytest.mark.parametrize(
    "text",
    ["Kinder und Eltern kamen.", "Fischer und Jäger kamen.", "Kinder und Partner kamen.",
     "Unsere Meister und Partner helfen.", "Bus und Bahn fahren selten.",
     "Rewe und Lidl haben offen.",
     "Wie Caritas und Diakonie sagten, fehlt Geld.", "Bauer und Winzer klagten.",
     "Bosch und Siemens haben Stellen gestrichen.", "Polizei und Feuerwehr kamen."],
)  # fmt: skip
def test_nouns_firms_and_bodies_opening_a_sentence_stay(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Laut Sabine's Meinung ist der Platz zu klein.", "Laut X's Meinung ist der Platz zu klein."),
     ("Laut Jana's Aussage fährt der Bus selten.", "Laut X's Aussage fährt der Bus selten."),
     ("Wir folgten Frau Kaya's Vorschlag.", "Wir folgten X's Vorschlag."),
     ("Nach Herrn Becker's Ansicht fehlt Licht.", "Nach X's Ansicht fehlt Licht.")],
)  # fmt: skip
def test_a_persons_apostrophe_s_stays_outside_the_placeholder(text: str, expected: str) -> None:
    """ "Laut Sabine's Meinung" became "Laut [Person 1] Meinung" and "Nach Herrn Becker's
    Ansicht" "Nach [Person 1] fehlt Licht" (the noun taken into the name)."""
    assert re.sub(r"\[Person \d+\]", "X", _out(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Laut Rewe's Prospekt gibt es Rabatt.", "Laut McDonald's Filiale ist es voll.",
     "Laut Kita's Leitung fehlt Personal.", "Laut Jugendamt's Antwort ist alles gut.",
     "Laut Sparkasse's Aushang schließt die Filiale.", "Laut Aldi's Angebot ist Obst billig."],
)  # fmt: skip
def test_a_shop_or_office_with_apostrophe_s_after_laut_stays(text: str) -> None:
    """ "Laut Rewe's Prospekt" became "Laut [Person 1] Prospekt": any word after "laut"."""
    assert _out(text) == text


@pytest.mark.parametrize("name", ["Becker", "Kaya", "Schmidt", "Neumann"])
@pytest.mark.parametrize(
    "rest", ["hat's gesagt.", "hat gesagt, der Bus sei voll.", "hat uns erzählt, dass es brennt."]
)
def test_a_surname_before_hat_gesagt_opening_a_sentence_is_replaced(name: str, rest: str) -> None:
    """ "Becker hat's gesagt" stayed in clear where "Becker sagte" was replaced."""
    assert re.sub(r"\[Person \d+\]", "X", _out(f"{name} {rest}")) == f"X {rest}"


@pytest.mark.parametrize(
    "word", ["Sommer", "Koch", "Bauer", "Hamburg", "Später", "Polizei", "Keiner", "Mama", "Stern"]
)
def test_a_word_before_hat_gesagt_stays(word: str) -> None:
    assert _out(f"{word} hat's gesagt.") == f"{word} hat's gesagt."


@pytest.mark.parametrize(
    "first",
    ["Quartiersmanagement", "Kinderbetreuungsangebot", "Stadtteilbeirat", "Mieterinitiative",
     "Lastenradverleih", "Nachbarschaftsgartenteam", "Bahnhofstraße", "Lindenallee", "Streetwork",
     "Seniorentreff", "Parkraumbewirtschaftung", "Hofflohmarkt"],
)  # fmt: skip
def test_a_compound_or_street_before_a_surname_opening_a_sentence_stays(first: str) -> None:
    """ "Quartiersmanagement und Weber waren Thema" became "[Person 1] und [Person 2] …":
    a compound of nouns the lexicon lacks, or a street, was taken for a surname."""
    out = _out(f"{first} und Schulz waren Thema.")
    assert out.startswith(f"{first} und [Person ")
    assert "Schulz" not in out


@pytest.mark.parametrize("first", ["Hartkopf", "Zabelberg", "Wennemann", "Steinbrink", "Osterkamp"])
def test_a_surname_of_no_list_built_like_a_compound_is_still_a_person(first: str) -> None:
    out = _out(f"{first} und Kaya kamen zu spät.")
    assert re.sub(r"\[Person \d+\]", "X", out) == "X und X kamen zu spät."
