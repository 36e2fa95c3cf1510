"""The Voilà server's side of the apps: warm kernels, lean pages, cached templates.

Loaded by Voilà's configuration file ``voila_apps/voila.py`` (``--Voila.config_file_paths``,
see the Makefile's ``demo``); :func:`configure` sets what the flags don't:

- :class:`ForkingKernelManager` starts every Python kernel through
  :mod:`widgets.warm_kernels` (forked from a process that has imported everything
  once) instead of a fresh interpreter;
- :class:`LeanMappingKernelManager` follows each kernel's activity (for culling) without
  deserialising every message;
- :func:`page_config_hook` leaves plotly's JupyterLab extension (4.8 MB of JavaScript)
  out of the pages of apps that draw no chart (:data:`LEAN_APPS`): participants'
  browsers and the server have half as much to load and send;
- :func:`cache_templates` shares one Jinja bytecode cache between all page renders
  (nbconvert otherwise compiles Voilà's templates anew for every page view) and reads
  the templates without stylesheets from other servers (no request to a CDN);
- only the participation apps get preheated kernels (the read-only apps are denied a
  pool: their readers have the static site, ``workbench publish``), and a kernel that
  ends is not restarted (a restarted kernel has lost its page anyway);
- a page waits up to a minute for its cell's output (nbclient gives up after 4 s, which
  a busy server exceeds: the page then lacks its app);
- the kernel-less participation form (:func:`serve_form`) answers at ``/beteiligung``;
- a preheated kernel's request info is not lost when another kernel's channel closes
  (:func:`keep_request_channels`);
- a page that is left ends its kernel at once: the page gets the XSRF cookie whose token
  Voilà's client sends with its shutdown request (:func:`xsrf_cookie_on_pages`);
- error pages and failed cells speak German and show no traceback, and the server's own
  address shows a German start page instead of the list of all apps
  (:mod:`widgets.voila_errors`).

Everything here runs in the server process, never in a kernel.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import (
    AsyncMappingKernelManager,
    ServerKernelManager,
)

from widgets import warm_kernels
from widgets.voila_errors import german_cell_errors, german_error_pages, no_file_tree

# Apps whose pages draw no plotly chart and which participants open in bursts.
LEAN_APPS = ("bedarfe_bewerten.ipynb", "kodieren.ipynb")
# Apps that get no preheated kernels (read-only; readers use the static site).
NO_POOL = ("sozialraumprofil", "themenlandkarte")
PLOTLY_EXTENSION = "jupyterlab-plotly"
IOPUB_TIMEOUT = 60  # seconds
# How long request info (with the participant's token) waits for a kernel that has not
# connected yet: a preheated kernel asks within seconds; one that never does has died.
REQUEST_INFO_KEPT = 300  # seconds


class _Warm:
    """The one warm process of this server (started with the first kernel)."""

    lock = threading.Lock()
    process: subprocess.Popen | None = None

    @classmethod
    def ensure(cls) -> bool:
        """Start the warm process unless it runs; whether kernels can be forked."""
        if not warm_kernels.supported():
            return False
        with cls.lock:
            if cls.process is not None and cls.process.poll() is None:
                return True
            if cls.process is not None:  # it ended: don't try again, start kernels plainly
                return False
            cls.process = subprocess.Popen(
                [sys.executable, "-m", "widgets.warm_kernels", "serve", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            atexit.register(cls.stop)
            return True

    @classmethod
    def stop(cls) -> None:
        """End the warm process (it also ends by itself once the server is gone)."""
        with cls.lock:
            process, cls.process = cls.process, None  # stopped on purpose: may start again
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _is_ipykernel(cmd: list[str]) -> bool:
    """Whether ``cmd`` starts an IPython kernel with this server's interpreter."""
    if len(cmd) < 3 or cmd[1:3] != ["-m", "ipykernel_launcher"]:
        return False
    try:
        return Path(cmd[0]).resolve() == Path(sys.executable).resolve()
    except OSError:
        return False


class ForkingKernelManager(ServerKernelManager):
    """A kernel manager whose Python kernels are forked by :mod:`widgets.warm_kernels`.

    Use: ``--MappingKernelManager.kernel_manager_class=widgets.voila_server.ForkingKernelManager``.
    Other kernels (another interpreter, another language) start as usual.
    """

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel's command: the launcher of a forked kernel where possible."""
        cmd = super().format_kernel_cmd(extra_arguments)
        if not _is_ipykernel(cmd) or not _Warm.ensure():
            return cmd
        return [sys.executable, "-m", "widgets.warm_kernels", "launch", str(os.getpid()), *cmd[3:]]


DELIMITER = b"<IDS|MSG>"


