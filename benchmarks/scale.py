"""Scale: embed, needs and topics on 10,000 / 30,000 / 100,000 statements, beside the old code.

The statements are real ones (Pol.is Klimarat, all 5,764 comments; Ottensen, 697) repeated
with small, deterministic variations (a lead-in, a tag, a dropped word) until the size is
reached, spread over five districts — every text is distinct, so every one is embedded.
Each size gets a fresh project (``workbench init`` + one CSV ``import``), then, each step
a process of its own (``python -m workbench …``):

  embed (cold cache) → needs --segments all → topics           (the cold pipeline)
  needs --segments all → topics                                  (warm: vectors cached)

For 10k and 30k the *old code path* (commit ``OLD_COMMIT``, the workbench before issue 14,
extracted with ``git archive`` into a temporary folder and run with the same interpreter)
runs the same warm steps on a copy of the same project, as the baseline. Every step
reports wall time and the peak RSS of its process. The recall of the kNN graph against
the exact search is measured on 300 sampled statements of each size.

Targets (issue 14): 30k — needs ≤ 20 s warm and ≤ 1.2 GB, topics ≤ 30 s and ≤ 1.5 GB;
100k — the whole cold pipeline within 10 minutes and 24 GB.

Run: .venv/bin/python benchmarks/scale.py [--sizes 10000,30000,100000] [--no-old]
Results also go to build/benchmarks/scale.csv.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "corpora"
OUT = ROOT / "build" / "benchmarks"
OLD_COMMIT = "7868bab"  # the last commit before issue 14
DISTRICTS = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]
LEAD_INS = ["", "Wichtig: ", "Aus dem Workshop: ", "Karte: ", "Ergänzung: ", "Notiz: "]
TAGS = ["", " (Gruppe 1)", " (Gruppe 2)", " – Nachtrag", " (Plenum)", " (online)", " (Tisch 3)"]


def base_texts() -> list[str]:
    """The real statements the synthetic corpus is made of."""
    texts = []
    for path in sorted((CORPORA / "polis-klimarat-at").glob("*/comments.csv")):
        texts += pd.read_csv(path)["comment-body"].dropna().astype(str).tolist()
    ottensen = CORPORA / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv"
    texts += pd.read_csv(ottensen)["text"].dropna().astype(str).tolist()
    return sorted({" ".join(t.split()) for t in texts if len(t.split()) >= 3})


def variants(texts: list[str], n: int) -> list[str]:
    """``n`` distinct statements: the real ones, then variations of them."""
    out, seen = [], set()
    for round_ in range(10_000):
        for i, text in enumerate(texts):
            words = text.split()
            if round_:
                drop = (i + round_) % len(words)
                words = words[:drop] + words[drop + 1 :] if round_ % 3 == 0 else words
                lead = LEAD_INS[(i + round_) % len(LEAD_INS)]
                tag = TAGS[(i * 7 + round_) % len(TAGS)]
                candidate = f"{lead}{' '.join(words)}{tag}"
            else:
                candidate = text
            if candidate not in seen:
                seen.add(candidate)
                out.append(candidate)
                if len(out) == n:
                    return out
    raise RuntimeError("zu wenige Variationen")


def write_csv(texts: list[str], path: Path) -> None:
    """The statements as one CSV with id and district columns."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "district", "text"])
        for i, text in enumerate(texts):
            writer.writerow([f"S{i}", DISTRICTS[i % len(DISTRICTS)], text])


