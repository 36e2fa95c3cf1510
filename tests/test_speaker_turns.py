"""Plain-text transcripts and chats of speaker lines: one statement per turn, no names."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.ingest import parse_file
from workbench.ingest.speaker_turns import IMPORTER

BBB_CHAT = """\
[10:02] Anna Schmidt : Hallo zusammen, ich bin aus Opladen
[10:03] Kemal Öztürk : Guten Morgen! Bei uns fehlt ein Jugendtreff.
[10:04] Quartiersbüro Opladen : Danke, Herr Öztürk, das nehmen wir auf.
[10:05] Brigitte Nowakowski-Lange : Die Busse fahren abends zu selten
"""
F4_INTERVIEW = """\
I: Was fehlt Ihnen im Stadtteil? #00:00:05-2#

B: Ein Treffpunkt für Jugendliche. Seit das JuZ zu ist, sind alle am Bahnhof. #00:00:15-8#

I: Und für Ältere? #00:00:20-1#

B: Bänke. Und dass der Bus abends noch fährt. #00:00:31-0#
"""
SPEAKER_LINES = """\
Anna Schmidt  0:03
Hallo zusammen, schön dass ihr da seid.

Kemal Öztürk  0:10
Bei uns fehlt ein Jugendtreff.
Das sagen alle.

Anna Schmidt  0:25
Danke, das nehmen wir auf.
"""
ZOOM_CAPTIONS = """\
[Anna Schmidt] 10:02:13 Guten Morgen zusammen
[Kemal Öztürk] 10:02:20 Bei uns fehlt ein Treff
[Anna Schmidt] 10:02:31 Danke
"""
MEET = """\
Transkript
00:00:00
Anna Schmidt: Hallo zusammen.
Kemal Öztürk: Bei uns fehlt ein Jugendtreff.
00:01:10
Brigitte Nowakowski-Lange: Die Busse fahren abends zu selten.
"""
LABELLED_PROTOCOL = """\
Ort: Stadtteilbüro
Datum: 12. März 2021
Thema: Was fehlt im Stadtteil?

Es fehlt ein Treff für Jugendliche, darin waren sich alle einig.
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "turns", "roles", "times"),
    [
        (BBB_CHAT, 4, [None] * 4, ["10:02", "10:03", "10:04", "10:05"]),
        # f4 marks a turn's end: a turn starts where the one before ended
        (F4_INTERVIEW, 4, ["I", "B", "I", "B"], ["00:00:00", "00:00:05", "00:00:15", "00:00:20"]),
        (SPEAKER_LINES, 3, [None] * 3, ["0:03", "0:10", "0:25"]),
        (MEET, 3, [None] * 3, ["00:00:00", "00:00:00", "00:01:10"]),  # the block's time
        (ZOOM_CAPTIONS, 3, [None] * 3, ["10:02:13", "10:02:20", "10:02:31"]),
    ],
    ids=["bigbluebutton-chat", "f4-interview", "speaker-lines", "google-meet", "zoom-captions"],
)
def test_each_turn_is_a_statement_with_its_time_and_speaker(
    tmp_path: Path, text: str, turns: int, roles: list, times: list
) -> None:
    document = parse_file(_file(tmp_path, "treffen.txt", text))
    assert document.importer == IMPORTER
    assert [s.source_id for s in document.segments] == [str(i) for i in range(1, turns + 1)]
    assert [s.speaker_role for s in document.segments] == roles
    assert [s.attributes.get("time") for s in document.segments] == times
    assert all("#" not in s.text and s.text for s in document.segments)
    if text == SPEAKER_LINES:
        assert document.segments[1].text == "Bei uns fehlt ein Jugendtreff.\nDas sagen alle."
    if text == MEET:
        assert document.title == "Transkript"


def test_a_labelled_protocol_stays_a_protocol(tmp_path: Path) -> None:
    document = parse_file(_file(tmp_path, "protokoll.txt", LABELLED_PROTOCOL))
    assert document.importer != IMPORTER


