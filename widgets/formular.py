"""The participation form without a kernel: tornado handlers and a standalone server.

The Voilà app ``bedarfe_bewerten`` costs every participant a Python kernel: 2.2–2.7 s of
server CPU per page view (docs/decisions/010-beteiligung-im-ansturm.md). When a whole
video conference clicks the link at once, that drowns the server. This form answers the
same ballot (:mod:`workbench.participation.ballots`) with a plain HTML page and a POST:

- ``GET <prefix>/beteiligung?token=…`` — the page (:func:`widgets.formular_page.form_page`)
  with the token's items and its stored answers;
- ``POST <prefix>/beteiligung`` (the token in a hidden field) — everything is checked
  first; with any problem nothing is stored and the page comes back with the typed values
  and the reasons; otherwise every changed item is saved through
  :func:`~workbench.participation.ballots.save_answer` and the browser is sent on
  (``303 See Other``) to ``…?token=…&gespeichert=1``;
- ``GET <prefix>/beteiligung/formular.css`` — the stylesheet (the CSP allows no inline
  styles).

A missing, malformed or unknown token gets the Voilà app's German message (400 when it is
missing, 403 otherwise) and no form. The database work blocks, so it runs in a few worker
threads (``IOLoop.run_in_executor``) while the server goes on serving others; the project
is opened once, on first use, and each call uses its own session or transaction.

*Privacy.* The token is the participant's credential and travels in the URL, so neither
the access log nor an error log may print the URL: :meth:`FormHandler._request_summary`
gives only the path, and :meth:`FormHandler.log_exception` only the error's type and
where it happened (a database error's message can quote a comment). Every response says
``Referrer-Policy: no-referrer`` and ``Cache-Control: no-store``.

:func:`handlers` mounts the form in any tornado application (``widgets.voila_server``
puts it into Voilà's, see ``make demo``); ``python -m widgets.formular --project DIR``
serves it alone (:func:`main`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlencode

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from sqlalchemy.exc import DBAPIError

from widgets.app_support import GENERIC_ERROR, PROJECT_ENV, for_the_team, open_project
from widgets.feedback_texts import (
    NOTHING_TO_RATE,
    SAVE_BUSY,
    SAVE_FAILED,
    SAVE_UNAVAILABLE,
    UNAVAILABLE,
)
from widgets.formular_page import (
    CSS,
    POINTS,
    SAVED_PARAM,
    STYLESHEET,
    STYLESHEET_HREF,
    TOKEN_FIELD,
    Problem,
    field_name,
    form_page,
    message_page,
    read_form,
)
from workbench.core.domain import WorkbenchError
from workbench.core.fileio import os_reason
from workbench.core.german import install as install_german
from workbench.participation.ballots import Answer, Ballot, open_ballot, save_answer
from workbench.participation.comments import load_name_detector
from workbench.participation.tokens import FORM_PATH, InvalidToken
from workbench.project import Project
from workbench.store.problems import ProjectBusyError, database_problem

# Comments are pseudonymised when saved: the name detector loads with the server,
# not at the first comment.
load_name_detector()

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the token is in the URL
    "Cache-Control": "no-store",
}
WORKERS = 4  # threads for the database; SQLite writes one at a time anyway
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8870
EXIT_ERROR = 2
# Messages for errors that tornado raises before a handler method runs.
HTTP_MESSAGES = {
    400: "Die Anfrage war unvollständig. Bitte öffnen Sie den Link aus Ihrer Einladung neu.",
    403: "Diese Anfrage wurde abgelehnt. Bitte öffnen Sie den Link aus Ihrer Einladung neu.",
    404: "Diese Seite gibt es nicht. Bitte prüfen Sie, ob der Link aus Ihrer Einladung "
    "vollständig ist, und öffnen Sie ihn noch einmal.",
    405: "Diese Anfrage ist hier nicht möglich. Bitte öffnen Sie den Link aus Ihrer Einladung.",
}

T = TypeVar("T")
_log = logging.getLogger(__name__)


class SaveRejected(WorkbenchError):
    """Saving one item was refused (e.g. the budget, changed meanwhile in another tab)."""

    def __init__(self, item_id: int, message: str):
        super().__init__(message)
        self.item_id = item_id


class FormSite:
    """What the form's handlers share: the project (opened once) and the worker threads."""

    def __init__(self, project_dir: Path | str | None = None, workers: int = WORKERS):
        self.project_dir = project_dir
        self.executor = ThreadPoolExecutor(workers, thread_name_prefix="beteiligung")
        self._project: Project | None = None
        self._lock = threading.Lock()

    def project(self) -> Project:
        """The project from ``project_dir`` (else ``WORKBENCH_PROJECT``), opened on first use
        and again after ``workbench migrate-db`` moved it to another database."""
        with self._lock:
            if self._project is not None and self._project.moved_away():  # migrate-db
                self._project.close()
                self._project = None
            if self._project is None:
                location = self.project_dir or os.environ.get(PROJECT_ENV) or ""
                # open_project's German messages: no project named, folder not found
                self._project = open_project({PROJECT_ENV: str(location)} if location else {})
            return self._project

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """``work(project, *args)`` in a worker thread; the server serves others meanwhile."""
        loop = tornado.ioloop.IOLoop.current()
        return await loop.run_in_executor(self.executor, self._call, work, args)

    def _call(self, work: Callable[..., T], args: Sequence[Any]) -> T:
        return work(self.project(), *args)

    def close(self) -> None:
        """Stop the worker threads and release the database connections."""
        self.executor.shutdown(wait=True)
        with self._lock:
            if self._project is not None:
                self._project.close()
                self._project = None


