"""Names in the forms German texts give them: in the genitive ("Annas Idee"), with a
particle ("Frau von der Leyen"), …"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Anna Schmidt", "Mehmet Yılmaz", "Hans-Peter Müller-Lüdenscheidt", "Mai Nguyen"]


def _replaced(p: Pseudonymiser, text: str, names: list[str] = LISTED) -> str:
    return p.pseudonymise(text, names)[0]


def test_a_listed_name_in_the_genitive_is_its_person() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Anna Schmidt war da.") == "[Person 1] war da."
    assert _replaced(p, "Annas Idee war gut.") == "[Person 1]s Idee war gut."
    assert _replaced(p, "Schmidts Garten ist schön.") == "[Person 1]s Garten ist schön."
    assert _replaced(p, "Mehmets neuer Laden hat zu.") == "[Person 2]s neuer Laden hat zu."
    assert _replaced(p, "Hans-Peters Bruder und Müller-Lüdenscheidts Hund.") == (
        "[Person 3]s Bruder und [Person 3]s Hund."
    )


def test_a_known_or_first_name_in_the_genitive_is_a_person() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Frau Kaczmarek kam.", []) == "[Person 1] kam."
    assert _replaced(p, "Kaczmareks Vorschlag fanden alle gut.", []) == (
        "[Person 1]s Vorschlag fanden alle gut."
    )
    assert _replaced(p, "Peters Vorschlag fanden alle gut.", []) == (
        "[Person 2]s Vorschlag fanden alle gut."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mais ist teuer geworden.",  # a listed "Mai" + s, no noun it owns
        "Der Bonus für Familien ist gut.",
        "Bonus oder Malus, das ist die Frage.",
        "Die Caritas Leverkusen hilft.",
        "Des Sommers Ende naht.",
        "Wolfs Hütte steht noch.",  # "Wolf" is a word: a name only in a context
    ],
)
def test_words_ending_in_s_stay(text: str) -> None:
    assert _replaced(Pseudonymiser(), text) == text


def test_a_chat_stores_no_name_in_the_genitive(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12.03.21, 18:02 - Mehmet Yılmaz: Wir brauchen Bänke am Markt.\n"
        "12.03.21, 18:05 - Anna Schmidt: Mehmets Idee finde ich gut.\n"
        "12.03.21, 18:07 - Mehmet Yılmaz: Und Annas Vorschlag mit dem Café auch!\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        texts = list(project.segments()["text"])
        stored = stored_text(project)
    assert texts[1:] == [
        "[Person 1]s Idee finde ich gut.",
        "Und [Person 2]s Vorschlag mit dem Café auch!",
    ]
    assert "Mehmet" not in stored and "Anna" not in stored
