"""The frame of every page of the site: head, navigation, main part, footer.

Pages lie side by side in one folder and link each other relatively, so the site works
from any web server, from a USB stick and opened as ``file://``. Styles come from
``assets/werkbank.css`` and plotly.js (on pages with charts) from ``assets/`` as well:
no page loads anything from the network. Every text is escaped here or by the caller.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from workbench.synthesis.reports.html import CSS as REPORT_CSS
from workbench.synthesis.reports.office import property_title

ASSETS = "assets"
STYLESHEET = f"{ASSETS}/werkbank.css"
SITE_NAME = "Qualitative Sozialraumanalyse"
FOOTER = (
    "Erstellt mit der Sozialraum-Werkbank. Alle Zitate sind pseudonymisiert "
    "(Namen, Kontaktdaten und Anschriften ersetzt)."
)

SITE_CSS = """
a { color: #1f4e8c; }
a.wb-skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .4rem .8rem; }
a.wb-skip:focus { left: .5rem; z-index: 10; }
header.wb-site-header { background: #1d3557; color: #fff; padding: .6rem 1.5rem; }
header.wb-site-header p { margin: 0 0 .3rem; font-weight: 600; }
nav.wb-site-nav ul { list-style: none; margin: 0; padding: 0; display: flex;
  flex-wrap: wrap; gap: .2rem .9rem; align-items: baseline; }
nav.wb-site-nav ul ul { display: inline-flex; gap: .2rem .6rem; }
nav.wb-site-nav a { color: #fff; }
nav.wb-site-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
nav.wb-site-nav .wb-nav-group { color: #d6e2f0; }
footer.wb-site-footer { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 2rem;
  color: #52606d; font-size: .85rem; border-top: 1px solid #d0d5da; }
ul.wb-districts li { margin: .4rem 0; }
table.wb-heatmap td.wb-cell { min-width: 4.5rem; }
blockquote.wb-quote footer, p.wb-meta { overflow-wrap: anywhere; }
details.wb-more > summary { cursor: pointer; color: #1f4e8c; margin: .4rem 0; }
figure.wb-map a.wb-map-link:focus { outline: 3px solid #000; outline-offset: -3px; }
figure.wb-map a.wb-map-link:focus .wb-map-area { stroke: #ffbf47; stroke-width: 5px; }
figure.wb-map a.wb-map-link:hover .wb-map-area { fill-opacity: .75; }
""".strip()


@dataclass(frozen=True)
class NavEntry:
    """A link in the navigation: file name, label and group (e.g. ``Sozialräume``)."""

    file: str
    label: str
    group: str = ""


def stylesheet() -> bytes:
    """The site's stylesheet: the report's styles and the navigation's."""
    return (REPORT_CSS + "\n" + SITE_CSS + "\n").encode("utf-8")


def navigation(entries: tuple[NavEntry, ...], current: str) -> str:
    """The navigation between pages; the current page is marked ``aria-current``."""
    esc = html.escape
    items: list[str] = []
    groups: dict[str, list[str]] = {}
    for entry in entries:
        mark = ' aria-current="page"' if entry.file == current else ""
        link = f'<a href="{esc(entry.file)}"{mark}>{esc(entry.label)}</a>'
        if not entry.group:
            items.append(f"<li>{link}</li>")
            continue
        if entry.group not in groups:
            groups[entry.group] = []
            items.append(entry.group)  # replaced by the group's list below
        groups[entry.group].append(f"<li>{link}</li>")
    rendered = [
        f'<li><span class="wb-nav-group">{esc(item)}:</span> <ul>{"".join(groups[item])}</ul></li>'
        if item in groups
        else item
        for item in items
    ]
    return (
        f'<nav class="wb-site-nav" aria-label="Seiten der Sozialraumanalyse">'
        f"<ul>{''.join(rendered)}</ul></nav>"
    )


def page(
    title: str,
    body: str,
    entries: tuple[NavEntry, ...],
    current: str,
    project: str,
    plotly_file: str | None = None,
) -> bytes:
    """A whole page: ``body`` (HTML, already escaped) in the site's frame.

    ``plotly_file`` (a name in ``assets/``) is loaded before the body's charts run.
    """
    esc = html.escape
    script = f'<script src="{ASSETS}/{esc(plotly_file)}"></script>\n' if plotly_file else ""
    document = (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Sozialraum-Werkbank">\n'
        f"<title>{esc(property_title(title))} – {esc(SITE_NAME)}</title>\n"
        f'<link rel="stylesheet" href="{STYLESHEET}">\n{script}'
        "</head>\n<body>\n"
        '<a class="wb-skip" href="#inhalt">Zum Inhalt springen</a>\n'
        f'<header class="wb-site-header"><p>{esc(SITE_NAME)} · {esc(project)}</p>\n'
        f"{navigation(entries, current)}</header>\n"
        f'<main class="wb-report" id="inhalt">\n{body}\n</main>\n'
        f'<footer class="wb-site-footer">{esc(FOOTER)}</footer>\n'
        "</body>\n</html>\n"
    )
    return document.encode("utf-8")
