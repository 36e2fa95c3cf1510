"""Plain (unbulleted) turns of voices and roles with a protocol's lead-ins among them, role
words said once each, and attendance lists among bulleted turns ("- Anwohnerin: Frau Koch")."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.domain import ParsedDocument
from workbench.ingest import parse_file
from workbench.ingest.few_turns import role_turns
from workbench.ingest.role_labels import person_only
from workbench.ingest.turn_lines import Turn


def _parse(tmp_path: Path, text: str, suffix: str) -> ParsedDocument:
    path = tmp_path / f"runde{suffix}"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def _read(tmp_path: Path, text: str, suffix: str) -> list[tuple[str | None, str]]:
    return [(s.speaker_role, s.text) for s in _parse(tmp_path, text, suffix).segments]


VOICES = (
    "Protokoll Stadtteilrunde\n\nModeration: Was fehlt im Quartier?\n"
    "Sprecher 1: Der Spielplatz ist zu klein.\nZiel: Mehr Spielgeräte.\n"
    "Sprecher 2: Abends fehlt Licht am Weg.\nErgebnis: Licht am Weg prüfen.\n"
    "Sprecher 1: Es gibt zu wenige Bänke.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_lead_ins_among_plain_voices_keep_their_label(tmp_path: Path, suffix: str) -> None:
    assert _read(tmp_path, VOICES, suffix) == [
        ("Moderation", "Was fehlt im Quartier?"),
        ("Sprecher 1", "Der Spielplatz ist zu klein."),
        (None, "Ziel: Mehr Spielgeräte."),  # the note-taker's record, no one's turn
        ("Sprecher 2", "Abends fehlt Licht am Weg."),
        (None, "Ergebnis: Licht am Weg prüfen."),
        ("Sprecher 1", "Es gibt zu wenige Bänke."),
    ]


ROLES = (
    "Protokoll Stadtteilrunde\n\nAnwohnerin: Der Spielplatz ist zu klein.\n\n"
    "Quartiersmanagerin: Das Stadtteilbüro berät gut.\n\nProblem: Parken.\n\n"
    "Anwohnerin: Es gibt zu wenige Bänke am Markt.\n\nFazit: Bänke werden geprüft.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_lead_in_among_role_words_is_no_person(tmp_path: Path, suffix: str) -> None:
    document = _parse(tmp_path, ROLES, suffix)
    assert [(s.speaker_role, s.text) for s in document.segments] == [
        ("Anwohnerin", "Der Spielplatz ist zu klein."),
        ("Quartiersmanagerin", "Das Stadtteilbüro berät gut."),
        (None, "Problem: Parken."),
        ("Anwohnerin", "Es gibt zu wenige Bänke am Markt."),
        (None, "Fazit: Bänke werden geprüft."),
    ]
    assert "Problem" not in document.names  # a lead-in, not a speaker to pseudonymise
    assert not any("speaker" in s.attributes for s in document.segments)


@pytest.mark.parametrize(
    "text",
    [
        "Protokoll\n\nZiel: Mehr Grün.\nProblem: Parken.\nErgebnis: Bänke werden geprüft.\n",
        "Protokoll\n\nTeilnehmende: Anwohnerin, Quartiersmanagerin\n\n"
        "Ziel: Mehr Grün.\nFazit: Bänke werden geprüft.\n",
        "Protokoll\n\nOrt: Stadtteilbüro\nModeration: Frau Koch\nProtokoll: Herr Lang\n\n"
        "Ziel: Mehr Grün.\nErgebnis: Bänke werden geprüft.\n",
    ],
)
def test_lead_ins_without_voices_stay_a_protocol(tmp_path: Path, text: str) -> None:
    document = _parse(tmp_path, text, ".txt")
    assert all(s.speaker_role is None for s in document.segments)
    assert not any("speaker" in s.attributes for s in document.segments)
    texts = [s.text for s in document.segments]
    assert "Ziel: Mehr Grün." in texts


def test_a_lead_in_with_lines_below_stays_the_protocols(tmp_path: Path) -> None:
    text = VOICES.replace("Ziel: Mehr Spielgeräte.\n", "Ziel: Mehr Spielgeräte.\nAuch Schaukeln.\n")
    assert all(role is None for role, _ in _read(tmp_path, text, ".txt"))


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_role_words_said_once_each_are_turns(tmp_path: Path, suffix: str) -> None:
    text = (
        "Protokoll Stadtteilrunde\n\nAnwohnerin: Der Spielplatz ist zu klein.\n"
        "Vertreter Jugendamt: Wir prüfen das bis zum Sommer.\n"
    )
    assert _read(tmp_path, text, suffix) == [
        ("Anwohnerin", "Der Spielplatz ist zu klein."),
        ("Vertreter Jugendamt", "Wir prüfen das bis zum Sommer."),
    ]


def test_role_turns_need_role_words_and_sentences() -> None:
    said = ["Der Spielplatz ist zu klein."]
    assert role_turns([Turn(1, "Anwohnerin", None, said), Turn(2, "Bewohner", None, said)])
    assert not role_turns([Turn(1, "Anwohnerin", None, said), Turn(2, "Ziel", None, said)])
    assert not role_turns([Turn(1, "Anwohnerin", None, said), Turn(2, "Anwohnerin", None, said)])
    short = [Turn(1, "Anwohnerin", None, ["Mehr Bänke."]), Turn(2, "Bewohner", None, said)]
    assert not role_turns(short)  # a short answer is no evidence of turns


ATTENDANCE = (
    "Stadtteilrunde Nord\n\nWer war da?\n- Anwohnerin: Frau Koch\n"
    "- Quartiersmanagerin: Frau Yilmaz\n\nWas fehlt?\n"
    "- Anwohnerin: Der Spielplatz ist zu klein.\n- Quartiersmanagerin: Licht am Weg.\n"
    "- Anwohnerin: Mehr Bänke.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_an_attendance_list_is_names_not_statements(tmp_path: Path, suffix: str) -> None:
    document = _parse(tmp_path, ATTENDANCE, suffix)
    assert [(s.question, s.speaker_role, s.text) for s in document.segments] == [
        ("Was fehlt?", "Anwohnerin", "Der Spielplatz ist zu klein."),
        ("Was fehlt?", "Quartiersmanagerin", "Licht am Weg."),
        ("Was fehlt?", "Anwohnerin", "Mehr Bänke."),  # a short answer stays a turn
    ]
    listed = " ".join(document.names)
    assert "Koch" in listed and "Yilmaz" in listed  # pseudonymised wherever named
    assert document.options["attendance"] == 2


def test_person_only_is_a_name_and_nothing_else() -> None:
    assert person_only("Frau Koch") and person_only("Anna Schmidt")
    assert not person_only("Mehr Bänke.")
    assert not person_only("Koch")  # a surname alone may be a word ("Koch", "Bauer")
    assert not person_only("Frau Koch hat recht.")


ASKED_BETWEEN = (
    "Stadtteilrunde Nord\n\nWas gibt es schon?\n- Anwohnerin: Mehr Bänke.\n"
    "- Quartiersmanagerin: Licht am Weg.\n\nWas fehlt?\n"
    "- Anwohnerin: Der Spielplatz ist zu klein.\n- Quartiersmanagerin: Ein Treffpunkt.\n"
    "- Anwohnerin: Es gibt zu wenige Bänke am Markt.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_question_line_between_bulleted_turns_asks_the_list_below(
    tmp_path: Path, suffix: str
) -> None:
    document = _parse(tmp_path, ASKED_BETWEEN, suffix)
    assert [(s.question, s.speaker_role, s.text) for s in document.segments] == [
        ("Was gibt es schon?", "Anwohnerin", "Mehr Bänke."),
        ("Was gibt es schon?", "Quartiersmanagerin", "Licht am Weg."),  # not "…\nWas fehlt?"
        ("Was fehlt?", "Anwohnerin", "Der Spielplatz ist zu klein."),
        ("Was fehlt?", "Quartiersmanagerin", "Ein Treffpunkt."),
        ("Was fehlt?", "Anwohnerin", "Es gibt zu wenige Bänke am Markt."),
    ]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_question_below_turns_without_one_asks_only_the_list_below(
    tmp_path: Path, suffix: str
) -> None:
    text = ASKED_BETWEEN.replace("Was gibt es schon?\n", "- Moderation: Was gibt es schon?\n")
    got = [(s.question, s.speaker_role, s.text) for s in _parse(tmp_path, text, suffix).segments]
    assert got[:3] == [
        (None, "Moderation", "Was gibt es schon?"),  # a turn's question stays its turn
        (None, "Anwohnerin", "Mehr Bänke."),
        (None, "Quartiersmanagerin", "Licht am Weg."),
    ]
    assert {q for q, _, _ in got[3:]} == {"Was fehlt?"}


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_line_right_below_an_item_goes_on_with_its_turn(tmp_path: Path, suffix: str) -> None:
    text = ASKED_BETWEEN.replace("Licht am Weg.\n\nWas fehlt?", "Licht am Weg.\nWas fehlt?")
    got = [(s.speaker_role, s.text) for s in _parse(tmp_path, text, suffix).segments]
    assert ("Quartiersmanagerin", "Licht am Weg.\nWas fehlt?") in got  # as on Runde 49
