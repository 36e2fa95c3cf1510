"""A recommendation titled only with a control character ("\\x1b", U+202E, a lone U+009B:
typed so, or stored by an older version) is untitled: the report's heading shows its
text, and the text is not shown a second time below it, as for one without a title
(HTML, DOCX, XLSX report, Sozialraumkonzept)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import update

from workbench.cli.main import main
from workbench.project import Project
from workbench.store.synthesis_tables import Recommendation
from workbench.synthesis.recommendation_chain import recommendation_label

TEXT = "Einen Jugendtreff am Marktplatz einrichten"
TITLES = ["\x1b", "\u202e", "\x9b", "\x1b[31m", " \x07 "]


@pytest.mark.parametrize("title", TITLES)
def test_a_control_character_is_no_title(title: str) -> None:
    from workbench.synthesis.recommendation_chain import recommendation_title

    assert recommendation_title(title) == ""
    assert recommendation_label(title, TEXT) == TEXT
    assert recommendation_title("Treff\u202e") == "Treff"  # a title with one stays a title


def _project(tmp_path: Path, title: str) -> list[str]:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    p = ["--project", str(folder)]
    protocol = tmp_path / "protokoll.md"
    protocol.write_text("# Werkstatt\n\n## Was fehlt?\n\n- Ein Treff fehlt.\n", encoding="utf-8")
    assert main([*p, "import", str(protocol), "--district", "Manfort"]) == 0
    assert main([*p, "recommend", "add", TEXT, "--title", "x", "--scope", "Manfort"]) == 0
    with Project.open(folder) as project, project.transaction() as s:
        s.execute(update(Recommendation).values(title=title))  # as an older version stored it
    return p


@pytest.mark.parametrize("title", ["\x1b", "\u202e", "\x9b"])
def test_the_report_shows_the_text_of_such_a_recommendation_once(
    title: str, tmp_path: Path
) -> None:
    p = _project(tmp_path, title)
    html = tmp_path / "bericht.html"
    assert main([*p, "report", str(html)]) == 0
    shown = html.read_text(encoding="utf-8")
    assert f"Empfehlung 1: {TEXT}" in shown
    assert shown.count(TEXT) == 1, shown.count(TEXT)
    docx = tmp_path / "bericht.docx"
    assert main([*p, "report", str(docx)]) == 0
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert body.count(TEXT) == 1


def test_the_typed_c1_title_is_untitled_in_the_report(tmp_path: Path) -> None:
    """``recommend add --title`` with a lone U+009B (Windows-1252 "›" read as Latin-1)."""
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    p = ["--project", str(folder)]
    protocol = tmp_path / "protokoll.md"
    protocol.write_text("# Werkstatt\n\n## Was fehlt?\n\n- Ein Treff fehlt.\n", encoding="utf-8")
    assert main([*p, "import", str(protocol), "--district", "Manfort"]) == 0
    assert main([*p, "recommend", "add", TEXT, "--title", "\x9b", "--scope", "Manfort"]) == 0
    html = tmp_path / "bericht.html"
    assert main([*p, "report", str(html)]) == 0
    assert html.read_text(encoding="utf-8").count(TEXT) == 1
