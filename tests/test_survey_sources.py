"""A survey is no workshop, even with a district column and a capitalised file name: the
report's opening line, `workbench waves` and the site index count it as a source
(workshop_names: a survey's name, or a table read as a survey)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site_pages import WHEN, Page, squash
from tests.test_held_workshops import PROTOCOL
from tests.test_report_sources import _report_text
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis.site import publish
from workbench.synthesis.workshop_names import project_held

DISTRICTS = ["Opladen", "Manfort"]
ANSWERS = ["Es fehlen Treffpunkte für Jugendliche.", "Der Bus fährt abends zu selten."]


def _table(folder: Path, name: str, header: list[str], rows: list[list[str]]) -> Path:
    path = folder / name
    lines = [";".join(header), *(";".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _answers(folder: Path, name: str) -> Path:
    """One answer column and a district column, as a form exports them."""
    rows = [[d, a] for d, a in zip(DISTRICTS, ANSWERS, strict=True)]
    return _table(folder, name, ["Stadtteil", "Antwort"], rows)


def _project(tmp_path: Path) -> Project:
    return Project.create(tmp_path / "projekt", districts=DISTRICTS)


@pytest.mark.parametrize("name", ["Umfrage.csv", "Befragung Opladen.csv", "Survey Manfort.csv"])
def test_a_survey_named_so_with_a_district_column_is_a_source(tmp_path: Path, name: str) -> None:
    """ "Umfrage.csv" with a column "Stadtteil" read "Projekt projekt: 1 Workshop": its
    statements lie in Sozialräume and its name is no file name, but no one held it."""
    project = _project(tmp_path)
    project.import_files([_answers(tmp_path, name)])
    assert set(project_held(project).values()) == {False}
    assert "Projekt projekt: 1 Quelle, 2 Aussagen." in _report_text(project)


def test_a_table_read_as_a_survey_is_a_source_whatever_its_name(tmp_path: Path) -> None:
    """Two open questions as columns: the import reads the table as a survey and stores so
    (its options); "Rückmeldungen Opladen" then counts as a source, in the report's opening
    line, in `workbench waves` and on the site index alike."""
    questions = ["Was wünschen Sie sich für Ihr Quartier?", "Was stört Sie in Ihrem Quartier?"]
    rows = [[d, a, b] for d, a, b in zip(DISTRICTS, ANSWERS, ANSWERS[::-1], strict=True)]
    path = _table(tmp_path, "Rückmeldungen Opladen.csv", ["Stadtteil", *questions], rows)
    project = _project(tmp_path)
    project.import_files([path])
    assert project_held(project) == {"Rückmeldungen Opladen": False}
    assert "Projekt projekt: 1 Quelle, 4 Aussagen." in _report_text(project)
    site = publish(project, tmp_path / "seite", generated_at=WHEN)
    overview = squash(Page(site.folder / "index.html").text)
    assert "Was die Quellen in jedem Sozialraum ergeben haben" in overview


def test_waves_count_a_survey_beside_a_workshop_as_the_report_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench waves` said "2 Workshops" for a workshop's protocol and "Umfrage.csv"."""
    protocol = tmp_path / "protokoll.md"
    protocol.write_text(PROTOCOL.format(title="Quartiersworkshop Manfort"), encoding="utf-8")
    project = _project(tmp_path)
    project.import_files([protocol], district="Manfort")
    project.import_files([_answers(tmp_path, "Umfrage.csv")])
    capsys.readouterr()
    assert main(["--project", str(project.path), "waves"]) == 0
    assert "Welle 1: 1 Workshop und eine weitere Quelle, 4 Aussagen" in capsys.readouterr().out
    assert "Projekt projekt: 1 Workshop und eine weitere Quelle, 4 Aussagen." in _report_text(
        project
    )


@pytest.mark.parametrize(
    "name", ["Workshop zur Umfrage Opladen.csv", "Quartiersworkshop Opladen.csv", "Pinnwand.csv"]
)
def test_a_card_wall_of_a_workshop_stays_a_workshop(tmp_path: Path, name: str) -> None:
    """A card wall photographed at a workshop was held, also one that discussed a survey."""
    project = _project(tmp_path)
    project.import_files([_answers(tmp_path, name)])
    assert set(project_held(project).values()) == {True}
    assert "Projekt projekt: 1 Workshop, 2 Aussagen." in _report_text(project)


def test_a_protocol_of_a_meeting_on_a_survey_stays_a_workshop(tmp_path: Path) -> None:
    """A protocol records a meeting, whatever its title names."""
    protocol = tmp_path / "protokoll.md"
    protocol.write_text(PROTOCOL.format(title="Ergebnisse der Befragung"), encoding="utf-8")
    project = _project(tmp_path)
    project.import_files([protocol], district="Opladen")
    assert project_held(project) == {"Ergebnisse der Befragung": True}


@pytest.mark.parametrize("workshop", ["Stadtteilrundgang Opladen", "Bürgerdialog Manfort"])
def test_a_card_wall_under_a_given_workshop_name_stays_a_workshop(
    tmp_path: Path, workshop: str
) -> None:
    """A card wall whose columns ask ("Was fehlt in Ihrem Quartier?") reads as a survey by its
    shape; imported under a workshop's name (``--workshop``) it is that workshop's, held."""
    questions = ["Was fehlt in Ihrem Quartier?", "Was läuft gut in Ihrem Quartier?"]
    rows = [[d, a, b] for d, a, b in zip(DISTRICTS, ANSWERS, ANSWERS[::-1], strict=True)]
    path = _table(tmp_path, "karten.csv", ["Stadtteil", *questions], rows)
    project = _project(tmp_path)
    project.import_files([path], workshop=workshop)
    assert project_held(project) == {workshop: True}
    assert "Projekt projekt: 1 Workshop, 4 Aussagen." in _report_text(project)


def test_a_surveyor_is_no_survey(tmp_path: Path) -> None:
    """ "Survey" names a survey, "Surveyor" (a walk's guide) does not."""
    project = _project(tmp_path)
    project.import_files([_answers(tmp_path, "Surveyor Opladen.csv")])
    assert project_held(project) == {"Surveyor Opladen": True}
