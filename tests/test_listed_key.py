"""A person on one workshop's participant list is known project-wide: another workshop's
"Ich stimme Becker zu." is that person, whichever file was imported first."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main


def _protocols(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.md"
    a.write_text(
        "---\nworkshop: Forum A\ndistrict: Manfort\n---\n\n# Protokoll\n\n## Bedarfe\n\n"
        "- Ich stimme Becker zu.\n- Frag mal Yilmaz.\n- Wie Becker meinte, fehlt Schatten.\n"
        "- Mehr Sommer bitte.\n- Die S Bahn fährt zu selten.\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.md"
    b.write_text(
        "---\nworkshop: Forum B\ndistrict: Alkenrath\n---\n\n# Protokoll\n\n"
        "Teilnehmende: Anna Sommer, Jens Becker, Ayşe Yilmaz, Monika Bahn\n\n## Bedarfe\n\n"
        "- Der Spielplatz ist zu klein.\n- Mehr Licht am Abend.\n",
        encoding="utf-8",
    )
    return a, b


@pytest.mark.parametrize("order", ["a then b", "b then a", "one command"])
def test_a_name_on_another_workshops_list_is_replaced_in_any_order(
    project: Project, tmp_path: Path, order: str
) -> None:
    """b.md only lists Jens Becker; a.md's "Ich stimme Becker zu." kept the surname."""
    a, b = _protocols(tmp_path)
    runs = {"a then b": [[a], [b]], "b then a": [[b], [a]], "one command": [[a, b]]}[order]
    for paths in runs:
        assert main(["--project", str(project.path), "import", *map(str, paths)]) == 0
    segments = project.segments()
    forum_a = segments[segments["workshop"] == "Forum A"]["text"].tolist()
    assert len(forum_a) == 5
    assert not any(word in t for t in forum_a[:3] for word in ("Becker", "Yilmaz"))
    becker = forum_a[0].removeprefix("Ich stimme ").removesuffix(" zu.")
    assert becker.startswith("[Person ")
    assert forum_a[2] == f"Wie {becker} meinte, fehlt Schatten."  # one person
    assert forum_a[1] != f"Frag mal {becker}."  # … not Ayşe Yilmaz
    # a listed surname that is a word ("Sommer", "Bahn") stays the word elsewhere
    assert forum_a[3:] == ["Mehr Sommer bitte.", "Die S Bahn fährt zu selten."]
    forum_b = segments[segments["workshop"] == "Forum B"]["text"].tolist()
    assert forum_b == ["Der Spielplatz ist zu klein.", "Mehr Licht am Abend."]
