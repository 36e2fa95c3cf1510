"""Decomposed labels from macOS ("ü" as "u" + U+0308, NFD): a Sozialraum, workshop, guiding
question, speaker role or code written so is the one written composed. The texts stay as
written (REFI-QDA positions count in them)."""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import import_qdpx
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.review import review_queue
from workbench.ingest.table import TableMapping
from workbench.store import Code, Coding, Segment, Workshop

PROTOCOL = """---
workshop: Quartiersworkshop Steinbüchel
district: Steinbüchel
date: 2021-03-25
---

# Protokoll

## Herausforderungen und Bedürfnisse

- **Quartiersbüro:** Die Grünflächen sind ungepflegt, sie müssen gepflegt werden.
- Öffentliche Toiletten fehlen, Öffnungszeiten der Bücherei sind zu kurz.
"""

ROW = "Quartiersworkshop Steinbüchel;Steinbüchel;Herausforderungen und Bedürfnisse"
CARDS = f"""Karten-ID;Workshop;Sozialraum;Leitfrage;Rolle;Text;Codes
K1;{ROW};Quartiersbüro;Bänke fehlen;Bedarf/Grünflächen
K2;{ROW};;Mehr Grün;Bedarf/Grünflächen
"""


def nfd(text: str) -> str:
    """As macOS writes it."""
    return unicodedata.normalize("NFD", text)


