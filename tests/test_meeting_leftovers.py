"""Meetings, the cases session 40 left alone (each test failed on the code before):

- in a PDF, the moderation's question told behind a lead-in ("Zum Schluss fragte die
  Moderatorin: Was wünschen Sie sich?", "Am Ende wollte die Moderation wissen: …") was a
  statement, its answers under "Ergebnis"; participants asking in the present ("Die
  Jugendlichen fragen: Wo können wir uns treffen?", "Ein Vater will wissen: …") headed
  the list as its question and were lost as statements;
- a stamped agenda of two to four lines ("A: [10:00:00] Begrüßung" …) above a recording's
  named turns made the agenda's letters speakers "A", "B", "C"; the agenda's lines are
  statements without a speaker, as a protocol keeps them;
- a chat's sender named like an answer word ("[18:01] Okay : …", "Super", "Genau") made the
  chat a protocol: no one on the key, the senders' lines as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
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
        "Wir fragen: Was fehlt im Quartier?",
        "Wir wollen wissen: Wo halten Sie sich gern auf?",
        "Im Anschluss fragen wir: Was fehlt im Quartier?",
        "Zum Abschluss fragten wir: Was nehmen Sie mit?",
        "Dazu wollten wir von Ihnen wissen: Wie kommen Sie zum Markt?",
        "Und was sagen Sie zum Verkehr am Markt?",
        "Und was meinen Sie: Wo fehlt Licht?",
        "In meinen Augen die Frage: Was fehlt?",
    ],
)
def test_the_moderations_question_told_or_asked_by_us_heads_its_answers(
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
        "Wir Eltern fragen uns: Wo sollen die Kinder spielen?",
        "Viele fragen uns: Wann kommt der Radweg?",
        "Die Kinder sagen: Wo sollen wir spielen?",
        "Einige meinen: Wozu brauchen wir noch einen Parkplatz?",
    ],
)
def test_a_question_participants_ask_is_a_statement(tmp_path: Path, asked: str) -> None:
    said = _pdf_said(tmp_path, asked)
    assert said[0] == (None, asked)
    assert [text for _, text in said[1:]] == ["Ein Arzt im Viertel", "Ein Café am Markt"]
    assert all(question != asked for question, _ in said)


AGENDA = ["A: [10:00:00] Begrüßung", "B: [10:30:00] Rückblick", "C: [11:00:00] Gruppenarbeit"]
TURNS = [
    "Anna Schmidt: [00:01:05] Wir brauchen mehr Bänke am Markt.",
    "Ben Berg: [00:01:40] Und der Spielplatz ist seit Monaten gesperrt.",
    "Anna Schmidt: [00:02:10] Die Beleuchtung im Park fehlt.",
    "Ben Berg: [00:02:55] Das sehe ich auch so.",
]


@pytest.mark.parametrize("count", [2, 3])
def test_a_stamped_agenda_above_a_recordings_turns_speaks_no_turn(
    project: Project, tmp_path: Path, count: int
) -> None:
    text = "\n".join(["Quartiersworkshop Manfort", "", *AGENDA[:count], "", *TURNS]) + "\n"
    assert import_into(project, _file(tmp_path, "workshop.txt", text)) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["text"])[:count] == AGENDA[:count]  # as a protocol keeps them
    assert list(stored["speaker_role"].dropna()) == []
    assert all("speaker" not in a for a in stored["attributes"][:count])
    assert sorted(project.pseudonym_key()["original"]) == ["Anna Schmidt", "Ben Berg"]
    assert "Schmidt" not in stored_text(project) and "Berg" not in stored_text(project)


@pytest.mark.parametrize("sender", ["Okay", "Super", "Genau"])
@pytest.mark.parametrize("colon", [" : ", ": "])
def test_a_chat_sender_named_like_an_answer_word_is_a_person(
    project: Project, tmp_path: Path, sender: str, colon: str
) -> None:
    people = ["Anna Schmidt", sender, "Ben Berg", sender]
    said = [
        "Hallo zusammen, schön dass ihr da seid.",
        "Wir brauchen mehr Bänke am Markt.",
        "Der Spielplatz ist seit Monaten gesperrt.",
        "Danke für die Runde!",
    ]
    chat = "".join(
        f"[18:0{k}] {who}{colon}{text}\n"
        for k, (who, text) in enumerate(zip(people, said, strict=True))
    )
    path = _file(tmp_path, "public_chat.txt", chat)
    assert [s.attributes.get("speaker") for s in parse_file(path).segments] == people
    assert import_into(project, path) == 0
    assert list(project.segments().sort_values("position")["text"]) == said
    assert sorted(project.pseudonym_key()["original"]) == sorted({*people})
    assert "Schmidt" not in stored_text(project) and f"{sender}{colon}" not in stored_text(project)
