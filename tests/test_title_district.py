"""The Sozialraum a protocol's or transcript's title names ("# Quartiersworkshop Opladen",
"Stadtteilforum Manfort (…) – Transkript"), for a file that names none otherwise: the
same rule as a file's name (exactly one, umlauts spelled out or not), after ``--district``,
``Sozialraum:`` and the file's name; two named give none, and the output says so."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main

MEET = """{title} (2026-03-12 18:00 GMT+01:00) – Transkript

Teilnehmer
Anna Schmidt, Jonas Becker

Transkript
00:00:00
Anna Schmidt: Willkommen zum Forum.
Jonas Becker: Mir fehlt ein Spielplatz.
00:05:00
Anna Schmidt: Danke, notiert.
"""


def _districts(project_dir: Path) -> dict[str, set[str]]:
    """The Sozialräume of each file's statements."""
    with Project.open(project_dir) as project:
        segments = project.segments()
    found: dict[str, set[str]] = {}
    for filename, district in zip(segments["document"], segments["district"], strict=True):
        found.setdefault(filename, set()).add(district)
    return found


def _import(tmp_path: Path, *args: str) -> Path:
    project_dir = tmp_path / "projekt"
    districts = "Opladen,Manfort,Wiesdorf,Steinbüchel"
    assert main(["init", "--districts", districts, str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", *args]) == 0
    return project_dir


def test_a_title_naming_one_district_places_the_workshop_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Markdown protocol, a Google Meet transcript and a Word protocol whose titles name
    Opladen, Manfort and Wiesdorf were counted for the whole city (Gesamtstadt)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "protokoll.md").write_text(
        "# Quartiersworkshop Opladen\n\n## Was fehlt?\n\n- Mehr Bänke am Markt.\n",
        encoding="utf-8",
    )
    (folder / "meet.txt").write_text(MEET.format(title="Stadtteilforum Manfort"), "utf-8")
    (folder / "forum.txt").write_text(MEET.format(title="Forum Steinbuechel"), "utf-8")
    document = docx.Document()
    document.add_heading("Stadtteilwerkstatt Wiesdorf", 0)
    document.add_heading("Was wünschen Sie sich?", 1)
    document.add_paragraph("Mehr Grün an der Hauptstraße.")
    document.save(folder / "werkstatt.docx")
    project_dir = _import(tmp_path, str(folder))
    out = capsys.readouterr().out
    assert _districts(project_dir) == {
        "protokoll.md": {"Opladen"},
        "meet.txt": {"Manfort"},
        "forum.txt": {"Steinbüchel"},
        "werkstatt.docx": {"Wiesdorf"},
    }
    assert "Sozialraum Opladen: aus dem Titel erkannt (ein anderer: --district NAME)." in out


def test_a_title_naming_two_districts_gives_none_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Stadtteilforum Opladen und Wiesdorf" is neither's alone: the whole city's, said."""
    path = tmp_path / "forum.md"
    path.write_text("# Stadtteilforum Opladen und Wiesdorf\n\n## Was fehlt?\n\n- Bänke.\n", "utf-8")
    project_dir = _import(tmp_path, str(path))
    out = capsys.readouterr().out
    assert _districts(project_dir) == {"forum.md": {"Gesamtstadt"}}
    assert "Der Titel nennt mehrere Sozialräume (Opladen, Wiesdorf)" in out


@pytest.mark.parametrize(
    ("name", "head", "args", "district", "said"),
    [  # --district, then "Sozialraum:", then the file's name, then the title
        ("p.md", "", ["--district", "Manfort"], "Manfort", None),
        ("p.md", "Sozialraum: Wiesdorf\n", [], "Wiesdorf", None),
        ("2021-03-03_Manfort.md", "", [], "Manfort", "aus dem Dateinamen, nicht aus dem Titel"),
        ("p.md", "", [], "Opladen", "aus dem Titel erkannt"),
    ],
)
def test_what_names_the_district_before_the_title(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    head: str,
    args: list[str],
    district: str,
    said: str | None,
) -> None:
    """The title is the last word on the Sozialraum: whatever else names one goes first."""
    path = tmp_path / name
    path.write_text(f"# Quartiersworkshop Opladen\n{head}\n## Was fehlt?\n\n- Bänke.\n", "utf-8")
    project_dir = _import(tmp_path, str(path), *args)
    out = capsys.readouterr().out
    assert _districts(project_dir) == {name: {district}}
    assert (said is None and "aus dem Titel" not in out) or (said is not None and said in out)


def test_a_district_inside_another_ones_name_is_not_named_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Opladen-Nord" in a title or file name also held "Opladen" as words: two districts
    named, so none, and the statements were counted city-wide."""
    titled = tmp_path / "a.md"
    titled.write_text("# Quartiersworkshop Opladen-Nord\n\n## Was fehlt?\n\n- Bänke.\n", "utf-8")
    named = tmp_path / "Protokoll Opladen-Nord.md"
    named.write_text("# Workshop\n\n## Was fehlt?\n\n- Licht.\n", "utf-8")
    both = tmp_path / "b.md"
    both.write_text("# Forum Opladen und Opladen-Nord\n\n## Was fehlt?\n\n- Busse.\n", "utf-8")
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Opladen,Opladen-Nord", str(project_dir)]) == 0
    where = ["--project", str(project_dir), "import"]
    assert main([*where, str(titled), str(named), str(both)]) == 0
    assert _districts(project_dir) == {
        "a.md": {"Opladen-Nord"},
        "Protokoll Opladen-Nord.md": {"Opladen-Nord"},
        "b.md": {"Gesamtstadt"},
    }


@pytest.mark.parametrize(
    ("title", "district"),
    [  # a venue, guests, a date or a street is no workshop's Sozialraum
        ("Protokoll der Stadtteilkonferenz – Gäste aus Opladen", "Gesamtstadt"),
        ("Zukunftswerkstatt Gesamtstadt im Bürgerhaus Opladen", "Gesamtstadt"),
        ("Bürgerforum Mitte März", "Gesamtstadt"),
        ("Workshop Nord-Süd-Verbindung", "Gesamtstadt"),
        ("Workshop zum Hafen in Hamburg", "Gesamtstadt"),
        ("Workshop Manfort: Rückblick auf Opladen", "Manfort"),
        ("Stadtteilforum Bergisch Neukirchen, 12.03.2026", "Bergisch Neukirchen"),
        ("Workshop im Stadtteil Mitte", "Mitte"),
    ],
)
def test_a_district_the_title_mentions_besides_the_workshop_is_not_its(
    tmp_path: Path, title: str, district: str
) -> None:
    """A title naming a district as the venue, the guests' home, a date ("Mitte März") or
    in a word ("Nord-Süd-Verbindung") put a city-wide workshop's statements there."""
    path = tmp_path / "p.md"
    path.write_text(f"# {title}\n\n## Was fehlt?\n\n- Bänke.\n", "utf-8")
    project_dir = tmp_path / "projekt"
    districts = "Opladen,Manfort,Mitte,Nord,Hafen,Bergisch Neukirchen"
    assert main(["init", "--districts", districts, str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(path)]) == 0
    assert _districts(project_dir) == {"p.md": {district}}
