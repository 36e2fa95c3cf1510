"""A surname the project's key knows from another workshop or an earlier file that is
also a German noun ("Frau Anna Sommer", "Herr Thomas Koch"): the person where a listed
name would be ("Ich stimme Sommer zu."), the noun where the sentence shows one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser

# met in full in one text, then the word alone in another
PEOPLE = [
    ("Frau Anna Sommer", "Sommer"),
    ("Herr Jan Winter", "Winter"),
    ("Herr Thomas Koch", "Koch"),
    ("Frau Lea Bauer", "Bauer"),
    ("Herr Max Wolf", "Wolf"),
    ("Frau Ute Vogel", "Vogel"),
    ("Herr Tim Busch", "Busch"),
]
PERSON_USES = [
    "Ich stimme {} zu.",
    "Wie {} meinte, fehlt Schatten.",
    "Frag mal {}.",
    "{} und Becker kamen.",
    "Danke {}!",
    "Aber {} meinte nein.",
    "Wir fragen {} morgen.",
    "Der {} hat recht.",
]
NOUN_USES = [
    "Mehr {} bitte.",
    "Im {} fehlt Schatten.",
    "{} 2024 war schwierig.",
    "Kein {} weit und breit.",
    "Ein heißer {} ohne Schatten.",
    "Beim {} ist es laut.",
    "Der {} ist zu laut.",
    "Das {}-Fest war schön.",
]


def _knowing(full: str) -> Pseudonymiser:
    """A key that met ``full`` in an earlier statement, no name listed."""
    key = Pseudonymiser()
    assert full.split()[-1] not in key.pseudonymise(f"{full} bringt die Liste.")[0]
    return key


@pytest.mark.parametrize(("full", "word"), PEOPLE)
@pytest.mark.parametrize("template", PERSON_USES)
def test_a_known_noun_surname_without_a_nouns_place_is_the_person(
    full: str, word: str, template: str
) -> None:
    """ "Ich stimme Sommer zu." after "Frau Anna Sommer" of an earlier file kept her name."""
    text = template.format(word)
    pseudonymised = _knowing(full).pseudonymise(text)[0]
    assert word not in pseudonymised and "[Person 1]" in pseudonymised


@pytest.mark.parametrize(("full", "word"), PEOPLE)
@pytest.mark.parametrize("template", NOUN_USES)
def test_a_known_noun_surname_where_a_noun_stands_stays_the_word(
    full: str, word: str, template: str
) -> None:
    text = template.format(word)
    assert _knowing(full).pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("full", "text"),
    [
        ("Frau Tina Jung", "Jung und Alt kamen."),  # no noun: the narrower rules
        ("Frau Ina Lange", "Lange gewartet haben wir nicht."),
        ("Frau Ina Weiß", "Weiß jemand, wann der Bus kommt?"),
    ],
)
def test_a_known_word_opening_a_sentence_as_no_subject_stays(full: str, text: str) -> None:
    key = Pseudonymiser()
    key.pseudonymise(f"{full} kommt.")
    assert key.pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("full", "text"),
    [
        ("Frau Lea Sommer", "Offen im Frühjahr und Sommer auch abends."),
        ("Frau Lea Sommer", "Auf einer Wiese im Frühjahr, Sommer und Herbst."),
        ("Frau Lea Sommer", "Mehr Schatten (Sommer)."),
        ("Herr Jan Winter", "Strom fehlt (Import/Winter)."),
        ("Frau Ina Weiß", "Dächer sollten in Weiß gehalten werden."),
        ("Frau Eva Klein", "Ein Platz für Groß und Klein, Alt und Jung."),
    ],
)
def test_a_known_noun_surname_listed_beside_nouns_stays_the_word(full: str, text: str) -> None:
    """Ordinary words the real corpora hold beside a key of noun surnames stay."""
    key = _knowing(full)
    assert key.pseudonymise(text)[0] == text


def test_a_word_the_key_holds_alone_is_no_name_beside_a_known_noun_surname() -> None:
    """ "Groß" in the key from a word met alone ("Groß ist …") left "Klein" a person."""
    key = _knowing("Frau Eva Klein")
    key.person("groß", "Groß")  # as a cue's candidate alone once put it in the key
    text = "damit Groß und Klein, Alt und Jung hier spielen"
    assert key.pseudonymise(text)[0] == text


def test_a_known_noun_surname_beside_a_known_adjective_surname_stays_the_word() -> None:
    """ "Groß und Klein" became "Groß und [Person 2]" when the key knew a Herr Tim Groß
    and a Frau Eva Klein."""
    key = _knowing("Frau Eva Klein")
    key.pseudonymise("Herr Tim Groß bringt die Liste.")
    for text in (
        "Spielplätze, die Groß und Klein begeistern.",
        "damit Groß und Klein hier spielen",
    ):
        assert key.pseudonymise(text)[0] == text


def test_a_known_noun_surname_beside_a_name_is_the_person() -> None:
    key = _knowing("Frau Lea Sommer")
    key.pseudonymise("Herr Jens Becker kommt.")
    assert key.pseudonymise("Wir danken Becker und Sommer.")[0] == (
        "Wir danken [Person 2] und [Person 1]."
    )


def test_a_noun_surname_met_alone_stays_a_word() -> None:
    """Only a surname met with a first name or a form of address counts."""
    assert Pseudonymiser().pseudonymise("Ich stimme Sommer zu.")[0] == "Ich stimme Sommer zu."


def _protocols(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.md"
    a.write_text(
        "---\nworkshop: Forum A\ndistrict: Manfort\n---\n\n# Protokoll\n\n## Bedarfe\n\n"
        "- Ich stimme Sommer zu.\n- Frag mal Koch.\n- Mehr Sommer bitte.\n"
        "- Im Sommer ist es heiß.\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.md"
    b.write_text(
        "---\nworkshop: Forum B\ndistrict: Alkenrath\n---\n\n# Protokoll\n\n"
        "Teilnehmende: Frau Anna Sommer, Herr Thomas Koch\n\n## Bedarfe\n\n"
        "- Frau Anna Sommer bringt die Liste.\n- Herr Thomas Koch bringt Kaffee.\n",
        encoding="utf-8",
    )
    return a, b


@pytest.mark.parametrize("order", ["a then b", "b then a", "one command"])
def test_a_surname_the_key_knows_from_another_workshop_is_replaced_in_any_order(
    project: Project, tmp_path: Path, order: str
) -> None:
    """a.md (Forum A) says "Ich stimme Sommer zu.", b.md (Forum B) names Frau Anna Sommer:
    the surname stayed in clear in a.md whichever file came first."""
    a, b = _protocols(tmp_path)
    runs = {"a then b": [[a], [b]], "b then a": [[b], [a]], "one command": [[a, b]]}[order]
    for paths in runs:
        assert main(["--project", str(project.path), "import", *map(str, paths)]) == 0
    texts = project.segments()["text"].tolist()
    assert not any("Sommer zu" in t or "Koch." in t for t in texts)
    assert "Mehr Sommer bitte." in texts and "Im Sommer ist es heiß." in texts
    assert sum("[Person" in t for t in texts) == 4
    sommer = next(t for t in texts if t.endswith("bringt die Liste.")).split(" bringt")[0]
    assert f"Ich stimme {sommer} zu." in texts  # the same person, not a new number


@pytest.mark.parametrize(
    ("full", "text"),
    [
        ("Herr Olaf Baum", "Für jeden gefällten Baum soll ein neuer gepflanzt werden."),
        ("Herr Olaf Baum", "Ein alter 100-jähriger Baum spendet viel Schatten."),
        ("Frau Ida Stein", "Asphalt durch helleren Stein ersetzen, der weniger aufheizt."),
        ("Frau Ida Stein", "Die geplante Bank aus gebrochenem Stein fehlt noch."),
    ],
)
def test_a_known_noun_surname_after_a_participle_or_comparative_stays_the_word(
    full: str, text: str
) -> None:
    """ "jeden gefällten Baum", "kühleren Stein" became "[Person 1]" once the key knew a
    Herr Baum or a Frau Stein."""
    assert _knowing(full).pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    "text", ["Wir kontaktieren Koch morgen.", "Wir sollten Koch fragen.", "Wir gratulieren Koch."]
)
def test_a_known_noun_surname_after_a_verb_stays_the_person(text: str) -> None:
    pseudonymised = _knowing("Herr Thomas Koch").pseudonymise(text)[0]
    assert "Koch" not in pseudonymised and "[Person 1]" in pseudonymised


@pytest.mark.parametrize(
    "text",
    [
        "Regionales Obst anbieten, damit man z.B.im Winter keine Erdbeeren kauft.",
        "Mehr Schatten,im Winter mehr Licht.",
    ],
)
def test_a_known_noun_surname_after_a_fused_preposition_without_a_space_stays_the_word(
    text: str,
) -> None:
    """ "z.B.im Winter" (no space after the full stop) became "z.B.im [Person 1]"."""
    assert _knowing("Herr Jan Winter").pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("full", "text"),
    [
        ("Herr Olaf Kern", "Das Pflaster im Ottenser Kern sieht schön aus."),
        ("Frau Lea Sommer", "Der Opladener Sommer war zu heiß."),
    ],
)
def test_a_known_noun_surname_after_a_place_adjective_stays_the_word(full: str, text: str) -> None:
    """ "im Ottenser Kern" became "im Ottenser [Person 1]" once the key knew a Herr Kern."""
    assert _knowing(full).pseudonymise(text)[0] == text


@pytest.mark.parametrize("text", ["Wir danken Nachbar Kern.", "Ich stimme Lehrer Kern zu."])
def test_a_known_noun_surname_after_a_role_noun_stays_the_person(text: str) -> None:
    pseudonymised = _knowing("Herr Olaf Kern").pseudonymise(text)[0]
    assert "Kern" not in pseudonymised and "[Person 1]" in pseudonymised
