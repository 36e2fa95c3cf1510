"""Names in the forms German texts give them: in the genitive ("Annas Idee"), with a
particle ("Frau von der Leyen"), … (in imported files: test_name_forms_files)"""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Anna Schmidt", "Mehmet Yılmaz", "Hans-Peter Müller-Lüdenscheidt", "Mai Nguyen"]


def _replaced(p: Pseudonymiser, text: str, names: list[str] = LISTED) -> str:
    return p.pseudonymise(text, names)[0]


def test_a_listed_name_in_the_genitive_is_its_person() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Anna Schmidt war da.") == "[Person 1] war da."
    assert _replaced(p, "Annas Idee war gut.") == "[Person 1]s Idee war gut."
    assert _replaced(p, "Schmidts Garten ist schön.") == "[Person 1]s Garten ist schön."
    assert _replaced(p, "Mehmets neuer Laden hat zu.") == "[Person 2]s neuer Laden hat zu."
    assert _replaced(p, "Hans-Peters Bruder und Müller-Lüdenscheidts Hund.") == (
        "[Person 3]s Bruder und [Person 3]s Hund."
    )


def test_a_known_or_first_name_in_the_genitive_is_a_person() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Frau Kaczmarek kam.", []) == "[Person 1] kam."
    assert _replaced(p, "Kaczmareks Vorschlag fanden alle gut.", []) == (
        "[Person 1]s Vorschlag fanden alle gut."
    )
    assert _replaced(p, "Peters Vorschlag fanden alle gut.", []) == (
        "[Person 2]s Vorschlag fanden alle gut."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mais ist teuer geworden.",  # a listed "Mai" + s, no noun it owns
        "Der Bonus für Familien ist gut.",
        "Bonus oder Malus, das ist die Frage.",
        "Malus weniger Bonus für alle.",  # "weniger" is no adjective before an owned noun
        "Die Caritas Leverkusen hilft.",
        "Des Sommers Ende naht.",
        "Wolfs Hütte steht noch.",  # "Wolf" is a word: a name only in a context
    ],
)
def test_words_ending_in_s_stay(text: str) -> None:
    assert _replaced(Pseudonymiser(), text) == text


@pytest.mark.parametrize(
    ("listed", "text"),
    [
        ("Ute Montag", "Die Bäckerei hat montags Ruhetag."),
        ("Ute Montag", "Montags Ruhetag im Bürgerhaus."),
        ("Tom Mittwoch", "Die Praxis hat mittwochs Sprechstunde."),
        ("Ute Sonntag", "Wir treffen uns sonntags Nachmittag."),
        ("Ute Teil", "Er ist teils Deutscher."),
        ("Tim Lange", "Langes Warten auf den Bus nervt."),
        ("Ute Link", "Links Abbiegen ist gefährlich."),
    ],
)
def test_a_word_ending_in_s_is_no_genitive_of_a_listed_name(listed: str, text: str) -> None:
    # a participant called Montag, Teil or Lange does not take "montags", "teils" or the
    # adjective "Langes" out of everyone's texts; the name's genitive inside a sentence
    # is still theirs
    p = Pseudonymiser()
    assert _replaced(p, text, [listed]) == text
    surname = listed.split()[1]
    assert _replaced(p, f"Wir fanden {surname}s Vorschlag gut.", [listed]) == (
        "Wir fanden [Person 1]s Vorschlag gut."
    )


@pytest.mark.parametrize(
    ("full", "addressed"),
    [
        ("Ursula von der Leyen", "Frau von der Leyen"),
        ("Jan de Vries", "Herr de Vries"),
        ("Sanne van Beek", "Frau van Beek"),
        ("Pieter van den Berg", "Herrn Dr. van den Berg"),
    ],
)
def test_a_surname_with_a_particle_is_one_person(full: str, addressed: str) -> None:
    p = Pseudonymiser()
    assert _replaced(p, f"{full} leitet die Kita.", []) == "[Person 1] leitet die Kita."
    assert _replaced(p, f"Mit {addressed} reden wir.", []) == "Mit [Person 1] reden wir."
    p = Pseudonymiser()  # addressed first, then named in full
    assert _replaced(p, f"Mit {addressed} reden wir.", []) == "Mit [Person 1] reden wir."
    assert _replaced(p, f"{full} leitet die Kita.", []) == "[Person 1] leitet die Kita."


