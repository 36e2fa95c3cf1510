"""A protocol's bold lead-in that reads as a person's name is a pseudonymous speaker, even
when the gazetteer knows neither word: "**Okke Wübbenhorst:** …" was stored as the role
"Okke Wübbenhorst", in clear, in the database and every export. Roles stay roles."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, P, Span

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.lead_in_names import lead_in_name

ROLES = [
    "Moderation",
    "Stadtteilbüro Nord",
    "Jugendzentrum Lindenhof",
    "AG Verkehr",
    "Bürgerverein Manfort",
    "Gruppe Blau",
    "Verwaltung Stadt Leverkusen",
    "Anwohnerin Manfort",
    "Offene Tür",
    "Junge Frau",
    "Pinnwand Rot",
    "Unknown Speaker",
]
TURNS = (("Okke Wübbenhorst:", " Ein Treffpunkt."), ("Moderation:", " Wir nehmen das mit."))
MARKDOWN = (
    "# Forum\n\n## Was fehlt?\n\n**Okke Wübbenhorst:** Ein Treffpunkt.\n\n"
    "**Moderation:** Danke.\n\nWie Okke Wübbenhorst sagt: mehr Bänke.\n"
)


def _import(project: Project, path: Path) -> None:
    assert main(["--project", str(project.path), "import", str(path)]) == 0


def _assert_no_name(project: Project) -> None:
    roles = project.segments()["speaker_role"].tolist()
    assert roles[0].startswith("[Person "), roles
    assert "Moderation" in roles
    stored = stored_text(project)
    assert "Wübbenhorst" not in stored and "Okke" not in stored, stored
    key = project.pseudonym_key()
    assert roles[0] in set(key["placeholder"])  # forget --speaker can find the person


def test_a_name_in_a_markdown_lead_in_is_a_person(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "forum.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    _import(project, path)
    _assert_no_name(project)
    texts = project.segments()["text"].tolist()
    assert texts[-1].startswith("Wie [Person "), texts  # on the name list: in texts too
    out = tmp_path / "aussagen.csv"
    assert main(["--project", str(project.path), "export", "--format", "csv", str(out)]) == 0
    assert "Wübbenhorst" not in out.read_text(encoding="utf-8")


def test_a_name_in_a_text_protocol_lead_in_is_a_person(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "forum.txt"
    path.write_text(MARKDOWN, encoding="utf-8")
    _import(project, path)
    _assert_no_name(project)


def test_a_name_in_a_bold_word_run_is_a_person(project: Project, tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Was fehlt?", level=1)
    for who, said in TURNS:
        p = d.add_paragraph()
        p.add_run(who).bold = True
        p.add_run(said)
    path = tmp_path / "forum.docx"
    d.save(path)
    _import(project, path)
    _assert_no_name(project)


def test_a_name_in_a_bold_libreoffice_span_is_a_person(project: Project, tmp_path: Path) -> None:
    doc = OpenDocumentText()
    heading = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph")
    heading.setAttribute("defaultoutlinelevel", 1)
    bold = Style(name="T1", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.styles.addElement(heading)
    doc.automaticstyles.addElement(bold)
    doc.text.addElement(H(outlinelevel=1, stylename=heading, text="Was fehlt?"))
    for who, said in TURNS:
        paragraph = P()
        paragraph.addElement(Span(stylename=bold, text=who))
        paragraph.addText(said)
        doc.text.addElement(paragraph)
    path = tmp_path / "forum.odt"
    doc.save(str(path))
    _import(project, path)
    _assert_no_name(project)


def test_roles_of_groups_places_and_organisations_stay_roles(
    project: Project, tmp_path: Path
) -> None:
    body = "".join(f"**{role}:** Aussage {n}.\n\n" for n, role in enumerate(ROLES, start=1))
    path = tmp_path / "forum.md"
    path.write_text(f"# Forum\n\n## Was fehlt?\n\n{body}", encoding="utf-8")
    _import(project, path)
    assert project.segments()["speaker_role"].tolist() == ROLES
    assert "Aussage 3." in project.segments()["text"].tolist()  # no word became a name


@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("Okke Wübbenhorst", "Okke Wübbenhorst"),
        ("Tjark Oltmanns", "Tjark Oltmanns"),
        ("Hinnerk von Ahlen", "Hinnerk von Ahlen"),
        ("Łukasz Wójcik (Kita)", "Łukasz Wójcik"),
        ("Okke Wübbenhorst, Kita", "Okke Wübbenhorst"),
        ("Kita – Okke Wübbenhorst", "Okke Wübbenhorst"),
        ("Moderation (Okke Wübbenhorst)", "Okke Wübbenhorst"),
        ("Moderation (Stadt Leverkusen)", None),
    ],
)
def test_names_unknown_to_the_gazetteer_read_as_names(role: str, name: str | None) -> None:
    assert lead_in_name(role) == name


def test_a_district_is_no_name() -> None:
    assert lead_in_name("Okke Hitdorf", ["hitdorf"]) is None


def test_a_name_beside_its_organisation_is_a_person(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "forum.md"
    path.write_text(
        "# Forum\n\n## Was fehlt?\n\n- **Okke Wübbenhorst, Kita:** Mehr Platz.\n"
        "- **Jugendhilfe – Tjark Oltmanns:** Ein Raum.\n",
        encoding="utf-8",
    )
    _import(project, path)
    roles = project.segments()["speaker_role"].tolist()
    assert roles[0].startswith("[Person ") and roles[0].endswith("], Kita"), roles
    assert roles[1].startswith("Jugendhilfe – [Person "), roles
    stored = stored_text(project)
    assert "Wübbenhorst" not in stored and "Oltmanns" not in stored
