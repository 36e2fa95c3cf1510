"""A participant as author keeps her key entry: `recommend add --author "Gisela
Brandhorst"` stores her placeholder (as does `cluster … --author`); `forget --statement`
of her statements then deleted her key entry, though the recommendation (or edit) still
names her by that placeholder — the key no longer said who formulated it, and her next
statement got a new number. Only `forget --person` takes her out
(workbench/store/erasure_keys.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import forum_project, segment_with
from workbench import Project
from workbench.cli.main import main
from workbench.store import NeedEdit
from workbench.synthesis import recommendations as rec

PROTOCOL = "Gisela Brandhorst: Wir brauchen mehr Bänke.\n\nModeration: Und Licht.\n"


@pytest.mark.parametrize("record", ["recommendation", "need edit"])
def test_her_placeholder_as_author_keeps_her_key_entry(tmp_path: Path, record: str) -> None:
    folder, p = forum_project(tmp_path, PROTOCOL)
    hers = segment_with(folder, "Bänke")
    with Project.open(folder) as project:
        if record == "recommendation":
            rec.add_recommendation(project, "Bänke", "Manfort", author="Gisela Brandhorst")
            [placeholder] = rec.recommendations(project)["author"]
        else:
            [placeholder] = project.pseudonym_key()["placeholder"]
            with project.transaction() as session:
                payload = {"members": [int(hers)]}
                session.add(NeedEdit(op="split", payload=payload, author=placeholder))
    assert placeholder.startswith("[Person ")
    assert main([*p, "forget", "--statement", str(hers)]) == 0
    with Project.open(folder) as project:
        key = project.pseudonym_key()
        assert key.set_index("placeholder")["original"].get(placeholder) == "Gisela Brandhorst"
    assert main([*p, "forget", "--person", "Gisela Brandhorst"]) == 0
    with Project.open(folder) as project:
        assert placeholder not in set(project.pseudonym_key()["placeholder"])
