"""Names typed in lower case, as people write in chats: "danke anna", "bernd hat recht"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["bernd.kowalczyk", "Schmidt, Anna", "Magdalena Szymańska", "Rose Klein", "Mai Nguyen"]


def _replaced(p: Pseudonymiser, text: str, names: list[str] = LISTED) -> str:
    return p.pseudonymise(text, names)[0]


def test_listed_names_in_lower_case_get_the_persons_placeholder() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Anna Schmidt berät uns.") == "[Person 1] berät uns."
    assert _replaced(p, "danke anna, die Beratung hilft") == "danke [Person 1], die Beratung hilft"
    assert _replaced(p, "anna schmidt kommt später") == "[Person 1] kommt später"
    # the parts of a user name are its person's name words
    assert _replaced(p, "stimmt, bernd hat recht.") == "stimmt, [Person 2] hat recht."
    assert _replaced(p, "kowalczyk hier, kurze Frage") == "[Person 2] hier, kurze Frage"
    assert _replaced(p, "- magdalena meint, der Bus fährt selten.") == (
        "- [Person 3] meint, der Bus fährt selten."
    )


def test_a_known_name_in_lower_case_is_replaced_and_shown_for_review() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Hallo, hier ist Waltraud.", []) == "Hallo, hier ist [Person 1]."
    assert _replaced(p, "waltraud, schön dass du da bist!", []) == (
        "[Person 1], schön dass du da bist!"
    )
    assert [(c.word, c.replaced) for c in p.candidates] == [("waltraud", True)]


@pytest.mark.parametrize(
    "text",
    [
        "die rose blüht am Zaun",  # a listed first name that is a word, after an article
        "das ist zu klein für alle",  # a listed surname that is an adjective
        "ende mai ist das Fest",  # a first name that is a month
        "wir sehen uns bald wieder",
        "paul",  # a name nobody listed or named: no guess in lower case
    ],
)
def test_lower_case_words_that_are_also_names_stay(text: str) -> None:
    assert _replaced(Pseudonymiser(), text) == text


def test_a_zoom_chat_in_lower_case_stores_no_name(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "18:02:10 Von bernd.kowalczyk an Alle:\n\tHallo zusammen\n"
        "18:03:30 Von Kowalczyk, Anna an Alle:\n\tstimmt, bernd hat recht.\n"
        "18:04:12 Von bernd.kowalczyk an Alle:\n\tdanke anna, bis nächste Woche\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Online-Treffen")
        texts = list(project.segments()["text"])
        stored = stored_text(project).lower()
    assert texts[1].startswith("stimmt, [Person ") and texts[2].startswith("danke [Person ")
    assert "bernd" not in stored and "anna" not in stored and "kowalczyk" not in stored
