"""The tests' free-port helpers keep the port for the server the test starts.

pg._free_port() and the browser tests' free_port() found a port free and closed their
socket; PostgreSQL, Voilà, JupyterLab or JupyterHub bound it a moment later, and another
process of a parallel run could take it in between ("Address already in use"). Now the
port is reserved (tests/ports.py): nobody else is given it, the server binds it.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable

import pytest
from tornado.netutil import bind_sockets

from tests import pg
from tests.browser import conftest as browser
from tests.ports import HOST, reserve_port

HELPERS: dict[str, Callable[[], int]] = {
    "reserve_port": reserve_port,
    "pg._free_port": pg._free_port,
    "browser.free_port": browser.free_port,
}


@pytest.mark.parametrize("helper", HELPERS.values(), ids=HELPERS.keys())
def test_a_reserved_port_is_given_to_nobody_else(helper: Callable[[], int]) -> None:
    port = helper()
    with socket.socket() as other, pytest.raises(OSError) as taken:
        other.bind((HOST, port))  # another process picking it by number
    assert taken.value.errno == errno.EADDRINUSE
    handed_out = set()
    for _ in range(300):  # another process asking the system for a free port
        with socket.socket() as other:
            other.bind((HOST, 0))
            handed_out.add(other.getsockname()[1])
    assert port not in handed_out


@pytest.mark.parametrize("helper", HELPERS.values(), ids=HELPERS.keys())
def test_the_server_the_test_starts_binds_the_reserved_port(helper: Callable[[], int]) -> None:
    """As Voilà, Jupyter and JupyterHub bind (tornado); PostgreSQL: tests/test_pg_start.py."""
    port = helper()
    sockets = bind_sockets(port, HOST)
    try:
        with socket.create_connection((HOST, port), timeout=5) as client:
            accepted, _ = sockets[0].accept()
            accepted.sendall(b"ok")
            assert client.recv(2) == b"ok"
            accepted.close()
    finally:
        for sock in sockets:
            sock.close()