def step(args: list[str], project: Path, pythonpath: str | None = None) -> tuple[float, float]:
    """Run ``workbench <args>`` in its own process: (wall seconds, peak RSS in GB)."""
    env = {
        **os.environ,
        "WORKBENCH_PROJECT": str(project),
        "TQDM_DISABLE": "1",
        "WORKBENCH_EMBED_THREADS": os.environ.get("WORKBENCH_EMBED_THREADS", "2"),
    }
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        code = (
            "import resource, sys, time\n"
            "start = time.perf_counter()\n"
            "from workbench.cli.main import main\n"
            f"status = main({args!r})\n"
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20\n"
            f"open({report.name!r}, 'w').write(f'{{time.perf_counter() - start}} {{peak}}')\n"
            "sys.exit(status)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"workbench {' '.join(args)}: {done.stderr[-2000:]}")
        seconds, peak = (float(v) for v in Path(report.name).read_text().split())
    return seconds, peak


def old_code(folder: Path) -> str | None:
    """The workbench of ``OLD_COMMIT`` unpacked into ``folder``; None without git."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", OLD_COMMIT, "workbench"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return str(folder)


def knn_recall(project: Path, sample: int = 300) -> float:
    """Share of the exact 15 nearest neighbours that the kNN search finds (sampled rows)."""
    from workbench.analysis import knn
    from workbench.analysis.embeddings import project_embeddings
    from workbench.project import Project

    with Project.open(project) as opened:
        _, vectors = project_embeddings(opened, progress=False)
    x = knn.unit_rows(vectors)
    found, _ = knn.nearest_neighbours(x, 15)
    rows = np.random.default_rng(0).choice(len(x), min(sample, len(x)), replace=False)
    exact = x[rows] @ x.T
    exact[np.arange(len(rows)), rows] = -np.inf
    truth = np.argpartition(-exact, 15, axis=1)[:, :15]
    return float(
        np.mean([len(set(t) & set(f)) / 15 for t, f in zip(truth, found[rows], strict=True)])
    )


def _row(n: int, code: str, name: str, seconds: float, peak: float | None) -> dict:
    return {"Aussagen": n, "Code": code, "Schritt": name, "Zeit [s]": seconds,
            "Spitzen-RSS [GB]": peak}  # fmt: skip


def run_size(n: int, texts: list[str], tmp: Path, old: str | None) -> list[dict]:
    """All steps for one size; one result row per (code, step)."""
    project = tmp / f"p{n}"
    data = tmp / f"aussagen_{n}.csv"
    write_csv(variants(texts, n), data)
    init = step(["init", str(project), "--districts", ",".join(DISTRICTS)], project)
    imported = step(
        ["import", str(data), "--text-column", "text", "--id-column", "id",
         "--district-column", "district", "--workshop", "Skala"],
        project,
    )  # fmt: skip
    rows = [_row(n, "neu", "init+import", init[0] + imported[0], max(init[1], imported[1]))]
    old_project = tmp / f"alt{n}"
    if old and n <= 30_000:
        shutil.copytree(project, old_project)
    needs = ["needs", "--segments", "all", "--out", str(tmp / "needs.csv")]
    topics = ["topics", "--out", str(tmp / "topics.csv")]
    for phase, steps in [
        ("kalt", [["embed"], needs, topics]),
        ("warm", [needs, topics]),
    ]:
        for args in steps:
            seconds, peak = step(args, project)
            rows.append(_row(n, "neu", f"{args[0]} ({phase})", seconds, peak))
    if old and n <= 30_000:
        cache = project / "cache"
        shutil.rmtree(old_project / "cache", ignore_errors=True)
        shutil.copytree(cache, old_project / "cache")  # the same vectors: warm for both
        for args in (needs, topics):
            seconds, peak = step(args, old_project, pythonpath=old)
            rows.append(_row(n, f"alt ({OLD_COMMIT})", f"{args[0]} (warm)", seconds, peak))
    recall = knn_recall(project)
    rows.append(_row(n, "neu", "kNN-Recall (300 Stichproben; Wert statt Zeit)", recall, None))
    for path in (project, old_project, data):
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return rows


def main() -> None:
    """Run every size, print the table and the targets, write build/benchmarks/scale.csv."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--no-old", action="store_true", help="ohne den alten Codepfad")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} Kerne, Last {os.getloadavg()[0]:.1f}")
    texts = base_texts()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        old = None if args.no_old else old_code(Path(tmp))
        if not args.no_old and old is None:
            print(f"Alter Codepfad nicht verfügbar (git archive {OLD_COMMIT} fehlgeschlagen).")
        for n in (int(s) for s in args.sizes.split(",")):
            start = time.perf_counter()
            done = run_size(n, texts, Path(tmp), old)
            rows += done
            print(f"{n} Aussagen fertig in {time.perf_counter() - start:.0f} s:", flush=True)
            print(pd.DataFrame(done).round(3).to_string(index=False), flush=True)
    table = pd.DataFrame(rows)
    OUT.mkdir(parents=True, exist_ok=True)
    table.to_csv(OUT / "scale.csv", index=False)
    with pd.option_context("display.width", 160, "display.max_rows", 200):
        print(table.round(3).to_string(index=False))
    targets(table)


def targets(table: pd.DataFrame) -> None:
    """The issue's targets beside the measured values."""

    def get(n: int, code: str, name: str, column: str) -> float | None:
        hit = table[(table["Aussagen"] == n) & (table["Code"] == code) & (table["Schritt"] == name)]
        return None if hit.empty else float(hit[column].iloc[0])

    print()
    for name, seconds, gigabytes in [("needs (warm)", 20, 1.2), ("topics (warm)", 30, 1.5)]:
        t, m = get(30_000, "neu", name, "Zeit [s]"), get(30_000, "neu", name, "Spitzen-RSS [GB]")
        if t is not None:
            print(f"30k {name}: {t:.1f} s (Ziel ≤ {seconds} s), {m:.2f} GB (Ziel ≤ {gigabytes} GB)")
    cold = table[(table["Aussagen"] == 100_000) & table["Schritt"].str.endswith("(kalt)")]
    if not cold.empty:
        print(
            f"100k kalt (embed + needs + topics): {cold['Zeit [s]'].sum():.0f} s (Ziel ≤ 600 s), "
            f"Spitze {cold['Spitzen-RSS [GB]'].max():.2f} GB (Ziel ≤ 24 GB)"
        )
        imported = get(100_000, "neu", "init+import", "Zeit [s]")
        if imported is not None:
            print(f"100k kalt mit init + import: {cold['Zeit [s]'].sum() + imported:.0f} s")


if __name__ == "__main__":
    main()
