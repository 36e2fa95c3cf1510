"""REFI-QDA export with originals, its descriptions saved with Windows line breaks.

A program on Windows that writes a description's line breaks as ``&#13;&#10;`` (as MAXQDA
writes text, see test_qdpx_maxqda) left a "\\r" at the end of every field of our blocks:
the workshops were called "Quartiersworkshop Manfort\\r", and the review decisions under
the project description were not found at all, so a confirmed name came back in clear.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from tests.qdpx_data import Q, fresh, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.export import export_qdpx
from workbench.exchange.qdpx import import_qdpx

PROTOCOL = """---
workshop: Quartiersworkshop Manfort
date: 2021-03-03
district: Manfort
participants: [Holger Quandt]
---
# Herausforderungen

- Hol Quandt dazu! Er kennt den Spielplatz.
- Die Projektleiterin Quandtmeyer hat den Raum organisiert.
"""


def _first(tmp_path: Path) -> Project:
    """A project with a listed participant and a confirmed name."""
    project = fresh(tmp_path / "erstes")
    (tmp_path / "manfort.md").write_text(PROTOCOL, encoding="utf-8")
    project.import_files([tmp_path / "manfort.md"])
    args = ["--project", str(project.path), "pseudonyms", "confirm", "Quandtmeyer"]
    assert main(args) == 0
    return project


def test_windows_line_breaks_in_descriptions_keep_names_and_workshops(tmp_path: Path) -> None:
    first = _first(tmp_path)
    out = tmp_path / "original.qdpx"
    export_qdpx(first, out, pseudonymised=False)
    root = qde_root(out)
    for description in root.iter(f"{Q}Description"):
        if description.text:
            description.text = description.text.replace("\n", "\r\n")
    saved = etree.tostring(root)
    assert b"&#13;" in saved  # a break as the program wrote it, not a plain line end
    windows = rezip(out, tmp_path / "windows.qdpx", saved)
    again = fresh(tmp_path / "neu")
    import_qdpx(again, windows)
    texts = sorted(re.sub(r"\[Person \d+\]", "[Person]", t) for t in again.segments()["text"])
    assert texts == [
        "Die Projektleiterin [Person] hat den Raum organisiert.",
        "Hol [Person] dazu! Er kennt den Spielplatz.",
    ]
    assert set(again.segments()["workshop"]) == {"Quartiersworkshop Manfort"}
