"""A coder stored under a placeholder as her name ("[Person 1]": typed so, or from an older
release's import) beside a participant who codes under her full name and is "[Person 1]"
in the key: a pseudonymised REFI-QDA export named both "[Person 1]", one user in
``<Users>``, their codings of the same passage one coding (same GUID) — two people's work
merged. The typed one is "[Person 1] (eingetragener Name)" there, and the export read back
gives each her own codings (workbench/ingest/author_names.py, known_people)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.qdpx_data import import_speakers, qde_text
from workbench import Project
from workbench.cli.main import main


def test_a_coder_named_like_a_participants_placeholder_stays_another_user(
    project: Project, tmp_path: Path
) -> None:
    out = tmp_path / "p.qdpx"
    args = import_speakers(project, tmp_path)
    assert main([*args, "codebook", "add", "Bedarf"]) == 0
    [gisela] = project.pseudonym_key().query("original == 'Gisela Brandhorst'")["placeholder"]
    assert main([*args, "code", "1", "Bedarf", "--coder", "Gisela Brandhorst"]) == 0
    assert main([*args, "code", "1", "Bedarf", "--coder", gisela]) == 0
    assert main([*args, "code", "2", "Bedarf", "--coder", gisela]) == 0
    assert main([*args, "export", str(out)]) == 0
    qde = qde_text(out)
    assert "Brandhorst" not in qde
    users = dict(re.findall(r'<User guid="([^"]*)" name="([^"]*)"', qde))
    assert sorted(users.values()) == sorted([gisela, f"{gisela} (eingetragener Name)"])
    codings = re.findall(r'<Coding guid="([^"]*)" creatingUser="([^"]*)"', qde)
    assert len(codings) == 3 and len({guid for guid, _ in codings}) == 3
    assert sorted(users[user] for _, user in codings).count(gisela) == 1
    before = project.codings()["coder"].value_counts().to_dict()
    assert before == {"Gisela Brandhorst": 1, gisela: 2}
    assert main([*args, "import", str(out)]) == 0  # read back: each her own codings
    assert project.codings()["coder"].value_counts().to_dict() == before