def test_a_listed_name_s_particles_stay_in_every_sentence() -> None:
    """A participant "Ursula von der Leyen" takes her name out of the texts, not every
    "von" and "der": the particles are no name of their own."""
    p = Pseudonymiser()
    listed = ["Ursula von der Leyen", "Pieter van den Berg"]
    text = "Der Platz vor der Schule ist von Autos zugeparkt, sagt Frau von der Leyen."
    assert _replaced(p, text, listed) == (
        "Der Platz vor der Schule ist von Autos zugeparkt, sagt [Person 1]."
    )
    assert _replaced(p, "Ursula und Herr van den Berg kommen.", listed) == (
        "[Person 1] und [Person 2] kommen."
    )


def test_a_surname_with_an_arabic_article_is_a_name() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Mohammed al-Hassan leitet das Café.", []) == (
        "[Person 1] leitet das Café."
    )
    assert _replaced(p, "Herr al-Hassan kam später.", []) == "[Person 1] kam später."
    assert _replaced(p, "Frau el-Sayed übersetzt.", []) == "[Person 2] übersetzt."
    assert _replaced(p, "Die al-Aqsa-Moschee lädt ein.", []) == "Die al-Aqsa-Moschee lädt ein."


def test_a_listed_surname_with_an_arabic_article_is_replaced_as_written() -> None:
    p = Pseudonymiser()
    listed = ["Mohammed al-Hassan"]
    assert _replaced(p, "Mohammed al-Hassan kam.", listed) == "[Person 1] kam."
    assert _replaced(p, "Wie al-Hassan sagt, fehlt ein Raum.", listed) == (
        "Wie [Person 1] sagt, fehlt ein Raum."
    )
    assert _replaced(p, "al-Hassan hat recht.", listed) == "[Person 1] hat recht."


SAINTS = [
    "Die Gemeinde St. Joseph bietet Mittagstisch an.",
    "Die Kirchengemeinde St. Martin hilft bei Anträgen.",
    "Sankt Marien macht beim Fest mit.",
    "Das St. Peter Krankenhaus ist nah.",
    "Im Pfarrheim St. Thomas gibt es ein Café.",
]


@pytest.mark.parametrize("text", SAINTS)
def test_a_saints_name_is_no_person(text: str) -> None:
    assert _replaced(Pseudonymiser(), text, []) == text


def test_a_saints_name_is_no_listed_participant_of_that_first_name() -> None:
    # with Martin Schulz listed, "St. Martin" was read as him: "St. [Person 1]"
    listed = ["Martin Schulz", "Peter Braun", "Thomas Weber"]
    for text in SAINTS:
        assert _replaced(Pseudonymiser(), text, listed) == text
    assert _replaced(Pseudonymiser(), "St. Martin hilft, sagt Martin.", listed) == (
        "St. Martin hilft, sagt [Person 1]."
    )


def test_a_person_beside_a_saints_name_is_replaced() -> None:
    out = _replaced(Pseudonymiser(), "Das Gemeindehaus St. Michael ist offen, sagt Frau Stein.", [])
    assert out == "Das Gemeindehaus St. Michael ist offen, sagt [Person 1]."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anna Schmidt und Peter Müller laden zum Sommerfest ein.",
            "[Person 1] und [Person 2] laden zum Sommerfest ein.",
        ),
        ("Pfarrer Thomas Becker laden wir ein.", "Pfarrer [Person 1] laden wir ein."),
        ("Kemal Öztürk laden alle ein.", "[Person 1] laden alle ein."),
        ("Ist Mehmet Yilmaz weg, fehlt die Hilfe.", "Ist [Person 1] weg, fehlt die Hilfe."),
        ("Die Anne Frank Schule ist voll.", "Die Anne Frank Schule ist voll."),
        ("Der Alma Wartenberg platz ist voll.", "Der Alma Wartenberg platz ist voll."),
    ],
)
def test_a_verb_after_a_name_is_no_institution(text: str, expected: str) -> None:
    assert _replaced(Pseudonymiser(), text, []) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Tom-Tom App zeigt keine Radwege.",
        "Ich nutze Tom-Tom zum Navigieren.",
        "Die Lisa App hilft Senioren beim Einkaufen.",
    ],
)
def test_a_product_named_like_a_person_stays(text: str) -> None:
    assert _replaced(Pseudonymiser(), text, []) == text


