"""``forget`` and the recommendations: their title, text, actors and status steps hold
placeholders like statements do.

A person named only in a recommendation ("Frau Anna Becker vom Jugendamt …", an actor, the
person responsible for a status step) lost their key entry at the next ``forget`` of any
statement: the placeholder then led nowhere, and the next recommendation naming the same
person gave them a new number. ``forget --person`` took the name out of the key, but its
note of the texts that keep the placeholder left the recommendations out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym, Recommendation, RecommendationStatus
from workbench.synthesis import recommendations as rec
from workbench.synthesis.recommendation_status import record_status, status_history

PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- Es fehlen Bänke am Spielplatz.
- Die Straßenbeleuchtung ist zu dunkel.
"""

NAMES = ["Frau Anna Becker", "Herr Peter Schulz", "Frau Clara Vogt", "Herr Dieter Krause"]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    path = tmp_path / "werkstatt.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    rid = rec.add_recommendation(
        project,
        "Frau Anna Becker vom Jugendamt soll die Bänke koordinieren.",
        "Manfort",
        actors=["Herr Peter Schulz (Sozialamt)"],
        title="Koordination",
    )
    record_status(
        project, rid, "abgestimmt", "2025-06-01", "Frau Clara Vogt", "Herr Dieter Krause hilft"
    )
    yield project
    project.close()


def _key(project: Project) -> dict[str, str]:
    """The key's persons: original → placeholder."""
    with project.session() as session:
        rows = session.execute(select(Pseudonym.original, Pseudonym.placeholder))
        return dict(rows.all())


def test_a_person_named_only_in_a_recommendation_keeps_their_key_entry_after_a_forget(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forgetting an unrelated statement leaves the key of the recommendation's persons
    (title/text, actor, status actor and note) as it was; the same person named again
    gets the same placeholder."""
    before = _key(project)
    assert sorted(before) == sorted(NAMES)
    first = int(project.segments()["segment_id"].min())
    args = ["--project", str(project.path)]
    assert main([*args, "forget", "--statement", str(first)]) == 0
    assert _key(project) == before
    rid = rec.add_recommendation(project, "Anna Becker und Clara Vogt", "Manfort", title="X")
    text = rec.recommendations(project).set_index("recommendation_id").loc[rid, "text"]
    assert text == f"{before['Frau Anna Becker']} und {before['Frau Clara Vogt']}"


def test_forget_person_names_the_recommendations_that_keep_the_placeholder(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--person`` for a person named only in a recommendation's status step: the name
    leaves the key, and the note names the recommendation by id (never the name)."""
    placeholder = _key(project)["Herr Dieter Krause"]
    rid = int(rec.recommendations(project)["recommendation_id"].iloc[0])
    args = ["--project", str(project.path)]
    capsys.readouterr()
    assert main([*args, "forget", "--person", "Dieter Krause"]) == 0
    out = capsys.readouterr().out
    assert "Herr Dieter Krause" not in _key(project)
    assert f"Der Name hinter {placeholder}" in out
    assert f"Empfehlung(en) {rid} " in out and "Krause" not in out
    assert len(_key(project)) == 3  # the others stay


def test_forget_person_replaces_their_name_in_actors_and_steps_stored_as_typed(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """An earlier release stored actors and status steps as typed: ``--person`` replaces
    the person's name there by the placeholder (as in memos), with a count, and leaves
    the others' names and plain actors alone."""
    placeholder = _key(project)["Frau Anna Becker"]
    with project.transaction() as session:  # as an earlier release stored them
        record = session.scalars(select(Recommendation)).one()
        record.actors = ["Frau Anna Becker (Jugendamt)", "Caritas"]
        step = session.scalars(select(RecommendationStatus)).one()
        step.actor, step.note = "Anna Becker", "Frau Becker und Herr Schulz kümmern sich"
    args = ["--project", str(project.path)]
    capsys.readouterr()
    assert main([*args, "forget", "--person", "Anna Becker"]) == 0
    out = capsys.readouterr().out
    assert "1  Empfehlungen, in denen der Name durch den Platzhalter ersetzt wurde" in out
    [actors] = rec.recommendations(project)["actors"].tolist()
    assert list(actors) == [f"{placeholder} (Jugendamt)", "Caritas"]
    [step] = status_history(project).to_dict("records")
    assert step["actor"] == placeholder
    assert step["note"] == f"{placeholder} und Herr Schulz kümmern sich"
    text = rec.recommendations(project)["text"].iloc[0]
    assert "Becker" not in text and "Anna" not in text and "Becker" not in out
