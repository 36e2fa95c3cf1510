"""A large REFI-QDA source: import time and memory by size (prints tables; exits 1 if the
import grows much faster than the source).

An interview transcript in NVivo or MAXQDA has thousands of paragraphs. Each size N is a
.qdpx of one source of N paragraphs ("Absatz k: Am Platz k fehlt eine Bank 🪑 und
Schatten.", an emoji each, so positions in UTF-16 and code points differ), a coding on
every 20th ("fehlt eine Bank"); ``--names`` adds a person to every paragraph ("sagt Frau
Wennemann"), so the text has N replacements. Each is imported into a fresh project by a
``workbench import`` process of its own; printed are its CPU seconds (with about 3 s of
start-up), wall seconds and peak memory (RSS), and the growth of the CPU time against the
size before (2.0 when the size doubles is linear).

Before session 40 every coding read the bounds of every statement of its source
(statements × codings; that step alone, on plain objects: 5,000 paragraphs 0.4 s, 10,000
1.6 s, 20,000 6.8 s, 40,000 26 s; on the database's statements several times more)
and every coding's position went through all replacements before it. 40,000 paragraphs
took 159 s CPU, now 65 s (same project). What is left grows linearly and is mostly
name recognition (about three quarters in the profile), done twice: once over the whole
source to learn its people for names of things, once per statement to pseudonymise.

The table "Zuordnung" measures the one step in this process, old (all statements per
coding) against new (:class:`~workbench.ingest.annotations.SegmentSpans`), for each size.
``--old DIR`` measures whole imports with the code in DIR (an exported older commit, run
with ``PYTHONPATH=DIR``) up to ``--old-max`` as the baseline of the same run.

Run: .venv/bin/python benchmarks/qdpx_import.py [--sizes 5000,10000,20000] [--names]
     [--old build/old40 --old-max 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from workbench.ingest.annotations import SegmentSpans  # noqa: E402

NS = "urn:QDA-XML:project:1.0"
EVERY = 20  # a coding on every 20th paragraph
MAX_GROWTH = 2.6  # CPU growth per doubling above which the benchmark fails (linear: 2)
# One import in a process of its own; prints its CPU seconds and peak RSS as JSON.
_CHILD = """
import json, resource, sys
from workbench.cli.main import main
code = main(sys.argv[1:])
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "cpu": use.ru_utime + use.ru_stime, "rss": use.ru_maxrss}))
"""


def paragraphs(size: int, names: bool) -> list[str]:
    """The source's paragraphs."""
    said = " sagt Frau Wennemann" if names else ""
    return [f"Absatz {k}: Am Platz {k} fehlt eine Bank 🪑 und Schatten{said}." for k in range(size)]


def write_qdpx(size: int, names: bool, path: Path) -> Path:
    """A .qdpx of one source of ``size`` paragraphs, every 20th coded (UTF-16 positions)."""
    lines = paragraphs(size, names)
    text = "\n".join(lines)
    selections, offset = [], 0
    for k, line in enumerate(lines):
        if k % EVERY == 0:
            start = offset + line.index("fehlt") + k  # one emoji (2 units) per line before
            selections.append(
                f'<PlainTextSelection guid="P{k}" startPosition="{start}" '
                f'endPosition="{start + len("fehlt eine Bank")}" creatingUser="U1">'
                f'<Coding guid="G{k}" creatingUser="U1"><CodeRef targetGUID="C1"/></Coding>'
                "</PlainTextSelection>"
            )
        offset += len(line) + 1
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" origin="MAXQDA 2022" '
        'name="Quartiersstudie"><Users><User guid="U1" name="KB"/></Users><CodeBook><Codes>'
        '<Code guid="C1" name="Bedarf" isCodable="true"/></Codes></CodeBook><Sources>'
        f'<TextSource guid="S1" name="Gross" plainTextPath="internal://S1.txt">'
        f"{''.join(selections)}</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/S1.txt", text.encode("utf-8"))
    return path


