"""What every Voilà app needs: URL parameters, the project from the environment,
German error messages instead of tracebacks, and escaping of user-supplied text.

Voilà (0.5) passes the page's query string to a kernel it starts for a page view as the
environment variable ``QUERY_STRING`` (CGI style, see ``voila/handler.py``). With
``--preheat_kernel=True`` (how the participation apps are served, see the Makefile's
``demo``) Voilà keeps a pool of kernels that have run the notebook *before* anybody asked
for it; such a kernel (``VOILA_PREHEAT=True``) learns its page's query string only when a
participant's request takes it from the pool: :func:`query_params` then waits for it
with ``voila.utils.get_query_string()``. :func:`prepare_app` lets a notebook do all
token-independent work (imports, opening the project) while the kernel waits in the
pool, and nothing that depends on the request or on data that may change meanwhile.
When the pool is empty Voilà starts an ordinary kernel (``VOILA_PREHEAT=False``) and
everything works as without preheating.
"""

from __future__ import annotations

import html
import logging
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import parse_qs

import anywidget
import ipywidgets as w
import traitlets

from workbench.core.domain import WorkbenchError
from workbench.project import Project
from workbench.store.problems import (
    DatabaseUnavailableError,
    ProjectBusyError,
    ProjectChangedError,
)
from workbench.store.schema import SchemaVersionError

PROJECT_ENV = "WORKBENCH_PROJECT"
PREHEAT_ENV = "VOILA_PREHEAT"  # "True" in a kernel of Voilà's preheated pool
RELEASE_ENV = "WORKBENCH_RELEASE_AFTER"  # seconds; see IdleRelease
RELEASE_AFTER = 300.0
RELEASE_GRACE = 20.0  # seconds the server has to end a released kernel before it ends itself
DEFAULT_APP_PROJECT = "../build/demo-projekt"  # from voila_apps/: what `make demo` builds
GENERIC_ERROR = (
    "Es ist ein Fehler aufgetreten. Bitte laden Sie die Seite neu; wenn der Fehler bleibt, "
    "wenden Sie sich an das Forschungsteam."
)
# the project is busy, moved, upgraded or outdated: the error's text names commands,
# schema revisions and kernels, which nobody in an app can act on (it goes to the log)
APP_UNAVAILABLE = (
    "Die Seite ist gerade nicht verfügbar. Bitte laden Sie sie in ein paar Minuten neu; "
    "wenn es so bleibt, wenden Sie sich an das Forschungsteam."
)

_log = logging.getLogger(__name__)
# Set once a preheated kernel has received its request (Voilà sends it only once).
_request: dict[str, bool] = {"received": False}
# A project opened by prepare_app() while the kernel waited in the pool (used once).
_prepared: dict[str, Project] = {}


def esc(value: object) -> str:
    """``value`` as text that is safe inside HTML (also inside attribute values).

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


def preheated(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this kernel was started for Voilà's preheated pool (not for one request)."""
    env = os.environ if environ is None else environ
    return env.get(PREHEAT_ENV) == "True"


def _request_url() -> str:
    """Where a preheated kernel hears about its request (as ``voila.utils`` builds it)."""
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"


def wait_for_request(retry: float = 1.0) -> None:
    """In a preheated kernel, wait until a page view takes it and its request info is here.

    The request info (``QUERY_STRING`` and the other CGI variables) then lands in
    ``os.environ``. Returns at once in an ordinary kernel and after the first request.

    This is what ``voila.utils.get_query_string()`` does, without importing ``voila`` in
    the kernel (that import loads the Jupyter server, jsonschema and compiles grammars:
    ~4 s of CPU per kernel on the 2-core machine), and it keeps trying when the server
    is too busy to accept the connection at once (Voilà's helper gives up after 5 s and
    the page would run without its token).
    """
    if not preheated() or _request["received"]:
        return
    import json

    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    url = _request_url()
    failures = 0
    while True:
        try:
            with connect(url, open_timeout=30, close_timeout=1) as channel:
                info = json.loads(channel.recv())
            break
        except (OSError, TimeoutError, WebSocketException, ValueError) as exc:
            failures += 1
            if failures == 1 and sys.__stderr__ is not None:
                # into Voilà's log (the process's stderr), not into the page
                print(
                    f"Warten auf die Seitenanfrage: {type(exc).__name__}, neuer Versuch",
                    file=sys.__stderr__,
                    flush=True,
                )
            time.sleep(retry)
    os.environ.update({str(k): str(v) for k, v in info.items()})
    os.environ.setdefault("QUERY_STRING", "")
    _request["received"] = True


