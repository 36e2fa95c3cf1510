"""Words of a file's make, copy or state in its name ("zoom_sys.vtt", "edit_alt.docx") that
are also first names somewhere are no person; real names in file names still go.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.thing_names import pseudonymise_name


@pytest.mark.parametrize(
    "filename",
    [
        "zoom_sys.vtt",
        "Zoom_Sys.vtt",
        "webex_sys_tmp.vtt",
        "edit_alt.docx",
        "aufnahme_bak.vtt",
        "mitschrift_edit.txt",
    ],
)
def test_file_labels_are_no_persons(filename: str) -> None:
    p = Pseudonymiser()
    assert pseudonymise_name(p, filename, []) == filename
    assert not [key for key in p.known if key[0] == "person"]


@pytest.mark.parametrize(
    ("filename", "stored"),
    [
        ("protokoll_anna_schmidt.docx", "protokoll_[Person 1].docx"),
        ("protokoll_sys_jensen.docx", "protokoll_[Person 1].docx"),
        ("Interview Edit Weber.docx", "Interview [Person 1].docx"),
    ],
)
def test_names_in_file_names_still_go(filename: str, stored: str) -> None:
    assert pseudonymise_name(Pseudonymiser(), filename, []) == stored


def test_a_zoom_transcript_keeps_its_file_name_and_no_key_person(tmp_path: Path) -> None:
    vtt = tmp_path / "zoom_sys.vtt"
    vtt.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Moderation>Wir brauchen Bänke.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([vtt], district="Manfort", workshop="Online-Treffen")
        filenames = list(project.documents()["filename"])
        key = project.pseudonym_key()
    assert filenames == ["zoom_sys.vtt"]
    assert "Sys" not in set(key["original"])
