"""Second sweep of the name and column rules: date-times are no phones, names after a form
of address or a first name even when they end like a noun, interviewers, KoBo's account
column and workshop staff columns are other people."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.personal_columns import (
    AUTHOR,
    OTHER,
    names_staff,
    person_role,
    safe_attributes,
)
from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str, prose: bool = True) -> str:
    return Pseudonymiser().pseudonymise(text, [], prose)[0]


# -- dates and times are never phones -----------------------------------------------------
DATE_TIMES = [
    "02.03.2021 18:22",
    "09.01.2022, 08:15",
    "05.06.2021 10:22:33",
    "0000-00-00 00:00:00",
    "2021-03-02 18:22:05",
    "2021-03-02T18:22:05+01:00",
    "07.11.2023 09:00 Uhr",
]


@pytest.mark.parametrize("value", DATE_TIMES)
def test_a_date_time_stays_in_text_and_in_an_attribute(value: str) -> None:
    assert _clear(value, prose=False) == value
    sentence = f"Am {value} kam ich zum Treffen."
    assert _clear(sentence) == sentence


def test_a_phone_next_to_a_date_time_is_still_found() -> None:
    assert _clear("Ruf an: 0214 123456, am 02.03.2021 18:22") == (
        "Ruf an: [Telefon], am 02.03.2021 18:22"
    )
    assert _clear("Handy 0171 1234567 ab 18:00 Uhr") == "Handy [Telefon] ab 18:00 Uhr"
    assert _clear("Tel. 0214 / 30 65 120") == "Tel. [Telefon]"


# -- names after a form of address --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mehr Deutschkurse für Ältere, Frau Iwanowa von nebenan hilft.", "Iwanowa"),
        ("Angebote für Ältere, Herr Wieczorek kümmert sich.", "Wieczorek"),
        ("Die ältere Frau Schmidt kommt jeden Montag.", "Schmidt"),
        ("Herr Jung sagt, es fehlt ein Treff.", "Jung"),
        ("Frau Eberlein kommt.", "Eberlein"),
        ("Sabine Jung kommt auch.", "Jung"),
        ("Frau Meier-Renz hilft beim Aufbau.", "Meier-Renz"),
        ("Wir danken Frau Könen-Kersten.", "Kersten"),
        ("Frau Seidlein hat den Schlüssel.", "Seidlein"),
    ],
)
def test_a_name_ending_like_a_noun_is_a_name_after_an_address_or_a_first_name(
    text: str, name: str
) -> None:
    out = _clear(text)
    assert name not in out and "[Person " in out, out


def test_a_role_word_after_a_first_name_is_the_surname() -> None:
    assert _clear("Dr. Stefan Richter (Jugendamt)") == "[Person 1] (Jugendamt)"
    assert _clear("Dr. Stefan Richter (Jugendamt)", prose=False) == "[Person 1] (Jugendamt)"


@pytest.mark.parametrize(
    "text",
    [
        "Jede Frau kann kommen.",
        "Eine Frau Anfang 40 fragte nach dem Kurs.",
        "Frau Bürgermeisterin kommt zur Eröffnung.",
        "Die Beratung hilft bei der Wohnungssuche.",
        "Anruf am 02.03. wegen der Sprechstunde.",
    ],
)
def test_ordinary_phrases_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Naja, das war schon schwierig.",  # the interjection that opens many spoken turns
        "Naja. Die Mieten steigen.",
        "B: Naja (.) eigentlich schon.",
    ],
)
def test_spoken_interjections_that_are_also_first_names_stay(text: str) -> None:
    assert _clear(text) == text


def test_a_rare_first_name_that_is_an_interjection_is_a_name_with_its_surname() -> None:
    assert _clear("Das hat Naja Petersen gesagt.") == "Das hat [Person 1] gesagt."


def test_an_abstract_noun_after_a_first_name_is_no_surname() -> None:
    assert _clear("Jugendliche wie Kevin Entwicklung") == "Jugendliche wie [Person 1] Entwicklung"
    assert _clear("Anruf 02.03. 0214 123456") == "Anruf 02.03. [Telefon]"  # no year: a phone


# -- columns of other people ----------------------------------------------------------------
def test_interviewers_and_the_kobo_account_are_other_people() -> None:
    for header in ("Name des Interviewers", "Interviewer", "Interviewerin", "Interviewer*in"):
        assert person_role(header) == OTHER, header
    assert person_role("_submitted_by") == OTHER  # KoBo: the enumerator's account
    assert person_role("Submitted by") == AUTHOR  # a platform: the contribution's author
    for header in ("_id", "_uuid", "_submission_time", "_validation_status", "Interviewer-ID"):
        assert person_role(header) is None, header


def test_a_staff_column_with_a_name_is_not_stored_but_its_text_is() -> None:
    assert names_staff("Moderation", "Dr. Stefan Richter (Jugendamt)")
    assert names_staff("Gesprächsführung", "Kaya und Roth")
    assert not names_staff("Moderation", "Vielen Dank, wir prüfen den Vorschlag gern.")
    assert not names_staff("Moderationsstatus", "In Prüfung")
    attributes = {
        "Moderation": "Gundula Pfefferkorn",
        "Protokollant": "Ole Hinrichsen",
        "Leitung": "Dr. Stefan Richter (Jugendamt)",
        "Moderationsstatus": "In Prüfung",
        "Erstellt am": "02.03.2021 18:22",
    }
    kept = safe_attributes(Pseudonymiser(), attributes, [])
    assert kept == {"Moderationsstatus": "In Prüfung", "Erstellt am": "02.03.2021 18:22"}


def test_a_kobo_export_keeps_its_dates_and_stores_no_staff(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kobo.csv"
    pd.DataFrame(
        {
            "_id": ["101", "102", "103"],
            "Was fehlt im Viertel?": [
                "Ein Treffpunkt für Jugendliche, sagt auch Herr Jung.",
                "Mehr Bänke, Ältere, Frau Iwanowa von nebenan fragt oft danach.",
                "Eine bessere Beleuchtung am Bahnhof.",
            ],
            "Name des Interviewers": ["Quirin Hollerbusch", "Quirin Hollerbusch", ""],
            "Moderation": ["Gundula Pfefferkorn", "", "Gundula Pfefferkorn"],
            "start": ["02.03.2021 18:22", "05.03.2021 09:41", "0000-00-00 00:00:00"],
            "_submitted_by": ["hollerbusch_q", "hollerbusch_q", "hollerbusch_q"],
        }
    ).to_csv(path, index=False)
    base = ["--project", str(project.path), "import", str(path), "--id-column", "_id"]
    assert main([*base, "--text-column", "Was fehlt im Viertel?"]) == 0
    out = capsys.readouterr().out
    assert "Name des Interviewers" in out and "weitere Personen" in out
    stored = stored_text(project)
    for secret in ("Hollerbusch", "hollerbusch_q", "Pfefferkorn", "Jung.", "Iwanowa"):
        assert secret not in stored, secret
    segments = project.segments().set_index("source_id")
    assert [segments.loc[i, "attributes"]["start"] for i in ("101", "102", "103")] == [
        "02.03.2021 18:22",
        "05.03.2021 09:41",
        "0000-00-00 00:00:00",
    ]
    assert all("speaker" not in a for a in segments["attributes"])  # nobody is the author


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("Später sagte sie, es fehle ein Raum.", "Später sagte sie, es fehle ein Raum."),
        ("Abschließend meinte er, gut so.", "Abschließend meinte er, gut so."),
        (
            "Ergänzend sagte Frau Koch, es fehlt Licht.",
            "Ergänzend sagte [Person 1], es fehlt Licht.",
        ),
        ("Jemand fragte, wann der Bus fährt.", "Jemand fragte, wann der Bus fährt."),
        ("Niemand sagte etwas dazu.", "Niemand sagte etwas dazu."),
        ("Kwabena sagte, es fehlt Licht.", "[Person 1] sagte, es fehlt Licht."),
    ],
)
def test_a_word_before_a_speech_verb_is_no_speaker_when_the_subject_follows(
    text: str, stored: str
) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == stored
