"""Warm kernels: the apps' kernels forked from one process that has imported everything.

Every page view of a Voilà app runs in its own IPython kernel, and starting one the usual
way (``python -m ipykernel_launcher``) costs a fresh interpreter that imports ipykernel,
ipywidgets, pandas, SQLAlchemy and the workbench: on the 2-core machine ~2.5 s of CPU
and ~140 MB per kernel (``benchmarks/participation_load.py``). Here one *warm* process
does those imports once and forks a kernel per request: the fork shares the imported
modules with its parent (copy-on-write) and only initialises the kernel itself.

- :func:`serve` is the warm process. Started by the Voilà server (see
  :mod:`widgets.voila_server`), it imports :data:`PRELOAD` (no threads, no sockets, no
  database connections), listens on an abstract Unix socket that only processes of the
  same user may use, forks a kernel per request, reports each kernel's exit and stops
  when the server is gone.
- :func:`launch` is what the server starts in place of ``ipykernel_launcher``: a small
  process that asks the warm process for a kernel with the server's arguments,
  environment, working folder and standard streams, forwards interrupts and termination
  to it and exits with its exit code. If the kernel manager kills it, the warm process
  kills the kernel. Without a warm process (not started, crashed, not Linux) it runs
  ``ipykernel_launcher`` itself: slower, never broken.

Only the standard library is imported at module level, so that the launcher starts in a
few milliseconds.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
import signal
import socket
import struct
import sys
import time

# What a kernel of the participation apps imports; loaded once by the warm process.
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.comm",
    "IPython",
    "ipywidgets",
    "anywidget",
    "websockets.sync.client",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql",
    "alembic.runtime.migration",
    "alembic.script",
    "workbench.project",
    "workbench.store.migrate",
    "workbench.participation.feedback",
    "widgets.app_support",
    "widgets.feedback",
    "widgets.coding_panel",
)
# A kernel asks its server to end it with an IOPub message of this type (see
# widgets.app_support.IdleRelease and widgets.voila_server.LeanMappingKernelManager).
RELEASE_MESSAGE = "werkbank_release"
CONNECT_TIMEOUT = 30.0  # seconds a launcher waits for the warm process to listen
SERVER_CHECK = 1.0  # seconds between checks that the server still runs
HEADER = struct.Struct("!I")
MAX_MESSAGE = 4 << 20


def address(server_pid: int) -> str:
    """The warm process's socket for the server ``server_pid`` (abstract, Linux only)."""
    return f"\0werkbank-kernels-{os.getuid()}-{server_pid}"