def test_a_double_first_name_is_still_a_name() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Anna-Lena nutzt die App.", []) == "[Person 1] nutzt die App."


def test_a_display_name_keyed_by_its_emoji_before_keeps_its_placeholder() -> None:
    # an earlier version keyed "Łukasz Wójcik 🚲" by "🚲": a later export of the same
    # chat finds that entry, not a new number
    name = "Łukasz Wójcik 🚲"
    p = Pseudonymiser(known={("person", "🚲"): "[Person 1]"}, originals={("person", "🚲"): name})
    assert p.pseudonymise(f"{name}: Neue Nachricht", [name])[0] == "[Person 1]: Neue Nachricht"
    assert p.pseudonymise("Ewa Nowak 🚲 kommt", ["Ewa Nowak 🚲"])[0] == "[Person 2] kommt"


def test_a_gendered_academic_title_is_no_name_word() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Anna Schmidt kommt.", []) == "[Person 1] kommt."
    assert _replaced(p, "Frau Prof.in Schmidt hat geforscht.", []) == "[Person 1] hat geforscht."
    assert _replaced(p, "Frau Prof.in Anna Schmidt lehrt.", []) == "[Person 1] lehrt."
    assert _replaced(p, "Frau Dr.in Müller kam.", []) == "[Person 2] kam."
    assert _replaced(p, "Die Frau in Rente hilft.", []) == "Die Frau in Rente hilft."


def test_a_family_called_by_its_surname_in_the_plural_is_a_person() -> None:
    p = Pseudonymiser()
    assert _replaced(p, "Wir waren bei Müllers zum Grillen.", []) == (
        "Wir waren bei [Person 1]s zum Grillen."
    )
    assert _replaced(p, "Die Hartmanns von nebenan helfen.", []) == (
        "Die [Person 2]s von nebenan helfen."
    )
    for text in ("Wir essen bei McDonalds.", "Die Bauers kommen.", "Die Kinder von Kochs."):
        assert _replaced(p, text, []) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Schmidts Café hat zu.", "[Person 1] Café hat zu."),
        ("Wir waren in Thomas Müllers Garten.", "Wir waren in [Person 1] Garten."),
        ("Kemal Öztürks Laden ist zu.", "[Person 1] Laden ist zu."),
        ("Jonas Beckers Haus ist alt.", "[Person 1] Haus ist alt."),
        ("Pfarrerin Schultes Gemeinde hilft.", "Pfarrerin [Person 1] Gemeinde hilft."),
        ("Quartiersmanagerin Petersens Büro ist zu.", "Quartiersmanagerin [Person 1] Büro"),
        # named after a person, not owned by one: a place
        ("Die Anne Frank Schule ist gut.", "Die Anne Frank Schule ist gut."),
        ("Das Willy Brandt Haus ist groß.", "Das Willy Brandt Haus ist groß."),
    ],
)
def test_a_name_owning_a_place_is_a_person_not_the_places_name(text: str, expected: str) -> None:
    """ "Anna Schmidts Café" is her café: a name before "Café", "Garten", "Büro" … names a
    place only without the genitive "s" ("Anne Frank Schule")."""
    assert Pseudonymiser().pseudonymise(text)[0].startswith(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Die Thomas Mann Schule ist gut.",
        "Die Hans Sachs Straße ist laut.",
        "Wir treffen uns am Klaus Groth Platz.",
    ],
)
def test_a_first_name_ending_in_s_before_a_place_named_after_a_person_stays(text: str) -> None:
    """ "Thomas" is no genitive of "Thoma": the school is named after Thomas Mann."""
    out, replacements = Pseudonymiser().pseudonymise(text)
    assert (out, replacements) == (text, [])


