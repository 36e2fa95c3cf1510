"""Packaging: environment.yml mirrors pyproject.toml; the core package stays UI-free."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import yaml

from tests.conftest import ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_names_the_same_dependencies_as_pyproject() -> None:
    pyproject = _pyproject()
    wanted = (
        pyproject["project"]["dependencies"] + pyproject["project"]["optional-dependencies"]["dev"]
    )
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = [r for r in pip_section if not r.startswith("-")]
    # Same names *and* the same pins.
    assert sorted(listed) == sorted(wanted)
    assert {_name(r) for r in listed} == {_name(r) for r in wanted}


def test_install_steps_agree_between_pyproject_environment_and_makefile() -> None:
    steps = _pyproject()["tool"]["workbench"]
    nodeps = steps["no-deps"]
    env_text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for requirement in nodeps:
        assert f"pip install --no-deps {requirement}" in env_text
        assert f"# no-deps: {requirement}" in env_text
    make = subprocess.run(
        ["make", "-n", "-B", "setup"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert f"--no-deps {' '.join(nodeps)}" in make
    for name in steps["uninstall"]:
        assert f"pip uninstall --yes {name}" in env_text
        assert re.search(rf"uv pip .*uninstall .*{name}$", make, re.MULTILINE)


def test_a_jupyter_process_does_not_build_the_iri_grammar_at_import() -> None:
    """Jupyter Server, nbval and plotly validate with jsonschema; its optional IRI checker
    would cost every such process ~2.8 s of CPU (see [tool.workbench] uninstall)."""
    code = (
        "import sys, jsonschema, jupyter_events.validators, nbformat.validator\n"
        "print('rfc3987_syntax' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_import_workbench_loads_no_ui_modules() -> None:
    code = (
        "import sys, workbench, workbench.cli.main, workbench.demo\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('ipywidgets', 'IPython', 'voila', 'widgets'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_console_script_is_declared() -> None:
    assert _pyproject()["project"]["scripts"]["workbench"] == "workbench.cli:main"
