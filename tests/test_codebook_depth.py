"""YAML nested hundreds of levels deep (a codebook, a protocol's head) stops the import with
a German message: PyYAML parses nested blocks recursively and ended in a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

DEEP_BLOCK = "codes:\n" + "".join(
    "  " * i + "- name: Ebene\n" + "  " * i + "  children:\n" for i in range(1, 400)
)
DEEP_FLOW = "codes: " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize("text", [DEEP_BLOCK, DEEP_FLOW], ids=["eingerückt", "Klammern"])
def test_a_codebook_nested_too_deep_is_refused(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """`workbench codebook import` ended in a traceback; now exit 2 and one line."""
    path = tmp_path / "codebuch.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        f"Fehler: Datei {path}: Codebuch ist kein gültiges YAML: zu tief verschachtelt "
        "(Hunderte Ebenen von Listen oder Einrückungen)."
    )
    assert project.codes().empty


def test_a_protocol_head_nested_too_deep_is_refused(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same for the YAML head of a Markdown protocol."""
    path = tmp_path / "protokoll.md"
    path.write_text(
        "---\nsozialraum: " + "[" * 5000 + "]" * 5000 + "\n---\n\n# Bedarfe\n\n- Kein WLAN\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Datei protokoll.md")
    assert "zu tief verschachtelt" in err and "Traceback" not in err
    assert project.segments().empty
