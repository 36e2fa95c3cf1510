"""What a user reads when the database says no: never a participant's data, always why."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from workbench import Project
from workbench.store import Pseudonym


@pytest.mark.backends
def test_a_database_error_does_not_show_the_key_or_texts_it_was_writing(
    project: Project,
) -> None:
    row = {"kind": "person", "normalised": "szymanowski", "placeholder": "[Person 1]"}
    with project.transaction() as session:
        session.add(Pseudonym(original="Jolanta Szymanowski", **row))
    with pytest.raises(IntegrityError) as caught, project.transaction() as session:
        session.add(Pseudonym(original="Jolanta Szymanowska", **row))
    shown = str(caught.value)
    assert "uq_pseudonym" in shown or "UNIQUE" in shown  # the error itself is still said
    # the statement's parameters (the original name) stay hidden; PostgreSQL's own DETAIL
    # names the duplicated key (kind, normalised surname) and is the server's text
    assert "Jolanta" not in shown and "Szymanowsk" not in shown
