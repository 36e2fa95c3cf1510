"""Person columns of platform exports: authors in any phrasing, other people never stored,
free-text feedback pseudonymised, a user name not joined to the real name, organisations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.personal_columns import (
    AUTHOR,
    NICKNAME,
    OTHER,
    author,
    given_value,
    is_organisation,
    is_prose,
    is_prose_column,
    organisation_words,
    person_role,
)
from workbench.ingest.pseudonymise import Pseudonymiser


def test_author_and_staff_headers_are_recognised_by_their_words() -> None:
    authors = [
        "Name des Autors", "Name der Verfasserin", "Autor Name", "Author name", "author_name",
        "Ihr Name", "Dein Name", "Wie ist Ihr Name?", "Posted by", "Eingereicht von",
        "Autor*in", "AutorInnen", "Verfasser:innen", "Beitragsautorin", "Vor- und Nachname",
    ]  # fmt: skip
    nicknames = ["Author username", "Benutzername des Autors", "author/nickname", "User name"]
    others = [
        "Zugewiesen an", "Assignee", "Moderator*in", "Administrator*in", "Bewerter*in",
        "Reviewer", "Reply author", "Antwort von", "Kommentiert von", "Bearbeitet von",
        "Sachbearbeiterin", "Name der Moderatorin", "Autor der Antwort", "Assigned to",
    ]  # fmt: skip
    nobody = [
        "Projektname", "Straßenname", "Stadtteilname", "Dateiname", "Kategoriename",
        "Ortsname", "Event name", "Kategorie", "Titel", "Name des Projekts", "Autor-ID",
        "author/id", "user_group/name", "Anzahl Teilnehmende", "Bewertungsgruppe",
        "Für Bewerter*innen sichtbar", "Moderationsstatus", "E-Mail des Autors", "Erstellt am",
    ]  # fmt: skip
    for headers, role in ((authors, AUTHOR), (nicknames, NICKNAME), (others, OTHER)):
        assert {h: person_role(h) for h in headers} == dict.fromkeys(headers, role)
    assert {h: person_role(h) for h in nobody} == dict.fromkeys(nobody)


def test_other_people_of_an_export_are_not_stored_and_the_notice_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ideen.csv"
    pd.DataFrame(
        {
            "Nr": ["1", "2"],
            "Beitrag": [
                "Der Bolzplatz braucht neue Tore, Zwiebelhuber weiß Bescheid.",
                "Mehr Bänke am Marktplatz.",
            ],
            "Name des Autors": ["Gerlinde Apfelbaum", ""],
            "Benutzername des Autors": ["gerli_a", "kalle.birnstiel77"],
            "Zugewiesen an": ["Sabine Zwiebelhuber (Grünflächenamt)", ""],
            "Moderator*in": ["Dr. Wendelin Rübsam", "Dr. Wendelin Rübsam"],
            "Projektname": ["Spielräume Manfort", "Spielräume Manfort"],
        }
    ).to_csv(path, index=False)
    base = ["--project", str(project.path)]
    assert main([*base, "import", str(path), "--id-column", "Nr"]) == 0
    out = capsys.readouterr().out
    assert (
        "Spalte(n) Name des Autors, Benutzername des Autors: als pseudonyme Person gespeichert"
        in out
    )
    assert "Spalte(n) Zugewiesen an, Moderator*in: weitere Personen" in out
    stored = stored_text(project)
    for secret in ("Apfelbaum", "gerli_a", "birnstiel", "Zwiebelhuber", "Rübsam"):
        assert secret not in stored, secret
    segments = project.segments().set_index("source_id")
    first, second = segments.loc["1", "attributes"], segments.loc["2", "attributes"]
    assert first["Projektname"] == "Spielräume Manfort"  # a thing's name stays
    assert first["speaker"].startswith("[Person ") and second["speaker"].startswith("[Person ")
    assert first["speaker"] != second["speaker"]  # the user name when no real name is given
    assert segments.loc["1", "text"].startswith("Der Bolzplatz braucht neue Tore, [Person ")


def test_the_valuators_of_a_consul_budget_export_are_not_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Consul Democracy's budget investments download names the city staff who assess an
    investment ("Valuator"): stored in clear as an attribute before."""
    assert {h: person_role(h) for h in ("Valuator", "Valuators", "Evaluator")} == dict.fromkeys(
        ("Valuator", "Valuators", "Evaluator"), OTHER
    )
    flags = ("Show to valuators", "Visible to valuators", "Valuation Group")
    assert {h: person_role(h) for h in flags} == dict.fromkeys(flags)
    path = tmp_path / "budget_investments.csv"
    pd.DataFrame(
        {
            "ID": ["12", "13"],
            "Title": ["Neue Beleuchtung im Stadtpark", "Trinkbrunnen auf dem Marktplatz"],
            "Supports": [34, 12],
            "Administrator": ["admin_lev", ""],
            "Valuator": ["Kerstin Vogelsang, Uwe Brandtner", "Kerstin Vogelsang"],
            "Valuation Group": ["", ""],
            "Scope of operation": ["Opladen", "Wiesdorf"],
            "Feasibility": ["Feasible", "Undecided"],
            "Author username": ["juergen_w", "maria.k"],
            "Visible to valuators": ["Yes", "No"],
        }
    ).to_csv(path, index=False)
    base = ["--project", str(project.path)]
    assert main([*base, "import", str(path), "--text-column", "Title"]) == 0
    out = capsys.readouterr().out
    assert "Spalte(n) Administrator, Valuator: weitere Personen" in out
    stored = stored_text(project)
    for secret in ("Vogelsang", "Brandtner", "juergen_w", "maria.k", "admin_lev"):
        assert secret not in stored, secret
    attributes = project.segments()["attributes"].tolist()
    assert [a["Visible to valuators"] for a in attributes] == ["Yes", "No"]


