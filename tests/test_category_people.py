"""Attributes that name a person the key knows: "Team Becker", "Jens Becker" in a
category lose the name, a profession or a season that is also a surname stays."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.test_learned_across import _protocol
from tests.test_qdpx_people import TALK, _archive, _guid, _source
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import import_qdpx
from workbench.store import Segment


def _cli(project: Project, *args: str) -> None:
    assert main(["--project", str(project.path), *args]) == 0


def test_a_known_person_in_a_category_value_is_replaced(project: Project, tmp_path: Path) -> None:
    a = _protocol(
        tmp_path / "a.md",
        "Forum A",
        "Herr Jens Becker kommt.",
        "Frau Anna Schmidt kommt.",
        "Herr Uwe Bauer kommt.",
    )
    _cli(project, "import", str(a))
    survey = tmp_path / "umfrage.csv"
    with survey.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Text", "Sozialraum", "Gruppe", "AG", "Hinweis", "Beruf", "Jahreszeit"])
        writer.writerow(
            ["Der Spielplatz ist kaputt.", "Manfort", "Team Becker", "AG Schmidt", "Jens Becker",
             "Bauer", "Winter"]
        )  # fmt: skip
    _cli(project, "import", str(survey), "--workshop", "Umfrage")
    with project.session() as session:
        rows = [s.attributes for s in session.query(Segment) if s.attributes]
    assert len(rows) == 1
    stored = json.dumps(rows, ensure_ascii=False)
    assert "Becker" not in stored and "Schmidt" not in stored
    assert rows[0]["Gruppe"].startswith("Team [Person ")
    assert rows[0]["AG"].startswith("AG [Person ")
    assert rows[0]["Hinweis"].startswith("[Person ")
    # ordinary categories stay, though "Bauer" is a known surname
    assert (rows[0]["Beruf"], rows[0]["Jahreszeit"]) == ("Bauer", "Winter")


def test_a_category_naming_a_person_learned_later_loses_the_name(
    project: Project, tmp_path: Path
) -> None:
    survey = tmp_path / "umfrage.csv"
    with survey.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Text", "Sozialraum", "Gruppe", "Beruf"])
        writer.writerow(["Der Spielplatz ist kaputt.", "Manfort", "Team Becker", "Bauer"])
    _cli(project, "import", str(survey), "--workshop", "Umfrage")
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.", "Herr Uwe Bauer kommt.")
    _cli(project, "import", str(b))
    with project.session() as session:
        rows = [s.attributes for s in session.query(Segment) if s.attributes]
    # as if the survey had been imported after the protocol
    assert rows[0]["Gruppe"].startswith("Team [Person ")
    assert rows[0]["Beruf"] == "Bauer"


def test_a_qdpx_set_naming_a_person_learned_later_loses_the_name(
    project: Project, tmp_path: Path
) -> None:
    body = (
        "<Sources>" + _source(2, "Nachgespräch.docx") + "</Sources>"
        f'<Sets><Set guid="{_guid(301)}" name="Team Becker">'
        f'<MemberSource targetGUID="{_guid(2)}"/></Set>'
        f'<Set guid="{_guid(302)}" name="Winter">'
        f'<MemberSource targetGUID="{_guid(2)}"/></Set></Sets>'
    )
    import_qdpx(project, _archive(tmp_path / "m.qdpx", body, {2: TALK}, "MAXQDA 2022"))
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.", "Frau Ute Winter kommt.")
    _cli(project, "import", str(b))
    sets = [a["Sets"] for a in project.segments()["attributes"] if a and "Sets" in a]
    assert sets
    for names in sets:  # each set name as a category value: the group loses the name
        assert names[0].startswith("Team [Person ") and names[1] == "Winter"
