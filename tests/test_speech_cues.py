"""Speech verbs as cues for names: "…, betont Krämer" names the speaker, "Frau Demirtaş
betont Ältere" names a group (the verb's object), which stays in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Demirtaş betont Ältere.", "[Person 1] betont Ältere."),
        ("Frau Demirtaş sagt Jüngere brauchen mehr Platz.", "[Person 1] sagt Jüngere brauchen"),
        (
            "Frau Demirtaş vom Quartiersbüro betont Senioren und Geflüchtete.",
            "[Person 1] vom Quartiersbüro betont Senioren und Geflüchtete.",
        ),
        ("Sie betont Alleinerziehende.", "Sie betont Alleinerziehende."),
        ("Die Leiterin betont Ehrenamtliche.", "Die Leiterin betont Ehrenamtliche."),
        ("[Person 4] betont Ältere.", "[Person 4] betont Ältere."),
    ],
)
def test_the_object_of_a_speech_verb_is_no_person(text: str, expected: str) -> None:
    out, replacements = Pseudonymiser().pseudonymise(text)
    assert out.startswith(expected)
    assert not [r for r in replacements if r.original.split()[-1] in ("Ältere", "Jüngere")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das sei wichtig, betont Krämer.", "Krämer"),
        ("Dazu sagt Krämer, es fehle ein Treff.", "Krämer"),
        ("Dazu sagt Wiesenthaler, es fehle ein Treff.", "Wiesenthaler"),
        ("„Das fehlt“, sagt Wiesenthaler.", "Wiesenthaler"),
        ("Im Anschluss betont Wiesenthaler die Lage.", "Wiesenthaler"),
        ("Frau Demirtaş fragt Krämer nach dem Treff.", "Krämer"),
    ],
)
def test_the_speaker_after_a_speech_verb_stays_a_person(text: str, name: str) -> None:
    out, _ = Pseudonymiser().pseudonymise(text)
    assert name not in out and "[Person" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Später sagte Krämer, dass es fehlt.", "Später sagte [Person 1], dass es fehlt."),
        ("Anschließend fragte Krämer nach.", "Anschließend fragte [Person 1] nach."),
        ("Krämer sagte Anna, sie solle kommen.", "[Person 1] sagte [Person 2], sie solle"),
        ("Wiesenthaler sagte, dass es fehlt.", "[Person 1] sagte, dass es fehlt."),
    ],
)
def test_an_adverb_before_a_speech_verb_with_a_name_after_it_is_no_person(
    text: str, expected: str
) -> None:
    assert Pseudonymiser().pseudonymise(text)[0].startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anna Schmidt sagt, Licht im Park an der Kalkstraße fehlt.",
            "[Person 1] sagt, Licht im Park an der Kalkstraße fehlt.",
        ),
        ("Anna Schmidt sagte, Bänke am Markt wären gut.", "[Person 1] sagte, Bänke am Markt"),
        ("Herr Becker betont, Spielplätze fehlen.", "[Person 1] betont, Spielplätze fehlen."),
    ],
)
def test_what_follows_a_speech_verb_and_a_comma_is_what_was_said(text: str, expected: str) -> None:
    """Before, "Licht" and "Bänke" after "sagt," were taken for speakers and replaced: a
    protocol's "X sagt, …" lost the first word of every reported statement."""
    out, _ = Pseudonymiser().pseudonymise(text, ["Anna Schmidt"])
    assert out.startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schulz sagt, Kowalczyk hat recht.", "[Person 1] sagt, [Person 2] hat recht."),
        ("Er sagt, Schulz hat recht.", "Er sagt, [Person 1] hat recht."),
        ("Sie betont, Nowak hilft.", "Sie betont, [Person 1] hilft."),
        ("Sie sagte, Meier und Schulz kommen.", "Sie sagte, [Person 1] und [Person 2] kommen."),
        ("Er sagt, Bauer sein ist schwer.", "Er sagt, Bauer sein ist schwer."),
    ],
)
def test_a_surname_that_begins_what_was_said_is_still_a_person(text: str, expected: str) -> None:
    """What follows "sagt," is what was said, but a surname there is a person, as it was
    before the comma stopped being a cue ("Schulz sagt, Kowalczyk hat recht")."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize("text", ["Viele Grüße, Tomasz", "LG, Tomasz", "Danke, Tomasz!"])
def test_a_greeting_and_a_comma_still_name_the_writer(text: str) -> None:
    assert "Tomasz" not in Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Schulz sagte: "Wir brauchen mehr Bänke."', '[Person 1] sagte: "Wir brauchen mehr'),
        ("Kowalczyk meinte: „Ich fühle mich nicht sicher.“", "[Person 1] meinte: „Ich fühle"),
        ("Tjaden betonte, wir sollten früher anfangen.", "[Person 1] betonte, wir sollten"),
        ("Wiesenthaler fragte: Anna, kommst du?", "[Person 1] fragte: [Person 2], kommst"),
        # the pronoun right after the verb is its subject: the word before is no speaker
        ("Gestern sagte er, es sei dunkel.", "Gestern sagte er, es sei dunkel."),
        ("Einige meinten, wir sollten früher anfangen.", "Einige meinten, wir sollten"),
        ("Viele sagten: Wir wollen Licht.", "Viele sagten: Wir wollen Licht."),
    ],
)
def test_a_speaker_whose_quote_begins_with_a_pronoun_is_a_person(text: str, expected: str) -> None:
    """ "Schulz sagte: „Wir …“": "Wir" begins the quote; it is not the verb's subject."""
    assert Pseudonymiser().pseudonymise(text)[0].startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich heiße Jessi und wohne in Opladen.", "Ich heiße [Person 1] und wohne in Opladen."),
        ("Hallo, ich heiße Okke Tjaden.", "Hallo, ich heiße [Person 1]."),
        ("Mein Name ist Okke Tjaden, ich komme aus", "Mein Name ist [Person 1], ich komme aus"),
        ("Mein Name ist Jessi.", "Mein Name ist [Person 1]."),
        # no introduction
        ("Ich heiße Sie herzlich willkommen.", "Ich heiße Sie herzlich willkommen."),
        ("Ich heiße Ihre Idee gut.", "Ich heiße Ihre Idee gut."),
        ("Der Name ist Programm.", "Der Name ist Programm."),
        ("Im Sommer gibt es heiße Tage.", "Im Sommer gibt es heiße Tage."),
    ],
)
def test_the_name_a_person_introduces_themselves_with_is_a_person(text: str, expected: str) -> None:
    """A name no list or directory knows ("Jessi", "Okke Tjaden") after "ich heiße"."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich heiße Fahrverbote nicht gut.", "Ich heiße Fahrverbote nicht gut."),
        ("Ich heiße Windräder gut.", "Ich heiße Windräder gut."),
        ("Ich heiße Parkplätze für Anwohner gut.", "Ich heiße Parkplätze für Anwohner gut."),
        ("Ich heiße Neulinge herzlich willkommen.", "Ich heiße Neulinge herzlich willkommen."),
        ("Ich heiße Dich willkommen!", "Ich heiße Dich willkommen!"),
        # a name, and something approved in another clause
        ("Ich heiße Jessi und finde das gut.", "Ich heiße [Person 1] und finde das gut."),
        ("Ich heiße Jessi, gut dass ich da bin.", "Ich heiße [Person 1], gut dass ich da bin."),
    ],
)
def test_what_one_approves_or_welcomes_with_ich_heisse_is_no_name(text: str, expected: str) -> None:
    """ "Ich heiße Windräder gut" (gutheißen) and "… Neulinge willkommen" name no one."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


def test_a_chat_stores_no_name_a_member_introduces_themselves_with(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12.03.24, 18:01 - +49 176 1234567: Hallo zusammen, ich heiße Jessi Tjaden!\n"
        "12.03.24, 18:02 - +49 176 1234567: Mein Name ist Okke, ich wohne in Manfort.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        stored = stored_text(project)
    assert "Jessi" not in stored and "Tjaden" not in stored and "Okke" not in stored


@pytest.mark.parametrize(
    "text",
    [
        "Dazu sagt, Krämer: Der Park ist abends zu dunkel.",
        "Daraufhin erklärt, Okonkwo: Wir brauchen Bänke am Markt.",
        "Dazu meinte, Krämer, der Park sei abends zu dunkel.",
    ],
)
def test_a_speaker_after_a_speech_verb_and_a_comma_is_still_named(text: str) -> None:
    """A name right after "sagt," that a colon or a comma closes is who spoke, as before
    "X sagt, Licht fehlt" was read as a reported clause: it stayed in clear."""
    out, _ = Pseudonymiser().pseudonymise(text)
    assert "Krämer" not in out and "Okonkwo" not in out and "[Person 1]" in out
