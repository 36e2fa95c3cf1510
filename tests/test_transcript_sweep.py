"""Transcripts and chats of the video-conference tools as they really come: Teams' copied
chat and Word transcript, Google Meet's header, Jitsi, WhisperX, Otter, Whisper.

One statement per turn; headers, the tools' notices and reaction counts are no
statements; participants, "Nachname, Vorname" speakers and dial-in numbers never reach
the stored tables in clear; generic speaker labels are roles in every format; a protocol
with a timed agenda stays a protocol.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest import parse_file
from workbench.ingest.speaker_turns import IMPORTER


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _docx(tmp_path: Path, name: str, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(tmp_path / name)
    return tmp_path / name


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


def _texts(project: Project) -> list[str]:
    return list(project.segments()["text"])


TEAMS_CHAT = """\
[18:02] Brandt, Helga (Stadt Leverkusen)
Hallo zusammen, hier könnt ihr Fragen stellen.

[18:03] Özdemir, Kerem
Wann gibt es die Ergebnisse?
Und wer bekommt den Bericht?

[18:04] Nowak, Jolanta
Gibt es eine Übersetzung für die Eltern?
👍 2

[18:05] Brandt, Helga (Stadt Leverkusen)
Die Ergebnisse kommen im Mai.
"""
TEAMS_CHAT_NEW = """\
Helga Brandt
18:02
Hallo zusammen, hier könnt ihr Fragen stellen.
Kerem Özdemir
18:03
Wann gibt es die Ergebnisse?
Helga Brandt
18:05
Die Ergebnisse kommen im Mai.
"""


@pytest.mark.parametrize("text", [TEAMS_CHAT, TEAMS_CHAT_NEW], ids=["copied", "new-layout"])
def test_copied_teams_chat_gives_one_statement_per_message_without_names(
    project: Project, tmp_path: Path, text: str
) -> None:
    assert _import(project, _file(tmp_path, "teams_chat.txt", text)) == 0
    segments = project.segments()
    assert list(project.documents()["importer"]) == [IMPORTER]
    assert [a["time"] for a in segments["attributes"]][:2] == ["18:02", "18:03"]
    assert all(a["speaker"].startswith("[Person ") for a in segments["attributes"])
    texts = _texts(project)
    assert texts[0] == "Hallo zusammen, hier könnt ihr Fragen stellen."
    if text == TEAMS_CHAT:
        assert len(texts) == 4
        assert texts[2] == "Gibt es eine Übersetzung für die Eltern?"  # no "👍 2", "Gibt" kept
    stored = stored_text(project)
    for word in ("Brandt", "Helga", "Özdemir", "Kerem", "Nowak", "Jolanta"):
        assert word not in stored, word


TEAMS_TRANSCRIPT = """\
\ufeffStadtteilrunde Manfort-20210312_180203-Besprechungsaufzeichnung
12. März 2021, 06:02PM
1 Std. 2 Min. 15 Sek.

Helga Brandt   0:03
Guten Abend, ich begrüße alle.

Özdemir, Kerem (Jugendhaus)   0:45
Unsere Jugendlichen haben den Kontakt zur Schule verloren.

+49 2171 7654321   1:30
Hier ist Frau Quandt. Die Bibliothek muss wieder öffnen.

Helga Brandt   2:10
Danke, Frau Quandt. Herr Özdemir, haben Sie Zahlen?

