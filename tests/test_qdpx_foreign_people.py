"""Another project's pseudonymised export: its "[Person N]" are people of their own here.

Project A's ``[Person 1]`` is not project B's ``[Person 1]`` (decision 002, Nachtrag
Sitzung 24): imported into B, A's people get their own numbers in B's key, codings
follow the changed placeholders, a re-import finds the same people, and B's own export
re-imported into B changes nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.qdpx_data import segments_of
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.store.erasure import forget

A_VTT = """WEBVTT

00:00:01.000 --> 00:00:05.000
<v Kemal Öztürk>Es fehlt ein Jugendtreff am Marktplatz.

00:00:06.000 --> 00:00:09.000
<v Fatma Karagöz>Die Busse fahren abends zu selten, sagt auch Herr Öztürk.
"""
PEOPLE = [
    "Ayşe Yılmaz",
    "Jonas Weber",
    "Lena Hoffmann",
    "Milan Kovačević",
    "Grete Brandt",
    "Piotr Nowak",
    "Emma Schulze",
    "Yusuf Demir",
    "Clara Vogt",
]
B_VTT = "WEBVTT\n" + "".join(
    f"\n00:00:{n:02d}.000 --> 00:00:{n:02d}.500\n<v {name}>Wir brauchen mehr Bänke, Nummer {n}.\n"
    for n, name in enumerate(PEOPLE, start=1)
)
SPAN = "sagt auch [Person 1]."  # coded in A, after and over a placeholder


def _project(path: Path, name: str, text: str, district: str) -> Project:
    project = Project.create(path, districts=["Wiesdorf", "Opladen"])
    source = path.parent / f"{name}.vtt"
    source.write_text(text, encoding="utf-8")
    project.import_files([source], district=district)
    return project


@pytest.fixture
def a_export(tmp_path: Path) -> Path:
    """Project A's pseudonymised export: Öztürk is [Person 1], Karagöz [Person 2]."""
    a = _project(tmp_path / "A", "a", A_VTT, "Wiesdorf")
    a.add_code("Mobilität")
    second = a.segments().iloc[1]
    assert second.text.endswith(SPAN) and second.attributes["speaker"] == "[Person 2]"
    start = second.text.index(SPAN)
    a.code_segment(int(second.segment_id), "Mobilität", "Forschung A", start, start + len(SPAN))
    out = tmp_path / "a.qdpx"
    export_qdpx(a, out)
    a.close()
    return out


def _speakers(project: Project, document: str) -> list[str]:
    table = project.segments()
    return [s["speaker"] for s in table[table["document"] == document]["attributes"]]


def test_another_projects_people_are_not_this_projects(tmp_path: Path, a_export: Path) -> None:
    b = _project(tmp_path / "B", "b", B_VTT, "Opladen")
    assert _speakers(b, "b.vtt") == [f"[Person {n}]" for n in range(1, 10)]  # Yılmaz, …

    result = import_qdpx(b, a_export)

    # Öztürk and Karagöz are B's [Person 10] and [Person 11], not Yılmaz and Weber.
    assert _speakers(b, "a.vtt") == ["[Person 10]", "[Person 11]"]
    texts = b.segments().set_index("source_id")
    assert (
        texts.loc["2"].query("document == 'a.vtt'").text.iloc[0].endswith("sagt auch [Person 10].")
    )
    assert any("2 Personen aus dem Projekt „A“ neu nummeriert" in n for n in result.notices)
    # The coding still covers exactly "sagt auch <Öztürk>." (the placeholder is longer).
    coding = b.codings().query("code == 'Mobilität'").iloc[0]
    segment = b.segments().set_index("segment_id").loc[coding.segment_id]
    assert segment.text[coding.start : coding.end] == "sagt auch [Person 10]."
    # Erasing Yılmaz (GDPR) deletes her one statement, nobody from A.
    report = forget(b, speaker="Ayşe Yılmaz", dry_run=True)
    assert report.counts["statements"] == 1
    report = forget(b, speaker="[Person 1]", dry_run=True)
    assert report.counts["statements"] == 1
    # A's people are in B's key, as people of A.
    table = b.pseudonym_key()
    key = dict(zip(table["placeholder"], table["original"], strict=True))
    assert key["[Person 10]"] == "[Person 1] aus A"
    assert key["[Person 1]"] == "Ayşe Yılmaz"

    # Importing the same file again finds the same people: nothing new.
    before = segments_of(b)
    again = import_qdpx(b, a_export)
    assert again.documents == 0 and again.codings == 0 and segments_of(b) == before

    # B's own export, imported into B, keeps B's numbers and adds nothing.
    own = tmp_path / "b.qdpx"
    export_qdpx(b, own)
    back = import_qdpx(b, own)
    assert back.documents == 0 and back.codings == 0 and segments_of(b) == before
    assert not any("neu nummeriert" in n for n in back.notices)
    b.close()


