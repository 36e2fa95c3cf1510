"""A conversation typed as a protocol ("- Dilara: …" / "- Quirin: …" in Markdown, also
"**Quirin:** …") kept a first name the gazetteer lacks in clear: in the statement's text
and, set in bold, as its speaker role — the same lines as a ``.txt`` transcript made it a
speaker. Such a name is a person now; a record's lead-ins ("Wichtig:", "Offen:",
"Pro:", "Moderation:") beside a speaker's turns stay words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main

TURNS = [
    ("Dilara", "Wir brauchen mehr Bänke am Marktplatz."),
    ("Quirin", "Und einen Bolzplatz für die Kinder."),
    ("Dilara", "Genau, der alte ist seit Jahren gesperrt."),
]


def _import(project: Project, path: Path) -> None:
    args = ["--project", str(project.path), "import", "--district", "Manfort", str(path)]
    assert main([*args, "--workshop", "Forum"]) == 0


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("liste.md", "- {who}: {said}"),
        ("nummern.md", "1. {who}: {said}"),
        ("absaetze.md", "{who}: {said}\n"),
        ("fett.md", "**{who}:** {said}\n"),
    ],
)
def test_an_unknown_first_name_among_turns_is_a_person(
    project: Project, tmp_path: Path, name: str, line: str
) -> None:
    path = tmp_path / name
    body = "\n".join(line.format(who=who, said=said) for who, said in TURNS)
    path.write_text(f"# Stadtteilforum\n\n{body}\n", encoding="utf-8")
    _import(project, path)
    assert "Quirin" not in stored_text(project)
    key = project.pseudonym_key()
    people = dict(zip(key["original"], key["placeholder"], strict=True))
    assert {"Dilara", "Quirin"} <= set(people)
    stored = project.segments().sort_values("position")
    said = [
        f"{role}: {text}" if isinstance(role, str) else text
        for role, text in zip(stored["speaker_role"], stored["text"], strict=True)
    ]
    assert said[1] == f"{people['Quirin']}: Und einen Bolzplatz für die Kinder."


@pytest.mark.parametrize("word", ["Wichtig", "Offen", "Parken", "Pro", "Contra", "Moderation"])
def test_a_records_lead_ins_beside_turns_stay_words(
    project: Project, tmp_path: Path, word: str
) -> None:
    path = tmp_path / "protokoll.md"
    lines = [f"- {who}: {said}" for who, said in TURNS[::2]]
    lines.insert(1, f"- {word}: Die Beleuchtung am Weg fehlt.")
    path.write_text("# Stadtteilforum\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    _import(project, path)
    assert word not in set(project.pseudonym_key()["original"])
    texts = project.segments().sort_values("position")["text"].tolist()
    assert texts[1] == f"{word}: Die Beleuchtung am Weg fehlt."


def test_a_name_beside_a_role_is_a_person_once(project: Project, tmp_path: Path) -> None:
    """ "Bewohnerin (Quirin Zabelberg): …" once, the first name unknown: the role says a
    person speaks (it stayed in clear: only a repeated lead-in counted); a topic beside a
    group ("Gruppe (Praktischer Klimaschutz): …") stays."""
    path = tmp_path / "protokoll.md"
    path.write_text(
        "# Stadtteilforum\n\n## Was fehlt?\n\n"
        "Moderation: Was fehlt im Quartier?\n\n"
        "Bewohnerin (Quirin Zabelberg): Ein Treffpunkt für Jugendliche.\n\n"
        "Gruppe (Praktischer Klimaschutz): Mehr Bäume an der Straße.\n",
        encoding="utf-8",
    )
    _import(project, path)
    stored = stored_text(project)
    assert "Quirin" not in stored and "Zabelberg" not in stored
    texts = project.segments().sort_values("position")["text"].tolist()
    assert texts[1].startswith("Bewohnerin ([Person ") and texts[1].endswith(
        "]): Ein Treffpunkt für Jugendliche."
    )
    assert texts[2] == "Gruppe (Praktischer Klimaschutz): Mehr Bäume an der Straße."


CARDS = ["Lastenrad: zum Ausleihen", "Tauschregal: vor der Bücherei", "Sitzbank: am Spielplatz"]


def test_a_card_walls_compound_nouns_beside_a_signed_card_stay_words(
    project: Project, tmp_path: Path
) -> None:
    """A card wall where one participant signs two cards ("- Anna: …") made the compound
    nouns of the other cards ("Lastenrad", "Tauschregal": no dictionary entry, no telling
    ending) persons: "[Person 2]: zum Ausleihen". Compounds of German nouns stay words.
    Beside topic cards no opener becomes a person (the record-of-topics rule), so an
    unknown first name among them stays as the old code had it (decision 002)."""
    path = tmp_path / "kartenwand.md"
    lines = ["- Anna: Bänke am Markt", "- Anna: Licht im Park", *(f"- {c}" for c in CARDS)]
    lines.append("- Quirin: Ein Bolzplatz für alle")
    path.write_text("# Kartenwand Manfort\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    _import(project, path)
    people = set(project.pseudonym_key().query("kind == 'person'")["original"])
    assert people == {"Anna"}
    texts = project.segments().sort_values("position")["text"].tolist()
    assert texts[2:5] == CARDS
