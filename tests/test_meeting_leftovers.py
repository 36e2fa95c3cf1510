"""Meetings, the cases session 40 left alone (each test failed on the code before):

- in a PDF, the moderation's question told behind a lead-in ("Zum Schluss fragte die
  Moderatorin: Was wünschen Sie sich?", "Am Ende wollte die Moderation wissen: …") was a
  statement, its answers under "Ergebnis"; participants asking in the present ("Die
  Jugendlichen fragen: Wo können wir uns treffen?", "Ein Vater will wissen: …") headed
  the list as its question and were lost as statements.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file

HEAD = ["Stadtteilrunde Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
ANSWERS = ["- Ein Arzt im Viertel", "- Ein Café am Markt"]


def _pdf_said(tmp_path: Path, line: str) -> list[tuple[str | None, str]]:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*HEAD, line, "Ergebnis:", *ANSWERS]]))
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize(
    "asking",
    [
        "Zum Schluss fragte die Moderatorin: Was wünschen Sie sich?",
        "Am Ende wollte die Moderation wissen: Was nehmen Sie mit?",
        "Anschließend fragte der Moderator in die Runde: Was läuft gut?",
    ],
)
def test_the_moderations_question_told_after_a_lead_in_heads_its_answers(
    tmp_path: Path, asking: str
) -> None:
    said = _pdf_said(tmp_path, asking)
    assert said == [(asking, "Ein Arzt im Viertel"), (asking, "Ein Café am Markt")]


@pytest.mark.parametrize(
    "asked",
    [
        "Die Jugendlichen fragen: Wo können wir uns treffen?",
        "Ein Vater will wissen: Warum ist der Platz so dunkel?",
        "Zum Schluss fragte eine Anwohnerin die Moderatorin: Was passiert mit dem Treff?",
        "Am Ende wollte ein Teilnehmer von der Moderation wissen: Wer zahlt das?",
    ],
)
def test_a_question_participants_ask_is_a_statement(tmp_path: Path, asked: str) -> None:
    said = _pdf_said(tmp_path, asked)
    assert said[0] == (None, asked)
    assert [text for _, text in said[1:]] == ["Ein Arzt im Viertel", "Ein Café am Markt"]
    assert all(question != asked for question, _ in said)
