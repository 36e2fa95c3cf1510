"""Author columns named with a genitive (Consul-like exports): "Autor*in des Vorschlags"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.person_headers import AUTHOR, OTHER, person_role


@pytest.mark.parametrize(
    "header",
    [
        "Autor des Vorschlags",
        "Autorin des Vorschlags",
        "Autor*in des Vorschlags",
        "Autor/-in des Vorschlags",
        "Verfasser/in des Vorschlags",
        "Verfasser*in der Idee",
        "Urheber*in der Idee",
        "Name des Autors des Vorschlags",
        "Name der einreichenden Person",
        "Author of the proposal",
        "Creator of the proposal",
    ],
)
def test_an_author_column_with_a_genitive_names_the_author(header: str) -> None:
    assert person_role(header) == AUTHOR


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Bearbeiter*in des Vorschlags", OTHER),  # who handles it: never stored either
        ("Moderator*in der Idee", OTHER),
        ("Autor*in der Antwort", OTHER),
        ("Author of the reply", OTHER),
        ("Einreicher*in", OTHER),  # a form's enumerator
        ("Autorenschaft geprüft", None),
        ("Anzahl Autor*innen", None),
        ("Verfasst am", None),
        ("Vorschlag angenommen", None),
        ("Name des Vorschlags", None),  # the proposal's title, no person
        ("Titel der Idee", None),
        ("Status of the proposal", None),
        ("Anzahl einreichende Personen", None),
    ],
)
def test_headers_beside_a_proposal_keep_their_role(header: str, role: str | None) -> None:
    assert person_role(header) == role


def import_two_authors(
    project: Project, tmp_path: Path, columns: list[str], rows: list[tuple[str, ...]]
) -> tuple[str, pd.DataFrame, dict[str, str]]:
    """Import a table of two rows by Gunhild Albrecht and Torben Wischnewski (``columns``
    with "ID" first) and check that neither name is stored and each is a speaker of their
    own; returns the stored text, the segments by source ID and the speakers."""
    path = tmp_path / "autoren.csv"
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "ID"]) == 0
    stored = stored_text(project)
    for word in ("Gunhild", "Albrecht", "Torben", "Wischnewski"):
        assert word not in stored, word
    segments = project.segments().set_index("source_id")
    speakers = {sid: (a or {}).get("speaker") for sid, a in segments["attributes"].items()}
    assert speakers["1"].startswith("[Person ") and speakers["2"].startswith("[Person ")
    assert speakers["1"] != speakers["2"]
    return stored, segments, speakers


def test_names_in_an_author_column_with_a_genitive_become_speakers(
    project: Project, tmp_path: Path
) -> None:
    rows = [
        ("1", "Gunhild Albrecht", "Mehr Bänke", "Am Rhein fehlen Bänke, sagt Herr Wischnewski."),
        ("2", "Torben Wischnewski", "Spielplatz", "Der Spielplatz braucht neue Geräte."),
    ]
    columns = ["ID", "Autor*in des Vorschlags", "Titel", "Beschreibung"]
    _, segments, speakers = import_two_authors(project, tmp_path, columns, rows)
    assert f"sagt {speakers['2']}" in segments.loc["1", "text"]  # the author, mentioned


@pytest.mark.parametrize(
    "header",
    [
        "Kommentar des Autors des Vorschlags",
        "Antwort der Autorin des Vorschlags",
        "Rückmeldung der Verfasserin der Idee",
        "Feedback of the author of the proposal",
        "Notiz des Bearbeiters des Vorschlags",
    ],
)
def test_a_response_about_a_proposals_author_stays_text(header: str) -> None:
    assert person_role(header) is None


def test_the_authors_comment_on_a_proposal_is_kept(project: Project, tmp_path: Path) -> None:
    comments = ["Die Bänke wären schön, wir prüfen das.", "Danke für den Hinweis zu den Geräten."]
    rows = [
        ("1", "Gunhild Albrecht", "Am Rhein fehlen Bänke.", comments[0]),
        ("2", "Torben Wischnewski", "Der Spielplatz braucht neue Geräte.", comments[1]),
    ]
    path = tmp_path / "consul.csv"
    columns = ["ID", "Autor*in", "Vorschlag", "Kommentar des Autors des Vorschlags"]
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "ID"]) == 0

    stored = stored_text(project)
    for comment in comments:  # not replaced by a person's placeholder
        assert comment in stored, comment
    assert "Gunhild" not in stored and "Wischnewski" not in stored
