"""An export downloaded again with more rows (Pol.is, a survey, a Zoom chat): the new rows
are added to the stored document, the stored ones stay as they are; a row changed or gone
stops the import and is named alone."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Document

WISHES = [
    "Wir brauchen mehr Bänke am Marktplatz",
    "Der Spielplatz an der Schule ist kaputt",
    "Abends fährt kein Bus mehr in die Siedlung",
    "Das Jugendzentrum hat zu selten geöffnet",
    "Beratung auf Türkisch fehlt im Viertel",
    "Die Radwege enden mitten auf der Kreuzung",
    "Im Park ist es nachts zu dunkel",
    "Ein Treffpunkt für ältere Menschen fehlt",
    "Sprachkurse sind sofort ausgebucht",
    "Bezahlbare Wohnungen gibt es kaum noch",
    "Die Bibliothek sollte samstags öffnen",
    "Mehr Mülleimer an der Bushaltestelle",
]
POLIS_HEAD = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body"


def _polis(path: Path, rows: int, changed: dict[int, str] | None = None) -> Path:
    """A Pol.is comments export of the first ``rows`` comments (``changed``: texts by ID)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [POLIS_HEAD]
    for i, text in enumerate(WISHES[:rows]):
        text = (changed or {}).get(i, text)
        lines.append(f'{1650000000 + i},Mon Jul 04 2022,{i},{i % 3},3,1,1,"{text}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(project: Project, *args: str | Path) -> int:
    return main(["--project", str(project.path), "import", *map(str, args)])


def _documents(project: Project) -> list[Document]:
    with project.session() as session:
        documents = list(session.scalars(select(Document)))
        session.expunge_all()
    return documents


@pytest.mark.backends
def test_a_polis_export_downloaded_again_adds_its_new_comments_only(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second download with more comments stopped the import as a "frühere Fassung"
    naming every statement to forget. Its new comments are added to the same document;
    the stored ones keep their numbers and codings; the same download again adds nothing."""
    week1 = _polis(tmp_path / "w1" / "polis-comments.csv", 4)
    assert _import(project, week1, "--district", "Manfort") == 0
    before = project.segments()
    first = int(before["segment_id"].iloc[0])
    project.add_code("Bedarf")
    project.code_segment(first, "Bedarf", coder="A")
    capsys.readouterr()
    week2 = _polis(tmp_path / "w2" / "polis-comments.csv", 12)  # three times as many
    assert _import(project, week2, "--district", "Manfort") == 0
    out = capsys.readouterr().out
    assert "polis-comments.csv: 8 Aussagen importiert" in out
    assert "4 Aussagen standen schon im Projekt" in out and "8 neue kamen hinzu" in out
    after = project.segments().sort_values("segment_id")
    assert list(after["text"]) == WISHES and set(after["district"]) == {"Manfort"}
    assert list(after["segment_id"])[:4] == list(before["segment_id"])
    assert len(project.codings()) == 1
    (document,) = _documents(project)  # one export, one document, its text extended
    assert all(document.text[s:e] == t for s, e, t in after[["start", "end", "text"]].values)
    assert _import(project, week2, "--district", "Manfort") == 0
    assert "bereits importiert" in capsys.readouterr().out and len(project.segments()) == 12


def test_a_survey_downloaded_again_keeps_pseudonyms_districts_and_attributes(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A survey (CSV with response ID and Sozialraum, then XLSX): a person named in a
    new answer gets the placeholder of the stored answers; districts and attributes come
    as in a first import; the weekly command without --district keeps the stored place."""
    rows = pd.DataFrame(
        {
            "Antwort-ID": [f"R{i}" for i in range(6)],
            "Sozialraum": ["Manfort", "Opladen"] * 3,
            "Alter": ["18-29", "30-49", "50-64", "65+", "18-29", "30-49"],
            "Was fehlt?": [
                "Frau Kowalczyk vom Quartiersbüro hilft sehr",
                *WISHES[1:4],
                "Wie Frau Kowalczyk sagt: mehr Beratung",
                WISHES[5],
            ],
        }
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    rows[:3].to_csv(tmp_path / "a" / "umfrage.csv", index=False)
    rows.to_csv(tmp_path / "b" / "umfrage.csv", index=False)
    args = ("--text-column", "Was fehlt?", "--id-column", "Antwort-ID")
    assert _import(project, tmp_path / "a" / "umfrage.csv", *args) == 0
    capsys.readouterr()
    assert _import(project, tmp_path / "b" / "umfrage.csv", *args) == 0
    assert "3 neue kamen hinzu" in capsys.readouterr().out
    segments = project.segments().sort_values("segment_id")
    assert list(segments["district"]) == list(rows["Sozialraum"])
    placeholders = [re.findall(r"\[[^\]]+\]", t) for t in segments["text"]]
    assert placeholders[0] and placeholders[0] == placeholders[4]
    assert "Kowalczyk" not in " ".join(segments["text"])
    assert [a.get("Alter") for a in segments["attributes"]] == list(rows["Alter"])
    # another survey's cards as XLSX (own IDs: with the same IDs and texts they are the
    # stored survey's rows, tests/test_export_other_format.py), imported without a
    # Sozialraum column's help
    (tmp_path / "c").mkdir()
    (tmp_path / "d").mkdir()
    table = rows.drop(columns="Sozialraum").assign(**{"Antwort-ID": [f"K{i}" for i in range(6)]})
    table[:4].to_excel(tmp_path / "c" / "karten.xlsx", index=False)
    table.to_excel(tmp_path / "d" / "karten.xlsx", index=False)
    assert _import(project, tmp_path / "c" / "karten.xlsx", *args, "--district", "Opladen") == 0
    capsys.readouterr()
    assert _import(project, tmp_path / "d" / "karten.xlsx", *args) == 0
    assert "2 neue kamen hinzu" in capsys.readouterr().out
    cards = project.segments().query("document == 'karten.xlsx'")
    assert len(cards) == 6 and set(cards["district"]) == {"Opladen"}
    (tmp_path / "e").mkdir()  # the same rows saved again: a copy, nothing new
    table.to_excel(tmp_path / "e" / "karten.xlsx", index=False, sheet_name="Tabelle1")
    assert _import(project, tmp_path / "e" / "karten.xlsx", *args) == 0
    assert "dieselben Aussagen stehen schon im Projekt" in capsys.readouterr().out
    assert len(project.segments()) == 12


CHAT = [
    ("18:00:05", "Helga Brandt", "Guten Abend zusammen"),
    ("18:01:10", "Kerem Özdemir", WISHES[0]),
    ("18:02:00", "Helga Brandt", WISHES[1]),
    ("18:03:30", "Jana Wolff", WISHES[2]),
    ("18:04:00", "Kerem Özdemir", WISHES[3]),
]


def _chat(path: Path, messages: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{t} From {who} to Everyone:\n\t{text}" for t, who, text in CHAT[:messages]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_zoom_chat_saved_again_later_in_the_meeting_adds_the_later_messages(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chat saved during the meeting and again at its end: the later messages are
    added, each sender with the placeholder of their earlier messages. A message is its
    number, time and text: one at another time is changed, for the team to decide."""
    args = ("--district", "Wiesdorf")
    assert _import(project, _chat(tmp_path / "a" / "meeting_saved_chat.txt", 3), *args) == 0
    other = _chat(tmp_path / "c" / "meeting_saved_chat.txt", 5)  # a message's time differs
    other.write_text(other.read_text().replace("18:01:10", "18:01:11"), encoding="utf-8")
    capsys.readouterr()
    assert _import(project, other, *args) == 2
    assert "(ID 2)" in capsys.readouterr().err and len(project.segments()) == 3
    assert _import(project, _chat(tmp_path / "b" / "meeting_saved_chat.txt", 5), *args) == 0
    assert "2 neue kamen hinzu" in capsys.readouterr().out
    segments = project.segments().sort_values("segment_id")
    assert list(segments["text"]) == [text for _, _, text in CHAT]
    speakers = [a["speaker"] for a in segments["attributes"]]
    assert speakers[4] == speakers[1] and speakers[3] not in speakers[:3]
    assert "Özdemir" not in str(speakers) and segments["attributes"].iloc[4]["time"] == "18:04:00"
    assert len(_documents(project)) == 1


def test_a_changed_comment_is_named_alone_and_its_forget_command_frees_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comment edited on the platform: exit 2, nothing stored; the message names its
    ID and the forget command only its statement, not all. Forgotten, the same download
    is added: the edited comment and the new ones."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 6)) == 0
    ids = dict(zip(project.segments()["text"], project.segments()["segment_id"], strict=True))
    edited = {2: "Abends fährt kein Bus mehr in die Waldsiedlung"}
    again = _polis(tmp_path / "b" / "comments.csv", 9, edited)
    capsys.readouterr()
    assert _import(project, again) == 2
    err = capsys.readouterr().err
    assert "1 Zeile der früheren ist geändert (ID 2)" in err and "Traceback" not in err
    command = re.search(r"workbench (forget --statement [\d ]+);", err)
    assert command is not None and command[1].split()[2:] == [str(ids[WISHES[2]])]
    assert len(project.segments()) == 6
    assert main(["--project", str(project.path), *command[1].split()]) == 0
    assert _import(project, again) == 0
    texts = set(project.segments()["text"])
    assert texts == {*WISHES[:2], edited[2], *WISHES[3:9]}


@pytest.mark.backends
def test_a_subset_of_the_stored_rows_is_already_in_and_asks_to_forget_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first lines of a download, never imported on their own, after the whole export
    was stored: exit 2, "8 Zeilen … geändert oder fehlen" and a forget command for the 8
    current statements — following it deleted current data. Its rows are all in: exit 0,
    "bereits enthalten", nothing changed, no forget command."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 12)) == 0
    sha = _documents(project)[0].sha256
    capsys.readouterr()
    assert _import(project, _polis(tmp_path / "b" / "comments.csv", 4)) == 0
    out = "".join(capsys.readouterr())
    assert "bereits enthalten" in out and "forget --statement" not in out
    assert "8 gespeicherte Zeilen fehlen in diesem Download (ID 4, 5, 6, 7, 8, 9, 10, 11;" in out
    assert len(project.segments()) == 12 and _documents(project)[0].sha256 == sha


def _without(path: Path, rows: int, left_out: set[int], edited: dict[int, str]) -> Path:
    """A Pol.is download of ``rows`` comments without those ``left_out`` (by ID)."""
    lines = _polis(path, rows, edited).read_text().splitlines()
    kept = [line for i, line in enumerate(lines) if i - 1 not in left_out]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def test_removed_comments_stay_and_a_failure_stores_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A download missing stored comments (removed on the platform) and holding new ones
    stopped the import and offered to forget the missing comments' statements. The new
    ones are added, the missing stay and are named, no forget command; beside an edited
    comment only that one's statement is to forget. A grown download beside a file that
    fails (an unknown Sozialraum) stores none of its new comments."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 8)) == 0
    ids = dict(zip(project.segments()["text"], project.segments()["segment_id"], strict=True))
    edited = {1: "Der Spielplatz an der Grundschule ist kaputt"}
    both = _without(tmp_path / "e" / "comments.csv", 12, {3}, edited)
    capsys.readouterr()
    assert _import(project, both) == 2
    err = capsys.readouterr().err
    assert "1 Zeile der früheren ist geändert (ID 1)" in err
    assert "1 gespeicherte Zeile fehlt in diesem Download (ID 3;" in err
    command = re.search(r"workbench (forget --statement [\d ]+);", err)
    assert command is not None and command[1].split()[2:] == [str(ids[WISHES[1]])]
    sha = _documents(project)[0].sha256
    grown = _polis(tmp_path / "c" / "comments.csv", 12)
    broken = tmp_path / "c" / "umfrage.csv"
    pd.DataFrame({"Text": ["Mehr Licht"], "Sozialraum": ["Atlantis"]}).to_csv(broken)
    assert _import(project, grown, broken, "--text-column", "Text") == 2
    assert len(project.segments()) == 8 and _documents(project)[0].sha256 == sha
    capsys.readouterr()
    assert _import(project, _without(tmp_path / "b" / "comments.csv", 12, {1, 3}, {})) == 0
    out = capsys.readouterr().out
    assert "6 Aussagen standen schon im Projekt" in out and "4 neue kamen hinzu" in out
    assert "2 gespeicherte Zeilen fehlen in diesem Download (ID 1, 3;" in out
    assert "forget --statement" not in out
    assert list(project.segments().sort_values("segment_id")["text"]) == WISHES


@pytest.mark.backends
def test_a_comment_erased_in_the_project_stays_out_of_the_next_download(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A participant asked for their comment to be erased (workbench forget); the platform
    still lists it. The next week's download adds the other new comments, not that one,
    and says so; a download with nothing else new adds nothing."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 5)) == 0
    erased = project.segments().query("source_id == '3'")["segment_id"].iloc[0]
    assert main(["--project", str(project.path), "forget", "--statement", str(erased)]) == 0
    capsys.readouterr()
    week = _polis(tmp_path / "b" / "comments.csv", 5)  # votes counted since: other bytes
    week.write_text(week.read_text().replace(",3,1,1,", ",5,2,1,"), encoding="utf-8")
    assert _import(project, week) == 0
    out = capsys.readouterr().out
    assert "nichts Neues" in out and "1 Zeile, die im Projekt gelöscht wurde" in out
    assert _import(project, _polis(tmp_path / "c" / "comments.csv", 7)) == 0
    assert "2 neue kamen hinzu. 1 Zeile, die im Projekt gelöscht" in capsys.readouterr().out
    assert WISHES[3] not in set(project.segments()["text"]) and len(project.segments()) == 6
    (document,) = _documents(project)  # it still remembers the erased row, no text of it
    assert list(document.options["erased_rows"]) == ["3"]
    assert WISHES[3] not in str(document.options)


def test_an_earlier_download_imported_again_is_already_in(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first week's download imported again (a folder of all downloads) after the
    second was added stopped the import (exit 2) and asked to forget the newer comments;
    before, it was "bereits importiert". Its rows are all in: nothing is changed."""
    week1 = _polis(tmp_path / "w1" / "polis-comments.csv", 4)
    week2 = _polis(tmp_path / "w2" / "polis-comments.csv", 8)
    week3 = _polis(tmp_path / "w3" / "polis-comments.csv", 12)
    for week in (week1, week2, week3):
        assert _import(project, week) == 0
    capsys.readouterr()
    for week in (week1, week2, week3):
        assert _import(project, week) == 0
        out = capsys.readouterr().out
        assert "bereits importiert" in out and "forget" not in out
    assert list(project.segments().sort_values("segment_id")["text"]) == WISHES


def test_two_later_downloads_in_one_import_add_their_rows_once(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second and third week's downloads imported together both went onto the stored
    export: a traceback (UNIQUE constraint failed), exit 1. The later one adds its rows,
    the earlier is left out; two downloads that differ in a row stop the import."""
    assert _import(project, _polis(tmp_path / "w1" / "polis-comments.csv", 4)) == 0
    week2 = _polis(tmp_path / "w2" / "polis-comments.csv", 8)
    week3 = _polis(tmp_path / "w3" / "polis-comments.csv", 12)
    other = _polis(tmp_path / "x" / "polis-comments.csv", 6, {5: "Mehr Grün im Hinterhof"})
    capsys.readouterr()
    assert _import(project, other, week3) == 2
    out = "".join(capsys.readouterr())
    assert "weichen in 1 Zeile voneinander ab (ID 5)" in out and "Traceback" not in out
    assert len(project.segments()) == 4  # nothing stored
    assert _import(project, week3, week2) == 0
    out = capsys.readouterr().out
    assert "ein früherer Download desselben Exports" in out and "8 neue kamen hinzu" in out
    assert list(project.segments().sort_values("segment_id")["text"]) == WISHES
    assert len(_documents(project)) == 1


def _summary(folder: Path, conversation: str) -> None:
    """The summary.csv of a Pol.is export of ``conversation``."""
    (folder / "summary.csv").write_text(
        f"topic,Bänke im Viertel\nurl,https://pol.is/{conversation}\ncomments,12\n",
        encoding="utf-8",
    )


@pytest.mark.backends
def test_a_cloned_polis_conversation_is_not_added_to_the_first(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conversation cloned on Pol.is starts with the same seed comments and IDs: its
    export's comments were added to the first conversation's document. The conversation
    ID of summary.csv must match: the clone is a document of its own. A later download of
    the first, without its summary.csv, still grows the first."""
    _summary(_polis(tmp_path / "a" / "comments.csv", 4).parent, "2abcdefghi")
    assert _import(project, tmp_path / "a" / "comments.csv") == 0
    assert _import(project, _polis(tmp_path / "b" / "comments.csv", 6)) == 0
    clone = _polis(tmp_path / "c" / "comments.csv", 8, {5: "Mehr Grün im Hinterhof"})
    _summary(clone.parent, "9zyxwvutsr")
    capsys.readouterr()
    assert _import(project, clone) == 0
    out = capsys.readouterr().out
    assert "8 Aussagen importiert" in out and "erneut heruntergeladen" not in out
    first, second = sorted(_documents(project), key=lambda d: d.id)
    assert len(project.segments().query(f"document_id == {first.id}")) == 6
    assert len(project.segments().query(f"document_id == {second.id}")) == 8
    grown = _polis(tmp_path / "d" / "comments.csv", 10)
    _summary(grown.parent, "2abcdefghi")
    assert _import(project, grown) == 0
    assert "4 neue kamen hinzu" in capsys.readouterr().out
    assert len(project.segments().query(f"document_id == {first.id}")) == 10


def test_a_chat_saved_mid_message_then_whole_names_the_cut_message(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chat saved while a message was being written (its end missing), then at the
    meeting's end with many more messages: fewer than half of the file's messages were
    stored, so the whole chat came in again — every stored message twice. It stops
    (exit 2, nothing stored) and names the cut message alone, with the forget command
    for its statement; forgotten, the same file adds the rest."""
    path = tmp_path / "a" / "meeting_saved_chat.txt"
    path.parent.mkdir()
    lines = [
        f"18:{i:02d}:00 From Jana Wolff to Everyone:\n\t{text}" for i, text in enumerate(WISHES)
    ]
    path.write_text("\n".join([*lines[:2], lines[2][:-12]]) + "\n", encoding="utf-8")
    assert _import(project, path, "--district", "Wiesdorf") == 0
    cut = project.segments().query("source_id == '3'")["segment_id"].iloc[0]
    whole = tmp_path / "b" / "meeting_saved_chat.txt"
    whole.parent.mkdir()
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert _import(project, whole, "--district", "Wiesdorf") == 2
    err = capsys.readouterr().err
    assert "1 Zeile der früheren ist geändert (ID 3)" in err and "Traceback" not in err
    assert f"workbench forget --statement {cut};" in err and len(project.segments()) == 3
    assert main(["--project", str(project.path), "forget", "--statement", str(cut)]) == 0
    assert _import(project, whole, "--district", "Wiesdorf") == 0
    assert sorted(project.segments()["text"]) == sorted(WISHES)
