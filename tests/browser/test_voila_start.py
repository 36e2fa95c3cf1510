"""start_voila finds Voilà where it listens, also when its port was taken meanwhile.

free_port() finds a port free, Voilà binds it a moment later; another process can take it
in between (a CI run: "The port 34269 is already in use, trying another port"). Voilà then
listens on the next port, and the test helper waited 180 s on the old one.
"""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.request
from pathlib import Path

import pytest

from tests.browser import conftest
from tests.browser.conftest import APPS, jupyter_env, start_voila, stop

pytestmark = pytest.mark.browser


def test_voila_on_a_port_taken_meanwhile_is_found_where_it_listens(
    tmp_path: Path, browser_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(conftest, "free_port", lambda: port)
        base = tmp_path / "voila"
        server = start_voila(APPS, base, jupyter_env(base, WORKBENCH_PROJECT=str(browser_project)))
        try:
            assert server.base_url != f"http://127.0.0.1:{port}"
            with urllib.request.urlopen(server.base_url + "/", timeout=30) as response:
                assert response.status == 200
        finally:
            stop(server.process)


def test_another_server_answering_on_the_picked_port_is_not_taken_for_voila(
    tmp_path: Path, browser_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The port was taken by a server that answers too: the helper asks only where Voilà's
    log says it listens, never the picked port on the chance that Voilà is there."""
    other = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    port = other.server_address[1]
    try:
        monkeypatch.setattr(conftest, "free_port", lambda: port)
        base = tmp_path / "voila"
        server = start_voila(APPS, base, jupyter_env(base, WORKBENCH_PROJECT=str(browser_project)))
        try:
            assert server.base_url != f"http://127.0.0.1:{port}"
            with urllib.request.urlopen(server.base_url + "/", timeout=30) as response:
                assert response.status == 200 and b"voila" in response.read().lower()
        finally:
            stop(server.process)
    finally:
        other.shutdown()
        other.server_close()
