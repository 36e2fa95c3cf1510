"""Telegram group chats exported by Telegram Desktop as HTML (``messages.html`` …).

The export is a folder: the chat in pages of 1,000 messages (``messages.html``, then
``messages2.html`` …) beside ``photos/``, ``css/`` and ``js/``. Importing
``messages.html`` (or the folder) reads all its pages as one chat; a later page given
alone reads the whole chat too. Each ``div.message`` is a message: its sender
``.from_name`` (a message "joined" to the one before has none: the same sender), its
``.text``, its time in the ``title`` of ``.date`` ("12.03.2021 18:02:11 UTC+01:00"), a
reply's ``GoToMessage(…)``. ``div.message.service`` are the app's lines (the group was
created, someone joined; their names go onto the name list). The messages are read as
:mod:`workbench.ingest.telegram_chat` reads the JSON export: the same statements, the
same people. Shared locations and contacts (coordinates, phone numbers) are counted,
never stored; a forwarded message's original sender is not a sender of the chat.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import RawFile, decode, read_source
from workbench.ingest.telegram_chat import telegram_document

_PAGE = re.compile(r"^messages(\d*)\.html?$", re.IGNORECASE)
_TITLE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}:\d{2}(?::\d{2})?)")
_GO_TO = re.compile(r"GoToMessage\((\d+)\)|#go_to_message(\d+)")
_PLACES = ("media_location", "media_live_location", "media_contact", "media_venue")
# The app's lines that name people (English and German Telegram Desktop).
_SERVICE_PEOPLE = re.compile(
    r"^(?P<a>.+?) (?:invited|removed|hat) (?P<b>.+?)(?: (?:hinzugefügt|entfernt|eingeladen))?$"
    r"|^(?P<c>.+?) (?:created group|hat die Gruppe|joined group|left group|ist der Gruppe|"
    r"converted)\b"
)
_CAPITALISED = re.compile(r"^(?:[A-ZÄÖÜ][\w'’.-]*)(?: [A-ZÄÖÜ][\w'’.-]*){0,3}$")


def _classes(attrs: list[tuple[str, str | None]]) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


class _Export(HTMLParser):
    """Collects the messages of a page (see the module's rule) as JSON-export messages."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.messages: list[dict[str, Any]] = []
        self.divs: list[set[str]] = []  # the classes of the open divs
        self.sink: str | None = None  # "text" "from" "service" "question" "answer"
        self.sink_depth = 0
        self.skip = 0  # depth inside spans with details (a forward's date)

    @property
    def current(self) -> dict[str, Any] | None:
        return self.messages[-1] if self.messages else None

    def _forwarded(self) -> bool:
        return any("forwarded" in c for c in self.divs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span" and ("details" in _classes(attrs) or self.skip):
            self.skip += 1
        if tag == "br" and self.sink:
            self._add("\n")
        if tag == "a" and self.current is not None:
            self._link(attrs)
        if _classes(attrs) & set(_PLACES) and self.current is not None:
            self.current["location_information"] = True  # its coordinates or phone number
        if tag != "div":
            return
        classes = _classes(attrs)
        self.divs.append(classes)
        message = self.current
        if "message" in classes:
            self._start(classes, dict(attrs).get("id") or "")
        elif message is None:
            return
        elif "date" in classes and "details" in classes and not self._forwarded():
            title = dict(attrs).get("title") or ""
            message.setdefault("date", _iso(title))
        elif not self.sink and classes & {"text", "from_name", "question", "answer"}:
            kind = (
                "service"
                if message["type"] == "service"
                else next(k for k in ("text", "from_name", "question", "answer") if k in classes)
            )
            if kind == "from_name" and self._forwarded():
                message["forwarded_from"] = True
                kind = "forward"
            self.sink, self.sink_depth = kind, len(self.divs)
            message.setdefault("_" + kind, []).append("")
        elif message["type"] == "service" and "body" in classes and not self.sink:
            self.sink, self.sink_depth = "service", len(self.divs)
            message.setdefault("_service", []).append("")
        elif "media_poll" in classes:
            message["poll"] = {}

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.sink:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.skip:
            self.skip -= 1
        if tag != "div" or not self.divs:
            return
        if self.sink and len(self.divs) == self.sink_depth:
            self.sink = None
        self.divs.pop()

    def handle_data(self, data: str) -> None:
        if self.sink and not self.skip:
            self._add(data)

    def _add(self, data: str) -> None:
        message = self.current
        if message is not None and self.sink:
            message["_" + self.sink][-1] += data

    def _start(self, classes: set[str], element_id: str) -> None:
        number = re.sub(r"\D", "", element_id) or str(len(self.messages) + 1)
        service = "service" in classes
        if element_id.startswith("message-"):  # a day's heading ("12 March 2021")
            service, number = True, f"-{number}"
        self.messages.append({"id": number, "type": "service" if service else "message"})

    def _link(self, attrs: list[tuple[str, str | None]]) -> None:
        message = self.current
        assert message is not None
        found = dict(attrs)
        target = _GO_TO.search(f"{found.get('onclick') or ''} {found.get('href') or ''}")
        if target and any("reply_to" in c for c in self.divs):
            message["reply_to_message_id"] = target[1] or target[2]

    def finish(self) -> list[dict[str, Any]]:
        """The messages as the JSON export has them."""
        out = []
        for message in self.messages:
            if message["id"].startswith("-"):
                continue  # no message: the JSON export has no day headings
            name = " ".join("".join(message.pop("_from_name", [])).split())
            if name:
                message["from"] = name
            message.pop("_forward", None)
            text = [_lines(t) for t in message.pop("_text", [])]
            message["text"] = "\n".join(t for t in text if t)
            if isinstance(message.get("poll"), dict):
                message["poll"] = {
                    "question": " ".join("".join(message.pop("_question", [])).split()),
                    "answers": [
                        {"text": " ".join(a.split()).lstrip("- ").strip()}
                        for a in message.pop("_answer", [])
                        if a.strip()
                    ],
                }
            service = " ".join(" ".join(message.pop("_service", [])).split())
            if message["type"] == "service":
                message["members"] = _service_people(service)
            out.append(message)
        return out


def _lines(text: str) -> str:
    """A text's lines without the blanks and line breaks of the HTML's layout."""
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n")).strip()


def _iso(title: str) -> str:
    """``2021-03-12T18:02:11`` of a ``.date`` title ("12.03.2021 18:02:11 UTC+01:00")."""
    found = _TITLE.match(title.strip())
    if found is None:
        return title
    day, month, year, clock = found.groups()
    return f"{year}-{month}-{day}T{clock}"


def _service_people(text: str) -> list[str]:
    """The people an app line names ("Anna Schmidt invited Bernd Kowalczyk")."""
    found = _SERVICE_PEOPLE.match(text.strip().rstrip("."))
    if found is None:
        return []
    named = [found[g] for g in "abc" if found[g]]
    people = []
    for part in named:
        for who in re.split(r",\s*|\s+(?:und|and)\s+", part):
            if _CAPITALISED.match(who.strip()):
                people.append(who.strip())
    return people


def is_telegram_page(path: Path, first: bool = False) -> bool:
    """Whether a file is named as a page of a Telegram HTML export (``first``: its first,
    ``messages.html``, which a folder's import reads with all others)."""
    found = _PAGE.match(path.name)
    return found is not None and (not first or found[1] in ("", "1"))


def _pages(path: Path) -> list[Path]:
    """The pages of the export ``path`` belongs to, in order (just ``path`` if it has none)."""
    if not _PAGE.match(path.name):
        return [path]
    numbered = {
        int(m[1] or 1): p
        for p in path.parent.iterdir()
        if p.is_file() and (m := _PAGE.match(p.name)) is not None
    }
    return [numbered[n] for n in sorted(numbered)] if 1 in numbered else [path]


def is_telegram_html(path: Path | RawFile) -> bool:
    """Whether an ``.html`` file (or one already read) is a page of a chat exported by
    Telegram Desktop."""
    try:
        head = decode(read_source(path))[:20000]
    except InputError:
        return False
    return 'class="page_wrap"' in head and re.search(r'class="message\b', head) is not None


def parse_telegram_html(path: Path, roles: Mapping[str, str] | None = None) -> ParsedDocument:
    """Parse a Telegram HTML export (all pages of ``path``'s chat) like its JSON export."""
    pages = _pages(path)
    raws = [read_source(p) for p in pages]
    messages: list[dict[str, Any]] = []
    sender: str | None = None
    for raw in raws:
        parser = _Export()
        parser.feed(decode(raw))
        parser.close()
        for message in parser.finish():
            if message["type"] == "message":
                message.setdefault("from", sender)
                sender = message.get("from") or sender
            messages.append(message)
    if not messages:
        raise InputError("Kein Telegram-Export (keine Nachrichten gefunden).", file=path.name)
    raw = RawFile(pages[0].name, b"".join(r.data for r in raws))
    return telegram_document(messages, raw, roles)
