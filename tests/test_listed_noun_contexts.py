"""A listed surname that is also a German noun ("Frau Anna Sommer", "Herr Thomas Koch"):
the person wherever no noun stands ("Ich stimme Sommer zu."), the noun where the sentence
shows one ("Mehr Sommer bitte", "Im Sommer", "Sommer 2024", "heißer Sommer")."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser

# listed person, then the word as it stands in the texts
PEOPLE = [
    ("Frau Anna Sommer", "Sommer"),
    ("Herr Jan Winter", "Winter"),
    ("Frau Eva Sonne", "Sonne"),
    ("Herr Thomas Koch", "Koch"),
    ("Frau Lea Bauer", "Bauer"),
    ("Herr Ali Fischer", "Fischer"),
    ("Herr Max Wolf", "Wolf"),
    ("Frau Ute Vogel", "Vogel"),
    ("Frau Ida Bahn", "Bahn"),
    ("Herr Paul Rathaus", "Rathaus"),
]
PERSON_USES = [
    "Ich stimme {} zu.",
    "Wie {} meinte, fehlt Schatten.",
    "{} hat recht.",
    "Frag {}.",
    "{} und Becker kamen.",
    "Danke {}!",
    "{}: Wir brauchen Bänke.",
    "{} (Jugendamt) bringt Flyer.",
    "Aber {} meinte nein.",
    "Lieber {}, danke für die Liste.",
    "Wir fragen {} morgen.",
    "Der {} hat recht.",
    "Die {} sagte, es fehlt Licht.",
    "Hallo, hier {}.",
    "{} fehlt im Hof.",  # "Sonne fehlt im Hof": without an article the person
]
NOUN_USES = [
    "Mehr {} bitte.",
    "Im {} fehlt Schatten.",
    "{} 2024 war schwierig.",
    "Kein {} weit und breit.",
    "Ein heißer {} ohne Schatten.",
    "Viel {} und wenig Platz.",
    "Beim {} ist es laut.",
    "Diesen {} wird es eng.",
    "Das {}-Fest war schön.",
]


@pytest.mark.parametrize(("listed", "word"), PEOPLE)
@pytest.mark.parametrize("template", PERSON_USES)
def test_a_listed_noun_surname_without_a_nouns_place_is_the_person(
    listed: str, word: str, template: str
) -> None:
    """ "Ich stimme Sommer zu." of a listed Frau Anna Sommer must not show her name."""
    text = template.format(word)
    pseudonymised = Pseudonymiser().pseudonymise(text, [listed])[0]
    assert word not in pseudonymised and "[Person 1]" in pseudonymised


@pytest.mark.parametrize(("listed", "word"), PEOPLE)
@pytest.mark.parametrize("template", NOUN_USES)
def test_a_listed_noun_surname_where_a_noun_stands_stays_the_word(
    listed: str, word: str, template: str
) -> None:
    """ "Mehr Sommer bitte" of a listed Frau Anna Sommer became "Mehr [Person 1] bitte"."""
    text = template.format(word)
    assert Pseudonymiser().pseudonymise(text, [listed])[0] == text


def test_the_same_word_in_one_text_is_the_person_and_the_noun_by_its_place() -> None:
    text = "Frau Sommer kam spät. Im Sommer fehlt Schatten, meinte Sommer. Mehr Sommer bitte."
    assert Pseudonymiser().pseudonymise(text, ["Frau Anna Sommer"])[0] == (
        "[Person 1] kam spät. Im Sommer fehlt Schatten, meinte [Person 1]. Mehr Sommer bitte."
    )


def test_a_listed_surname_that_is_no_noun_is_the_person_after_an_article_and_a_verb() -> None:
    """ "Der Schmidt hat recht." (colloquial) of a listed Anna Schmidt stayed in clear."""
    pseudonymised = Pseudonymiser().pseudonymise("Der Schmidt hat recht.", ["Anna Schmidt"])[0]
    assert pseudonymised == "Der [Person 1] hat recht."


@pytest.mark.parametrize(("listed", "word"), PEOPLE)
def test_a_listed_noun_surname_in_lower_case_after_a_form_of_address_is_the_person(
    listed: str, word: str
) -> None:
    """A chat's "frau sommer hat gesagt" of a listed Frau Anna Sommer kept her name."""
    address = listed.split()[0].lower()
    text = f"mehr {word.lower()} bitte, sagt {address} {word.lower()} im chat"
    assert Pseudonymiser().pseudonymise(text, [listed])[0] == (
        f"mehr {word.lower()} bitte, sagt {address} [Person 1] im chat"
    )


