"""Two people with one surname are two persons: Anna Schmidt and Peter Schmidt in one
protocol, one table, one meeting. The key was the surname alone, so both (and every
"Frau Schmidt") got the same placeholder: counts merged two people, and a request to
erase Peter's statements (`forget --speaker`) erased Anna's too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select

from tests.conftest import stored_text
from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.store import Document, Pseudonym, Segment

PROTOCOL = """\
---
workshop: Werkstatt Spielplatz
---
# Werkstatt

Anna Schmidt: Der Spielplatz an der Ecke ist seit Monaten gesperrt.

Peter Schmidt: Die Busverbindung am Abend fehlt.

Frau Schmidt sagt, die Kita braucht mehr Plätze.
"""


def _texts(project: Project) -> list[str]:
    return list(project.segments()["text"])


def _speakers(project: Project) -> list[str | None]:
    return [a.get("speaker") for a in project.segments()["attributes"]]


def test_two_people_with_one_surname_in_a_protocol_are_two_persons(
    project: Project, tmp_path: Path
) -> None:
    assert _import(project, _file(tmp_path, "werkstatt.md", PROTOCOL)) == 0
    anna, peter, alone = (t.split(":")[0].split(" sagt")[0] for t in _texts(project))
    assert anna.startswith("[Person ") and peter.startswith("[Person ")
    assert anna != peter
    # "Frau Schmidt" while two Schmidts are known: the text does not say which
    assert alone.startswith("[Person ") and alone not in (anna, peter)
    assert "Schmidt" not in stored_text(project)


def test_a_surname_alone_is_the_one_person_of_it_the_project_knows(
    project: Project, tmp_path: Path
) -> None:
    text = PROTOCOL.replace("Peter Schmidt: ", "Peter Becker: ")
    assert _import(project, _file(tmp_path, "werkstatt.md", text)) == 0
    anna, _, alone = (t.split(":")[0].split(" sagt")[0] for t in _texts(project))
    assert alone == anna


def test_authors_written_surname_first_are_two_speakers(project: Project, tmp_path: Path) -> None:
    table = (
        "Autor,Beitrag\n"
        '"Schmidt, Anna",Der Spielplatz ist gesperrt.\n'
        '"Schmidt, Peter",Die Busverbindung fehlt.\n'
        '"Schmidt, Anna",Die Kita braucht mehr Plätze.\n'
    )
    assert _import(project, _file(tmp_path, "beitraege.csv", table)) == 0
    anna, peter, again = _speakers(project)
    assert anna != peter and again == anna


MEETING_VTT = """\
WEBVTT

00:00:01.000 --> 00:00:05.000
<v Anna Schmidt>Guten Abend, der Spielplatz ist gesperrt.</v>

00:00:06.000 --> 00:00:10.000
<v Peter Schmidt>Die Busverbindung fehlt, da hat Anna Schmidt recht.</v>