def peek(msg_list: list[bytes]) -> tuple[dict, dict, bytes]:
    """A raw kernel message's header, parent header and (still encoded) content.

    >>> raw = [b"id", DELIMITER, b"sig", b'{"msg_type": "status"}', b"{}", b"{}", b'{"a": 1}']
    >>> peek(raw)
    ({'msg_type': 'status'}, {}, b'{"a": 1}')
    """
    i = msg_list.index(DELIMITER)
    return json.loads(msg_list[i + 2]), json.loads(msg_list[i + 3]), msg_list[i + 5]


class LeanMappingKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel map with a cheaper record of each kernel's activity.

    The server watches every message a kernel publishes to know when it was last active
    (for culling). Jupyter Server fully deserialises each one for that — signature check
    and a date parse of every header — although it needs only the message type and, for
    status messages, the state; with a form of a few hundred widgets that was a large part
    of the server's CPU per page view. This reads just those fields; what reaches the
    browser is still checked as before.

    It also ends a kernel that asks for it (:data:`widgets.warm_kernels.RELEASE_MESSAGE`,
    sent by :class:`widgets.app_support.IdleRelease`) the way a user's shutdown would.
    """

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._releasing: dict[str, asyncio.Future] = {}

    def start_watching_activity(self, kernel_id: str) -> None:
        """Watch the kernel's IOPub messages: last activity, execution state."""
        kernel = self._kernels[kernel_id]
        kernel.reason = ""
        kernel.last_activity = utcnow()
        kernel._activity_stream = kernel.connect_iopub()

        def record_activity(msg_list: list[bytes]) -> None:
            try:
                header, parent, content = peek(msg_list)
            except (ValueError, IndexError):
                self.last_kernel_activity = kernel.last_activity = utcnow()
                return
            msg_type = header.get("msg_type")
            parent_type = parent.get("msg_type") if parent else None
            if (
                self.track_message_type(msg_type)
                or self.track_message_type(parent_type)
                or kernel.execution_state == "busy"
            ):
                self.last_kernel_activity = kernel.last_activity = utcnow()
            if msg_type == warm_kernels.RELEASE_MESSAGE:
                self._release(kernel_id)
            elif msg_type == "status":
                state = json.loads(content).get("execution_state")
                if self.track_message_type(parent_type):
                    kernel.execution_state = state
                elif kernel.execution_state == "starting" and state != "starting":
                    kernel.execution_state = "idle"

        kernel._activity_stream.on_recv(record_activity)

    def _release(self, kernel_id: str) -> None:
        """A kernel whose participant is done asked to end: shut it down (once)."""
        if kernel_id in self._releasing or kernel_id not in self:
            return
        self.log.info("Kernel %s freigegeben (Antwort gespeichert, Seite ruhig).", kernel_id)
        task = asyncio.ensure_future(self.shutdown_kernel(kernel_id))
        self._releasing[kernel_id] = task
        task.add_done_callback(lambda _: self._releasing.pop(kernel_id, None))


def page_config_hook(
    page_config: dict[str, Any],
    base_url: str = "",
    settings: dict[str, Any] | None = None,
    log: Any = None,
    voila_configuration: Any = None,
    notebook_path: str | None = None,
    **_: Any,
) -> dict[str, Any]:
    """Leave plotly's extension out of the pages of :data:`LEAN_APPS`."""
    if notebook_path and Path(notebook_path).name in LEAN_APPS:
        page_config = dict(page_config)
        page_config["federated_extensions"] = [
            e
            for e in page_config.get("federated_extensions", [])
            if e.get("name") != PLOTLY_EXTENSION
        ]
    return page_config


