"""The architecture holds: stage layers (import-linter), no import circle, small modules.

docs/architecture.md explains the layout; .importlinter states the contracts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("workbench", "widgets")
# Every folder of Python code the project writes: the line limit holds for all of them.
CODE_FOLDERS = (*PACKAGES, "voila_apps", "benchmarks", "tests", "notebooks")
MAX_LINES = 600
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=where,
        env={**os.environ, "PYTHONPATH": str(where)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_contracts_hold_on_the_code_as_it_is() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("workbench/store/schema.py", "import workbench.analysis.needs", "stages"),
        ("workbench/ingest/writer.py", "import ipywidgets", "UI"),
        ("workbench/analysis/needs.py", "import plotly.graph_objects", "plotly"),
        ("widgets/keys.py", "import workbench.cli", "command line"),
    ],
    ids=["upward-stage", "ui-in-core", "plotly-outside-figures", "widgets-import-cli"],
)
def test_a_forbidden_import_breaks_the_check(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package)
    shutil.copyfile(ROOT / ".importlinter", tmp_path / ".importlinter")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout[-3000:]
    broken = [row for row in result.stdout.splitlines() if "BROKEN" in row]
    assert len(broken) >= 1
    assert module.removesuffix(".py").replace("/", ".") in result.stdout
    if contract != "stages":
        assert contract in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    modules = sorted(m for m in graph.modules if m.split(".")[0] in PACKAGES)

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.find_modules_directly_imported_by(node)):
            if other.split(".")[0] not in PACKAGES:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_import_circle_between_modules() -> None:
    # Imports inside functions count too: a circle hidden in a function is still a circle.
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert _cycles(graph) == []


def test_cycle_finder_sees_a_circle() -> None:
    graph = grimp.ImportGraph()
    for name in ("workbench.a", "workbench.b", "workbench.c"):
        graph.add_module(name)
    graph.add_import(importer="workbench.a", imported="workbench.b")
    graph.add_import(importer="workbench.b", imported="workbench.a")
    graph.add_import(importer="workbench.c", imported="workbench.a")
    assert _cycles(graph) == [["workbench.a", "workbench.b"]]


def test_every_module_is_at_most_600_lines() -> None:
    too_long = {
        str(path.relative_to(ROOT)): n
        for folder in CODE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}
