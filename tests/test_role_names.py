"""A speaker role or guiding question that names a person is pseudonymised like a name of
a thing: "**Anna Schmidt:** …" in a protocol, a card wall's role "Frau Kaczmarek (Kita)",
a question "Was sagt Herr Yilmaz dazu?". They were stored as written."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

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