def test_a_later_import_reads_earlier_statements_again_by_the_same_rule(
    project: Project, tmp_path: Path
) -> None:
    """A later protocol of the same workshop lists Frau Anna Sommer: the stored "Ich stimme
    Sommer zu." is read again and replaced, "Mehr Sommer bitte" and "Sommer 2024" stay."""
    head = "---\nworkshop: Forum A\ndistrict: Manfort\n---\n\n# Protokoll\n\n"
    first = tmp_path / "a.md"
    first.write_text(
        head + "## Bedarfe\n\n- Ich stimme Sommer zu.\n- Mehr Sommer bitte.\n"
        "- Sommer 2024 war schwierig.\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.md"
    second.write_text(
        head + "Teilnehmende: Frau Anna Sommer, Herr Jens Becker\n\n"
        "## Bedarfe\n\n- Frau Anna Sommer bringt die Liste.\n",
        encoding="utf-8",
    )
    for path in (first, second):
        assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert project.segments()["text"].tolist() == [
        "Ich stimme [Person 1] zu.",
        "Mehr Sommer bitte.",
        "Sommer 2024 war schwierig.",
        "[Person 1] bringt die Liste.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Die Schmidt war auch da.",
        "Den Schmidt fragen wir morgen.",
        "Nach Schmidt ist das zu teuer.",
        "Wir warten bis Schmidt kommt.",
        "Ein Schmidt reicht nicht, sagt sie.",
    ],
)
def test_a_listed_surname_that_is_no_word_is_the_person_after_an_article(text: str) -> None:
    """ "Die Schmidt war auch da." of a listed Anna Schmidt kept her name: an article makes
    only a word a word; "St. Martin" stays a saint."""
    assert "Schmidt" not in Pseudonymiser().pseudonymise(text, ["Anna Schmidt"])[0]
    saint = "Kirchengemeinde St. Martin hilft."
    assert Pseudonymiser().pseudonymise(saint, ["Martin Becker"])[0] == saint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("danke sommer!", "danke [Person 1]!"),
        ("moin sommer, kommst du?", "moin [Person 1], kommst du?"),
        ("sommer hat recht", "[Person 1] hat recht"),
        ("ok. sommer meinte, es reicht", "ok. [Person 1] meinte, es reicht"),
        ("sommer: bin gleich da", "[Person 1]: bin gleich da"),
        ("sommer ist zu heiß", "sommer ist zu heiß"),
        ("mehr sommer bitte", "mehr sommer bitte"),
        ("im sommer: zu heiß", "im sommer: zu heiß"),
    ],
)
def test_a_listed_noun_surname_greeted_in_lower_case_in_a_chat(text: str, expected: str) -> None:
    """A chat's "danke sommer!" of a listed Frau Anna Sommer kept her name."""
    assert Pseudonymiser().pseudonymise(text, ["Frau Anna Sommer"])[0] == expected


@pytest.mark.parametrize(("listed", "word"), PEOPLE)
@pytest.mark.parametrize(
    "template",
    ["Frag besser {}.", "Sprecher {} fehlt heute.", "Lehrer {} kommt morgen.", "Förster {} kam."],
)
def test_a_listed_noun_surname_after_an_adverb_or_a_title_is_the_person(
    listed: str, word: str, template: str
) -> None:
    """ "Frag besser Sommer." and "Lehrer Sommer kommt morgen." kept a listed Frau Anna
    Sommer's name: "besser" and an opening title were read as adjectives of a noun."""
    pseudonymised = Pseudonymiser().pseudonymise(template.format(word), [listed])[0]
    assert word not in pseudonymised and "[Person 1]" in pseudonymised


@pytest.mark.parametrize(
    "text",
    ["Heißer Sommer ohne Schatten.", "Warmer Sommer, kalter Winter.", "Sonniger Sommer im Park."],
)
def test_an_opening_adjective_before_a_listed_noun_surname_keeps_the_noun(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text, ["Frau Anna Sommer"])[0] == text


TIME_WORDS = ("Sommer", "Winter")  # "Nach Sommer kommt Herbst": see the next test


@pytest.mark.parametrize(("listed", "word"), [p for p in PEOPLE if p[1] not in TIME_WORDS])
@pytest.mark.parametrize(
    "template", ["Nach {} ist das zu teuer.", "Über {} lachten alle.", "Nach {} sprach Becker."]
)
def test_a_listed_noun_surname_after_nach_or_ueber_is_the_person(
    listed: str, word: str, template: str
) -> None:
    """ "Nach Koch ist das zu teuer." of a listed Herr Thomas Koch kept his name: "nach",
    "bis" and "über" were read as articles before every noun."""
    pseudonymised = Pseudonymiser().pseudonymise(template.format(word), [listed])[0]
    assert word not in pseudonymised and "[Person 1]" in pseudonymised


@pytest.mark.parametrize(
    "text", ["Bis Sommer ist alles fertig.", "Nach Sommer kommt Herbst.", "Über Sommer, bis Mai."]
)
def test_bis_nach_ueber_before_a_time_word_keep_the_noun(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text, ["Frau Anna Sommer"])[0] == text


@pytest.mark.parametrize(("listed", "word"), PEOPLE)
@pytest.mark.parametrize(
    "template",
    ["Vor allem {} hat geholfen.", "Unter anderem {} war dagegen.", "Inklusive {} waren wir."],
)
def test_a_listed_noun_surname_after_vor_allem_or_inklusive_is_the_person(
    listed: str, word: str, template: str
) -> None:
    """ "Vor allem Koch hat geholfen." kept a listed Herr Thomas Koch's name: "allem",
    "anderem" and "Inklusive" were read as adjectives of a noun."""
    pseudonymised = Pseudonymiser().pseudonymise(template.format(word), [listed])[0]
    assert word not in pseudonymised and "[Person 1]" in pseudonymised
