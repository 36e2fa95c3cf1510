"""A name the key learns later in an import ("Herr Jens Becker", "Frau Schmidt") is
replaced where it stood alone before, in the same text and in the earlier statements,
attributes and titles of the same file, and is listed for review there."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.review import review_queue
from workbench.store import Document


def test_the_sentence_before_the_full_name_in_the_same_text() -> None:
    p = Pseudonymiser()
    text, replacements = p.pseudonymise("Becker hat recht. Herr Jens Becker kommt.")
    assert text == "[Person 1] hat recht. [Person 1] kommt."
    assert [r.original for r in replacements] == ["Becker", "Herr Jens Becker"]
    assert len(p.known) == 1
    # a surname of no name list: replaced and shown for review (person_keys.NamedSurnames)
    text, _ = p.pseudonymise("Kleinhempel hat recht. Herr Thomas Kleinhempel kommt.")
    assert text == "[Person 2] hat recht. [Person 2] kommt."
    assert [(c.word, c.replaced) for c in p.candidates] == [("Kleinhempel", True)]


def test_a_text_that_learns_nothing_new_reads_as_before() -> None:
    p = Pseudonymiser()
    assert p.pseudonymise("Der Park ist dreckig. Herr Jens Becker kommt.")[0] == (
        "Der Park ist dreckig. [Person 1] kommt."
    )
    assert p.pseudonymise("Der Becker kommt.")[0] == "Der Becker kommt."  # an article


def _csv(path: Path, **columns: list[str]) -> Path:
    pd.DataFrame(columns).to_csv(path, index=False)
    return path


def test_a_csv_row_before_the_one_with_the_form_of_address(
    project: Project, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "umfrage.csv",
        Text=[
            "Schmidt hat recht der Park ist dreckig.",
            "Die Bücherei hilft.",
            "Frau Schmidt sagt es fehlt ein Treff.",
        ],
    )
    base = ["--project", str(project.path), "import", "--text-column", "Text"]
    assert main([*base, "--district", "Manfort", str(path)]) == 0
    texts = project.segments()["text"].tolist()
    assert texts == [
        "[Person 1] hat recht der Park ist dreckig.",
        "Die Bücherei hilft.",
        "[Person 1] sagt es fehlt ein Treff.",
    ]
    with project.session() as session:
        [document] = session.query(Document).all()
        assert "Schmidt" not in document.text


def test_a_markdown_protocol_and_a_guiding_question_before_the_full_name(
    project: Project, tmp_path: Path
) -> None:
    protocol = tmp_path / "protokoll.md"
    protocol.write_text(
        "---\nworkshop: Stadtteilforum\ndistrict: Manfort\ndate: 2026-03-12\n---\n\n"
        "# Protokoll Stadtteilforum\n\n## Herausforderungen\n\n"
        "- Kleinhempel hat recht.\n"
        "- Der Park ist dunkel.\n"
        "- **Moderation:** Herr Thomas Kleinhempel schlägt vor, mehr Bänke aufzustellen.\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(protocol)]) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "[Person 1] hat recht.",
        "Der Park ist dunkel.",
        "[Person 1] schlägt vor, mehr Bänke aufzustellen.",
    ]
    [item] = [i for i in review_queue(project) if i.word == "Kleinhempel"]
    assert (item.replaced, item.statements) == (True, 1)

    # a guiding question is read before the statements under it
    table = _csv(
        tmp_path / "fragen.csv",
        Frage=["Wischnewski: Was fehlt?"] * 2,
        Text=["Die Mieten sind hoch.", "Frau Ewa Wischnewski sagt, es fehlt ein Treff."],
    )
    base = ["--project", str(project.path), "import", "--text-column", "Text"]
    assert main([*base, "--question-column", "Frage", "--district", "Opladen", str(table)]) == 0
    later = project.segments().iloc[3:]
    assert "Wischnewski" not in repr(later[["text", "question"]].values.tolist())
    assert later["question"].tolist() == ["[Person 2]: Was fehlt?"] * 2


def test_a_refi_qda_text_before_the_full_name_keeps_its_coding_in_place(
    project: Project, tmp_path: Path
) -> None:
    """A project file's own text is pseudonymised in place: the paragraph before the one
    naming "Herr Thomas Kleinhempel" is read again, and its coded span moves along."""
    text = "Kleinhempel hat recht.\n\nHerr Thomas Kleinhempel schlägt Bänke vor.\n"
    guid, user, code = (f"C0000000-0000-4000-8000-{n:012d}" for n in (1, 2, 3))
    end = text.index("\n")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Studie" origin="NVivo 14">
  <Users><User guid="{user}" name="Forschung A"/></Users>
  <CodeBook><Codes><Code guid="{code}" name="Ressource" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="{guid}" name="Notiz" plainTextPath="internal://{guid}.txt">
    <PlainTextSelection guid="{guid[:-1]}9" startPosition="0" endPosition="{end}">
      <Coding guid="{guid[:-1]}8" creatingUser="{user}"><CodeRef targetGUID="{code}"/></Coding>
    </PlainTextSelection></TextSource></Sources>
</Project>"""
    path = tmp_path / "notiz.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"Sources/{guid}.txt", text.encode("utf-8"))
    args = ["--project", str(project.path), "import", str(path), "--district", "Manfort"]
    assert main(args) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "[Person 1] hat recht.",
        "[Person 1] schlägt Bänke vor.",
    ]
    [coding] = project.codings().to_dict("records")
    first = segments.iloc[0]
    assert (coding["segment_id"], coding["start"], coding["end"]) == (
        first["segment_id"],
        0,
        len(first["text"]),
    )


