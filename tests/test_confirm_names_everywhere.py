"""A name confirmed with ``pseudonyms confirm`` is replaced wherever the project stores it:
in the statements and, as at an import that learns a name, in the file name, the title and
the workshop's name. Only the statements were changed: "Treffen bei Sonnenberg" stayed the
workshop's name in every app, report and export after "Sonnenberg" was confirmed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.review import decide

PROTOCOL = """# Treffen bei Sonnenberg

## Was fehlt?

- Bei Sonnenberg war es gemütlich.
- Mehr Bänke am Markt.
"""


def test_a_confirmed_name_leaves_the_file_name_title_and_workshop(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "Treffen_Sonnenberg.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    project.import_files([path], district="Manfort")
    assert "Sonnenberg" in stored_text(project)  # read as a place at import
    assert decide(project, ["Sonnenberg"], "confirm") == 1
    (placeholder,) = project.pseudonym_key().query("kind == 'person'")["placeholder"]
    assert project.segments()["text"].tolist()[0] == f"Bei {placeholder} war es gemütlich."
    assert project.workshops()["workshop"].tolist() == [f"Treffen bei {placeholder}"]
    documents = project.documents()
    assert documents["filename"].tolist() == [f"Treffen_{placeholder}.md"]
    assert documents["title"].tolist() == [f"Treffen bei {placeholder}"]
