"""REFI-QDA files as other programs may write them within the standard (session 29 sweep).

Each file is built here, small: code categories, deep nesting, notes, odd positions. The
import must keep what the file says (or name what it leaves out); the export must stay
valid against the schema and open again.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree
from sqlalchemy import select

from tests.qdpx_data import Q, qde_root, refi_schema
from widgets.coding_model import code_buttons
from widgets.coding_panel import CodingPanel
from workbench import Project
from workbench.cli.main import main
from workbench.coding.codebook import read_codebook_yaml
from workbench.core.domain import InputError
from workbench.exchange.qdpx import export_qdpx, import_qdpx
from workbench.store import Code, Coding

NS = "urn:QDA-XML:project:1.0"
SOURCE = "C0000000-0000-4000-8000-000000000001"
ANA = "B0000000-0000-4000-8000-0000000000A1"
TEXT = "Wir brauchen mehr Bänke am Markt.\nDer Spielplatz ist zu klein.\n"
USERS = f'<Users><User guid="{ANA}" name="Ana"/></Users>'
DISTRICTS = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]  # as conftest


def _guid(n: int) -> str:
    return f"A0000000-0000-4000-8000-{n:012d}"


def _qde(codes: str, body: str = "", extra: str = "", origin: str = "MAXQDA 2022") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}" name="Beirat" '
        f'origin="{origin}">{USERS}<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>'
        f'<TextSource guid="{SOURCE}" name="Sitzung" plainTextPath="internal://{SOURCE}.txt">'
        f"{body}</TextSource></Sources>{extra}</Project>"
    )


def _coded(start: int, end: int, code: str, n: int = 1) -> str:
    return (
        f'<PlainTextSelection guid="{_guid(900 + n)}" startPosition="{start}" '
        f'endPosition="{end}" creatingUser="{ANA}"><Coding guid="{_guid(950 + n)}" '
        f'creatingUser="{ANA}"><CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def _qdpx(out: Path, qde: str, text: str = TEXT) -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"Sources/{SOURCE}.txt", text.encode("utf-8"))
    return out


def _codes_in(archive: Path) -> dict[str, str]:
    """``isCodable`` of each exported code by name; the file must be valid."""
    root = qde_root(archive)
    refi_schema().assertValid(etree.ElementTree(root))
    return {c.get("name"): c.get("isCodable") for c in root.iter(f"{Q}Code")}


CODE_A = f'<Code guid="{_guid(1)}" name="Bedarf" isCodable="true"/>'


# -- code categories ----------------------------------------------------------------------
CATEGORY = (
    f'<Code guid="{_guid(1)}" name="Bedarf" isCodable="false">'
    f'<Code guid="{_guid(2)}" name="Treffpunkte" isCodable="true"/></Code>'
    f'<Code guid="{_guid(3)}" name="Ressource" isCodable="0"/>'
)


def test_a_category_that_cannot_be_coded_stays_one_after_a_round_trip(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAXQDA/NVivo categories (isCodable="false") came back codable from the workbench."""
    archive = _qdpx(tmp_path / "x.qdpx", _qde(CATEGORY, _coded(4, 12, _guid(2))))
    import_qdpx(project, archive)
    assert {s.path: s.codable for s in project.codebook()} == {
        "Bedarf": False,
        "Bedarf/Treffpunkte": True,
        "Ressource": False,
    }
    main(["--project", str(project.path), "codebook", "list"])  # the team sees which
    assert capsys.readouterr().out.splitlines() == [
        "Bedarf  (Kategorie, nicht kodierbar)",
        "  Treffpunkte",
        "Ressource  (Kategorie, nicht kodierbar)",
    ]
    export_qdpx(project, tmp_path / "aus.qdpx")
    assert _codes_in(tmp_path / "aus.qdpx") == {
        "Bedarf": "false",
        "Treffpunkte": "true",
        "Ressource": "false",
    }
    # the codebook alone: .qdc and YAML keep it too, and read back the same
    for fmt in ("qdc", "yaml"):
        out = tmp_path / f"codebuch.{fmt}"
        project.export_codebook(out, fmt)
        again = Project.create(tmp_path / f"wieder-{fmt}")
        assert main(["--project", str(again.path), "codebook", "import", str(out)]) == 0
        assert again.codebook() == project.codebook()
        again.close()
    # a file that says nothing new (a parent named only by its subcode's path, a codebook
    # without the flag) does not make the category codable again
    project.import_codes(read_yaml_codebook(tmp_path, "codes:\n  - name: Bedarf\n"))
    assert {s.path: s.codable for s in project.codebook()}["Bedarf"] is False


