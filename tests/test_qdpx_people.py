"""REFI-QDA import: people are never districts, and names never stay in names.

Person cases (NVivo: a case per interviewee) become speakers, not Sozialräume; source
names, descriptions, document variables of person roles, set names and code descriptions
are pseudonymised like statements (decision 005, Nachtrag).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.exchange.qdpx import import_qdpx

NS = "urn:QDA-XML:project:1.0"
USER = "B0000000-0000-4000-8000-000000000001"
CODE = "B0000000-0000-4000-8000-000000000002"


def _guid(n: int) -> str:
    return f"C0000000-0000-4000-8000-{n:012d}"


def _archive(path: Path, body: str, texts: dict[int, str], origin: str = "NVivo 14") -> Path:
    """A .qdpx with ``body`` inside <Project> and the texts as Sources/<guid>.txt."""
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Studie" origin="{origin}">
  <Users><User guid="{USER}" name="Forschung A"/></Users>
  {body}
</Project>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        for n, text in texts.items():
            archive.writestr(f"Sources/{_guid(n)}.txt", text.encode("utf-8"))
    return path


def _source(n: int, name: str, inner: str = "", description: str = "") -> str:
    return (
        f'<TextSource guid="{_guid(n)}" name="{name}" '
        f'plainTextPath="internal://{_guid(n)}.txt" creatingUser="{USER}">'
        f"<Description>{description}</Description>{inner}</TextSource>"
    )


def _selection(n: int, text: str, part: str) -> str:
    start = text.index(part)
    return (
        f'<PlainTextSelection guid="{_guid(n)}" startPosition="{start}" '
        f'endPosition="{start + len(part)}" creatingUser="{USER}">'
        f'<Coding guid="{_guid(n + 500)}" creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/>'
        "</Coding></PlainTextSelection>"
    )


def _value(variable: int, value: str, kind: str = "TextValue") -> str:
    return (
        f'<VariableValue><VariableRef targetGUID="{_guid(variable)}"/>'
        f"<{kind}>{value}</{kind}></VariableValue>"
    )


CODEBOOK = (
    f'<CodeBook><Codes><Code guid="{CODE}" name="Treffpunkte" isCodable="true">'
    "<Description>siehe Gespräch mit Herrn Szymanowski</Description></Code></Codes></CodeBook>"
)
VARIABLES = {
    101: ("Alter", "Integer"),
    102: ("Geschlecht", "Text"),
    103: ("Stadtteil", "Text"),
    104: ("Moderation", "Text"),
    105: ("Protokollant", "Text"),
    106: ("Sozialraum", "Text"),
    107: ("SGB-II-Quote 2021", "Float"),
    108: ("Bearbeitet von", "Text"),
}
VARIABLE_LIST = "<Variables>{}</Variables>".format(
    "".join(
        f'<Variable guid="{_guid(n)}" name="{name}" typeOfVariable="{kind}"/>'
        for n, (name, kind) in VARIABLES.items()
    )
)

# An NVivo-style interview and a group discussion with a case per person.
INTERVIEW = (
    "Interviewer: Was fehlt Ihnen in Opladen?\n"
    "Gülten Arslanoğlu: Ein Treffpunkt für Mütter mit kleinen Kindern.\n"
    "Interviewer: Und was gibt es schon?\n"
    "Gülten Arslanoğlu: Das Familiencafé, das Frau Arslanoğlu mit aufgebaut hat.\n"
)
GROUP = (
    "Gruppendiskussion Jugendliche\n"
    "Jannik: Am Bolzplatz werden wir immer weggeschickt.\n"
    "Merle: Im Winter haben wir keinen Raum.\n"
    "Jannik: Das Jugendhaus ist nur mit Anmeldung offen.\n"
)


def _people_project(tmp_path: Path) -> Path:
    cases = (
        f'<Case guid="{_guid(201)}" name="Gülten Arslanoğlu">'
        "<Description>Teilnehmerin, Mutter von zwei Kindern</Description>"
        f"{_value(101, '41', 'IntegerValue')}{_value(102, 'weiblich')}{_value(103, 'Opladen')}"
        f'<SourceRef targetGUID="{_guid(1)}"/></Case>'
        f'<Case guid="{_guid(202)}" name="Jannik Wesselhöft">'
        f"{_value(101, '16', 'IntegerValue')}{_value(103, 'Alkenrath')}"
        f'<SelectionRef targetGUID="{_guid(12)}"/></Case>'
        # no person variables, but a name the recognition knows
        f'<Case guid="{_guid(203)}" name="Merle Dahlhoff">'
        f'<SelectionRef targetGUID="{_guid(13)}"/></Case>'
        # a district of the project, with an indicator value
        f'<Case guid="{_guid(204)}" name="Wiesdorf">{_value(107, "14.5", "FloatValue")}</Case>'
    )
    interview = _selection(11, INTERVIEW, "Ein Treffpunkt für Mütter mit kleinen Kindern.")
    group = _selection(12, GROUP, "Am Bolzplatz werden wir immer weggeschickt.")
    group += _selection(13, GROUP, "Im Winter haben wir keinen Raum.")
    body = (
        f"{CODEBOOK}{VARIABLE_LIST}<Cases>{cases}</Cases><Sources>"
        f"{_source(1, 'Interview Arslanoğlu', interview)}"
        f"{_source(2, 'Gruppendiskussion Alkenrath', group)}</Sources>"
    )
    return _archive(tmp_path / "nvivo.qdpx", body, {1: INTERVIEW, 2: GROUP})


PERSON_NAMES = ("Gülten", "Arslanoğlu", "Jannik", "Wesselhöft", "Merle", "Dahlhoff")


def test_person_cases_are_speakers_not_districts(project: Project, tmp_path: Path) -> None:
    result = import_qdpx(project, _people_project(tmp_path))
    assert any("3 Fälle als Person übernommen" in n for n in result.notices)
    # No person became a district; the district case still gives its indicator.
    districts = set(project.districts()["district"])
    assert districts == {
        "Gesamtstadt",
        "Manfort",
        "Alkenrath",
        "Wiesdorf",
        "Opladen",
        "Steinbüchel",
    }
    assert result.indicators == 1
    stored = stored_text(project)
    for name in PERSON_NAMES:
        assert name not in stored, name
    segments = project.segments()
    speakers = [a.get("speaker") for a in segments["attributes"]]
    interview = segments[segments["document"].str.startswith("Interview")]
    # The interviewee's lines carry her pseudonym and variables; the interviewer's do not.
    answers = interview[interview["speaker_role"].isna()]
    assert len(answers) == 2
    placeholder = answers["attributes"].iloc[0]["speaker"]
    assert placeholder.startswith("[Person ")
    assert answers["attributes"].iloc[0] == {
        "Alter": 41,  # an IntegerValue: a number, as table imports store it
        "Geschlecht": "weiblich",
        "speaker": placeholder,
    }
    assert (
        answers["text"].iloc[1]
        == f"{placeholder}: Das Familiencafé, das {placeholder} mit aufgebaut hat."
    )
    assert set(interview["district"]) == {"Opladen"}  # her Stadtteil, a district
    assert all(
        "speaker" not in a for a in interview[interview["speaker_role"].notna()]["attributes"]
    )
    # The group discussion: each referenced line its person (name listed: "Jannik:" too).
    group = segments[segments["document"] == "Gruppendiskussion Alkenrath"].set_index("source_id")
    jannik, merle = group.at["2", "attributes"]["speaker"], group.at["3", "attributes"]["speaker"]
    assert len({placeholder, jannik, merle}) == 3
    assert group.at["2", "text"].startswith(f"{jannik}: Am Bolzplatz")
    assert group.at["4", "text"].startswith(f"{jannik}: Das Jugendhaus")
    # Jannik's line by his Stadtteil; Merle's (no Stadtteil) by the source's name, as a file
    # "Gruppendiskussion Alkenrath.txt" would be
    assert group.at["2", "district"] == "Alkenrath" and group.at["3", "district"] == "Alkenrath"
    assert len([s for s in speakers if s]) == 4
    # The researcher's key knows who is who.
    key = dict(
        zip(
            project.pseudonym_key()["placeholder"],
            project.pseudonym_key()["original"],
            strict=False,
        )
    )
    assert key[placeholder] == "Gülten Arslanoğlu"


def test_add_districts_never_declares_a_person(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _people_project(tmp_path)
    args = ["--project", str(project.path), "import", str(archive), "--add-districts"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Neue Sozialräume" not in out and "Arslanoğlu" not in out
    assert "Gülten Arslanoğlu" not in set(project.districts()["district"])


def test_an_unknown_place_is_still_refused(project: Project, tmp_path: Path) -> None:
    body = (
        f'<Cases><Case guid="{_guid(201)}" name="Schlebusch">'
        f'<SourceRef targetGUID="{_guid(1)}"/></Case></Cases>'
        f"<Sources>{_source(1, 'Protokoll')}</Sources>"
    )
    archive = _archive(tmp_path / "ort.qdpx", body, {1: "Eine Zeile.\n"})
    with pytest.raises(InputError, match=r"Unbekannte Sozialräume .*: Schlebusch\."):
        import_qdpx(project, archive)
    assert import_qdpx(project, archive, add_districts=True).documents == 1
    assert "Schlebusch" in set(project.districts()["district"])


def test_a_case_with_person_variables_is_a_person_without_listing_its_name(
    project: Project, tmp_path: Path
) -> None:
    """ "Gruppe Jugend" with an Alter is a person (speaker), but not a listed name:
    "Gruppe" must not vanish from every text."""
    text = "Die Gruppe Jugend wünscht sich einen Treffpunkt.\n"
    body = (
        f"{VARIABLE_LIST}<Cases>"
        f'<Case guid="{_guid(201)}" name="Gruppe Jugend">{_value(101, "15", "IntegerValue")}'
        f'<SourceRef targetGUID="{_guid(1)}"/></Case></Cases>'
        f"<Sources>{_source(1, 'Notiz')}</Sources>"
    )
    import_qdpx(project, _archive(tmp_path / "g.qdpx", body, {1: text}))
    segment = project.segments().iloc[0]
    assert segment["text"] == text.strip()
    assert segment["attributes"]["speaker"].startswith("[Person ")
    assert "Gruppe Jugend" not in set(project.districts()["district"])


# -- names in names ---------------------------------------------------------------------
PROTOCOL = (
    "Quartiersgespräch Wiesdorf, 04.05.2022\n"
    "Teilnehmende: Irena Wojciechowska, Henrik Vossberg, Aleksandra Brzęczek\n"
    "Frau Wojciechowska: Im Gemeindehaus fehlt eine Hausaufgabenhilfe.\n"
    "Herr Vossberg schreibt das Protokoll.\n"
)
TALK = "Gespräch mit Anwohnenden\nDie Bank am Spielplatz ist seit Monaten kaputt.\n"


def test_source_names_descriptions_variables_and_codes_are_pseudonymised(
    project: Project, tmp_path: Path
) -> None:
    body = (
        f"{CODEBOOK}{VARIABLE_LIST}<Sources>"
        + _source(
            1,
            "Protokoll Wiesdorf – Wojciechowska",
            _selection(11, PROTOCOL, "Im Gemeindehaus fehlt eine Hausaufgabenhilfe.")
            + _value(106, "Wiesdorf")
            + _value(104, "Irena Wojciechowska")
            + _value(105, "Vossberg")
            + _value(108, "Hülsewede"),
            description="Protokoll von Henrik Vossberg",
        )
        # only the text names her: the source name loses her name too
        + _source(2, "Nachgespräch Brzęczek.docx")
        + "</Sources>"
        + f'<Sets><Set guid="{_guid(301)}" name="Gespräche Brzęczek">'
        f'<MemberSource targetGUID="{_guid(2)}"/></Set></Sets>'
    )
    talk = TALK + "Aleksandra Brzęczek wohnt direkt daneben.\n"
    archive = _archive(tmp_path / "maxqda.qdpx", body, {1: PROTOCOL, 2: talk}, "MAXQDA 2022")
    result = import_qdpx(project, archive)
    assert result.documents == 2
    stored = stored_text(project)
    names = ("Wojciechowska", "Vossberg", "Henrik", "Irena", "Brzęczek", "Szymanowski")
    for name in (*names, "Hülsewede"):
        assert name not in stored, name
    segments = project.segments()
    documents = sorted(set(segments["document"]))
    assert documents[0].startswith("Nachgespräch [Person ")
    assert documents[1].startswith("Protokoll Wiesdorf – [Person ")
    protocol = segments[segments["document"].str.startswith("Protokoll")]
    attributes = protocol["attributes"].iloc[0]
    assert attributes["Moderation"].startswith("[Person ")
    assert attributes["Protokollant"].startswith("[Person ")
    # any role the table columns' rule knows, as there ("Bearbeitet von": another person)
    assert attributes["Bearbeitet von"].startswith("[Person ")
    assert protocol["workshop"].iloc[0] == documents[1]
    talk_sets = segments[segments["document"] == documents[0]]["attributes"].iloc[0]["Sets"]
    assert talk_sets[0].startswith("Gespräche [Person ")
    codes = project.codes().set_index("path")
    assert codes.at["Treffpunkte", "description"].startswith("siehe Gespräch mit [Person ")
    # The same person has one placeholder in the name, the variable and the text.
    moderator = attributes["Moderation"]
    assert documents[1] == f"Protokoll Wiesdorf – {moderator}"
    assert protocol["text"].iloc[2].startswith(moderator)


# QualCoder writes the time before the role: "[00:00:05] I: …"; noScribe after it.
STAMPED = (
    "[00:00:05] I: Wie lange wohnen Sie schon in Opladen?\n"
    "[00:00:09] B: Seit 1998. Damals gab es noch den Bäcker an der Ecke.\n"
    "[00:00:21] I: Und was fehlt Ihnen heute?\n"
    "[00:00:25] B: Ein Treffpunkt für Ältere am Markt.\n"
)
NOSCRIBE = (
    "I: [00:00:05] Wie lange wohnen Sie schon in Opladen?\n"
    "B: [00:00:09] Seit 1998. Damals gab es noch den Bäcker an der Ecke.\n"
    "I: [00:00:21] Und was fehlt Ihnen heute?\n"
    "B: [00:00:25] Ein Treffpunkt für Ältere am Markt.\n"
)


@pytest.mark.parametrize("text", [STAMPED, NOSCRIBE], ids=["qualcoder", "noscribe"])
def test_a_time_by_the_role_keeps_the_interviewers_lines_off_the_person(
    project: Project, tmp_path: Path, text: str
) -> None:
    """A person case of the whole interview claims only the interviewee's lines, and the
    time stamp and role label are no part of a statement's text."""
    body = (
        f"{VARIABLE_LIST}<Cases>"
        f'<Case guid="{_guid(201)}" name="Gülten Arslanoğlu">{_value(101, "41", "IntegerValue")}'
        f'<SourceRef targetGUID="{_guid(1)}"/></Case></Cases>'
        f"<Sources>{_source(1, 'Interview 3')}</Sources>"
    )
    archive = _archive(tmp_path / "qualcoder.qdpx", body, {1: text}, "QualCoder 3.7")
    import_qdpx(project, archive)
    segments = project.segments().sort_values("position")
    assert list(segments["speaker_role"].fillna("")) == ["I", "B", "I", "B"]
    assert list(segments["text"]) == [
        "Wie lange wohnen Sie schon in Opladen?",
        "Seit 1998. Damals gab es noch den Bäcker an der Ecke.",
        "Und was fehlt Ihnen heute?",
        "Ein Treffpunkt für Ältere am Markt.",
    ]
    speakers = [a.get("speaker") for a in segments["attributes"]]
    assert speakers[0] is None and speakers[2] is None
    assert speakers[1] == speakers[3] and speakers[1].startswith("[Person ")