def query_params(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The URL's query parameters (first value of each), from ``QUERY_STRING``.

    In a preheated kernel (``environ`` not given) this waits for the page's request.

    >>> query_params({"QUERY_STRING": "coder=Ay%C5%9Fe&x=1&x=2"})
    {'coder': 'Ayşe', 'x': '1'}
    """
    if environ is None:
        wait_for_request()
    env = os.environ if environ is None else environ
    parsed = parse_qs(env.get("QUERY_STRING", ""), keep_blank_values=False)
    return {key: values[0].strip() for key, values in parsed.items() if values}


def prepare_app(
    environ: Mapping[str, str] | None = None, default: str | Path = DEFAULT_APP_PROJECT
) -> None:
    """Do what every view of an app needs before its request is known; then wait for it.

    In a kernel of Voilà's preheated pool this opens the project (database engine and
    schema check; nothing is read that a request could depend on) and waits until a
    page view takes the kernel; the app then runs with the request's query string and
    :func:`open_project` hands it the project opened here. In an ordinary kernel it
    does nothing: the app opens the project itself. Errors are left to the app, which
    shows them as a message.
    """
    if not preheated(environ):
        return
    location = _location(environ, default)
    if location and Path(location).expanduser().is_dir():
        try:
            _prepared[location] = Project.open(Path(location).expanduser())
        except Exception:  # the app opens the project again and shows the message
            _log.info("Projekt konnte nicht vorab geöffnet werden", exc_info=True)
    wait_for_request()


def _location(environ: Mapping[str, str] | None, default: str | Path) -> str:
    env = os.environ if environ is None else environ
    return env.get(PROJECT_ENV) or str(default)


def project_folder(environ: Mapping[str, str] | None = None, default: str | Path = "") -> Path:
    """The folder of the project :func:`open_project` opens (it may not exist)."""
    return Path(_location(environ, default)).expanduser()


def open_project(environ: Mapping[str, str] | None = None, default: str | Path = "") -> Project:
    """Open the project named by ``WORKBENCH_PROJECT`` (else ``default``).

    A project that :func:`prepare_app` opened for this kernel is handed over (once),
    unless ``workbench migrate-db`` has moved it since (its saves would all be refused).
    """
    location = _location(environ, default)
    if location in _prepared:
        prepared = _prepared.pop(location)
        if not prepared.moved_away():
            return prepared
        prepared.close()
    if not location:
        raise WorkbenchError(
            f"Kein Projekt angegeben: bitte die Umgebungsvariable {PROJECT_ENV} setzen."
        )
    path = Path(location).expanduser()
    if not path.is_dir():
        raise WorkbenchError(
            "Das Projekt wurde nicht gefunden. Bitte wenden Sie sich an das Forschungsteam."
        )
    return Project.open(path)


def message(text: str, kind: str = "error") -> w.HTML:
    """A German message box (text escaped)."""
    colours = {"error": ("#8a1c1c", "#fdecea"), "info": ("#1d3557", "#eef3fb")}
    fg, bg = colours.get(kind, colours["info"])
    box = w.HTML(
        f'<div role="alert" style="color:{fg};background:{bg};padding:10px 14px;'
        f'border-radius:4px">{esc(text)}</div>'
    )
    box.add_class(f"sw-message-{kind}")
    return box


def for_the_team(err: BaseException) -> bool:
    """Whether ``err`` says what only the research team can act on: the project busy,
    moved or being moved, upgraded by another workbench or waiting for ``upgrade``, its
    database server unreachable (the message names server and database)."""
    team = ProjectBusyError | ProjectChangedError | SchemaVersionError
    return isinstance(err, team | DatabaseUnavailableError)


def safe_app(build: Callable[[], w.Widget], unavailable: str = APP_UNAVAILABLE) -> w.Widget:
    """Run ``build``; on any error return a German message instead of a traceback.

    An error :func:`for_the_team` shows ``unavailable`` and goes to the server's log.
    Warnings are silenced while building: in Voilà anything written to stderr during
    the notebook's execution would appear on the page.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return build()
    except WorkbenchError as err:
        if for_the_team(err):
            _log.warning("App nicht verfügbar: %s", err)
            return message(unavailable)
        return message(str(err))
    except Exception:  # the app must never show a traceback
        _log.info("App konnte nicht aufgebaut werden", exc_info=True)
        return message(GENERIC_ERROR)


def release_after(environ: Mapping[str, str] | None = None) -> float:
    """Seconds of quiet after the last stored answer before a kernel is released.

    From ``WORKBENCH_RELEASE_AFTER`` (set where Voilà runs), else :data:`RELEASE_AFTER`;
    0 or less: never.

    >>> release_after({"WORKBENCH_RELEASE_AFTER": "20"}), release_after({})
    (20.0, 300.0)
    """
    env = os.environ if environ is None else environ
    try:
        return float(env.get(RELEASE_ENV) or RELEASE_AFTER)
    except ValueError:
        return RELEASE_AFTER


