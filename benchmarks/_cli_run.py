"""The workbench's command line run in this process, for the fuzz benchmarks: exit code,
what it printed, whether it raised."""

from __future__ import annotations

import contextlib
import io
import traceback


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
