"""Deleted codes (decision 026) and codebooks: a .qdc has no codings, so its notice counts
none; a YAML codebook names codes only by path, and the workbench's GUID of a code is
``uuid5`` of the path it was made with, so a YAML codebook from before the delete no longer
brings the code back unasked either — but a code made again under the path after the
delete is that path's code, and a YAML codebook written after that is taken as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coding_data import cards_project
from workbench import Project
from workbench.cli.main import main


@pytest.mark.backends
def test_a_qdc_notice_counts_no_codings_it_cannot_have(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards_project(project, tmp_path)
    project.add_code("Themen/Wohnen/Miete")
    book = tmp_path / "codebuch.qdc"
    project.export_codebook(book, "qdc")
    project.remove_code("Themen/Wohnen", force=True)
    capsys.readouterr()
    assert main(["--project", str(project.path), "codebook", "import", str(book)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "'Themen/Wohnen' (gelöscht am 20" in out
    assert "1 Untercode)" in out  # what the codebook holds under it; no codings
    assert "Kodierung" not in out
    assert "Zurückholen: das Codebuch noch einmal importieren (workbench codebook import)" in (out)


@pytest.mark.backends
def test_a_yaml_codebook_from_before_the_delete_leaves_the_code_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards_project(project, tmp_path)
    project.add_code("Themen/Wohnen/Miete")
    guid = project.code_guids()["Themen/Wohnen"]
    book = tmp_path / "codebuch.yaml"
    project.export_codebook(book, "yaml")
    project.remove_code("Themen/Wohnen", force=True)
    base = ["--project", str(project.path), "codebook", "import", str(book)]
    capsys.readouterr()
    assert main(base) == 0
    out = " ".join(capsys.readouterr().out.split())
    paths = set(project.codes()["path"])
    assert "Themen/Wohnen" not in paths and "Themen/Wohnen/Miete" not in paths
    assert "Themen" in paths  # its parent was not deleted
    assert "nicht übernommen: 1 Code der Datei mit dem Pfad eines hier gelöschten Codes" in out
    assert "'Themen/Wohnen' (gelöscht am 20" in out and "1 Untercode)" in out
    assert "--restore-deleted-codes" in out and "Kodierung" not in out

    assert main([*base, "--restore-deleted-codes"]) == 0  # asked for: back, with its GUID
    out = " ".join(capsys.readouterr().out.split())
    assert "Zurückgeholt (--restore-deleted-codes): 2 Codes der Datei" in out
    assert project.code_guids()["Themen/Wohnen"] == guid
    assert "Themen/Wohnen/Miete" in set(project.codes()["path"])
    assert main(base) == 0  # the delete is forgotten: nothing left out any more
    assert "gelöscht" not in capsys.readouterr().out


@pytest.mark.backends
def test_a_code_made_again_after_the_delete_is_not_refused_from_yaml(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``codebook add`` after the delete gives a new GUID (not the path's); a YAML
    codebook written then names the path, which is that new code: taken as always."""
    cards_project(project, tmp_path)
    old = project.code_guids()["Ressource"]
    project.remove_code("Ressource", force=True)
    project.add_code("Ressource", description="Neu angelegt")
    assert project.code_guids()["Ressource"] != old
    book = tmp_path / "danach.yaml"
    project.export_codebook(book, "yaml")
    book.write_text(
        book.read_text(encoding="utf-8").replace("Neu angelegt", "Neu beschrieben"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--project", str(project.path), "codebook", "import", str(book)]) == 0
    out = capsys.readouterr().out
    assert "gelöscht" not in out
    codes = project.codes().set_index("path")
    assert codes.loc["Ressource", "description"] == "Neu beschrieben"
    assert project.code_guids()["Ressource"] != old
