"""The workbench's own table export imported again without options (decision 013).

A team exports a project (``workbench export``), passes the file on or edits it in Excel,
and imports it into another project. The export's columns are the workbench's own names
(``segment_id``, ``source_id``, ``speaker_role`` …), which the import did not know.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

CHAT = (
    "[18:02] Anna Schmidt: Hallo zusammen, wir brauchen mehr Bänke am Markt.\n"
    "[18:03] Mehmet Yilmaz: Stimmt, und der Spielplatz ist kaputt.\n"
    "[18:04] Birgit Lorenz: Wir bräuchten eine Beratung vor Ort.\n"
)
CARDS = "Karten-ID;Rolle;Text\nK1;Jugendarbeit;Kein Treffpunkt für Jugendliche\n"


@pytest.fixture
def exported(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A project's export: cards (ID K1) and two chats (IDs 1, 2, 3 each), one coding."""
    first = tmp_path / "erst"
    assert main(["init", "--districts", "Manfort,Wiesdorf", str(first)]) == 0
    where = ["--project", str(first)]
    (tmp_path / "karten.csv").write_text(CARDS, encoding="utf-8")
    assert main([*where, "import", str(tmp_path / "karten.csv"), "--district", "Manfort"]) == 0
    for district in ("Manfort", "Wiesdorf"):
        chat = tmp_path / f"chat_{district}.txt"
        chat.write_text(CHAT.replace("am Markt", f"in {district}"), encoding="utf-8")
        assert main([*where, "import", str(chat), "--district", district]) == 0
    assert main([*where, "codebook", "add", "Bedarf"]) == 0
    assert main([*where, "code", "--coder", "A", "2", "Bedarf"]) == 0
    out = tmp_path / f"export.{request.param}"
    assert main([*where, "export", "--format", request.param, str(out)]) == 0
    return out


@pytest.mark.parametrize("exported", ["csv", "xlsx"], indirect=True)
def test_an_export_imported_without_options_keeps_ids_roles_speakers_and_codings(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """IDs became the line numbers (2, 3, …), speaker_role an attribute, the codings a
    column "codes" of text, and the old project's offsets attributes of every statement."""
    again = tmp_path / "wieder"
    assert main(["init", "--districts", "Manfort,Wiesdorf", str(again)]) == 0
    capsys.readouterr()
    assert main(["--project", str(again), "import", str(exported)]) == 0
    printed = capsys.readouterr().out
    back = Project.open(again)
    try:
        segments = back.segments()
        # the two chats number their statements 1, 2, 3 each: the document's number before
        assert segments["source_id"].tolist() == [
            "K1",
            *(f"D{d}:{n}" for d in (2, 3) for n in (1, 2, 3)),
        ]
        assert segments["speaker_role"].tolist()[0] == "Jugendarbeit"
        assert segments["speaker"].tolist()[1:] == ["[Person 1]", "[Person 2]", "[Person 3]"] * 2
        assert segments["district"].tolist() == ["Manfort"] * 4 + ["Wiesdorf"] * 3
        for attributes in segments["attributes"]:
            assert not {"start", "end", "position", "speaker_role"} & set(attributes)
        codings = back.codings()
        assert list(zip(codings["source_id"], codings["coder"], codings["code"], strict=True)) == [
            ("D2:1", "A", "Bedarf")
        ]
        key = back.pseudonym_key()
        # the placeholders are people of the file (decision 002), never names of their own
        assert all(o.startswith("[Person ") for o in key["original"]), key
    finally:
        back.close()
    assert "Tabellenexport der Werkbank erkannt: ID aus 'source_id'" in printed
    assert "'D2:1' = document_id 2, source_id 1" in printed


def test_ids_given_by_option_win_over_the_recognised_export(tmp_path: Path) -> None:
    """--id-column segment_id is kept: the recognition fills only what options leave out."""
    out = tmp_path / "export.csv"
    out.write_text(
        "segment_id,source_id,text,speaker_role\n7,1,Mehr Bänke,Jugendarbeit\n",
        encoding="utf-8-sig",
    )
    again = tmp_path / "wieder"
    assert main(["init", "--districts", "Manfort", str(again)]) == 0
    where = ["--project", str(again), "import", str(out), "--district", "Manfort"]
    assert main([*where, "--id-column", "segment_id"]) == 0
    back = Project.open(again)
    try:
        segments = back.segments()
        assert segments["source_id"].tolist() == ["7"]
        assert segments["speaker_role"].tolist() == ["Jugendarbeit"]
    finally:
        back.close()


@pytest.mark.parametrize("exported", ["csv"], indirect=True)
def test_an_export_imported_into_its_own_project_is_left_out(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its rows span three documents, so no one document held them: every statement
    was imported a second time and counted twice in clusters and profiles."""
    first = tmp_path / "erst"
    capsys.readouterr()
    assert main(["--project", str(first), "import", str(exported)]) == 0
    printed = capsys.readouterr().out
    assert "export.csv: nicht importiert: ein Tabellenexport der Werkbank, und seine 7" in printed
    assert "'karten.csv', 'chat_Manfort.txt', 'chat_Wiesdorf.txt'" in printed
    project = Project.open(first)
    try:
        assert len(project.segments()) == 7
    finally:
        project.close()
    assert main(["--project", str(first), "import", str(exported), "--allow-duplicates"]) == 0
    project = Project.open(first)
    try:
        assert len(project.segments()) == 14
    finally:
        project.close()


@pytest.mark.parametrize("exported", ["csv"], indirect=True)
def test_a_later_export_of_the_project_it_came_from_is_left_out_too(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project that holds most of an export's statements (an earlier export of the
    project, or its files, a card added since): the later export was imported whole,
    its held statements a second time, without a word (8c694a6 left it out only when
    every statement was held). An export of mostly new statements still comes in."""
    again = tmp_path / "wieder"
    assert main(["init", "--districts", "Manfort,Wiesdorf", str(again)]) == 0
    for district in ("Manfort", "Wiesdorf"):
        chat = tmp_path / f"chat_{district}.txt"
        assert main(["--project", str(again), "import", str(chat), "--district", district]) == 0
    capsys.readouterr()
    assert main(["--project", str(again), "import", str(exported)]) == 0
    printed = capsys.readouterr().out
    assert (
        "export.csv: nicht importiert: ein Tabellenexport der Werkbank, und 6 seiner 7" in printed
    )
    assert "1 ist neu — importiert zählten diese 6 doppelt" in printed
    project = Project.open(again)
    try:
        assert len(project.segments()) == 6
    finally:
        project.close()
    cards = tmp_path / "karten_neu"
    assert main(["init", "--districts", "Manfort,Wiesdorf", str(cards)]) == 0
    karten = str(tmp_path / "karten.csv")
    assert main(["--project", str(cards), "import", karten, "--district", "Manfort"]) == 0
    assert main(["--project", str(cards), "import", str(exported)]) == 0
    project = Project.open(cards)
    try:
        assert len(project.segments()) == 8  # 1 of 7 held: the export is imported
    finally:
        project.close()
