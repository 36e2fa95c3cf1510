"""A survey's question for contact data is no question of the study: its answers are
contact data, dropped like an ``E-Mail`` column, and the import names the column only.

A question that merely mentions contact ("Wo fehlt Ihnen Kontakt zu Nachbarn?", "Welche
Kontaktstellen kennen Sie?") is a real question: its answers stay statements.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

NEED = "Was fehlt Ihnen im Stadtteil?"
NEIGHBOURS = "Wo fehlt Ihnen Kontakt zu Nachbarn?"
PLACES = "Welche Kontaktstellen kennen Sie?"
NEEDS = [
    "Ein Treffpunkt für Jugendliche am Abend fehlt.",
    "Mehr Bänke am Marktplatz wären schön.",
    "Die Bushaltestelle braucht ein Dach.",
]
MENTIONS = [
    "Im Hochhaus kennt man sich kaum noch.",
    "Das Bürgerbüro und die Caritas kenne ich.",
    "In der Siedlung gibt es keine Feste mehr.",
]
CONTACTS = ["erika.muster@example.org", "0171 2345678", "Hans Peter Krause, Hauptstr. 5"]
CLEAR = ["erika.muster", "2345678", "Krause", "Hauptstr"]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def _stays_a_question(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    asked: str,
    answers: list[str],
    contact: list[str],
) -> str:
    """Import ``asked`` (its ``answers``) beside the ``contact`` questions (each answered
    with :data:`CONTACTS`): ``asked`` stays a question, no contact data is stored. Returns
    what the import said."""
    header = ["Zeitstempel", NEED, asked, *contact]
    rows = [["2026/11/02", NEEDS[i], answers[i], *[CONTACTS[i]] * len(contact)] for i in range(3)]
    path = _write(tmp_path / "umfrage.csv", header, rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    segments = project.segments()
    assert set(segments["question"]) == {NEED, asked}
    assert sorted(segments["text"]) == sorted(NEEDS + answers)
    assert not [c for c in CLEAR if c in stored_text(project)]
    return out


@pytest.mark.parametrize(
    "asked",
    [
        "Wie können wir Sie erreichen?",  # Google Forms
        "Ihre E-Mail-Adresse / Telefonnummer für Rückfragen",  # Microsoft Forms
        "Kontaktdaten (freiwillig)",  # LimeSurvey
        "How can we contact you?",
        "Unter welcher Adresse können wir Ihnen die Ergebnisse schicken?",
        "Welche E-Mail-Adresse dürfen wir nutzen?",
        "Kontakt (freiwillig): E-Mail oder Telefon",
        "IBAN für die Aufwandsentschädigung",
    ],
)
def test_a_contact_question_is_no_statement_and_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Before: the answers to "Wie können wir Sie erreichen?" became statements (with
    "[E-Mail]", "[Person 1], [Adresse]" as text), those to "Kontaktdaten (freiwillig)"
    an attribute beside every answer, a name in it in clear; so, until session 35, those
    to "which address/e-mail may we use", "Kontakt: E-Mail oder Telefon" and an IBAN."""
    rows = [
        ["2026/11/02 10:01:02", "Manfort", NEEDS[i], MENTIONS[i], CONTACTS[i]] for i in range(3)
    ]
    header = ["Zeitstempel", "In welchem Stadtteil wohnen Sie?", NEED, NEIGHBOURS, asked]
    path = _write(tmp_path / "umfrage.csv", header, rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in out
    assert not [c for c in CONTACTS if c in out]
    segments = project.segments()
    assert sorted(segments["text"]) == sorted(NEEDS + MENTIONS)
    assert set(segments["question"]) == {NEED, NEIGHBOURS}
    assert all(set(a) == {"Zeitstempel"} for a in segments["attributes"])
    stored = stored_text(project)
    assert not [c for c in CLEAR if c in stored]


def test_questions_that_mention_contact_stay_questions(project: Project, tmp_path: Path) -> None:
    """A question about contacts in the neighbourhood or about contact points is asked of
    the study: its answers are statements, beside a contact question that is not."""
    header = ["Zeitstempel", NEED, NEIGHBOURS, PLACES, "Wie sind Sie erreichbar?"]
    rows = [["2026/11/02", NEEDS[i], MENTIONS[i], MENTIONS[2 - i], CONTACTS[i]] for i in range(3)]
    path = _write(tmp_path / "umfrage.csv", header, rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert set(segments["question"]) == {NEED, NEIGHBOURS, PLACES}
    assert len(segments) == 9


def test_a_column_labelled_as_a_contact_question_is_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SoSci Survey names its columns by variables ("KD01_01") and writes the question as
    their label below: before, the answers to "Kontaktdaten (freiwillig)" and
    "Persönlicher Code" stayed attributes of every answer (a name in them in clear)."""
    header = ["CASE", "SERIAL", "QUESTNNR", "MODE", "STARTED", "OF01_01", "TC01_01", "KD01_01"]
    labels = ["Interview-Nummer (fortlaufend)", "Seriennummer (sofern verwendet)"]
    labels += ["Fragebogen, der verwendet wurde", "Interview-Modus", "Zeitpunkt des Beginns"]
    labels += [f"{NEED}: [01]", "Persönlicher Code: [01]", "Kontaktdaten (freiwillig): [01]"]
    codes = ["MUEL1203", "SCHM0511", "BECK2808"]
    rows = [header, labels]
    rows += [
        [str(31 + i), "", "base", "interview", "2026-11-02", NEEDS[i], codes[i], CONTACTS[i]]
        for i in range(3)
    ]
    path = tmp_path / "sosci.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter="\t").writerows(rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "Spalte(n) TC01_01 (Persönlicher Code), KD01_01 (Kontaktdaten (freiwillig)): nach "
        "ihrer Beschriftung Kontaktdaten oder Codes, die zu einer Person führen" in out
    )
    segments = project.segments()
    assert sorted(segments["text"]) == sorted(NEEDS)
    assert all({"TC01_01", "KD01_01"}.isdisjoint(a) for a in segments["attributes"])
    stored = stored_text(project)
    assert not [c for c in [*CLEAR, *codes, "[E-Mail]", "[Telefon]"] if c in stored]


@pytest.mark.parametrize(
    "asked",
    [
        "Welche Orte im Stadtteil sind für Sie schwer erreichbar?",
        "Was können wir tun, damit der Treffpunkt für Sie erreichbar ist?",
        "Wo finden Sie Kontaktdaten zu Angeboten im Viertel?",
        "Sind Ihnen die Kontaktdaten des Quartiersbüros bekannt?",
    ],
)
def test_a_question_about_reaching_places_or_their_contact_data_stays_a_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Before: "für Sie erreichbar" (a place reachable for the respondent) and the contact
    data of an office were read as a request for the respondent's contact data: the
    column was dropped with all its answers ("Kontaktdaten, nicht übernommen")."""
    contact = ["Wie sind Sie erreichbar?"]
    out = _stays_a_question(project, tmp_path, capsys, asked, MENTIONS, contact)
    assert "Spalte(n) Wie sind Sie erreichbar?: Kontaktdaten, nicht übernommen." in out


@pytest.mark.parametrize(
    ("asked", "answers"),
    [
        (
            "Über welche Kanäle können wir Sie erreichen?",
            ["Newsletter, Instagram", "Aushang im Supermarkt", "Gemeindebrief und Zeitung"],
        ),
        ("Ihre Adresse im Viertel: was fehlt?", MENTIONS),
    ],
)
def test_a_question_about_channels_or_a_topic_of_ones_own_stays_a_question(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    asked: str,
    answers: list[str],
) -> None:
    """Before: the question which channels reach the respondents, and a question about
    one's own street or address ("Ihre Adresse im Viertel: was fehlt?") were taken for a
    request for contact data: dropped with all their answers. Beside them, the contact
    questions "Wie können wir Sie erreichen?" and "Ihre E-Mail-Adresse" still are."""
    contact = ["Wie können wir Sie erreichen?", "Ihre E-Mail-Adresse"]
    out = _stays_a_question(project, tmp_path, capsys, asked, answers, contact)
    assert (
        "Spalte(n) Wie können wir Sie erreichen?, Ihre E-Mail-Adresse: Kontaktdaten, "
        "nicht übernommen." in out
    )


PLACES_NAMED = ["Im alten Kiosk am Rathausplatz", "Neben der Grundschule", "Am Marktplatz"]


@pytest.mark.parametrize(
    "asked",
    [
        "Welche Adresse sollten wir für den neuen Jugendtreff wählen?",
        "An welcher Adresse sollten wir den Nachbarschaftstreff eröffnen?",
        "What address should we choose for the new youth centre?",
        "Welche Telefonnummer sollten wir auf die Plakate drucken?",
    ],
)
def test_a_question_which_address_we_should_choose_stays_a_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Session 35 took "which address/phone … we" for a request for the respondent's: the
    question where a new meeting place should be was dropped with all its answers. Beside
    it, "Welche E-Mail-Adresse dürfen wir nutzen?" still is contact data."""
    contact = ["Welche E-Mail-Adresse dürfen wir nutzen?"]
    out = _stays_a_question(project, tmp_path, capsys, asked, PLACES_NAMED, contact)
    assert "Spalte(n) Welche E-Mail-Adresse dürfen wir nutzen?: Kontaktdaten" in out


EXPERIENCES = [
    "Am Telefon erreicht man dort nie jemanden.",
    "Auf meine E-Mail kam nach drei Wochen eine Antwort.",
    "Die Sprechstunde vor Ort ist freundlich.",
]


@pytest.mark.parametrize(
    "asked",
    [
        "Kontakt zum Stadtteilbüro per Telefon oder E-Mail – bitte schildern Sie ihn.",
        "Kontakt zu Behörden per Telefon: Bitte beschreiben Sie Ihre Erfahrungen.",
        "Kontakt per Telefon oder E-Mail: Bitte beschreiben Sie, was gut klappt.",
    ],
)
def test_a_topic_of_contact_by_phone_or_mail_stays_a_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Session 35 took every header beginning with "Kontakt" that names a contact field and
    ends without "?" for contact data: a question about contact with offices by phone or
    e-mail was dropped with all its answers. "Kontakt (freiwillig): E-Mail oder Telefon"
    beside it, which lists only the fields, still is contact data."""
    contact = ["Kontakt (freiwillig): E-Mail oder Telefon"]
    out = _stays_a_question(project, tmp_path, capsys, asked, EXPERIENCES, contact)
    assert "Spalte(n) Kontakt (freiwillig): E-Mail oder Telefon: Kontaktdaten" in out


@pytest.mark.parametrize(
    "asked",
    [
        "Ihre Telefonnummer: Dürfen wir Sie anrufen?",
        "Ihre Anschrift: Wohin sollen wir den Gutschein schicken?",
        "Your email address - would you like to receive updates?",
    ],
)
def test_a_contact_field_as_topic_of_a_question_is_contact_data(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str
) -> None:
    """Session 35 read "topic: question?" as a question of the study when the question
    named no contact field: a request for one's phone number or address followed by what
    it is for was kept with the contact data its answers hold."""
    header = ["Zeitstempel", NEED, asked]
    rows = [["2026/11/02", NEEDS[i], CONTACTS[i]] for i in range(3)]
    path = _write(tmp_path / "umfrage.csv", header, rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Spalte(n) {asked}: Kontaktdaten, nicht übernommen." in out
    segments = project.segments()
    assert sorted(segments["text"]) == sorted(NEEDS)
    assert all(set(a) == {"Zeitstempel"} for a in segments["attributes"])
    assert not [c for c in CLEAR if c in stored_text(project)]
