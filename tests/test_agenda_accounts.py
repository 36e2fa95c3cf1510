"""A chat or transcript whose timed speakers are the accounts of offices and groups
("[18:02] Stadtteilbüro: …", "(18:03:07) Quartiersmanagement: …", "18:05 Jugendamt: …")
was read as an agenda since the agenda rule took their nouns for topics: the labels stayed
in the texts and the speakers' roles were lost. Accounts speak; an agenda with one office
among its topics stays an agenda."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project

SAID = [
    "Die Ampel schaltet zu schnell.",
    "Ja, das sehe ich auch so.",
    "Im Park fehlen Bänke.",
    "Wer kümmert sich um den Müll?",
    "Der Treff ist abends zu.",
]
ACCOUNTS = [
    ["Quartiersmanagement", "Stadtteilbüro", "Jugendzentrum", "Quartiersmanagement"],
    ["Stadtteilbüro", "Quartiersmanagement", "Stadtteilbüro", "Bürgerverein", "Seniorentreff"],
    ["Verwaltung", "Jugendamt", "Bezirksamt", "Verwaltung"],
    ["Stadtteilbüro", "Mieterbeirat", "Stadtteilbüro", "Jugendhilfe"],
]
MARKS = ["[{}]", "[{}:07]", "({}:07)", "{}", "{}:07"]


def _write(path: Path, labels: list[str], mark: str, title: str | None = None) -> Path:
    lines = [title] if title else []
    lines += [
        f"{mark.format(f'18:{2 + 3 * i:02d}')} {who}: {SAID[i]}" for i, who in enumerate(labels)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("labels", ACCOUNTS, ids=lambda labels: labels[0])
def test_timed_accounts_of_offices_are_speakers_not_an_agenda(
    project: Project, tmp_path: Path, labels: list[str], mark: str
) -> None:
    assert import_into(project, _write(tmp_path / "chat.txt", labels, mark)) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["text"]) == SAID[: len(labels)]  # no time, no account in a text
    assert list(stored["speaker_role"]) == labels
    assert not set(project.pseudonym_key()["original"]) & set(labels)


def test_an_agenda_with_one_office_among_its_topics_stays_an_agenda(
    project: Project, tmp_path: Path
) -> None:
    topics = ["Verkehr", "Wohnen", "Jugendzentrum", "Grün"]
    path = _write(tmp_path / "runde.txt", topics, "[{}]", "Stadtteilkonferenz Wiesdorf")
    assert import_into(project, path) == 0
    texts = list(project.segments().sort_values("position")["text"])
    for topic, said in zip(topics, SAID, strict=False):
        assert sum(f"{topic}: {said}" in text for text in texts) == 1
    assert not set(project.pseudonym_key()["original"]) & set(topics)