Helga Brandt hat die Transkription beendet
""".replace("\n", "\r\n")


def test_teams_transcript_with_dial_in_and_surname_first_is_read_turn_by_turn(
    project: Project, tmp_path: Path
) -> None:
    assert _import(project, _file(tmp_path, "teams.txt", TEAMS_TRANSCRIPT)) == 0
    segments = project.segments()
    assert list(segments["source_id"]) == ["1", "2", "3", "4"]
    assert [a["time"] for a in segments["attributes"]] == ["0:03", "0:45", "1:30", "2:10"]
    texts = _texts(project)
    assert texts[1] == "Unsere Jugendlichen haben den Kontakt zur Schule verloren."
    assert not any("Transkription" in t for t in texts)  # the notice is no statement
    assert texts[3].endswith("haben Sie Zahlen?")
    documents = project.documents()
    assert (
        documents["title"].iloc[0]
        == "Stadtteilrunde Manfort-20210312_180203-Besprechungsaufzeichnung"
    )
    stored = stored_text(project)
    assert "2021-03-12" in stored  # "12. März 2021" is the date, not a list item "12."
    for word in ("Brandt", "Helga", "Özdemir", "Kerem", "7654321"):
        assert word not in stored, word


def test_word_transcripts_of_teams_and_word_that_were_refused_are_read(tmp_path: Path) -> None:
    teams_2021 = _docx(tmp_path, "teams_2021.docx", [
        "0:0:3.120 --> 0:0:8.450", "Helga Brandt", "Guten Abend.", "",
        "0:0:45.0 --> 0:0:52.300", "Kerem Özdemir", "Uns fehlt ein Raum.", "",
        "0:1:30.500 --> 0:1:38.0", "Helga Brandt", "Danke.",
    ])  # fmt: skip
    word_time_first = _docx(tmp_path, "word.docx", [
        "Interview_Seniorentreff.m4a", "Transkript", "",
        "00:00:03 Sprecher 1", "Wie war der Lockdown?",
        "00:00:09 Sprecher 2", "Schlimm.",
        "00:00:21 Sprecher 1", "Was hat geholfen?",
    ])  # fmt: skip
    otter = _docx(tmp_path, "otter.docx", [
        "Stadtteilrunde Manfort", "Wed, 3/17 6:02PM • 58:31", "",
        "SUMMARY KEYWORDS", "jugendliche, corona, manfort", "",
        "SPEAKERS", "Helga Brandt, Speaker 2", "",
        "Helga Brandt  00:01", "Wir sammeln Ressourcen.",
        "Speaker 2  00:06", "Die Kirche hat einen Saal.",
        "Helga Brandt  01:02", "Danke.",
    ])  # fmt: skip
    first = parse_file(teams_2021)
    assert first.importer == IMPORTER
    assert [s.attributes["time"] for s in first.segments] == [
        "00:00:03.120",
        "00:00:45.000",
        "00:01:30.500",
    ]
    assert [s.text for s in first.segments] == ["Guten Abend.", "Uns fehlt ein Raum.", "Danke."]
    second = parse_file(word_time_first)
    assert [s.speaker_role for s in second.segments] == ["Sprecher 1", "Sprecher 2", "Sprecher 1"]
    assert second.title == "Interview_Seniorentreff.m4a" and second.names == ()
    third = parse_file(otter)
    assert third.title == "Stadtteilrunde Manfort"
    assert [s.speaker_role for s in third.segments] == [None, "Speaker 2", None]
    assert third.names == ("Helga Brandt",)


MEET = """\
Stadtteilrunde Opladen (2021-03-15 18:00 GMT+1) – Transkript

Teilnehmer
Helga Brandt, Kerem Özdemir, Lieselotte Quandt, Jolanta Nowak

Transkript

00:00:00

Helga Brandt: Herzlich willkommen.
Kerem Özdemir: Die Begegnungsstätte war zu.
Jolanta Nowak: Für junge Leute gibt es nichts.

00:05:00

Kerem Özdemir: Frau Quandt hat das auch gesagt.
Helga Brandt: Danke.

Das Meeting wurde nach 00:07:12 beendet 👋

