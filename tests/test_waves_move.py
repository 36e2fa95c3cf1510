"""A workshop imported into the wrong wave (the file imported without --wave went into the
first) is moved with ``workbench waves --move``; importing it again with --wave says where it
stands instead of "nichts geändert" alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.analysis import waves
from workbench.cli.main import main


def _protocol(path: Path, workshop: str, when: str, statements: list[str]) -> Path:
    """A Markdown protocol of a workshop in Manfort."""
    head = f"---\nworkshop: {workshop}\ndistrict: Manfort\ndate: {when}\n---\n\n"
    body = "## Was fehlt?\n\n" + "".join(f"- {s}\n" for s in statements)
    path.write_text(head + f"# {workshop}\n\n" + body, encoding="utf-8")
    return path


def test_a_workshop_imported_without_its_wave_is_moved_there(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _protocol(tmp_path / "m21.md", "Werkstatt Manfort 2021", "2021-05-04", ["Bänke"])
    later = _protocol(tmp_path / "m23.md", "Werkstatt Manfort 2023", "2023-05-04", ["Licht"])
    late = _protocol(tmp_path / "m25.md", "Werkstatt Manfort 2025", "2025-05-04", ["Bus"])
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(first), "--wave", "2021"]) == 0
    assert main([*p, "import", str(later), "--wave", "2023"]) == 0
    assert main([*p, "import", str(first)]) == 0  # the same file again: nothing new
    assert "Ohne --wave" not in capsys.readouterr().out
    assert main([*p, "import", str(late)]) == 0  # --wave forgotten: into the first wave
    assert (  # said at once, with the way out
        "Hinweis: Ohne --wave kam der neue Workshop 'Werkstatt Manfort 2025' in die erste "
        "Welle '2021' (das Projekt hat 2 Wellen, die jüngste '2023'). Gehört er in eine "
        "andere: workbench waves --move 'Werkstatt Manfort 2025' WELLE"
    ) in " ".join(capsys.readouterr().out.split())

    # importing it again with its wave changes nothing, and says so with the way out
    assert main([*p, "import", str(late), "--wave", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Workshop 'Werkstatt Manfort 2025' steht in der Welle '2021', nicht in '2025'" in out
    assert "workbench waves --move 'Werkstatt Manfort 2025' 2025" in out
    assert list(waves.waves(project)["wave"]) == ["2021", "2023"]
    other = _protocol(tmp_path / "m25b.md", "Werkstatt Manfort 2025", "2025-05-04", ["Bank"])
    assert main([*p, "import", str(other), "--wave", "2025"]) == 2  # another file of it
    assert "workbench waves --move 'Werkstatt Manfort 2025' 2025" in capsys.readouterr().err
    assert list(waves.waves(project)["wave"]) == ["2021", "2023"]

    assert main([*p, "waves", "--move", "werkstatt manfort 2025", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Workshop 'Werkstatt Manfort 2025' gehört jetzt zur Welle '2025' (bisher '2021')" in out
    assert "Neue Welle '2025' als letzte angelegt" in out
    table = waves.waves(project)
    assert list(zip(table["wave"], table["segments"], strict=True)) == [
        ("2021", 1),
        ("2023", 1),
        ("2025", 1),
    ]
    assert main([*p, "import", str(late), "--wave", "2025"]) == 0
    assert "Hinweis" not in capsys.readouterr().out  # where it belongs now

    # the other way: a wave left without workshops goes, the others close up
    assert main([*p, "waves", "--move", "Werkstatt Manfort 2023", "2021"]) == 0
    assert "Die Welle '2023' hatte keinen weiteren Workshop" in capsys.readouterr().out
    table = waves.waves(project)
    assert list(zip(table["wave"], table["position"], strict=True)) == [("2021", 1), ("2025", 2)]


def test_moving_a_workshop_that_is_not_there_or_already_there_is_a_clear_error(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _protocol(tmp_path / "m21.md", "Werkstatt Manfort 2021", "2021-05-04", ["Bänke"])
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(first), "--wave", "2021"]) == 0
    capsys.readouterr()
    assert main([*p, "waves", "--move", "Werkstatt Manfurt", "2023"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Workshop 'Werkstatt Manfurt' gibt es nicht")
    assert main([*p, "waves", "--move", "Werkstatt Manfort 2021", " 2021 "]) == 2
    err = capsys.readouterr().err
    assert "gehört schon zur Welle '2021'" in err and "Traceback" not in err
    assert list(waves.waves(project)["wave"]) == ["2021"]
