"""English words in a protocol's lead-ins: an organisation beside a role ("Bewohnerin
(Youth Council): …") and a card heading among the turns of a conversation ("- Parking:
…" between "- Anna: …" and "- Jonas: …") became persons, "[Person 2]: Zu wenige
Plätze". No English lexicon is installed; faker's common English words, English
gerunds, compounds of two such words and the heads of groups ("Council", "Club") say
that a word is English, not a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.lead_in_names import english_word


def _import(project: Project, path: Path, body: str) -> list[str]:
    path.write_text(body, encoding="utf-8")
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Forum"]) == 0
    return project.segments().sort_values("position")["text"].tolist()


def _people(project: Project) -> set[str]:
    return set(project.pseudonym_key().query("kind == 'person'")["original"])


@pytest.mark.parametrize("group", ["Youth Council", "Urban Gardening", "Tenants Union"])
def test_an_english_organisation_beside_a_role_stays(
    project: Project, tmp_path: Path, group: str
) -> None:
    body = (
        "# Stadtteilforum\n\nModeration: Was fehlt im Quartier?\n\n"
        f"Bewohnerin ({group}): Ein Treffpunkt am Abend.\n\n"
        "Anwohner (Quirin Zabelberg): Mehr Bänke am Markt.\n"
    )
    texts = _import(project, tmp_path / "protokoll.md", body)
    assert texts[1] == f"Bewohnerin ({group}): Ein Treffpunkt am Abend."
    assert _people(project) == {"Quirin Zabelberg"}  # the person beside a role still is one
    assert "Zabelberg" not in stored_text(project)


@pytest.mark.parametrize("card", ["Parking", "Streetwork", "Playground", "Gardening"])
@pytest.mark.parametrize("line", ["- {who}: {said}", "**{who}:** {said}\n"])
def test_an_english_card_among_turns_stays_a_word(
    project: Project, tmp_path: Path, card: str, line: str
) -> None:
    turns = [
        ("Anna", "Wir brauchen mehr Bänke am Marktplatz."),
        ("Jonas", "Und einen Bolzplatz für die Kinder."),
        (card, "Zu wenige Plätze am Abend."),
        ("Jonas", "Genau, der alte ist seit Jahren gesperrt."),
    ]
    body = "\n".join(line.format(who=who, said=said) for who, said in turns)
    _import(project, tmp_path / "runde.md", f"# Stadtteilforum\n\n{body}\n")
    assert _people(project) == {"Anna", "Jonas"}
    stored = project.segments().sort_values("position")
    said = [
        f"{role}: {text}" if isinstance(role, str) else text
        for role, text in zip(stored["speaker_role"], stored["text"], strict=True)
    ]
    assert said[2] == f"{card}: Zu wenige Plätze am Abend."


def test_names_that_only_look_english_stay_names() -> None:
    """Unknown first names stay open: a Pinyin "-ing" ("Xiaoming"), Frisian, Arabic."""
    assert not any(english_word(w) for w in ("Xiaoming", "Jiaming", "Quirin", "Okke", "Wisam"))
    assert all(english_word(w) for w in ("Parking", "Lighting", "Meeting", "Nightlife"))


@pytest.mark.parametrize("name", ["Quirin Wenning", "Quirin Epping", "Quirin Stelling"])
def test_a_name_ending_in_ing_beside_a_role_is_a_person(
    project: Project, tmp_path: Path, name: str
) -> None:
    """ "Bewohnerin (Quirin Wenning): …" stayed in clear: the "-nning" read as an English
    gerund's spelling. Beside other words only an English word ("Gardening") says so."""
    body = f"# Stadtteilforum\n\nModeration: Was fehlt?\n\nBewohnerin ({name}): Ein Treffpunkt.\n"
    texts = _import(project, tmp_path / "protokoll.md", body)
    assert _people(project) == {name}
    assert name.split()[1] not in stored_text(project)
    assert texts[1].startswith("Bewohnerin ([Person ")