00:00:11.000 --> 00:00:15.000
<v Anna Schmidt>Danke Peter.</v>
"""


def test_forget_a_speaker_keeps_the_other_person_of_the_same_surname(
    project: Project, tmp_path: Path
) -> None:
    assert _import(project, _file(tmp_path, "treffen.vtt", MEETING_VTT)) == 0
    anna, peter, _ = _speakers(project)
    assert anna != peter
    assert _texts(project)[1] == f"Die Busverbindung fehlt, da hat {anna} recht."
    assert _texts(project)[2] == f"Danke {peter}."
    assert main(["--project", str(project.path), "forget", "--speaker", "Peter Schmidt"]) == 0
    assert _speakers(project) == [anna, anna]
    assert main(["--project", str(project.path), "forget", "--speaker", "Schmidt, Anna"]) == 0
    assert _speakers(project) == []


def test_a_family_named_with_two_members_is_neither_of_them() -> None:
    p = Pseudonymiser()
    text = "Familie Yılmaz war da. Ayşe und Mehmet Yılmaz wünschen sich Bänke."
    out, _ = p.pseudonymise(text)
    family, rest = out.split(" war da. ")
    ayse, mehmet = rest.removesuffix(" wünschen sich Bänke.").split(" und ")
    assert len({family, ayse, mehmet}) == 3
    assert p.pseudonymise("Ayse Yilmaz hat recht.")[0] == f"{ayse} hat recht."
    assert p.pseudonymise("Frau Yilmaz hat recht.")[0] == f"{family} hat recht."


def test_listed_people_of_one_surname_and_their_surname_alone() -> None:
    p = Pseudonymiser()
    names = ["Schmidt, Anna", "Schmidt, Peter"]
    alone = p.pseudonymise("Frau Schmidt sagt, die Kita ist voll.", names)[0].split(" sagt")[0]
    anna = p.pseudonymise("Anna Schmidt: ja.", names)[0].split(":")[0]
    peter = p.pseudonymise("Danke Peter!", names)[0].removeprefix("Danke ").rstrip("!")
    assert len({alone, anna, peter}) == 3
    # a workshop that lists only Anna Schmidt means her by "Frau Schmidt"
    assert p.pseudonymise("Frau Schmidt hat recht.", ["Anna Schmidt"])[0] == f"{anna} hat recht."


def test_a_key_stored_before_keeps_its_placeholders() -> None:
    """Projects imported with the surname as the only key: Anna Schmidt stays [Person 1]
    (nothing renumbered), a Peter Schmidt imported now is a new person."""
    p = Pseudonymiser(
        known={("person", "schmidt"): "[Person 1]"},
        originals={("person", "schmidt"): "Anna Schmidt"},
    )
    assert p.pseudonymise("Anna Schmidt sagt ja.")[0] == "[Person 1] sagt ja."
    assert p.pseudonymise("Frau Schmidt sagt ja.")[0] == "[Person 1] sagt ja."
    assert p.pseudonymise("Peter Schmidt sagt nein.")[0] == "[Person 2] sagt nein."
    assert p.pseudonymise("Herr Schmidt sagt nein.")[0] == "[Person 3] sagt nein."
    # met first without a first name: the first full name is that person, the next not
    q = Pseudonymiser(
        known={("person", "schmidt"): "[Person 1]"},
        originals={("person", "schmidt"): "Frau Schmidt"},
    )
    assert q.pseudonymise("Anna Schmidt sagt ja.")[0] == "[Person 1] sagt ja."
    assert q.pseudonymise("Peter Schmidt sagt nein.")[0] == "[Person 2] sagt nein."


def test_forget_a_speaker_named_only_in_a_protocol_says_where_the_person_is_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a protocol "Anna Schmidt: …" is text (the Markdown format gives speakers as
    "**Rolle:**"), so no statement has her as its speaker. The request said only "Keine
    Aussage der sprechenden Person Anna Schmidt" — as if the project held nothing of her,
    while her name stood in the key and her placeholder in a statement."""
    assert _import(project, _file(tmp_path, "werkstatt.md", PROTOCOL)) == 0
    capsys.readouterr()
    assert main(["--project", str(project.path), "forget", "--speaker", "Anna Schmidt"]) == 2
    err = capsys.readouterr().err
    anna = _texts(project)[0].split(":")[0]
    assert "Keine Aussage der sprechenden Person Anna Schmidt." in err
    first = int(project.segments()["segment_id"].iloc[0])
    assert f"kennt sie als {anna}" in err and f"in 1 Aussage(n): ID {first}." in err
    assert "--statement" in err and "Traceback" not in err
    assert len(_texts(project)) == 3  # nothing erased
    assert main(["--project", str(project.path), "forget", "--speaker", "Klaus Becker"]) == 2
    assert "Keine Aussage der sprechenden Person Klaus Becker.\n" in capsys.readouterr().err


ZOOM_CHAT = (
    "18:02:10 Von Anna Schmidt an Alle:\n\tHallo zusammen, der Spielplatz ist gesperrt\n"
    "18:03:30 Von Peter Schmidt an Alle:\n\tstimmt, anna hat recht. Frau Schmidt sagte das.\n"
    "18:04:12 Von Anna Schmidt an Alle:\n\tdanke peter, bis nächste Woche\n"
)


def test_a_first_name_in_a_chat_does_not_say_which_schmidt_is_meant(
    project: Project, tmp_path: Path
) -> None:
    """ "anna" is Anna Schmidt (the chat's display names say so), but it names no surname:
    the "Frau Schmidt" beside it is still one of two Schmidts, not Anna for sure."""
    assert _import(project, _file(tmp_path, "chat.txt", ZOOM_CHAT)) == 0
    anna, peter, _ = _speakers(project)
    said = _texts(project)[1]
    assert said.startswith(f"stimmt, {anna} hat recht. [Person ")
    alone = said.split(" hat recht. ")[1].removesuffix(" sagte das.")
    assert alone not in (anna, peter)
    assert _texts(project)[2] == f"danke {peter}, bis nächste Woche"


MERGED_BEFORE = """\
---
workshop: Werkstatt Manfort
district: Manfort
participants: Anna Schmidt, Peter Schmidt
---
## Was fehlt?

- **Anna Schmidt:** Es fehlt ein Treffpunkt für Jugendliche.
- **Peter Schmidt:** Die Busverbindung ist abends zu selten.
- Peter Schmidt bietet an, eine Nachbarschaftsgruppe zu organisieren.
- Die Spielplätze müssen saniert werden.
"""


def _as_an_earlier_version_stored_it(project: Project) -> str:
    """Give Peter Schmidt Anna's placeholder, as the key by surname alone did (checked
    with the code of 39bf8e9), and drop his own key entry; returns the shared one."""
    anna, peter = project.segments()["speaker_role"].tolist()[:2]
    with project.transaction() as session:
        for segment in session.scalars(select(Segment)):
            segment.text = segment.text.replace(peter, anna)  # as long: spans stay valid
            segment.speaker_role = (segment.speaker_role or "").replace(peter, anna) or None
        for document in session.scalars(select(Document)):
            document.text = document.text.replace(peter, anna)
        session.execute(delete(Pseudonym).where(Pseudonym.placeholder == peter))
    return anna


