"""A protocol's section of participants under a heading of its own ("Teilnehmende",
"Anwesende", at the top or the end) lists people: its lines go onto the name list and
are no statements. Before, "Okke Wübbenhorst (Jugendzentrum)" was stored as a statement
under the question "Teilnehmende", in clear, and the names were not on the list, so a
statement mentioning "Wübbenhorst" kept it too (DOCX, ODT, Markdown/text, PDF)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from workbench import Project
from workbench.ingest import parse_file

HEAD = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
PEOPLE = ["Okke Wübbenhorst (Jugendzentrum)", "Jonas Becker (Kita Regenbogen)"]
QUESTION = "Was fehlt im Quartier?"
STATEMENT = "Wübbenhorst schlägt einen Treffpunkt am Markt vor, Becker auch."


def _sections(heading: str, at_end: bool) -> list[tuple[str, list[str]]]:
    sections = [(QUESTION, [STATEMENT]), (heading, PEOPLE)]
    return sections if at_end else sections[::-1]


def _write(path: Path, heading: str, at_end: bool) -> Path:
    sections = _sections(heading, at_end)
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(HEAD[0], style="Title")
        for line in HEAD[1:]:
            document.add_paragraph(line)
        for title, lines in sections:
            document.add_paragraph(title, style="Heading 1")
            for line in lines:
                document.add_paragraph(line, style="List Bullet" if line in PEOPLE else None)
        document.save(path)
    elif path.suffix == ".md":
        body = [
            f"## {t}\n\n" + "\n".join(f"- {x}" if x in PEOPLE else x for x in ls)
            for t, ls in sections
        ]
        path.write_text(f"# {HEAD[0]}\n" + "\n".join(HEAD[1:]) + "\n\n" + "\n\n".join(body) + "\n")
    else:
        lines = HEAD + [x for t, ls in sections for x in ["", t, *ls]]
        path.write_bytes(pdf_bytes([lines]))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".md", ".pdf"])
@pytest.mark.parametrize("heading", ["Teilnehmende", "Anwesende:"])
@pytest.mark.parametrize("at_end", [False, True], ids=["oben", "am-ende"])
def test_a_section_of_participants_lists_names_no_statements(
    tmp_path: Path, suffix: str, heading: str, at_end: bool
) -> None:
    path = _write(tmp_path / f"protokoll{suffix}", heading, at_end)
    parsed = parse_file(path)
    assert [(s.question, s.text) for s in parsed.segments] == [(QUESTION, STATEMENT)]
    assert set(parsed.names) >= {"Okke Wübbenhorst", "Jonas Becker"}
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert "Wübbenhorst" not in stored
    assert "Becker" not in stored


REMARK = "Leider konnten viele Eltern nicht kommen, Wübbenhorst musste früher gehen."


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".md", ".pdf"])
def test_a_sentence_below_the_names_is_kept_as_a_statement_without_question(
    tmp_path: Path, suffix: str
) -> None:
    # the sentence after the names under "Teilnehmende" was dropped without a word (DOCX,
    # ODT, Markdown), and a name in it went onto the name list as if it were a person
    path = tmp_path / f"protokoll{suffix}"
    if suffix == ".odt":
        from odf.opendocument import OpenDocumentText
        from odf.text import H, P

        odt = OpenDocumentText()
        for line in HEAD:
            odt.text.addElement(P(text=line))
        for title, lines in [("Teilnehmende", [*PEOPLE, REMARK]), (QUESTION, [STATEMENT])]:
            odt.text.addElement(H(outlinelevel=1, text=title))
            for line in lines:
                odt.text.addElement(P(text=line))
        odt.save(str(path))
    elif suffix == ".md":
        people = "\n".join(f"- {name}" for name in PEOPLE)
        head = f"# {HEAD[0]}\n" + "\n".join(HEAD[1:])
        body = f"## Teilnehmende\n\n{people}\n\n{REMARK}\n\n## {QUESTION}\n\n{STATEMENT}\n"
        path.write_text(f"{head}\n\n{body}", encoding="utf-8")
    else:
        _write(path, "Teilnehmende", at_end=False)
        if suffix == ".docx":  # the remark after the names
            document = docx.Document(str(path))
            document.paragraphs[5].insert_paragraph_before(REMARK)
            document.save(path)
        else:
            lines = [*HEAD, "", "Teilnehmende", *PEOPLE, "", REMARK, "", QUESTION, STATEMENT]
            path.write_bytes(pdf_bytes([lines]))
    stored = _remark_and_statement_stored(path, tmp_path)
    assert "Wübbenhorst" not in stored
    assert "Eltern nicht kommen" in stored


def test_doctests() -> None:
    import doctest

    from workbench.ingest import people_section

    assert doctest.testmod(people_section).failed == 0


def test_a_remark_run_into_the_last_name_of_a_list_keeps_the_name_off_the_statement(
    tmp_path: Path,
) -> None:
    # Markdown runs a line after a list item into it (no blank line between): "Jonas Becker
    # Leider konnten …" was one statement, with the name in it and off the name list
    path = tmp_path / "protokoll.md"
    people = "\n".join(f"- {name}" for name in PEOPLE)
    head = f"# {HEAD[0]}\n" + "\n".join(HEAD[1:])
    body = f"## Teilnehmende\n\n{people}\n{REMARK}\n\n## {QUESTION}\n\n{STATEMENT}\n"
    path.write_text(f"{head}\n\n{body}", encoding="utf-8")
    stored = _remark_and_statement_stored(path, tmp_path)
    assert "Becker" not in stored


ATTENDANCE = "Xhemajl Berisha (Sportverein) und Bünyamin Çelik (Moscheeverein) waren anwesend."
# two words of no list before a verb: a first name and a surname no gazetteer knows
MINUTES = "Xhemajl Berisha hat das Protokoll geschrieben."


@pytest.mark.parametrize("attendance", [ATTENDANCE, MINUTES])
@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_a_sentence_naming_who_came_stays_names_not_a_statement_in_clear(
    tmp_path: Path, suffix: str, attendance: str
) -> None:
    # a sentence listing the participants ("… waren anwesend.") was taken for a remark about
    # the meeting: stored as a statement, with names the pseudonymiser does not know in clear
    path = tmp_path / f"protokoll{suffix}"
    said = "Ein Treffpunkt am Markt fehlt."
    if suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(HEAD[0], style="Title")
        for title, line in [("Teilnehmende", attendance), (QUESTION, said)]:
            document.add_paragraph(title, style="Heading 1")
            document.add_paragraph(line)
        document.save(path)
    else:
        path.write_text(
            f"# {HEAD[0]}\n\n## Teilnehmende\n\n{attendance}\n\n## {QUESTION}\n\n{said}\n",
            encoding="utf-8",
        )
    parsed = parse_file(path)
    assert [(s.question, s.text) for s in parsed.segments] == [(QUESTION, said)]
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert "Berisha" not in stored and "Çelik" not in stored
    assert "Treffpunkt am Markt" in stored


def _remark_and_statement_stored(path: Path, tmp_path: Path) -> str:
    """Parse the protocol (the remark without question, then the statement; both people on
    the name list), import it into a new project and return its stored text."""
    parsed = parse_file(path)
    assert [(s.question, s.text) for s in parsed.segments] == [
        (None, REMARK),
        (QUESTION, STATEMENT),
    ]
    assert set(parsed.names) == {"Okke Wübbenhorst", "Jonas Becker"}
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        return stored_text(project)


ATTENDED = "Anwesend waren Tamo Zabelberg und Mia Dornbusch vom Quartiersbüro sowie Okke Tjaden."
EXCUSED = "Entschuldigt waren Frau Kaya und Herr Zabelberg."
NAMED_LATER = "Zabelberg hat recht, Kaya und Tjaden fehlen heute, die Bänke auch."


@pytest.mark.parametrize("attendance", [ATTENDED, EXCUSED])
@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_everyone_a_sentence_among_the_names_names_goes_on_the_name_list(
    tmp_path: Path, suffix: str, attendance: str
) -> None:
    # the sentence was kept off the statements, but its names were not on the name list:
    # "Zabelberg hat recht" elsewhere in the protocol stayed in clear
    path = tmp_path / f"protokoll{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(HEAD[0], style="Title")
        for title, line in [(QUESTION, NAMED_LATER), ("Teilnehmende", attendance)]:
            document.add_paragraph(title, style="Heading 1")
            document.add_paragraph(line)
        document.save(path)
    else:
        body = f"## {QUESTION}\n\n{NAMED_LATER}\n\n## Teilnehmende\n\n{attendance}\n"
        path.write_text(f"# {HEAD[0]}\n\n{body}", encoding="utf-8")
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    names = (
        ("Zabelberg", "Tjaden", "Dornbusch") if attendance == ATTENDED else ("Zabelberg", "Kaya")
    )
    assert not [name for name in names if name in stored]
    assert "die Bänke auch" in stored


GROUPS = "Anwesend: Mitglieder des Runden Tisches und Mitarbeitende des Jugendamts."
GROUPS_LATER = "Mitglieder sagen, der Treffpunkt ist zu klein. Mitarbeitende haben wenig Zeit."


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_a_group_among_the_names_does_not_go_on_the_name_list(tmp_path: Path, suffix: str) -> None:
    # "Mitglieder" and "Mitarbeitende" went on the name list as persons: every
    # "Mitglieder sagen, …" elsewhere in the protocol became "[Person 1] sagen, …"
    path = tmp_path / f"protokoll{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(HEAD[0], style="Title")
        for title, line in [("Teilnehmende", GROUPS), (QUESTION, GROUPS_LATER)]:
            document.add_paragraph(title, style="Heading 1")
            document.add_paragraph(line)
        document.save(path)
    else:
        body = f"## Teilnehmende\n\n{GROUPS}\n\n## {QUESTION}\n\n{GROUPS_LATER}\n"
        path.write_text(f"# {HEAD[0]}\n\n{body}", encoding="utf-8")
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert "Mitglieder sagen, der Treffpunkt ist zu klein." in stored
    assert "Mitarbeitende haben wenig Zeit." in stored
