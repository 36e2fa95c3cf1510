"""Two accounts, two people: an author column's user name ("tom", "lisa") is its own
account, never the account whose name holds it as a part ("tom.w", "lisa.b"). Before,
both got one placeholder, so counts of people, who-said-what and ``forget --speaker`` of
one took the other along (workbench/ingest/account_names.py, ``is_account_name``)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_consul_exports import import_comments
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.account_names import account_in_capitals, is_account_name
from workbench.ingest.pseudonymise import Pseudonymiser

ROWS = [
    ("1", "Der Spielplatz braucht mehr Licht.", "tom"),
    ("2", "Mehr Bänke an der Haltestelle, bitte.", "tom.w"),
    ("3", "Die Ampel schaltet zu schnell.", "lisa"),
    ("4", "Der Bus fährt abends zu selten.", "lisa.b"),
    ("5", "Im Park fehlt ein Wasserspender.", "kalle1999"),
    ("6", "Das Jugendzentrum ist zu oft geschlossen.", "Kalle1999"),
    ("7", "Die Gehwege sind nachts dunkel.", "finn.schmidt"),
    ("8", "Ein Treffpunkt für Ältere fehlt.", "finn"),
]


def test_a_user_name_is_not_the_account_that_holds_it(project: Project, tmp_path: Path) -> None:
    """ "tom" wrote as "tom.w", "lisa" as "lisa.b", "finn" as "finn.schmidt" before (one
    placeholder each pair); one account in two cases ("Kalle1999") stays one person."""
    segments, speaker = import_comments(project, tmp_path, ROWS)
    assert speaker["tom"] != speaker["tom.w"]
    assert speaker["lisa"] != speaker["lisa.b"]
    assert speaker["finn"] != speaker["finn.schmidt"]
    assert speaker["kalle1999"] == speaker["Kalle1999"]
    assert len(set(speaker.values())) == 7
    assert segments["text"].tolist() == [text for _, text, _ in ROWS]
    stored = stored_text(project)
    assert [u for u in ("tom.w", "lisa.b", "kalle1999", "finn.schmidt") if u in stored] == []
    assert "schmidt" not in stored.lower()


def test_a_user_name_is_not_the_account_listed_by_an_earlier_import(
    project: Project, tmp_path: Path
) -> None:
    """ "moritz.w" of an earlier export is listed for every later one: a later "moritz"
    became moritz.w's person; now its own, and moritz.w stays the person it was."""
    first = tmp_path / "first"
    first.mkdir()
    _, before = import_comments(project, first, [("1", "Mehr Licht im Park.", "moritz.w")])
    path = tmp_path / "kommentare.csv"
    rows = [("1", "Der Bus ist voll.", "moritz"), ("2", "Die Ampel ist kaputt.", "moritz.w")]
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("Nr", "Kommentar", "Benutzername", "Sozialraum")])
        csv.writer(f).writerows((*r, "Manfort") for r in rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    speakers = [a["speaker"] for a in project.segments()["attributes"]]
    assert speakers[0] == speakers[2] == before["moritz.w"]
    assert speakers[1] != before["moritz.w"]


def test_forgetting_one_account_keeps_the_other(project: Project, tmp_path: Path) -> None:
    """``forget --speaker tom`` erased tom.w's comment too; now only tom's goes."""
    import_comments(project, tmp_path, ROWS[:4])
    assert main(["--project", str(project.path), "forget", "--speaker", "tom"]) == 0
    assert project.segments()["text"].tolist() == [text for _, text, _ in ROWS[1:4]]


def test_full_names_keep_their_variants(project: Project, tmp_path: Path) -> None:
    """A display name with spaces keeps today's rules: "Schulz, Anna" and "Dr. Anna
    Schulz" are Anna Schulz; "Mario Hoffmann" is not "Maria Hoffmann"."""
    names = ["Anna Schulz", "Schulz, Anna", "Dr. Anna Schulz", "Maria Hoffmann", "Mario Hoffmann"]
    rows = [(str(n), f"Beitrag Nummer {n} zum Park.", name) for n, name in enumerate(names, 1)]
    _, speaker = import_comments(project, tmp_path, rows)
    assert speaker["Anna Schulz"] == speaker["Schulz, Anna"] == speaker["Dr. Anna Schulz"]
    assert speaker["Maria Hoffmann"] != speaker["Mario Hoffmann"]


@pytest.mark.parametrize(
    ("value", "account"),
    [
        ("tom", True),
        ("tom.w", True),
        ("Tom.W", True),
        ("kalle1999", True),
        ("anna_s92", True),
        ("Tom", False),  # a first name as display name: today's rules
        ("Tom W.", False),
        ("Anna Schulz", False),
        ("info@example.org", False),
        ("42", False),
    ],
)
def test_which_author_values_are_user_names(value: str, account: bool) -> None:
    assert is_account_name(value) is account


def test_a_comment_cells_user_names_are_the_authors_accounts(
    project: Project, tmp_path: Path
) -> None:
    """A joined comment cell ("tom.w: … | tom: …") gave "tom" and "tom.w", "lisa" and
    "lisa.b" one placeholder each; now each user name is the account it is as author."""
    path = tmp_path / "ideen.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [
                ("Beitrag", "Kommentare", "Author username", "Sozialraum"),
                ("Mehr Bänke.", "tom.w: Sehe ich so | tom: Zu teuer.", "tom", "Manfort"),
                ("Ein Brunnen.", "lisa: gute Idee\nlisa.b: dafür", "tom.w", "Opladen"),
                ("Licht am Weg.", "tom: ja | lisa.b: nein", "lisa.b", "Manfort"),
            ]
        )
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    attributes = list(project.segments()["attributes"])
    tom, tom_w, lisa_b = (a["speaker"] for a in attributes)
    assert len({tom, tom_w, lisa_b}) == 3
    assert attributes[0]["Kommentare"] == f"{tom_w}: Sehe ich so | {tom}: Zu teuer."
    assert attributes[2]["Kommentare"] == f"{tom}: ja | {lisa_b}: nein"
    lisa = attributes[1]["Kommentare"].split(":")[0]
    assert lisa.startswith("[Person ") and lisa not in (tom, tom_w, lisa_b)
    assert attributes[1]["Kommentare"] == f"{lisa}: gute Idee\n{lisa_b}: dafür"
    assert "lisa" not in stored_text(project)


def test_capitalised_author_values_are_checked_against_the_import_in_linear_time() -> None:
    """Each one-word author value in capitals ("Tom", "Schulz") read the import's whole
    name list again (0.46 ms a value with 5,000 names: a 30,000-row comments table spent
    ~14 s there); the user names are read once per list now, with the same answers."""
    pseudonymiser = Pseudonymiser()
    names = [f"Vorname{chr(65 + i % 26)} Nachname{i}" for i in range(20_000)] + ["tom", "lisa.b"]
    values = ["Tom", "TOM", "Lisa.B", "Anna", "Schulz"] * 1_000
    start = time.process_time()
    found = [account_in_capitals(pseudonymiser, value, names) for value in values]
    assert time.process_time() - start < 1.5  # the scan per value: about 9 s
    assert found[:5] == [True, True, True, False, False]
    names.append("anna")  # the list of a workshop grown by a later document
    assert account_in_capitals(pseudonymiser, "Anna", names)
    assert not account_in_capitals(pseudonymiser, "Anna", ["Anna Schulz", "anna.s"])