Dieses bearbeitbare Transkript wurde mithilfe von Computersoftware erstellt und kann \
Fehler enthalten. Nutzer können das Transkript nach der Erstellung bearbeiten.
"""


def test_google_meet_header_and_closing_lines_are_no_statements(
    project: Project, tmp_path: Path
) -> None:
    assert _import(project, _file(tmp_path, "meet.txt", MEET)) == 0
    texts = _texts(project)
    assert len(texts) == 5
    assert texts[0] == "Herzlich willkommen." and texts[-1] == "Danke."
    times = [a.get("time") for a in project.segments()["attributes"]]
    # every turn has the time of its block (Google Meet writes one every 5 minutes)
    assert times == ["00:00:00", "00:00:00", "00:00:00", "00:05:00", "00:05:00"]
    title = project.documents()["title"].iloc[0]  # the attendees and "Transkript" are not
    assert title == "Stadtteilrunde Opladen (2021-03-15 18:00 GMT+1) – Transkript"
    stored = stored_text(project)
    assert "Computersoftware" not in stored and "beendet" not in stored
    # An attendee who never speaks is on the name list: pseudonymised where she is named.
    assert "Quandt" not in stored and "Lieselotte" not in stored
    assert texts[3].startswith("[Person ")


def test_google_meet_word_transcript_with_a_time_every_five_minutes_is_read(
    tmp_path: Path,
) -> None:
    lines = [line for line in MEET.splitlines() if line]
    parsed = parse_file(_docx(tmp_path, "meet.docx", lines))
    assert parsed.importer == IMPORTER and len(parsed.segments) == 5
    assert "Lieselotte Quandt" in parsed.names and parsed.date == "2021-03-15"


JITSI = """\
Transcript of conference held at Mar 18, 2021 in room stadtteilrunde@conference.meet.jit.si

Helga Brandt: Hört ihr mich?
Jolanta Nowak: Ja, gut zu hören.
Helga Brandt: Danke Jolanta. Wer noch?
Kerem Özdemir: Das Jugendhaus braucht mehr Personal.

End of transcript at Mar 18, 2021 7:01:55 PM
"""
OTTER = """\
Helga Brandt  0:01
Wir sammeln jetzt Ressourcen.

Speaker 2  0:06
Die Kirchengemeinde hat einen Saal.

Helga Brandt  1:02
Danke.



Transcribed by https://otter.ai
"""
TEILNEHMENDE = """\
Stadtteilrunde Opladen – Transkript
Teilnehmende: Helga Brandt, Kerem Özdemir, Wiebke Tjarks (Protokoll)

Helga Brandt: Herzlich willkommen, auch an Frau Tjarks.
Kerem Özdemir: Die Begegnungsstätte war zu.
Helga Brandt: Danke.
"""


def test_tool_lines_and_participant_headers_are_no_statements(
    project: Project, tmp_path: Path
) -> None:
    jitsi = parse_file(_file(tmp_path, "jitsi.txt", JITSI))
    assert jitsi.importer == IMPORTER and len(jitsi.segments) == 4
    assert not any("transcript" in s.text.lower() for s in jitsi.segments)
    otter = parse_file(_file(tmp_path, "otter.txt", OTTER))
    assert otter.segments[-1].text == "Danke."  # not "Danke. Transcribed by …"
    assert _import(project, _file(tmp_path, "kopf.txt", TEILNEHMENDE)) == 0
    texts = _texts(project)
    assert len(texts) == 3 and texts[0].startswith("Herzlich willkommen, auch an [Person")
    assert not any(s == "Teilnehmende" for s in project.segments()["speaker_role"].fillna(""))
    stored = stored_text(project)
    assert "Tjarks" not in stored and "Wiebke" not in stored


WHISPERX_TXT = """\
[SPEAKER_00]: Wir haben eine Sprechstunde angeboten.
[SPEAKER_01]: Ja, und Frau Quandt hat übersetzt.
[SPEAKER_00]: Aber die Leute mussten draußen warten.
"""
WHISPERX_SRT = """\
1
00:00:00,031 --> 00:00:04,512
[SPEAKER_00]: Wir haben eine Sprechstunde angeboten.

2
00:00:04,900 --> 00:00:09,100
[SPEAKER_01]: Ja, und Frau Quandt hat übersetzt.
"""
OTTER_SRT = """\
1
00:00:01,000 --> 00:00:06,000
Helga Brandt: Wir sammeln Ressourcen.

2
00:00:06,500 --> 00:00:12,000
Speaker 2: Die Kirche hat einen Saal.
"""
GENERIC_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:04.000
<v Unknown Speaker>Hallo?</v>

00:00:04.000 --> 00:00:06.000
<v Helga Brandt>Guten Abend.</v>
"""


