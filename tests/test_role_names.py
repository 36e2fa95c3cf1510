"""A speaker role or guiding question that names a person is pseudonymised like a name of
a thing: "**Anna Schmidt:** …" in a protocol, a card wall's role "Frau Kaczmarek (Kita)",
a question "Was sagt Herr Yilmaz dazu?". They were stored as written."""

from __future__ import annotations

from pathlib import Path

import docx
from sqlalchemy import delete

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym

PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
participants: [Anna Schmidt]
---
## Was fehlt?

- **Anna Schmidt:** Wir brauchen mehr Bänke am Markt.
- **Herr Kaczmarek:** Im Park fehlt abends Licht.
- **Jugendhilfe:** Ein Treffpunkt für Jugendliche.
"""


def _import(project: Project, path: Path, *args: str) -> None:
    assert main(["--project", str(project.path), "import", str(path), *args]) == 0


def test_roles_that_name_people_are_stored_as_placeholders(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "werkstatt.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    _import(project, path)
    roles = project.segments()["speaker_role"].tolist()
    assert roles[2] == "Jugendhilfe"  # an institution stays what it is
    assert all(role.startswith("[Person ") for role in roles[:2]), roles
    stored = stored_text(project)
    assert "Schmidt" not in stored and "Kaczmarek" not in stored


def test_a_bold_name_in_a_word_protocol_is_no_role_in_clear(
    project: Project, tmp_path: Path
) -> None:
    d = docx.Document()
    d.add_paragraph("Teilnehmende: Ole Stracke")
    d.add_paragraph("Was fehlt?", style="Heading 1")
    p = d.add_paragraph()
    p.add_run("Ole Stracke:").bold = True
    p.add_run(" Die Läden am Markt stehen leer.")
    path = tmp_path / "werkstatt.docx"
    d.save(path)
    _import(project, path, "--district", "Manfort")
    [role] = project.segments()["speaker_role"].tolist()
    assert role.startswith("[Person ") and "Stracke" not in stored_text(project)


def test_a_role_column_and_a_question_column_are_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "karten.csv"
    path.write_text(
        "Text;Rolle;Leitfrage\n"
        "Die Kita braucht mehr Platz.;Frau Kaczmarek (Kita);Was sagt Herr Yilmaz dazu?\n"
        "Der Spielplatz ist zu klein.;Quartiersbüro;Was sagt Herr Yilmaz dazu?\n",
        encoding="utf-8",
    )
    _import(
        project,
        path,
        "--district",
        "Manfort",
        "--role-column",
        "Rolle",
        "--question-column",
        "Leitfrage",
    )
    segments = project.segments()
    assert segments["speaker_role"].tolist() == ["[Person 2] (Kita)", "Quartiersbüro"]
    assert segments["question"].tolist() == ["Was sagt [Person 1] dazu?"] * 2
    stored = stored_text(project)  # the document's text holds the question as a heading
    assert "Kaczmarek" not in stored and "Yilmaz" not in stored


ROLE_ONLY = """---
workshop: Folgeworkshop Manfort
district: Manfort
---
## Was fehlt?

- **Peter Schmidt:** Die Busverbindung ist abends zu selten.
- **Anna Schmidt:** Der Jugendtreff ist am Wochenende geschlossen.
"""

MEETING = """WEBVTT

00:00:01.000 --> 00:00:05.000
Maria Kowalski: Willkommen in Wiesdorf.

00:00:06.000 --> 00:00:12.000
Thomas Becker: Die Mieten steigen weiter.
"""


def _import_role_only_then_meeting(project: Project, tmp_path: Path) -> tuple[list, list]:
    protocol, meeting = tmp_path / "folge.md", tmp_path / "treffen_wiesdorf.vtt"
    protocol.write_text(ROLE_ONLY, encoding="utf-8")
    meeting.write_text(MEETING, encoding="utf-8")
    _import(project, protocol)  # one file per import: its key entries are its own
    roles = project.segments()["speaker_role"].tolist()
    _import(project, meeting)
    speakers = [a.get("speaker") for a in project.segments()["attributes"]][2:]
    return roles, speakers


def test_a_person_named_only_as_a_role_is_in_the_key(project: Project, tmp_path: Path) -> None:
    """The role's placeholder was given after the key was stored: the next import gave
    the same number to someone else, and forget --speaker did not find the person."""
    roles, speakers = _import_role_only_then_meeting(project, tmp_path)
    assert all(r.startswith("[Person ") for r in roles) and roles[0] != roles[1]
    assert not set(roles) & set(speakers), (roles, speakers)  # no number given twice
    key = project.pseudonym_key()
    assert set(roles) <= set(key["placeholder"])
    assert main(["--project", str(project.path), "forget", "--speaker", "Peter Schmidt"]) == 0
    left = project.segments()
    assert left["speaker_role"].tolist()[0] == roles[1] and len(left) == 3  # his one is gone


def test_a_role_number_missing_from_an_earlier_key_is_not_given_again(
    project: Project, tmp_path: Path
) -> None:
    """A project imported before keeps roles whose key entry was never stored; the
    numbers of those roles are not given to new people."""
    path = tmp_path / "folge.md"
    path.write_text(ROLE_ONLY, encoding="utf-8")
    _import(project, path)
    roles = project.segments()["speaker_role"].tolist()
    with project.transaction() as session:  # the key as an earlier version left it
        session.execute(delete(Pseudonym).where(Pseudonym.placeholder.in_(roles)))
    meeting = tmp_path / "treffen_wiesdorf.vtt"
    meeting.write_text(MEETING, encoding="utf-8")
    _import(project, meeting)
    speakers = [a.get("speaker") for a in project.segments()["attributes"]][2:]
    assert all(s.startswith("[Person ") for s in speakers)
    assert not set(roles) & set(speakers), (roles, speakers)