def supported() -> bool:
    """Whether kernels can be forked here (Linux: abstract sockets, peer credentials)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_PEERCRED")


# -- messages: a length-prefixed JSON object, optionally with file descriptors --------------
def _send(sock: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(message).encode("utf-8")
    payload = HEADER.pack(len(data)) + data
    if fds:
        socket.send_fds(sock, [payload], fds)
    else:
        sock.sendall(payload)


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < n:
        chunk = sock.recv(n - len(chunks))
        if not chunk:
            raise EOFError("connection closed")
        chunks += chunk
    return bytes(chunks)


def _recv(sock: socket.socket, with_fds: int = 0) -> tuple[dict, list[int]]:
    fds: list[int] = []
    if with_fds:
        data, fds, _flags, _addr = socket.recv_fds(sock, HEADER.size, with_fds)
        if not data:
            raise EOFError("connection closed")
        data += _recv_exact(sock, HEADER.size - len(data))
    else:
        data = _recv_exact(sock, HEADER.size)
    (length,) = HEADER.unpack(data)
    if length > MAX_MESSAGE:
        raise ValueError("message too long")
    return json.loads(_recv_exact(sock, length)), fds


# -- the launcher (started by the server for each kernel) -----------------------------------
def _plain_kernel(kernel_args: list[str]) -> None:
    """Run the kernel the usual way in this process (replaces it)."""
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *kernel_args])


def _connect(name: str, timeout: float) -> socket.socket | None:
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(name)
            return sock
        except OSError:
            sock.close()
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)


def launch(name: str, kernel_args: list[str], timeout: float = CONNECT_TIMEOUT) -> int:
    """Get a kernel forked by the warm process at ``name``; return its exit code."""
    sock = _connect(name, timeout) if supported() else None
    if sock is None:
        _plain_kernel(kernel_args)
    request = {"args": kernel_args, "cwd": os.getcwd(), "env": dict(os.environ)}
    try:
        _send(sock, request, [0, 1, 2])
        reply, _ = _recv(sock)
    except (OSError, EOFError, ValueError):
        sock.close()
        _plain_kernel(kernel_args)
    pid = int(reply["pid"])

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, forward)
    try:
        while True:
            try:
                message, _ = _recv(sock)
            except InterruptedError:
                continue
            if "exit" in message:
                return int(message["exit"])
    except (OSError, EOFError, ValueError):  # the warm process is gone: so is the kernel
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        return 1


# -- the warm process ----------------------------------------------------------------------
def _preload(modules: tuple[str, ...]) -> list[str]:
    """Import ``modules`` (skipping what is not installed); return those that failed."""
    import importlib

    failed = []
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:
            failed.append(module)
    return failed


def _same_user(conn: socket.socket) -> bool:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


def _exit_code(status: int) -> int:
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def _register_widget_targets() -> None:
    """Register ipywidgets' comm targets in the kernel that has just been initialised.

    Importing ipywidgets inside a kernel registers them; the warm process imported it before
    any kernel existed, so that did nothing. Without the ``jupyter.widget.control`` target a
    page's widget manager cannot fetch all widget states in one answer and falls back to
    asking every widget on its own, without a time limit: one missed answer leaves the page
    at "Loading widget..." (seen in CI on a busy machine).
    """
    module = sys.modules.get("ipywidgets")
    if module is not None:  # not preloaded: the notebook's own import registers them
        module.register_comm_target()


def _run_kernel(request: dict, fds: list[int], zygote: int) -> None:
    """In the forked child: become the kernel the request asked for; never returns."""
    code = 1
    try:
        os.setsid()
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        for target, fd in zip((0, 1, 2), fds, strict=False):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(zygote)  # the kernel ends if the warm process does
        import random

        random.seed()
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        sys.argv = ["ipykernel_launcher", *request["args"]]
        from ipykernel import kernelapp

        app = kernelapp.IPKernelApp.instance()
        app.initialize(list(request["args"]))
        _register_widget_targets()
        app.start()
        code = 0
    except SystemExit as end:
        code = end.code if isinstance(end.code, int) else 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


class _Zygote:
    """The warm process's loop: accept requests, fork kernels, report their exits."""

    def __init__(self, name: str, server_pid: int):
        self.server_pid = server_pid
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(name)
        self.listener.listen(64)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ)
        self.kernels: dict[int, socket.socket] = {}  # pid → its launcher's connection
        self.by_conn: dict[socket.socket, int] = {}

    def _accept(self) -> None:
        conn, _ = self.listener.accept()
        try:
            if not _same_user(conn):
                raise PermissionError("other user")
            conn.settimeout(10)
            request, fds = _recv(conn, with_fds=3)
            conn.settimeout(None)
        except (OSError, EOFError, ValueError):
            conn.close()
            return
        pid = os.fork()
        if pid == 0:
            self.selector.close()
            self.listener.close()
            for other in self.by_conn:
                other.close()
            conn.close()
            _run_kernel(request, fds, os.getppid())
        for fd in fds:
            os.close(fd)
        try:
            _send(conn, {"pid": pid})
        except OSError:
            os.kill(pid, signal.SIGKILL)
        self.kernels[pid] = conn
        self.by_conn[conn] = pid
        self.selector.register(conn, selectors.EVENT_READ)

    def _drop(self, conn: socket.socket) -> None:
        """A launcher went away: its kernel goes too."""
        pid = self.by_conn.pop(conn, None)
        self.selector.unregister(conn)
        conn.close()
        if pid is not None and pid in self.kernels:
            del self.kernels[pid]
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def _reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.kernels.pop(pid, None)
            if conn is not None:
                self.by_conn.pop(conn, None)
                with contextlib.suppress(OSError):
                    _send(conn, {"exit": _exit_code(status)})
                self.selector.unregister(conn)
                conn.close()

    def _server_alive(self) -> bool:
        try:
            os.kill(self.server_pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def run(self) -> None:
        """Serve until the server process is gone; then end every kernel."""
        while self._server_alive():
            for key, _ in self.selector.select(timeout=SERVER_CHECK):
                if key.fileobj is self.listener:
                    self._accept()
                else:
                    conn = key.fileobj
                    try:
                        data = conn.recv(1)
                    except OSError:
                        data = b""
                    if not data:
                        self._drop(conn)
            self._reap()
        for pid in list(self.kernels):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


def serve(name: str, server_pid: int, modules: tuple[str, ...] = PRELOAD) -> None:
    """Be the warm process for the server ``server_pid``: preload, then fork kernels."""
    # One thread per library: forked children inherit the parent's threads' locks.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does: the kernel's folder is not a package root
    failed = _preload(modules)
    if failed:
        print(f"warm_kernels: nicht geladen: {', '.join(failed)}", file=sys.stderr)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select() to reap
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    gc.collect()
    gc.freeze()  # imported objects stay untouched by the collector: fewer copied pages
    try:
        zygote = _Zygote(name, server_pid)
    except OSError:  # another warm process for this server is already listening
        return
    zygote.run()


def main(argv: list[str] | None = None) -> int:
    """``python -m widgets.warm_kernels serve SERVER_PID`` or ``… launch SERVER_PID ARGS``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) >= 2 and args[0] == "serve":
        serve(address(int(args[1])), int(args[1]))
        return 0
    if len(args) >= 2 and args[0] == "launch":
        return launch(address(int(args[1])), args[2:])
    print("Aufruf: python -m widgets.warm_kernels serve|launch SERVER_PID …", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
