"""Third privacy sweep: names in names of things (files, titles, workshops, a document-name
column), in an imported codebook, in Teams' "Nachname, Vorname:" lines, in a survey's
account column and in the user names of a joined comment column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.comment_authors import replace_comment_authors
from workbench.ingest.personal_columns import AUTHOR, OTHER, person_role
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.thing_names import is_document_name_column, pseudonymise_name


def _cli(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), *args])


def _workshops(project: Project) -> set[str]:
    return set(project.segments()["workshop"])


# -- 1: file names, titles and workshop names ---------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Interview mit Anna Schmidt", "Interview mit [Person 1]"),
        ("Protokoll_Frau_Kowalski.docx", "Protokoll_[Person 1].docx"),
        ("Gespräch Herr Yilmaz", "Gespräch [Person 1]"),
        ("Workshop Manfort 2021", "Workshop Manfort 2021"),
        ("beteiligung_rheindorf_2022.xlsx", "beteiligung_rheindorf_2022.xlsx"),
        ("Interview mit [Person 4]", "Interview mit [Person 4]"),
    ],
)
def test_a_name_of_a_thing_loses_the_person_it_names(name: str, expected: str) -> None:
    assert pseudonymise_name(Pseudonymiser(), name, []) == expected


def test_a_listed_name_in_a_file_name_keeps_the_words_around_it() -> None:
    pseudonymiser = Pseudonymiser()
    assert pseudonymise_name(pseudonymiser, "Nachgespräch_Wrobel", ["Edyta Wrobel"]) == (
        "Nachgespräch_[Person 1]"
    )


def test_file_and_workshop_names_are_stored_pseudonymised(project: Project, tmp_path: Path) -> None:
    kowalski = tmp_path / "Protokoll_Frau_Kowalski.txt"
    kowalski.write_text(
        "Frau Kowalski: Wir brauchen mehr Bänke am Marktplatz.\nModeration: Danke.\n",
        encoding="utf-8",
    )
    schmidt = tmp_path / "Interview mit Anna Schmidt.txt"
    schmidt.write_text("Anna Schmidt: Der Spielplatz ist zu klein.\n", encoding="utf-8")
    plain = tmp_path / "Workshop Manfort 2021.txt"
    plain.write_text("Es fehlt ein Treffpunkt für Jugendliche.\n", encoding="utf-8")
    assert _cli(project, "import", str(kowalski), str(schmidt), str(plain)) == 0
    talk = tmp_path / "gespraech.txt"
    talk.write_text("Herr Yilmaz sagt, es fehlt ein Café.\n", encoding="utf-8")
    assert _cli(project, "import", str(talk), "--workshop", "Gespräch Herr Yilmaz") == 0

    stored = stored_text(project)
    for name in ("Kowalski", "Schmidt", "Anna", "Yilmaz"):
        assert name not in stored, name
    segments = project.segments()
    documents = set(segments["document"])
    assert "Workshop Manfort 2021.txt" in documents  # no name: as written
    assert "Workshop Manfort 2021" in _workshops(project)
    # the same person has the same placeholder in the text and in the names of things
    by_text = {
        text.split(":")[0].split(" sagt")[0]: (document, workshop)
        for text, document, workshop in zip(
            segments["text"], segments["document"], segments["workshop"], strict=True
        )
    }
    person = next(p for p in by_text if by_text[p][0].startswith("Protokoll_"))
    assert by_text[person] == (f"Protokoll_{person}.txt", f"Protokoll_{person}")
    person = next(p for p in by_text if by_text[p][0].startswith("Interview"))
    assert by_text[person] == (f"Interview mit {person}.txt", f"Interview mit {person}")
    person = next(p for p in by_text if by_text[p][0] == "gespraech.txt")
    assert by_text[person][1] == f"Gespräch {person}"


def test_a_second_import_into_a_named_workshop_finds_it_again(
    project: Project, tmp_path: Path
) -> None:
    for number in (1, 2):
        path = tmp_path / f"teil{number}.txt"
        path.write_text(f"Teil {number}: Der Weg zur Schule ist dunkel.\n", encoding="utf-8")
        assert _cli(project, "import", str(path), "--workshop", "Gespräch Herr Yilmaz") == 0
    assert len(_workshops(project)) == 1
    assert "Yilmaz" not in stored_text(project)


# -- 2: a column naming the document ------------------------------------------------------
def test_a_document_name_column_is_pseudonymised_like_a_file_name(
    project: Project, tmp_path: Path
) -> None:
    assert is_document_name_column("Dokumentname")
    assert is_document_name_column("Dateiname")
    assert is_document_name_column("Document")
    assert not is_document_name_column("Kategorie")
    path = tmp_path / "auszug.csv"
    pd.DataFrame(
        {
            "Beitrag": ["Der Bolzplatz braucht neue Tore.", "Mehr Bänke am Marktplatz."],
            "Dokumentname": ["Interview mit Anna Schmidt", "Workshop Manfort 2021"],
            "Dateiname": ["Protokoll_Frau_Kowalski.docx", "notizen_manfort.docx"],
            "Document": ["Gespräch Herr Yilmaz", "Gespräch Herr Yilmaz"],
            "Sozialraum": ["Manfort", "Manfort"],
        }
    ).to_csv(path, index=False)
    assert _cli(project, "import", str(path)) == 0
    stored = stored_text(project)
    for name in ("Kowalski", "Schmidt", "Anna", "Yilmaz"):
        assert name not in stored, name
    attributes = list(project.segments()["attributes"])
    assert attributes[0]["Dokumentname"].startswith("Interview mit [Person ")
    assert attributes[0]["Dateiname"].startswith("Protokoll_[Person ")
    assert attributes[1]["Dokumentname"] == "Workshop Manfort 2021"
    assert attributes[1]["Dateiname"] == "notizen_manfort.docx"


# -- 3: an imported codebook --------------------------------------------------------------
CODEBOOK_YAML = """\
codes:
  - name: Treffpunkte
    description: siehe Gespräch mit Herrn Szymanowski
    children:
      - name: Jugend
        description: Orte für Jugendliche
        example: "Frau Wojtczak meint, der Bolzplatz fehlt."
