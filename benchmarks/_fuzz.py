"""The harness of the fuzz benchmarks (qdpx_schema_fuzz, transcript_spec_fuzz): options,
the code under test on the path, the workbench's command line run in this process, one
generated case per seed, the counts printed."""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fuzz_options(doc: str) -> argparse.ArgumentParser:
    """The options every fuzz benchmark has: --n, --seed, --code, --show."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--code", type=Path, help="run the workbench from this folder")
    parser.add_argument("--show", type=int, default=5, help="findings to print")
    return parser


def code_on_path(code: Path | None) -> None:
    """The generators (tests/, by path: --code has tests/ too) and the code under test
    (``code``, else this checkout) first on ``sys.path``."""
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT))
    if code:
        sys.path.insert(0, str(code.resolve()))


def run_cli(argv: list[str]) -> tuple[int, str, bool]:
    """``workbench ARGV`` in this process: exit code, output, whether it raised."""
    from workbench.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = main(argv)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
        except Exception:
            traceback.print_exc(file=out)
            return -1, out.getvalue(), True
    return code, out.getvalue(), False


def run_seeds(
    args: argparse.Namespace, one: Callable[[int, Path, Counter, list[str]], None]
) -> tuple[Counter, list[str]]:
    """``one(seed, folder, counts, shown)`` for each seed of ``args`` in a temporary folder;
    a failure of the harness itself is counted, not raised."""
    counts: Counter = Counter()
    shown: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.n):
            try:
                one(seed, Path(tmp), counts, shown)
            except Exception:  # a harness failure (a project that does not open, …)
                counts["Fehler im Prüfablauf"] += 1
                shown.append(f"{seed} Prüfablauf: {traceback.format_exc().splitlines()[-1]}")
    return counts, shown


def print_counts(
    what: str, args: argparse.Namespace, counts: Counter, shown: list[str], width: int
) -> None:
    """The counts in order of their names, then the first findings (``width`` characters)."""
    print(f"{args.n} {what} (Seeds {args.seed}…{args.seed + args.n - 1})")
    for key in sorted(counts):
        print(f"  {key}: {counts[key]}")
    for line in shown[: args.show]:
        print("  -", line[:width])
