"""REFI-QDA export with originals, imported into a fresh project: the names are known.

A name that only the workshop's participant list made a person ("Hol Quandt dazu!") came
back in clear: the file carried the texts with the names but not the list. The workshop
set of an export with originals now carries the list (``Teilnehmende``); a pseudonymised
export never does.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.qdpx_data import MANFORT_PROTOCOL, Q, fresh, qde_root, refi_schema, rezip
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.exchange.export import export_qdpx
from workbench.exchange.qdpx import import_qdpx
from workbench.exchange.qdxml import parse_block

PROTOCOL = MANFORT_PROTOCOL

OTHER = """---
workshop: Quartiersworkshop Opladen
date: 2021-03-05
district: Opladen
---
# Herausforderungen und Bedarfe

- Der Bus fährt zu selten.
"""


@pytest.fixture
def first(tmp_path: Path) -> Project:
    """A project that knows Holger Quandt and Mia Dornbusch from the participants list."""
    project = fresh(tmp_path / "erstes")
    (tmp_path / "manfort.md").write_text(PROTOCOL, encoding="utf-8")
    (tmp_path / "opladen.md").write_text(OTHER, encoding="utf-8")
    project.import_files([tmp_path / "manfort.md", tmp_path / "opladen.md"])
    return project


def _texts(project: Project) -> list[str]:
    return sorted(project.segments().text)


def test_originals_round_trip_into_a_fresh_project_pseudonymises_as_the_first(
    first: Project, tmp_path: Path
) -> None:
    assert "Hol [Person 1] dazu! Er kennt den Spielplatz." in _texts(first)
    out = tmp_path / "original.qdpx"
    assert (
        main(["--project", str(first.path), "export", "--format", "qdpx", "--originals", str(out)])
        == 0
    )
    refi_schema().assertValid(qde_root(out))
    again = fresh(tmp_path / "neu")
    assert main(["--project", str(again.path), "import", str(out)]) == 0
    assert _texts(again) == _texts(first)
    assert "Quandt" not in " ".join(_texts(again))
    key = again.pseudonym_key().to_dict("records")
    assert key == first.pseudonym_key().to_dict("records")
    # The list stays with its workshop, as in the first project.
    listed = {w: sorted(names) for w, names in _listed(again).items()}
    assert listed == {"Quartiersworkshop Manfort": ["Holger Quandt", "Mia Dornbusch"]}


def _listed(project: Project) -> dict[str, list[str]]:
    from sqlalchemy import select

    from workbench.store import ListedName, Workshop

    with project.session() as s:
        rows = s.execute(
            select(Workshop.name, ListedName.name).join(
                ListedName, ListedName.workshop_id == Workshop.id
            )
        )
        result: dict[str, list[str]] = {}
        for workshop, name in rows:
            result.setdefault(workshop, []).append(name)
    return result


def test_pseudonymised_export_carries_no_name_list(first: Project, tmp_path: Path) -> None:
    out = tmp_path / "weitergabe.qdpx"
    export_qdpx(first, out)
    with zipfile.ZipFile(out) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert b"Quandt" not in everything and b"Holger" not in everything
    assert b"Teilnehmende" not in everything


def test_a_broken_name_list_stops_the_import_in_german(first: Project, tmp_path: Path) -> None:
    out = tmp_path / "original.qdpx"
    export_qdpx(first, out, pseudonymised=False)
    root = qde_root(out)
    for description in root.iter(f"{Q}Description"):
        fields = parse_block("Werkbank-Workshop", description.text)
        if fields and "Teilnehmende" in fields:
            assert json.loads(fields["Teilnehmende"]) == ["Holger Quandt", "Mia Dornbusch"]
            description.text = description.text.replace(fields["Teilnehmende"], "Holger Quandt")
    from lxml import etree

    broken = rezip(out, tmp_path / "kaputt.qdpx", etree.tostring(root))
    again = fresh(tmp_path / "neu")
    with pytest.raises(InputError, match="Teilnehmende ist keine Liste von Namen"):
        import_qdpx(again, broken)
    assert again.status()["segments"] == 0
