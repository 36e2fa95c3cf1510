"""Name and phone detection at the edges: brackets, sentence ends, "Nachname, Vorname",
forms of address in short values, language words and dial-in numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.pii_patterns import find_structured
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.speakers import Speakers, natural_order, person_name


# -- A: a phone number in brackets keeps its closing bracket outside -----------------------
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Frau X (0214 7788990)", "0214 7788990"),
        ("(Ansprechpartnerin: Frau Kaya, 0214 123456)", "0214 123456"),
        ("Tel. (0171-2345678)", "0171-2345678"),
        ("(0214) 7788990", "(0214) 7788990"),
        ("Büro +49 (0) 214 7788990.", "+49 (0) 214 7788990"),
    ],
)
def test_phone_in_brackets_ends_before_the_closing_bracket(text: str, phone: str) -> None:
    assert [text[h.start : h.end] for h in find_structured(text) if h.kind == "phone"] == [phone]


def test_phone_in_brackets_is_replaced_inside_them() -> None:
    out = Pseudonymiser().pseudonymise("Nachbarschaftshilfe von Frau Petrović (0214 7788990)")[0]
    assert out == "Nachbarschaftshilfe von [Person 1] ([Telefon])"


# -- B: a full stop after a surname ends the name ------------------------------------------
def test_sentence_end_after_a_surname_ends_the_name() -> None:
    p = Pseudonymiser()
    out, reps = p.pseudonymise("Danke an Herrn Yılmaz. Mehmet, ruf mich an.")
    assert out == "Danke an [Person 1]. [Person 2], ruf mich an."
    assert [r.original for r in reps] == ["Herrn Yılmaz", "Mehmet"]
    out, reps = p.pseudonymise("Herrn Werner. Peter hat auch geholfen.")
    assert out == "[Person 3]. [Person 4] hat auch geholfen."
    assert [r.original for r in reps] == ["Herrn Werner", "Peter"]


@pytest.mark.parametrize(
    "name", ["Herrn Prof. Dr. Becker-Lang", "A. Kowalczyk", "Jens B.", "Fr. Dr. Kaya"]
)
def test_initials_and_abbreviations_stay_inside_the_name(name: str) -> None:
    _, reps = Pseudonymiser().pseudonymise(f"Wir danken {name} sehr.")
    assert [r.original for r in reps] == [name]


# -- C: "Nachname, Vorname" display names and name-list entries ----------------------------
@pytest.mark.parametrize(
    ("display", "person"),
    [
        ("Przybylski-Ötztürk, Jolanta (Stadt Leverkusen)", "Jolanta Przybylski-Ötztürk"),
        ("Tjarksen, Okke", "Okke Tjarksen"),
        ("von der Heide, Anna-Lena", "Anna-Lena von der Heide"),
        ("Schmidt, Dr. Anna", "Dr. Anna Schmidt"),
        ("Anna Schmidt", "Anna Schmidt"),
        ("Anna Schmidt, Stadt Leverkusen", "Anna Schmidt, Stadt Leverkusen"),
        ("Müller, Schmidt und Kaya", "Müller, Schmidt und Kaya"),
        ("+49 2171 1234567", "+49 2171 1234567"),
    ],
)
def test_display_name_in_surname_first_order_is_turned_around(display: str, person: str) -> None:
    assert person_name(display) == person


def test_surname_first_and_first_name_first_are_one_speaker() -> None:
    speakers = Speakers()
    assert speakers.add("Schmidt, Anna") == speakers.add("Anna Schmidt") == "Anna Schmidt"
    assert speakers.names == ("Anna Schmidt",)
    assert natural_order("Kowalczyk, Ewa") == "Ewa Kowalczyk"


def test_listed_surname_first_name_replaces_the_surname_with_one_key() -> None:
    p = Pseudonymiser()
    names = ["Przybylski-Ötztürk, Jolanta", "Kowalczyk, Ewa"]
    out, _ = p.pseudonymise(
        "Danke Jolanta. Wie Przybylski-Ötztürk schon sagte, Frau Kowalczyk und Ewa auch.", names
    )
    assert out == "Danke [Person 1]. Wie [Person 1] schon sagte, [Person 2] und [Person 2] auch."
    assert p.pseudonymise("Przybylski-Ötztürk, Jolanta", names)[0] == "[Person 1]"
    assert {key for kind, key in p.known if kind == "person"} == {
        "przybylski-ötztürk",
        "kowalczyk",
    }


def test_a_list_of_surnames_in_a_text_is_not_turned_around() -> None:
    p = Pseudonymiser()
    out, _ = p.pseudonymise("Müller, Schmidt und Kaya waren da.", ["Anna Schmidt"])
    # a list of surnames opening a sentence: all of them persons (session 41)
    assert out == "[Person 1], [Person 2] und [Person 3] waren da."
    # Schmidt is the listed Anna Schmidt
    assert p.pseudonymise("Anna Schmidt", ["Anna Schmidt"])[0] == "[Person 2]"


TEAMS_COMMA_VTT = """\
WEBVTT

