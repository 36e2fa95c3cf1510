"""A code named as `codebook list` shows it: the error names the path that is meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coding_data import cards_project
from workbench import Project
from workbench.cli.main import main


def test_a_subcode_by_its_name_or_a_code_in_other_case_names_the_path_meant(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`codebook list` shows "Digitale Teilhabe" indented under "Themen"; a coder who
    types that name (or "bedarf") learns which path to give, and nothing is stored."""
    cards = cards_project(project, tmp_path)
    base = ["--project", str(project.path)]
    segment = str(cards["K2"])
    capsys.readouterr()

    assert main([*base, "code", segment, "Digitale Teilhabe", "--coder", "A"]) == 2
    err = capsys.readouterr().err
    assert "'Digitale Teilhabe' steht nicht im Codebuch" in err
    assert "Gemeint ist wohl 'Themen/Digitale Teilhabe'" in err
    assert "Traceback" not in err

    assert main([*base, "uncode", segment, "bedarf", "--coder", "A"]) == 2
    assert "Gemeint ist wohl 'Bedarf' (Groß-/Kleinschreibung" in capsys.readouterr().err

    assert main([*base, "code", segment, "Wohnen/Miete", "--coder", "A"]) == 2
    assert "Gemeint" not in capsys.readouterr().err  # nothing like it: no guess
    assert project.codings().empty

    assert main([*base, "code", segment, "Themen/Digitale Teilhabe", "--coder", "A"]) == 0
    assert project.codings()["code"].tolist() == ["Themen/Digitale Teilhabe"]
