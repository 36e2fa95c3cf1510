"""A corrected protocol or card table beside the file imported before (an earlier version
of it): named with both waves, left out or stopping the import until the team decides; a
file that only looks alike (a template, the same name, other line endings) is imported."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import ErasureEntry


def _protocol(path: Path, workshop: str, when: str, statements: list[str]) -> Path:
    """A Markdown protocol of a workshop in Manfort with ``statements``."""
    head = f"---\nworkshop: {workshop}\ndistrict: Manfort\ndate: {when}\n---\n\n"
    body = "## Was fehlt im Stadtteil?\n\n" + "".join(f"- {s}\n" for s in statements)
    path.write_text(head + f"# {workshop}\n\n" + body, encoding="utf-8")
    return path


WISHES = [
    "Der Spielplatz hinter der Kirche ist seit dem Winter gesperrt",
    "Abends fährt kein Bus mehr vom Bahnhof in die Siedlung",
    "Seniorinnen fehlt ein Treffpunkt mit Sitzplätzen im Schatten",
    "Jugendliche brauchen einen Raum für Musik und Sport am Wochenende",
    "Die Beratung zu Heizkosten sollte direkt im Quartiersbüro stattfinden",
    "Familien wünschen sich mehr Kitaplätze für Kinder unter drei Jahren",
]


def test_a_follow_up_that_repeats_an_earlier_wave_is_named_with_both_waves(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A follow-up survey whose cards repeat the first wave's is no DOCX/PDF twin: the
    notice names the wave the earlier file belongs to and the one the import was for."""
    first = _protocol(tmp_path / "manfort-2021.md", "Manfort 2021", "2021-05-04", WISHES)
    again = [*WISHES[:-1], "Familien wünschen sich mehr Kitaplätze für Kinder"]
    later = _protocol(tmp_path / "manfort-2022.md", "Manfort 2022", "2022-05-03", again)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first), "--wave", "Erhebung 2021"]) == 0
    capsys.readouterr()
    assert main([*p, str(later), "--wave", "Folgebefragung 2022"]) == 0
    out = capsys.readouterr().out
    assert "manfort-2022.md: nicht importiert: " in out
    assert "'manfort-2021.md' (schon im Projekt, Welle 'Erhebung 2021')" in out
    assert "der Welle 'Folgebefragung 2022'" in out and "--allow-duplicates" in out
    assert "DOCX und als PDF" not in out  # no twin of the same wave
    # into the same wave it is the twin it looks like (case and spaces do not matter)
    assert main([*p, str(later), "--wave", " erhebung  2021"]) == 0
    out = capsys.readouterr().out
    assert "DOCX und als PDF" in out and "Welle" not in out
    assert main([*p, str(later), "--wave", "Folgebefragung 2022", "--allow-duplicates"]) == 0
    assert set(project.segments()["document"]) == {"manfort-2021.md", "manfort-2022.md"}