def test_speakers_become_placeholders_and_district_words_stay(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, "chat.txt", BBB_CHAT)
    assert main(["--project", str(project.path), "import", str(path), "--district", "Opladen"]) == 0
    assert "4 Aussagen importiert" in capsys.readouterr().out
    segments = project.segments()
    stored = " ".join(segments["text"]) + " ".join(map(str, segments["attributes"]))
    for name in ("Anna", "Schmidt", "Kemal", "Öztürk", "Nowakowski"):
        assert name not in stored
    speakers = [a["speaker"] for a in segments["attributes"]]
    assert all(s.startswith("[Person ") for s in speakers)
    # "Herr Öztürk" in a message is the speaker of message 2; the office's display name
    # does not take "Opladen" out of the texts.
    assert f"Danke, {speakers[1]}, das" in segments["text"].iloc[2]
    assert segments["text"].iloc[0] == "Hallo zusammen, ich bin aus Opladen"


def test_a_word_transcript_from_teams_is_read_turn_by_turn(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    lines = ["Stadtteilkonferenz", "Anna Schmidt   0:03", "Hallo zusammen.",
             "Kemal Öztürk   0:10", "Bei uns fehlt ein Jugendtreff.", "Anna Schmidt   0:25",
             "Danke."]  # fmt: skip
    for line in lines:
        document.add_paragraph(line)
    document.save(tmp_path / "transkript.docx")
    parsed = parse_file(tmp_path / "transkript.docx")
    assert parsed.importer == IMPORTER and parsed.title == "Stadtteilkonferenz"
    assert [s.text for s in parsed.segments] == [
        "Hallo zusammen.",
        "Bei uns fehlt ein Jugendtreff.",
        "Danke.",
    ]
    assert [s.attributes["time"] for s in parsed.segments] == ["0:03", "0:10", "0:25"]


def test_question_and_answer_labels_are_roles_not_people(tmp_path: Path) -> None:
    text = "Frage: Was fehlt?\nAntwort: Ein Treff.\nFrage: Und sonst?\nAntwort: Bänke.\n"
    parsed = parse_file(_file(tmp_path, "fragen.txt", text))
    assert [s.speaker_role for s in parsed.segments] == ["Frage", "Antwort"] * 2
    assert parsed.names == ()  # "Frage" never becomes a placeholder in the texts


def test_functions_are_roles_in_a_text_and_in_a_word_file_without_headings(
    tmp_path: Path,
) -> None:
    import docx

    lines = [
        "Schulsozialarbeit: Kein WLAN in den Unterkünften.",
        "Hartung: Die Busse fahren zu selten.",
        "Schulsozialarbeit: Homeschooling mit einem Handy.",
        "Hartung: Und abends gar nicht.",
    ]
    parsed = parse_file(_file(tmp_path, "runde.txt", "\n".join(lines)))
    assert parsed.importer == IMPORTER
    roles = [s.speaker_role for s in parsed.segments]
    assert roles == ["Schulsozialarbeit", None, "Schulsozialarbeit", None]  # a function
    assert [s.attributes.get("speaker") for s in parsed.segments][1] == "Hartung"  # a person
    assert parsed.names == ("Hartung",)

    # A Word file of the same lines without headings is the same turns (not refused for
    # lack of headings), under the details of its head
    document = docx.Document()
    for line in ["Workshop: Quartiersworkshop", "Sozialraum: Opladen", *lines]:
        document.add_paragraph(line)
    document.save(tmp_path / "protokoll.docx")
    word = parse_file(tmp_path / "protokoll.docx")
    assert [s.text for s in word.segments] == [s.text for s in parsed.segments]
    assert [s.speaker_role for s in word.segments] == roles
    assert (word.workshop, word.district, word.names) == (
        "Quartiersworkshop",
        "Opladen",
        ("Hartung",),
    )


def test_words_that_open_a_point_continue_the_turn_and_are_no_people(tmp_path: Path) -> None:
    text = (
        "Anna Schmidt: Was fehlt euch im Park?\n"
        "Ben Berg: Drei Dinge.\n"
        "Erstens: der Spielplatz ist kaputt.\n"
        "Zweitens: die Beleuchtung fehlt.\n"
        "Zum Beispiel: am Weiher ist es abends dunkel.\n"
        "Anna Schmidt: Danke. Noch etwas?\n"
        "Carla Cetin: Außerdem: die Mülleimer sind voll.\n"
        "Nachtrag: auch montags.\n"
        "Anna Schmidt: Gut, das nehmen wir auf.\n"
    )
    parsed = parse_file(_file(tmp_path, "meet.txt", text))
    assert parsed.importer == IMPORTER
    assert parsed.names == ("Anna Schmidt", "Ben Berg", "Carla Cetin")
    speakers = [s.attributes["speaker"] for s in parsed.segments]
    assert speakers == ["Anna Schmidt", "Ben Berg", "Anna Schmidt", "Carla Cetin", "Anna Schmidt"]
    assert parsed.segments[1].text == (
        "Drei Dinge.\nErstens: der Spielplatz ist kaputt.\nZweitens: die Beleuchtung fehlt.\n"
        "Zum Beispiel: am Weiher ist es abends dunkel."
    )
    assert parsed.segments[3].text == "Außerdem: die Mülleimer sind voll.\nNachtrag: auch montags."


NOSCRIBE = """\
interview_steinbuechel_2024-03-12

Transkribiert mit noScribe Vers. 0.6.2
Audiodatei: C:/Users/kerstin.wagner/Documents/Interviews/interview_steinbuechel.mp3
(Sprache: German (de) | Sprecher:in erkennen: auto | Überlappende Sprache: True | \
Zeitmarken: True | Füllworte: True | Pausen markieren: 1sek+)


S00: [00:00:05] Schön, dass Sie da sind. Wie lange wohnen Sie schon hier?

S01: [00:00:09] Seit über zwanzig Jahren. (..) //S00: Mhm.// Früher war das schön.

S00: [00:00:31] Was fehlt Ihnen?

S01: [00:00:35] Eine Ärztin in der Nähe. (10 Sekunden Pause) [00:01:40] Und Busse am Abend.

SXX: [00:02:20] (...)
"""


def test_a_noscribe_transcript_keeps_neither_its_head_nor_its_time_marks(
    project: Project, tmp_path: Path
) -> None:
    """noScribe (a transcriber of qualitative research) writes a head with the audio
    file's path — the account's name in it — and its options, and starts each turn with
    its time "[00:00:05]" after the speaker: no statement, no words of a statement."""
    path = _file(tmp_path, "interview.txt", NOSCRIBE)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert list(segments["speaker_role"]) == ["S00", "S01", "S00", "S01"]
    assert [a.get("time") for a in segments["attributes"]] == [
        "00:00:05", "00:00:09", "00:00:31", "00:00:35"
    ]  # fmt: skip
    assert list(segments["text"]) == [
        "Schön, dass Sie da sind. Wie lange wohnen Sie schon hier?",
        "Seit über zwanzig Jahren. (..) //S00: Mhm.// Früher war das schön.",
        "Was fehlt Ihnen?",
        "Eine Ärztin in der Nähe. (10 Sekunden Pause) Und Busse am Abend.",
    ]
    stored = " ".join(map(str, segments["attributes"])) + " ".join(project.documents()["title"])
    assert "wagner" not in stored.casefold() and "Person" not in stored


EXPERT_INTERVIEW = """\
Int.: Wie sehen Sie als Expertin die Lage im Quartier?
Expertin: Als Expertin für Wohnen sage ich: Es fehlen Sozialwohnungen.
Int.: Wie reagiert die Stadt?
Expertin: Langsam. Ein Interviewpartner vor mir hat das auch gesagt.
IP 2: Das stimmt, jeder Experte weiß das.
Int.: Danke.
"""
ANONYMISED_BEFORE = """\
Interviewerin: Wie ist die Zusammenarbeit mit dem Quartiersbüro?
Person A: Sehr gut. Jede Person, die kommt, wird beraten.
Interviewerin: Und mit der Stadt?
Person B: Schwierig. Person A hat ja schon gesagt, das Quartiersbüro hilft.
Interviewerin: Was kostet das?
Person A: Fünf Euro pro Person.
"""


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (EXPERT_INTERVIEW, ["Int.", "Expertin", "Int.", "Expertin", "IP 2", "Int."]),
        (
            ANONYMISED_BEFORE,
            ["Interviewerin", "Person A", "Interviewerin", "Person B", "Interviewerin", "Person A"],
        ),
    ],
    ids=["expert-interview", "anonymised-before"],
)
def test_labels_of_an_expert_or_anonymised_interview_are_roles_and_stay_words(
    project: Project, tmp_path: Path, text: str, roles: list[str]
) -> None:
    """ "Expertin:", "Int.:", "IP 2:" and the letters of a transcript anonymised before
    ("Person A:") are who speaks, not names: were they names, "Expertin" and "Person"
    would be replaced in every text ("Jede [Person 1], die kommt")."""
    path = _file(tmp_path, "person_interview.txt", text)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert segments["speaker_role"].fillna("").tolist() == roles
    assert not any("speaker" in a for a in segments["attributes"])
    stored = " ".join(segments["text"])
    assert "[Person" not in stored
    assert "als Expertin die Lage" in stored or "Jede Person, die kommt" in stored
    assert list(project.documents()["filename"]) == ["person_interview.txt"]


