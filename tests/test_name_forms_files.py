"""Names in their German forms in imported files (the text rules: test_name_forms): a chat
or transcript, a protocol's list of participants, a file or contact named after a person,
an anonymised speaker label; nothing of a name is stored, forgetting finds the person."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main


def test_a_chat_stores_no_name_in_the_genitive(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12.03.21, 18:02 - Mehmet Yılmaz: Wir brauchen Bänke am Markt.\n"
        "12.03.21, 18:05 - Anna Schmidt: Mehmets Idee finde ich gut.\n"
        "12.03.21, 18:07 - Mehmet Yılmaz: Und Annas Vorschlag mit dem Café auch!\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        texts = list(project.segments()["text"])
        stored = stored_text(project)
    assert texts[1:] == [
        "[Person 1]s Idee finde ich gut.",
        "Und [Person 2]s Vorschlag mit dem Café auch!",
    ]
    assert "Mehmet" not in stored and "Anna" not in stored


MEETING_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
<v Jan de Vries>Guten Abend, der Spielplatz ist gesperrt.</v>

00:00:06.000 --> 00:00:10.000
<v Anna Schmidt>Da hat Frau van Beek recht.</v>

00:00:11.000 --> 00:00:15.000
<v Jan de Vries>Danke, die Bänke fehlen auch.</v>
"""


def test_forget_a_speaker_with_a_particle_by_the_surname(project: Project, tmp_path: Path) -> None:
    vtt = tmp_path / "treffen.vtt"
    vtt.write_text(MEETING_VTT, encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(vtt), "--district", "Manfort"]) == 0
    speakers = [a.get("speaker") for a in project.segments()["attributes"]]
    jan = speakers[0]
    assert speakers[2] == jan and speakers[1] != jan
    # a request to erase "Herr de Vries" names Jan de Vries: "de" is no first name
    assert main(["--project", str(project.path), "forget", "--speaker", "Herr de Vries"]) == 0
    assert [a.get("speaker") for a in project.segments()["attributes"]] == [speakers[1]]