def test_feedback_of_the_moderation_is_pseudonymised_like_a_statement(
    project: Project, tmp_path: Path
) -> None:
    assert is_prose("Vielen Dank, Ihr Ansprechpartner ist Herr Gotthold Quast.")
    assert not is_prose("Thu May 05 16:52:16 2022") and not is_prose("Ältere Menschen; Grün")
    for header in ("Rückmeldung der Moderation", "Offizielle Antwort", "Stellungnahme"):
        assert is_prose_column(header), header
    for header in ("Moderator feedback", "Reviewer comment", "Admin response"):
        assert person_role(header) is None, header  # the person's text, not the person
    assert not is_prose_column("Moderationsstatus") and not is_prose_column("Kategorie")
    path = tmp_path / "ideen.csv"
    pd.DataFrame(
        {
            "Nr": ["1"],
            "Beitrag": ["Ein Tauschregal im Treppenhaus."],
            "Offizielle Antwort": ["Ansprechpartner Thomas Quast"],
            "Moderator feedback": ["Danke, Herr Gotthold Quast prüft das."],  # meinBerlin (en)
            "Moderationsstatus": ["In Prüfung"],
        }
    ).to_csv(path, index=False)
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "Nr"]) == 0
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["Offizielle Antwort"].startswith("Ansprechpartner [Person ")
    assert attributes["Moderator feedback"].startswith("Danke, [Person ")  # the text, kept
    assert attributes["Moderationsstatus"] == "In Prüfung"
    assert "Quast" not in stored_text(project)


