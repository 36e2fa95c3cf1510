"""The command line speaks German: help, error messages and counts read as German text."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import build_parser, main
from workbench.ingest.table import TableMapping


def _arguments(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _arguments(child, f"{path} {name}")
        else:
            yield path, action


def test_every_argument_that_takes_a_value_names_it_in_german() -> None:
    # without a metavar, argparse shows the English attribute name: '--label LABEL',
    # '--seed SEED', 'Diese Angaben fehlen: action, N'
    unnamed = [
        f"{path} {action.option_strings[-1] if action.option_strings else action.dest}"
        for path, action in _arguments(build_parser(), "workbench")
        if action.nargs != 0
        and action.metavar is None
        and not (action.option_strings and action.choices is not None)
    ]
    assert unnamed == []


def test_cluster_without_arguments_names_what_is_missing_in_german(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--project", str(project.path), "cluster"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Diese Angaben fehlen: AKTION, N" in err and "action" not in err


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["cluster", "--help"], "[--label NAME]"),
        (["cluster", "--help"], "[--author NAME]"),
        (["topics", "--help"], "--seed ZAHL"),
        (["needs", "--help"], "--backend VERFAHREN"),
        (["recommend", "add", "--help"], "--title TITEL"),
        (["coders", "--help"], "Ohne AKTION: je Person die Zahl ihrer Kodierungen"),
    ],
)
def test_help_shows_german_placeholders(
    argv: list[str], shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    assert shown in " ".join(capsys.readouterr().out.split())


def test_a_negative_seed_is_named_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["needs", "--seed", "-1"])
    assert "(Startwert)" in capsys.readouterr().err


def test_review_counts_a_single_candidate_in_the_singular(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "karten.csv"
    pd.DataFrame(
        {"ID": ["K1"], "Text": ["Die Projektleiterin Quandtmeyer hat den Raum organisiert."]}
    ).to_csv(cards, index=False)
    mapping = TableMapping(text_column="Text", id_column="ID")
    project.import_files([cards], mapping=mapping, district="Manfort", workshop="W1")
    capsys.readouterr()
    assert main(["--project", str(project.path), "pseudonyms", "review"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "1 offener Namenskandidat (bestätigen: confirm, verwerfen: reject):"