_TEMPLATE_CACHE: dict[str, Any] = {}
# Voilà's lab template links Font Awesome's CSS from cdn.jsdelivr.net: every page view
# would send the participant's IP address to a third party (and fail offline). The icons
# need none of it: voila-style.js, which the same template includes, bundles Font Awesome.
EXTERNAL_CSS = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^>]*>[ \t]*\n?", re.IGNORECASE)
# What Voilà's page says while the app's kernel runs (its loading text, in English):
# participants wait on it for seconds, in a burst for longer.
_STEP = "`Wird geladen: Schritt ${cell_index} von ${cell_count} …`"
# The spinner macro is imported without the page's context, where {{nb_title}} is empty
# (the page said " wird geladen …"): it gets the context and names the app's title itself.
_APP_TITLE = (
    "{{ nb.metadata.get('title', resources['metadata']['name']) | escape_html_keep_quotes }}"
)
# The widget manager writes its own English placeholders into the page ("Loading
# widget..." while a widget's model arrives, "Error displaying widget" when it cannot);
# participants read them for seconds on a busy server. This script, put in after the
# loading text, swaps each for German as it is inserted.
WIDGET_TEXTS = {
    "Loading widget...": "Wird geladen …",
    "Error displaying widget": "Dieser Teil der Seite kann nicht angezeigt werden. "
    "Bitte laden Sie die Seite neu.",
    "Error displaying widget: model not found": "Dieser Teil der Seite ist nicht mehr "
    "verbunden. Bitte laden Sie die Seite neu.",
}
WIDGET_TEXTS_SCRIPT = (
    "<script>\n(function () {\n"
    f"  var german = {json.dumps(WIDGET_TEXTS, ensure_ascii=False)};\n"
    "  function translate(node) {\n"
    "    var known = Object.prototype.hasOwnProperty.call(german, node.nodeValue);\n"
    "    if (node.nodeType === 3 && known) {\n"
    "      node.nodeValue = german[node.nodeValue];\n"
    "    }\n"
    "  }\n"
    "  new MutationObserver(function (changes) {\n"
    "    changes.forEach(function (change) { change.addedNodes.forEach(translate); });\n"
    "  }).observe(document.body, { childList: true, subtree: true });\n"
    "})();\n</script>"
)
GERMAN_TEMPLATE_TEXTS = {
    "Running {{nb_title}}...": _APP_TITLE + " wird geladen …",
    "{{ spinner.html() }}": "{{ spinner.html() }}\n" + WIDGET_TEXTS_SCRIPT,
    '{% import "spinner.macro.html.j2" as spinner %}': (
        '{% import "spinner.macro.html.j2" as spinner with context %}'
    ),
    "`Executing ${cell_index} of ${cell_count}`": _STEP,
    "`Reading ${cell_index} of ${cell_count}`": _STEP,
}


def local_german(source: str) -> str:
    """A Voilà template without stylesheets from other servers, its loading text in German.

    >>> local_german("<h2 id='loading_text'>Running {{nb_title}}...</h2>")[:54]
    "<h2 id='loading_text'>{{ nb.metadata.get('title', reso"
    """
    source = EXTERNAL_CSS.sub("", source)
    for english, german in GERMAN_TEMPLATE_TEXTS.items():
        source = source.replace(english, german)
    return source


def cache_templates() -> None:
    """Let every nbconvert template environment share one Jinja bytecode cache.

    Voilà renders each page (and each preheated kernel's page) with a new exporter and
    so a new Jinja environment, which parses and compiles its templates again. The
    compiled code is keyed by template name and source checksum, so sharing it across
    environments changes nothing but the time. The templates are read without their
    stylesheets from other servers (:data:`EXTERNAL_CSS`) and with the loading text in
    German (:func:`local_german`).
    """
    if _TEMPLATE_CACHE:
        return
    from jinja2 import BaseLoader, BytecodeCache
    from nbconvert.exporters.templateexporter import TemplateExporter

    class MemoryCache(BytecodeCache):
        def __init__(self) -> None:
            self.codes: dict[str, bytes] = {}

        def load_bytecode(self, bucket: Any) -> None:
            code = self.codes.get(bucket.key)
            if code is not None:
                bucket.bytecode_from_string(code)

        def dump_bytecode(self, bucket: Any) -> None:
            self.codes[bucket.key] = bucket.bytecode_to_string()

    class LocalOnly(BaseLoader):
        """The templates without stylesheets from other servers, in German (local_german)."""

        def __init__(self, inner: BaseLoader) -> None:
            self.inner = inner

        def get_source(self, environment: Any, template: str) -> tuple[str, str | None, Any]:
            source, filename, uptodate = self.inner.get_source(environment, template)
            return local_german(source), filename, uptodate

        def list_templates(self) -> list[str]:
            return self.inner.list_templates()

    cache = MemoryCache()
    create = TemplateExporter._create_environment

    def create_cached(self: TemplateExporter) -> Any:
        environment = create(self)
        environment.bytecode_cache = cache
        environment.loader = LocalOnly(environment.loader)
        return environment

    TemplateExporter._create_environment = create_cached
    _TEMPLATE_CACHE["cache"] = cache


def serve_form() -> None:
    """Serve the kernel-less participation form (:mod:`widgets.formular`) beside the apps.

    Voilà 0.5 has no setting for extra handlers: ``Voila.start()`` builds its tornado
    application and adds ``self.init_handlers()``. That method is wrapped once (a second
    call changes nothing) to put the form's handlers first, under Voilà's ``server_url``.
    """
    from voila.app import Voila

    if getattr(Voila.init_handlers, "serves_form", False):
        return
    original = Voila.init_handlers

    def init_handlers(self: Voila) -> list:
        from widgets.formular import handlers

        return handlers(self.server_url) + original(self)

    init_handlers.serves_form = True
    Voila.init_handlers = init_handlers


