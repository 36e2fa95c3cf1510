"""Test helpers for transcript and chat files: write one, import it into a project."""

from __future__ import annotations

from pathlib import Path

from workbench import Project
from workbench.cli.main import main


def write_file(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` as ``folder/name`` in ``encoding`` and return the path."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def import_into(project: Project, path: Path) -> int:
    """``workbench import PATH --district Manfort`` into ``project``; the exit code."""
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


def record_file(path: Path, asking: str, answering: str, said: list[str]) -> Path:
    """A citizens' meeting record: ``said`` alternates between the two labels."""
    labels = [asking, answering] * (len(said) // 2)
    lines = ["Bürgerversammlung Wiesdorf"]
    lines += [f"{who}: {text}" for who, text in zip(labels, said, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record_roles(
    project: Project, folder: Path, asking: str, answering: str, said: list[str]
) -> list[str]:
    """Import a record (:func:`record_file`) and return its stored roles, after asserting
    that every text kept every word."""
    path = record_file(folder / "versammlung.txt", asking, answering, said)
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["text"]) == said
    return [str(role) for role in stored["speaker_role"]]
