"""Letters glued to a number are one token: "von 9YrA" is no "von 9" and a name.
So are letters after a lone leading underscore ("von _YrA"): Markdown emphasis needs a
closing mark ("_Frau Kaya_", whose name stays replaced).

Session 42's fuzzing stored 159 of 100,000 comments "von " + four random characters
with a name replaced after a digit ("von 9YrA" → "von 9[Person]": "Yra" is a first name
of the gazetteer). A name the text names for sure stays replaced with a digit glued
before it: known to the key, or first and surname.
"""

from __future__ import annotations

import csv
import doctest
import random
import string
from pathlib import Path

import pytest

import workbench.ingest.glued_names
from tests.feedback_data import items, knowing_kaya, rated_project
from workbench import Project
from workbench.ingest.guessed_names import NotePseudonymiser
from workbench.ingest.table import TableMapping
from workbench.participation import feedback

# tokens and words with letters after a digit that name nobody
GLUED = [
    "von 9YrA",
    "von 7ElI",
    "von 2EvY",
    "von I8ov",
    "Gruß 3Anna",
    "9YrA kam nicht",
    "Danke an 4You Jugendtreff",
    "3D-Druck im Repair-Café",
    "2G-Regel gilt",
    "von 1A Qualität",
]

# a token's start with an underscore first: no emphasis (no closing mark), no file name
UNDERSCORED = [
    "von _YrA",
    "von _SuE",
    "von _Ing",
    "von _INa",
    "Token _EdA",
    "_Anna kam nicht an",
    "mein Kürzel ist __Ewa",
    "Code (_Jens) gilt nicht.",
]
FIRST_NAMES = (
    "Anna Ben Eva Ewa Jan Jens Kim Lars Lena Mia Noah Tom Ali Yra Lea Paul Emma Finn Leon "
    "Sara Ida Elif Can Deniz Jonas Luca Nina Olga Igor Marta"
).split()
SURNAMES = "Kaya Becker Schmidt Yilmaz Nowak Wagner Öztürk Petrović".split()
SENTENCES = ["Danke an {}!", "{} sagt, es fehlt Platz.", "Laut {} fehlt ein Raum."]


def _tokens() -> list[str]:
    """Token-like starts with a digit first, the same ones every run (seeded)."""
    alphabet = string.ascii_letters + string.digits + "-_"
    draw = random.Random(43)
    return [
        draw.choice(string.digits) + "".join(draw.choice(alphabet) for _ in range(3))
        for _ in range(3000)
    ]


@pytest.mark.parametrize("text", GLUED)
def test_letters_after_a_digit_are_no_name(text: str) -> None:
    assert NotePseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize("text", UNDERSCORED)
def test_letters_after_a_lone_underscore_are_no_name(text: str) -> None:
    assert NotePseudonymiser().pseudonymise(text)[0] == text


def test_first_names_after_a_lone_underscore_are_tokens() -> None:
    pseudonymiser = NotePseudonymiser()
    texts = [c.format(f"_{n}") for n in FIRST_NAMES for c in ("von {}", "Token {} gilt", "{}")]
    assert [t for t in texts if pseudonymiser.pseudonymise(t)[0] != t] == []


def test_names_in_emphasis_or_in_a_file_name_stay_replaced() -> None:
    """ "_Frau Kaya_", "__Herr Becker__", "*Anna Schmidt*", "Foto_Ewa_Kowalczyk.jpg", and
    emphasis left open around a name of several words ("_Frau Kaya kommt")."""
    pseudonymiser = NotePseudonymiser()
    named = [
        (c.format(f"{mark}{form} {name}{mark}"), [name])
        for name in SURNAMES
        for form in ("Frau", "Herr", "Dr.")
        for mark, c in zip(("_", "__", "_"), SENTENCES, strict=True)
    ]
    named += [(f"Foto_Ewa_{name}.jpg", ["Ewa", name]) for name in SURNAMES]
    named += [(f"_Frau {name} kommt morgen.", [name]) for name in SURNAMES]
    named += [(f"Danke an _Anna {name}_ und _Jens {name}.", ["Anna", "Jens"]) for name in SURNAMES]
    assert len(named) >= 60
    left = [
        (t, o)
        for t, gone in named
        if any(w in (o := pseudonymiser.pseudonymise(t)[0]) for w in gone)
    ]
    assert left == []


def test_token_like_comments_with_a_digit_first_stay_as_typed() -> None:
    pseudonymiser = NotePseudonymiser()
    changed = [t for t in _tokens() if pseudonymiser.pseudonymise(f"von {t}")[0] != f"von {t}"]
    assert changed == []


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Danke an 3Anna Schmidt", ["Anna", "Schmidt"]),
        ("Frau Kaya 2x gesehen", ["Kaya"]),
        ("Danke an Anna Schmidt (2021)", ["Anna", "Schmidt"]),
        ("von Jens Becker, 3 Kinder", ["Jens", "Becker"]),
    ],
)
def test_a_name_near_a_digit_is_replaced(text: str, gone: list[str]) -> None:
    out = NotePseudonymiser().pseudonymise(text)[0]
    assert not [w for w in gone if w in out], out


@pytest.mark.backends
def test_a_stored_comment_keeps_its_token_and_loses_a_known_name(
    project: Project, tmp_path: Path
) -> None:
    rated = knowing_kaya(rated_project(project, tmp_path), tmp_path)
    tokens = feedback.issue_tokens(rated, 5, district="Manfort")
    first = items(rated, tokens[0])[0]
    before = len(rated.pseudonym_key())
    comments = ["von 9YrA", "Gruß 3Anna", "Danke an 3Kaya", "von _YrA", "Gruß _Kaya"]
    stored = [
        feedback.save_answer(rated, token, first, "agree", 0, comment).comment
        for token, comment in zip(tokens, comments, strict=True)
    ]
    key = rated.pseudonym_key()
    kaya = key[key["original"] == "Frau Kaya"]["placeholder"].iloc[0]
    # the key knows Frau Kaya: glued to a number she is still replaced, with her number
    assert stored == ["von 9YrA", "Gruß 3Anna", f"Danke an 3{kaya}", "von _YrA", f"Gruß _{kaya}"]
    assert len(key) == before  # no guessed name entered the key


def test_an_import_reads_glued_letters_as_the_comments_do(tmp_path: Path) -> None:
    texts = [*GLUED, *UNDERSCORED, "Danke an Anna Schmidt (2021)"]
    source = tmp_path / "umfrage.csv"
    with source.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([["Text"], *[[t] for t in texts]])
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    try:
        project.import_files(
            [source], TableMapping(text_column="Text"), district="Manfort", workshop="Umfrage"
        )
        stored = project.segments().sort_values("position")["text"].tolist()
        key = project.pseudonym_key()
    finally:
        project.close()
    assert stored[:-1] == [*GLUED, *UNDERSCORED]
    assert "Anna" not in stored[-1] and "Schmidt" not in stored[-1]
    assert key["original"].tolist() == ["Anna Schmidt"]


def test_doctests() -> None:
    assert doctest.testmod(workbench.ingest.glued_names).failed == 0
