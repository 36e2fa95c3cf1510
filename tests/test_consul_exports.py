"""Consul Democracy's German budget export: staff and authors are people, never stored."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.person_headers import OTHER, person_role

# The header of Consul's "Aktuelle Auswahl herunterladen" (Ausgabenvorschläge, de-DE): the
# staff who handle a proposal (Administrator, Begutachter/in) and its author's user name.
HEADER = [
    "ID", "Titel", "Unterstützung", "Administrator", "Begutachter/in", "Bewertungsgruppe",
    "Rahmenbedingungen", "Durchführbarkeit", "Bew. Fin.", "Ausgewählt",
    "Den Begutachtern/Begutachterinnen zeigen", "Benutzer*innenname des/der Verfasser*in",
]  # fmt: skip
ROWS = [
    ["17", "Neue Sitzbänke am Marktplatz Opladen", "23", "Claudia Vennemann",
     "Jörg Lammerskötter, Birte Hagedorn", "-", "Opladen", "Durchführbar (5.000 €)", "Ja",
     "Ja", "Ja", "anke_w"],
    ["18", "Basketballkorb für den Jugendtreff", "41", "Kein*e Administrator*in zugewiesen",
     "-", "-", "Manfort", "Offen", "Nein", "Nein", "Nein", "kalle1999"],
    ["19", "Trinkwasserbrunnen in der Fußgängerzone", "12", "Claudia Vennemann",
     "Birte Hagedorn", "Tiefbau", "Wiesdorf", "Undurchführbar", "Ja", "Nein", "Ja",
     "Uwe Reimann"],
]  # fmt: skip
PEOPLE = ["Vennemann", "Lammerskötter", "Hagedorn", "anke_w", "kalle1999", "Reimann"]


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "ausgabenvorschlaege.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *ROWS])
    return path


def test_valuators_and_authors_of_a_german_consul_export_are_never_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = ["import", str(_export(tmp_path)), "--text-column", "Titel"]
    assert main(["--project", str(project.path), *command]) == 0
    out = capsys.readouterr().out
    assert "Benutzer*innenname des/der Verfasser*in: als pseudonyme Person" in out
    assert "Administrator, Begutachter/in: weitere Personen" in out
    stored = stored_text(project)
    assert [p for p in PEOPLE if p in stored] == []
    segments = project.segments()
    assert segments["text"].tolist() == [r[1] for r in ROWS]
    speakers = [a.get("speaker") for a in segments["attributes"]]
    assert len(set(speakers)) == 3 and all(s.startswith("[Person ") for s in speakers)
    assert "Begutachter/in" not in set().union(*segments["attributes"])


def test_the_error_without_a_text_column_suggests_no_column_of_staff_names(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project.path), "import", str(_export(tmp_path))]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "ausgabenvorschlaege.csv, Zeile 1: Keine Textspalte" in captured.err
    assert "--text-column 'Titel'" in captured.err
    assert "--text-column 'Administrator'" not in captured.err
    assert project.segments().empty


@pytest.mark.parametrize(
    "header",
    ["Begutachter/in", "Begutachter*innen", "Begutachterin", "Zugewiesene Begutachter:innen"],
)
def test_a_valuator_is_another_person(header: str) -> None:
    assert person_role(header) == OTHER


@pytest.mark.parametrize(
    "header",
    ["Benutzer*innenname des/der Verfasser*in", "Nutzer*innenname", "Teilnehmer:innenname"],
)
def test_a_gendered_user_name_names_the_author(header: str) -> None:
    assert person_role(header) in ("author", "nickname")


@pytest.mark.parametrize(
    "header",
    [
        "Begutachtung", "Begutachtungsstatus", "Den Begutachtern/Begutachterinnen zeigen",
        "Teilnehmer*innenzahl", "Benutzer*innengruppe", "Kolleg*innenname",
        "Name/Institution", "Zugewiesene Kategorie",
    ],
)  # fmt: skip
def test_headers_about_valuation_or_counts_name_no_person(header: str) -> None:
    assert person_role(header) is None


def import_comments(
    project: Project, tmp_path: Path, rows: list[tuple[str, str, str]]
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Import Consul's comments (ID, text, user name) on one proposal; the stored statements
    and each user name's placeholder (the speaker of its comment)."""
    path = tmp_path / "comments.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [("id", "body", "user", "commentable_id"), *((*r, "7") for r in rows)]
        )
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    speaker = {u: a["speaker"] for (_, _, u), a in zip(rows, segments["attributes"], strict=True)}
    return segments, speaker


def test_an_authors_account_name_in_another_comment_is_her_placeholder(
    project: Project, tmp_path: Path
) -> None:
    """Consul's comments address each other by user name ("Wie kalle1999 schon sagte");
    a user name that no word is becomes its author's placeholder, the words of user names
    ("spielplatz_fan", "gruen.und.bunt") stay words in other texts."""
    rows = [
        ("1", "Mehr Bänke am Spielplatz, bitte.", "kalle1999"),
        ("2", "Wie kalle1999 schon sagte: ein Fan von Bänken bin ich auch.", "p_meier"),
        ("3", "Danke an p_meier und tom.w für die Fotos!", "spielplatz_fan"),
        ("4", "Grün und bunt soll der Platz werden, sagt tom.w auch.", "gruen.und.bunt"),
        ("5", "Der Spielplatz braucht Licht.", "tom.w"),
    ]
    segments, speaker = import_comments(project, tmp_path, rows)
    assert segments["text"].tolist() == [
        "Mehr Bänke am Spielplatz, bitte.",
        f"Wie {speaker['kalle1999']} schon sagte: ein Fan von Bänken bin ich auch.",
        f"Danke an {speaker['p_meier']} und {speaker['tom.w']} für die Fotos!",
        f"Grün und bunt soll der Platz werden, sagt {speaker['tom.w']} auch.",
        "Der Spielplatz braucht Licht.",
    ]
    assert [u for u in ("kalle1999", "p_meier", "tom.w") if u in stored_text(project)] == []