def test_gender_inclusive_labels_start_turns_and_are_roles(tmp_path: Path) -> None:
    """ "Moderator*in:", "Teilnehmer:in 2:", "Interviewer/in:", "Befragte*r:" — how many
    teams write their labels; unread, the whole focus group was one statement."""
    document = parse_file(
        _file(
            tmp_path,
            "fokusgruppe.txt",
            "Moderator*in: Willkommen zur Fokusgruppe Wohnen. Wer möchte beginnen?\n"
            "Teilnehmer:in 1: Die Mieten sind zu hoch.\n"
            "Teilnehmer:in 2: Und es gibt zu wenig barrierefreie Wohnungen.\n"
            "Interviewer/in: Was wäre eine Lösung?\n"
            "Befragte*r: Eine städtische Wohnungsbaugesellschaft.\n"
            "Teilnehmer:in 1: Mehr Beratung für Seniorinnen.\n"
            "Interviewer/in: Danke.\n"
            "Befragte*r: Gerne.\n",
        )
    )
    assert document.importer == IMPORTER
    assert [(s.speaker_role, s.attributes.get("speaker")) for s in document.segments] == [
        ("Moderator*in", None),
        ("Teilnehmer:in 1", None),
        ("Teilnehmer:in 2", None),
        ("Interviewer/in", None),
        ("Befragte*r", None),
        ("Teilnehmer:in 1", None),
        ("Interviewer/in", None),
        ("Befragte*r", None),
    ]
    assert document.segments[1].text == "Die Mieten sind zu hoch."


