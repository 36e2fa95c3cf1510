"""Exports of survey and form tools a city's social planning imports, as the tools write them.

Google Forms, Microsoft Forms, SurveyMonkey (two header rows), Qualtrics (three), SoSci
Survey (a label row), LimeSurvey (codes or texts), KoBoToolbox and ODK (group paths,
geopoints, form metadata), Nextcloud Forms (accounts) and Mentimeter (questions one below
the other): every open answer a statement with its question, no header row an answer, the
district from the district question, no name, account, address, device or exact place
stored in clear.
"""

from __future__ import annotations

import csv
import doctest
import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import personal_columns, table_blocks, table_headers

NEED = "Was fehlt Ihnen in Ihrem Stadtteil?"
GOOD = "Was gefällt Ihnen?"
NEEDS = [
    "Ein Treffpunkt für Jugendliche am Abend, sagt auch Frau Brandt.",
    "Mehr Bänke im Park",
    "Bessere Busverbindungen nach Köln",
]
GOODS = ["Der Markt", "Die Bibliothek", "Nachbarschaft mit Herrn Kowalski"]


def _csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _statements(project: Project) -> list[tuple[str, str | None, str]]:
    """(text, question, district) of every statement."""
    segments = project.segments()
    return list(zip(segments["text"], segments["question"], segments["district"], strict=True))


def test_the_examples_in_the_docstrings_hold() -> None:
    for module in (table_headers, table_blocks, personal_columns):
        assert doctest.testmod(module).failed == 0


# -- Google Forms: one open question ----------------------------------------------------


def test_a_forms_export_with_one_open_question_keeps_the_question(
    project: Project, tmp_path: Path
) -> None:
    """Before: with one --text-column the header was dropped; each answer had no question."""
    path = _csv(
        tmp_path / "google.csv",
        [
            ["Zeitstempel", "E-Mail-Adresse", "In welchem Stadtteil wohnen Sie?", NEED, GOOD],
            ["2021/03/12 10:02:11 vorm. MEZ", "a.b@example.org", "Manfort", NEEDS[0], GOODS[0]],
            ["2021/03/12 11:14:51 vorm. MEZ", "c.d@example.org", "Opladen", NEEDS[1], GOODS[1]],
        ],
    )
    assert _import(project, path, "--text-column", NEED) == 0
    assert [(q, d) for _, q, d in _statements(project)] == [(NEED, "Manfort"), (NEED, "Opladen")]
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["Zeitstempel"] == "2021/03/12 10:02:11 vorm. MEZ"  # kept
    assert "example.org" not in stored_text(project)


def test_a_checkbox_question_is_not_read_as_an_open_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Google Forms joins a checkbox question's options with ", ": not an open question."""
    path = _csv(
        tmp_path / "google.csv",
        [
            ["Zeitstempel", "Welche Angebote nutzen Sie?", NEED],
            ["2021/03/12 10:02:11", "Bibliothek, Jugendzentrum", NEEDS[0]],
            ["2021/03/12 11:02:11", "Sportverein", NEEDS[1]],
            ["2021/03/12 12:02:11", "Bibliothek, Sportverein, Seniorentreff", NEEDS[2]],
        ],
    )
    assert _import(project, path) == 0
    assert f"offene Fragen '{NEED}' gelesen" in capsys.readouterr().out
    assert [q for _, q, _ in _statements(project)] == [NEED] * len(NEEDS)
    options = project.segments()["attributes"].iloc[2]["Welche Angebote nutzen Sie?"]
    assert options == "Bibliothek, Sportverein, Seniorentreff"  # an attribute


