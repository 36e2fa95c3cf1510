"""The demo study: builds a project from ``corpus/`` (idempotent)."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.domain import WorkbenchError
from workbench.ingest.table import TableMapping
from workbench.project import CONFIG_FILE, Project
from workbench.synthesis.indicators import import_indicators

DEMO_DISTRICTS = ("Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel")

# How the card-wall exports of the demo study are read (the same as on the CLI:
# --id-column Karten-ID --text-column Text --workshop-column Workshop …).
CARD_MAPPING = TableMapping(
    text_column="Text",
    id_column="Karten-ID",
    district_column="Sozialraum",
    workshop_column="Workshop",
    question_column="Leitfrage",
    role_column="Rolle",
)


def corpus_dir() -> Path:
    """The corpus folder: ``WORKBENCH_CORPUS`` or ``corpus/`` beside the package."""
    folder = Path(
        os.environ.get("WORKBENCH_CORPUS", Path(__file__).resolve().parent.parent / "corpus")
    )
    if not (folder / "demo").is_dir():
        raise WorkbenchError(f"Demo-Korpus nicht gefunden: {folder / 'demo'}")
    return folder


def build_demo(
    target: str | Path, corpus: str | Path | None = None, analyse: bool = False
) -> Project:
    """Create (or complete) the demo project in ``target`` and return it.

    With ``analyse`` the need clusters and topics are computed and stored too (once:
    existing runs are kept), so that the stakeholder apps only read.
    """
    corpus = Path(corpus) if corpus else corpus_dir()
    demo = corpus / "demo"
    target = Path(target)
    exists = (target / CONFIG_FILE).exists()
    project = Project.open(target) if exists else Project.create(target)
    project.add_districts(DEMO_DISTRICTS)
    project.import_codebook(corpus / "codebook.yaml")
    protocols = sorted([*demo.glob("*.md"), *demo.glob("*.docx")])
    cards = sorted(demo.glob("*_karten.csv"))
    project.import_files(protocols)
    project.import_files(cards, mapping=CARD_MAPPING)
    project.import_codings(demo / "codings.csv")
    import_indicators(project, corpus / "indicators.csv")
    if analyse:
        analyse_demo(project)
    return project


def analyse_demo(project: Project, progress: bool = True) -> None:
    """Store a need run and a topic run unless the project has them already."""
    from workbench.analysis import needs, topics

    if needs.runs(project).empty:
        needs.run_needs(project, progress=progress)
    if topics.runs(project).empty:
        topics.run_topics(project, progress=progress)
