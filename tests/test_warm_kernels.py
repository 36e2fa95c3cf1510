"""Warm kernels (widgets.warm_kernels, widgets.voila_server): forked, interruptible, cleaned up.

A kernel manager as Voilà's server uses it (:class:`ForkingKernelManager`) starts real
IPython kernels here; each must run code, be interruptible, shut down, and die with its
launcher; the warm process must end with its server. Without a warm process the launcher
runs an ordinary kernel.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psutil
import pytest

from widgets import warm_kernels
from widgets.voila_server import (
    ForkingKernelManager,
    _Warm,
    keep_request_channels,
    page_config_hook,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not warm_kernels.supported(), reason="nur unter Linux"),
]


def _gone(pid: int, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


async def _run(kc, code: str, timeout: float = 60) -> dict:
    """Execute ``code``; return the reply content and the text printed."""
    printed: list[str] = []

    def hook(msg: dict) -> None:
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])

    reply = await kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    return {**reply["content"], "printed": "".join(printed)}


async def _value(kc, expression: str, timeout: float = 60) -> str:
    """The repr of ``expression`` in the kernel, from the execute reply itself.

    Not from printed output: after an interrupt, ipykernel may still attribute a stream
    to the interrupted request, and a client that waits for its own request's output then
    sees none (seen once in a clean-clone run). A request sent right after an error reply
    may be answered "aborted": ipykernel 7 stops aborting the queue only when a message it
    posts to its own shell thread arrives, and ours can come first (seen once in CI); such
    a request is sent again.
    """
    for _ in range(5):
        reply = await kc.execute_interactive(
            "import os", timeout=timeout, user_expressions={"value": expression}
        )
        if reply["content"]["status"] != "aborted":
            break
        await asyncio.sleep(0.2)
    assert reply["content"]["status"] == "ok", reply["content"]
    return reply["content"]["user_expressions"]["value"]["data"]["text/plain"]


async def _start_forked() -> tuple[ForkingKernelManager, Any]:
    """A kernel forked by the warm process and a client whose channels are ready."""
    km = ForkingKernelManager(kernel_name="python3")
    await km.start_kernel()
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=120)
    return km, kc


@pytest.fixture
def jupyter_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    return tmp_path


def test_kernels_are_forked_interruptible_and_cleaned_up(jupyter_dirs: Path) -> None:
    async def scenario() -> None:
        km, kc = await _start_forked()
        try:
            assert km.format_kernel_cmd()[1:4] == ["-m", "widgets.warm_kernels", "launch"]
            zygote = _Warm.process.pid
            shown = await _run(kc, "import os, sys; print(os.getppid(), 'pandas' in sys.modules)")
            ppid, preloaded = shown["printed"].split()
            assert int(ppid) == zygote  # forked by the warm process …
            assert preloaded == "True"  # … which had imported pandas already
            launcher = km.provisioner.pid
            assert psutil.Process(launcher).cmdline()[2] == "widgets.warm_kernels"

            # an interrupt reaches the kernel through its launcher
            msg_id = kc.execute("import time; time.sleep(60)")
            await asyncio.sleep(1.0)
            await km.interrupt_kernel()
            reply = await kc.get_shell_msg(timeout=30)
            assert reply["parent_header"]["msg_id"] == msg_id
            assert reply["content"]["ename"] == "KeyboardInterrupt"
            kernel_pid = int(await _value(kc, "os.getpid()"))
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()
        assert _gone(kernel_pid) and _gone(launcher)

        # a kernel whose launcher is killed (as jupyter_client kills) goes with it
        km, kc = await _start_forked()
        kernel_pid = int(await _value(kc, "os.getpid()"))
        kc.stop_channels()
        os.kill(km.provisioner.pid, signal.SIGKILL)
        assert _gone(kernel_pid)
        await km.cleanup_resources()

    try:
        _run_in_own_loop(scenario)
    finally:
        _Warm.stop()


def test_a_forked_kernel_answers_a_page_asking_for_all_widget_states(jupyter_dirs: Path) -> None:
    """A page's widget manager first asks the kernel's control comm for every widget's
    state in one answer; a forked kernel must have that comm target like an ordinary one."""

    async def scenario() -> None:
        km, kc = await _start_forked()
        try:
            shown = await _run(
                kc, "import ipywidgets\ns = ipywidgets.IntSlider(value=7)\nprint(s.model_id)"
            )
            model_id = shown["printed"].strip()
            comm_id = uuid.uuid4().hex
            for msg_type, content in (
                (
                    "comm_open",
                    {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
                ),
                ("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}}),
            ):
                kc.shell_channel.send(
                    kc.session.msg(msg_type, content, metadata={"version": "1.0.0"})
                )
            deadline = time.monotonic() + 60
            while True:
                assert time.monotonic() < deadline, "keine Antwort auf request_states"
                msg = await kc.get_iopub_msg(timeout=60)
                assert not (
                    msg["msg_type"] == "comm_close" and msg["content"]["comm_id"] == comm_id
                ), "der Kernel kennt den Steuerkanal der Widgets nicht"
                if msg["msg_type"] == "comm_msg" and msg["content"]["comm_id"] == comm_id:
                    break
            answer = msg["content"]["data"]
            assert answer["method"] == "update_states"
            assert answer["states"][model_id]["state"]["value"] == 7
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()

    try:
        _run_in_own_loop(scenario)
    finally:
        _Warm.stop()


def _run_in_own_loop(scenario) -> None:
    """Run a coroutine function in a fresh event loop on its own thread: earlier tests
    (Playwright's sync API) may leave a running loop on the main thread."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(scenario())
        except BaseException as err:  # re-raised in the test's thread
            errors.append(err)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join(timeout=600)
    assert not worker.is_alive(), "Zeitüberschreitung"
    if errors:
        raise errors[0]


def test_the_warm_process_ends_with_its_server(tmp_path: Path) -> None:
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    zygote = subprocess.Popen(
        [sys.executable, "-m", "widgets.warm_kernels", "serve", str(server.pid)],
        stdin=subprocess.DEVNULL,
    )
    try:
        name = warm_kernels.address(server.pid)
        deadline = time.monotonic() + 120
        while warm_kernels._connect(name, 0.1) is None:
            assert zygote.poll() is None and time.monotonic() < deadline
        server.kill()
        server.wait()
        assert zygote.wait(timeout=15) == 0
    finally:
        for process in (server, zygote):
            if process.poll() is None:
                process.kill()


def _wait_until_iopub_listens(kc: Any, launcher: subprocess.Popen, timeout: float) -> None:
    """Ask for kernel_info until the reply and its IOPub status both arrive.

    IOPub is a SUB socket: what the kernel publishes before the subscription is
    through is lost, so under load an early execute's output can vanish. (Not
    `wait_for_ready`: without a kernel manager it waits for heartbeats first.)
    """
    from queue import Empty

    deadline = time.monotonic() + timeout
    while True:
        assert launcher.poll() is None, "der Launcher endete, bevor der Kernel antwortete"
        assert time.monotonic() < deadline, "der Kernel antwortete nicht"
        kc.kernel_info()
        try:
            msg = kc.get_shell_msg(timeout=1)
        except Empty:
            continue
        if msg["msg_type"] != "kernel_info_reply":
            continue
        try:
            kc.get_iopub_msg(timeout=0.5)
        except Empty:
            continue
        while True:  # drain the status messages of every kernel_info so far
            try:
                kc.get_iopub_msg(timeout=0.2)
            except Empty:
                return


def test_without_a_warm_process_the_launcher_runs_an_ordinary_kernel(tmp_path: Path) -> None:
    connection = tmp_path / "kernel.json"
    code = (
        "import sys, widgets.warm_kernels as w\n"
        f"w.CONNECT_TIMEOUT = 0.2\n"
        f"sys.exit(w.main(['launch', '1', '-f', {str(connection)!r}]))\n"
    )
    from jupyter_client import BlockingKernelClient
    from jupyter_client.connect import write_connection_file

    write_connection_file(str(connection))
    launcher = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.DEVNULL)
    kc = BlockingKernelClient(connection_file=str(connection))
    kc.load_connection_file()
    kc.start_channels()
    try:
        _wait_until_iopub_listens(kc, launcher, timeout=120)
        printed: list[str] = []

        def keep_output(msg: dict[str, Any]) -> None:
            if msg["msg_type"] == "stream":
                printed.append(msg["content"]["text"])

        reply = kc.execute_interactive(
            "import os; print(os.getpid())", timeout=120, output_hook=keep_output
        )
        assert reply["content"]["status"] == "ok"
        assert "".join(printed).split() == [str(launcher.pid)]  # the launcher became the kernel
        kc.shutdown()
        shutdown = kc.control_channel.get_msg(timeout=30)
        assert shutdown["msg_type"] == "shutdown_reply"
        assert shutdown["content"]["status"] == "ok"
        # It ended as a kernel ends. libzmq may abort while ipykernel tears down its sockets
        # after the reply (`pfd.revents & POLLIN`, signaler.cpp; zeromq/libzmq#1307; seen once
        # in the clean-clone runs so far). That is the plain kernel's exit, not the launcher's.
        assert launcher.wait(timeout=30) in (0, -signal.SIGABRT)
    finally:
        kc.stop_channels()
        if launcher.poll() is None:
            launcher.kill()


