"""tests/pg.py: the test cluster starts also when its port was taken meanwhile.

_free_port() finds a port free, PostgreSQL binds it a moment later; another process of
`make test` (a Voilà kernel, a JupyterHub) can take it in between, and `pg_ctl start`
failed with "Address already in use" — every PostgreSQL test of the worker with it.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests import pg


def test_the_cluster_starts_on_another_port_when_its_port_was_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import IN_CI

    bindir = pg._bindir()
    if bindir is None:
        (pytest.fail if IN_CI else pytest.skip)("PostgreSQL fehlt (make postgresql)")
        return
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        held = taken.getsockname()[1]
        ports: Iterator[int] = iter([held, pg._free_port()])
        monkeypatch.setattr(pg, "_free_port", lambda: next(ports))
        server = pg._start(bindir)
        try:
            assert server.port != held
            assert server.new_database().startswith("postgresql+psycopg://")
        finally:
            pg._stop(bindir, server)
