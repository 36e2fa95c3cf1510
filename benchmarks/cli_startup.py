"""Start-up time of the ``workbench`` command, an older copy of the package against this one.

Researchers call the command dozens of times a day and the test suite hundreds of times:
``--help``, a command's ``--help`` and a cheap listing command should answer without
loading the stages they do not use (pandas, SQLAlchemy, the importers, the analysis); the
listing commands (status, districts, waves, coders, …) open the project without the
importers and without Alembic; indicators, recommend list, recommend history and feedback
load no importer (nor the pseudonymiser); pseudonyms review loads the name detector, which
it runs, and no table helper.

Each case runs ``python -m workbench …`` in a fresh process, ``--runs`` times in turn with
the old and the new package (PYTHONPATH), from a temporary folder outside both (the current
folder would come first on sys.path); it prints the median wall time of each and whether
both printed the same (stdout, stderr, exit code). The project for the listing commands is
built by the new package from a short protocol written here (no real data), with one
recommendation and one status step. The last column puts each case beside the heaviest
one (its new time): the baseline a command's start-up is judged against.

Run: .venv/bin/python benchmarks/cli_startup.py /work/main/build/old35 [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROTOCOL = """# Quartiersworkshop Manfort

Datum: 2021-03-04
Sozialraum: Manfort

## Herausforderungen und Bedarfe

- Es fehlt ein Treffpunkt für Jugendliche am Abend.
- Die Beratungsstellen sind schwer zu erreichen.

## Ressourcen und Möglichkeiten

- Der Sportverein öffnet seine Halle auch für Nachbarschaftsfeste.
"""

CASES = (
    ("--help", ["--help"]),
    ("import --help", ["import", "--help"]),
    ("recommend --help", ["recommend", "--help"]),
    ("unbekannte Option", ["status", "--gibtsnicht"]),
    ("status", ["--project", "{project}", "status"]),
    ("districts", ["--project", "{project}", "districts"]),
    ("status --json", ["--project", "{project}", "status", "--json"]),
    ("waves", ["--project", "{project}", "waves"]),
    ("coders", ["--project", "{project}", "coders"]),
    ("codebook list", ["--project", "{project}", "codebook", "list"]),
    ("indicators", ["--project", "{project}", "indicators"]),
    ("recommend list", ["--project", "{project}", "recommend", "list"]),
    ("feedback --help", ["feedback", "--help"]),
    ("feedback", ["--project", "{project}", "feedback"]),
    ("recommend history", ["--project", "{project}", "recommend", "history"]),
    ("pseudonyms review", ["--project", "{project}", "pseudonyms", "review"]),
)


def run(package: Path, args: list[str], cwd: Path) -> tuple[float, tuple[int, str, str]]:
    """Wall time of one ``python -m workbench ARGS`` with ``package`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(package), "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return time.perf_counter() - start, (done.returncode, done.stdout, done.stderr)


def main() -> int:
    """Time every case for the old and the new package; exit 1 if an output differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="Ordner mit dem alten Paket (workbench/ darin)")
    parser.add_argument("--runs", type=int, default=7, help="Läufe je Fall (Median)")
    options = parser.parse_args()
    old, new = options.old.resolve(), ROOT
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp)
        (here / "protokoll.md").write_text(PROTOCOL, encoding="utf-8")
        project = here / "projekt"
        at = ["--project", str(project)]
        steps = (
            ["init", str(project), "--districts", "Manfort"],
            [*at, "import", str(here / "protokoll.md")],
            [*at, "recommend", "add", "Ein Jugendtreff", "--scope", "Manfort"],
            [*at, "recommend", "status", "1", "abgestimmt", "--date", "2021-06-10", "--by", "Amt"],
        )
        for step in steps:
            _, (code, _out, err) = run(new, step, here)
            if code != 0:
                print(f"Projekt nicht angelegt ({' '.join(step)}): {err}", file=sys.stderr)
                return 2
        run(old, ["--help"], here)  # warm the file cache for both before timing
        run(new, ["--help"], here)
        print(f"{'Fall':<20}{'alt (s)':>10}{'neu (s)':>10}{'Faktor':>9}  {'Ausgabe':<12}Anteil")
        rows = []
        for label, args in CASES:
            args = [a.format(project=project) for a in args]
            times: dict[Path, list[float]] = {old: [], new: []}
            outputs: dict[Path, tuple[int, str, str]] = {}
            for _ in range(options.runs):
                for package in (old, new):  # in turn: a busy machine slows both alike
                    seconds, outputs[package] = run(package, args, here)
                    times[package].append(seconds)
            before, after = statistics.median(times[old]), statistics.median(times[new])
            same = outputs[old] == outputs[new]
            differ += not same
            rows.append((label, before, after, same))
        heaviest = max(rows, key=lambda row: row[2])
        for label, before, after, same in rows:
            print(
                f"{label:<20}{before:>10.2f}{after:>10.2f}{before / after:>8.1f}x  "
                f"{'gleich' if same else 'VERSCHIEDEN':<12}{after / heaviest[2]:>5.0%}"
            )
        print(f"Anteil: neue Zeit im Verhältnis zum schwersten Fall ({heaviest[0]}).")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