@pytest.mark.backends
def test_a_protocol_corrected_after_import_does_not_count_its_statements_twice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The team corrects a protocol of the current wave and imports the file again: its
    unchanged statements would stand twice in every count. The import leaves it out and
    names the command that removes the earlier version; after that the correction goes in."""
    first = tmp_path / "erhebung" / "manfort-2025.md"
    first.parent.mkdir()
    _protocol(first, "Werkstatt Manfort 2025", "2025-05-20", WISHES[:3])
    fixed = tmp_path / "berichtigt" / "manfort-2025.md"  # one card corrected, one added
    fixed.parent.mkdir()
    corrected = [WISHES[0], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    _protocol(fixed, "Werkstatt Manfort 2025", "2025-05-20", [*corrected, *WISHES[2:4]])
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(first)]) == 0
    ids = " ".join(str(i) for i in sorted(project.segments()["segment_id"]))
    capsys.readouterr()
    assert main([*p, str(fixed)]) == 2  # the team must decide
    out = capsys.readouterr().err
    assert "manfort-2025.md: nicht importiert: eine frühere Fassung" in out
    assert "(Welle '2025', 3 Aussagen); 2 Aussagen stehen unverändert in der neuen, 2 sind" in out
    assert f"workbench forget --statement {ids};" in out and "--allow-duplicates" in out
    assert len(project.segments()) == 3  # nothing doubled
    assert main(["--project", str(project.path), "forget", "--statement", *ids.split()]) == 0
    capsys.readouterr()
    # the emptied protocol is no document in status and exports; the log stays
    assert project.status()["documents"] == 0
    with project.session() as session:
        [entry] = session.scalars(select(ErasureEntry))
        assert entry.counts["statements"] == 3
    assert main([*p, str(first)]) == 0  # the erased file again: its statements stay gone
    assert "bereits importiert" in capsys.readouterr().out and project.segments().empty
    assert main([*p, str(fixed)]) == 0
    texts = sorted(project.segments()["text"])
    assert texts == sorted([*corrected, *WISHES[2:4]])
    out = tmp_path / "projekt.qdpx"
    assert main(["--project", str(project.path), "export", "--format", "qdpx", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert qde.count('name="manfort-2025.md"') == 1  # the correction, no empty earlier one


def test_a_corrected_card_table_with_codes_is_not_imported_beside_the_first(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A coded card export corrected in one card is no second coder's copy: left out. The
    same cards with another coder's codes (same name, same texts) stay welcome."""
    cards = pd.DataFrame({"Karten-ID": [f"K{i}" for i in range(6)], "Text": WISHES})
    cards["Code"] = "Bedarf"
    first = tmp_path / "karten.csv"
    cards.to_csv(first, index=False)
    args = ["--code-column", "Code", "--district", "Manfort", "--wave", "2023"]
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first), *args, "--coder", "A"]) == 0
    (tmp_path / "b").mkdir()
    other = tmp_path / "b" / "karten.csv"
    cards.assign(Code="Ressource").to_csv(other, index=False)
    assert main([*p, str(other), *args, "--coder", "B"]) == 0
    assert len(project.segments()) == 12  # a second coder's copy, as before
    (tmp_path / "c").mkdir()
    fixed = tmp_path / "c" / "karten.csv"
    cards.assign(Text=[*WISHES[:5], "Mehr Kitaplätze für Kinder unter drei"]).to_csv(fixed)
    capsys.readouterr()
    assert main([*p, str(fixed), *args, "--coder", "A"]) == 2
    out = capsys.readouterr().err
    assert "karten.csv: nicht importiert: eine frühere Fassung dieser Datei" in out
    assert len(project.segments()) == 12