def test_a_name_typed_with_the_umlauts_of_a_german_keyboard_is_its_person(
    tmp_path: Path,
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12.03.21, 18:05 - Şükrü Yılmaz: Der Spielplatz am Markt ist kaputt.\n"
        "12.03.21, 18:06 - Gülşen Öztürk: Sükrü hat recht, die Schaukel fehlt.\n"
        "12.03.21, 18:07 - Şükrü Yılmaz: Danke Gülsen!\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        segments = project.segments()
        speakers = [a.get("speaker") for a in segments["attributes"]]
        texts = list(segments["text"])
    sukru, gulsen = speakers[0], speakers[1]
    assert texts[1:] == [f"{sukru} hat recht, die Schaukel fehlt.", f"Danke {gulsen}!"]


PROTOCOL_MD = """\
---
workshop: Werkstatt Manfort
date: 2021-03-25
participants: ["Schmidt, Anna", "de Vries, Jan", Mohammed al-Hassan, "van Beek, Sanne"]
---
# Werkstatt Manfort

## Was fehlt?

- al-Hassan bietet Deutschkurse an.
- Vries und Beek haben recht, sagt Anna.
- Frau Schmidt wünscht sich Bänke.
"""


PROTOCOL_TXT = """\
Werkstatt Manfort
Datum: 25.03.2021
Teilnehmende: Schmidt, Anna; de Vries, Jan; Mohammed al-Hassan; van Beek, Sanne

Was fehlt?
- al-Hassan bietet Deutschkurse an.
- Vries und Beek haben recht, sagt Anna.
- Frau Schmidt wünscht sich Bänke.
"""


@pytest.mark.parametrize(("name", "text"), [("w.md", PROTOCOL_MD), ("w.txt", PROTOCOL_TXT)])
def test_participants_with_particles_and_in_surname_order_are_listed(
    tmp_path: Path, name: str, text: str
) -> None:
    protocol = tmp_path / name
    protocol.write_text(text, encoding="utf-8")
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([protocol], district="Manfort")
        texts = list(project.segments()["text"])
        stored = stored_text(project)
    assert texts[0] == "[Person 1] bietet Deutschkurse an."
    # "Anna" and "Frau Schmidt" are the one listed Anna Schmidt, not two people
    assert texts[1] == "[Person 2] und [Person 3] haben recht, sagt [Person 4]."
    assert texts[2] == "[Person 4] wünscht sich Bänke."
    for word in ("Hassan", "Vries", "Beek", "Anna", "Schmidt"):
        assert word not in stored


@pytest.mark.parametrize(
    ("listed", "text", "expected"),
    [
        ("Anna, Lena", "Anna will Bänke, Lena ein Café.", "[Person 1] will Bänke, [Person 2]"),
        (
            "Braun, Schmidt",
            "Frau Braun will Bänke, Herr Schmidt ein Café.",
            "[Person 1] will Bänke, [Person 2]",
        ),
    ],
)
def test_two_participants_separated_by_a_comma_are_two_people(
    tmp_path: Path, listed: str, text: str, expected: str
) -> None:
    # "Nachname, Vorname" is one person; two first names or two surnames are two:
    # "Teilnehmende: Anna, Lena" made both one listed "Lena Anna", one pseudonym
    protocol = tmp_path / "treff.txt"
    protocol.write_text(
        f"Nachbarschaftstreff\nDatum: 25.03.2021\nTeilnehmende: {listed}\n\nWas fehlt?\n- {text}\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([protocol], district="Manfort")
        assert project.segments()["text"].iloc[0].startswith(expected)


def test_a_file_named_with_a_listed_first_name_and_a_surname_stores_neither(
    tmp_path: Path,
) -> None:
    protocol = tmp_path / "Werkstatt_Manfort_Hans-Peter_Müller.md"
    protocol.write_text(
        "---\nparticipants: [Hans-Peter Müller-Lüdenscheidt]\n---\n# Werkstatt\n\n"
        "## Was fehlt?\n\n- Bänke am Markt.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([protocol], district="Manfort")
        stored = stored_text(project)
    assert "Werkstatt_Manfort_[Person 1].md" in stored
    assert "Müller" not in stored and "Hans" not in stored


def test_a_chat_naming_a_file_after_a_person_stores_no_name(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12.03.21, 18:04 - Jens Vogel: Schaut mal: Foto_Ewa_Kowalczyk.jpg\n"
        "12.03.21, 18:05 - Jens Vogel: Die Einladung liegt als Einladung_Familie_Yilmaz.pdf"
        " im Ordner.\n"
        "12.03.21, 18:06 - claudia_h: Danke, das Haus_der_Jugend hat auch Platz.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        texts = list(project.segments()["text"])
        stored = stored_text(project)
    assert texts[0] == "Schaut mal: Foto_[Person 1].jpg"
    assert texts[1] == "Die Einladung liegt als Einladung_[Person 2].pdf im Ordner."
    assert texts[2] == "Danke, das Haus_der_Jugend hat auch Platz."
    for word in ("Ewa", "Kowalczyk", "Yilmaz", "claudia"):
        assert word not in stored


def test_a_contact_saved_as_a_kinship_word_takes_no_word_from_the_texts(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12.03.21, 18:04 - Mama 💕: Hallo, ich komme zum Treffen.\n"
        "12.03.21, 18:05 - Anna Schmidt: Als Mama von drei Kindern fehlt mir ein Spielplatz.\n"
        "12.03.21, 18:06 - Nachbarin Gisela: Ich frag mal meine Nachbarin, mama und papa.\n"
        "12.03.21, 18:07 - Thomas Richter: Danke Gisela, Richter hier.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        segments = project.segments()
        speakers = [a.get("speaker") for a in segments["attributes"]]
        texts = list(segments["text"])
    assert all(s and s.startswith("[Person ") for s in speakers)
    assert len(set(speakers)) == 4
    assert texts[1] == "Als Mama von drei Kindern fehlt mir ein Spielplatz."
    assert texts[2] == "Ich frag mal meine Nachbarin, mama und papa."
    assert texts[3] == f"Danke {speakers[2]}, {speakers[3]} hier."


def test_an_anonymised_speaker_label_takes_no_word_from_the_texts(tmp_path: Path) -> None:
    interview = tmp_path / "interview.txt"
    interview.write_text(
        "Interviewer: Was fehlt Ihnen im Stadtteil?\n"
        "Befragte Person 2: Ein Treffpunkt. Person 3 sieht das auch so, sagt sie.\n"
        "Interviewer: Und die Befragte Person 3?\n"
        "Befragte Person 3: Ich finde die Busse gut.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([interview], district="Manfort")
        segments = project.segments()
        speakers = [a.get("speaker") for a in segments["attributes"]]
        texts = list(segments["text"])
    assert texts[1] == "Ein Treffpunkt. Person 3 sieht das auch so, sagt sie."
    assert texts[2] == "Und die Befragte Person 3?"
    assert speakers[1] != speakers[3] and speakers[1].startswith("[Person ")


EMOJI_CHAT = (
    "12.03.21, 18:02 - Łukasz Wójcik 🚲: Ich repariere gern Räder im Jugendzentrum.\n"
    "12.03.21, 18:03 - Ewa Nowak 🚲: Ich helfe mit.\n"
    "12.03.21, 18:04 - Mama 💕: Hallo zusammen.\n"
)


def test_forget_a_messenger_name_with_an_emoji_by_the_name(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(EMOJI_CHAT, encoding="utf-8")
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([chat], district="Manfort", workshop="Chat")
        speakers = [a.get("speaker") for a in project.segments()["attributes"]]
        assert len(set(speakers)) == 3
        forget = ["--project", str(project.path), "forget", "--speaker", "Łukasz Wójcik"]
        assert main(forget) == 0
        assert [a.get("speaker") for a in project.segments()["attributes"]] == speakers[1:]
