"""Meetings, session 40's second reading (each test failed on the code before):

- an answer word that is a surname too ("Klar", "Richtig") opening a typed transcript's
  line with a capitalised sentence ("Klar: Der Spielplatz ist gesperrt.") is a speaker, as
  "Schmidt: …" is; read as an answer word, the transcript became a protocol with both
  surnames in clear and none on the key;
- in a PDF, the moderation's question told ("Die Moderatorin fragte: Was fehlt im
  Quartier?") over "Ergebnis:" and a list is the list's guiding question again (since
  session 39 it was a statement and the answers stood under "Ergebnis"), and a question
  someone "wollte von der Moderation wissen" is a statement, as "wollte wissen" was;
- an office's address in a Teams event ("team.sozialplanung@stadt.de left the meeting.")
  named no person, yet went on the key as "Team Sozialplanung" and was replaced in every
  message ("Das [Person 1] meldet sich"); a hyphenated first name ("anna-lena.schulz@")
  spelt no person at all.
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

SAID = [
    "Wir brauchen mehr Bänke am Markt.",
    "Der Spielplatz ist seit Monaten gesperrt.",
    "Im Park fehlt abends das Licht.",
    "Das sehe ich auch so, wir sollten das melden.",
]


@pytest.mark.parametrize("surname", ["Klar", "Richtig"])
def test_an_answer_word_that_is_a_surname_speaks_with_a_sentence(
    project: Project, tmp_path: Path, surname: str
) -> None:
    text = "".join(f"{(surname, 'Schmidt')[k % 2]}: {said}\n" for k, said in enumerate(SAID))
    path = _file(tmp_path, "protokoll.txt", text)
    said = [(s.attributes.get("speaker"), s.text) for s in parse_file(path).segments]
    assert said == [((surname, "Schmidt")[k % 2], s) for k, s in enumerate(SAID)]
    assert import_into(project, path) == 0
    assert sorted(project.pseudonym_key()["original"]) == sorted([surname, "Schmidt"])
    assert f"{surname}:" not in stored_text(project) and "Schmidt" not in stored_text(project)


@pytest.mark.parametrize("line", ["Klar: das machen wir", "Richtig: mehr Licht am Spielplatz"])
def test_an_answer_word_that_is_a_surname_still_answers_within_a_message(
    tmp_path: Path, line: str
) -> None:
    chat = (
        "[18:01] Anna Schmidt : Hallo zusammen, schön dass ihr da seid.\n"
        f"[18:02] Ben Berg : Zwei Punkte von mir.\n{line}\n"
        "[18:04] Ben Berg : Danke, notiert.\n"
        "[18:05] Clara Kaya : Es fehlen Bänke am Markt.\n"
    )
    path = _file(tmp_path, "public_chat.txt", chat)
    said = [(s.attributes.get("speaker"), s.text) for s in parse_file(path).segments]
    assert said[1] == ("Ben Berg", f"Zwei Punkte von mir.\n{line}")


HEAD = ["Stadtteilrunde Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
ANSWERS = ["- Ein Arzt im Viertel", "- Ein Café am Markt"]


@pytest.mark.parametrize(
    "asking",
    [
        "Die Moderatorin fragte: Was fehlt im Quartier?",
        "Die Moderation fragte in die Runde: Was wünschen Sie sich?",
        "Moderator Herr Berg wollte wissen: Wo treffen Sie sich?",
    ],
)
def test_the_moderations_question_told_heads_its_answers(tmp_path: Path, asking: str) -> None:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*HEAD, asking, "Ergebnis:", *ANSWERS]]))
    said = [(s.question, s.text) for s in parse_file(path).segments]
    assert said == [(asking, "Ein Arzt im Viertel"), (asking, "Ein Café am Markt")]


@pytest.mark.parametrize(
    "asked",
    [
        "Ein Teilnehmer wollte von der Moderation wissen: Wann kommt der Radweg?",
        "Eine Anwohnerin fragte die Moderatorin: Was passiert mit dem Treff?",
    ],
)
def test_a_question_asked_of_the_moderation_is_a_statement(tmp_path: Path, asked: str) -> None:
    path = tmp_path / "runde.pdf"
    path.write_bytes(pdf_bytes([[*HEAD, asked, "Ergebnis:", *ANSWERS]]))
    said = [(s.question, s.text) for s in parse_file(path).segments]
    assert said[0] == (None, asked)
    assert all(question != asked for question, _ in said)


def _teams_chat(event: str, said: str) -> str:
    return (
        "Schmidt, Anna\n18:02\nWillkommen zur Stadtteilrunde!\n\n"
        f"Becker, Jonas\n18:03\nIch wohne seit 5 Jahren in Manfort.\n\n{event}\n\n"
        f"Schmidt, Anna\n18:05\n{said}\n\n"
        "Becker, Jonas\n18:06\nWir brauchen mehr Bänke am Markt.\n"
    )


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("team.sozialplanung@stadt.de", "Das Team Sozialplanung meldet sich nächste Woche."),
        ("quartiersbuero.manfort@stadt-leverkusen.de", "Das Quartiersbuero Manfort hilft."),
        ("info.jugend@stadt.de", "Info Jugend: Der Treff hat offen."),
    ],
)
def test_an_offices_address_in_a_teams_event_is_no_person(
    project: Project, tmp_path: Path, address: str, said: str
) -> None:
    path = _file(tmp_path, "chat.txt", _teams_chat(f"{address} left the meeting.", said))
    assert import_into(project, path) == 0
    assert sorted(project.pseudonym_key()["original"]) == ["Anna Schmidt", "Jonas Becker"]
    assert said in project.segments()["text"].tolist()


def test_an_address_with_a_hyphenated_first_name_spells_the_person(tmp_path: Path) -> None:
    event = "anna-lena.schulz@example.org (Gast) ist der Besprechung beigetreten."
    path = _file(tmp_path, "chat.txt", _teams_chat(event, "Hallo Anna-Lena, schön!"))
    assert "Anna-Lena Schulz" in parse_file(path).names
