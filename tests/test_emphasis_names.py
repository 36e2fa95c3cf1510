"""Names inside Markdown emphasis ("Weil **Becker** sagte", "Laut *Rosenkranz* fehlt …")
are read as without the marks and replaced inside them."""

from __future__ import annotations

import pytest

from workbench.ingest.emphasis_view import EmphasisView
from workbench.ingest.pseudonymise import Pseudonymiser


def _known(full: str) -> Pseudonymiser:
    """A pseudonymiser whose key knows Herr ``full`` as [Person 1]."""
    p = Pseudonymiser()
    assert p.pseudonymise(f"Herr {full} hat eingeladen.")[0] == "[Person 1] hat eingeladen."
    return p


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weil **Becker** sagte, dass Geld fehlt, war es still.", "Weil **[Person 1]** sagte,"),
        ("Weil *Lehmann* meinte, es reiche, gingen wir.", "Weil *[Person 1]* meinte,"),
        ("**Hoffmann** sagte, es gehe nicht.", "**[Person 1]** sagte,"),
        ("Als __Krüger__ erklärte, wie es geht, hörten alle zu.", "Als __[Person 1]__ erklärte"),
        ("Frau **Anna Becker** kam spät.", "[Person 1] kam spät."),
        ("Weil **Mu\u0308ller** sagte, es gehe, blieb es.", "Weil **[Person 1]** sagte,"),
    ],
)
def test_a_name_in_emphasis(text: str, expected: str) -> None:
    """The stars stood between the name and the words that show it is one: "Weil
    **Becker** sagte, …" stayed in clear while "Weil Becker sagte, …" was replaced."""
    assert expected in Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut **Rosenkranz** fehlt Geld.", "Laut **[Person 1]** fehlt Geld."),
        ("Laut *Rosenkranz* fehlt Geld.", "Laut *[Person 1]* fehlt Geld."),
        ("Ich habe mit **Rosenkranz** gesprochen.", "mit **[Person 1]** gesprochen"),
    ],
)
def test_a_known_noun_surname_in_emphasis(text: str, expected: str) -> None:
    """The key's noun surname after "laut" or "mit … gesprochen", in bold or italics."""
    assert expected in _known("Eva Rosenkranz").pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Laut **Plan** fehlt Geld.",
        "Weil **Geld** fehlte, war es still.",
        "Sie betet mit dem **Rosenkranz**.",
        "Die Bewohner*innen und Nachbar*innen sagten nichts.",
        "Laut _Satzung_ gilt das.",
    ],
)
def test_words_in_emphasis_stay(text: str) -> None:
    """Nouns in bold stay; a gender star is no mark."""
    assert _known("Eva Rosenkranz").pseudonymise(text)[0] == text


def test_the_view_maps_back_to_the_text_as_written() -> None:
    """Positions of the view are those of the letters as written; a gender star, an
    underscore inside a word and a lone star are kept as they are."""
    view = EmphasisView.of("Frau **Anna Becker** und Bewohner*innen")
    assert view is not None
    assert view.text == "Frau Anna Becker und Bewohner*innen"
    assert (view.start(5), view.end(16)) == (7, 18)
    assert EmphasisView.of("Foto_Ewa_Kowalczyk.jpg und 3 * 4") is None
