"""The real corpora in ../shared/corpora import completely and keep their metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

pytestmark = pytest.mark.corpora

OTTENSEN_THEMES = [
    "motorized transport",
    "non-motorized transport",
    "cycling",
    "walking",
    "scooters",
    "public transport (local)",
    "public transport (long-distance)",
    "commercial transport",
    "stationary traffic (parking)",
    "moving traffic",
    "inter- and multimodality",
    "new services",
]


def test_ottensen_imports_697_segments_with_12_theme_attributes(
    corpora: Path, tmp_path: Path
) -> None:
    path = corpora / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv"
    project = Project.create(tmp_path / "p", districts=["Ottensen"])
    [result] = project.import_files(
        [path],
        mapping=_mapping(text_column="text", id_column="document_id"),
        district="Ottensen",
        workshop="Ottensen macht Platz",
    )
    assert result.segments == 697
    segments = project.segments()
    assert len(segments) == 697 and segments["source_id"].is_unique
    first = segments.set_index("source_id").loc["Ott262"]
    assert first["text"].startswith("Der Alma Wartenberg Platz ist ein wichtiger Ort")
    assert "\n" in first["text"]  # multi-line quoted field kept whole
    assert set(OTTENSEN_THEMES) <= set(first["attributes"])
    assert first["attributes"]["cycling"] == 1 and first["attributes"]["walking"] == 0
    assert sum(a["cycling"] for a in segments["attributes"]) > 50


def test_polis_five_conversations_import_as_5764_segments(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in (corpora / "polis-klimarat-at").glob("*/comments.csv"))
    assert len(files) == 5
    project_dir = tmp_path / "p"
    assert main(["init", str(project_dir)]) == 0
    args = [
        "--project",
        str(project_dir),
        "import",
        *files,
        "--text-column",
        "comment-body",
        "--id-column",
        "comment-id",
        "--workshop",
        "{parent}",
    ]
    assert main(args) == 0
    assert main(["--project", str(project_dir), "status", "--json"]) == 0
    import json

    status = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert status["segments"] == 5764
    assert status["workshops"] == 5
    segments = Project.open(project_dir).segments()
    attributes = segments["attributes"]
    assert all({"moderated", "agrees", "disagrees"} <= set(a) for a in attributes)
    assert sum(a["moderated"] == 1 for a in attributes) > 1000
    assert {a["moderated"] for a in attributes} <= {-1, 0, 1}
    # importing again changes nothing
    assert main(args) == 0
    assert Project.open(project_dir).status()["segments"] == 5764


def _mapping(**kwargs):
    from workbench.ingest import TableMapping

    return TableMapping(**kwargs)
