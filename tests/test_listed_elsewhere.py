"""A person on one workshop's participant list is known project-wide: another workshop's
"Ich stimme Becker zu." is that person, whichever file was imported first; the key numbers
a listed person only where a text names her."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

B_LIST = "Teilnehmende: Anna Sommer, Jens Becker, Ayşe Yilmaz, Monika Bahn"


def _protocol(path: Path, workshop: str, district: str, body: str, head: str = "") -> Path:
    path.write_text(
        f"---\nworkshop: {workshop}\ndistrict: {district}\n---\n\n# Protokoll\n\n{head}"
        f"## Bedarfe\n\n{body}",
        encoding="utf-8",
    )
    return path


def _protocols(tmp_path: Path) -> tuple[Path, Path]:
    a = _protocol(
        tmp_path / "a.md",
        "Forum A",
        "Manfort",
        "- Ich stimme Becker zu.\n- Frag mal Yilmaz.\n- Wie Becker meinte, fehlt Schatten.\n"
        "- Mehr Sommer bitte.\n- Die S Bahn fährt zu selten.\n",
    )
    b = _protocol(
        tmp_path / "b.md",
        "Forum B",
        "Alkenrath",
        "- Der Spielplatz ist zu klein.\n- Mehr Licht am Abend.\n",
        f"{B_LIST}\n\n",
    )
    return a, b


def _import(project: Project, *paths: Path) -> None:
    assert main(["--project", str(project.path), "import", *map(str, paths)]) == 0


@pytest.mark.parametrize("order", ["a then b", "b then a", "one command"])
def test_a_name_on_another_workshops_list_is_replaced_in_any_order(
    project: Project, tmp_path: Path, order: str
) -> None:
    """b.md only lists Jens Becker; a.md's "Ich stimme Becker zu." kept the surname."""
    a, b = _protocols(tmp_path)
    for paths in {"a then b": [[a], [b]], "b then a": [[b], [a]], "one command": [[a, b]]}[order]:
        _import(project, *paths)
    segments = project.segments()
    forum_a = segments[segments["workshop"] == "Forum A"]["text"].tolist()
    assert len(forum_a) == 5
    assert not any(word in t for t in forum_a[:3] for word in ("Becker", "Yilmaz"))
    becker = forum_a[0].removeprefix("Ich stimme ").removesuffix(" zu.")
    assert becker.startswith("[Person ")
    assert forum_a[2] == f"Wie {becker} meinte, fehlt Schatten."  # one person
    assert forum_a[1] != f"Frag mal {becker}."  # Yilmaz is somebody else
    # listed surnames that are words stay words in another workshop
    assert forum_a[3:] == ["Mehr Sommer bitte.", "Die S Bahn fährt zu selten."]
    # only the two people named get a number: the key knows nobody else
    assert sorted(set(project.pseudonym_key().query("kind == 'person'")["placeholder"])) == [
        "[Person 1]",
        "[Person 2]",
    ]


def test_listed_people_nobody_names_get_no_number(project: Project, tmp_path: Path) -> None:
    """Listing people enters nobody into the key: the next person named is [Person 1]."""
    _, b = _protocols(tmp_path)
    c = _protocol(tmp_path / "c.md", "Forum C", "Wiesdorf", "- Herr Kowalczyk fehlt.\n")
    _import(project, b, c)
    key = project.pseudonym_key()
    assert set(key[key["kind"] == "person"]["placeholder"]) == {"[Person 1]"}
    segments = project.segments()
    assert segments[segments["workshop"] == "Forum C"]["text"].tolist() == ["[Person 1] fehlt."]


@pytest.mark.parametrize("order", ["a then b", "b then a"])
def test_a_listed_surname_that_names_a_place_stays_the_place(
    project: Project, tmp_path: Path, order: str
) -> None:
    """Dirk Hamburg and Kai Köln on b.md's list made a.md's "Wie in Hamburg …" and "Köln
    ist zu weit." persons; the Becker of the same list is still replaced."""
    a = _protocol(
        tmp_path / "a.md",
        "Forum A",
        "Manfort",
        "- Wie in Hamburg braucht es mehr Grün.\n- Köln ist zu weit.\n"
        "- Rhein und Wupper treten über die Ufer.\n- Ich stimme Becker zu.\n",
    )
    b = _protocol(
        tmp_path / "b.md",
        "Forum B",
        "Alkenrath",
        "- Mehr Licht am Abend.\n",
        "Teilnehmende: Dirk Hamburg, Kai Köln, Eva Rhein, Jens Becker\n\n",
    )
    for path in (a, b) if order == "a then b" else (b, a):
        _import(project, path)
    segments = project.segments()
    assert segments[segments["workshop"] == "Forum A"]["text"].tolist() == [
        "Wie in Hamburg braucht es mehr Grün.",
        "Köln ist zu weit.",
        "Rhein und Wupper treten über die Ufer.",
        "Ich stimme [Person 1] zu.",
    ]


def test_a_listed_surname_that_is_a_noun_naming_a_person_is_replaced(
    project: Project, tmp_path: Path
) -> None:
    """Jens Müller and Tim Koch on b.md's list: a.md's "Ich stimme Müller zu." stayed in
    clear (every noun surname was left out); "der Koch", "Fischer Allee" stay nouns."""
    a = _protocol(
        tmp_path / "a.md",
        "Forum A",
        "Manfort",
        "- Ich stimme Müller zu.\n- Wie Koch meinte, fehlt Schatten.\n"
        "- Der Koch im Bürgerhaus kocht gut.\n- In der Fischer Allee fehlt Licht.\n"
        "- Mehr Sommer bitte.\n",
    )
    b = _protocol(
        tmp_path / "b.md",
        "Forum B",
        "Alkenrath",
        "- Mehr Licht am Abend.\n",
        "Teilnehmende: Jens Müller, Tim Koch, Karl Fischer, Anna Sommer\n\n",
    )
    _import(project, b, a)
    segments = project.segments()
    assert segments[segments["workshop"] == "Forum A"]["text"].tolist() == [
        "Ich stimme [Person 1] zu.",
        "Wie [Person 2] meinte, fehlt Schatten.",
        "Der Koch im Bürgerhaus kocht gut.",
        "In der Fischer Allee fehlt Licht.",
        "Mehr Sommer bitte.",
    ]