def write(path: Path, text: str) -> Path:
    """``text`` saved at ``path`` (UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_decomposed_district_is_the_declared_one(tmp_path: Path) -> None:
    """Before, "Steinbüchel" from a Mac was an unknown Sozialraum ("Unbekannte
    Sozialräume: Steinbüchel (gemeint: Steinbüchel?)"), in a header and in a cell."""
    protocol = write(tmp_path / "mac" / "protokoll.md", nfd(PROTOCOL))
    cards = write(tmp_path / "mac" / "karten.csv", nfd(CARDS).replace("Codes", "Farbe"))
    with Project.create(tmp_path / "p", districts=["Manfort", "Steinbüchel"]) as project:
        results = project.import_files([protocol, cards])
        assert [r.segments for r in results] == [2, 2]
        assert set(project.segments()["district"]) == {"Steinbüchel"}
        assert sorted(project.districts()["district"]) == ["Gesamtstadt", "Manfort", "Steinbüchel"]


def test_added_districts_are_stored_composed(tmp_path: Path) -> None:
    """``--add-districts`` with a name from a Mac declares it composed: typed on the
    command line later, it is found."""
    cards = write(tmp_path / "karten.csv", nfd(CARDS.replace("Steinbüchel", "Bürrig")))
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        mapping = TableMapping(text_column="Text", district_column="Sozialraum")
        project.import_files([cards], mapping=mapping, add_districts=True)
        assert "Bürrig" in set(project.districts()["district"])


def test_labels_from_a_mac_join_those_from_windows(tmp_path: Path) -> None:
    """The same workshop, guiding question, role and code in a file from a Mac and one
    from Windows: before, each was stored twice (two workshops "Quartiersworkshop
    Steinbüchel", two questions in every table by question, a second code)."""
    composed = write(tmp_path / "win" / "karten.csv", CARDS)
    decomposed = write(tmp_path / "mac" / "protokoll.md", nfd(PROTOCOL))
    more = write(
        tmp_path / "mac" / "karten_2.csv", nfd(CARDS.replace(";K", ";M").replace("\nK", "\nM"))
    )
    mapping = TableMapping(
        text_column="Text",
        id_column="Karten-ID",
        district_column="Sozialraum",
        workshop_column="Workshop",
        question_column="Leitfrage",
        role_column="Rolle",
        code_column="Codes",
        coder="MAXQDA-A",
    )
    with Project.create(tmp_path / "p", districts=["Steinbüchel"]) as project:
        project.import_files([composed], mapping=mapping)
        project.import_files([decomposed])
        project.import_files([more], mapping=mapping)
        segments = project.segments()
        assert len(segments) == 6
        assert set(segments["question"]) == {"Herausforderungen und Bedürfnisse"}
        assert set(segments["speaker_role"].dropna()) == {"Quartiersbüro"}
        with project.session() as session:
            workshops = session.scalars(select(Workshop.name)).all()
            codes = session.scalars(select(Code.path)).all()
        assert workshops == ["Quartiersworkshop Steinbüchel"]
        assert sorted(codes) == ["Bedarf", "Bedarf/Grünflächen"]
        # the texts stay as the files wrote them
        assert nfd("Öffentliche Toiletten fehlen") in " ".join(segments["text"])


def test_the_same_protocol_saved_on_a_mac_is_left_out(tmp_path: Path) -> None:
    """The protocol as the team had it and as a colleague's Mac saved it again: before,
    every word with an umlaut differed ("Bänke" counted as "nke"), so the copy was
    imported and every statement counted twice."""
    text = "\n".join(
        f"- Die Grünflächen am Spielplatz {n} müssen gepflegt werden, Bänke fehlen dort."
        for n in range(1, 8)
    )
    protocol = PROTOCOL + text + "\n"
    first = write(tmp_path / "win" / "protokoll.md", protocol)
    again = write(tmp_path / "mac" / "protokoll_neu.md", nfd(protocol))
    with Project.create(tmp_path / "p", districts=["Steinbüchel"]) as project:
        project.import_files([first])
        (result,) = project.import_files([again])
        assert result.status == "doppelt"
        assert "'protokoll.md' (schon im Projekt)" in result.notices[0]
        assert len(project.segments()) == 9


def test_a_file_name_from_a_mac_names_its_district(tmp_path: Path) -> None:
    """macOS stores file names decomposed: "Protokoll_Steinbüchel.md" without a
    Sozialraum inside went to Gesamtstadt, as the name's words split at the mark."""
    text = PROTOCOL.replace("district: Steinbüchel\n", "")
    path = write(tmp_path / nfd("Protokoll_Steinbüchel.md"), text)
    with Project.create(tmp_path / "p", districts=["Manfort", "Steinbüchel"]) as project:
        (result,) = project.import_files([path])
        assert "Sozialraum Steinbüchel: aus dem Dateinamen erkannt" in result.notices[0]
        assert set(project.segments()["district"]) == {"Steinbüchel"}


def test_a_district_pasted_from_a_mac_is_declared_once(tmp_path: Path) -> None:
    """``init --districts`` with a name copied from a Mac's file name, then ``districts
    --add Steinbüchel`` typed: before, the project listed Steinbüchel twice."""
    with Project.create(tmp_path / "p", districts=["Manfort", nfd("Steinbüchel")]) as project:
        project.add_districts(["Steinbüchel", nfd("Manfort "), "Bürrig"])
        names = list(project.districts()["district"])
    assert sorted(names) == ["Bürrig", "Gesamtstadt", "Manfort", "Steinbüchel"]


CODEBOOK = """codes:
  - name: Begründung
    description: Warum etwas so ist, wie es ist.
  - name: Themen
    codes:
      - name: Mobilität
        example: Der Bus fährt zu selten.
"""


def test_a_codebook_from_a_mac_is_the_project_codebook(tmp_path: Path) -> None:
    """The team's codebook saved again on a Mac: before, 'Begründung' and 'Mobilität'
    came in a second time and the other codes' texts counted as changed."""
    ours = write(tmp_path / "codebuch.yaml", CODEBOOK)
    theirs = write(tmp_path / "mac" / "codebuch.yaml", nfd(CODEBOOK))
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        assert project.import_codebook(ours) == 3
        notices: list[str] = []
        project.import_codebook(theirs, notices)
        with project.session() as session:
            paths = sorted(session.scalars(select(Code.path)))
    assert paths == ["Begründung", "Themen", "Themen/Mobilität"]
    assert not notices


def test_codes_of_an_atlasti_file_from_a_mac_are_the_project_codes(tmp_path: Path) -> None:
    """An ATLAS.ti project from macOS names its code 'Mobilität' decomposed: its codings
    belong on the project's code of that name, not on a second code that looks the same."""
    code = "A0000000-0000-4000-8000-0000000000C1"
    user = "B0000000-0000-4000-8000-0000000000A1"
    text = nfd("Der Bus fährt zu selten, die Mobilität im Quartier leidet.")
    qde = (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        'name="Studie" origin="ATLAS.ti 9.1.3 (macOS)">'
        f'<Users><User guid="{user}" name="kim"/></Users><CodeBook><Codes>'
        f'<Code guid="{code}" name="{nfd("Mobilität")}" isCodable="true"/></Codes></CodeBook>'
        '<Sources><TextSource guid="C0000000-0000-4000-8000-000000000001" name="Manfort" '
        'plainTextPath="internal://C1.txt"><PlainTextSelection '
        f'guid="D0000000-0000-4000-8000-000000000001" startPosition="0" '
        f'endPosition="{len(text)}"><Coding guid="D0000000-0000-4000-8000-000000000011" '
        f'creatingUser="{user}"><CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources></Project>"
    )
    out = tmp_path / "atlas.qdpx"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/C1.txt", text)
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        project.import_codebook(write(tmp_path / "codebuch.yaml", "codes:\n  - name: Mobilität\n"))
        import_qdpx(project, out)
        with project.session() as session:
            paths = sorted(session.scalars(select(Code.path)))
            coded = session.scalars(select(Code.path).join(Coding)).all()
    assert paths == ["Mobilität"]
    assert coded == ["Mobilität"]


def test_name_candidates_of_a_mac_file_show_their_context(tmp_path: Path) -> None:
    """``workbench pseudonyms review`` cut the context of a candidate in a text from a
    Mac at the composed positions: "erza hlt s ⟨agt Bä⟩" instead of the word."""
    cards = "ID;Sozialraum;Text\nK1;Manfort;Das hat uns Frau Gülüşan erzählt, sagt Bärbach.\n"
    path = write(tmp_path / "karten.csv", nfd(cards))
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        project.import_files([path])
        (item,) = review_queue(project)
    assert (item.word, item.context) == ("Bärbach", "… erzählt sagt ⟨Bärbach⟩")


def test_candidates_lie_in_the_text_as_written() -> None:
    """Candidate offsets count in the text given, also in a text from a Mac."""
    text = nfd("Das hat uns Frau Gülüşan erzählt, sagt Bärbach.")
    pseudonymiser = Pseudonymiser()
    pseudonymiser.detect(text)
    (candidate,) = pseudonymiser.candidates
    assert text[candidate.start : candidate.end] == nfd("Bärbach")


def test_forget_finds_a_document_named_on_a_mac(tmp_path: Path) -> None:
    """``forget --source K1 --document Karten_Bürgerhaus.csv`` typed: the file came from
    a Mac, its stored name decomposed; before: "Keine Aussage mit der Quellen-ID K1"."""
    cards = CARDS.replace("Codes", "Farbe")
    path = write(tmp_path / nfd("Karten_Bürgerhaus.csv"), cards)
    with Project.create(tmp_path / "p", districts=["Steinbüchel"]) as project:
        project.import_files([path])
        before = len(project.segments())
    args = ["--project", str(tmp_path / "p"), "forget", "--source", "K1"]
    assert main([*args, "--document", "Karten_Bürgerhaus.csv", "--by", "test"]) == 0
    with Project.open(tmp_path / "p") as project:
        assert len(project.segments()) == before - 1


def test_labels_stored_decomposed_before_are_joined(tmp_path: Path) -> None:
    """A project that stored a workshop and a code from a Mac decomposed (before labels
    were composed): more files of that workshop join it, codes join theirs."""
    mapping = TableMapping(text_column="Text", workshop_column="Workshop", code_column="Codes")
    mapping = replace(mapping, district_column="Sozialraum", coder="MAXQDA-A")
    first = write(tmp_path / "a.csv", CARDS)
    more = write(tmp_path / "b.csv", nfd(CARDS.replace("Bänke fehlen", "Licht fehlt")))
    with Project.create(tmp_path / "p", districts=["Steinbüchel"]) as project:
        project.import_files([first], mapping=mapping)
        with project.transaction() as session:  # as an older version stored them
            for row in session.scalars(select(Workshop)):
                row.name = nfd(row.name)
            for row in session.scalars(select(Code)):
                row.path, row.name = nfd(row.path), nfd(row.name)
        project.import_files([more], mapping=mapping)
        with project.session() as session:
            assert len(session.scalars(select(Workshop)).all()) == 1
            assert len(session.scalars(select(Code)).all()) == 2
        assert len(project.segments()) == 4


def test_questions_stored_decomposed_before_are_joined(tmp_path: Path) -> None:
    """A project that stored a guiding question and a role from a Mac decomposed: the next
    file with them (from a Mac or not) adds to them instead of a twin beside them."""
    mapping = TableMapping(text_column="Text", question_column="Leitfrage", role_column="Rolle")
    first = write(tmp_path / "a.csv", CARDS)
    more = write(tmp_path / "b.csv", CARDS.replace("Bänke fehlen", "Licht fehlt"))
    with Project.create(tmp_path / "p", districts=["Steinbüchel"]) as project:
        project.import_files([first], mapping=mapping)
        with project.transaction() as session:  # as an older version stored them
            for row in session.scalars(select(Segment)):
                row.question = nfd(row.question)
                row.speaker_role = row.speaker_role and nfd(row.speaker_role)
        project.import_files([more], mapping=mapping)
        segments = project.segments()
    assert set(segments["question"]) == {nfd("Herausforderungen und Bedürfnisse")}
    assert set(segments["speaker_role"].dropna()) == {nfd("Quartiersbüro")}
