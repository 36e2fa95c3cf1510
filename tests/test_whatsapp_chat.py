"""WhatsApp group chats exported as text: one statement per message, senders as people."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.core.domain import InputError
from workbench.ingest import parse_file
from workbench.ingest.whatsapp_chat import is_whatsapp_chat

LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"

ANDROID = """\
12.03.21, 17:55 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb \
dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren.
12.03.21, 17:55 - Anna Schmidt hat die Gruppe "Nachbarschaft Manfort" erstellt
12.03.21, 17:56 - Anna Schmidt hat +49 171 2345678 hinzugefügt
12.03.21, 18:02 - Anna Schmidt: Hallo zusammen! Wer kommt am Samstag zum Aufräumen im Park?
12.03.21, 18:03 - +49 171 2345678: Ich komme, bringe Handschuhe mit.
Außerdem fehlt an der Bushaltestelle seit Wochen die Beleuchtung.
12.03.21, 18:05 - Mama 💕: <Medien ausgelassen>
12.03.21, 18:06 - Herr Yılmaz (Hausmeister): Der Spielplatz ist abends total dunkel.
12.03.21, 18:07 - Mama 💕: Diese Nachricht wurde gelöscht
12.03.21, 18:08 - Anna Schmidt: @Herr Yılmaz (Hausmeister) danke, gebe ich weiter
12.03.21, 18:10 - Peter Wagner: Standort: https://maps.google.com/?q=51.0312,7.0011
12.03.21, 18:11 - Peter Wagner: UMFRAGE:
Wann soll das nächste Treffen sein?
OPTION: Dienstag (3 Stimmen)
OPTION: Donnerstag (1 Stimme)
12.03.21, 18:12 - Bernd Kowalczyk ist beigetreten
12.03.21, 18:14 - Peter Wagner: IMG-20210312-WA0003.jpg (Datei angehängt)
13.03.21, 09:15 - +49 171 2345678: @491712345678 ist meine Nummer, Bernd weiß Bescheid
"""

IOS = (
    f"{LRM}[12.03.21, 17:55:02] Nachbarschaft Opladen: {LRM}Nachrichten und Anrufe sind "
    "Ende-zu-Ende-verschlüsselt.\n"
    "[12.03.21, 18:02:11] Anna Schmidt: Hallo zusammen!\nDer Park braucht mehr Mülleimer.\n"
    f"{LRM}[12.03.21, 18:03:40] Ayşe Demir: {LRM}<Anhang: 00000012-PHOTO-2021-03-12.jpg>\n"
    f"[12.03.21, 18:05:00] Ayşe Demir: Danke @{FSI}Anna Schmidt{PDI}, die Ampel ist zu kurz "
    f"grün. {LRM}<Diese Nachricht wurde bearbeitet.>\n"
    f"[12.03.21, 18:06:00] Ayşe Demir: {LRM}Diese Nachricht wurde gelöscht.\n"
    f"[13.03.21, 09:12:00] Ayşe Demir: {LRM}UMFRAGE:\nStraßenfest im Juni?\n"
    f"{LRM}OPTION: Ja (5 Stimmen)\n{LRM}OPTION: Nein (0 Stimmen)\n"
)

ENGLISH = """\
3/12/21, 5:55 PM - Messages and calls are end-to-end encrypted. Tap to learn more.
3/12/21, 6:02 PM - Anna Schmidt: We need more benches at the market square.
3/13/21, 12:15 AM - Peter Wagner: The bus stop lighting is broken
and nobody fixes it.
3/14/21, 12:20 PM - Anna Schmidt: location: https://maps.google.com/?q=51.0312,7.0011
3/14/21, 12:30 PM - Anna Schmidt: Thanks!
"""


def _import(project: Project, tmp_path: Path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    project.import_files([path], district="Manfort")
    segments = project.segments()
    return [{"text": t, **a} for t, a in zip(segments["text"], segments["attributes"], strict=True)]


def test_android_export_is_one_statement_per_message(project: Project, tmp_path: Path) -> None:
    rows = _import(project, tmp_path, "WhatsApp Chat mit Nachbarschaft.txt", ANDROID)
    assert [r["text"] for r in rows] == [
        "Hallo zusammen! Wer kommt am Samstag zum Aufräumen im Park?",
        "Ich komme, bringe Handschuhe mit.\n"
        "Außerdem fehlt an der Bushaltestelle seit Wochen die Beleuchtung.",
        "Der Spielplatz ist abends total dunkel.",
        f"{rows[2]['speaker']} (Hausmeister) danke, gebe ich weiter",
        "Wann soll das nächste Treffen sein?",
        rows[5]["text"],
    ]
    # the mention of a number is its sender; Bernd (who only joined) is a name too
    assert re.fullmatch(
        rf"{re.escape(rows[1]['speaker'])} ist meine Nummer, \[Person \d+\] weiß Bescheid",
        rows[5]["text"],
    )
    assert rows[4]["poll"] == "Dienstag (3 Stimmen); Donnerstag (1 Stimme)"
    assert [r["date"] for r in rows] == ["2021-03-12"] * 5 + ["2021-03-13"]
    assert rows[0]["time"] == "18:02"
    speakers = [r["speaker"] for r in rows]
    # Anna twice; the phone number is a person of its own, not a shared "[Telefon]"
    assert speakers[0] == speakers[3] and speakers[1] == speakers[5]
    assert len(set(speakers)) == 4 and all(s.startswith("[Person ") for s in speakers)
    stored = stored_text(project)
    for clear in ("Schmidt", "Yılmaz", "Kowalczyk", "Bernd", "2345678", "51.03", "7.0011"):
        assert clear not in stored
    assert "Mama" not in stored and "Medien ausgelassen" not in stored


def test_iphone_export_drops_app_lines_media_and_edit_marks(
    project: Project, tmp_path: Path
) -> None:
    rows = _import(project, tmp_path, "WhatsApp Chat - Nachbarschaft.txt", IOS)
    anna = rows[0]["speaker"]
    assert [r["text"] for r in rows] == [
        "Hallo zusammen!\nDer Park braucht mehr Mülleimer.",
        f"Danke {anna}, die Ampel ist zu kurz grün.",
        "Straßenfest im Juni?",
    ]
    assert rows[1]["edited"] is True and rows[1]["time"] == "18:05:00"
    assert rows[2]["poll"] == "Ja (5 Stimmen); Nein (0 Stimmen)"
    assert "Opladen" not in {r.get("speaker") for r in rows}  # the group is no one
    assert LRM not in stored_text(project) and "Anhang" not in stored_text(project)


def test_english_export_reads_us_dates_and_twelve_hour_clock(
    project: Project, tmp_path: Path
) -> None:
    rows = _import(project, tmp_path, "chat.txt", ENGLISH)
    assert [(r["date"], r["time"]) for r in rows] == [
        ("2021-03-12", "18:02"),
        ("2021-03-13", "00:15"),
        ("2021-03-14", "12:30"),
    ]
    assert rows[1]["text"] == "The bus stop lighting is broken\nand nobody fixes it."
    assert "51.0312" not in stored_text(project)


def test_import_names_what_it_left_out(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(ANDROID, encoding="utf-8")
    notices = " ".join(project.import_files([path], district="Manfort")[0].notices)
    assert "4 Hinweise der App, 2 Medien-Nachrichten, 1 gelöschte Nachricht" in notices
    assert "1 geteilter Standort nicht übernommen" in notices
    assert "1 Umfrage" in notices


@pytest.mark.parametrize(
    "text",
    [
        "12.03.2021, 18:00 - Begrüßung durch die Moderation\nDann ging es um Bänke.\n",
        "10:02:13\tAnna Schmidt:\tHallo\n10:03:00\tBen:\tJa\n",
        "Anna Schmidt: Hallo\nBen: Ja\n",
    ],
)
def test_other_texts_are_no_whatsapp_chat(text: str) -> None:
    assert not is_whatsapp_chat(text)


def test_invalid_date_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("12.03.21, 18:02 - Anna: Hallo\n31.02.21, 18:03 - Ben: Ja\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert caught.value.row == 2 and "31.02.21" in str(caught.value)


def test_app_lines_name_only_people(project: Project, tmp_path: Path) -> None:
    text = (
        "12.03.21, 17:55 - Anna Schmidt hat die Gruppenbeschreibung geändert\n"
        "12.03.21, 17:56 - Du hast Eva Kaya hinzugefügt\n"
        "12.03.21, 18:02 - Anna Schmidt: Die Gruppenbeschreibung gilt ab heute.\n"
        "12.03.21, 18:03 - Peter Wagner: Eva Kaya kennt den Hausmeister.\n"
    )
    rows = _import(project, tmp_path, "chat.txt", text)
    assert rows[0]["text"] == "Die Gruppenbeschreibung gilt ab heute."
    assert rows[1]["text"].endswith("] kennt den Hausmeister.") and "Kaya" not in rows[1]["text"]


def test_map_link_in_a_message_keeps_no_coordinates(project: Project, tmp_path: Path) -> None:
    text = (
        "12.03.21, 18:02 - Anna Schmidt: Treffpunkt hier: "
        "https://maps.google.com/?q=51.0312,7.0011 bis gleich\n"
        "12.03.21, 18:03 - Ben Wagner: https://www.openstreetmap.org/#map=19/51.03120/7.00110 ok\n"
    )
    rows = _import(project, tmp_path, "chat.txt", text)
    assert [r["text"] for r in rows] == ["Treffpunkt hier: [Standort] bis gleich", "[Standort] ok"]
    assert "51.03" not in stored_text(project)


def _dates(project: Project, tmp_path: Path, text: str) -> tuple[list[str], str]:
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    notices = " ".join(project.import_files([path], district="Manfort")[0].notices)
    return [a["date"] for a in project.segments()["attributes"]], notices


def test_order_of_the_messages_tells_month_from_day(project: Project, tmp_path: Path) -> None:
    # A US phone with a 24-hour clock: no number above 12, but the 3rd of December
    # cannot come before the 4th of January in an export that lists messages by date.
    text = "3/12/21, 18:05 - Anna Schmidt: Der Spielplatz ist kaputt\n4/1/21, 18:07 - Ben: Ja\n"
    dates, notices = _dates(project, tmp_path, text)
    assert dates == ["2021-03-12", "2021-04-01"]
    assert "Tag oder der Monat" not in notices


def test_guessed_day_and_month_are_named(project: Project, tmp_path: Path) -> None:
    # "3/4/21" with a 12-hour clock and no leading zeros: how US phones write the date.
    text = (
        "[3/4/21, 6:05:11 PM] Anna Schmidt: Der Spielplatz ist kaputt\n"
        "[4/4/21, 9:01:00 AM] Ben: Treffen am Samstag?\n"
    )
    dates, notices = _dates(project, tmp_path, text)
    assert dates == ["2021-03-04", "2021-04-04"]
    assert "„3/4/21“ der Tag oder der Monat vorn" in notices
    assert (
        "gelesen mit dem Monat vorn (12-Stunden-Uhr wie in den USA: „PM“, keine führende Null): "
        in notices
    )
    assert "04.03.2021" in notices


def test_a_leading_zero_with_a_12_hour_clock_reads_the_day_first(
    project: Project, tmp_path: Path
) -> None:
    # "03/04/2021" with a 12-hour clock: US phones never write a leading zero ("3/4/21"),
    # British and Indian ones do (dd/mm, also with "pm") — the 3rd of April, named.
    text = (
        "[03/04/2021, 6:05:11 pm] Anna Schmidt: Der Spielplatz ist kaputt\n"
        "[04/04/2021, 9:01:00 am] Ben: Treffen am Samstag?\n"
    )
    dates, notices = _dates(project, tmp_path, text)
    assert dates == ["2021-04-03", "2021-04-04"]
    assert "„03/04/2021“ der Tag oder der Monat vorn" in notices
    assert (
        "gelesen mit dem Tag vorn (führende Null oder „pm“ klein wie in Großbritannien" in notices
    )
    assert "03.04.2021" in notices


def test_unambiguous_english_dates_need_no_notice(project: Project, tmp_path: Path) -> None:
    _, notices = _dates(project, tmp_path, ENGLISH)
    assert "Tag oder der Monat" not in notices


def test_undecrypted_messages_and_missed_calls_are_app_lines(
    project: Project, tmp_path: Path
) -> None:
    # The export keeps WhatsApp's placeholder for a message the phone could not decrypt
    # (German or English phone) and a missed call with the sender's name: the app's words.
    text = (
        "03.04.21, 18:05 - Helga Brandt: Wir brauchen mehr Bänke\n"
        "03.04.21, 18:06 - Kerem Özdemir: Warten auf diese Nachricht. Dies kann etwas dauern.\n"
        "03.04.21, 18:07 - Kerem Özdemir: Verpasster Sprachanruf\n"
        "03.04.21, 18:08 - Jana Wolff: Waiting for this message. This may take a while.\n"
        "03.04.21, 18:09 - Jana Wolff: Missed video call\n"
    )
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    notices = " ".join(project.import_files([path], district="Manfort")[0].notices)
    assert list(project.segments()["text"]) == ["Wir brauchen mehr Bänke"]
    assert "Chat: 4 Hinweise der App sind keine Aussagen." in notices


def test_the_tilde_before_a_name_not_in_the_contacts_is_no_part_of_it(
    project: Project, tmp_path: Path
) -> None:
    # Newer exports write "~ Name" (with a narrow no-break space) for a name the sender gave
    # themselves; a mention of that sender carries the "~" too.
    text = (
        "[03.04.21, 18:05:11] ~\u202fDzifa Kwarteng-Brühl: Wir brauchen mehr Bänke\n"
        "[03.04.21, 18:06:11] Erik Newhard: Ja @\u2068~\u202fDzifa Kwarteng-Brühl\u2069 genau\n"
        "\u200e[03.04.21, 18:07:00] Manfort: \u200e~\u202fSayuri Berg ist beigetreten\n"
    )
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_file(path)
    assert doc.segments[0].attributes["speaker"] == "Dzifa Kwarteng-Brühl"
    assert doc.segments[1].text == "Ja Dzifa Kwarteng-Brühl genau"
    assert sorted(doc.names) == ["Dzifa Kwarteng-Brühl", "Erik Newhard", "Sayuri Berg"]


def test_pm_in_small_letters_reads_the_day_first(project: Project, tmp_path: Path) -> None:
    # "3/4/21, 6:05 pm": an Australian or Indian phone (US phones write "PM") — the 3rd of April.
    text = (
        "3/4/21, 6:05\u202fpm - Anna Schmidt: Der Spielplatz ist kaputt\n"
        "4/4/21, 9:01\u202fam - Ben: Treffen am Samstag?\n"
    )
    dates, notices = _dates(project, tmp_path, text)
    assert dates == ["2021-04-03", "2021-04-04"]
    assert "gelesen mit dem Tag vorn (führende Null oder „pm“ klein" in notices