def test_a_corrected_file_stops_the_import_until_the_team_decides(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corrected protocol beside a new one: the import said "nicht importiert: eine
    frühere Fassung …", stored the new one and ended with exit code 0, so a script went on
    with the correction missing. It stops (exit code 2, nothing stored); the command it
    names erases exactly the earlier version (the project's statement IDs, not the files'
    "2", "3" that a second file shares), and the same call then imports both."""
    for folder in ("b", "neu"):
        (tmp_path / folder).mkdir()
    first = _protocol(tmp_path / "manfort.md", "Werkstatt Manfort", "2025-05-20", WISHES[:3])
    other = _protocol(tmp_path / "b" / "opladen.md", "Werkstatt Opladen", "2025-05-21", WISHES[3:])
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(first), str(other)]) == 0
    earlier = sorted(project.segments().query("document == 'manfort.md'")["segment_id"])
    folder = tmp_path / "neu"
    fixed = [*WISHES[:2], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    _protocol(folder / "manfort.md", "Werkstatt Manfort", "2025-05-20", fixed)
    _protocol(folder / "wiesdorf.md", "Werkstatt Wiesdorf", "2025-05-22", ["Mehr Licht im Park"])
    capsys.readouterr()
    assert main([*p, str(folder)]) == 2
    err = capsys.readouterr().err
    assert "manfort.md: nicht importiert: eine frühere Fassung" in err
    assert "Nichts wurde gespeichert, auch keine andere Datei dieses Imports." in err
    assert "Traceback" not in err and len(project.segments()) == 6
    command = re.search(r"workbench (forget --statement [\d ]+);", err)
    assert command is not None and command[1].split()[2:] == [str(i) for i in earlier]
    assert main(["--project", str(project.path), *command[1].split()]) == 0
    assert main([*p, str(folder)]) == 0
    segments = project.segments()
    assert sorted(segments.query("document == 'manfort.md'")["text"]) == sorted(fixed)
    assert len(segments) == 7  # opladen.md kept whole, wiesdorf.md new


def test_a_file_saved_again_with_other_line_endings_does_not_stop_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same protocol saved again (Windows line endings, a BOM) in a folder imported
    again, one statement naming a person: read as a corrected version (the stored text
    is pseudonymised, so that statement seemed changed), it stopped the whole import with
    exit code 2 and the advice to erase the first import with its codings. It is left out
    as a copy (exit code 0), the folder's new file comes in, nothing counts twice."""
    folder = tmp_path / "ordner"
    folder.mkdir()
    said = [*WISHES[:3], "Herr Jens Becker vom Bürgerverein lädt jeden Dienstag zum Kaffee ein"]
    first = _protocol(folder / "manfort.md", "Werkstatt Manfort", "2025-05-20", said)
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(folder)]) == 0
    stored = sorted(project.segments()["text"])
    assert not any("Becker" in text for text in stored)  # pseudonymised
    first.write_bytes(b"\xef\xbb\xbf" + first.read_bytes().replace(b"\n", b"\r\n"))
    _protocol(folder / "wiesdorf.md", "Werkstatt Wiesdorf", "2025-05-22", ["Mehr Licht im Park"])
    capsys.readouterr()
    assert main([*p, str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "manfort.md: nicht importiert: dieselben Aussagen stehen schon im Projekt" in out
    assert "Traceback" not in err and "Fehler" not in err
    segments = project.segments()
    assert sorted(segments.query("document == 'manfort.md'")["text"]) == stored
    assert list(segments.query("document == 'wiesdorf.md'")["text"]) == ["Mehr Licht im Park"]


def test_two_different_files_of_one_name_in_one_workshop_are_both_imported(
    project: Project, tmp_path: Path
) -> None:
    """Two breakout rooms' protocols, both named protokoll.md, share no statement."""
    for room, wishes in (("raum1", WISHES[:3]), ("raum2", WISHES[3:])):
        (tmp_path / room).mkdir()
        _protocol(tmp_path / room / "protokoll.md", "Auftakt Manfort", "2021-05-04", wishes)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(tmp_path / "raum1" / "protokoll.md")]) == 0
    assert main([*p, str(tmp_path / "raum2" / "protokoll.md")]) == 0
    assert len(project.segments()) == 6


