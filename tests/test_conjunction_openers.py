"""A conjunction opening a clause before a listed surname ("Obwohl Hartkopf sagte, …") is
no first name: the placeholder covers the surname, and the listed person keeps one number."""

from __future__ import annotations

import pytest

from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Gregor Hartkopf", "Jens Becker"]
OPENERS = [
    "Obwohl", "Obgleich", "Obschon", "Wenngleich", "Sobald", "Sofern", "Soweit", "Falls",
    "Nachdem", "Bevor", "Ehe", "Seitdem", "Indem", "Sodass", "Zumal", "Insofern", "Erst",
    "Kaum", "Bloß", "Ausgerechnet",
]  # fmt: skip


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("surname", ["Hartkopf", "Becker"])
@pytest.mark.parametrize("verb", ["sagte, es gehe nicht.", "meint, es gehe.", "kam zu spät."])
def test_the_conjunction_stays_before_a_listed_surname(
    opener: str, surname: str, verb: str
) -> None:
    """ "Obwohl Hartkopf sagte, …" became "[Person 1] sagte, …": the key learned a person
    "Obwohl Hartkopf" beside the listed Gregor Hartkopf (and "Weil Hartkopf …" was fine,
    as "weil" is a function word of the name lists, "obwohl" was not)."""
    p = Pseudonymiser()
    out = p.pseudonymise(f"{opener} {surname} {verb}", LISTED)[0]
    assert out == f"{opener} [Person 1] {verb}"
    assert [original for original, _ in p.new.values()] == [surname]  # not "Obwohl Hartkopf"


@pytest.mark.parametrize("opener", ["Obwohl", "Sobald", "Nachdem"])
def test_an_unlisted_surname_after_a_conjunction_is_still_replaced(opener: str) -> None:
    """Without a list the surname before a speech verb stays a person; only the
    conjunction comes out of the placeholder."""
    out = Pseudonymiser().pseudonymise(f"{opener} Zabelberg meint, es gehe.")[0]
    assert out == f"{opener} [Person 1] meint, es gehe."


def test_a_protocol_keeps_its_listed_person_one_number(tmp_path) -> None:
    """The user's view: a protocol naming Gregor Hartkopf; "Obwohl Hartkopf …" and
    "Hartkopf …" are the same [Person 1], and "Obwohl" stays in the statement."""
    source = tmp_path / "protokoll.txt"
    source.write_text(
        "Protokoll Quartiersworkshop\n\nTeilnehmende: Gregor Hartkopf, Jens Becker\n\n"
        "Obwohl Hartkopf sagte, es gehe nicht, wurde weiter geplant.\n\n"
        "Hartkopf will die Bänke zählen.\n\n"
        "Sobald Becker meint, es reiche, hören wir auf.\n",
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    project.import_files([source], district="Manfort")
    texts = list(project.segments()["text"])
    assert "Obwohl [Person 1] sagte, es gehe nicht, wurde weiter geplant." in texts
    assert "[Person 1] will die Bänke zählen." in texts
    assert "Sobald [Person 2] meint, es reiche, hören wir auf." in texts
    key = project.pseudonym_key()
    assert sorted(key.loc[key["kind"] == "person", "placeholder"]) == ["[Person 1]", "[Person 2]"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Weil Becker sagte, dass Geld fehlt, war es still.", "Weil [Person 1] sagte, dass"),
        ("Als Hoffmann meinte, es reiche, gingen alle.", "Als [Person 1] meinte, es reiche"),
        ("Wenn Lehmann erklärte, wie es geht, hörten alle zu.", "Wenn [Person 1] erklärte"),
        ("Während Krüger sagte, es gehe, schrieb ich.", "Während [Person 1] sagte"),
        ("Obwohl Zimmermann meinte, es reiche, blieb es.", "Obwohl [Person 1] meinte"),
        ("Es war still, weil Neumann sagte, es gehe nicht.", "weil [Person 1] sagte"),
    ],
)
def test_a_surname_speaking_after_a_function_word_conjunction(sentence: str, expected: str) -> None:
    """ "Weil Becker sagte, …" stayed in clear while "Becker sagte, …" was replaced: the
    speaker rule took only a sentence's first word, and "Weil", "Als", "Wenn" are no name
    for the pair rules. The verb ending the clause shows the surname is its subject."""
    out = Pseudonymiser().pseudonymise(sentence)[0]
    assert expected in out
    assert out.split()[0] == sentence.split()[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Als Koch sagte er immer, Essen sei wichtig.",
        "Als Richter meinte er, das gehe nicht.",
        "Als Lehrer sagte ich das oft.",
        "Weil Jäger meinten, es gebe zu viele Rehe, wurde gejagt.",
        "Als Schneider arbeitete sie jahrelang.",
    ],
)
def test_a_profession_after_als_stays_a_word(sentence: str) -> None:
    """ "Als Koch sagte er": the subject follows the verb, the noun is what he is; a verb
    in the plural has no single person as its subject."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Weil Becker gestern sagte, dass Geld fehlt, war es still.", "Weil [Person 1] gestern"),
        ("Als Hartkopf das sagte, gingen alle.", "Als [Person 1] das sagte,"),
        ("Wenn Lehmann uns erklärte, wie es geht, hörten alle zu.", "Wenn [Person 1] uns"),
        ("Es war still, weil Krüger mir das berichtete.", "weil [Person 1] mir das"),
        ("Nachdem Zimmermann heute früh meinte, es reiche, gingen wir.", "Nachdem [Person 1]"),
    ],
)
def test_a_surname_speaking_a_word_or_two_before_its_verb(sentence: str, expected: str) -> None:
    """ "Weil Becker gestern sagte, …" stayed in clear: the clause rule took the speech
    verb only right after the surname. An adverb or a pronoun between changes nothing."""
    out = Pseudonymiser().pseudonymise(sentence)[0]
    assert expected in out
    assert out.count("[Person 1]") == 1 and "[Person 2]" not in out


@pytest.mark.parametrize(
    "sentence",
    [
        "Als Lehrer das sagten, wurde es still.",
        "Weil Jäger das meinten, wurde gejagt.",
        "Weil Koch gestern kochte, gab es Suppe.",
        "Als Koch sagte er das gestern.",
        "Weil Verwaltung das sagte, ging es nicht.",
        "Als Becker und Koch das sagten, gingen alle.",
        "Als Bürgermeister das sagte, lachten alle.",
    ],
)
def test_no_speaker_before_a_plural_or_another_verb(sentence: str) -> None:
    """A verb in the plural, a verb of no speaking, a subject after the verb or an
    institution's word: no single person speaks there."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Ausgerechnet Hartkopf wählen die Leute.",
        "Erst Hartkopf haben die Kinder gefragt.",
        "Lediglich Hartkopf kennen alle hier.",
    ],
)
def test_an_unlisted_surname_after_a_focus_particle_before_a_plural(sentence: str) -> None:
    """ "Ausgerechnet Hartkopf wählen die Leute": the surname of no list is the verb's
    object, its subject follows; only a singular verb made it a person."""
    out = Pseudonymiser().pseudonymise(sentence)[0]
    assert out == sentence.replace("Hartkopf", "[Person 1]")


@pytest.mark.parametrize(
    "sentence",
    [
        "Erst Gelder machen es möglich.",
        "Ausgerechnet Smartphones fehlen den Leuten.",
        "Erst Workshops machen es möglich.",
        "Kaum Kinder kamen zum Treffen.",
    ],
)
def test_a_plural_after_a_focus_particle_stays(sentence: str) -> None:
    """A plural noun or an English plural before the plural verb is its subject."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == sentence
