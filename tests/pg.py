"""A throw-away PostgreSQL server for the tests, and the SQLite/PostgreSQL parametrisation.

Tests marked ``@pytest.mark.backends`` run twice, on SQLite and on PostgreSQL: their
``project`` (tests/conftest.py) lives in a new database of a cluster that the session
starts once under a temporary folder (Debian's ``postgresql`` binaries, ``make
postgresql`` installs them) and removes at its end. Without the binaries the PostgreSQL
half fails in CI and is skipped elsewhere, with the reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.ports import reserve_port
from workbench import Project

BACKENDS = ("sqlite", "postgresql")
USER = "wb"


def _bindir() -> Path | None:
    """The newest Debian PostgreSQL server binaries, if installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _major(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _free_port() -> int:
    """A port reserved for the server about to start (tests/ports.py)."""
    return reserve_port()


@dataclass
class Server:
    """A running cluster: hands out a new, empty database per call."""

    port: int
    folder: Path
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server."""
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._numbers)}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    """Run as the cluster's owner: initdb refuses root."""
    return ["runuser", "-u", owner, "--", *command] if owner else command


def _start(bindir: Path) -> Server:
    folder = Path(tempfile.mkdtemp(prefix="wb-pg-"))
    owner = "postgres" if os.geteuid() == 0 else None
    if owner:
        shutil.chown(folder, owner)
    data = folder / "data"
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    subprocess.run(
        _as_owner(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8",
             "--locale=C", "--no-sync"],
            owner,
        ),
        **run,
    )  # fmt: skip
    attempts = 0
    while True:  # a port found free may be taken before the server binds it: another one
        port, attempts = _free_port(), attempts + 1
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c timezone=Europe/Berlin"
        )
        try:
            subprocess.run(
                _as_owner(
                    [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                     str(folder / "server.log"), "-w", "start"],
                    owner,
                ),
                **run,
            )  # fmt: skip
        except subprocess.CalledProcessError:
            log = (folder / "server.log").read_text(errors="replace")
            if attempts == 3 or "already in use" not in log:
                raise
            continue
        return Server(port=port, folder=folder)


def _stop(bindir: Path, server: Server) -> None:
    owner = "postgres" if os.geteuid() == 0 else None
    subprocess.run(
        _as_owner([str(bindir / "pg_ctl"), "-D", str(server.folder / "data"), "-m", "immediate",
                   "stop"], owner),
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """A PostgreSQL cluster for this test session (started on first use)."""
    from tests.conftest import IN_CI

    bindir = _bindir()
    if bindir is None:
        message = "PostgreSQL fehlt (/usr/lib/postgresql/*/bin/initdb): make postgresql"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    try:
        server = _start(bindir)
    except subprocess.CalledProcessError as err:
        pytest.fail(f"PostgreSQL startet nicht: {err.cmd[-1]}: {err.stderr or err.stdout}")
    yield server
    _stop(bindir, server)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` (default) or ``postgresql`` for tests marked ``backends``."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_url(db_backend: str, request: pytest.FixtureRequest) -> str | None:
    """None for SQLite in the project folder, else the URL of a new PostgreSQL database."""
    if db_backend == "sqlite":
        return None
    return request.getfixturevalue("pg_server").new_database()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run tests marked ``backends`` once per backend."""
    if metafunc.definition.get_closest_marker("backends") and "db_backend" in (
        metafunc.fixturenames
    ):
        metafunc.parametrize("db_backend", BACKENDS, indirect=True)


def move_to(project: Project, db_url: str | None) -> Project:
    """The project moved to ``db_url`` (as ``workbench migrate-db`` does); itself if None."""
    if db_url is None:
        return project
    from workbench.cli.main import main

    folder = project.path
    project.close()
    assert main(["--project", str(folder), "migrate-db", "--to", db_url]) == 0
    return Project.open(folder)
