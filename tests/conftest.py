"""Shared fixtures: temporary projects, the real corpora, the demo project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.coding_data import cards_project
from workbench import Project

# db_backend, db_url, pg_server and the SQLite/PostgreSQL parametrisation (marker backends)
pytest_plugins = ("tests.pg",)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


KEY_TABLES = {"pseudonyms", "pseudonym_spans", "listed_names"}  # the key, kept apart


def stored_text(project: Project) -> str:
    """Every value of every table except the pseudonym key, as text (to search for
    names that must not be stored in clear)."""
    import json

    from sqlalchemy import select

    from workbench.store import Base

    parts = []
    with project.engine.connect() as c:
        for table in Base.metadata.sorted_tables:
            if table.name not in KEY_TABLES:
                for row in c.execute(select(table)):
                    parts.append(json.dumps([str(v) for v in row], ensure_ascii=False))
    return "\n".join(parts)


def forum_project(tmp_path: Path, protocol: str) -> tuple[Path, list[str]]:
    """A project ``tmp_path/projekt`` (district Manfort) with ``protocol`` imported as the
    workshop "Forum"; its folder and the CLI's ``--project`` arguments."""
    from workbench.cli.main import main

    folder, source = tmp_path / "projekt", tmp_path / "forum.md"
    source.write_text(protocol, encoding="utf-8")
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Manfort", "--workshop", "Forum", str(source)]) == 0
    return folder, p


def segment_with(folder: Path, word: str) -> int:
    """The id of the one statement in the project at ``folder`` that contains ``word``."""
    with Project.open(folder) as project:
        segments = project.segments()
        return int(segments.loc[segments["text"].str.contains(word), "segment_id"].item())


def need(path: Path, what: str) -> Path:
    """Return ``path``; if it is missing, fail in CI and skip (with reason) elsewhere."""
    if path.exists():
        return path
    message = f"{what} fehlt: {path}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session", autouse=True)
def _jupyter_dirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep Jupyter/IPython config, data and runtime out of the home folder."""
    base = tmp_path_factory.mktemp("jupyter")
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        os.environ.setdefault(var, str(base / var.lower()))


@pytest.fixture
def project(tmp_path: Path, db_url: str | None) -> Project:
    """An empty project with the five demo districts declared (PostgreSQL: tests/pg.py)."""
    p = Project.create(
        tmp_path / "projekt",
        db_url=db_url,
        districts=["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"],
    )
    yield p
    p.close()


@pytest.fixture(scope="session")
def corpora() -> Path:
    """The real, human-labelled corpora in ../shared/corpora."""
    return need(CORPORA, "Die echten Korpora (../shared/corpora)")


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The demo study, built once per test session."""
    from workbench.demo import build_demo

    p = build_demo(tmp_path_factory.mktemp("demo") / "projekt")
    yield p
    p.close()


@pytest.fixture(scope="session")
def embedded_demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo project folder whose embedding cache is filled (copy it before changing)."""
    from workbench.analysis.embeddings import project_embeddings
    from workbench.demo import build_demo

    folder = tmp_path_factory.mktemp("demo-embedded") / "projekt"
    with build_demo(folder) as p:
        project_embeddings(p, progress=False)
    return folder


@pytest.fixture
def demo_copy(embedded_demo_dir: Path, tmp_path: Path, db_url: str | None) -> Project:
    """A private copy of the embedded demo project, free to change."""
    import shutil

    from tests.pg import move_to

    target = tmp_path / "demo"
    shutil.copytree(embedded_demo_dir, target)
    p = move_to(Project.open(target), db_url)
    yield p
    p.close()


@pytest.fixture
def cards(project: Project, tmp_path: Path) -> dict[str, int]:
    """The project fixture with six cards and a small codebook; segment ids by card."""
    return cards_project(project, tmp_path)
