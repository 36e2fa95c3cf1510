"""Long texts without line breaks: import time by size (prints a table; exits 1 if it grows
much faster than the text).

A pasted PDF page, an Etherpad export or a long survey answer is one line of many thousand
words. Each size N (sentences, 25 characters each: N = 1000 is 25 KB, 16000 is 400 KB)
is imported into a fresh project in three shapes — a .txt of one sentence repeated
("Wir brauchen mehr Bänke."), a .txt of sentences with names and cues ("sagt Frau
Kowalczyk", "gez. Tjaden", "J. Becker", …), the same as one paragraph of a Markdown
protocol and as one cell of a survey CSV — and the CPU time of the import is printed with
its growth against the size before (each import a ``workbench import`` process of its
own, less the CPU time of importing ten sentences: the start-up): 2.0 when the size
doubles is linear; the old code (before session 32) grew by 4 to 5 (N = 1000: 5 s,
2000: 11.5 s, 8000: more than 4 minutes, 5 MB more than 10 minutes).

``--old DIR`` measures the same shapes with the code in DIR (an exported older commit, run
with ``PYTHONPATH=DIR``) up to ``--old-max`` as the baseline of the same run.

Run: .venv/bin/python benchmarks/long_line.py [--sizes 1000,2000,4000,8000,16000]
     [--old build/old32 --old-max 2000]
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SENTENCE = "Wir brauchen mehr Bänke. "
MIXED = (
    "Wir brauchen mehr Bänke. Dazu sagt Frau Kowalczyk, der Spielplatz sei zu dunkel. "
    "Die Ampel ist zu kurz, so Yilmaz. Kurz gesagt, es fehlt ein Treffpunkt. Kontakt: "
    "Terhorst Anna, Tjaden Jens und Okke Becker. gez. Tjaden Laut J. Becker fehlen Bänke "
    "am Markt. Quirin Kowalski kommt morgen, meint Lodestar Basel. "
)
SHAPES = ("satz.txt", "namen.txt", "absatz.md", "zelle.csv")
# Growth per doubling above which the benchmark fails (linear: 2; the old code: 4–5)
MAX_GROWTH = 3.0


def write_shape(shape: str, size: int, folder: Path) -> Path:
    """The file of ``shape`` with a line of ``size`` × 25 characters."""
    chars = size * len(SENTENCE)
    line = (SENTENCE if shape == "satz.txt" else MIXED) * (chars // len(MIXED) + 1)
    line = line[:chars] if shape == "satz.txt" else line[:chars].rsplit(" ", 1)[0]
    path = folder / shape
    if shape.endswith(".txt"):
        path.write_text(line, encoding="utf-8")
    elif shape.endswith(".md"):
        head = "---\ntitel: Werkstatt Manfort\nsozialraum: Manfort\n---\n\n## Bedarfe\n\n"
        path.write_text(head + line + "\n", encoding="utf-8")
    else:
        with path.open("w", newline="", encoding="utf-8") as handle:
            rows = csv.writer(handle)
            rows.writerow(["ID", "Antwort"])
            rows.writerows([["1", "Mehr Licht am Markt."], ["2", line]])
    return path


def _cpu_of(command: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user and system) of one command run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # run in a folder of its own: "python -m" puts the current folder before PYTHONPATH
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=tempfile.gettempdir())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(sizes: list[int], code: str) -> dict[str, dict[int, float]]:
    """CPU seconds of ``workbench import`` of each shape by size, with the code in
    ``code`` (PYTHONPATH), less the same import of a ten-sentence file (start-up)."""
    env = {**os.environ, "PYTHONPATH": code, "PYTHONDONTWRITEBYTECODE": "1"}
    workbench = [sys.executable, "-m", "workbench"]
    out: dict[str, dict[int, float]] = {shape: {} for shape in SHAPES}
    for shape in SHAPES:
        start_up = None
        for size in [10, *sizes]:
            with tempfile.TemporaryDirectory() as tmp:
                path = write_shape(shape, size, Path(tmp))
                project = str(Path(tmp) / "projekt")
                _cpu_of([*workbench, "init", project, "--districts", "Manfort"], env)
                # no --district: as a user imports a file (the district guessed from it)
                options: list[str] = []
                if shape.endswith(".csv"):
                    options = ["--text-column", "Antwort", "--id-column", "ID"]
                seconds = _cpu_of(
                    [*workbench, "--project", project, "import", str(path), *options], env
                )
            if start_up is None:
                start_up = seconds
            else:
                out[shape][size] = max(seconds - start_up, 0.0)
    return out


def table(label: str, seconds: dict[str, dict[int, float]]) -> tuple[str, float]:
    """The times as a German table, and the largest growth per doubling."""
    lines = [f"{label}: CPU-Sekunden von workbench import ohne Start (Wachstum je Verdopplung)"]
    lines.append(f"{'N':>7}{'Zeichen':>10}" + "".join(f"{s:>20}" for s in SHAPES))
    worst = 0.0
    sizes = sorted({n for times in seconds.values() for n in times})
    for k, size in enumerate(sizes):
        cells = []
        for shape in SHAPES:
            now = seconds[shape][size]
            growth = ""
            if k and sizes[k - 1] * 2 == size:
                ratio = now / max(seconds[shape][sizes[k - 1]], 1e-3)
                growth = f" (×{ratio:.1f})"
                if seconds[shape][sizes[k - 1]] >= 0.5:  # below, start-up noise rules
                    worst = max(worst, ratio)
            cells.append(f"{now:>12.2f}{growth:>8}")
        lines.append(f"{size:>7}{size * len(SENTENCE):>10}" + "".join(cells))
    return "\n".join(lines), worst


def main() -> int:
    """Measure this code (and the old one if asked) and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000")
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    parser.add_argument("--old-max", type=int, default=2000)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    if args.old:
        old = measure([n for n in sizes if n <= args.old_max], args.old)
        print(table(f"Alter Code ({args.old})", old)[0], end="\n\n")
    text, worst = table("Dieser Code", measure(sizes, str(ROOT)))
    print(text)
    print(f"Größtes Wachstum je Verdopplung: ×{worst:.1f} (Grenze ×{MAX_GROWTH:.1f})")
    return 1 if worst > MAX_GROWTH else 0


if __name__ == "__main__":
    sys.exit(main())