def save_order(ballot: Ballot, answers: Mapping[int, Answer]) -> list[Answer]:
    """The answers that change something, those that take points back first.

    Saved in this order, the token's points never exceed the budget on the way: they only
    fall until every decrease is stored, then only rise to the new total (≤ budget).

    >>> from workbench.participation.ballots import Item
    >>> ballot = Ballot(1, 10, (Item(1, "need", "A"), Item(2, "need", "B")),
    ...                 {1: Answer(1, None, 6), 2: Answer(2, None, 4)})
    >>> [a.item_id for a in save_order(ballot, {1: Answer(1, None, 9), 2: Answer(2, None, 1)})]
    [2, 1]
    """
    position = {item.item_id: n for n, item in enumerate(ballot.items)}

    def stored(item_id: int) -> Answer:
        return ballot.answers.get(item_id) or Answer(item_id)

    changed = [a for i, a in answers.items() if i in position and a != stored(i)]
    return sorted(changed, key=lambda a: (a.points - stored(a.item_id).points, position[a.item_id]))


def save_all(project: Project, token: str, answers: Sequence[Answer]) -> None:
    """Save the answers one by one (each one transaction); :class:`SaveRejected` names the item."""
    for answer in answers:
        try:
            save_answer(
                project, token, answer.item_id, answer.rating, answer.points, answer.comment
            )
        except WorkbenchError as err:
            if for_the_team(err):  # busy, moved, upgraded: not about this answer
                raise
            raise SaveRejected(answer.item_id, str(err)) from None