def test_a_category_coded_here_is_exported_codable_with_a_notice(
    project: Project, tmp_path: Path
) -> None:
    """A category with codings (coded before a codebook made it one); exported as
    isCodable="false", QualCoder reads the code as a category (code_cat) and drops every
    coding on it."""
    import_qdpx(project, _qdpx(tmp_path / "x.qdpx", _qde(CATEGORY, _coded(4, 12, _guid(2)))))
    segment = int(project.segments()["segment_id"].iloc[0])
    with project.transaction() as s:  # coded while it was a code, before it became a category
        code = s.scalar(select(Code.id).where(Code.path == "Bedarf"))
        s.add(Coding(segment_id=segment, code_id=code, coder="Ana", start=0, end=5))
    result = export_qdpx(project, tmp_path / "aus.qdpx", qualcoder=True)
    assert _codes_in(tmp_path / "aus.qdpx") == {
        "Bedarf": "true",
        "Treffpunkte": "true",
        "Ressource": "false",
    }
    assert "1 Kategorie mit Kodierungen als kodierbarer Code exportiert" in result.notices[0]
    assert "Bedarf" in result.notices[0]
    # the project itself still holds it as a category; the codebook alone says so
    assert {s.path: s.codable for s in project.codebook()}["Bedarf"] is False


