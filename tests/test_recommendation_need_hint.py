"""A recommendation without need links: the check says which need clusters hold its evidence
and the command that links them; it links nothing itself, and the public site stays plain."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.analysis import needs as needs_
from workbench.cli.main import main
from workbench.synthesis import recommendations as rec
from workbench.synthesis.recommendation_chain import (
    NO_NEED_LINK,
    PUBLIC_NO_NEED_LINK,
    public_problem_text,
)


@pytest.fixture
def analysed(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Project:
    """A private copy of the analysed demo study (tests here add recommendations)."""
    project = demo_copy(tmp_path_factory, tmp_path / "p")
    yield project
    project.close()


def evidence_spread(project: Project) -> tuple[int, int, list[int], int]:
    """Two clusters of the need run, 2 statements of the first, 1 of the second and 1
    statement in no cluster: (first, second, the four segment ids, the unclustered one)."""
    held = needs_.assignments(project)
    first, second = sorted(held["cluster"].unique())[:2]
    ids = [*held.loc[held["cluster"] == first, "segment_id"].head(2)]
    ids += [*held.loc[held["cluster"] == second, "segment_id"].head(1)]
    segments = project.segments()
    outside = int(
        segments.loc[~segments["segment_id"].isin(held["segment_id"]), "segment_id"].iloc[0]
    )
    return int(first), int(second), [int(i) for i in ids], outside


def labels(project: Project) -> dict[int, str]:
    table = needs_.assignments(project)
    return dict(zip(table["cluster"].astype(int), table["cluster_label"], strict=False))


def own_problems(project: Project, number: int) -> list[str]:
    problems = rec.check_provenance(project)
    return list(problems.loc[problems["recommendation_id"] == number, "problem"])


def test_check_names_the_clusters_holding_the_evidence_and_the_command_that_links_them(
    analysed: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, ids, _ = evidence_spread(analysed)
    number = rec.add_recommendation(analysed, "Mehr Bänke im Park")
    rec.link_evidence(analysed, number, ids)
    run = rec.chain(analysed)["need_run"]
    base = ["--project", str(analysed.path), "recommend"]

    assert main([*base, "check"]) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith(f"Empfehlung {number}: "))
    named = labels(analysed)
    assert line == (
        f"Empfehlung {number}: {NO_NEED_LINK}; ihre Belege liegen im Bedarfslauf {run} in "
        f"Cluster {first} „{named[first]}“ (2 Belege) und Cluster {second} „{named[second]}“ "
        f"(1 Beleg) (verknüpfen: workbench recommend link {number} --run {run} "
        f"--cluster {first} --cluster {second})"
    )
    assert rec.need_links(analysed).query(f"recommendation_id == {number}").empty  # not linked

    # the named command, as the team would paste it, completes the chain
    command = re.search(r"verknüpfen: workbench (.*)\)$", line).group(1)
    assert main(["--project", str(analysed.path), *shlex.split(command)]) == 0
    capsys.readouterr()
    assert own_problems(analysed, number) == []


def test_evidence_partly_outside_the_needs_is_counted(analysed: Project) -> None:
    first, _, ids, outside = evidence_spread(analysed)
    number = rec.add_recommendation(analysed, "Sitzgelegenheiten am Markt")
    rec.link_evidence(analysed, number, [*ids[:2], outside])
    (problem,) = own_problems(analysed, number)
    assert problem.startswith(f"{NO_NEED_LINK}; 2 ihrer 3 Belege liegen im Bedarfslauf ")
    assert f"in Cluster {first} „{labels(analysed)[first]}“ (2 Belege) (verknüpfen: " in problem
    rec.unlink(analysed, number, segment_id=ids[1])
    (problem,) = own_problems(analysed, number)
    assert "; 1 ihrer 2 Belege liegt im Bedarfslauf " in problem


def test_evidence_in_no_cluster_and_no_evidence_keep_the_plain_sentence(
    analysed: Project,
) -> None:
    _, _, _, outside = evidence_spread(analysed)
    unclustered = rec.add_recommendation(analysed, "Ohne Bedarfsaussage")
    rec.link_evidence(analysed, unclustered, [outside])
    assert own_problems(analysed, unclustered) == [NO_NEED_LINK]
    bare = rec.add_recommendation(analysed, "Ohne Belege")
    assert NO_NEED_LINK in own_problems(analysed, bare)


def test_readers_outside_the_team_get_no_clusters_or_commands(analysed: Project) -> None:
    _, _, ids, _ = evidence_spread(analysed)
    number = rec.add_recommendation(analysed, "Mehr Bänke im Park")
    rec.link_evidence(analysed, number, ids)
    problems = rec.check_provenance(analysed)
    (row,) = problems[problems["recommendation_id"] == number].itertuples()
    assert "workbench recommend link" in rec.problem_text(row.link, row.target, row.problem)
    assert public_problem_text(row.link, row.target, row.problem) == PUBLIC_NO_NEED_LINK


def test_without_a_need_run_the_sentence_stays_plain(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    with demo_copy(tmp_path_factory, tmp_path / "p", analysed=False) as plain:
        number = rec.add_recommendation(plain, "Mehr Bänke im Park")
        segments = plain.segments()
        rec.link_evidence(plain, number, [int(segments["segment_id"].iloc[0])])
        assert own_problems(plain, number) == [NO_NEED_LINK]


def test_a_single_statement_is_said_in_the_singular(analysed: Project) -> None:
    first, _, ids, _ = evidence_spread(analysed)
    number = rec.add_recommendation(analysed, "Eine Bank am Spielplatz")
    rec.link_evidence(analysed, number, ids[:1])
    (problem,) = own_problems(analysed, number)
    assert "; ihr Beleg liegt im Bedarfslauf " in problem
    assert f"in Cluster {first} „{labels(analysed)[first]}“ (1 Beleg) (verknüpfen: " in problem