def import_once(path: Path, code: str) -> dict[str, float]:
    """CPU and wall seconds and peak RSS (MB) of importing ``path`` with the code in ``code``."""
    env = {**os.environ, "PYTHONPATH": code, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        project = str(Path(tmp) / "projekt")
        init = [sys.executable, "-m", "workbench", "init", project, "--districts", "Manfort"]
        subprocess.run(init, env=env, check=True, capture_output=True, cwd=tmp)
        command = [sys.executable, "-c", _CHILD, "--project", project, "import", str(path)]
        command += ["--district", "Manfort"]
        began = time.perf_counter()
        done = subprocess.run(command, env=env, check=True, capture_output=True, cwd=tmp)
        wall = time.perf_counter() - began
    result = json.loads(done.stdout.decode().strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"Import von {path.name} endete mit Code {result['code']}")
    return {"cpu": result["cpu"], "wall": wall, "rss": result["rss"] / 1024}


def imports_table(label: str, runs: dict[int, dict[str, float]]) -> tuple[str, float]:
    """The imports as a German table, and the largest CPU growth per doubling."""
    lines = [f"{label}: workbench import (Wachstum der CPU-Zeit je Verdopplung)"]
    lines.append(f"{'Absätze':>8}{'Kodierungen':>12}{'CPU s':>9}{'':>8}{'Wand s':>9}{'RSS MB':>9}")
    worst, sizes = 0.0, sorted(runs)
    for k, size in enumerate(sizes):
        run, growth = runs[size], ""
        if k and sizes[k - 1] * 2 == size:
            ratio = run["cpu"] / max(runs[sizes[k - 1]]["cpu"], 1e-3)
            growth, worst = f"(×{ratio:.1f})", max(worst, ratio)
        codings = len(range(0, size, EVERY))
        lines.append(
            f"{size:>8}{codings:>12}{run['cpu']:>9.1f}{growth:>8}{run['wall']:>9.1f}"
            f"{run['rss']:>9.0f}"
        )
    return "\n".join(lines), worst


def _old_overlaps(segments: list[SimpleNamespace], start: int, end: int) -> list[object]:
    """The placement before session 40: every statement per coding."""
    result = []
    for segment in segments:
        s, e = max(start, segment.start), min(end, segment.end)
        if s < e:
            result.append((segment, s - segment.start, e - segment.start))
    return result


def cpu_seconds(run: Callable[[], object]) -> float:
    """The CPU seconds of one call of ``run`` (the machine may be busy with other work)."""
    began = time.process_time()
    run()
    return time.process_time() - began


def placement_table(sizes: list[int]) -> str:
    """CPU seconds to place the codings of a source of each size on its statements."""
    lines = [
        "Zuordnung der Kodierungen zu Aussagen (CPU-Sekunden): alt = alle Aussagen je Kodierung"
    ]
    lines.append(f"{'Absätze':>8}{'alt':>10}{'neu':>10}")
    for size in sizes:
        length = len(paragraphs(1, False)[0])
        segments = [
            SimpleNamespace(start=k * (length + 1), end=k * (length + 1) + length)
            for k in range(size)
        ]
        spans = [(s.start + 14, s.start + 29) for s in segments[::EVERY]]

        def new(segments: list[SimpleNamespace] = segments, spans: list = spans) -> None:
            index = SegmentSpans(segments)
            for start, end in spans:
                index.overlaps(start, end)

        def old(segments: list[SimpleNamespace] = segments, spans: list = spans) -> None:
            for start, end in spans:
                _old_overlaps(segments, start, end)

        lines.append(f"{size:>8}{cpu_seconds(old):>10.2f}{cpu_seconds(new):>10.3f}")
    return "\n".join(lines)


def measure(sizes: list[int], names: bool, code: str, folder: Path) -> dict[int, dict[str, float]]:
    """Each size imported with the code in ``code``."""
    return {
        size: import_once(write_qdpx(size, names, folder / f"gross_{size}.qdpx"), code)
        for size in sizes
    }


def main() -> int:
    """Measure this code (and the old one if asked) and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000")
    parser.add_argument("--names", action="store_true", help="ein Name in jedem Absatz")
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    parser.add_argument("--old-max", type=int, default=10000)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    print(placement_table(sizes), end="\n\n", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.old:
            old = measure([n for n in sizes if n <= args.old_max], args.names, args.old, Path(tmp))
            print(imports_table(f"Alter Code ({args.old})", old)[0], end="\n\n", flush=True)
        text, worst = imports_table("Dieser Code", measure(sizes, args.names, str(ROOT), Path(tmp)))
    print(text)
    print(f"Größtes Wachstum je Verdopplung: ×{worst:.1f} (Grenze ×{MAX_GROWTH:.1f})")
    return 1 if worst > MAX_GROWTH else 0


if __name__ == "__main__":
    sys.exit(main())
