"""The demo study: builds a project from ``corpus/`` (idempotent), and its follow-up wave."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.domain import InputError, WorkbenchError
from workbench.core.formatting import plural
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
    if exists:
        _refuse_a_study_of_its_own(project, corpus)
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


def _refuse_a_study_of_its_own(project: Project, corpus: Path) -> None:
    """Stop before the fictional demo study is mixed into a project with other documents
    (``workbench demo meine-studie``): only a new folder or a demo project is completed."""
    demo_files = {
        path.name for folder in ("demo", "demo_welle2") for path in (corpus / folder).glob("*")
    }
    foreign = sorted(set(project.documents()["filename"]) - demo_files)
    if foreign:
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise WorkbenchError(
            f"{project.path} ist ein eigenes Projekt "
            f"({plural(len(foreign), 'Dokument', 'Dokumente')} außerhalb der "
            f"Demo-Studie: {shown}). Die fiktive Demo-Studie wird nur in einen neuen "
            "Ordner oder ein Demo-Projekt geschrieben; nichts wurde geändert. Einen anderen "
            "Ordner angeben, z. B. workbench demo demo-projekt."
        )


def analyse_demo(project: Project, progress: bool = True) -> None:
    """Store a need run and a topic run unless the project has them already."""
    from workbench.analysis import needs, topics

    if needs.runs(project).empty:
        needs.run_needs(project, progress=progress)
    if topics.runs(project).empty:
        topics.run_topics(project, progress=progress)


# -- the draft recommendations with their evidence (developed in 06_empfehlungen) -------------
RECOMMENDATIONS_FILE = "empfehlungen.yaml"
RECOMMENDATION_AUTHOR = "Forschungsteam"


@dataclass(frozen=True)
class RecommendationSpec:
    """A recommendation with the statements it rests on (document, source id)."""

    title: str
    text: str
    scope: str
    actors: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]
    status: str = "Entwurf"


def demo_recommendations(corpus: str | Path | None = None) -> tuple[RecommendationSpec, ...]:
    """The demo study's draft recommendations from ``corpus/empfehlungen.yaml``."""
    import yaml

    path = (Path(corpus) if corpus else corpus_dir()) / RECOMMENDATIONS_FILE
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["empfehlungen"]
        return tuple(
            RecommendationSpec(
                title=str(e["titel"]),
                text=str(e["text"]),
                scope=str(e["sozialraum"]),
                actors=tuple(str(a) for a in e["akteure"]),
                evidence=tuple((str(d), str(i)) for d, i in e["belege"]),
            )
            for e in entries
        )
    except FileNotFoundError:
        raise InputError("Datei nicht gefunden.", file=str(path)) from None
    except (yaml.YAMLError, KeyError, TypeError, ValueError):
        raise InputError(
            "Erwartet wird eine Liste „empfehlungen“ mit titel, sozialraum, akteure, text und "
            "belege.",
            file=path.name,
        ) from None


def add_demo_recommendations(
    project: Project,
    specs: Sequence[RecommendationSpec] | None = None,
    author: str = RECOMMENDATION_AUTHOR,
) -> int:
    """Store the draft recommendations the project lacks (by title) with their evidence and,
    if there is a need run, linked to the clusters of the latest run that hold that
    evidence; return how many were added."""
    from workbench.analysis import needs
    from workbench.synthesis import recommendations as rec

    specs = demo_recommendations() if specs is None else specs
    known = set(rec.recommendations(project)["title"])
    runs = needs.runs(project)
    clusters = (
        None if runs.empty else needs.assignments(project).set_index(["document", "source_id"])
    )
    added = 0
    for spec in specs:
        if spec.title in known:
            continue
        rec_id = rec.add_recommendation(
            project,
            spec.text,
            scope=spec.scope,
            actors=spec.actors,
            status=spec.status,
            title=spec.title,
            author=author,
        )
        rec.link_evidence(project, rec_id, spec.evidence)
        if clusters is not None:
            held = clusters["cluster"]
            for cluster in sorted({int(held[ref]) for ref in spec.evidence if ref in held.index}):
                rec.link_need(project, rec_id, cluster)
        added += 1
    return added


# -- the follow-up wave (issue 16): a second wave, a second indicator year, status steps --
FIRST_WAVE = "2020/21"
FOLLOW_UP_WAVE = "Folgebefragung 2022"
FOLLOW_UP_FOLDER = "demo_welle2"


