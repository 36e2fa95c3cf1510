"""Video-conference exports: Zoom chats (.txt) and WebVTT transcripts (.vtt) of Zoom and Teams.

One statement per chat message, reactions counted on their message in any interface
language, replies linked, one statement per speaker turn; every speaker is a person
whose name never reaches the pseudonymised tables.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from tests.conftest import CORPORA, need
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file
from workbench.ingest.speakers import person_name
from workbench.store import Document, ListedName

ZOOM = CORPORA / "zoom-meeting-en"
PLACEHOLDER = re.compile(r"^\[Person \d+\]$")


# -- helpers ---------------------------------------------------------------------------
def _chat_names(path: Path) -> set[str]:
    """Display names of every message header of a cloud chat export."""
    text = path.read_bytes().decode("utf-8")
    return set(re.findall(r"^\d{2}:\d{2}:\d{2}\t([^\t\r\n]+):\t", text, re.M))


def _vtt_names(path: Path) -> set[str]:
    """Display names before the cue texts of a Zoom transcript."""
    text = path.read_bytes().decode("utf-8")
    return set(re.findall(r"^([^:\r\n]{1,80}): ", text, re.M))


def _by_text(segments: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["text"]: row for _, row in segments.iterrows()}


def _snapshot(project: Project) -> tuple:
    return (
        project.status(),
        project.segments().drop(columns=["attributes"]).to_dict("records"),
        project.pseudonym_key().to_dict("records"),
    )


# A name part that is also an ordinary word where the real chat uses it ("Will discuss
# this with the team"): a pseudonymiser may rightly leave it.
ORDINARY_WORDS = {"Will"}


def _words_present(blob: str, name: str) -> list[str]:
    """The display name, and the parts (≥ 4 letters) of its person name, found in blob."""
    candidates = [name, person_name(name)]
    candidates += [
        part for part in person_name(name).split() if len(part) >= 4 and part not in ORDINARY_WORDS
    ]
    return [c for c in candidates if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", blob)]


def _import(project: Project, *paths: Path, extra: tuple[str, ...] = ()) -> int:
    args = ["--project", str(project.path), "import", *map(str, paths), *extra]
    return main(args)


# -- the real Zoom meeting ---------------------------------------------------------------
@pytest.fixture
def meeting(tmp_path: Path) -> Project:
    """The real meeting's chat, breakout chat and transcript, imported as one workshop."""
    need(ZOOM, "Zoom-Korpus")
    project = Project.create(tmp_path / "p")
    results = project.import_files(
        [ZOOM / "chat.txt", ZOOM / "chat_breakout.txt", ZOOM / "transcript.vtt"],
        workshop="ACDT 87",
    )
    assert [r.segments for r in results] == [66, 5, 87]
    yield project
    project.close()


@pytest.mark.corpora
def test_real_zoom_chat_gives_its_66_messages_with_27_reactions_counted(
    meeting: Project,
) -> None:
    segments = meeting.segments()
    chat = segments[segments["document"] == "chat.txt"]
    assert len(chat) == 66
    assert list(chat["source_id"]) == [str(i) for i in range(1, 67)]
    attributes = list(chat["attributes"])
    assert sum(a["reactions"] for a in attributes) == 27
    # No reaction became a statement, in whichever language Zoom wrote it.
    assert not chat["text"].str.contains(r"Reacted to|reaccionado|gereageerd", regex=True).any()
    texts = _by_text(chat)
    # English and Spanish reactions to the same message are counted together.
    assert texts["So 350M gas limit?"]["attributes"]["reactions"] == 5
    assert texts["So 350M gas limit?"]["attributes"]["reaction_emoji"] == "😂" * 5
    assert texts["Ship it"]["attributes"]["reactions"] == 5
    # The Dutch reaction quotes a cut-off fragment of the message it reacts to.
    assert (
        texts["Fine for this renaming tweak, also think execution gas is better"]["attributes"][
            "reactions"
        ]
        == 1
    )
    # Replies keep the source id of the message they answer, and lose the quote.
    question = texts["Are CL clients passing alpha.12 tests?"]["source_id"]
    answer = texts["Our devnet-7 should pass all GLOAS"]
    assert answer["attributes"]["reply_to"] == question
    spanish = next(t for t in texts if t.startswith("on ethrex we have a pr for sparse blobs"))
    asked = texts["Does anyone have sprase blobs in their branches"]["source_id"]
    assert texts[spanish]["attributes"]["reply_to"] == asked
    # A multi-line message (bare LF inside a CRLF file) is kept whole, with its time.
    multi = texts["BOOOOOOOOO!!\n(the community has spoken)"]
    assert multi["attributes"]["time"] == "00:22:15"
    # A reply whose quote spans lines still points to that message.
    assert texts["Polar bear voter?"]["attributes"]["reply_to"] == multi["source_id"]
    assert not chat["text"].str.startswith("Replying to").any()