TRANSCRIPT_HEAD = """\
Interview 3 – Bewohnerin Manfort
Datum: 14.04.2021
Ort: Stadtteilbüro Manfort
Dauer: 00:42:13
Transkription: Max Mustermann

I: Wann haben Sie einen Termin bekommen? Welches Datum war das? #00:00:04-1#

B: Das Datum weiß ich nicht mehr. Der Ort ist auch weit weg. #00:00:20-7#

I: Was würde helfen? #00:00:22-0#

B: Ein Bürgerbüro hier, Herr Mustermann kennt das auch. #00:00:40-3#
"""


def test_the_head_of_a_transcript_is_no_one_speaking(project: Project, tmp_path: Path) -> None:
    """Transcription rules put a head above the turns ("Datum:", "Ort:", "Dauer:",
    "Transkription:"). Read as turns, "Datum" and "Ort" were people: four statements of
    details, and "Welches Datum war das?" became "Welches [Person 2] war das?"."""
    document = parse_file(_file(tmp_path, "interview.txt", TRANSCRIPT_HEAD))
    assert [s.speaker_role for s in document.segments] == ["I", "B", "I", "B"]
    assert document.date == "2021-04-14"
    assert document.title == "Interview 3 – Bewohnerin Manfort"
    assert "Max Mustermann" in document.names  # who transcribed: pseudonymised in texts
    assert main(["--project", str(project.path), "import", str(tmp_path / "interview.txt")]) == 0
    texts = list(project.segments()["text"])
    assert texts[0] == "Wann haben Sie einen Termin bekommen? Welches Datum war das?"
    assert texts[1] == "Das Datum weiß ich nicht mehr. Der Ort ist auch weit weg."
    assert "Mustermann" not in texts[3] and "[Person " in texts[3]