def test_a_learned_name_does_not_make_a_longer_word_read_again() -> None:
    """Only the learned name as a word (or with a genitive "s") makes a text read again:
    "Jan" matched "Januar" and "Anna" "Annahme", and every such text was read twice."""
    from workbench.ingest.key_growth import learned_words, shows

    p = Pseudonymiser()
    p.pseudonymise("Herr Jan Becker sagt, Frau Anna Kleinhempel hilft.")
    pattern = learned_words(p.known, p.originals, 0)
    assert not shows(pattern, ["Im Januar ist die Annahme geschlossen."])
    assert shows(pattern, ["Jan hat recht."]) and shows(pattern, ["Beckers Idee"])
    assert shows(pattern, ["kleinhempel kommt"])


def test_a_noun_surname_before_its_full_name_where_no_noun_can_stand() -> None:
    """A noun surname ("Licht") is the person in its own text where no noun can stand,
    also before "Frau Anna Licht" (as after it); "Mehr Licht im Park", "Das Licht" stay."""
    p = Pseudonymiser()
    text, _ = p.pseudonymise("Licht hat recht. Mehr Licht im Park. Frau Anna Licht kommt.")
    assert text == "[Person 1] hat recht. Mehr Licht im Park. [Person 1] kommt."
    assert p.pseudonymise("Das Licht hat recht. Frau Anna Licht kommt.")[0] == (
        "Das Licht hat recht. [Person 1] kommt."
    )
    # the key knew her already: the same text reads the same
    assert p.pseudonymise("Licht hat recht. Frau Anna Licht kommt.")[0] == (
        "[Person 1] hat recht. [Person 1] kommt."
    )
    # another text: the key's Licht where she speaks (test_known_noun_speakers.py), the
    # noun where a noun can stand
    assert p.pseudonymise("Licht hat recht.")[0] == "[Person 1] hat recht."
    assert p.pseudonymise("Licht fehlt im Park.")[0] == "Licht fehlt im Park."
    assert len(p.known) == 1


def test_a_surname_with_particles_before_its_full_name() -> None:
    """A surname with particles alone is the person met as "Herr Peter van der Dussen",
    before and after it, particles included; "der Becker" after an article stays."""
    p = Pseudonymiser()
    text, _ = p.pseudonymise("van der Dussen hat recht. Herr Peter van der Dussen kommt.")
    assert text == "[Person 1] hat recht. [Person 1] kommt."
    assert p.pseudonymise("Van der Dussen schlägt vor, mehr Bänke aufzustellen.")[0] == (
        "[Person 1] schlägt vor, mehr Bänke aufzustellen."
    )
    assert len(p.known) == 1
    p.pseudonymise("Herr Jens Becker kommt.")
    assert p.pseudonymise("Der Becker kommt. Mit der Becker reden wir.")[0] == (
        "Der Becker kommt. Mit der Becker reden wir."
    )


def test_a_question_opened_by_a_verb_before_the_name() -> None:
    """A verb opens the question ("Hat Becker recht?"): it stays, and "Herr Jens Becker"
    before or after it is the same person, not a second one called "Hat Becker"."""
    p = Pseudonymiser()
    assert p.pseudonymise("Hat Becker recht? Herr Jens Becker kommt.")[0] == (
        "Hat [Person 1] recht? [Person 1] kommt."
    )
    p = Pseudonymiser()
    assert p.pseudonymise("Herr Jens Becker kommt. Hat Becker recht?")[0] == (
        "[Person 1] kommt. Hat [Person 1] recht?"
    )
    assert p.pseudonymise("Kommt Becker heute?")[0] == "Kommt [Person 1] heute?"
    assert set(p.known.values()) == {"[Person 1]"}
