"""REFI-QDA import of interviews: who said what.

A case that is a person (NVivo: a case per interviewee) speaks the interviewee's lines
only; the interviewer's questions ("I:", "Int.:", "Q:") keep their role and get neither
her pseudonym nor her variables, in short and long transcripts alike.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from tests.test_qdpx_people import USER, VARIABLE_LIST, _archive, _guid, _source, _value
from workbench import Project
from workbench.exchange.qdpx import import_qdpx


def _interview(tmp_path: Path, text: str, origin: str = "NVivo 14") -> Path:
    """A .qdpx whose one source is ``text``, with a case "Jutta Brenner" linked to it."""
    case = (
        f'<Cases><Case guid="{_guid(201)}" name="Jutta Brenner">'
        f"{_value(101, '67', 'IntegerValue')}{_value(102, 'weiblich')}"
        f'<SourceRef targetGUID="{_guid(1)}"/></Case></Cases>'
    )
    body = f"{VARIABLE_LIST}{case}<Sources>{_source(1, 'Interview 3')}</Sources>"
    return _archive(tmp_path / "interview.qdpx", body, {1: text}, origin)


def _said(project: Project) -> list[tuple[str | None, str, str | None, str | None]]:
    """(role, text, speaker, Alter) of each statement in order."""
    segments = project.segments().sort_values("position")
    return [
        (
            None if pd.isna(row.speaker_role) else row.speaker_role,
            row.text,
            row.attributes.get("speaker"),
            row.attributes.get("Alter"),
        )
        for row in segments.itertuples()
    ]


@pytest.mark.parametrize(
    ("asks", "answers"),
    [("Int.:", "B:"), ("IV:", "IP:"), ("Interviewer*in:", "Befragte:"), ("Q:", "A:")],
)
def test_the_interviewers_lines_are_not_the_interviewees(
    project: Project, tmp_path: Path, asks: str, answers: str
) -> None:
    text = (
        f"{asks} Was fehlt Ihnen im Viertel?\n"
        f"{answers} Ein Treffpunkt für Ältere.\n"
        f"{asks} Und was gibt es schon?\n"
        f"{answers} Das Café am Markt, zweimal die Woche.\n"
    )
    import_qdpx(project, _interview(tmp_path, text))
    said = _said(project)
    role, answer = asks.rstrip(":"), answers.rstrip(":")
    person = said[1][2]
    assert person is not None and person.startswith("[Person ")
    assert said == [
        (role, "Was fehlt Ihnen im Viertel?", None, None),
        (answer, "Ein Treffpunkt für Ältere.", person, 67),
        (role, "Und was gibt es schon?", None, None),
        (answer, "Das Café am Markt, zweimal die Woche.", person, 67),
    ]
    assert "Brenner" not in stored_text(project)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I: Was fehlt Ihnen?\nB: Ein Treffpunkt für Ältere.\n",
            [("I", "Was fehlt Ihnen?", False), ("B", "Ein Treffpunkt für Ältere.", True)],
        ),
        (
            "Interviewerin: Was fehlt Ihnen?\nFrau Brenner: Ein Treffpunkt für Ältere.\n",
            [
                ("Interviewerin", "Was fehlt Ihnen?", False),
                (None, "{person}: Ein Treffpunkt für Ältere.", True),
            ],
        ),
        # a protocol's labels ask nothing: the lines stay as they are
        (
            "Ergebnis: Ein Treffpunkt fehlt.\nFazit: Das Café reicht nicht.\n",
            [
                (None, "Ergebnis: Ein Treffpunkt fehlt.", True),
                (None, "Fazit: Das Café reicht nicht.", True),
            ],
        ),
    ],
)
def test_a_short_interview_is_split_into_roles(
    project: Project, tmp_path: Path, text: str, expected: list[tuple[str | None, str, bool]]
) -> None:
    """Two turns of a source are an interview too: the prefixes become roles, and the
    question is not the interviewee's."""
    import_qdpx(project, _interview(tmp_path, text))
    said = _said(project)
    person = next(speaker for _, _, speaker, _ in said if speaker)
    assert person.startswith("[Person ")
    assert said == [
        (role, line.format(person=person), person if hers else None, 67 if hers else None)
        for role, line, hers in expected
    ]
    assert "Brenner" not in stored_text(project)


