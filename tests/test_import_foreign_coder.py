"""Another project's pseudonymised REFI-QDA export names a participant who codes there by
her placeholder in that project's numbering (``<User name="[Person 1]">``). Imported into
a project whose own ``[Person 1]`` codes under her full name, her codings became this
project's coder's — silently, merging two people's work. Her placeholder is renumbered like
the file's texts (workbench/exchange/foreign.py); the project's own export still comes back
to its coder (tests/test_export_coder_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

OTHER = """---
workshop: Werkstatt A
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Gisela Brandhorst:** Es fehlen Bänke am Spielplatz.
- **Karl Becker:** Die Straßenbeleuchtung ist zu dunkel.
"""

HERE = """---
workshop: Werkstatt B
district: Manfort
date: 2025-06-20
---

## Was fehlt?

- **Hans Müller:** Der Bus fährt zu selten.
"""


@pytest.mark.backends
def test_a_coder_of_another_project_is_not_this_projects_coder_of_her_number(
    project: Project, tmp_path: Path
) -> None:
    other, exported = tmp_path / "anderes", tmp_path / "anderes.qdpx"
    (tmp_path / "a.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "b.md").write_text(HERE, encoding="utf-8")
    assert main(["init", str(other), "--districts", "Manfort"]) == 0
    a, b = ["--project", str(other)], ["--project", str(project.path)]
    for args, source in ((a, "a.md"), (b, "b.md")):
        assert main([*args, "import", str(tmp_path / source)]) == 0
        assert main([*args, "codebook", "add", "Bedarf"]) == 0
    for segment in ("1", "2"):
        assert main([*a, "code", segment, "Bedarf", "--coder", "Gisela Brandhorst"]) == 0
    assert main([*a, "export", str(exported)]) == 0
    assert main([*b, "code", "1", "Bedarf", "--coder", "Hans Müller"]) == 0
    key = project.pseudonym_key().set_index("original")["placeholder"]
    assert key["Hans Müller"] == "[Person 1]"  # her number in the other project
    assert main([*b, "import", str(exported)]) == 0
    key = project.pseudonym_key().set_index("original")["placeholder"]
    coders = project.codings()["coder"].value_counts().to_dict()
    assert coders == {"Hans Müller": 1, key["[Person 1] aus anderes"]: 2}
