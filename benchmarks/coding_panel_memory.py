"""What the coding panel's model holds in memory with 30,000 statements (prints numbers).

The panel (:class:`widgets.coding_model.CodingModel`) reads every statement of the project
once; its filters choose among them and its progress counts them all (decision 020,
Nachtrag Runde 47). This measures what that costs in the kernel of one open page.

The statements are built as in ``benchmarks/scale.py`` (the real Pol.is Klimarat and
Ottensen comments, then deterministic variations of them, over five districts) and
imported into a fresh project through the normal importer (pseudonymisation included);
a third get a code by the benchmark's coder. Then, in this process:

- ``tracemalloc``: the memory the loaded model keeps (allocated during ``load`` and still
  held afterwards) and the peak during ``load``;
- the same split by what the model holds: the table of statements (texts, their folded
  copies for the search, the short fields), the coder's codings, the memos;
- RSS of the process before and after ``load`` (``/proc/self/status``, VmRSS), and its
  peak (VmHWM), for the order of magnitude beside a kernel's own (~150 MB).

Run: WORKBENCH_SHARED=/work/shared .venv/bin/python benchmarks/coding_panel_memory.py
[--segments 30000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _codings import write_codings  # noqa: E402
from scale import DISTRICTS, base_texts, variants, write_csv  # noqa: E402

from widgets.coding_model import CodingModel  # noqa: E402
from workbench import Project  # noqa: E402
from workbench.ingest.table import TableMapping  # noqa: E402

CODER = "Speicherprobe"
MB = 2**20


def rss(field: str = "VmRSS") -> float:
    """A memory field of this process from /proc (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def deep_size(value: object, seen: set[int] | None = None) -> int:
    """Bytes of ``value`` and of the lists, dicts, sets and arrays it holds (each once)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if hasattr(value, "nbytes") and hasattr(value, "dtype"):
        return int(value.nbytes) + 112
    if isinstance(value, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        size += sum(deep_size(v, seen) for v in value)
    elif hasattr(value, "__dict__"):
        size += deep_size(vars(value), seen)
    return size


def build(folder: Path, n: int) -> Path:
    """A project of ``n`` statements (as ``scale.py`` makes them), a third coded."""
    data = folder / "aussagen.csv"
    write_csv(variants(base_texts(), n), data)
    started = time.perf_counter()
    with Project.create(folder / "projekt", districts=DISTRICTS) as project:
        project.import_codebook(ROOT / "corpus" / "codebook.yaml")
        mapping = TableMapping(text_column="text", id_column="id", district_column="district")
        project.import_files([data], mapping=mapping, workshop="Skala")
        segments = project.segments()
        coded = folder / "kodierungen.csv"
        third = [(CODER, "Ressource")]
        project.import_codings(
            write_codings(coded, segments, lambda i: third if i % 3 == 0 else [])
        )
    print(f"Projekt mit {n:,} Aussagen angelegt in {time.perf_counter() - started:.0f} s")
    return folder / "projekt"


def main() -> int:
    """Build the project, load the panel's model once, print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=30_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        folder = build(Path(tmp), args.segments)
        with Project.open(folder) as project:
            project.segments()  # the first read's caches (SQLAlchemy, pandas) not counted
            gc.collect()
            before_rss = rss()
            tracemalloc.start()
            base, _ = tracemalloc.get_traced_memory()
            model = CodingModel(project, coder=CODER).load()
            gc.collect()
            kept, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            after_rss = rss()
            t = model.table_
            texts = sum(sys.getsizeof(s) for s in t.texts)
            folded = sum(sys.getsizeof(s) for s in t.folded if s is not None)
            chars = sum(len(s) for s in t.texts)
            parts = {
                "Tabelle der Aussagen (alles)": deep_size(t),
                "  davon Texte": texts,
                "  davon gefaltete Texte (Suche)": folded,
                "Kodierungen der Kodierer*in": deep_size(model.coded_) + deep_size(model.is_coded_),
                "Memos": deep_size(model.memos_),
            }
            print(f"Aussagen im Modell: {model.total:,}, Zeichen der Texte: {chars:,}")
            print(f"tracemalloc: behalten {(kept - base) / MB:.1f} MB, Spitze {peak / MB:.1f} MB")
            high = rss("VmHWM")
            grown = after_rss - before_rss
            print(f"RSS: vorher {before_rss:.0f} MB, nachher {after_rss:.0f} MB (+{grown:.0f}), "
                  f"Spitze des Prozesses {high:.0f} MB")  # fmt: skip
            for name, size in parts.items():
                print(f"  {name}: {size / MB:.1f} MB")
            print(f"  je Aussage behalten: {(kept - base) / model.total:.0f} Bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
