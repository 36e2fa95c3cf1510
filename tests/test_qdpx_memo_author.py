"""A REFI-QDA export names a memo author the key knows as a participant by placeholder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.qdpx_data import import_speakers
from tests.qdpx_data import qde_text as _qde
from workbench import Project
from workbench.cli.main import main


def test_a_participant_as_memo_author_is_exported_as_placeholder(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """<User name=…> shows "[Person 1]" for Gisela (a participant who wrote a memo), the
    researcher's own name stays; with --originals her name; a colleague's edit of the note
    in the pseudonymised file comes back to her memo, not as a new one."""
    args = import_speakers(project, tmp_path)
    memo = ["memo", "Rückfrage zur Beleuchtung", "--segment", "2"]
    assert main([*args, *memo, "--author", "Gisela  Brandhorst"]) == 0
    assert main([*args, "memo", "Projektnotiz", "--author", "Dr. Lea Vogt"]) == 0
    out = tmp_path / "p.qdpx"
    assert main([*args, "export", "--format", "qdpx", str(out)]) == 0
    qde = _qde(out)
    users = re.findall(r'<User [^>]*name="([^"]*)"', qde)
    assert sorted(users) == ["Dr. Lea Vogt", "[Person 1]"]
    assert "Brandhorst" not in qde
    originals = tmp_path / "o.qdpx"
    assert main([*args, "export", "--format", "qdpx", "--originals", str(originals)]) == 0
    assert "Gisela  Brandhorst" in re.findall(r'<User [^>]*name="([^"]*)"', _qde(originals))
    # a colleague edits the note in the pseudonymised file: it comes back to memo 1
    edited = tmp_path / "edited.qdpx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(edited, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "project.qde":
                data = qde.replace("Rückfrage zur Beleuchtung", "Rückfrage (ergänzt)").encode()
            target.writestr(item, data)
    assert main([*args, "import", str(edited)]) == 0
    memos = project.memos()
    assert len(memos) == 2
    assert memos["author"].tolist() == ["Gisela  Brandhorst", "Dr. Lea Vogt"]
    assert memos["text"].tolist()[0] == "Rückfrage (ergänzt)"
