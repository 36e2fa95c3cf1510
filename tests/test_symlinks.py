"""Links in an input folder (an upload unpacked with `unzip`, which keeps them) never make
the import read a file outside the folder: a link 'notizen.txt' → ~/.ssh/… or /etc/passwd
is left out with a notice; a file named on the command line is read as given."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

SECRET = "root:x:0:0:geheim-7f3a:/root:/bin/bash\n"
PROTOCOL = "---\nworkshop: W\ndistrict: Manfort\n---\n## Was fehlt?\n- Mehr Bänke im Park\n"


@pytest.fixture
def upload(tmp_path: Path) -> Path:
    """An unpacked upload: one protocol and a link to a file outside."""
    secret = tmp_path / "privat" / "passwd"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "upload"
    folder.mkdir()
    (folder / "protokoll.md").write_text(PROTOCOL, encoding="utf-8")
    (folder / "notizen.txt").symlink_to(secret)
    return folder


def _texts(project: Project) -> str:
    return " ".join(project.segments()["text"])


def test_a_link_out_of_an_imported_folder_is_left_out(
    upload: Path, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project.path), "import", str(upload)]) == 0
    out = capsys.readouterr().out
    assert "Verknüpfungen auf Dateien außerhalb des Ordners nicht importiert: notizen.txt" in out
    assert "geheim-7f3a" not in _texts(project)
    assert "Mehr Bänke im Park" in _texts(project)


def test_a_folder_of_only_links_out_is_refused(
    upload: Path, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (upload / "protokoll.md").unlink()
    assert main(["--project", str(project.path), "import", str(upload)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Fehler: Datei {upload}: Der Ordner enthält keine eigene Datei."), err
    assert project.segments().empty


def test_a_link_in_a_qde_folder_is_no_source(
    tmp_path: Path, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passwd"
    secret.write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "studie"
    (folder / "Sources").mkdir(parents=True)
    (folder / "Sources" / "a.txt").symlink_to(secret)
    (folder / "project.qde").write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
        '<TextSource guid="11111111-1111-1111-1111-111111111111" name="Protokoll" '
        'plainTextPath="internal://a.txt"/></Sources></Project>',
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(folder / "project.qde")]) == 2
    err = capsys.readouterr().err
    assert "Der Text einer Textquelle fehlt" in err and "geheim-7f3a" not in err
    assert project.segments().empty


def test_a_link_to_a_file_that_is_gone_is_named(
    upload: Path, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ordner/b.csv`` linking to a deleted file was passed over without a word."""
    (upload / "b.csv").symlink_to(upload.parent / "geloescht.csv")
    assert main(["--project", str(project.path), "import", str(upload)]) == 0
    out = capsys.readouterr().out
    assert "Verknüpfungen ins Leere nicht importiert: b.csv (die Datei, auf die sie" in out
    assert "Mehr Bänke im Park" in _texts(project)
    for own in ("protokoll.md", "notizen.txt"):  # only links to nowhere: nothing to import
        (upload / own).unlink()
    assert main(["--project", str(project.path), "import", str(upload)]) == 2
    assert "keine eigene Datei. Verknüpfungen ins Leere nicht importiert: b.csv" in (
        capsys.readouterr().err
    )
