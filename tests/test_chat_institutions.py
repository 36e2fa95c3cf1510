"""A timed chat where an institution writes under its noun alone ("[18:06] Polizei: …",
"[18:07] Kita: …"): the account went into the pseudonym key as a person and its word was
replaced in every text. An institution's noun alone is the role now; a surname that is a
noun too ("Koch", "Bauer") stays a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into, write_file
from workbench import Project

SAID = [
    "Gibt es schon einen Termin für die Begehung?",
    "Wir kommen am Donnerstag vorbei.",
    "Danke, das hilft uns sehr.",
    "Die Kontrollen am Abend werden verstärkt.",
    "Gut, dann bis Donnerstag.",
]


def _chat(folder: Path, account: str) -> Path:
    whos = ["Anna Schmidt", account] * 2 + ["Anna Schmidt"]
    lines = [
        f"[18:0{i}] {who}: {said}" for i, (who, said) in enumerate(zip(whos, SAID, strict=True), 1)
    ]
    return write_file(folder, "chat.txt", "\n".join(lines) + "\n")


@pytest.mark.parametrize(
    "account", ["Polizei", "Feuerwehr", "Jobcenter", "Kita", "Stadtwerke", "Stadtbücherei"]
)
def test_an_institution_writing_in_a_chat_is_a_role(
    project: Project, tmp_path: Path, account: str
) -> None:
    assert import_into(project, _chat(tmp_path, account)) == 0
    stored = project.segments().sort_values("position")
    persons = list(project.pseudonym_key().query("kind == 'person'")["original"])
    assert persons == ["Anna Schmidt"]
    assert list(stored["speaker_role"])[1::2] == [account, account]
    assert list(stored["text"]) == SAID


@pytest.mark.parametrize("surname", ["Koch", "Bauer", "Neustadt"])
def test_a_surname_that_is_a_noun_stays_a_person(
    project: Project, tmp_path: Path, surname: str
) -> None:
    assert import_into(project, _chat(tmp_path, surname)) == 0
    persons = set(project.pseudonym_key().query("kind == 'person'")["original"])
    assert persons == {"Anna Schmidt", surname}
    assert project.segments()["speaker_role"].isna().all()
