"""A listed first name that is also a modal verb ("Will" of a listed Will Corcoran) opening
a sentence before a verb is the verb: "Will discuss this with the team" keeps "Will"."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.project import Project

NAMES = ["Will Corcoran"]


@pytest.mark.parametrize(
    "text",
    [
        "Will discuss this with the team again on wed",
        "we tried that. Will discuss this with the team again.",
        "Will you join the call?",
        "Will jemand noch Kaffee?",
    ],
)
def test_a_modal_verb_opening_a_sentence_stays(text: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text, NAMES)[0] == text
    assert not p.new


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will said it works.", "[Person 1] said it works."),
        ("Will suggested a fix.", "[Person 1] suggested a fix."),
        ("Will thinks so.", "[Person 1] thinks so."),
        ("Will, can you check?", "[Person 1], can you check?"),
        ("Will and I agree.", "[Person 1] and I agree."),
        ("Will hat recht.", "[Person 1] hat recht."),
        ("Thanks Will!", "Thanks [Person 1]!"),
        ("I asked Will about it.", "I asked [Person 1] about it."),
    ],
)
def test_the_listed_will_named_as_a_person_is_replaced(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text, NAMES)[0] == expected


def test_a_zoom_chat_keeps_will_discuss_of_its_speaker_will(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "00:10:39\tWill Corcoran:\tGood morning all\r\n"
        "00:11:02\tStefan Starflinger:\tthe spec gets outdated. Will discuss this again\r\n"
        "00:11:30\tStefan Starflinger:\tThanks Will!\r\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Call")
        texts = list(project.segments()["text"])
    assert texts[1] == "the spec gets outdated. Will discuss this again"
    assert texts[2].startswith("Thanks [Person ") and "Will" not in texts[2]