def test_forget_names_what_an_earlier_version_stored_under_another_schmidt(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project imported before two Schmidts were two persons holds Peter's statements
    under Anna's [Person 1]. `forget --speaker "Peter Schmidt"` said "Keine Aussage" (or,
    after a new import gave him a number, erased only the new statement) and was read as
    done; it now names the earlier statements to check."""
    assert _import(project, _file(tmp_path, "werkstatt.md", MERGED_BEFORE)) == 0
    shared = _as_an_earlier_version_stored_it(project)
    capsys.readouterr()
    forget = ["--project", str(project.path), "forget", "--speaker", "Peter Schmidt"]
    assert main(forget) == 2
    err = capsys.readouterr().err
    assert "Keine Aussage der sprechenden Person Peter Schmidt." in err
    assert f"auch {shared} sein" in err and "ID 1 2 3." in err and "Traceback" not in err
    later = MERGED_BEFORE.replace("Werkstatt Manfort", "Folgewerkstatt Manfort")
    later = later.replace("ist abends zu selten", "fährt jetzt öfter")
    assert _import(project, _file(tmp_path, "folge.md", later)) == 0
    assert main(forget) == 0
    out = capsys.readouterr().out
    assert "     1  Aussagen" in out  # his statement of the follow-up, under his own number
    assert f"auch {shared} sein" in out and "ID 1 2 3." in out
    assert len(_texts(project)) == 7  # the earlier ones are left to check, not erased


@pytest.mark.parametrize(
    ("owner", "named"),
    [
        ("Herrn Schmidts Idee war gut.", "Peter Schmidt kam später."),
        ("Frau Öztürks Laden ist zu.", "Ayşe Öztürk hat geöffnet."),
        ("Frau Kovačevićs Tochter war da.", "Herr Kovačević auch."),
        ("Anna Nowaks Vorschlag war gut.", "Anna Nowak kam später."),
    ],
)
def test_a_name_with_a_genitive_s_is_the_same_person(owner: str, named: str) -> None:
    """ "Frau Öztürks Laden" and "Ayşe Öztürk" are one person, not "Öztürks" and "Öztürk"."""
    pseudonymiser = Pseudonymiser()
    first, _ = pseudonymiser.pseudonymise(owner)
    second, _ = pseudonymiser.pseudonymise(named)
    assert first.startswith("[Person 1] ") and second.startswith("[Person 1] ")
    assert len(set(pseudonymiser.known.values())) == 1


def test_a_surname_first_met_with_a_genitive_s_is_not_taken_for_a_first_name() -> None:
    """ "Frau Schmidts Garten" does not make "Schmidts" the first name of the person: a
    listed Peter Schmidt is her, as he would be after "Frau Schmidt"."""
    pseudonymiser = Pseudonymiser()
    texts = ["Frau Schmidts Tochter kam auch.", "Herrn Schmidts Idee war gut."]
    out = [pseudonymiser.pseudonymise(t, ("Peter Schmidt",))[0] for t in texts]
    assert out == ["[Person 1] Tochter kam auch.", "[Person 1] Idee war gut."]


@pytest.mark.parametrize(
    ("addressed", "named"),
    [
        ("Frau Pfarrerin Schulte sprach zuerst.", "Anna Schulte sprach danach."),
        ("Herr Oberbürgermeister Richrath sprach.", "Uwe Richrath hörte zu."),
    ],
)
def test_a_role_after_a_form_of_address_is_no_first_name(addressed: str, named: str) -> None:
    """ "Frau Pfarrerin Schulte" recorded "Pfarrerin" as her first name: Anna Schulte, the
    same pastor named in full, became a second person."""
    pseudonymiser = Pseudonymiser()
    first, _ = pseudonymiser.pseudonymise(addressed)
    second, _ = pseudonymiser.pseudonymise(named)
    assert first.startswith("[Person 1] ") and second.startswith("[Person 1] ")


@pytest.mark.parametrize(
    ("opening", "named"),
    [
        ("De Vries meinte, es fehlt Licht.", "Jan de Vries kam später."),
        ("Di Lorenzo meinte, es fehlt Licht.", "Giovanni di Lorenzo kam später."),
    ],
)
def test_a_particle_opening_a_sentence_is_no_first_name(opening: str, named: str) -> None:
    """ "De Vries" at a sentence's start recorded "De" as the first name: Jan de Vries,
    named in full later, became a second person."""
    pseudonymiser = Pseudonymiser()
    first, _ = pseudonymiser.pseudonymise(opening)
    second, _ = pseudonymiser.pseudonymise(named)
    assert first.startswith("[Person 1] ") and second.startswith("[Person 1] ")
