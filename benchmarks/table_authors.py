"""A platform's comments export with authors: import time by rows (prints a table).

A Consul/Decidim comments table (``id``, ``commentable_type``, ``commentable_id``,
``body``, ``user_name``, ``organization``, ``submitter``) of N rows: authors as user names
("anna.schmidt7"), full names and organisations ("AWO Ortsverein"), bodies with
@mentions, a name after "Danke" and "Das sagt auch Anna Becker". Every author is listed,
so the name list grows with the table. Each size is imported into a fresh project (a
``workbench import`` process of its own, less the CPU time of a ten-row table: the
start-up) and its CPU time printed with the growth against the size before: 2.0 when the
rows double is linear. Before session 41 every row by an organisation rebuilt the index
of all listed names (such a table with three more columns, 1,000 rows: 23 s, 2,000: 80 s;
now 8 s and 13 s).

``--old DIR`` measures the same tables with the code in DIR (``PYTHONPATH=DIR``) up to
``--old-max`` rows as the baseline of the same run.

Run: .venv/bin/python benchmarks/table_authors.py [--sizes 1000,2000,4000] [--old DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from long_line import _cpu_of  # noqa: E402

FIRST = "Anna Lea Jonas Tom Maria Ayşe Mehmet Lukas Sophie Jens Okke Birgit Kemal Fatma Paul"
FIRST += " Greta Ole Nina Can Elif Hannah Felix Jana Milan Sven Katrin Yusuf Leonie Timo Ida"
LAST = "Schmidt Becker Wagner Kowalczyk Yilmaz Tjaden Terhorst Müller Schulz Weber Kaya Demir"
LAST += " Hoffmann Richter Klein Wolf Neumann Krüger Öztürk Nowak Brandt Lange Jansen Vogel"
ORGS = ("AWO Ortsverein", "Caritas Opladen", "Stadtteilforum Manfort", "TuS 1910 e. V.")
SAID = (
    "Wir brauchen mehr Bänke am Markt.",
    "Die Ampel an der Hauptstraße ist zu kurz.",
    "Der Spielplatz ist abends zu dunkel.",
    "Es fehlt ein Treffpunkt für Jugendliche.",
)


def write_table(rows: int, path: Path) -> Path:
    """A comments export of ``rows`` rows (the same for the same size)."""
    r = random.Random(rows)
    first, last = FIRST.split(), LAST.split()

    def person() -> str:
        return f"{r.choice(first)} {r.choice(last)}"

    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "commentable_type", "commentable_id", "body", "user_name"])
        for i in range(rows):
            body, k = r.choice(SAID), r.random()
            if k < 0.3:
                body = f"@{r.choice(first).lower()}.{r.choice(last).lower()}{i % 97} {body}"
            elif k < 0.5:
                body += f" Das sagt auch {person()}."
            elif k < 0.6:
                body = f"Danke {r.choice(first)}, {body}"
            handle_name = f"{r.choice(first).lower()}.{r.choice(last).lower()}{i % 97}"
            who = r.choice([handle_name, handle_name, person(), r.choice(ORGS)])
            kind = r.choice(["Proposal", "Budget::Investment", "Debate"])
            out.writerow([i + 1, kind, r.randint(1, 400), body, who])
    return path


def measure(sizes: list[int], code: str) -> dict[int, float]:
    """CPU seconds of ``workbench import`` by rows with the code in ``code``, less start-up."""
    env = {**os.environ, "PYTHONPATH": code, "PYTHONDONTWRITEBYTECODE": "1"}
    workbench = [sys.executable, "-m", "workbench"]
    out: dict[int, float] = {}
    start_up = None
    for size in [10, *sizes]:
        with tempfile.TemporaryDirectory() as tmp:
            path = write_table(size, Path(tmp) / "comments.csv")
            project = str(Path(tmp) / "projekt")
            _cpu_of([*workbench, "init", project, "--districts", "Manfort"], env)
            command = [*workbench, "--project", project, "import", str(path)]
            seconds = _cpu_of([*command, "--district", "Manfort"], env)
        if start_up is None:
            start_up = seconds
        else:
            out[size] = max(seconds - start_up, 0.0)
    return out


def table(label: str, seconds: dict[int, float]) -> str:
    """The times as a German table with the growth per doubling."""
    lines = [f"{label}: CPU-Sekunden von workbench import ohne Start", f"{'Zeilen':>8}{'CPU':>10}"]
    for size, now in sorted(seconds.items()):
        before = seconds.get(size // 2)
        growth = f"  (×{now / max(before, 1e-3):.1f})" if before else ""
        lines.append(f"{size:>8}{now:>10.2f}{growth}")
    return "\n".join(lines)


def main() -> int:
    """Measure this code (and the old one if asked) and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000")
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    parser.add_argument("--old-max", type=int, default=2000)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    if args.old:
        old = measure([n for n in sizes if n <= args.old_max], args.old)
        print(table(f"Alter Code ({args.old})", old), end="\n\n")
    print(table("Dieser Code", measure(sizes, str(ROOT))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
