"""User names made of words ("radfahrer_lev", "rhein.blick"): the whole user name is its
author's placeholder in other comments, its words stay words in every text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_consul_exports import import_comments
from workbench import Project
from workbench.ingest.listed_variants import name_variants

ROWS = [
    ("1", "Als Radfahrer fühle ich mich an der Kreuzung unsicher.", "p_meier"),
    ("2", "Vom Rhein aus hat man einen tollen Blick.", "radfahrer_lev"),
    ("3", "Licht an der Unterführung wäre wichtig.", "rhein.blick"),
    ("4", "Teil der Lösung wäre ein Bus, Wiesdorf ist aktiv.", "licht_an"),
    ("5", "Wie radfahrer_lev schon schrieb: danke rhein.blick!", "stadt_teil"),
    ("6", "Ich stimme licht_an und stadt_teil zu, Meier auch.", "wiesdorf.aktiv"),
]


def test_the_words_of_user_names_stay_words_in_the_comments(
    project: Project, tmp_path: Path
) -> None:
    """Before, a listed "radfahrer_lev" made "Radfahrer" a person in every comment of the
    file ("Als [Person 1] fühle ich mich …"), "rhein.blick" the "Blick" of "einen tollen
    Blick", "licht_an" the "Licht" and "stadt_teil" the "Teil" of other texts."""
    segments, speaker = import_comments(project, tmp_path, ROWS)
    assert segments["text"].tolist() == [
        *(text for _, text, _ in ROWS[:4]),
        f"Wie {speaker['radfahrer_lev']} schon schrieb: danke {speaker['rhein.blick']}!",
        f"Ich stimme {speaker['licht_an']} und {speaker['stadt_teil']} zu,"
        f" {speaker['p_meier']} auch.",
    ]
    stored = stored_text(project)
    assert [u for _, _, u in ROWS if u in stored] == []


@pytest.mark.parametrize(
    ("user_name", "variants"),
    [
        ("radfahrer_lev", {"radfahrer_lev", "lev"}),  # "Lev" is a first name
        ("info.stadt", {"info.stadt"}),
        ("p_meier", {"p_meier", "meier"}),
        ("anke.wolters", {"anke.wolters", "anke", "wolters"}),
        ("bernd.kowalczyk", {"bernd.kowalczyk", "bernd", "kowalczyk"}),
    ],
)
def test_a_user_names_parts_that_are_words_are_no_variants(
    user_name: str, variants: set[str]
) -> None:
    assert {v for v, _ in name_variants([user_name])} == variants