def test_a_microsoft_forms_checkbox_question_is_not_read_as_an_open_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Microsoft Forms joins the options with ";" and ends with one: an attribute too."""
    book = openpyxl.Workbook()
    for row in (
        ["ID", "Start time", "Welche Angebote nutzen Sie?", NEED],
        [1, "3/12/21 10:02:11", "Bibliothek;Jugendzentrum;", NEEDS[0]],
        [2, "3/12/21 11:02:11", "Sportverein;", NEEDS[1]],
        [3, "3/12/21 12:02:11", "Bibliothek;Sportverein;Seniorentreff;", NEEDS[2]],
    ):
        book.active.append(row)
    path = tmp_path / "forms.xlsx"
    book.save(path)
    assert _import(project, path) == 0
    assert f"offene Fragen '{NEED}' gelesen" in capsys.readouterr().out
    assert [q for _, q, _ in _statements(project)] == [NEED] * len(NEEDS)
    options = project.segments()["attributes"].iloc[2]["Welche Angebote nutzen Sie?"]
    assert options == "Bibliothek;Sportverein;Seniorentreff;"


# -- SurveyMonkey: a second header row ---------------------------------------------------


def _surveymonkey(path: Path) -> Path:
    blank = [""] * 8
    return _csv(
        path,
        [
            [
                "Respondent ID",
                "Collector ID",
                "Start Date",
                "End Date",
                "IP Address",
                "Email Address",
                "First Name",
                "Last Name",
                "In welchem Stadtteil wohnen Sie?",
                NEED,
                "Welche Angebote nutzen Sie?",
                "",
                "",
                GOOD,
            ],
            [
                *blank,
                "Response",
                "Open-Ended Response",
                "Bibliothek",
                "Jugendzentrum",
                "Other (please specify)",
                "Open-Ended Response",
            ],
            [
                "11873289301",
                "405812345",
                "03/12/2021 10:02:11 AM",
                "03/12/2021 10:05:30 AM",
                "93.184.216.34",
                "anna.brandt@example.org",
                "Anna",
                "Brandt",
                "Manfort",
                NEEDS[0],
                "Bibliothek",
                "Jugendzentrum",
                "",
                GOODS[0],
            ],
            [
                "11873289302",
                "405812345",
                "03/12/2021 11:02:11 AM",
                "03/12/2021 11:05:30 AM",
                "93.184.216.35",
                "",
                "",
                "",
                "Opladen",
                NEEDS[1],
                "",
                "",
                "Seniorentreff",
                GOODS[1],
            ],
        ],
    )


def test_surveymonkeys_second_header_row_is_no_answer_and_names_the_options(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "Open-Ended Response" was a statement, "Response" an unknown district (none
    detected), and the options' columns without header were lost."""
    path = _surveymonkey(tmp_path / "surveymonkey.csv")
    assert _import(project, path, "--text-column", NEED, "--text-column", GOOD) == 0
    out = capsys.readouterr().out
    assert "Zweite Kopfzeile (Antwortoptionen, SurveyMonkey) nicht als Antwort gelesen" in out
    assert [(q, d) for _, q, d in _statements(project)] == [
        (NEED, "Manfort"),
        (NEED, "Opladen"),
        (GOOD, "Manfort"),
        (GOOD, "Opladen"),
    ]
    first, second = project.segments()["attributes"].iloc[:2]
    assert first["Welche Angebote nutzen Sie? [Jugendzentrum]"] == "Jugendzentrum"
    assert second["Welche Angebote nutzen Sie? [Other (please specify)]"] == "Seniorentreff"
    assert first["Start Date"] == "03/12/2021 10:02:11 AM"
    stored = stored_text(project)
    for secret in ("Brandt", "Anna", "example.org", "93.184", "Open-Ended Response"):
        assert secret not in stored, secret


# -- Qualtrics: question texts and import IDs below the header ------------------------


def _qualtrics(path: Path) -> Path:
    variables = ["StartDate", "IPAddress", "ResponseId", "RecipientLastName"]
    variables += ["RecipientFirstName", "RecipientEmail", "LocationLatitude"]
    variables += ["LocationLongitude", "Q1", "Q2", "Q3", "Q3_4_TEXT"]
    texts = ["Start Date", "IP Address", "Response ID", "Recipient Last Name"]
    texts += ["Recipient First Name", "Recipient Email", "Location Latitude"]
    texts += ["Location Longitude", NEED, GOOD, "In welchem Stadtteil wohnen Sie?"]
    texts += ["In welchem Stadtteil wohnen Sie? - Anderer Stadtteil - Text"]
    ids = ["startDate", "ipAddress", "_recordId", "recipientLastName", "recipientFirstName"]
    ids += ["recipientEmail", "locationLatitude", "locationLongitude", "QID1_TEXT"]
    ids += ["QID2_TEXT", "QID3", "QID3_4_TEXT"]
    return _csv(
        path,
        [
            variables,
            texts,
            [json.dumps({"ImportId": i}) for i in ids],
            [
                "2021-03-12 10:02:11",
                "93.184.216.34",
                "R_1dNq9wXYZabc",
                "Brandt",
                "Anna",
                "anna.brandt@example.org",
                "51.0303",
                "6.9843",
                NEEDS[0],
                GOODS[0],
                "Manfort",
                "",
            ],
            [
                "2021-03-12 11:02:11",
                "93.184.216.35",
                "R_2abcDEF",
                "Yilmaz",
                "Pinar",
                "p.yilmaz@example.de",
                "51.0712",
                "7.0051",
                NEEDS[1],
                GOODS[1],
                "Anderer Stadtteil",
                "Leverkusen-Opladen",
            ],
        ],
    )