def test_an_f4_transcript_written_in_word_is_read_turn_by_turn(tmp_path: Path) -> None:
    """f4transkript saves Word files, and many teams transcribe in Word by its rules:
    "I: …" paragraphs that end with their time mark. They were taken for a protocol
    without headings and refused ("Das Dokument hat keine Überschriften …")."""
    import docx

    document = docx.Document()
    document.add_paragraph("Interview 7 – Quartiersmanagerin Opladen")
    document.add_paragraph("Datum: 14.04.2021")
    for who, text in [
        ("I", "Welche Angebote gibt es für Familien? #00:00:04-1#"),
        ("B", "Das Familienzentrum und die Bibliothek. (4) Die hat selten offen. #00:00:40-7#"),
        ("I", "Und was fehlt? #00:00:42-0#"),
        ("B", "Angebote für Väter. Und eine Hebamme. #00:01:15-3#"),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{who}: ").bold = True
        paragraph.add_run(text)
    document.save(tmp_path / "interview.docx")
    parsed = parse_file(tmp_path / "interview.docx")
    assert parsed.importer == IMPORTER and parsed.date == "2021-04-14"
    assert [(s.speaker_role, s.attributes["time"]) for s in parsed.segments] == [
        ("I", "00:00:00"), ("B", "00:00:04"), ("I", "00:00:40"), ("B", "00:00:42")
    ]  # fmt: skip
    assert parsed.segments[3].attributes["end_time"] == "00:01:15"
    assert parsed.segments[3].text == "Angebote für Väter. Und eine Hebamme."


def test_a_placeholder_as_speaker_label_is_that_person_with_the_texts_numbering(
    project: Project, tmp_path: Path
) -> None:
    """A transcript anonymised before with "[Person 1]: …" labels: the label is the
    person the texts call "[Person 1]". It was the role "Person 1", so when the file's
    people were renumbered ("[Person 1]" → "[Person 2]" here) the role kept the old number,
    and `forget --speaker` of the renumbered person missed everything that person said."""
    project.import_files(
        [_file(tmp_path, "vorher.txt", F4_INTERVIEW.replace("B:", "Anna Schmidt:"))]
    )
    path = _file(
        tmp_path,
        "anonymisiert.txt",
        "[Person 1]: Ich wohne seit zehn Jahren hier. [Person 2] kennt mich.\n"
        "[Person 2]: Ja, wir sind Nachbarn. Es fehlt ein Spielplatz.\n"
        "[Person 1]: Und eine Bushaltestelle.\n"
        "[Person 2]: Genau, sagt [Person 1] ja.\n",
    )
    project.import_files([path])
    segments = project.segments()
    rows = segments[segments["document"] == "anonymisiert.txt"]
    speakers = [a.get("speaker") for a in rows["attributes"]]
    assert speakers == ["[Person 2]", "[Person 3]", "[Person 2]", "[Person 3]"]
    assert rows["speaker_role"].isna().all()
    assert rows["text"].iloc[0] == "Ich wohne seit zehn Jahren hier. [Person 3] kennt mich."
    assert main(["--project", str(project.path), "forget", "--speaker", "[Person 2]"]) == 0
    left = project.segments()
    assert list(left[left["document"] == "anonymisiert.txt"]["source_id"]) == ["2", "4"]


GAT2 = """\
001   I:   wie ist das so mit der NACHbarschaft hier;
002        (1.2)
003   B:   ja also (.) man KENNT sich schon;
004        aber es gibt halt keinen ORT wo man sich trifft.
005   I:   mhm
006   B:   ((lacht)) früher gab es das cafe am MARKT;
007   I:   und was würde HELfen,
008   B:   ein TREFFpunkt für alle.
"""


def test_a_gat2_transcript_with_line_numbers_is_read_turn_by_turn(tmp_path: Path) -> None:
    """GAT2 numbers every line ("001   I:   …"): no line started a turn, and the whole
    conversation was one statement beginning "001 I: wie ist das …"."""
    document = parse_file(_file(tmp_path, "gespraech.txt", GAT2))
    assert document.importer == IMPORTER
    assert [(s.speaker_role, s.text) for s in document.segments] == [
        ("I", "wie ist das so mit der NACHbarschaft hier;"),  # the pause line "(1.2)" left out
        (
            "B",
            "ja also (.) man KENNT sich schon;\naber es gibt halt keinen ORT wo man sich trifft.",
        ),
        ("I", "mhm"),
        ("B", "((lacht)) früher gab es das cafe am MARKT;"),
        ("I", "und was würde HELfen,"),
        ("B", "ein TREFFpunkt für alle."),
    ]


def test_a_numbered_protocol_list_keeps_its_numbers(tmp_path: Path) -> None:
    document = parse_file(
        _file(tmp_path, "liste.txt", "Was fehlt?\n1 Bank am Markt\n2 Licht im Park\n3 Bus\n")
    )
    assert document.importer != IMPORTER


def test_a_name_in_brackets_after_a_role_label_is_that_person_and_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    """ "Interviewerin (Kerstin Wagner):" names the interviewer. The label was the role
    alone and the name went nowhere: "Danke, kerstin." and "Wie Wagner sagt" stayed in
    clear. An organisation in brackets stays what it was."""
    path = _file(
        tmp_path,
        "interview.txt",
        "Interviewerin (Kerstin Wagner): Wie lange sind Sie schon hier? #00:00:03-2#\n\n"
        "B: Seit 2012. Danke, kerstin. #00:00:15-0#\n\n"
        "Moderation (Stadt Leverkusen): Und was brauchen Sie? #00:00:18-4#\n\n"
        "B: Räume am Abend. Wie Wagner sagt, das ist wichtig. #00:00:30-1#\n",
    )
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert segments["speaker_role"].tolist() == ["Interviewerin", "B", "Moderation", "B"]
    speaker = segments["attributes"].iloc[0]["speaker"]
    assert speaker.startswith("[Person ") and "speaker" not in segments["attributes"].iloc[2]
    assert segments["text"].tolist()[1] == f"Seit 2012. Danke, {speaker}."
    assert segments["text"].tolist()[3] == f"Räume am Abend. Wie {speaker} sagt, das ist wichtig."


def test_a_head_with_the_interview_s_people_and_details_is_no_one_speaking(
    tmp_path: Path,
) -> None:
    """Heads name the interview's people and details in many words: "Datum des
    Interviews:", "Interviewerin: Kerstin Wagner", "Befragte Person: Quartiersmanagerin".
    As turns they were statements, and "Befragte Person" a person whose words were taken
    out of every text ("Jede [Person 2] im Team")."""
    document = parse_file(
        _file(
            tmp_path,
            "interview.txt",
            "Transkript Interview 5\nDatum des Interviews: 03.05.2021\n"
            "Interviewerin: Kerstin Wagner\nBefragte Person: Quartiersmanagerin\n"
            "Interviewdauer: 38 Minuten\n\n"
            "I: Was braucht eine Person, die neu herzieht? #00:00:04-1#\n\n"
            "B: Eine Anlaufstelle. #00:00:20-7#\n\nI: Und was fehlt? #00:00:22-0#\n\n"
            "B: Personal. Jede Person im Team arbeitet zu viel. #00:00:40-3#\n",
        )
    )
    assert [s.speaker_role for s in document.segments] == ["I", "B", "I", "B"]
    assert document.date == "2021-05-03" and document.title == "Transkript Interview 5"
    assert document.names == ("Kerstin Wagner",)  # the interviewer: pseudonymised in texts


INTERVIEW = (
    "Transkript Interview 5\nDatum: {}\n\n"
    "I: Was braucht eine Person, die neu herzieht? #00:00:04-1#\n\n"
    "B: Eine Anlaufstelle. #00:00:20-7#\n\nI: Und was fehlt? #00:00:22-0#\n\n"
    "B: Personal. Das Team arbeitet zu viel. #00:00:40-3#\n"
)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31.02.2021", "diesen Tag gibt es nicht"),  # typed wrong: no 31st of February
        ("3/4/2021", "nicht erkannt"),  # 3 April or 4 March?
    ],
)
def test_a_head_date_that_is_no_date_stops_the_import(
    tmp_path: Path, written: str, message: str
) -> None:
    """A transcript's "Datum:" that is no date left the interview without a date and said
    nothing; a protocol's stops the import with the date, and so does a transcript's."""
    with pytest.raises(InputError, match=message) as caught:
        parse_file(_file(tmp_path, "interview.txt", INTERVIEW.format(written)))
    assert caught.value.file == "interview.txt" and written in str(caught.value)