def test_a_user_name_is_the_author_only_without_a_real_name(
    project: Project, tmp_path: Path
) -> None:
    row = {"author/name": "Ferhat Güneşli", "author/nickname": "@ferhat_g"}
    assert author(row) == "Ferhat Güneşli"
    assert author({"author/name": "anonym", "author/nickname": "@ferhat_g"}) == "@ferhat_g"
    assert author({"Vorname": "Ferhat", "Nachname": "Güneşli", "Nutzername": "fg"}) == (
        "Ferhat Güneşli"
    )
    path = tmp_path / "proposals.csv"
    pd.DataFrame(
        {
            "id": ["1", "2"],
            "body/de": [
                "Eine Spielstraße am Sonntag.",
                "Ich bin für den Vorschlag von Herrn Güneşli.",
            ],
            "author/name": ["Ferhat Güneşli", "Carlotta Brenninkmeyer"],
            "author/nickname": ["@ferhat_g", "@carlotta_b"],
        }
    ).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "id"]) == 0
    segments = project.segments().set_index("source_id")
    speaker = segments.loc["1", "attributes"]["speaker"]
    assert segments.loc["2", "text"] == f"Ich bin für den Vorschlag von {speaker}."
    for secret in ("ferhat", "Güneşli", "carlotta", "Brenninkmeyer"):
        assert secret not in stored_text(project), secret


def test_organisations_with_clubs_councils_and_dotted_legal_forms_are_actors() -> None:
    finder = Pseudonymiser()
    assert "ev" in organisation_words("TuS Wiesdorf 1911 e. V.")
    for actor in (
        "Jugendhaus Sonnenberg",
        "Kinder- und Jugendparlament Opladen",
        "TuS Wiesdorf 1911 e. V.",
        "Förderkreis Spielplatz e.V.",
        "Seniorenrat Manfort",
        "Elterncafé Team Rheinaue",
        "Stadtteilforum",
    ):
        assert is_organisation(finder, actor), actor
    for person in ("Sonntag", "Lebedev", "Neuhaus", "Pankrat", "Jugendhaus – Frau Kaya"):
        assert not is_organisation(finder, person), person


def test_a_participant_count_written_as_text_is_no_person(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workshop table's "Teilnehmende" counts people ("ca. 14", "12–15", "20 Personen"):
    kept as written, never a speaker; numbers with a leading zero or letters are
    participants' IDs, one pseudonymous speaker per ID."""
    counts = tmp_path / "workshops.csv"
    counts.write_text(
        "Text;Sozialraum;Teilnehmende\n"
        "Es fehlt ein Treffpunkt für Jugendliche.;Manfort;14\n"
        "Der Bus fährt abends zu selten.;Opladen;ca. 20\n"
        "Mehr Bänke am Markt wären gut.;Opladen;12–15\n"
        "Die Kita braucht mehr Plätze.;Manfort;20 Personen\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(counts)]) == 0
    assert "pseudonyme Person" not in capsys.readouterr().out
    stored = project.segments()["attributes"].tolist()
    assert [a.get("Teilnehmende") for a in stored] == [14, "ca. 20", "12–15", "20 Personen"]
    assert not any("speaker" in a for a in stored)

    ids = tmp_path / "antworten.csv"
    ids.write_text(
        "Text;Sozialraum;Teilnehmer\n"
        "Der Spielplatz ist kaputt.;Manfort;007\n"
        "Im Park fehlt Licht.;Manfort;P12\n"
        "Die Schaukel quietscht.;Manfort;007\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(ids)]) == 0
    assert "Spalte(n) Teilnehmer: als pseudonyme Person" in capsys.readouterr().out
    speakers = [a.get("speaker") for a in project.segments()["attributes"].tolist()[4:]]
    assert speakers[0] == speakers[2] != speakers[1] and speakers[1].startswith("[Person ")


@pytest.mark.parametrize("value", ["keiner", "Keiner", "niemand", "keine", "Kein Name", "nobody"])
def test_nobody_in_a_person_column_is_no_person(value: str) -> None:
    """ "Ansprechpartner: keiner" got a placeholder of its own, a person nobody is."""
    assert given_value(value) is None
    assert author({"Ansprechpartner": value, "Name": "anonym"}) is None