def keep_request_channels() -> None:
    """Let a closing request-info channel remove only its own entry (a Voilà 0.5 bug).

    A preheated kernel waits on a websocket (``/voila/query/<kernel id>``) for its
    page's request info; Voilà keeps the waiting channels by kernel id. Its ``on_close``
    looks for the closing channel and deletes the entry it stopped at, which for a
    channel no longer registered (its kernel has connected again meanwhile) is the last
    entry: another kernel's channel. That kernel then never hears of its request, and its
    participant's page shows Voilà's spinner for good. And request info that cannot be
    written to a channel (closed meanwhile) is kept for the kernel's next connection, as
    Voilà keeps it when no channel is open yet. Request info holds the participant's token
    (in ``QUERY_STRING``): Voilà kept it for the server's life even after handing it over;
    it is dropped once written to the kernel's channel, or after
    :data:`REQUEST_INFO_KEPT` seconds for a kernel that never connects.
    """
    from tornado.websocket import WebSocketClosedError
    from voila.request_info_handler import RequestInfoSocketHandler

    if getattr(RequestInfoSocketHandler.on_close, "keeps_others", False):
        return

    def keep(kernel_id: str, payload: object) -> None:
        """Keep ``payload`` for the kernel's next connection, for a while only."""
        RequestInfoSocketHandler._cache[kernel_id] = payload

        def drop() -> None:
            if RequestInfoSocketHandler._cache.get(kernel_id) is payload:
                del RequestInfoSocketHandler._cache[kernel_id]

        with contextlib.suppress(RuntimeError):  # outside the server's loop: kept as is
            asyncio.get_running_loop().call_later(REQUEST_INFO_KEPT, drop)

    def open_channel(self: RequestInfoSocketHandler, kernel_id: str) -> None:
        RequestInfoSocketHandler._waiters[kernel_id] = self
        payload = RequestInfoSocketHandler._cache.pop(kernel_id, None)
        if payload is not None:
            try:
                self.write_message(payload)
            except WebSocketClosedError:
                keep(kernel_id, payload)

    def on_close(self: RequestInfoSocketHandler) -> None:
        waiters = RequestInfoSocketHandler._waiters
        for kernel_id in [k for k, waiter in waiters.items() if waiter is self]:
            del waiters[kernel_id]

    def send_updates(cls: type[RequestInfoSocketHandler], msg: dict) -> None:
        waiter = cls._waiters.get(msg["kernel_id"])
        if waiter is not None:
            try:
                waiter.write_message(msg["payload"])
                return
            except WebSocketClosedError:
                cls._waiters.pop(msg["kernel_id"], None)
        keep(msg["kernel_id"], msg["payload"])

    on_close.keeps_others = True
    RequestInfoSocketHandler.open = open_channel
    RequestInfoSocketHandler.on_close = on_close
    RequestInfoSocketHandler.send_updates = classmethod(send_updates)


def xsrf_cookie_on_pages() -> None:
    """Give every app page the ``_xsrf`` cookie, so that leaving it ends its kernel.

    When a page is left (tab closed, reloaded, another address), Voilà's client posts
    ``/voila/api/shutdown/<kernel id>`` with the token of the ``_xsrf`` cookie, and Jupyter
    Server checks it like every POST. Voilà 0.5 never sets that cookie (upstream issue
    1458): the client sent an empty token, the server refused with 403, and the kernel
    lived on until its release or culling – in a burst of participants, memory filled
    with the kernels of pages long closed. ``VoilaHandler.get_generator`` is wrapped once
    to set the cookie (tornado's ``xsrf_token``; kept if the browser has one) before the
    page's first byte. The check itself stays for this and every other handler
    (decision 010, Nachtrag).
    """
    from voila.handler import VoilaHandler

    if getattr(VoilaHandler.get_generator, "sets_xsrf_cookie", False):
        return
    original = VoilaHandler.get_generator

    async def get_generator(self: VoilaHandler, path: str | None = None) -> Any:
        self.xsrf_token  # noqa: B018 – sets the cookie unless the request carries one
        async for html in original(self, path=path):
            yield html

    get_generator.sets_xsrf_cookie = True
    VoilaHandler.get_generator = get_generator


def configure(c: Any) -> None:
    """Set the apps' server configuration on Voilà's config object ``c``."""
    cache_templates()
    serve_form()
    keep_request_channels()
    xsrf_cookie_on_pages()
    german_error_pages()
    german_cell_errors()
    no_file_tree()
    c.VoilaConfiguration.page_config_hook = page_config_hook
    c.VoilaConfiguration.multi_kernel_manager_class = LeanMappingKernelManager
    c.MappingKernelManager.kernel_manager_class = "widgets.voila_server.ForkingKernelManager"
    c.VoilaKernelManager.preheat_denylist = list(NO_POOL)
    c.KernelRestarter.restart_limit = 0
    # A page's output arrives after its cell has finished; on a busy server that takes
    # longer than nbclient's 4 s, and a late widget would be missing from the page.
    c.VoilaExecutor.iopub_timeout = IOPUB_TIMEOUT
