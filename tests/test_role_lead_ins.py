"""A person named beside a role in a protocol's plain or bold lead-in: after a dash or a
comma ("Bewohnerin – Quirin Zabelberg: …", as in brackets since session 35) and a
surname alone after a word for a resident ("Bewohnerin Zabelberg: …") stayed in clear.
Places, things and directions after the role stay words ("Anwohner Nord: …")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

HEAD = "# Stadtteilforum\n\n## Was fehlt?\n\nModeration: Was fehlt im Quartier?\n\n"


def _import(project: Project, tmp_path: Path, line: str) -> list[str]:
    path = tmp_path / "protokoll.md"
    path.write_text(f"{HEAD}{line}\n", encoding="utf-8")
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Forum"]) == 0
    stored = project.segments().sort_values("position")
    return [
        f"{role}: {text}" if isinstance(role, str) else text
        for role, text in zip(stored["speaker_role"], stored["text"], strict=True)
    ]


@pytest.mark.parametrize("sep", [" – ", " — ", ", "])
@pytest.mark.parametrize("role", ["Bewohnerin", "Kita"])
def test_a_name_after_a_dash_or_comma_beside_a_role_is_a_person(
    project: Project, tmp_path: Path, sep: str, role: str
) -> None:
    said = _import(project, tmp_path, f"{role}{sep}Quirin Zabelberg: Ein Treffpunkt.")
    assert "Quirin" not in stored_text(project) and "Zabelberg" not in stored_text(project)
    assert said[1].startswith(f"{role}{sep}[Person ")
    assert said[1].endswith("]: Ein Treffpunkt.")


@pytest.mark.parametrize("sep", [" – ", ", "])
@pytest.mark.parametrize("topic", ["Praktischer Klimaschutz", "Offene Tür", "Altbau Nord"])
def test_a_topic_after_a_dash_beside_a_group_stays(
    project: Project, tmp_path: Path, sep: str, topic: str
) -> None:
    line = f"Gruppe{sep}{topic}: Mehr Bäume an der Straße."
    assert _import(project, tmp_path, line)[1] == line
    assert project.pseudonym_key().query("kind == 'person'").empty


@pytest.mark.parametrize("line", ["{lead}: Ein Treffpunkt.", "**{lead}:** Ein Treffpunkt."])
@pytest.mark.parametrize("lead", ["Bewohnerin Zabelberg", "Anwohner Wübbenhorst"])
def test_a_surname_after_a_residents_word_is_a_person(
    project: Project, tmp_path: Path, line: str, lead: str
) -> None:
    said = _import(project, tmp_path, line.format(lead=lead))
    role, surname = lead.split()
    assert surname not in stored_text(project)
    placeholder = project.pseudonym_key().set_index("original").loc[surname, "placeholder"]
    assert said[1] == f"{role} {placeholder}: Ein Treffpunkt."


@pytest.mark.parametrize("word", ["Nord", "Altbau", "Erdgeschoss", "Opladen", "Schlebusch", "Koch"])
def test_a_place_or_thing_after_a_residents_word_stays(
    project: Project, tmp_path: Path, word: str
) -> None:
    line = f"Bewohnerin {word}: Ein Treffpunkt."
    assert _import(project, tmp_path, line)[1] == line
    assert project.pseudonym_key().query("kind == 'person'").empty


@pytest.mark.parametrize("lead", ["Bewohnerin Ottensen", "Anwohner Osdorf", "Anwohnerin Ehrenfeld"])
def test_a_quarter_after_a_residents_word_stays(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """ "Bewohnerin Ottensen: …" made the quarter she lives in a person: its ending ("-sen",
    "-dorf", "-feld") read as a surname's. A surname the gazetteer knows still is one."""
    line = f"{lead}: Ein Treffpunkt."
    assert _import(project, tmp_path, line)[1] == line
    assert project.pseudonym_key().query("kind == 'person'").empty


def test_a_known_surname_with_a_quarters_ending_is_a_person(
    project: Project, tmp_path: Path
) -> None:
    said = _import(project, tmp_path, "Mieterin Hansen: Ein Treffpunkt.")
    assert "Hansen" not in stored_text(project)
    assert said[1].startswith("Mieterin [Person ")