@pytest.mark.parametrize(
    ("name", "text", "roles"),
    [
        ("whisperx.txt", WHISPERX_TXT, ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"]),
        ("whisperx.srt", WHISPERX_SRT, ["SPEAKER_00", "SPEAKER_01"]),
        ("otter.srt", OTTER_SRT, [None, "Speaker 2"]),
        ("teams.vtt", GENERIC_VTT, ["Unknown Speaker", None]),
    ],
)
def test_generic_speaker_labels_are_roles_in_every_format(
    tmp_path: Path, name: str, text: str, roles: list
) -> None:
    parsed = parse_file(_file(tmp_path, name, text))
    assert [s.speaker_role for s in parsed.segments] == roles
    assert all(not s.text.startswith("[") for s in parsed.segments)
    assert set(parsed.names) <= {"Helga Brandt"}  # no label is a person
    labelled = [s for s in parsed.segments if s.speaker_role]
    assert all("speaker" not in s.attributes for s in labelled)


WHISPER_VTT = """\
WEBVTT

00:00.000 --> 00:04.560
 Also, ich wohne seit 30 Jahren in Manfort.

00:04.560 --> 00:09.120
 Meine Nachbarin hat niemanden gesehen. Wir brauchen

00:09.120 --> 00:13.800
 wieder einen Ort, wo man sich trifft.
"""


def test_whisper_webvtt_without_speakers_is_split_by_sentence(tmp_path: Path) -> None:
    parsed = parse_file(_file(tmp_path, "whisper.vtt", WHISPER_VTT))
    assert [s.text for s in parsed.segments] == [
        "Also, ich wohne seit 30 Jahren in Manfort.",
        "Meine Nachbarin hat niemanden gesehen. Wir brauchen wieder einen Ort, wo man sich trifft.",
    ]
    assert [s.attributes["cues"] for s in parsed.segments] == [1, 2]


def test_bigbluebutton_html_entities_are_decoded(tmp_path: Path) -> None:
    chat = (
        "[18:00] Willkommen bei Stadtteilrunde Manfort\n"  # BBB's greeting: no speaker
        "[18:02] Helga Brandt : Guten Abend!\n"
        "[18:03] Kerem Özdemir : Ein Mittagstisch für Senior*innen &amp; Alleinstehende\n"
        "[18:05] Helga Brandt : Danke, &quot;notiert&quot;.\n"
    )
    parsed = parse_file(_file(tmp_path, "bbb.txt", chat))
    assert parsed.importer == IMPORTER and len(parsed.segments) == 3
    assert [s.text for s in parsed.segments][1:] == [
        "Ein Mittagstisch für Senior*innen & Alleinstehende",
        'Danke, "notiert".',
    ]


AGENDA = [
    "10:00 Begrüßung", "Frau Brandt begrüßt alle.",
    "10:30 Gruppenarbeit", "Drei Gruppen sammeln Ideen.",
    "11:00 Pause", "Kaffee und Kuchen.",
    "11:15 Gruppenarbeit", "Die Gruppen stellen vor.",
    "12:00 Abschluss", "Ende.",
]  # fmt: skip


def test_a_protocol_with_a_timed_agenda_or_participants_stays_a_protocol(
    tmp_path: Path,
) -> None:
    # The new layouts (time first, name over time) do not take a protocol's agenda.
    agenda = parse_file(_file(tmp_path, "ablauf.txt", "\n".join(AGENDA)))
    assert agenda.importer != IMPORTER
    sections = "Herausforderungen\n18:00\nEs fehlt ein Treff.\nIdeen\n18:30\nEin Café.\n"
    sections += "Herausforderungen\n19:00\nBusse.\nIdeen\n19:30\nBänke.\n"
    assert parse_file(_file(tmp_path, "abschnitte.txt", sections)).importer != IMPORTER
    listed = "Teilnehmende: Helga Brandt, Kerem Özdemir\nOrt: Rathaus\n\nEs fehlt ein Treff.\n"
    assert parse_file(_file(tmp_path, "protokoll.txt", listed)).importer != IMPORTER
    word = _docx(tmp_path, "ablauf.docx", ["Workshop: Stadtteilrunde", *AGENDA])
    with pytest.raises(InputError, match="Leitfrage"):
        parse_file(word)  # a Word protocol: asks for its headings, no transcript
