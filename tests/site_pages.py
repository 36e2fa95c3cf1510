"""Reading the pages of a published Sozialraum site in tests: their text, links, scripts
and chart data (shared by the tests of ``workbench publish``)."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


class Page(HTMLParser):
    """A page read as a browser would: visible text, links, scripts, styles, charts."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.raw = path.read_text(encoding="utf-8")
        self.texts: list[str] = []
        self.links: list[str] = []
        self.scripts: list[str] = []  # src of external scripts
        self.styles: list[str] = []  # href of stylesheets
        self.current: list[str] = []  # navigation links marked as the current page
        self.lang = ""
        self._skip = 0
        self.feed(self.raw)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag in ("script", "style"):
            self._skip += 1
            if tag == "script" and a.get("src"):
                self.scripts.append(a["src"])
        elif tag == "link" and a.get("rel") == "stylesheet":
            self.styles.append(a["href"])
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
            if a.get("aria-current") == "page":
                self.current.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(data)

    @property
    def text(self) -> str:
        """Visible text, whitespace collapsed (entities are already decoded)."""
        return " ".join(" ".join(self.texts).split())

    def chart_data(self) -> list[dict]:
        """The traces of every chart (the arguments of each ``Plotly.newPlot``)."""
        decoder = json.JSONDecoder()
        traces = []
        for match in re.finditer(r'Plotly\.newPlot\(\s*"[^"]+",\s*', self.raw):
            data, _ = decoder.raw_decode(self.raw, match.end())
            traces.extend(data)
        return traces

    def chart_strings(self) -> str:
        """Every string in the charts' data (hover texts, labels), decoded."""
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append(html.unescape(value))
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(self.chart_data())
        return " ".join(found)


def squash(text: str) -> str:
    return " ".join(str(text).split())


def page_files(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def profile_file(site: Path, district: str) -> Path:
    """The page whose title names ``district``'s profile (the city's: "Gesamtstadt (…)")."""
    title = f'<h1 id="sec-titel">Sozialraumprofil {html.escape(district)}'
    for path in site.glob("sozialraum-*.html"):
        text = path.read_text(encoding="utf-8")
        if f"{title}</h1>" in text or f"{title} (" in text:
            return path
    raise AssertionError(f"keine Seite für {district}")
