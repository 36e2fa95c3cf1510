"""The demo study with and without analysis runs, built once per test session.

``demo_copy(tmp_path_factory, dst, analysed=True)`` returns a private copy (a folder
copy of the closed SQLite project) that a test may change freely; ``follow_up_copy`` the
same with the demo's follow-up wave.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench import Project

_BUILT: dict[str, Path] = {}


def _build(factory: pytest.TempPathFactory) -> dict[str, Path]:
    from workbench.analysis import needs, topics
    from workbench.demo import build_demo

    key = str(factory.getbasetemp())
    if key in _BUILT:
        return {"plain": _BUILT[key], "analysed": _BUILT[key + "/analysed"]}
    base = factory.mktemp("synthesis")
    plain = base / "plain"
    build_demo(plain).close()  # closed: the WAL is checkpointed, a folder copy is whole
    analysed = base / "analysed"
    shutil.copytree(plain, analysed)
    project = Project.open(analysed)
    needs.run_needs(project, progress=False)
    topics.run_topics(project, progress=False)
    project.close()
    _BUILT[key], _BUILT[key + "/analysed"] = plain, analysed
    return {"plain": plain, "analysed": analysed}


def demo_copy(factory: pytest.TempPathFactory, dst: Path, analysed: bool = True) -> Project:
    """A private, open copy of the demo project (with need and topic runs if ``analysed``)."""
    source = _build(factory)["analysed" if analysed else "plain"]
    shutil.copytree(source, dst)
    return Project.open(dst)


def _build_follow_up(factory: pytest.TempPathFactory) -> Path:
    """The analysed demo with its follow-up wave (and a need run over both waves), once."""
    from workbench.demo import add_follow_up

    key = str(factory.getbasetemp()) + "/follow-up"
    if key not in _BUILT:
        folder = factory.mktemp("synthesis-follow-up") / "projekt"
        shutil.copytree(_build(factory)["analysed"], folder)
        with Project.open(folder) as project:
            add_follow_up(project, analyse=True, progress=False)
        _BUILT[key] = folder
    return _BUILT[key]


def follow_up_copy(factory: pytest.TempPathFactory, dst: Path) -> Project:
    """A private, open copy of the analysed demo with the follow-up wave 2022
    (``workbench demo --analyse --welle2``: two waves, indicators 2019 and 2022, status steps)."""
    shutil.copytree(_build_follow_up(factory), dst)
    return Project.open(dst)


def legacy_districts(project: Project, names: list[str]) -> None:
    """Declare districts as an older workbench let them be (``districts --add
    Steinbuechel`` beside Steinbüchel, "Strasse" beside "Straße"): today's ``add_districts``
    refuses such a second spelling, but projects holding one still have to work."""
    from workbench.store import District

    with project.transaction() as session:
        session.add_all(District(name=name, is_citywide=False) for name in names)
