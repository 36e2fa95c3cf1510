"""A folder import leaves out the files that describe the folder (README, licence, terms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import expand_paths
from workbench.ingest.folder_files import description_kind

PROTOCOL = "## Was fehlt?\n\n- Ein Treffpunkt für Ältere.\n"
README = "# Workshopdaten Manfort\n\nDiese Dateien stammen aus dem Workshop.\n\n- Lizenz: CC BY\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("README.md", "Beschreibung"),
        ("readme.txt", "Beschreibung"),
        ("LIESMICH.txt", "Beschreibung"),
        ("README.polis-openData.md", "Beschreibung"),
        ("LICENSE", "Lizenz"),
        ("Lizenz_CC-BY.pdf", "Lizenz"),
        ("TERMS-OF-USE.txt", "Nutzungsbedingungen"),
        ("Terms of use.pdf", "Nutzungsbedingungen"),
        ("Nutzungsbedingungen.docx", "Nutzungsbedingungen"),
        ("CITATION.cff", "Zitierhinweis"),
        ("Protokoll_Manfort.docx", None),
        ("Readmeeting.txt", None),  # a word that only starts like one
        ("Lizenzfragen im Quartier.md", None),
        ("notizen.md", None),
    ],
)
def test_description_files_are_known_by_name(name: str, kind: str | None) -> None:
    assert description_kind(name) == kind


def test_a_folder_import_leaves_out_readme_and_licence(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "manfort.md").write_text(PROTOCOL, encoding="utf-8")
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "LICENSE.txt").write_text("Creative Commons Attribution 4.0\n", encoding="utf-8")
    notices: list[str] = []
    assert [p.name for p in expand_paths([folder], notices)] == ["manfort.md"]
    assert notices == [
        "LICENSE.txt (Lizenz), README.md (Beschreibung) beschreiben den Ordner, keine "
        "Beiträge: nicht importiert (einzeln angegeben wird eine solche Datei importiert)."
    ]
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    assert "README.md (Beschreibung)" in capsys.readouterr().out
    assert project.segments()["text"].tolist() == ["Ein Treffpunkt für Ältere."]
    # given by name, a README is imported: the user asked for it
    assert main(["--project", str(project.path), "import", str(folder / "README.md")]) == 0
    assert set(project.segments()["document"]) == {"manfort.md", "README.md"}


def test_a_folder_of_only_descriptions_stops_with_exit_2(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "leer"
    folder.mkdir()
    (folder / "README.md").write_text(README, encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "leer: Der Ordner enthält nur Beschreibungen (README, Lizenz …)" in err
    assert "Traceback" not in err and project.segments().empty


def test_a_folder_of_exports_in_subfolders_names_them_and_imports_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A downloaded collection (README beside one folder per export or workshop): the import
    does not enter the subfolders, says which hold files and how to give them, exit 2."""
    folder = tmp_path / "sammlung"
    for name, need in (("Workshop Manfort", "Ältere"), ("Workshop Opladen", "Jugendliche")):
        (folder / name).mkdir(parents=True)
        text = f"## Was fehlt?\n\n- Ein Treffpunkt für {need}.\n"
        (folder / name / "protokoll.md").write_text(text, encoding="utf-8")
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "nur-lizenz").mkdir()
    (folder / "nur-lizenz" / "LICENSE.txt").write_text("CC BY 4.0\n", encoding="utf-8")
    (folder / "__MACOSX" / "Workshop Manfort").mkdir(parents=True)
    (folder / "__MACOSX" / "Workshop Manfort" / "protokoll.md").write_text("x", encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "Unterordner mit Dateien: Workshop Manfort/, Workshop Opladen/." in err
    assert f"workbench import '{folder}'/*/" in err
    assert "nur-lizenz" not in err and "MACOSX" not in err and "Traceback" not in err
    assert project.segments().empty
    # given as the error says, both are imported
    paths = [str(folder / "Workshop Manfort"), str(folder / "Workshop Opladen")]
    assert main(["--project", str(project.path), "import", *paths]) == 0
    assert len(project.segments()) == 2


def test_files_beside_subfolders_are_imported_and_the_subfolders_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "protokolle"
    (folder / "Nachträge" / "2021").mkdir(parents=True)
    (folder / "manfort.md").write_text(PROTOCOL, encoding="utf-8")
    (folder / "Nachträge" / "2021" / "opladen.md").write_text(PROTOCOL, encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("intern\n", encoding="utf-8")
    notices: list[str] = []
    assert [p.name for p in expand_paths([folder], notices)] == ["manfort.md"]
    assert notices == [
        "Unterordner nicht durchsucht: Nachträge/ (einzeln angeben, um ihre Dateien zu "
        "importieren)."
    ]
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    assert "Unterordner nicht durchsucht: Nachträge/" in capsys.readouterr().out
    assert project.segments()["document"].tolist() == ["manfort.md"]


def test_a_refi_qda_projects_sources_folder_is_not_named(tmp_path: Path) -> None:
    """An unpacked REFI-QDA project: ``Sources/`` belongs to the ``.qde`` beside it."""
    folder = tmp_path / "projekt"
    (folder / "Sources").mkdir(parents=True)
    (folder / "project.qde").write_text("<Project/>", encoding="utf-8")
    (folder / "Sources" / "a.txt").write_text("Ein Text.\n", encoding="utf-8")
    notices: list[str] = []
    assert [p.name for p in expand_paths([folder], notices)] == ["project.qde"]
    assert notices == []