@pytest.mark.corpora
def test_real_breakout_chat_and_transcript_join_the_workshop(meeting: Project) -> None:
    assert list(meeting.workshops()["workshop"]) == ["ACDT 87"]
    documents = meeting.documents()
    assert list(documents["importer"]) == ["zoom-chat", "zoom-chat", "webvtt"]
    assert set(documents["workshop"]) == {"ACDT 87"}


@pytest.mark.corpora
def test_real_transcript_gives_its_87_speaker_turns(meeting: Project) -> None:
    segments = meeting.segments()
    turns = segments[segments["document"] == "transcript.vtt"]
    assert len(turns) == 87
    attributes = list(turns["attributes"])
    assert sum(a["cues"] for a in attributes) == 257
    first, third = attributes[0], attributes[2]
    assert (first["start_time"], first["end_time"], first["cues"]) == (
        "00:04:08.430",
        "00:04:09.990",
        1,
    )
    assert (third["start_time"], third["end_time"], third["cues"]) == (
        "00:04:17.279",
        "00:04:26.609",
        2,
    )
    assert turns["text"].iloc[2] == (
        "I was able to, or apparently I'm co-host this time, which is cool to see. Like, via Z."
    )
    speakers = [a["speaker"] for a in attributes]
    assert all(a != b for a, b in itertools.pairwise(speakers))  # turns alternate
    assert len(set(speakers)) == 16


@pytest.mark.corpora
def test_real_meeting_names_never_reach_the_pseudonymised_tables(
    meeting: Project, tmp_path: Path
) -> None:
    names = (
        _chat_names(ZOOM / "chat.txt")
        | _chat_names(ZOOM / "chat_breakout.txt")
        | _vtt_names(ZOOM / "transcript.vtt")
    )
    assert len(_chat_names(ZOOM / "chat.txt")) == 27
    assert len(_vtt_names(ZOOM / "transcript.vtt")) == 16
    out = tmp_path / "export.csv"
    meeting.export_table(out, "csv", pseudonymised=True)
    segments = meeting.segments()
    blob = "\n".join(
        [
            out.read_text(encoding="utf-8"),
            segments.drop(columns=["attributes"]).to_csv(),
            repr(list(segments["attributes"])),
        ]
    )
    found = {name: _words_present(blob, name) for name in sorted(names)}
    assert {name: hits for name, hits in found.items() if hits} == {}
    for attributes in segments["attributes"]:
        assert PLACEHOLDER.match(attributes["speaker"])
    # The same person has the same placeholder in chat and transcript, and in the text.
    key = meeting.pseudonym_key().set_index("original")["placeholder"]
    traglia = key["Justin Traglia"]
    speakers = {a["speaker"] for a in segments["attributes"]}
    assert traglia in speakers
    assert any(f"Okay, {key['Stefan Starflinger']}" in t for t in segments["text"])
    # The researchers' view restores the names from the key.
    assert any("Stefan" in t for t in meeting.original_texts().values())


# -- constructed exports -----------------------------------------------------------------
GERMAN_CHAT = (
    "00:01:02\tAnna Schmidt (sie/ihr):\tGuten Morgen in die Runde!\n"
    "00:01:30\tBen Müller | Quartiersbüro:\tDas Jugendzentrum ist seit März zu.\n"
    "Die Kinder treffen sich jetzt am Bahnhof.\n"
    '00:01:41\tAnna Schmidt (sie/ihr):\tHat auf "Das Jugendzentrum ist seit ..." mit 👍 reagiert\n'
    '00:01:44\tcarla_k:\tHat auf "Das Jugendzentrum ist seit ..." mit 👍🏽 reagiert\n'
    "00:01:50\tDeniz Kaya:\tA réagi à « Guten Morgen in die Runde! » avec 👏\n"
    '00:02:05\tcarla_k:\tAntwort auf "Das Jugendzentrum ist seit ..."\n'
    "\n"
    "Danke Ben, das wusste ich nicht. Anna, weißt du mehr?\n"
    '00:02:30\tDeniz Kaya:\tIch finde "Jugendtreff am Markt" super 😀\n'
)