a1/10-0
00:00:01.000 --> 00:00:05.000
<v Wrobelski-Aydın, Jolanta (Stadt Leverkusen)>Ich leite das Familienbüro in Opladen.</v>

a2/11-0
00:00:05.500 --> 00:00:09.000
<v Harmsen, Tjark>Danke Jolanta. Wie Wrobelski-Aydın schon sagte, fehlt Beratung.</v>

a3/12-0
00:00:09.500 --> 00:00:12.000
<v Jolanta Wrobelski-Aydın>Genau, Tjark. Und Harmsen kennt die Zahlen.</v>
"""


def test_teams_transcript_with_surname_first_speakers_keeps_no_surname(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "besprechung.vtt"
    path.write_text(TEAMS_COMMA_VTT, encoding="utf-8")
    project.import_files([path], district="Opladen")
    stored = stored_text(project)
    for word in ("Wrobelski", "Aydın", "Harmsen", "Jolanta", "Tjark"):
        assert word not in stored
    segments = project.segments()
    speakers = [a["speaker"] for a in segments["attributes"]]
    assert speakers[0] == speakers[2] != speakers[1]  # one person in both spellings
    assert list(segments["text"])[2] == f"Genau, {speakers[1]}. Und {speakers[1]} kennt die Zahlen."
    key = project.pseudonym_key()
    assert len(set(key[key["kind"] == "person"]["placeholder"])) == 2


# -- D: a form of address and a name in a short value that is no sentence ------------------
def test_form_of_address_is_a_person_in_a_non_prose_value() -> None:
    p = Pseudonymiser()
    value = "Vielen Dank, Ihr Ansprechpartner ist Herr Thomas Berger."
    assert (
        p.pseudonymise(value, prose=False)[0] == "Vielen Dank, Ihr Ansprechpartner ist [Person 1]."
    )
    assert p.pseudonymise("Familie Yılmaz", prose=False)[0] == "[Person 2]"
    for category in ("Frau und Familie", "Herr der Ringe", "Familie Sonnenschein", "Frau, 45"):
        assert p.pseudonymise(category, prose=False)[0] == category


# -- E: a language word after a lower-case word is no first name ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The workshop was held not only German but also in Turkish.",
        "We speak German and Polish here.",
        "Sprachen: German, English",
    ],
)
def test_language_words_stay(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == text


def test_language_word_with_a_surname_is_a_person() -> None:
    assert Pseudonymiser().pseudonymise("Danke an German Petrow.")[0] == "Danke an [Person 1]."


# -- F: a dial-in number as a display name -------------------------------------------------
def test_dial_in_number_on_the_name_list_is_a_phone_not_a_name() -> None:
    p = Pseudonymiser()
    names = ["+49 2171 1234567", "Anna Schmidt"]
    out, _ = p.pseudonymise("Anruf von +49 2171 1234567; 2171 Haushalte, sagt Anna.", names)
    assert out == "Anruf von [Telefon]; 2171 Haushalte, sagt [Person 1]."


PHONE_VTT = """\
WEBVTT

b1/1-0
00:00:01.000 --> 00:00:04.000
<v Anna Schmidt>Herzlich willkommen in Steinbüchel.</v>

b2/2-0
00:00:04.500 --> 00:00:08.000
<v +49 2171 7654321>Hallo, hier ist die Einwahl. Wir sind 2171 Haushalte.</v>
"""


def test_dial_in_speaker_becomes_a_phone_placeholder(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "einwahl.vtt"
    path.write_text(PHONE_VTT, encoding="utf-8")
    project.import_files([path], district="Steinbüchel")
    segments = project.segments()
    assert segments["attributes"].iloc[1]["speaker"] == "[Telefon]"
    assert list(segments["text"])[1] == "Hallo, hier ist die Einwahl. Wir sind 2171 Haushalte."
    assert "7654321" not in stored_text(project)


def test_speaker_examples_hold() -> None:
    import doctest

    from workbench.ingest import speakers

    assert doctest.testmod(speakers).failed == 0
