"""User names as accounts: "TOM" beside "tom" and "tom.w" is the account "tom";
``forget --person`` of a user name keeps the account that holds it, a chat's senders in
the same project are the table authors' accounts, and the REFI-QDA export shows only their
placeholders (workbench/ingest/account_names.py, ``is_account_name``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.test_consul_exports import import_comments
from workbench import Project
from workbench.cli.main import main


def test_a_user_name_in_capitals_is_that_account(project: Project, tmp_path: Path) -> None:
    """ "TOM" (or "Tom") after "tom" and "tom.w" got tom.w's placeholder: one word that
    is a user name of the table or the key in other capitals is that account."""
    rows = [
        ("1", "Der Spielplatz braucht mehr Licht.", "tom"),
        ("2", "Mehr Bänke an der Haltestelle, bitte.", "tom.w"),
        ("3", "Die Ampel schaltet zu schnell.", "lisa"),
        ("4", "Der Bus fährt abends zu selten.", "TOM"),
        ("5", "Im Park fehlt ein Wasserspender.", "lisa.b"),
        ("6", "Das Jugendzentrum ist zu oft geschlossen.", "Lisa"),
    ]
    _, speaker = import_comments(project, tmp_path, rows)
    assert speaker["TOM"] == speaker["tom"] != speaker["tom.w"]
    assert speaker["Lisa"] == speaker["lisa"] != speaker["lisa.b"]
    assert len(set(speaker.values())) == 4


def test_forgetting_a_person_by_user_name_keeps_the_account_holding_it(
    project: Project, tmp_path: Path
) -> None:
    """``forget --person tom`` took tom.w's comments and key entry along; now it takes
    tom's comments in any case ("TOM": the same account) and nothing of tom.w."""
    rows = [
        ("1", "Der Spielplatz braucht mehr Licht.", "tom"),
        ("2", "Mehr Bänke an der Haltestelle, bitte.", "tom.w"),
        ("3", "Die Ampel schaltet zu schnell.", "lisa"),
        ("4", "Der Bus fährt abends zu selten.", "TOM"),
    ]
    _, speaker = import_comments(project, tmp_path, rows)
    assert main(["--project", str(project.path), "forget", "--person", "tom"]) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [text for _, text, _ in rows[1:3]]
    assert [a["speaker"] for a in segments["attributes"]] == [speaker["tom.w"], speaker["lisa"]]


def test_chat_senders_are_the_accounts_of_the_table_authors(
    project: Project, tmp_path: Path
) -> None:
    """A WhatsApp chat in the same project: the sender "Tom" is the table's "tom" (before,
    "tom" had tom.w's placeholder and "Tom" a third one), "tom.w" is tom.w; the export
    for MAXQDA & Co. shows the placeholders, never the user names."""
    rows = [
        ("1", "Der Spielplatz braucht mehr Licht.", "tom"),
        ("2", "Mehr Bänke an der Haltestelle, bitte.", "tom.w"),
        ("3", "Die Ampel schaltet zu schnell.", "Anna Schulz"),
    ]
    _, speaker = import_comments(project, tmp_path, rows)
    chat = tmp_path / "WhatsApp Chat mit Nachbarschaft.txt"
    chat.write_text(
        "12.03.21, 18:02 - Tom: Am Weg zum Park fehlt jedes Licht.\n"
        "12.03.21, 18:03 - tom.w: Die Haltestelle braucht ein Dach.\n"
        "12.03.21, 18:04 - Anna Schulz: Der Park braucht mehr Mülleimer.\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(chat)]) == 0
    senders = [a["speaker"] for a in project.segments()["attributes"]][3:]
    assert senders == [speaker["tom"], speaker["tom.w"], speaker["Anna Schulz"]]
    out = tmp_path / "export.qdpx"
    assert main(["--project", str(project.path), "export", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        qde = z.read("project.qde").decode("utf-8")
    assert {speaker["tom"], speaker["tom.w"]} <= set(re.findall(r"\[Person \d+\]", qde))
    assert [w for w in ("tom.w", "Schulz", '"tom"') if w in qde] == []