def test_f4_time_marks_are_times_not_words(project: Project, tmp_path: Path) -> None:
    """f4transkript writes a mark at each turn's end: in a QDA program's source it is the
    turn's end_time (and the turn before's its start), not part of what was said."""
    text = (
        "I: Was fehlt Ihnen im Viertel? #00:00:05-3#\n"
        "B: Ein Treffpunkt für Ältere. #00:00:12-8#\n"
        "#00:00:14-0#\n"
        "I: #00:00:15-1# Und sonst?\n"
    )
    import_qdpx(project, _interview(tmp_path, text))
    segments = project.segments().sort_values("position")
    assert list(segments["text"]) == [
        "Was fehlt Ihnen im Viertel?",
        "Ein Treffpunkt für Ältere.",
        "Und sonst?",
    ]
    times = [(a.get("time"), a.get("end_time")) for a in segments["attributes"]]
    assert times == [("00:00:00", "00:00:05"), ("00:00:05", "00:00:12"), ("00:00:15", None)]
    assert list(segments["speaker_role"]) == ["I", "B", "I"]


def test_a_case_coding_the_whole_interview_does_not_speak_the_questions(
    project: Project, tmp_path: Path
) -> None:
    """NVivo codes a whole source to its case (a selection over all of it): the
    interviewer's lines inside stay the interviewer's."""
    text = "I: Was fehlt Ihnen im Viertel?\nB: Ein Treffpunkt für Ältere.\nI: Und sonst?\n"
    selection = (
        f'<PlainTextSelection guid="{_guid(11)}" startPosition="0" '
        f'endPosition="{len(text)}" creatingUser="{USER}"/>'
    )
    case = (
        f'<Cases><Case guid="{_guid(201)}" name="Jutta Brenner">'
        f"{_value(101, '67', 'IntegerValue')}"
        f'<SelectionRef targetGUID="{_guid(11)}"/></Case></Cases>'
    )
    body = f"{VARIABLE_LIST}{case}<Sources>{_source(1, 'Interview 3', selection)}</Sources>"
    import_qdpx(project, _archive(tmp_path / "ganz.qdpx", body, {1: text}))
    said = _said(project)
    person = said[1][2]
    assert person is not None and person.startswith("[Person ")
    assert said == [
        ("I", "Was fehlt Ihnen im Viertel?", None, None),
        ("B", "Ein Treffpunkt für Ältere.", person, 67),  # an IntegerValue: a number
        ("I", "Und sonst?", None, None),
    ]


def test_a_second_paragraph_of_a_question_is_the_interviewers(
    project: Project, tmp_path: Path
) -> None:
    """A turn over two lines (each line a statement in a QDA source): the line without a
    label is the same speaker's, so the interviewer's is not the interviewee's."""
    text = (
        "I: Was fehlt Ihnen im Viertel?\n"
        "Also, ich meine für Ältere.\n"
        "B: Ein Treffpunkt.\n"
        "Und eine Bank am Markt.\n"
        "I: Danke.\n"
    )
    import_qdpx(project, _interview(tmp_path, text))
    said = _said(project)
    person = said[2][2]
    assert person is not None and person.startswith("[Person ")
    assert said == [
        ("I", "Was fehlt Ihnen im Viertel?", None, None),
        ("I", "Also, ich meine für Ältere.", None, None),
        ("B", "Ein Treffpunkt.", person, 67),
        ("B", "Und eine Bank am Markt.", person, 67),
        ("I", "Danke.", None, None),
    ]