@pytest.mark.parametrize(
    "lead",
    [
        "Mitbewohnerin Zabelberg",
        "Seniorin Zabelberg",
        "Schülerin Wübbenhorst",
        "Elternvertreterin Zabelberg",
        "Elternvertreter Wübbenhorst",
        "Mieterbeirätin Oltmanns",
        "Bewohnerin Zabelberg-Quast",
        "Seniorin Wübbenhorst-Lüders",
        "Anwohner Müller-Lüdenscheidt",
    ],
)
def test_a_surname_after_another_word_for_a_person_is_a_person(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """Session 36 knew "Bewohnerin"/"Anwohner" …: "Seniorin Zabelberg: …", "Mitbewohnerin …",
    "Elternvertreterin …" and a double surname ("Bewohnerin Zabelberg-Quast") stayed in clear."""
    said = _import(project, tmp_path, f"{lead}: Ein Treffpunkt.")
    role, surname = lead.split()
    assert not any(part in stored_text(project) for part in surname.split("-"))
    placeholder = project.pseudonym_key().set_index("original").loc[surname, "placeholder"]
    assert said[1] == f"{role} {placeholder}: Ein Treffpunkt."


@pytest.mark.parametrize(
    "lead",
    [
        "Bewohner Mümmelmannsberg",  # a place named after someone: "-s-berg"
        "Anwohner Wilhelmsburg",
        "Bewohnerin Barmbek",  # "-bek" of Hamburg's quarters
        "Anwohnerin Steinbek",
        "Nachbarin Nord",  # a direction after a neighbour
        "Nachbar Nordost",
        "Nachbarin Westend",
        "Nachbarin Hochfeld",  # a quarter's ending after a neighbour, as after "Anwohnerin"
        "Nachbarin Neudorf-Süd",
        "Anwohner Rheindorf-Nord",
        "Seniorin Manfort",  # the project's district
        "Schüler Oberstufe",  # a noun the gazetteer knows as no surname
        "Rentner Rheindorf",
    ],
)
@pytest.mark.parametrize("bold", [False, True])
def test_a_place_or_direction_after_a_word_for_a_person_stays(
    project: Project, tmp_path: Path, lead: str, bold: bool
) -> None:
    """ "Bewohner Mümmelmannsberg: …", "Nachbarin Nord: …" made the quarter a person."""
    line = f"**{lead}:** Ein Treffpunkt." if bold else f"{lead}: Ein Treffpunkt."
    assert _import(project, tmp_path, line)[1] == f"{lead}: Ein Treffpunkt."
    assert project.pseudonym_key().query("kind == 'person'").empty


@pytest.mark.parametrize("lead", ["Nachbarin Zabelberg", "Nachbarin Rosenberg", "Seniorin Hansen"])
def test_a_surname_with_a_places_ending_after_a_neighbour_is_a_person(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """The places' shapes leave surnames: "-berg" without a genitive "s", a known surname."""
    said = _import(project, tmp_path, f"{lead}: Ein Treffpunkt.")
    assert lead.split()[1] not in stored_text(project)
    assert said[1].startswith(f"{lead.split()[0]} [Person ")


@pytest.mark.parametrize(
    "lead",
    [
        "Bewohnerin Schulze-Delitzsch",  # a surname with a town's name beside it
        "Seniorin Hoffmann-Nordhausen",
        "Nachbarin Wübbenhorst-Eilbek",
        "Mitbewohnerin Özbek",  # "-bek" after two letters: Turkish, no Hamburg quarter
        "Anwohner Hrbek",
    ],
)
def test_a_surname_beside_or_like_a_town_after_a_word_for_a_person_is_a_person(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """ "Bewohnerin Schulze-Delitzsch: …" kept "Schulze" in clear: one part a place made
    the whole a place; "Mitbewohnerin Özbek: …" read as a quarter like "Barmbek"."""
    said = _import(project, tmp_path, f"{lead}: Ein Treffpunkt.")
    role, surname = lead.split()
    assert not any(part in stored_text(project) for part in surname.split("-"))
    assert said[1].startswith(f"{role} [Person ")


@pytest.mark.parametrize(
    "lead", ["Bewohnerin Opladen-Quettingen", "Nachbarin Eppendorf-Süd", "Anwohnerin Eilbek"]
)
def test_two_places_or_a_place_and_a_direction_after_a_resident_stay(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """Two quarters, a quarter and a direction, a Hamburg "-bek" remain where one lives."""
    assert _import(project, tmp_path, f"{lead}: Ein Treffpunkt.")[1] == f"{lead}: Ein Treffpunkt."
    assert project.pseudonym_key().query("kind == 'person'").empty


@pytest.mark.parametrize(
    "line",
    [
        "Pfarrerin West hat den Saal angeboten.",
        "Hausmeister Ost schließt abends ab.",
        "Quartiersmanagerin Nord lädt zum Fest ein.",
        "Pfarrer West: Der Saal ist frei.",
    ],
)
def test_a_direction_after_a_role_that_is_no_resident_is_a_surname(
    project: Project, tmp_path: Path, line: str
) -> None:
    """ "Pfarrerin West hat …" kept "West" in clear: a direction after any role read as
    where; only after a resident or a neighbour ("Nachbarin Nord: …") it is."""
    _import(project, tmp_path, line)
    surname = line.split()[1].rstrip(":")
    assert surname not in stored_text(project)
    assert surname in set(project.pseudonym_key().query("kind == 'person'")["original"])


@pytest.mark.parametrize("line", ["{lead}: Ein Treffpunkt.", "**{lead}:** Ein Treffpunkt."])
@pytest.mark.parametrize(
    "lead", ["Seniorin Terwiel", "Rentner Tönjes", "Teilnehmerin Schnittker", "Seniorin Plümer"]
)
def test_an_unknown_surname_without_a_surnames_ending_after_a_persons_word_is_a_person(
    project: Project, tmp_path: Path, line: str, lead: str
) -> None:
    """Surnames faker does not list and no ending gives away ("Terwiel", "Tönjes") stayed
    in clear after "Seniorin", "Bewohner": a word of no noun, compound, place or thing is
    her name."""
    said = _import(project, tmp_path, line.format(lead=lead))
    role, surname = lead.split()
    assert surname not in stored_text(project)
    placeholder = project.pseudonym_key().set_index("original").loc[surname, "placeholder"]
    assert said[1] == f"{role} {placeholder}: Ein Treffpunkt."


@pytest.mark.parametrize(
    "lead",
    [
        "Bewohner Walsum",
        "Nachbarin Meiderich",
        "Nachbar Lokstedt",
        "Anwohnerin Hamborn",
        "Bewohnerin Ruhrort",
        "Seniorin Sport",
        "Schüler Mathe",
        "Seniorin Kaffeeklatsch",
        "Teilnehmerin Online",
    ],
)
def test_a_quarter_topic_or_compound_after_a_persons_word_stays(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """A quarter the dictionary lacks ends like a place ("-um", "-erich", "-stedt", "-born",
    "-ort"); a topic or compound is a word: neither becomes a person."""
    line = f"{lead}: Ein Treffpunkt."
    assert _import(project, tmp_path, line)[1] == line
    assert project.pseudonym_key().query("kind == 'person'").empty


@pytest.mark.parametrize(
    "lead",
    [
        "Vertreterin Ditib",
        "Vertreter Hvv",
        "Besucherin Hammam",
        "Bewohner Marzahn",
        "Bewohnerin Veddel",
        "Anwohner Porz",
        "Bewohnerin Blankenese",
    ],
)
def test_an_unknown_word_after_a_word_for_where_she_lives_or_belongs_stays(
    project: Project, tmp_path: Path, lead: str
) -> None:
    """ "Bewohner Marzahn: …" made the quarter a person, replaced in every text of the
    project: after a word for what she belongs to an unknown word is as often an
    organisation, and after a resident's word a quarter the file writes as a place ("im
    Marzahn") is one (alone a resident's unknown word names her since session 40:
    :mod:`tests.test_resident_lead_ins`)."""
    quarter = lead.split()[1]
    line = f"{lead}: In der Nähe fehlt ein Treffpunkt. Ich wohne seit Jahren in {quarter}."
    assert _import(project, tmp_path, line)[1] == line
    assert project.pseudonym_key().query("kind == 'person'").empty
