"""Who submitted, reported or commented names the row's author ("Antragsteller*in",
"Meldende Person", "Autor*in des Kommentars"); headers about that person stay text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.test_author_genitive import import_two_authors
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.person_headers import AUTHOR, OTHER, person_role


@pytest.mark.parametrize(
    "header",
    [
        "Antragsteller*in",
        "Antragsteller/in",
        "AntragstellerIn",
        "Name der Antragstellerin",
        "Name der antragstellenden Person",
        "Meldende Person",
        "Name der meldenden Person",
        "Meldende/r",
        "Melder:in",
        "Ideengeber*in",
        "Hinweisgeber/in",
        "Initiator*in",
        "Petent*in",
        "Gemeldet von",
        "Eingereicht durch",
        "Autor*in des Kommentars",
        "Verfasser/in des Kommentars",
        "Author of the comment",
        "Proposal author",
        "Debate author",
        "Applicant name",
        "Reporter",
        "Reported by",
        "Vor- und Zuname",
    ],
)
def test_who_submitted_or_reported_is_the_author(header: str) -> None:
    assert person_role(header) == AUTHOR


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Antwort an die Antragstellerin", None),
        ("Rückmeldung an meldende Person", None),
        ("Reply to the applicant", None),
        ("Status der Meldung", None),
        ("Anzahl Antragsteller*innen", None),
        ("Anzahl meldende Personen", None),
        ("Meldende Stelle", None),  # an office
        ("Antragstellende Organisation", None),
        ("Anliegen der meldenden Person", None),  # the text itself
        ("Antragsteller*in informiert", None),
        ("Rauchmelder", None),
        ("Brandmelder vorhanden", None),
        ("Finanziert durch", None),
        ("Kommentar des Autors des Kommentars", None),
        ("Comment author", OTHER),  # as a reply's author
        ("Autor*in der Antwort", OTHER),
    ],
)
def test_headers_about_the_submitter_keep_their_role(header: str, role: str | None) -> None:
    assert person_role(header) == role


@pytest.mark.parametrize(
    "header", ["Antragsteller*in", "Name der meldenden Person", "Autor*in des Kommentars"]
)
def test_a_submitters_name_is_not_stored_in_clear(
    project: Project, tmp_path: Path, header: str
) -> None:
    rows = [
        ("1", "Gunhild Albrecht", "Laterne", "Die Laterne ist aus.", "Danke, wir prüfen das."),
        ("2", "Torben Wischnewski", "Müll", "Im Park liegt Müll.", "Die Stelle wurde gereinigt."),
    ]
    columns = ["ID", header, "Titel", "Beschreibung", "Antwort an die Antragstellerin"]
    stored, _, _ = import_two_authors(project, tmp_path, columns, rows)
    assert "Die Stelle wurde gereinigt." in stored  # the answer to the submitter: text


@pytest.mark.parametrize(
    "header", ["Meldende:r", "Meldende*r", "Meldende_r", "Teilnehmende*r", "Teilnehmende:r"]
)
def test_a_gender_gap_before_r_is_one_word(header: str) -> None:
    assert person_role(header) == AUTHOR


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("Gemeldet von (Kanal)", ("App", "Telefon", "E-Mail")),
        ("Reported by (channel)", ("App", "Phone", "Web")),
        ("Eingereicht durch (Datum)", ("12.03.2024", "02.04.2024", "17.05.2024")),
    ],
)
def test_a_submitter_column_of_channels_or_dates_names_no_person(
    project: Project, tmp_path: Path, header: str, values: tuple[str, ...]
) -> None:
    path = tmp_path / "meldungen.csv"
    texts = ["Die Laterne ist aus.", "Im Park liegt Müll.", "Der Radweg hat Löcher."]
    rows = [
        (str(i), value, text) for i, (value, text) in enumerate(zip(values, texts, strict=True), 1)
    ]
    pd.DataFrame(rows, columns=["ID", header, "Beschreibung"]).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "ID"]) == 0

    attributes = project.segments().set_index("source_id")["attributes"]
    assert [(a or {}).get("speaker") for a in attributes] == [None] * 3  # no person made
    assert [(a or {}).get(header) for a in attributes.loc[["1", "2", "3"]]] == list(values)
    assert person_role(header.replace("(", "(Name, ")) == AUTHOR  # a name stays a person
