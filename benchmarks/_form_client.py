"""A participant of the kernel-less form without a browser (``participation_load.py``, (a)).

:func:`answer` does with plain HTTP (``http.client``, one kept-alive connection) what a
browser does on the form ``<base_url>/beteiligung?token=…`` (``widgets/formular.py``):

1. GET the page and its stylesheet (``beteiligung/formular.css``);
2. send the form as a browser would send it (:class:`FormPage`: every field as the page
   sets it, the token's hidden field included), the first item rated "trifft zu";
3. expect ``303 See Other``, follow it and find the note "Ihre Antworten sind
   gespeichert." (``role="status"``) on the page it leads to.

The field names are read from the page, not assumed. Failures are counted, not raised
(:attr:`FormView.error` names the step or the exception's type).
"""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from widgets.formular_page import SAVED_ALL

RATED = "trifft zu"  # the label of the rating the participant chooses on the first item
INPUTS_SENT = ("hidden", "number", "text", "")  # sent with their value; radios if checked


class FormError(Exception):
    """The server's answer is not what the participant expects (the step in the message)."""


class FormPage(HTMLParser):
    """What a browser reads from the form page: fields, labels, stylesheets, notes.

    ``fields``: the (item, name, value) triples of what a browser submits, in document
    order, ``item`` the index of the ``fieldset.punkt`` the field lies in (None outside
    every item); ``radios``: (item, name, value, id) of every radio button; ``labels``:
    id → text; ``notes``: the texts of ``role="status"`` elements.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[int | None, str, str]] = []
        self.radios: list[tuple[int | None, str, str, str]] = []
        self.labels: dict[str, str] = {}
        self.stylesheets: list[str] = []
        self.action = ""
        self.items = 0
        self.notes: list[str] = []
        self._fieldsets: list[bool] = []  # for each open fieldset: is it an item?
        self._label: str | None = None
        self._textarea: str | None = None
        self._note: tuple[str, int] | None = None  # (tag, depth) of an open status element
        self._text: list[str] = []

    @classmethod
    def read(cls, html: str) -> FormPage:
        """The page ``html`` read."""
        page = cls()
        page.feed(html)
        page.close()
        return page

    def _item(self) -> int | None:
        return self.items - 1 if any(self._fieldsets) else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self._note is not None and tag == self._note[0]:
            self._note = (tag, self._note[1] + 1)
        if a.get("role") == "status" and self._note is None:
            self._note, self._text = (tag, 1), []
        if tag == "fieldset":
            item = "punkt" in a.get("class", "").split()
            self.items += item
            self._fieldsets.append(item)
        elif tag == "link" and "stylesheet" in a.get("rel", "").split():
            self.stylesheets.append(a.get("href", ""))
        elif tag == "form":
            self.action = a.get("action", "")
        elif tag == "label" and a.get("for"):
            self._label, self._text = a["for"], []
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "").lower()
            if kind == "radio":
                self.radios.append((self._item(), a["name"], a.get("value", ""), a.get("id", "")))
            if kind in INPUTS_SENT or (kind in ("radio", "checkbox") and "checked" in a):
                self.fields.append((self._item(), a["name"], a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._text)
        if tag == "fieldset" and self._fieldsets:
            self._fieldsets.pop()
        elif tag == "label" and self._label is not None:
            self.labels[self._label], self._label = " ".join(text.split()), None
        elif tag == "textarea" and self._textarea is not None:
            # HTML drops one line break right after <textarea>
            value = text[1:] if text.startswith("\n") else text
            self.fields.append((self._item(), self._textarea, value))
            self._textarea = None
        if self._note is not None and tag == self._note[0]:
            depth = self._note[1] - 1
            self._note = (tag, depth) if depth else None
            if not depth:
                self.notes.append(" ".join(text.split()))

    def handle_data(self, data: str) -> None:
        if self._label is not None or self._textarea is not None or self._note is not None:
            self._text.append(data)

    def answer_first(self, label: str = RATED) -> list[tuple[str, str]]:
        """The fields a browser sends with the radio ``label`` checked on the first item."""
        first = [(n, v, id_) for i, n, v, id_ in self.radios if i == 0]
        choice = [(n, v) for n, v, id_ in first if self.labels.get(id_) == label]
        if not choice:
            raise FormError(f"kein „{label}“ beim ersten Punkt / no such choice on item 1")
        name, value = choice[0]
        sent = [(n, v) for _, n, v in self.fields if n != name]
        return [*sent, (name, value)]


@dataclass
class FormView:
    """One participant: seconds until the page was read and until the saved page, bytes."""

    first_content: float | None = None
    saved: float | None = None
    page_bytes: int = 0
    stylesheet_bytes: int = 0
    saved_page_bytes: int = 0
    items: int = 0
    error: str = ""


def _fetch(
    connection: http.client.HTTPConnection, method: str, url: str, body: str | None = None
) -> tuple[int, bytes, http.client.HTTPResponse]:
    """One request on the kept-alive connection: status, body, response."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Accept": "text/html,text/css,*/*", "User-Agent": "participation-load"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
    connection.request(method, target, body=body.encode() if body else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, data, response


def _expect(status: int, wanted: int, step: str) -> None:
    if status != wanted:
        raise FormError(f"{step}: HTTP {status}")


def answer(url: str, timeout: float, label: str = RATED) -> FormView:
    """Open the form at ``url``, rate the first item ``label``, save, read the saved page."""
    view = FormView()
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    start = time.monotonic()
    try:
        status, body, _ = _fetch(connection, "GET", url)
        _expect(status, 200, "Formular/form")
        view.first_content, view.page_bytes = time.monotonic() - start, len(body)
        form = FormPage.read(body.decode("utf-8"))
        view.items = form.items
        for href in form.stylesheets:
            status, css, _ = _fetch(connection, "GET", urljoin(url, href))
            _expect(status, 200, "Stylesheet")
            view.stylesheet_bytes += len(css)
        target = urljoin(url, form.action)
        sent = urlencode(form.answer_first(label))
        status, _, response = _fetch(connection, "POST", target, sent)
        _expect(status, 303, "Speichern/save")
        location = response.getheader("Location") or ""
        status, body, _ = _fetch(connection, "GET", urljoin(target, location))
        _expect(status, 200, "gespeichert/saved")
        view.saved_page_bytes = len(body)
        if SAVED_ALL not in FormPage.read(body.decode("utf-8")).notes:
            raise FormError("kein Hinweis „gespeichert“ / no saved note")
        view.saved = time.monotonic() - start
    except FormError as err:
        view.error = str(err)
    except (OSError, http.client.HTTPException, UnicodeDecodeError) as err:
        view.error = type(err).__name__
    finally:
        connection.close()
    return view
