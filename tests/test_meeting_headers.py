"""Meeting transcripts and protocols as typed by hand: what stands above or between the
turns is no one's statement.

A header above the first turn ("Teilnehmende: 12 Personen", "Moderation: Frau Schmidt")
is the document's detail: the moderator goes onto the name list (pseudonymised wherever
named), the count is not kept; neither is a statement.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

HEADED = """Protokoll Stadtteilrunde Manfort
Teilnehmende: 12 Personen
Moderation: Frau Schmidt

Anna: Wir brauchen mehr Bänke im Park, hat Schmidt gesagt.
Bernd: Der Spielplatz ist zu klein.
Anna: Und die Beleuchtung fehlt.
"""

TURNS = (
    "Anna: Wir brauchen mehr Bänke im Park.\n"
    "Bernd: Der Spielplatz ist zu klein.\n"
    "Anna: Und die Beleuchtung fehlt.\n"
)


def _statements(project: Project) -> list[tuple[str | None, str]]:
    segments = project.segments()
    return list(zip(segments["speaker_role"], segments["text"], strict=True))


def test_header_of_count_and_moderator_is_no_statement(tmp_path: Path, project: Project) -> None:
    """Only the three turns are statements; the moderator named in the header is a
    person on the name list, never stored in clear; the title names the workshop."""
    path = tmp_path / "runde.txt"
    path.write_text(HEADED, encoding="utf-8")
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    assert code == 0
    texts = [text for _, text in _statements(project)]
    assert len(texts) == 3
    assert texts[1:] == ["Der Spielplatz ist zu klein.", "Und die Beleuchtung fehlt."]
    assert "12 Personen" not in " ".join(texts)
    assert "Schmidt" not in stored_text(project)
    assert "[Person" in texts[0]
    assert set(project.segments()["workshop"]) == {"Stadtteilrunde Manfort"}


AGENDA = """Protokoll Stadtteilrunde Manfort