def in_voila_kernel() -> bool:
    """Whether this process is a kernel Voilà started for a page (it sets these variables)."""
    return "VOILA_BASE_URL" in os.environ and "ipykernel" in sys.modules


class IdleRelease:
    """Ends a page's kernel once an answer is stored and the page has been quiet since.

    :meth:`touch` after every stored answer; ``after`` seconds after the last one,
    ``on_release`` runs (to tell the page, e.g. "reload to change your answers") and
    the kernel asks Voilà's server to shut it down (an IOPub message that
    :class:`widgets.voila_server.LeanMappingKernelManager` acts on), so that its memory is
    free for the next participant; a server configured otherwise doesn't, and the kernel
    ends itself after :data:`RELEASE_GRACE` seconds. Outside a Voilà kernel (tests,
    notebooks) only ``on_release`` runs.
    """

    def __init__(self, after: float, on_release: Callable[[], None] | None = None):
        self.after = after
        self.on_release = on_release
        self.last: float | None = None
        self.released = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def touch(self) -> None:
        """An answer was stored just now."""
        if self.after <= 0 or self.released.is_set():
            return
        with self._lock:
            self.last = time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="freigabe", daemon=True)
                self._thread.start()

    def postpone(self) -> None:
        """The participant is still busy (typing a comment): start the quiet time anew.

        Nothing happens before the first stored answer or after the release.
        """
        with self._lock:
            if self.last is not None and not self.released.is_set():
                self.last = time.monotonic()

    def _watch(self) -> None:
        while True:
            with self._lock:
                left = self.last + self.after - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, 5.0))
        try:
            if self.on_release is not None:
                self.on_release()
        except Exception:
            _log.info("Freigabe: Meldung nicht gezeigt", exc_info=True)
        self.released.set()
        if in_voila_kernel():
            time.sleep(2.0)  # let the page receive the message first
            _ask_server_to_end()
            time.sleep(RELEASE_GRACE)
            os._exit(0)  # a server without widgets.voila_server: end anyway


def _ask_server_to_end() -> None:
    """Ask Voilà's server (widgets.voila_server) to shut this kernel down properly."""
    from IPython import get_ipython

    from widgets.warm_kernels import RELEASE_MESSAGE

    try:
        kernel = get_ipython().kernel
        kernel.session.send(kernel.iopub_socket, RELEASE_MESSAGE, {}, ident=b"werkbank")
    except Exception:
        _log.info("Freigabe nicht angefragt", exc_info=True)


class TypingSignal(anywidget.AnyWidget):
    """Invisible: tells Python while someone types into a text field of the app.

    A comment is sent to the kernel only when its field is left, so a participant who
    writes for minutes looks quiet to :class:`IdleRelease`; without this signal the page
    would be released while they type and their text would be gone. The browser sends
    ``{"event": "typing"}`` at most once per ``interval`` seconds, and only for input
    inside ``scope`` (the app's root).
    """

    _esm = """
    function render({ model, el }) {
      el.style.display = "none";
      let last = 0;
      const onInput = (event) => {
        const target = event.target;
        if (!target || !target.closest || !target.closest(model.get("scope"))) return;
        const now = Date.now();
        if (now - last < model.get("interval") * 1000) return;
        last = now;
        model.send({ event: "typing" });
      };
      document.addEventListener("input", onInput, true);
      return () => document.removeEventListener("input", onInput, true);
    }
    export default { render };
    """
    scope = traitlets.Unicode(".sw-app").tag(sync=True)
    interval = traitlets.Float(30.0).tag(sync=True)

    def __init__(self, on_typing: Callable[[], None], scope: str, interval: float):
        super().__init__(scope=scope, interval=interval)
        self.on_typing = on_typing
        self.on_msg(self._on_message)

    def _on_message(self, _widget: object, content: dict, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("event") == "typing":
            self.on_typing()


class AddressParameter(anywidget.AnyWidget):
    """Invisible: keeps one query parameter of the page's address in step with a choice.

    Set ``value`` to what the page shows (``""`` removes the parameter): the address then
    says it (``?district=Opladen``), so a reload or a shared link opens the same view.
    The address is replaced, not pushed: the back button still leaves the app.
    """

    _esm = """
    function render({ model, el }) {
      el.style.display = "none";
      const apply = () => {
        const url = new URL(window.location.href);
        const name = model.get("name");
        const value = model.get("value");
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
        if (url.href !== window.location.href) {
          window.history.replaceState(window.history.state, "", url.href);
        }
      };
      model.on("change:value", apply);
      return () => model.off("change:value", apply);
    }
    export default { render };
    """
    name = traitlets.Unicode().tag(sync=True)
    value = traitlets.Unicode().tag(sync=True)
