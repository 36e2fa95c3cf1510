"""Conformance: every CLI command and every app on every real corpus and on sparse projects
either works or stops with exit code 2 and one German sentence — never a traceback, never
"nan"."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.conformance import apps, commands, harness
from tests.conformance.scenarios import Scenario, build, selected
from tests.conftest import CORPORA, need

pytestmark = pytest.mark.conformance


@pytest.mark.parametrize("scenario", selected(), ids=lambda s: s.name)
def test_every_command_conforms(scenario: Scenario, tmp_path: Path) -> None:
    corpora = (
        need(CORPORA, "Die echten Korpora (../shared/corpora)")
        if scenario.needs_corpora
        else CORPORA
    )
    project = build(scenario, corpora, tmp_path)
    outcomes, problems = commands.run_all(project, tmp_path / "ausgaben")
    problems += apps.check_apps(project, tmp_path / "ausgaben", commands.texts(project))
    assert problems == [], "\n\n".join(problems)
    assert len(outcomes) >= 40  # every command ran
    # The study's end product exists for every project, however sparse.
    for fmt in ("html", "docx", "xlsx"):
        assert (tmp_path / "ausgaben" / f"bericht.{fmt}").stat().st_size > 0


def test_an_unexpected_exception_fails_the_suite(tmp_path: Path, monkeypatch) -> None:
    project = tmp_path / "p"
    harness.run(["init", str(project)], allowed={0})

    def broken(_args: object) -> int:
        raise KeyError("intern")

    cli_main = importlib.import_module("workbench.cli.main")  # the module, not main()
    monkeypatch.setattr(cli_main, "cmd_status", broken)
    with pytest.raises(harness.NonConformance, match="Python-Ausnahme KeyError"):
        harness.run(["--project", str(project), "status"])


@pytest.mark.parametrize(
    ("code", "out", "err", "problem"),
    [
        (1, "", "", "Exit-Code 1"),
        (2, "", "Traceback (most recent call last):\n  …\nValueError: x\n", "Traceback"),
        (2, "", "Fehler: a\nFehler: b\n", "eine Zeile"),
        (0, "Manfort: nan Aussagen\n", "", "'nan'"),
        (0, "Bedarf Wohnen ()\n", "", r"'\(\)'"),
        (0, "Datum: <NA>\n", "", "'<NA>'"),
    ],
)
def test_the_checker_rejects_what_users_must_never_see(code, out, err, problem) -> None:
    outcome = harness.Outcome(["status"], code, out, err)
    with pytest.raises(harness.NonConformance, match=problem):
        harness.check(outcome)


def test_the_checker_accepts_a_german_error_and_the_participants_own_words() -> None:
    harness.check(harness.Outcome(["needs"], 2, "", "Fehler: Noch keine Einbettungen.\n"))
    said = "None of us knew () what to do"
    harness.check(harness.Outcome(["export"], 0, f"1: {said}\n", ""), texts=frozenset([said]))
