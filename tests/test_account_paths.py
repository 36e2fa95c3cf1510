"""User names as accounts beyond the author column's own spelling: "TOM" beside "tom" and
"tom.w" is the account "tom" (workbench/ingest/personal_columns.py, ``is_account_name``)."""

from __future__ import annotations

from pathlib import Path

from tests.test_consul_exports import import_comments
from workbench import Project


def test_a_user_name_in_capitals_is_that_account(project: Project, tmp_path: Path) -> None:
    """ "TOM" (or "Tom") after "tom" and "tom.w" got tom.w's placeholder: one word that
    is a user name of the table or the key in other capitals is that account."""
    rows = [
        ("1", "Der Spielplatz braucht mehr Licht.", "tom"),
        ("2", "Mehr Bänke an der Haltestelle, bitte.", "tom.w"),
        ("3", "Die Ampel schaltet zu schnell.", "lisa"),
        ("4", "Der Bus fährt abends zu selten.", "TOM"),
        ("5", "Im Park fehlt ein Wasserspender.", "lisa.b"),
        ("6", "Das Jugendzentrum ist zu oft geschlossen.", "Lisa"),
    ]
    _, speaker = import_comments(project, tmp_path, rows)
    assert speaker["TOM"] == speaker["tom"] != speaker["tom.w"]
    assert speaker["Lisa"] == speaker["lisa"] != speaker["lisa.b"]
    assert len(set(speaker.values())) == 4
