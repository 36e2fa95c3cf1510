"""A protocol without "Workshop:" is named after the event its title names, not its file.

Before, "Protokoll_Überruhr-Holthausen.docx" titled "Stadtteilwerkstatt Altstadt" became the
workshop "Protokoll_Überruhr-Holthausen" in every report, profile and on the public site.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main


def _docx(folder: Path, name: str, title: str, head: list[str]) -> Path:
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    for line in head:
        document.add_paragraph(line)
    document.add_heading("Herausforderungen und Bedarfe", 1)
    document.add_paragraph(f"Es fehlen Treffpunkte am Abend ({name}).", style="List Bullet")
    document.save(folder / name)
    return folder / name


def _names(project_dir: Path) -> dict[str, tuple[str, str]]:
    with Project.open(project_dir) as project:
        shops = project.workshops()
        return {r.workshop: (r.district, r.date) for r in shops.itertuples()}


def test_a_protocol_without_workshop_line_is_named_after_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    head = ["Sozialraum: Manfort", "Datum: 12.03.2021"]
    _docx(folder, "Protokoll_Überruhr-Holthausen.docx", "Stadtteilwerkstatt Altstadt", head)
    opladen = ["Sozialraum: Opladen", "Datum: 13.03.2021"]
    _docx(folder, "notizen_opladen.docx", "Protokoll: Quartiersworkshop Opladen", opladen)
    # "Workshop:" goes first; a title that names no event leaves the file's name
    _docx(folder, "wiesdorf.docx", "Stadtteilforum", ["Workshop: Forum Wiesdorf", *head])
    _docx(folder, "memo_manfort.docx", "Notizen vom Dienstag", head)
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort,Opladen", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.count("Workshop nach dem Titel des Protokolls benannt") == 2
    assert _names(project_dir) == {
        "Stadtteilwerkstatt Altstadt": ("Manfort", "2021-03-12"),
        "Quartiersworkshop Opladen": ("Opladen", "2021-03-13"),
        "Forum Wiesdorf": ("Manfort", "2021-03-12"),
        "memo_manfort": ("Manfort", "2021-03-12"),
    }


def test_the_same_title_on_another_day_is_another_workshop(tmp_path: Path) -> None:
    """A series with one template title ("Protokoll Stadtteilkonferenz" each month) is not
    merged into one workshop with the first one's date: the later ones keep their file's
    name, as before; a second file of the same event (same day) joins it."""
    folder = tmp_path / "in"
    folder.mkdir()
    title = "Protokoll Stadtteilkonferenz Manfort"
    _docx(folder, "a_maerz.docx", title, ["Sozialraum: Manfort", "Datum: 12.03.2021"])
    _docx(folder, "b_april.docx", title, ["Sozialraum: Manfort", "Datum: 09.04.2021"])
    _docx(folder, "c_maerz_gruppe2.docx", title, ["Sozialraum: Manfort", "Datum: 12.03.2021"])
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(folder)]) == 0
    assert _names(project_dir) == {
        "Stadtteilkonferenz Manfort": ("Manfort", "2021-03-12"),
        "b_april": ("Manfort", "2021-04-09"),
    }
    with Project.open(project_dir) as project:
        assert len(project.documents()) == 3


def test_undated_protocols_with_one_title_stay_apart(tmp_path: Path) -> None:
    """A monthly series with one template title and no date anywhere (no "Datum:", none in
    title or file name) is not merged into one workshop: nothing says the files are the
    same event, so the later ones keep their file's name, as before titles named them."""
    folder = tmp_path / "in"
    folder.mkdir()
    title = "Protokoll Stadtteilkonferenz Manfort"
    for month in ("januar", "februar", "maerz"):
        _docx(folder, f"{month}.docx", title, ["Sozialraum: Manfort"])
    project_dir = tmp_path / "projekt"
    assert main(["init", "--districts", "Manfort", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", str(folder)]) == 0
    names = _names(project_dir)
    assert len(names) == 3, names
    assert "Stadtteilkonferenz Manfort" in names  # the first one is named by its title
    with Project.open(project_dir) as project:
        workshops = project.segments().groupby("workshop")["text"].apply(list)
    assert all(len(texts) == 1 for texts in workshops), workshops


def test_a_new_version_of_an_undated_protocol_stays_in_its_workshop(tmp_path: Path) -> None:
    """The way the import names for a new version of a file (forget the old statements,
    import again) put an undated protocol into a workshop named after its file ("januar")
    beside its own, now empty one: the title's workshop held no statement any more."""
    old, new = tmp_path / "alt", tmp_path / "neu"
    old.mkdir()
    new.mkdir()
    title = "Protokoll Stadtteilkonferenz Manfort"
    _docx(old, "januar.docx", title, ["Sozialraum: Manfort"])
    version = _docx(new, "januar.docx", title, ["Sozialraum: Manfort", "Ort: Bürgerhaus"])
    project_dir = tmp_path / "projekt"
    where = ["--project", str(project_dir)]
    assert main(["init", "--districts", "Manfort", str(project_dir)]) == 0
    assert main([*where, "import", str(old / "januar.docx")]) == 0
    with Project.open(project_dir) as project:
        first = project.segments()["segment_id"].tolist()
    assert main([*where, "forget", "--statement", *map(str, first), "--by", "Test"]) == 0
    assert main([*where, "import", str(version)]) == 0
    with Project.open(project_dir) as project:
        assert set(project.segments()["workshop"]) == {"Stadtteilkonferenz Manfort"}
    # a second undated protocol of that title is still another event
    _docx(new, "februar.docx", title, ["Sozialraum: Manfort"])
    assert main([*where, "import", str(new / "februar.docx")]) == 0
    with Project.open(project_dir) as project:
        assert set(project.segments()["workshop"]) == {"Stadtteilkonferenz Manfort", "februar"}


def test_an_event_after_protokoll_is_no_minute_taker() -> None:
    """ "Protokoll: Quartiersworkshop Opladen" names the event: the name rules took
    "Quartiersworkshop" for the minute-taker after "Protokoll:", and since names learned in
    a file are replaced in its title too, the workshop became "[Person 1] Opladen"."""
    from workbench.ingest.pseudonymise import Pseudonymiser

    for title in ("Protokoll: Quartiersworkshop Opladen", "Kontakt: Stadtteilforum Manfort"):
        assert Pseudonymiser().pseudonymise(title)[0] == title
    assert Pseudonymiser().pseudonymise("Protokoll: Anna Schmidt")[0] == "Protokoll: [Person 1]"
