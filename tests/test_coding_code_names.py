"""A code named as `codebook list` shows it: the error names the path that is meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coding_data import cards_project
from workbench import InputError, Project
from workbench.analysis import suggest
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


def test_every_code_named_by_the_user_gets_the_same_hint(project: Project, tmp_path: Path) -> None:
    """Quotes, suggestions, a codings CSV and a new code's parent gave the bare "steht nicht
    im Codebuch" for "Digitale Teilhabe", where `workbench code` names the path meant."""
    cards = cards_project(project, tmp_path)
    project.code_segment(cards["K2"], "Themen/Digitale Teilhabe", "A")
    meant = "Gemeint ist wohl 'Themen/Digitale Teilhabe'"

    with pytest.raises(InputError, match=meant):
        project.quotes("Digitale Teilhabe")
    with pytest.raises(InputError, match=meant):
        suggest.suggest(project, codes=["Digitale Teilhabe"], backend="tfidf")
    codings = tmp_path / "kodierungen.csv"
    codings.write_text(
        "document,source_id,coder,code\nkarten.csv,K3,A,Digitale Teilhabe\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=meant) as raised:
        project.import_codings(codings)
    assert raised.value.row == 2
    with pytest.raises(InputError, match=meant):
        project.add_code("Digitale Teilhabe/Leihgeräte")
    with pytest.raises(InputError) as bare:
        project.add_code("Verkehr/Bus")  # nothing like it: no guess
    assert str(bare.value) == "Obercode 'Verkehr' gibt es nicht. Bitte zuerst anlegen."
    assert len(project.codings()) == 1
    assert "Themen/Digitale Teilhabe/Leihgeräte" not in set(project.codes()["path"])
