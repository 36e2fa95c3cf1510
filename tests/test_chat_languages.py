"""Meeting chats saved by a German Zoom client, and Webex chats in German and English.

Zoom writes the header of a chat saved in the meeting in the interface language
(``Von Name an Alle:``, ``an Jeder``, ``(Direktnachricht)``/``(Privat)``); Webex writes
the same shape in lower case (``von Name an alle:``, ``from Name to everyone:``). Each
is read like the English chat: one statement per message, the sender as pseudonymous
speaker, the recipient of a direct message, reactions counted and replies linked. The
words "von" and "an" inside a message, or in a protocol, start nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.core.domain import InputError
from workbench.ingest import parse_file

PLACEHOLDER = re.compile(r"^\[Person \d+\]$")

GERMAN_SAVED = (
    "10:02:13 Von Jolanta Brzeska an Alle:\n"
    "\tGuten Morgen! Schön, dass so viele aus Manfort dabei sind.\n"
    "10:02:41 Von Kemal Aydın an Alle:\n"
    "\tIm Jugendtreff fehlt uns WLAN.\n"
    "\tBriefe an die Eltern kommen von der Schule nicht an.\n"
    "10:03:30 Von Frauke Odendahl an Alle:\n"
    "\tHat mit 👍 auf „Im Jugendtreff fehlt uns WLAN...“ reagiert\n"
    "10:04:40 Von Frauke Odendahl an Jolanta Brzeska (Direktnachricht):\n"
    "\tKannst du mir die Folien schicken?\n"
    "10:05:12 Von Jolanta Brzeska an Alle:\n"
    "\tAntwort auf „Im Jugendtreff fehlt uns WLAN...“\n"
    "\n"
    "\tDanke, das nehmen wir in die Leitfrage 2 mit.\n"
    "10:06:00 Von Ilse Wübbeling an Kemal Aydın (Privat):\n"
    "\tGruß von der Heyden an dich!\n"
)

GERMAN_ONE_LINE = (
    "18:02:13\t Von  Jolanta Brzeska  an  Jeder : Wir freuen uns über Ideen von allen.\n"
    "18:02:55\t Von  Ilse Wübbeling  an  Jeder : Die Kita schreibt Briefe an Alle Eltern.\n"
    "18:03:20\t Von  Kemal Aydın  an  Jolanta Brzeska(privat) : Von mir an dich: danke!\n"
    "18:03:41\t Von  Tamara Osei  an  Jeder : "
    "Hat mit 🎉 auf „Die Kita schreibt Briefe...“ reagiert\n"
    "18:04:10\t Von  Tamara Osei  an  Jeder : Jeder Jugendliche braucht einen Ort.\n"
)

WEBEX = {
    "de": (
        "18:02:11 von Jolanta Brzeska an alle:  Bitte nennt eure Einrichtung.\n"
        "18:02:40 von Kemal Aydın an alle:  Jugendtreff Manfort, von 15 bis 19 Uhr\n"
        "18:03:30 von Ilse Wübbeling an Jolanta Brzeska (privat):  Ich muss um 19 Uhr weg.\n"
    ),
    "en": (
        "18:02:11 from Jolanta Brzeska to everyone:  Bitte nennt eure Einrichtung.\n"
        "18:02:40 from Kemal Aydın to everyone:  Jugendtreff Manfort, von 15 bis 19 Uhr\n"
        "18:03:30 from Ilse Wübbeling to Jolanta Brzeska (privately):  Ich muss um 19 Uhr weg.\n"
    ),
}

PLANTED = ("Jolanta", "Brzeska", "Kemal", "Aydın", "Frauke", "Odendahl", "Wübbeling", "Osei")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(project: Project, tmp_path: Path, name: str, text: str) -> tuple[list, list]:
    """Import ``text`` as a chat file, direct messages included (they are what these
    tests look at); return the statements' texts and attributes."""
    path = _write(tmp_path, name, text)
    assert parse_file(path).importer == "zoom-chat"
    project.import_files([path], district="Manfort", direct_messages=True)
    segments = project.segments()
    return list(segments["text"]), list(segments["attributes"])


def _no_planted_names(project: Project) -> None:
    """No planted name is stored outside the pseudonym key; every speaker is a placeholder."""
    stored = stored_text(project)
    assert [name for name in PLANTED if name in stored] == []
    for attributes in project.segments()["attributes"]:
        assert PLACEHOLDER.match(attributes["speaker"])


def test_german_zoom_chat_saved_in_the_meeting(project: Project, tmp_path: Path) -> None:
    texts, attributes = _import(project, tmp_path, "chat_de.txt", GERMAN_SAVED)
    assert texts[:2] == [
        "Guten Morgen! Schön, dass so viele aus Manfort dabei sind.",
        "Im Jugendtreff fehlt uns WLAN.\nBriefe an die Eltern kommen von der Schule nicht an.",
    ]
    assert len(texts) == 5  # the reaction is counted, not a statement
    assert [a["time"] for a in attributes] == [
        "10:02:13",
        "10:02:41",
        "10:04:40",
        "10:05:12",
        "10:06:00",
    ]
    jolanta, kemal, frauke = (attributes[i]["speaker"] for i in (0, 1, 2))
    assert len({jolanta, kemal, frauke}) == 3
    assert attributes[1]["reactions"] == 1 and attributes[1]["reaction_emoji"] == "👍"
    assert attributes[2]["direct_message"] is True and attributes[2]["recipient"] == jolanta
    assert attributes[3]["speaker"] == jolanta and attributes[3]["reply_to"] == "2"
    assert texts[3] == "Danke, das nehmen wir in die Leitfrage 2 mit."
    assert attributes[4]["recipient"] == kemal  # "(Privat)"
    assert "direct_message" not in attributes[0] and "recipient" not in attributes[0]
    _no_planted_names(project)


