"""An export downloaded again under other names: each of its names names the document.

A re-download with more rows is appended to the stored document, which keeps its first
file's name. ``workbench forget --source ID --document DATEI`` accepted only that first
name, refusing the name the user's folder holds now ("comments_2026-12-15.csv"), and
``project.documents()`` showed the first name beside the latest file's checksum.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from tests.test_download_checksums import WISHES, polis_export
from workbench import Project
from workbench.cli.main import main

WEEKS = ("Rückmeldungen_März.csv", "Rückmeldungen_April.csv", "Rückmeldungen_Mai.csv")


def _run(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), *args])


def _import(project: Project, path: Path, *extra: str) -> None:
    assert (
        _run(project, "import", str(path), "--district", "Manfort", "--add-districts", *extra) == 0
    )


def _grown(project: Project, folder: Path) -> list[Path]:
    """Three weekly downloads of one export (3, 5, 8 comments), appended to one document."""
    files = [polis_export(folder / name, rows) for name, rows in zip(WEEKS, (3, 5, 8), strict=True)]
    for path in files:
        _import(project, path)
    assert len(project.documents()) == 1 and len(project.segments()) == 8
    return files


@pytest.mark.parametrize("week", [1, 2])
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_forget_takes_a_later_download_name(
    project: Project, tmp_path: Path, week: int, form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The name of a later download (as macOS writes it, decomposed, too) chooses the
    document: the comment only the last download has is erased, and only it."""
    _grown(project, tmp_path)
    name = unicodedata.normalize(form, WEEKS[week])
    assert _run(project, "forget", "--source", "7", "--document", name) == 0
    assert "1  Aussagen" in capsys.readouterr().out
    assert list(project.segments()["text"]) == WISHES[:7]


def test_forget_with_an_unknown_name_says_so_and_changes_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name no download had is refused with exit code 2, named as unknown."""
    _grown(project, tmp_path)
    capsys.readouterr()
    assert _run(project, "forget", "--source", "7", "--document", "Rückmeldungen_Juni.csv") == 2
    err = capsys.readouterr().err
    assert "Eine Datei Rückmeldungen_Juni.csv gibt es im Projekt nicht" in err
    assert "Traceback" not in err and len(project.segments()) == 8


def test_a_name_two_exports_carry_is_ambiguous_and_changes_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later download's name that is also another export's own name, both holding the
    row: refused (exit 2), naming both documents, nothing erased."""
    _import(project, polis_export(tmp_path / "a" / "comments.csv", 3), "--workshop", "Energie")
    _import(project, polis_export(tmp_path / "a" / "comments_neu.csv", 6), "--workshop", "Energie")
    other = polis_export(tmp_path / "b" / "comments_neu.csv", 4, tag=" (Verkehr)")
    _import(project, other, "--workshop", "Verkehr", "--allow-duplicates")
    assert len(project.documents()) == 2 and len(project.segments()) == 10
    capsys.readouterr()
    assert _run(project, "forget", "--source", "0", "--document", "comments_neu.csv") == 2
    err = capsys.readouterr().err
    assert "mehreren Dokumenten namens comments_neu.csv" in err
    assert "comments.csv (zuletzt heruntergeladen als comments_neu.csv)" in err
    assert len(project.segments()) == 10
    # the first name is the grown document's alone
    assert _run(project, "forget", "--source", "0", "--document", "comments.csv") == 0
    assert sorted(project.segments()["text"]) == sorted(
        [*WISHES[1:6], *(f"{w} (Verkehr)" for w in WISHES[:4])]
    )


def test_forget_takes_a_later_name_holding_a_person_as_imported(
    project: Project, tmp_path: Path
) -> None:
    """A later download named after a person the key knows is stored pseudonymised; the
    name as it was in the folder finds it through the same pseudonymisation."""
    interview = tmp_path / "Interview.txt"
    interview.write_text(
        "Karla Wischnewski: Der Spielplatz ist zu klein.\n\nKarla Wischnewski: Es fehlen Bänke.\n",
        encoding="utf-8",
    )
    _import(project, interview)
    _import(project, polis_export(tmp_path / "umfrage.csv", 3))
    _import(project, polis_export(tmp_path / "umfrage_Wischnewski.csv", 6))
    assert _run(project, "forget", "--source", "5", "--document", "umfrage_Wischnewski.csv") == 0
    assert WISHES[5] not in set(project.segments()["text"])
    assert len(project.segments()) == 2 + 5


def test_documents_pair_a_name_with_its_own_checksum(project: Project, tmp_path: Path) -> None:
    """The table of documents shows the first file's name beside that file's checksum
    (was the latest's) and how many downloads the document grew from."""
    files = _grown(project, tmp_path / "wochen")
    once = polis_export(tmp_path / "einmal" / "einmal.csv", 2, tag=" (einmal)")
    _import(project, once)
    documents = project.documents().set_index("filename")
    for path, downloads in ((files[0], 3), (once, 1)):
        row = documents.loc[path.name]
        assert row["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row["downloads"] == downloads


def test_an_old_project_names_the_exports_whose_later_names_it_lacks(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project that appended before the later downloads' names were stored cannot know
    the name the folder holds now: refused (exit 2), the message names the export's first
    name to give instead, not "no such file, not even as a later download"."""
    from workbench.store import Document
    from workbench.store.downloads import DOWNLOAD_NAMES

    _grown(project, tmp_path)
    with project.transaction() as session:  # as an old project stored it
        for document in session.query(Document):
            document.options = {
                k: v for k, v in (document.options or {}).items() if k != DOWNLOAD_NAMES
            }
    capsys.readouterr()
    assert _run(project, "forget", "--source", "7", "--document", WEEKS[2]) == 2
    err = capsys.readouterr().err
    assert f"Downloads von {WEEKS[0]} sind nicht gespeichert" in err
    assert "auch nicht als späteren Download" not in err and len(project.segments()) == 8
    assert _run(project, "forget", "--source", "7", "--document", WEEKS[0]) == 0
    assert list(project.segments()["text"]) == WISHES[:7]
