"""A surname the key knows ("Frau Anna Sommer") that is also a word: in a guiding question,
a workshop's or file's name it stays the word where a statement keeps it — after an
article or a contracted preposition ("Was fehlt im Sommer?") or as a season before a year
("Sommer_2024.md") — and the person is still replaced, also where a number counts her
interviews ("Interview_Koch_1.docx").

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.thing_names import pseudonymise_name

NAMED = "Frau Anna Sommer schlägt vor, mehr Bänke aufzustellen."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Was fehlt im Sommer?", "Was fehlt im Sommer?"),
        ("Im Sommer: was fehlt?", "Im Sommer: was fehlt?"),
        ("Wo trifft man sich am Sommer_Abend?", "Wo trifft man sich am Sommer_Abend?"),
        ("Bis zum Sommer fertig?", "Bis zum Sommer fertig?"),
        ("Beim Sommer am Markt", "Beim Sommer am Markt"),
        ("Treffen vom Sommer", "Treffen vom Sommer"),
        ("Sommer_2024.md", "Sommer_2024.md"),
        ("sommer_2024.md", "sommer_2024.md"),
        ("Workshop Sommer 2024", "Workshop Sommer 2024"),
        # the person stays replaced
        ("Ich habe im Sommer Herrn Sommer getroffen", "Ich habe im Sommer [Person 1] getroffen"),
        ("Protokoll_Sommer.md", "Protokoll_[Person 1].md"),
        ("Interview mit Sommer", "Interview mit [Person 1]"),
        ("Gespräch Frau Sommer", "Gespräch [Person 1]"),
        ("Anna Sommer 2024", "[Person 1] 2024"),
    ],
)
def test_a_known_surname_that_is_a_word_stays_in_names_of_things(text: str, expected: str) -> None:
    p = Pseudonymiser()
    p.pseudonymise(NAMED)
    assert pseudonymise_name(p, text, []) == expected
    # a later import: the key as the project stores it
    later = Pseudonymiser(known=dict(p.known), originals=dict(p.originals))
    assert pseudonymise_name(later, text, []) == expected


def test_question_and_file_name_keep_the_season(project: Project, tmp_path: Path) -> None:
    """Import: the key knows Frau Anna Sommer from a first protocol; the next one,
    "Sommer_2024.md" asking "Was fehlt im Sommer?", keeps its name and question."""
    first = tmp_path / "runde.md"
    first.write_text(
        "# Stadtteilrunde\n\n## Was fehlt?\n\n- Frau Anna Sommer schlägt Bänke vor.\n",
        encoding="utf-8",
    )
    second = tmp_path / "Sommer_2024.md"
    second.write_text(
        "# Sommer 2024\n\n## Was fehlt im Sommer?\n\n- Im Sommer fehlt Schatten.\n"
        "- Ich habe im Sommer Herrn Sommer getroffen.\n",
        encoding="utf-8",
    )
    base = ["--project", str(project.path), "import", "--district", "Manfort"]
    assert main([*base, str(first)]) == 0
    assert main([*base, str(second)]) == 0
    out = tmp_path / "out.csv"
    assert main(["--project", str(project.path), "export", "--format", "csv", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    rows = table[table["document"] == "Sommer_2024.md"]
    assert list(rows["question"]) == ["Was fehlt im Sommer?"] * 2
    assert list(rows["text"]) == [
        "Im Sommer fehlt Schatten.",
        "Ich habe im Sommer [Person 1] getroffen.",
    ]
    assert set(rows["workshop"]) == {"Sommer_2024"}
    assert "Sommer" not in " ".join(table[table["document"] == "runde.md"]["text"])


@pytest.mark.parametrize(
    ("named", "text", "expected"),
    [
        (
            "Herr Thomas Koch schlägt Bänke vor.",
            "Interview_Koch_1.docx",
            "Interview_[Person 1]_1.docx",
        ),
        ("Herr Thomas Koch schlägt Bänke vor.", "Koch_2024.md", "[Person 1]_2024.md"),
        (
            "Herr Thomas Koch schlägt Bänke vor.",
            "Gespräch_Thomas_Koch_2.md",
            "Gespräch_[Person 2]_[Person 1]_2.md",
        ),
        ("Frau Eva Bauer schlägt Bänke vor.", "Transkript Bauer 2", "Transkript [Person 1] 2"),
        ("Frau Eva Berg schlägt Bänke vor.", "Berg_2.md", "[Person 1]_2.md"),
        (NAMED, "Interview_Sommer_1.docx", "Interview_[Person 1]_1.docx"),
        (
            "Herr Jonas Becker schlägt Bänke vor.",
            "Was sagt der Becker?",
            "Was sagt der [Person 1]?",
        ),
        # the word stays a word
        ("Herr Thomas Koch schlägt Bänke vor.", "Interview mit dem Koch", "Interview mit dem Koch"),
        (
            "Frau Eva Berg schlägt Bänke vor.",
            "Rundgang über den Berg 2024",
            "Rundgang über den Berg 2024",
        ),
    ],
)
def test_a_known_surname_before_an_interviews_number_is_replaced(
    named: str, text: str, expected: str
) -> None:
    """A surname that is also a noun before a number ("Koch_1", "Bauer 2") numbers her
    interviews, after "der" a surname that is no noun ("der Becker") is hers: neither
    stays in a file's or workshop's name."""
    p = Pseudonymiser()
    p.pseudonymise(named)
    assert pseudonymise_name(p, text, []) == expected