def test_qualtrics_header_rows_are_no_answers_and_the_question_texts_are_the_questions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the question texts and {"ImportId": …} were statements, the questions "Q1"
    and "Q2", and the district question (its header "Q3") was not found."""
    path = _qualtrics(tmp_path / "qualtrics.csv")
    assert _import(project, path, "--text-column", "Q1", "--text-column", GOOD) == 0
    out = capsys.readouterr().out
    assert "Zeilen 2 und 3 (Fragetexte und Import-IDs, Qualtrics)" in out
    assert "Spalte 'Q3' als Sozialraum erkannt." in out
    assert _statements(project) == [
        (NEEDS[0].replace("Frau Brandt", "[Person 1]"), NEED, "Manfort"),
        (NEEDS[1], NEED, "Opladen"),  # "Anderer Stadtteil", its text names Opladen
        (GOODS[0], GOOD, "Manfort"),
        (GOODS[1], GOOD, "Opladen"),
    ]
    assert project.segments()["attributes"].iloc[0]["StartDate"] == "2021-03-12 10:02:11"


def test_qualtrics_recipients_and_locations_are_never_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "RecipientLastName" (one word in camel case) and the coordinates were
    attributes in clear."""
    assert _import(project, _qualtrics(tmp_path / "qualtrics.csv"), "--text-column", "Q1") == 0
    out = capsys.readouterr().out
    assert "LocationLatitude, LocationLongitude: genaue Standorte (Koordinaten)" in out
    stored = stored_text(project)
    for secret in ("Yilmaz", "Pinar", "Anna", "51.0303", "6.9843", "7.0051", "example"):
        assert secret not in stored, secret
    assert "Brandt" not in stored


# -- SoSci Survey: the district question by its label -------------------------------