TOP 1 Spielplätze
Anna: Wir brauchen mehr Bänke im Park.
Bernd: Der Spielplatz ist zu klein.
{blank}TOP 2 Verkehr
Anna: Die Kreuzung ist gefährlich.
"""


@pytest.mark.parametrize("blank", ["\n", ""], ids=["own-line", "between-turns"])
def test_agenda_items_between_turns_are_their_question(
    tmp_path: Path, project: Project, blank: str
) -> None:
    """ "TOP 1 …" / "TOP 2 …" in a typed meeting transcript group the turns below them (the
    statements' question, as in a protocol); no item vanishes or ends up in a statement."""
    path = tmp_path / "runde.txt"
    path.write_text(AGENDA.format(blank=blank), encoding="utf-8")
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    assert code == 0
    segments = project.segments()
    assert list(segments["text"]) == [
        "Wir brauchen mehr Bänke im Park.",
        "Der Spielplatz ist zu klein.",
        "Die Kreuzung ist gefährlich.",
    ]
    assert list(segments["question"]) == ["TOP 1 Spielplätze"] * 2 + ["TOP 2 Verkehr"]
    assert set(segments["workshop"]) == {"Stadtteilrunde Manfort"}


DETAILED = """Workshop: Quartiersworkshop
Sozialraum: Opladen
Schulsozialarbeit: Kein WLAN in den Unterkünften.
Hartung: Die Busse fahren zu selten.
Schulsozialarbeit: Homeschooling mit einem Handy.
Hartung: Und abends gar nicht.
"""


def test_workshop_and_district_above_the_turns_name_them(tmp_path: Path, project: Project) -> None:
    """ "Workshop: …" and "Sozialraum: …" above a transcript's turns name its workshop and
    district, as in a protocol; neither is a statement nor "Workshop" a person."""
    path = tmp_path / "runde.txt"
    path.write_text(DETAILED, encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert len(segments) == 4
    assert list(segments["text"])[:2] == [
        "Kein WLAN in den Unterkünften.",
        "Die Busse fahren zu selten.",
    ]
    assert set(segments["workshop"]) == {"Quartiersworkshop"}
    assert set(segments["district"]) == {"Opladen"}
    assert segments["speaker"].nunique() == 1  # Hartung only


def test_word_transcript_of_name_and_text_without_times_is_read_as_turns(
    tmp_path: Path, project: Project
) -> None:
    """A Word file of "Anna Müller: …" paragraphs (a meeting typed without times, no
    headings) gives one statement per turn with the speakers pseudonymised, as the same
    text in a .txt does, instead of refusing the file for lack of headings."""
    document = docx.Document()
    for line in (
        "Anna Müller: Wir brauchen mehr Bänke im Park.",
        "Bernd Kaiser: Der Spielplatz ist zu klein.",
        "Anna Müller: Und die Beleuchtung fehlt abends.",
    ):
        document.add_paragraph(line)
    path = tmp_path / "runde.docx"
    document.save(path)
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    assert code == 0
    segments = project.segments()
    assert list(segments["text"]) == [
        "Wir brauchen mehr Bänke im Park.",
        "Der Spielplatz ist zu klein.",
        "Und die Beleuchtung fehlt abends.",
    ]
    speakers = list(segments["speaker"])
    assert speakers[0] == speakers[2] != speakers[1]
    stored = stored_text(project)
    assert "Müller" not in stored and "Kaiser" not in stored


@pytest.mark.parametrize("start", ["18:00", "18:00:00", "[18:00]"])
def test_one_time_line_under_the_title_times_no_turn(tmp_path: Path, start: str) -> None:
    """A typed transcript's "18:00" under its title is when the meeting began: no turn
    gets it as its time (they were not all said at 18:00)."""
    path = tmp_path / "runde.txt"
    path.write_text(
        f"Stadtteilrunde Manfort\n{start}\n\nAnna: Wir brauchen mehr Bänke.\n"
        "Bernd: Der Spielplatz ist zu klein.\nAnna: Und die Beleuchtung fehlt.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert len(parsed.segments) == 3
    assert [s.attributes.get("time") for s in parsed.segments] == [None] * 3


def test_time_lines_through_a_transcript_still_time_its_turns(tmp_path: Path) -> None:
    """Time lines of their own between the turns (Google Meet, every 5 minutes) still
    give each turn below them its time."""
    path = tmp_path / "meet.txt"
    path.write_text(
        "Stadtteilrunde Manfort\n00:00:00\n\nAnna: Wir brauchen mehr Bänke.\n"
        "Bernd: Der Spielplatz ist zu klein.\n00:05:00\nAnna: Und die Beleuchtung fehlt.\n",
        encoding="utf-8",
    )
    times = [s.attributes.get("time") for s in parse_file(path).segments]
    assert times == ["00:00:00", "00:00:00", "00:05:00"]


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ("Moderation: Yilmaz", ["Yilmaz"]),
        ("Moderation: Hr. Yilmaz, Protokoll: Fr. Nowak", ["Yilmaz", "Nowak"]),
    ],
    ids=["surname-alone", "two-on-one-line"],
)
def test_moderator_by_surname_above_the_turns_is_no_statement(
    tmp_path: Path, project: Project, head: str, names: list[str]
) -> None:
    """ "Moderation: Yilmaz" (a surname alone) or moderator and minute-taker on one line
    above the turns name people for the name list: no statement, never in clear."""
    path = tmp_path / "runde.txt"
    path.write_text(
        f"Stadtteilrunde Manfort\n{head}\n\nAnna: Wir brauchen mehr Bänke, sagt {names[-1]}.\n"
        "Bernd: Der Spielplatz ist zu klein.\nAnna: Und die Beleuchtung fehlt.\n",
        encoding="utf-8",
    )
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    assert code == 0
    segments = project.segments()
    assert len(segments) == 3 and set(segments["speaker_role"].dropna()) == set()
    stored = stored_text(project)
    assert not [name for name in names if name in stored]


def test_a_word_above_the_turns_stays_the_moderators_statement(tmp_path: Path) -> None:
    """ "Moderation: Hallo" (no name) above the turns is the moderator's statement."""
    path = tmp_path / "runde.txt"
    path.write_text(
        "Stadtteilrunde Manfort\nModeration: Hallo\nAnna: Wir brauchen mehr Bänke.\n"
        "Bernd: Der Spielplatz ist zu klein.\nAnna: Und die Beleuchtung fehlt.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    first = parsed.segments[0]
    assert (first.speaker_role, first.text) == ("Moderation", "Hallo")


@pytest.mark.parametrize("surname", ["Müller", "Koch"])
def test_a_surname_that_is_a_noun_above_the_turns_is_the_moderators_name(
    tmp_path: Path, surname: str
) -> None:
    """ "Moderation: Müller" names the moderator (a miller's word, a surname all the same): it
    was her statement "Müller", stored in clear; "Moderation: Prima" speaks."""
    path = tmp_path / "runde.txt"
    path.write_text(
        f"Stadtteilrunde Manfort\nModeration: {surname}\nAnna: Wir brauchen mehr Bänke.\n"
        "Bernd: Der Spielplatz ist zu klein.\nModeration: Prima\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert surname in parsed.names and "Prima" not in parsed.names
    assert [s.text for s in parsed.segments] == [
        "Wir brauchen mehr Bänke.",
        "Der Spielplatz ist zu klein.",
        "Prima",
    ]


def test_a_reaction_above_the_turns_is_the_moderators_statement(tmp_path: Path) -> None:
    path = tmp_path / "runde.txt"
    path.write_text(
        "Stadtteilrunde Manfort\nModeration: Prima\nAnna: Wir brauchen mehr Bänke.\n"
        "Bernd: Der Spielplatz ist zu klein.\nAnna: Und die Beleuchtung fehlt.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert "Prima" not in parsed.names
    assert (parsed.segments[0].speaker_role, parsed.segments[0].text) == ("Moderation", "Prima")


@pytest.mark.parametrize(
    "head",
    [
        "Teilnehmende: ca. 12 Personen (davon 3 online)",
        "Teilnehmer: 8 Bewohner*innen, 4 Fachkräfte",
        "Teilnehmende: 12 Personen, Moderation: Frau Yilmaz",
    ],
)
def test_participants_count_in_other_words_is_no_statement(tmp_path: Path, head: str) -> None:
    """A count of participants written with more words above the turns, also beside the
    moderator, is no statement; the moderator goes onto the name list."""
    path = tmp_path / "runde.txt"
    path.write_text(f"Stadtteilrunde Manfort\n{head}\n\n{TURNS}", encoding="utf-8")
    parsed = parse_file(path)
    assert [s.speaker_role for s in parsed.segments] == [None] * 3
    assert ("Yilmaz" in parsed.names) == ("Yilmaz" in head)


def test_a_number_said_by_a_participant_stays_a_statement(tmp_path: Path) -> None:
    """ "Teilnehmer: 3 Sachen fallen mir ein." above the turns is said, not a count."""
    path = tmp_path / "runde.txt"
    path.write_text(
        f"Stadtteilrunde Manfort\nTeilnehmer: 3 Sachen fallen mir ein.\n{TURNS}", encoding="utf-8"
    )
    first = parse_file(path).segments[0]
    assert (first.speaker_role, first.text) == ("Teilnehmer", "3 Sachen fallen mir ein.")


@pytest.mark.parametrize("moderator", ["Müller", "Anna Schmidt", "Frau Koch"])
def test_two_timed_turns_under_the_moderators_name_stay_two_statements(
    tmp_path: Path, moderator: str
) -> None:
    """A short transcript of two timed turns under "Moderation: Müller" is a transcript: its
    turns were one statement with their times and speakers in it, the speakers on no list."""
    path = tmp_path / "runde.txt"
    path.write_text(
        f"Moderation: {moderator}\n\n[00:00:01] Anna: Ein Treffpunkt am Markt fehlt.\n"
        "[00:00:05] Jonas: Der Spielplatz ist zu klein.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Ein Treffpunkt am Markt fehlt.",
        "Der Spielplatz ist zu klein.",
    ]
    assert {"Anna", "Jonas"} <= set(parsed.names)
    assert moderator.removeprefix("Frau ") in parsed.names
