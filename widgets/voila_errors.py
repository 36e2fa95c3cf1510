"""What a participant sees when a Voilà page goes wrong: German pages, no traceback.

Voilà's own error pages say "404: Not Found" and "You are requesting a page that does
not exist!" in English, load Font Awesome from a CDN and carry no ``lang``; an address the
server does not know at all gets tornado's bare English page; and a cell that fails
leaves "There was an error when executing cell [3]. Please run Voilà with
--show_tracebacks=True …" on the app's page. Participants open these pages from links in
e-mails (which mail programs sometimes cut), so each says in German what happened and
what to do. Loaded by :func:`widgets.voila_server.configure`; runs in the server process.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

import tornado.web

from widgets.app_support import GENERIC_ERROR

CONTACT = "wenden Sie sich an das Forschungsteam"
# status code → (title, what happened and what to do)
ERROR_TEXTS: dict[int, tuple[str, str]] = {
    400: (
        "Anfrage unvollständig",
        "Die Anfrage war unvollständig. Bitte öffnen Sie den Link aus Ihrer Einladung neu; "
        f"wenn der Fehler bleibt, {CONTACT}.",
    ),
    403: (
        "Zugriff nicht möglich",
        "Diese Seite kann so nicht geöffnet werden. Bitte prüfen Sie, ob der Link aus Ihrer "
        "Einladung vollständig ist, und öffnen Sie ihn noch einmal. Hilft das nicht, "
        f"{CONTACT}.",
    ),
    404: (
        "Seite nicht gefunden",
        "Diese Seite gibt es nicht. Bitte prüfen Sie, ob der Link aus Ihrer Einladung "
        "vollständig ist – manche E-Mail-Programme kürzen lange Links – und öffnen Sie ihn "
        f"noch einmal. Hilft das nicht, {CONTACT}.",
    ),
    405: (
        "Anfrage nicht möglich",
        "Diese Anfrage ist hier nicht möglich. Bitte öffnen Sie den Link aus Ihrer Einladung.",
    ),
}
SERVER_ERROR = (
    "Ein Fehler ist aufgetreten",
    "Die Seite konnte gerade nicht geöffnet werden. Bitte laden Sie sie in ein paar Minuten "
    f"neu; wenn der Fehler bleibt, {CONTACT}.",
)
# What the server's own address (a link cut to the host name) says instead of Voilà's
# file tree, which listed every app of the folder.
START_TEXT = (
    "Sozialraum-Werkbank",
    "Unter dieser Adresse gibt es keine Seite. Bitte öffnen Sie den vollständigen Link aus "
    "Ihrer Einladung – manche E-Mail-Programme kürzen lange Links. Haben Sie den Link nicht "
    f"mehr, {CONTACT}.",
)
# What a failed cell leaves on the app's page (Voilà: "There was an error when executing
# cell [3]. Please run Voilà with --show_tracebacks=True …").
CELL_ERROR = GENERIC_ERROR
CELL_TIMEOUT = (
    "Die Seite braucht gerade zu lange. Bitte laden Sie sie in ein paar Minuten neu; "
    f"wenn der Fehler bleibt, {CONTACT}."
)
_SERVER_EXCEPTION = "An exception occurred at the server (not the notebook)."
STYLE = """\
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 100%; line-height: 1.5; color: #1a1a1a; background-color: #ffffff; }
body { margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
.meldung { border-left: 6px solid; border-radius: 4px; padding: 0.6rem 1rem; margin: 1rem 0;
  color: #8a1c1c; background-color: #fdecea; }
.code { color: #4a4a4a; background-color: #ffffff; font-size: 0.9rem; }
.info { border-left: 6px solid; border-radius: 4px; padding: 0.6rem 1rem; margin: 1rem 0;
  color: #1d3557; background-color: #eef3fb; }
"""


def error_texts(status_code: int) -> tuple[str, str]:
    """The German title and message for an HTTP error status."""
    return ERROR_TEXTS.get(status_code, SERVER_ERROR)


def _page(title: str, body: str) -> str:
    """A complete German page in the apps' look around ``body`` (HTML): nothing loaded."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n"
    )


def error_page(status_code: int) -> str:
    """A complete German error page for ``status_code``: no traceback, no path, no CDN."""
    title, text = error_texts(status_code)
    return _page(
        title,
        f'<p class="meldung" role="alert">{escape(text)}</p>\n'
        f'<p class="code">Fehlercode {int(status_code)}</p>\n',
    )


def start_page() -> str:
    """The German page at the server's own address: no app there, the invitation's link."""
    return _page(START_TEXT[0], f'<p class="info">{escape(START_TEXT[1])}</p>\n')


def write_error(handler: tornado.web.RequestHandler, status_code: int, **kwargs: Any) -> None:
    """Answer with the German error page (never tornado's English one or a traceback)."""
    handler.set_header("Content-Type", "text/html; charset=utf-8")
    handler.finish(error_page(status_code))


def request_summary(handler: tornado.web.RequestHandler) -> str:
    """A request as the log shows it: method, path and address, never the query.

    The query of an app's link holds the participant's access code (``?token=…``) or a
    coder's name (``?coder=…``); tornado's summary, which Voilà logs for every failed
    request, printed it.
    """
    request = handler.request
    return f"{request.method} {request.path} ({request.remote_ip})"


class NotFoundHandler(tornado.web.RequestHandler):
    """Answers an address no handler knows with the German 404 page (tornado's is English)."""

    write_error = write_error
    _request_summary = request_summary

    def prepare(self) -> None:
        """Every request here is for a page that does not exist."""
        raise tornado.web.HTTPError(404)


class StartPageHandler(tornado.web.RequestHandler):
    """Answers the server's own address with :func:`start_page` instead of Voilà's file tree."""

    write_error = write_error
    _request_summary = request_summary

    def get(self) -> None:
        """The short German page (200: the server runs, there is just no app here)."""
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(start_page())


def no_file_tree() -> None:
    """Show :func:`start_page` at ``/``, and no list of the apps at ``/voila/tree`` or its API.

    Voilà 0.5 serving a folder lists every notebook in it at ``/`` and ``/voila/tree``
    (and as JSON at ``/voila/api/contents``) and has no setting to turn that off. Someone
    who trims an invitation's link to the host name landed there, in English, with every
    app a click away. ``Voila.init_handlers`` is wrapped once to put a German start page at
    ``/`` and :class:`NotFoundHandler` at the tree and its API, ahead of Voilà's handlers;
    the apps keep their addresses (``/voila/render/<app>.ipynb``).
    """
    from jupyter_server.utils import url_path_join
    from voila.app import Voila

    if getattr(Voila.init_handlers, "no_file_tree", False):
        return
    original = Voila.init_handlers

    @functools.wraps(original)
    def init_handlers(self: Voila) -> list:
        handlers = original(self)
        if self.notebook_path:  # one notebook at every address: no tree to hide
            return handlers
        return [
            (self.server_url, StartPageHandler),
            (url_path_join(self.server_url, r"/voila/tree(/.*)?"), NotFoundHandler),
            (url_path_join(self.server_url, r"/voila/api/contents(/.*)?"), NotFoundHandler),
            *handlers,
        ]

    init_handlers.no_file_tree = True
    Voila.init_handlers = init_handlers


def german_error_pages() -> None:
    """Let the Voilà server answer errors with :func:`error_page`.

    Voilà renders its error pages from the templates ``404.html`` and ``error.html`` of
    its own Jinja environment (``voila_jinja2_env``); ``Voila.init_settings`` is wrapped
    once to put :func:`error_page` in front of them and to answer unknown addresses with
    :class:`NotFoundHandler`. A link cut after the app's name (``…/render/bedarfe_bewerten``
    without ``.ipynb``) is sent on to Voilà's file handler, which refuses it with tornado's
    English page: it gets :func:`write_error` too, as do the static files' handlers (a
    refused or missing file under ``/voila/static``, ``/voila/templates``,
    ``/voila/labextensions`` or ``/voila/api/themes``). The log lines of failed requests leave
    out the query (:func:`request_summary`).
    """
    from jinja2 import ChoiceLoader, DictLoader
    from jupyter_server.base.handlers import FileFindHandler, JupyterHandler
    from markupsafe import Markup
    from voila.app import Voila
    from voila.static_file_handler import (
        AllowListFileHandler,
        MultiStaticFileHandler,
        TemplateStaticFileHandler,
    )

    if getattr(Voila.init_settings, "german_errors", False):
        return
    original = Voila.init_settings

    def init_settings(self: Voila) -> dict:
        settings = original(self)
        environment = settings["voila_jinja2_env"]
        page = "{{ german_error_page(status_code) }}"
        environment.loader = ChoiceLoader(
            [DictLoader({"404.html": page, "error.html": page}), environment.loader]
        )
        environment.globals["german_error_page"] = lambda code: Markup(error_page(code))
        settings["default_handler_class"] = NotFoundHandler
        return settings

    init_settings.german_errors = True
    Voila.init_settings = init_settings
    # tornado's English 403 and 404 pages otherwise; Jupyter's file handler (extensions,
    # themes) failed to render its own error page and answered with an empty one
    for handler in (
        AllowListFileHandler,
        MultiStaticFileHandler,
        TemplateStaticFileHandler,
        FileFindHandler,
    ):
        handler.write_error = write_error
    parse_template_path = TemplateStaticFileHandler.parse_url_path

    def parse_url_path(self: TemplateStaticFileHandler, path: str) -> str:
        try:  # Voilà unpacks "<template>/static/<file>" and fails (500) on anything else
            return parse_template_path(self, path)
        except (ValueError, AssertionError):
            raise tornado.web.HTTPError(404) from None

    TemplateStaticFileHandler.parse_url_path = parse_url_path
    JupyterHandler._request_summary = request_summary  # Voilà's pages: logged without query


def german_cell_errors() -> None:
    """Let a failed or timed-out cell leave a German message on the page, not Voilà's.

    With ``show_tracebacks`` off (as the apps run) Voilà replaces a failed cell's
    traceback by an English request to restart the server with other flags; the
    participant gets :data:`CELL_ERROR` instead. The traceback stays in the server's log.
    """
    from voila.execute import VoilaExecutor
    from voila.notebook_renderer import NotebookRenderer

    if getattr(VoilaExecutor.strip_code_cell_errors, "german", False):
        return

    def strip_code_cell_errors(self: VoilaExecutor, cell: Any) -> Any:
        if cell["cell_type"] != "code":
            return cell
        for output in cell["outputs"]:
            if output["output_type"] == "error":
                output["ename"] = "ExecutionError"
                output["evalue"] = "Execution error"
                output["traceback"] = [CELL_ERROR]
        return cell

    def show_code_cell_timeout(self: VoilaExecutor, cell: Any) -> None:
        cell["outputs"] = [
            {
                "output_type": "error",
                "ename": "TimeoutError",
                "evalue": "Timeout error",
                "traceback": [CELL_TIMEOUT],
            }
        ]

    generate = NotebookRenderer._jinja_cell_generator

    async def cell_generator(self: NotebookRenderer, nb: Any, kernel_id: str) -> Any:
        async for cell in generate(self, nb, kernel_id):
            for output in cell.get("outputs", []):
                if str(output.get("text", "")).startswith(_SERVER_EXCEPTION):
                    output["text"] = CELL_ERROR
            yield cell

    strip_code_cell_errors.german = True
    VoilaExecutor.strip_code_cell_errors = strip_code_cell_errors
    VoilaExecutor.show_code_cell_timeout = show_code_cell_timeout
    NotebookRenderer._jinja_cell_generator = cell_generator
