"""Preheated kernels (widgets.app_support): the request arrives late, kernels are released.

A kernel of Voilà's preheated pool learns its page's query string over a websocket from
the server once a participant's request takes it; here a small websocket server plays
Voilà's part (same address scheme, same message). The participants' app must read the
token only then, and a kernel whose participant has answered and gone quiet is released.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from widgets import app_support
from widgets.app_support import IdleRelease, prepare_app, query_params, release_after


def _held_port() -> socket.socket:
    """A socket bound to a free port on 127.0.0.1, not yet listening: the port stays ours
    until the server takes the socket (a connection to it is refused until then)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture
def preheated(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """A preheated kernel's environment; the request is sent by calling ``send(query)``."""
    from websockets.sync.server import serve

    held = _held_port()
    port = held.getsockname()[1]
    monkeypatch.setitem(app_support._request, "received", False)
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", str(port))
    monkeypatch.setenv("VOILA_SERVER_URL", "/")
    monkeypatch.setenv("VOILA_KERNEL_ID", "k-1")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    state: dict = {"paths": [], "query": threading.Event(), "value": ""}

    def handler(connection) -> None:
        state["paths"].append(connection.request.path)
        state["query"].wait(30)
        connection.send(json.dumps({"QUERY_STRING": state["value"], "SCRIPT_NAME": "/x"}))

    def send(query: str) -> None:
        state["value"] = query
        state["query"].set()

    state["send"] = send

    def start():  # the server listens on the port held since the fixture began
        held.listen()
        return serve(handler, sock=held)

    state["start"] = start
    try:
        yield state
    finally:
        held.close()


def test_the_query_string_is_read_once_the_request_has_come(preheated: dict) -> None:
    result: dict = {}
    waiting = threading.Thread(target=lambda: result.update(query_params()))
    waiting.start()  # the kernel asks before the server even listens: it keeps trying
    time.sleep(1.5)
    assert waiting.is_alive() and not result
    server = preheated["start"]()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        time.sleep(1.5)
        assert waiting.is_alive()  # connected, but no participant yet
        preheated["send"]("token=abc%3Cdef&x=1")
        waiting.join(timeout=20)
        assert result == {"token": "abc<def", "x": "1"}
        assert preheated["paths"] == ["/voila/query/k-1"]
        assert query_params() == result  # once received, no more waiting
    finally:
        server.shutdown()


def test_an_explicit_environment_never_waits(preheated: dict) -> None:
    assert query_params({"QUERY_STRING": "token=t"}) == {"token": "t"}
    assert not app_support._request["received"]


def test_prepare_app_opens_the_project_before_the_request(
    preheated: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench import Project

    Project.create(tmp_path / "p").close()
    monkeypatch.setenv("WORKBENCH_PROJECT", str(tmp_path / "p"))
    server = preheated["start"]()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    done = threading.Event()
    threading.Thread(target=lambda: (prepare_app(), done.set()), daemon=True).start()
    try:
        deadline = time.monotonic() + 30
        while str(tmp_path / "p") not in app_support._prepared:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert not done.is_set()  # the project is open, the request not yet there
        preheated["send"]("token=t")
        assert done.wait(20)
        project = app_support.open_project()
        assert project.path == tmp_path / "p"
        assert str(tmp_path / "p") not in app_support._prepared  # handed over once
        project.close()
    finally:
        server.shutdown()


def test_an_ordinary_kernel_reads_query_string_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setenv("QUERY_STRING", "coder=A")
    prepare_app()  # nothing to wait for
    assert query_params() == {"coder": "A"}


def test_idle_release_after_the_last_answer() -> None:
    shown: list[float] = []
    release = IdleRelease(1.0, lambda: shown.append(time.monotonic()))
    release.touch()
    time.sleep(0.6)
    last = time.monotonic()
    release.touch()  # another answer: the quiet time starts again
    assert release.released.wait(10)
    assert len(shown) == 1 and shown[0] - last >= 0.9
    release.touch()  # after the release nothing happens any more
    time.sleep(1.5)
    assert len(shown) == 1
    never = IdleRelease(0, lambda: shown.append(0.0))
    never.touch()
    assert not never.released.wait(1.5) and len(shown) == 1
    assert release_after({"WORKBENCH_RELEASE_AFTER": "x"}) == app_support.RELEASE_AFTER
