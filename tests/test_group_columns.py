"""A table's guiding-question, workshop and role columns are found by their header and
values, like its text and ID: a Padlet wall's "Section", a card wall's "Leitfrage",
"Workshop" and "Rolle" — so that an export imported without flags keeps its structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.demo import CARD_MAPPING, corpus_dir
from workbench.ingest import TableMapping, parse_file

PADLET = """Subject,Body,Attachment,Author,Created At,Updated At,Section
Treffpunkt fehlt,"Für Jugendliche gibt es abends keinen Ort.",,Anna Schmidt,2021-03-12 17:05:12 UTC,2021-03-12 17:05:12 UTC,Was fehlt im Stadtteil?
Bänke,Am Marktplatz fehlen Bänke zum Ausruhen.,,Bernd Meyer,2021-03-12 17:06:40 UTC,2021-03-12 17:06:40 UTC,Was fehlt im Stadtteil?
,Die Kita hat einen großen Garten.,,Anonym,2021-03-12 17:08:02 UTC,2021-03-12 17:08:02 UTC,Welche Ressourcen gibt es?
Stadtteilbüro,Das Stadtteilbüro berät zu Miete und Schulden.,,,2021-03-12 17:09:30 UTC,2021-03-12 17:09:30 UTC,Welche Ressourcen gibt es?
"""  # noqa: E501  (a Padlet wall's CSV export, as downloaded)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_padlet_walls_sections_are_its_guiding_questions(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "padlet-manfort.csv", PADLET)
    assert main(["--project", str(project.path), "import", str(path), "--district", "Manfort"]) == 0
    assert "Spalte 'Section' als Leitfrage erkannt." in capsys.readouterr().out
    segments = project.segments()
    assert (
        segments["question"].tolist()
        == ["Was fehlt im Stadtteil?"] * 2 + ["Welche Ressourcen gibt es?"] * 2
    )
    assert all("Section" not in a for a in segments["attributes"])
    stored = stored_text(project)
    assert "Schmidt" not in stored and "Meyer" not in stored


def test_a_card_wall_without_flags_reads_as_with_its_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpus_dir() / "demo" / "manfort_karten.csv"
    mapped = parse_file(path, CARD_MAPPING)
    found = parse_file(path, TableMapping(districts=("Manfort",), find_district=True))

    def rows(document) -> list[tuple]:
        return [
            (s.source_id, s.text, s.question, s.workshop, s.district, s.speaker_role, s.attributes)
            for s in document.segments
        ]

    assert rows(found) == rows(mapped)
    assert {s.question for s in found.segments} == {
        "Herausforderungen und Bedarfe",
        "Ressourcen und Möglichkeiten",
        "Entwicklung, Vernetzung und Stärkung",
    }
    assert found.options["detected_columns"] == {
        "Text": "Text",
        "ID": "Karten-ID",
        "Leitfrage": "Leitfrage",
        "Workshop": "Workshop",
        "Rolle": "Rolle",
        "Sozialraum": "Sozialraum",
    }


@pytest.mark.parametrize(
    ("table", "attribute"),
    [
        # every row its own question (a Q&A list): no guiding question, an attribute
        ("Antwort;Frage\nMehr Bänke.;Was fehlt?\nEin Café.;Was wünschen Sie sich?\n", "Frage"),
        # two question columns: which one? neither (--question-column decides)
        (
            "Text;Leitfrage;Frage\nMehr Bänke.;Was fehlt?;A\nEin Café.;Was fehlt?;A\n",
            "Leitfrage",
        ),
        # a "Rolle" of sentences is no role
        (
            "Text;Rolle\nMehr Bänke.;Ich wohne hier seit 1980.\n"
            "Ein Café.;Mutter von zwei Kindern.\n",
            "Rolle",
        ),
    ],
    ids=["frage-je-zeile", "zwei-fragespalten", "rolle-als-satz"],
)
def test_columns_that_do_not_fit_stay_attributes(
    tmp_path: Path, table: str, attribute: str
) -> None:
    document = parse_file(_write(tmp_path, "karten.csv", table))
    assert all(s.question is None and s.speaker_role is None for s in document.segments)
    assert all(attribute in s.attributes for s in document.segments)


def test_a_given_question_column_wins(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "karten.csv",
        "Text;Leitfrage;Thema\nMehr Bänke.;Was fehlt?;Platz\nEin Café.;Was fehlt?;Platz\n",
    )
    document = parse_file(path, TableMapping(question_column="Thema"))
    assert {s.question for s in document.segments} == {"Platz"}
    assert all(s.attributes.get("Leitfrage") == "Was fehlt?" for s in document.segments)


def test_a_padlet_section_is_a_question_even_with_one_post_each(tmp_path: Path) -> None:
    """Padlet's "Section" names a wall's column: no need to repeat to be one."""
    path = _write(
        tmp_path,
        "padlet.csv",
        "Subject,Body,Section\nJugendtreff,Seit das JuZ zu ist.,Herausforderungen\n"
        "Bänke,Am Rhein fehlen Bänke.,Bedarfe\nHilfe,Die Nachbarschaftshilfe.,Ressourcen\n",
    )
    document = parse_file(path)
    assert [s.question for s in document.segments] == ["Herausforderungen", "Bedarfe", "Ressourcen"]
