"""HTTP for the form's tests: serve a tornado app in a thread, talk to it, read its page.

:func:`serving` runs an application with tornado's HTTP server in a thread of its own (its
own event loop) on a free port of 127.0.0.1; :class:`Client` sends what a browser without
JavaScript sends (no redirects followed, no cookies kept); :class:`Structure` reads a page
the way the accessibility checks need it.
"""

from __future__ import annotations

import asyncio
import http.client
import re
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port

FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Response:
    """What the server answered."""

    status: int
    headers: http.client.HTTPMessage
    body: str


class Client:
    """Requests to one served app (no redirects followed, no cookies kept)."""

    def __init__(self, port: int):
        self.port = port

    def request(self, method: str, path: str, fields: Mapping[str, str] | None = None) -> Response:
        """One request; ``fields`` are sent as a form's body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            body = urlencode(fields) if fields is not None else None
            connection.request(method, path, body=body, headers=FORM_TYPE if body else {})
            answer = connection.getresponse()
            return Response(answer.status, answer.headers, answer.read().decode("utf-8"))
        finally:
            connection.close()

    def page(self, token: str | None, **params: str) -> Response:
        """GET the form of ``token``."""
        query = {"token": token, **params} if token is not None else params
        return self.request("GET", f"/beteiligung?{urlencode(query)}")

    def send(self, token: str | None, fields: Mapping[str, str]) -> Response:
        """POST the form's fields (with the token in its hidden field)."""
        return self.request(
            "POST", "/beteiligung", {**({"token": token} if token else {}), **fields}
        )


@contextmanager
def serving(app: tornado.web.Application) -> Iterator[Client]:
    """Serve ``app`` in a thread of its own (its own event loop) while the block runs."""
    ready = threading.Event()
    state: dict = {}

    def run() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        sock, port = bind_unused_port()

        async def start() -> HTTPServer:
            server = HTTPServer(app)
            server.add_sockets([sock])
            return server

        server = loop.run_until_complete(start())
        state.update(loop=loop, port=port)
        ready.set()
        loop.run_forever()
        server.stop()
        loop.run_until_complete(server.close_all_connections())
        loop.close()

    thread = threading.Thread(target=run, name="formular-test", daemon=True)
    thread.start()
    assert ready.wait(30), "server did not start"
    try:
        yield Client(state["port"])
    finally:
        state["loop"].call_soon_threadsafe(state["loop"].stop)
        thread.join(30)
        app.settings["formular_site"].close()


class Structure(HTMLParser):
    """What the page is made of: balanced tags, ids, labels, headings, fieldsets."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self, page: str):
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.labelled: set[str] = set()
        self.controls: list[str] = []
        self.headings: list[int] = []
        self.fieldsets_without_legend = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.tags and self.tags[-1][0] == "fieldset" and tag != "legend":
            self.fieldsets_without_legend += 1
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"] or "")
        if tag == "label":
            self.labelled.add(a.get("for") or "")
        if (tag == "input" and a.get("type") != "hidden") or tag == "textarea":
            self.controls.append(a.get("id") or "")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing open"

    def inputs(self, name: str) -> list[dict[str, str | None]]:
        """The attributes of the inputs named ``name``."""
        return [a for tag, a in self.tags if tag == "input" and a.get("name") == name]


_ANNOUNCED = re.compile(r"Beteiligungsformular: http://[^:/\s]+:(\d+)/")


def announced_port(log: Path, process: subprocess.Popen, timeout: float) -> int:
    """The port a ``python -m widgets.formular --port 0`` says it got, by its log."""
    deadline = time.monotonic() + timeout
    while True:
        text = log.read_text(encoding="utf-8", errors="replace")
        found = _ANNOUNCED.search(text)
        if found:
            return int(found.group(1))
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"Formular-Server startet nicht:\n{text[-2000:]}")
        time.sleep(0.2)
