"""A word for a resident or neighbour before a lead-in's colon (session 40): a quarter no
list knows after "Nachbar" went onto the key as a person though the file wrote it as a
place ("Nachbar Hasenbergl: …" beside "Ich wohne im Hasenbergl"), and an unknown surname
after "Bewohnerin", "Anwohner" or "Mieterin" stayed in clear ("Bewohnerin Wedekind: …")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.ingest.written_places import written_places

SAID = "Der Spielplatz ist seit Monaten kaputt."


def _import(project: Project, tmp_path: Path, *lines: str) -> list[str]:
    path = tmp_path / "protokoll.md"
    path.write_text("# Stadtteilrunde\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main(args) == 0
    return [str(t) for t in project.segments().sort_values("position")["text"]]


def _persons(project: Project) -> list[str]:
    return [str(o) for o in project.pseudonym_key().query("kind == 'person'")["original"]]


@pytest.mark.parametrize(
    ("lead", "written"),
    [
        ("Nachbar Hasenbergl", "Ich wohne seit Jahren im Hasenbergl."),
        ("Nachbarin Neuperlach", "Wer wohnt noch in Neuperlach?"),
        ("Nachbar Chorweiler", "Ich komme aus Chorweiler."),
        ("Nachbarin Gaarden", "Wir ziehen ins Gaarden."),
        ("Nachbar Tenever", "Morgen fahren wir nach Tenever."),
    ],
)
def test_a_quarter_the_file_writes_as_a_place_is_no_neighbours_name(
    project: Project, tmp_path: Path, lead: str, written: str
) -> None:
    said = _import(project, tmp_path, f"{lead}: {SAID}", f"Moderation: {written}")
    assert said == [f"{lead}: {SAID}", f"Moderation: {written}"]
    assert _persons(project) == []


@pytest.mark.parametrize(
    ("lead", "written"),
    [
        ("Nachbarin Sommer", "Das war im Sommer schon so."),  # a noun: no place
        ("Nachbarin Brandt", "Das steht in Brandt."),  # a surname of the gazetteer
        ("Nachbar Terwiel", "Wir waren bei Terwiel."),  # no preposition of place
        ("Nachbar Oltrogge", "Wir fahren nach Oltrogges Hof."),  # another word
    ],
)
def test_a_neighbours_surname_stays_a_person_beside_other_places(
    project: Project, tmp_path: Path, lead: str, written: str
) -> None:
    name = lead.split()[1]
    _import(project, tmp_path, f"{lead}: {SAID}", f"Moderation: {written}")
    assert name in _persons(project)
    assert f"{lead}:" not in stored_text(project)


@pytest.mark.parametrize(
    "lead",
    [
        "Bewohnerin Wedekind",
        "Anwohner Kowalczyk",
        "Mieterin Terwiel",
        "Bewohner Schnittker",
        "Anwohnerin Plöger",
        "Mieter Oltrogge",
        "Bewohnerin Wübbena",
        "Anwohner Hünerbein",
    ],
)
def test_an_unknown_surname_after_a_residents_word_is_a_person(
    project: Project, tmp_path: Path, lead: str
) -> None:
    role, name = lead.split()
    said = _import(project, tmp_path, f"{lead}: {SAID}", "Moderation: Danke, das nehmen wir auf.")
    assert name not in stored_text(project)
    assert said[0].startswith(f"{role} [Person ") and said[0].endswith(f"]: {SAID}")
    assert _persons(project) == [name]


@pytest.mark.parametrize(
    ("lead", "written"),
    [
        ("Bewohner Marzahn", "Ich wohne seit Jahren im Marzahn."),
        ("Anwohnerin Gorbitz", "Wer wohnt noch in Gorbitz?"),
        ("Mieter Dulsberg", "Wir ziehen ins Dulsberg."),
        ("Anwohner Opladen", "Danke."),  # a district of the project
        ("Bewohner Innenstadt", "Danke."),  # a noun
        ("Anwohnerin Manfort", "Danke."),
        ("Bewohnerin Nord", "Danke."),
        ("Anwohner", "Danke."),
    ],
)
def test_a_place_or_a_word_after_a_residents_word_stays(
    project: Project, tmp_path: Path, lead: str, written: str
) -> None:
    said = _import(project, tmp_path, f"{lead}: {SAID}", f"Moderation: {written}")
    assert said == [f"{lead}: {SAID}", f"Moderation: {written}"]
    assert _persons(project) == []


def test_the_places_a_file_writes_are_no_names_nor_nouns() -> None:
    texts = ["Ich wohne im Hasenbergl, ziehe ins Dulsberg.", "Im Sommer in Brandt", "aus Gorbitz"]
    segments = [ParsedSegment(text=t, source_id=str(n)) for n, t in enumerate(texts)]
    document = ParsedDocument("p.md", "0" * 64, "markdown", tuple(segments))
    assert written_places(document) == {"hasenbergl", "dulsberg", "gorbitz"}


@pytest.mark.parametrize(
    ("lead", "written"),
    [
        ("Nachbar Tiedtke", "Nach Tiedtke kam die Frage nach dem Bus."),
        ("Nachbarin Kasulke", "Nach Kasulke meldete sich niemand."),
        ("Anwohner Piontek", "Wir machen nach Piontek weiter."),
        ("Bewohnerin Ossenkopp", "Gleich nach Ossenkopp war die Pause."),
    ],
)
def test_who_spoke_after_whom_is_no_place(
    project: Project, tmp_path: Path, lead: str, written: str
) -> None:
    name = lead.split()[1]
    _import(project, tmp_path, f"{lead}: {SAID}", f"Moderation: {written}")
    assert _persons(project) == [name]
    assert name not in stored_text(project)


@pytest.mark.parametrize(
    "lead", ["Mieter Gewobag", "Mieterin Degewo", "Bewohner Vivawest", "Anwohnerin Howoge"]
)
def test_a_housing_company_after_a_residents_word_is_no_surname(
    project: Project, tmp_path: Path, lead: str
) -> None:
    said = _import(project, tmp_path, f"{lead}: {SAID}", "Moderation: Danke, das nehmen wir auf.")
    assert said == [f"{lead}: {SAID}", "Moderation: Danke, das nehmen wir auf."]
    assert _persons(project) == []


def test_nach_says_where_only_in_a_sentence_of_travel_or_moving() -> None:
    texts = [
        "Nach Wedekind sprach Anna.",
        "Sie ist nach Gaarden gezogen.",
        "Wir fahren nach Tenever.",
    ]
    segments = [ParsedSegment(text=t, source_id=str(n)) for n, t in enumerate(texts)]
    document = ParsedDocument("p.md", "0" * 64, "markdown", tuple(segments))
    assert written_places(document) == {"gaarden", "tenever"}