@dataclass(frozen=True)
class FollowUp:
    """What :func:`add_follow_up` added (zero everywhere on a second call)."""

    statements: int
    indicators: int
    recommendations: int
    status_steps: int
    need_run: int | None


def _semicolon_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a semicolon CSV of the demo corpus with the given header, numbered from 2."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("Datei nicht gefunden.", file=str(path)) from None
    reader = csv.DictReader(text.splitlines(), delimiter=";")
    if tuple(reader.fieldnames or ()) != columns:
        raise InputError(f"Erwartet werden die Spalten {';'.join(columns)}.", file=path.name, row=1)
    return [(number, row) for number, row in enumerate(reader, start=2)]


def _follow_up_recommendations(project: Project, folder: Path) -> tuple[int, int]:
    """Create the recommendations the status steps refer to (if missing), record the steps."""
    from workbench.synthesis import recommendations as rec
    from workbench.synthesis.recommendation_status import record_status, status_history

    known = rec.recommendations(project).drop_duplicates("title").set_index("title")
    ids = {str(t): int(i) for t, i in known["recommendation_id"].items()}
    created = 0
    for _, row in _semicolon_rows(
        folder / "empfehlungen.csv", ("Titel", "Sozialraum", "Akteure", "Text")
    ):
        if row["Titel"] not in ids:
            actors = [a.strip() for a in row["Akteure"].split(",")]
            ids[row["Titel"]] = rec.add_recommendation(
                project, row["Text"], scope=row["Sozialraum"], actors=actors, title=row["Titel"]
            )
            created += 1
    before = len(status_history(project))
    path = folder / "empfehlungen_status.csv"
    columns = ("Empfehlung", "Status", "Datum", "Verantwortlich", "Notiz")
    for number, row in _semicolon_rows(path, columns):
        if row["Empfehlung"] not in ids:
            raise InputError(
                f"Empfehlung '{row['Empfehlung']}' gibt es nicht.", file=path.name, row=number
            )
        record_status(
            project, ids[row["Empfehlung"]], row["Status"], row["Datum"],
            row["Verantwortlich"], row["Notiz"],
        )  # fmt: skip
    return created, len(status_history(project)) - before


def add_follow_up(
    project: Project,
    corpus: str | Path | None = None,
    analyse: bool = False,
    progress: bool = True,
) -> FollowUp:
    """Add the demo's follow-up wave to a demo project (idempotent) and return what it added.

    Imports ``corpus/demo_welle2/`` (three follow-up workshops in 2022, 100 statements with
    their codings) as wave "Folgebefragung 2022" — a first wave still called "Welle 1" is
    renamed "2020/21" —, the indicator year 2022 (``corpus/indicators_2022.csv``) and dated
    status steps of four recommendations (created from ``empfehlungen.csv`` where the
    project has no recommendation of that title). With ``analyse`` the need clusters are
    computed again unless the latest run already holds the follow-up's statements.
    """
    from workbench.analysis import needs, waves
    from workbench.store.waves import DEFAULT_WAVE

    corpus = Path(corpus) if corpus else corpus_dir()
    folder = corpus / FOLLOW_UP_FOLDER
    if not folder.is_dir():
        raise WorkbenchError(f"Folgewelle der Demo nicht gefunden: {folder}")
    if waves.waves(project)["wave"].tolist() == [DEFAULT_WAVE]:
        waves.rename_wave(project, DEFAULT_WAVE, FIRST_WAVE)
    before = project.status()["segments"]
    project.import_files(sorted(folder.glob("*.md")), wave=FOLLOW_UP_WAVE)
    cards = sorted(folder.glob("*_karten.csv"))
    project.import_files(cards, mapping=CARD_MAPPING, wave=FOLLOW_UP_WAVE)
    project.import_codings(folder / "codings.csv")
    values = import_indicators(project, corpus / "indicators_2022.csv")
    created, steps = _follow_up_recommendations(project, folder)
    run_id = None
    if analyse:
        names = {p.name for p in folder.iterdir()}
        runs = needs.runs(project)
        if runs.empty or not set(needs.assignments(project)["document"]) & names:
            run_id = needs.run_needs(project, progress=progress)
    return FollowUp(
        statements=project.status()["segments"] - before,
        indicators=values.added + values.updated,
        recommendations=created,
        status_steps=steps,
        need_run=run_id,
    )
