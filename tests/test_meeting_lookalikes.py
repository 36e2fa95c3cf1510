"""Look-alikes of the newest protocol rules. Two turns of a recogniser an hour into a
recording ("S00: [01:00:00] Ja genau" / "S01: [01:01:00] Okay": full minutes, short turns
without punctuation) were read as an agenda and kept "S00: [01:00:00]" in the texts; a
recogniser's speaker code is never an agenda's item. In a PDF a list item that asks
("- Wann öffnet das Café?") over a bare "Ergebnis:" was taken for the question of the list
below it and lost as a statement; it stays one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file


@pytest.mark.parametrize(
    "speakers", [("S00", "S01"), ("SPEAKER_00", "SPEAKER_01"), ("Sprecher 1", "Sprecher 2")]
)
@pytest.mark.parametrize("said", [("Ja genau", "Okay"), ("Das stimmt", "Auf jeden Fall")])
def test_a_recognisers_turns_on_full_minutes_stay_turns(
    tmp_path: Path, speakers: tuple[str, str], said: tuple[str, str]
) -> None:
    lines = [f"{speakers[0]}: [01:00:00] {said[0]}", f"{speakers[1]}: [01:01:00] {said[1]}"]
    path = tmp_path / "aufnahme.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = parse_file(path)
    assert document.importer != "markdown"
    assert [s.text for s in document.segments] == list(said)


def test_an_agenda_of_labelled_topics_stays_a_protocol(tmp_path: Path) -> None:
    path = tmp_path / "programm.txt"
    path.write_text("A: [12:00:00] Mittagessen\nB: [13:00:00] Rundgang\n", encoding="utf-8")
    assert parse_file(path).importer == "markdown"


def test_a_list_item_that_asks_over_a_label_stays_a_statement(tmp_path: Path) -> None:
    head = ["Stadtteilrunde Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
    lines = [*head, "Offene Punkte", "- Wer zahlt den neuen Treff?", "- Wann öffnet das Café?"]
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*lines, "Ergebnis:", "- Die Stadt prüft das"]]))
    texts = [s.text for s in parse_file(path).segments]
    assert texts[:2] == ["Wer zahlt den neuen Treff?", "Wann öffnet das Café?"]
    assert not any(s.question and s.question.startswith("-") for s in parse_file(path).segments)
