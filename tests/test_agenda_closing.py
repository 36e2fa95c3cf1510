"""A timed agenda with items every agenda has — "Bericht Stadtteilbüro", "Verschiedenes",
numbered "Top 2 Verkehr" — missed the agenda rule: its items went into the pseudonym key as
persons and were cut from the texts. A chat timed "18:00 Uhr Anna Schmidt: …" put "Uhr"
and "Uhr Anna Schmidt" into the key. Both are read as meant now; accounts of offices and
people's turns stay turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project

AGENDAS = {
    "report": ["Begrüßung", "Bericht Stadtteilbüro", "Verkehr", "Verschiedenes"],
    "numbered": ["Top 1 Begrüßung", "Top 2 Verkehr", "Top 3 Wohnen", "Top 4 Verschiedenes"],
    "reports": ["Bericht Quartiersmanagement", "Bericht Jugendamt", "Wohnen", "Sonstiges"],
}
SAID = ["Alle werden begrüßt.", "Das Büro ist offen.", "Die Ampel.", "Das Treffen ist im Mai."]
TIMES = ["18:00", "18:10", "18:40", "19:15"]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("agenda", sorted(AGENDAS))
def test_an_agendas_report_and_closing_items_are_no_people(
    project: Project, tmp_path: Path, agenda: str, suffix: str
) -> None:
    items = AGENDAS[agenda]
    lines = ["Stadtteilkonferenz Manfort"]
    lines += [f"[{t}] {item}: {said}" for t, item, said in zip(TIMES, items, SAID, strict=True)]
    assert import_into(project, _write(tmp_path / f"runde{suffix}", lines)) == 0
    texts = list(project.segments()["text"])
    assert project.pseudonym_key().query("kind == 'person'").empty
    for item, said in zip(items, SAID, strict=True):  # each item a statement, nothing cut
        assert sum(f"{item}: {said}" in text for text in texts) == 1


def test_a_chat_timed_with_uhr_names_its_people_without_the_word(
    project: Project, tmp_path: Path
) -> None:
    whos = ["Anna Schmidt", "Jonas Krüger"] * 2
    said = ["Guten Abend.", "Hallo.", "Was fehlt?", "Ein Treff um 19 Uhr."]
    lines = [f"{t} Uhr {who}: {s}" for t, who, s in zip(TIMES, whos, said, strict=True)]
    assert import_into(project, _write(tmp_path / "chat.txt", lines)) == 0
    stored = project.segments().sort_values("position")
    persons = set(project.pseudonym_key().query("kind == 'person'")["original"])
    assert persons == {"Anna Schmidt", "Jonas Krüger"}
    assert list(stored["text"]) == said  # "um 19 Uhr" kept
    assert [a["time"] for a in stored["attributes"]] == TIMES


@pytest.mark.parametrize(
    "whos",
    [
        ["Stadtteilbüro", "Jugendamt", "Stadtteilbüro", "Quartiersmanagement"],
        ["Moderation", "Teilnehmerin", "Moderation", "Teilnehmer 2"],
    ],
)
def test_timed_accounts_and_roles_stay_speakers(
    project: Project, tmp_path: Path, whos: list[str]
) -> None:
    lines = [f"[{t}] {who}: {s}" for t, who, s in zip(TIMES, whos, SAID, strict=True)]
    assert import_into(project, _write(tmp_path / "chat.txt", lines)) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["speaker_role"]) == whos
    assert list(stored["text"]) == SAID
