"""A coded table with names: import speed (rows/s) and the stored rows, old vs new code.

A table of N rows (``ID``, ``Rolle``, ``Text``, ``Code``) as a coded-segment export or a
team's coding sheet: roles that are people ("Anna Schmidt") or functions, texts that name
people ("Danke Jonas", "sagt auch Greta Wagner") or nobody, and one to three codes per row
(``Themen/Wohnen; Bedarf``). Each code's import runs in a ``workbench import`` process of
its own into a fresh project, less the CPU time of a ten-row table (start-up); printed as
rows per second. Up to session 43 the writer flushed the session once per row with a
replacement or a code (the spans and codings needed the statement's id).

With ``--old DIR`` the same tables are imported with the code in DIR (``PYTHONPATH=DIR``)
in the same run, and every table of both projects (ordered by id, without the import's
time stamps) is compared: the stored rows must be the same.

Run: .venv/bin/python benchmarks/coded_table.py [--sizes 1000,5000] [--old DIR] [--db URL]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from long_line import _cpu_of  # noqa: E402

FIRST = "Anna Jonas Maria Ayşe Mehmet Lukas Sophie Jens Okke Birgit Kemal Greta Ole Nina Felix"
LAST = "Schmidt Becker Wagner Kowalczyk Yilmaz Tjaden Terhorst Müller Weber Kaya Demir Vogel"
ROLES = ("Jugendarbeit", "Anwohnerin", "Schulsozialarbeit", "Quartiersmanagement", "")
CODES = ("Themen/Wohnen", "Themen/Jugend", "Bedarf", "Themen/Mobilität/ÖPNV", "Ressource")
SAID = (
    "Wir brauchen mehr Bänke am Markt.",
    "Die Ampel an der Hauptstraße ist zu kurz.",
    "Der Spielplatz ist abends zu dunkel.",
    "Es fehlt ein Treffpunkt für Jugendliche.",
    "Die Bücherei hat samstags zu.",
)


def write_table(rows: int, path: Path) -> Path:
    """A coded table of ``rows`` rows (the same for the same size)."""
    r = random.Random(rows)
    first, last = FIRST.split(), LAST.split()
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["ID", "Rolle", "Text", "Code"])
        for i in range(rows):
            text, k = r.choice(SAID), r.random()
            if k < 0.25:
                text += f" Das sagt auch {r.choice(first)} {r.choice(last)}."
            elif k < 0.4:
                text = f"Danke {r.choice(first)}, {text[0].lower()}{text[1:]}"
            role = f"{r.choice(first)} {r.choice(last)}" if r.random() < 0.2 else r.choice(ROLES)
            codes = "; ".join(r.sample(CODES, r.choice([0, 1, 1, 2, 3])))
            out.writerow([f"R{i + 1}", role, text, codes])
    return path


def _command(project: str, table: Path) -> list[str]:
    """The ``workbench import`` of ``table`` into ``project`` with its columns named."""
    columns = ["--text-column", "Text", "--id-column", "ID", "--role-column", "Rolle"]
    coded = ["--code-column", "Code", "--coder", "A", "--district", "Manfort"]
    return [sys.executable, "-m", "workbench", "--project", project, "import", *columns,
            *coded, str(table)]  # fmt: skip


def dump(project: Path) -> dict[str, list[list[str]]]:
    """Every table of the project at ``project``, rows ordered by id, without time stamps."""
    from sqlalchemy import DateTime, select

    from workbench import Project
    from workbench.store import Base

    tables: dict[str, list[list[str]]] = {}
    with Project.open(project) as opened, opened.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if not isinstance(c.type, DateTime)]
            order = [c for c in table.primary_key.columns] or columns
            rows = connection.execute(select(*columns).order_by(*order))
            tables[table.name] = [[json.dumps(v, default=str) for v in row] for row in rows]
    return tables


def run(sizes: list[int], code: str, keep: Path | None) -> dict[int, float]:
    """CPU seconds of the import by rows with the code in ``code``, less start-up; with
    ``keep`` the projects stay in ``keep``/SIZE (to compare)."""
    env = {**os.environ, "PYTHONPATH": code, "PYTHONDONTWRITEBYTECODE": "1"}
    out: dict[int, float] = {}
    start_up = None
    for size in [10, *sizes]:
        with tempfile.TemporaryDirectory() as tmp:
            table = write_table(size, Path(tmp) / "kodiert.csv")
            project = str((keep / str(size)) if keep and size != 10 else Path(tmp) / "projekt")
            init = [sys.executable, "-m", "workbench", "init", project, "--districts", "Manfort"]
            _cpu_of(init, env)
            seconds = _cpu_of(_command(project, table), env)
        if start_up is None:
            start_up = seconds
        else:
            out[size] = max(seconds - start_up, 1e-3)
    return out


def main() -> int:
    """Measure this code (and the old one if asked), print rows/s and compare the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"Dieser Code": (str(ROOT), Path(tmp) / "neu")}
        if args.old:
            runs = {f"Alter Code ({args.old})": (args.old, Path(tmp) / "alt"), **runs}
        seconds = {}
        for label, (code, keep) in runs.items():
            keep.mkdir()
            seconds[label] = run(sizes, code, keep)
        print(f"CPU-Zeit von workbench import ohne Start; {' und '.join(runs)}")
        print(f"{'Zeilen':>8}" + "".join(f"{label.split(' (')[0]:>26}" for label in runs))
        for size in sizes:
            rates = "".join(f"{size / seconds[label][size]:>20.0f} Zeilen/s" for label in runs)
            print(f"{size:>8}{rates}")
        if args.old:
            for size in sizes:
                old, new = dump(Path(tmp) / "alt" / str(size)), dump(Path(tmp) / "neu" / str(size))
                differ = [name for name in old if old[name] != new.get(name)]
                rows = sum(len(v) for v in new.values())
                said = f"ungleich in {', '.join(differ)}" if differ else "gleich"
                print(f"{size} Zeilen: gespeicherte Tabellen ({rows} Datensätze) {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