def test_german_zoom_chat_on_one_line_keeps_von_and_an_in_the_text(
    project: Project, tmp_path: Path
) -> None:
    document = parse_file(_write(tmp_path, "chat_alt.txt", GERMAN_ONE_LINE), direct_messages=True)
    assert set(document.names) == {
        "Jolanta Brzeska",
        "Ilse Wübbeling",
        "Kemal Aydın",
        "Tamara Osei",
    }
    assert [s.attributes["speaker"] for s in document.segments] == [
        "Jolanta Brzeska",
        "Ilse Wübbeling",
        "Kemal Aydın",
        "Tamara Osei",
    ]
    assert [s.text for s in document.segments] == [
        "Wir freuen uns über Ideen von allen.",
        "Die Kita schreibt Briefe an Alle Eltern.",
        "Von mir an dich: danke!",
        "Jeder Jugendliche braucht einen Ort.",
    ]
    assert document.options["reactions"] == 1

    texts, attributes = _import(project, tmp_path, "chat_alt.txt", GERMAN_ONE_LINE)
    assert len(texts) == 4
    assert attributes[1]["reactions"] == 1 and attributes[1]["reaction_emoji"] == "🎉"
    assert attributes[2]["recipient"] == attributes[0]["speaker"]
    assert not any("recipient" in a for i, a in enumerate(attributes) if i != 2)
    _no_planted_names(project)


@pytest.mark.parametrize("language", sorted(WEBEX))
def test_webex_chat_in_lower_case(language: str, project: Project, tmp_path: Path) -> None:
    texts, attributes = _import(project, tmp_path, f"webex_{language}.txt", WEBEX[language])
    assert texts == [
        "Bitte nennt eure Einrichtung.",
        "Jugendtreff Manfort, von 15 bis 19 Uhr",
        "Ich muss um 19 Uhr weg.",
    ]
    assert len({a["speaker"] for a in attributes}) == 3
    assert attributes[2]["direct_message"] is True
    assert attributes[2]["recipient"] == attributes[0]["speaker"]
    _no_planted_names(project)


def test_recipient_word_in_another_case_and_in_a_name(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "chat.txt",
        "10:00:05 From Jolanta Brzeska To Everyone:\n\tHallo!\n"
        "10:00:09 Von Thi An an Alle:\n\tGuten Morgen.\n"
        "10:00:15 Von Thi An an Kemal Aydın (Direktnachricht):\n\tBis gleich.\n",
    )
    document = parse_file(path, direct_messages=True)
    assert [s.attributes["speaker"] for s in document.segments] == [
        "Jolanta Brzeska",
        "Thi An",
        "Thi An",
    ]
    assert document.segments[2].attributes["recipient"] == "Kemal Aydın"
    assert set(document.names) == {"Jolanta Brzeska", "Thi An", "Kemal Aydın"}


def test_broken_time_stamp_in_a_german_chat_names_the_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "chat_kaputt.txt",
        "10:02:13 Von Jolanta Brzeska an Alle:\n\tHallo\n10:0x:20 Von Kemal Aydın an Alle:\n",
    )
    with pytest.raises(InputError, match="Zeitstempel '10:0x:20'") as error:
        parse_file(path)
    assert error.value.row == 3


PROTOCOLS = {
    "agenda": (
        "10:00 Von der Idee zum Projekt: Begrüßung durch das Quartiersbüro\n"
        "10:30 Pause\n"
        "11:00 Von der Kita an die Schule: Übergänge gestalten\n"
    ),
    "agenda with speakers": (
        "10:00 Von Frau Schmidt an alle: Begrüßung\n"
        "10:30 Pause\n"
        "11:00 Von der Kita an die Schule: Übergänge gestalten\n"
    ),
    "agenda in English": (
        "10:00 From idea to project: welcome by the neighbourhood office\n"
        "10:30 Break\n"
        "11:00 From school to work: transitions\n"
    ),
    "agenda with seconds": "10:02:13 Von der Idee zum Projekt: Begrüßung\n10:30:00 Abschluss\n",
    "sentences": (
        "Protokoll Stadtteilkonferenz Manfort\n\n"
        "Frau Schmidt begrüßt alle. Ein Gruß von der Heyden an alle Anwesenden.\n"
        "Die Kita schreibt Briefe an die Eltern, von Jung bis Alt.\n"
    ),
}


@pytest.mark.parametrize("case", sorted(PROTOCOLS))
def test_protocol_with_von_and_an_is_still_a_protocol(case: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "protokoll.txt", PROTOCOLS[case])
    assert parse_file(path).importer == "markdown"