def test_a_template_filled_in_for_the_next_workshop_is_no_earlier_version(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The team reuses its template 'protokoll.md' for every workshop of a wave: greeting
    and round of introductions read word for word as in the last. The next workshop's
    protocol is imported, not left out as a corrected version of the last one (whose
    statements the notice told the team to delete)."""
    opening = ["Begrüßung durch die Moderation", "Vorstellungsrunde"]
    for day, (when, wishes) in enumerate((("2025-03-12", WISHES[:2]), ("2025-03-19", WISHES[2:4]))):
        (tmp_path / f"tag{day}").mkdir()
        name = f"Werkstatt {day + 1}"
        _protocol(tmp_path / f"tag{day}" / "protokoll.md", name, when, [*opening, *wishes])
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(tmp_path / "tag0" / "protokoll.md")]) == 0
    assert main([*p, str(tmp_path / "tag1" / "protokoll.md")]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 8
    # card tables of one name, the workshop given for the import: the same
    cards = tmp_path / "karten" / "karten.csv"
    cards.parent.mkdir()
    card = ["--text-column", "Text", "--district", "Manfort", "--wave", "2025"]
    for workshop, wishes in (("Werkstatt 1", WISHES[4:5]), ("Werkstatt 2", WISHES[5:])):
        pd.DataFrame({"Text": ["Mehr Grün", "Mehr Bänke", *wishes]}).to_csv(cards, index=False)
        assert main([*p[:-2], str(cards), *card, "--workshop", workshop]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 14


def test_a_corrected_protocol_imported_without_wave_is_left_out_in_its_workshops_wave(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A protocol of the follow-up wave is corrected and imported again without --wave: its
    workshop keeps the follow-up wave, so the unchanged statements would count twice there.
    The earlier version was looked for only in the first wave, and the file went in."""
    p = ["--project", str(project.path), "import"]
    first = _protocol(tmp_path / "manfort-2021.md", "Werkstatt 2021", "2021-05-04", WISHES[3:])
    assert main([*p, str(first), "--wave", "Erhebung 2021"]) == 0
    (tmp_path / "erhebung").mkdir()
    later = _protocol(
        tmp_path / "erhebung" / "folge.md", "Werkstatt 2025", "2025-05-20", WISHES[:3]
    )
    assert main([*p, str(later), "--wave", "Folge 2025"]) == 0
    (tmp_path / "berichtigt").mkdir()
    fixed = [*WISHES[:2], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    fixed_file = tmp_path / "berichtigt" / "folge.md"
    _protocol(fixed_file, "Werkstatt 2025", "2025-05-20", fixed)
    capsys.readouterr()
    assert main([*p, str(fixed_file)]) == 2
    out = capsys.readouterr().err
    assert "folge.md: nicht importiert: eine frühere Fassung" in out
    assert "(Welle 'Folge 2025', 3 Aussagen)" in out
    assert len(project.segments()) == 6  # nothing doubled


def test_a_protocol_named_on_a_mac_and_corrected_on_windows_is_an_earlier_version(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """macOS names 'Lützenkirchen' decomposed ('u' + U+0308), Windows composed: the same
    file corrected by a colleague on Windows went in beside the first version."""
    (tmp_path / "mac").mkdir()
    (tmp_path / "win").mkdir()
    mac = tmp_path / "mac" / "Protokoll Lu\u0308tzenkirchen.md"
    _protocol(mac, "Werkstatt 2025", "2025-05-20", WISHES[:3])
    fixed = [*WISHES[:2], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    win = _protocol(
        tmp_path / "win" / "Protokoll Lützenkirchen.md", "Werkstatt 2025", "2025-05-20", fixed
    )
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(mac)]) == 0
    capsys.readouterr()
    assert main([*p, str(win)]) == 2
    assert "nicht importiert: eine frühere Fassung" in capsys.readouterr().err
    assert len(project.segments()) == 3


def test_a_protocol_corrected_under_another_name_is_still_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'protokoll-korrigiert.md' of the same day adds a statement: its unchanged ones would
    count twice. Of one day, the files are versions of one protocol, not two meetings."""
    first = _protocol(tmp_path / "protokoll.md", "Werkstatt", "2025-05-20", WISHES)
    added = [*WISHES, "Die Grünfläche am Bach braucht Mülleimer"]
    fixed = _protocol(tmp_path / "protokoll-korrigiert.md", "Werkstatt", "2025-05-20", added)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first)]) == 0
    capsys.readouterr()
    assert main([*p, str(fixed)]) == 0
    assert "protokoll-korrigiert.md: nicht importiert: " in capsys.readouterr().out
    assert len(project.segments()) == len(WISHES)


@pytest.mark.backends
def test_a_file_imported_before_is_named_without_reading_it_again(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """A table of 30,000 rows imported again was read whole (20 s) before the import said
    'bereits importiert'. The same bytes are recognised first; other files are read, and
    the results keep the order of the files."""
    from workbench.ingest import project_import as project_module

    table = tmp_path / "umfrage.csv"
    pd.DataFrame({"Text": WISHES, "Sozialraum": "Manfort"}).to_csv(table, index=False)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(table)]) == 0
    new = _protocol(tmp_path / "neu.md", "Werkstatt", "2025-05-20", WISHES[:2])
    read = project_module.parse_all

    def parse_all(path, *args):
        assert Path(path) != table, "die schon importierte Datei wurde gelesen"
        return read(path, *args)

    monkeypatch.setattr(project_module, "parse_all", parse_all)
    capsys.readouterr()
    assert main([*p, str(table), str(new)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "umfrage.csv: bereits importiert (gleicher Inhalt), nichts geändert"
    assert out[1] == "neu.md: 2 Aussagen importiert"
    assert len(project.segments()) == len(WISHES) + 2