"""

CODEBOOK_QDC = """\
<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA">
  <Codes>
    <Code guid="a1b2c3d4-0000-0000-0000-000000000001" name="Verkehr" isCodable="true">
      <Description>Hinweis von Herrn Szymanowski: Tempo 30 vor der Schule.</Description>
    </Code>
  </Codes>
</CodeBook>
"""


@pytest.mark.parametrize(("suffix", "content"), [(".yaml", CODEBOOK_YAML), (".qdc", CODEBOOK_QDC)])
def test_codebook_import_pseudonymises_descriptions_and_examples(
    project: Project, tmp_path: Path, suffix: str, content: str
) -> None:
    path = tmp_path / f"codebuch{suffix}"
    path.write_text(content, encoding="utf-8")
    assert _cli(project, "codebook", "import", str(path)) == 0
    stored = stored_text(project)
    assert "Szymanowski" not in stored
    assert "Wojtczak" not in stored
    descriptions = {spec.path: spec.description for spec in project.codebook()}
    assert any("[Person " in d for d in descriptions.values())
    if suffix == ".yaml":
        assert descriptions["Treffpunkte/Jugend"] == "Orte für Jugendliche"
    # the same from Python (notebooks, demo): Project.import_codebook is the one path
    other = Project.create(tmp_path / "zweites", districts=["Manfort"])
    assert other.import_codebook(path) == len(descriptions)
    assert "Szymanowski" not in stored_text(other) and "Wojtczak" not in stored_text(other)


# -- 6: Teams' one-line copy "Nachname, Vorname: Text" ------------------------------------
TEAMS_LINES = """\
Schmidt, Anna: Wir brauchen mehr Bänke am Marktplatz.
Berg, Ben: Und mehr Licht am Spielplatz.
Schmidt, Anna: Genau, abends ist es dort dunkel.
Berg, Ben: Ich frage beim Quartiersbüro nach.
"""


def test_surname_comma_first_name_lines_are_speaker_turns(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "teams_kopie.txt"
    path.write_text(TEAMS_LINES, encoding="utf-8")
    assert _cli(project, "import", str(path)) == 0
    segments = project.segments()
    assert list(segments["text"]) == [
        "Wir brauchen mehr Bänke am Marktplatz.",
        "Und mehr Licht am Spielplatz.",
        "Genau, abends ist es dort dunkel.",
        "Ich frage beim Quartiersbüro nach.",
    ]
    speakers = [a["speaker"] for a in segments["attributes"]]
    assert speakers[0] == speakers[2] != speakers[1] == speakers[3]
    assert all(s.startswith("[Person ") for s in speakers)
    stored = stored_text(project)
    for name in ("Schmidt", "Anna", "Berg", "Ben"):
        assert f'"{name}' not in stored and f" {name}" not in stored, name


def test_a_speaker_line_in_a_protocol_loses_a_surname_that_is_also_a_word() -> None:
    text = "Protokoll Spielplatz\nBerg, Ben: Und mehr Licht am Spielplatz."
    assert Pseudonymiser().pseudonymise(text)[0] == (
        "Protokoll Spielplatz\n[Person 1]: Und mehr Licht am Spielplatz."
    )
    # a comma in a sentence is no speaker line
    sentence = "Am Berg, Ben und ich gingen hoch."
    assert "Berg" in Pseudonymiser().pseudonymise(sentence)[0]


# -- 4: the account that submitted a survey form ------------------------------------------
@pytest.mark.parametrize(
    "header", ["SubmitterName", "submitter_name", "Einreicher", "Einreicherin"]
)
def test_the_submitting_account_is_another_person_not_the_author(
    project: Project, tmp_path: Path, header: str
) -> None:
    assert person_role(header) == OTHER
    assert person_role("Eingereicht von") == AUTHOR  # a platform's author stays the author
    path = tmp_path / "odk_export.csv"
    pd.DataFrame(
        {
            "SubmissionDate": ["2023-05-02T10:11:12.000Z", "2023-05-02T11:12:13.000Z"],
            "Beitrag": [
                "Der Spielplatz braucht einen Sonnenschutz.",
                "Mehr Mülleimer an der Bushaltestelle.",
            ],
            header: ["Ludmila Wrzesniewska", "Ludmila Wrzesniewska"],
            "Sozialraum": ["Manfort", "Opladen"],
        }
    ).to_csv(path, index=False)
    assert _cli(project, "import", str(path)) == 0
    stored = stored_text(project)
    assert "Wrzesniewska" not in stored
    assert "Ludmila" not in stored
    for attributes in project.segments()["attributes"]:
        assert header not in attributes
        assert "speaker" not in attributes  # the enumerator did not say it


# -- 5: user names opening joined comments ------------------------------------------------
def test_user_names_opening_joined_comments_become_placeholders(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "plattform.csv"
    pd.DataFrame(
        {
            "Beitrag": ["Mehr Bänke am Marktplatz.", "Ein Trinkbrunnen im Park."],
            "Kommentare": [
                "claudia_h: Sehe ich auch so | bernd.k: Finde ich nicht, zu teuer.",
                "mia: gute Idee\nole: dafür bin ich auch",
            ],
            "Comments": ["user123: agreed", "Fazit: gut, Pro: billig"],
            "Author username": ["bernd.k", "claudia_h"],
            "Sozialraum": ["Manfort", "Opladen"],
        }
    ).to_csv(path, index=False)
    assert _cli(project, "import", str(path)) == 0
    stored = stored_text(project)
    for name in ("claudia_h", "bernd.k", "user123", "mia:", "ole:"):
        assert name not in stored, name
    first, second = list(project.segments()["attributes"])
    assert first["Kommentare"].endswith(": Finde ich nicht, zu teuer.")
    assert " | [Person " in first["Kommentare"]
    assert first["Kommentare"].startswith(second["speaker"] + ": ")  # claudia_h: one person
    assert first["Comments"].endswith(": agreed")
    assert second["Comments"] == "Fazit: gut, Pro: billig"


def test_a_single_lower_case_opening_is_a_sentence_not_a_user() -> None:
    pseudonymiser = Pseudonymiser()
    for value in ("bitte: mehr Bänke", "z.B.: Bänke um 10:30 Uhr", "Fazit: gut | Pro: billig"):
        assert replace_comment_authors(pseudonymiser, value) == value
    assert replace_comment_authors(pseudonymiser, "mia: ja; ole: nein") == (
        "[Person 1]: ja; [Person 2]: nein"
    )


def test_adhocracy_comment_headings_lose_their_authors(project: Project, tmp_path: Path) -> None:
    # meinBerlin/adhocracy+ join an idea's comments under a heading line "<date> - <user>"
    # (a reply after "@reply: "), the text below, "----" between: no colon after the name.
    path = tmp_path / "ideen.csv"
    comments = (
        "2021-03-12T11:00:00.123456+01:00 - max_m\nStimme zu!\n----\n"
        "@reply: 2021-03-13T09:00:00+01:00 - Jana Petersen\nUnbedingt, auch Schatten.\n----\n"
        "2021-03-14T09:00:00+01:00 - claudia_h\nJa bitte.\n----\n"
        # a comment's own line that starts with a date is text, not a heading
        "2021-03-15 - am Wochenende ist der Platz leider immer voll\nJa bitte."
    )
    pd.DataFrame(
        {
            "Title": ["Mehr Bänke"],
            "Description": ["Am Marktplatz fehlen Bänke."],
            "Creator": ["claudia_h"],
            "Comments": [comments],
            "Sozialraum": ["Manfort"],
        }
    ).to_csv(path, index=False)
    assert _cli(project, "import", str(path)) == 0
    stored = stored_text(project)
    for name in ("max_m", "Jana", "Petersen", "claudia_h"):
        assert name not in stored, name
    (attributes,) = list(project.segments()["attributes"])
    lines = attributes["Comments"].split("\n")
    assert lines[0].startswith("2021-03-12T11:00:00.123456+01:00 - [Person ")
    assert lines[1] == "Stimme zu!"
    assert lines[-5] == f"2021-03-14T09:00:00+01:00 - {attributes['speaker']}"  # one person
    assert lines[-4] == "Ja bitte."
    assert lines[-2] == "2021-03-15 - am Wochenende ist der Platz leider immer voll"