class _FormHandler(tornado.web.RequestHandler):
    """What every response of the form has: security headers, logs without the token."""

    def initialize(self, site: FormSite) -> None:
        """Take the shared site (tornado passes the URL spec's keyword arguments)."""
        self.site = site

    def set_default_headers(self) -> None:
        """The security headers, on every response (errors included)."""
        for name, value in HEADERS.items():
            self.set_header(name, value)

    def compute_etag(self) -> None:
        """No ETag: nothing here is cached (``no-store``), and pages differ by token."""
        return None

    def _request_summary(self) -> str:
        # tornado's access log and its warnings print request.uri, i.e. "?token=…": the
        # participant's credential. The path says enough.
        return f"{self.request.method} {self.request.path} ({self.request.remote_ip})"

    def log_exception(
        self,
        typ: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Log an error without the request (its URI has the token) or the error's message."""
        if isinstance(value, tornado.web.HTTPError):
            _log.warning("%d %s", value.status_code, self._request_summary())
            return
        _log.error(
            "Beteiligungsformular: %s bei %s\n%s",
            typ.__name__ if typ else "Fehler",
            self._request_summary(),
            "".join(traceback.format_tb(tb)),
        )

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """A German page instead of tornado's (never a traceback)."""
        text = HTTP_MESSAGES.get(status_code, GENERIC_ERROR)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(message_page(text, stylesheet=self._stylesheet()))

    def _stylesheet(self) -> str:
        """The stylesheet's address relative to this page."""
        return STYLESHEET_HREF

    def send_page(self, status: int, page: str) -> None:
        """Answer with an HTML page."""
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(page)


class FormHandler(_FormHandler):
    """``GET``: the form of the token in the URL; ``POST``: check and save the answers."""

    def check_xsrf_cookie(self) -> None:
        """No XSRF cookie check: the token in the form's body is the credential.

        tornado's check (``xsrf_cookies=True``, as Jupyter and Voilà may set) guards
        requests that the browser authenticates by itself with a cookie: a forged form on
        another site would act in the victim's name (ambient authority). Here no cookie
        authenticates anything; the participant's token travels in the body, and a request
        without a valid token changes nothing. Whoever could forge a valid request already
        holds the token and can send it directly. So the check would protect nothing; it
        would only reject the form, which carries no ``_xsrf`` field and sets no cookie.
        """

    async def get(self) -> None:
        """The form, with the stored answers (and a note after saving)."""
        token = self.get_query_argument(TOKEN_FIELD, None)
        ballot = await self._ballot(token)
        if ballot is None:
            return
        if not ballot.items:
            self.send_page(200, message_page(NOTHING_TO_RATE, "info"))
            return
        saved = self.get_query_argument(SAVED_PARAM, "") == "1"
        self.send_page(200, form_page(ballot, token or "", saved=saved))

    async def post(self) -> None:
        """Check every field, then save all or nothing; on success go to the saved page."""
        token = self.get_body_argument(TOKEN_FIELD, None)
        ballot = await self._ballot(token)
        if ballot is None or token is None:
            return
        fields = {
            name: self.get_body_arguments(name, strip=False)[-1]
            for name in self.request.body_arguments
        }
        entries, answers, problems = read_form(ballot, fields)
        if problems:
            self.send_page(400, form_page(ballot, token, entries, problems))
            return
        try:
            await self.site.run(save_all, token, save_order(ballot, answers))
        except SaveRejected as err:  # e.g. points given meanwhile in another tab
            now = await self._ballot(token)
            if now is None:
                return
            label = next((i.label for i in now.items if i.item_id == err.item_id), "")
            problem = Problem(f"„{label}“: {err}", err.item_id, field_name(POINTS, err.item_id))
            self.send_page(409, form_page(now, token, entries, [problem], stored_nothing=False))
            return
        except WorkbenchError as err:  # busy, moved, upgraded: the reason into the log
            if not for_the_team(err):
                raise
            _log.warning("Beteiligungsformular: Antworten nicht gespeichert (%s)", err)
            busy = isinstance(err, ProjectBusyError)
            problem = Problem(SAVE_BUSY if busy else SAVE_UNAVAILABLE)
            self.send_page(503, form_page(ballot, token, entries, [problem], stored_nothing=False))
            return
        except Exception:  # the database is gone, …: keep what was typed, let them retry
            self.log_exception(*sys.exc_info())
            problem = Problem(SAVE_FAILED)
            self.send_page(503, form_page(ballot, token, entries, [problem], stored_nothing=False))
            return
        self.redirect(
            f"{FORM_PATH}?{urlencode({TOKEN_FIELD: token, SAVED_PARAM: '1'})}", status=303
        )

    async def _ballot(self, token: str | None) -> Ballot | None:
        """The token's ballot; or None, after answering with the reason (and no form)."""
        try:
            return await self.site.run(open_ballot, token)
        except InvalidToken as err:
            self.send_page(400 if not token else 403, message_page(str(err)))
        except ProjectBusyError:  # a long import on a network share: come back later
            _log.warning("Beteiligungsformular: Projekt gerade gesperrt")
            self.set_header("Retry-After", "120")
            self.send_page(503, message_page(UNAVAILABLE))
        except WorkbenchError as err:  # no project, an outdated one: not the participant's fault
            _log.warning("Beteiligungsformular: Projekt nicht verfügbar (%s)", err)
            # its text names commands and schema revisions: the participant reads their own
            self.send_page(503, message_page(UNAVAILABLE))
        except DBAPIError as err:  # the server is down or restarting: come back later
            reason = database_problem(err)
            if reason is None:  # not the connection: a bug, shown as one (500, traceback log)
                raise
            _log.warning("Beteiligungsformular: Datenbank nicht erreichbar (%s)", reason)
            self.set_header("Retry-After", "120")
            self.send_page(503, message_page(UNAVAILABLE))
        return None


class StyleHandler(_FormHandler):
    """The form's stylesheet (a file of its own: the CSP allows no inline styles)."""

    def _stylesheet(self) -> str:
        return STYLESHEET

    def get(self) -> None:
        """The CSS."""
        self.set_header("Content-Type", "text/css; charset=utf-8")
        self.finish(CSS)


class NotFoundHandler(_FormHandler):
    """An address the form server does not know: the German 404 page, not tornado's."""

    def prepare(self) -> None:
        """Every request here is for a page that does not exist."""
        raise tornado.web.HTTPError(404)

    def _stylesheet(self) -> str:
        """The stylesheet's address from the server's root (the path may be deeper)."""
        return f"/{STYLESHEET_HREF}"


def handlers(prefix: str, project_dir: Path | str | None = None) -> list[tuple]:
    """The form's URL specs under ``prefix`` (``/`` or a server's base URL).

    The project folder is ``project_dir``, else ``WORKBENCH_PROJECT`` (as for the apps);
    it is opened on the first request.
    """
    site = FormSite(project_dir)
    base = "/" + "/".join(part for part in (prefix.strip("/"), FORM_PATH) if part)
    return [
        (re.escape(base), FormHandler, {"site": site}),
        (re.escape(f"{base}/{STYLESHEET}"), StyleHandler, {"site": site}),
    ]


def make_app(project_dir: Path | str | None, **settings: Any) -> tornado.web.Application:
    """A tornado application with only the form (tests, the standalone server).

    ``settings["formular_site"]`` is its :class:`FormSite` (``close()`` it when done).
    """
    specs = handlers("/", project_dir)
    site = specs[0][2]["site"]
    return tornado.web.Application(
        specs,
        formular_site=site,
        default_handler_class=NotFoundHandler,
        default_handler_args={"site": site},
        **settings,
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``python -m widgets.formular`` (usage, headings, errors in German)."""
    install_german()
    parser = argparse.ArgumentParser(
        prog="python -m widgets.formular",
        description="Startet das Beteiligungsformular ohne Kern je Person: "
        f"http://HOST:PORT/{FORM_PATH}?token=… (Links: workbench tokens --formular). "
        "Für viele Beteiligte auf einmal, etwa alle in einer Videokonferenz.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")
    parser.add_argument(
        "--project", metavar="DIR", help="Projektordner (sonst Umgebungsvariable WORKBENCH_PROJECT)"
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"Adresse, auf der der Server lauscht (Standard {DEFAULT_HOST}; "
        "nach außen über einen Reverse-Proxy mit TLS)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"Port (Standard {DEFAULT_PORT}; 0: ein freier, die Adresse steht in der Ausgabe)",
    )
    return parser


async def _serve(app: tornado.web.Application, host: str, port: int) -> None:
    """Listen and serve until the process is stopped; says the port it got (``0``: a free one)."""
    sockets = tornado.netutil.bind_sockets(port, host)
    server = tornado.httpserver.HTTPServer(app)
    server.add_sockets(sockets)
    bound = sockets[0].getsockname()[1]
    print(
        f"Beteiligungsformular: http://{host}:{bound}/{FORM_PATH}?token=… (Strg+C beendet)",
        flush=True,
    )
    await asyncio.Event().wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the form alone; a wrong project folder → one German line, exit code 2."""
    args = build_parser().parse_args(argv)
    location = args.project or os.environ.get(PROJECT_ENV)
    if not location:
        print(f"Kein Projekt angegeben: --project DIR oder {PROJECT_ENV} setzen.", file=sys.stderr)
        return EXIT_ERROR
    path = Path(location).expanduser()
    try:  # now, not on the first participant's page
        Project.open(path).close()
    except WorkbenchError as err:
        print(err, file=sys.stderr)
        return EXIT_ERROR
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        asyncio.run(_serve(make_app(path), args.host, args.port))
    except OSError as err:
        where = f"{args.host}:{args.port}"
        print(f"Der Server kann {where} nicht belegen: {os_reason(err)}.", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