@pytest.mark.parametrize(
    ("text", "expected", "name"),
    [
        ("Niklas Vorschlag war gut.", "[Person 1] Vorschlag war gut.", "niklas"),
        ("Wir mochten Andreas Kommentar.", "Wir mochten [Person 1] Kommentar.", "andreas"),
        ("Thomas Beitrag kam zum Schluss.", "[Person 1] Beitrag kam zum Schluss.", "thomas"),
        ("Lukas Hinweis auf die Ampel stimmt.", "[Person 1] Hinweis auf die Ampel", "lukas"),
    ],
)
def test_what_a_first_name_ending_in_s_owns_is_no_surname(
    text: str, expected: str, name: str
) -> None:
    """ "Niklas Vorschlag" is Niklas' proposal: the proposal stays in the text and is no
    person's surname (the key was "vorschlag")."""
    pseudonymiser = Pseudonymiser()
    assert pseudonymiser.pseudonymise(text)[0].startswith(expected)
    assert list(pseudonymiser.known) == [("person", name)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Geschwister Scholl Schule ist gut.", "Die Geschwister Scholl Schule ist gut."),
        ("Treffpunkt: Geschwister Scholl Platz.", "Treffpunkt: Geschwister Scholl Platz."),
        # a family's house or garden is theirs: still a person
        ("Familie Kaya Haus ist groß.", "[Person 1] Haus ist groß."),
        ("Familie Müller hat einen Garten.", "[Person 1] hat einen Garten."),
    ],
)
def test_a_street_or_school_named_after_a_family_is_a_place(text: str, expected: str) -> None:
    """ "Geschwister Scholl Schule" (typed without hyphens) is a school, not siblings."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herr Hoffmeister kam später.", "[Person 1] kam später."),
        ("Frau Burmeister kam später.", "[Person 1] kam später."),
        ("Gez. Marlene Hoffmeister", "Gez. [Person 1]"),
        ("Jens Baumeister hat gekocht.", "[Person 1] hat gekocht."),
        # roles stay
        ("Herr Hausmeister hat abgeschlossen.", "Herr Hausmeister hat abgeschlossen."),
        ("Herr Bürgermeister hat gesprochen.", "Herr Bürgermeister hat gesprochen."),
        ("Hausmeister Kowalski ist da.", "Hausmeister [Person 1] ist da."),
    ],
)
def test_a_surname_ending_in_meister_is_a_name(text: str, expected: str) -> None:
    """ "Burmeister", "Hoffmeister" end like a role ("Hausmeister") but are surnames."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Richter kam später.", "[Person 1] kam später."),
        ("Danke an Herrn Richter", "Danke an [Person 1]"),
        ("Herr Schüler sagte, es fehlt Licht.", "[Person 1] sagte, es fehlt Licht."),
        # a role before a name, a role one addresses people by
        ("Herr Richter Müller sprach.", "[Person 1] sprach."),
        ("Herr Pastor kam später.", "Herr Pastor kam später."),
        ("Frau Bürgermeisterin sprach.", "Frau Bürgermeisterin sprach."),
    ],
)
def test_a_surname_that_is_a_role_word_after_a_form_of_address_is_a_name(
    text: str, expected: str
) -> None:
    """ "Richter" is one of the most common German surnames; "Frau Richter" stayed in clear
    because it was read as a role ("Frau Pfarrerin …") without a name after it."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von der Leyen hat das gesagt.", "[Person 1] hat das gesagt."),
        ("Wir danken von der Leyen.", "Wir danken [Person 1]."),
        ("Van den Berg meinte, es fehlt Licht.", "[Person 1] meinte, es fehlt Licht."),
    ],
)
def test_a_listed_surname_with_particles_is_found_at_a_sentence_start(
    text: str, expected: str
) -> None:
    """ "Von der Leyen" of a listed Ursula von der Leyen kept "Leyen" in clear: the
    surname alone after "der" is left to the rules ("der Koch")."""
    listed = ["Ursula von der Leyen", "Pieter van den Berg"]
    assert _replaced(Pseudonymiser(), text, listed) == expected
