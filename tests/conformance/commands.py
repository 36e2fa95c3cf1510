"""Every CLI command, in the order a study uses them, against one project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tests.conformance.harness import NonConformance, Outcome, run
from workbench import Project

ROOT = Path(__file__).resolve().parents[2]
INDICATORS = ROOT / "corpus" / "indicators.csv"
CONCEPT = ROOT / "corpus" / "sozialraumkonzept.md"


def _first_segment(project_dir: Path) -> str | None:
    with Project.open(project_dir) as project:
        segments = project.segments()
    return None if segments.empty else str(int(segments["segment_id"].iloc[0]))


def texts(project_dir: Path) -> frozenset[str]:
    with Project.open(project_dir) as project:
        segments = project.segments()
        originals = project.original_texts()
    return frozenset([*segments["text"], *originals.values()])


def steps(project_dir: Path, out: Path) -> Iterator[tuple[list[str], tuple[Path, ...], set[int]]]:
    """(argv, files the command writes, allowed exit codes) for every command."""
    p = ["--project", str(project_dir)]
    ok = {0, 2}
    yield [*p, "status"], (), ok
    yield [*p, "status", "--json"], (), ok
    yield [*p, "districts"], (), ok
    for fmt in ("csv", "xlsx"):
        target = out / f"aussagen.{fmt}"
        yield [*p, "export", "--format", fmt, "--pseudonymised", str(target)], (target,), ok
    target = out / "projekt.qdpx"
    yield [*p, "export", "--format", "qdpx", str(target)], (target,), ok
    yield [*p, "codebook", "list"], (), ok
    yield [*p, "codebook", "add", "Konformität"], (), ok
    yield [*p, "codebook", "add", "Konformität/Unterthema"], (), ok
    for fmt in ("yaml", "qdc"):
        target = out / f"codebuch.{fmt}"
        yield [*p, "codebook", "export", "--format", fmt, str(target)], (target,), ok
        yield [*p, "codebook", "import", str(target)], (), ok
    segment = _first_segment(project_dir)
    if segment is not None:
        for coder in ("A", "B"):
            yield [*p, "code", segment, "Konformität", "--coder", coder], (), ok
        yield [*p, "code", segment, "Konformität/Unterthema", "--coder", "A"], (), ok
        yield [*p, "uncode", segment, "Konformität/Unterthema", "--coder", "A"], (), ok
        yield [*p, "undo", "--coder", "A"], (), ok
        yield [*p, "memo", "--author", "A", "--segment", segment, "Notiz zur Aussage"], (), ok
        yield [*p, "resolve", segment, "Konformität", "--author", "A", "--text", "geklärt"], (), ok
    yield [*p, "memo", "--author", "A", "Notiz zum Projekt"], (), ok
    yield [*p, "agreement"], (), ok
    yield [*p, "agreement", "--json"], (), ok
    target = out / "abweichungen.csv"
    yield [*p, "disagreements", "--csv", str(target)], (), ok
    target = out / "vorschlaege.csv"
    yield [*p, "suggest", "--out", str(target)], (), ok
    yield [*p, "embed"], (), ok
    for by in ("all", "district", "question"):
        target = out / f"themen_{by}.csv"
        yield [*p, "topics", "--by", by, "--out", str(target)], (target,), ok
    target = out / "bedarfe.csv"
    yield [*p, "needs", "--out", str(target)], (target,), ok
    yield [*p, "needs", "--segments", "all"], (), ok
    yield [*p, "cluster", "rename", "0", "--label", "Treffpunkte", "--author", "A"], (), ok
    yield [*p, "cluster", "merge", "0", "1", "--author", "A"], (), ok
    target = out / "zugangscodes.csv"
    yield [*p, "tokens", "--n", "2", "--out", str(target)], (), ok
    yield [*p, "feedback"], (), ok
    yield [*p, "feedback", "--json"], (), ok
    yield [*p, "feedback", "--by", "district"], (), ok
    yield [*p, "indicators"], (), ok
    yield [*p, "indicators", "--import", str(INDICATORS)], (), ok
    yield [*p, "recommend", "add", "Treffpunkte im Quartier stärken", "--author", "A"], (), ok
    yield [*p, "recommend", "list"], (), ok
    yield [*p, "recommend", "link", "1", "--cluster", "0"], (), ok
    yield [*p, "recommend", "check"], (), {0, 1, 2}  # 1: a chain is broken (documented)
    target = out / "empfehlungen.json"
    yield [*p, "recommend", "export", str(target)], (), ok
    status = ["recommend", "status", "1", "abgestimmt", "--date", "2024-05-02", "--by", "Rat"]
    yield [*p, *status], (), ok
    yield [*p, "recommend", "history"], (), ok
    # Monitoring and the Sozialraumkonzept (one wave, one indicator year: a German sentence)
    yield [*p, "waves"], (), ok
    yield [*p, "monitoring", "needs"], (), ok
    yield [*p, "monitoring", "indicators"], (), ok
    for fmt in ("html", "docx"):
        target = out / f"konzept.{fmt}"
        yield [*p, "konzept", "--out", str(target)], (), ok
    for fmt in ("html", "docx", "xlsx"):
        target = out / f"bericht.{fmt}"
        yield [*p, "report", "--format", fmt, str(target)], (target,), ok
    target = out / "bericht-konzept.html"
    yield [*p, "report", "--format", "html", "--konzept", str(CONCEPT), str(target)], (target,), ok
    yield [*p, "map", "--show"], (), ok
    site = out / "seite"
    yield [*p, "publish", "--out", str(site)], (site,), ok
    # Looking after the database (workbench/cli/admin.py); these must work on any project.
    # The backup is a machine format (JSON lines, NaN stays NaN): not scanned for leaks.
    yield [*p, "upgrade"], (), {0}
    target = out / "sicherung.zip"
    yield [*p, "backup", str(target)], (), {0}
    restored = out / "wiederhergestellt"
    yield ["restore", str(target), str(restored)], (restored / "project.json",), {0}


def run_all(project_dir: Path, out: Path) -> tuple[list[Outcome], list[str]]:
    """Run every step; return the outcomes and every non-conformance found."""
    out.mkdir(parents=True, exist_ok=True)
    said = texts(project_dir)
    outcomes: list[Outcome] = []
    problems: list[str] = []
    for argv, files, allowed in steps(project_dir, out):
        try:
            outcomes.append(run(argv, files, allowed, said))
        except NonConformance as problem:
            problems.append(str(problem))
    return outcomes, problems
