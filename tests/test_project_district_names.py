""" "von" after a name where the project adds the word: a district the project declares
is where she is from, as the package's districts are ("Müller von Brückfeld sagt"), and a
name of nobility after a form of address goes with her name without a speech verb too
("Frau Müller von Hohenstein war da."); blind set: benchmarks/project_districts_blind.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser

PROJECT = ["Brückfeld", "Sonnenhügel"]  # districts no list of the package knows


def _out(text: str, districts: list[str] = PROJECT) -> str:
    pseudonymiser = Pseudonymiser()
    pseudonymiser.protect(districts)
    return pseudonymiser.pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller von Brückfeld sagt, es reicht.", "[Person 1] von Brückfeld sagt, es reicht."),
        ("Dazu: Becker von Sonnenhügel meint es.", "Dazu: [Person 1] von Sonnenhügel meint es."),
        ("Wie Krüger von Brückfeld erzählt, …", "Wie [Person 1] von Brückfeld erzählt, …"),
        (
            "Im Plenum: Wagner von Sonnenhügel betont es.",
            "Im Plenum: [Person 1] von Sonnenhügel betont es.",
        ),
    ],
)
def test_a_surname_before_a_district_the_project_declares_is_replaced(
    text: str, expected: str
) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir fahren von Brückfeld nach Sonnenhügel.",
        "Die Kinder von Brückfeld sagen, dass es reicht.",
        "Post von Brückfeld erklärt, dass es reicht.",  # a word surname, a letter's verb
        "Der Müller von Sonnenhügel sagt, dass es reicht.",  # the occupation
        "Von Brückfeld sagt keiner etwas.",
    ],
)
def test_the_project_districts_without_a_person_stay(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Müller von Hohenstein war da.", "[Person 1] war da."),
        ("Herr Dr. Becker von Bredow hat angerufen.", "[Person 1] hat angerufen."),
        ("Wir danken Frau Schmidt von Falkenhorst.", "Wir danken [Person 1]."),
        ("Frau Meier von Eichendorff, die Leiterin, kam.", "[Person 1], die Leiterin, kam."),
        ("Herr Wagner von Treskow und Frau Becker kamen.", "[Person 1] und [Person 2] kamen."),
    ],
)
def test_nobility_after_a_form_of_address_goes_without_a_speech_verb(
    text: str, expected: str
) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Müller von Opladen war da.", "[Person 1] von Opladen war da."),
        ("Frau Müller von Brückfeld war da.", "[Person 1] von Brückfeld war da."),
        ("Herr Becker von Caritas ist krank.", "[Person 1] von Caritas ist krank."),
        ("Herr Becker von Lanxess hat angerufen.", "[Person 1] von Lanxess hat angerufen."),
        ("Frau Müller von nebenan war da.", "[Person 1] von nebenan war da."),
        ("Frau Müller von Montag war da.", "[Person 1] von Montag war da."),
        # a first name after "von" is a second person, not her name of nobility
        ("Grüße an Frau Müller von Anna.", "Grüße an [Person 1] von [Person 2]."),
    ],
)
def test_a_place_a_body_or_a_first_name_after_von_stays_apart(text: str, expected: str) -> None:
    assert _out(text) == expected


def test_a_district_of_the_project_stays_beside_a_speaker_in_an_import(tmp_path: Path) -> None:
    protocol = tmp_path / "treffen.md"
    protocol.write_text(
        "---\nworkshop: Treffen\ndistrict: Brückfeld\ndate: 2026-03-01\n---\n# Was fehlt?\n"
        "- Müller von Brückfeld sagt, es fehlt ein Raum.\n"
        "- Frau Becker von Hohenstein war auch da.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Brückfeld"]) as project:
        project.import_files([protocol])
        texts = list(project.segments()["text"])
        stored = stored_text(project)
    assert texts == [
        "[Person 1] von Brückfeld sagt, es fehlt ein Raum.",
        "[Person 2] war auch da.",
    ]
    assert "Müller" not in stored and "Hohenstein" not in stored
