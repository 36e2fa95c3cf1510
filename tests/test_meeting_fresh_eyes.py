"""Meeting records not tried before: what conference tools write into a saved chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest import parse_file

# BigBlueButton's saved public chat: a poll's result is a message of its own with the answers
# and their votes below it, a cleared chat leaves a stamped line without sender.
BBB_POLLS = {
    "de": "[18:05] Umfrageergebnisse:\nJa: 5 ||||| 62%\nNein: 3 ||| 38%\n",
    "en": "[18:05] Poll Results:\nYes: 4 |||| 50%\nNo: 4 |||| 50%\n",
    "custom": "[18:05] Umfrageergebnisse:\n1: 6 |||||| 75%\n2: 2 || 25%\n\nUmfrageoptionen\n"
    "1: Mehr Bänke\n2: Mehr Licht\n",
    "bbb3": "[18:05] Umfrageergebnisse:\nJa: 7 ∎∎∎∎∎∎∎ 70%\nNein: 3 ∎∎∎ 30%\n",
}
BBB_CLEARED = {
    "de": "[18:07] Der öffentliche Chatverlauf wurde durch einen Moderator gelöscht\n",
    "en": "[18:07] The public chat history was cleared by a moderator\n",
}


def _bbb_chat(poll: str, cleared: str) -> str:
    """A saved BigBlueButton chat with a poll's result and a cleared chat among messages."""
    return (
        "[18:00] Willkommen bei Stadtteilforum Nord!\n"
        "[18:01] Anna Schmidt: Hallo zusammen, schön dass ihr da seid!\n"
        "[18:02] Jonas Becker: Der Park braucht Beleuchtung.\n"
        "[18:03] Lea Wagner: Ja, abends ist es dort unheimlich.\n"
        f"{poll}"
        "[18:06] Anna Schmidt: Danke fürs Abstimmen.\n"
        f"{cleared}"
        "[18:08] Jonas Becker: Nein, wir brauchen auch mehr Bänke.\n"
    )


@pytest.mark.parametrize("lang", sorted(BBB_CLEARED))
@pytest.mark.parametrize("poll", sorted(BBB_POLLS))
def test_bigbluebutton_poll_results_and_a_cleared_chat_are_no_turns(
    tmp_path: Path, poll: str, lang: str
) -> None:
    text = _bbb_chat(BBB_POLLS[poll], BBB_CLEARED[lang])
    doc = parse_file(_file(tmp_path, "public-chat.txt", text))
    assert [(s.attributes["speaker"], s.attributes["time"], s.text) for s in doc.segments] == [
        ("Anna Schmidt", "18:01", "Hallo zusammen, schön dass ihr da seid!"),
        ("Jonas Becker", "18:02", "Der Park braucht Beleuchtung."),
        ("Lea Wagner", "18:03", "Ja, abends ist es dort unheimlich."),
        ("Anna Schmidt", "18:06", "Danke fürs Abstimmen."),
        ("Jonas Becker", "18:08", "Nein, wir brauchen auch mehr Bänke."),
    ]
    assert sorted(doc.names) == ["Anna Schmidt", "Jonas Becker", "Lea Wagner"]


def test_a_poll_answer_is_no_person_whose_word_is_replaced(
    project: Project, tmp_path: Path
) -> None:
    path = _file(tmp_path, "public-chat.txt", _bbb_chat(BBB_POLLS["de"], BBB_CLEARED["de"]))
    assert import_into(project, path) == 0
    texts = list(project.segments().sort_values("position")["text"])
    assert "Ja, abends ist es dort unheimlich." in texts  # not "[Person 4], abends …"
    assert "Nein, wir brauchen auch mehr Bänke." in texts
    assert not any("Umfrageergebnisse" in t or "62%" in t or "Chatverlauf" in t for t in texts)


def test_the_import_says_how_many_poll_results_it_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _bbb_chat(BBB_POLLS["de"] + BBB_POLLS["en"], "")
    assert import_into(project, _file(tmp_path, "public-chat.txt", text)) == 0
    assert "2 Umfrageergebnisse der Konferenz-Software" in capsys.readouterr().out


# Look-alikes: a person who posts results or tells that the chat was cleared says so.
SAID = (
    "[18:01] Anna Schmidt: Hallo zusammen!\n"
    "[18:02] Jonas Becker: Der Park braucht Beleuchtung.\n"
    "[18:03] Anna Schmidt: Umfrageergebnisse: 5 Ja, 3 Nein.\n"
    "[18:04] Jonas Becker: Der öffentliche Chatverlauf wurde durch einen Moderator gelöscht, "
    "sorry!\n"
    "[18:05] Lea Wagner: Poll Results: yes wins.\n"
)


def test_results_a_person_posts_stay_her_message(tmp_path: Path) -> None:
    doc = parse_file(_file(tmp_path, "public-chat.txt", SAID))
    assert [s.text for s in doc.segments][2:] == [
        "Umfrageergebnisse: 5 Ja, 3 Nein.",
        "Der öffentliche Chatverlauf wurde durch einen Moderator gelöscht, sorry!",
        "Poll Results: yes wins.",
    ]
    assert doc.options.get("messenger") is None


# A Teams meeting chat copied from the window carries the app's events between messages.
TEAMS_EVENTS = (
    "Wagner, Lea hat die Besprechung verlassen.",
    "Lea Wagner (Gast) ist der Besprechung beigetreten.",
    "Lea Wagner left the meeting.",
    "Schmidt, Anna hat Wagner, Lea zur Besprechung hinzugefügt.",
    "Anna Schmidt added Lea Wagner to the meeting.",
    "Aufzeichnung wurde gestartet.",
    "Recording has stopped.",
    "Besprechung beendet: 1 Std. 2 Min. 3 Sek.",
    "Meeting ended: 1h 2m 3s",
)


