"""A second reading of session 31's meeting work: chat names, interviews, folders.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

# Zoom's cloud chat: a display name with "An" in it ("Thi An Nguyen (privat)", a private
# account) is no direct message: Zoom writes its recipient word "an" in lower case.
CLOUD_AN_IN_NAME = (
    "00:01:12\tJonas Becker:\tHerzlich willkommen zum Stadtteilforum!\r\n"
    "00:02:30\tThi An Nguyen (privat):\tDer Spielplatz am Markt ist kaputt.\r\n"
    "00:03:05\tThi An Nguyen (privat):\tUnd die Bänke fehlen.\r\n"
    "00:03:40\tBen Kramer an Anna Schmidt (Privat):\tRuf mich an, mir geht es schlecht.\r\n"
    "00:04:10\tJonas Becker:\tDanke, wir sammeln alles.\r\n"
)


def test_a_display_name_with_a_capital_an_keeps_its_messages(
    project: Project, tmp_path: Path
) -> None:
    path = _file(tmp_path, "chat.txt", CLOUD_AN_IN_NAME)
    doc = parse_file(path)
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Jonas Becker", "Herzlich willkommen zum Stadtteilforum!"),
        ("Thi An Nguyen", "Der Spielplatz am Markt ist kaputt."),
        ("Thi An Nguyen", "Und die Bänke fehlen."),
        ("Jonas Becker", "Danke, wir sammeln alles."),
    ]
    assert doc.options["direct_messages_left_out"] == 1
    assert "Thi An Nguyen" in doc.names
    assert import_into(project, path) == 0
    texts = list(project.segments()["text"])
    assert "Und die Bänke fehlen." in texts
    assert not any("schlecht" in text or "Nguyen" in text for text in texts)


# Beside Zoom's chat in its recording folder: a table of cards from other workshops and a
# protocol of another event, each naming its own workshop and date.
FOLDER_CHAT = (
    "18:00:05 Von Helga Brandt an Alle:\n\tDer Spielplatz am Rhein ist gesperrt.\n"
    "18:01:10 Von Kerem Özdemir an Alle:\n\tUnd die Bänke fehlen auch.\n"
)
FOLDER_CARDS = (
    "workshop,text\nWerkstatt Opladen,Der Bus fährt selten.\nWerkstatt Rheindorf,Mehr Licht.\n"
)
FOLDER_PROTOCOL = (
    "# Protokoll Werkstatt Hitdorf\n\nDatum: 04.03.2021\n\nDie Ampel schaltet zu schnell.\n"
)


def test_a_table_and_a_protocol_in_a_zoom_folder_keep_their_workshops(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "2026-03-05 18.00.12 Stadtteilforum Manfort"
    folder.mkdir()
    _file(folder, "meeting_saved_chat.txt", FOLDER_CHAT)
    _file(folder, "karten.csv", FOLDER_CARDS)
    _file(folder, "protokoll.md", FOLDER_PROTOCOL)
    assert import_into(project, folder) == 0
    workshops = project.workshops().sort_values("workshop")
    dates = workshops["date"].fillna("")
    assert list(zip(workshops["workshop"], dates, strict=True)) == [
        ("Stadtteilforum Manfort", "2026-03-05"),
        ("Werkstatt Hitdorf", "2021-03-04"),
        ("Werkstatt Opladen", ""),
        ("Werkstatt Rheindorf", ""),
    ]
    assert capsys.readouterr().out.count("nach dem Ordner der Zoom-Aufzeichnung") == 1


# Notes typed with a weekday and date before each line look like Element's event lines,
# but Element writes its month as a word and its time with seconds.
SITE_WALK = (
    "Mo., 4.3.2021, 10:15 - Spielplatz Wiesdorf: Müll liegt herum, Schaukel kaputt.\n"
    "Mo., 4.3.2021, 10:40 - Bushaltestelle Markt: keine Bank, kein Dach.\n"
    "Di., 5.3.2021, 16:00 - Jugendzentrum: Jugendliche wünschen längere Öffnungszeiten.\n"
)
DATES_AND_RESULT = (
    "So., 1.3.2026, 10:00 - Aufbau\nSo., 1.3.2026, 11:00 - Fest\n"
    "So., 1.3.2026, 15:00 - Abbau\n\nErgebnis: Viele Kinder waren da.\n"
)


def test_dated_notes_stay_a_protocol(project: Project, tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "begehung.txt", SITE_WALK))
    assert doc.importer == "markdown"
    assert [s.text for s in doc.segments] == SITE_WALK.splitlines()
    path = _file(tmp_path, "fest.txt", DATES_AND_RESULT)
    assert parse_file(path).importer == "markdown"
    assert import_into(project, path) == 0
    assert "Ergebnis: Viele Kinder waren da." in list(project.segments()["text"])


# A quote in a sentence is no reply, though it is the start of an earlier message: one
# word of it before a colon, or a cut quote without the colon.
QUOTES_IN_SENTENCES = (
    "00:01:12\tAnna Berg:\tBänke fehlen überall im Park.\r\n"
    "00:02:30\tMaria Kaya:\tDer Bus fährt abends selten.\r\n"
    "00:03:05\tJonas Becker:\tZum Thema „Bänke“: wir brauchen mehr davon am Markt.\r\n"
    "00:04:10\tBen Kramer:\tIch sage nur „Der Bus“: eine Katastrophe.\r\n"
    "00:05:10\tLea Voss:\tDas Motto „Der Bus fährt...“ hängt überall.\r\n"
    "00:06:10\tTom Ries:\tAntwort auf „Der Bus fährt abends selten.“: Ja, leider.\r\n"
)


def test_a_quote_in_a_sentence_stays_in_the_statement(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", QUOTES_IN_SENTENCES))
    assert [(s.text, s.attributes.get("reply_to")) for s in doc.segments] == [
        ("Bänke fehlen überall im Park.", None),
        ("Der Bus fährt abends selten.", None),
        ("Zum Thema „Bänke“: wir brauchen mehr davon am Markt.", None),
        ("Ich sage nur „Der Bus“: eine Katastrophe.", None),
        ("Das Motto „Der Bus fährt...“ hängt überall.", None),
        ("Ja, leider.", "2"),
    ]


# A transcript typed with a welcome as its title, its participants below: no BigBlueButton
# welcome message (that is stamped, under "system:", or names BigBlueButton).
WELCOME_TITLE = (
    "Willkommen zum Stadtteilforum Manfort\n"
    "Teilnehmende: Anna Schmidt, Bernd Kowalczyk, Jolanta Brzeska\n\n"
    "Anna Schmidt: Guten Abend, wir fangen an.\n"
    "Jolanta Brzeska: Der Spielplatz ist kaputt, sagt auch Kowalczyk.\n"
    "Anna Schmidt: Danke.\n"
    "Jolanta Brzeska: Bitte.\n"
)


def test_a_welcome_as_a_transcripts_title_keeps_title_and_participants(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "runde.txt", WELCOME_TITLE))
    assert doc.title == "Willkommen zum Stadtteilforum Manfort"
    assert "Bernd Kowalczyk" in doc.names
    assert len(doc.segments) == 4


# A transcript's head listing its participants one per line, as protocols do, and naming who
# wrote the minutes: names on the name list, neither in the title nor a statement.
LISTED_HEAD = (
    "Willkommen zum Stadtteilforum Manfort\n"
    "{head}\n"
    "Bernd Kowalczyk\n"
    "- Jolanta Brzeska\n"
    "Anna Schmidt\n"
    "Protokoll: Ewa Wiśniewska\n\n"
    "Anna Schmidt: Guten Abend, wir fangen an.\n"
    "Jolanta Brzeska: Der Spielplatz ist kaputt, sagt auch Kowalczyk.\n"
    "Anna Schmidt: Danke.\n"
    "Jolanta Brzeska: Bitte.\n"
)


@pytest.mark.parametrize("head", ["Teilnehmer:", "Teilnehmende:", "Anwesend:"])
def test_a_list_of_participants_one_per_line_stays_out_of_title_and_statements(
    project: Project, tmp_path: Path, head: str
) -> None:
    doc = parse_file(_file(tmp_path, "forum.txt", LISTED_HEAD.format(head=head)))
    assert doc.title == "Willkommen zum Stadtteilforum Manfort"
    assert set(doc.names) >= {"Bernd Kowalczyk", "Jolanta Brzeska", "Ewa Wiśniewska"}
    assert [s.text for s in doc.segments][:2] == [
        "Guten Abend, wir fangen an.",
        "Der Spielplatz ist kaputt, sagt auch Kowalczyk.",
    ]
    assert len(doc.segments) == 4
    assert import_into(project, _file(tmp_path, "forum2.txt", LISTED_HEAD.format(head=head))) == 0
    stored = " ".join([*project.segments()["text"], *project.workshops()["workshop"]])
    assert not {"Kowalczyk", "Brzeska", "Wiśniewska"} & set(stored.replace(".", " ").split())


def test_a_line_under_the_list_of_the_heads_frame_is_no_name(tmp_path: Path) -> None:
    meet = (
        "Stadtteilforum Manfort (2026-03-12 18:00 GMT+01:00) – Transkript\nTeilnehmer\n"
        "Anna Schmidt\nBen Berg\nTranskript\n00:00:00\n\n"
        "Anna Schmidt: Guten Abend.\nBen Berg: Der Park ist dunkel.\nAnna Schmidt: Danke.\n"
    )
    doc = parse_file(_file(tmp_path, "meet.txt", meet))
    assert doc.names == ("Anna Schmidt", "Ben Berg")
    assert [s.text for s in doc.segments] == ["Guten Abend.", "Der Park ist dunkel.", "Danke."]


def test_moderation_in_a_transcript_speaking_stays_a_statement(tmp_path: Path) -> None:
    text = "Moderation: Herzlich willkommen.\nAnna Schmidt: Danke.\nModeration: Gut.\n"
    doc = parse_file(_file(tmp_path, "runde.txt", text))
    assert [s.text for s in doc.segments] == ["Herzlich willkommen.", "Danke.", "Gut."]


# A transcript's participants naming a group, as protocols may: the group is no one's name.
GROUP_HEAD = (
    "Stadtteilforum Manfort\n"
    "{head}\n\n"
    "Anna Schmidt: Guten Abend, wir fangen an.\n"
    "Jolanta Brzeska: Die Vertreter*innen der Träger sollen mehr tun.\n"
    "Anna Schmidt: Danke.\n"
    "Jolanta Brzeska: Bitte.\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "Teilnehmende: Nachbarschaft, Vertreter*innen der Träger",
        "Teilnehmende:\nBernd Kowalczyk\nVertreter*innen der Träger",
    ],
)
def test_a_group_among_a_transcripts_participants_is_no_name(
    project: Project, tmp_path: Path, head: str
) -> None:
    doc = parse_file(_file(tmp_path, "forum.txt", GROUP_HEAD.format(head=head)))
    assert doc.title == "Stadtteilforum Manfort"
    assert not any("Träger" in name for name in doc.names)
    assert import_into(project, _file(tmp_path, "forum2.txt", GROUP_HEAD.format(head=head))) == 0
    assert "Die Vertreter*innen der Träger sollen mehr tun." in list(project.segments()["text"])


def test_participants_as_teams_shows_them_one_per_line_are_one_person_each(tmp_path: Path) -> None:
    head = "Teilnehmer:\nKowalczyk, Bernd\nBrzeska, Jolanta\nSchmidt, Anna (Quartiersbüro)"
    doc = parse_file(_file(tmp_path, "forum.txt", GROUP_HEAD.format(head=head)))
    assert set(doc.names) == {"Bernd Kowalczyk", "Jolanta Brzeska", "Anna Schmidt"}
    assert doc.title == "Stadtteilforum Manfort"