def test_a_category_cannot_be_coded_nor_is_it_offered_as_a_button(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`code`, the notebook API and the coding panel let anyone code a category
    (isCodable="false" from MAXQDA, NVivo, ATLAS.ti), which only groups codes there."""
    import_qdpx(project, _qdpx(tmp_path / "x.qdpx", _qde(CATEGORY, _coded(4, 12, _guid(2)))))
    segment = str(int(project.segments()["segment_id"].iloc[0]))
    before = len(project.codings())
    command = ["--project", str(project.path), "code", segment, "Bedarf", "--coder", "Ana"]
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "'Bedarf' ist eine Kategorie und nicht kodierbar" in err
    assert "Bitte einen Untercode wählen: Treffpunkte." in err and "Traceback" not in err
    with pytest.raises(InputError, match="noch keine Untercodes: workbench codebook add"):
        project.code_segment(int(segment), "Ressource", "Ana")
    assert len(project.codings()) == before
    # the panel: no button for either; "Bedarf" stays the name of its group
    buttons = code_buttons(project.codes())
    assert [(b.path, b.group) for b in buttons] == [("Bedarf/Treffpunkte", "Bedarf")]
    assert list(CodingPanel(project, coder="Ana").code_buttons) == ["Bedarf/Treffpunkte"]


def read_yaml_codebook(folder: Path, text: str) -> list:
    """The specs of a codebook YAML written from ``text``."""
    path = folder / "teil.yaml"
    path.write_text(text, encoding="utf-8")
    return read_codebook_yaml(path)


# -- users ------------------------------------------------------------------------------
BEN = "B0000000-0000-4000-8000-0000000000B2"


def test_two_users_of_one_name_are_named_when_read_as_one_coder(
    project: Project, tmp_path: Path
) -> None:
    """Two <User>s called "Anna" (two people, or one on two computers) both coded the same
    passage: the import kept one coding for "Anna" and said nothing — a second coder's
    work and an agreement case gone without a word."""
    users = f'<Users><User guid="{ANA}" name="Anna"/><User guid="{BEN}" name="Anna"/></Users>'
    code = CODE_A
    both = _coded(4, 12, _guid(1)) + _coded(4, 12, _guid(1), n=2).replace(ANA, BEN)
    qde = _qde(code, both).replace(USERS, users)
    result = import_qdpx(project, _qdpx(tmp_path / "x.qdpx", qde))
    assert project.codings()["coder"].tolist() == ["Anna"]
    (notice,) = [n for n in result.notices if "mit gleichem Namen" in n]
    assert f"„Anna“ ({ANA}, {BEN})" in notice and "neu exportieren" in notice
    # one user, or two of different names: nothing to say
    other = Project.create(tmp_path / "anderes")
    alone = import_qdpx(other, _qdpx(tmp_path / "y.qdpx", _qde(code, _coded(4, 12, _guid(1)))))
    assert not any("mit gleichem Namen" in n for n in alone.notices)
    other.close()


# -- source files -----------------------------------------------------------------------
@pytest.mark.parametrize("member_form", ["NFD", "NFC"])
def test_a_source_named_with_accents_is_found_in_either_unicode_form(
    member_form: str, project: Project, tmp_path: Path
) -> None:
    """A .qdpx zipped on a Mac names "Mabêl Überblick.txt" decomposed ("e" + U+0302), the
    project file composed (or the other way round): 'Der Text einer Textquelle fehlt,
    nichts wurde importiert'."""
    name = "Mabêl Überblick.txt"
    path_form = "NFC" if member_form == "NFD" else "NFD"
    qde = _qde(CODE_A, _coded(4, 12, _guid(1))).replace(
        f"internal://{SOURCE}.txt", f"internal://{unicodedata.normalize(path_form, name)}"
    )
    archive = tmp_path / "x.qdpx"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("project.qde", qde.encode("utf-8"))
        out.writestr(f"sources/{unicodedata.normalize(member_form, name)}", TEXT.encode("utf-8"))
    assert import_qdpx(project, archive).documents == 1
    assert project.quotes()["quote"].tolist() == ["brauchen"]


# -- long code names ----------------------------------------------------------------------
@pytest.mark.backends
def test_a_code_name_too_long_for_the_database_stops_clearly_on_both_backends(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """NVivo allows node names of 256 characters; the workbench stores 200. On PostgreSQL
    the import stopped with a traceback (StringDataRightTruncation), on SQLite it went
    through: now both say which code and stop with exit code 2, writing nothing."""
    long = "Zugang zu Beratung " * 12  # 227 characters once stripped
    code = f'<Code guid="{_guid(1)}" name="{long}" isCodable="true"/>'
    archive = _qdpx(tmp_path / "x.qdpx", _qde(code, _coded(4, 12, _guid(1))))
    assert main(["--project", str(project.path), "import", str(archive)]) == 2
    err = capsys.readouterr().err
    assert "Codename 'Zugang zu Beratung Zugang zu B…' ist zu lang: 227 Zeichen" in err
    assert "x.qdpx" in err and "Traceback" not in err
    assert project.codebook() == [] and project.segments().empty
    # the same for a codebook and for a code added by hand
    path = tmp_path / "codebuch.yaml"
    path.write_text(f"codes:\n  - name: Bedarf\n    children:\n      - name: {long}\n")
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 2
    assert "unter 'Bedarf' ist zu lang" in capsys.readouterr().err
    assert main(["--project", str(project.path), "codebook", "add", long]) == 2
    assert "ist zu lang" in capsys.readouterr().err
    assert project.codebook() == []


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize("empty", ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00"])
def test_the_empty_dotnet_date_imports_and_exports_valid(
    empty: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.NET writes a missing time as DateTime.MinValue. With "Z" it was stored and exported
    as "1-01-01T00:00:00Z" (invalid xsd:dateTime: MAXQDA and QualCoder's validator refuse
    the file); with an offset the import stopped with an OverflowError traceback."""
    selection = _coded(4, 12, _guid(1)).replace(
        f'creatingUser="{ANA}">', f'creatingUser="{ANA}" creationDateTime="{empty}">'
    )
    archive = _qdpx(tmp_path / "x.qdpx", _qde(CODE_A, selection))
    assert main(["--project", str(project.path), "import", str(archive)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert project.quotes()["quote"].tolist() == ["brauchen"]
    export_qdpx(project, tmp_path / "aus.qdpx")
    _codes_in(tmp_path / "aus.qdpx")  # valid against the schema
    again = Project.create(tmp_path / "neu", districts=DISTRICTS)
    assert import_qdpx(again, tmp_path / "aus.qdpx").codings == 1
    again.close()


def test_an_unreadable_time_is_named_not_silently_replaced(
    project: Project, tmp_path: Path
) -> None:
    """A time that is no xsd:dateTime ("05.03.2024 10:11", as a converter wrote it) became
    the import's time without a word: the coding looked new, and what a re-import names as
    removed elsewhere depends on when codings were made."""
    selection = _coded(4, 12, _guid(1)).replace(
        f'creatingUser="{ANA}">', f'creatingUser="{ANA}" creationDateTime="05.03.2024 10:11">'
    )
    result = import_qdpx(project, _qdpx(tmp_path / "x.qdpx", _qde(CODE_A, selection)))
    (notice,) = [n for n in result.notices if "Zeitangaben nicht lesbar" in n]
    assert "„05.03.2024 10:11“" in notice and "Zeitpunkt des Imports" in notice
    assert project.quotes()["quote"].tolist() == ["brauchen"]


# -- the project's own description ---------------------------------------------------------
def test_the_project_description_of_another_program_becomes_a_project_memo(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """<Project><Description> (MAXQDA's and NVivo's project description, QualCoder's project
    memo) was read nowhere: the team's text about the study was gone without a word."""
    about = "<Description>Studie 2021: Fragen an die Quartiere</Description>"
    qde = _qde(CODE_A, _coded(4, 12, _guid(1)), about).replace(
        'origin="MAXQDA 2022">', 'origin="MAXQDA 2022" creationDateTime="2021-03-01T09:00:00Z">'
    )
    archive = _qdpx(tmp_path / "x.qdpx", qde)
    import_qdpx(project, archive)
    memos = project.memos()[["target_type", "author", "text"]].to_numpy().tolist()
    assert memos == [
        ["project", "Ana", "Projektbeschreibung\n\nStudie 2021: Fragen an die Quartiere"]
    ]
    import_qdpx(project, archive)  # the same file again adds nothing
    assert len(project.memos()) == 1
    # our own export's description is ours, not a memo: the round trip adds none
    export_qdpx(project, tmp_path / "aus.qdpx")
    again = Project.create(tmp_path / "neu", districts=DISTRICTS)
    import_qdpx(again, tmp_path / "aus.qdpx")
    assert again.memos()["text"].tolist() == project.memos()["text"].tolist()
    # no one named who wrote it: a notice, and with --coder a memo
    nobody = _qdpx(tmp_path / "y.qdpx", _qde(CODE_A, "", about).replace(USERS, ""))
    third = Project.create(tmp_path / "dritt")
    assert main(["--project", str(third.path), "import", str(nobody)]) == 0
    assert "Projektbeschreibung der Datei (36 Zeichen) nicht übernommen" in (
        capsys.readouterr().out
    )
    assert third.memos().empty
    assert main(["--project", str(third.path), "import", str(nobody), "--coder", "Lea"]) == 0
    assert third.memos()[["author", "target_type"]].to_numpy().tolist() == [["Lea", "project"]]
    for p in (again, third):
        p.close()


@pytest.mark.backends
def test_renaming_or_moving_a_code_past_the_length_stops_clearly_on_both_backends(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renaming a code to 227 characters, or moving a subtree so that a path grows past
    500, stopped PostgreSQL with a database traceback and went through on SQLite."""
    base = ["--project", str(project.path), "codebook"]
    project.add_code("A" * 150)
    project.add_code("A" * 150 + "/" + "B" * 150)
    project.add_code("C" * 150)
    project.add_code("C" * 150 + "/" + "D" * 150)
    before = project.codebook()
    assert main([*base, "rename", "C" * 150, "Zugang zu Beratung " * 12]) == 2
    assert "ist zu lang: 227 Zeichen" in capsys.readouterr().err
    # A/B/C/D would be 150 * 4 + 3 = 603 characters
    assert main([*base, "move", "C" * 150, "--under", "A" * 150 + "/" + "B" * 150]) == 2
    err = capsys.readouterr().err
    assert "Codepfad" in err and "603 Zeichen" in err and "Traceback" not in err
    assert project.codebook() == before


# -- notes on cases -----------------------------------------------------------------------
def test_a_note_on_a_case_says_which_case_it_is_about(project: Project, tmp_path: Path) -> None:
    """NVivo and ATLAS.ti link a memo to a case (<Link> from the note to the <Case>): it
    became a project memo that did not say which case (Sozialraum or person) it was on."""
    cases = (
        f'<Case guid="{_guid(300)}" name="Manfort"><SourceRef targetGUID="{SOURCE}"/></Case>'
        f'<Case guid="{_guid(310)}" name="Anna Schmidt"><SelectionRef targetGUID="{_guid(901)}"/>'
        "</Case>"
    )
    notes, links = "", ""
    for n, (case, text) in enumerate([(300, "Viele Familien."), (310, "Spricht für den Verein.")]):
        notes += (
            f'<Note guid="{_guid(320 + n)}" name="Fallmemo" creatingUser="{ANA}">'
            f"<PlainTextContent>{text}</PlainTextContent></Note>"
        )
        ends = f'originGUID="{_guid(320 + n)}" targetGUID="{_guid(case)}"'
        links += f'<Link guid="{_guid(330 + n)}" {ends}/>'
    extra = f"<Cases>{cases}</Cases><Notes>{notes}</Notes><Links>{links}</Links>"
    archive = _qdpx(tmp_path / "x.qdpx", _qde(CODE_A, _coded(4, 12, _guid(1)), extra))
    import_qdpx(project, archive)
    memos = sorted(project.memos()["text"])
    assert project.memos()["target_type"].tolist() == ["project"] * 2
    assert memos == [
        "Zu Fall „Manfort“: Fallmemo\n\nViele Familien.",
        "Zu Fall „[Person 1]“: Fallmemo\n\nSpricht für den Verein.",
    ]


def test_a_note_linked_to_a_code_is_that_codes_memo(project: Project, tmp_path: Path) -> None:
    """ATLAS.ti links a memo to a code with a <Link> (memo → code; the other way round
    too): it became a project memo that no longer said which code it explained."""
    codes = CODE_A + f'<Code guid="{_guid(2)}" name="Mobilität" isCodable="true"/>'
    notes = "".join(
        f'<Note guid="{_guid(340 + n)}" name="Definition" creatingUser="{ANA}">'
        f"<PlainTextContent>{text}</PlainTextContent></Note>"
        for n, text in enumerate(["Was im Quartier fehlt.", "Bus, Bahn, Rad."])
    )
    links = (
        f'<Link guid="{_guid(350)}" originGUID="{_guid(340)}" targetGUID="{_guid(1)}"/>'
        f'<Link guid="{_guid(351)}" originGUID="{_guid(2)}" targetGUID="{_guid(341)}"/>'
    )
    extra = f"<Notes>{notes}</Notes><Links>{links}</Links>"
    import_qdpx(project, _qdpx(tmp_path / "x.qdpx", _qde(codes, _coded(4, 12, _guid(1)), extra)))
    memos = project.memos().sort_values("text")
    assert memos["target_type"].tolist() == ["code", "code"]
    paths = dict(zip(project.codes()["code_id"], project.codes()["path"], strict=True))
    assert [paths[i] for i in memos["target_id"]] == ["Mobilität", "Bedarf"]
    assert memos["text"].tolist() == [
        "Definition\n\nBus, Bahn, Rad.",
        "Definition\n\nWas im Quartier fehlt.",
    ]


# -- an interviewee named by a document variable -------------------------------------------
def test_an_interviewee_variable_does_not_speak_the_interviewers_questions(
    project: Project, tmp_path: Path
) -> None:
    """MAXQDA's document variable "Interviewpartnerin: Petra Schneider" made her pseudonym
    the speaker of every line, the interviewer's questions ("I: …") included."""
    text = "I: Was fehlt im Quartier?\nB: Ein Treffpunkt für Jugendliche.\nI: Und sonst?\n"
    variable = f'<Variable guid="{_guid(360)}" name="Interviewpartnerin" typeOfVariable="Text"/>'
    value = (
        f'<VariableValue><VariableRef targetGUID="{_guid(360)}"/>'
        "<TextValue>Petra Schneider</TextValue></VariableValue>"
    )
    qde = _qde(CODE_A, _coded(29, 60, _guid(1)) + value)
    qde = qde.replace("<Sources>", f"<Variables>{variable}</Variables><Sources>")
    import_qdpx(project, _qdpx(tmp_path / "x.qdpx", qde, text))
    segments = project.segments()
    assert segments["speaker_role"].tolist() == ["I", "B", "I"]
    speakers = segments["speaker"].tolist()
    assert speakers[0] is pd.NA and speakers[2] is pd.NA
    assert speakers[1].startswith("[Person ")
    assert "Schneider" not in repr(segments.to_dict())