def test_german_zoom_chat_reactions_replies_and_speakers(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "zoom_chat_manfort.txt"
    path.write_text(GERMAN_CHAT, encoding="utf-8")
    document = parse_file(path)
    assert document.importer == "zoom-chat"
    assert document.options["reactions"] == 3
    assert set(document.names) == {"Anna Schmidt", "Ben Müller", "carla_k", "Deniz Kaya"}

    [result] = project.import_files([path], district="Manfort", workshop="Manfort online")
    assert result.segments == 4
    segments = project.segments()
    texts = list(segments["text"])
    attributes = list(segments["attributes"])
    assert (
        texts[1] == "Das Jugendzentrum ist seit März zu.\nDie Kinder treffen sich jetzt am Bahnhof."
    )
    assert attributes[1]["reactions"] == 2 and attributes[1]["reaction_emoji"] == "👍👍🏽"
    assert attributes[0]["reactions"] == 1  # the French reaction
    assert attributes[2]["reply_to"] == "2"
    # A message that quotes no earlier message stays a statement, emoji and all.
    assert texts[3] == 'Ich finde "Jugendtreff am Markt" super 😀'
    # First names in the text and the speaker field carry the same placeholders.
    anna, ben = attributes[0]["speaker"], attributes[1]["speaker"]
    assert PLACEHOLDER.match(anna) and PLACEHOLDER.match(ben) and anna != ben
    assert texts[2] == f"Danke {ben}, das wusste ich nicht. {anna}, weißt du mehr?"
    assert (
        attributes[2]["speaker"]
        == project.pseudonym_key().set_index("original")["placeholder"]["carla_k"]
    )
    assert list(segments["workshop"].unique()) == ["Manfort online"]
    # The display names' qualifiers are neither names nor stored: the role stays a word.
    assert "Quartiersbüro" not in repr(attributes)


LOCAL_CHAT = (
    "10:02:43 From Anna Schmidt to Everyone:\n"
    "\tGuten Morgen!\n"
    "\tIch teile gleich meinen Bildschirm.\n"
    "10:03:10 From Ben Müller to Anna Schmidt(Direct Message):\n"
    "\tKannst du mich freischalten?\n"
    "10:04:00\t From  Carla Weiß : Wir hören euch nicht, Ben.\n"
    "10:04:09 From Deniz Kaya to Everyone:\n"
    '\tReacted to "Wir hören euch nicht..." with 😮\n'
)


def test_zoom_chat_saved_in_the_meeting(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text(LOCAL_CHAT, encoding="utf-8")
    [result] = project.import_files([path], district="Opladen", direct_messages=True)
    assert result.segments == 3
    segments = project.segments()
    attributes = list(segments["attributes"])
    assert segments["text"].iloc[0] == "Guten Morgen!\nIch teile gleich meinen Bildschirm."
    assert [a["time"] for a in attributes] == ["10:02:43", "10:03:10", "10:04:00"]
    assert attributes[1]["direct_message"] is True
    assert attributes[1]["recipient"] == attributes[0]["speaker"]
    assert attributes[2]["reactions"] == 1
    assert list(segments["text"])[2] == f"Wir hören euch nicht, {attributes[1]['speaker']}."


def test_a_chat_sender_that_is_a_role_with_its_organisation_is_the_role(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "18:00:05 Von Moderation (Stadt Leverkusen) an Alle:\n\tHerzlich willkommen!\n"
        "18:01:10 Von Anna Schmidt an Alle:\n\tDanke für die Einladung\n",
        encoding="utf-8",
    )
    project.import_files([path], district="Opladen")
    segments = project.segments()
    assert list(segments["speaker_role"].fillna("")) == ["Moderation", ""]
    assert "speaker" not in segments["attributes"].iloc[0]
    assert segments["attributes"].iloc[1]["speaker"].startswith("[Person ")
    assert "Leverkusen" not in set(project.pseudonym_key()["original"])
    # the table export says who spoke: the role or the pseudonym, never the name
    project.export_table(tmp_path / "chat.csv", "csv")
    exported = pd.read_csv(tmp_path / "chat.csv", keep_default_na=False)
    assert exported[["speaker_role", "speaker"]].values.tolist() == [
        ["Moderation", ""],
        ["", segments["attributes"].iloc[1]["speaker"]],
    ]


def test_crlf_chat_keeps_bare_lf_lines_inside_the_message(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(
        b"00:00:05\tEva Lang:\tErste Zeile\nzweite Zeile\n\ndritte Zeile\r\n"
        b"00:00:09\tOle Berg:\tkurz\r\n"
        b"00:00:12\tEva Lang:\tnoch eine\r\nFortsetzung nach CRLF\r\n"
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        "Erste Zeile\nzweite Zeile\n\ndritte Zeile",
        "kurz",
        "noch eine\nFortsetzung nach CRLF",
    ]
    assert [s.row for s in document.segments] == [1, 5, 6]


TEAMS_VTT = """WEBVTT

0d7c6f5e-1/12-0
00:00:01.000 --> 00:00:03.500
<v Anna Schmidt>Willkommen zum Workshop
im Quartier.</v>

0d7c6f5e-1/12-1
00:00:03.600 --> 00:00:05.000
<v Anna Schmidt>Frau Yilmaz &amp; Herr Koch sind auch da.</v>

5b1a-2/3-0
00:00:05.200 --> 00:00:07.000
<v Ben Müller>Danke, Anna. Das <i>JuZ</i> fehlt uns.</v>

NOTE Teams schreibt manchmal Notizen.

5b1a-2/3-1
00:00:07.100 --> 00:00:08.000
<v Anna Schmidt>Stimmt.</v>
"""


def test_teams_transcript_turns_with_voice_tags_and_roles(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Besprechung.vtt"
    path.write_text(TEAMS_VTT, encoding="utf-8")
    roles = tmp_path / "rollen.csv"
    roles.write_text(
        "Person;Rolle\nAnna Schmidt;Quartiersbüro\nBen Müller (er);Jugendhilfe\n"
        "Carla Weiß;Schulsozialarbeit\n",
        encoding="utf-8",
    )
    assert _import(project, path, extra=("--district", "Wiesdorf", "--roles", str(roles))) == 0
    assert "3 Aussagen importiert" in capsys.readouterr().out
    segments = project.segments()
    attributes = list(segments["attributes"])
    assert [a["cues"] for a in attributes] == [2, 1, 1]
    assert (attributes[0]["start_time"], attributes[0]["end_time"]) == (
        "00:00:01.000",
        "00:00:05.000",
    )
    assert list(segments["speaker_role"]) == ["Quartiersbüro", "Jugendhilfe", "Quartiersbüro"]
    text = list(segments["text"])
    anna = attributes[0]["speaker"]
    assert text[0].startswith("Willkommen zum Workshop im Quartier. [Person")
    assert "&amp;" not in text[0] and " & " in text[0]
    assert text[1] == f"Danke, {anna}. Das JuZ fehlt uns."
    # The roles file holds names: they reach only the key, never the tables.
    with project.session() as session:
        options = list(session.scalars(select(Document.options)))
        listed = set(session.scalars(select(ListedName.name)))
    assert "Anna" not in repr(options) and "Carla" not in repr(options)
    assert {"Anna Schmidt", "Ben Müller", "Carla Weiß"} <= listed
    assert "Anna" not in segments.drop(columns=["attributes"]).to_csv() + repr(attributes)


WEBEX_VTT = """\
WEBVTT

1 "Anna Schmidt" (3108273152)
00:00:01.000 --> 00:00:04.000
Hallo zusammen, ich bin aus Wiesdorf.

2 "Kemal Öztürk" (3108273153)
00:00:05.000 --> 00:00:09.000
Bei uns fehlt ein Jugendtreff.

3 "Anna Schmidt" (3108273152)
00:00:10.000 --> 00:00:12.000
Danke, Herr Öztürk.
"""


def test_webex_transcript_names_its_speakers_in_the_cue_identifiers(tmp_path: Path) -> None:
    path = tmp_path / "webex.vtt"
    path.write_text(WEBEX_VTT, encoding="utf-8")
    document = parse_file(path)
    assert [s.attributes["speaker"] for s in document.segments] == [
        "Anna Schmidt",
        "Kemal Öztürk",
        "Anna Schmidt",
    ]  # three turns, not one; the writer makes the speakers placeholders
    assert set(document.names) == {"Anna Schmidt", "Kemal Öztürk"}


def test_plain_text_protocol_is_still_a_protocol(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text("# Protokoll\n\n10:00 Begrüßung durch das Quartiersbüro\n", "utf-8")
    assert parse_file(path).importer == "markdown"


def _broken_chat(tmp_path: Path) -> Path:
    path = tmp_path / "chat_kaputt.txt"
    path.write_bytes(
        b"00:00:05\tEva Lang:\tHallo\r\n00:00:09\tOle Berg:\tHi\r\n00:0x:12\tEva Lang:\tWeiter\r\n"
    )
    return path


def _broken_seconds(tmp_path: Path) -> Path:
    path = tmp_path / "chat_zeit.txt"
    path.write_text("10:02:43 From Eva Lang to Everyone:\n\tHallo\n10:03:75 From Ole:\n", "utf-8")
    return path


def _broken_vtt(tmp_path: Path) -> Path:
    path = tmp_path / "transkript.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nEva: Hallo\n\n"
        "2\n00:00:02,500 --> 00:00:03.000\nOle: Hi\n",
        "utf-8",
    )
    return path


def _reversed_vtt(tmp_path: Path) -> Path:
    path = tmp_path / "rueckwaerts.vtt"
    path.write_text("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nEva: Hallo\n", "utf-8")
    return path


def _no_blank_line_vtt(tmp_path: Path) -> Path:
    path = tmp_path / "ohne_leerzeile.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEva: Hallo\n"
        "00:00:02.000 --> 00:00:03.000\nOle: Hi\n",
        "utf-8",
    )
    return path


def _not_vtt(tmp_path: Path) -> Path:
    path = tmp_path / "srt.vtt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo\n", "utf-8")
    return path


def _cue_without_time(tmp_path: Path) -> Path:
    path = tmp_path / "ohne_zeit.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEva: Hallo\n\nOle: Hi\n", "utf-8")
    return path


BROKEN = {
    "chat time stamp": (_broken_chat, r"chat_kaputt\.txt, Zeile 3: Zeitstempel '00:0x:12'"),
    "chat seconds": (_broken_seconds, r"chat_zeit\.txt, Zeile 3: Zeitstempel '10:03:75'"),
    "vtt time stamp": (_broken_vtt, r"transkript\.vtt, Zeile 8: Zeitangabe .* ungültig"),
    "vtt end before start": (_reversed_vtt, r"rueckwaerts\.vtt, Zeile 3: .*endet vor"),
    "vtt blank line missing": (_no_blank_line_vtt, r"ohne_leerzeile\.vtt, Zeile 5: .*Leerzeile"),
    "not webvtt": (_not_vtt, r"srt\.vtt, Zeile 1: Keine WebVTT-Datei"),
    "vtt block without time": (_cue_without_time, r"ohne_zeit\.vtt, Zeile 6: Aufbau nicht"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_chat_or_transcript_stops_with_file_and_line_and_imports_nothing(
    case: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, expected = BROKEN[case]
    good = tmp_path / "gut.txt"
    good.write_text("00:00:01\tEva Lang:\tAlles gut\n", "utf-8")
    before = _snapshot(project)
    capsys.readouterr()
    assert _import(project, good, build(tmp_path), extra=("--district", "Opladen")) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Datei ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert re.search(expected, err), err
    assert _snapshot(project) == before


def test_roles_file_errors_name_the_line(project: Project, tmp_path: Path, capsys) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("00:00:01\tEva Lang:\tHallo\n", "utf-8")
    roles = tmp_path / "rollen.csv"
    roles.write_text("Eva Lang,Jugendhilfe\nOle Berg\n", "utf-8")
    assert _import(project, chat, extra=("--district", "Opladen", "--roles", str(roles))) == 2
    err = capsys.readouterr().err
    assert "rollen.csv, Zeile 2: " in err and "Person, Rolle" in err
    assert project.status()["segments"] == 0