def test_lean_pages_leave_out_plotly_only_for_the_participation_apps() -> None:
    config = {"federated_extensions": [{"name": "jupyterlab-plotly"}, {"name": "anywidget"}]}
    lean = page_config_hook(config, notebook_path="voila_apps/bedarfe_bewerten.ipynb")
    assert [e["name"] for e in lean["federated_extensions"]] == ["anywidget"]
    full = page_config_hook(config, notebook_path="sozialraumprofil.ipynb")
    assert [e["name"] for e in full["federated_extensions"]] == ["jupyterlab-plotly", "anywidget"]
    assert len(config["federated_extensions"]) == 2  # the server's own config is unchanged


def test_a_closing_request_channel_leaves_other_kernels_waiting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kernel that connected twice must not, on closing its old channel, unregister
    another kernel: that kernel would never get its request (page stuck on the spinner)."""
    from voila.request_info_handler import RequestInfoSocketHandler

    for name in ("open", "on_close", "send_updates"):
        monkeypatch.setattr(RequestInfoSocketHandler, name, RequestInfoSocketHandler.__dict__[name])
    keep_request_channels()
    first, again, other = object(), object(), object()
    waiters = {"kernel-a": again, "kernel-b": other}  # kernel-a's first channel was replaced
    monkeypatch.setattr(RequestInfoSocketHandler, "_waiters", waiters)

    RequestInfoSocketHandler.on_close(first)
    assert waiters == {"kernel-a": again, "kernel-b": other}
    RequestInfoSocketHandler.on_close(again)
    assert waiters == {"kernel-b": other}


def test_request_info_for_a_closed_channel_waits_for_the_next_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Request info that cannot be written (the kernel's channel closed meanwhile) is
    kept for the kernel's next connection instead of being lost."""
    from tornado.websocket import WebSocketClosedError
    from voila.request_info_handler import RequestInfoSocketHandler

    for name in ("open", "on_close", "send_updates"):
        monkeypatch.setattr(RequestInfoSocketHandler, name, RequestInfoSocketHandler.__dict__[name])
    keep_request_channels()

    class Closed:
        def write_message(self, message: object) -> None:
            raise WebSocketClosedError()

    waiters: dict = {"kernel-a": Closed()}
    cache: dict = {}
    monkeypatch.setattr(RequestInfoSocketHandler, "_waiters", waiters)
    monkeypatch.setattr(RequestInfoSocketHandler, "_cache", cache)
    RequestInfoSocketHandler.send_updates({"kernel_id": "kernel-a", "payload": '{"x": 1}'})
    assert cache == {"kernel-a": '{"x": 1}'} and waiters == {}