def test_document_variables_of_the_interviewee_stay_off_the_questions(
    project: Project, tmp_path: Path
) -> None:
    """MAXQDA keeps who was interviewed in document variables ("Interviewpartnerin",
    "Alter"): they describe her, so her age is no attribute of the interviewer's lines."""
    text = "Int.: Was fehlt Ihnen?\nB: Ein Treffpunkt für Ältere.\n"
    variables = (
        f'<Variables><Variable guid="{_guid(109)}" name="Interviewpartnerin" '
        f'typeOfVariable="Text"/><Variable guid="{_guid(101)}" name="Alter" '
        'typeOfVariable="Integer"/></Variables>'
    )
    inner = _value(109, "Jutta Brenner") + _value(101, "67", "IntegerValue")
    body = f"{variables}<Sources>{_source(1, 'Interview Manfort', inner)}</Sources>"
    import_qdpx(project, _archive(tmp_path / "m.qdpx", body, {1: text}, "MAXQDA 2022"))
    said = _said(project)
    person = said[1][2]
    assert person is not None and person.startswith("[Person ")
    assert said == [
        ("Int.", "Was fehlt Ihnen?", None, None),
        ("B", "Ein Treffpunkt für Ältere.", person, 67),  # an IntegerValue: a number
    ]
    assert "Brenner" not in stored_text(project)


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("A: Was fehlt Ihnen im Viertel?\nB: Ein Treffpunkt für Ältere.\n", "A"),
        (
            "A: Was fehlt Ihnen im Viertel?\nB: Ein Treffpunkt für Ältere.\n"
            "A: Und was gibt es schon?\nB: Das Café am Markt, zweimal die Woche.\n",
            "A",
        ),
        # the interviewee may speak first: who asks is who puts the questions
        (
            "A: Ich wohne seit zwanzig Jahren hier.\nB: Was fehlt Ihnen im Viertel?\n"
            "A: Ein Treffpunkt für Ältere.\nB: Und was gibt es schon?\nA: Das Café am Markt.\n",
            "B",
        ),
        ("Sprecher 1: Was fehlt Ihnen?\nSprecher 2: Ein Treffpunkt.\n", "Sprecher 1"),
    ],
)
def test_letters_that_do_not_say_who_asks_are_told_by_the_questions(
    project: Project, tmp_path: Path, text: str, asking: str
) -> None:
    """ "A:"/"B:" name no role: the one whose turns are the questions is the interviewer,
    whose lines neither get the interviewee's pseudonym nor her variables."""
    import_qdpx(project, _interview(tmp_path, text))
    said = _said(project)
    person = next(speaker for _, _, speaker, _ in said if speaker)
    assert person.startswith("[Person ")
    assert [line for _, line, _, _ in said] == [t.split(": ", 1)[1] for t in text.splitlines()]
    for role, _, speaker, age in said:
        hers = role != asking
        assert (speaker, age) == ((person, 67) if hers else (None, None)), role


def test_two_speakers_who_both_only_answer_keep_the_case_person(
    project: Project, tmp_path: Path
) -> None:
    """Without questions there is no evidence of who asks: the lines stay the case's."""
    text = "A: Ein Treffpunkt für Ältere.\nB: Das Café am Markt.\nA: Und Bänke.\n"
    import_qdpx(project, _interview(tmp_path, text))
    assert {speaker for _, _, speaker, _ in _said(project)} == {_said(project)[0][2]}


@pytest.mark.parametrize("mark", ["[{}]", "({})", "[{}.4]", "#{}-4#"])
def test_a_time_mark_at_a_lines_end_is_its_end_time(
    project: Project, tmp_path: Path, mark: str
) -> None:
    """MAXQDA's time stamp "[00:00:12]" at a turn's end is a time like f4's, no word."""
    text = (
        f"I: Was fehlt Ihnen im Viertel? {mark.format('00:00:05')}\n"
        f"B: Ein Treffpunkt für Ältere. {mark.format('00:00:12')}\n"
        f"Der Spielplatz am Markt ist gesperrt.{mark.format('00:00:20')}\n"
    )
    import_qdpx(project, _interview(tmp_path, text))
    segments = project.segments().sort_values("position")
    assert list(segments["text"]) == [
        "Was fehlt Ihnen im Viertel?",
        "Ein Treffpunkt für Ältere.",
        "Der Spielplatz am Markt ist gesperrt.",
    ]
    assert [a.get("end_time") for a in segments["attributes"]] == [
        "00:00:05",
        "00:00:12",
        "00:00:20",
    ]