@pytest.mark.parametrize("card", ["Traffic", "Noise", "Mobility", "Cleanup", "Greenery", "Youth"])
def test_an_english_topic_card_among_turns_stays_a_word(
    project: Project, tmp_path: Path, card: str
) -> None:
    """ "- Traffic: …" among "- Anna: …" turns became "[Person 3]: …": faker's common words
    lack these topics; a short list and English endings ("-ity", "-hood") know them."""
    turns = [
        ("Anna", "Wir brauchen mehr Bänke am Marktplatz."),
        ("Jonas", "Und einen Bolzplatz für die Kinder."),
        (card, "Zu viele Autos am Abend."),
        ("Jonas", "Genau, der alte ist seit Jahren gesperrt."),
    ]
    body = "\n".join(f"- {who}: {said}" for who, said in turns)
    texts = _import(project, tmp_path / "runde.md", f"# Stadtteilforum\n\n{body}\n")
    assert _people(project) == {"Anna", "Jonas"}
    assert texts[2] == f"{card}: Zu viele Autos am Abend."


def test_english_first_names_are_no_english_topic_words() -> None:
    """The new English words stay off English first names: faker's English first names
    ("Felicity", "Trinity", "Charity" end in "-ity"; "Shade" is one) are no topic word,
    also where they have the ending; the topics and endings still read as English."""
    from workbench.ingest.lead_in_names import _ENGLISH_TOPICS
    from workbench.ingest.unlisted_words import english_first_names, english_words

    names = english_first_names()
    assert {"grace", "hope", "felicity", "trinity", "charity", "shade"} <= names
    new = [n for n in names if n.endswith(("ity", "hood", "ism")) or n in _ENGLISH_TOPICS]
    assert new and not [n for n in new if n not in english_words() and english_word(n.title())]
    assert all(english_word(w.title()) for w in _ENGLISH_TOPICS | {"mobility", "vandalism"})


@pytest.mark.parametrize("name", ["Verity", "Garrity", "McGarrity"])
def test_an_english_name_ending_in_ity_among_turns_is_a_person(
    project: Project, tmp_path: Path, name: str
) -> None:
    """ "- Verity: …", "- Garrity: …" among "- Anna: …" turns stayed in clear: faker's first
    names lack them and the ending "-ity" made them English topic words."""
    turns = [
        ("Anna", "Wir brauchen mehr Bänke am Marktplatz."),
        ("Jonas", "Und einen Bolzplatz für die Kinder."),
        (name, "Zu viele Autos am Abend."),
        ("Jonas", "Genau, der alte ist seit Jahren gesperrt."),
    ]
    body = "\n".join(f"- {who}: {said}" for who, said in turns)
    texts = _import(project, tmp_path / "runde.md", f"# Stadtteilforum\n\n{body}\n")
    assert _people(project) == {"Anna", "Jonas", name}
    assert name not in stored_text(project)
    assert texts[2].startswith("[Person ")


@pytest.mark.parametrize("group", ["Critical Mass", "Kidical Mass", "Critical Mass Hamburg"])
def test_a_groups_english_name_in_a_bold_lead_in_is_no_person(
    project: Project, tmp_path: Path, group: str
) -> None:
    """ "**Gruppe - Critical Mass:** …" became a person ("Critical" no common English word,
    "Mass" a surname): "Mass" was replaced in every text. An English "-ical" adjective is
    no first name; a person beside a group word still is one."""
    body = (
        "# Stadtteilforum\n\n**Moderation:** Was fehlt im Quartier?\n\n"
        f"**Gruppe - {group}:** Sichere Radwege, jeden letzten Freitag.\n\n"
        "**Gruppe - Quirin Zabelberg:** Mehr Bänke am Markt.\n"
    )
    _import(project, tmp_path / "protokoll.md", body)
    assert _people(project) == {"Quirin Zabelberg"}
    stored = project.segments().sort_values("position")
    assert f"Gruppe - {group}" in set(stored["speaker_role"])
    assert "Zabelberg" not in stored_text(project)