def test_sosci_surveys_district_question_is_found_by_its_label(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "SD01" (label "Stadtteil") was no district column; the questions kept
    SoSci's item number ("Was fehlt?: [01]"); without --text-column none was suggested,
    later they were only suggested (exit code 2)."""
    path = _csv(
        tmp_path / "sosci.csv",
        [
            ["CASE", "SERIAL", "QUESTNNR", "MODE", "STARTED", "SD01", "OF01_01", "OF02_01"],
            [
                "Interview-Nummer (fortlaufend)",
                "Seriennummer",
                "Fragebogen",
                "Modus",
                "Zeitpunkt",
                "Stadtteil",
                "Was fehlt Ihnen?: [01]",
                "Was gefällt Ihnen?: [01]",
            ],
            ["31", "", "base", "interview", "2021-03-12 10:02", "Manfort", NEEDS[1], GOODS[0]],
            ["32", "", "base", "interview", "2021-03-12 11:02", "Opladen", NEEDS[2], GOODS[1]],
        ],
        delimiter="\t",
    )
    assert _import(project, path) == 0  # both open questions, by their labels
    assert "offene Fragen 'OF01_01', 'OF02_01' gelesen" in capsys.readouterr().out
    assert _statements(project) == [
        (NEEDS[1], "Was fehlt Ihnen?", "Manfort"),
        (NEEDS[2], "Was fehlt Ihnen?", "Opladen"),
        (GOODS[0], "Was gefällt Ihnen?", "Manfort"),
        (GOODS[1], "Was gefällt Ihnen?", "Opladen"),
    ]


# -- LimeSurvey: answer codes instead of districts ----------------------------------


def test_a_limesurvey_export_with_answer_codes_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the notice offered "--add-districts" for the codes "A1", "A3" and named the
    free-text column "STADTTEIL[other]" as a district column of its own."""
    path = _csv(
        tmp_path / "limesurvey.csv",
        [
            ["id", "submitdate", "ipaddr", "STADTTEIL", "STADTTEIL[other]", "FEHLT"],
            ["1", "2021-03-12 10:05:30", "93.184.216.34", "A1", "", NEEDS[1]],
            ["2", "2021-03-12 11:05:30", "93.184.216.35", "-oth-", "Leverkusen-Opladen", NEEDS[2]],
            ["3", "2021-03-13 15:03:30", "93.184.216.36", "A3", "", NEEDS[0]],
        ],
        delimiter=";",
    )
    assert _import(project, path, "--text-column", "FEHLT") == 0
    out = capsys.readouterr().out
    assert "Spalte 'STADTTEIL' nennt Antwortcodes statt Stadtteilen" in out
    assert "„Vollständige Antworten“" in out
    assert "STADTTEIL[other]" not in out
    assert "93.184" not in stored_text(project)


def test_limesurveys_headings_with_code_and_text_ask_their_questions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LimeSurvey's headings "code. text": before, the place question was read as an open
    one (its "In welchem …" hidden behind the code) and the questions kept their codes."""
    place = "G01Q01. In welchem Stadtteil wohnen Sie?"
    path = _csv(
        tmp_path / "results-survey412.csv",
        [
            ["id. Antwort ID", "submitdate. Datum Abgeschickt", place, f"G01Q02. {NEED}"],
            *[
                [str(n), "2021-03-12 10:05:30", where, NEEDS[n]]
                for n, where in enumerate(["Manfort", "Opladen", "Burscheid"])
            ],
        ],
    )
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Spaltenköpfe 'Fragecode. Fragetext' (LimeSurvey)" in out
    statements = _statements(project)
    assert [q for _, q, _ in statements] == [NEED] * 3
    assert "Burscheid" not in [t for t, _, _ in statements]
    assert project.segments()["attributes"].iloc[2][place] == "Burscheid"


# -- KoBoToolbox and ODK: form metadata and geopoints -------------------------------


def test_kobo_geopoints_devices_and_the_enumerators_account_are_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the geopoint, its latitude and longitude and the device's ID were attributes
    in clear, and the enumerator's "username" was the speaker of every interview."""
    header = ["start", "deviceid", "username", "group_wohnen/stadtteil", "group_wohnen/fehlt"]
    header += ["standort", "_standort_latitude", "_standort_longitude", "_id", "_uuid"]
    header += ["_submission_time", "_submitted_by", "_index"]
    rows = [
        [
            "2021-03-12T10:02:11.123+01:00",
            "collect:AbCdEf123456",
            "hollerbusch_q",
            "Manfort",
            NEEDS[1],
            "51.0303 6.9843 52.1 4.5",
            "51.0303",
            "6.9843",
            "101",
            "3f1c2a9e-1111-4a8b-9c0d-123456789abc",
            "2021-03-12T09:05:31",
            "hollerbusch_q",
            "1",
        ],
        [
            "2021-03-12T11:02:11.123+01:00",
            "collect:AbCdEf123456",
            "hollerbusch_q",
            "Opladen",
            NEEDS[2],
            "51.0712 7.0051 50 3.9",
            "51.0712",
            "7.0051",
            "102",
            "3f1c2a9e-2222-4a8b-9c0d-123456789abc",
            "2021-03-12T10:05:31",
            "hollerbusch_q",
            "2",
        ],
    ]
    path = _csv(tmp_path / "kobo.csv", [header, *rows], delimiter=";")
    assert _import(project, path, "--text-column", "group_wohnen/fehlt") == 0
    out = capsys.readouterr().out
    assert "standort, _standort_latitude, _standort_longitude: genaue Standorte" in out
    assert "deviceid: Kontaktdaten, nicht übernommen" in out
    assert "username, _submitted_by: weitere Personen" in out
    assert [d for _, _, d in _statements(project)] == ["Manfort", "Opladen"]
    segments = project.segments()
    assert all("speaker" not in a for a in segments["attributes"])  # nobody's interview
    assert segments["attributes"].iloc[0]["start"] == "2021-03-12T10:02:11.123+01:00"
    stored = stored_text(project)
    for secret in ("51.03", "6.984", "7.005", "AbCdEf", "hollerbusch"):
        assert secret not in stored, secret


def test_odk_centrals_split_geopoint_is_not_stored(project: Project, tmp_path: Path) -> None:
    """Before: "standort-Latitude" and "standort-Longitude" were attributes in clear."""
    path = _csv(
        tmp_path / "odk.csv",
        [
            [
                "SubmissionDate",
                "grp-fehlt",
                "standort-Latitude",
                "standort-Longitude",
                "standort-Accuracy",
                "meta-instanceID",
                "DeviceID",
            ],
            [
                "2021-03-12T09:05:31.000Z",
                NEEDS[1],
                "51.0303",
                "6.9843",
                "4.5",
                "uuid:3f1c2a9e-1111",
                "collect:AbCdEf123456",
            ],
        ],
    )
    assert _import(project, path, "--text-column", "grp-fehlt") == 0
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["SubmissionDate"] == "2021-03-12T09:05:31.000Z"
    assert not {"standort-Latitude", "standort-Longitude", "DeviceID"} & set(attributes)


# -- Nextcloud Forms: accounts -----------------------------------------------------


@pytest.mark.parametrize(
    ("account", "display", "anonymous"),
    [
        ("Benutzer-ID", "Anzeigename", "Anonymer Benutzer"),
        ("User ID", "User display name", "Anonymous user"),
    ],
)
def test_nextcloud_accounts_are_not_stored_and_anonymous_users_are_nobody(
    project: Project, tmp_path: Path, account: str, display: str, anonymous: str
) -> None:
    """Before: the login names ("anna.brandt") were attributes in clear, and every
    anonymous answer was one and the same pseudonymous person."""
    path = _csv(
        tmp_path / "nextcloud.csv",
        [
            [account, display, "Zeitstempel", NEED],
            ["anna.brandt", "Anna Brandt", "2021-03-12T10:05:30+01:00", NEEDS[1]],
            ["anon-user-5f3b2a", anonymous, "2021-03-12T11:05:30+01:00", NEEDS[2]],
            ["anon-user-77ac01", anonymous, "2021-03-12T12:05:30+01:00", NEEDS[0]],
        ],
    )
    assert _import(project, path, "--text-column", NEED) == 0
    attributes = project.segments()["attributes"].tolist()
    assert ["speaker" in a for a in attributes] == [True, False, False]
    assert attributes[1]["Zeitstempel"] == "2021-03-12T11:05:30+01:00"
    stored = stored_text(project)
    assert "anna.brandt" not in stored and "anon-user" not in stored


# -- Mentimeter: questions one below the other -----------------------------------------


def test_mentimeters_question_blocks_are_answers_with_their_questions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the title row was taken for the header ("Keine Textspalte …: Bürgerforum
    Wiesdorf 2021"), nothing could be imported."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Bürgerforum Wiesdorf 2021"],
        [],
        ["Was fehlt in Wiesdorf?"],
        ["Open Ended"],
        ["Ein Jugendcafé"],
        ["Mehr Bänke am Rhein, sagt Frau Kaya"],
        [],
        ["Wie zufrieden sind Sie?"],
        ["Multiple Choice", "Sehr", "Mittel", "Gar nicht"],
        ["", 4, 7, 2],
        [],
        ["Was ist gut?"],
        ["Open Ended"],
        ["Der Markt"],
    ):
        sheet.append(row)
    path = tmp_path / "mentimeter.xlsx"
    book.save(path)
    assert _import(project, path, "--district", "Wiesdorf") == 0
    out = capsys.readouterr().out
    assert "Fragen untereinander (Mentimeter)" in out
    assert _statements(project) == [
        ("Ein Jugendcafé", "Was fehlt in Wiesdorf?", "Wiesdorf"),
        ("Mehr Bänke am Rhein, sagt [Person 1]", "Was fehlt in Wiesdorf?", "Wiesdorf"),
        ("Der Markt", "Was ist gut?", "Wiesdorf"),
    ]
    assert project.segments()["source_id"].tolist() == ["5", "6", "14"]  # rows of the sheet