def test_a_two_day_workshop_in_a_head_has_its_first_day(tmp_path: Path) -> None:
    """ "3./4. März 2021": the date of the workshop is the first day, as in a protocol (the
    transcript took the second)."""
    document = parse_file(_file(tmp_path, "interview.txt", INTERVIEW.format("3./4. März 2021")))
    assert document.date == "2021-03-03"


def test_the_date_in_a_title_made_of_a_file_name_is_the_document_s_date(tmp_path: Path) -> None:
    """noScribe's title is the audio file's name, often with the date of the interview."""
    document = parse_file(_file(tmp_path, "interview.txt", NOSCRIBE))
    assert document.title == "interview_steinbuechel_2024-03-12"
    assert document.date == "2024-03-12"


def test_english_interview_labels_are_roles(tmp_path: Path) -> None:
    """ "Resp.:", "Respondent 2:", "Interviewee:" are who answers, no one's name: read as
    names they got a placeholder each and the answers no role."""
    document = parse_file(
        _file(
            tmp_path,
            "interview_en.txt",
            "Int.: What is missing in the neighbourhood?\n"
            "Resp.: A meeting place for older people.\n"
            "Int.: And what works?\n"
            "Respondent 2: The café at the market.\n"
            "Int.: Thank you.\n"
            "Interviewee: The library too.\n",
        )
    )
    assert [(s.speaker_role, s.attributes.get("speaker")) for s in document.segments] == [
        ("Int.", None),
        ("Resp.", None),
        ("Int.", None),
        ("Respondent 2", None),
        ("Int.", None),
        ("Interviewee", None),
    ]
    assert document.segments[1].text == "A meeting place for older people."
