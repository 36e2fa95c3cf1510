"""What the Voilà app notebooks say in their comments about the runs they show.

The apps follow the reference need run (``need_clusters.reference_run``: the newest run
over all guiding questions), not the newest need run; a team member reading the notebook
to find out which run the participants rate must read that.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

APPS = Path(__file__).resolve().parent.parent / "voila_apps"


def source(name: str) -> str:
    """The code of every cell of the app notebook ``name``."""
    cells = json.loads((APPS / name).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("name", ["bedarfe_bewerten.ipynb", "sozialraumprofil.ipynb"])
def test_need_apps_name_the_reference_run(name: str) -> None:
    """The rating and profile apps name the reference run, not "the latest" need run."""
    text = source(name)
    assert "reference_run" in text
    assert "letzten Bedarfslauf" not in text and "letzten Läufe" not in text