def test_a_new_project_keeps_the_files_numbers(tmp_path: Path, a_export: Path) -> None:
    c = Project.create(tmp_path / "C", districts=["Wiesdorf", "Opladen"])
    result = import_qdpx(c, a_export)
    assert _speakers(c, "a.vtt") == ["[Person 1]", "[Person 2]"]
    assert not any("neu nummeriert" in n for n in result.notices)
    # … and its next own person comes after them.
    other = tmp_path / "b.vtt"
    other.write_text(B_VTT, encoding="utf-8")
    c.import_files([other], district="Opladen")
    assert _speakers(c, "b.vtt") == [f"[Person {n}]" for n in range(3, 12)]
    c.close()


def test_names_and_notes_of_the_file_follow_the_same_numbers(
    tmp_path: Path, a_export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A memo and a source name mentioning A's [Person 1] mean the same person as the
    text: one number for all of the file."""
    edited = tmp_path / "a_memo.qdpx"
    with zipfile.ZipFile(a_export) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "project.qde":
                qde = data.decode("utf-8")
                qde = qde.replace('name="a.vtt"', 'name="Gespräch mit [Person 1]"')
                note = (
                    '<Notes><Note guid="E0000000-0000-4000-8000-000000000001" name="Notiz">'
                    "<PlainTextContent>[Person 2] bringt [Person 1] mit.</PlainTextContent>"
                    "</Note></Notes>"
                )
                qde = qde.replace("<Sources>", note + "<Sources>", 1)
                qde = qde.replace(
                    "<Description>Exportiert",
                    '<NoteRef targetGUID="E0000000-0000-4000-8000-000000000001"/>'
                    "<Description>Exportiert",
                )
                data = qde.encode("utf-8")
            dst.writestr(item, data)
    b = _project(tmp_path / "B", "b", B_VTT, "Opladen")
    b.close()
    assert main(["--project", str(tmp_path / "B"), "import", str(edited), "--coder", "X"]) == 0
    assert "neu nummeriert" in capsys.readouterr().out
    b = Project.open(tmp_path / "B")
    assert "Gespräch mit [Person 10]" in set(b.documents()["filename"])
    assert "[Person 11] bringt [Person 10] mit." in set(b.memos()["text"])
    b.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_another_projects_table_export_brings_people_of_its_own(tmp_path: Path, fmt: str) -> None:
    """The same for a pseudonymised CSV/XLSX export (its origin is the file's name)."""
    a = _project(tmp_path / "A", "a", A_VTT, "Wiesdorf")
    table = tmp_path / f"a_export.{fmt}"
    a.export_table(table, fmt)
    a.close()
    b = _project(tmp_path / "B", "b", B_VTT, "Opladen")
    [result] = b.import_files([table])
    assert _speakers(b, table.name) == ["[Person 10]", "[Person 11]"]
    texts = list(b.segments().query("document == @table.name").text)
    assert texts[1].endswith("sagt auch [Person 10].")
    assert any(f"2 Personen aus „{table.name}“ neu nummeriert" in n for n in result.notices)
    assert forget(b, speaker="Ayşe Yılmaz", dry_run=True).counts["statements"] == 1
    # B's own export, imported into B, keeps B's people (one person, not two); without
    # allow_duplicates it is left out, as all its statements are B's (same_content).
    own = tmp_path / f"b_export.{fmt}"
    b.export_table(own, fmt)
    [left] = b.import_files([own])
    assert left.notices[0].startswith("nicht importiert: ein Tabellenexport der Werkbank")
    [back] = b.import_files([own], allow_duplicates=True)
    assert _speakers(b, own.name) == [
        *(f"[Person {n}]" for n in range(1, 10)),
        "[Person 10]",
        "[Person 11]",
    ]
    assert not any("neu nummeriert" in n for n in back.notices)
    b.close()


def test_a_transcript_both_projects_hold_does_not_make_the_others_numbers_ours(
    tmp_path: Path,
) -> None:
    """The same chat imported into A and into B has the same text (no name in it), but
    each project numbers its speakers: A's speakers stay A's people in B."""
    shared = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Kemal Öztürk>Mehr Licht am Bahnhof.\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v Fatma Karagöz>Und eine Toilette.\n"
    )
    a = _project(tmp_path / "A", "gemeinsam", shared, "Wiesdorf")
    later = tmp_path / "a2.vtt"
    later.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Kemal Öztürk>Noch ein Nachtrag.\n",
        encoding="utf-8",
    )
    a.import_files([later], district="Wiesdorf")
    assert _speakers(a, "a2.vtt") == ["[Person 1]"]  # Öztürk in A
    export_qdpx(a, tmp_path / "a.qdpx")
    a.close()
    b = _project(tmp_path / "B", "b", B_VTT, "Opladen")
    b.import_files([tmp_path / "gemeinsam.vtt"], district="Wiesdorf", allow_duplicates=True)
    assert _speakers(b, "gemeinsam.vtt") == ["[Person 10]", "[Person 11]"]
    import_qdpx(b, tmp_path / "a.qdpx")
    assert _speakers(b, "a2.vtt") == ["[Person 12]"]  # not B's [Person 1], Yılmaz
    b.close()
