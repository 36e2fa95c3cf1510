"""Letters glued to a number are one token: "von 9YrA" is no "von 9" and a name.

Session 42's fuzzing stored 159 of 100,000 comments "von " + four random characters
with a name replaced after a digit ("von 9YrA" → "von 9[Person]": "Yra" is a first name
of the gazetteer). A name the text names for sure stays replaced with a digit glued
before it: known to the key, or first and surname.
"""

from __future__ import annotations

import csv
import random
import string
from pathlib import Path

import pytest

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
    tokens = feedback.issue_tokens(rated, 3, district="Manfort")
    first = items(rated, tokens[0])[0]
    before = len(rated.pseudonym_key())
    comments = ["von 9YrA", "Gruß 3Anna", "Danke an 3Kaya"]
    stored = [
        feedback.save_answer(rated, token, first, "agree", 0, comment).comment
        for token, comment in zip(tokens, comments, strict=True)
    ]
    key = rated.pseudonym_key()
    kaya = key[key["original"] == "Frau Kaya"]["placeholder"].iloc[0]
    # the key knows Frau Kaya: glued to a number she is still replaced, with her number
    assert stored == ["von 9YrA", "Gruß 3Anna", f"Danke an 3{kaya}"]
    assert len(key) == before  # no guessed name entered the key


def test_an_import_reads_glued_letters_as_the_comments_do(tmp_path: Path) -> None:
    texts = [*GLUED, "Danke an Anna Schmidt (2021)"]
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
    assert stored[:-1] == GLUED
    assert "Anna" not in stored[-1] and "Schmidt" not in stored[-1]
    assert key["original"].tolist() == ["Anna Schmidt"]
