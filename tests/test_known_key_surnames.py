"""A surname of no name list that the project's key knows from a full name or a form of
address ("Herr Thomas Kleinhempel") is that person where it later stands alone, in the
same import or a later one ("Kleinhempel hat recht."); shown for review, since no list
says it is no German word too. A German noun of the Wiktionary ("Frau Licht") does not
spread ("Mehr Licht im Park" stays)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.personal_columns import person_placeholder
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.review import review_queue

NAMED = "Herr Thomas Kleinhempel schlägt vor, mehr Bänke aufzustellen."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kleinhempel hat recht.", "[Person 1] hat recht."),
        ("Ich finde, Kleinhempel hat recht.", "Ich finde, [Person 1] hat recht."),
        ("Wie Kleinhempel sagte, fehlt Licht.", "Wie [Person 1] sagte, fehlt Licht."),
    ],
)
def test_a_surname_the_key_knows_is_replaced_alone(text: str, expected: str) -> None:
    p = Pseudonymiser()
    p.pseudonymise(NAMED)
    assert p.pseudonymise(text)[0] == expected
    # a later import: the key as the project stores it (placeholders and originals)
    later = Pseudonymiser(known=dict(p.known), originals=dict(p.originals))
    assert later.pseudonymise(text)[0] == expected
    assert [(c.word, c.replaced) for c in later.candidates] == [("Kleinhempel", True)]
    assert len(later.known) == 1


@pytest.mark.parametrize(
    ("first", "text"),
    [
        (NAMED, "Der Kleinhempel kommt."),  # after an article: as before
        (NAMED, "Treffpunkt ist Kleinhempel Platz."),  # a place named after someone
        ("Herr Kemal Altun hilft.", "Wir treffen uns am Kemal Altun Platz."),
        ("Frau Bauer hilft.", "Mehr Bauer!"),  # a word: only with a cue (known_in_text)
        ("Frau Rosen hilft.", "Mehr Rosen am Zaun."),
        # a word the key holds only from an uncertain cue stays for the review queue
        ("Laut Sonnenberg fehlt Licht.", "Sonnenberg hat recht."),
    ],
)
def test_no_wider_than_a_surname_met_with_a_first_name_or_form_of_address(
    first: str, text: str
) -> None:
    p = Pseudonymiser()
    p.pseudonymise(first)
    assert p.pseudonymise(text)[0] == text


def test_the_cli_replaces_it_in_a_later_import_and_lists_it_for_review(
    project: Project, tmp_path: Path
) -> None:
    first, later = tmp_path / "a.csv", tmp_path / "b.csv"
    pd.DataFrame({"Text": [NAMED, "Kleinhempel hat recht."]}).to_csv(first, index=False)
    pd.DataFrame({"Text": ["Wie Kleinhempel sagte, fehlt Licht."]}).to_csv(later, index=False)
    base = ["--project", str(project.path), "import", "--text-column", "Text"]
    for path in (first, later):
        assert main([*base, "--district", "Manfort", str(path)]) == 0
    texts = project.segments()["text"].tolist()
    assert texts == [
        "[Person 1] schlägt vor, mehr Bänke aufzustellen.",
        "[Person 1] hat recht.",
        "Wie [Person 1] sagte, fehlt Licht.",
    ]
    [item] = review_queue(project)
    assert (item.word, item.replaced, item.statements) == (
        "Kleinhempel",
        True,
        2,
    )  # where it stands alone


def test_rejecting_the_word_alone_keeps_the_person_after_a_form_of_address(
    project: Project, tmp_path: Path
) -> None:
    """The queue lists "Kleinhempel" of "Bei Kleinhempel gibt es …" (spread from the key's
    "Frau Kleinhempel"), and a researcher rejects it: alone there it is the bakery. Before,
    later imports then kept "Frau Kleinhempel" in clear: the rejected word was blocked
    after a form of address too."""
    first, later = tmp_path / "a.csv", tmp_path / "b.csv"
    texts = [
        "Frau Kleinhempel sagt, im Norden fehlen Bänke.",
        "Bei Kleinhempel gibt es gute Brötchen.",
    ]
    pd.DataFrame({"Text": texts}).to_csv(first, index=False)
    again = [
        "Frau Kleinhempel kommt morgen.",
        "Herr Dr. Kleinhempel auch.",
        "Kleinhempel backt gut.",
    ]
    pd.DataFrame({"Text": again}).to_csv(later, index=False)
    base = ["--project", str(project.path), "import", "--text-column", "Text"]
    assert main([*base, "--district", "Manfort", str(first)]) == 0
    [item] = review_queue(project)
    assert (item.word, item.replaced) == ("Kleinhempel", True)
    assert main(["--project", str(project.path), "pseudonyms", "reject", item.id]) == 0
    assert main([*base, "--district", "Manfort", str(later)]) == 0
    assert project.segments()["text"].tolist() == [
        "[Person 1] sagt, im Norden fehlen Bänke.",
        "Bei Kleinhempel gibt es gute Brötchen.",
        "[Person 1] kommt morgen.",
        "[Person 1] auch.",
        "Kleinhempel backt gut.",
    ]
    assert review_queue(project) == []


@pytest.mark.parametrize(
    ("first", "text"),
    [
        ("Frau Licht sagt, im Norden fehlen Bänke.", "Mehr Licht im Park wäre gut."),
        ("Die Kirche Maria Königin ist offen.", "Mehr Königin im Viertel."),
        ("Die Kita Maria Geburt hat zu.", "Geburt ist teuer."),
        ("Frau Treppe sagt ja.", "Treppen und Rampen fehlen. Treppe ist steil."),
    ],
)
def test_a_german_noun_the_key_met_as_a_surname_does_not_spread(first: str, text: str) -> None:
    """An ordinary noun of the Wiktionary ("Licht", "Königin") that the key holds as a
    surname stays a word alone, in the same import and a later one."""
    p = Pseudonymiser()
    p.pseudonymise(first)
    assert p.pseudonymise(text)[0] == text
    later = Pseudonymiser(known=dict(p.known), originals=dict(p.originals))
    assert later.pseudonymise(text)[0] == text
    assert later.candidates == []


@pytest.mark.parametrize(
    ("text", "expected", "reviewed"),
    [
        (
            "Frau Licht sagt, mehr Licht im Park wäre gut.",
            "[Person 1] sagt, mehr Licht im Park wäre gut.",
            [],
        ),
        (
            "Frau Anna Licht sagt es. Mehr Licht im Park wäre gut.",
            "[Person 1] sagt es. Mehr Licht im Park wäre gut.",
            [],
        ),
        # where no noun can stand (the subject before a verb): the person, for review
        (
            "Frau Licht sagt es. Licht kommt auch.",
            "[Person 1] sagt es. [Person 1] kommt auch.",
            [("Licht", True)],
        ),
        # a surname of a name list stays the person wherever it stands
        (
            "Frau Müller sagt, das hat Müller gesagt.",
            "[Person 1] sagt, das hat [Person 1] gesagt.",
            [],
        ),
    ],
)
def test_a_noun_surname_does_not_spread_in_its_own_text(
    text: str, expected: str, reviewed: list[tuple[str, bool]]
) -> None:
    """A surname of no name list that is a German noun, met with its form of address,
    does not make the noun a person later in the same text ("mehr Licht im Park")."""
    p = Pseudonymiser()
    assert p.pseudonymise(text)[0] == expected
    assert [(c.word, c.replaced) for c in p.candidates] == reviewed


def test_a_noun_surname_stays_replaced_with_its_form_of_address(
    project: Project, tmp_path: Path
) -> None:
    """Only the word alone stays: "Frau Licht" is still the person, in a later import too,
    and nothing reaches the review queue."""
    first, later = tmp_path / "a.csv", tmp_path / "b.csv"
    texts = ["Frau Licht sagt, im Norden fehlen Bänke.", "Mehr Licht im Park wäre gut."]
    pd.DataFrame({"Text": texts}).to_csv(first, index=False)
    pd.DataFrame({"Text": ["Frau Licht kommt morgen.", "Licht ist wichtig."]}).to_csv(
        later, index=False
    )
    base = ["--project", str(project.path), "import", "--text-column", "Text"]
    for path in (first, later):
        assert main([*base, "--district", "Manfort", str(path)]) == 0
    assert project.segments()["text"].tolist() == [
        "[Person 1] sagt, im Norden fehlen Bänke.",
        "Mehr Licht im Park wäre gut.",
        "[Person 1] kommt morgen.",
        "Licht ist wichtig.",
    ]
    assert review_queue(project) == []


def test_a_word_before_it_that_is_no_first_name_does_not_make_it_a_surname() -> None:
    """A QDA project's case "Gruppe Jugend" (a speaker) is in the key as a person:
    "Jugend" alone in a later text stays a word."""
    p = Pseudonymiser()
    assert person_placeholder(p, "Gruppe Jugend", []) == "[Person 1]"
    later = Pseudonymiser(known=dict(p.known), originals=dict(p.originals))
    text = "Die Gruppe Jugend wünscht sich einen Treff. Jugend braucht Raum."
    assert later.pseudonymise(text)[0] == text
    assert p.pseudonymise("Frau Ewa Kleinhempel kommt. Kleinhempel hat recht.")[0] == (
        "[Person 2] kommt. [Person 2] hat recht."
    )


@pytest.mark.parametrize("speaker", ["Chidinma Nwachukwuike", "Siosaia Taufahema"])
def test_a_first_name_of_no_list_still_makes_the_surname_a_person(speaker: str) -> None:
    """A speaker, case or participant named with a first name no list knows ("Chidinma
    Nwachukwuike") is that person where the surname later stands alone, shown for
    review; only a noun before it ("Gruppe Jugend") is no first name."""
    p = Pseudonymiser()
    assert person_placeholder(p, speaker, []) == "[Person 1]"
    later = Pseudonymiser(known=dict(p.known), originals=dict(p.originals))
    surname = speaker.split()[-1]
    assert later.pseudonymise(f"Ich finde, {surname} hat recht.")[0] == (
        "Ich finde, [Person 1] hat recht."
    )
    assert [(c.word, c.replaced) for c in later.candidates] == [(surname, True)]


def test_a_name_column_with_a_first_name_of_no_list_reaches_a_later_import(
    project: Project, tmp_path: Path
) -> None:
    """A survey's name column "Chidinma Nwachukwuike" (the speaker), then a later file's
    "Nwachukwuike hat recht.": the surname alone is the person there, for review."""
    first, later = tmp_path / "a.csv", tmp_path / "b.csv"
    pd.DataFrame({"Name": ["Chidinma Nwachukwuike"], "Text": ["Der Park ist dunkel."]}).to_csv(
        first, index=False
    )
    pd.DataFrame({"Text": ["Ich finde, Nwachukwuike hat recht."]}).to_csv(later, index=False)
    base = ["--project", str(project.path), "import", "--text-column", "Text"]
    for path in (first, later):
        assert main([*base, "--district", "Manfort", str(path)]) == 0
    segments = project.segments()
    assert segments["attributes"].tolist()[0] == {"speaker": "[Person 1]"}
    assert segments["text"].tolist()[1] == "Ich finde, [Person 1] hat recht."
    assert [i.word for i in review_queue(project)] == ["Nwachukwuike"]
