"""Third sweep of the name rules on real German chat and protocol sentences: surnames that
are also days or months ("Anna Freitag", "Frau Mai"), …"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- a day or a month as a surname ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Freitag war auch da.", "[Person 1] war auch da."),
        ("Jens Montag findet das gut.", "[Person 1] findet das gut."),
        ("Lisa Mai hat die Liste.", "[Person 1] hat die Liste."),
        ("Frau Freitag sagt, das geht nicht.", "[Person 1] sagt, das geht nicht."),
        ("Herr Sonntag kommt auch.", "[Person 1] kommt auch."),
        ("Frau Anna Mai hat angerufen.", "[Person 1] hat angerufen."),
    ],
)
def test_a_day_or_month_after_a_first_name_or_address_is_the_surname(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ab Freitag ist der Platz gesperrt.", "Ab Freitag ist der Platz gesperrt."),
        ("Danke Anna, Freitag passt.", "Danke [Person 1], Freitag passt."),
        ("Ich sehe Anna Freitag um 10 im Park.", "Ich sehe [Person 1] Freitag um 10 im Park."),
        ("Treffen mit Jens Montag 18 Uhr.", "Treffen mit [Person 1] Montag 18 Uhr."),
        ("Am Freitag kommt Anna, im Mai Jens.", "Am Freitag kommt [Person 1], im Mai [Person 2]."),
    ],
)
def test_a_day_or_month_that_names_a_time_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected


def test_a_surname_that_is_a_day_is_not_stored(project: Project, tmp_path: Path) -> None:
    protocol = (
        "---\nworkshop: Werkstatt Markt\n---\n# Werkstatt\n\n"
        "- Am Freitag ist der Markt zu voll, sagt Anna Freitag.\n"
        "- Frau Mai wünscht sich Bänke am Markt.\n"
    )
    assert _import(project, _file(tmp_path, "markt.md", protocol)) == 0
    stored = stored_text(project)
    assert "Anna Freitag" not in stored and "Frau Mai" not in stored
    texts = list(project.segments()["text"])
    assert texts[0].startswith("Am Freitag ist der Markt zu voll, sagt [Person ")
    assert texts[1].endswith("wünscht sich Bänke am Markt.")
    assert set(project.pseudonym_key()["original"]) >= {"Anna Freitag", "Frau Mai"}


# -- a self-introduction with an article ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hallo, ich bin die Jessi.", "Hallo, ich bin die [Person 1]."),
        ("Ich bin die Jessi und wohne hier.", "Ich bin die [Person 1] und wohne hier."),
        ("Ich bin der Nico aus Manfort.", "Ich bin der [Person 1] aus Manfort."),
        ("Ich bin die Jessi Tjaden von der Kita.", "Ich bin die [Person 1] von der Kita."),
    ],
)
def test_a_name_introduced_with_ich_bin_die_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin der Meinung, dass das reicht.",
        "Ich bin der Ansicht, dass das reicht.",
        "Ich bin die Neue hier.",
        "Ich bin der Hausmeister.",
        "Ich bin der Koordinator.",
        "Ich bin der Beweis, dass es geht.",
        "Ich bin der Typ mit dem Hund.",
        "Ich bin die Oma.",
        "Ich bin der Azubi.",
    ],
)
def test_what_someone_is_stays_after_ich_bin(text: str) -> None:
    assert _clear(text) == text


def test_a_self_introduction_in_a_chat_is_not_stored(project: Project, tmp_path: Path) -> None:
    chat = (
        "18:02:11 Von Jessica Tjaden an Alle: Hallo, ich bin die Jessi.\n"
        "18:03:40 Von Jessica Tjaden an Alle: Die Bänke am Markt fehlen.\n"
    )
    assert _import(project, _file(tmp_path, "meeting_saved_chat.txt", chat)) == 0
    assert "Jessi" not in stored_text(project)
    texts = list(project.segments()["text"])
    assert texts[0].startswith("Hallo, ich bin die [Person ")


# -- a particle opening the sentence -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von Weizsäcker sagte, das sei gut.", "[Person 1] sagte, das sei gut."),
        ("Van Dyk meint, wir brauchen Bänke.", "[Person 1] meint, wir brauchen Bänke."),
        ("Von Tjaden betont, dass Licht fehlt.", "[Person 1] betont, dass Licht fehlt."),
    ],
)
def test_a_surname_with_a_particle_opening_the_sentence_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zu Hause sagt man das nicht.",
        "Von Anfang an sagte sie das.",
        "Von Manfort fährt kein Bus.",
        "Da Kinder hier spielen, fehlt Licht.",
    ],
)
def test_a_preposition_opening_the_sentence_stays(text: str) -> None:
    assert _clear(text) == text


# -- the subject of "hat … gesagt" ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das hat Gülcan gesagt.", "Das hat [Person 1] gesagt."),
        (
            "Gestern hat Okke erzählt, der Bus fehlt.",
            "Gestern hat [Person 1] erzählt, der Bus fehlt.",
        ),
    ],
)
def test_a_first_name_before_gesagt_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Er hat Bescheid gesagt.",
        "Sie hat Hallo gesagt.",
        "Das hat Nein gesagt.",
        "Die Stadt hat Geld gesagt.",
        "Dann hat Politik gesagt, es gibt kein Geld.",
        "Das hat Corona gezeigt.",
    ],
)
def test_what_was_said_stays_before_gesagt(text: str) -> None:
    assert _clear(text) == text


# -- a name before a genitive "s" ----------------------------------------------------------
@pytest.mark.parametrize(
    "texts",
    [
        ("Jonas Becker war da.", "Jonas Beckers Haus steht leer."),
        ("Jonas Beckers Haus steht leer.", "Jonas Becker war da."),
    ],
)
def test_a_full_name_with_a_genitive_s_is_the_same_person(texts: tuple[str, str]) -> None:
    p = Pseudonymiser()
    first, second = (p.pseudonymise(t)[0].split(" ")[:2] for t in texts)
    assert first == second == ["[Person", "1]"]


def test_a_first_name_ending_in_s_before_what_it_owns_is_a_person() -> None:
    assert _clear("Markus Haus ist zu klein.") == "[Person 1] Haus ist zu klein."
    assert _clear("Hans Haus ist zu klein.") == "[Person 1] Haus ist zu klein."
    assert _clear("Markus Kirche ist alt.") == "Markus Kirche ist alt."
    assert _clear("Wir treffen uns im Markus Haus.") == "Wir treffen uns im Markus Haus."
    assert _clear("Die Anne Frank Schule ist gut.") == "Die Anne Frank Schule ist gut."


def test_one_person_for_a_speaker_and_their_house(project: Project, tmp_path: Path) -> None:
    meeting = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n"
        "<v Jonas Becker>Am Markt fehlen Bänke.</v>\n\n"
        "00:00:06.000 --> 00:00:10.000\n<v Anna Schmidt>Jonas Beckers Haus steht leer.</v>\n"
    )
    assert _import(project, _file(tmp_path, "markt.vtt", meeting)) == 0
    jonas = project.segments()["attributes"][0]["speaker"]
    assert list(project.segments()["text"])[1] == f"{jonas} Haus steht leer."