def _teams_chat(between: str, said: str = "Ich wohne seit 5 Jahren in Manfort.") -> str:
    """A Teams chat as copied (sender, time, text) with ``between`` after the second message."""
    return (
        "Schmidt, Anna\n18:02\nWillkommen zur Stadtteilrunde! Bitte stellt euch kurz vor.\n\n"
        f"Becker, Jonas\n18:03\n{said}\n\n{between}\n\n"
        "Schmidt, Anna\n18:05\nDanke Lea, weiter geht's.\n\n"
        "Becker, Jonas\n18:06\nWir brauchen mehr Bänke am Markt.\n"
    )


@pytest.mark.parametrize("event", TEAMS_EVENTS)
def test_a_teams_chats_events_are_no_message_text(tmp_path: Path, event: str) -> None:
    doc = parse_file(_file(tmp_path, "chat.txt", _teams_chat(event)))
    assert [(s.attributes["speaker"], s.text) for s in doc.segments] == [
        ("Anna Schmidt", "Willkommen zur Stadtteilrunde! Bitte stellt euch kurz vor."),
        ("Jonas Becker", "Ich wohne seit 5 Jahren in Manfort."),
        ("Anna Schmidt", "Danke Lea, weiter geht's."),
        ("Jonas Becker", "Wir brauchen mehr Bänke am Markt."),
    ]
    named = "Wagner" in event or "Lea" in event
    assert ("Lea Wagner" in doc.names) is named  # who left or joined: onto the name list


def test_who_left_is_pseudonymised_in_the_messages(project: Project, tmp_path: Path) -> None:
    path = _file(tmp_path, "chat.txt", _teams_chat("Wagner, Lea hat die Besprechung verlassen."))
    assert import_into(project, path) == 0
    texts = list(project.segments().sort_values("position")["text"])
    assert not any("Besprechung verlassen" in t for t in texts)
    assert "Lea" not in " ".join(texts)  # "Danke Lea": she is on the name list


# A protocol with stamped headings: its "[18:05] Umfrageergebnisse:" is a heading, the turns
# below it are the people's (BigBlueButton's result has answers with votes below it).
PROTOCOL = (
    "[18:00] Begrüßung\n"
    "Anna Schmidt: Hallo zusammen.\n"
    "[18:05] {heading}\n"
    "Anna Schmidt: Fünf sind dafür, drei dagegen.\n"
    "Ben Berg: Das ist deutlich.\n"
    "[18:10] Nächster Punkt\n"
    "Lea Wagner: Weiter geht's.\n"
)


@pytest.mark.parametrize("heading", ["Umfrageergebnisse:", "Poll results:"])
def test_turns_below_a_stamped_results_heading_stay(tmp_path: Path, heading: str) -> None:
    doc = parse_file(_file(tmp_path, "protokoll.txt", PROTOCOL.format(heading=heading)))
    said = [(s.attributes["speaker"], s.text.splitlines()[0]) for s in doc.segments]
    assert said == [
        ("Anna Schmidt", "Hallo zusammen."),
        ("Anna Schmidt", "Fünf sind dafür, drei dagegen."),
        ("Ben Berg", "Das ist deutlich."),
        ("Lea Wagner", "Weiter geht's."),
    ]
    assert sorted(doc.names) == ["Anna Schmidt", "Ben Berg", "Lea Wagner"]
    assert doc.options.get("messenger") is None  # no poll's result left out


# A transcript's notice or a service's banner right below a speaker line with no words of
# its own is still no one's words (only a chat app's events are a sender's message there).
UNDER_SPEAKER = {
    "started": "Anna Schmidt   0:00\nAnna Schmidt hat die Transkription gestartet\n{turns}",
    "stopped": "{turns}Anna Schmidt   1:02\nAnna Schmidt stopped transcription\n",
    "banner": "Anna Schmidt   0:00\nPowered by Amberscript\n{turns}",
}
TURNS = "Anna Schmidt   0:03\nGuten Abend.\nBen Berg   0:15\nDer Spielplatz ist kaputt.\n"


@pytest.mark.parametrize("frame", sorted(UNDER_SPEAKER))
def test_a_notice_below_a_speaker_line_is_no_statement(tmp_path: Path, frame: str) -> None:
    text = UNDER_SPEAKER[frame].format(turns=TURNS)
    doc = parse_file(_file(tmp_path, "transkript.txt", text))
    assert [s.text for s in doc.segments] == ["Guten Abend.", "Der Spielplatz ist kaputt."]


@pytest.mark.parametrize(
    "said",
    [
        "Frau Kaya hat die Besprechung verlassen.\nSie meldet sich morgen.",
        "Lea hat die Besprechung verlassen, weil sie krank ist.",
        "Die Aufzeichnung wurde gestartet, als alle da waren?",
        "Ich muss gleich los.\nSie hat die Besprechung verlassen.",
        "Kurze Info:\nMein Kollege ist der Besprechung beigetreten.",
        "Hallo!\nJa, Lea hat die Besprechung verlassen.",
        "Gute Nachricht!\nDer Bürgermeister ist der Besprechung beigetreten.",
    ],
)
def test_a_message_that_tells_of_an_event_stays(tmp_path: Path, said: str) -> None:
    """A message that tells of someone leaving, in its first line or a later one, is the
    sender's words: not cut off as the app's event, no person "Sie", "Ja" on the list."""
    doc = parse_file(_file(tmp_path, "chat.txt", _teams_chat("", said)))
    assert doc.segments[1].text == said
    assert sorted(doc.names) == ["Anna Schmidt", "Jonas Becker"]
